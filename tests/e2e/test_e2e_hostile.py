"""End to end: hostile content never becomes markup, script, a dangerous URL or template code.

A small site (tests/helpers.make_site) is filled with hostile input in every kind of field that
reaches a page; the built output is parsed and checked as a whole.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from hyteguide.build.pipeline import build
from hyteguide.common.problems import ContentError
from tests.conftest import TEMPLATES, TODAY
from tests.helpers import make_site

BASE_URL = "https://example.org/guide/"

# Raw HTML, Markdown and template syntax; a Markdown body gets all of them, one per paragraph.
PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    '<a href="JaVaScRiPt:alert(1)">mixed case</a>',
    "<svg onload=alert(1)>",
    '<iframe src="https://evil.example/"></iframe>',
    "<style>body{display:none}</style>",
    '" onmouseover="alert(1)',
    "{{ 7*7 }} {{ 7*'7' }}",
    "{% raw %}{% endraw %}{% if true %}jinja{% endif %}",
    "<!-- <script>alert(1)</script> -->",
    "--><script>alert(1)</script><!--",
    "<!--<img src=x onerror=alert(1)>-->",
    "[d](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">data</a>',
    "[v](vbscript:msgbox(1))",
    '<a href="&#106;avascript:alert(1)">entity</a>',
    '<a href=" &#x09;javascript:alert(1)">whitespace</a>',
    "[t](java\tscript:alert(1))",
    "![i](javascript:alert(1))",
    "<object data=x></object><embed src=x>",
    '<base href="https://evil.example/">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<form action="javascript:alert(1)"><button formaction="javascript:alert(2)">go</button>'
    "</form>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<div onclick="alert(1)" style="position:fixed;inset:0">overlay</div>',
    '<a href="https://ok.example/" onclick="alert(1)">ok link 2</a>',
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
]
# An unclosed <style> or <noscript> makes the sanitiser drop the rest: harmless parts go first.
BODY = "**Alku.** [ok link](https://ok.example/) {% raw %} jinja\n\n" + "\n\n".join(PAYLOADS) \
    + "\n\n**Loppu.**\n"

# Plain-text fields: each must be shown verbatim (escaped), never as markup.
PLAIN = {
    "site_name": "Opas <script>alert(1)</script>",
    "org_name": "Vihamielinen <b>ry</b> <script>alert('org')</script>",
    "org_summary": '<img src=x onerror=alert(1)> " onmouseover="alert(1)',
    "org_summary_sv": "{{ 7*7 }} {% raw %} <!-- kommentti",
    "contact_role": "<svg onload=alert(1)> <iframe src=x></iframe> Ohjaaja",
    "activity_title": "Ryhmä {{ 7*7 }} {{ 7*'7' }} {% raw %}",
    "activity_summary": "--><script>alert(1)</script><!-- <style>*{color:red}</style>",
    "activity_cost": '<a href="JaVaScRiPt:alert(1)">maksu</a>',
    "activity_registration": "[ilmoittaudu](javascript:alert(1))",
    "schedule_note": "<img src=x onerror=alert('note')>",
    "place_name": "<img src=x onerror=alert(1)> Kirjasto",
    "place_address": "Katu 1 <a href=javascript:alert(1)>x</a>",
    "accessibility_note": "<object data=x></object> esteetön",
    "directions": "<base href=//evil.example/> bussi 1",
    "partnership_name": "Pöytä <iframe srcdoc='<script>alert(1)</script>'></iframe>",
    "partnership_summary": "{{ config }} {{ self.__init__.__globals__ }}",
    "meeting_note": "<style>@import 'https://evil.example/x.css';</style>",
    "page_title": "Tietoa <svg><script>alert(1)</script></svg>",
    "page_summary": "data:text/html,<script>alert(1)</script>",
    "theme_label": "Teema <img src=x onerror=alert('theme')>",
}


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text)


def indented(text: str, spaces: int) -> str:
    pad = " " * spaces
    return "\n".join(pad + line if line else "" for line in text.split("\n"))


def hostile_files() -> dict[str, str]:
    body_block = indented(BODY, 6)
    return {
        "site.yaml": f"""\
name:
  fi: {q(PLAIN['site_name'])}
  sv: Testguiden
region: Keski-Uusimaa
base_url: {BASE_URL}
languages: [fi, sv, en]
contact:
  email: hyte@example.org
