"""End to end: the example region builds into a complete, consistent, deterministic site.

The expected pages are derived from the content as hyteguide.content.load reads it, never hardcoded.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from hyteguide.derive.guide import derive
from hyteguide.model import Text
from hyteguide.pages.paging import SIZES
from tests.conftest import BASE_URL, REPO, TAXONOMY_GROUPS, TODAY
from tests.helpers import make_site, read_sitemaps

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def calendar_paths(content, today: dt.date = TODAY) -> list[str]:  # noqa: ANN001
    """The calendar of the region and of each municipality: today's ISO week at calendar/
    (calendar/<municipality>/), each later week up to the horizon at …/<yyyy>-w<ww>/."""
    last = today + dt.timedelta(weeks=content.site.horizon_weeks)
    days = (today + dt.timedelta(days=n) for n in range((last - today).days + 1))
    weeks = sorted({d.isocalendar()[:2] for d in days})
    scopes = ["calendar/"] + [f"calendar/{m}/" for m in content.vocabulary.group("municipalities")]
    return [scope + (f"{year}-w{week:02}/" if i else "")
            for scope in scopes for i, (year, week) in enumerate(weeks)]


def neutral_paths(content) -> list[str]:  # noqa: ANN001 - a model.Content
    """Every page path the content calls for, language-neutral ('' is the home page)."""
    paths = ["", "organisations/", "activities/", "places/", "partnerships/", "search/"]
    for organisation in content.organisations:
        paths.append(f"organisations/{organisation.slug}/")
        paths.extend(f"activities/{organisation.slug}/{a.id}/" for a in organisation.activities)
    paths.extend(f"places/{p.slug}/" for p in content.places)
    paths.extend(f"partnerships/{p.slug}/" for p in content.partnerships)
    paths.extend(f"{p.slug}/" for p in content.pages)
    paths.extend(["accessibility/", "privacy/"])  # from site.yaml, linked from every footer
    paths.append("opendata/")  # what the guide exports, linked from every footer
    paths.append("handout/")
    paths.extend(f"handout/{m}/" for m in handout_municipalities(content))
    for group in TAXONOMY_GROUPS:
        paths.append(f"{group}/")
        paths.extend(f"{group}/{term_id}/" for term_id in content.vocabulary.group(group))
    paths.extend(calendar_paths(content))
    paths.extend(later_pages(content))
    return paths


def handout_municipalities(content) -> set[str]:  # noqa: ANN001 - a model.Content
    """Municipalities with an activity (held at a place there, or by an organisation there)."""
    guide = derive(content, TODAY)
    return {m for a in guide.activities for m in guide.activity_municipalities[a.key]}


def later_pages(content) -> list[str]:  # noqa: ANN001 - a model.Content
    """Page 2 onwards of the lists longer than a page (SIZES.cards items): '<list>/2/', …; a
    term's activities at '<term>/2/', its organisations at '<term>/organisations/2/'. (The
    example's weeks and handouts fit on a page each; tests/pages/test_pagination.py checks
    those.)"""
    guide = derive(content, TODAY)

    def pages(base: str, items: int) -> list[str]:
        return [f"{base}{n}/" for n in range(2, math.ceil(items / SIZES.cards) + 1)]

    paths = [*pages("organisations/", len(guide.organisations)),
             *pages("activities/", len(guide.activities)), *pages("places/", len(guide.places)),
             *pages("partnerships/", len(guide.partnerships))]
    for group in TAXONOMY_GROUPS:
        for term_id, entry in guide.taxonomies[group].items():
            paths += pages(f"{group}/{term_id}/", len(entry.activities))
            paths += pages(f"{group}/{term_id}/organisations/", len(entry.organisations))
    return paths


def index_file(path: str) -> str:
    return path + "index.html"


def run_cli(*args: str, cwd: Path = REPO, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "hyteguide", *args], cwd=cwd, text=True,
                          capture_output=True, timeout=timeout)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def leftovers(output: Path) -> list[str]:
    """Staging or backup folders that a build left beside its output."""
    return sorted(p.name for p in output.parent.iterdir()
                  if p.name.startswith((f".{output.name}.tmp-", f".{output.name}.old-")))


@pytest.fixture
def content_copy(tmp_path: Path, sources) -> Path:
    """A private copy of the example content, named content/ like the original."""
    target = tmp_path / "content"
    shutil.copytree(sources.content, target)
    return target


# -- every page is there -------------------------------------------------------------------------

def test_every_expected_page_exists_in_every_language(built_site, example_content):
    files = set(built_site.files())
    missing = [built_site.localised(index_file(path), lang)
               for lang in example_content.site.languages
               for path in neutral_paths(example_content)
               if built_site.localised(index_file(path), lang) not in files]
    assert not missing, f"{len(missing)} pages missing, e.g. {missing[:10]}"


def test_example_has_something_of_each_kind(example_content):
    """The example region shows off every kind of page, so the other tests check them all."""
    assert example_content.organisations
    assert any(o.activities for o in example_content.organisations)
    assert example_content.places
    assert example_content.partnerships, "the example has no partnership table"
    assert example_content.pages, "the example has no free page"


def test_no_unexpected_html_pages(built_site, example_content):
    expected = {built_site.localised(index_file(path), lang)
                for lang in example_content.site.languages
                for path in neutral_paths(example_content)}
    extra = sorted(set(built_site.pages()) - expected)
    assert not extra, f"pages that no content asks for: {extra}"


def test_root_files(built_site):
    root = built_site.root
    assert (root / "404.html").is_file()
    assert (root / "sitemap.xml").is_file()
    assert (root / "robots.txt").is_file()
    assert (root / ".nojekyll").is_file()
    assert (root / "assets" / "site.css").is_file()
    assert (root / "assets" / "site.css").stat().st_size > 0


def test_robots_txt_points_to_the_sitemap(built_site):
    robots = built_site.read("robots.txt")
    assert re.search(r"(?im)^user-agent:\s*\*\s*$", robots)
    assert f"Sitemap: {BASE_URL}sitemap.xml" in robots.splitlines()


# -- sitemap -------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def sitemap(built_site):
    """Every <url> of the site's sitemaps, through the index."""
    parts = read_sitemaps(built_site.root, BASE_URL)
    return [url for part in parts for url in part.iter(f"{{{SITEMAP_NS}}}url")]


