"""Preview: the site made in memory on request (live.py), served with livereload; every saved
change refreshes it and reloads the browser.

Changes are seen through inotify (watchdog), not by polling. When the content has errors the
browser shows them (file:line, field, hint) in place of the page, and the server keeps running;
the next good save brings the site back. A template error shows on the pages it breaks. When the
content has warnings (an old `reviewed` date, a consent about to end, …), every page shows them
in a box at its top: only in the preview, never in the built site.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import gc
import hashlib
import html
import logging
import mimetypes
import os
import re
import signal
import time
import traceback
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from livereload import Server
from livereload.handlers import LiveReloadHandler
from livereload.watcher import Watcher
from tornado.ioloop import IOLoop
from tornado.web import RequestHandler
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from hyteguide.common.problems import ContentError, format_report
from hyteguide.editor.localbackend import LocalBackend
from hyteguide.pages.environment import template_problem
from hyteguide.preview.editorapi import routes
from hyteguide.preview.guard import Hosts, is_page_path
from hyteguide.preview.live import LiveSite
from hyteguide.web.sources import template_folders

log = logging.getLogger("hyteguide")
# Python's own table lacks .ics (only some systems' /etc/mime.types has it); GitHub Pages
# serves the feeds as text/calendar, and so does the preview.
mimetypes.add_type("text/calendar", ".ics")
mimetypes.add_type("text/yaml", ".yml")  # the form editor reads its config.yml as YAML


@dataclass
class PreviewState:
    """The outcome of the latest preview build."""

    problems: list[str] = field(default_factory=list)
    crash: str = ""
    warnings: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return bool(self.problems or self.crash)


def failure_of(error: Exception, templates: Path) -> PreviewState:
    """What the preview shows for an error raised while making the site or a page: a
    template's error as a problem (templates/x.html:LINE:COL, as the build reports it), any
    other error as its traceback. Call it within the `except` that caught error."""
    if isinstance(error, jinja2.TemplateError):
        return PreviewState(problems=[template_problem(error, templates).format()])
    return PreviewState(crash=traceback.format_exc())


def error_page(state: PreviewState) -> str:
    """A plain page listing what stopped the build, every value escaped."""
    items = "\n".join(f"<li><pre>{html.escape(p)}</pre></li>" for p in state.problems)
    crash = f"<h2>Template or program error</h2><pre>{html.escape(state.crash)}</pre>" \
        if state.crash else ""
    count = f"<p>{len(state.problems)} problem(s) to fix.</p>" if state.problems else ""
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Build failed – hyteguide preview</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{{font:1rem/1.5 system-ui,sans-serif;margin:2rem;max-width:60rem;color:#1a1a1a}}
h1{{color:#a00}}pre{{white-space:pre-wrap;background:#fff4f4;border-left:4px solid #a00;
padding:.5rem 1rem;margin:0}}li{{margin:.5rem 0;list-style:none}}ul{{padding:0}}</style>
</head><body><main><h1>The preview could not be built</h1>{count}
<ul>{items}</ul>{crash}
<p>Fix the file and save it: this page reloads by itself.</p></main></body></html>"""


_BODY = re.compile(rb"<body[^>]*>")

# livereload (Server.serve without a liveport) writes this inline script into every page it
# serves; the published pages' Content-Security-Policy refuses inline scripts, so the preview
# allows exactly this one by its hash (tests/preview checks that the reload still works in
# Chromium, so a livereload that writes another snippet is noticed), and the warnings box's
# inline styles.
_LIVE_PORT = "(window.location.port || (window.location.protocol == 'https:' ? 443: 80))"
LIVE_SCRIPT = ('(function(){var s=document.createElement("script");var port=' + _LIVE_PORT + ';'
               's.src="//"+window.location.hostname+":"+port+ "/livereload.js?port=" + port;'
               'document.head.appendChild(s);})();')
_LIVE_HASH = "'sha256-" + base64.b64encode(hashlib.sha256(LIVE_SCRIPT.encode()).digest()
                                           ).decode() + "'"
