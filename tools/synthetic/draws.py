"""What every part of the generator shares: one seeded Random to draw from, and the counts
that the command's summary line reports.

Every writer (places, schedules, organisations, region files) draws from the same Random in a
fixed order and never iterates a set or hash order, so one seed gives byte-identical regions.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field


@dataclass
class Stats:
    """Counts of what was written (mutable: the writers add to it as they go)."""

    organisations: int = 0
    activities: int = 0
    places: int = 0
    partnerships: int = 0
    rules: dict[str, int] = field(default_factory=dict)
    body_words: list[int] = field(default_factory=list)

    def count_rule(self, kind: str) -> None:
        self.rules[kind] = self.rules.get(kind, 0) + 1

    def summary(self) -> str:
        """The command's one-line report of sizes, words and schedule forms."""
        words = self.body_words
        return (f"{self.organisations} organisations, {self.activities} activities, "
                f"{self.places} places, {self.partnerships} partnerships; body words mean "
                f"{sum(words) / len(words):.1f} (min {min(words)}, max {max(words)}); "
                f"schedule rules "
                f"{', '.join(f'{k} {v}' for k, v in sorted(self.rules.items()))}")


class Draws:
    """Random choices of the kinds every writer makes, from the shared Random."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def phone(self) -> str:
        """A made-up Finnish number (000 in the middle: never a real subscriber), quoted."""
        prefix = self.rng.choice(("40", "44", "50", "9"))
        return f'"+358 {prefix} 000 {self.rng.randint(0, 9999):04d}"'

    def texts(self, fi: str, sv: str, en: str, swedish: bool, p_sv: float,
              p_en: float) -> dict[str, str]:
        """A text in the languages an organisation would write it in."""
        if swedish:
            chosen = {"sv": sv} if self.chance(0.2) else {"fi": fi, "sv": sv}
        else:
            chosen = {"fi": fi}
            if self.chance(p_sv):
                chosen["sv"] = sv
        if en and self.chance(p_en):
            chosen["en"] = en
        return chosen

    def pair(self, pair: tuple[str, ...], swedish: bool, **slots: object) -> dict[str, str]:
        """A (Finnish, Swedish) pair as one language or both, as a Swedish or Finnish
        organisation would write it."""
        fi, sv = (p.format(**slots) for p in pair)
        if swedish:
            return {"fi": fi, "sv": sv} if self.chance(0.7) else {"sv": sv}
        return {"fi": fi, "sv": sv} if self.chance(0.15) else {"fi": fi}


def unique_id(wanted: str, used: set[str]) -> str:
    """`wanted`, or `wanted-2`, `wanted-3`… whichever is not yet used (then it is)."""
    slug, k = wanted, 2
    while slug in used:
        slug, k = f"{wanted}-{k}", k + 1
    used.add(slug)
    return slug
