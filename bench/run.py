"""Issue 7's benchmark in one command: measures our build, preview, search and page weights,
builds the same page bodies with the peers, and writes ``bench/RESULTS.md``.

Usage (from the repository root, with the project's virtualenv, which has hyteguide, PyYAML
and tornado; the peers live in ``bench/.venv``, see ``bench/peers.py --setup``)::

    .venv/bin/python bench/run.py                              # sizes 300 and 3,000, all peers
    .venv/bin/python bench/run.py --sizes 300 --no-peers --preview-size 300
    .venv/bin/python bench/run.py --sizes 30000 --profile      # the issue's target size

Options: ``--sizes 300,3000`` (organisations), ``--peers hugo,pelican,mkdocs,mkdocs-lunr``,
``--no-peers``, ``--preview-size 3000`` (0: no preview), ``--preview-edits 3``, ``--work DIR``
(default ``bench/work``, gitignored), ``--output bench/RESULTS.md``, ``--jobs N`` (sets
``HYTEGUIDE_JOBS`` for our builds and the preview; default: all cores), ``--profile``,
``--idle-wait 20`` (minutes to wait for an idle machine before each measurement),
``--retries 2`` (measure again a build or preview edit that other work disturbed),
``--no-warm``, ``--keep-sites``, ``--fi-only`` (no three-language build; the fi-only site is
weighed). At 30,000 organisations the three-language site takes about 35 GB (twice that during
a warm build, which is skipped when the disk lacks the room) and each build well over half an
hour on 2 cores.

For each size it generates a region with ``bench/generate.py`` (``--today 2026-11-22``) and a
copy of it whose ``site.yaml`` says ``languages: [fi]``, its YAML without the Swedish and
English translations (hyteguide refuses translations into languages the site lacks), then,
each under ``/usr/bin/time -v`` (when present) while this script samples the build's process
tree from /proc:

* builds the fi-only copy cold (empty output folder) and warm (again, into the same folder),
* builds the region in its three languages (fi, sv, en) cold and warm, then with the build
  cache (``--cache``) as a published guide is rebuilt most: the cold build that makes the
  cache, the same content again, after one organisation's file changed, and on the next day
  with no content change (issue 16, point 6; ``--no-warm`` skips them too),
* reads the stage times ("Built … in load X s, derive Y s, render+write Z s") and the search
  sizes ("search: …") from the build's report,
* weighs the three-language site as GitHub Pages takes it (``bench/weigh_site.py``): bytes and
  files of the published tree by part, its largest files and the packed artifact's size,
* weighs every HTML page of the three-language site: gzip(HTML) plus gzip of each local
  stylesheet and script the page references (each once a page), by page type,
* weighs what a first query downloads, per language, for a few typical words: what the header
  search box of the home page loads when the visitor starts typing (``data-core``,
  ``data-scripts``, the manifest, and the index shards and documents the query needs, as the
  site's own searchcore.js fetches them, run in node), and the search page's own first query,
* builds the organisations' bodies with the peers (``bench/peers.py``'s ``run_peers``).

Then the preview: ``hyteguide serve`` on a copy of the region of ``--preview-size`` (three
languages), a livereload websocket client, and for a few organisations: append a sentence to
the Markdown body, time from the write to the ``reload`` message, then check that the page
shows the sentence. With ``--profile``, the fi-only build of the largest size runs once more
in this process under cProfile with ``HYTEGUIDE_JOBS=1`` (so the work is not in forked workers
that the profiler cannot see).

``RESULTS.md``: the generated part lies between ``<!-- results:start -->`` and
``<!-- results:end -->``; text outside the markers (the maintainers' analysis) is kept when the
file is rewritten. The same tables go to stdout, and all figures as JSON to
``WORK/results.json``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import gzip
import html
import io
import json
import math
import multiprocessing
import os
import platform
import posixpath
import re
import secrets
import shlex
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
TODAY = "2026-11-22"
DEFAULT_WORK = BENCH / "work"
DEFAULT_OUTPUT = BENCH / "RESULTS.md"
DEFAULT_PEERS = ("hugo", "pelican", "mkdocs", "mkdocs-lunr")
START_MARKER = "<!-- results:start -->"
END_MARKER = "<!-- results:end -->"
GZIP_LEVEL = 6  # what web servers commonly use for on-the-fly compression
PAGE_LIMIT = 50 * 1024
FIRST_QUERY_LIMIT = 300 * 1024
MEMORY_LIMIT_MIB = 1024.0
PREVIEW_LIMIT_S = 0.5
MIB = 1024 * 1024

sys.path.insert(0, str(BENCH))

from peers import busy_cpu_seconds  # noqa: E402 - bench/ is on the path only from here
from weigh_site import table as weight_table  # noqa: E402
from weigh_site import weigh as weigh_site  # noqa: E402


def log(message: str) -> None:
    """Progress on stderr (the tables go to stdout)."""
    stamp = time.strftime("%H:%M:%S")
    print(f"[{stamp}] {message}", file=sys.stderr, flush=True)


def load_average() -> tuple[float, float, float]:
    return os.getloadavg()


def fmt_load(load: Sequence[float]) -> str:
    return " / ".join(f"{x:.2f}" for x in load)


# -- programs ------------------------------------------------------------------------------


def hyteguide_command() -> list[str]:
    """How to run hyteguide: the project venv's script, else the one on PATH."""
    local = REPO / ".venv" / "bin" / "hyteguide"
    if local.exists():
        return [str(local)]
    found = shutil.which("hyteguide")
    if found:
        return [found]
    return [sys.executable, "-m", "hyteguide"]


def project_python() -> str:
    local = REPO / ".venv" / "bin" / "python"
    return str(local) if local.exists() else sys.executable


def run_text(command: Sequence[str], cwd: Path | None = None) -> str:
    """stdout of a command, stripped; '' when it is missing or fails."""
    try:
        result = subprocess.run(list(command), cwd=cwd, capture_output=True, text=True,
                                timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return result.stdout.strip() if result.returncode == 0 else ""


# -- machine and versions ------------------------------------------------------------------


def machine_info(work: Path) -> dict[str, Any]:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "?"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except OSError:
        pass
    disk_lines = run_text(["df", "-hT", str(work)]).splitlines()
    disk = " ".join(disk_lines[-1].split()) if disk_lines else "?"
    affinity = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC"),
        "date_u": run_text(["date", "-u"]),
        "host": platform.node(),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "cores_usable": affinity,
        "ram": ram,
        "disk": f"df -hT {work}: {disk}" if disk != "?" else "?",
        "os": f"{platform.system()} {platform.release()}",
        "python_run": platform.python_version(),
        "python_project": run_text([project_python(), "-c",
                                    "import platform; print(platform.python_version())"]),
        "node": run_text(["node", "--version"]) or "not found",
        "time": "/usr/bin/time -v" if Path("/usr/bin/time").exists() else "os.wait4",
    }


_DEPENDENCIES = ("hyteguide", "jinja2", "markdown", "pyyaml", "lunr", "zxing-cpp", "nltk",
                 "nh3", "icalendar", "python-dateutil", "holidays", "livereload", "tornado")


def project_versions() -> dict[str, str]:
    code = (
        "import importlib.metadata as m, json, sys\n"
        "out = {}\n"
        "for n in sys.argv[1:]:\n"
        "    try: out[n] = m.version(n)\n"
        "    except m.PackageNotFoundError: out[n] = 'not installed'\n"
        "print(json.dumps(out))\n"
    )
    text = run_text([project_python(), "-c", code, *_DEPENDENCIES])
    versions: dict[str, str] = json.loads(text) if text else {}
    for package in ("lunr", "lunr-languages"):
        try:
            data = json.loads((REPO / "node_modules" / package / "package.json").read_text())
            versions[f"{package} (npm)"] = data.get("version", "?")
        except (OSError, ValueError):
            versions[f"{package} (npm)"] = "not installed"
    commit = run_text(["git", "rev-parse", "--short", "HEAD"], cwd=REPO)
    dirty = run_text(["git", "status", "--porcelain", "--untracked-files=no"], cwd=REPO)
    versions["hyteguide commit"] = (commit or "?") + (" + uncommitted changes" if dirty else "")
    return versions


# -- regions -------------------------------------------------------------------------------


def generate_region(size: int, work: Path) -> Path:
    """work/region-N from bench/generate.py (deterministic; fast, so always regenerated)."""
    out = work / f"region-{size}"
    command = [project_python(), str(BENCH / "generate.py"), "--organisations", str(size),
               "--out", str(out), "--today", TODAY]
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"generate.py failed:\n{result.stderr[-3000:]}")
    log(result.stdout.strip())
    return out


