"""The example site is byte-for-byte the golden one (tests/golden/golden.py says how to update)."""

from __future__ import annotations

from tests.golden import golden


def test_the_example_site_is_the_golden_one(built_site):
    report = golden.differences(built_site.root)
    assert report == "", report
    if not golden.REFERENCE.is_dir() or golden.manifest_of(golden.REFERENCE) != golden.stored():
        golden.keep_reference(built_site.root)  # for line diffs when a later change differs


def test_a_difference_is_reported_readably(built_site, tmp_path):
    """A changed, an added and a removed file are each named (the guard cannot pass vacuously)."""
    import shutil

    site = tmp_path / "site"
    shutil.copytree(built_site.root, site)
    page = next(p for p in sorted(site.rglob("index.html")))
    page.write_text(page.read_text(encoding="utf-8") + "<!-- changed -->", encoding="utf-8")
    (site / "extra.txt").write_text("new", encoding="utf-8")
    (site / "robots.txt").unlink()
    report = golden.differences(site)
    relative = page.relative_to(site).as_posix()
    assert "1 changed, 1 added, 1 removed" in report
    assert f"  {relative}" in report and "  extra.txt" in report and "  robots.txt" in report
