"""hyteguide.content.scaffold.new_organisation: a valid, commented skeleton, never overwriting
anything."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

from hyteguide.content.load import load_content
from hyteguide.content.scaffold import new_organisation
from tests.helpers import make_site

REPO = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 11, 23)


def loaded(content: Path, slug: str):
    """The organisation of that slug after loading the whole folder (raises on any error)."""
    organisations = {o.slug: o for o in load_content(content).organisations}
    return organisations[slug]


@pytest.mark.parametrize(("name", "slug"), [
    ("Järvenpään Äijät ry", "jarvenpaan-aijat-ry"),
    ("Keravan Olohuone ry", "keravan-olohuone-ry"),
    ("Åbo Svenska Församling", "abo-svenska-forsamling"),
    ("Mäntsälän Seniorikilta ry", "mantsalan-seniorikilta-ry"),
    ("MIELI Keski-Uusimaa ry.", "mieli-keski-uusimaa-ry"),
    ("  Perhe & Pesä  (Tuusula) ", "perhe-pesa-tuusula"),
    ('Yhdistys "Ilo": ry', "yhdistys-ilo-ry"),
    ("Kerava 2030!", "kerava-2030"),
    ("Ö", "o"),
    ("!!!", "name"),
])
def test_slug_from_the_name(tmp_path, name, slug):
    content = make_site(tmp_path)
    path = new_organisation(content, name, TODAY)
    assert path == content / "organisations" / f"{slug}.md"
    assert path.is_file()


def test_slug_keeps_other_accented_letters_as_their_base_letter(tmp_path):
    content = make_site(tmp_path)
    assert new_organisation(content, "Café Über ry", TODAY).stem == "cafe-uber-ry"


def test_written_file_loads_with_the_exact_name(tmp_path):
    content = make_site(tmp_path)
    path = new_organisation(content, "Järvenpään Äijät ry", TODAY)
    organisation = loaded(content, path.stem)
    assert organisation.name.default == "Järvenpään Äijät ry"
    assert organisation.municipalities == ("kerava",)  # the first municipality of the vocabulary
    assert organisation.reviewed == TODAY
    assert organisation.activities == ()
    assert organisation.body is not None and organisation.summary.default


def test_written_file_adds_no_warnings(tmp_path):
    content = make_site(tmp_path)
    new_organisation(content, "Uusi Yhdistys ry", TODAY)
    assert load_content(content).extra.get("warnings", []) == []


def test_skeleton_lists_the_municipalities_of_the_vocabulary(tmp_path):
    content = make_site(tmp_path)
    text = new_organisation(content, "Uusi Yhdistys ry", TODAY).read_text(encoding="utf-8")
    assert "municipalities: [kerava]" in text
    assert "kerava, tuusula" in text
    assert text.startswith("---\n")


def test_reviewed_defaults_to_today(tmp_path):
    content = make_site(tmp_path)
    before = dt.date.today()
    organisation = loaded(content, new_organisation(content, "Tänään ry").stem)
    assert organisation.reviewed in {before, dt.date.today()}


@pytest.mark.parametrize("name", [
    'Yhdistys "Ilo": ry',
    "Åbo: 'Svenska' #1 ry",
    "Ry: {x} [y] & *z* | >a",
    "Back\\slash: ry",
    "- Lista ry",
    "%Prosentti ry",
    "@Ät ry",
    "`Tick ry",
    "? Kysymys: ry",
    "!Huuto ry",
    "Ilo ry # ei kommentti",
    "yes",
    "null",
    "2026-11-23",
    "--- ry",
    "Yhdistys: \"'\" ry",
    "Ääni – ljud – sound ry",
])
def test_names_with_yaml_characters_stay_valid(tmp_path, name):
    content = make_site(tmp_path)
    path = new_organisation(content, name, TODAY)
    assert loaded(content, path.stem).name.default == name


@pytest.mark.parametrize("name", ["Rivi\rvaihto ry", "Rivi\x85vaihto ry", "Rivi\u2028vaihto ry"])
def test_names_with_other_line_breaks_stay_valid(tmp_path, name):
    content = make_site(tmp_path)
    path = new_organisation(content, name, TODAY)
    loaded(content, path.stem)


def test_newline_in_the_name_does_not_break_the_comment(tmp_path):
    content = make_site(tmp_path)
    path = new_organisation(content, "Kaksi\nriviä ry", TODAY)
    front = path.read_text(encoding="utf-8").split("---\n")[1]
    data = yaml.safe_load(front)
    assert data["name"] == "Kaksi riviä ry"  # line breaks become spaces


def test_never_overwrites(tmp_path):
    content = make_site(tmp_path)
    path = new_organisation(content, "Järvenpään Äijät ry", TODAY)
    path.write_text("edited by an editor", encoding="utf-8")
    with pytest.raises(FileExistsError):
        new_organisation(content, "Järvenpään Äijät ry", TODAY)
    with pytest.raises(FileExistsError):  # another name with the same slug
        new_organisation(content, "JARVENPAAN aijat, ry", TODAY)
    assert path.read_text(encoding="utf-8") == "edited by an editor"


def test_refuses_an_existing_organisation_of_the_site(tmp_path):
    content = make_site(tmp_path)
    before = (content / "organisations" / "yhdistys.md").read_bytes()
    with pytest.raises(FileExistsError):
        new_organisation(content, "Yhdistys", TODAY)
    assert (content / "organisations" / "yhdistys.md").read_bytes() == before


def test_creates_the_organisations_folder_if_missing(tmp_path):
    content = make_site(tmp_path, {"organisations/yhdistys.md": None, "places/kirjasto.yaml": None})
    shutil.rmtree(content / "organisations")
    path = new_organisation(content, "Ensimmäinen ry", TODAY)
    assert path.parent == content / "organisations"
    assert loaded(content, "ensimmainen-ry").name.default == "Ensimmäinen ry"


def test_works_on_the_example_region(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    before = {o.slug for o in load_content(content).organisations}
    path = new_organisation(content, "Nurmijärven Uusi Yhdistys ry", TODAY)
    after = load_content(content)
    assert {o.slug for o in after.organisations} == before | {path.stem}
    municipalities = set(after.vocabulary.group("municipalities"))
    assert set(loaded(content, path.stem).municipalities) <= municipalities


def test_every_declared_field_has_its_line_from_the_declaration(tmp_path):
    """The skeleton is made from the schema: each organisation and activity field that goes in
    it has a line with its key and its declared example, so a new field needs no edit here."""
    from hyteguide.content.schema import ACTIVITY_RECORD, ORGANISATION

    content = make_site(tmp_path)
    text = new_organisation(content, "Uusi Yhdistys ry", TODAY).read_text(encoding="utf-8")
    for record, prefix in ((ORGANISATION, "# "), (ACTIVITY_RECORD, "#     ")):
        for field in record.fields:
            if field.skeleton is None or field.name in ("name", "summary", "municipalities",
                                                        "contacts", "reviewed", "activities"):
                continue
            key = f"{prefix}{field.name}:" if field.name != "id" else "#   - id:"
            lines = [line for line in text.splitlines() if line.startswith(key)]
            assert lines, field.name
            if not field.example.startswith("- "):
                assert f"{field.name}: {field.example}" in lines[0], lines[0]
    assert "#     website: https://olohuone.example.org/ryhmat" in text


def test_the_commented_fields_load_when_uncommented(tmp_path):
    """Removing the '# ' of every field line gives a file that loads (the examples are valid
    and an activity with them is complete), with no other edit."""
    content = tmp_path / "content"  # the example region: its vocabulary has the examples' terms
    shutil.copytree(REPO / "content", content)
    path = new_organisation(content, "Uusi Yhdistys ry", TODAY)
    lines = path.read_text(encoding="utf-8").split("\n")
    opened = []
    for line in lines:
        if line.startswith("activities: []"):
            continue
        if line.startswith("# ") and ":" in line and not line.startswith(
                ("# Rivit", "# Lines", "# Uusi", "# business_id")):  # the example's is taken
            line = line[2:]
        opened.append(line.split("  #")[0].rstrip() if "  #" in line else line)
    path.write_text("\n".join(opened), encoding="utf-8")
    organisation = loaded(content, path.stem)
    assert organisation.website == "https://olohuone.example.org"
    assert organisation.activities[0].website == "https://olohuone.example.org/ryhmat"