""",
        "vocabulary.yaml": f"""\
municipalities:
  kerava: {{fi: Kerava, sv: Kervo}}
themes:
  vertaistuki: {{fi: {q(PLAIN['theme_label'])}, sv: Kamratstöd}}
audiences:
  aikuiset: {{fi: Aikuiset, sv: Vuxna, en: Adults}}
formats:
  ryhma: {{fi: Ryhmä, sv: Grupp, en: Group}}
languages:
  fi: {{fi: suomi, sv: finska, en: Finnish}}
accessibility:
  wheelchair: {{fi: Esteetön, en: Wheelchair access}}
""",
        "places/kirjasto.yaml": f"""\
name: {q(PLAIN['place_name'])}
address: {q(PLAIN['place_address'])}
municipality: kerava
accessibility: [wheelchair]
accessibility_note: {q(PLAIN['accessibility_note'])}
directions: {q(PLAIN['directions'])}
website: {q('https://example.org/"onmouseover="alert(1)')}
description: |
{body_block}
""",
        "organisations/yhdistys.md": f"""\
---
name: {q(PLAIN['org_name'])}
summary:
  fi: {q(PLAIN['org_summary'])}
  sv: {q(PLAIN['org_summary_sv'])}
website: {q('https://example.org/?a="><script>alert(1)</script>')}
municipalities: [kerava]
themes: [vertaistuki]
contacts:
  - role: {q(PLAIN['contact_role'])}
    email: info@example.org
activities:
  - id: ryhma
    title: {q(PLAIN['activity_title'])}
    summary: {q(PLAIN['activity_summary'])}
    format: ryhma
    themes: [vertaistuki]
    audiences: [aikuiset]
    place: kirjasto
    online: {q('https://meet.example.org/x?<script>=1')}
    cost: {q(PLAIN['activity_cost'])}
    registration: {q(PLAIN['activity_registration'])}
    schedule:
      - weekly: [mon, tue, wed, thu, fri, sat, sun]
        time: "10:00-12:00"
        holidays: include
        note: {q(PLAIN['schedule_note'])}
    description: |
{body_block}
    contacts:
      - role: {q(PLAIN['contact_role'] + ' 2')}
---
{BODY}""",
        "partnerships/poyta.md": f"""\
---
name: {q(PLAIN['partnership_name'])}
summary: {q(PLAIN['partnership_summary'])}
members: [yhdistys]
meetings:
  - date: 2026-12-03
    note: {q(PLAIN['meeting_note'])}
  - 2026-10-01
---
{BODY}""",
        "pages/tietoa.md": f"""\
