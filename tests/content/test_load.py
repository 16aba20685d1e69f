"""Loading a content folder: files, front matter, records, and every problem in one run."""

from __future__ import annotations

import datetime as dt
from textwrap import dedent

import pytest

from hyteguide import model
from hyteguide.common.problems import ContentError
from hyteguide.content.load import load_content
from tests.helpers import BASE_FILES, check, hints, make_site

ORG = "organisations/yhdistys.md"
P = "content/organisations/yhdistys.md"


# -- a valid site ------------------------------------------------------------------------------

def test_the_minimal_site_loads(tmp_path):
    root = make_site(tmp_path, {})
    assert check(root) == []
    content = load_content(root)
    assert content.site.languages == ("fi", "sv", "en")
    assert content.site.default_language == "fi"
    assert content.site.base_url == "https://example.org/guide/"
    assert content.site.timezone == "Europe/Helsinki"
    assert content.site.contact == model.SiteContact(email="hyte@example.org")
    assert content.site.source == model.Source("content/site.yaml", 1)
    assert content.extra == {}


def test_vocabulary_loads_all_groups(tmp_path):
    vocabulary = load_content(make_site(tmp_path, {})).vocabulary
    assert set(vocabulary.groups) == {"municipalities", "themes", "audiences", "formats",
                                      "expertise", "languages", "accessibility"}
    assert set(vocabulary.group("themes")) == {"vertaistuki", "liikunta", "mielenterveys"}
    assert vocabulary.term("themes", "liikunta").label.get("sv") == ("Motion", "sv")
    assert vocabulary.term("audiences", "mielenterveyskuntoutujat").sensitive is True
    assert vocabulary.term("audiences", "aikuiset").sensitive is False
    kokemus = vocabulary.term("expertise", "kokemusasiantuntijuus")
    assert kokemus.label == model.Text((("fi", "Kokemusasiantuntijuus"),))


def test_organisation_and_activity_model_objects(tmp_path):
    content = load_content(make_site(tmp_path, {}))
    [organisation] = content.organisations
    assert organisation.slug == "yhdistys"
    assert organisation.name == model.Text((("fi", "Keravan Yhdistys ry"),))
    assert organisation.summary.get("sv") == ("Mötesplats för vuxna.", "sv")
    assert organisation.summary.get("en") == ("Kohtaamispaikka aikuisille.", "fi")
    assert organisation.municipalities == ("kerava",)
    assert organisation.themes == ("vertaistuki",)
    assert organisation.body == model.Text((("fi", "Yhdistys toimii Keravalla.\n"),))
    assert organisation.source == model.Source(P, 1)
    [activity] = organisation.activities
    assert activity.organisation == "yhdistys"
    assert activity.key == "yhdistys/olohuone"
    assert activity.title.get("en") == ("Olohuone", "fi")
    assert activity.title.get("sv") == ("Vardagsrummet", "sv")
    assert activity.format == "kohtaamispaikka"
    assert activity.place == "kirjasto"
    assert activity.source == model.Source(P, 9)
    assert activity.schedule == (model.ScheduleRule(
        weekly=(1,), times=(model.TimeRange(dt.time(10), dt.time(14)),)),)


def test_place_model_object(tmp_path):
    [place] = load_content(make_site(tmp_path, {})).places
    assert place.slug == "kirjasto"
    assert place.name.get("sv") == ("Kervo huvudbibliotek", "sv")
    assert place.address == model.Text((("fi", "Paasikivenkatu 12"),))
    assert place.postal_code == "04200"
    assert place.municipality == "kerava"
    assert place.accessibility == ("wheelchair",)
    assert place.source == model.Source("content/places/kirjasto.yaml", 1)


