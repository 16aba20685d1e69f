"""The file format's node fixture (see fileformat.py)."""

from __future__ import annotations

import shutil

import pytest

from tests.editor.fileformat import ADMIN, NODE_MODULES, YAML_BROWSER, Format
from tests.search.test_searchtext import NODE, unavailable


@pytest.fixture(scope="session")
def fmt(tmp_path_factory) -> Format:
    if not NODE.is_file():
        unavailable(f"{NODE} is missing: apt-get install nodejs")
    if not (YAML_BROWSER / "index.js").is_file() or not (NODE_MODULES / "immutable").is_dir():
        unavailable("node_modules/yaml or immutable is missing: run npm ci")
    site = tmp_path_factory.mktemp("site")
    (site / "package.json").write_text('{"type": "module"}\n', encoding="utf-8")
    shutil.copytree(YAML_BROWSER, site / "admin" / "lib" / "yaml")
    for script in ADMIN.glob("*.js"):
        shutil.copy(script, site / "admin" / script.name)
    return Format(site)