---
title: {q(PLAIN['page_title'])}
summary: {q(PLAIN['page_summary'])}
menu: 1
body:
  sv: |
{body_block}
---
{BODY}""",
    }


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    content = make_site(root, hostile_files())
    output = root / "out"
    build(content, TEMPLATES, output, today=TODAY, base_url=BASE_URL)
    return output


def output_files(site: Path, suffixes: tuple[str, ...]) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.is_file() and p.suffix in suffixes)


@pytest.fixture(scope="module")
def soups(hostile_site) -> dict[str, BeautifulSoup]:
    return {p.relative_to(hostile_site).as_posix(): BeautifulSoup(p.read_text(encoding="utf-8"),
                                                                  "html.parser")
            for p in output_files(hostile_site, (".html",))}


URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "srcset", "background",
                  "cite", "xlink:href", "ping", "manifest", "codebase", "longdesc", "srcdoc"}
DANGEROUS_SCHEMES = ("javascript:", "data:", "vbscript:")
FORBIDDEN_IN_BODY = ("script", "iframe", "frame", "frameset", "object", "embed", "applet", "style",
                     "base", "meta", "link", "noscript", "template", "form")


C0_AND_SPACE = "".join(chr(c) for c in range(0x21))


def normalised(value: str) -> str:
    """A URL as a browser's URL parser reads it (WHATWG): leading and trailing C0 controls and
    spaces stripped, tabs and newlines removed anywhere; lowercased for the scheme."""
    return re.sub(r"[\t\n\r]", "", value.strip(C0_AND_SPACE)).lower()


def test_hostile_site_builds_every_page(hostile_site, soups):
    for lang_prefix in ("", "sv/", "en/"):
        for page in ("organisations/yhdistys/", "activities/yhdistys/ryhma/", "places/kirjasto/",
                     "partnerships/poyta/", "tietoa/", ""):
            assert f"{lang_prefix}{page}index.html" in soups


# The site's own scripts: empty elements in <head> loading assets/sitesearch.js and
# langswitch.js (every page), assets/calendar.js and subscribe.js (calendar pages),
# assets/nearby.js (the activities and places lists), assets/handout.js and lib/qr.js (the
# handout per municipality), assets/pagedlist.js (a paged calendar day or handout) or the
# search page's own.
OWN_SCRIPT = re.compile(
    r'<script src="((\.\./)*|(/[\w.-]+)*/)assets/'
    r'(sitesearch|langswitch|calendar|calendarweek|subscribe|nearby|handout|pagedlist|searchtext|searchmatch|'
    r'searchcore|searchresult|search|upcoming|readerday|lib/filters|lib/qr)\.js"'
    r' defer>'
    r'</script>')
CALENDAR_PAGE = re.compile(r"^([a-z]{2}/)?calendar/")
NEARBY_PAGE = re.compile(r"^([a-z]{2}/)?(activities|places)/(\d+/)?index\.html$")
SEARCH_PAGE = re.compile(r"^([a-z]{2}/)?search/index\.html$")
ACTIVITY_PAGE = re.compile(r"^([a-z]{2}/)?activities/[\w-]+/[\w-]+/index\.html$")
HOME_PAGE = re.compile(r"^([a-z]{2}/)?index\.html$")
HANDOUT_PAGE = re.compile(r"^([a-z]{2}/)?handout/[\w-]+/([\w-]+/)*index\.html$")
ANY_PAGE = re.compile(r"")
OWN_SCRIPTS = ((ANY_PAGE, ("sitesearch", "langswitch")),
               (CALENDAR_PAGE, ("readerday", "subscribe", "lib/filters", "calendarweek", "calendar",
                                "pagedlist")),
               (NEARBY_PAGE, ("nearby",)),
               (HANDOUT_PAGE, ("lib/filters", "lib/qr", "handout", "pagedlist")),
               (SEARCH_PAGE, ("searchtext", "readerday", "searchmatch", "searchcore", "lib/filters",
                              "searchresult", "search")),
               (ACTIVITY_PAGE, ("readerday", "upcoming")), (HOME_PAGE, ("readerday", "upcoming")))


def own_script(name: str, element) -> bool:  # noqa: ANN001 - a bs4 Tag
    """Whether a <script> is one of the site's own, as the templates write them."""
    if element.parent.name != "head" or element.contents or \
            set(element.attrs) != {"src", "defer"}:
        return False
    found = re.fullmatch(r"((\.\./)*|(/[\w.-]+)*/)assets/((lib/)?[a-z]+)\.js", element["src"])
    return found is not None and any(
        page.match(name) and found.group(4) in scripts for page, scripts in OWN_SCRIPTS)


# Linked data: inert JSON in <head>; the writer escapes every '<', so none can close it early.
LINKED_DATA = re.compile(r'<script type="application/ld\+json">[^<]*</script>')


def linked_data(element) -> bool:  # noqa: ANN001 - a bs4 Tag
    """A JSON-LD block as the writer makes it: in <head>, only `type`, parseable JSON."""
    if element.parent.name != "head" or element.attrs != {"type": "application/ld+json"}:
        return False
    json.loads(element.string)
    return "<" not in element.string


def test_no_script_element_anywhere(hostile_site, soups):
    for name, soup in soups.items():
        found = [s for s in soup.find_all("script")
                 if not own_script(name, s) and not linked_data(s)]
        assert not found, f"{name}: {found[0]}"
    for path in output_files(hostile_site, (".html", ".xml", ".txt", ".css", ".svg")):
        text = LINKED_DATA.sub("", OWN_SCRIPT.sub("", path.read_text(encoding="utf-8")))
        assert not re.search(r"<\s*script", text, re.IGNORECASE), path


