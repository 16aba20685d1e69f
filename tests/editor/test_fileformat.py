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

import datetime as dt
import difflib
import json
import random
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from hyteguide.common.problems import ContentError
from hyteguide.content.load import load_content
from hyteguide.content.yamlsource import parse_yaml, split_front_matter
from hyteguide.editor.shapes import shapes_document
from tests.search.test_searchtext import NODE, NODE_MODULES, unavailable

REPO = Path(__file__).resolve().parents[2]
CONTENT = REPO / "content"
ADMIN = REPO / "templates" / "assets" / "admin"
RUNNER = REPO / "tests" / "node" / "fileformat_runner.mjs"
YAML_BROWSER = NODE_MODULES / "yaml" / "browser" / "dist"
TODAY = dt.date(2026, 12, 7)
LANGUAGES = ("fi", "sv", "en")
FOLDERS = {"organisations": "organisations", "places": "places",
           "partnerships": "partnerships", "pages": "pages"}


class Format:
    """fileformat.js in node, laid out as the built site's admin/ folder."""

    def __init__(self, site: Path):
        self.admin = site / "admin"
        self.shapes = shapes_document(LANGUAGES)

    def answers(self, *tasks: dict[str, Any]) -> list[dict[str, Any]]:
        """Each task's {"value"} or {"error"}."""
        request = {"shapes": self.shapes, "tasks": list(tasks)}
        done = subprocess.run([str(NODE), str(RUNNER), str(self.admin)], input=json.dumps(request),
                              capture_output=True, text=True, timeout=300, check=False)
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)["results"]

    def run(self, *tasks: dict[str, Any]) -> list[Any]:
        """Each task's value; fails on any error."""
        results = self.answers(*tasks)
        errors = [result["error"] for result in results if "error" in result]
        assert not errors, errors[0]
        return [result["value"] for result in results]

    def edit(self, collection: str, text: str, *changes: dict[str, Any]) -> str:
        [saved] = self.run({"op": "edit", "collection": collection, "text": text,
                            "changes": list(changes)})
        return saved


@pytest.fixture(scope="session")
def fmt(tmp_path_factory) -> Format:
    if not NODE.is_file():
        unavailable(f"{NODE} is missing: apt-get install nodejs")
    if not (YAML_BROWSER / "index.js").is_file() or not (NODE_MODULES / "immutable").is_dir():
        unavailable("node_modules/yaml or immutable is missing: run npm ci")
    site = tmp_path_factory.mktemp("site")
    (site / "package.json").write_text('{"type": "module"}\n', encoding="utf-8")
    shutil.copytree(YAML_BROWSER, site / "admin" / "lib" / "yaml")
    for script in ADMIN.glob("*.js"):
        shutil.copy(script, site / "admin" / script.name)
    return Format(site)


def example(collection: str, name: str) -> str:
    return (CONTENT / FOLDERS[collection] / name).read_text(encoding="utf-8")


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    """The lines a diff removes and adds."""
    diff = list(difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0))
    removed = [line[1:] for line in diff[2:] if line.startswith("-")]
    added = [line[1:] for line in diff[2:] if line.startswith("+")]
    return removed, added


_WRITTEN: dict[Path, tuple[str, ...]] = {}


def loaded(tmp_path: Path, files: dict[str, str]):
    """The example content with these files (path under content/ → text), loaded by the real
    loader; fails with its problems."""
    root = tmp_path / "content"
    if not root.exists():
        shutil.copytree(CONTENT, root)
    for name in _WRITTEN.pop(root, ()):  # an earlier call's files: back to the example's
        if (CONTENT / name).is_file():
            shutil.copy(CONTENT / name, root / name)
        else:
            (root / name).unlink()
    _WRITTEN[root] = tuple(files)
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    try:
        content = load_content(root, TODAY)
    except ContentError as error:
        pytest.fail(f"the loader refused the saved file:\n{error}")
    warnings = [w for w in content.extra.get("warnings", ()) if any(n in str(w) for n in files)]
    assert not warnings, warnings
    return content


def front_matter(text: str) -> Any:
    """The file's YAML as our loader reads it (every scalar a text)."""
    if text.startswith("---"):
        split, problems = split_front_matter("x.md", text)
        assert split is not None, problems
        root = split.document.root
    else:
        document, problems = parse_yaml("x.yaml", text)
        assert document is not None, problems
        root = document.root
    return plain(root)


