"""Where the build reads what is not content: templates, messages, assets, browser libraries.

A region's repository holds its content and, optionally, a `templates/` folder that overrides
single files of hyteguide's defaults (a page template, a stylesheet, a few messages). The
defaults ship inside the installed package (`hyteguide/defaults/`, copied there by setup.py
when a wheel is built); in a source checkout or an editable install they are read from the
checkout itself, whose `templates/` is their one source and whose `node_modules/` `npm ci`
filled. Every lookup of these files goes through this module, so the order is decided once:
the region's file first, then the default.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path, PurePosixPath

PACKAGE = Path(__file__).resolve().parents[1]  # hyteguide/
# A wheel carries the defaults here: templates/ and node_modules/{lunr,lunr-languages,decap-cms,
# yaml}/ (setup.py).
PACKAGED = PACKAGE / "defaults"
# A source checkout (and an editable install, which imports from it) has them beside the
# package: the repository's own templates/ and node_modules/.
CHECKOUT = PACKAGE.parent


def defaults_root() -> Path:
    """The folder that holds the default templates/ and node_modules/ (see the docstring)."""
    return PACKAGED if (PACKAGED / "templates").is_dir() else CHECKOUT


def default_templates() -> Path:
    """The packaged default templates folder."""
    return defaults_root() / "templates"


def template_folders(templates: Path) -> list[Path]:
    """The folders templates are looked up in, first match wins: the region's templates folder
    (when it exists and is not the defaults themselves), then the defaults."""
    default = default_templates()
    folders = [templates] if templates.is_dir() else []
    if not any(_same(folder, default) for folder in folders):
        folders.append(default)
    return folders


def catalogue_files(templates: Path, lang: str) -> list[Path]:
    """The message catalogues of a language, to be read in this order, later keys winning:
    the default i18n/<lang>.yaml, then the region's (which needs to hold only the messages it
    changes, so that messages added by an upgrade still come from the defaults)."""
    found = [folder / "i18n" / f"{lang}.yaml" for folder in reversed(template_folders(templates))]
    existing = [path for path in found if path.is_file()]
    return existing or found[:1]  # a missing default is reported by its reader, with its path


def asset_files(templates: Path) -> list[tuple[str, Path]]:
    """Every asset as (path under assets/, file), a region's file replacing the default of the
    same path; hidden files and folders are left out. Sorted by path, as the build writes them."""
    chosen: dict[str, Path] = {}
    for folder in reversed(template_folders(templates)):
        root = folder / "assets"
        for path in root.rglob("*"):
            relative = path.relative_to(root)
            if path.is_file() and not _hidden(relative):
                chosen[relative.as_posix()] = path
    return sorted(chosen.items(), key=lambda item: PurePosixPath(item[0]).parts)


def asset_file(templates: Path, name: str) -> Path | None:
    """The file of one asset path (under assets/), or None: never a file outside an assets
    folder nor a hidden one, whatever `..` the name holds (the preview serves these)."""
    for folder in template_folders(templates):
        root = (folder / "assets").resolve()
        file = (root / name).resolve()
        if not file.is_relative_to(root) or _hidden(file.relative_to(root)):
            return None
        if file.is_file():
            return file
    return None


def node_modules_candidates(templates: Path) -> Iterator[Path]:
    """Folders that may hold the browser libraries npm installs, most local first: beside the
    templates folder, the current folder, then the defaults (a wheel's own copy, or the
    checkout's node_modules)."""
    yield templates.resolve().parent / "node_modules"
    yield Path.cwd() / "node_modules"
    yield defaults_root() / "node_modules"


def _same(one: Path, other: Path) -> bool:
    return one.resolve() == other.resolve()


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)
