"""The code type-checks: mypy, with the configuration in pyproject.toml ([tool.mypy]: the packages
hyteguide and tools, and how strict), finds no errors. Run in a subprocess, as a developer runs it
(`.venv/bin/mypy`), so the whole suite (`.ci/run`) proves it; a failure prints mypy's report.

Without mypy (pip install -e '.[test]') the test is skipped, but it fails when CI is set.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys

import pytest

from tests.conftest import REPO


def unavailable(reason: str) -> None:
    """Skip locally; fail under CI, which must never silently skip the type check."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set: the type check must run)")
    pytest.skip(reason)


def test_mypy_finds_no_errors() -> None:
    if importlib.util.find_spec("mypy") is None:
        unavailable("mypy is missing: pip install -e '.[test]'")
    # No paths on the command line: [tool.mypy] names the packages, so the test checks exactly
    # what `mypy` alone checks in the repository.
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-pretty"],
        cwd=REPO, capture_output=True, text=True, encoding="utf-8", timeout=600, check=False)
    report = (result.stdout + result.stderr).strip()
    assert result.returncode == 0, f"mypy found errors (exit status {result.returncode}):\n{report}"