def copy_region(region: Path, target: Path) -> Path:
    """A plain copy of region at target (replaced)."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(region, target)
    return target


_OTHER_LANGUAGES = ("sv", "en")
_TEXT_KEYS = {"fi", *_OTHER_LANGUAGES}
# the other keys a vocabulary term may have beside its labels (hyteguide/content/schema.py)
_TERM_KEYS = {"sensitive", "description", "everyone", "bilingual", "yso", "ptv", "lahella"}


def _finnish_only(node: Any, key: str = "") -> Any:
    """node without sv/en translations; None when nothing is left (a 'body' of only sv/en).

    A mapping counts as a text (or a vocabulary term's labels) when its keys are languages
    (and term keys) and at least one sv/en value is a scalar: then sv/en entries go, and
    without a Finnish entry the first translation becomes the Finnish one (the fi page showed
    it anyway, marked with its language). ``body`` translations are dropped: the Finnish body
    is the Markdown below the front matter.
    """
    import yaml

    if isinstance(node, yaml.SequenceNode):
        node.value = [_finnish_only(item) for item in node.value]
        return node
    if not isinstance(node, yaml.MappingNode):
        return node
    keys = [k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode)]
    texty = (len(keys) == len(node.value) and set(keys) <= _TEXT_KEYS | _TERM_KEYS
             and any(isinstance(v, yaml.ScalarNode) and k.value in _OTHER_LANGUAGES
                     for k, v in node.value))
    if texty:
        entries = [(k, v) for k, v in node.value
                   if not (k.value in _OTHER_LANGUAGES and isinstance(v, yaml.ScalarNode))]
        translated = [(k, v) for k, v in node.value
                      if k.value in _OTHER_LANGUAGES and isinstance(v, yaml.ScalarNode)]
        if "fi" not in keys:
            if key == "body":
                return None
            first_key, first_value = translated[0]
            entries.insert(0, (yaml.ScalarNode(first_key.tag, "fi"), first_value))
        node.value = entries
    kept = []
    for k, v in node.value:
        v = _finnish_only(v, k.value if isinstance(k, yaml.ScalarNode) else "")
        if v is not None:
            kept.append((k, v))
    node.value = kept
    return node


def _finnish_yaml(text: str) -> str:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    node = yaml.compose(text, Loader=loader)
    if node is None:
        return text
    return yaml.serialize(_finnish_only(node), Dumper=dumper, allow_unicode=True,
                          width=100000)


def fi_only_copy(region: Path, target: Path) -> Path:
    """A copy of region with ``languages: [fi]`` and no Swedish or English translations.

    hyteguide refuses translations into languages the site does not have, so every YAML file
    and front matter is rewritten node by node (values and quoting kept; comments and layout
    are not). The Markdown bodies are copied byte for byte.
    """
    copy_region(region, target)
    site = target / "site.yaml"
    text = site.read_text(encoding="utf-8")
    text, count = re.subn(r"(?m)^languages:.*$", "languages: [fi]", text)
    if count != 1:
        raise RuntimeError(f"{site}: expected one 'languages:' line, found {count}")
    site.write_text(text, encoding="utf-8")
    for path in sorted(target.rglob("*")):
        if path.suffix in (".yaml", ".yml"):
            path.write_text(_finnish_yaml(path.read_text(encoding="utf-8")), encoding="utf-8")
        elif path.suffix == ".md":
            text = path.read_text(encoding="utf-8")
            found = re.match(r"\A---[ \t]*\n(.*?\n)---[ \t]*(?:\n|\Z)", text, re.S)
            if found:
                front = _finnish_yaml(found.group(1))
                path.write_text(f"---\n{front}---\n{text[found.end():]}", encoding="utf-8")
    return target


def region_base_url(region: Path) -> str:
    text = (region / "site.yaml").read_text(encoding="utf-8")
    found = re.search(r"(?m)^base_url:\s*[\"']?([^\s\"']+)", text)
    return found.group(1) if found else ""


def region_languages(region: Path) -> list[str]:
    text = (region / "site.yaml").read_text(encoding="utf-8")
    found = re.search(r"(?m)^languages:\s*\[([^\]]*)\]", text)
    return [x.strip() for x in found.group(1).split(",")] if found else ["fi"]


# -- process tree memory -------------------------------------------------------------------


def _children_map() -> dict[int, list[int]]:
    children: dict[int, list[int]] = defaultdict(list)
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        fields = stat[stat.rfind(b")") + 2:].split()
        if len(fields) > 1:
            children[int(fields[1])].append(int(entry.name))
    return children


_HAVE_CHILDREN_FILES = Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").exists()


def _children_of(pid: int) -> list[int]:
    """pid's children from /proc/PID/task/*/children (cheap; CONFIG_PROC_CHILDREN)."""
    found: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children", "rb") as f:
                found.extend(int(x) for x in f.read().split())
        except OSError:
            pass
    return found


def process_tree(root: int) -> list[int]:
    """root and its descendants."""
    children = None if _HAVE_CHILDREN_FILES else _children_map()
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(_children_of(pid) if children is None else children.get(pid, ()))
    return tree


def _status_kib(pid: int, path: str, key: str) -> int:
    try:
        with open(f"/proc/{pid}/{path}", "rb") as f:
            for line in f:
                if line.startswith(key):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


class TreeSampler(threading.Thread):
    """Peak summed VmRSS and Pss of a process tree, sampled from /proc.

    VmRSS every 50 ms (cheap). Pss comes from smaps_rollup, which walks the page tables under
    the process's memory lock (several ms per 200 MB process): it is read every 2 s, and more
    often near the RSS peak (within 5 % of the highest sum so far) when the RSS has grown by
    5 % since the last read, so that the sampling neither costs the build much CPU nor holds
    its memory lock often. (Pss is read every 2 s even far from the RSS peak: pages shared by
    forked workers count in each one's RSS, so the Pss peak can come when the RSS is lower,
    as when a build's whole-guide tasks run alone after its pages.) ``cpu_s`` is what the
    sampling itself cost (its thread's CPU time).
    """

    def __init__(self, root: int, *, skip_root: bool = False, interval: float = 0.05,
                 pss_interval: float = 2.0):
        super().__init__(daemon=True)
        self.root = root
        self.skip_root = skip_root
        self.interval = interval
        self.pss_interval = pss_interval
        self.peak_rss_kib = 0
        self.peak_pss_kib = 0
        self.peak_processes = 0
        self.samples = 0
        self.pss_samples = 0
        self.cpu_s = 0.0
        self._stop_event = threading.Event()

    def run(self) -> None:
        started = time.thread_time()
        last_pss, pss_rss = -math.inf, 0
        while not self._stop_event.is_set():
            pids = process_tree(self.root)
            if self.skip_root:
                pids = [pid for pid in pids if pid != self.root]
            self.peak_processes = max(self.peak_processes, len(pids))
            rss = sum(_status_kib(p, "status", b"VmRSS:") for p in pids)
            self.peak_rss_kib = max(self.peak_rss_kib, rss)
            now = time.monotonic()
            near_peak = rss >= 0.95 * self.peak_rss_kib
            if now - last_pss >= self.pss_interval or (near_peak and rss > 1.05 * pss_rss):
                last_pss, pss_rss = now, rss
                self.pss_samples += 1
                self.peak_pss_kib = max(
                    self.peak_pss_kib, sum(_status_kib(p, "smaps_rollup", b"Pss:") for p in pids))
            self.samples += 1
            self._stop_event.wait(self.interval)
        self.cpu_s = time.thread_time() - started

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


IDLE_CORES = 0.25  # busy cores (whole machine) over IDLE_WINDOW seconds that count as idle
IDLE_WINDOW = 5.0
DISTURBED_SHARE = 0.1  # other work used more than this share of one core: measure again


def wait_idle(max_wait: float) -> float:
    """Wait until the machine is idle (see IDLE_CORES), at most max_wait s; the seconds waited."""
    start = time.monotonic()
    announced = False
    while True:
        before, t0 = busy_cpu_seconds(), time.monotonic()
        time.sleep(IDLE_WINDOW)
        after = busy_cpu_seconds()
        if before is None or after is None:
            return 0.0
        cores = (after - before) / (time.monotonic() - t0)
        waited = time.monotonic() - start
        if cores < IDLE_CORES:
            if announced:
                log(f"machine idle again after {waited:.0f} s")
            return round(waited, 1)
        if waited >= max_wait:
            log(f"machine still busy ({cores:.2f} cores) after {waited:.0f} s: going on")
            return round(waited, 1)
        if not announced:
            log(f"machine busy ({cores:.2f} cores in use): waiting for it to be idle ...")
            announced = True


def disturbed(seconds: float, other_cpu: float | None) -> bool:
    """Did other work use the machine noticeably during a measurement of seconds?"""
    return other_cpu is not None and other_cpu > max(1.0, DISTURBED_SHARE * seconds)


def tree_cpu_seconds(root: int) -> float:
    """CPU seconds of root and its live descendants, with their reaped children."""
    total = 0
    for pid in process_tree(root):
        try:
            with open(f"/proc/{pid}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
            total += sum(int(x) for x in fields[11:15])  # utime stime cutime cstime
        except (OSError, IndexError, ValueError):
            pass
    return total / os.sysconf("SC_CLK_TCK")


# -- our build -----------------------------------------------------------------------------

_BUILT = re.compile(r"^Built (\d+) files (?:\(.*?\) )?into .*? in (load .*)$", re.M)
_STAGE = re.compile(r"([\w+]+) ([\d.]+) s")
_SEARCH_KIND = re.compile(r"(\S+) (\d+) KB(?: in (\d+) files)? \((\d+) KB gzipped\)")


def parse_report(text: str) -> dict[str, Any]:
    """Stage seconds, file count and search sizes from a build report."""
    out: dict[str, Any] = {"stages": {}, "files": None, "search": {}}
    built = _BUILT.search(text)
    if built:
        out["files"] = int(built.group(1))
        out["stages"] = {name: float(s) for name, s in _STAGE.findall(built.group(2))}
    for line in text.splitlines():
        if line.startswith("search: "):
            out["search"].update(_search_sizes(line[len("search: "):]))
    return out


def _search_sizes(text: str) -> dict[str, dict[str, int]]:
    """'search/ manifest 1 KB (1 KB gzipped), index 227 KB in 8 files (50 KB gzipped), …;
    sv/search/ …' → {"search/index": {raw_kb, gzip_kb, files}, …}."""
    out = {}
    for group in text.split("; "):
        folder, _, kinds = group.partition(" ")
        for kind, raw, count, packed in _SEARCH_KIND.findall(kinds):
            out[folder + kind] = {"raw_kb": int(raw), "gzip_kb": int(packed),
                                  "files": int(count or 1)}
    return out


def _time_v(path: Path) -> dict[str, float]:
    out: dict[str, float] = {}
    try:
        text = path.read_text(errors="replace")
    except OSError:
        return out
    keys = {"Maximum resident set size (kbytes)": "maxrss_kib",
            "User time (seconds)": "user_s", "System time (seconds)": "sys_s"}
    for line in text.splitlines():
        key, _, value = line.strip().rpartition(": ")
        if key in keys:
            with contextlib.suppress(ValueError):
                out[keys[key]] = float(value)
    return out


def run_build(content: Path, output: Path, *, label: str, logs: Path, jobs: int | None,
              cold: bool, today: str = TODAY, cache: Path | None = None) -> dict[str, Any]:
    """One ``hyteguide build`` for today, measured; output is emptied first when cold; with
    the build cache folder `cache` when given."""
    if cold and output.exists():
        shutil.rmtree(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    logs.mkdir(parents=True, exist_ok=True)
    log_file = logs / f"{label}.log"
    time_file = logs / f"{label}.time"
    time_file.unlink(missing_ok=True)
    command = [*hyteguide_command(), "build", "--content", str(content), "--output",
               str(output), "--today", today, *(["--cache", str(cache)] if cache else [])]
    timed = Path("/usr/bin/time").exists()
    if timed:
        command = ["/usr/bin/time", "-v", "-o", str(time_file), *command]
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    env.pop("HYTEGUIDE_CACHE", None)  # a cache only where asked for
    if jobs:
        env["HYTEGUIDE_JOBS"] = str(jobs)
    os.sync()
    load = load_average()
    busy = busy_cpu_seconds()
    log(f"build {label} ({'cold' if cold else 'warm'}) ...")
    with log_file.open("wb") as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=REPO, stdout=out, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, env=env)
        sampler = TreeSampler(process.pid, skip_root=timed)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        busy_after = busy_cpu_seconds()
        sampler.stop()
    process.returncode = os.waitstatus_to_exitcode(status)
    other = None
    if busy is not None and busy_after is not None:
        other = max(0.0, busy_after - busy - usage.ru_utime - usage.ru_stime)
    text = log_file.read_text(encoding="utf-8", errors="replace")
    measured = _time_v(time_file) if timed else {}
    result: dict[str, Any] = {
        "label": label,
        "cold": cold,
        "today": today,
        "content": str(content),
        "output": str(output),
        "command": shlex.join(command),
        "exit_code": process.returncode,
        "seconds": round(seconds, 2),
        "user_s": measured.get("user_s", usage.ru_utime),
        "sys_s": measured.get("sys_s", usage.ru_stime),
        "maxrss_mib": round(measured.get("maxrss_kib", usage.ru_maxrss) / 1024, 1),
        "tree_rss_mib": round(sampler.peak_rss_kib / 1024, 1),
        "tree_pss_mib": round(sampler.peak_pss_kib / 1024, 1),
        "processes": sampler.peak_processes,
        "samples": sampler.samples,
        "pss_samples": sampler.pss_samples,
        "sampler_cpu_s": round(sampler.cpu_s, 2),
        "load_before": [round(x, 2) for x in load],
        "other_cpu_s": None if other is None else round(other, 2),
        "log": str(log_file),
        **parse_report(text),
    }
    if process.returncode != 0:
        result["error_tail"] = text[-3000:]
        log(f"build {label} FAILED with exit code {process.returncode}; see {log_file}")
    else:
        log(f"build {label}: {seconds:.1f} s, max RSS {result['maxrss_mib']:.0f} MiB, "
            f"tree RSS {result['tree_rss_mib']:.0f} MiB, tree PSS {result['tree_pss_mib']:.0f} MiB")
    odd = [line for line in text.splitlines()
           if re.search(r"(?i)traceback|error|warning", line) and not line.startswith("search:")]
    if odd:
        result["odd_lines"] = odd[:20]
    return result


def measured_build(content: Path, output: Path, *, label: str, logs: Path, jobs: int | None,
                   cold: bool, idle_wait: float, retries: int, today: str = TODAY,
                   cache: Path | None = None
                   ) -> dict[str, Any]:
    """run_build after waiting for an idle machine; a disturbed build is measured again (up to
    retries times) and the least disturbed attempt is kept."""
    attempts: list[dict[str, Any]] = []
    for _ in range(1 + retries):
        waited = wait_idle(idle_wait) if idle_wait > 0 else 0.0
        result = run_build(content, output, label=label, logs=logs, jobs=jobs, cold=cold,
                           today=today, cache=cache)
        result["waited_s"] = waited
        attempts.append(result)
        if result["exit_code"] or not disturbed(result["seconds"], result.get("other_cpu_s")):
            break
        log(f"build {label}: other work used {result['other_cpu_s']:.1f} CPU s during its "
            f"{result['seconds']:.1f} s")
    best = min(attempts, key=lambda a: (a["exit_code"] != 0,
                                        (a.get("other_cpu_s") or 0) / max(a["seconds"], 0.01)))
    best = dict(best)
    best["attempts"] = [{"seconds": a["seconds"], "other_cpu_s": a.get("other_cpu_s"),
                         "exit_code": a["exit_code"]} for a in attempts]
    return best


# -- page weights --------------------------------------------------------------------------

_TAG = re.compile(rb"<(link|script)\b([^>]*)>", re.I)
_ATTR = re.compile(rb"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def _attrs(text: bytes) -> dict[str, str]:
    return {m.group(1).decode().lower(): html.unescape((m.group(2) or m.group(3) or b"").decode())
            for m in _ATTR.finditer(text)}


def _local(page: str, href: str, base_url: str = "") -> str | None:
    """The site-relative path a reference of page names, or None when it is not local.

    Absolute references (the 404 page has them) count when they are under base_url."""
    href = href.split("#", 1)[0].split("?", 1)[0]
    base_path = urllib.parse.urlsplit(base_url).path if base_url else "/"
    if base_url and href.startswith(base_url):
        return posixpath.normpath(href[len(base_url):] or ".")
    if not href or re.match(r"^[a-z][a-z0-9+.-]*:|^//", href, re.I):
        return None
    if href.startswith("/"):
        if base_path != "/" and href.startswith(base_path):
            href = href[len(base_path) - 1:]
        return posixpath.normpath(href.lstrip("/") or ".")
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), href))


