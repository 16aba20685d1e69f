"""Field types: each value is read from the text the editor wrote, or reported with a hint.

Most tests load a whole content folder (tests/helpers.make_site) and compare the exact
`path:line:col: error[code]: field: message` lines. Organisation files here are written as

    line 1   ---
    line 2   name: Yhdistys                  (HEAD)
    line 3   summary: Testi.
    line 4   municipalities: [kerava]
    line 5…  the lines of the test

and, with an activity (ACTIVITY), lines 5-9 are `activities:` and the activity's required fields,
so the test's activity lines start on line 10.
"""

from __future__ import annotations

import datetime as dt
from textwrap import dedent, indent

import pytest

from hyteguide import model
from hyteguide.content.addresses import BusinessId, Email, Phone, Url, business_id_check_digit
from hyteguide.content.fields import (
    INVALID,
    Bool,
    Context,
    Date,
    TextField,
    TimeRangeField,
)
from hyteguide.content.load import load_content
from hyteguide.content.schema import ACTIVITY_TIME, MonthlyDayField, Weekday
from hyteguide.content.yamlsource import parse_yaml
from tests.helpers import check, hints, make_site

ORG = "organisations/yhdistys.md"
P = "content/organisations/yhdistys.md"
PLACE = "places/kirjasto.yaml"

HEAD = dedent("""\
    ---
    name: Yhdistys
    summary: Testi.
    municipalities: [kerava]
    """)
ACTIVITY = HEAD + dedent("""\
    activities:
      - id: ryhma
        title: Ryhmä
        summary: Testi.
        format: ryhma
    """)


def org(lines: str, head: str = HEAD) -> str:
    """An organisation file: head, then the dedented lines (from line 5)."""
    return head + dedent(lines) + "---\nKuvaus.\n"


def activity(lines: str, head: str = ACTIVITY) -> str:
    """An organisation file whose one activity goes on with the given lines (from line 10)."""
    return head + indent(dedent(lines), "    ") + "---\nKuvaus.\n"


def site_check(tmp_path, files: dict[str, str]) -> list[str]:
    return check(make_site(tmp_path, files))


def convert(field_type, value: str):
    """Convert `value` (YAML text) with a field type outside any file: (result, problems)."""
    document, found = parse_yaml("content/x.yaml", f"v: {value}\n")
    assert found == []
    ctx = Context(document, [], ("fi", "sv", "en"))
    return field_type.convert(document.root.value[0][1], ctx, "v"), ctx.problems


def valid_business_id(first7: str) -> str:
    """A Y-tunnus computed independently: weights 7,9,10,5,8,4,2; r = sum % 11."""
    r = sum(int(d) * w for d, w in zip(first7, (7, 9, 10, 5, 8, 4, 2), strict=True)) % 11
    assert r != 1, "no valid check digit exists"
    return f"{first7}-{0 if r == 0 else 11 - r}"


# -- wrong types -------------------------------------------------------------------------------

def test_mapping_where_a_single_text_is_expected(tmp_path):
    assert site_check(tmp_path, {ORG: org("""\
        email:
          toimisto: info@example.org
        """)}) == [
        f"{P}:6:3: error[wrong-type]: email: expected an email address, found a set of "
        "'key: value' fields"]


def test_mapping_in_a_text_field_is_read_as_translations(tmp_path):
    root = make_site(tmp_path, {ORG: org("""\
        address:
          Katu: 1
        """)})
    assert check(root) == [
        f"{P}:6:3: error[unknown-language]: address.Katu: 'Katu' is not a language of this site "
        "(fi, sv, en)"]
    assert "quotes" in hints(root)[0]


def test_list_where_a_single_value_is_expected(tmp_path):
    root = make_site(tmp_path, {ORG: org("""\
        website: [https://a.example.org, https://b.example.org]
        """)})
    assert check(root) == [
        f"{P}:5:10: error[wrong-type]: website: expected a web address, found a list"]
    assert "single value" in hints(root)[0]