def test_activity_source_lines_and_body_translations(tmp_path):
    root = make_site(tmp_path, {ORG: dedent("""\
        ---
        name: Yhdistys
        summary: Testi.
        municipalities: [kerava, tuusula]
        body:
          sv: Föreningen verkar i Kervo.
        activities:
          - id: eka
            title: Eka
            summary: Ensimmäinen.
            format: ryhma

          - id: toka
            title: Toka
            summary: Toinen.
            format: tapahtuma
            schedule:
              - date: 2026-12-03
        ---
        Yhdistys toimii **Keravalla**.
        """)})
    [organisation] = load_content(root).organisations
    assert [(a.id, a.source.line) for a in organisation.activities] == [("eka", 8), ("toka", 13)]
    assert organisation.body == model.Text((("fi", "Yhdistys toimii **Keravalla**.\n"),
                                            ("sv", "Föreningen verkar i Kervo.")))
    assert organisation.activities[1].schedule[0].dates == (dt.date(2026, 12, 3),)


def test_partnership_and_page_load(tmp_path):
    root = make_site(tmp_path, {
        "partnerships/keravan-poyta.md": dedent("""\
            ---
            name: Keravan kumppanuuspöytä
            members: [yhdistys]
            meetings:
              - 2026-09-10
              - {date: 2026-12-03, time: 13:00-15:00, place: kirjasto}
            ---
            Yhteistyötä.
            """),
        "pages/tietoa.md": "---\ntitle: Tietoa oppaasta\nmenu: 1\n---\nTämä on opas.\n",
    })
    content = load_content(root)
    [partnership] = content.partnerships
    assert partnership.slug == "keravan-poyta"
    assert partnership.members == ("yhdistys",)
    assert partnership.meetings == (
        model.Meeting(dt.date(2026, 9, 10)),
        model.Meeting(dt.date(2026, 12, 3), model.TimeRange(dt.time(13), dt.time(15)), "kirjasto"),
    )
    [page] = content.pages
    assert (page.slug, page.title.default, page.menu) == ("tietoa", "Tietoa oppaasta", 1)


def test_event_without_schedule_is_only_a_warning(tmp_path):
    root = make_site(tmp_path, {ORG: dedent("""\
        ---
        name: Yhdistys
        summary: Testi.
        municipalities: [kerava]
        activities:
          - id: juhla
            title: Juhla
            summary: Testi.
            format: tapahtuma
        ---
        """)})
    content = load_content(root)
    [warning] = content.extra["warnings"]
    assert warning.format().split("\n")[0] == (
        f"{P}:6:5: warning[missing-field]: activities[0]: an event needs a 'schedule' with its "
        "date")


def test_site_languages_limit_translations(tmp_path):
    site = BASE_FILES["site.yaml"].replace("[fi, sv, en]", "[fi, sv]").replace(
        "  en: Test Guide\n", "")
    root = make_site(tmp_path, {"site.yaml": site, ORG: dedent("""\
        ---
        name: Yhdistys
        summary: {fi: Testi., en: Test.}
        municipalities: [kerava]
        ---
        """)})
    # The English text stays in the file and is left out of the site (issue 19, point 13).
    content = load_content(root)
    assert content.organisations[0].summary.items == (("fi", "Testi."),)
    assert [w.format().split("\n")[0] for w in content.extra["warnings"]
            if w.path == P] == [
        f"{P}:3:23: warning[unpublished-language]: summary.en: 'en' is not a language of this "
        "site (fi, sv): texts in it are kept in this file but not published (said once a file)"]


# -- front matter ------------------------------------------------------------------------------

def test_front_matter_missing(tmp_path):
    root = make_site(tmp_path, {ORG: "name: Yhdistys\nsummary: Testi.\n"})
    assert check(root) == [
        f"{P}:1:1: error[front-matter]: the file must start with a line '---' that opens the "
        "front matter"]
    assert "'---'" in hints(root)[0]


def test_front_matter_not_closed(tmp_path):
    root = make_site(tmp_path, {ORG: "---\nname: Yhdistys\nsummary: Testi.\n"
                                     "municipalities: [kerava]\n\nKuvaus.\n"})
    assert check(root) == [f"{P}:1:1: error[front-matter]: the front matter is not closed"]
    assert hints(root) == ["add a line '---' after the last YAML field"]


