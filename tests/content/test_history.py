"""Last-changed dates from git (hyteguide.content.history) and the links about an entry on its
page."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from hyteguide.content.history import last_changed, last_commits
from tests.conftest import BASE_URL, TEMPLATES
from tests.helpers import make_site

pytestmark = pytest.mark.skipif(shutil.which("git") is None and not os.environ.get("CI"),
                                reason="git is not installed")


def git(folder: Path, *args: str, date: str | None = None) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    if date:
        env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    return subprocess.run(["git", "-C", str(folder), *args], env=env, check=True,
                          capture_output=True, text=True).stdout


@pytest.fixture
def repository(tmp_path) -> Path:
    """A git repository whose content/ has two commits on known days."""
    content = make_site(tmp_path)
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "first", date="2026-01-02T10:00:00+02:00")
    organisation = content / "organisations" / "yhdistys.md"
    organisation.write_text(organisation.read_text("utf-8") + "Lisää.\n", encoding="utf-8")
    git(tmp_path, "commit", "-q", "-am", "second", date="2026-03-04T23:30:00+02:00")
    return content


def test_each_file_gets_the_date_of_its_last_commit(repository):
    dates = last_changed(repository)
    assert dates["content/organisations/yhdistys.md"] == dt.date(2026, 3, 4)
    assert dates["content/site.yaml"] == dt.date(2026, 1, 2)


def test_each_file_gets_the_instant_of_its_last_commit(repository):
    commits = last_commits(repository)
    second = commits["content/organisations/yhdistys.md"]
    assert second.instant == dt.datetime(2026, 3, 4, 21, 30, tzinfo=dt.UTC)
    assert second.day == dt.date(2026, 3, 4)  # the committer's own day, as pages show it
    assert commits["content/site.yaml"].instant == dt.datetime(2026, 1, 2, 8, tzinfo=dt.UTC)


def test_no_dates_outside_git_or_in_a_shallow_clone(tmp_path, repository):
    assert last_changed(make_site(tmp_path / "plain")) == {}
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repository.parent}",
                    str(shallow)], check=True, capture_output=True)
    assert last_changed(shallow / "content") == {}


def test_pages_show_checked_and_changed_dates_and_links(repository, tmp_path):
    from bs4 import BeautifulSoup

    from hyteguide.build.pipeline import build

    site = repository / "site.yaml"
    site.write_text(site.read_text("utf-8") + "repository: https://github.com/x/opas\n"
                    "branch: julkaisu\n", encoding="utf-8")
    output = tmp_path / "out"
    build(repository, TEMPLATES, output, today=dt.date(2026, 11, 23), base_url=BASE_URL)
    page = BeautifulSoup((output / "organisations/yhdistys/index.html").read_text("utf-8"),
                         "html.parser")
    meta = page.select_one("aside.entry-meta")
    assert meta.p.get_text() == "Muutettu viimeksi 4.3.2026."  # the test site has no reviewed
    links = [a["href"] for a in meta.select("a")
             if not a["href"].startswith("mailto:") and "/admin/" not in a["href"]]
    assert [a["href"] for a in meta.select("a") if "/admin/" in a["href"]] == [
        "../../admin/#/collections/organisations/entries/yhdistys"]  # the form editor
    assert links[1] == "https://github.com/x/opas/edit/julkaisu/content/organisations/yhdistys.md"
    assert links[0].startswith("https://github.com/x/opas/issues/new?template=vanhentunut-tieto.yml&")
    assert "page=https%3A%2F%2Fexample.github.io%2Fhyteguide%2Forganisations%2Fyhdistys%2F" \
        in links[0]
    again = tmp_path / "again"
    build(repository, TEMPLATES, again, today=dt.date(2026, 11, 23), base_url=BASE_URL)
    assert (again / "organisations/yhdistys/index.html").read_bytes() == \
        (output / "organisations/yhdistys/index.html").read_bytes()
    # Calendar files give the file's last commit as each event's revision (issue 17, point 5).
    feeds = sorted((output / "activities").rglob("*.ics"))
    assert feeds
    for feed in feeds:
        data = feed.read_bytes().decode()
        minutes = (dt.datetime(2026, 3, 4, 21, 30, tzinfo=dt.UTC)
                   - dt.datetime(2000, 1, 1, tzinfo=dt.UTC)).total_seconds() // 60
        assert data.count("BEGIN:VEVENT") == data.count(f"SEQUENCE:{int(minutes)}\r\n") > 0
        assert data.count("LAST-MODIFIED:20260304T213000Z") == data.count("BEGIN:VEVENT")


def test_no_links_without_a_repository(tmp_path):
    from hyteguide.build.pipeline import build

    content = make_site(tmp_path)
    output = tmp_path / "out"
    build(content, TEMPLATES, output, today=dt.date(2026, 11, 23), base_url=BASE_URL)
    html = (output / "organisations/yhdistys/index.html").read_text("utf-8")
    assert "/issues/new" not in html and "/edit/" not in html
    assert "Muutettu viimeksi" not in html


def test_the_report_link_names_an_existing_issue_form_and_its_field():
    import yaml

    from hyteguide.pages.helpers import REPORT_TEMPLATE
    from tests.conftest import REPO

    form = yaml.safe_load((REPO / ".github" / "ISSUE_TEMPLATE" / REPORT_TEMPLATE).read_text(
        encoding="utf-8"))
    assert "page" in [item.get("id") for item in form["body"]]  # prefilled by ?page=