def own_form(name: str, element) -> bool:  # noqa: ANN001 - a bs4 Tag
    """The site's own forms (their contents are checked like the rest): the calendar's filters
    and the handout's choices (checkboxes only), the header's search box (a GET form to the
    search page) and the search page's form (a search box and checkboxes)."""
    if element.name != "form":
        return False
    inputs = {i.get("type") for i in element.find_all("input")}
    if CALENDAR_PAGE.match(name) and element.has_attr("data-calendar-filter"):
        return inputs <= {"checkbox"}
    if element.get("class") == ["site-search__form"]:
        return inputs == {"search"} and element.get("method") == "get" and \
            re.fullmatch(r"(\.\./)*search/|(/[\w.-]+)*/search/",  # 404.html: rooted
                         element.get("action", "")) is not None
    if SEARCH_PAGE.match(name) and element.has_attr("data-search-form"):
        return inputs == {"search", "checkbox"} and element.get("action") == "./"
    if HANDOUT_PAGE.match(name) and element.has_attr("data-handout-filter"):
        return inputs <= {"checkbox"}  # none when no activity has a term to choose
    return False


def own_noscript(name: str, element) -> bool:  # noqa: ANN001
    """The search page's note for visitors without JavaScript: one paragraph of text."""
    return element.name == "noscript" and bool(SEARCH_PAGE.match(name)) and \
        "search-browse" in element.parent.get("class", []) and \
        [child.name for child in element.find_all(True)] == ["p"]


def test_no_active_elements_in_bodies(soups):
    found = [f"{name}: <{element.name}>" for name, soup in soups.items()
             for element in (soup.body.find_all(FORBIDDEN_IN_BODY) if soup.body else [])
             if not own_form(name, element) and not own_noscript(name, element)]
    assert not found, "\n".join(found[:20])


def test_no_event_handler_attributes(soups):
    found = [f"{name}: <{element.name} {attribute}>" for name, soup in soups.items()
             for element in soup.find_all(True) for attribute in element.attrs
             if attribute.lower().startswith("on")]
    assert not found, "\n".join(found[:20])


# The one data: URL a page may have: the print view's own QR code (a handout's too), a PNG the
# site draws (hyteguide/pages/qr.py), nothing from content.
OWN_QR = re.compile(r"data:image/png;base64,[A-Za-z0-9+/]+=*")


def own_qr_code(element) -> bool:  # noqa: ANN001 - a bs4 Tag
    return (element.name == "img" and element.get("class") == ["qr__code"]
            and element.parent.name == "figure"
            and element.parent.get("class", [])[:1] == ["print-qr"]
            and OWN_QR.fullmatch(element["src"]) is not None)


def test_no_dangerous_url_schemes(soups):
    found = []
    qr_codes = 0
    for name, soup in soups.items():
        for element in soup.find_all(True):
            if own_qr_code(element):
                qr_codes += 1
                continue
            for attribute, value in element.attrs.items():
                values = value if isinstance(value, list) else [value]
                for item in values:
                    if attribute.lower() in URL_ATTRIBUTES and \
                            normalised(item).startswith(DANGEROUS_SCHEMES):
                        found.append(f"{name}: <{element.name} {attribute}={item!r}>")
                    if "javascript:" in normalised(item) and attribute.lower() in (
                            "href", "src", "action", "formaction", "style"):
                        found.append(f"{name}: <{element.name} {attribute}={item!r}>")
        for meta in soup.find_all("meta"):
            if (meta.get("http-equiv") or "").lower() == "refresh":
                found.append(f"{name}: {meta}")
    assert not found, "\n".join(found[:20])
    assert qr_codes


def test_no_style_attributes_from_content(soups):
    """Content cannot position an overlay: the sanitiser keeps no style attributes."""
    found = [f"{name}: <{e.name} style={e['style']!r}>" for name, soup in soups.items()
             for e in soup.select(".prose [style], main [style]") if "fixed" in e["style"]]
    assert not found, "\n".join(found[:20])


def _all_text(soups: dict[str, BeautifulSoup]) -> str:
    return "\n".join(soup.get_text() for soup in soups.values())


@pytest.mark.parametrize("key", sorted(PLAIN))
def test_hostile_plain_text_is_shown_as_text(soups, key):
    text = PLAIN[key]
    pages = [name for name, soup in soups.items() if text in soup.get_text()]
    assert pages, f"{key}: {text!r} is not shown verbatim as text on any page"