def test_front_matter_errors_in_page_and_partnership(tmp_path):
    root = make_site(tmp_path, {"pages/tietoa.md": "# Tietoa\n",
                                "partnerships/poyta.md": "---\nname: Pöytä\nmembers: [yhdistys]\n"})
    assert check(root) == [
        "content/pages/tietoa.md:1:1: error[front-matter]: the file must start with a line '---' "
        "that opens the front matter",
        "content/partnerships/poyta.md:1:1: error[front-matter]: the front matter is not closed",
    ]


def test_crlf_line_endings_keep_line_numbers(tmp_path):
    text = "---\r\nname: Yhdistys\r\nsummary: Testi.\r\nmunicipalities: [kerava]\r\n" \
           "reviewed: 2026-02-30\r\n---\r\n"
    root = make_site(tmp_path, {ORG: text})
    assert check(root) == [
        f"{P}:5:11: error[bad-date]: reviewed: '2026-02-30' is not a date in the calendar"]


# -- records: unknown, missing and duplicate fields --------------------------------------------

def test_unknown_key_with_did_you_mean(tmp_path):
    root = make_site(tmp_path, {ORG: dedent("""\
        ---
        name: Yhdistys
        sumary: Testi.
        municipalities: [kerava]
        ---
        """)})
    assert check(root) == [
        f"{P}:2:1: error[missing-field]: summary: an organisation needs 'summary'",
        f"{P}:3:1: error[unknown-key]: sumary: 'sumary' is not a field of an organisation",
    ]
    assert hints(root)[1] == "did you mean 'summary'?"
    assert "summary:" in hints(root)[0]


def test_unknown_key_far_from_any_lists_the_fields(tmp_path):
    root = make_site(tmp_path, {"places/kirjasto.yaml": dedent("""\
        name: Kirjasto
        address: Paasikivenkatu 12
        municipality: kerava
        wifi: true
        """)})
    assert check(root) == [
        "content/places/kirjasto.yaml:4:1: error[unknown-key]: wifi: 'wifi' is not a field of "
        "a place"]
    assert hints(root)[0].startswith("fields: name, address, postal_code, municipality")


def test_unknown_key_inside_an_activity(tmp_path):
    root = make_site(tmp_path, {ORG: dedent("""\
        ---
        name: Yhdistys
        summary: Testi.
        municipalities: [kerava]
        activities:
          - id: ryhma
            title: Ryhmä
            sumary: Testi.
            format: ryhma
        ---
        """)})
    assert check(root) == [
        f"{P}:6:5: error[missing-field]: activities[0].summary: an activity needs 'summary'",
        f"{P}:8:5: error[unknown-key]: activities[0].sumary: 'sumary' is not a field of an "
        "activity",
    ]
    assert hints(root)[1] == "did you mean 'summary'?"


def test_unknown_key_inside_a_schedule_rule_of_the_second_activity(tmp_path):
    root = make_site(tmp_path, {ORG: dedent("""\
        ---
        name: Yhdistys
        summary: Testi.
        municipalities: [kerava]
        activities:
          - id: eka
            title: Eka
            summary: Testi.
            format: ryhma
          - id: toka
            title: Toka
            summary: Testi.
            format: ryhma
            schedule:
              - weekly: [mon]
              - weekly: [tue]
                untill: 2026-12-18
        ---
        """)})
    assert check(root) == [
        f"{P}:17:9: error[unknown-key]: activities[1].schedule[1].untill: 'untill' is not a "
        "field of a schedule rule"]
    assert hints(root) == ["did you mean 'until'?"]


def test_activity_without_format(tmp_path):
    root = make_site(tmp_path, {ORG: dedent("""\
        ---
        name: Yhdistys
        summary: Testi.
        municipalities: [kerava]
        activities:
          - id: ryhma
            title: Ryhmä
            summary: Testi.
        ---
        """)})
    assert check(root) == [
        f"{P}:6:5: error[missing-field]: activities[0].format: an activity needs 'format'"]
    assert hints(root) == ["add 'format: kohtaamispaikka'"]


