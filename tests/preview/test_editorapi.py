"""The form editor's local backend in `hyteguide serve` (POST /admin/api/v1): what a request
must be to reach it (the preview's address, its own pages' Origin, JSON of at most 2 MB), and a
save through it shown on the preview's page. The protocol itself: tests/editor."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from hyteguide.preview.guard import Hosts
from tests.helpers import ORGANISATION_MD, make_site
from tests.preview.running import running_preview
from tests.preview.test_serve import (
    ORGANISATION_FILE,
    free_port,
    wait_for,
    wait_for_log,
    write_templates,
)

API = "/admin/api/v1"
OPTIONS = {"collectionName": "organisations", "commitMessage": "Update yhdistys",
           "useWorkflow": False, "status": ""}


class Served:
    def __init__(self, root: Path, port: int, log: Path):
        self.root, self.port, self.log = root, port, log
        self.url = f"http://127.0.0.1:{port}/"
        self.organisation = root / "content" / ORGANISATION_FILE


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """`hyteguide serve` in a subprocess, on a temporary site (content/ inside root)."""
    root = tmp_path_factory.mktemp("editorapi")
    make_site(root)
    write_templates(root / "templates")
    with running_preview(root, timeout=30) as running:
        yield Served(root, running.port, running.log)


def post(port: int, body: bytes | object, host: str | None = None,
         headers: dict[str, str] | None = None, method: str = "POST"
         ) -> tuple[int, dict[str, str], object]:
    """(status, headers, JSON answer) of a request to the editor's backend; by default as
    Decap's proxy backend sends it (JSON in UTF-8, from the preview's own page)."""
    data = body if isinstance(body, bytes) else json.dumps(body).encode("utf-8")
    sent = {"Host": host or f"127.0.0.1:{port}", "Origin": f"http://127.0.0.1:{port}",
            "Content-Type": "application/json; charset=utf-8", **(headers or {})}
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.putrequest(method, API, skip_host=True, skip_accept_encoding=True)
        for name, value in sent.items():
            if value:
                connection.putheader(name, value)
        connection.putheader("Content-Length", str(len(data)))
        connection.endheaders(data)
        response = connection.getresponse()
        text = response.read().decode("utf-8")
        answer = json.loads(text) if text and "json" in response.getheader(
            "Content-Type", "") else text
        return response.status, {k.lower(): v for k, v in response.getheaders()}, answer
    finally:
        connection.close()


def too_large(port: int, chunks: int = 0) -> tuple[int, object]:
    """(status, JSON answer) for a request that says its body is one byte over 2 MB (answered
    from its headers, before the body is sent, which the server would not read), or with
    chunks, sends that many chunks of 64 kB with no length said."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.putrequest("POST", API)
        connection.putheader("Content-Type", "application/json")
        if chunks:
            connection.putheader("Transfer-Encoding", "chunked")
            connection.endheaders()
            chunk = b" " * 65_536
            for _ in range(chunks):
                connection.send(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            connection.send(b"0\r\n\r\n")
        else:
            connection.putheader("Content-Length", "2000001")
            connection.endheaders()
        response = connection.getresponse()
        return response.status, json.loads(response.read())
    finally:
        connection.close()


def persist(text: str) -> dict[str, object]:
    """Decap's persistEntry request saving the test organisation with text."""
    return {"branch": "master", "action": "persistEntry", "params": {
        "branch": "master", "dataFiles": [{"slug": "yhdistys", "path":
                                           f"content/{ORGANISATION_FILE}", "raw": text}],
        "assets": [], "options": OPTIONS}}


def test_decap_detects_the_local_backend(served):
    """Decap's detection (actions/config.ts detectProxyServer): POST {action: info}."""
    status, headers, answer = post(served.port, {"action": "info"},
                                   headers={"Content-Type": "application/json"})
    assert status == 200 and headers["content-type"] == "application/json; charset=utf-8"
    assert answer == {"repo": served.root.name, "publish_modes": ["simple"], "type": "local_fs"}
    assert headers["cache-control"] == "no-store"


def test_a_save_through_the_editor_shows_on_the_preview(served):
    _, body = wait_for(served.url, lambda status, body: status == 200, 10, served.log,
                       "the preview")
    assert "Keravan Yhdistys ry" in body
    edited = ORGANISATION_MD.replace("Keravan Yhdistys ry", "Lomakkeella Muokattu ry")
    try:
        status, _, answer = post(served.port, persist(edited))
        assert (status, answer) == (200, {"message": "entry persisted"})
        assert served.organisation.read_text(encoding="utf-8") == edited
        wait_for(served.url, lambda status, body: "Lomakkeella Muokattu ry" in body, 10,
                 served.log, "the edited name on the preview's home page")
        wait_for_log(served.log, f"editor: wrote content/{ORGANISATION_FILE}", 1, 5,
                     "the write on the console")
        status, _, answer = post(served.port, {"action": "getEntry", "params": {
            "branch": "master", "path": f"content/{ORGANISATION_FILE}"}})
        assert status == 200 and answer["data"] == edited
    finally:
        served.organisation.write_text(ORGANISATION_MD, encoding="utf-8")
    wait_for(served.url, lambda status, body: "Keravan Yhdistys ry" in body, 10, served.log,
             "the preview after the test")


@pytest.mark.parametrize("headers, host, status", [
    ({"Origin": "http://evil.example"}, None, 403),
    ({"Origin": "null"}, None, 403),
    ({"Origin": "https://127.0.0.1:{port}"}, None, 403),
    ({"Origin": "http://192.168.1.5:{port}"}, None, 403),  # another address, the same port
    ({"Origin": "http://127.0.0.1:1"}, None, 403),
    ({}, "rebind.evil.example:{port}", 421),
    ({"Origin": "http://rebind.evil.example:{port}"}, "rebind.evil.example:{port}", 421),
    ({"Content-Type": "text/plain"}, None, 415),
    ({"Content-Type": "application/x-www-form-urlencoded"}, None, 415),
    ({"Content-Type": "multipart/form-data; boundary=x"}, None, 415),
    ({"Content-Type": ""}, None, 415),
])
def test_requests_from_elsewhere_are_refused_and_write_nothing(served, headers, host, status):
    port = served.port
    sent = {name: value.format(port=port) for name, value in headers.items()}
    before = served.organisation.read_bytes()
    got, answered, answer = post(port, persist("pwned"), host=host and host.format(port=port),
                                 headers=sent)
    assert got == status, answer
    if status != 415:  # the preview's own page, which may read the refusal
        assert "access-control-allow-origin" not in answered
    assert served.organisation.read_bytes() == before


def test_bodies_that_are_not_small_json_are_refused(served):
    port = served.port
    assert post(port, b'{"action": "info"')[0] == 400
    assert post(port, b'\xff\xfe{}')[0] == 400
    assert post(port, b'{"action": "entriesByFolder", "params": {"folder": "content", '
                      b'"extension": "md", "depth": Infinity}}')[0] == 400
    status, answer = too_large(port)
    assert status == 413 and "2 MB" in answer["error"]
    status, answer = too_large(port, chunks=40)
    assert status == 413 and "2 MB" in answer["error"]
    assert post(port, b'["info"]')[0] == 422
    status, _, answer = post(port, {"action": "unpublishedEntries",
                                    "params": {"branch": "master"}})
    assert (status, answer) == (422, {"error": "Unknown action unpublishedEntries"})
    for method in ("GET", "PUT", "DELETE"):
        assert post(port, {"action": "info"}, method=method)[0] == 405, method


def test_paths_out_of_the_content_folder_are_refused(served):
    for path in ("../pyproject.toml", "/etc/passwd", "content/../serve.log", ".git/config",
                 "content/x\x00.md", "content\\organisations\\x.md"):
        status, _, answer = post(served.port, {"action": "getEntry", "params": {
            "branch": "master", "path": path}})
        assert status == 403, (path, answer)
    status, _, _ = post(served.port, {"action": "persistEntry", "params": {
        "branch": "master", "assets": [], "options": OPTIONS,
        "dataFiles": [{"slug": "x", "path": "templates/home.html", "raw": "pwned"}]}})
    assert status == 403 and "pwned" not in (served.root / "templates" / "home.html").read_text()


def test_the_preview_on_another_local_name_may_use_it(served):
    """The editor opened at http://localhost:PORT/admin/ may save through
    http://127.0.0.1:PORT/admin/api/v1: the preflight and the answer allow its Origin."""
    origin = f"http://localhost:{served.port}"
    status, headers, _ = post(served.port, b"", method="OPTIONS", headers={
        "Origin": origin, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type", "Content-Type": ""})
    assert status == 204
    assert headers["access-control-allow-origin"] == origin
    assert "content-type" in headers["access-control-allow-headers"].lower()
    assert "POST" in headers["access-control-allow-methods"]
    status, headers, _ = post(served.port, {"action": "info"}, headers={"Origin": origin})
    assert status == 200 and headers["access-control-allow-origin"] == origin
    assert post(served.port, b"", method="OPTIONS", headers={
        "Origin": "http://evil.example", "Access-Control-Request-Method": "POST",
        "Content-Type": ""})[0] == 403


def test_in_chromium_a_foreign_page_cannot_save_but_the_preview_can(served, browser):
    """Chromium, as the editor's browser: a page of another site posting JSON (fetch, which
    needs a preflight) or a text/plain form (which does not) changes nothing; the preview's
    page on its other local name reads the backend across origins, after a preflight."""
    before = served.organisation.read_bytes()
    target = f"http://127.0.0.1:{served.port}{API}"
    body = json.dumps(persist("pwned"))
    refused = served.log.read_text(errors="replace").count(f"403 POST {API}")
    preflights = served.log.read_text(errors="replace").count(f"204 OPTIONS {API}")
    foreign = browser.new_page()
    try:
        foreign.route("http://evil.example/", lambda route: route.fulfill(
            content_type="text/html", body=(
                f'<form method="post" action="{target}" enctype="text/plain">'
                f'<input name=\'{body[:-2]}\' value=\'"}}\'></form>')))
        foreign.goto("http://evil.example/")
        fetched = foreign.evaluate("""async ([url, body]) => {
            try {
                const response = await fetch(url, {method: "POST", body,
                    headers: {"Content-Type": "application/json"}});
                return "answered " + response.status;
            } catch (error) { return "refused"; }
        }""", [target, body])
        assert fetched == "refused"
        with foreign.expect_navigation():
            foreign.evaluate("() => document.forms[0].submit()")
        wait_for_log(served.log, f"403 POST {API}", refused + 1, 5, "the form's post refused")
        assert served.organisation.read_bytes() == before
    finally:
        foreign.close()
    # A page of its own, without routing: Playwright's interception answers preflights itself.
    page = browser.new_page()
    try:
        page.goto(f"http://localhost:{served.port}/")
        answer = page.evaluate("""async (url) => {
            const response = await fetch(url, {method: "POST", body: '{"action": "info"}',
                headers: {"Content-Type": "application/json"}});
            return await response.json();
        }""", target)
        assert answer["type"] == "local_fs"
        wait_for_log(served.log, f"204 OPTIONS {API}", preflights + 1, 5, "Chromium's preflight")
    finally:
        page.close()
    assert served.organisation.read_bytes() == before


def test_own_origins_are_the_address_asked_and_the_local_names():
    hosts = Hosts("127.0.0.1", 8000)
    for origin in ("http://127.0.0.1:8000", "http://localhost:8000", "http://[::1]:8000",
                   "HTTP://LOCALHOST:8000"):
        assert hosts.is_own_origin(origin, "127.0.0.1:8000"), origin
    for origin in ("http://localhost:8001", "https://localhost:8000", "http://localhost",
                   "null", "http://evil.example:8000", "file://", ""):
        assert not hosts.is_own_origin(origin, "127.0.0.1:8000"), origin
    assert not hosts.is_own_origin("http://evil.example:8000", "evil.example:8000")
    everywhere = Hosts("0.0.0.0", 8000)
    assert everywhere.is_own_origin("http://192.168.1.5:8000", "192.168.1.5:8000")
    assert not everywhere.is_own_origin("http://192.168.1.6:8000", "192.168.1.5:8000")


def this_machines_address() -> str | None:
    """An address of this machine other than loopback (no packet is sent), or None."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        try:
            sock.connect(("198.51.100.1", 9))  # TEST-NET-2: routed, never reached
        except OSError:
            return None
        address = sock.getsockname()[0]
    return None if address.startswith("127.") or address == "0.0.0.0" else address


def test_on_every_interface_the_network_sees_pages_but_cannot_save(tmp_path):
    """--host 0.0.0.0 (to try the site on a phone): a phone may read the pages, but only this
    computer reaches the editor's backend."""
    address = this_machines_address()
    if address is None:
        pytest.skip("this machine has no address but loopback")
    make_site(tmp_path)
    write_templates(tmp_path / "templates")
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "hyteguide", "serve", "--content", "content", "--templates",
             "templates", "--host", "0.0.0.0", "--port", str(port), "--no-browser"],
            cwd=tmp_path, env={**os.environ, "PYTHONUNBUFFERED": "1"}, stdout=out,
            stderr=subprocess.STDOUT)
    try:
        wait_for(f"http://{address}:{port}/", lambda status, body: status == 200, 30, log,
                 "the preview on the network address")
        connection = http.client.HTTPConnection(address, port, timeout=10)
        try:
            connection.request("POST", API, body=b'{"action": "info"}', headers={
                "Content-Type": "application/json", "Origin": f"http://{address}:{port}"})
            response = connection.getresponse()
            assert response.status == 403
            assert "only this computer" in json.loads(response.read())["error"]
        finally:
            connection.close()
        assert post(port, {"action": "info"})[0] == 200
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
