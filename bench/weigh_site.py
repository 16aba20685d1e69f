"""Weigh a built site as GitHub Pages takes it: the published tree in bytes and files, by part
(the languages' copies of a folder added together), its largest files, and the artifact that
actions/upload-pages-artifact uploads (a tar of the tree, which the upload compresses with
deflate at level 6; here gzip at level 6, the same deflate stream in a few bytes' other frame).

Usage::

    .venv/bin/python bench/weigh_site.py site/            # a table on stdout
    .venv/bin/python bench/weigh_site.py site/ --json     # the figures as JSON
    .venv/bin/python bench/weigh_site.py site/ --no-pack  # without the (slow) packed size

GitHub Pages' limits (docs.github.com, "GitHub Pages limits"): a published site of at most
1 GB; sitemaps.org: at most 50,000 URLs and 50 MB a sitemap.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import tarfile
import zlib
from collections import defaultdict
from pathlib import Path
from typing import Any

LANGUAGE_FOLDERS = ("sv", "en")  # the other languages' copies, added to their folder's part
LARGEST = 10


def part_of(relative: str) -> str:
    """The part a file belongs to: its first folder (a language's copy counts as the folder),
    feeds and data files apart from pages, the root's own files as '(root)'."""
    parts = relative.split("/")
    if parts[0] in LANGUAGE_FOLDERS and len(parts) > 1:
        parts = parts[1:]
    if len(parts) == 1:
        return "(root)"
    name = parts[-1]
    if name.endswith(".ics"):
        return f"{parts[0]}/*.ics"
    if name == "week.json":
        return f"{parts[0]}/*/week.json"
    return parts[0]


def tree(site: Path) -> list[tuple[str, int]]:
    """Every file under site: (path relative to it, size), in a stable order."""
    found = []
    for root, dirs, files in os.walk(site):
        dirs.sort()
        for name in sorted(files):
            path = Path(root, name)
            found.append((path.relative_to(site).as_posix(), path.lstat().st_size))
    return found


class _Counter(io.RawIOBase):
    """A writable stream that only counts what deflate makes of what is written to it."""

    def __init__(self) -> None:
        self.packer = zlib.compressobj(6, zlib.DEFLATED, -15)
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.size += len(self.packer.compress(bytes(data)))
        return len(data)

    def finish(self) -> int:
        self.size += len(self.packer.flush())
        return self.size


def packed_size(site: Path, files: list[tuple[str, int]]) -> int:
    """The deflated size of a tar of the tree, as upload-pages-artifact's artifact."""
    counter = _Counter()
    with tarfile.open(fileobj=counter, mode="w|", format=tarfile.GNU_FORMAT) as archive:
        for relative, _ in files:
            archive.add(site / relative, arcname=relative, recursive=False)
    return counter.finish()


def weigh(site: Path, pack: bool = True) -> dict[str, Any]:
    """The figures of a built site (see the module's docstring)."""
    files = tree(site)
    parts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for relative, size in files:
        part = parts[part_of(relative)]
        part[0] += size
        part[1] += 1
    largest = sorted(files, key=lambda f: (-f[1], f[0]))[:LARGEST]
    sitemaps = [(r, s) for r, s in files if r.startswith("sitemap")]
    result: dict[str, Any] = {
        "bytes": sum(size for _, size in files), "files": len(files),
        "parts": {name: {"bytes": b, "files": n} for name, (b, n) in
                  sorted(parts.items(), key=lambda item: (-item[1][0], item[0]))},
        "largest": [{"path": r, "bytes": s} for r, s in largest],
        "sitemaps": [{"path": r, "bytes": s} for r, s in sitemaps],
    }
    if pack:
        result["packed_bytes"] = packed_size(site, files)
    return result


def table(figures: dict[str, Any]) -> str:
    """The figures as Markdown."""
    out = [f"Published tree: {figures['bytes']:,} bytes ({figures['bytes'] / 1e6:,.1f} MB) in "
           f"{figures['files']:,} files."]
    if "packed_bytes" in figures:
        out.append(f"Artifact (tar, deflated at level 6): {figures['packed_bytes']:,} bytes "
                   f"({figures['packed_bytes'] / 1e6:,.1f} MB).")
    out += ["", "| part (all languages) | MB | files | KB a file |", "|---|---:|---:|---:|"]
    for name, part in figures["parts"].items():
        out.append(f"| {name} | {part['bytes'] / 1e6:,.1f} | {part['files']:,} | "
                   f"{part['bytes'] / part['files'] / 1e3:,.1f} |")
    out += ["", "| largest files | bytes |", "|---|---:|"]
    out += [f"| {f['path']} | {f['bytes']:,} |" for f in figures["largest"]]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--no-pack", action="store_true", help="skip the packed size")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        parser.error(f"{args.site} has no index.html: not a built site")
    figures = weigh(args.site, pack=not args.no_pack)
    print(json.dumps(figures, indent=1) if args.json else table(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