def test_list_where_a_single_place_is_expected_in_an_activity(tmp_path):
    assert site_check(tmp_path, {ORG: activity("""\
            place:
              - kirjasto
        """)}) == [
        f"{P}:11:7: error[wrong-type]: activities[0].place: expected the slug of a file in "
        "places/, found a list"]


@pytest.mark.parametrize("word", ["yes", "no", "on", "kyllä"])
def test_yes_is_not_a_boolean(tmp_path, word):
    root = make_site(tmp_path, {ORG: activity(f"""\
            low_threshold: {word}
        """)})
    assert check(root) == [
        f"{P}:10:20: error[wrong-type]: activities[0].low_threshold: expected true or false, "
        f"found '{word}'"]
    assert "write true or false" in hints(root)[0]


def test_boolean_words():
    assert convert(Bool(), "true") == (True, [])
    assert convert(Bool(), "False") == (False, [])
    value, found = convert(Bool(), "1")
    assert value is INVALID and found[0].hint == "write true or false"


def test_a_single_value_is_a_list_of_one(tmp_path):
    root = make_site(tmp_path, {ORG: org("""\
        themes: liikunta
        """)})
    [organisation] = load_content(root).organisations
    assert organisation.themes == ("liikunta",)


# -- YAML 1.1 traps: values stay the text the editor wrote -------------------------------------

def test_yaml_11_lookalikes_stay_text(tmp_path):
    root = make_site(tmp_path, {
        ORG: dedent("""\
            ---
            name: NO
            summary: {fi: on, sv: off}
            municipalities: [kerava]
            phone: +358 40 123 4567
            activities:
              - id: ryhma
                title: 1e3
                summary: 0x1F
                format: ryhma
                cost: no
                schedule:
                  - weekly: [tue]
                    time: 10:30-12:00
            ---
            """),
        PLACE: dedent("""\
            name: Kirjasto
            address: Paasikivenkatu 12
            postal_code: 04200
            municipality: kerava
            phone: 0401234567
            """),
    })
    content = load_content(root)
    [organisation] = content.organisations
    assert organisation.name == model.Text((("fi", "NO"),))
    assert organisation.summary == model.Text((("fi", "on"), ("sv", "off")))
    assert organisation.phone == "+358 40 123 4567"
    [activity] = organisation.activities
    assert activity.title.default == "1e3"
    assert activity.summary.default == "0x1F"
    assert activity.cost == model.Text((("fi", "no"),))
    assert activity.schedule[0].times == (model.TimeRange(dt.time(10, 30), dt.time(12, 0)),)
    [place] = content.places
    assert place.postal_code == "04200"
    assert place.phone == "0401234567"


def test_unquoted_single_time_is_read_as_written_not_as_a_number(tmp_path):
    """YAML 1.1 reads 10:30 as the number 630; the schema reads the text: a start alone."""
    root = make_site(tmp_path, {ORG: activity("""\
            schedule:
              - weekly: [tue]
                time: 10:30
        """)})
    assert check(root) == []
    [activity_] = load_content(root).organisations[0].activities
    assert activity_.schedule[0].times == (model.TimeRange(dt.time(10, 30)),)


def test_opening_hours_need_an_end(tmp_path):
    root = make_site(tmp_path, {PLACE: dedent("""\
        name: Kirjasto
        address: Paasikivenkatu 12
        municipality: kerava
        opening_hours:
          - {days: [mon], time: "10:30"}
        """)})
    assert check(root) == [
        "content/places/kirjasto.yaml:5:25: error[bad-time]: opening_hours[0].time: '10:30' is "
        "not a time range"]
    assert '"10:00-14:00"' in hints(root)[0]


def test_postal_code_must_be_five_digits(tmp_path):
    root = make_site(tmp_path, {PLACE: dedent("""\
        name: Kirjasto
        address: Paasikivenkatu 12
        postal_code: 4200
        municipality: kerava
        """)})
    assert check(root) == [
        "content/places/kirjasto.yaml:3:14: error[bad-value]: postal_code: '4200' is not a valid "
        "postal code"]
    assert '"04200"' in hints(root)[0]


# -- dates and times ---------------------------------------------------------------------------

