"""hyteguide.web.i18n: the interface catalogues and the language-aware dates, times and
schedules."""

from __future__ import annotations

import datetime as dt
import re
import string
from pathlib import Path

import pytest
import yaml

from hyteguide.model import DateRange, MonthlyDay, ScheduleRule, Text, TimeRange
from hyteguide.web.i18n import Catalogue, MissingMessage, load_catalogue

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
LANGUAGES = ("fi", "sv", "en")
D = dt.date
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


def T(start: str, end: str) -> TimeRange:  # noqa: N802
    return TimeRange(dt.time.fromisoformat(start), dt.time.fromisoformat(end))


@pytest.fixture(scope="module")
def catalogues() -> dict[str, Catalogue]:
    return {lang: load_catalogue(TEMPLATES, lang) for lang in LANGUAGES}


@pytest.fixture(scope="module")
def fi(catalogues):
    return catalogues["fi"]


@pytest.fixture(scope="module")
def sv(catalogues):
    return catalogues["sv"]


@pytest.fixture(scope="module")
def en(catalogues):
    return catalogues["en"]


# -- the catalogue files ------------------------------------------------------------------------

def test_the_three_catalogues_have_exactly_the_same_keys(catalogues):
    keys = {lang: set(c.messages) for lang, c in catalogues.items()}
    every = set().union(*keys.values())
    missing = {lang: sorted(every - k) for lang, k in keys.items() if every - k}
    assert missing == {}, f"keys missing from some catalogues: {missing}"


def test_no_value_is_empty(catalogues):
    empty = []
    for lang, catalogue in catalogues.items():
        for key, value in catalogue.messages.items():
            values = value if isinstance(value, list) else [value]
            if not values or any(not isinstance(v, str) or not v.strip() for v in values):
                empty.append(f"{lang}: {key}")
    assert empty == []


def test_every_value_is_text_or_a_list_of_texts(catalogues):
    for lang, catalogue in catalogues.items():
        for key, value in catalogue.messages.items():
            assert isinstance(value, str) or (
                isinstance(value, list) and all(isinstance(v, str) for v in value)), (lang, key)


def test_catalogue_files_are_plain_yaml_without_duplicate_keys():
    class Strict(yaml.SafeLoader):
        pass

    def no_duplicates(loader, node, deep=False):  # noqa: ANN001
        keys = [loader.construct_object(k, deep=deep) for k, _ in node.value]
        duplicates = {k for k in keys if keys.count(k) > 1}
        assert not duplicates, f"duplicate keys {duplicates} at line {node.start_mark.line + 1}"
        return loader.construct_mapping(node, deep)

    Strict.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, no_duplicates)
    for lang in LANGUAGES:
        assert isinstance(yaml.load((TEMPLATES / "i18n" / f"{lang}.yaml")
                                    .read_text(encoding="utf-8"), Loader=Strict), dict)


@pytest.mark.parametrize(("key", "length"), [
    ("weekdays", 7), ("weekdays_short", 7), ("weekdays_plural", 7), ("weekdays_monthly", 7),
    ("months", 12), ("months_short", 12), ("ordinals", 6),
])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_lists_have_the_right_length(catalogues, lang, key, length):
    value = catalogues[lang].messages[key]
    assert isinstance(value, list) and len(value) == length
    assert len(set(value)) == length, f"{lang} {key} repeats an item"


def _placeholders(value: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(value) if name is not None}


def test_schedule_messages_use_the_same_placeholders_in_every_language(catalogues):
    keys = [k for k in catalogues["fi"].messages if k.startswith("schedule.")]
    for key in keys:
        found = {lang: _placeholders(c.messages[key]) for lang, c in catalogues.items()
                 if key in c.messages}
        assert len(set(map(frozenset, found.values()))) == 1, (key, found)


def test_date_formats_use_only_known_fields(catalogues):
    known = {"d", "m", "y", "mon", "month", "wd", "weekday"}
    for lang, catalogue in catalogues.items():
        for style in ("date", "short", "day", "weekday", "long"):
            fields = _placeholders(catalogue.messages[f"format.{style}"])
            assert fields and fields <= known, (lang, style, fields)


