"""The preview under hostile and busy conditions (issue 21, point 8): requests addressed by a
foreign name (DNS rebinding) and live-reload sockets from foreign pages are refused, a path with
NUL is a 404 (not a traceback), and pages keep coming, all of them whole, while an editor saves
in place again and again (truncate, then write)."""

from __future__ import annotations

import http.client
import threading
import time
from pathlib import Path

import pytest

from hyteguide.preview.guard import Hosts, is_page_path
from tests.helpers import ORGANISATION_MD, make_site
from tests.preview.running import running_preview, wait_for

ORGANISATION = Path("content/organisations/yhdistys.md")


def test_the_preview_answers_its_own_names_only():
    hosts = Hosts("127.0.0.1", 8000)
    for allowed in ("127.0.0.1:8000", "localhost:8000", "LOCALHOST:8000", "[::1]:8000"):
        assert hosts.allows(allowed), allowed
    for refused in ("evil.example:8000", "127.0.0.1.nip.io:8000", "localhost:80", "", None,
                    "192.168.1.5:8000"):
        assert not hosts.allows(refused), refused


def test_on_every_interface_any_address_but_no_name():
    """--host 0.0.0.0 (to try the site on a phone): the machine's addresses, never a name."""
    hosts = Hosts("0.0.0.0", 8000)
    assert hosts.allows("192.168.1.5:8000") and hosts.allows("[fe80::1]:8000")
    assert not hosts.allows("rebind.evil.example:8000") and not hosts.allows("192.168.1.5:81")


def test_a_reload_socket_must_come_from_a_preview_page():
    hosts = Hosts("127.0.0.1", 8000)
    assert hosts.allows_origin("http://127.0.0.1:8000", "127.0.0.1:8000")
    assert not hosts.allows_origin("https://evil.example", "127.0.0.1:8000")
    assert not hosts.allows_origin("http://localhost:8000", "127.0.0.1:8000")  # another origin
    assert not hosts.allows_origin(None, "127.0.0.1:8000")
    assert not hosts.allows_origin("http://evil.example:8000", "evil.example:8000")


def test_a_path_with_nul_names_no_page():
    assert not is_page_path("a\x00b") and not is_page_path("x\n") and is_page_path("sv/ä/")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    root = tmp_path_factory.mktemp("guarded")
    make_site(root)
    with running_preview(root, Path(__file__).resolve().parents[2] / "templates") as running:
        yield root, running.port, running.log


def _request(port: int, path: str, host: str | None = None,
             headers: dict[str, str] | None = None) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.putrequest("GET", path, skip_host=True)
        connection.putheader("Host", host or f"127.0.0.1:{port}")
        for name, value in (headers or {}).items():
            connection.putheader(name, value)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def test_a_foreign_host_name_is_refused(served):
    _, port, _ = served
    assert _request(port, "/")[0] == 200
    status, body = _request(port, "/", host=f"rebind.evil.example:{port}")
    assert status == 421 and "Keravan" not in body


def test_nul_in_a_path_is_a_404_page(served):
    _, port, log = served
    status, body = _request(port, "/organisations/%00/")
    assert status == 404 and "Traceback" not in body
    assert "Traceback" not in log.read_text(errors="replace")


def test_a_reload_socket_from_another_origin_is_refused(served):
    _, port, _ = served
    upgrade = {"Upgrade": "websocket", "Connection": "Upgrade", "Sec-WebSocket-Version": "13",
               "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ=="}
    assert _request(port, "/livereload", headers={
        **upgrade, "Origin": "https://evil.example"})[0] == 403
    assert _request(port, "/livereload", headers={
        **upgrade, "Origin": f"http://127.0.0.1:{port}"})[0] == 101


def test_pages_stay_whole_while_an_editor_saves_in_place(served):
    """A bounded load: 40 in-place saves (truncate, pause, write) while pages are requested
    without pause; every answer is a 200 with the page whole (the last good site, or the new
    one), never the error page of a half-written file."""
    root, port, _ = served
    organisation = root / ORGANISATION
    answers: list[tuple[int, bool]] = []
    saving = threading.Event()
    saving.set()

    def read_pages() -> None:
        while saving.is_set():
            for path in ("/", "/organisations/yhdistys/"):
                status, body = _request(port, path)
                answers.append((status, "</html>" in body))

    readers = [threading.Thread(target=read_pages) for _ in range(2)]
    for reader in readers:
        reader.start()
    try:
        for number in range(40):
            text = ORGANISATION_MD.replace("Keravan Yhdistys ry", f"Yhdistys {number} ry")
            with organisation.open("r+", encoding="utf-8") as file:  # as vim or nano save
                file.truncate(0)
                file.flush()
                time.sleep(0.02)
                file.write(text)
            time.sleep(0.05)
    finally:
        time.sleep(1)
        saving.clear()
        for reader in readers:
            reader.join()
    failed = [status for status, whole in answers if status != 200 or not whole]
    assert len(answers) > 50 and failed == [], f"{len(failed)} of {len(answers)} failed"
    status, body = wait_for(f"http://127.0.0.1:{port}/organisations/yhdistys/",
                            lambda status, body: "Yhdistys 39 ry" in body, 10, root / "serve.log",
                            "the last save")
    assert status == 200
