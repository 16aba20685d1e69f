"""Generate a synthetic region in hyteguide's content format, for benchmarks and tests.

Usage (from the repository root, with the project's virtualenv)::

    .venv/bin/python bench/generate.py --organisations 3000 --out /tmp/bench-region-3000
    .venv/bin/python -m tools.synthetic --organisations 3000 --out /tmp/bench-region-3000
    .venv/bin/hyteguide check --content /tmp/bench-region-3000 --today 2026-11-22

Options: ``--organisations N`` (required), ``--out DIR`` (required), ``--seed 1``,
``--today 2026-11-22`` (every date is placed relative to this day: terms, cancellations,
events, ``reviewed``), ``--region auto|keski-uusimaa|uusimaa`` (auto: Keski-Uusimaa's six
municipalities up to 1,000 organisations, all 26 of Uusimaa above) and ``--stale-share 0``
(the share of organisations whose ``reviewed`` date is over a year old; 0 keeps
``hyteguide check`` free of warnings). The sizes of the issue: 300, 3,000 (Uusimaa) and 30,000.

It writes DIR/site.yaml, DIR/vocabulary.yaml (content/vocabulary.yaml byte for byte, plus the
other Uusimaa municipalities for the large region), DIR/organisations/*.md (3-7 activities
each, about 5 on average, a Finnish or Swedish Markdown body of about 250 words composed from
phrase banks), DIR/places/*.yaml (about one per three organisations), DIR/partnerships/*.md
(one table per municipality and a few theme networks) and DIR/pages/tietoa.md. The activities
use every schedule form of the schema: weekly (also every other week, Finnish day names,
``holidays: include``), monthly (``2nd mon``, ``last fri``, lists, day numbers), single
``date`` lists, ``rrule`` (INTERVAL, COUNT, YEARLY), ``from``/``until``, ``except`` days and
ranges, ``also``, ``cancelled`` (with and without notes), several times a day, ``note``.

Deterministic: one ``random.Random(seed)`` drives everything and no set or hash order is ever
iterated, so the same arguments give byte-identical output. Safe: DIR must be missing, empty,
or hold the marker file ``.bench-generated`` that the generator writes; the new region is
written to a sibling folder first and swapped in when complete. A one-line summary goes to
stdout at the end.

The package: ``world`` reads the municipalities, kinds of organisation, activity templates,
phrase banks and details from ``data/*.yaml`` (order matters: draws are by position);
``seasons`` places terms and breaks around ``--today`` and asks hyteguide's schedule engine
(``hyteguide.schedule.occurrences``, Finnish holidays from the ``holidays`` package) which days
a rule is held; ``schedules``, ``places``, ``contacts``, ``activities``, ``organisations`` and
``regionfiles`` write the files, ``text`` composes the descriptions, ``yamltext`` writes YAML
by hand as an editor would; ``generator`` runs them in order, ``folder`` swaps the result in
and ``cli`` is the command.
"""