def test_catalogue_keys_used_by_templates_exist(catalogues):
    """Every literal _('key') written in a template is in every catalogue."""
    pattern = re.compile(r"""\b_\(\s*["']([A-Za-z0-9_.]+)["']\s*[,)]""")
    used = {key for path in TEMPLATES.rglob("*") if path.suffix in {".html", ".xml"}
            for key in pattern.findall(path.read_text(encoding="utf-8"))}
    missing = sorted(f"{lang}: {key}" for key in used for lang, c in catalogues.items()
                     if key not in c.messages)
    assert missing == []


def test_catalogue_keys_used_by_the_renderer_exist(catalogues):
    """Page titles and the language switcher come from the catalogue in
    hyteguide/build/render.py."""
    from hyteguide.derive.terms import TAXONOMIES

    used = {"language_name", "notfound.title", "nav.organisations", "nav.activities",
            "nav.places", "nav.partnerships", *(f"nav.{group}" for group in TAXONOMIES)}
    missing = sorted(f"{lang}: {key}" for key in used for lang, c in catalogues.items()
                     if key not in c.messages)
    assert missing == []


# -- lookups ------------------------------------------------------------------------------------

def test_missing_key_raises_missing_message(fi):
    with pytest.raises(MissingMessage, match="no-such.key"):
        fi("no-such.key")
    with pytest.raises(KeyError):  # MissingMessage is a KeyError
        fi("no-such.key", x=1)


def test_lookup_with_and_without_values(fi, en):
    assert fi("schedule.and") == "ja"
    assert fi("language_name") == "suomi"
    assert en("schedule.from", date="1 Sep 2026") == "from 1 Sep 2026"


def test_a_catalogue_built_directly_works_the_same():
    catalogue = Catalogue("xx", {"greeting": "hei {name}"})
    assert catalogue("greeting", name="Anna") == "hei Anna"
    assert catalogue("greeting") == "hei {name}"
    with pytest.raises(MissingMessage):
        catalogue("other")


def test_values_are_read_as_text_not_guessed(catalogues):
    # BaseLoader: 'no', 'on', '24' and '02d' stay text
    for catalogue in catalogues.values():
        assert all(isinstance(v, (str, list)) for v in catalogue.messages.values())
    assert catalogues["fi"].messages["format.midnight"] == "24"


# -- dates and times ----------------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "expected"), [
    ("fi", "24.11.2026"), ("sv", "24.11.2026"), ("en", "24 Nov 2026"),
])
def test_date(catalogues, lang, expected):
    assert catalogues[lang].date(D(2026, 11, 24)) == expected


def test_date_styles(fi, sv, en):
    day = D(2026, 11, 24)  # a Tuesday
    assert fi.date(day, "short") == "24.11."
    assert fi.date(day, "weekday") == "ti 24.11.2026"
    assert fi.date(day, "long") == "tiistai 24.11.2026"
    assert sv.date(day, "long") == "tisdag 24.11.2026"
    assert en.date(day, "long") == "Tuesday 24 November 2026"
    assert en.date(day, "weekday") == "Tue 24 Nov 2026"


def test_single_digit_days_and_months_have_no_leading_zero(fi, en):
    assert fi.date(D(2027, 1, 6)) == "6.1.2027"
    assert en.date(D(2027, 1, 6)) == "6 Jan 2027"


@pytest.mark.parametrize(("lang", "times", "expected"), [
    ("fi", ("10:00", "14:00"), "klo 10–14"),
    ("fi", ("10:30", "12:00"), "klo 10.30–12"),
    ("fi", ("09:05", "09:45"), "klo 9.05–9.45"),
    ("sv", ("10:00", "14:00"), "kl. 10–14"),
    ("sv", ("10:30", "12:00"), "kl. 10.30–12"),
    ("en", ("10:00", "14:00"), "10:00–14:00"),
    ("en", ("10:30", "12:00"), "10:30–12:00"),
    ("en", ("09:05", "09:45"), "09:05–09:45"),
])
def test_time_range(catalogues, lang, times, expected):
    assert catalogues[lang].time_range(T(*times)) == expected


def test_midnight_end(fi, en):
    assert fi.time_range(TimeRange(dt.time(18), dt.time.max)) == "klo 18–24"
    assert en.time_range(TimeRange(dt.time(18), dt.time.max)) == "18:00–24:00"


