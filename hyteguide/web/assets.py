"""The site's own assets as the site serves them: the files of the templates' assets folders,
except where a script holds a table the Python side owns. The filter definition
(hyteguide/derive/filters.py) is written into assets/lib/filters.js here, so that the browser
and the build filter by one definition, not by a copy kept in step by hand."""

from __future__ import annotations

import json
from pathlib import Path

from hyteguide.derive.filters import browser_table

FILTER_SCRIPT = "lib/filters.js"
# Where lib/filters.js takes the table: replaced by the table as JSON. A region's own copy of the
# script without it is served as it is.
FILTER_TABLE = b"/* the filter table, written here by the build (derive/filters.py) */ null"


def asset_data(name: str, path: Path) -> bytes:
    """The bytes of the asset at `name` (its path under assets/), read from `path`."""
    data = path.read_bytes()
    if name == FILTER_SCRIPT:
        table = json.dumps(browser_table(), ensure_ascii=False, separators=(", ", ": "))
        data = data.replace(FILTER_TABLE, table.encode("utf-8"), 1)
    return data
