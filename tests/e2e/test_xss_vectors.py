"""XSS vectors of our own (issue 21): several hundred, composed here from parts (no third-party
list is copied), in every text field of organisations, activities and places and in the link
fields; the site is built and looked at as HTML, as search and open data files, and in Chromium.

Parts: tag openers (case, whitespace, entity and nesting variations), event handlers on the
elements that fire them without a click, javascript:/vbscript:/data: URLs obfuscated with
entities, percent escapes and whitespace, in HTML attributes and in Markdown links, images,
autolinks and reference links; SVG and MathML; <style>, <iframe srcdoc>, <object>, <embed>,
<base>, <form>; attribute breakouts; template syntax of Jinja and others; HTML blocks. Each
vector calls __xss(N) (or alert(N)), N its number, so a browser run can name one that ran."""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from hyteguide.common.problems import Problem
from tests.conftest import BASE_URL, serve_folder
from tests.e2e.inert import active_parts, build_what_loads
from tests.e2e.test_corpora import quoted
from tests.e2e.test_e2e_hostile import C0_AND_SPACE

TODAY = dt.date(2026, 12, 7)

OPENERS = ["<script>{js}</script>", "<SCRIPT>{js}</SCRIPT>", "<ScRiPt >{js}</sCrIpT >",
           "<script\t>{js}</script\n>", "<script/x>{js}</script>", "<scr<script>ipt>{js}</script>",
           "<<script>{js}//<</script>", '<script src="data:,{js}"></script>',
           "&lt;script&gt;{js}&lt;/script&gt;", "%3Cscript%3E{js}%3C/script%3E",
           "<script>/*</script><script>*/{js}</script>", "<svg><script>{js}</script></svg>",
           "<math><script>{js}</script></math>", "<template><script>{js}</script></template>",
           "<xmp><script>{js}</script></xmp>", "<noembed><script>{js}</script></noembed>"]
ELEMENTS = ["<img src=x {h}>", "<svg {h}>", "<body {h}>", "<details open {h}>",
            "<video src=x {h}>", "<audio src=x {h}>", "<input autofocus {h}>",
            "<iframe src=x {h}></iframe>", "<a href=# {h}>x</a>", "<div {h}>x</div>",
            "<marquee {h}>x</marquee>", "<object data=x {h}></object>",
            "<svg><animate {h} attributeName=x dur=1s>", "<style {h}></style>",
            "<math><mtext {h}>x</mtext></math>"]
HANDLERS = ["onerror", "onload", "onfocus", "ontoggle", "onmouseover", "ONERROR", "OnLoad",
            "onanimationstart", "onbegin", "onpageshow"]
QUOTES = ['{n}="{js}"', "{n}='{js}'", "{n}={js}", "{n}=`{js}`", '{n}\t=\t"{js}"', '/{n}="{js}"']
SCHEMES = ["javascript:", "JaVaScRiPt:", "java\tscript:", "java&#x09;script:",
           "&#106;avascript:", "&#x6A;avascript:", "&#0000106avascript:", "%6Aavascript:",
           " javascript:", "javascript&colon;", "jav&#x0A;ascript:", "vbscript:", "VBScript:",
           "data:text/html,", "data:text/html;base64,", "DATA:text/html,", "\\x6Aavascript:",
           "javascript://%0a"]
URL_FORMS = ['<a href="{u}">x</a>', "<a href='{u}'>x</a>", "<a href={u}>x</a>", "[x]({u})",
             "![i]({u})", "<{u}>", "[x][r{n}]\n\n[r{n}]: {u}", '[x]({u} "t")', "[x](<{u}>)",
             '<iframe src="{u}"></iframe>', '<form action="{u}"><button>x</button></form>',
             '<form><button formaction="{u}">x</button></form>', '<object data="{u}"></object>',
             '<embed src="{u}">', '<svg><a xlink:href="{u}"><text>x</text></a></svg>',
             '<math href="{u}">x</math>', '<base href="{u}">',
             '<meta http-equiv="refresh" content="0;url={u}">', '<img src="{u}">',
             '<link rel=stylesheet href="{u}">']
