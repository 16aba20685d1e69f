"""Mozilla's ical.js (the parser of Thunderbird and of many web calendars) reading iCalendar
files in node, for tests: tests/node/ical_runner.js, one node process per call.

Needs /usr/bin/node and ical.js from `npm ci` (a dev dependency). Locally a missing piece skips
the calling test; under CI (env CI set) it fails it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import REPO

NODE = Path("/usr/bin/node")
ICAL_JS = REPO / "node_modules" / "ical.js" / "dist" / "ical.es5.cjs"
RUNNER = REPO / "tests" / "node" / "ical_runner.js"


@dataclass(frozen=True)
class Instance:
    """One instance of an event as ical.js shows it: local wall times ("YYYY-MM-DDTHH:MM", or
    a date for all-day), the UTC instants (None for all-day), and its recurrence id."""

    uid: str
    summary: str
    url: str | None
    status: str | None
    start: str
    end: str
    recurrence_id: str | None
    utc_start: str | None
    utc_end: str | None
    tzid: str | None


def unavailable(reason: str) -> None:
    """Skip locally; fail under CI, which must never silently skip the ical.js tests."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set: the ical.js tests must run)")
    pytest.skip(reason)


def require() -> None:
    """Skip (fail under CI) unless node and ical.js are installed."""
    if not NODE.is_file():
        unavailable(f"{NODE} is missing: apt-get install nodejs")
    if not ICAL_JS.is_file():
        unavailable(f"{ICAL_JS} is missing: run npm ci")


def run(*tasks: dict) -> list:
    """Run tasks (see tests/node/ical_runner.js) in one node process; their results."""
    require()
    request = {"ical": str(ICAL_JS), "tasks": list(tasks)}
    done = subprocess.run([str(NODE), str(RUNNER)], input=json.dumps(request),
                          capture_output=True, text=True, encoding="utf-8", timeout=600)
    assert done.returncode == 0, f"node failed ({done.returncode}):\n{done.stderr}"
    return json.loads(done.stdout)["results"]


def expand(files: list[Path], first: dt.date, last: dt.date) -> dict[Path, list[Instance]]:
    """Every file's event instances whose local start day is from first to last inclusive."""
    if not files:
        return {}
    [found] = run({"op": "expand", "files": [str(f) for f in files],
                   "first": first.isoformat(), "last": last.isoformat()})
    return {Path(path): [Instance(**item) for item in items] for path, items in found.items()}


def offsets(file: Path, tzid: str, local: list[dt.datetime], utc: list[dt.datetime]
            ) -> tuple[list[dt.timedelta], list[dt.datetime]]:
    """A file's VTIMEZONE as ical.js reads it: the UTC offset of each naive local wall time,
    and each UTC instant as a naive wall time of the zone."""
    [found] = run({"op": "offsets", "file": str(file), "tzid": tzid,
                   "local": [f"{t:%Y-%m-%dT%H:%M:%S}" for t in local],
                   "utc": [f"{t:%Y-%m-%dT%H:%M:%S}" for t in utc]})
    return ([dt.timedelta(seconds=s) for s in found["local_offsets"]],
            [dt.datetime.fromisoformat(t) for t in found["utc_to_local"]])
