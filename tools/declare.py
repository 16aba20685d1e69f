"""Write what follows from the content fields' declarations (hyteguide/content/schema/): the
model's attribute lines (between the 'Declared in' comments in hyteguide/model/) and the
editors' field reference docs/fields.md. Run it after adding or changing a field:

    .venv/bin/python tools/declare.py

It prints the files it changed; `--check` changes nothing and exits 1 if any is stale (the
test suite runs the same check)."""

from __future__ import annotations

import sys
from pathlib import Path

from hyteguide.content.fieldref import reference
from hyteguide.content.modelsource import model_files

REPO = Path(__file__).resolve().parents[1]


def stale() -> dict[Path, str]:
    """The files the declarations would change, with their new text."""
    wanted = {**model_files(), REPO / "docs" / "fields.md": reference()}
    return {path: text for path, text in wanted.items()
            if not path.exists() or path.read_text(encoding="utf-8") != text}


def main(argv: list[str]) -> int:
    changed = stale()
    for path, text in changed.items():
        if "--check" not in argv:
            path.write_text(text, encoding="utf-8")
        print(("stale: " if "--check" in argv else "wrote ") + str(path.relative_to(REPO)))
    return 1 if changed and "--check" in argv else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
