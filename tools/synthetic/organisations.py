"""Organisations: associations and foundations with names, summaries, contacts, business
IDs, activities (activities.py) and a Markdown description (text.py), one file each."""

from __future__ import annotations

import datetime as dt
import itertools
import random
import re
from dataclasses import dataclass

from tools.synthetic.activities import ActivityWriter
from tools.synthetic.contacts import ContactWriter
from tools.synthetic.draws import Stats, unique_id
from tools.synthetic.seasons import DAY
from tools.synthetic.text import compose, count_words
from tools.synthetic.world import (
    FI_BANK,
    FOUNDATION_NAMES,
    FOUNDATION_ROLES,
    NICKS,
    ORG_ROLES,
    ORG_TYPES,
    STREETS,
    SV_BANK,
    Municipality,
    OrgType,
    Region,
    cumulative_weights,
)
from tools.synthetic.yamltext import block_text, flow_list, join_words, slugify, text_field


@dataclass(frozen=True)
class Org:
    """What partnerships need to know of a written organisation."""

    slug: str
    municipalities: tuple[str, ...]
    type_key: str


class OrganisationWriter(ContactWriter):
    """Writes organisations one at a time; remembers names, slugs and IDs already used."""

    def __init__(self, rng: random.Random, today: dt.date, region: Region,
                 activity_writer: ActivityWriter, stats: Stats, stale_share: float = 0.0):
        super().__init__(rng, today)
        self.region = region
        self.municipalities = region.municipalities
        self.weights = cumulative_weights(self.municipalities)
        self.type_weights = list(itertools.accumulate(t.weight for t in ORG_TYPES))
        self.activity_writer = activity_writer
        self.stats = stats
        self.stale_share = stale_share
        self.org_names: set[str] = set()
        self.org_slugs: set[str] = set()
        self.orgs: list[Org] = []

    def pick_municipality(self) -> Municipality:
        """A municipality, drawn by population (world.cumulative_weights)."""
        return self.rng.choices(self.municipalities, cum_weights=self.weights)[0]

    def org_name(self, otype: OrgType, home: Municipality, swedish: bool,
                 foundation: bool) -> tuple[str, str]:
        """(Finnish name or "", Swedish name or ""), not used before."""
        rng = self.rng
        key = name_fi = name_sv = ""  # each attempt sets all three; the loop always runs
        for attempt in range(12):
            nick = rng.choice(NICKS)
            if swedish:
                template_sv, template_fi = rng.choice(otype.sv_names)
                with_sv = [d for d in home.districts if d.sv]
                district = rng.choice(with_sv) if with_sv and rng.random() < 0.3 else None
                area_sv = district.sv if district else home.sv
                area_fi = district.gen if district else home.gen
                name_sv = template_sv.format(sv=area_sv, nick=nick)
                name_fi = template_fi.format(gen=area_fi) if template_fi and \
                    rng.random() < 0.6 else ""
                if attempt >= 8:
                    name_sv = name_sv.replace(" rf", f" {nick} rf")
                key = name_sv
            else:
                roll = rng.random()
                if roll < 0.45 or not home.districts and roll < 0.8:
                    area = home.gen
                elif roll < 0.8:
                    area = rng.choice(home.districts).gen
                elif roll < 0.92:
                    area = f"{home.gen} Seudun"
                else:
                    area = self.region.gen
                template = rng.choice(FOUNDATION_NAMES if foundation else otype.fi_names)
                name_fi = template.format(area=area, nick=nick)
                if attempt >= 8:
                    name_fi = re.sub(r" (ry|sr)$", rf" {rng.choice(NICKS)} \1", name_fi)
                name_sv, key = "", name_fi
            if key not in self.org_names:
                self.org_names.add(key)
                return name_fi, name_sv
        number = 2
        while f"{key} ({number})" in self.org_names:
            number += 1
        self.org_names.add(f"{key} ({number})")
        return (f"{name_fi} ({number})" if name_fi and not swedish else name_fi,
                f"{name_sv} ({number})" if swedish else name_sv)

    def organisation(self) -> tuple[str, str]:
        """(slug, the Markdown file) of a new organisation: front matter, then a body."""
        rng = self.rng
        home = self.pick_municipality()
        swedish = self.chance(home.swedish)
        otype = rng.choices(ORG_TYPES, cum_weights=self.type_weights)[0]
        foundation = not swedish and self.chance(0.07)
        municipalities = [home]
        for _ in range(rng.choice((0, 0, 0, 0, 0, 0, 0, 1, 1, 2))):
            other = self.pick_municipality()
            if other not in municipalities:
                municipalities.append(other)
        name_fi, name_sv = self.org_name(otype, home, swedish, foundation)
        own_name = name_sv if swedish else name_fi
        short = re.sub(r" (ry|rf|sr)( \(\d+\))?$", r"\2", own_name)
        slug = unique_id(slugify(short)[:60].strip("-"), self.org_slugs)
        self.orgs.append(Org(slug, tuple(m.id for m in municipalities), otype.key))
        domain = slug[:40].strip("-") + ".example.org"
        bilingual = home.bilingual
        lines = ["---"]
        names = {}
        if name_fi:
            names["fi"] = name_fi
        if name_sv:
            names["sv"] = name_sv
        lines += text_field("name", names, "")
        loc_fi = join_words([m.loc for m in municipalities], "ja")
        loc_sv = "i " + join_words([m.sv for m in municipalities], "och")
        loc_en = "in " + join_words([m.fi for m in municipalities], "and")
        what, aud = otype.what, otype.aud
        summary = self.texts(f"{what[0][:1].upper()}{what[0][1:]} {aud[0]} {loc_fi}.",
                             f"{what[1][:1].upper()}{what[1][1:]} {aud[1]} {loc_sv}.",
                             f"{what[2][:1].upper()}{what[2][1:]} {aud[2]} {loc_en}.",
                             swedish, 0.75 if bilingual else 0.6, 0.55)
        lines += text_field("summary", summary, "")
        if self.chance(0.92):
            lines.append(f"business_id: {self.business_id()}")
        if self.chance(0.85):
            lines.append(f"website: https://{domain}")
        if self.chance(0.9):
            lines.append(f"email: {'info' if self.chance(0.5) else 'toimisto'}@{domain}")
        if self.chance(0.6):
            lines.append(f"phone: {self.phone()}")
        if self.chance(0.7):
            street_fi, street_sv = rng.choice(STREETS)
            number, postal = rng.randint(1, 60), rng.choice(home.postal)
            address = {"fi": f"{street_fi} {number}, {postal} {home.fi}"}
            if swedish or (bilingual and self.chance(0.5)):
                address["sv"] = f"{street_sv} {number}, {postal} {home.sv}"
            lines += text_field("address", address, "")
        lines.append(f"municipalities: {flow_list([m.id for m in municipalities])}")
        themes = rng.sample(otype.themes, rng.randint(2, len(otype.themes)))
        lines.append(f"themes: {flow_list(themes)}")
        if self.chance(0.5):
            expertise = rng.sample(otype.expertise, rng.randint(1, min(2, len(otype.expertise))))
            lines.append(f"expertise: {flow_list(expertise)}")
        roles = rng.sample(FOUNDATION_ROLES if foundation else ORG_ROLES,
                           rng.choice((1, 1, 1, 2, 2, 2, 3)))
        lines.append("contacts:")
        for index, role in enumerate(roles):
            name = basis = ""
            if index == 0 and role[0] in ("Puheenjohtaja", "Toiminnanjohtaja") and \
                    self.chance(0.3):
                name, basis = self.person(swedish), "role"
            elif self.chance(0.03):
                name, basis = self.person(swedish), "consent"
            self.contact(lines, "  ", role, domain, swedish, bilingual, name, basis)
        roll = rng.random()
        if roll < self.stale_share:
            lines.append(f"reviewed: {self.today - DAY * rng.randint(400, 800)}")
        elif roll < self.stale_share + (1 - self.stale_share) * 0.94:
            lines.append(f"reviewed: {self.today - DAY * rng.randint(0, 340)}")
        activities = self.activity_writer.activities(lines, otype, home, municipalities,
                                                     swedish, domain, slug)
        body = self.description(lines, otype, home, foundation, swedish, short, name_fi,
                                (what, aud, loc_fi, loc_sv, domain), activities)
        lines.append("---")
        self.stats.organisations += 1
        return slug, "\n".join(lines) + "\n" + body

    def description(self, lines: list[str], otype: OrgType, home: Municipality,
                    foundation: bool, swedish: bool, short: str, name_fi: str,
                    words: tuple[tuple[str, ...], tuple[str, ...], str, str, str],
                    activities: list[tuple[str, str, str, str]]) -> str:
        """The Markdown body (Finnish, or for a Swedish organisation perhaps a shorter Finnish
        one); a Swedish description goes into the front matter's `body: sv:`. `words`: what it
        offers, for whom, where in Finnish and Swedish, and its domain."""
        rng = self.rng
        what, aud, loc_fi, loc_sv, domain = words
        bilingual = home.bilingual
        slots: dict[str, object] = {
            "name": short, "year": rng.randint(1948, 2021), "what": what[0], "aud": aud[0],
            "loc": loc_fi, "admin": home.admin_gen, "members": rng.randrange(40, 900, 10),
            "vol": rng.randrange(8, 80, 2), "staff": rng.choice(("kaksi", "kolme", "neljä",
                                                                 "viisi", "kuusi")),
            "events": rng.randrange(30, 400, 10), "visits": rng.randrange(500, 9000, 100),
            "fee": rng.choice((10, 12, 15, 20, 25)), "domain": domain,
            "kind": "säätiö" if foundation else "yhdistys",
            "act1": activities[0][0], "act2": activities[1][0],
        }
        slots["_s" if foundation else "_y"] = ""
        if otype.federation:
            slots["fed"] = otype.federation
        has_site = any(line.startswith("website:") for line in lines)
        if swedish:
            sv_slots = dict(slots, name=short, what=what[1], aud=aud[1], loc=loc_sv,
                            kind="förening", act1=activities[0][1], act2=activities[1][1])
            target = self.body_target()
            body_sv = compose(rng, SV_BANK, otype.facts_sv, sv_slots,
                              [(a[1], a[3]) for a in activities], target, link=has_site)
            self.stats.body_words.append(count_words(body_sv))
            lines.append("body:")
            block_text(lines, "sv", body_sv, "  ")
            body = compose(rng, FI_BANK, otype.facts_fi, dict(slots, name=name_fi or short),
                           [(a[0], a[2]) for a in activities],
                           int(rng.gauss(110, 20)), heading=self.chance(0.4), link=False) \
                if self.chance(0.4) else ""
        else:
            body = compose(rng, FI_BANK, otype.facts_fi, slots,
                           [(a[0], a[2]) for a in activities], self.body_target(),
                           link=has_site)
            self.stats.body_words.append(count_words(body))
            if self.chance(0.3 if bilingual else 0.04):
                sv_slots = dict(slots, what=what[1], aud=aud[1], loc=loc_sv, kind="förening",
                                act1=activities[0][1], act2=activities[1][1])
                body_sv = compose(rng, SV_BANK, otype.facts_sv, sv_slots,
                                  [(a[1], a[3]) for a in activities], int(rng.gauss(150, 30)),
                                  heading=self.chance(0.5), link=False)
                lines.append("body:")
                block_text(lines, "sv", body_sv, "  ")
        return body

    def body_target(self) -> int:
        """Words in a body: about 260, from 140 to 420."""
        return int(min(420, max(140, self.rng.gauss(262, 50))))