def test_sitemap_lists_every_page_but_404_with_absolute_urls(built_site, sitemap):
    locs = [u.find(f"{{{SITEMAP_NS}}}loc").text.strip() for u in sitemap]
    assert len(locs) == len(set(locs)), "a URL is listed twice"
    assert all(loc.startswith(BASE_URL) for loc in locs), [x for x in locs
                                                          if not x.startswith(BASE_URL)][:5]
    listed = {built_site.file_of(loc) for loc in locs}
    pages = set(built_site.pages())
    assert not pages - listed, f"pages missing from the sitemap: {sorted(pages - listed)[:10]}"
    assert not listed - pages, f"sitemap URLs without a page: {sorted(listed - pages)[:10]}"
    assert "404.html" not in listed


def test_sitemap_lists_every_language_version_and_leaves_alternates_to_the_pages(built_site,
                                                                               sitemap):
    """Each language version is its own <url>; which versions belong together is in each
    page's head (test_every_page_has_hreflang_alternates), not repeated in the sitemap."""
    locs = {u.find(f"{{{SITEMAP_NS}}}loc").text.strip() for u in sitemap}
    for loc in sorted(locs):
        relative = built_site.file_of(loc)
        lang = built_site.lang_of(relative)
        neutral = relative.removeprefix(f"{lang}/") if lang != built_site.languages[0] \
            else relative
        for other in built_site.languages:
            assert built_site.url_of(built_site.localised(neutral, other)) in locs, (loc, other)
    assert not [u for u in sitemap if u.find(f"{{{XHTML_NS}}}link") is not None]


# -- every HTML page ----------------------------------------------------------------------------