def gz_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


def _weigh_page(job: tuple[str, str, str]) -> tuple[str, int, int, tuple[str, ...]]:
    """(page, raw bytes, gzipped bytes, the local CSS and JS it loads)."""
    root, page, base_url = job
    data = Path(root, page).read_bytes()
    assets: list[str] = []
    for tag in _TAG.finditer(data):
        attrs = _attrs(tag.group(2))
        if tag.group(1).lower() == b"link":
            if "stylesheet" not in attrs.get("rel", "").lower().split():
                continue
            ref = attrs.get("href", "")
        else:
            ref = attrs.get("src", "")
        local = _local(page, ref, base_url) if ref else None
        if local and local not in assets:
            assets.append(local)
    return page, len(data), gz_size(data), tuple(assets)


class AssetSizes:
    """Gzipped sizes of site files, each computed once."""

    def __init__(self, root: Path):
        self.root = root
        self.sizes: dict[str, tuple[int, int]] = {}
        self.missing: set[str] = set()

    def get(self, path: str) -> tuple[int, int]:
        if path not in self.sizes:
            try:
                data = (self.root / path).read_bytes()
            except OSError:
                self.missing.add(path)
                data = b""
            self.sizes[path] = (len(data), gz_size(data))
        return self.sizes[path]


def page_type(page: str, languages: Sequence[str]) -> str:
    parts = page.split("/")
    if parts[0] in languages[1:] and len(parts) > 1:
        parts = parts[1:]
    if len(parts) == 1:
        return "home" if parts[0] == "index.html" else parts[0]
    if len(parts) == 2 and parts[1] == "index.html":
        return f"{parts[0]}/index.html"  # the list page (the calendar's: this week)
    return parts[0] + "/"


def percentile(values: Sequence[int], share: float) -> int:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)] if ordered else 0


def weigh_pages(site: Path, languages: Sequence[str], jobs: int,
                base_url: str) -> dict[str, Any]:
    """Per page: gzip(HTML) + gzip of its local stylesheets and scripts; summary by type."""
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assets = AssetSizes(site)
    rows: list[tuple[str, str, int, int]] = []  # page, type, html gz, total gz
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        for page, _raw, packed, refs in pool.imap_unordered(
                _weigh_page, [(str(site), p, base_url) for p in pages], chunksize=64):
            total = packed + sum(assets.get(ref)[1] for ref in refs)
            rows.append((page, page_type(page, languages), packed, total))
    by_type: dict[str, list[int]] = defaultdict(list)
    for _page, kind, _html_gz, total in rows:
        by_type[kind].append(total)
    types = [
        {"type": kind, "pages": len(values), "median": int(statistics.median(values)),
         "p95": percentile(values, 0.95), "max": max(values),
         "over": sum(1 for v in values if v > PAGE_LIMIT)}
        for kind, values in sorted(by_type.items())
    ]
    worst = sorted(rows, key=lambda row: -row[3])[:10]
    return {
        "pages": len(rows),
        "over": sum(1 for row in rows if row[3] > PAGE_LIMIT),
        "max": max((row[3] for row in rows), default=0),
        "p95": percentile([row[3] for row in rows], 0.95),
        "types": types,
        "worst": [{"page": p, "html_gz": h, "total_gz": t} for p, _k, h, t in worst],
        "missing_assets": sorted(assets.missing),
        "assets": {path: {"raw": raw, "gz": packed}
                   for path, (raw, packed) in sorted(assets.sizes.items())},
    }


# -- search: what a first query downloads --------------------------------------------------


