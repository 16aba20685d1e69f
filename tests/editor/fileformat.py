"""Helpers of the file format's tests (tests/editor/test_fileformat*.py): the format in node,
laid out as the built site serves it (admin/fileformat.js with its modules and admin/lib/yaml/,
the yaml package's browser build), driven by tests/node/fileformat_runner.mjs; and the real
loader to read what it writes."""

from __future__ import annotations

import datetime as dt
import difflib
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from hyteguide.common.problems import ContentError
from hyteguide.content.load import load_content
from hyteguide.content.yamlsource import parse_yaml, split_front_matter
from hyteguide.editor.shapes import shapes_document
from tests.search.test_searchtext import NODE, NODE_MODULES

REPO = Path(__file__).resolve().parents[2]
CONTENT = REPO / "content"
ADMIN = REPO / "templates" / "assets" / "admin"
RUNNER = REPO / "tests" / "node" / "fileformat_runner.mjs"
YAML_BROWSER = NODE_MODULES / "yaml" / "browser" / "dist"
TODAY = dt.date(2026, 12, 7)
LANGUAGES = ("fi", "sv", "en")
FOLDERS = {"organisations": "organisations", "places": "places",
           "partnerships": "partnerships", "pages": "pages"}


class Format:
    """fileformat.js in node, laid out as the built site's admin/ folder."""

    def __init__(self, site: Path):
        self.admin = site / "admin"
        self.shapes = shapes_document(LANGUAGES)

    def answers(self, *tasks: dict[str, Any]) -> list[dict[str, Any]]:
        """Each task's {"value"} or {"error"}."""
        request = {"shapes": self.shapes, "tasks": list(tasks)}
        done = subprocess.run([str(NODE), str(RUNNER), str(self.admin)], input=json.dumps(request),
                              capture_output=True, text=True, timeout=300, check=False)
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)["results"]

    def run(self, *tasks: dict[str, Any]) -> list[Any]:
        """Each task's value; fails on any error."""
        results = self.answers(*tasks)
        errors = [result["error"] for result in results if "error" in result]
        assert not errors, errors[0]
        return [result["value"] for result in results]

    def edit(self, collection: str, text: str, *changes: dict[str, Any]) -> str:
        [saved] = self.run({"op": "edit", "collection": collection, "text": text,
                            "changes": list(changes)})
        return saved


def example(collection: str, name: str) -> str:
    """An example content file's text."""
    return (CONTENT / FOLDERS[collection] / name).read_text(encoding="utf-8")


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    """The lines a diff removes and adds."""
    diff = list(difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0))
    removed = [line[1:] for line in diff[2:] if line.startswith("-")]
    added = [line[1:] for line in diff[2:] if line.startswith("+")]
    return removed, added


_WRITTEN: dict[Path, tuple[str, ...]] = {}


def loaded(tmp_path: Path, files: dict[str, str]):
    """The example content with these files (path under content/ → text), loaded by the real
    loader; fails with its problems."""
    root = tmp_path / "content"
    if not root.exists():
        shutil.copytree(CONTENT, root)
    for name in _WRITTEN.pop(root, ()):  # an earlier call's files: back to the example's
        if (CONTENT / name).is_file():
            shutil.copy(CONTENT / name, root / name)
        else:
            (root / name).unlink()
    _WRITTEN[root] = tuple(files)
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    try:
        content = load_content(root, TODAY)
    except ContentError as error:
        pytest.fail(f"the loader refused the saved file:\n{error}")
    warnings = [w for w in content.extra.get("warnings", ()) if any(n in str(w) for n in files)]
    assert not warnings, warnings
    return content


def front_matter(text: str) -> Any:
    """The file's YAML as our loader reads it (every scalar a text)."""
    if text.startswith("---"):
        split, problems = split_front_matter("x.md", text)
        assert split is not None, problems
        root = split.document.root
    else:
        document, problems = parse_yaml("x.yaml", text)
        assert document is not None, problems
        root = document.root
    return plain(root)


def plain(node: yaml.Node | None) -> Any:
    if isinstance(node, yaml.MappingNode):
        return {key.value: plain(value) for key, value in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [plain(item) for item in node.value]
    return None if node is None else node.value


def example_files() -> list[tuple[str, Path]]:
    """Every example content file with its collection."""
    return [(collection, path) for collection, folder in FOLDERS.items()
            for path in sorted((CONTENT / folder).iterdir())]


OLOHUONE = "organisations/keravan-olohuone.md"

# Texts that mean something else to YAML, or to a page
HOSTILE = ["{{7*7}}", "yes", "no", "12:00", "- x", "#x", " alussa välilyönti", "lopussa ",
           "rivi\ntoinen", "null", "~", "2026-08-17", "0777", "1e3", "@x", "*x", "&x", "!x",
           "%x", "[x]", "a: b", "a #b", "'lainaus'", '"lainaus"', "kova\\viiva", "tab\there",
           "<script>alert(1)</script>", "ääkköset ja 🙂", "x" * 10_000]
