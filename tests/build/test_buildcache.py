"""The build cache (hyteguide/build/cache.py): a build that reuses it writes the same site, byte
for byte, as a build without it, after each kind of edit an editor makes and on the next day;
and it reuses what did not change."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import stat
from pathlib import Path

import pytest

from hyteguide.build.pipeline import build
from tests.conftest import BASE_URL, CONTENT, TEMPLATES, Sources

TODAY = dt.date(2026, 12, 6)
OLOHUONE = "organisations/keravan-olohuone.md"


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def differences(one: Path, other: Path) -> list[str]:
    a, b = tree(one), tree(other)
    return sorted(name for name in a.keys() | b.keys() if a.get(name) != b.get(name))


def reuse(report: str) -> tuple[int, int, int, int]:
    """(pages reused, pages, tasks reused, tasks) from the build report's cache line."""
    found = re.search(r"Build cache .*?: ([\d,]+) of ([\d,]+) pages and (\d+) of (\d+) ",
                      str(report))
    assert found, report
    return tuple(int(g.replace(",", "")) for g in found.groups())  # type: ignore[return-value]


class Region:
    """The example region copied, built with a cache, and rebuilt after edits."""

    def __init__(self, root: Path, sources: Sources):
        self.root = root
        self.content = root / "content"
        self.templates = root / "templates"
        shutil.copytree(sources.content, self.content)  # the session's snapshot, as others see
        shutil.copytree(sources.templates, self.templates)
        self.cache = root / "cache"
        self.builds = 0

    def build(self, cache: bool, today: dt.date = TODAY) -> tuple[Path, str]:
        self.builds += 1
        output = self.root / f"site-{self.builds}"
        report = build(self.content, self.templates, output, today=today, base_url=BASE_URL,
                       cache=self.cache if cache else None)
        return output, str(report)

    def edit(self, relative: str, old: str, new: str) -> None:
        path = self.content / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, (relative, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def same_as_cold(self, today: dt.date = TODAY) -> tuple[int, int, int, int]:
        """Build with the cache and without it; assert the two sites are the same; return what
        the cached build reused."""
        warm, report = self.build(True, today)
        cold, _ = self.build(False, today)
        assert differences(cold, warm) == []
        return reuse(report)


@pytest.fixture(scope="module")
def region(tmp_path_factory, sources) -> Region:
    found = Region(tmp_path_factory.mktemp("cached"), sources)
    _, report = found.build(True)
    assert "a new cache" in report
    return found


# The edits are made one after another on the same region (each build is a few seconds).

def test_a_second_build_reuses_everything(region):
    reused, pages, tasks_reused, tasks = region.same_as_cold()
    assert (reused, tasks_reused) == (pages, tasks)


@pytest.mark.parametrize("relative, old, new", [
    (OLOHUONE, "Kohtaamispaikka ja vertaistukea aikuisille.", "Olohuone ja vertaistuki."),
    (OLOHUONE, "name: Keravan Olohuone ry", "name: Keravan Olohuone ja Kahvila ry"),
    ("places/keravan-kirjasto.yaml", "Keravan", "Kervon"),
    (OLOHUONE, "    drop_in: true\n", "    drop_in: true\n    themes: [liikunta]\n"),
    (OLOHUONE, "cancelled: [2026-11-03]", "cancelled: [2026-11-03, 2026-12-10]"),
    (OLOHUONE, "place: keravan-kirjasto", "place: keravan-jarjestotalo"),
    (OLOHUONE, "reviewed: 2026-09-15", "reviewed: 2024-01-15"),  # stale, then hidden
    ("partnerships/keravan-kumppanuuspoyta.md", "\n---\n", "\n---\nLisää tekstiä.\n\n"),
], ids=["summary", "name", "place", "theme", "cancelled", "moved", "reviewed", "partnership"])
def test_an_edited_file_gives_the_site_a_cold_build_gives(region, relative, old, new):
    region.edit(relative, old, new)
    reused, pages, _, _ = region.same_as_cold()
    assert 0 < reused < pages  # what the file is not on is reused


def test_an_added_and_a_removed_organisation(region):
    added = (region.content / OLOHUONE).read_text(encoding="utf-8")
    added = added.replace("business_id: 1234567-1\n", "").replace("Olohuone", "Tupa")
    (region.content / "organisations/keravan-tupa.md").write_text(added, encoding="utf-8")
    (region.content / "organisations/perhepesa.md").unlink()
    reused, pages, _, _ = region.same_as_cold()
    assert 0 < reused < pages


def test_a_menu_page_is_on_every_page(region):
    region.edit("pages/tietoa.md", "fi: Tietoa oppaasta", "fi: Tietoa tästä oppaasta")
    reused, _, _, _ = region.same_as_cold()
    assert reused == 0  # the footer menu names it


def test_a_new_page_in_the_menu_is_on_every_page(region):
    region.build(True)  # the cache as of now (the test before compared this state with cold)
    (region.content / "pages/uutiset.md").write_text(
        "---\ntitle: {fi: Uutiset, sv: Nyheter, en: News}\nmenu: 3\n---\nUutisia.\n",
        encoding="utf-8")
    reused, _, _, _ = region.same_as_cold()
    assert reused == 0


def test_the_next_days_reuse_what_did_not_move(region):
    region.build(True)  # the cache as of TODAY (the test before compared it with cold)
    for days in (1, 2, 7):
        reused, pages, tasks_reused, _ = region.same_as_cold(TODAY + dt.timedelta(days=days))
        assert pages / 2 < reused < pages  # the calendar and what was held moved on
        assert tasks_reused == 0  # search results, feeds and open data list the next dates


def test_a_changed_template_starts_the_cache_afresh(region):
    region.same_as_cold()
    page = region.templates / "page.html"
    page.write_text(page.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    warm, report = region.build(True)
    assert reuse(report)[0] == 0
    cold, _ = region.build(False)
    assert differences(cold, warm) == []


def test_a_cache_that_cannot_be_read_is_replaced(region):
    region.same_as_cold()
    (region.cache / "manifest.json").write_text('{"version": 1, "fingerprint": 3, "pages"',
                                                encoding="utf-8")
    _, report = region.build(True)
    assert "a new cache" in report
    assert json.loads((region.cache / "manifest.json").read_text(encoding="utf-8"))["pages"]


def test_files_from_the_cache_are_readable_like_the_others(region):
    warm, _ = region.build(True)
    modes = {stat.S_IMODE((warm / name).stat().st_mode) for name in tree(warm)}
    assert all(mode & 0o444 == 0o444 for mode in modes), modes


def test_unused_blobs_are_removed(region):
    region.build(True)
    manifest = json.loads((region.cache / "manifest.json").read_text(encoding="utf-8"))
    used = {entry[4] for entry in manifest["pages"]}
    used |= {blob for _, files in manifest["tasks"].values() for _, blob, _ in files}
    kept = {bucket.name + blob.name for bucket in (region.cache / "blobs").iterdir()
            for blob in bucket.iterdir()}
    assert kept == used


def test_whole_guide_tasks_remember_what_they_worked_out_from_texts(region):
    path = region.content / OLOHUONE  # a sentence more: the whole-guide tasks run again
    path.write_text(path.read_text(encoding="utf-8") + "\nKahvi on ilmaista.\n",
                    encoding="utf-8")
    region.same_as_cold()
    memo = region.cache / "memo"
    for lang in ("fi", "sv", "en"):
        kept = json.loads((memo / f"search-{lang}.json").read_text(encoding="utf-8"))
        assert any(key.startswith(f"terms-{lang}:") for key in kept)
        assert any(key.startswith("words:") for key in kept)


@pytest.mark.parametrize("where", ["output", "in output", "in content", "templates",
                                   "above output"])
def test_the_cache_folder_is_kept_apart_from_the_sources_and_the_output(tmp_path, where):
    from hyteguide.build.write import UnsafeOutput

    output = tmp_path / "site"
    cache = {"output": output, "in output": output / "cache", "in content": CONTENT / "cache",
             "templates": TEMPLATES, "above output": tmp_path}[where]
    with pytest.raises(UnsafeOutput, match="must be apart from"):
        build(CONTENT, TEMPLATES, output, today=TODAY, cache=cache)
    assert not (CONTENT / "cache").exists() and not output.exists()