def test_date_not_in_the_calendar(tmp_path):
    root = make_site(tmp_path, {ORG: org("""\
        reviewed: 2026-02-30
        """)})
    assert check(root) == [
        f"{P}:5:11: error[bad-date]: reviewed: '2026-02-30' is not a date in the calendar"]
    assert "day and the month" in hints(root)[0]


def test_finnish_date_gets_the_iso_date_as_hint(tmp_path):
    root = make_site(tmp_path, {ORG: activity("""\
            schedule:
              - weekly: [tue]
                from: 3.12.2026
        """)})
    assert check(root) == [
        f"{P}:12:15: error[bad-date]: activities[0].schedule[0].from: '3.12.2026' is not a date"]
    assert "did you mean 2026-12-03?" in hints(root)[0]


@pytest.mark.parametrize(("text", "expected"), [
    ("2026-12-03", dt.date(2026, 12, 3)),
    ("2028-02-29", dt.date(2028, 2, 29)),
])
def test_dates(text, expected):
    assert convert(Date(), text) == (expected, [])


@pytest.mark.parametrize(("text", "hint"), [
    ("2027-02-29", "check the day and the month"),
    ("2026-13-01", "check the day and the month"),
    ("3.12.2026", "write dates as YYYY-MM-DD: did you mean 2026-12-03?"),
    ("24.6.2026", "write dates as YYYY-MM-DD: did you mean 2026-06-24?"),
    ("2026-1-5", "write dates as YYYY-MM-DD, for example 2026-12-03"),
    ("huomenna", "write dates as YYYY-MM-DD, for example 2026-12-03"),
])
def test_bad_dates(text, hint):
    value, [problem] = convert(Date(), text)
    assert value is INVALID
    assert (problem.code, problem.field, problem.hint) == ("bad-date", "v", hint)


def test_bad_time_ranges(tmp_path):
    root = make_site(tmp_path, {ORG: activity("""\
            schedule:
              - weekly: [tue]
                time:
                  - "25:00-26:00"
                  - "14:00-14:00"
                  - kymmenen
                  - "18:00-"
        """)})
    where = "activities[0].schedule[0].time"
    assert check(root) == [
        f"{P}:13:13: error[bad-time]: {where}[0]: '25:00-26:00' is not a time of day",
        f"{P}:14:13: error[bad-time]: {where}[1]: '14:00-14:00' ends when it starts",
        f"{P}:15:13: error[bad-time]: {where}[2]: 'kymmenen' is not a time range",
        f"{P}:16:13: error[bad-time]: {where}[3]: '18:00-' is not a time range",
    ]
    found = hints(root)
    assert '"10:00-14:00"' in found[0]
    assert "start alone" in found[1]
    assert '"10:00-14:00"' in found[2] and '"18:45"' in found[2]


def test_a_long_night_is_asked_about(tmp_path):
    """An activity's end before its start is on the next day; one that runs over twelve
    hours is more likely the wrong way round: a warning, with the times swapped as the hint."""
    root = make_site(tmp_path, {ORG: activity("""\
            schedule:
              - weekly: [tue]
                time: ["14:00-10:00"]
        """)})
    content = load_content(root)
    [warning] = content.extra["warnings"]
    assert warning.format().split("\n")[0] == (
        f"{P}:12:16: warning[long-overnight]: activities[0].schedule[0].time[0]: '14:00-10:00' "
        "ends the next day, 20 hours after it starts")
    assert "'10:00-14:00'" in warning.hint
    [activity_] = content.organisations[0].activities
    assert activity_.schedule[0].times == (model.TimeRange(dt.time(14), dt.time(10)),)
    assert convert(ACTIVITY_TIME, '"18:00-06:00"')[1] == []  # twelve hours: a night


