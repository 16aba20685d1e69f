"""One synthetic region: the writers of its parts, sharing one seeded Random, called in a
fixed order (the order is part of the output: another order draws other numbers)."""

from __future__ import annotations

import datetime as dt
import random
import shutil
from pathlib import Path

from tools.synthetic.activities import ActivityWriter
from tools.synthetic.draws import Stats
from tools.synthetic.folder import MARKER, prepare, swap_in
from tools.synthetic.organisations import OrganisationWriter
from tools.synthetic.places import PlaceWriter
from tools.synthetic.regionfiles import (
    PartnershipWriter,
    about_page,
    check_vocabulary,
    site_yaml,
    vocabulary_yaml,
)
from tools.synthetic.schedules import ScheduleWriter
from tools.synthetic.seasons import Seasons
from tools.synthetic.world import Region, region_named

DEFAULT_TODAY = dt.date(2026, 11, 22)
LARGE = 1000  # above this many organisations, `auto` takes all of Uusimaa


class Generator:
    """Writes one synthetic region; every random choice comes from one seeded Random."""

    def __init__(self, organisations: int, seed: int, today: dt.date, region: Region,
                 stale_share: float = 0.0):
        self.n = organisations
        self.today = today
        self.region = region
        self.stats = Stats()
        rng = random.Random(seed)
        self.seasons = Seasons.around(today)
        self.places = PlaceWriter(rng, region.municipalities, self.seasons.year)
        schedules = ScheduleWriter(rng, self.seasons, self.stats)
        activities = ActivityWriter(rng, today, self.places, schedules, self.stats)
        self.organisations = OrganisationWriter(rng, today, region, activities, self.stats,
                                                stale_share)
        self.partnerships = PartnershipWriter(rng, today, region, self.places, self.stats)

    def write(self, root: Path) -> None:
        """Every file of the region into root (an empty folder)."""
        (root / MARKER).write_text(f"Written by bench/generate.py (--organisations {self.n}, "
                                   f"--region {self.region.key}, --today {self.today}); "
                                   "it may delete and rewrite this folder.\n", encoding="utf-8")
        vocabulary = vocabulary_yaml(self.region.municipalities)
        check_vocabulary(vocabulary, self.region.municipalities)
        (root / "vocabulary.yaml").write_text(vocabulary, encoding="utf-8")
        (root / "site.yaml").write_text(site_yaml(self.region, self.today, self.seasons.year),
                                        encoding="utf-8")
        for folder in ("places", "organisations", "partnerships", "pages"):
            (root / folder).mkdir()
        self.stats.places = self.places.make_places(root / "places", self.n)
        for _ in range(self.n):
            slug, text = self.organisations.organisation()
            (root / "organisations" / f"{slug}.md").write_text(text, encoding="utf-8")
        self.partnerships.write(root / "partnerships", self.organisations.orgs)
        (root / "pages" / "tietoa.md").write_text(about_page(self.region), encoding="utf-8")


def generate(out: Path, organisations: int, seed: int = 1, today: dt.date = DEFAULT_TODAY,
             region: str = "auto", stale_share: float = 0.0) -> Stats:
    """Write a synthetic region of `organisations` organisations into `out`; return counts.
    `out` must be missing, empty or an earlier region (folder.prepare)."""
    if region == "auto":
        region = "keski-uusimaa" if organisations <= LARGE else "uusimaa"
    generator = Generator(organisations, seed, today, region_named(region), stale_share)
    work = prepare(out)
    try:
        generator.write(work)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    swap_in(work, out)
    return generator.stats