def test_date_ranges(fi, en):
    assert fi.date_range(DateRange(D(2026, 8, 15), D(2026, 12, 18))) == "15.8.–18.12.2026"
    assert fi.date_range(DateRange(D(2026, 10, 12), D(2026, 10, 16))) == "12.–16.10.2026"
    assert fi.date_range(DateRange(D(2026, 12, 21), D(2027, 1, 6))) == "21.12.2026–6.1.2027"
    assert fi.date_range(DateRange(D(2026, 10, 5), D(2026, 10, 5))) == "5.10.2026"
    assert en.date_range(DateRange(D(2026, 8, 15), D(2026, 12, 18))) == "15 Aug – 18 Dec 2026"
    assert en.date_range(DateRange(D(2026, 12, 21), D(2027, 1, 6))) == "21 Dec 2026 – 6 Jan 2027"
    same_month = en.date_range(DateRange(D(2026, 10, 12), D(2026, 10, 16)))
    assert same_month.startswith("12") and same_month.endswith("16 Oct 2026")


def test_join(fi, sv, en):
    assert fi.join([]) == ""
    assert fi.join(["a"]) == "a"
    assert fi.join(["a", "b"]) == "a ja b"
    assert sv.join(["a", "b", "c"]) == "a, b och c"
    assert en.join(["a", "b", "c"]) == "a, b and c"


# -- schedules in words -------------------------------------------------------------------------

WEEKLY = ScheduleRule(weekly=(TUE, THU), times=(T("10:00", "14:00"),), start=D(2026, 8, 15),
                      until=D(2026, 12, 18))
MONTHLY = ScheduleRule(monthly=(MonthlyDay(2, MON),), times=(T("17:00", "19:00"),))


@pytest.mark.parametrize(("lang", "rule", "expected"), [
    ("fi", WEEKLY, "tiistaisin ja torstaisin klo 10–14, 15.8.–18.12.2026, ei juhlapyhinä"),
    ("sv", WEEKLY, "tisdagar och torsdagar kl. 10–14, 15.8.–18.12.2026, inte på helgdagar"),
    ("en", WEEKLY, "Tuesdays and Thursdays 10:00–14:00, 15 Aug – 18 Dec 2026, "
                   "not on public holidays"),
    ("fi", MONTHLY, "joka kuukauden toinen maanantai klo 17–19, ei juhlapyhinä"),
    ("sv", MONTHLY, "andra måndagen varje månad kl. 17–19, inte på helgdagar"),
    ("en", MONTHLY, "the second Monday of every month 17:00–19:00, not on public holidays"),
])
def test_schedule_sentences(catalogues, lang, rule, expected):
    assert catalogues[lang].schedule(rule) == expected


@pytest.mark.parametrize(("lang", "expected"), [
    ("fi", "joka kuukauden viimeinen perjantai klo 17–19"),
    ("sv", "sista fredagen varje månad kl. 17–19"),
    ("en", "the last Friday of every month 17:00–19:00"),
])
def test_last_weekday_of_the_month_including_holidays(catalogues, lang, expected):
    rule = ScheduleRule(monthly=(MonthlyDay(-1, FRI),), times=(T("17:00", "19:00"),),
                        holidays="include")
    assert catalogues[lang].schedule(rule) == expected


@pytest.mark.parametrize(("lang", "expected"), [
    ("fi", "joka kuukauden 31. päivä"),
    ("sv", "den 31 varje månad"),
    ("en", "day 31 of every month"),
])
def test_day_of_the_month(catalogues, lang, expected):
    rule = ScheduleRule(monthly=(MonthlyDay(31),), holidays="include")
    assert catalogues[lang].schedule(rule) == expected


@pytest.mark.parametrize(("lang", "expected"), [
    ("fi", "joka toinen viikko keskiviikkoisin klo 10.30–12, 2.9.2026 alkaen, ei juhlapyhinä"),
    ("sv", "varannan vecka på onsdagar kl. 10.30–12, från 2.9.2026, inte på helgdagar"),
    ("en", "every other week on Wednesdays 10:30–12:00, from 2 Sep 2026, "
           "not on public holidays"),
])
def test_every_other_week_from_a_date(catalogues, lang, expected):
    rule = ScheduleRule(weekly=(WED,), every=2, start=D(2026, 9, 2),
                        times=(T("10:30", "12:00"),))
    assert catalogues[lang].schedule(rule) == expected