def test_place_missing_required_fields(tmp_path):
    assert check(make_site(tmp_path, {"places/kirjasto.yaml": "name: Kirjasto\n"})) == [
        "content/places/kirjasto.yaml:1:1: error[missing-field]: address: a place needs 'address'",
        "content/places/kirjasto.yaml:1:1: error[missing-field]: municipality: a place needs "
        "'municipality'",
    ]


def test_required_field_left_empty(tmp_path):
    root = make_site(tmp_path, {ORG: dedent("""\
        ---
        name: Yhdistys
        summary:
        municipalities: [kerava]
        ---
        """)})
    assert check(root) == [f"{P}:3:1: error[missing-field]: summary: 'summary' is empty"]


def test_required_field_left_empty_is_reported_with_other_problems(tmp_path):
    root = make_site(tmp_path, {ORG: dedent("""\
        ---
        name: Yhdistys
        summary:
        website: www.example.org
        municipalities: [kerava]
        ---
        """)})
    assert check(root) == [
        f"{P}:3:1: error[missing-field]: summary: 'summary' is empty",
        f"{P}:4:10: warning[url-without-scheme]: website: 'www.example.org' has no https:// "
        "at the start: it is read as https://www.example.org",
    ]


def test_duplicate_key(tmp_path):
    root = make_site(tmp_path, {ORG: dedent("""\
        ---
        name: Yhdistys
        summary: Testi.
        municipalities: [kerava]
        summary: Toinen.
        ---
        """)})
    assert check(root) == [
        f"{P}:5:1: error[duplicate-key]: summary: 'summary' is given twice (first on line 3)"]
    assert hints(root) == ["keep only one of them"]


def test_duplicate_key_in_yaml_file(tmp_path):
    root = make_site(tmp_path, {"places/kirjasto.yaml": dedent("""\
        name: Kirjasto
        address: Paasikivenkatu 12
        municipality: kerava
        address: Kauppakaari 1
        """)})
    assert check(root) == [
        "content/places/kirjasto.yaml:4:1: error[duplicate-key]: address: 'address' is given "
        "twice (first on line 2)"]


def test_body_given_twice(tmp_path):
    root = make_site(tmp_path, {ORG: dedent("""\
        ---
        name: Yhdistys
        summary: Testi.
        municipalities: [kerava]
        body:
          fi: Kuvaus.
        ---
        Toinen kuvaus.
        """)})
    assert check(root) == [
        f"{P}:8:1: error[duplicate-key]: the body in 'fi' is given twice: below the front "
        "matter and in 'body'"]


def test_duplicate_activity_id(tmp_path):
    root = make_site(tmp_path, {ORG: dedent("""\
        ---
        name: Yhdistys
        summary: Testi.
        municipalities: [kerava]
        activities:
          - id: ryhma
            title: Ryhmä
            summary: Testi.
            format: ryhma
          - id: olohuone
            title: Olohuone
            summary: Testi.
            format: kohtaamispaikka
          - id: ryhma
            title: Toinen ryhmä
            summary: Testi.
            format: ryhma
        ---
        """)})
    assert check(root) == [
        f"{P}:14:9: error[duplicate-id]: activities[2].id: the activity id 'ryhma' is used twice "
        "(first on line 6)"]
    assert hints(root) == ["give each activity of the file its own id"]


def test_activity_id_must_be_a_slug(tmp_path):
    root = make_site(tmp_path, {ORG: dedent("""\
        ---
        name: Yhdistys
        summary: Testi.
        municipalities: [kerava]
        activities:
          - id: Olohuone 2
            title: Olohuone
            summary: Testi.
            format: ryhma
        ---
        """)})
    assert check(root) == [
        f"{P}:6:9: error[bad-slug]: activities[0].id: 'Olohuone 2' is not a valid id "
        "(a-z, 0-9, -)"]


# -- files and folders -------------------------------------------------------------------------

def test_duplicate_slug(tmp_path):
    place = "name: Uimahalli\naddress: Katu 1\nmunicipality: kerava\n"
    root = make_site(tmp_path, {"places/uimahalli.yaml": place, "places/uimahalli.yml": place})
    assert check(root) == [
        "content/places/uimahalli.yml:1:1: error[duplicate-slug]: the slug 'uimahalli' is used "
        "twice in places/ (also uimahalli.yaml)"]
    assert hints(root) == ["rename or remove one of the files"]