def plain(node: yaml.Node | None) -> Any:
    if isinstance(node, yaml.MappingNode):
        return {key.value: plain(value) for key, value in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [plain(item) for item in node.value]
    return None if node is None else node.value


# -- (a) what the editor did not change stays byte for byte -----------------------------------

def example_files() -> list[tuple[str, Path]]:
    return [(collection, path) for collection, folder in FOLDERS.items()
            for path in sorted((CONTENT / folder).iterdir())]


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

OLOHUONE = "organisations/keravan-olohuone.md"

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


# -- (c) adding and removing --------------------------------------------------------------------

def test_adding_a_cancelled_day_a_swedish_title_and_removing_fields(fmt, tmp_path):
    before = (CONTENT / OLOHUONE).read_text(encoding="utf-8")
    saved = fmt.edit("organisations", before,
                     {"path": ["activities", 0, "schedule", 0, "cancelled", "+"],
                      "value": {"date": "2026-12-01", "note": {"fi": ""}}})
    assert changed_lines(before, saved) == (["        cancelled: [2026-11-03]"],
                                            ["        cancelled: [2026-11-03, 2026-12-01]"])
    saved = fmt.edit("organisations", before,
                     {"path": ["activities", 0, "schedule", 0, "cancelled", "+"],
                      "value": {"date": "2026-12-01", "note": {"fi": "Joulujuhlat"}}})
    assert changed_lines(before, saved)[1] == [
        "        cancelled: [2026-11-03, {date: 2026-12-01, note: Joulujuhlat}]"]
    content = loaded(tmp_path, {OLOHUONE: saved})
    [olohuone] = [o for o in content.organisations if o.slug == "keravan-olohuone"]
    assert len(olohuone.activities[0].schedule[0].cancelled) == 2

    # a plain title gains a Swedish one: {fi, sv}
    name = "hyvinkaa-nurmijarvi-omaishoitajat.md"
    plain_title = example("organisations", name)
    saved = fmt.edit("organisations", plain_title,
                     {"path": ["activities", 0, "title", "sv"],
                      "value": "Närståendevårdarnas café"})
    assert changed_lines(plain_title, saved) == (
        ["    title: Omaishoitajien kahvila"],
        ["    title: {fi: Omaishoitajien kahvila, sv: Närståendevårdarnas café}"])
    loaded(tmp_path, {f"organisations/{name}": saved})

    # a contact's e-mail emptied is removed; a flag the file has is written false; a flag the
    # file does not have stays out when the form holds it false
    saved = fmt.edit("organisations", before,
                     {"path": ["activities", 0, "low_threshold"], "value": False},
                     {"path": ["activities", 1, "drop_in"], "value": False},
                     {"path": ["contacts", 0, "email"], "value": ""})
    assert changed_lines(before, saved) == (
        ["    email: johtaja@olohuone.example.org", "    low_threshold: true"],
        ["    low_threshold: false"])
    # the first line of a rule names its kind: a monthly rule made weekly
    saved = fmt.edit("organisations", before,
                     {"path": ["activities", 0, "schedule", 1, "kind"], "value": "weekly"},
                     {"path": ["activities", 0, "schedule", 1, "weekly"], "value": ["mon"]})
    assert changed_lines(before, saved) == (["      - monthly: 2nd mon"],
                                            ["      - weekly: [mon]"])
    loaded(tmp_path, {OLOHUONE: saved})
    # the first lines of a list item removed, and a field added before the rest
    saved = fmt.edit("organisations", before,
                     {"path": ["activities", 0, "schedule", 0, "weekly"], "value": []},
                     {"path": ["activities", 0, "schedule", 0, "time"], "value": []},
                     {"path": ["activities", 0, "schedule", 0, "kind"], "value": "date"},
                     {"path": ["activities", 0, "schedule", 0, "date"], "value": ["2026-12-01"]})
    assert changed_lines(before, saved) == (
        ["      - weekly: [tue, thu]", '        time: "10:00-14:00"'],
        ["      - date: 2026-12-01"])


def test_a_body_and_opening_hours_change_only_their_lines(fmt, tmp_path):
    page = example("pages", "tietoa.md")
    saved = fmt.edit("pages", page, {"path": ["body", "fi"],
                                     "value": page.split("---\n", 2)[2].replace("Hyte", "HYTE", 1)})
    removed, added = changed_lines(page, saved)
    assert len(removed) == len(added) == 1 and "HYTE" in added[0]
    # the Markdown input drops the body's last newline: the same body, the file unchanged
    [form] = fmt.run({"op": "from", "collection": "pages", "text": page})
    unchanged = fmt.edit("pages", page,
                         {"path": ["body", "en"], "value": form["body"]["en"].rstrip()},
                         {"path": ["body", "fi"], "value": form["body"]["fi"].rstrip()})
    assert unchanged == page
    swedish = form["body"]["sv"].replace("Hyte-guiden", "Guiden", 1)
    saved = fmt.edit("pages", page, {"path": ["body", "sv"], "value": swedish})
    assert len(changed_lines(page, saved)[1]) == 1
    loaded(tmp_path, {"pages/tietoa.md": saved})
    assert front_matter(saved)["body"]["sv"].startswith("Guiden samlar")

    place = example("places", "keravan-kirjasto.yaml")
    [form] = fmt.run({"op": "from", "collection": "places", "text": place})
    assert not form.get("opening_hours")
    saved = fmt.edit("places", place, {"path": ["opening_hours"], "value": [
        {"days": ["mon", "tue"], "time": "10:00-18:00"}]})
    assert changed_lines(place, saved) == (
        [], ["opening_hours:", '  - {days: [mon, tue], time: "10:00-18:00"}'])
    loaded(tmp_path, {"places/keravan-kirjasto.yaml": saved})


def test_opening_hours_in_words_become_the_note_and_stay_until_changed(fmt, tmp_path):
    place = example("places", "nurmijarven-luontopolku.yaml")
    [form] = fmt.run({"op": "from", "collection": "places", "text": place})
    assert form["opening_hours"] == [] and form["opening_hours_note"] == {"fi": "Aina avoinna."}
    assert fmt.edit("places", place) == place
    saved = fmt.edit("places", place,
                     {"path": ["opening_hours_note", "sv"], "value": "Alltid öppet."})
    # the words now live in the note: written there, and gone from opening_hours
    assert changed_lines(place, saved) == (["opening_hours: Aina avoinna."], [
        "opening_hours_note:", "  fi: Aina avoinna.", "  sv: Alltid öppet."])
    loaded(tmp_path, {"places/nurmijarven-luontopolku.yaml": saved})
    # words in languages, too
    languages = example("places", "kervo-foreningshus.yaml")
    saved = fmt.edit("places", languages,
                     {"path": ["opening_hours_note", "en"], "value": "Open during events."})
    assert front_matter(saved)["opening_hours_note"]["en"] == "Open during events."
    assert "opening_hours" not in front_matter(saved)
    loaded(tmp_path, {"places/kervo-foreningshus.yaml": saved})
    # days and times given: the words stay, as the note
    saved = fmt.edit("places", place, {"path": ["opening_hours"],
                                       "value": [{"days": ["sat"], "time": "10:00-12:00"}]})
    assert changed_lines(place, saved) == (["opening_hours: Aina avoinna."], [
        "opening_hours:", '  - {days: [sat], time: "10:00-12:00"}',
        "opening_hours_note: Aina avoinna."])
    loaded(tmp_path, {"places/nurmijarven-luontopolku.yaml": saved})


COMMENTED = """\
---
name: Kommentoitu ry
summary: Kuvaus.
municipalities: [kerava]
activities:
  - id: kerho  # tunniste pysyy
    title: Kerho
    summary: Kerho.
    format: kerho
    registration:
      fi: Soita ohjaajalle.
      # ruotsiksi myöhemmin
      sv: Ring ledaren.
    schedule:
      - weekly: [tue]   # tiistaisin
        # kesällä tauko
        time: "10:00-12:00"
        cancelled: [2026-11-03]  # syysloma
---
"""


def test_comments_inside_a_changed_list_item_stay_unless_on_a_rewritten_line(fmt):
    saved = fmt.edit("organisations", COMMENTED,
                     {"path": ["activities", 0, "schedule", 0, "time"], "value": ["11:00-12:00"]})
    assert changed_lines(COMMENTED, saved) == (['        time: "10:00-12:00"'],
                                               ['        time: "11:00-12:00"'])
    # a comment at the end of a rewritten line is kept with it
    saved = fmt.edit("organisations", COMMENTED,
                     {"path": ["activities", 0, "schedule", 0, "weekly"], "value": ["wed"]})
    assert changed_lines(COMMENTED, saved)[1] == ["      - weekly: [wed]   # tiistaisin"]
    # a comment inside a value written anew (a flow list growing into a block) is lost
    saved = fmt.edit("organisations", COMMENTED,
                     {"path": ["activities", 0, "schedule", 0, "cancelled", "+"],
                      "value": {"date": "2026-11-10"}})
    assert "cancelled: [2026-11-03, 2026-11-10]  # syysloma" in saved
    # a comment inside a value written anew as a whole is lost (documented in the README)
    saved = fmt.edit("organisations", COMMENTED,
                     {"path": ["activities", 0, "registration"], "value": {"keyword": "none"}})
    assert changed_lines(COMMENTED, saved) == (
        ["    registration:", "      fi: Soita ohjaajalle.", "      # ruotsiksi myöhemmin",
         "      sv: Ring ledaren."], ["    registration: none"])
    # … but one between languages stays when one language changes
    saved = fmt.edit("organisations", COMMENTED,
                     {"path": ["activities", 0, "registration", "sv"], "value": "Ring oss."})
    assert changed_lines(COMMENTED, saved) == (["      sv: Ring ledaren."],
                                               ["      sv: Ring oss."])


def test_a_file_with_empty_front_matter_gets_its_fields_before_its_text(fmt):
    empty = "---\n---\nTeksti.\n"
    saved = fmt.edit("organisations", empty, {"path": ["name"], "value": {"fi": "Nimi ry"}},
                     {"path": ["municipalities"], "value": ["kerava"]})
    assert saved == "---\nname: Nimi ry\nmunicipalities: [kerava]\n---\nTeksti.\n"


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

HOSTILE = ["{{7*7}}", "yes", "no", "12:00", "- x", "#x", " alussa välilyönti", "lopussa ",
           "rivi\ntoinen", "null", "~", "2026-08-17", "0777", "1e3", "@x", "*x", "&x", "!x",
           "%x", "[x]", "a: b", "a #b", "'lainaus'", '"lainaus"', "kova\\viiva", "tab\there",
           "<script>alert(1)</script>", "ääkköset ja 🙂", "x" * 10_000]


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