OTHERS = ['<iframe srcdoc="<script>{js}</script>"></iframe>',
          "<iframe srcdoc='&lt;img src=x onerror={js}&gt;'></iframe>",
          "<style>@import 'https://evil.example/x.css';</style>",
          "<style>body{{background:url(javascript:{js})}}</style>",
          '"><img src=x onerror={js}>', "'><svg onload={js}>", "</textarea><script>{js}</script>",
          "</title><script>{js}</script>", '" autofocus onfocus="{js}', "' onmouseover='{js}",
          "--><svg onload={js}><!--", "<!--><img src=x onerror={js}>-->",
          '<noscript><p title="</noscript><img src=x onerror={js}>"></noscript>',
          "<math><mtext><table><mglyph><style><img src=x onerror={js}>",
          "<svg><style><img src=x onerror={js}></style></svg>",
          "<div>\n\n<img src=x onerror={js}>\n\n</div>", "<details open ontoggle={js}>",
          '<a href="https://ok.example/" onclick="{js}">ok</a>', "<base href=//evil.example/>",
          '<object data="data:text/html,<script>{js}</script>"></object>',
          "<embed src=//evil.example/x.swf>", "<isindex action=javascript:{js} type=image>",
          '<form id=f></form><button form=f formaction="javascript:{js}">x</button>',
          "<svg><foreignObject><iframe srcdoc='<script>{js}</script>'>",
          "[x](javascript:{js} 'title')", "[x]: javascript:{js}\n\n[x]",
          "<javascript:{js}>", "<vbscript:{js}>", "![x](x\" onerror=\"{js})",
          '[a](https://ok.example/"onmouseover="{js}")', "`<script>{js}</script>`",
          "    <script>{js}</script>", "```html\n<script>{js}</script>\n```"]
# Template syntax (Jinja's and others'): shown as written, never evaluated. Each has its own
# q{n}q marker so that an evaluated one ('q49q') is found.
TEMPLATES_SYNTAX = ["q{n}q{{{{7*7}}}}q{n}q", "q{n}q{{% if true %}}x{{% endif %}}q{n}q",
                    "q{n}q${{7*7}}q{n}q", "q{n}q#{{7*7}}q{n}q", "q{n}q<%= 7*7 %>q{n}q",
                    "q{n}q{{{{config}}}}q{n}q", "q{n}q{{{{self.__init__.__globals__}}}}q{n}q",
                    "q{n}q{{{{constructor.constructor('__xss({n})')()}}}}q{n}q",
                    "q{n}q{{% raw %}}q{n}q", "q{n}q{{#7*7}}q{n}q"]


def _js(number: int, kind: int) -> str:
    return ("__xss({n})", "alert({n})", "top['al'+'ert']({n})", "print({n})")[kind % 4].format(
        n=number)


def vectors() -> list[str]:
    """The generated vectors, numbered by their place in the list (calls carry the number)."""
    shapes: list[str] = list(OPENERS)
    shapes += [element.format(h=quote.format(n=handler, js="{js}"))
               for element, handler, quote in itertools.islice(
                   itertools.product(ELEMENTS, HANDLERS, QUOTES), 0, None, 7)]
    shapes += [form.format(u=scheme + "{js}", n="{n}")
               for form, scheme in itertools.islice(itertools.product(URL_FORMS, SCHEMES), 0,
                                                    None, 3)]
    shapes += OTHERS
    found = [shape.replace("{js}", _js(number, number)).replace("{n}", str(number))
             if "{js}" in shape or "{n}" in shape else shape
             for number, shape in enumerate(shapes)]
    found += [syntax.format(n=len(found) + i) for i, syntax in enumerate(TEMPLATES_SYNTAX)]
    return found


TEXT_FIELDS = ("name", "summary", "role", "title", "activity_summary", "description", "cost",
               "registration", "body", "place_name", "directions")
LINK_FIELDS = ("website", "email", "online", "registration_url")
PER_FIELD = 4  # vectors in one field of one organisation


def _organisation(number: int, found: dict[str, str]) -> str:
    block = "\n".join("      " + line for line in found["description"].split("\n"))
    return f"""---
name: {quoted('Vektori ' + str(number) + ' ' + found['name'])}
summary: {quoted(found['summary'])}
municipalities: [kerava]
contacts:
  - role: {quoted(found['role'])}
    email: rooli@example.org
activities:
  - id: toiminta
    title: {quoted('Vektori ' + found['title'])}
    summary: {quoted(found['activity_summary'])}
    format: ryhma
    place: xss-{number}
    cost: {quoted(found['cost'])}
    registration: {quoted(found['registration'])}
    schedule:
      - weekly: [tue]
        time: "10-11"
    description: |
{block}
---
vektori

{found['body']}
"""


def _place(found: dict[str, str]) -> str:
    return f"""name: {quoted('Vektori ' + found['place_name'])}
address: Katu 1
municipality: kerava
directions: {quoted(found['directions'])}
"""