def test_template_syntax_is_not_evaluated(soups, hostile_site):
    everything = _all_text(soups)
    assert "{{ 7*7 }}" in everything
    assert "{% raw %}" in everything
    assert "Ryhmä 49" not in everything
    for path in output_files(hostile_site, (".html", ".xml", ".txt")):
        raw = path.read_text(encoding="utf-8")
        assert "7777777" not in raw, path
        assert "<Config" not in raw and "__builtins__" not in raw, path


def test_markdown_bodies_keep_their_harmless_parts(soups):
    page = soups["organisations/yhdistys/index.html"]
    prose = page.find(class_="prose") or page.find("main")
    text = prose.get_text()
    assert "Alku." in text
    assert "{% raw %} jinja" in text
    links = prose.find_all("a", href="https://ok.example/")
    assert links and all(not a.startswith("on") for link in links for a in link.attrs)


def test_website_with_quotes_stays_inside_its_attribute(soups):
    page = soups["places/kirjasto/index.html"]
    links = [a for a in page.find_all("a", href=True) if "onmouseover" in a["href"]]
    assert links, "the place website is not linked"
    # percent-encoded as a browser requests it, which also makes it a valid URL in the HTML
    assert all(a["href"] == "https://example.org/%22onmouseover=%22alert(1)" for a in links)


# -- URLs that are not web addresses are content errors -------------------------------------------

def _codes(err: ContentError) -> list[tuple[str, int, str]]:
    return [(p.path, p.line, p.code) for p in err.problems]


ORG = """\
---
name: Testi ry
summary: Testi.
municipalities: [kerava]
website: {website}
---
Kuvaus.
"""


@pytest.mark.parametrize("website", [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    '"java\\tscript:alert(1)"',
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "//evil.example/x",
    "ftp://example.org/file",
])
def test_dangerous_website_is_a_content_error(tmp_path, website):
    content = make_site(tmp_path, {"organisations/yhdistys.md": ORG.format(website=website)})
    with pytest.raises(ContentError) as caught:
        build(content, TEMPLATES, tmp_path / "out", today=TODAY, base_url=BASE_URL)
    assert ("content/organisations/yhdistys.md", 5, "bad-url") in _codes(caught.value)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("field,path,text", [
    ("online", "organisations/yhdistys.md", None),
    ("website", "places/kirjasto.yaml", None),
])
def test_dangerous_urls_in_other_fields_are_content_errors(tmp_path, field, path, text):
    if path.startswith("places/"):
        files = {path: "name: Kirjasto\naddress: Katu 1\nmunicipality: kerava\n"
                       "website: javascript:alert(1)\n"}
        line = 4
    else:
        files = {path: ORG.format(website="https://example.org").replace(
            "---\nKuvaus", "activities:\n  - id: a\n    title: A\n    summary: A.\n"
            "    format: ryhma\n    online: javascript:alert(1)\n---\nKuvaus")}
        line = 11
    content = make_site(tmp_path, files)
    with pytest.raises(ContentError) as caught:
        build(content, TEMPLATES, tmp_path / "out", today=TODAY, base_url=BASE_URL)
    assert (f"content/{path}", line, "bad-url") in _codes(caught.value), _codes(caught.value)


# -- hostile YAML -------------------------------------------------------------------------------

@pytest.mark.parametrize("value", [
    '!!python/object/apply:os.system ["touch {marker}"]',
    '!!python/object/apply:os.system\n  args: ["touch {marker}"]',
    "!!python/object/new:os.system [\"touch {marker}\"]",
    '!!python/name:os.system',
    '!!python/object/apply:subprocess.check_output [["touch", "{marker}"]]',
])
def test_python_tags_never_execute(tmp_path, value):
    marker = tmp_path / "pwned"
    organisation = f"---\nname: Testi ry\nsummary: {value.format(marker=marker)}\n" \
                   "municipalities: [kerava]\n---\nKuvaus.\n"
    content = make_site(tmp_path, {"organisations/yhdistys.md": organisation})
    try:
        build(content, TEMPLATES, tmp_path / "out", today=TODAY, base_url=BASE_URL)
    except ContentError as err:  # a clean content error is fine …
        assert all(p.path.startswith("content/") for p in err.problems)
    assert not marker.exists(), "YAML executed a command"
    # … and so is treating it as text; but never a Python object in the page
    page = tmp_path / "out" / "organisations" / "yhdistys" / "index.html"
    if page.exists():
        assert "<built-in function system>" not in page.read_text(encoding="utf-8")


