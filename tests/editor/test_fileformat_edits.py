"""The form editor's file format: adding and removing fields, list items and languages,
bodies, opening hours, comments (issue 22, point 3; see test_fileformat.py)."""

from __future__ import annotations

from tests.editor.fileformat import (
    CONTENT,
    OLOHUONE,
    changed_lines,
    example,
    front_matter,
    loaded,
)

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
