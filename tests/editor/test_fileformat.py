"""The form editor's file format (templates/assets/admin/fileformat.js), run in node.

Files stay human (issue 22, point 3): a file read into the form and saved unchanged is written
back byte for byte; a save that changes one field changes one line; what the editor writes
anew is in the style of the example content; and whatever the editor typed, our loader
(PyYAML, hyteguide.content.load) reads back exactly that. The module runs as the built site
serves it: admin/fileformat.js with its modules and admin/lib/yaml/ (the yaml package's
browser build), driven by tests/node/fileformat_runner.mjs; the entry's data goes through
Immutable.fromJS(...).toJS() as Decap CMS holds it between reading and saving.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from tests.editor.fileformat import (
    CONTENT,
    HOSTILE,
    OLOHUONE,
    changed_lines,
    example,
    example_files,
    front_matter,
    loaded,
)

# -- (a) what the editor did not change stays byte for byte -----------------------------------


def test_every_example_file_is_saved_back_byte_for_byte(fmt):
    files = example_files()
    assert len(files) > 50
    saved = fmt.run(*({"op": "edit", "collection": collection, "changes": [],
                       "text": path.read_text(encoding="utf-8")} for collection, path in files))
    differ = [path.name for (_, path), text in zip(files, saved, strict=True)
              if text != path.read_text(encoding="utf-8")]
    assert not differ


def test_the_form_holds_one_shape_whatever_the_file_wrote(fmt):
    [form] = fmt.run({"op": "from", "collection": "organisations",
                      "text": example("organisations", "keravan-olohuone.md")})
    assert form["name"] == {"fi": "Keravan Olohuone ry"}
    first, second = form["activities"]
    assert first["title"] == {"fi": "Olohuone", "sv": "Vardagsrummet"}
    assert first["cost"] == {"keyword": "free"} and first["drop_in"] is True
    weekly, monthly = first["schedule"]
    assert weekly["kind"] == "weekly" and weekly["weekly"] == ["tue", "thu"]
    assert weekly["time"] == ["10:00-14:00"] and weekly["from"] == "2026-08-15"
    assert weekly["except"] == [{"from": "2026-12-08", "until": "2026-12-08"},
                                {"from": "2026-10-19", "until": "2026-10-23"}]
    assert weekly["cancelled"] == [{"date": "2026-11-03"}]
    assert monthly["kind"] == "monthly" and monthly["monthly"] == ["2nd mon"]
    assert second["registration"]["fi"].startswith("Ilmoittaudu")
    assert form["body"]["fi"].startswith("Olohuone on kaikille avoin")
    [place] = fmt.run({"op": "from", "collection": "places",
                       "text": example("places", "keravan-kirjasto.yaml")})
    assert place["coordinates"] == {"latitude": 60.4037, "longitude": 25.105}


def test_the_format_reads_the_yaml_our_loader_reads(fmt):
    """The yaml package (YAML 1.1, failsafe) and PyYAML as our loader composes it agree on
    every example file and on hostile scalars written in every quoting style."""
    texts = [(path.read_text(encoding="utf-8"), "frontmatter" if path.suffix == ".md" else "yaml")
             for _, path in example_files()]
    for value in HOSTILE[:-1]:
        escaped = json.dumps(value, ensure_ascii=False)
        texts.append((f"a: {escaped}\nb: [{escaped}]\nc: {{d: {escaped}}}\n", "yaml"))
        if "\n" not in value and value == value.strip():
            single = value.replace("'", "''")
            texts.append((f"a: '{single}'\nb: |\n  {value}\n  x\n", "yaml"))
    texts.append((HAND_WRITTEN, "frontmatter"))
    read = fmt.run(*({"op": "plain", "text": text, "kind": kind} for text, kind in texts))
    differ = [text for (text, _), data in zip(texts, read, strict=True)
              if data != front_matter(text)]
    assert not differ


HAND_WRITTEN = """\
---
# Päivitetty syksyllä; kysy Liisalta
name: Käsin kirjoitettu ry   # virallinen nimi
summary: {fi: 'Lyhyt kuvaus', sv: "Kort beskrivning"}
municipalities:
    - kerava      # neljän välin sisennys
    - tuusula
themes: [ mielenterveys,vertaistuki ]

activities:
  - id: kerho
    title: Kerho
    summary: Kerho kaikille.
    format: kerho
    vanha_kentta: {mita: tahansa}    # lomake ei tunne tätä
    schedule:
      - weekly: [ma, ke]
        time: 10:00-12:00
        except:
          - 2026-12-24
          - {from: 2026-07-01, until: 2026-07-31}
