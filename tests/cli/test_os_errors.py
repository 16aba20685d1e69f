"""A build that the system stops (disk full, a read-only disk, no permission, a busy folder)
ends in the command's own error form, never a traceback, and the previous site stays
(issue 21, point 7)."""

from __future__ import annotations

import errno

import pytest

from hyteguide.build import write
from hyteguide.cli.main import main
from tests.conftest import BASE_URL, TEMPLATES
from tests.helpers import make_site

CASES = {
    errno.ENOSPC: ("No space left on device", "free some disk space"),
    errno.EROFS: ("Read-only file system", "read-only disk"),
    errno.EACCES: ("Permission denied", "you may not write there"),
}


def _build(root, out) -> int:
    return main(["build", "--content", str(root), "--templates", str(TEMPLATES), "-o", str(out),
                 "--today", "2026-12-07", "--base-url", BASE_URL])


@pytest.mark.parametrize("code", CASES)
def test_a_system_error_is_said_in_one_line_and_the_site_stays(tmp_path, monkeypatch, capsys,
                                                               code):
    root = make_site(tmp_path)
    out = tmp_path / "site"
    assert _build(root, out) == 0
    before = sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))
    capsys.readouterr()
    strerror, hint = CASES[code]

    def failing(self, relative, data):  # noqa: ANN001
        raise OSError(code, strerror, str(self.folder / relative))

    monkeypatch.setattr(write.Staging, "put", failing)
    assert _build(root, out) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    [line] = [line for line in err.splitlines() if line.startswith("error: ")]
    assert strerror in line and hint in line and str(tmp_path) in line
    assert "the previous site was left as it was" in err
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site.tmp-")]
