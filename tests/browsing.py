"""Shared pieces of the browser tests (Chromium via Playwright): visits that record console
errors, failed and foreign requests, and axe-core runs. The fixtures `browser` and `axe_path`
live in conftest.py.
"""

from __future__ import annotations

import datetime as dt
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.conftest import REPO

CHROMIUM = Path("/usr/bin/chromium")
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
LOCAL_HOSTS = {"127.0.0.1"}


def unavailable(reason: str) -> None:
    """Skip locally; fail under CI, which must never silently skip the browser tests."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set: browser tests must run)")
    pytest.skip(reason)


@dataclass
class Visit:
    url: str
    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)


@contextmanager
def visit(browser, url: str, width: int = 1280, height: int = 800, expect_status: int = 200,
          clock: dt.datetime | None = None, context_options: dict | None = None):
    """Open url in a fresh context; record console errors, failed and foreign requests.
    clock: the time the page's scripts see (Playwright's clock), if given; context_options:
    more arguments of browser.new_context (geolocation, permissions, device_scale_factor …)."""
    context = browser.new_context(**{"viewport": {"width": width, "height": height},
                                     "service_workers": "block", **(context_options or {})})
    record = Visit(url)

    def route(route) -> None:  # noqa: ANN001 - a Playwright Route
        host = urlsplit(route.request.url).hostname
        if host in LOCAL_HOSTS:
            route.continue_()
        else:  # never reach the network: record and abort
            if route.request.url not in record.foreign:
                record.foreign.append(route.request.url)
            route.abort()

    def on_request(request) -> None:  # noqa: ANN001
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.hostname not in LOCAL_HOSTS \
                and request.url not in record.foreign:
            record.foreign.append(request.url)

    def on_console(message) -> None:  # noqa: ANN001
        if message.type != "error":
            return
        where = (message.location or {}).get("url", "")
        if expect_status != 200 and where == url and "Failed to load resource" in message.text:
            return  # the expected status of the 404 page itself
        record.console_errors.append(f"{message.text} ({where})")

    def on_response(response) -> None:  # noqa: ANN001
        if response.status >= 400 and not (response.url == url and
                                            response.status == expect_status):
            record.failed.append(f"{response.status} {response.url}")

    context.route("**/*", route)
    page = context.new_page()
    if clock is not None:
        page.clock.set_fixed_time(clock)
    page.on("request", on_request)
    page.on("console", on_console)
    page.on("pageerror", lambda error: record.console_errors.append(f"page error: {error}"))
    page.on("requestfailed", lambda request: record.failed.append(
        f"{request.url}: {request.failure}"))
    page.on("response", on_response)
    try:
        response = page.goto(url, wait_until="load")
        assert response is not None and response.status == expect_status, \
            f"{url}: status {response and response.status}"
        page.wait_for_load_state("networkidle")
        yield page, record
    finally:
        context.close()


def assert_clean(record: Visit) -> None:
    assert not record.console_errors, f"{record.url}: console errors: {record.console_errors}"
    assert not record.failed, f"{record.url}: failed requests: {record.failed}"
    assert not record.foreign, f"{record.url}: requests to other hosts: {record.foreign}"


def axe_violations(page, axe: Path) -> list[dict]:  # noqa: ANN001 - a Playwright Page
    # Evaluated, not added as a <script>: the pages' Content-Security-Policy refuses inline
    # scripts, and the tests must see the policy as readers' browsers do (no bypass_csp).
    page.evaluate(axe.read_text("utf-8"))
    results = page.evaluate("""async (tags) => await axe.run(document, {
        runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})""", WCAG_TAGS)
    return results["violations"]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {node['target']}: {node.get('failureSummary', '')!r:.300}")
    return "\n".join(lines)


def assert_no_horizontal_scroll(page) -> None:  # noqa: ANN001 - a Playwright Page
    """Reflow (WCAG 1.4.10): the page is no wider than the viewport; names what sticks out."""
    sizes = page.evaluate("""() => {
        const d = document.documentElement, wide = [];
        for (const e of document.body.querySelectorAll('*')) {
            const r = e.getBoundingClientRect();
            if (r.right > d.clientWidth + 1)
                wide.push(e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')
                          + ' right=' + Math.round(r.right));
        }
        return {scroll: d.scrollWidth, client: d.clientWidth, wide: wide.slice(0, 10)};
    }""")
    assert sizes["scroll"] <= sizes["client"] + 1, \
        f"{page.url}: horizontal scroll at {sizes['client']} px " \
        f"({sizes['scroll']} > {sizes['client']}): {sizes['wide']}"