x-tuntematon: säilyy
---
Teksti *tässä*.
"""


def test_comments_styles_and_unknown_keys_survive_a_save_that_does_not_touch_them(fmt,
                                                                                 tmp_path):
    assert fmt.edit("organisations", HAND_WRITTEN) == HAND_WRITTEN
    crlf = HAND_WRITTEN.replace("\n", "\r\n")
    assert fmt.edit("organisations", crlf) == crlf
    mixed = HAND_WRITTEN.replace("\n", "\r\n", 3)
    assert fmt.edit("organisations", mixed) == mixed
    [form] = fmt.run({"op": "from", "collection": "organisations", "text": HAND_WRITTEN})
    assert form["summary"] == {"fi": "Lyhyt kuvaus", "sv": "Kort beskrivning"}
    assert form["municipalities"] == ["kerava", "tuusula"]
    rule = form["activities"][0]["schedule"][0]
    assert rule["weekly"] == ["mon", "wed"] and rule["time"] == ["10:00-12:00"]
    assert form["activities"][0]["vanha_kentta"] == {"mita": "tahansa"}
    assert form["x-tuntematon"] == "säilyy"
    saved = fmt.edit("organisations", HAND_WRITTEN,
                     {"path": ["activities", 0, "summary", "fi"], "value": "Kerho kaikille!"})
    assert changed_lines(HAND_WRITTEN, saved) == (["    summary: Kerho kaikille."],
                                                  ["    summary: Kerho kaikille!"])
    # a file written with Windows line ends keeps them, also on the changed line
    saved = fmt.edit("organisations", crlf,
                     {"path": ["activities", 0, "summary", "fi"], "value": "Kerho kaikille!"})
    assert saved == crlf.replace("Kerho kaikille.", "Kerho kaikille!")


# -- (b) one changed field is one changed line ------------------------------------------------

ONE_LINE_EDITS = [
    pytest.param(["name", "fi"], "Keravan Olohuone ry – kohtaamispaikka",
                 ("name: Keravan Olohuone ry", "name: Keravan Olohuone ry – kohtaamispaikka"),
                 ["name"], "Keravan Olohuone ry – kohtaamispaikka", id="title"),
    pytest.param(["activities", 0, "schedule", 0, "time"], ["10:00-15:30"],
                 ('        time: "10:00-14:00"', '        time: "10:00-15:30"'),
                 ["activities", 0, "schedule", 0, "time"], "10:00-15:30", id="time"),
    pytest.param(["activities", 0, "schedule", 0, "weekly"], ["tue", "fri"],
                 ("      - weekly: [tue, thu]", "      - weekly: [tue, fri]"),
                 ["activities", 0, "schedule", 0, "weekly"], ["tue", "fri"], id="weekday"),
    pytest.param(["activities", 1, "schedule", 0, "cancelled", 0, "note", "fi"],
                 "Ohjaaja sairastui, ryhmä jatkuu 2.12.",
                 ('        cancelled: [{date: 2026-11-25, note: "Ohjaaja koulutuksessa, ryhmä '
                  'jatkuu 2.12."}]',
                  '        cancelled: [{date: 2026-11-25, note: "Ohjaaja sairastui, ryhmä jatkuu '
                  '2.12."}]'),
                 ["activities", 1, "schedule", 0, "cancelled", 0, "note"],
                 "Ohjaaja sairastui, ryhmä jatkuu 2.12.", id="cancelled-note"),
    pytest.param(["phone"], "+358 40 000 1234",
                 ('phone: "+358 40 000 0000"', 'phone: "+358 40 000 1234"'),
                 ["phone"], "+358 40 000 1234", id="phone"),
    pytest.param(["activities", 1, "summary", "sv"], "En sluten kamratstödsgrupp för vuxna.",
                 ("      sv: Sluten kamratstödsgrupp för vuxna som återhämtar sig från depression "
                  "eller ångest.", "      sv: En sluten kamratstödsgrupp för vuxna."),
                 ["activities", 1, "summary", "sv"], "En sluten kamratstödsgrupp för vuxna.",
                 id="swedish-summary"),
]


@pytest.mark.parametrize(("path", "value", "lines", "read_at", "expected"), ONE_LINE_EDITS)
def test_changing_one_field_changes_one_line(fmt, tmp_path, path, value, lines, read_at,
                                             expected):
    before = (CONTENT / OLOHUONE).read_text(encoding="utf-8")
    saved = fmt.edit("organisations", before, {"path": path, "value": value})
    assert changed_lines(before, saved) == ([lines[0]], [lines[1]])
    loaded(tmp_path, {OLOHUONE: saved})
    node = front_matter(saved)
    for key in read_at:
        node = node[key]
    assert node == expected


def test_in_every_example_file_a_title_and_a_time_change_two_lines(fmt, tmp_path):
    """Across the example's own variety: the last activity's title and the first time of a
    schedule, in every organisation; the address of every place."""
    tasks, expected = [], {}
    for path in sorted((CONTENT / "organisations").iterdir()):
        text = path.read_text(encoding="utf-8")
        [form] = fmt.run({"op": "from", "collection": "organisations", "text": text})
        last = len(form["activities"]) - 1
        changes = [{"path": ["activities", last, "title", "fi"], "value": "Uusi nimi: ryhmä"}]
        ruled = [i for i, a in enumerate(form["activities"]) if a.get("schedule")
                 and a["schedule"][0].get("time")]
        if ruled:
            changes.append({"path": ["activities", ruled[0], "schedule", 0, "time", 0],
                            "value": "06:15-07:45"})
        tasks.append({"op": "edit", "collection": "organisations", "text": text,
                      "changes": changes})
        expected[f"organisations/{path.name}"] = (text, len(changes), last, ruled[:1])
    for path in sorted((CONTENT / "places").iterdir()):
        text = path.read_text(encoding="utf-8")
        tasks.append({"op": "edit", "collection": "places", "text": text,
                      "changes": [{"path": ["address", "fi"], "value": "Uusikatu 5 B"}]})
        expected[f"places/{path.name}"] = (text, 1, None, [])
    saved = dict(zip(expected, fmt.run(*tasks), strict=True))
    for name, (before, count, last, ruled) in expected.items():
        removed, added = changed_lines(before, saved[name])
        assert len(removed) == len(added) == count, (name, removed, added)
        data = front_matter(saved[name])
        if last is None:
            address = data["address"]
            assert (address if isinstance(address, str) else address["fi"]) == "Uusikatu 5 B"
            continue
        title = data["activities"][last]["title"]
        assert (title if isinstance(title, str) else title["fi"]) == "Uusi nimi: ryhmä"
        for index in ruled:
            time = data["activities"][index]["schedule"][0]["time"]
            assert (time if isinstance(time, str) else time[0]) == "06:15-07:45"
    loaded(tmp_path, saved)


def test_register_names_one_format_per_collection(fmt):
    [calls] = fmt.run({"op": "register"})
    assert calls == [["hyteguide-organisations", "md"], ["hyteguide-places", "yaml"],
                     ["hyteguide-partnerships", "md"], ["hyteguide-pages", "md"]]


def leaves(value: Any, path: tuple = ()) -> list[tuple[tuple, Any]]:
    """Every scalar of a form value with its path (the kept file text, rule kinds and
    keywords aside)."""
    if isinstance(value, dict):
        # (a keyword is one of a few words: another word is a text, not a changed keyword)
        return [leaf for key, item in value.items() if key not in ("_source", "kind", "keyword")
                for leaf in leaves(item, (*path, key))]
    if isinstance(value, list):
        return [leaf for index, item in enumerate(value) for leaf in leaves(item, (*path, index))]
    return [(path, value)]


def changed(value: Any) -> Any:
    """Another value of the same kind: an "x" before a text's first line, a number one more,
    a flag turned."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, (int, float)):
        return value + 1
    return "x" + value


