"""`hyteguide init FOLDER`: start a region's own repository.

The folder gets the content a guide needs to pass `check` and build (site.yaml, vocabulary.yaml,
a first organisation), the Check and Pages workflows, requirements.txt pinning the hyteguide
that is running, a .gitignore and a short README. Nothing of hyteguide's code or templates is
copied: they come from the installed package (templates/ may later override single files).
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from hyteguide.content.scaffold import new_organisation
from hyteguide.region import starter

FIRST_ORGANISATION = "Esimerkkiyhdistys ry"


@dataclass(frozen=True)
class Region:
    """What init writes into: the folder and the region's name."""

    folder: Path
    name: str

    def files(self, requirement: str, version: str) -> dict[str, str]:
        """The starter files, by path relative to the folder (the organisation comes after,
        from `hyteguide new`, once site.yaml and vocabulary.yaml exist)."""
        python = f"{sys.version_info.major}.{sys.version_info.minor}"
        return {
            "content/site.yaml": starter.SITE.format(
                name_fi=_quoted(f"Hyte-opas: {self.name}"),
                name_sv=_quoted(f"Hyte-guiden: {self.name}"),
                name_en=_quoted(f"Wellbeing Guide: {self.name}"),
                region=_quoted(self.name),
                base_url=_quoted(f"https://example.github.io/{self.folder.resolve().name}/")),
            "content/vocabulary.yaml": starter.VOCABULARY.format(),
            "requirements.txt": starter.REQUIREMENTS.format(requirement=requirement),
            ".gitignore": starter.GITIGNORE,
            ".github/workflows/check.yml": starter.CHECK_WORKFLOW.format(python=python),
            ".github/workflows/pages.yml": starter.PAGES_WORKFLOW.format(python=python),
            "README.md": starter.README.format(region=self.name, made_with=_made_with(version)),
        }


def init_region(folder: Path, name: str | None = None, today: dt.date | None = None) -> list[Path]:
    """Write a new region into folder (made if missing); return the files written. Raises
    FileExistsError, having written nothing, when any of them exists."""
    region = Region(folder, " ".join((name or _name_of(folder)).split()))
    version = installed_version()
    files = region.files(pinned_requirement(version), version)
    organisation = folder / "content" / "organisations" / "esimerkkiyhdistys-ry.md"
    existing = [path for path in [*(folder / p for p in files), organisation] if path.exists()]
    if existing:
        raise FileExistsError(f"{existing[0]} already exists; init starts a region in a new "
                              "or empty folder and never overwrites a file")
    written = []
    for relative, text in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    written.append(new_organisation(folder / "content", FIRST_ORGANISATION, today))
    return written


def installed_version() -> str:
    """The version of the running hyteguide (0 when it runs from a bare checkout)."""
    try:
        return importlib.metadata.version("hyteguide")
    except importlib.metadata.PackageNotFoundError:
        return "0"


def pinned_requirement(version: str) -> str:
    """The pip requirement of the running hyteguide: its git commit when it was installed
    from a git repository (pip records that: PEP 610), else its version."""
    try:
        recorded = importlib.metadata.distribution("hyteguide").read_text("direct_url.json")
    except importlib.metadata.PackageNotFoundError:
        recorded = None
    origin = json.loads(recorded) if recorded else {}
    vcs = origin.get("vcs_info", {})
    url = origin.get("url", "")
    if vcs.get("vcs") == "git" and vcs.get("commit_id") and not url.startswith("file:"):
        return f"hyteguide @ git+{url}@{vcs['commit_id']}"
    return f"hyteguide=={version}"


def next_steps(folder: Path) -> str:
    """What to do after init, printed by the command."""
    return "\n".join([
        f"Started a region in {folder}. Next:",
        f"  cd {folder}",
        "  python3 -m venv .venv && .venv/bin/pip install -r requirements.txt",
        "  edit content/site.yaml (name, base_url, contact) and content/vocabulary.yaml",
        "  .venv/bin/hyteguide check && .venv/bin/hyteguide serve",
        "  git init, push to GitHub, then Settings → Pages → Source: GitHub Actions",
        "requirements.txt pins this hyteguide; if your pip cannot find it there, point it at",
        "a wheel or a git tag of hyteguide instead.",
    ])


def _name_of(folder: Path) -> str:
    """A region name from the folder's name: keski-uusimaa → Keski-uusimaa."""
    name = folder.resolve().name.replace("_", " ").strip() or "Region"
    return name[:1].upper() + name[1:]


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (a JSON string is one) that no name can break."""
    return json.dumps(text, ensure_ascii=False)


def _made_with(version: str) -> str:
    """'hyteguide 0.1.0', linked to the project's home page when its metadata names one."""
    try:
        meta = importlib.metadata.metadata("hyteguide")
    except importlib.metadata.PackageNotFoundError:
        return f"hyteguide {version}"
    urls = [entry.split(",", 1)[1].strip() for entry in meta.get_all("Project-URL") or []
            if "," in entry]
    homes = [*(meta.get_all("Home-page") or []), *urls]
    home = homes[0] if homes else ""
    return f"[hyteguide]({home}) {version}" if home else f"hyteguide {version}"