def _link_organisation(field: str, url: str) -> str:
    organisation = "---\nname: Linkki ry\nsummary: Linkki.\nmunicipalities: [kerava]\n{org}" \
        "activities:\n  - id: a\n    title: A\n    summary: A.\n    format: ryhma\n" \
        "    schedule:\n      - weekly: [tue]\n        time: \"10-11\"\n" \
        "{activity}---\nvektori\n"
    line = f"{field}: {quoted(url)}\n"
    if field in ("website", "email"):
        return organisation.format(org=line, activity="")
    return organisation.format(org="", activity="    " + line)


def link_vectors() -> list[str]:
    """What goes in link fields: each scheme, obfuscated, and each vector that is an URL."""
    return [scheme + _js(n, n) for n, scheme in enumerate(SCHEMES)] + [
        "https://ok.example/\"><script>__xss(1)</script>", "https://ok.example/' onmouseover='x",
        "mailto:a@example.org?body=<script>__xss(2)</script>", "tel:+358<svg onload=__xss(3)>",
        "//evil.example/", "\\\\evil.example\\x", "https:evil.example", "ftp://evil.example/",
        "a@example.org\"><img src=x onerror=__xss(4)>", "javascript:__xss(5)@example.org",
        "file:///etc/passwd", "https://ok.example/#<img src=x onerror=__xss(6)>"]


def placements() -> list[dict[str, str]]:
    """Each organisation's text fields, each with PER_FIELD vectors (paragraphs in Markdown
    fields): rotated 37 apart from field to field, so that every vector is in every field of
    some organisation."""
    found = vectors()
    count = -(-len(found) // PER_FIELD)
    return [{field: ("\n\n" if field in ("description", "body") else " ").join(
        found[(number * PER_FIELD + i + k * 37) % len(found)] for i in range(PER_FIELD))
        for k, field in enumerate(TEXT_FIELDS)} for number in range(count)]


def _files() -> dict[str, str]:
    files = {}
    for number, placed in enumerate(placements()):
        files[f"organisations/xss-{number}.md"] = _organisation(number, placed)
        files[f"places/xss-{number}.yaml"] = _place(placed)
    for number, (field, url) in enumerate(itertools.product(LINK_FIELDS, link_vectors())):
        files[f"organisations/link-{number}.md"] = _link_organisation(field, url)
    return files


@pytest.fixture(scope="module")
def xss_site(tmp_path_factory) -> tuple[Path, Path, list[Problem]]:
    """The content folder, the site built from what loads, and the problems loading found."""
    tmp = tmp_path_factory.mktemp("xss")
    return build_what_loads(tmp, _files(), TODAY, BASE_URL)


def test_the_vectors_are_several_hundred_and_distinct():
    found = vectors()
    assert 300 <= len(found) == len(set(found)), len(found)


def test_refused_files_are_link_fields_with_located_problems(xss_site):
    _, _, found = xss_site
    errors = [p for p in found if p.severity == "error"]
    assert errors, "no link vector was refused: were they placed?"
    for problem in errors:
        assert problem.path.startswith("content/organisations/"), problem.format()
        assert problem.line >= 1 and problem.field and problem.hint, problem.format()
    text_refused = {p.path for p in errors if "/xss-" in p.path}
    # A vector is text: a text field refuses only what no page can show (a control character).
    assert not text_refused, sorted(text_refused)[:5]


def _soups(output: Path) -> dict[str, BeautifulSoup]:
    return {p.relative_to(output).as_posix(): BeautifulSoup(p.read_text("utf-8"), "html.parser")
            for p in output.rglob("*.html")}


SAFE_SCHEMES = ("http", "https", "mailto", "tel")
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "srcdoc", "xlink:href", "data",
                  "poster", "background")


# The site's own links to its calendar feeds (a calendar application opens them).
OWN_WEBCAL = "webcal://" + BASE_URL.removeprefix("https://")


def _unsafe_urls(name: str, soup: BeautifulSoup) -> list[str]:
    """Elements that only content could have put there, and URLs with other schemes than
    http(s), mailto and tel (the site's own QR code and calendar links aside)."""
    found = []
    for element in soup.find_all(True):
        if element.name in ("iframe", "object", "embed", "base", "frame", "applet"):
            found.append(f"{name}: <{element.name}>")
        for attribute in URL_ATTRIBUTES:
            value = element.get(attribute)
            if value is None or (attribute == "src" and element.get("class") == ["qr__code"]) \
                    or str(value).startswith(OWN_WEBCAL):
                continue
            if attribute == "srcdoc":
                found.append(f"{name}: <{element.name} srcdoc>")
            scheme = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*):", re.sub(
                r"[\t\n\r]", "", str(value).strip(C0_AND_SPACE)))
            if scheme and scheme.group(1).lower() not in SAFE_SCHEMES:
                found.append(f"{name}: <{element.name} {attribute}={value!r}>")
    return found


