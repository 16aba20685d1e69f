"""The published pages' Content-Security-Policy (issue 21, point 10): defence in depth behind the
sanitising of editors' text. In Chromium, on a page of each kind, the site's own scripts run
(no violation while the page loads and works), while a script written into the page, an inline
event handler, a style attribute or an image from another host is refused by the browser."""

from __future__ import annotations

import pytest

from tests.browsing import assert_clean, visit

pytestmark = pytest.mark.browser

PAGES = ("", "calendar/", "search/?q=kahvi", "handout/kerava/", "activities/",
         "organisations/keravan-olohuone/", "places/")

ATTEMPTS = """() => new Promise(resolve => {
    const refused = [];
    document.addEventListener('securitypolicyviolation',
                              e => refused.push(e.effectiveDirective));
    const script = document.createElement('script');
    script.textContent = 'window.__ran = true';
    document.body.append(script);
    const handler = document.createElement('div');
    handler.setAttribute('onclick', 'window.__clicked = true');
    document.body.append(handler);
    handler.click();
    const styled = document.createElement('div');
    styled.setAttribute('style', 'color: red');
    document.body.append(styled);
    const image = document.createElement('img');
    image.src = 'https://tracker.example/pixel.gif';
    document.body.append(image);
    setTimeout(() => resolve({refused, ran: !!window.__ran, clicked: !!window.__clicked}), 300);
})"""


@pytest.mark.parametrize("path", PAGES)
def test_the_policy_refuses_what_the_site_does_not_ship(browser, served_site, path):
    with visit(browser, served_site.url + path) as (page, record):
        policy = page.locator('meta[http-equiv="Content-Security-Policy"]')
        assert policy.count() == 1
        assert "script-src 'self'" in policy.get_attribute("content")
        assert_clean(record)  # the site's own scripts and data: no violation while it loads
        result = page.evaluate(ATTEMPTS)
    assert not result["ran"] and not result["clicked"]
    assert {"script-src-elem", "script-src-attr", "style-src-attr", "img-src"} <= set(
        result["refused"]), result


def test_the_policy_comes_before_anything_it_governs(built_site):
    """A <meta> policy governs only what follows it: it is the head's second element."""
    html = (built_site.root / "index.html").read_text("utf-8")
    head = html[html.index("<head>"):html.index("</head>")]
    assert head.index("Content-Security-Policy") < min(
        head.index(tag) for tag in ("<script", "<link"))
