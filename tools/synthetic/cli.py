"""The command: ``python -m tools.synthetic`` (or ``bench/generate.py``, which runs this)."""

from __future__ import annotations

import argparse
import datetime as dt
import time
from pathlib import Path

import tools.synthetic
from tools.synthetic.folder import MARKER
from tools.synthetic.generator import DEFAULT_TODAY, LARGE, generate
from tools.synthetic.world import REGIONS


def parser() -> argparse.ArgumentParser:
    doc = tools.synthetic.__doc__ or ""
    made = argparse.ArgumentParser(description=doc.split("\n\n")[0],
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    made.add_argument("--organisations", type=int, required=True, metavar="N",
                      help="number of organisations (the issue's sizes: 300, 3000, 30000)")
    made.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    made.add_argument("--out", type=Path, required=True, metavar="DIR",
                      help=f"content folder to write; replaced only if it has {MARKER}")
    made.add_argument("--today", type=dt.date.fromisoformat, default=DEFAULT_TODAY,
                      help=f"the day dates are placed around (default {DEFAULT_TODAY})")
    made.add_argument("--region", choices=("auto", *REGIONS), default="auto",
                      help=f"municipalities (auto: Keski-Uusimaa up to {LARGE} "
                      "organisations, else all of Uusimaa)")
    made.add_argument("--stale-share", type=float, default=0.0, metavar="P",
                      help="share of organisations reviewed over a year ago (default 0: "
                      "no stale-review warnings)")
    return made


def main(argv: list[str] | None = None) -> int:
    """Generate a region as the arguments say; one summary line on stdout."""
    command = parser()
    args = command.parse_args(argv)
    if args.organisations < 1:
        command.error("--organisations must be at least 1")
    started = time.perf_counter()
    stats = generate(args.out, args.organisations, args.seed, args.today, args.region,
                     args.stale_share)
    seconds = time.perf_counter() - started
    print(f"{stats.summary()}; {seconds:.2f} s -> {args.out}")
    return 0
