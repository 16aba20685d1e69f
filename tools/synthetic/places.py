"""Places: main libraries, service centres, parish halls, outdoor tracks… with addresses,
coordinates, accessibility and opening hours, one YAML file each."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tools.synthetic.draws import Draws, unique_id
from tools.synthetic.world import (
    ACCESSIBILITY_NOTES,
    NICKS,
    OUTDOOR_NOTE,
    PLACE_KINDS,
    STREETS,
    Municipality,
    cumulative_weights,
)
from tools.synthetic.yamltext import flow_list, slugify, text_field


@dataclass(frozen=True)
class Place:
    slug: str
    municipality: str
    name: str
    outdoors: bool


class PlaceWriter(Draws):
    """Writes the places of a region and picks them for activities and meetings."""

    def __init__(self, rng: random.Random, municipalities: Sequence[Municipality], year: int):
        super().__init__(rng)
        self.municipalities = municipalities
        self.weights = cumulative_weights(municipalities)
        self.year = year  # the operating year (Sunday hours from its autumn)
        self.places: dict[str, list[Place]] = {m.id: [] for m in municipalities}
        self.indoor_places: dict[str, list[Place]] = {m.id: [] for m in municipalities}
        self.place_slugs: set[str] = set()

    def make_places(self, folder: Path, organisations: int) -> int:
        """One place for about every three organisations (at least one in each municipality,
        the first its main library), written to folder; returns how many."""
        count = max(len(self.municipalities), round(organisations / 3))
        plan = [m for m in self.municipalities]  # at least one place in each municipality
        plan += self.rng.choices(self.municipalities, cum_weights=self.weights,
                                 k=count - len(plan))
        for municipality in plan:
            slug, text = self.place(municipality)
            (folder / f"{slug}.yaml").write_text(text, encoding="utf-8")
        return count

    def place(self, m: Municipality) -> tuple[str, str]:
        """(slug, YAML) of a new place in the municipality; the first is its main library."""
        rng = self.rng
        first = not self.places[m.id]
        district = rng.choice(m.districts) if m.districts and self.chance(0.75) else None
        dgen = district.gen if district else m.gen
        dsv = district.sv if district and district.sv else m.sv
        nick = rng.choice(NICKS)
        if first:
            kind, fi, sv, outdoors = ("paakirjasto", "{gen} pääkirjasto", "{sv} huvudbibliotek",
                                      False)
        else:
            kind, fi, sv, outdoors = rng.choice(PLACE_KINDS)
        slots = {"gen": m.gen, "sv": m.sv, "dgen": dgen, "dsv": dsv, "nick": nick}
        name_fi, name_sv = fi.format(**slots), sv.format(**slots)
        street_fi, street_sv = rng.choice(STREETS)
        number = rng.randint(1, 60)
        slug = slugify(name_fi)
        if slug in self.place_slugs:  # a second place of the kind: named by its street
            name_fi = f"{name_fi} ({street_fi} {number})"
            name_sv = f"{name_sv} ({street_sv} {number})"
            slug = unique_id(slugify(name_fi), self.place_slugs)
        else:
            self.place_slugs.add(slug)
        self.places[m.id].append(Place(slug, m.id, name_fi, outdoors))
        if not outdoors:
            self.indoor_places[m.id].append(self.places[m.id][-1])
        lines: list[str] = []
        names = {"fi": name_fi, "sv": name_sv} if m.bilingual or self.chance(0.2) \
            else {"fi": name_fi}
        if kind in ("paakirjasto", "kirjasto") and self.chance(0.5):
            names["en"] = f"{district.fi if district and kind == 'kirjasto' else m.fi} Library"
        lines += text_field("name", names, "", flow=True)
        address = {"fi": f"{street_fi} {number}"}
        if m.bilingual:
            address["sv"] = f"{street_sv} {number}"
        lines += text_field("address", address, "", flow=True)
        lines.append(f'postal_code: "{rng.choice(m.postal)}"')
        lines.append(f"municipality: {m.id}")
        lat = m.lat + rng.uniform(-m.spread, m.spread)
        lon = m.lon + rng.uniform(-2 * m.spread, 2 * m.spread)
        lines.append(f"coordinates: [{lat:.4f}, {lon:.4f}]")
        if outdoors:
            lines.append("accessibility: [parking]" if self.chance(0.5) else "accessibility: []")
            lines += text_field("accessibility_note", self.pair(OUTDOOR_NOTE, m.bilingual), "")
            lines += text_field("opening_hours", {"fi": "Aina avoinna.", "sv": "Alltid öppen."}
                                if m.bilingual else {"fi": "Aina avoinna."}, "", flow=True)
        else:
            features = [f for f, p in (("wheelchair", 0.85), ("accessible_toilet", 0.7),
                                       ("induction_loop", 0.35), ("elevator", 0.3),
                                       ("parking", 0.45), ("public_transport", 0.5),
                                       ("quiet_room", 0.1), ("guide_dog", 0.15)) if self.chance(p)]
            lines.append(f"accessibility: {flow_list(features)}")
            if self.chance(0.4):
                lines += text_field("accessibility_note",
                                    self.pair(rng.choice(ACCESSIBILITY_NOTES), m.bilingual), "")
            self.opening_hours(lines, kind, m)
        if self.chance(0.6):
            metres = rng.choice((50, 100, 150, 200, 300, 400))
            lines += text_field("directions", self.pair(
                ("Bussipysäkki {street} noin {m} metrin päässä.",
                 "Busshållplatsen {street_sv} ligger ungefär {m} meter bort."),
                m.bilingual, street=street_fi, street_sv=street_sv, m=metres), "")
        if self.chance(0.25):
            lines += text_field("description", {"fi": rng.choice((
                "Tilassa on sali noin 40 hengelle, keittiö ja kaksi pienempää kokoushuonetta.",
                "Talon kahvio on avoinna arkisin, ja aulassa on ilmoitustaulu järjestöjen "
                "tapahtumille.",
                "Tilat on remontoitu vuonna 2021, ja niissä on hyvä äänentoisto.",
                "Piha-alueella on grillikatos ja penkkejä ulko-oleskeluun."))}, "")
        if kind in ("paakirjasto", "kirjasto", "palvelukeskus") and self.chance(0.5):
            lines.append(f"website: https://{slug}.example.org")
        if self.chance(0.2):
            lines.append(f"phone: {self.phone()}")
        return slug, "\n".join(lines) + "\n"

    def opening_hours(self, lines: list[str], kind: str, m: Municipality) -> None:
        """Opening hours by kind: a library's week, office hours, or hours in words."""
        rng = self.rng
        if kind in ("paakirjasto", "kirjasto"):
            lines.append("opening_hours:")
            lines.append('  - {days: [mon, tue, wed, thu], time: "10:00-20:00"}')
            lines.append('  - {days: [fri], time: "10:00-18:00"}')
            lines.append('  - {days: [sat], time: "10:00-16:00"}')
            if self.chance(0.5):
                lines.append(f'  - {{days: [sun], time: "12:00-16:00", from: {self.year}-09-01, '
                             f"until: {self.year + 1}-04-30}}")
        elif self.chance(0.15):  # the older form: hours in words
            lines += text_field("opening_hours", self.pair(
                ("Avoinna tilaisuuksien aikaan.", "Öppet under evenemangen."), m.bilingual), "")
            return
        else:
            start, end = rng.choice((("08:00", "16:00"), ("09:00", "15:00"), ("09:00", "17:00"),
                                     ("10:00", "18:00")))
            lines.append("opening_hours:")
            lines.append(f'  - {{days: [mon, tue, wed, thu, fri], time: "{start}-{end}"}}')
            if self.chance(0.3):
                lines.append('  - {days: [sat], time: "10:00-14:00"}')
        if self.chance(0.3):
            lines += text_field("opening_hours_note", self.pair(
                ("Suljettu arkipyhinä.", "Stängt på helgdagar."), m.bilingual), "")

    def pick_place(self, m: Municipality, kind: str) -> str:
        """A place in the municipality; the outdoor ones only for exercise and events."""
        places = self.places[m.id]
        if kind not in ("exercise", "event") and self.indoor_places[m.id]:
            places = self.indoor_places[m.id]
        return self.rng.choice(places).slug

    def all_places(self) -> list[Place]:
        """Every place, municipality by municipality (for region-wide meetings)."""
        return [p for ps in self.places.values() for p in ps]
