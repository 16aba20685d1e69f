"""The form editor's files in the site: a page per interface language (admin/, sv/admin/, …)
with its config.yml, the form shapes the file format reads, and the browser code Decap CMS and
the `yaml` package are, from node_modules (npm ci), never from the repository or a CDN."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

import yaml

from hyteguide.common.routes import path_to
from hyteguide.editor.config import EditorConfig, github_repo
from hyteguide.editor.shapes import shapes_document


class Renderer(Protocol):
    """What the editor's files take from the build's renderer (build/render.py)."""

    languages: tuple[str, ...]
    site: Any  # model.Site
    urls: Any  # web.urls.Urls
    guide: Any  # derive.guide.Guide
    env: Any  # jinja2.Environment

    def helpers(self, lang: str, here: str, rooted: bool = False) -> dict[str, Any]: ...

# Decap CMS's bundle: the main script and the chunks it loads from beside itself.
DECAP_FOLDER = "decap-cms/dist"
DECAP_MAIN = "decap-cms.js"
DECAP_LICENCE = "decap-cms.js.LICENSE.txt"
# The `yaml` package's browser build (ES modules, relative imports): the file format's parser.
YAML_FOLDER = "yaml/browser/dist"
DECAP_TARGET = "assets/vendor/decap/"
YAML_TARGET = "assets/admin/lib/yaml/"


class MissingEditorPackage(Exception):
    """decap-cms or yaml is not in node_modules."""


def editor_languages(renderer: Renderer) -> tuple[str, ...]:
    """The interface languages of the editor: the site's own (Decap has fi from us, sv, en)."""
    return renderer.languages


def has_editor(renderer: Renderer, local: bool) -> bool:
    """Whether the site has the editor: in the preview always (the local backend), in a
    build when site.yaml names a GitHub repository to send changes to."""
    return local or github_repo(renderer.site.repository) is not None


def content_folder(renderer: Renderer) -> str:
    """The content folder's path in the repository (where site.yaml is)."""
    return Path(renderer.site.source.path).parent.as_posix()


def editor_files(renderer: Renderer, labels: Callable[[str], dict[str, Any]],
                 local_hosts: tuple[str, ...] = ()) -> dict[str, Callable[[], bytes]]:
    """Site path → how to make it: each language's admin page and config.yml, and the
    shapes; local_hosts: the preview's host names (its local backend)."""
    files: dict[str, Callable[[], bytes]] = {
        path_to("editor_shapes"): partial(shapes_json, renderer)}
    for lang in editor_languages(renderer):
        page = renderer.urls.localised(path_to("editor"), lang) + "index.html"
        files[page] = partial(admin_page, renderer, lang)
        config = renderer.urls.localised(path_to("editor_config"), lang)
        files[config] = partial(config_yaml, renderer, lang, labels(lang), local_hosts)
    return files


def shapes_json(renderer: Renderer) -> bytes:
    """assets/admin/shapes.json: the form shapes with the site's languages."""
    return json.dumps(shapes_document(renderer.languages), ensure_ascii=False,
                      sort_keys=True, separators=(",", ":")).encode("utf-8")


def config_yaml(renderer: Renderer, lang: str, labels: dict[str, Any],
                local_hosts: tuple[str, ...]) -> bytes:
    """config.yml of the editor in an interface language."""
    guide = renderer.guide
    config = EditorConfig(renderer.site, guide.content.vocabulary, content_folder(renderer),
                          lang, labels, renderer.urls.base_url).config(local_hosts)
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=1000)
    return ("# The form editor's configuration, made by the build from the content schema "
            "(hyteguide/editor/).\n" + text).encode("utf-8")


def admin_page(renderer: Renderer, lang: str) -> bytes:
    """The editor's page in an interface language (templates/admin.html)."""
    here = renderer.urls.localised(path_to("editor"), lang)
    helpers = renderer.helpers(lang, here)
    sign_in = renderer.site.editor_sign_in
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(sign_in)) if sign_in else ""
    html = renderer.env.get_template("admin.html").render(
        {**helpers, "page_path": here, "editor_origin": origin})
    return html.encode("utf-8")


def vendor_files(node_modules: Path) -> Iterator[tuple[str, bytes]]:
    """Decap CMS (the main script and its chunks, not source maps) and the yaml package's
    browser build, from node_modules; raises MissingEditorPackage."""
    decap, parser = node_modules / DECAP_FOLDER, node_modules / YAML_FOLDER
    for folder, package in ((decap, "decap-cms"), (parser, "yaml")):
        if not folder.is_dir():
            raise MissingEditorPackage(
                f"{folder} is missing: the form editor needs {package} from the npm registry; "
                f"run `npm ci` in {node_modules.parent}")
    for path in sorted(decap.glob("*decap-cms.js")):
        yield DECAP_TARGET + path.name, path.read_bytes()
    # The licences, as the bundle's first line points to them (Decap: MIT; yaml: ISC).
    yield DECAP_TARGET + DECAP_LICENCE, (decap / DECAP_LICENCE).read_bytes()
    yield YAML_TARGET + "LICENSE", (parser.parents[1] / "LICENSE").read_bytes()
    for path in sorted(parser.rglob("*.js")):
        yield YAML_TARGET + path.relative_to(parser).as_posix(), path.read_bytes()


def vendor_file(node_modules: Path, name: str) -> bytes | None:
    """One file of vendor_files by its site path (the preview), or None."""
    licences = {DECAP_TARGET + DECAP_LICENCE: node_modules / DECAP_FOLDER / DECAP_LICENCE,
                YAML_TARGET + "LICENSE": node_modules / "yaml" / "LICENSE"}
    if name in licences:
        file = licences[name]
    elif name.startswith(DECAP_TARGET) and name.endswith("decap-cms.js") and "/" not in \
            name.removeprefix(DECAP_TARGET):
        file = node_modules / DECAP_FOLDER / name.removeprefix(DECAP_TARGET)
    elif name.startswith(YAML_TARGET) and name.endswith(".js") and ".." not in name:
        file = node_modules / YAML_FOLDER / name.removeprefix(YAML_TARGET)
    else:
        return None
    return file.read_bytes() if file.is_file() else None
