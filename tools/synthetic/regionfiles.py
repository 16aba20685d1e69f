"""The files of a region besides organisations and places: partnerships, site.yaml, the
vocabulary (the example's, plus the municipalities it lacks) and an about page."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from pathlib import Path
from string import Template

import yaml

from tools.synthetic.draws import Draws, Stats
from tools.synthetic.organisations import Org
from tools.synthetic.places import PlaceWriter
from tools.synthetic.seasons import DAY, next_weekday
from tools.synthetic.world import DATA, ORG_TYPES, Municipality, Region, all_templates, load
from tools.synthetic.yamltext import flow_list, text_field, yq

REPOSITORY = Path(__file__).resolve().parents[2]
EXAMPLE_VOCABULARY = REPOSITORY / "content" / "vocabulary.yaml"
# A partnership: (slug, names, candidate members, municipalities, themes, its municipality)
Table = tuple[str, dict[str, str], list[str], list[str], list[str], Municipality | None]


def from_template(name: str, **values: object) -> str:
    """A data/*.in file with its $names filled in."""
    return Template((DATA / name).read_text(encoding="utf-8")).substitute(values)


def site_yaml(region: Region, today: dt.date, year: int) -> str:
    """site.yaml of the region, in fi, sv and en (data/site.yaml.in)."""
    return from_template("site.yaml.in", gen=region.gen, sv_in=region.sv_in, en=region.en,
                         fi=region.fi, sv=region.sv, assessed=today - 60 * DAY,
                         fix_by=f"{year + 1}-06-30")


def about_page(region: Region) -> str:
    """pages/tietoa.md (data/tietoa.md.in)."""
    where = region.gen.replace("Uudenmaan", "Uudellamaalla") \
        if region.key == "keski-uusimaa" else "Uudellamaalla"
    return from_template("tietoa.md.in", gen=region.gen, sv_in=region.sv_in, en=region.en,
                         where=where)


def vocabulary_yaml(municipalities: Sequence[Municipality]) -> str:
    """content/vocabulary.yaml as it is, plus the region's municipalities it lacks."""
    text = EXAMPLE_VOCABULARY.read_text(encoding="utf-8")
    lines = text.split("\n")
    start = lines.index("municipalities:")
    end = start + 1
    while end < len(lines) and lines[end].startswith("  "):
        end += 1
    known = {line.split(":")[0].strip() for line in lines[start + 1:end]}
    missing = [m for m in municipalities if m.id not in known]
    if not missing:
        return text
    added = ["  # Added by bench/generate.py: the rest of Uusimaa."] + [
        f"  {m.id}: {{fi: {m.fi}, sv: {m.sv}, en: {m.fi}"
        f"{', bilingual: true' if m.bilingual else ''}}}" for m in missing]
    return "\n".join(lines[:end] + added + lines[end:])


def check_vocabulary(text: str, municipalities: Sequence[Municipality]) -> None:
    """Fail early when the example vocabulary lacks a term the generator writes."""
    groups = yaml.safe_load(text)
    templates = all_templates()
    used: dict[str, set[str]] = {
        "municipalities": {m.id for m in municipalities},
        "themes": {t for o in ORG_TYPES for t in o.themes}
        | {t for a in templates for t in a.themes},
        "audiences": {a for o in ORG_TYPES for a in o.audiences}
        | {x for a in templates for x in a.audiences},
        "formats": {a.format for a in templates},
        "expertise": {e for o in ORG_TYPES for e in o.expertise},
        "languages": {"fi", "sv", "en", "selkokieli"} | {x for o in ORG_TYPES for x in o.languages},
        "accessibility": {"wheelchair", "accessible_toilet", "induction_loop", "elevator",
                          "parking", "public_transport", "quiet_room", "guide_dog"},
    }
    for group, terms in used.items():
        unknown = sorted(terms - set(groups.get(group) or {}))
        if unknown:
            raise SystemExit(f"error: {EXAMPLE_VOCABULARY} has no {group} {', '.join(unknown)}")


class PartnershipWriter(Draws):
    """Writes the partnership tables and networks of data/partnerships.yaml."""

    def __init__(self, rng: random.Random, today: dt.date, region: Region, places: PlaceWriter,
                 stats: Stats):
        super().__init__(rng)
        self.today = today
        self.region = region
        self.places = places
        self.stats = stats
        self.data = load("partnerships.yaml")

    def tables(self, orgs: Sequence[Org]) -> list[Table]:
        """A table in each municipality with three or more organisations, then the networks
        with two or more organisations of their types."""
        by_municipality: dict[str, list[str]] = {m.id: [] for m in self.region.municipalities}
        by_type: dict[str, list[str]] = {}
        for org in orgs:
            for mid in org.municipalities:
                by_municipality[mid].append(org.slug)
            by_type.setdefault(org.type_key, []).append(org.slug)
        table = self.data["table"]
        tables: list[Table] = []
        for m in self.region.municipalities:
            if len(by_municipality[m.id]) >= 3:
                names = {lang: text.format(gen=m.gen, sv=m.sv, fi=m.fi)
                         for lang, text in table["name"].items()}
                tables.append((f"{m.id}-kumppanuuspoyta", names, by_municipality[m.id],
                               [m.id], list(table["themes"]), m))
        for network in self.data["networks"]:
            members = [s for t in network["types"] for s in by_type.get(t, [])]
            if len(members) >= 2:
                fi, sv, en = (network["name"][lang] for lang in ("fi", "sv", "en"))
                names = {"fi": f"{self.region.gen} {fi[:1].lower()}{fi[1:]}",
                         "sv": f"{sv} {self.region.sv_in}", "en": en}
                tables.append((network["slug"], names, members, [], list(network["themes"]),
                               None))
        return tables

    def write(self, folder: Path, orgs: Sequence[Org]) -> None:
        """One Markdown file per table in folder."""
        for table in self.tables(orgs):
            slug, text = self.partnership(table)
            (folder / f"{slug}.md").write_text(text, encoding="utf-8")
            self.stats.partnerships += 1

    def partnership(self, table: Table) -> tuple[str, str]:
        """(slug, the Markdown file) of a table: members drawn from the candidates, meetings
        around today (some with a time, place and note), a coordinator."""
        rng, data = self.rng, self.data
        slug, names, candidates, municipalities, themes, m = table
        members = sorted(rng.sample(candidates, min(len(candidates), rng.randint(4, 15))))
        lines = ["---"] + text_field("name", names, "")
        lines += text_field("summary", dict(data["summary"]), "")
        lines.append("members:")
        lines += [f"  - {member}" for member in members]
        if municipalities:
            lines.append(f"municipalities: {flow_list(municipalities)}")
        lines.append(f"themes: {flow_list(themes)}")
        lines.append("meetings:")
        pool = self.places.places[m.id] if m else self.places.all_places()
        for offset in data["meeting_days"]:
            day = next_weekday(self.today + offset * DAY, 3)
            if self.chance(0.5):
                lines.append(f"  - {day}")
            else:
                lines.append(f"  - date: {day}")
                lines.append('    time: "13:00-15:00"')
                lines.append(f"    place: {rng.choice(pool).slug}")
                lines.append("    note: " + yq(rng.choice(data["meeting_notes"])))
        lines.append("contacts:")
        lines.append(f"  - role: {data['coordinator']}")
        lines.append(f"    email: kumppanuus@{slug[:30].strip('-')}.example.org")
        lines.append("---")
        return slug, "\n".join(lines) + "\n" + data["body"]

