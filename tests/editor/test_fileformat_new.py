"""The form editor's file format: new entries from the form alone, and whatever the editor
types read back exactly by our loader; files the format cannot read or write are never
overwritten (issue 22, point 3; see test_fileformat.py)."""

from __future__ import annotations

import json
import random

import yaml

from tests.editor.fileformat import (
    CONTENT,
    HOSTILE,
    OLOHUONE,
    changed_lines,
    front_matter,
    loaded,
)

# -- (d) a new entry from the form alone --------------------------------------------------------

NEW_ORGANISATION = {
    "name": {"fi": "Uusi kävely ry", "sv": "", "en": ""},
    "summary": {"fi": "Kävelijöiden yhdistys Keravalla.", "sv": "Promenadförening i Kervo.",
                "en": ""},
    "business_id": "", "website": "", "email": "", "phone": "+358 40 000 9999",
    "municipalities": ["kerava"], "themes": [], "expertise": [],
    "contacts": [{"role": {"fi": "Puheenjohtaja"}, "name": "", "email": "pj@kavely.example.org",
                  "phone": "", "basis": "", "consent_until": ""}],
    "reviewed": "2026-12-07",
    "activities": [{
        "id": "kavelyryhma", "title": {"fi": "Kävelyryhmä", "sv": "Promenadgrupp", "en": ""},
        "summary": {"fi": "Yhteinen kävely joka tiistai.", "sv": "", "en": ""},
        "format": "liikuntaryhma", "themes": ["liikunta"], "audiences": [],
        "place": "keravan-kirjasto", "languages": ["fi", "sv"], "cost": {"keyword": "free"},
        "registration": {"keyword": "none"}, "low_threshold": True, "drop_in": False,
        "schedule": [{
            "kind": "weekly", "weekly": ["tue"], "every": None, "monthly": [], "date": [],
            "rrule": "", "time": ["10:00-11:30"], "from": "2026-08-18", "until": "2027-05-25",
            "except": [{"from": "2026-12-21", "until": "2027-01-06"}],
            "cancelled": [{"date": "2026-11-10", "note": {"fi": "Ohjaaja lomalla", "sv": ""}}],
            "also": [], "holidays": "", "note": {"fi": "", "sv": "", "en": ""}, "place": ""}],
        "description": {"fi": "", "sv": "", "en": ""}, "contacts": [], "co_organisers": []}],
    "body": {"fi": "Kävelemme yhdessä.\n\n## Mukaan\n\nTule paikalle.", "sv": "", "en": ""},
}

NEW_ORGANISATION_FILE = """\
---
name: Uusi kävely ry
summary:
  fi: Kävelijöiden yhdistys Keravalla.
  sv: Promenadförening i Kervo.
phone: "+358 40 000 9999"
municipalities: [kerava]
contacts:
  - role: Puheenjohtaja
    email: pj@kavely.example.org
reviewed: 2026-12-07
activities:
  - id: kavelyryhma
    title: {fi: Kävelyryhmä, sv: Promenadgrupp}
    summary: Yhteinen kävely joka tiistai.
    format: liikuntaryhma
    themes: [liikunta]
    place: keravan-kirjasto
    languages: [fi, sv]
    cost: free
    registration: none
    low_threshold: true
    schedule:
      - weekly: [tue]
        time: "10:00-11:30"
        from: 2026-08-18
        until: 2027-05-25
        except: [{from: 2026-12-21, until: 2027-01-06}]
        cancelled: [{date: 2026-11-10, note: Ohjaaja lomalla}]
---
Kävelemme yhdessä.

## Mukaan

Tule paikalle.
"""


def test_a_new_organisation_is_written_in_the_guides_style_and_loads(fmt, tmp_path):
    [text] = fmt.run({"op": "to", "collection": "organisations", "data": NEW_ORGANISATION})
    assert text == NEW_ORGANISATION_FILE
    content = loaded(tmp_path, {"organisations/uusi-kavely.md": text})
    [new] = [o for o in content.organisations if o.slug == "uusi-kavely"]
    activity = new.activities[0]
    assert dict(activity.title.items) == {"fi": "Kävelyryhmä", "sv": "Promenadgrupp"}
    rule = activity.schedule[0]
    assert len(rule.cancelled) == 1 and len(rule.exceptions) == 1
    # read back into the form, it is the form's data (less what the form left empty)
    [form] = fmt.run({"op": "from", "collection": "organisations", "text": text})
    assert form["activities"][0]["schedule"][0]["except"] == [
        {"from": "2026-12-21", "until": "2027-01-06"}]
    assert form["body"]["fi"] == NEW_ORGANISATION["body"]["fi"] + "\n"


