"""The synthetic region generator (tools/synthetic, run by bench/generate.py): its regions pass
`hyteguide check`, one seed gives the same bytes, and the days it picks for cancellations and
exceptions are the days hyteguide's own schedule engine holds a rule on."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TODAY = "2026-11-22"

sys.path.insert(0, str(REPO))  # tools/ is not installed; the generator runs from the checkout

from tools.synthetic.seasons import Seasons, monthly_held, weekly_held  # noqa: E402


def generate(out: Path, organisations: int, *extra: str) -> None:
    subprocess.run([sys.executable, str(REPO / "bench" / "generate.py"), "--organisations",
                    str(organisations), "--out", str(out), "--today", TODAY, *extra],
                   check=True, capture_output=True, timeout=120)


def digests(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_small_region_passes_check_and_is_the_same_for_the_same_seed(tmp_path):
    generate(tmp_path / "a", 20)
    generate(tmp_path / "b", 20, "--seed", "1", "--region", "keski-uusimaa")
    first, second = digests(tmp_path / "a"), digests(tmp_path / "b")
    assert first == second
    assert len([f for f in first if f.startswith("organisations/")]) == 20
    result = subprocess.run([sys.executable, "-m", "hyteguide", "check", "--content",
                             str(tmp_path / "a"), "--today", TODAY, "--format", "json"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stdout)["problems"] == []


def test_the_generator_refuses_a_folder_it_did_not_write(tmp_path):
    (tmp_path / "mine.txt").write_text("keep me", encoding="utf-8")
    result = subprocess.run([sys.executable, str(REPO / "bench" / "generate.py"),
                             "--organisations", "3", "--out", str(tmp_path)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode != 0 and "refusing" in result.stderr
    assert (tmp_path / "mine.txt").read_text(encoding="utf-8") == "keep me"


def test_held_days_skip_finnish_holidays_unless_included():
    # Thursdays of December 2026: Christmas Eve (24th) is a public holiday in `holidays`.
    first, last = dt.date(2026, 12, 1), dt.date(2026, 12, 31)
    thursdays = [dt.date(2026, 12, d) for d in (3, 10, 17, 24, 31)]
    assert weekly_held([3], first, last) == [d for d in thursdays if d.day != 24]
    assert weekly_held([3], first, last, holidays=True) == thursdays
    breaks = [(dt.date(2026, 12, 14), dt.date(2026, 12, 20))]
    assert dt.date(2026, 12, 17) not in weekly_held([3], first, last, breaks=breaks)
    # Every other week, counted from the week of `from`: the 10th and the 24th (a holiday).
    assert weekly_held([3], first, last, every=2, start=dt.date(2026, 12, 7)) == \
        [dt.date(2026, 12, 10)]
    assert weekly_held([3], first, last, every=2, start=dt.date(2026, 12, 7), holidays=True) \
        == [dt.date(2026, 12, 10), dt.date(2026, 12, 24)]
    # The 1st Sunday of December 2026 is Independence Day (6th), the last Friday is the 25th.
    assert monthly_held([(1, 6), (-1, 4)], first, last) == []
    assert monthly_held([(1, 6), (-1, 4)], first, last, holidays=True) == \
        [dt.date(2026, 12, 6), dt.date(2026, 12, 25)]


def test_the_seasons_around_today():
    seasons = Seasons.around(dt.date.fromisoformat(TODAY))
    assert seasons.year == 2026
    assert seasons.current_terms()[0] == (dt.date(2026, 8, 10), dt.date(2026, 12, 18))
    assert Seasons.around(dt.date(2027, 3, 1)).current_terms()[0][0] == dt.date(2027, 1, 8)