def test_file_name_that_is_not_a_slug(tmp_path):
    organisation = BASE_FILES[ORG]
    root = make_site(tmp_path, {"organisations/Keravan Olohuone.md": organisation,
                                "places/Jäähalli.yaml": BASE_FILES["places/kirjasto.yaml"]})
    assert check(root) == [
        "content/organisations/Keravan Olohuone.md:1:1: error[bad-slug]: the file name "
        "'Keravan Olohuone.md' is not a valid slug",
        "content/places/Jäähalli.yaml:1:1: error[bad-slug]: the file name 'Jäähalli.yaml' is "
        "not a valid slug",
    ]
    assert hints(root)[0].startswith("rename it to keravan-olohuone.md")
    assert hints(root)[1].startswith("rename it to jaahalli.yaml")


def test_a_file_name_of_digits_would_take_a_list_page_address(tmp_path):
    root = make_site(tmp_path, {"organisations/2.md": BASE_FILES[ORG],
                                "places/10.yaml": BASE_FILES["places/kirjasto.yaml"]})
    assert check(root) == [
        "content/organisations/2.md:1:1: error[bad-slug]: the file name '2.md' is only a "
        "number: organisations/2/ is the address of a page of the list",
        "content/places/10.yaml:1:1: error[bad-slug]: the file name '10.yaml' is only a "
        "number: places/10/ is the address of a page of the list",
    ]
    assert hints(root) == ["rename it, e.g. to organisation-2.md",
                           "rename it, e.g. to place-10.yaml"]


def test_unexpected_files(tmp_path):
    root = make_site(tmp_path, {"organisations/notes.txt": "muistiinpanoja\n",
                                "organisation/x.md": "---\n---\n"})
    assert check(root) == [
        "content/organisation:1:1: error[unexpected-file]: 'organisation' is not part of the "
        "content format",
        "content/organisations/notes.txt:1:1: error[unexpected-file]: 'notes.txt' is not a "
        "organisation file",
    ]
    assert hints(root) == ["did you mean 'organisations'?", "organisation files end with .md"]


def test_hidden_files_and_missing_folders_are_fine(tmp_path):
    root = make_site(tmp_path, {"organisations/.DS_Store": "x", ".git-keep": ""})
    (root / "pages").rmdir()
    assert check(root) == []


def test_reserved_page_slug(tmp_path):
    root = make_site(tmp_path, {"pages/search.md": "---\ntitle: Haku\n---\n"})
    assert check(root) == [
        "content/pages/search.md:1:1: error[duplicate-slug]: the page slug 'search' is used by "
        "the site itself"]


def test_missing_site_and_vocabulary(tmp_path):
    root = make_site(tmp_path, {"site.yaml": None, "vocabulary.yaml": None})
    assert check(root) == [
        "content/site.yaml:1:1: error[missing-file]: site.yaml is missing",
        "content/vocabulary.yaml:1:1: error[missing-file]: vocabulary.yaml is missing",
    ]


def test_missing_content_folder(tmp_path):
    with pytest.raises(ContentError) as err:
        load_content(tmp_path / "content")
    [problem] = err.value.problems
    assert problem.code == "no-content"


def test_file_that_is_not_utf8(tmp_path):
    root = make_site(tmp_path, {})
    (root / "places" / "kirjasto.yaml").write_bytes("name: Jäähalli\n".encode("latin-1"))
    assert check(root) == [
        "content/places/kirjasto.yaml:1:1: error[encoding]: the file is not UTF-8 text "
        "(invalid continuation byte)"]


@pytest.mark.parametrize("text", ["", "# only a comment\n", "~\n"])
def test_empty_yaml_file_reports_missing_fields(tmp_path, text):
    root = make_site(tmp_path, {"places/kirjasto.yaml": text})
    assert check(root) == [
        "content/places/kirjasto.yaml:1:1: error[missing-field]: address: a place needs 'address'",
        "content/places/kirjasto.yaml:1:1: error[missing-field]: municipality: a place needs "
        "'municipality'",
    ]  # a place without 'name' is named by its address (issue 19, point 8)