# -- (e) whatever the editor types, the loader reads back ---------------------------------------


def test_hostile_texts_are_read_back_exactly(fmt, tmp_path):
    olohuone = (CONTENT / OLOHUONE).read_text(encoding="utf-8")
    saved = fmt.run(*({"op": "edit", "collection": "organisations", "text": olohuone,
                       "changes": [{"path": ["activities", 0, "title", "sv"], "value": value},
                                   {"path": ["activities", 1, "registration"],
                                    "value": {"fi": value}}]} for value in HOSTILE))
    for value, text in zip(HOSTILE, saved, strict=True):
        activity = front_matter(text)["activities"][0]
        assert activity["title"]["sv"] == value
        assert front_matter(text)["activities"][1]["registration"] == value
        assert len(changed_lines(olohuone, text)[1]) == 2  # the title's line and the registration's
    # our loader reads every scalar as text, but other YAML readers (PyYAML's own types, YAML
    # 1.1 tools) would not: what looks like a boolean, null, date or number is quoted
    for value, text in zip(HOSTILE, saved, strict=True):
        if value in ("yes", "no", "null", "~", "2026-08-17", "0777", "1e3", "12:00"):
            assert yaml.safe_load(text.split("---\n")[1])["activities"][0]["title"]["sv"] == value
    # the loader accepts them where the schema does (a newline in a one-line field it refuses)
    for value, text in zip(HOSTILE, saved, strict=True):
        if value.strip() == value and "\n" not in value and "\t" not in value:
            content = loaded(tmp_path, {OLOHUONE: text})
            [olohuone_model] = [o for o in content.organisations if o.slug == "keravan-olohuone"]
            assert dict(olohuone_model.activities[0].title.items)["sv"] == value
    # a new file, too
    data = json.loads(json.dumps(NEW_ORGANISATION))
    written = fmt.run(*({"op": "to", "collection": "organisations",
                         "data": {**data, "name": {"fi": value}}} for value in HOSTILE))
    assert [front_matter(text)["name"] for text in written] == HOSTILE


def test_random_texts_of_yaml_characters_are_read_back_exactly(fmt):
    """Texts drawn (with a fixed seed) from the characters YAML gives meaning to, in a title
    (a line) and a description (Markdown): PyYAML reads back each as typed."""
    # (not control characters: the loader refuses them however they are written)
    alphabet = list(":#-{}[],&*!|>'\"%@`?~=<+.\\ \t\nax0Ä🙂")
    rng = random.Random(22)
    texts = sorted({"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))
                    for _ in range(400)})
    olohuone = (CONTENT / OLOHUONE).read_text(encoding="utf-8")
    saved = fmt.run(*({"op": "edit", "collection": "organisations", "text": olohuone,
                       "changes": [{"path": ["activities", 0, "title", "sv"], "value": text},
                                   {"path": ["activities", 0, "description"],
                                    "value": {"fi": text}}]} for text in texts))
    wrong = []
    for text, after in zip(texts, saved, strict=True):
        activity = front_matter(after)["activities"][0]
        described = activity["description"]
        # a Markdown text of several lines is a `|` block: it ends with a newline
        if activity["title"]["sv"] != text or described not in (text, text + "\n"):
            wrong.append((text, activity["title"]["sv"], described))
    assert not wrong, wrong[:5]


def test_a_file_the_format_cannot_read_is_never_overwritten_from_an_empty_form(fmt):
    broken = "---\nname: [rikki\n---\nTeksti.\n"
    [form] = fmt.run({"op": "from", "collection": "organisations", "text": broken})
    assert form["_source"] == broken and "YAML" in form["_error"]
    [answer] = fmt.answers({"op": "to", "collection": "organisations",
                            "data": {**form, "name": {"fi": "Uusi"}}})
    assert "cannot be saved from the form" in answer["error"]


def test_a_save_that_would_not_hold_the_form_stops_naming_the_field(fmt):
    """Every save is read back before it is handed to Decap: a value the format cannot write
    as the form holds it (here a number where the schema has a text) stops the save."""
    olohuone = (CONTENT / OLOHUONE).read_text(encoding="utf-8")
    [form] = fmt.run({"op": "from", "collection": "organisations", "text": olohuone})
    [answer] = fmt.answers({"op": "to", "collection": "organisations",
                            "data": {**form, "phone": {"n": 1}}})
    assert "would not hold the form's phone" in answer["error"]