def test_every_page_has_lang_title_h1_and_skip_link(built_site):
    problems = []
    for relative in built_site.pages():
        soup = built_site.soup(relative)
        lang = built_site.lang_of(relative)
        html = soup.find("html")
        if html is None or html.get("lang") != lang:
            problems.append(f"{relative}: <html lang> is {html and html.get('lang')!r}, not {lang}")
        title = soup.find("title")
        if title is None or not title.get_text(strip=True):
            problems.append(f"{relative}: no <title>")
        if len(soup.find_all("h1")) != 1:
            problems.append(f"{relative}: {len(soup.find_all('h1'))} h1 elements")
        body = soup.find("body")
        first_link = body.find("a", href=True) if body else None
        if first_link is None or first_link.get("href") != "#main":
            problems.append(f"{relative}: the first link is not a skip link to #main "
                            f"({first_link and first_link.get('href')!r})")
        target = soup.find(id="main")
        if target is None or target.name != "main":
            problems.append(f"{relative}: no <main id=\"main\">")
    assert not problems, "\n".join(problems[:20])


def test_404_page_basics(built_site):
    soup = built_site.soup("404.html")
    assert soup.find("html").get("lang") == built_site.languages[0]
    assert soup.find("title") and soup.find("title").get_text(strip=True)
    assert len(soup.find_all("h1")) == 1
    assert soup.find("a", href="#main") is not None
    # served at any depth, so its own links and assets are rooted at the base path
    for element in soup.find_all(["a", "link"], href=True):
        href = element["href"]
        if not re.match(r"^[a-z]+:|^#", href):
            assert href.startswith("/hyteguide/"), f"404.html: {element}"


def test_every_page_has_hreflang_alternates(built_site):
    problems = []
    for relative in built_site.pages():
        soup = built_site.soup(relative)
        neutral = relative.split("/", 1)[1] if built_site.lang_of(relative) != \
            built_site.languages[0] else relative
        found = {link.get("hreflang"): built_site.resolve(relative, link["href"])
                 for link in soup.find_all("link", href=True)
                 if "alternate" in (link.get("rel") or []) and link.get("hreflang")}
        for lang in built_site.languages:
            expected = built_site.url_of(built_site.localised(neutral, lang))
            if found.get(lang) != expected:
                problems.append(f"{relative}: hreflang={lang} is {found.get(lang)!r}, "
                                f"expected {expected}")
    assert not problems, "\n".join(problems[:20])


def test_every_page_links_the_favicon_and_the_stylesheet(built_site):
    problems = []
    files = set(built_site.files())
    for relative in [*built_site.pages(), "404.html"]:  # the editor brings its own styles
        soup = built_site.soup(relative)
        icons = [link for link in soup.find_all("link", href=True)
                 if "icon" in [r.lower() for r in (link.get("rel") or [])]]
        sheets = [link for link in soup.find_all("link", href=True)
                  if "stylesheet" in (link.get("rel") or [])]
        if not icons:
            problems.append(f"{relative}: no favicon link")
        if not any(built_site.file_of(built_site.resolve(relative, s["href"]))
                   == "assets/site.css" for s in sheets):
            problems.append(f"{relative}: does not link assets/site.css")
        for link in icons + sheets:
            target = built_site.file_of(built_site.resolve(relative, link["href"]))
            if target not in files:
                problems.append(f"{relative}: {link['href']} is not in the output")
    assert not problems, "\n".join(problems[:20])


# -- untranslated texts are marked as Finnish ------------------------------------------------------

def _effective_lang(node) -> str | None:  # noqa: ANN001 - a bs4 node
    for parent in node.parents:
        if parent is not None and getattr(parent, "attrs", None) and parent.get("lang"):
            return parent.get("lang")
    return None


def _texts(content) -> list[tuple[str, str, Text]]:  # noqa: ANN001
    """(neutral page path, field, Text) of the names and summaries shown on detail pages."""
    found = []
    for organisation in content.organisations:
        path = f"organisations/{organisation.slug}/"
        found += [(path, "name", organisation.name), (path, "summary", organisation.summary)]
        for activity in organisation.activities:
            path = f"activities/{organisation.slug}/{activity.id}/"
            found += [(path, "title", activity.title), (path, "summary", activity.summary)]
    for place in content.places:
        found.append((f"places/{place.slug}/", "name", place.name))
    for partnership in content.partnerships:
        found.append((f"partnerships/{partnership.slug}/", "name", partnership.name))
    for page in content.pages:
        found.append((f"{page.slug}/", "title", page.title))
    return found


