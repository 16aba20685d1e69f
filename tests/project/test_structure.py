"""The package's shape, as README's "Pipeline" describes it: folders are stages and parts,
imports point one way, no module imports another's private name, and modules stay small."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "hyteguide"
MOST_LINES = 420  # "about 400": a module past this is cut along a seam

# Each part, with the parts it may import. The order is the pipeline's: the model at the
# bottom, then loading, deriving, what every output shares, the outputs, and the commands.
MAY_IMPORT: dict[str, set[str]] = {
    "common": set(),
    "model": {"common"},
    "schedule": {"common", "model"},
    "content": {"common", "model", "schedule"},
    "derive": {"common", "model", "schedule", "content"},
    "web": {"common", "model", "schedule", "content", "derive"},
    "feeds": {"common", "model", "schedule", "content", "derive", "web"},
    "search": {"common", "model", "schedule", "content", "derive", "web"},
    "opendata": {"common", "model", "schedule", "content", "derive", "web", "feeds"},
    "pages": {"common", "model", "schedule", "content", "derive", "web", "feeds", "search",
              "opendata"},
    "build": {"common", "model", "schedule", "content", "derive", "web", "feeds", "search",
              "opendata", "pages", "editor"},
    "preview": {"common", "model", "schedule", "content", "derive", "web", "feeds", "search",
                "opendata", "pages", "build", "editor"},
    "importers": {"common", "model", "content"},
    "region": {"common", "model", "content"},
    "editor": {"common", "model", "content"},  # the form editor's config and labels (issue 22)
    "cli": {"common", "model", "schedule", "content", "derive", "web", "search", "build",
            "preview", "importers", "region", "editor"},  # editor: check --format summary
}


def modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        yield ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts), path


def part_of(module: str) -> str:
    """'hyteguide.feeds.ical' → 'feeds'; 'hyteguide.model' → 'model'."""
    return module.split(".")[1] if module.count(".") else module


def runtime_imports(tree: ast.Module) -> Iterator[ast.ImportFrom]:
    """The `from hyteguide… import` statements that run (not those for type checkers only)."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(child) for child in ast.walk(node))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and id(node) not in skipped and \
                (node.module or "").startswith("hyteguide"):
            yield node


def imported_modules(node: ast.ImportFrom) -> Iterator[str]:
    module = node.module or ""
    for alias in node.names:  # `from hyteguide import model` imports hyteguide.model
        yield module if module != "hyteguide" else f"{module}.{alias.name}"


def test_every_part_is_placed():
    parts = {part_of(m) for m, _ in modules()} - {"hyteguide", "__init__", "__main__"}
    assert parts <= set(MAY_IMPORT), sorted(parts - set(MAY_IMPORT))
    assert set(MAY_IMPORT) <= parts


def test_imports_point_one_way():
    wrong = []
    for module, path in modules():
        me = part_of(module)
        if me not in MAY_IMPORT:
            continue
        for node in runtime_imports(ast.parse(path.read_text(encoding="utf-8"))):
            for target in imported_modules(node):
                other = part_of(target)
                if other != me and other not in MAY_IMPORT[me]:
                    wrong.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}: "
                                 f"{me} imports {target}")
    assert not wrong, "\n".join(wrong)


def test_no_module_imports_a_private_name_of_another():
    wrong = []
    for _, path in modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("hyteguide"):
                wrong += [f"{path.relative_to(PACKAGE.parent)}:{node.lineno}: {alias.name}"
                          for alias in node.names if alias.name.startswith("_")]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("module", [m for m, _ in modules()])
def test_modules_stay_small(module):
    path = dict(modules())[module]
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MOST_LINES, f"{path}: {lines} lines; cut it along a seam"