_POLICY = re.compile(rb'(<meta http-equiv="Content-Security-Policy" content=")([^"]*)"')


def with_preview_policy(page: bytes) -> bytes:
    """The page with its Content-Security-Policy (if any) allowing the preview's own additions:
    livereload's inline script and the inline styles of the warnings box."""
    def widened(found: re.Match[bytes]) -> bytes:
        policy = found.group(2).decode()
        policy = re.sub(r"script-src ([^;]*)", rf"script-src \1 {_LIVE_HASH}", policy)
        policy = re.sub(r"style-src ([^;]*)", r"style-src \1 'unsafe-inline'", policy)
        return found.group(1) + policy.encode() + b'"'
    return _POLICY.sub(widened, page, count=1)


def with_warnings(page: bytes, warnings: list[str]) -> bytes:
    """The page with a box listing the build's warnings at the top of its body."""
    items = "".join(f"<li><pre style=\"white-space:pre-wrap;margin:0;font:inherit\">"
                    f"{html.escape(w)}</pre></li>" for w in warnings)
    box = (f'<aside lang="en" aria-label="Preview warnings" data-preview-warnings style="'
           f'background:#fff8e1;color:#1a1a1a;border:3px solid #8a5a00;padding:.5rem 1rem;'
           f'margin:0;font:0.9rem/1.4 system-ui,sans-serif"><p style="margin:0">'
           f'<strong>Preview only: {len(warnings)} warning(s)</strong> – the site builds, but '
           f'check these:</p><ul style="margin:.25rem 0;padding-left:1.25rem">{items}</ul>'
           f'</aside>').encode()
    found = _BODY.search(page)
    return page[:found.end()] + box + page[found.end():] if found else page


def content_type(path: str) -> str:
    """The Content-Type GitHub Pages sends for a site path (text in UTF-8)."""
    name = path if path and not path.endswith("/") else path + "index.html"
    kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
    textual = kind.startswith("text/") or kind in ("application/json", "application/javascript",
                                                  "application/xml", "application/atom+xml",
                                                  "image/svg+xml")
    return kind + "; charset=utf-8" if textual else kind


def make_handler(live: LiveSite, state: PreviewState, hosts: Hosts | None = None) -> type:
    class PreviewHandler(RequestHandler):
        """Serves each file of the live site as the build would write it; the error page for
        pages while the content has errors; the warnings box on pages while it has warnings."""

        def initialize(self, path: str = "", default_filename: str = "") -> None:
            """livereload passes a folder and a default file name: the site is in memory."""

        def set_default_headers(self) -> None:
            self.set_header("Cache-Control", "no-store")  # every request sees the last save

        def prepare(self) -> None:
            if hosts is not None and not hosts.allows(self.request.host):
                self.answer(421, "text/plain; charset=utf-8",
                            b"This preview answers only its own address (localhost).")

        def head(self, path: str) -> None:
            self.get(path, include_body=False)

        def get(self, path: str, include_body: bool = True) -> None:
            if not is_page_path(path):
                self.answer(404, "text/html; charset=utf-8", self.not_found())
                return
            page = path == "" or path.endswith(("/", ".html"))
            if page and state.failed:
                self.answer(500, "text/html; charset=utf-8", error_page(state).encode())
                return
            if live.is_folder(path):
                self.redirect(f"/{path}/", permanent=False)
                return
            try:
                data = live.file(path)
            except Exception as error:  # a template or program error: shown, the server runs on
                failure = failure_of(error, live.templates)
                log.error("Page %s failed:\n%s", path or "/",
                          "\n".join(failure.problems) or failure.crash)
                self.answer(500, "text/html; charset=utf-8", error_page(failure).encode())
                return
            status, kind = 200, content_type(path)
            if data is None:
                status, kind, data = 404, "text/html; charset=utf-8", self.not_found()
            if kind.startswith("text/html"):
                data = with_preview_policy(data)
            if kind.startswith("text/html") and state.warnings:
                data = with_warnings(data, state.warnings)
            self.answer(status, kind, data if include_body else b"")

        def not_found(self) -> bytes:
            try:
                return live.file("404.html") or b"Not found"
            except Exception:  # noqa: BLE001 - the 404 page's own template error: plain text
                return b"Not found"

        def answer(self, status: int, kind: str, data: bytes) -> None:
            self.set_status(status)
            self.set_header("Content-Type", kind)
            self.finish(data)

    return PreviewHandler