def test_opening_hours_and_partnership_times_differ_from_activities():
    """Opening hours end on their own day (past midnight they end at 24:00) and have an end;
    an activity's time, and a partnership meeting's, may end the next day or have no end."""
    problems = convert(TimeRangeField(), "22:00-02:00")[1]
    assert [(p.code, p.hint) for p in problems] == [
        ("bad-time", "check the order; a time that goes past midnight ends at 24:00")]
    assert convert(TimeRangeField(), "18:45")[1][0].code == "bad-time"
    assert convert(ACTIVITY_TIME, "22:00-02:00") == (
        model.TimeRange(dt.time(22), dt.time(2)), [])
    assert convert(ACTIVITY_TIME, "18.45") == (model.TimeRange(dt.time(18, 45)), [])


@pytest.mark.parametrize(("text", "start", "end", "overnight"), [
    ('"22:00-02:00"', dt.time(22), dt.time(2), True),
    ("23-1", dt.time(23), dt.time(1), True),
    ('"22:00-00:00"', dt.time(22), dt.time.max, False),  # the next midnight: 24:00
    ('"00:00-24:00"', dt.time(0), dt.time.max, False),
    ('"18:45"', dt.time(18, 45), None, False),
    ("9", dt.time(9), None, False),
])
def test_activity_times(text, start, end, overnight):
    found, problems = convert(ACTIVITY_TIME, text)
    assert (found, problems) == (model.TimeRange(start, end), [])
    assert found.overnight is overnight


@pytest.mark.parametrize(("text", "start", "end"), [
    ('"10:00-14:00"', dt.time(10), dt.time(14)),
    ("9-11", dt.time(9), dt.time(11)),
    ("9.30–11.15", dt.time(9, 30), dt.time(11, 15)),
    ('"18:00 - 24:00"', dt.time(18), dt.time.max),
])
def test_time_ranges(text, start, end):
    assert convert(TimeRangeField(), text) == (model.TimeRange(start, end), [])


def test_until_before_from_is_reported_on_the_until_line(tmp_path):
    root = make_site(tmp_path, {ORG: activity("""\
            schedule:
              - weekly: [tue]
                from: 2026-05-01
                until: 2026-04-01
        """)})
    assert check(root) == [
        f"{P}:13:16: error[date-order]: activities[0].schedule[0].until: 'until' (2026-04-01) "
        "is before 'from' (2026-05-01)"]
    assert "on or after 'from'" in hints(root)[0]


def test_date_range_in_except_with_until_before_from(tmp_path):
    assert site_check(tmp_path, {ORG: activity("""\
            schedule:
              - weekly: [tue]
                except:
                  - {from: 2026-10-23, until: 2026-10-19}
        """)}) == [
        f"{P}:13:39: error[date-order]: activities[0].schedule[0].except[0].until: 'until' "
        "(2026-10-19) is before 'from' (2026-10-23)"]


# -- contact details ---------------------------------------------------------------------------

def test_invalid_contact_details_are_all_reported(tmp_path):
    root = make_site(tmp_path, {ORG: org("""\
        email: toimisto(at)example.org
        website: www.example.org
        phone: soita meille
        contacts:
          - role: Ohjaaja
            email: mailto:ohjaaja@example.org
        """)})
    assert check(root) == [
        f"{P}:5:8: error[bad-email]: email: 'toimisto(at)example.org' is not an email address",
        f"{P}:6:10: warning[url-without-scheme]: website: 'www.example.org' has no https:// at "
        "the start: it is read as https://www.example.org",
        f"{P}:7:8: error[bad-phone]: phone: 'soita meille' is not a phone number",
        f"{P}:10:12: error[bad-email]: contacts[0].email: 'mailto:ohjaaja@example.org' is not an "
        "email address",
    ]
    found = hints(root)
    assert "name@example.org" in found[0]
    assert found[1] == "write https://www.example.org"
    assert '"+358 40 123 4567"' in found[2]
    assert "ohjaaja@example.org" in found[3] and "mailto" in found[3]


@pytest.mark.parametrize("url", [
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    "data:text/html,<script>alert(1)</script>",
    "ftp://example.org/file",
    "https://localhost",
    "https://exa mple.org",
    'https://exa"mple.org/',
    "https://example.org<script>/",
    "http://[x",  # urlsplit raises on it: a problem, not a crash
    "https://[::1/",
])
def test_urls_that_are_not_web_addresses(url):
    value, [problem] = convert(Url(), f"'{url}'")
    assert value is INVALID
    assert problem.code == "bad-url"