def test_no_page_has_anything_active(xss_site):
    _, output, _ = xss_site
    found = []
    soups = _soups(output)
    assert len(soups) > 3 * len(placements())
    for name, soup in soups.items():
        found += active_parts(name, soup) + _unsafe_urls(name, soup)
    assert not found, "\n".join(found[:20])


def test_template_syntax_stays_as_written(xss_site):
    _, output, _ = xss_site
    text = "\n".join(p.read_text("utf-8") for p in output.rglob("*")
                     if p.suffix in (".html", ".json", ".csv", ".xml", ".ics", ".atom"))
    start = len(vectors()) - len(TEMPLATES_SYNTAX)
    for number in range(start, len(vectors())):
        marker = f"q{number}q"
        assert f"{marker}49{marker}" not in text and f"{marker}7777777" not in text
        assert marker in text, marker
    assert "{{7*7}}" in text and "<Config" not in text and "__builtins__" not in text


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def test_search_documents_and_open_data_carry_the_vectors_as_text(xss_site):
    """The activities' titles, each a vector, are exactly the text of a search document and
    of the open data (JSON and the HSDS CSV): not escaped twice, not stripped."""
    _, output, _ = xss_site
    expected = {"Vektori " + placed["title"] for placed in placements()}
    searched = {s for path in output.glob("search/v-*/d*.json")
                for s in _strings(json.loads(path.read_text("utf-8")))}
    assert expected <= searched, sorted(expected - searched)[:3]
    activities = json.loads((output / "opendata" / "activities.json").read_text("utf-8"))
    exported = set(_strings(activities))
    assert expected <= exported, sorted(expected - exported)[:3]
    with (output / "opendata" / "hsds" / "services.csv").open(encoding="utf-8",
                                                              newline="") as file:
        cells = {cell for row in csv.reader(file) for cell in row}
    assert expected <= cells, sorted(expected - cells)[:3]


# -- in Chromium ---------------------------------------------------------------------------

TRAP = """(() => {
    window.__calls = [];
    window.__violations = [];
    for (const name of ['alert', 'confirm', 'prompt', 'print', '__xss'])
        window[name] = (...args) => window.__calls.push(name + '(' + args.join(',') + ')');
    document.addEventListener('securitypolicyviolation', e => window.__violations.push(
        e.effectiveDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));
})();"""
# What the policy may refuse on these pages: an image or a style an editor wrote that the
# sanitiser keeps as harmless markup would only be a request elsewhere. A script, a handler or a
# frame refused by the policy means one got past the sanitiser: never expected.
EXPECTED_DIRECTIVES = {"img-src", "style-src-attr", "style-src-elem", "media-src", "font-src"}


def _sample(output: Path) -> list[str]:
    organisations = sorted(p.parent.name for p in output.glob("organisations/xss-*/index.html"))
    step = max(1, len(organisations) // 8)
    paths = ["", "organisations/", "activities/", "places/", "calendar/", "search/?q=vektori",
             "search/?q=script", "handout/kerava/", "sv/search/?q=vektori", "en/calendar/"]
    for slug in organisations[::step]:
        paths += [f"organisations/{slug}/", f"activities/{slug}/toiminta/",
                  f"places/{slug}/", f"sv/activities/{slug}/toiminta/"]
    return paths


@pytest.mark.browser
def test_no_vector_runs_in_chromium(xss_site, browser, tmp_path):
    _, output, _ = xss_site
    calls, refused = [], []
    with serve_folder(output, tmp_path / "www") as server:
        context = browser.new_context(service_workers="block")
        context.add_init_script(TRAP)
        context.route("**/*", lambda route: route.continue_()
                      if route.request.url.startswith(server.origin) else route.abort())
        page = context.new_page()
        try:
            for path in _sample(output):
                response = page.goto(server.url + path, wait_until="load")
                assert response is not None and response.status == 200, path
                assert page.evaluate("typeof window.__xss") == "function", path  # the trap
                page.wait_for_timeout(150)  # handlers that fire after load (focus, toggle)
                page.mouse.move(300, 300)
                page.mouse.move(600, 500)
                found = page.evaluate("() => [window.__calls, window.__violations]")
                calls += [f"{path}: {c}" for c in found[0]]
                refused += [f"{path}: {v}" for v in found[1]
                            if v.split(" ")[0] not in EXPECTED_DIRECTIVES]
                if path.startswith("search/"):
                    assert page.locator("[data-search-results] > li").count(), \
                        f"{path}: no search results"
        finally:
            context.close()
    assert not calls, calls[:10]
    assert not refused, refused[:10]