@pytest.mark.parametrize(("lang", "expected"), [
    ("fi", "joka 3. viikko torstaisin, 1.10.2026 asti"),
    ("sv", "var 3:e vecka på torsdagar, till 1.10.2026"),
    ("en", "every 3 weeks on Thursdays, until 1 Oct 2026"),
])
def test_every_three_weeks_until_a_date(catalogues, lang, expected):
    rule = ScheduleRule(weekly=(THU,), every=3, until=D(2026, 10, 1), holidays="include")
    assert catalogues[lang].schedule(rule) == expected


@pytest.mark.parametrize(("lang", "expected"), [
    ("fi", "ti 24.11.2026 ja ti 1.12.2026 klo 10–14 ja klo 16–18"),
    ("en", "Tue 24 Nov 2026 and Tue 1 Dec 2026 10:00–14:00 and 16:00–18:00"),
])
def test_single_dates_never_mention_holidays(catalogues, lang, expected):
    rule = ScheduleRule(dates=(D(2026, 11, 24), D(2026, 12, 1)),
                        times=(T("10:00", "14:00"), T("16:00", "18:00")))
    assert catalogues[lang].schedule(rule) == expected


def test_exceptions_are_listed(fi, en):
    rule = ScheduleRule(weekly=(MON,), holidays="include", exceptions=(
        DateRange(D(2026, 10, 5), D(2026, 10, 5)), DateRange(D(2026, 12, 21), D(2027, 1, 6))))
    assert fi.schedule(rule) == "maanantaisin; ei 5.10.2026 ja 21.12.2026–6.1.2027"
    assert en.schedule(rule) == "Mondays; not on 5 Oct 2026 and 21 Dec 2026 – 6 Jan 2027"


def test_note_is_shown_only_with_a_text_function(fi):
    rule = ScheduleRule(weekly=(TUE,), holidays="include", note=Text((("fi", "ei kesällä"),)))
    assert fi.schedule(rule) == "tiistaisin"
    assert fi.schedule(rule, lambda t: t.get("fi")[0]) == "tiistaisin; ei kesällä"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_weekday_and_ordinal_has_words(catalogues, lang):
    catalogue = catalogues[lang]
    for weekday in range(7):
        weekly = catalogue.schedule(ScheduleRule(weekly=(weekday,), holidays="include"))
        assert weekly == catalogue.messages["weekdays_plural"][weekday]
        for ordinal in (1, 2, 3, 4, 5, -1):
            words = catalogue.schedule(ScheduleRule(monthly=(MonthlyDay(ordinal, weekday),),
                                                    holidays="include"))
            assert "{" not in words and catalogue.messages["weekdays_monthly"][weekday] in words


@pytest.mark.parametrize(("lang", "expected"), [
    ("fi", "joka toinen kuukausi: ensimmäinen keskiviikko klo 17.30–19, ei juhlapyhinä"),
    ("sv", "varannan månad: första onsdagen kl. 17.30–19, inte på helgdagar"),
    ("en", "every other month: the first Wednesday 17:30–19:00, not on public holidays"),
])
def test_raw_rule_every_other_month_in_words(catalogues, lang, expected):
    rule = ScheduleRule(rrule="FREQ=MONTHLY;INTERVAL=2;BYDAY=1WE", start=D(2026, 12, 2),
                        times=(T("17:30", "19:00"),))
    assert catalogues[lang].schedule(rule).replace(", 2.12.2026 alkaen", "").replace(
        ", från 2.12.2026", "").replace(", from 2 Dec 2026", "") == expected


@pytest.mark.parametrize(("lang", "expected"), [
    ("fi", "joka kuukauden ensimmäinen ja kolmas tiistai"),
    ("sv", "första och tredje tisdagen varje månad"),
    ("en", "the first and third Tuesday of every month"),
])
def test_raw_rule_with_two_ordinals_shares_the_weekday(catalogues, lang, expected):
    rule = ScheduleRule(rrule="FREQ=MONTHLY;BYDAY=1TU,3TU", holidays="include")
    assert catalogues[lang].schedule(rule) == expected


def test_rare_raw_rule_points_to_the_dates(catalogues):
    rule = ScheduleRule(rrule="FREQ=YEARLY;BYWEEKNO=20", holidays="include")
    assert catalogues["fi"].schedule(rule) == "erikseen ilmoitettuina päivinä, katso päivät alta"