def test_untranslated_content_carries_lang_fi(built_site, example_content):
    """In sv/en pages a text written only in Finnish sits in an element with lang="fi",
    and a translated text is in the page's language."""
    default = built_site.languages[0]
    problems, checked = [], 0
    for path, field, text in _texts(example_content):
        for lang in built_site.languages[1:]:
            relative = built_site.localised(index_file(path), lang)
            main = built_site.soup(relative).find("main")
            shown, written = text.get(lang)
            nodes = [s for s in main.find_all(string=True) if s.strip() == shown.strip()]
            if not nodes:
                problems.append(f"{relative}: the {field} {shown!r} is not shown in <main>")
                continue
            for node in nodes:
                checked += 1
                expected = default if written != lang else lang
                got = _effective_lang(node)
                if got != expected:
                    problems.append(f"{relative}: {field} {shown!r} in <{node.parent.name}> "
                                    f"has lang {got!r}, expected {expected!r}")
    assert checked
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:20])


def test_example_has_untranslated_texts(example_content):
    """The check above means something only if some texts are Finnish only."""
    langs = example_content.site.languages[1:]
    assert any(not text.has(lang) for _, _, text in _texts(example_content) for lang in langs)


# -- determinism --------------------------------------------------------------------------------

def test_two_builds_are_byte_identical(built_site, second_build):
    """Another process, another hash seed and another number of workers: the same bytes in
    every file (conftest.second_build)."""
    first, second = snapshot(built_site.root), snapshot(second_build.root)
    assert sorted(first) == sorted(second)
    differing = [name for name in first if first[name] != second[name]]
    assert not differing, f"files differ between two builds: {differing[:10]}"


OTHER_DAY = TODAY + dt.timedelta(days=8)


@pytest.fixture(scope="module")
def other_day(sources, tmp_path_factory) -> dict[str, bytes]:
    """The example built for another day."""
    output = tmp_path_factory.mktemp("other-day") / "site"
    sources.build(output, today=OTHER_DAY)
    return snapshot(output)


def _date_free(built_site, content, files) -> set[str]:  # noqa: ANN001
    """Files whose content cannot depend on the build date."""
    languages = built_site.languages
    free = {"robots.txt", ".nojekyll", "404.html"}  # the sitemaps list the calendar's weeks
    free |= {name for name in files if name.startswith("assets/")}
    free |= {built_site.localised(f"{slug}/index.html", lang)
             for slug in [*(p.slug for p in content.pages), "accessibility", "privacy",
                          "opendata"]
             for lang in languages}
    free |= {built_site.localised(f"{group}/index.html", lang)
             for group in TAXONOMY_GROUPS for lang in languages}
    free |= {built_site.localised(f"activities/{a.organisation}/{a.id}/index.html", lang)
             for o in content.organisations for a in o.activities if not a.schedule
             for lang in languages}
    return free


CALENDAR_WEEK = re.compile(r"(^|/)calendar/([a-z0-9-]+/)?\d{4}-w\d\d/(index\.html|week\.json)$")
# The search files a manifest names are in a folder named by their content's hash: the search
# results' next dates change with the date, and so does the folder.
SEARCH_VERSION = re.compile(r"^([a-z]{2}/)?search/v-[0-9a-f]{12}/\w+\.json$")


def _changed(first: dict[str, bytes], second: dict[str, bytes]) -> set[str]:
    """Files that differ; only calendar week pages (and the later weeks' data) and the
    search's versioned files may come and go with the date."""
    only = set(first) ^ set(second)
    assert all(CALENDAR_WEEK.search(name) or SEARCH_VERSION.match(name) for name in only), \
        sorted(only)[:10]
    return {name for name in set(first) & set(second) if first[name] != second[name]}


def test_another_today_changes_only_date_dependent_pages(built_site, other_day, example_content):
    first = snapshot(built_site.root)
    changed = _changed(first, other_day)
    homes = {built_site.localised("index.html", lang) for lang in built_site.languages}
    assert homes <= changed, "the home page shows what happens today and this week"
    unexpected = changed & _date_free(built_site, example_content, first)
    assert not unexpected, f"pages that do not depend on the date changed: {sorted(unexpected)}"