def test_javascript_website_is_rejected_in_a_file(tmp_path):
    root = make_site(tmp_path, {ORG: org("""\
        website: javascript:alert(1)
        """)})
    assert check(root) == [
        f"{P}:5:10: error[bad-url]: website: 'javascript:alert(1)' is not a web address"]
    assert "https://" in hints(root)[0]


@pytest.mark.parametrize("url", ["https://example.org", "http://example.org/a?b=c#d",
                                 "https://olohuone.example.org/"])
def test_web_addresses(url):
    assert convert(Url(), url) == (url, [])


@pytest.mark.parametrize(("url", "valid"), [
    ('https://example.org/"x"?a=<b>', "https://example.org/%22x%22?a=%3Cb%3E"),
    ("https://example.org/a|b#c#d", "https://example.org/a%7Cb#c%23d"),
    ("https://example.org/100%", "https://example.org/100%25"),
    ("https://kärkölä.example/ä?q=%C3%A4", "https://kärkölä.example/ä?q=%C3%A4"),
])
def test_web_addresses_are_made_valid_urls(url, valid):
    """As a browser requests them: valid in the HTML (checked by test_html_validation.py)."""
    assert convert(Url(), f"'{url}'") == (valid, [])


@pytest.mark.parametrize("email", ["info@example.org", "maija.meikalainen@kerava.fi",
                                   "a+b@sub.example.org"])
def test_emails(email):
    assert convert(Email(), email) == (email, [])


@pytest.mark.parametrize("email", ["foo@bar", "@example.org", "a b@example.org",
                                   "a@@example.org", "info@example.o"])
def test_bad_emails(email):
    value, [problem] = convert(Email(), f"'{email}'")
    assert value is INVALID and problem.code == "bad-email"


@pytest.mark.parametrize("phone", ["+358 40 123 4567", "09 123 4567", "(09) 123-4567",
                                   "0401234567"])
def test_phones(phone):
    assert convert(Phone(), phone) == (phone, [])


@pytest.mark.parametrize("phone", ["123", "040 ABC", "+358 40 123 4567 890 123 4", "+"])
def test_bad_phones(phone):
    value, [problem] = convert(Phone(), f"'{phone}'")
    assert value is INVALID and problem.code == "bad-phone"


# -- Y-tunnus --------------------------------------------------------------------------------------

@pytest.mark.parametrize("first7", ["1234567", "0737546", "1000002", "2617416"])
def test_business_ids_with_a_correct_check_digit(first7):
    business_id = valid_business_id(first7)
    assert business_id_check_digit(first7) == int(business_id[-1])
    assert convert(BusinessId(), business_id) == (business_id, [])


def test_known_business_ids():
    assert valid_business_id("1234567") == "1234567-1"
    assert valid_business_id("1000002") == "1000002-0"  # remainder 0: check digit 0


@pytest.mark.parametrize("check_digit", range(10))
def test_business_id_with_remainder_one_has_no_valid_check_digit(check_digit):
    assert business_id_check_digit("1000008") is None  # 7 + 8 * 2 = 23 = 2 * 11 + 1
    value, [problem] = convert(BusinessId(), f"1000008-{check_digit}")
    assert value is INVALID and problem.code == "bad-business-id"


def test_business_id_with_a_wrong_check_digit(tmp_path):
    root = make_site(tmp_path, {ORG: org("""\
        business_id: 1234567-2
        """)})
    assert check(root) == [
        f"{P}:5:14: error[bad-business-id]: business_id: the check digit of '1234567-2' is wrong"]
    assert "ytj.fi" in hints(root)[0]


def test_business_id_with_six_digits_hints_a_leading_zero(tmp_path):
    root = make_site(tmp_path, {ORG: org("""\
        business_id: 737546-2
        """)})
    assert check(root) == [
        f"{P}:5:14: error[bad-business-id]: business_id: '737546-2' has six digits before '-'"]
    assert hints(root) == ["add a leading zero: 0737546-2"]