def rebuild(live: LiveSite, state: PreviewState, changed: set[str] | None = None,
            settle: float = 0.0, superseded: Callable[[], bool] = lambda: False) -> None:
    """Refresh the live site; the outcome goes into state instead of stopping the server.
    An editor that saves in place truncates the file first, so a refresh may read it half
    written: after changes, a refresh with content errors waits `settle` seconds and tries
    once more, and its errors are not shown while `superseded()` (more changes have come: the
    next refresh reads them); the last good site stays meanwhile."""
    try:
        try:
            refresh = live.refresh(changed or ())
        except ContentError:
            if not (settle and changed):
                raise
            time.sleep(settle)
            refresh = live.refresh(changed)
    except ContentError as err:
        if changed and superseded():
            log.info("Content changed again while it had errors: refreshing again")
            return
        state.problems, state.crash = [p.format() for p in err.problems], ""
        state.warnings = []
        log.error("Build failed:\n%s", "\n".join(state.problems))
    except Exception as error:  # a template or program error must not stop the preview
        failure = failure_of(error, live.templates)
        state.problems, state.crash, state.warnings = failure.problems, failure.crash, []
        log.error("Build failed:\n%s", "\n".join(state.problems) or state.crash)
    else:
        state.problems, state.crash = [], ""
        state.warnings = [p.format() for p in refresh.warnings]
        if state.warnings:
            log.warning("%s", format_report(list(refresh.warnings)))
        log.info(refresh.summary())


def ignored(path: str) -> bool:
    """Editors' backup, swap and lock files, and version control, are not content."""
    name = Path(path).name
    return (name.startswith((".#", "#")) or name.endswith(("~", ".swp", ".swx", ".tmp"))
            or name == "4913" or "/.git/" in path or name.startswith(".git"))


class Changes(FileSystemEventHandler):
    """File system events (inotify on Linux, from watchdog's thread) → one refresh of the
    live site and one reload of the browsers, in the server's loop, once the saving is done."""

    QUIET = 0.05  # seconds without events: an editor's save is a burst (write, rename, chmod)
    # Not "opened" or "closed_no_write": the refresh's own reading would start another.
    KINDS = frozenset({"created", "deleted", "modified", "moved", "closed"})

    def __init__(self, loop: IOLoop, refresh: Callable[[set[str]], None]):
        self.loop, self.refresh = loop, refresh
        self.pending: object = None
        self.paths: set[str] = set()
        # Refreshes run one at a time in a thread of their own: the loop keeps answering
        # requests (from the last good site) while the content is loaded again.
        self.worker = ThreadPoolExecutor(1, thread_name_prefix="refresh")
        self.running = False
        self.queued: set[str] = set()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type not in self.KINDS or event.is_directory and \
                event.event_type == "modified":
            return
        paths = {os.fsdecode(p) for p in (event.src_path, getattr(event, "dest_path", ""))
                 if p}
        paths = {p for p in paths if not ignored(p)}
        if paths:
            self.loop.add_callback(self.soon, paths)

    def soon(self, paths: set[str]) -> None:
        self.paths |= paths
        if self.pending is not None:
            self.loop.remove_timeout(self.pending)
        self.pending = self.loop.call_later(self.QUIET, self.now)

    def now(self) -> None:
        self.queued |= self.paths
        self.pending, self.paths = None, set()
        if not self.running:
            self.start()

    @property
    def waiting(self) -> bool:
        """Whether changes have come that no refresh has started for (read from the worker)."""
        return bool(self.queued or self.paths)

    def start(self) -> None:
        """Refresh in the worker for the changes so far; reload the browsers when done, and
        refresh again for changes that came meanwhile."""
        paths, self.queued, self.running = self.queued, set(), True
        self.loop.add_future(self.worker.submit(self.refresh, paths),
                             self.done)  # type: ignore[arg-type]

    def done(self, future: Future[None]) -> None:
        self.running = False
        if future.exception() is not None:  # rebuild catches every error; if not, say it
            log.error("Refresh failed: %s", future.exception())
        LiveReloadHandler.reload_waiters("*")
        if self.queued:
            self.start()