def test_python_tag_in_site_yaml_never_executes(tmp_path):
    marker = tmp_path / "pwned"
    site = f'name: !!python/object/apply:os.system ["touch {marker}"]\nregion: X\n' \
           f"base_url: {BASE_URL}\nlanguages: [fi]\ncontact: {{email: a@example.org}}\n"
    content = make_site(tmp_path, {"site.yaml": site})
    with pytest.raises(ContentError):
        build(content, TEMPLATES, tmp_path / "out", today=TODAY, base_url=BASE_URL)
    assert not marker.exists()


BILLION_LAUGHS = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


@pytest.mark.parametrize("path", ["organisations/yhdistys.md", "places/kirjasto.yaml",
                                  "site.yaml", "vocabulary.yaml"])
def test_aliases_and_billion_laughs_are_content_errors(tmp_path, path):
    if path.endswith(".md"):
        text = "---\nname: Testi ry\nsummary: Testi.\nmunicipalities: [kerava]\n" \
               + BILLION_LAUGHS + "---\nKuvaus.\n"
    else:
        text = BILLION_LAUGHS
    content = make_site(tmp_path, {path: text})
    with pytest.raises(ContentError) as caught:
        build(content, TEMPLATES, tmp_path / "out", today=TODAY, base_url=BASE_URL)
    problems = [p for p in caught.value.problems if p.path == f"content/{path}"]
    assert problems and problems[0].code == "yaml-syntax", _codes(caught.value)
    assert "alias" in problems[0].message
    # Refused at the first alias met ('*a' on the line of 'b:'), before anything is expanded.
    first_alias = 2 + (4 if path.endswith(".md") else 0)  # after the front matter's 4 lines
    assert (problems[0].line, problems[0].col) == (first_alias, 8)


def test_a_simple_alias_is_rejected_too(tmp_path):
    organisation = "---\nname: &n Testi ry\nsummary: *n\nmunicipalities: [kerava]\n---\nKuvaus.\n"
    content = make_site(tmp_path, {"organisations/yhdistys.md": organisation})
    with pytest.raises(ContentError) as caught:
        build(content, TEMPLATES, tmp_path / "out", today=TODAY, base_url=BASE_URL)
    assert ("content/organisations/yhdistys.md", 3, "yaml-syntax") in _codes(caught.value)


def test_five_megabyte_single_line_value_does_not_crash(tmp_path):
    huge = "ä" * 100 + "x" * (5 * 1024 * 1024)
    organisation = f"---\nname: Testi ry\nsummary: {huge}\nmunicipalities: [kerava]\n---\n" \
                   "Kuvaus.\n"
    content = make_site(tmp_path, {"organisations/yhdistys.md": organisation})
    output = tmp_path / "out"
    try:
        build(content, TEMPLATES, output, today=dt.date(2026, 11, 23), base_url=BASE_URL)
    except ContentError as err:  # a clean "too long" error would be fine as well
        assert all(p.path == "content/organisations/yhdistys.md" for p in err.problems)
        return
    page = output / "organisations" / "yhdistys" / "index.html"
    assert huge in page.read_text(encoding="utf-8")


# -- the preview's error page --------------------------------------------------------------------

def test_preview_error_page_escapes_problems_and_crashes():
    from hyteguide.preview.serve import PreviewState, error_page

    state = PreviewState(problems=["content/x.md:1:1: error[x]: <script>alert(1)</script>"],
                         crash="Traceback <img src=x onerror=alert(1)>")
    soup = BeautifulSoup(error_page(state), "html.parser")
    assert soup.find("script") is None
    assert soup.find("img") is None
    assert "<script>alert(1)</script>" in soup.get_text()
    assert "<img src=x onerror=alert(1)>" in soup.get_text()


def test_preview_rebuild_reports_content_problems(tmp_path):
    from hyteguide.preview.live import LiveSite
    from hyteguide.preview.serve import PreviewState, rebuild

    content = make_site(tmp_path, {"organisations/yhdistys.md": ORG.format(
        website="javascript:alert(1)")})
    state = PreviewState()
    rebuild(LiveSite(content, TEMPLATES, BASE_URL, TODAY), state)
    assert state.failed
    assert any("bad-url" in p for p in state.problems)
