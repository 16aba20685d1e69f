"""A page of the tests' own with Decap CMS from node_modules and our locale scripts, served on
127.0.0.1: for tests of the interface language that use Decap's in-memory test backend, apart
from /admin/'s configuration."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.browsing import unavailable
from tests.conftest import REPO, LocalServer

DECAP = REPO / "node_modules" / "decap-cms" / "dist"
ADMIN = REPO / "templates" / "assets" / "admin"


@contextmanager
def decap_page(www: Path, page: str, scripts: tuple[str, ...]) -> Iterator[str]:
    """Serve page (HTML) as admin/index.html beside decap/ and our scripts of ADMIN; yields
    its address."""
    if not (DECAP / "decap-cms.js").is_file():
        unavailable("node_modules/decap-cms is missing: run npm ci")
    folder = www / "hyteguide" / "admin"
    folder.mkdir(parents=True)
    os.symlink(DECAP, folder / "decap")  # decap-cms.js loads its chunks beside itself
    for script in scripts:
        (folder / script).write_bytes((ADMIN / script).read_bytes())
    (folder / "index.html").write_text(page, "utf-8")
    with LocalServer(www) as server:
        yield server.url + "admin/index.html"
