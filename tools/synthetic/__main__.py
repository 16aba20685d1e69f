"""``python -m tools.synthetic --organisations N --out DIR`` (from the repository root)."""

import sys

from tools.synthetic.cli import main

sys.exit(main())
