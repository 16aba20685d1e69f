"""URL vectors (issue 21, point 6): about two hundred generated address forms — credentials,
IP addresses in decimal, octal, hex and IPv6, IDN and punycode, backslashes, tabs and line breaks
inside, protocol-relative addresses, ports, percent-encoded hosts, data: and javascript: in mixed
case and with entities — in link fields (website, online, registration_url) and Markdown links.

Each is either refused with a located `bad-url` error, or published with an href whose host, as
a browser reads it (WHATWG URL: node's `new URL()`), is the host a browser reads from what the
editor wrote. A link that changes host on the way is the failure."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import BASE_URL
from tests.e2e.inert import build_what_loads
from tests.e2e.test_corpora import quoted
from tests.e2e.test_html_validation import unavailable

TODAY = dt.date(2026, 12, 7)
AUTHORITIES = [
    "example.org", "EXAMPLE.ORG", "example.org.", "user:pass@example.org", "user@example.org",
    "example.org@evil.example", "example.org%40evil.example", "a@b@evil.example",
    "example.org:80@evil.example", "example.org\\@evil.example", "example.org\\evil.example",
    "example.org%2F@evil.example", "evil.example%2Fexample.org", "%65vil.example",
    "example%2Eorg", "127.0.0.1", "2130706433", "0177.0.0.1", "0x7f.1", "0x7f000001", "127.1",
    "1.2.3.4.5", "[::1]", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "bücher.example",
    "xn--bcher-kva.example", "ехаmple.org", "例え.jp", "example。org", "xn--", "-a.example",
    "a..example", "..", "example.org:443", "example.org:8080", "example.org:65536",
    "example.org:0", "example.org:99999999999", "example.org:", "example.org:+80",
    "exa\tmple.org", "example.org\n@evil.example", "ex ample.org", "example.org#@evil.example",
    "example.org?@evil.example", "example.org/\\@evil.example", "ex%00ample.org",
]
PREFIXES = ["https://", "HTTP://", "https:\\\\", "https:/"]
OTHERS = [
    "//evil.example/", "///evil.example/", "\\\\evil.example\\", "/\\evil.example",
    "https:evil.example", "http:/evil.example", "https:///evil.example", " https://example.org/ ",
    "\thttps://example.org",
    "JaVaScRiPt:alert(1)", "javascript&colon;alert(1)", "&#x6A;avascript:alert(1)",
    "java\tscript:alert(1)", "java\nscript:alert(1)", "DaTa:text/html,<script>alert(1)</script>",
    "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox(1)", "jav&#09;ascript:alert(1)",
    "%6Aavascript:alert(1)", "mailto:a@example.org", "tel:+358401234567", "ftp://example.org/",
    "file:///etc/passwd", "webcal://example.org/x.ics", "https://example.org/polku välilyönti",
    "https://example.org/?q=<x>&r=\"", "https://example.org/#a#b", "relative/path",
    "?q=1", "#fragment",
]


def url_vectors() -> list[str]:
    """The generated addresses: each authority behind each prefix, with and without a path."""
    found = [prefix + authority + suffix for (prefix, authority), suffix in itertools.product(
        itertools.product(PREFIXES, AUTHORITIES), ["/", "/x?y#z"])]
    return found[::2] + OTHERS


LINK_FIELDS = ("website", "online", "registration_url")


def _organisation(field: str | None, url: str, number: int) -> str:
    org = f"website: {quoted(url)}\n" if field == "website" else ""
    activity = f"    {field}: {quoted(url)}\n" if field in ("online", "registration_url") else ""
    body = "Linkki." if field else (
        f"[u{number}a]({url})\n\n<{url}>\n\n[u{number}b][r]\n\n[r]: {url}\n\n"
        f"<a href=\"{url}\">u{number}c</a>\n")
    return (f"---\nname: Osoite {number} ry\nsummary: Osoite.\nmunicipalities: [kerava]\n{org}"
            "activities:\n  - id: a\n    title: A\n    summary: A.\n    format: ryhma\n"
            f"    schedule:\n      - weekly: [tue]\n        time: \"10-11\"\n{activity}---\n"
            f"{body}\n")


def _whatwg_hosts(pairs: list[tuple[str, str]]) -> list[str | None]:
    """The host of each (url, base) as a browser's URL parser reads it, or None when it is no
    URL (node's WHATWG `new URL()`)."""
    node = shutil.which("node")
    if node is None:
        unavailable("node is missing")
    script = ("const pairs = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
              "process.stdout.write(JSON.stringify(pairs.map(([u, b]) => {"
              "try { const p = new URL(u, b); return p.protocol + '//' + p.host; }"
              " catch (e) { return null; } })));")
    done = subprocess.run([node, "-e", script], input=json.dumps(pairs), capture_output=True,
                          text=True, check=True, timeout=60)
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def url_site(tmp_path_factory) -> tuple[dict[str, tuple[str | None, str]], Path, list, Path]:
    """Files (slug: (field or None for the body, url)), the built site, the problems and the
    content folder."""
    tmp = tmp_path_factory.mktemp("urls")
    placed: dict[str, tuple[str | None, str]] = {}
    files = {}
    for number, (field, url) in enumerate(itertools.product(
            (*LINK_FIELDS, None), url_vectors())):
        slug = f"url-{number}"
        placed[slug] = (field, url)
        files[f"organisations/{slug}.md"] = _organisation(field, url, number)
    root, output, found = build_what_loads(tmp, files, TODAY, BASE_URL)
    return placed, output, found, root


def test_about_two_hundred_forms():
    assert 180 <= len(set(url_vectors())) == len(url_vectors()) <= 260, len(url_vectors())


def test_refused_links_are_located_bad_url_errors(url_site):
    placed, _, found, _ = url_site
    errors = [p for p in found if p.severity == "error"]
    refused = {p.path.removeprefix("content/organisations/").removesuffix(".md") for p in errors}
    for problem in errors:
        slug = problem.path.removeprefix("content/organisations/").removesuffix(".md")
        field, url = placed[slug]
        assert field is not None, ("a Markdown body refused", url, problem.format())
        assert problem.code == "bad-url" and problem.field.endswith(field) and problem.hint, \
            problem.format()
        assert problem.line == (5 if field == "website" else 13), problem.format()
    # the forms that must never be published
    for slug, (field, url) in placed.items():
        if field and any(bad in url.lower() for bad in ("javascript", "data:", "user:pass@",
                                                        "0x7f", "2130706433", "[::", "127.")):
            assert slug in refused, (field, url)


def _external(soup: BeautifulSoup, texts: tuple[str, ...] | None) -> list[str]:
    """The hrefs of a page's main content: of the links with the given texts, or all that
    leave the site."""
    main = soup.find("main") or soup
    links = main.find_all("a", href=True)
    if texts is not None:
        return [a["href"] for a in links if a.get_text() in texts]
    return [a["href"] for a in links if re.match(r"[a-zA-Z][\w+.-]*:|[/\\]{2}", a["href"])
            and "example.github.io" not in a["href"]
            and not a["href"].startswith(("mailto:", "webcal:"))]


def test_published_links_keep_the_host_browsers_read(url_site):
    placed, output, _, root = url_site
    checks: list[tuple[str, str, str, bool]] = []  # (page, written, published, in Markdown)
    for slug, (field, url) in placed.items():
        if not (root / "organisations" / f"{slug}.md").exists():
            continue
        number = slug.removeprefix("url-")
        page = f"organisations/{slug}/" if field in ("website", None) \
            else f"activities/{slug}/a/"
        soup = BeautifulSoup((output / page / "index.html").read_text("utf-8"), "html.parser")
        texts = None if field else (f"u{number}a", f"u{number}b", f"u{number}c")
        hrefs = _external(soup, texts)
        if field:
            assert hrefs, (field, url, "accepted but not linked")
        checks += [(page, url, href, field is None) for href in hrefs]
    assert len(checks) > 100
    # In Markdown, a line break ends a link's destination (a reference definition's: the rest
    # is a paragraph), and '\\' is an escaped '\'; so a Markdown link may go to the host of
    # its first line, or stay on the site (an inert relative address), never to a third host.
    hosts = _whatwg_hosts([(u, BASE_URL + page) for page, u, _, _ in checks]
                          + [(u.split("\n")[0], BASE_URL + page) for page, u, _, _ in checks]
                          + [(h, BASE_URL + page) for page, _, h, _ in checks])
    count = len(checks)
    written, first_line, published = hosts[:count], hosts[count:2 * count], hosts[2 * count:]
    own = BASE_URL.removesuffix("/hyteguide/")
    changed = [(url, href, w, p) for (_, url, href, markdown), w, first, p in zip(
        checks, written, first_line, published, strict=True)
        if w != p and not (markdown and p in (first, own))]
    assert not changed, "\n".join(map(repr, changed[:20]))
