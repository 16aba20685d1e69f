"""`hyteguide new organisation "Name"`: a valid, commented skeleton for editors to fill in."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from hyteguide.content.load import Loader, _suggest_slug

SKELETON = """\
---
# {name} – organisaation tiedot / organisation entry.
# Rivit, jotka alkavat #-merkillä, ovat ohjeita: poista # ottaaksesi kentän käyttöön.
# Lines starting with # are help: remove the # to use a field. Check with: hyteguide check

name: {quoted_name}
summary: Kirjoita tähän yksi lause siitä, mitä teette ja kenelle.
# business_id: 1234567-1           # Y-tunnus (valinnainen)
# website: https://www.example.org
# email: info@example.org
# phone: "+358 40 123 4567"        # lainausmerkeissä
# address: Katuosoite 1, 04200 Kerava
municipalities: [{municipality}]   # vocabulary.yaml: {municipalities}
# themes: [vertaistuki]           # vocabulary.yaml: themes
# expertise: [kokemusasiantuntijuus]
contacts:
  - role: Yhteyshenkilö            # rooli, ei henkilön nimeä / a role, not a person
    # email: info@example.org
reviewed: {today}                  # päivä, jolloin tiedot on viimeksi tarkistettu
activities: []
# activities:
#   - id: ryhma                    # lyhyt tunnus: a-z, 0-9, -
#     title: Ryhmän nimi
#     summary: Yksi lause: mitä, kenelle.
#     format: ryhma                # vocabulary.yaml: formats
#     audiences: [aikuiset]
#     place: paikan-tunnus         # places/<tunnus>.yaml
#     languages: [fi]
#     cost: free                   # free tai hinta sanoin
#     registration: none           # none tai miten ilmoittaudutaan
#     low_threshold: true
#     schedule:
#       - weekly: [tue]
#         time: "10:00-12:00"
#         from: 2026-09-01
#         until: 2026-12-15
---
Kirjoita tähän kuvaus organisaatiosta: mitä teette, kenelle ja miten mukaan pääsee.
Voit käyttää Markdownia: **lihavointi**, [linkki](https://www.example.org), luettelot.
"""


def new_organisation(content: Path, name: str, today: dt.date | None = None) -> Path:
    """Write organisations/<slug>.md for name; never overwrite an existing file."""
    slug = _suggest_slug(name)
    path = content / "organisations" / f"{slug}.md"
    if path.exists():
        raise FileExistsError(f"{path} already exists; edit it, or choose another name")
    loader = Loader(content)
    loader.load_site()
    vocabulary = loader.load_vocabulary()
    municipalities = sorted(vocabulary.group("municipalities")) if vocabulary else []
    path.parent.mkdir(parents=True, exist_ok=True)
    name = " ".join(name.split())  # every kind of line break would end a YAML comment
    path.write_text(SKELETON.format(
        name=name,
        quoted_name=json.dumps(name, ensure_ascii=False),
        municipality=municipalities[0] if municipalities else "kunta",
        municipalities=", ".join(municipalities) or "municipalities",
        today=(today or dt.date.today()).isoformat()), encoding="utf-8")
    return path
