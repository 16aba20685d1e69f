"""Addresses as browsers read them (issue 21, point 6): the host a link shows is the host a
browser goes to, and hosts hidden behind a user name, IP addresses in any notation, ports out of
range and empty labels are refused, in fields (check) and in Markdown links (the link is dropped,
its text kept)."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from hyteguide.common.links import as_browsers_read, valid_url, web_host_problem
from hyteguide.web.markup import render_markdown
from tests.helpers import make_site, problems

SAFE = {  # written → the URL written into the page, whose host is what a browser reads
    "https://example.org\\@evil.example/": "https://example.org/@evil.example/",
    "https:\\\\example.org\\x": "https://example.org/x",
    "https://exam\nple.org/a b": "https://example.org/a%20b",
    " https://example.org/?q=a\\b ": "https://example.org/?q=a%5Cb",
    "https://www.järvenpää.fi/": "https://www.järvenpää.fi/",
    "https://example.org:8443/x": "https://example.org:8443/x",
}
REFUSED = ["https://user:secret@example.org/", "https://example.org@evil.example/",
           "https://example.org:70000/", "https://example.org:99999999999/", "http://0x7f.1/",
           "http://127.0.0.1/", "http://2130706433/", "https://../", "https://[::1]/",
           "https://-example.org/", "https://example/"]


@pytest.mark.parametrize("written", SAFE)
def test_the_url_written_goes_where_a_browser_would(written):
    url = valid_url(written)
    assert url == SAFE[written]
    assert web_host_problem(written) is None
    browser_host = urlsplit(as_browsers_read(written)).hostname
    assert urlsplit(url).hostname == browser_host


@pytest.mark.parametrize("written", REFUSED)
def test_hosts_that_are_not_plain_web_hosts_are_refused(written):
    assert web_host_problem(written)


@pytest.mark.parametrize("written", ["mailto:a@example.org", "tel:+35840123", "/fi/", "#x",
                                     "../places/"])
def test_addresses_without_a_web_host_are_not_checked(written):
    assert web_host_problem(written) is None


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str | None] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs.append(dict(attrs).get("href"))


def _hrefs(markdown_text: str) -> list[str | None]:
    parser = _Links()
    parser.feed(render_markdown(markdown_text))
    return parser.hrefs


@pytest.mark.parametrize("written", REFUSED)
def test_a_markdown_link_to_a_refused_host_keeps_only_its_text(written):
    html = render_markdown(f"[Lue lisää]({written})")
    assert _hrefs(f"[Lue lisää]({written})") == [None], html
    assert "Lue lisää" in html


def test_a_markdown_link_with_a_backslash_goes_to_the_host_it_shows():
    [href] = _hrefs("[x](https://example.org\\@evil.example/)")
    assert urlsplit(href).hostname == "example.org"
    [auto] = _hrefs("<https://../>")
    assert auto is None


@pytest.mark.parametrize("written", ["https://user:pw@example.org/", "http://0x7f.1/",
                                     "https://example.org:70000/"])
def test_a_website_field_with_a_refused_host_is_a_located_error(tmp_path, written):
    from tests.helpers import ORGANISATION_MD
    root = make_site(tmp_path, {"organisations/yhdistys.md": ORGANISATION_MD.replace(
        "municipalities: [kerava]", f"municipalities: [kerava]\nwebsite: {written}")})
    [problem] = problems(root)
    assert (problem.code, problem.field, problem.line) == ("bad-url", "website", 7)