def _find_tag(data: str, pattern: str) -> dict[str, str] | None:
    found = re.search(pattern, data)
    if not found:
        return None
    return {m.group(1).lower(): html.unescape(m.group(2) if m.group(2) is not None
                                              else m.group(3))
            for m in re.finditer(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""", found.group(0))}


# Typical first queries per language: what a first query transfers is measured for each, and
# the largest is reported (header_gz, search_page_fetch_gz).
TYPICAL_QUERIES = {
    "fi": ("kävely", "vertaistuki", "espoo", "mielenterveys", "ryhmä"),
    "sv": ("promenad", "kamratstöd", "esbo", "psykisk hälsa", "grupp"),
    "en": ("walking", "peer support", "espoo", "mental health", "group"),
}
HEADER_SHOWN = 5  # results the header box shows (sitesearch.js SHOWN)
PAGE_SHOWN = 30  # results the search page shows at first (search.js PAGE)
SEARCH_RUNNER = REPO / "tests" / "node" / "search_runner.js"


def _query_fetches(site: Path, manifest: str, queries: Sequence[str], show: int,
                   typed: bool = False) -> list[dict[str, Any]] | None:
    """Run each query as a first query through the site's own searchcore.js in node (the
    manifest, the index shards it needs, the documents of the first `show` results), reading
    the site's files: per query its hits and the site-relative files it read. typed: each query
    typed letter by letter instead, a search at each length from two letters on (as when each
    key press comes after the box's delay), the files read by them all. None without node."""
    node = shutil.which("node")
    if not node or not SEARCH_RUNNER.is_file():
        return None
    assets, vendor = site / "assets", site / "assets" / "vendor"
    request = {"scripts": {"lunr": str(vendor / "lunr.min.js"),
                           "support": str(vendor / "lunr.stemmer.support.min.js"),
                           "fi": str(vendor / "lunr.fi.min.js"),
                           "sv": str(vendor / "lunr.sv.min.js")},
               "searchtext": str(assets / "searchtext.js"),
               "searchcore": str(assets / "searchcore.js"),
               "tasks": [{"op": "sharded", "manifest": str(site / manifest),
                          "queries": [query[:n] for n in range(2, len(query) + 1)],
                          "fresh": False, "show": show} for query in queries] if typed else
               [{"op": "sharded", "manifest": str(site / manifest), "queries": list(queries),
                 "fresh": True, "show": show}]}
    done = subprocess.run([node, str(SEARCH_RUNNER)], input=json.dumps(request),
                          capture_output=True, text=True, encoding="utf-8", timeout=600)
    if done.returncode:
        log(f"search runner failed: {done.stderr[-500:]}")
        return None
    results = json.loads(done.stdout)["results"]
    if typed:  # a task per query: its prefixes one after the other
        answers = [{"hits": steps[-1]["hits"],
                    "fetched": [url for step in steps for url in step["fetched"]]}
                   for steps in results]
    else:
        answers = results[0]
    return [{"hits": len(answer["hits"]),
             "files": [Path(url).relative_to(site).as_posix() for url in answer["fetched"]]}
            for answer in answers]


def _search_totals(site: Path, prefix: str, assets: AssetSizes) -> dict[str, dict[str, int]]:
    """Raw and gzipped bytes of all the index shards (index.json: the name of the single
    file that preceded them), of all the document parts and the facet table (documents.json)
    and of the facet table alone (facets.json), from the language's manifest."""
    totals = {name: {"raw": 0, "gz": 0} for name in ("index.json", "documents.json",
                                                      "facets.json")}
    try:
        manifest = json.loads((site / prefix / "search" / "manifest.json").read_text("utf-8"))
    except (OSError, ValueError):
        return totals
    folder = site / prefix / "search" / manifest["folder"]
    for path in sorted(folder.glob("*.json")):
        keys = (["index.json"] if re.fullmatch(r"i\d+\.json", path.name) else
                ["documents.json"] if re.fullmatch(r"d\d+\.json", path.name) else
                ["documents.json", "facets.json"] if path.name == "facets.json" else [])
        raw, packed = assets.get(path.relative_to(site).as_posix())
        for key in keys:
            totals[key]["raw"] += raw
            totals[key]["gz"] += packed
    return totals


def _worst_query(scripts: list[str], manifest: str | None, fetches: list[dict[str, Any]] | None,
                 queries: Sequence[str], assets: AssetSizes) -> tuple[int | None, dict]:
    """The largest transfer of the typical first queries (scripts + what each query read), and
    per query its bytes, files and hits."""
    base = sum(assets.get(path)[1] for path in scripts)
    if fetches is None:  # no node: the scripts and the manifest only, an underestimate
        return (base + assets.get(manifest)[1] if manifest else None), {}
    per_query = {}
    for query, fetched in zip(queries, fetches, strict=True):
        per_query[query] = {"gz": base + sum(assets.get(path)[1] for path in fetched["files"]),
                            "files": len(fetched["files"]), "hits": fetched["hits"],
                            "index_files": sum(1 for f in fetched["files"]
                                               if re.search(r"/i\d+\.json$", f))}
    return max(row["gz"] for row in per_query.values()), per_query


def first_query(site: Path, languages: Sequence[str]) -> list[dict[str, Any]]:
    """Per language: bytes (gzipped) that a first query transfers from the header box and on
    the search page: the scripts it loads, the manifest, the index shards the query needs and
    the documents of the results shown (5 in the header box, 30 on the search page; the filters'
    values only when the filters are opened: facets_gz). Measured by running the site's own
    searchcore.js in node on the typical queries; the largest is reported."""
    assets = AssetSizes(site)
    out = []
    for index, lang in enumerate(languages):
        prefix = "" if index == 0 else f"{lang}/"
        queries = TYPICAL_QUERIES.get(lang, TYPICAL_QUERIES["en"])
        row: dict[str, Any] = {"lang": lang, "queries": list(queries)}
        home = f"{prefix}index.html"
        search = f"{prefix}search/index.html"
        manifest = f"{prefix}search/manifest.json"
        header = _first_query_tag(site, home, r"<form\b[^>]*\sdata-site-search(?=[\s>=])[^>]*>",
                                  ("data-core", "data-scripts"), manifest)
        if header is not None:
            fetches = _query_fetches(site, manifest, queries, HEADER_SHOWN)
            row["header_gz"], row["header_queries"] = _worst_query(
                header, manifest, fetches, queries, assets)
            row["header_files"] = {path: assets.get(path)[1] for path in header}
            typing = _query_fetches(site, manifest, queries, HEADER_SHOWN, typed=True)
            row["header_typed_gz"], row["header_typed_queries"] = _worst_query(
                header, manifest, typing, queries, assets)
        page = _first_query_tag(site, search, r"<div\b[^>]*\sdata-search(?=[\s>=])[^>]*>",
                                ("data-scripts",), manifest)
        if page is not None:
            fetches = _query_fetches(site, manifest, queries, PAGE_SHOWN)
            row["search_page_fetch_gz"], row["search_page_queries"] = _worst_query(
                page, manifest, fetches, queries, assets)
            page_weight = _weigh_page((str(site), search, ""))
            row["search_page_load_gz"] = page_weight[2] + sum(
                assets.get(ref)[1] for ref in page_weight[3])
            if row["search_page_fetch_gz"] is not None:
                row["search_page_total_gz"] = (row["search_page_load_gz"]
                                               + row["search_page_fetch_gz"])
        totals = _search_totals(site, prefix, assets)
        row["facets_gz"] = totals.pop("facets.json")["gz"]
        row.update(totals)
        row["files"] = {path: {"raw": raw, "gz": packed} for path, (raw, packed)
                        in assets.sizes.items() if not re.search(r"/v-[0-9a-f]+/", path)}
        row["missing"] = sorted(assets.missing)
        out.append(row)
    return out


def _first_query_tag(site: Path, page: str, pattern: str, script_attrs: Sequence[str],
                     manifest: str) -> list[str] | None:
    """The site-relative scripts a search element of page loads (its script attributes, in
    order), or None when the page or the element is missing, or its data-manifest is not the
    language's manifest."""
    try:
        text = (site / page).read_text(encoding="utf-8")
    except OSError:
        return None
    tag = _find_tag(text, pattern)
    if not tag or _local(page, tag.get("data-manifest", "")) != manifest:
        return None
    refs = [ref for attr in script_attrs for ref in tag.get(attr, "").split()]
    return [path for path in (_local(page, ref) for ref in refs) if path]


# -- preview latency -----------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def http_get(url: str, timeout: float = 30) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8", errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", errors="replace")


def livereload_settings() -> dict[str, str]:
    """The waits that are part of the edit → reload latency, read from
    hyteguide/preview/serve.py."""
    out = {"quiet_s": "?", "watcher": "?"}
    serve = (REPO / "hyteguide" / "serve.py").read_text(encoding="utf-8")
    found = re.search(r"QUIET = ([\d.]+)", serve)
    if found:
        out["quiet_s"] = found.group(1)
    out["watcher"] = "watchdog (inotify)" if "watchdog" in serve else "livereload's polling"
    return out


_REFRESHED = re.compile(r"^Refreshed the preview .*? in (load .*)$", re.M)


def refresh_stages(text: str) -> dict[str, float]:
    """Stage seconds of the last "Refreshed the preview … in load … s, …" line of a log."""
    found = _REFRESHED.findall(text)
    return {name: float(s) for name, s in _STAGE.findall(found[-1])} if found else {}


async def _livereload_edits(port: int, edits: list[tuple[Path, str, str]], wanted: int,
                            timeout: float, serve_log: Path, server: int,
                            idle_wait: float) -> list[dict[str, Any]]:
    from tornado.websocket import websocket_connect

    connection = await websocket_connect(f"ws://127.0.0.1:{port}/livereload")
    queue: asyncio.Queue[tuple[float, str | None]] = asyncio.Queue()

    async def reader() -> None:
        while True:
            message = await connection.read_message()
            await queue.put((time.monotonic(), message if isinstance(message, str) else None))
            if message is None:
                return

    task = asyncio.create_task(reader())
    results: list[dict[str, Any]] = []
    try:
        await connection.write_message(json.dumps(
            {"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]}))
        _, hello = await asyncio.wait_for(queue.get(), 30)
        if not hello or json.loads(hello).get("command") != "hello":
            raise RuntimeError(f"no livereload hello: {hello!r}")
        # livereload only sends reloads to clients that have said which page they show
        await connection.write_message(json.dumps(
            {"command": "info", "url": f"http://127.0.0.1:{port}/", "plugins": {}}))
        # livereload queues a reload 2 s after it starts (its restart_delay): let it pass
        await asyncio.sleep(3)
        for number, (path, slug, sentence) in enumerate(edits, 1):
            if sum(1 for e in results if not e["disturbed"]) >= wanted:
                break
            waited = await asyncio.to_thread(wait_idle, idle_wait) if idle_wait > 0 else 0.0
            while not queue.empty():
                queue.get_nowait()
            log_offset = serve_log.stat().st_size
            busy, server_cpu = busy_cpu_seconds(), tree_cpu_seconds(server)
            with path.open("a", encoding="utf-8") as f:
                f.write(f"\n{sentence}\n")
            written = time.monotonic()
            log(f"preview edit {number} ({wanted} wanted): {path.name}")
            reloaded = None
            deadline = written + timeout
            while reloaded is None:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"no reload within {timeout:.0f} s after editing {path}")
                at, message = await asyncio.wait_for(queue.get(), left)
                if message is None:
                    raise RuntimeError("the livereload websocket closed")
                if json.loads(message).get("command") == "reload":
                    reloaded = at
            latency = reloaded - written
            busy_after, server_cpu_after = busy_cpu_seconds(), tree_cpu_seconds(server)
            other = None
            if busy is not None and busy_after is not None:
                other = max(0.0, busy_after - busy - (server_cpu_after - server_cpu))
            asked = time.monotonic()
            status, page = await asyncio.to_thread(
                http_get, f"http://127.0.0.1:{port}/organisations/{slug}/")
            page_s = time.monotonic() - asked
            stages = refresh_stages(serve_log.read_bytes()[log_offset:].decode(
                errors="replace"))
            results.append({
                "file": path.name, "latency_s": round(latency, 3), "status": status,
                "page_s": round(page_s, 3), "shown_s": round(latency + page_s, 3),
                "visible": sentence in page, "build_stages": stages,
                "build_s": round(sum(stages.values()), 3),
                "other_cpu_s": None if other is None else round(other, 2),
                "disturbed": disturbed(latency, other), "waited_s": waited,
            })
            log(f"preview edit {number}: reload after {latency:.2f} s, page {status} in "
                f"{page_s:.2f} s, "
                f"sentence {'shown' if sentence in page else 'MISSING'}")
            await asyncio.sleep(1)  # the page is read; the next edit is a new save
    finally:
        task.cancel()
        connection.close()
    return results


def measure_preview(region: Path, work: Path, edits: int, jobs: int | None,
                    idle_wait: float = 0.0, retries: int = 0) -> dict[str, Any]:
    """hyteguide serve on a copy of region; edit → reload latency for a few organisations."""
    copy = copy_region(region, work / f"preview-{region.name.removeprefix('region-')}")
    orgs = sorted((copy / "organisations").glob("*.md"))
    tries = edits + retries
    picks = [orgs[(i + 1) * len(orgs) // (tries + 1)] for i in range(tries)]
    port = free_port()
    serve_log = work / "logs" / f"serve-{copy.name}.log"
    serve_log.parent.mkdir(parents=True, exist_ok=True)
    command = [*hyteguide_command(), "serve", "--content", str(copy), "--port", str(port),
               "--no-browser", "--today", TODAY]
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    env.pop("HYTEGUIDE_CACHE", None)  # a cache only where asked for
    if jobs:
        env["HYTEGUIDE_JOBS"] = str(jobs)
    result: dict[str, Any] = {"content": str(copy), "languages": region_languages(copy),
                              "organisations": len(orgs), "command": shlex.join(command),
                              "settings": livereload_settings(), "log": str(serve_log)}
    if idle_wait > 0:
        wait_idle(idle_wait)
    log(f"preview: starting {shlex.join(command)}")
    with serve_log.open("wb") as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=REPO, stdout=out, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, env=env)
        sampler = TreeSampler(process.pid)
        sampler.start()
        try:
            while True:
                if process.poll() is not None:
                    raise RuntimeError(f"hyteguide serve exited with {process.returncode}; "
                                       f"see {serve_log}")
                try:
                    status, _ = http_get(f"http://127.0.0.1:{port}/", timeout=5)
                except OSError:
                    status = 0
                if status == 200:
                    break
                if status:
                    raise RuntimeError(f"preview answered {status} (build failed?); "
                                       f"see {serve_log}")
                if time.perf_counter() - start > 7200:
                    raise TimeoutError("hyteguide serve did not start within 2 hours")
                time.sleep(0.5)
            result["startup_s"] = round(time.perf_counter() - start, 2)
            log(f"preview: serving after {result['startup_s']:.1f} s")
            token = secrets.token_hex(4)
            jobs_ = [(path, path.stem, f"Vertailumittauksen muutos {i + 1} ({token}).")
                     for i, path in enumerate(picks)]
            timeout = max(600.0, 3 * result["startup_s"])
            result["edits"] = asyncio.run(_livereload_edits(
                port, jobs_, edits, timeout, serve_log, process.pid, idle_wait))
        except Exception as error:  # noqa: BLE001 - reported in RESULTS.md
            result["error"] = f"{type(error).__name__}: {error}"
            log(f"preview FAILED: {result['error']}")
        finally:
            sampler.stop()
            process.send_signal(signal.SIGINT)
            try:
                process.wait(60)
            except subprocess.TimeoutExpired:
                process.terminate()
                try:
                    process.wait(30)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
            result["exit_code"] = process.returncode
    result["tree_rss_mib"] = round(sampler.peak_rss_kib / 1024, 1)
    result["tree_pss_mib"] = round(sampler.peak_pss_kib / 1024, 1)
    kept = [e for e in result.get("edits", []) if not e["disturbed"]] or result.get("edits", [])
    latencies = [edit["latency_s"] for edit in kept]
    if latencies:
        result["min_s"] = min(latencies)
        result["median_s"] = statistics.median(latencies)
        result["max_s"] = max(latencies)
        result["shown_median_s"] = statistics.median(edit["shown_s"] for edit in kept)
    text = serve_log.read_text(encoding="utf-8", errors="replace")
    odd = [line for line in text.splitlines() if re.search(r"(?i)traceback|error|failed", line)]
    if odd:
        result["odd_lines"] = odd[:20]
    return result


# -- peers ---------------------------------------------------------------------------------


def measure_peers(region: Path, work: Path, peers: Sequence[str]) -> dict[str, Any]:
    try:
        from peers import run_peers  # bench/peers.py
    except ImportError as error:
        return {"error": f"bench/peers.py has no run_peers: {error}", "results": []}
    log(f"peers {', '.join(peers)} on {region.name} ...")
    try:
        results = run_peers(region, work, list(peers), verbose=True)
    except Exception as error:  # noqa: BLE001 - reported in RESULTS.md
        log(f"peers FAILED: {error}")
        return {"error": f"{type(error).__name__}: {error}", "results": []}
    for r in results:
        log(f"peer {r['peer']}: {r['seconds']:.2f} s, {r['peak_mib']:.0f} MiB")
    return {"results": results}


# -- profile -------------------------------------------------------------------------------


def profile_build(content: Path, output: Path, top: int = 40) -> dict[str, Any]:
    """Our build in this process under cProfile, one process (HYTEGUIDE_JOBS=1)."""
    import cProfile
    import pstats

    from hyteguide.build.pipeline import build

    if output.exists():
        shutil.rmtree(output)
    old = os.environ.get("HYTEGUIDE_JOBS")
    os.environ["HYTEGUIDE_JOBS"] = "1"
    profiler = cProfile.Profile()
    log(f"profile: building {content.name} in this process under cProfile ...")
    cwd = Path.cwd()
    os.chdir(REPO)
    start = time.perf_counter()
    try:
        result = profiler.runcall(build, content, REPO / "templates", output,
                                  today=dt.date.fromisoformat(TODAY))
    finally:
        seconds = time.perf_counter() - start
        os.chdir(cwd)
        if old is None:
            del os.environ["HYTEGUIDE_JOBS"]
        else:
            os.environ["HYTEGUIDE_JOBS"] = old
    stream = io.StringIO()
    pstats.Stats(profiler, stream=stream).sort_stats("cumulative").print_stats(top)
    text = stream.getvalue()
    for prefix in sorted({str(REPO) + "/", str(Path(sys.prefix)) + "/"}, key=len, reverse=True):
        text = text.replace(prefix, "")
    text = re.sub(r"\S*/site-packages/", "", text)
    lines = text.splitlines()
    start_at = next((i for i, line in enumerate(lines) if "ncalls" in line), 0)
    log(f"profile: {seconds:.1f} s under the profiler")
    return {"content": str(content), "seconds": round(seconds, 1),
            "report": str(result).splitlines()[0][:300] if str(result) else "",
            "stats": "\n".join(line.rstrip() for line in lines[start_at:]).strip("\n")}


# -- formatting ----------------------------------------------------------------------------


def table(head: Sequence[str], rows: Iterable[Sequence[Any]], left: int = 1) -> str:
    """A Markdown table; the first ``left`` columns left-aligned, the others right."""
    lines = ["| " + " | ".join(head) + " |",
             "|" + "|".join("---" if i < left else "---:" for i in range(len(head))) + "|"]
    for row in rows:
        lines.append("| " + " | ".join(str(cell) for cell in row) + " |")
    return "\n".join(lines)


def kb(value: float | None) -> str:
    return "–" if value is None else f"{value / 1024:,.1f}"


def secs(value: float | None) -> str:
    return "–" if value is None else f"{value:,.2f}"


def ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a and b else None


def fmt_ratio(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}×"


def _build_row(b: dict[str, Any]) -> list[str]:
    stages = b.get("stages", {})
    cpu = (b.get("user_s") or 0) + (b.get("sys_s") or 0)
    return [
        b["label"], "cold" if b["cold"] else "warm",
        secs(b["seconds"]) + ("" if b["exit_code"] == 0 else f" (exit {b['exit_code']})"),
        secs(cpu), secs(stages.get("load")), secs(stages.get("derive")),
        secs(stages.get("render+write")), f"{b['maxrss_mib']:,.0f}", f"{b['tree_rss_mib']:,.0f}",
        f"{b['tree_pss_mib']:,.0f}", str(b.get("processes", "–")),
        f"{b['files']:,}" if b.get("files") else "–", fmt_load(b["load_before"]),
        secs(b.get("other_cpu_s")), secs(b.get("sampler_cpu_s")),
        str(len(b.get("attempts", [b]))),
    ]


def format_size(size: int, data: dict[str, Any]) -> str:
    out = [f"## {size:,} organisations", ""]
    builds = data["builds"]
    out.append(f"Region: `{data['region']}` ({data['languages_all']}); fi-only copy: "
               f"`{data['region_fi']}` (`languages: [fi]`, translations removed).")
    out.append("")
    out.append("### Our build")
    out.append("")
    out.append(table(
        ["build", "", "wall s", "CPU s", "load s", "derive s", "render+write s",
         "max RSS MiB (largest process)", "tree RSS MiB (sum)", "tree PSS MiB (sum)",
         "processes", "files", "load avg before", "other CPU s", "sampling CPU s",
         "attempts"],
        [_build_row(b) for b in builds]))
    out.append("")
    out.append("Cold: empty output folder. Warm: the same build again into the folder the cold "
               "build wrote (hyteguide still renders everything into a new folder and swaps it "
               "in). Max RSS: `/usr/bin/time -v` (the largest single process). Tree RSS/PSS: "
               "the process tree (parent and forked workers) sampled from /proc: RSS every 50 ms, "
               "PSS (costly to read) near the RSS peak, on 5 % growth or every 2 s; "
               "RSS counts pages the workers share with the parent once per process, PSS "
               "divides them among the sharers. Other CPU s: CPU time the rest of the machine "
               "used during the build (/proc/stat busy time minus the build's own, as "
               "bench/peers.py counts it; the sampling's own CPU, its own column, is in it): "
               "more than a small fraction of the wall time means the build shared the "
               "machine. The builds with the build cache (`--cache`, issue 16 point 6), each "
               "into an empty folder as on GitHub's runners: cache-cold makes the cache; "
               "cached-same builds the same content again; one-file-changed after a sentence "
               "was added to one organisation's file; one-file-restored after it was taken "
               "out again; next-day with the same content a day later.")
    sizes = data.get("site_bytes", {})
    if sizes:
        out += ["", "Output size (summed file sizes): " + ", ".join(
            f"{label} {value / 1e6:,.0f} MB" for label, value in sizes.items()) + "."]
    for label, figures in data.get("site_weight", {}).items():
        out += ["", f"#### The published site, {label} (bench/weigh_site.py)", "",
                weight_table(figures)]
    for note in data.get("notes", []):
        out += ["", f"Note: {note}."]
    for b in builds:
        if b.get("exit_code"):
            out += ["", f"**{b['label']} failed** (exit {b['exit_code']}):", "", "```",
                    b.get("error_tail", "")[-1500:], "```"]
    three = next((b for b in builds if b["label"].endswith("fi-sv-en") and b["cold"]), None)
    fi = next((b for b in builds if b["label"].endswith("fi") and b["cold"]), None)
    out += ["", "### Search", ""]
    rows = []
    for row in data.get("search", []):
        rows.append([
            row["lang"], kb(row["index.json"]["raw"]), kb(row["index.json"]["gz"]),
            kb(row["documents.json"]["raw"]), kb(row["documents.json"]["gz"]),
            kb(row.get("header_gz")), kb(row.get("search_page_fetch_gz")),
            kb(row.get("search_page_total_gz")), kb(row.get("facets_gz")),
        ])
    out.append(table(["lang", "index shards KB", "gz KB", "documents and facets KB", "gz KB",
                      "first query from header box, gz KB",
                      "first query on search page, gz KB",
                      "search page + first query, gz KB", "+ filters opened, gz KB"], rows))
    per_query = []
    for row in data.get("search", []):
        for query in row.get("queries", []):
            header = (row.get("header_queries") or {}).get(query, {})
            typed = (row.get("header_typed_queries") or {}).get(query, {})
            page = (row.get("search_page_queries") or {}).get(query, {})
            if header or page:
                per_query.append([row["lang"], query, f"{header.get('hits', 0):,}",
                                  kb(header.get("gz")), str(header.get("files", "")),
                                  str(header.get("index_files", "")), kb(typed.get("gz")),
                                  kb(page.get("gz")), str(page.get("files", ""))])
    if per_query:
        out += ["", table(["lang", "query", "results", "header box gz KB", "files",
                           "of them index shards", "typed letter by letter, gz KB",
                           "search page gz KB", "files"], per_query)]
    out.append("")
    out.append(f"Gzip level {GZIP_LEVEL} (the build's own report uses Python's default, 9). "
               "A first query, run by the site's own searchcore.js in node on the site's "
               "files, for each typical query above; the first table gives the largest. "
               "Header box: what `sitesearch.js` loads at the first letters typed on the home "
               "page (`data-core`: searchtext.js, searchcore.js; `data-scripts`: lunr, "
               "lunr.stemmer.support, lunr.<lang>), the language's search manifest, the index "
               "shards the query needs and the parts of the documents holding the first "
               f"{HEADER_SHOWN} results. Search page: what its first query loads (the same, but "
               f"the parts holding the first {PAGE_SHOWN} results, and without searchtext and "
               "searchcore, which the page itself loads), and that plus the page (HTML, CSS, "
               "JS). "
               "Opening the filters fetches the facet table too (last column); browsing by "
               "filters alone needs it and the documents shown. Typed letter by letter: the "
               "header box searching at each length of the word from two letters on (each key "
               "press after the box's delay), all it fetched, scripts included.")
    for b in (three, fi):
        if b and b.get("search"):
            parts = ", ".join(f"{p} {v['raw_kb']:,} KB"
                              + (f" in {v['files']:,} files" if v.get("files", 1) > 1 else "")
                              + f" ({v['gzip_kb']:,} KB gz)" for p, v in b["search"].items())
            out += ["", f"The build's report ({b['label']}): {parts}."]
    pages = data.get("pages")
    if pages:
        out += ["", "### Page weight before search is used", ""]
        which = "three-language" if len(data.get("pages_languages", ())) > 1 else "fi-only"
        out.append(f"{pages['pages']:,} HTML pages of the {which} site "
                   f"(`{data['pages_site']}`); per page gzip(HTML) + gzip of each local "
                   f"stylesheet and script it references (once a page), gzip level "
                   f"{GZIP_LEVEL}; the favicon is not counted. Types by first path segment "
                   f"(sv/ and en/ merged into their type), the top index page of each "
                   f"segment apart. Over 50 KB: "
                   f"**{pages['over']:,}** pages; max {kb(pages['max'])} KB; p95 "
                   f"{kb(pages['p95'])} KB.")
        out.append("")
        out.append(table(["type", "pages", "median KB", "p95 KB", "max KB", "pages > 50 KB"],
                         [[t["type"], f"{t['pages']:,}", kb(t["median"]), kb(t["p95"]),
                           kb(t["max"]), f"{t['over']:,}" + (" ⚠" if t["over"] else "")]
                          for t in pages["types"]]))
        out += ["", "Worst 10:", ""]
        out.append(table(["page", "HTML gz KB", "total gz KB"],
                         [[f"`{w['page']}`", kb(w["html_gz"]), kb(w["total_gz"])]
                          for w in pages["worst"]]))
        shared = ", ".join(f"{p} {kb(v['gz'])} KB" for p, v in pages["assets"].items()
                           if p.startswith("assets/") and "/" not in p[len("assets/"):])
        if shared:
            out += ["", f"Assets (gz): {shared}."]
        if pages["missing_assets"]:
            out += ["", f"Referenced but missing: {', '.join(pages['missing_assets'][:10])}"]
    peers = data.get("peers")
    if peers is not None:
        out += ["", "### Peers (the same organisation bodies, one page each plus an index)", ""]
        if peers.get("error"):
            out.append(f"Peers not measured: {peers['error']}")
        ours_fi = fi["seconds"] if fi and not fi["exit_code"] else None
        ours_3 = three["seconds"] if three and not three["exit_code"] else None
        rows = []
        for r in peers.get("results", []):
            cpu = (r.get("user_seconds") or 0) + (r.get("sys_seconds") or 0)
            files = r.get("html_files")
            rows.append([r["peer"], r.get("version", "?"), f"{r.get('pages', 0):,}",
                         secs(r["seconds"]), secs(cpu) if cpu else "–",
                         f"{r.get('peak_mib', 0):,.0f}",
                         f"{files:,}" if isinstance(files, int) else "–",
                         secs(r.get("other_cpu_seconds")),
                         fmt_ratio(ratio(ours_fi, r["seconds"])),
                         fmt_ratio(ratio(ours_3, r["seconds"]))])
        if rows:
            out.append(table(["peer", "version", "pages", "wall s", "CPU s", "peak MiB (largest "
                              "process)", "HTML files", "other CPU s", "ours fi-only ÷ peer",
                              "ours 3 languages ÷ peer"], rows, left=2))
            out += ["", "Ours ÷ peer: our cold build's wall time over the peer's (below 1: "
                    "we are faster). The peers write only the organisation pages and an index; "
                    "our build writes every page type (activities, calendar, feeds, search, …) "
                    "— see the files column above."]
    return "\n".join(out)


def targets(results: dict[str, Any]) -> list[list[str]]:
    rows: list[list[str]] = []

    def met(ok: bool | None, at: int, wanted: int) -> str:
        if ok is None:
            return "–"
        text = "yes" if ok else "**no**"
        return text + ("" if at == wanted else f" (at {at:,}; target is for {wanted:,})")

    for size, data in sorted(results["sizes"].items(), key=lambda kv: int(kv[0])):
        size = int(size)
        fi = next((b for b in data["builds"] if b["label"].endswith("fi") and b["cold"]
                   and not b["exit_code"]), None)
        peers = {r["peer"]: r for r in (data.get("peers") or {}).get("results", [])}
        if fi and "mkdocs-lunr" in peers:
            value = peers["mkdocs-lunr"]["seconds"] / fi["seconds"]
            rows.append(["build fi-only ≥ 10× faster than MkDocs + lunr.py", f"{size:,}",
                         f"{value:.2f}× (MkDocs+lunr.py {secs(peers['mkdocs-lunr']['seconds'])} s"
                         f" ÷ ours {secs(fi['seconds'])} s)", "≥ 10×",
                         met(value >= 10, size, 30000)])
        if fi and "hugo" in peers:
            value = fi["seconds"] / peers["hugo"]["seconds"]
            rows.append(["build fi-only within 2× of Hugo (no search)", f"{size:,}",
                         f"{value:.2f}× (ours {secs(fi['seconds'])} s ÷ Hugo "
                         f"{secs(peers['hugo']['seconds'])} s)", "≤ 2×",
                         met(value <= 2, size, 30000)])
        if fi:
            rows.append(["build fi-only peak memory (tree PSS; RSS sum; largest process)",
                         f"{size:,}",
                         f"{fi['tree_pss_mib']:,.0f} MiB; {fi['tree_rss_mib']:,.0f} MiB; "
                         f"{fi['maxrss_mib']:,.0f} MiB", "≤ 1,024 MiB",
                         met(fi["tree_pss_mib"] <= MEMORY_LIMIT_MIB, size, 30000)])
        fi_search = next((r for r in data.get("search", []) if r["lang"] == "fi"), None)
        if fi_search and fi_search.get("header_gz") is not None:
            value = fi_search["header_gz"]
            rows.append(["search: first query transfers (fi, header box, gz)", f"{size:,}",
                         f"{kb(value)} KB", "≤ 300 KB", met(value <= FIRST_QUERY_LIMIT, size,
                                                             3000)])
        pages = data.get("pages")
        if pages:
            rows.append(["every page ≤ 50 KB (HTML+CSS+JS gz) before search", f"{size:,}",
                         f"max {kb(pages['max'])} KB; {pages['over']:,} of {pages['pages']:,} "
                         "pages over", "≤ 50 KB", met(pages["over"] == 0, size, size)])
    preview = results.get("preview")
    if preview and preview.get("median_s") is not None:
        size = preview["organisations"]
        shown = preview.get("shown_median_s", preview["median_s"])
        rows.append(["preview: edit → reload, and the edited page received (medians)",
                     f"{size:,}", f"{preview['median_s']:.2f} s; page {shown:.2f} s", "≤ 0.5 s",
                     met(shown <= PREVIEW_LIMIT_S, size, 3000)])
    return rows


def format_preview(preview: dict[str, Any]) -> str:
    out = [f"## Preview ({preview['organisations']:,} organisations, "
           f"{', '.join(preview['languages'])})", ""]
    out.append(f"`{preview['command']}` (cwd: repository root). Started (first build, then "
               f"serving) after {secs(preview.get('startup_s'))} s; peak memory of the "
               f"server's tree: RSS sum {preview['tree_rss_mib']:,.0f} MiB, PSS sum "
               f"{preview['tree_pss_mib']:,.0f} MiB.")
    if preview.get("error"):
        out += ["", f"**Preview failed:** {preview['error']} (log: `{preview['log']}`)"]
    edits = preview.get("edits", [])
    if edits:
        out += ["", table(
            ["edited file", "write → reload s", "of which the refresh s (its report)",
             "then the page s", "page status", "sentence on the page", "other CPU s"],
            [[f"`{e['file']}`", secs(e["latency_s"]),
              secs(e["build_s"]) + " (" + ", ".join(f"{k} {v:.3f}" for k, v in
                                                     e["build_stages"].items()) + ")",
              secs(e.get("page_s")), str(e["status"]), "yes" if e["visible"] else "**no**",
              secs(e.get("other_cpu_s")) + (" (disturbed: not counted)"
                                            if e.get("disturbed") else "")]
             for e in edits])]
        out += ["", f"Write → reload: min {secs(preview['min_s'])} s, median "
                f"{secs(preview['median_s'])} s, max {secs(preview['max_s'])} s. Write → the "
                f"edited organisation's page received: median "
                f"{secs(preview.get('shown_median_s'))} s."]
    settings = preview["settings"]
    out += ["", f"What the latency includes: the save is seen through {settings['watcher']}; "
            f"hyteguide waits until {settings['quiet_s']} s pass without another event (a save "
            "is a burst of events), then refreshes the in-memory site (hyteguide/preview/live.py: "
            "only changed files are parsed again; derive is lazy) and sends `reload`. Pages "
            "are made when the browser asks for them, so the page's own time is measured "
            "after the reload. Measured: `time.monotonic()` right after the appended sentence "
            "is written, to the arrival of `{\"command\": \"reload\"}` on a websocket "
            "client that did livereload's hello/info handshake; then a GET of the edited "
            "organisation's page, which must show the sentence."]
    if preview.get("odd_lines"):
        out += ["", "Log lines that look like problems:", "", "```",
                *preview["odd_lines"], "```"]
    return "\n".join(out)


def format_results(results: dict[str, Any]) -> str:
    m = results["machine"]
    v = results["versions"]
    out = ["_Generated by `bench/run.py`; everything between the markers is rewritten on "
           "each run, text outside them is kept._", ""]
    out.append(f"**Date:** {m['date']} · **Run took:** {results['duration_min']:.0f} min · "
               f"**Load average (1/5/15 min) at start:** {fmt_load(results['load_start'])}, "
               f"**at end:** {fmt_load(results['load_end'])}")
    out += ["", "Reproduce (from the repository root):", "", "```sh",
            results["command"], "```", ""]
    out.append("### Machine and versions")
    out.append("")
    out.append(table(["", ""], left=2, rows=[
        ["CPU", f"{m['cpu']}, {m['cores']} cores ({m['cores_usable']} usable)"],
        ["RAM", m["ram"]], ["disk", m["disk"]], ["OS", m["os"]],
        ["Python", f"{m['python_project']} (project venv); run.py on {m['python_run']}"],
        ["Node.js", m["node"]], ["measured with", m["time"] + " + /proc sampling"],
        ["HYTEGUIDE_JOBS", results["jobs"] or "unset (one worker per core)"],
        *[[name, version] for name, version in v.items()],
        *[[f"peer {r['peer']}", r["version"]] for r in results.get("peer_versions", [])],
    ]))
    out += ["", "Builds: `hyteguide build --content … --output … --today 2026-11-22`. "
            "**fi-only** builds are of a copy of the region with `languages: [fi]` in "
            "site.yaml and the Swedish and English translations taken out of the YAML (the "
            "issue's \"default language only\"; hyteguide rejects translations into languages "
            "the site does not have; a text only in Swedish becomes the Finnish text; the "
            "Markdown bodies are the same files); **fi-sv-en** builds are of the region as "
            "generated, in three languages. Regions: `bench/generate.py --organisations N "
            "--today 2026-11-22` (seed 1). The peers build the fi-only copy's organisation "
            "bodies (the same Markdown as the three-language region).", ""]
    if results.get("idle_wait_min"):
        out += [f"Each build, each peer run and each preview edit first waited for an idle "
                f"machine (under {IDLE_CORES} busy cores over {IDLE_WINDOW:.0f} s, at most "
                f"{results['idle_wait_min']:g} min); a build or edit during which other work "
                f"used more than {DISTURBED_SHARE:.0%} of a core (and at least 1 CPU s) was "
                f"measured again, up to {results['retries']} times, keeping the least "
                "disturbed attempt (column \"attempts\"; all attempts are in "
                "`WORK/results.json`).", ""]
    out.append("## Targets")
    out.append("")
    rows = targets(results)
    out.append(table(["target", "organisations", "measured", "target", "met"], rows, left=5)
               if rows else "(nothing measured)")
    out += ["", "The build targets are the issue's for 30,000 organisations; at other sizes "
            "the row shows the same comparison at that size, not the target itself. Memory is "
            "judged on the tree's PSS (shared pages divided among the processes)."]
    for size, data in sorted(results["sizes"].items(), key=lambda kv: int(kv[0])):
        out += ["", format_size(int(size), data)]
    if results.get("preview"):
        out += ["", format_preview(results["preview"])]
    if results.get("profile"):
        p = results["profile"]
        out += ["", "## Profile", "",
                f"`{p['content']}` built in-process under cProfile with `HYTEGUIDE_JOBS=1` "
                f"({p['seconds']} s with the profiler's overhead). {p['report']}", "",
                "Top 40 by cumulative time:", "", "```", p["stats"], "```"]
    problems = results.get("problems", [])
    out += ["", "## Problems seen in this run", ""]
    out += [f"- {p}" for p in problems] if problems else ["None."]
    return "\n".join(out) + "\n"


def write_results(path: Path, generated: str) -> None:
    """Replace the text between the markers; keep everything outside them."""
    block = f"{START_MARKER}\n{generated}{END_MARKER}"
    if path.exists():
        text = path.read_text(encoding="utf-8")
        start, end = text.find(START_MARKER), text.find(END_MARKER)
        if start != -1 and end > start:
            text = text[:start] + block + text[end + len(END_MARKER):]
        else:
            text = text.rstrip("\n") + "\n\n" + block + "\n"
    else:
        text = (f"# Benchmark results (issue 7)\n\n{block}\n\n## Notes\n\n"
                "(analysis: see below)\n")
    path.write_text(text, encoding="utf-8")


def collect_problems(results: dict[str, Any]) -> list[str]:
    problems = []
    for size, data in results["sizes"].items():
        for b in data["builds"]:
            if b["exit_code"]:
                problems.append(f"{size}: build {b['label']} failed with exit code "
                                f"{b['exit_code']} (log `{b['log']}`)")
            for line in b.get("odd_lines", [])[:5]:
                problems.append(f"{size}: build {b['label']} printed: `{line.strip()[:200]}`")
        for note in data.get("notes", []):
            problems.append(f"{size}: {note}")
        if (data.get("peers") or {}).get("error"):
            problems.append(f"{size}: peers: {data['peers']['error'][:300]}")
        pages = data.get("pages") or {}
        if pages.get("missing_assets"):
            problems.append(f"{size}: pages reference missing files: "
                            f"{', '.join(pages['missing_assets'][:5])}")
        for row in data.get("search", []):
            if row.get("missing"):
                problems.append(f"{size}: search ({row['lang']}) references missing files: "
                                f"{', '.join(row['missing'][:5])}")
    preview = results.get("preview") or {}
    if preview.get("error"):
        problems.append(f"preview: {preview['error']}")
    for edit in preview.get("edits", []):
        if not edit["visible"] or edit["status"] != 200:
            problems.append(f"preview: after editing {edit['file']} the page answered "
                            f"{edit['status']} and the sentence was "
                            f"{'shown' if edit['visible'] else 'not shown'}")
    return problems


# -- main ----------------------------------------------------------------------------------


def measure_size(size: int, args: argparse.Namespace, peers: Sequence[str]) -> dict[str, Any]:
    work: Path = args.work
    region = generate_region(size, work)
    languages = region_languages(region)
    region_fi = fi_only_copy(region, work / f"region-{size}-fi")
    logs = work / "logs"
    data: dict[str, Any] = {"region": str(region), "region_fi": str(region_fi),
                            "languages_all": ", ".join(languages), "builds": []}
    site_fi = work / f"site-{size}-fi"
    site_all = work / f"site-{size}-{'-'.join(languages)}"
    if args.fi_only:  # the fi-only site is the one weighed
        site_all, languages = site_fi, ["fi"]
    builds = [(region_fi, site_fi, f"{size}-fi", SITE_BYTES_PER_ORG / 3)]
    if not args.fi_only:
        builds.append((region, site_all, f"{size}-{'-'.join(languages)}", SITE_BYTES_PER_ORG))
    for content, site, label, per_org in builds:
        # a warm build writes a new site beside the old one before swapping: twice the space
        free = shutil.disk_usage(work).free
        warm = not args.no_warm
        if warm and free < 2.2 * per_org * size:
            warm = False
            data.setdefault("notes", []).append(
                f"{label}: no warm build: {free / 1e9:.0f} GB free, about "
                f"{2.2 * per_org * size / 1e9:.0f} GB needed for the old and the new site")
            log(data["notes"][-1])
        for cold in (True, False) if warm else (True,):
            data["builds"].append(measured_build(
                content, site, label=label, logs=logs, jobs=args.jobs, cold=cold,
                idle_wait=args.idle_wait * 60, retries=args.retries))
        if warm and site == site_all and not args.fi_only:
            data["builds"] += rebuilds(content, site, label, logs, args)
        if site.is_dir():
            data.setdefault("site_bytes", {})[label] = tree_bytes(site)
            if site == site_all:  # the published tree, its parts and its artifact
                log(f"weighing {site.name} as GitHub Pages takes it ...")
                data.setdefault("site_weight", {})[label] = weigh_site(site)
        if site == site_fi and site != site_all and not args.keep_sites:
            shutil.rmtree(site, ignore_errors=True)
    if (site_all / "index.html").exists():
        log(f"weighing the pages of {site_all.name} ...")
        data["pages_site"] = str(site_all)
        data["pages_languages"] = languages
        data["pages"] = weigh_pages(site_all, languages, args.jobs or os.cpu_count() or 1,
                                    region_base_url(region_fi if args.fi_only else region))
        data["search"] = first_query(site_all, languages)
    if not args.keep_sites:
        for site in (site_fi, site_all):
            shutil.rmtree(site, ignore_errors=True)
    if peers:
        if args.idle_wait > 0:
            wait_idle(args.idle_wait * 60)
        data["peers"] = measure_peers(region_fi, work / f"peers-{size}", peers)
    return data


def rebuilds(content: Path, site: Path, label: str, logs: Path, args: argparse.Namespace
             ) -> list[dict[str, Any]]:
    """The rebuilds a published guide does most (issue 16, point 6), with the build cache as
    the Pages workflow keeps it: the cold build that makes the cache, the same content again,
    after one organisation's file changed (a sentence added to its body, taken out again
    afterwards), and on the next day with no content change. Each into an empty output
    folder, as on GitHub's runners (a local rebuild also removes the site it replaces)."""
    cache = site.parent / f"cache-{label}"
    shutil.rmtree(cache, ignore_errors=True)
    found = []

    def measure(suffix: str, today: str = TODAY) -> None:
        found.append(measured_build(
            content, site, label=f"{label}-{suffix}", logs=logs, jobs=args.jobs, cold=True,
            idle_wait=args.idle_wait * 60, retries=args.retries, today=today, cache=cache))

    measure("cache-cold")
    measure("cached-same")
    orgs = sorted((content / "organisations").glob("*.md"))
    if orgs:
        edited = orgs[len(orgs) // 2]
        before = edited.read_bytes()
        try:
            edited.write_bytes(before + b"\nVertailumittauksen muutos.\n")
            measure("one-file-changed")
        finally:
            edited.write_bytes(before)
        measure("one-file-restored")  # the next day's build starts from the cache as it was
    measure("next-day", (dt.date.fromisoformat(TODAY) + dt.timedelta(days=1)).isoformat())
    shutil.rmtree(cache, ignore_errors=True)
    return found


SITE_BYTES_PER_ORG = 1.2e6  # three languages, measured at 300 and 3,000 organisations


def tree_bytes(folder: Path) -> int:
    """The summed sizes of the files under folder."""
    total = 0
    for root, _dirs, files in os.walk(folder):
        for name in files:
            with contextlib.suppress(OSError):
                total += os.lstat(os.path.join(root, name)).st_size
    return total


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="300,3000",
                        help="organisations, comma-separated (default 300,3000)")
    parser.add_argument("--peers", default=",".join(DEFAULT_PEERS),
                        help=f"peers, comma-separated (default {','.join(DEFAULT_PEERS)})")
    parser.add_argument("--no-peers", action="store_true", help="do not build with the peers")
    parser.add_argument("--fi-only", action="store_true",
                        help="build only the fi-only copy, and weigh its pages and search "
                             "(the three-language build of 30,000 takes hours and 35 GB)")
    parser.add_argument("--preview-size", type=int, default=3000,
                        help="organisations for the preview latency (default 3000; 0: skip)")
    parser.add_argument("--preview-edits", type=int, default=3,
                        help="edits timed in the preview (default 3)")
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK,
                        help="regions, sites and logs (default bench/work, gitignored)")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT,
                        help="the results file (default bench/RESULTS.md)")
    parser.add_argument("--jobs", type=int, default=None,
                        help="HYTEGUIDE_JOBS for our builds (default: unset, all cores)")
    parser.add_argument("--profile", action="store_true",
                        help="also profile the fi-only build of the largest size in-process")
    parser.add_argument("--idle-wait", type=float, default=20, metavar="MINUTES",
                        help="before each measurement wait up to this long for the machine "
                        "to be idle (default 20; 0: do not wait)")
    parser.add_argument("--retries", type=int, default=2,
                        help="measure a build or a preview edit again when other work used "
                        "the machine during it, up to this many times (default 2)")
    parser.add_argument("--no-warm", action="store_true",
                        help="only cold builds (a warm build is also skipped when the disk "
                        "lacks room for two copies of the site)")
    parser.add_argument("--keep-sites", action="store_true",
                        help="keep the built sites in the work folder (default: removed "
                        "once measured)")
    args = parser.parse_args(argv)
    try:
        args.sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    except ValueError:
        parser.error("--sizes takes numbers, e.g. 300,3000")
    if not args.sizes or min(args.sizes) < 1:
        parser.error("--sizes needs at least one positive number")
    if args.preview_edits < 1:
        parser.error("--preview-edits must be at least 1")
    if args.retries < 0 or args.idle_wait < 0:
        parser.error("--retries and --idle-wait cannot be negative")
    if args.jobs is not None and args.jobs < 1:
        parser.error("--jobs must be at least 1")
    args.work = args.work.resolve()
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    argv_list = list(sys.argv[1:] if argv is None else argv)
    python = os.path.relpath(sys.executable, REPO) if sys.executable.startswith(str(REPO)) \
        else sys.executable
    peers = [] if args.no_peers else [p.strip() for p in args.peers.split(",") if p.strip()]
    args.work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    results: dict[str, Any] = {
        "command": f"{python} bench/run.py {shlex.join(argv_list)}".rstrip(),
        "load_start": [round(x, 2) for x in load_average()],
        "machine": machine_info(args.work),
        "versions": project_versions(),
        "jobs": str(args.jobs) if args.jobs else "",
        "idle_wait_min": args.idle_wait,
        "retries": args.retries,
        "sizes": {},
    }
    log(f"load average at start: {fmt_load(results['load_start'])}")
    for size in args.sizes:
        results["sizes"][str(size)] = measure_size(size, args, peers)
    if args.preview_size:
        region = args.work / f"region-{args.preview_size}"
        if args.preview_size not in args.sizes or not region.is_dir():
            region = generate_region(args.preview_size, args.work)
        results["preview"] = measure_preview(region, args.work, args.preview_edits, args.jobs,
                                             args.idle_wait * 60, args.retries)
    if args.profile:
        size = max(args.sizes)
        try:
            results["profile"] = profile_build(args.work / f"region-{size}-fi",
                                               args.work / f"profile-site-{size}")
        except Exception as error:  # noqa: BLE001 - reported in RESULTS.md
            results["profile"] = {"content": str(args.work / f"region-{size}-fi"),
                                  "seconds": 0, "report": f"failed: {error}", "stats": ""}
        shutil.rmtree(args.work / f"profile-site-{size}", ignore_errors=True)
    seen: dict[str, str] = {}
    for data in results["sizes"].values():
        for r in (data.get("peers") or {}).get("results", []):
            seen[r["peer"]] = r["version"]
    results["peer_versions"] = [{"peer": p, "version": v} for p, v in seen.items()]
    results["load_end"] = [round(x, 2) for x in load_average()]
    results["duration_min"] = (time.perf_counter() - started) / 60
    results["problems"] = collect_problems(results)
    (args.work / "results.json").write_text(
        json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    generated = format_results(results)
    write_results(args.output, generated)
    print(generated)
    log(f"wrote {args.output} and {args.work / 'results.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
