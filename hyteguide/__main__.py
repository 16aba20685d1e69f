import sys

from hyteguide.cli.main import main

sys.exit(main())
