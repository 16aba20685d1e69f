"""`hyteguide serve` run as a user runs it, in a subprocess, for the tests that talk to it over
HTTP or through a browser: started on a free port in a folder with content/, stopped with
Ctrl-C (SIGINT) as a user stops it."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str) -> tuple[int, str]:
    """(status, body) of a GET; HTTP errors are answers too."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8")


def wait_for(url: str, condition, timeout: float, log: Path, what: str) -> tuple[int, str]:
    """Poll url until condition(status, body) holds."""
    deadline = time.monotonic() + timeout
    last: object = None
    while time.monotonic() < deadline:
        try:
            last = get(url)
            if condition(*last):
                return last
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError) as err:
            last = err
        time.sleep(0.2)
    pytest.fail(f"{what}: not within {timeout} s; last answer {last!r}\n"
                f"server log:\n{log.read_text(errors='replace')}")


class RunningPreview:
    """A preview running on 127.0.0.1:port over root/content; its output is in log."""

    def __init__(self, root: Path, port: int, process: subprocess.Popen, log: Path):
        self.root, self.port, self.process, self.log = root, port, process, log
        self.url = f"http://127.0.0.1:{port}/"


@contextmanager
def running_preview(root: Path, templates: str | Path = "templates", *options: str,
                    timeout: float = 60, env: dict[str, str] | None = None
                    ) -> Iterator[RunningPreview]:
    """`hyteguide serve --content content --templates T --port P --no-browser [options]` in
    root (with env added to the environment), once its home page answers; stopped when the
    block ends."""
    port = free_port()
    log = root / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "hyteguide", "serve", "--content", "content", "--templates",
             str(templates), "--port", str(port), "--no-browser", *options],
            cwd=root, env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})}, stdout=out,
            stderr=subprocess.STDOUT)
    try:
        running = RunningPreview(root, port, process, log)
        wait_for(running.url, lambda status, body: status == 200, timeout, log, "the preview")
        yield running
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