class PreviewServer(Server):
    """livereload's server with routes of its own before the site's: the form editor's
    local backend."""

    def __init__(self, extra: list[tuple[str, type, dict[str, object]]], watcher: Watcher):
        super().__init__(watcher=watcher)
        self.extra = extra

    def get_web_handlers(self, script: bytes) -> list[tuple[object, ...]]:
        return [*self.extra, *super().get_web_handlers(script)]


class NoPolling(Watcher):
    """livereload's watcher polls every 0.8 s and drops a change that comes within 3 s of
    the last reload; changes come from `Changes` instead."""

    def start(self, callback: Callable[[], None]) -> bool:
        return True


def serve(content: Path, templates: Path, host: str = "127.0.0.1", port: int = 8000,
          today: dt.date | None = None, open_browser: bool = True) -> None:
    """Serve a live preview on host:port until interrupted."""
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    state = PreviewState()
    live = LiveSite(content, templates, f"http://{host}:{port}/", today,
                    editor_hosts=editor_hosts(host))
    rebuild(live, state)
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else f"[{host}]" if ":" in host else host
    log.info(f"The form editor: http://{shown}:{port}/admin/ (saves to the files in {content})")
    # The loaded content is millions of objects that live as long as the server: keep them
    # out of the garbage collector's full passes, which would otherwise stall later refreshes.
    gc.collect()
    gc.freeze()
    hosts = Hosts(host, port)
    # The form editor (/admin/) saves through this; the file watcher then refreshes the site.
    server = PreviewServer(routes(LocalBackend.of(content), hosts), watcher=NoPolling())
    server.SFH = make_handler(live, state, hosts)
    # livereload's socket accepts any Origin: only the preview's own pages may follow reloads.
    LiveReloadHandler.check_origin = lambda handler, origin: hosts.allows_origin(
        origin, handler.request.host)
    with _signals_blocked():  # the watcher's threads are made and started in here
        observer = Observer()
        changes = Changes(IOLoop.current(), lambda paths: rebuild(
            live, state, paths, settle=SETTLE, superseded=lambda: changes.waiting))
        for path in (content, *template_folders(templates)):
            observer.schedule(changes, str(path), recursive=True)
        observer.daemon = True
        observer.start()
    try:
        server.serve(port=port, host=host, open_url_delay=1 if open_browser else None)
    finally:
        observer.stop()


def editor_hosts(host: str) -> tuple[str, ...]:
    """The host names on which the form editor saves to the files here (Decap's local
    backend): the local names, and the one the preview was started on."""
    names = ("localhost", "127.0.0.1", "[::1]")
    return names if host in names or host in ("0.0.0.0", "::") else (*names, host)


SETTLE = 0.3  # seconds a failed refresh after a save waits before trying once more
_STOPPING = {signal.SIGINT, signal.SIGTERM}


@contextlib.contextmanager
def _signals_blocked() -> Iterator[None]:
    """Ctrl-C and SIGTERM blocked while the file watcher's threads are made: threads keep the
    mask they start with, so the system delivers those signals to the main thread. Delivered
    to a watcher thread, a signal waits until the server's event loop next wakes, which with no
    polling can be never, and Ctrl-C would not stop the preview."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows: signals go to the main thread anyway
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPPING)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)
