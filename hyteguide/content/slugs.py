"""Slugs: the ids in file names and addresses, what they may contain, and one made from a name."""

from __future__ import annotations

import re
import unicodedata

SLUG_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"  # file names, activity ids: a-z, 0-9, inner hyphens
TERM_PATTERN = r"[a-z0-9]+(?:[-_][a-z0-9]+)*"  # vocabulary term ids may also have '_'


def suggest_slug(name: str) -> str:
    """A file name slug: 'Järvenpään Café ry' → 'jarvenpaan-cafe-ry'."""
    plain = unicodedata.normalize("NFKD", name.lower())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")
    return slug or "name"