def _without_build_stamp(data: bytes, day: dt.date) -> bytes:
    """A page with <time datetime="day">…</time> stamps of the build date removed."""
    pattern = rb'<time datetime="' + day.isoformat().encode() + rb'">[^<]*</time>'
    return re.sub(pattern, b"", data)


def test_another_today_changes_only_date_dependent_pages_besides_a_build_stamp(
        built_site, other_day, example_content):
    """As above, but a <time> stamp of the build date itself may differ."""
    first = {name: _without_build_stamp(data, TODAY)
             for name, data in snapshot(built_site.root).items()}
    second = {name: _without_build_stamp(data, OTHER_DAY) for name, data in other_day.items()}
    changed = _changed(first, second)
    homes = {built_site.localised("index.html", lang) for lang in built_site.languages}
    assert homes <= changed, "the home page shows what happens today and this week"
    unexpected = changed & _date_free(built_site, example_content, first)
    assert not unexpected, f"pages that do not depend on the date changed: {sorted(unexpected)}"


# -- atomic writes ------------------------------------------------------------------------------

def _break_yaml(path: Path) -> int:
    """Insert a YAML syntax error as the second line of a Markdown file; return its line."""
    lines = path.read_text(encoding="utf-8").split("\n")
    lines.insert(1, "broken: value: with a colon")
    path.write_text("\n".join(lines), encoding="utf-8")
    return 2


def test_content_error_leaves_the_previous_site_untouched(content_copy, tmp_path, sources,
                                                          built_site):
    output = tmp_path / "out"
    shutil.copytree(built_site.root, output)  # the previous site: this content's build
    before = snapshot(output)
    assert before

    broken = sorted((content_copy / "organisations").glob("*.md"))[0]
    line = _break_yaml(broken)
    second = run_cli("build", "--content", str(content_copy), "--templates", str(sources.templates),
                     "-o", str(output), "--today", TODAY.isoformat(), cwd=tmp_path)
    assert second.returncode == 1, second.stderr
    assert re.search(rf"^content/organisations/{re.escape(broken.name)}:{line}:\d+: "
                     r"error\[yaml-syntax\]", second.stderr, re.MULTILINE), second.stderr
    assert "Traceback" not in second.stderr
    assert snapshot(output) == before
    assert leftovers(output) == []


def test_template_error_leaves_the_previous_site_untouched(tmp_path, built_site, sources):
    output = tmp_path / "out"
    shutil.copytree(built_site.root, output)
    before = snapshot(output)
    templates = tmp_path / "templates"
    shutil.copytree(sources.templates, templates)
    # a broken template used for organisation pages, i.e. late in the build
    target = templates / "organisation.html"
    target.write_text(target.read_text(encoding="utf-8") + "\n{% if %}\n", encoding="utf-8")
    result = run_cli("build", "--content", str(sources.content), "--templates", str(templates),
                     "-o", str(output), "--today", TODAY.isoformat(), "--base-url", BASE_URL,
                     cwd=tmp_path)
    assert result.returncode != 0
    assert "organisation.html" in result.stderr
    assert snapshot(output) == before
    assert leftovers(output) == []


def test_template_error_in_the_api_leaves_the_previous_site_untouched(tmp_path, built_site,
                                                                   sources):
    from hyteguide.build.pipeline import build
    from hyteguide.pages.environment import TemplateProblem

    output = tmp_path / "out"
    shutil.copytree(built_site.root, output)
    before = snapshot(output)
    templates = tmp_path / "templates"
    shutil.copytree(sources.templates, templates)
    (templates / "page.html").write_text("{{ no_such_variable.at_all }}", encoding="utf-8")
    with pytest.raises(TemplateProblem):  # a problem at templates/page.html:1
        build(sources.content, templates, output, today=TODAY, base_url=BASE_URL)
    assert snapshot(output) == before
    assert leftovers(output) == []