def test_any_one_value_changed_in_any_example_file_is_one_changed_line(fmt):
    """Every scalar of every example file's form, changed alone: one line out (the lines of
    a folded text), one line in, and the saved file read back has the new value."""
    tasks, cases = [], []
    for collection, path in example_files():
        text = path.read_text(encoding="utf-8")
        [form] = fmt.run({"op": "from", "collection": collection, "text": text})
        for where, value in leaves(form):
            tasks.append({"op": "edit", "collection": collection, "text": text,
                          "changes": [{"path": list(where), "value": changed(value)}]})
            cases.append((collection, path.name, text, where, value))
    assert len(cases) > 2000
    saved = fmt.run(*tasks)
    read = fmt.run(*({"op": "from", "collection": collection, "text": after}
                     for (collection, *_), after in zip(cases, saved, strict=True)))
    wrong = []
    for (_, name, before, where, value), after, form in zip(cases, saved, read, strict=True):
        removed, added = changed_lines(before, after)
        node = form
        for key in where:
            node = node[key] if isinstance(node, (dict, list)) and (
                isinstance(node, dict) and key in node or isinstance(node, list)
                and isinstance(key, int) and key < len(node)) else None
        # a text folded over lines (`>-`) is written on one line when changed: no folding
        folded = bool(removed) and re.search(r": >[-+]?$", removed[0]) is not None
        # opening hours in words edited as the note move there: the key line changes too
        moved = "opening_hours:" in removed and "opening_hours_note:" in added
        if moved:
            removed, added = removed[1:], added[1:]
        if (len(removed) != 1 and not folded) or len(added) != 1 or node != changed(value):
            wrong.append((name, where, removed, added))
    assert not wrong, f"{len(wrong)} of {len(cases)}: {wrong[:5]}"