def test_empty_front_matter_reports_missing_fields(tmp_path):
    root = make_site(tmp_path, {ORG: "---\n---\nKuvaus.\n"})
    assert check(root) == [
        f"{P}:2:1: error[missing-field]: municipalities: an organisation needs 'municipalities'",
        f"{P}:2:1: error[missing-field]: name: an organisation needs 'name'",
        f"{P}:2:1: error[missing-field]: summary: an organisation needs 'summary'",
    ]


# -- all problems in one run -------------------------------------------------------------------

def test_many_problems_in_many_files_are_reported_together_and_sorted(tmp_path):
    root = make_site(tmp_path, {
        "site.yaml": BASE_FILES["site.yaml"].replace("https://example.org/guide/",
                                                     "https://example.org/guide"),
        "places/kirjasto.yaml": dedent("""\
            name: Kirjasto
            address: Paasikivenkatu 12
            postal_code: 4200
            municipality: keravaa
            """),
        "places/uimahalli.yaml": "name: Uimahalli\naddress: Katu 1\n",
        ORG: dedent("""\
            ---
            name: Yhdistys
            sumary: Testi.
            municipalities: [kerava]
            website: www.example.org
            activities:
              - id: ryhma
                title: Ryhmä
                summary: Testi.
                format: ryhma
                themes: [vertaistukki]
                place: kirjastoo
                low_threshold: yes
                schedule:
                  - weekly: [tuesdai]
                    time: "14:00-14:00"
                    from: 3.12.2026
            ---
            """),
        "organisations/toinen.md": "name: Toinen\n",
        "organisations/notes.txt": "x\n",
        "partnerships/poyta.md": "---\nname: Pöytä\nmembers: [yhdistys, tuntematon]\n---\n",
        "pages/tietoa.md": "---\ntitle: Tietoa\nmenu: ensimmäinen\n---\n",
    })
    lines = check(root)
    assert [line.split(": ", 2)[:2] for line in lines] == [
        ["content/organisations/notes.txt:1:1", "error[unexpected-file]"],
        ["content/organisations/toinen.md:1:1", "error[front-matter]"],
        [f"{P}:2:1", "error[missing-field]"],
        [f"{P}:3:1", "error[unknown-key]"],
        [f"{P}:5:10", "warning[url-without-scheme]"],
        [f"{P}:11:14", "error[unknown-term]"],
        [f"{P}:12:12", "error[unknown-reference]"],
        [f"{P}:13:20", "error[wrong-type]"],
        [f"{P}:15:18", "error[bad-value]"],
        [f"{P}:16:15", "error[bad-time]"],
        [f"{P}:17:15", "error[bad-date]"],
        ["content/pages/tietoa.md:3:7", "error[bad-value]"],
        ["content/partnerships/poyta.md:3:21", "error[unknown-reference]"],
        ["content/places/kirjasto.yaml:3:14", "error[bad-value]"],
        ["content/places/kirjasto.yaml:4:15", "error[unknown-term]"],
        ["content/places/uimahalli.yaml:1:1", "error[missing-field]"],
        ["content/site.yaml:6:11", "error[bad-url]"],
    ]
    assert len(lines) == 17
    with pytest.raises(ContentError) as err:
        load_content(root)
    assert str(err.value).splitlines()[-1] == "16 error(s), 1 warning(s)"


def test_business_id_used_by_two_organisations(tmp_path):
    organisation = dedent("""\
        ---
        name: Toinen ry
        summary: Toinen yhdistys.
        business_id: 1234567-1
        municipalities: [kerava]
        ---
        """)
    root = make_site(tmp_path, {
        "organisations/eka.md": organisation.replace("Toinen", "Eka"),
        "organisations/toka.md": organisation,
    })
    assert check(root) == [
        "content/organisations/toka.md:4:1: error[duplicate-value]: business_id: the business ID "
        "1234567-1 is also used by content/organisations/eka.md"]
