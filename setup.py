"""Packs hyteguide's defaults into the wheel, so that a region installs hyteguide and needs no
copy of this repository (README, "Start your own region").

The metadata is in pyproject.toml; this file only adds a build step. The repository's
templates/ stays the one source of the default templates, messages and assets: the step copies
it into hyteguide/defaults/templates/ of the wheel (nothing is committed twice; a symlink would
break on Windows checkouts and in sdists). It also copies the browser libraries that
package.json lists under "dependencies" (lunr, lunr-languages; decap-cms and yaml for the form
editor) from node_modules/, as
`npm ci` installed them from the npm registry at the versions package-lock.json pins: the
search index that Python prebuilds must be read by the very lunr.js it was tested with, and a
region then needs no Node.js. Where node_modules lacks them (a wheel built from a git
checkout), the step runs `npm ci --omit=dev` first, and stops with a message if npm is missing.

An editable install (`pip install -e .`) copies nothing: hyteguide/web/sources.py reads the
checkout's own templates/ and node_modules/ then, so edits show at once.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
IGNORED = shutil.ignore_patterns(".*", "__pycache__", "*.pyc")
# What the wheel leaves out of a browser library whose package holds more than the site loads:
# Decap CMS's source maps and its second copy of every chunk (cms.js); 66 MB → 6 MB. The site
# copies what hyteguide/editor/files.py names.
LEFT_OUT = {"decap-cms": shutil.ignore_patterns(".*", "__pycache__", "*.pyc", "*.map", "cms.js",
                                                "*.cms.js")}


def browser_libraries() -> list[str]:
    """The npm packages the built site loads (package.json "dependencies"; the
    devDependencies are test tools)."""
    manifest = json.loads((HERE / "package.json").read_text(encoding="utf-8"))
    return sorted(manifest.get("dependencies", {}))


def ensure_node_modules(names: list[str]) -> None:
    """Install the browser libraries from the npm registry when node_modules lacks them."""
    if all((HERE / "node_modules" / name / "package.json").is_file() for name in names):
        return
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit("hyteguide's wheel carries the browser libraries " + ", ".join(names)
                         + " from npm: install Node.js (npm) or run `npm ci --omit=dev` in "
                         f"{HERE}, then build again")
    subprocess.run([npm, "ci", "--omit=dev", "--no-audit", "--no-fund"], cwd=HERE, check=True)


class BuildWithDefaults(build_py):
    """build_py, then the default templates and browser libraries into hyteguide/defaults/."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # read from the checkout itself (hyteguide/web/sources.py)
        target = Path(self.build_lib) / "hyteguide" / "defaults"
        if target.exists():
            shutil.rmtree(target)  # nothing left over from an earlier build
        shutil.copytree(HERE / "templates", target / "templates", ignore=IGNORED)
        names = browser_libraries()
        ensure_node_modules(names)
        for name in names:
            shutil.copytree(HERE / "node_modules" / name, target / "node_modules" / name,
                            ignore=LEFT_OUT.get(name, IGNORED))


setup(cmdclass={"build_py": BuildWithDefaults})
