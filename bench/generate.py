"""Generate a synthetic region in hyteguide's content format, for benchmarks.

The generator is the package ``tools/synthetic`` (shared with the tests); this script keeps
the command that ``bench/run.py``, ``tests/conftest.py`` and ``bench/RESULTS.md`` use::

    .venv/bin/python bench/generate.py --organisations 3000 --out /tmp/bench-region-3000

It is the same as ``.venv/bin/python -m tools.synthetic …`` from the repository root; the
options are described there (``--help``).
"""

from __future__ import annotations

import sys
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
if str(REPOSITORY) not in sys.path:  # run as a script from anywhere: tools/ is beside bench/
    sys.path.insert(0, str(REPOSITORY))

from tools.synthetic.cli import main  # noqa: E402 - needs the repository on the path

if __name__ == "__main__":
    sys.exit(main())
