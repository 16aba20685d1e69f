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

    def run(self, *tasks: dict[str, Any]) -> list[Any]:
        request = {"shapes": self.shapes, "tasks": list(tasks)}
        done = subprocess.run([str(NODE), str(RUNNER), str(self.admin)], input=json.dumps(request),
                              capture_output=True, text=True, timeout=120, check=False)
        assert done.returncode == 0, done.stderr
        results = json.loads(done.stdout)["results"]
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


def loaded(tmp_path: Path, files: dict[str, str]):
    """The example content with these files (path under content/ → text), loaded by the real
    loader; fails with its problems."""
    root = tmp_path / "content"
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(CONTENT, root)
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
