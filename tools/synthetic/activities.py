"""An organisation's activities: titles, summaries, format, themes and audiences from the
type's templates (data/organisation_types.yaml), a place or an online address, languages, cost,
registration, a schedule (schedules.py), notes and contacts."""

from __future__ import annotations

import datetime as dt
import random

from tools.synthetic.contacts import ContactWriter
from tools.synthetic.draws import Stats, unique_id
from tools.synthetic.places import PlaceWriter
from tools.synthetic.schedules import ScheduleWriter
from tools.synthetic.world import (
    ACTIVITY_NOTES_FI,
    ACTIVITY_NOTES_SV,
    ACTIVITY_ROLES,
    ADVICE_REGISTRATIONS,
    COSTS,
    COURSE_COSTS,
    EVENT_COSTS,
    GENERIC_ACTIVITIES,
    NICKS,
    REGISTRATIONS,
    SENSITIVE_AUDIENCES,
    VOLUNTEER_REGISTRATIONS,
    Municipality,
    OrgType,
)
from tools.synthetic.yamltext import flow_list, slugify, text_field


class ActivityWriter(ContactWriter):
    """Writes activities into an organisation's front matter."""

    def __init__(self, rng: random.Random, today: dt.date, places: PlaceWriter,
                 schedules: ScheduleWriter, stats: Stats):
        super().__init__(rng, today)
        self.places = places
        self.schedules = schedules
        self.stats = stats

    def activities(self, lines: list[str], otype: OrgType, home: Municipality,
                   municipalities: list[Municipality], swedish: bool, domain: str,
                   org_slug: str) -> list[tuple[str, str, str, str]]:
        """Writes the activities; returns (fi title, sv title, fi summary, sv summary) of each."""
        rng = self.rng
        count = rng.choices((3, 4, 5, 6, 7), (1, 2, 4, 2, 1))[0]
        own = list(otype.activities)
        rng.shuffle(own)
        generic = list(GENERIC_ACTIVITIES)
        rng.shuffle(generic)
        take = min(len(own), max(1, count - rng.choice((1, 1, 2, 2, 3))))
        chosen = own[:take] + generic[:count - take]
        lines.append("activities:")
        ids: set[str] = set()
        written = []
        for template in chosen:
            nick = rng.choice(NICKS)
            title_fi, title_sv, title_en = (t.format(nick=nick)
                                            for t in (template.fi, template.sv, template.en))
            activity_id = unique_id(slugify(title_fi)[:40].strip("-"), ids)
            lines.append(f"  - id: {activity_id}")
            lines += text_field("title", self.texts(title_fi, title_sv, title_en, swedish,
                                                    0.3 if home.bilingual else 0.15, 0.12),
                                "    ", flow=True)
            lines += text_field("summary", self.texts(
                template.summary_fi, template.summary_sv, template.summary_en, swedish,
                0.35 if home.bilingual else 0.2, 0.15), "    ")
            lines.append(f"    format: {template.format}")
            if template.kind == "dropin" and self.chance(0.85):
                lines.append("    drop_in: true")
            if template.themes and self.chance(0.9):
                lines.append(f"    themes: {flow_list(template.themes)}")
            lines.append(f"    audiences: {flow_list(template.audiences)}")
            online = template.fi == "Chat-tuki" or (
                template.kind in ("advice", "course", "group") and self.chance(0.08))
            place_share = {"volunteer": 0.3, "advice": 0.6}.get(template.kind, 0.9)
            if (not online or self.chance(0.3)) and self.chance(place_share):
                where = home if self.chance(0.8) else rng.choice(municipalities)
                lines.append(f"    place: {self.places.pick_place(where, template.kind)}")
            if online:
                lines.append(f"    online: https://meet.example.org/{org_slug[:30]}-{activity_id}")
            lines.append(f"    languages: {flow_list(self.languages(otype, home, swedish))}")
            free = self.cost(lines, template.kind, swedish)
            registered = self.registration(lines, template.kind, swedish)
            if free and not registered and self.chance(0.7):
                lines.append("    low_threshold: true")
            daytime = "ikaantyneet" in template.audiences and self.chance(0.8) or self.chance(0.4)
            rules = self.schedules.schedule(template, daytime, swedish)
            if rules:
                lines.append("    schedule:")
                for rule in rules:
                    for index, (key, value) in enumerate(rule):
                        lines.append(f"      {'- ' if index == 0 else '  '}{key}: {value}")
            if self.chance(0.25):
                notes = ACTIVITY_NOTES_SV if swedish else ACTIVITY_NOTES_FI
                text = " ".join(s.format(n=rng.randrange(8, 30, 2))
                                for s in rng.sample(notes, rng.randint(1, 3)))
                lines += text_field("description", {"sv" if swedish else "fi": text}, "    ")
            if self.chance(0.25):
                lines.append("    contacts:")
                role = rng.choice(ACTIVITY_ROLES)
                sensitive = any(a in SENSITIVE_AUDIENCES for a in template.audiences)
                if not sensitive and self.chance(0.08):
                    self.contact(lines, "      ", role, domain, swedish, home.bilingual,
                                 self.person(swedish), "consent")
                else:
                    self.contact(lines, "      ", role, domain, swedish, home.bilingual)
            self.stats.activities += 1
            written.append((title_fi, title_sv, template.summary_fi, template.summary_sv))
        return written

    def languages(self, otype: OrgType, home: Municipality, swedish: bool) -> list[str]:
        """An activity's languages: the organisation's, sometimes with others."""
        if swedish:
            return ["sv"] if self.chance(0.5) else ["sv", "fi"]
        chosen = ["fi"]
        if self.chance(0.4 if home.bilingual else 0.08):
            chosen.append("sv")
        if otype.languages and self.chance(0.6):
            for extra in self.rng.sample(otype.languages, self.rng.randint(1, 2)):
                if extra not in chosen:
                    chosen.append(extra)
        elif self.chance(0.06):
            chosen.append(self.rng.choice(("en", "selkokieli")))
        return chosen

    def cost(self, lines: list[str], kind: str, swedish: bool) -> bool:
        """Writes the cost (or none); returns whether the activity is free."""
        rng = self.rng
        free_share = {"dropin": 0.85, "advice": 0.95, "volunteer": 1.0, "group": 0.8,
                      "exercise": 0.4, "course": 0.35, "event": 0.6, "club": 0.5}[kind]
        if self.chance(free_share):
            lines.append("    cost: free")
            return True
        if self.chance(0.1):
            return False  # not given
        bank = {"course": COURSE_COSTS, "event": EVENT_COSTS}.get(kind, COSTS)
        lines += text_field("cost", self.pair(rng.choice(bank), swedish), "    ", flow=True)
        return False

    def registration(self, lines: list[str], kind: str, swedish: bool) -> bool:
        """Writes how to register; returns whether registration is needed."""
        rng = self.rng
        needed = {"dropin": 0.02, "advice": 0.5, "volunteer": 0.9, "group": 0.5,
                  "exercise": 0.25, "course": 0.95, "event": 0.35, "club": 0.15}[kind]
        if not self.chance(needed):
            lines.append("    registration: none")
            return False
        bank = {"advice": ADVICE_REGISTRATIONS,
                "volunteer": VOLUNTEER_REGISTRATIONS}.get(kind, REGISTRATIONS)
        texts = self.pair(rng.choice(bank), swedish, n=rng.randrange(8, 25))
        lines += text_field("registration", texts, "    ")
        return True
