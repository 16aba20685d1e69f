"""Who the preview answers: requests addressed to it by a local name or an IP address, and a
live-reload socket opened by its own pages. A web page the editor visits elsewhere must not read
unpublished drafts through a name that points at the preview (DNS rebinding) or follow its
reloads (any Origin); a path with a NUL or control character is no page (not a crash)."""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

LOCAL_NAMES = ("localhost", "127.0.0.1", "[::1]")
_EVERY_INTERFACE = ("0.0.0.0", "::", "")
_CONTROLS = re.compile("[\x00-\x1f\x7f]")


class Hosts:
    """The Host headers (host:port) the preview serving on host:port answers."""

    def __init__(self, host: str, port: int):
        self.port = port
        shown = f"[{host}]" if ":" in host else host
        self.names = {f"{name}:{port}".lower() for name in (*LOCAL_NAMES, shown)}
        # Serving on every interface (--host 0.0.0.0, to try the site on a phone): any address
        # of this machine may be asked for, so any IP address is answered; never a name, which
        # an attacker's DNS could point here.
        self.any_address = host in _EVERY_INTERFACE

    def allows(self, host_header: str | None) -> bool:
        """Whether a request with this Host header is for the preview."""
        if not host_header:
            return False
        host = host_header.lower()
        if host in self.names:
            return True
        if not self.any_address:
            return False
        name, _, port = host.rpartition(":")
        if port != str(self.port):
            return False
        try:
            ipaddress.ip_address(name.strip("[]"))
        except ValueError:
            return False
        return True

    def allows_origin(self, origin: str | None, host_header: str | None) -> bool:
        """Whether a live-reload socket comes from a preview page: its Origin is the address the
        request was made to, and that address is the preview's."""
        if not origin or not self.allows(host_header):
            return False
        parts = urlsplit(origin)
        return parts.scheme in ("http", "https") and parts.netloc.lower() == \
            (host_header or "").lower()

    def is_own_origin(self, origin: str, host_header: str | None) -> bool:
        """Whether a request to the form editor's backend comes from a page of this preview:
        the address the request was made to, or the preview's local names on its port (the
        editor at http://localhost:8000/admin/ may write through http://127.0.0.1:8000/);
        never another address, even on the same port."""
        parts = urlsplit(origin)
        if parts.scheme != "http" or not self.allows(host_header):
            return False
        netloc = parts.netloc.lower()
        return netloc == (host_header or "").lower() or netloc in {
            f"{name}:{self.port}" for name in LOCAL_NAMES}


def is_page_path(path: str) -> bool:
    """Whether a requested path can name a file of the site at all (no NUL, no controls)."""
    return not _CONTROLS.search(path)
