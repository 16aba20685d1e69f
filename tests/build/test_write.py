"""hyteguide.build.write: the output folder is replaced all at once, or not at all."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hyteguide.build import write
from hyteguide.build.write import MARKER, UnsafeOutput, recover, write_site


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every file (bytes) and folder (None) under folder, by relative path."""
    return {p.relative_to(folder).as_posix(): (p.read_bytes() if p.is_file() else None)
            for p in sorted(folder.rglob("*"))}


def leftovers(parent: Path, name: str = "site") -> list[str]:
    return sorted(p.name for p in parent.iterdir()
                  if p.name.startswith((f".{name}.tmp-", f".{name}.old-")))


FIRST = [(".nojekyll", b""), ("index.html", b"<p>eka</p>"), ("sv/index.html", b"<p>sv</p>"),
         ("organisations/a/index.html", b"A"), ("assets/style.css", b"body{}")]
SECOND = [(".nojekyll", b""), ("index.html", b"<p>toka</p>"), ("organisations/b/index.html", b"B")]


def test_writes_every_file_and_returns_the_count(tmp_path):
    target = tmp_path / "site"
    assert write_site(target, iter(FIRST)) == len(FIRST)
    assert snapshot(target) == {
        ".nojekyll": b"", "assets": None, "assets/style.css": b"body{}",
        "index.html": b"<p>eka</p>", "organisations": None, "organisations/a": None,
        "organisations/a/index.html": b"A", "sv": None, "sv/index.html": b"<p>sv</p>"}
    assert leftovers(tmp_path) == []


def test_written_folder_is_readable_by_others(tmp_path):
    target = tmp_path / "site"
    write_site(target, FIRST)
    assert target.stat().st_mode & 0o755 == 0o755


def test_creates_missing_parent_folders(tmp_path):
    target = tmp_path / "deep" / "er" / "site"
    write_site(target, FIRST)
    assert (target / "index.html").read_bytes() == b"<p>eka</p>"


def test_an_existing_empty_folder_may_be_used(tmp_path):
    target = tmp_path / "site"
    target.mkdir()
    write_site(target, FIRST)
    assert (target / MARKER).exists()


def test_second_write_replaces_the_whole_folder(tmp_path):
    target = tmp_path / "site"
    write_site(target, FIRST)
    (target / "stray.txt").write_text("left by someone")
    assert write_site(target, SECOND) == len(SECOND)
    assert snapshot(target) == {".nojekyll": b"", "index.html": b"<p>toka</p>",
                                "organisations": None, "organisations/b": None,
                                "organisations/b/index.html": b"B"}
    assert leftovers(tmp_path) == []


def test_replacement_is_a_swap_of_folders(tmp_path):
    """Readers holding the old folder keep a complete old site: the folder is swapped, not
    rewritten in place."""
    target = tmp_path / "site"
    write_site(target, FIRST)
    old_inode = target.stat().st_ino
    write_site(target, SECOND)
    assert target.stat().st_ino != old_inode


