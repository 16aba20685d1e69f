"""hyteguide.preview.live: the preview's in-memory site is byte for byte what a build writes, also
after
edits that the load cache and the occurrence cache must notice."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from hyteguide.build.pipeline import build
from hyteguide.common.problems import ContentError
from hyteguide.preview.live import LiveSite
from tests.conftest import BASE_URL, TODAY


def built_files(output: Path) -> dict[str, bytes]:
    return {p.relative_to(output).as_posix(): p.read_bytes()
            for p in sorted(output.rglob("*")) if p.is_file()}


def differences(live: LiveSite, output: Path) -> list[str]:
    """Paths whose bytes differ between the live site and a build (or that it lacks)."""
    return [path for path, data in built_files(output).items() if live.file(path) != data]


def test_every_built_file_is_made_alike(built_site, sources):
    live = LiveSite(sources.content, sources.templates, BASE_URL, TODAY)
    live.refresh()
    assert differences(live, built_site.root) == []
    assert live.file("no/such/page/") is None and live.file("organisations/nobody/") is None
    assert live.file("assets/../../etc/passwd") is None
    assert live.file("assets/.hidden") is None


@pytest.fixture
def copied(tmp_path, sources):
    """A copy of the example region that the test may edit."""
    shutil.copytree(sources.content, tmp_path / "content")
    return tmp_path / "content"


def test_edits_are_seen_as_a_full_build_sees_them(copied, sources, tmp_path):
    """After each round of edits the live site equals a new build of the same content."""
    live = LiveSite(copied, sources.templates, BASE_URL, TODAY)
    live.refresh()
    organisations = sorted((copied / "organisations").glob("*.md"))
    first, second, third = organisations[:3]
    rounds = [
        lambda: None,  # as it was: every page is made, so the caches are full before the edits
        # a body, a name and a schedule (occurrences, calendar, feeds, search)
        lambda: (edit(first, "\nUusi kappale, joka näkyy heti.\n"),
                 replace(second, "- weekly: [mon]", "- weekly: [tue]", 1),
                 replace(second, "name: ", "name: Uusi nimi, entinen ", 1)),
        # a file removed, a file added (the slugs change: everything is read again)
        lambda: (third.unlink(), shutil.copy(first, first.with_name("uusi-yhdistys.md"))),
        # the site's name and a term's label: every page changes
        lambda: (replace(copied / "site.yaml", "fi: Keski-Uudenmaan hyte-opas",
                         "fi: Keski-Uudenmaan hyte-opas (testi)", 1),
                 replace(copied / "vocabulary.yaml", "{fi: Hyvinkää,", "{fi: Hyvinkään kaupunki,",
                         1)),
    ]
    for number, change in enumerate(rounds):
        change()
        live.refresh()
        output = tmp_path / f"built-{number}"
        build(copied, sources.templates, output, today=TODAY, base_url=BASE_URL)
        assert differences(live, output) == [], f"round {number}"


def test_an_unchanged_file_is_checked_again_when_what_it_refers_to_goes(copied, sources,
                                                                        tmp_path):
    """Removing a place makes the unchanged organisation file that names it wrong."""
    live = LiveSite(copied, sources.templates, BASE_URL, TODAY)
    live.refresh()
    place = next(p for p in sorted((copied / "places").glob("*.yaml"))
                 if any(f"place: {p.stem}" in o.read_text(encoding="utf-8")
                        for o in (copied / "organisations").glob("*.md")))
    place.unlink()
    with pytest.raises(ContentError) as from_live:
        live.refresh()
    with pytest.raises(ContentError) as from_build:
        build(copied, sources.templates, tmp_path / "out", today=TODAY, base_url=BASE_URL)
    assert str(from_live.value) == str(from_build.value)
    assert place.stem in str(from_live.value)


def test_unchanged_files_are_not_loaded_again(copied, sources):
    live = LiveSite(copied, sources.templates, BASE_URL, TODAY)
    live.refresh()
    before = dict(live.guide.organisation_by_slug)
    path = sorted((copied / "organisations").glob("*.md"))[0]
    edit(path, "\nLisäys.\n")
    live.refresh()
    after = live.guide.organisation_by_slug
    assert after[path.stem] is not before[path.stem]
    assert "Lisäys." in after[path.stem].body.default
    assert all(after[slug] is organisation for slug, organisation in before.items()
               if slug != path.stem)


def test_a_path_the_watcher_saw_is_read_again_even_if_its_stat_is_the_same(copied, sources):
    """A second save within the clock's resolution keeps the times and (here) the size."""
    live = LiveSite(copied, sources.templates, BASE_URL, TODAY)
    live.refresh()
    path = sorted((copied / "organisations").glob("*.md"))[0]
    text = path.read_text(encoding="utf-8")
    status = path.stat()
    changed = text[::-1].replace("a", "e", 1)[::-1]  # in the body, at its end
    assert changed != text and len(changed) == len(text)
    path.write_text(changed, encoding="utf-8")
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))
    key = ("organisation", path.stem)
    entry = live.loads.files[key]
    live.loads.files[key] = ((*_signature(path)[:2], *entry[0][2:]), *entry[1:])
    live.refresh()  # same stat as recorded, not said to be changed: the old bytes are kept
    assert live.guide.organisation_by_slug[path.stem] is entry[2][0]
    live.refresh([str(path)])
    assert live.guide.organisation_by_slug[path.stem] is not entry[2][0]


def _signature(path: Path) -> tuple[int, int]:
    status = path.stat()
    return status.st_mtime_ns, status.st_ctime_ns


def edit(path: Path, addition: str) -> None:
    with path.open("a", encoding="utf-8") as file:
        file.write(addition)


def replace(path: Path, old: str, new: str, count: int) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
