"""Build the bundled content/ into site/: the same as `hyteguide build`."""

import sys

from hyteguide.cli.main import main

if __name__ == "__main__":
    sys.exit(main(["build", *sys.argv[1:]]))