def test_build_py_works_from_the_repository_root(tmp_path):
    output = tmp_path / "built"
    result = subprocess.run([sys.executable, "build.py", "--today", "2026-11-23", "-o",
                             str(output)], cwd=REPO, text=True, capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert (output / "index.html").is_file()
    assert (output / ".nojekyll").is_file()
    assert "Built" in result.stderr


# -- refusal to replace what is not ours -------------------------------------------------------

def test_build_refuses_a_non_empty_folder_without_nojekyll(tmp_path, sources):
    from hyteguide.build.pipeline import build
    from hyteguide.build.write import UnsafeOutput

    output = tmp_path / "precious"
    output.mkdir()
    (output / "thesis.txt").write_text("years of work", encoding="utf-8")
    (output / "sub").mkdir()
    (output / "sub" / "data.csv").write_text("1,2,3", encoding="utf-8")
    before = snapshot(output)
    with pytest.raises(UnsafeOutput):
        build(sources.content, sources.templates, output, today=TODAY, base_url=BASE_URL)
    assert snapshot(output) == before
    assert leftovers(output) == []


def test_cli_refusal_is_a_clean_error(tmp_path, sources):
    output = tmp_path / "precious"
    output.mkdir()
    (output / "thesis.txt").write_text("years of work", encoding="utf-8")
    before = snapshot(output)
    result = run_cli("build", "--content", str(sources.content), "--templates",
                     str(sources.templates), "-o", str(output), "--today", TODAY.isoformat(),
                     cwd=tmp_path)
    assert snapshot(output) == before
    assert result.returncode == 1
    assert "refusing to replace" in result.stderr
    assert "Traceback" not in result.stderr


def test_empty_existing_folder_is_fine(tmp_path, sources):
    """Any content will do (a small site: the folder is what is tested)."""
    from hyteguide.build.pipeline import build

    output = tmp_path / "empty"
    output.mkdir()
    build(make_site(tmp_path), sources.templates, output, today=TODAY, base_url=BASE_URL)
    assert (output / "index.html").is_file()


# -- check -------------------------------------------------------------------------------------

def test_check_passes_on_the_example():
    result = run_cli("check")
    assert result.returncode == 0, result.stderr
    assert "error[" not in result.stderr


def test_check_reports_every_problem_of_several_files_at_once(content_copy, tmp_path):
    organisations = sorted((content_copy / "organisations").glob("*.md"))
    places = sorted((content_copy / "places").glob("*.yaml"))
    _break_yaml(organisations[0])
    text = organisations[1].read_text(encoding="utf-8")
    organisations[1].write_text(text.replace("\nname:", "\nname_typo:", 1), encoding="utf-8")
    text = places[0].read_text(encoding="utf-8")
    places[0].write_text(re.sub(r"(?m)^municipality:.*$", "municipality: atlantis", text),
                         encoding="utf-8")
    result = run_cli("check", "--content", str(content_copy), cwd=tmp_path)
    assert result.returncode == 1
    for path in (organisations[0], organisations[1], places[0]):
        name = f"content/{path.parent.name}/{path.name}"
        assert re.search(rf"^{re.escape(name)}:\d+:\d+: error\[", result.stderr, re.MULTILINE), \
            f"{name} not reported:\n{result.stderr}"
    assert "atlantis" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists(), "check must not write anything"


# -- new ----------------------------------------------------------------------------------------

def test_new_organisation_passes_check_and_builds(content_copy, tmp_path, sources):
    result = run_cli("new", "organisation", "Testi ry", "--content", str(content_copy),
                     cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = content_copy / "organisations" / "testi-ry.md"
    assert written.is_file()

    again = run_cli("new", "organisation", "Testi ry", "--content", str(content_copy),
                    cwd=tmp_path)
    assert again.returncode == 1, "an existing file must never be overwritten"

    check = run_cli("check", "--content", str(content_copy), cwd=tmp_path)
    assert check.returncode == 0, check.stderr

    output = tmp_path / "out"
    build = run_cli("build", "--content", str(content_copy), "--templates", str(sources.templates),
                    "-o", str(output), "--today", TODAY.isoformat(), cwd=tmp_path)
    assert build.returncode == 0, build.stderr
    from bs4 import BeautifulSoup

    page = output / "organisations" / "testi-ry" / "index.html"
    assert page.is_file()
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    assert soup.find("h1").get_text(strip=True) == "Testi ry"