@pytest.mark.parametrize("text", ["12345678", "1234567-12", "FI12345671", "1234567 1"])
def test_business_id_format(text):
    value, [problem] = convert(BusinessId(), f"'{text}'")
    assert value is INVALID and problem.code == "bad-business-id"
    assert "1234567-8" in problem.hint


# -- vocabulary terms and references -----------------------------------------------------------

def test_unknown_term_with_did_you_mean(tmp_path):
    root = make_site(tmp_path, {ORG: org("""\
        themes: [mielenterveys, vertaistukki]
        """)})
    assert check(root) == [
        f"{P}:5:25: error[unknown-term]: themes[1]: 'vertaistukki' is not in 'themes' in "
        "vocabulary.yaml"]
    assert hints(root) == ["did you mean 'vertaistuki'?"]


@pytest.mark.parametrize("label", ["Liikunta", "LIIKUNTA", "Motion", "exercise"])
def test_term_label_instead_of_id_suggests_the_id(tmp_path, label):
    root = make_site(tmp_path, {ORG: org(f"""\
        themes: ["{label}"]
        """)})
    assert check(root) == [
        f"{P}:5:10: error[unknown-term]: themes[0]: '{label.strip()}' is not in 'themes' in "
        "vocabulary.yaml"]
    assert "'liikunta'" in hints(root)[0]


def test_unknown_term_far_from_any_tells_where_terms_are(tmp_path):
    root = make_site(tmp_path, {ORG: activity("""\
            format: keilailu
        """, HEAD + "activities:\n  - id: ryhma\n    title: Ryhmä\n    summary: Testi.\n")})
    assert check(root) == [
        f"{P}:9:13: error[unknown-term]: activities[0].format: 'keilailu' is not in 'formats' "
        "in vocabulary.yaml"]
    assert "vocabulary.yaml" in hints(root)[0]


def test_unknown_municipality_and_audience(tmp_path):
    root = make_site(tmp_path, {ORG: dedent("""\
        ---
        name: Yhdistys
        summary: Testi.
        municipalities: [kerava, tusula]
        activities:
          - id: ryhma
            title: Ryhmä
            summary: Testi.
            format: ryhma
            audiences: [aikuset]
        ---
        """)})
    assert check(root) == [
        f"{P}:4:26: error[unknown-term]: municipalities[1]: 'tusula' is not in 'municipalities' "
        "in vocabulary.yaml",
        f"{P}:10:17: error[unknown-term]: activities[0].audiences[0]: 'aikuset' is not in "
        "'audiences' in vocabulary.yaml",
    ]
    assert hints(root) == ["did you mean 'tuusula'?", "did you mean 'aikuiset'?"]


def test_unknown_place_with_did_you_mean(tmp_path):
    root = make_site(tmp_path, {ORG: activity("""\
            place: kirjastoo
        """)})
    assert check(root) == [
        f"{P}:10:12: error[unknown-reference]: activities[0].place: there is no place "
        "'kirjastoo' in places/"]
    assert hints(root) == ["did you mean 'kirjasto'?"]


def test_unknown_place_far_from_any_names_the_file_it_should_be(tmp_path):
    root = make_site(tmp_path, {ORG: activity("""\
            place: uimahalli
        """)})
    assert hints(root) == ["the slug is the file name without its ending: places/uimahalli.*"]


def test_unknown_organisation_in_partnership_members(tmp_path):
    root = make_site(tmp_path, {"partnerships/poyta.md": dedent("""\
        ---
        name: Keravan kumppanuuspöytä
        members:
          - yhdistys
          - yhdistyss
        ---
        Yhteistyötä.
        """)})
    assert check(root) == [
        "content/partnerships/poyta.md:5:5: error[unknown-reference]: members[1]: there is no "
        "organisation 'yhdistyss' in organisations/"]
    assert hints(root) == ["did you mean 'yhdistys'?"]


def test_duplicate_value_in_a_list(tmp_path):
    root = make_site(tmp_path, {ORG: org("""\
        themes: [liikunta, vertaistuki, liikunta]
        """)})
    assert check(root) == [
        f"{P}:5:33: error[duplicate-value]: themes[2]: 'liikunta' is listed twice"]