def test_a_relative_target_works(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_site(Path("site"), FIRST)
    write_site(Path("site"), SECOND)
    assert (tmp_path / "site" / "index.html").read_bytes() == b"<p>toka</p>"
    assert leftovers(tmp_path) == []


class Boom(Exception):
    pass


def failing(files, after: int, error: BaseException):
    """The files, then an error after `after` of them (like a template error midway)."""
    for index, item in enumerate(files):
        if index == after:
            raise error
        yield item


@pytest.mark.parametrize("after", [0, 1, 3])
@pytest.mark.parametrize("error", [Boom("template error"), KeyboardInterrupt()])
def test_error_midway_leaves_the_previous_site_byte_identical(tmp_path, after, error):
    target = tmp_path / "site"
    write_site(target, FIRST)
    before = snapshot(target)
    with pytest.raises(type(error)):
        write_site(target, failing(SECOND + [("x/y.html", b"y")] * 5, after, error))
    assert snapshot(target) == before
    assert leftovers(tmp_path) == []


def test_error_midway_on_a_first_build_leaves_nothing(tmp_path):
    target = tmp_path / "site"
    with pytest.raises(Boom):
        write_site(target, failing(FIRST, 2, Boom()))
    assert not target.exists()
    assert leftovers(tmp_path) == []


def test_refuses_a_non_empty_folder_without_the_marker(tmp_path):
    target = tmp_path / "Documents"
    target.mkdir()
    (target / "thesis.docx").write_bytes(b"precious")
    (target / "sub").mkdir()
    (target / "sub" / "notes.txt").write_text("more")
    before = snapshot(target)
    with pytest.raises(UnsafeOutput, match="nojekyll"):
        write_site(target, FIRST)
    assert snapshot(target) == before
    assert leftovers(tmp_path, "Documents") == []


def test_refuses_a_file_in_place_of_the_folder(tmp_path):
    target = tmp_path / "site"
    target.write_text("not a folder")
    with pytest.raises(UnsafeOutput):
        write_site(target, FIRST)
    assert target.read_text() == "not a folder"
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("relative", ["../x", "../../x", "a/../../x", "/tmp/evil-absolute",
                                      "..", "sub/../../site/index.html"])
def test_refuses_paths_outside_the_folder(tmp_path, relative):
    target = tmp_path / "out" / "site"
    write_site(target, FIRST)
    before = snapshot(tmp_path)
    with pytest.raises(UnsafeOutput):
        write_site(target, [("index.html", b"new"), (relative, b"evil")])
    assert snapshot(tmp_path) == before
    assert not Path("/tmp/evil-absolute").exists()
    assert leftovers(tmp_path / "out") == []


def test_a_path_that_stays_inside_is_fine(tmp_path):
    target = tmp_path / "site"
    write_site(target, [(".nojekyll", b""), ("a/../b.html", b"b")])
    assert (target / "b.html").read_bytes() == b"b"


# -- recovering from an interrupted swap --------------------------------------------------------

def test_recover_restores_the_old_folder_when_the_target_is_missing(tmp_path):
    """A crash between the two renames of the swap: site/ is gone, .site.old-* holds it."""
    target = tmp_path / "site"
    write_site(target, FIRST)
    before = snapshot(target)
    target.rename(tmp_path / ".site.old-abc123")
    (tmp_path / ".site.tmp-def456").mkdir()  # the staging folder that was never swapped in
    recover(target)
    assert snapshot(target) == before
    assert not (tmp_path / ".site.old-abc123").exists()


def test_write_site_recovers_before_writing(tmp_path):
    target = tmp_path / "site"
    write_site(target, FIRST)
    target.rename(tmp_path / ".site.old-abc123")
    write_site(target, SECOND)  # the restored site has the marker, so it may be replaced
    assert (target / "index.html").read_bytes() == b"<p>toka</p>"
    assert not (tmp_path / ".site.old-abc123").exists()


def test_recover_removes_a_stale_old_folder_when_the_target_exists(tmp_path):
    """A crash after the second rename: the new site is in place, the old one is garbage."""
    target = tmp_path / "site"
    write_site(target, SECOND)
    before = snapshot(target)
    stale = tmp_path / ".site.old-zzz"
    stale.mkdir()
    (stale / "index.html").write_bytes(b"old")
    recover(target)
    assert snapshot(target) == before
    assert not stale.exists()


def test_recover_with_nothing_to_do_changes_nothing(tmp_path):
    target = tmp_path / "site"
    recover(target)
    assert list(tmp_path.iterdir()) == []
    write_site(target, FIRST)
    before = snapshot(tmp_path)
    recover(target)
    assert snapshot(tmp_path) == before


def test_recover_ignores_other_sites_old_folders(tmp_path):
    other = tmp_path / ".website.old-1"
    other.mkdir()
    recover(tmp_path / "site")
    assert other.exists() and not (tmp_path / "site").exists()


def test_simulated_crash_between_renames_then_next_build(tmp_path, monkeypatch):
    """Where the system cannot exchange two folders at once (two renames instead), make the
    second rename fail: the next write restores and then replaces."""
    target = tmp_path / "site"
    write_site(target, FIRST)
    monkeypatch.setattr(write, "_exchange", lambda first, second: False)
    real_rename = Path.rename

    def crash_on_staging(self, destination):  # noqa: ANN001
        if self.name.startswith(".site.tmp-"):
            raise OSError("power cut")
        return real_rename(self, destination)

    monkeypatch.setattr(Path, "rename", crash_on_staging)
    with pytest.raises(OSError, match="power cut"):
        write_site(target, SECOND)
    monkeypatch.setattr(Path, "rename", real_rename)
    assert not target.exists()
    assert [n for n in leftovers(tmp_path) if n.startswith(".site.old-")]
    recover(target)
    assert snapshot(target)["index.html"] == b"<p>eka</p>"
    write_site(target, SECOND)
    assert snapshot(target)["index.html"] == b"<p>toka</p>"
    assert leftovers(tmp_path) == []


def test_files_may_be_any_iterable(tmp_path):
    target = tmp_path / "site"
    assert write_site(target, (item for item in FIRST)) == len(FIRST)
    assert write_site(target, dict(SECOND).items()) == len(SECOND)



def test_the_swap_is_one_exchange_where_the_system_has_it(tmp_path, monkeypatch):
    """On Linux the new site and the old one change places in one step: there is no instant
    without a whole site in the output folder (a kill between two renames left none)."""
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    (first / "x").write_text("a")
    if not write._exchange(first, second):
        if os.environ.get("CI"):  # CI runs on Linux: it must have the exchange
            pytest.fail("renameat2(RENAME_EXCHANGE) is not available here")
        pytest.skip("this system cannot exchange two folders (the two renames are tested)")
    assert (second / "x").read_text() == "a" and not (first / "x").exists()
    target = tmp_path / "site"
    write_site(target, FIRST)
    renamed: list[str] = []
    real_rename = Path.rename
    monkeypatch.setattr(Path, "rename", lambda self, to: renamed.append(self.name)
                        or real_rename(self, to))
    write_site(target, SECOND)
    assert snapshot(target)["index.html"] == b"<p>toka</p>"
    assert renamed == [] and leftovers(tmp_path) == []  # exchanged, not renamed


def test_a_dead_builds_staging_folder_goes_at_once(tmp_path):
    """A killed build's staging folder names its process: gone, the folder is removed by the
    next build at once (not an hour later); a running build's stays."""
    dead = tmp_path / ".site.tmp-999999999-abc"
    alive = tmp_path / f".site.tmp-{os.getppid()}-def"
    for folder in (dead, alive):
        folder.mkdir()
        (folder / "index.html").write_text("x")
    write_site(tmp_path / "site", FIRST)
    assert not dead.exists() and alive.exists()


def test_an_output_folder_that_is_a_mount_point_gets_its_contents_swapped(tmp_path, monkeypatch):
    """A container's volume cannot be renamed: the build swaps what is inside it instead, and
    the folder itself (its inode) stays."""
    target = tmp_path / "site"
    write_site(target, FIRST)
    inode = target.stat().st_ino
    monkeypatch.setattr(write.os.path, "ismount", lambda path: str(path) == str(target))
    monkeypatch.setattr(Path, "rename", _refusing_to_move(target))
    assert write_site(target, SECOND) == len(SECOND)
    assert snapshot(target) == {".nojekyll": b"", "index.html": b"<p>toka</p>",
                                "organisations": None, "organisations/b": None,
                                "organisations/b/index.html": b"B"}
    assert target.stat().st_ino == inode and leftovers(tmp_path) == []


def _refusing_to_move(mount: Path):
    real_rename = Path.rename

    def rename(self, destination):  # noqa: ANN001
        if self == mount:
            raise OSError(16, "Device or resource busy", str(mount))
        return real_rename(self, destination)
    return rename


def test_a_kill_inside_a_mount_point_swap_is_put_right(tmp_path, monkeypatch):
    """Killed after the old entries were set aside and before the new ones were moved up: the
    next build puts the old site back first (and then writes the new one)."""
    target = tmp_path / "site"
    write_site(target, FIRST)
    monkeypatch.setattr(write.os.path, "ismount", lambda path: str(path) == str(target))
    real_rename = Path.rename

    def killed(self, destination):  # noqa: ANN001
        if self.parent.name.startswith(write.IN_PLACE + "tmp-"):
            raise KeyboardInterrupt  # as a kill would stop it: nothing cleans up
        return real_rename(self, destination)

    monkeypatch.setattr(Path, "rename", killed)
    monkeypatch.setattr(write.Staging, "discard", lambda self: None)
    with pytest.raises(KeyboardInterrupt):
        write_site(target, SECOND)
    monkeypatch.setattr(Path, "rename", real_rename)
    assert not (target / "index.html").exists()  # the old site is aside, the new one not up
    recover(target)
    assert snapshot(target)["index.html"] == b"<p>eka</p>"
    assert [p.name for p in target.iterdir() if p.name.startswith(write.IN_PLACE)] == [
        p.name for p in target.iterdir() if p.name.startswith(write.IN_PLACE + "tmp-")]
