"""A region without a copy of hyteguide: `hyteguide init`, template overrides, and the wheel.

The last test builds hyteguide's wheel from a copy of this checkout, installs it into a fresh
virtual environment (dependencies from this one's site-packages, so no network is needed),
starts a region with `init` in an empty folder and runs `check` and `build` there. It skips
only where the wheel cannot be built offline (no `wheel` package, setuptools < 70.1), and
under CI (env CI set) it fails instead, like the browser tests.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import shutil
import site
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from hyteguide.cli.main import main
from hyteguide.web.i18n import load_catalogue
from hyteguide.web.sources import asset_files, default_templates, template_folders

ROOT = Path(__file__).resolve().parents[2]
TODAY = "2026-12-01"


def test_init_writes_a_region_that_passes_check(tmp_path: Path, capsys) -> None:
    region = tmp_path / "keski-uusimaa"
    assert main(["init", str(region), "--region", 'Keski-Uusimaa "KU"']) == 0
    assert "Next:" in capsys.readouterr().err
    names = {p.relative_to(region).as_posix() for p in region.rglob("*") if p.is_file()}
    assert names == {"content/site.yaml", "content/vocabulary.yaml",
                     "content/organisations/esimerkkiyhdistys-ry.md", "requirements.txt",
                     ".gitignore", "README.md", ".github/workflows/check.yml",
                     ".github/workflows/pages.yml"}
    assert (region / "requirements.txt").read_text().splitlines()[-1].startswith("hyteguide")
    pages = (region / ".github/workflows/pages.yml").read_text()
    assert "${{ steps.pages.outputs.base_url }}" in pages and "requirements.txt" in pages
    assert main(["check", "--content", str(region / "content"), "--today", TODAY]) == 0


def test_init_never_overwrites(tmp_path: Path, capsys) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "site.yaml").write_text("name: mine\n")
    assert main(["init", str(tmp_path)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert (tmp_path / "content" / "site.yaml").read_text() == "name: mine\n"
    assert not (tmp_path / "README.md").exists()  # nothing written at all


def test_a_region_overrides_single_files(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    (templates / "assets").mkdir(parents=True)
    (templates / "i18n").mkdir()
    (templates / "assets" / "site.css").write_text("body { color: teal; }\n")
    (templates / "assets" / ".draft.css").write_text("hidden\n")
    (templates / "i18n" / "fi.yaml").write_text("language_name: suomeksi\n")
    assert template_folders(templates) == [templates, default_templates()]
    assets = dict(asset_files(templates))
    assert assets["site.css"] == templates / "assets" / "site.css"
    assert assets["search.js"] == default_templates() / "assets" / "search.js"
    assert ".draft.css" not in assets
    default = load_catalogue(default_templates(), "fi")
    changed = load_catalogue(templates, "fi")
    assert changed.messages["language_name"] == "suomeksi"
    assert {k: v for k, v in changed.messages.items() if k != "language_name"} == \
        {k: v for k, v in default.messages.items() if k != "language_name"}


def test_the_defaults_are_this_checkout_without_overrides() -> None:
    assert template_folders(ROOT / "templates") == [ROOT / "templates"]
    assert template_folders(ROOT / "no-such-folder") == [ROOT / "templates"]


def _can_build_wheels() -> bool:
    """bdist_wheel is in setuptools from 70.1, before that in the `wheel` package."""
    if importlib.util.find_spec("wheel") is not None:
        return True
    import setuptools

    return tuple(int(p) for p in setuptools.__version__.split(".")[:2]) >= (70, 1)


def _run(args: list[str | Path], cwd: Path) -> str:
    done = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": ""}, timeout=600)
    assert done.returncode == 0, f"{args} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout + done.stderr


def test_a_region_builds_with_hyteguide_installed_from_its_wheel(tmp_path: Path) -> None:
    if not _can_build_wheels():
        reason = "building the wheel needs the `wheel` package (test extra) or setuptools>=70.1"
        if os.environ.get("CI"):
            pytest.fail(f"{reason} (CI is set: this test must run)")
        pytest.skip(reason)
    source = tmp_path / "source"  # a copy: the build leaves build/ and *.egg-info behind
    source.mkdir()
    for name in ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "package.json",
                 "package-lock.json"):
        shutil.copy2(ROOT / name, source / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("hyteguide", "templates"):
        shutil.copytree(ROOT / name, source / name, ignore=ignore)
    libraries = json.loads((ROOT / "package.json").read_text("utf-8"))["dependencies"]
    for name in libraries:  # lunr, lunr-languages, decap-cms, yaml: as `npm ci` installed them
        shutil.copytree(ROOT / "node_modules" / name, source / "node_modules" / name)
    _run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
          "--no-index", "-w", tmp_path / "dist", source], tmp_path)
    wheel = next((tmp_path / "dist").glob("hyteguide-*.whl"))

    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", venv], tmp_path)
    python = venv / "bin" / "python"
    purelib = Path(_run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                        tmp_path).strip())
    # The dependencies come from this environment (after the venv's own site-packages, so
    # that the wheel's hyteguide is the one imported, never this checkout).
    ours = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib"),
            *site.getsitepackages()}
    (purelib / "dependencies.pth").write_text("".join(f"{p}\n" for p in sorted(ours)))
    _run([sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps",
          "--no-index", wheel], tmp_path)
    where = _run([python, "-c", "import hyteguide.web.sources as s; print(s.defaults_root())"],
                 tmp_path)
    assert Path(where.strip()).is_relative_to(purelib), where

    region = tmp_path / "region"
    region.mkdir()  # empty: no templates/, no node_modules/
    hyteguide = venv / "bin" / "hyteguide"
    _run([hyteguide, "init", ".", "--region", "Testimaa"], region)
    # `init` wrote today's date as the starter entry's `reviewed`: checked on an earlier day it
    # would be a date in the future (a warning); so check on the day it was written, or later.
    checked_on = max(TODAY, dt.date.today().isoformat())
    assert "No problems found." in _run([hyteguide, "check", "--today", checked_on], region)
    _run([hyteguide, "build", "--today", TODAY], region)
    site_dir = region / "site"
    assert (site_dir / "index.html").is_file()
    assert (site_dir / "organisations" / "esimerkkiyhdistys-ry" / "index.html").is_file()
    assert (site_dir / "assets" / "vendor" / "lunr.min.js").is_file()
    assert (site_dir / "assets" / "site.css").read_bytes() == \
        (ROOT / "templates" / "assets" / "site.css").read_bytes()
    assert not (site_dir / "admin").exists()  # no repository yet: no form editor
    # With its GitHub repository named, the region has the form editor, from the wheel alone.
    settings = region / "content" / "site.yaml"
    settings.write_text(settings.read_text("utf-8") + "repository: https://github.com/alue/opas\n",
                        "utf-8")
    _run([hyteguide, "build", "--today", TODAY], region)
    assert (site_dir / "admin" / "index.html").is_file()
    assert (site_dir / "assets" / "vendor" / "decap" / "decap-cms.js").read_bytes() == \
        (ROOT / "node_modules" / "decap-cms" / "dist" / "decap-cms.js").read_bytes()
    assert (site_dir / "assets" / "admin" / "lib" / "yaml" / "index.js").is_file()
    packed = {Path(n).name for n in zipfile.ZipFile(wheel).namelist()}
    assert not any(n.endswith(".map") for n in packed)  # 6 MB of Decap, not its 66
