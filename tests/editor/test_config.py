"""The form editor's config.yml (editor/config.py): made from the schema's form shapes, so
every field editors may write is in the form, with its label, and nothing else is."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from hyteguide.content.fields import Str
from hyteguide.content.load import load_content
from hyteguide.content.records import Field, Record
from hyteguide.content.schema import ORGANISATION
from hyteguide.editor.config import LOCAL_BACKEND, EditorConfig, github_repo
from hyteguide.editor.labels import labels
from hyteguide.editor.shapes import collection_shapes, record_shape

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def content():
    return load_content(ROOT / "content")


def make(content, lang="fi", hosts=()):
    return EditorConfig(content.site, content.vocabulary, "content", lang,
                        labels(lang)).config(hosts)


def names(widgets):
    return [w["name"] for w in widgets]


def field(widgets, name):
    return next(w for w in widgets if w["name"] == name)


def test_every_collection_has_every_field_of_its_record_in_the_schemas_order(content):
    config = make(content)
    collections = {c["name"]: c for c in config["collections"]}
    assert set(collections) == {"organisations", "places", "partnerships", "pages"}
    for name, shape in collection_shapes().items():
        collection = collections[name]
        assert collection["folder"] == f"content/{shape['folder']}"
        assert collection["format"] == f"hyteguide-{name}"
        assert names(collection["fields"]) == [f["name"] for f in shape["record"]["fields"]]


def test_nested_records_are_complete_down_to_a_cancelled_days_note(content):
    organisation = next(c for c in make(content)["collections"] if c["name"] == "organisations")
    activity = field(organisation["fields"], "activities")
    assert activity["widget"] == "list"
    assert "schedule" in names(activity["fields"])
    schedule = field(activity["fields"], "schedule")
    assert schedule["typeKey"] == "kind"
    kinds = {t["name"]: t for t in schedule["types"]}
    assert list(kinds) == ["weekly", "monthly", "date", "rrule"]
    weekly = names(kinds["weekly"]["fields"])
    assert weekly[0] == "weekly" and "every" in weekly
    assert "every" not in names(kinds["monthly"]["fields"])
    for kind, widget in kinds.items():
        own = field(widget["fields"], kind)
        assert own["required"] is True
        assert not {"weekly", "monthly", "date", "rrule"} - {kind} & set(names(widget["fields"]))
        for shared in ("time", "from", "until", "except", "also", "cancelled", "place"):
            assert shared in names(widget["fields"])
    cancelled = field(kinds["weekly"]["fields"], "cancelled")
    assert names(cancelled["fields"]) == ["date", "note"]
    note = field(cancelled["fields"], "note")
    assert names(note["fields"]) == ["fi", "sv", "en"]
    except_ = field(kinds["weekly"]["fields"], "except")
    assert names(except_["fields"]) == ["from", "until"]
    days = field(kinds["weekly"]["fields"], "weekly")
    assert days["widget"] == "select" and days["multiple"] is True
    assert [o["value"] for o in days["options"]] == ["mon", "tue", "wed", "thu", "fri", "sat",
                                                     "sun"]
    assert days["options"][0]["label"].lower() == "maanantai"


def test_terms_are_the_vocabularys_with_labels_in_the_interface_language(content):
    for lang in ("fi", "sv"):
        organisation = make(content, lang)["collections"][0]
        themes = field(organisation["fields"], "themes")
        vocabulary = content.vocabulary.group("themes")
        assert themes["multiple"] is True
        assert [o["value"] for o in themes["options"]] == list(vocabulary)
        assert [o["label"] for o in themes["options"]] == [
            t.label.get(lang)[0] for t in vocabulary.values()]
    assert field(make(content, "sv")["collections"][0]["fields"],
                 "themes")["options"][0]["label"] != field(
        make(content, "fi")["collections"][0]["fields"], "themes")["options"][0]["label"]


def test_translatable_texts_have_an_input_per_site_language_the_first_required(content):
    organisation = make(content)["collections"][0]
    name = field(organisation["fields"], "name")
    assert [(w["name"], w["required"]) for w in name["fields"]] == [
        ("fi", True), ("sv", False), ("en", False)]
    body = field(organisation["fields"], "body")
    assert {w["widget"] for w in body["fields"]} == {"text"}  # a textarea, not rich text


def test_references_choose_an_entry_of_the_other_collection_by_its_slug(content):
    activity = field(make(content)["collections"][0]["fields"], "activities")
    place = field(activity["fields"], "place")
    assert place["widget"] == "relation" and place["collection"] == "places"
    assert place["value_field"] == "{{slug}}"
    assert place["display_fields"] == ["name.fi", "address.fi"]  # a place may have no name
    co = field(activity["fields"], "co_organisers")
    assert co["display_fields"] == ["name.fi"]
    assert co["collection"] == "organisations" and co["multiple"] is True


def test_labels_and_hints_come_from_the_editors_catalogue(content):
    organisation = make(content)["collections"][0]
    assert organisation["label"] == labels("fi")["collections"]["organisations"]["label"]
    business_id = field(organisation["fields"], "business_id")
    assert business_id["label"] == "Y-tunnus"
    contacts = field(organisation["fields"], "contacts")
    basis = field(contacts["fields"], "basis")
    assert "hint" in basis and basis["hint"]  # the GDPR rule explained at the field


def test_a_new_schema_field_is_in_the_form_without_another_edit(content):
    record = Record("an organisation", (*ORGANISATION.fields,
                                        Field("newsletter", Str(), False, "newsletter address")))
    shape = record_shape(record)
    editor = EditorConfig(content.site, content.vocabulary, "content", "fi", labels("fi"))
    widgets = [editor.widget(f, "organisation") for f in shape["fields"]]
    added = field(widgets, "newsletter")
    assert added["widget"] == "string" and added["label"] == "newsletter address"


def test_the_published_editor_sends_changes_as_pull_requests(content):
    config = make(content)
    assert config["publish_mode"] == "editorial_workflow"
    assert config["backend"] == {"name": "github", "repo": "example/hyteguide",
                                 "branch": "main", "open_authoring": True,
                                 "squash_merges": True}
    assert "local_backend" not in config
    assert config["locale"] == "fi" and make(content, "sv")["locale"] == "sv"


def test_the_preview_saves_to_the_local_files(content):
    config = make(content, hosts=("localhost", "127.0.0.1"))
    assert config["local_backend"] == {"url": LOCAL_BACKEND,
                                       "allowed_hosts": ["localhost", "127.0.0.1"]}
    assert "publish_mode" not in config


@pytest.mark.parametrize("address, repo", [
    ("https://github.com/example/hyteguide", "example/hyteguide"),
    ("https://github.com/example/hyteguide.git", "example/hyteguide"),
    ("https://github.com/example/hyteguide/", "example/hyteguide"),
    ("https://gitlab.com/example/hyteguide", None),
    ("https://github.com/example", None),
    (None, None)])
def test_github_repo(address, repo):
    assert github_repo(address) == repo


def test_config_yml_is_yaml_decap_reads(tmp_path, content):
    text = yaml.safe_dump(make(content), allow_unicode=True, sort_keys=False)
    assert yaml.safe_load(text) == make(content)


def test_the_forms_patterns_take_every_value_the_example_content_has(content):
    """A pattern the form checks as it is typed must never refuse what `check` takes: every
    time and age range of the example, and the schema's own examples, pass it in JavaScript."""
    import json
    import shutil
    import subprocess

    from hyteguide.editor.shapes import FORM_PATTERNS, _scalar_shape

    node = shutil.which("node")
    assert node, "node is needed (npm ci)"
    values: dict[str, set[str]] = {"time": set(), "ages": set()}

    def walk(node) -> None:  # noqa: ANN001 - YAML data
        if isinstance(node, dict):
            for key, value in node.items():
                if key in values and isinstance(value, (str, int)):
                    values[key].add(str(value))
                elif key in values and isinstance(value, list):
                    values[key].update(str(v) for v in value)
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for path in sorted((ROOT / "content").rglob("*.md")) + sorted(
            (ROOT / "content").rglob("*.yaml")):
        text = path.read_text("utf-8")
        front = text.split("---\n")[1] if text.startswith("---\n") else text
        walk(yaml.load(front, Loader=yaml.BaseLoader))  # as written: every value a string
    assert len(values["time"]) > 20
    values["time"] |= {"12:00-16:00", "9-12", "18.30–20", "10:00", "9"}
    values["ages"] |= {"7-12", "65-", "-6", "9", "7–12", "7 - 12"}
    values = {key: sorted(v for v in found if v) for key, found in values.items()}
    patterns = {"time": None, "ages": None}
    for kind in FORM_PATTERNS:
        name = "time" if "Time" in kind.__name__ else "ages"
        patterns[name] = _scalar_shape(kind())["pattern"]
    script = ("const [p, v] = JSON.parse(process.argv[1]); const out = {};"
              "for (const k in p) out[k] = v[k].filter(x => !new RegExp('^(?:' + p[k] + ')$')"
              ".test(x)); console.log(JSON.stringify(out));")
    run = subprocess.run([node, "-e", script, json.dumps([patterns, values])],
                         capture_output=True, text=True, check=True)
    assert json.loads(run.stdout) == {"time": [], "ages": []}


def test_each_entry_links_to_its_page_on_the_site(content):
    config = make(content)
    paths = {c["name"]: c["preview_path"] for c in config["collections"]}
    assert paths == {"organisations": "organisations/{{slug}}/", "places": "places/{{slug}}/",
                     "partnerships": "partnerships/{{slug}}/", "pages": "{{slug}}/"}
    assert config["site_url"] == content.site.base_url
    preview = EditorConfig(content.site, content.vocabulary, "content", "fi", labels("fi"),
                           "http://127.0.0.1:8000/").config(("localhost",))
    assert preview["site_url"] == "http://127.0.0.1:8000/"


def test_a_closed_list_item_shows_its_title(content):
    organisation = make(content)["collections"][0]
    activities = field(organisation["fields"], "activities")
    assert activities["summary"] == "{{fields.title.fi}}"  # not the id
    assert field(organisation["fields"], "contacts")["summary"] == "{{fields.role.fi}}"
    rule = field(activities["fields"], "schedule")["types"][0]
    assert field(rule["fields"], "except")["summary"] == "{{fields.from}}"
