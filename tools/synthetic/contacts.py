"""Contacts as organisations list them: a role with an e-mail address, sometimes a phone
number, and now and then a person's name (by role, or with consent until a day); and the
business ID (Y-tunnus) with a valid check digit."""

from __future__ import annotations

import datetime as dt
import random

from tools.synthetic.draws import Draws
from tools.synthetic.seasons import DAY
from tools.synthetic.world import FI_FIRST, FI_LAST, SV_FIRST, SV_LAST
from tools.synthetic.yamltext import text_field


def business_id_check_digit(first7: str) -> int | None:
    """The Y-tunnus check digit (weights 7, 9, 10, 5, 8, 4, 2; modulo 11; 1 is never valid)."""
    remainder = sum(int(d) * w for d, w in zip(first7, (7, 9, 10, 5, 8, 4, 2), strict=True)) % 11
    if remainder == 1:
        return None
    return 0 if remainder == 0 else 11 - remainder


class ContactWriter(Draws):
    """Writes contacts; `today` dates consents."""

    def __init__(self, rng: random.Random, today: dt.date):
        super().__init__(rng)
        self.today = today
        self.business_ids: set[str] = set()

    def business_id(self) -> str:
        """A valid business ID not given before."""
        while True:
            first7 = f"{self.rng.randint(1000000, 3299999):07d}"
            check = business_id_check_digit(first7)
            if check is None:
                continue
            value = f"{first7}-{check}"
            if value not in self.business_ids:
                self.business_ids.add(value)
                return value

    def contact(self, lines: list[str], indent: str, role: tuple[str, ...],
                domain: str, swedish: bool, bilingual: bool, name: str = "",
                basis: str = "") -> None:
        """A contacts entry for a role (fi, e-mail local part, sv, Swedish local part)."""
        fi, local_fi, sv, local_sv = role
        roles = {"fi": fi, "sv": sv} if swedish or (bilingual and self.chance(0.4)) \
            else {"fi": fi}
        first = text_field("role", roles, "", flow=True)[0]
        lines.append(f"{indent}- {first}")
        inner = indent + "  "
        if name:
            lines.append(f"{inner}name: {name}")
            lines.append(f"{inner}basis: {basis}")
            if basis == "consent":
                until = self.today + DAY * self.rng.randint(60, 720)
                lines.append(f"{inner}consent_until: {until}")
        lines.append(f"{inner}email: {local_sv if swedish else local_fi}@{domain}")
        if self.chance(0.4):
            lines.append(f"{inner}phone: {self.phone()}")

    def person(self, swedish: bool) -> str:
        """A made-up first and last name."""
        first, last = (SV_FIRST, SV_LAST) if swedish else (FI_FIRST, FI_LAST)
        return f"{self.rng.choice(first)} {self.rng.choice(last)}"
