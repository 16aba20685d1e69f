"""Preview: build into a private folder, serve it with livereload, rebuild on every change.

When a build fails the browser shows the problems (file:line, field, hint) in place of the page,
and the server keeps running; the next good save brings the site back. When the build has
warnings (an old `reviewed` date, a consent about to end, …), every page shows them in a box at
its top: only in the preview, never in the built site.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import mimetypes
import re
import tempfile
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from livereload import Server
from livereload.handlers import StaticFileHandler

from .pipeline import build
from .problems import ContentError

log = logging.getLogger("hyteguide")
# Python's own table lacks .ics (only some systems' /etc/mime.types has it); GitHub Pages
# serves the feeds as text/calendar, and so does the preview.
mimetypes.add_type("text/calendar", ".ics")


@dataclass
class PreviewState:
    """The outcome of the latest preview build."""

    problems: list[str] = field(default_factory=list)
    crash: str = ""
    warnings: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return bool(self.problems or self.crash)


def error_page(state: PreviewState) -> str:
    """A plain page listing what stopped the build, every value escaped."""
    items = "\n".join(f"<li><pre>{html.escape(p)}</pre></li>" for p in state.problems)
    crash = f"<h2>Template or program error</h2><pre>{html.escape(state.crash)}</pre>" \
        if state.crash else ""
    count = f"<p>{len(state.problems)} problem(s) in the content.</p>" if state.problems else ""
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


def make_handler(state: PreviewState) -> type:
    class PreviewHandler(StaticFileHandler):
        """Serves the last good build, or the error page for HTML while the build fails."""

        async def get(self, path: str, include_body: bool = True) -> None:
            page = path == "" or path.endswith(("/", ".html"))
            if page and state.failed:
                self.set_status(500)
                self.set_header("Content-Type", "text/html; charset=utf-8")
                self.finish(error_page(state))
                return
            file = self.page_file(path) if page and state.warnings else None
            if file:
                self.set_header("Content-Type", "text/html; charset=utf-8")
                self.finish(with_warnings(file.read_bytes(), state.warnings))
                return
            await super().get(path, include_body)

        def compute_etag(self) -> str | None:
            """No ETag for a page served with warnings (it is not the file on disk)."""
            return super().compute_etag() if getattr(self, "absolute_path", None) else None

        def page_file(self, path: str) -> Path | None:
            """The HTML file a page path names, if it is inside the served folder."""
            root = Path(self.root).resolve()
            file = (root / path).resolve()
            file = file / "index.html" if file.is_dir() else file
            return file if file.is_file() and file.is_relative_to(root) else None

        def get_content_type(self) -> str:
            """As GitHub Pages: calendar feeds are text/calendar in UTF-8."""
            kind = super().get_content_type()
            return kind + "; charset=utf-8" if kind == "text/calendar" else kind

    return PreviewHandler


def rebuild(content: Path, templates: Path, output: Path, base_url: str,
            today: dt.date | None, state: PreviewState) -> None:
    """One preview build; its outcome goes into state instead of stopping the server."""
    try:
        result = build(content, templates, output, today=today, base_url=base_url)
    except ContentError as err:
        state.problems, state.crash = [p.format() for p in err.problems], ""
        state.warnings = []
        log.error("Build failed:\n%s", "\n".join(state.problems))
    except Exception:  # a template or program error must not stop the preview
        state.problems, state.crash, state.warnings = [], traceback.format_exc(), []
        log.error("Build failed:\n%s", state.crash)
    else:
        state.problems, state.crash = [], ""
        state.warnings = [p.format() for p in result.warnings]
        log.info(result)


def serve(content: Path, templates: Path, host: str = "127.0.0.1", port: int = 8000,
          today: dt.date | None = None, open_browser: bool = True) -> None:
    """Serve a live preview on host:port until interrupted."""
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    state = PreviewState()
    base_url = f"http://{host}:{port}/"
    with tempfile.TemporaryDirectory(prefix="hyteguide-preview-") as folder:
        output = Path(folder) / "site"

        def again() -> None:
            rebuild(content, templates, output, base_url, today, state)

        again()
        server = Server()
        server.SFH = make_handler(state)
        output.mkdir(exist_ok=True)
        for path in (content, templates):
            server.watch(str(path), again, delay=0.2)
        server.serve(port=port, host=host, root=str(output),
                     open_url_delay=1 if open_browser else None)