# -- schedules ---------------------------------------------------------------------------------

def test_schedule_rule_with_weekly_and_monthly(tmp_path):
    root = make_site(tmp_path, {ORG: activity("""\
            schedule:
              - weekly: [tue]
                monthly: last fri
        """)})
    assert check(root) == [
        f"{P}:11:9: error[bad-schedule]: activities[0].schedule[0]: a schedule rule needs "
        "exactly one of 'weekly', 'monthly', 'date' or 'rrule' ('weekly' and 'monthly')"]
    assert "separate rules" in hints(root)[0]


def test_schedule_rule_with_no_kind(tmp_path):
    assert site_check(tmp_path, {ORG: activity("""\
            schedule:
              - weekly: [tue]
              - time: "10:00-12:00"
        """)}) == [
        f"{P}:12:9: error[bad-schedule]: activities[0].schedule[1]: a schedule rule needs "
        "exactly one of 'weekly', 'monthly', 'date' or 'rrule' (none of them)"]


def test_every_without_weekly(tmp_path):
    assert site_check(tmp_path, {ORG: activity("""\
            schedule:
              - monthly: 2nd mon
                every: 2
        """)}) == [
        f"{P}:12:16: error[bad-schedule]: activities[0].schedule[0].every: 'every' goes with "
        "'weekly'"]


def test_unknown_key_in_schedule_rule(tmp_path):
    root = make_site(tmp_path, {ORG: activity("""\
            schedule:
              - weekly: [tue]
                untill: 2026-12-18
        """)})
    assert check(root) == [
        f"{P}:12:9: error[unknown-key]: activities[0].schedule[0].untill: 'untill' is not a "
        "field of a schedule rule"]
    assert hints(root) == ["did you mean 'until'?"]


def test_weekday_typo_gets_did_you_mean(tmp_path):
    root = make_site(tmp_path, {ORG: activity("""\
            schedule:
              - weekly: [tiistai, tuesdai]
        """)})
    assert check(root) == [
        f"{P}:11:27: error[bad-value]: activities[0].schedule[0].weekly[1]: 'tuesdai' is not a "
        "weekday"]
    assert hints(root) == ["did you mean 'tue'?"]


@pytest.mark.parametrize(("word", "day"), [
    ("tue", 1), ("Tue", 1), ("ti", 1), ("tiistai", 1), ("Tuesday", 1), ("tis", 1),
    ("mon", 0), ("ma", 0), ("su", 6), ("sunnuntai", 6), ("lör", 5),
])
def test_weekdays(word, day):
    assert convert(Weekday(), word) == (day, [])


@pytest.mark.parametrize(("text", "expected"), [
    ("2nd mon", model.MonthlyDay(2, 0)),
    ("last fri", model.MonthlyDay(-1, 4)),
    ("15", model.MonthlyDay(15)),
    ("1st tiistai", model.MonthlyDay(1, 1)),
    ("1. ma", model.MonthlyDay(1, 0)),
])
def test_monthly_days(text, expected):
    assert convert(MonthlyDayField(), f"'{text}'") == (expected, [])


@pytest.mark.parametrize("text", ["32", "0", "6th mon", "2nd", "joka kuu", "last fryday"])
def test_bad_monthly_days(text):
    value, [problem] = convert(MonthlyDayField(), f"'{text}'")
    assert value is INVALID and problem.code == "bad-value"
    assert "'2nd tue'" in problem.hint


