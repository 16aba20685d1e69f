"""hyteguide.preview.serve: the error page, rebuild() outcomes and the live preview server.

The site is built from tests/helpers.make_site content with a small set of templates written
here (the preview machinery is under test, not the real templates); the i18n catalogues are the
repository's.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from hyteguide.preview.live import LiveSite
from hyteguide.preview.serve import (
    Changes,
    PreviewState,
    content_type,
    error_page,
    ignored,
    rebuild,
    with_warnings,
)
from tests.helpers import ORGANISATION_MD, make_site
from tests.preview.running import free_port, get, running_preview, wait_for

REPO = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 11, 23)
PAGES = ("home", "organisations", "activities", "places", "partnerships", "organisation",
         "activity", "place", "partnership", "taxonomy", "term", "page", "calendar", "search",
         "accessibility", "privacy", "handouts", "handout", "opendata", "404")
BASE = """\
<!doctype html>
<html lang="{{ lang }}"><head><meta charset="utf-8"><title>{{ page_title }}</title></head>
<body><main>{% block main %}{% endblock %}</main></body></html>
"""
HOME = """\
{% extends "base.html" %}{% block main %}<h1>PREVIEW-HOME</h1>
<ul>{% for o in guide.organisations %}<li><a href="{{ url(o) }}">{{ t(o.name) }}</a></li>
{% endfor %}</ul>{% endblock %}
"""
SITEMAP = """\
<?xml version="1.0" encoding="UTF-8"?>
<urlset>{% for spec, links in entries %}<url><loc>{{ links[0][1] }}</loc></url>{% endfor %}</urlset>
"""
# An old `reviewed` date: the build succeeds with a stale-review warning at line 8.
STALE = ORGANISATION_MD.replace("themes: [vertaistuki]\n",
                                "themes: [vertaistuki]\nreviewed: 2020-01-15\n")
BROKEN_MUNICIPALITY = ORGANISATION_MD.replace("municipalities: [kerava]",
                                              "municipalities: [keravaa]")
ORGANISATION_FILE = "organisations/yhdistys.md"


def write_templates(folder: Path) -> Path:
    """Minimal templates for every page the renderer writes, plus the repository's catalogues."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "base.html").write_text(BASE, encoding="utf-8")
    for name in PAGES:
        (folder / f"{name}.html").write_text(
            '{% extends "base.html" %}{% block main %}<h1>' + name + "</h1>{% endblock %}\n",
            encoding="utf-8")
    (folder / "home.html").write_text(HOME, encoding="utf-8")
    (folder / "sitemap.xml").write_text(SITEMAP, encoding="utf-8")
    (folder / "assets").mkdir(exist_ok=True)
    (folder / "assets" / "style.css").write_text("body{color:#111}\n", encoding="utf-8")
    (folder / "i18n").mkdir(exist_ok=True)
    for lang in ("fi", "sv", "en"):
        data = yaml.load((REPO / "templates" / "i18n" / f"{lang}.yaml").read_text("utf-8"),
                         Loader=yaml.BaseLoader)
        nav = data.setdefault("nav", {})
        for key in ("organisations", "activities", "places", "partnerships", "municipalities",
                    "themes", "audiences", "formats"):
            nav.setdefault(key, key)
        data.setdefault("notfound", {}).setdefault("title", "404")
        (folder / "i18n" / f"{lang}.yaml").write_text(
            yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return folder


class Served:
    """The files a live site serves, read like an output folder: (served / "index.html")."""

    def __init__(self, live: LiveSite, path: str = ""):
        self.live, self.path = live, path

    def __truediv__(self, part: str) -> Served:
        return Served(self.live, f"{self.path}/{part}".lstrip("/"))

    def read_bytes(self) -> bytes:
        data = self.live.file(self.path)
        assert data is not None, f"{self.path} is not served"
        return data

    def read_text(self, encoding: str = "utf-8") -> str:
        return self.read_bytes().decode(encoding)

    def is_file(self) -> bool:
        return self.live.file(self.path) is not None


@pytest.fixture
def site(tmp_path):
    """(content, templates, served files) in tmp_path: one live site for the test."""
    content, templates = make_site(tmp_path), write_templates(tmp_path / "templates")
    return content, templates, Served(LiveSite(content, templates, "http://127.0.0.1:8000/",
                                               TODAY))


def build(site, state: PreviewState) -> None:
    rebuild(site[2].live, state)


# -- error_page ---------------------------------------------------------------------------------

class Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text = ""

    def handle_starttag(self, tag, attrs):  # noqa: ANN001
        self.tags.append(tag)

    def handle_data(self, data):  # noqa: ANN001
        self.text += data


def parsed(html: str) -> Elements:
    elements = Elements()
    elements.feed(html)
    elements.close()
    return elements


def test_error_page_escapes_problems():
    hostile = 'content/organisations/x.md:3:7: error[bad-value]: name: <script>alert(1)</script>'
    page = error_page(PreviewState(problems=[hostile, 'b: "<img src=x onerror=alert(1)>" & co']))
    elements = parsed(page)
    assert "script" not in elements.tags and "img" not in elements.tags
    assert "<script>alert(1)</script>" in elements.text
    assert '"<img src=x onerror=alert(1)>" & co' in elements.text
    assert "2 problem(s)" in elements.text


def test_error_page_escapes_the_crash():
    page = error_page(PreviewState(crash="Traceback …\njinja2.TemplateSyntaxError: <b>&</b>"))
    elements = parsed(page)
    assert "b" not in elements.tags
    assert "jinja2.TemplateSyntaxError: <b>&</b>" in elements.text
    assert "Template or program error" in elements.text
    assert "problem(s)" not in elements.text


def test_error_page_is_a_complete_html_document():
    page = error_page(PreviewState(problems=["p"]))
    assert page.startswith("<!doctype html>") and "</head>" in page and page.endswith("</html>")


def test_preview_state_failed():
    assert not PreviewState().failed
    assert PreviewState(problems=["x"]).failed
    assert PreviewState(crash="x").failed


# -- rebuild ------------------------------------------------------------------------------------

PROBLEM_LINE = re.compile(r"^content/organisations/yhdistys\.md:(\d+):(\d+): error\[[a-z-]+\]: ")


def test_rebuild_good_content_builds_and_clears_the_state(site):
    content, templates, output = site
    state = PreviewState(problems=["old"], crash="old")
    build(site, state)
    assert state.problems == [] and state.crash == "" and not state.failed
    home = (output / "index.html").read_text(encoding="utf-8")
    assert "PREVIEW-HOME" in home and "Keravan Yhdistys ry" in home
    assert (output / "sv" / "index.html").is_file()
    assert (output / "assets" / "style.css").is_file()


def test_rebuild_broken_content_lists_problems_with_positions(site):
    content, templates, output = site
    state = PreviewState()
    build(site, state)
    before = (output / "index.html").read_bytes()
    (content / ORGANISATION_FILE).write_text(BROKEN_MUNICIPALITY, encoding="utf-8")
    build(site, state)
    assert state.crash == ""
    assert len(state.problems) == 1
    match = PROBLEM_LINE.match(state.problems[0])
    assert match, state.problems
    assert match.group(1) == "6"  # the municipalities line of helpers.ORGANISATION_MD
    assert "keravaa" in state.problems[0]
    assert (output / "index.html").read_bytes() == before  # the last good build stays


def test_rebuild_reports_every_problem(site):
    content, templates, output = site
    broken = BROKEN_MUNICIPALITY.replace("format: kohtaamispaikka", "format: kohtaamispaika")
    (content / ORGANISATION_FILE).write_text(broken, encoding="utf-8")
    state = PreviewState()
    build(site, state)
    assert len(state.problems) == 2 and state.crash == ""
    assert all(PROBLEM_LINE.match(p) for p in state.problems), state.problems


def test_rebuild_yaml_syntax_error(site):
    content, templates, output = site
    (content / ORGANISATION_FILE).write_text(
        ORGANISATION_MD.replace("themes: [vertaistuki]", "themes: [vertaistuki"), encoding="utf-8")
    state = PreviewState()
    build(site, state)
    assert state.problems and state.crash == ""
    assert all(PROBLEM_LINE.match(p) for p in state.problems), state.problems


@pytest.mark.parametrize("template", ["home.html", "organisation.html", "base.html"])
def test_rebuild_template_syntax_error_is_a_located_problem(site, template):
    """As the build reports it: templates/x.html:LINE:COL: error[template]: …, no traceback."""
    content, templates, output = site
    state = PreviewState()
    build(site, state)
    before = (output / "index.html").read_bytes()
    (templates / template).write_text("{% if %}", encoding="utf-8")
    build(site, state)
    assert state.crash == ""
    [problem] = state.problems
    assert problem.startswith(f"templates/{template}:1:1: error[template]: "), problem
    assert (output / "index.html").read_bytes() == before  # the last good site stays


@pytest.mark.parametrize(("template", "text", "expected"), [
    ("organisation.html", "{{ no_such_variable }}", "UndefinedError"),
    ("base.html", "{{ _('no.such.message') }}", "MissingMessage"),
])
def test_template_error_at_render_is_raised_for_the_page_that_shows_it(site, template, text,
                                                                        expected):
    """Errors that only rendering finds come up when the page is asked for (the server shows
    them on that page); the other pages are still made."""
    content, templates, output = site
    state = PreviewState()
    (templates / template).write_text(text, encoding="utf-8")
    build(site, state)
    assert not state.failed
    with pytest.raises(Exception) as raised:
        (output / "organisations" / "yhdistys" / "index.html").read_bytes()
    assert type(raised.value).__name__ == expected
    if template != "base.html":
        assert "PREVIEW-HOME" in (output / "index.html").read_text()


def test_a_page_with_a_template_error_shows_it_as_a_located_problem(site):
    """The page the preview serves for a template error met while making it names the template
    file and line (as the build does), with the closest name as a hint; no traceback."""
    from hyteguide.preview.serve import failure_of

    content, templates, output = site
    (templates / "organisation.html").write_text("\n{{ organisaton }}", encoding="utf-8")
    build(site, PreviewState())
    try:
        (output / "organisations" / "yhdistys" / "index.html").read_bytes()
    except Exception as error:  # noqa: BLE001 - what the server's handler catches
        failure = failure_of(error, templates)
    assert failure.crash == ""
    [problem] = failure.problems
    assert problem.startswith("templates/organisation.html:2:1: error[template]: "
                              "'organisaton' is undefined"), problem
    page = error_page(failure)
    assert "organisation.html:2" in page and "Traceback" not in page


def test_rebuild_recovers_after_a_fix(site):
    content, templates, output = site
    state = PreviewState()
    (content / ORGANISATION_FILE).write_text(BROKEN_MUNICIPALITY, encoding="utf-8")
    build(site, state)
    assert state.problems
    (templates / "home.html").write_text("{% if %}", encoding="utf-8")
    build(site, state)
    assert state.problems  # content problems come first: the templates were never reached
    (content / ORGANISATION_FILE).write_text(ORGANISATION_MD, encoding="utf-8")
    build(site, state)
    assert state.crash == "" and state.problems[0].startswith("templates/home.html:1:1: ")
    (templates / "home.html").write_text(HOME, encoding="utf-8")
    build(site, state)
    assert not state.failed
    assert "PREVIEW-HOME" in (output / "index.html").read_text(encoding="utf-8")


def test_rebuild_keeps_the_warnings_of_a_good_build(site):
    content, templates, output = site
    (content / ORGANISATION_FILE).write_text(STALE, encoding="utf-8")
    state = PreviewState()
    build(site, state)
    assert not state.failed
    [warning] = state.warnings
    assert warning.startswith("content/organisations/yhdistys.md:8:1: warning[stale-review]: "
                              "reviewed: ")
    (content / ORGANISATION_FILE).write_text(BROKEN_MUNICIPALITY, encoding="utf-8")
    build(site, state)
    assert state.failed and not state.warnings
    (content / ORGANISATION_FILE).write_text(ORGANISATION_MD, encoding="utf-8")
    build(site, state)
    assert not state.failed and not state.warnings


def test_with_warnings_puts_an_escaped_box_at_the_top_of_the_body():
    page = b'<!doctype html><html><head><title>x</title></head><body class="a">\n<main>M</main>'
    shown = with_warnings(page, ["f.md:3:1: warning[x]: name: <script>alert(1)</script> & co"])
    assert shown.startswith(b'<!doctype html><html><head><title>x</title></head>'
                            b'<body class="a"><aside ')
    assert b"<script>" not in shown and b"&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in shown
    assert shown.endswith(b"</aside>\n<main>M</main>")
    assert with_warnings(b"no body here", ["w"]) == b"no body here"


def test_rebuild_missing_content_folder_is_a_problem(site, tmp_path):
    _, templates, _ = site
    state = PreviewState()
    rebuild(LiveSite(tmp_path / "nowhere", templates, "http://127.0.0.1:8000/", TODAY), state)
    assert state.problems and state.crash == ""


def test_content_type_is_what_github_pages_sends():
    assert content_type("") == content_type("sv/") == "text/html; charset=utf-8"
    assert content_type("organisations/x/calendar.ics") == "text/calendar; charset=utf-8"
    assert content_type("search/index.json") == "application/json; charset=utf-8"
    assert content_type("assets/site.css") == "text/css; charset=utf-8"
    assert content_type("assets/favicon.svg") == "image/svg+xml; charset=utf-8"
    assert content_type("opendata/feed.atom") == "application/atom+xml; charset=utf-8"
    assert content_type("opendata/hsds/services.csv") == "text/csv; charset=utf-8"
    assert content_type(".nojekyll") == "application/octet-stream"


def test_editor_temporary_files_are_ignored():
    assert ignored("content/organisations/.x.md.swp") and ignored("content/x.md~")
    assert ignored("content/.#x.md") and ignored("content/4913")
    assert ignored("/repo/.git/index") and not ignored("content/organisations/x.md")


class FakeLoop:
    """The tornado IOLoop calls Changes makes, run by hand (a real loop cannot run while
    Playwright's does in the same test session)."""

    def __init__(self) -> None:
        self.callbacks: list = []
        self.timers: list = []

    def add_callback(self, function, *args) -> None:  # noqa: ANN001
        self.callbacks.append((function, args))

    def call_later(self, delay: float, function) -> object:  # noqa: ANN001
        handle = object()
        self.timers.append((handle, function))
        return handle

    def remove_timeout(self, handle: object) -> None:
        self.timers = [timer for timer in self.timers if timer[0] is not handle]

    def add_future(self, future, function) -> None:  # noqa: ANN001
        future.exception()  # the refresh runs in Changes' worker thread: wait for it
        self.callbacks.append((function, (future,)))

    def run(self) -> None:
        while self.callbacks or self.timers:
            while self.callbacks:
                function, args = self.callbacks.pop(0)
                function(*args)
            timers, self.timers = self.timers, []
            for _, function in timers:
                function()


def test_changes_make_one_refresh_and_one_reload_for_a_burst_of_events(monkeypatch):
    """An editor's save is several events; the refresh gets every path, once, after them."""
    from watchdog.events import (
        FileClosedNoWriteEvent,
        FileModifiedEvent,
        FileMovedEvent,
        FileOpenedEvent,
    )

    import hyteguide.preview.serve as serve_module

    reloads, refreshes = [], []
    monkeypatch.setattr(serve_module.LiveReloadHandler, "reload_waiters",
                        lambda path=None: reloads.append(path))
    loop = FakeLoop()
    changes = Changes(loop, refreshes.append)
    for event in (FileOpenedEvent("c/a.md"), FileModifiedEvent("c/.a.md.swp"),
                  FileModifiedEvent("c/a.md"), FileMovedEvent("c/a.tmp", "c/b.md"),
                  FileClosedNoWriteEvent("c/b.md")):
        changes.on_any_event(event)
    loop.run()
    assert refreshes == [{"c/a.md", "c/b.md"}]
    assert reloads == ["*"]
    assert loop.timers == []  # the earlier timers were replaced by the last one


def test_reading_files_makes_no_refresh():
    """The refresh reads every content file: "opened" and "closed without writing" events
    must not start another refresh (else the preview would refresh for ever)."""
    from watchdog.events import FileClosedNoWriteEvent, FileOpenedEvent

    loop = FakeLoop()
    changes = Changes(loop, lambda paths: None)
    changes.on_any_event(FileOpenedEvent("c/a.md"))
    changes.on_any_event(FileClosedNoWriteEvent("c/a.md"))
    assert loop.callbacks == []


# -- the preview server -------------------------------------------------------------------------

def wait_for_log(log: Path, text: str, count: int, timeout: float, what: str) -> None:
    """Poll the server's log until text is in it count times."""
    deadline = time.monotonic() + timeout
    while log.read_text(errors="replace").count(text) < count:
        if time.monotonic() > deadline:
            pytest.fail(f"{what}: not within {timeout} s\n"
                        f"server log:\n{log.read_text(errors='replace')}")
        time.sleep(0.05)


# livereload's server logs this when a browser's handshake is done: from then on, it is sent
# every reload (livereload.handlers.LiveReloadHandler.on_message).
BROWSER_CONNECTED = "Browser Connected: "


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    """`hyteguide serve` running in a subprocess in a temporary copy of a site."""
    root = tmp_path_factory.mktemp("preview")
    make_site(root)
    write_templates(root / "templates")
    private_tmp = root / "tmp"
    private_tmp.mkdir()
    with running_preview(root, timeout=30, env={"TMPDIR": str(private_tmp)}) as running:
        yield running


def test_preview_serves_the_site_with_livereload(preview):
    status, body = get(preview.url)
    assert status == 200
    assert "PREVIEW-HOME" in body and "Keravan Yhdistys ry" in body
    assert "livereload.js" in body and body.index("livereload.js") < body.index("</head>")
    status, body = get(preview.url + "sv/")
    assert status == 200 and '<html lang="sv">' in body
    status, body = get(preview.url + "assets/style.css")
    assert status == 200 and "livereload" not in body
    assert get(preview.url + "livereload.js")[0] == 200


def test_preview_shows_problems_and_comes_back_after_a_fix(preview):
    organisation = preview.root / "content" / ORGANISATION_FILE
    organisation.write_text(BROKEN_MUNICIPALITY, encoding="utf-8")
    status, body = wait_for(preview.url, lambda status, body: status == 500, 10, preview.log,
                            "the error page after breaking the content")
    text = parsed(body).text
    assert "content/organisations/yhdistys.md:6:" in text
    assert "keravaa" in text
    assert "livereload.js" in body  # the error page reloads itself too
    status, _ = get(preview.url + "organisations/yhdistys/")
    assert status == 500
    status, _ = get(preview.url + "assets/style.css")  # assets of the last good build
    assert status == 200

    organisation.write_text(ORGANISATION_MD.replace("Keravan Yhdistys ry", "Korjattu Yhdistys ry"),
                            encoding="utf-8")
    status, body = wait_for(preview.url, lambda status, body: status == 200, 10, preview.log,
                            "the site after fixing the content")
    assert "Korjattu Yhdistys ry" in body


def test_preview_shows_warnings_on_every_page_until_fixed(preview):
    """A warning does not stop the build: pages are served with a box listing it."""
    organisation = preview.root / "content" / ORGANISATION_FILE
    organisation.write_text(STALE, encoding="utf-8")
    try:
        status, body = wait_for(preview.url, lambda status, body: "data-preview-warnings" in body,
                                10, preview.log, "the warnings box after an old reviewed date")
        assert status == 200 and "PREVIEW-HOME" in body
        assert "content/organisations/yhdistys.md:8:1: warning[stale-review]" in parsed(body).text
        assert "livereload.js" in body
        status, body = get(preview.url + "sv/organisations/yhdistys/")
        assert status == 200 and "data-preview-warnings" in body
        status, body = get(preview.url + "assets/style.css")
        assert status == 200 and "data-preview-warnings" not in body
        assert get(preview.url + "../../etc/passwd")[0] in (400, 403, 404)
    finally:
        organisation.write_text(ORGANISATION_MD, encoding="utf-8")
    wait_for(preview.url,
             lambda status, body: status == 200 and "data-preview-warnings" not in body,
             10, preview.log, "the page without warnings after the fix")


def test_preview_survives_a_template_error(preview):
    home = preview.root / "templates" / "home.html"
    home.write_text("{% if %}", encoding="utf-8")
    try:
        status, body = wait_for(preview.url, lambda status, body: status == 500, 10,
                                preview.log, "the error page after breaking a template")
        assert "templates/home.html:1:1: error[template]: " in parsed(body).text
    finally:
        home.write_text(HOME, encoding="utf-8")
    wait_for(preview.url, lambda status, body: status == 200, 10, preview.log,
             "the site after fixing the template")
    assert preview.process.poll() is None


def _ctrl_c_default() -> None:
    """In the server's process: Ctrl-C as a terminal gives it. A shell without job control
    starts background commands with SIGINT ignored, and the suite's children would inherit
    that (CI runners do this), so the preview would rightly ignore Ctrl-C there."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _blocked_signals(status: str) -> int:
    return int(re.search(r"^SigBlk:\s*([0-9a-f]+)$", status, re.M).group(1), 16)


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads threads from /proc (Linux)")
def test_ctrl_c_reaches_the_server_not_the_file_watcher(tmp_path):
    """Ctrl-C sent to a watcher thread waited until the event loop next woke, which without
    polling could be never (1 in 4 tries did not stop): every thread but the main one must have
    SIGINT and SIGTERM blocked, so the system gives them to the main thread."""
    make_site(tmp_path)
    write_templates(tmp_path / "templates")
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "hyteguide", "serve", "--content", "content",
             "--templates", "templates", "--port", str(port), "--no-browser"],
            cwd=tmp_path, stdout=out, stderr=subprocess.STDOUT, preexec_fn=_ctrl_c_default)
    try:
        wait_for(f"http://127.0.0.1:{port}/", lambda status, body: status == 200, 30, log,
                 "the server to start")
        tasks = Path(f"/proc/{process.pid}/task")
        masks = {int(t.name): _blocked_signals((t / "status").read_text())
                 for t in tasks.iterdir()}
        stopping = (1 << (signal.SIGINT - 1)) | (1 << (signal.SIGTERM - 1))
        assert masks.pop(process.pid) & stopping == 0  # the main thread takes them
        assert masks, "the file watcher runs in threads of its own"
        assert all(mask & stopping == stopping for mask in masks.values()), masks
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=10)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=10)


def test_preview_writes_no_files_and_stops_on_ctrl_c(tmp_path):
    root = tmp_path
    make_site(root)
    write_templates(root / "templates")
    private_tmp = root / "tmp"
    private_tmp.mkdir()
    port = free_port()
    log = root / "serve.log"
    env = {**os.environ, "TMPDIR": str(private_tmp), "PYTHONUNBUFFERED": "1"}
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "hyteguide", "serve", "--content", "content",
             "--templates", "templates", "--port", str(port), "--no-browser"],
            cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT,
            preexec_fn=_ctrl_c_default)
    try:
        wait_for(f"http://127.0.0.1:{port}/", lambda status, body: status == 200, 30, log,
                 "the server to start")
        assert list(private_tmp.iterdir()) == []  # the site is made in memory
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=10) == 0
        assert list(private_tmp.iterdir()) == []
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)
    shutil.rmtree(private_tmp, ignore_errors=True)


def test_preview_shows_a_render_error_on_the_page_it_breaks(preview):
    template = preview.root / "templates" / "organisation.html"
    original = template.read_text(encoding="utf-8")
    template.write_text("{{ no_such_variable }}", encoding="utf-8")
    try:
        status, body = wait_for(preview.url + "organisations/yhdistys/",
                                lambda status, body: status == 500, 10, preview.log,
                                "the error page after breaking the organisation template")
        assert "templates/organisation.html:1:1: error[template]: 'no_such_variable' is " \
            "undefined" in parsed(body).text and "livereload.js" in body
        assert get(preview.url)[0] == 200  # the other pages are still shown
    finally:
        template.write_text(original, encoding="utf-8")
    wait_for(preview.url + "organisations/yhdistys/", lambda status, body: status == 200, 10,
             preview.log, "the page after fixing the template")


def test_preview_reloads_the_browser_after_a_save(preview, browser):
    """In Chromium, with livereload.js: a save shows on the open page without any click."""
    organisation = preview.root / "content" / ORGANISATION_FILE
    page = browser.new_page()
    try:
        connected = preview.log.read_text(errors="replace").count(BROWSER_CONNECTED)
        page.goto(preview.url)
        page.wait_for_function("() => window.LiveReload !== undefined", timeout=10_000)
        wait_for_log(preview.log, BROWSER_CONNECTED, connected + 1, 10,
                     "livereload.js's hello/info handshake with the server")
        organisation.write_text(ORGANISATION_MD.replace("Keravan Yhdistys ry",
                                                        "Tallennettu Yhdistys ry"),
                                encoding="utf-8")
        page.wait_for_function(
            "() => document.body.textContent.includes('Tallennettu Yhdistys ry')",
            timeout=10_000)
    finally:
        page.close()
        organisation.write_text(ORGANISATION_MD, encoding="utf-8")


def test_the_preview_keeps_the_pages_policy_and_still_reloads(tmp_path, browser):
    """With the repository's templates, whose pages carry a Content-Security-Policy that refuses
    inline scripts: the preview allows livereload's own snippet (by its hash) and the warnings
    box's styles, and nothing else; in Chromium the page connects without a policy violation."""
    make_site(tmp_path)
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "hyteguide", "serve", "--content", "content",
             "--templates", str(REPO / "templates"), "--port", str(port), "--no-browser"],
            cwd=tmp_path, env={**os.environ, "PYTHONUNBUFFERED": "1"}, stdout=out,
            stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        _, body = wait_for(url, lambda status, body: status == 200, 60, log, "the preview")
        [policy] = re.findall(r'http-equiv="Content-Security-Policy" content="([^"]*)"', body)
        assert "'unsafe-inline'" not in policy.split("style-src")[0]  # scripts: only the hash
        assert re.search(r"script-src 'self' 'sha256-[A-Za-z0-9+/]+={0,2}'", policy)
        page = browser.new_page()
        violations: list[str] = []
        page.on("console", lambda message: violations.append(message.text)
                if "Content Security Policy" in message.text else None)
        try:
            connected = log.read_text(errors="replace").count(BROWSER_CONNECTED)
            page.goto(url)
            page.wait_for_function("() => window.LiveReload !== undefined", timeout=10_000)
            wait_for_log(log, BROWSER_CONNECTED, connected + 1, 10, "livereload's handshake")
        finally:
            page.close()
        assert violations == []
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
