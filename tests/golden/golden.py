"""The golden snapshot of the example region: every output file's SHA-256, so that a refactor
proves the built site unchanged.

`manifest.json` (beside this file) maps each site-relative path to its hash and size, for the
example content built for tests/conftest.py's TODAY under its BASE_URL. To accept a change on
purpose (and say so in the commit):

    .venv/bin/python tests/golden/golden.py update

That also keeps a copy of the build in `.cache/golden/` (not committed), which the test uses to
show a line diff of what changed; without that copy it lists the changed files only.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
MANIFEST = HERE / "manifest.json"
REFERENCE = REPO / ".cache" / "golden"
SHOWN_FILES = 6      # files whose line diff a failure shows
SHOWN_LINES = 40     # diff lines shown per file


def manifest_of(site: Path) -> dict[str, list]:
    """Every file under `site`: its site-relative path → [sha256, size]."""
    found = {}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            found[path.relative_to(site).as_posix()] = [hashlib.sha256(data).hexdigest(),
                                                        len(data)]
    return found


def stored() -> dict[str, list]:
    return json.loads(MANIFEST.read_text(encoding="utf-8"))


def save(site: Path) -> None:
    """Store `site`'s manifest as the golden one, and keep a copy of it for line diffs."""
    rows = [f"{json.dumps(path)}: {json.dumps(entry)}"
            for path, entry in sorted(manifest_of(site).items())]
    MANIFEST.write_text("{\n" + ",\n".join(rows) + "\n}\n", encoding="utf-8")
    keep_reference(site)


def keep_reference(site: Path) -> None:
    """A copy of a build that matches the manifest, to diff a later build against."""
    if REFERENCE.exists():
        shutil.rmtree(REFERENCE)
    shutil.copytree(site, REFERENCE)


def _line_diff(relative: str, site: Path) -> list[str]:
    old, new = REFERENCE / relative, site / relative
    try:
        before = old.read_text(encoding="utf-8").splitlines()
        after = new.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return [f"  (binary or unreadable: {relative})"]
    lines = list(difflib.unified_diff(before, after, f"golden/{relative}", f"built/{relative}",
                                      n=1, lineterm=""))
    if len(lines) > SHOWN_LINES:
        lines = [*lines[:SHOWN_LINES], f"  … {len(lines) - SHOWN_LINES} more diff lines"]
    return ["  " + line[:200] for line in lines]


def differences(site: Path) -> str:
    """What differs between `site` and the golden manifest, readable; '' when nothing does."""
    golden, built = stored(), manifest_of(site)
    added = sorted(set(built) - set(golden))
    removed = sorted(set(golden) - set(built))
    changed = sorted(p for p in set(golden) & set(built) if golden[p][0] != built[p][0])
    if not (added or removed or changed):
        return ""
    report = [f"The example site differs from tests/golden/manifest.json: {len(changed)} changed, "
              f"{len(added)} added, {len(removed)} removed "
              f"(of {len(golden)} golden files)."]
    for title, paths in (("changed", changed), ("added", added), ("removed", removed)):
        if paths:
            report.append(f"{title}:")
            report += [f"  {p}" for p in paths[:30]]
            if len(paths) > 30:
                report.append(f"  … and {len(paths) - 30} more")
    reference_ok = REFERENCE.is_dir() and manifest_of(REFERENCE) == golden
    if changed and reference_ok:
        report.append("line diffs (golden → built):")
        for relative in changed[:SHOWN_FILES]:
            report += _line_diff(relative, site)
    elif changed:
        report.append("(no reference copy in .cache/golden/ for line diffs: to make one, run "
                      "`git stash; python tests/golden/golden.py update; git stash pop`)")
    report.append("If the change is deliberate: .venv/bin/python tests/golden/golden.py update, "
                  "and say why in the commit.")
    return "\n".join(report)


def build_example(output: Path) -> None:
    """The example region built as the test suite builds it (conftest's TODAY and BASE_URL)."""
    sys.path.insert(0, str(REPO))  # run as a script: the tests package is in the checkout
    from hyteguide.build.pipeline import build
    from tests.conftest import BASE_URL, CONTENT, TEMPLATES, TODAY

    with tempfile.TemporaryDirectory() as sources:
        content, templates = Path(sources) / "content", Path(sources) / "templates"
        shutil.copytree(CONTENT, content)    # a copy, as the tests build: no git history
        shutil.copytree(TEMPLATES, templates)
        build(content, templates, output, today=TODAY, base_url=BASE_URL)


def main(argv: list[str]) -> int:
    if argv != ["update"]:
        print(__doc__)
        return 2
    with tempfile.TemporaryDirectory() as scratch:
        site = Path(scratch) / "site"
        build_example(site)
        save(site)
    print(f"{MANIFEST.relative_to(REPO)}: {len(stored())} files")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