def test_schedule_rules_load_as_model_objects(tmp_path):
    root = make_site(tmp_path, {ORG: activity("""\
            schedule:
              - weekly: [thu, tiistai]
                every: 2
                from: 2026-08-18
                until: 2026-12-18
                time: ["17:00-19:00", "10:00-12:00"]
                except: [2026-12-08, {from: 2026-10-19, until: 2026-10-23}]
                cancelled: [{date: 2026-11-10, note: Ohjaaja sairastunut}, 2026-09-01]
              - monthly: [2nd mon, last fri, 15]
                time: 13-15
              - date: [2026-12-03, 2026-11-05]
        """)})
    [organisation] = load_content(root).organisations
    weekly, monthly, dates = organisation.activities[0].schedule
    assert weekly == model.ScheduleRule(
        weekly=(1, 3), every=2,
        times=(model.TimeRange(dt.time(10), dt.time(12)),
               model.TimeRange(dt.time(17), dt.time(19))),
        start=dt.date(2026, 8, 18), until=dt.date(2026, 12, 18),
        exceptions=(model.DateRange(dt.date(2026, 10, 19), dt.date(2026, 10, 23)),
                    model.DateRange(dt.date(2026, 12, 8), dt.date(2026, 12, 8))),
        cancelled=(model.Cancellation(dt.date(2026, 9, 1)),
                   model.Cancellation(dt.date(2026, 11, 10),
                                      model.Text((("fi", "Ohjaaja sairastunut"),)))),
        holidays=None)
    assert weekly.kind == "weekly" and weekly.skips_holidays
    assert monthly.monthly == (model.MonthlyDay(2, 0), model.MonthlyDay(-1, 4),
                               model.MonthlyDay(15))
    assert monthly.kind == "monthly" and monthly.skips_holidays
    assert dates.dates == (dt.date(2026, 11, 5), dt.date(2026, 12, 3))
    assert dates.kind == "dates" and not dates.skips_holidays


# -- translations ------------------------------------------------------------------------------

def test_translation_with_an_unknown_language(tmp_path):
    root = make_site(tmp_path, {ORG: dedent("""\
        ---
        name: Yhdistys
        summary:
          fi: Testi.
          de: Prüfung.
        municipalities: [kerava]
        ---
        """)})
    # A language code the site does not publish: kept in the file, left out, said once.
    assert check(root) == []
    [warning] = load_content(root).extra["warnings"]
    assert warning.format().startswith(
        f"{P}:5:3: warning[unpublished-language]: summary.de: 'de' is not a language of this "
        "site (fi, sv, en)")
    assert load_content(root).organisations[0].summary.items == (("fi", "Testi."),)


def test_translation_under_a_key_that_is_no_language(tmp_path):
    root = make_site(tmp_path, {ORG: dedent("""\
        ---
        name: Yhdistys
        summary:
          fi: Testi.
          Saksaksi: Prüfung.
        municipalities: [kerava]
        ---
        """)})
    assert check(root) == [
        f"{P}:5:3: error[unknown-language]: summary.Saksaksi: 'Saksaksi' is not a language of "
        "this site (fi, sv, en)"]


def test_translation_language_typo_gets_did_you_mean(tmp_path):
    root = make_site(tmp_path, {ORG: org("""\
        address: {fi: Katu 1, svv: Gatan 1}
        """)})
    assert check(root)[0].startswith(f"{P}:5:23: error[unknown-language]: address.svv: ")
    assert hints(root) == ["did you mean 'sv'?"]


def test_translations_follow_site_language_order_and_get_falls_back():
    value, found = convert(TextField(), "{en: In English, fi: Suomeksi}")
    assert found == []
    assert value == model.Text((("fi", "Suomeksi"), ("en", "In English")))
    assert value.get("en") == ("In English", "en")
    assert value.get("sv") == ("Suomeksi", "fi")
    assert value.has("en") and not value.has("sv")
    assert value.languages == ("fi", "en")


def test_translations_with_no_text_at_all():
    value, [problem] = convert(TextField(), "{fi: , sv: }")
    assert value is INVALID
    assert (problem.code, problem.message) == ("missing-field", "no text in any language")


def test_duplicate_language_in_a_translation_mapping(tmp_path):
    root = make_site(tmp_path, {ORG: dedent("""\
        ---
        name: Yhdistys
        summary:
          fi: Ensimmäinen.
          fi: Toinen.
        municipalities: [kerava]
        ---
        """)})
    assert check(root) == [
        f"{P}:5:3: error[duplicate-key]: summary.fi: 'fi' is given twice (first on line 4)"]
