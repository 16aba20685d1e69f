"""The form editor's local backend over HTTP: POST /admin/api/v1 in `hyteguide serve` (the
protocol itself is hyteguide.editor.localbackend).

It writes the content folder, so it answers less than the pages do: the preview's own address
(the Host guard, against DNS rebinding), from this machine only (not a phone on the network when
serving on 0.0.0.0), and from no other site's page: a request with an Origin other than the
preview's is refused (a page elsewhere cannot make the browser save content), and one that is
not `Content-Type: application/json` too (a cross-site form can post only form types without a
preflight, which the foreign Origin fails). Bodies are at most MAX_BODY bytes.
"""

from __future__ import annotations

import ipaddress
import json
import logging

from tornado.web import RequestHandler, stream_request_body

from hyteguide.editor.localbackend import LocalBackend
from hyteguide.preview.guard import Hosts

API_PATH = "/admin/api/v1"
MAX_BODY = 2_000_000  # an entry is at most 1 MB (safefiles.MAX_BYTES), as JSON with escapes

log = logging.getLogger("hyteguide")


def _not_a_number(constant: str) -> float:
    raise ValueError(f"{constant} is not JSON")


@stream_request_body
class EditorApiHandler(RequestHandler):
    """Decap's requests to the local backend; every answer is JSON."""

    def initialize(self, backend: LocalBackend, hosts: Hosts) -> None:
        """The backend on the content folder and the preview's addresses."""
        self.backend, self.hosts = backend, hosts
        self.body = bytearray()

    def set_default_headers(self) -> None:
        self.set_header("Cache-Control", "no-store")
        self.set_header("X-Content-Type-Options", "nosniff")
        self.set_header("Vary", "Origin")

    def prepare(self) -> None:
        refusal = self.refusal()
        if refusal is not None:
            self.reply(*refusal)
            return
        if self.request.connection is not None:  # a body sent in chunks: refused past twice
            # the limit (data_received answers 413 at the limit, then reads no more of it)
            self.request.connection.set_max_body_size(  # type: ignore[attr-defined]
                2 * MAX_BODY)

    def refusal(self) -> tuple[int, str] | None:
        """(status, why) for a request the backend must not see, or None."""
        host = self.request.host
        if not self.hosts.allows(host):
            return 421, "This preview answers only its own address (localhost)."
        if not _is_loopback(self.request.remote_ip):
            return 403, "The editor's backend answers only this computer."
        origin = self.request.headers.get("Origin")
        if origin is not None and not self.hosts.is_own_origin(origin, host):
            return 403, "The editor's backend answers only the preview's own pages."
        if self.request.method == "OPTIONS":
            return None
        if self.request.method != "POST":
            return 405, "The editor's backend takes POST requests only."
        kind = self.request.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if kind != "application/json":
            return 415, "The editor's backend takes JSON only (Content-Type: application/json)."
        try:
            length = int(self.request.headers.get("Content-Length", "0"))
        except ValueError:
            return 400, "Content-Length is not a number."
        if length > MAX_BODY:
            return 413, f"The request is larger than {MAX_BODY // 1_000_000} MB."
        return None

    def data_received(self, chunk: bytes) -> None:
        """The body as it comes (streamed, so a too large one is refused before it is read)."""
        if self._finished:
            return
        self.body += chunk
        if len(self.body) > MAX_BODY:
            self.reply(413, f"The request is larger than {MAX_BODY // 1_000_000} MB.")

    def options(self) -> None:
        """A preflight from one of the preview's other local names (localhost ↔ 127.0.0.1)."""
        self.set_status(204)
        self.cross_origin()
        self.set_header("Access-Control-Allow-Methods", "POST")
        self.set_header("Access-Control-Allow-Headers", "Content-Type")
        self.set_header("Access-Control-Max-Age", "600")
        self.finish()

    def post(self) -> None:
        """Decode the JSON, let the backend answer, say on the console what it changed."""
        try:
            request = json.loads(bytes(self.body).decode("utf-8"),
                                 parse_constant=_not_a_number)
        except (UnicodeDecodeError, ValueError, RecursionError):
            self.reply(400, "The request is not JSON in UTF-8.")
            return
        answer = self.backend.answer(request)
        for change in answer.changes:
            log.info("editor: %s", change)
        if answer.status >= 400 and isinstance(answer.body, dict):
            log.warning("editor: refused (%d): %s", answer.status, answer.body.get("error"))
        self.reply(answer.status, answer.body, error=False)

    def cross_origin(self) -> None:
        """Let the page at the Origin (already checked to be the preview's) read the answer."""
        origin = self.request.headers.get("Origin")
        if origin is not None:
            self.set_header("Access-Control-Allow-Origin", origin)

    def reply(self, status: int, body: object, error: bool = True) -> None:
        """Finish with a JSON answer; with error, body is the message of `{"error": ...}`."""
        self.set_status(status)
        self.set_header("Content-Type", "application/json; charset=utf-8")
        if status not in (403, 421):
            self.cross_origin()
        self.finish(json.dumps({"error": body} if error else body))


def _is_loopback(address: str | None) -> bool:
    try:
        ip = ipaddress.ip_address(address or "")
    except ValueError:
        return False
    mapped = getattr(ip, "ipv4_mapped", None)  # ::ffff:127.0.0.1 when serving on "::"
    return ip.is_loopback or mapped is not None and mapped.is_loopback


def routes(backend: LocalBackend, hosts: Hosts) -> list[tuple[str, type, dict[str, object]]]:
    """The tornado routes of the editor's backend, to come before the site's."""
    return [(API_PATH, EditorApiHandler, {"backend": backend, "hosts": hosts})]
