"""hyteguide.derive.guide: indexes by term, relations, occurrences and Finnish/Swedish sort order.

The content is built directly from hyteguide.model objects, so only derive() is under test.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from hyteguide.derive.guide import derive, sort_key
from hyteguide.derive.terms import TAXONOMIES
from hyteguide.derive.upcoming import UPCOMING_PER_ACTIVITY
from hyteguide.model import (
    Activity,
    Cancellation,
    Content,
    Organisation,
    Partnership,
    Place,
    ScheduleRule,
    Site,
    SiteContact,
    Term,
    Text,
    TimeRange,
    Vocabulary,
)

D = dt.date
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
TODAY = D(2026, 11, 23)  # a Monday


def text(value: str) -> Text:
    return Text((("fi", value),))


def T(start: str, end: str) -> TimeRange:  # noqa: N802
    return TimeRange(dt.time.fromisoformat(start), dt.time.fromisoformat(end))


def vocabulary() -> Vocabulary:
    groups = {
        "municipalities": ["kerava", "tuusula", "jarvenpaa", "mantsala"],
        "themes": ["vertaistuki", "liikunta", "mielenterveys", "kulttuuri", "unused"],
        "audiences": ["aikuiset", "seniorit", "nuoret"],
        "formats": ["ryhma", "kohtaamispaikka", "tapahtuma"],
        "expertise": ["kokemusasiantuntijuus"],
    }
    return Vocabulary({group: {i: Term(group, i, text(i.capitalize())) for i in ids}
                       for group, ids in groups.items()})


def site(horizon_weeks: int = 12) -> Site:
    return Site(name=text("Testiopas"), region=text("Keski-Uusimaa"),
                base_url="https://example.org/", languages=("fi", "sv", "en"),
                timezone="Europe/Helsinki", contact=SiteContact(email="a@example.org"),
                horizon_weeks=horizon_weeks)


def activity(org: str, id: str, title: str, format: str, *rules: ScheduleRule,  # noqa: A002
             place: str | None = None, themes=(), audiences=()) -> Activity:
    return Activity(org, id, text(title), text("Kuvaus."), format, themes=tuple(themes),
                    audiences=tuple(audiences), place=place, schedule=tuple(rules))


LAULU = activity("aaneen", "laulu", "Laulu", "ryhma",
                 ScheduleRule(weekly=(TUE,), times=(T("10:00", "12:00"),)),
                 place="halli", themes=["kulttuuri"], audiences=["seniorit"])
OLOHUONE = activity("aaneen", "olohuone", "Avoin olohuone", "kohtaamispaikka",
                    ScheduleRule(weekly=(MON, WED, FRI), times=(T("12:00", "15:00"),)),
                    themes=["mielenterveys"], audiences=["aikuiset"])
RETKI = activity("zeta", "retki", "Ötökkäretki", "tapahtuma",
                 ScheduleRule(dates=(D(2026, 11, 24), D(2026, 12, 24)),
                              times=(T("09:00", "10:00"), T("13:00", "14:00")),
                              holidays="include"),
                 place="kirjasto", themes=["liikunta"], audiences=["nuoret", "aikuiset"])
MENNYT = activity("zeta", "mennyt", "Mennyt kurssi", "ryhma",
                  ScheduleRule(weekly=(THU,), start=D(2026, 1, 1), until=D(2026, 6, 30)))

AANEEN = Organisation("aaneen", text("Ääneen ry"), text("S."), ("jarvenpaa",),
                      themes=("vertaistuki",), activities=(LAULU, OLOHUONE))
ZETA = Organisation("zeta", text("Zeta ry"), text("S."), ("kerava", "tuusula"),
                    activities=(RETKI, MENNYT))
ABO = Organisation("abo", text("Åbo ry"), text("S."), ("mantsala",), themes=("liikunta",))
ANKKURI = Organisation("ankkuri", text("ankkuri ry"), text("S."), ("kerava",))

KIRJASTO = Place("kirjasto", text("Keravan kirjasto"), text("Paasikivenkatu 12"), "kerava")
HALLI = Place("halli", text("Hyrylän halli"), text("Halli 1"), "tuusula")
AULA = Place("aula", text("Ämmän aula"), text("Aula 1"), "kerava")

POYTA = Partnership("poyta", text("Hyte-pöytä"), ("zeta", "aaneen"))
ALPHA = Partnership("alpha", text("Alpha-verkosto"), ("zeta",))


def content(horizon_weeks: int = 12, organisations=(ZETA, ABO, AANEEN, ANKKURI)) -> Content:
    return Content(site(horizon_weeks), vocabulary(), tuple(organisations),
                   (KIRJASTO, AULA, HALLI), (POYTA, ALPHA), ())


@pytest.fixture(scope="module")
def guide():
    return derive(content(), TODAY)


def slugs(items) -> list[str]:
    return [i.slug for i in items]


def keys(items) -> list[str]:
    return [i.key for i in items]


# -- sort order ---------------------------------------------------------------------------------

def test_sort_key_puts_a_ring_a_umlaut_o_umlaut_after_z():
    words = ["Öljy", "Zeta", "Åke", "Ähky", "apu", "Anna", "ärrä", "zoo", "Oona", "ÅÅ"]
    assert sorted(words, key=sort_key) == [
        "Anna", "apu", "Oona", "Zeta", "zoo", "Åke", "ÅÅ", "Ähky", "ärrä", "Öljy"]


def test_sort_key_ignores_case():
    assert sort_key("ÄITI") == sort_key("äiti")
    assert sorted(["b", "A", "c"], key=sort_key) == ["A", "b", "c"]


def test_sort_key_inside_words():
    assert sorted(["Kaarina", "Kääriäinen", "Kaz", "Kåre", "Köhö"], key=sort_key) == [
        "Kaarina", "Kaz", "Kåre", "Kääriäinen", "Köhö"]


def test_sort_key_treats_decomposed_letters_like_precomposed_ones():
    assert sort_key("A\u0308a\u0308neen ry") == sort_key("Ääneen ry")


def test_organisations_activities_places_partnerships_are_sorted(guide):
    assert slugs(guide.organisations) == ["ankkuri", "zeta", "abo", "aaneen"]
    assert keys(guide.activities) == ["aaneen/olohuone", "aaneen/laulu", "zeta/mennyt",
                                      "zeta/retki"]
    assert slugs(guide.places) == ["halli", "kirjasto", "aula"]
    assert slugs(guide.partnerships) == ["alpha", "poyta"]


# -- relations ----------------------------------------------------------------------------------

def test_lookups(guide):
    assert guide.organisation_by_slug["zeta"] is ZETA
    assert guide.place_by_slug["halli"] is HALLI
    assert guide.organisation_of(LAULU) is AANEEN
    assert guide.content.site.name.default == "Testiopas"
    assert guide.today == TODAY


def test_activity_municipalities_from_the_place_else_the_organisation(guide):
    assert guide.activity_municipalities == {
        "aaneen/laulu": ("tuusula",),      # its place is in Tuusula, the organisation elsewhere
        "aaneen/olohuone": ("jarvenpaa",),  # no place: where the organisation acts
        "zeta/retki": ("kerava",),
        "zeta/mennyt": ("kerava", "tuusula"),
    }


def test_activities_at_place(guide):
    assert {k: keys(v) for k, v in guide.activities_at_place.items()} == {
        "halli": ["aaneen/laulu"], "kirjasto": ["zeta/retki"]}


def test_partnerships_of_members(guide):
    assert {k: slugs(v) for k, v in guide.partnerships_of.items()} == {
        "zeta": ["alpha", "poyta"], "aaneen": ["poyta"]}


# -- taxonomies ---------------------------------------------------------------------------------

def index(guide, group: str) -> dict[str, tuple[list[str], list[str]]]:
    return {term_id: (slugs(entry.organisations), keys(entry.activities))
            for term_id, entry in guide.taxonomies[group].items()}


def test_every_taxonomy_lists_every_term_of_its_group(guide):
    assert set(guide.taxonomies) == set(TAXONOMIES) == {
        "municipalities", "themes", "audiences", "formats", "expertise"}
    for group in TAXONOMIES:
        assert set(guide.taxonomies[group]) == set(vocabulary().group(group))
        for term_id, entry in guide.taxonomies[group].items():
            assert entry.term.id == term_id and entry.term.group == group


def test_themes_of_organisations_and_their_activities(guide):
    assert index(guide, "themes") == {
        "vertaistuki": (["aaneen"], []),                        # the organisation's own
        "liikunta": (["zeta", "abo"], ["zeta/retki"]),          # via an activity, and own
        "mielenterveys": (["aaneen"], ["aaneen/olohuone"]),      # via an activity only
        "kulttuuri": (["aaneen"], ["aaneen/laulu"]),
        "unused": ([], []),
    }


def test_municipalities_of_organisations_and_activities(guide):
    assert index(guide, "municipalities") == {
        "kerava": (["ankkuri", "zeta"], ["zeta/mennyt", "zeta/retki"]),
        "tuusula": (["zeta", "aaneen"], ["aaneen/laulu", "zeta/mennyt"]),
        "jarvenpaa": (["aaneen"], ["aaneen/olohuone"]),
        "mantsala": (["abo"], []),
    }


def test_audiences(guide):
    assert index(guide, "audiences") == {
        "aikuiset": (["zeta", "aaneen"], ["aaneen/olohuone", "zeta/retki"]),
        "seniorit": (["aaneen"], ["aaneen/laulu"]),
        "nuoret": (["zeta"], ["zeta/retki"]),
    }


def test_formats(guide):
    assert index(guide, "formats") == {
        "ryhma": (["zeta", "aaneen"], ["aaneen/laulu", "zeta/mennyt"]),
        "kohtaamispaikka": (["aaneen"], ["aaneen/olohuone"]),
        "tapahtuma": (["zeta"], ["zeta/retki"]),
    }


# -- occurrences --------------------------------------------------------------------------------

def test_occurrences_are_sorted_by_date_time_and_title(guide):
    found = [(o.date, o.time.start if o.time else None, o.activity.title.default)
             for o in guide.occurrences]
    assert found == sorted(found, key=lambda x: (x[0], x[1] or dt.time.min, x[2]))
    assert found[:4] == [
        (D(2026, 11, 23), dt.time(12), "Avoin olohuone"),
        (D(2026, 11, 24), dt.time(9), "Ötökkäretki"),
        (D(2026, 11, 24), dt.time(10), "Laulu"),
        (D(2026, 11, 24), dt.time(13), "Ötökkäretki"),
    ]


def test_occurrences_stay_within_today_and_the_horizon(guide):
    horizon = TODAY + dt.timedelta(weeks=12)
    assert all(TODAY <= o.date <= horizon for o in guide.occurrences)
    assert guide.occurrences[0].date == TODAY
    assert "zeta/mennyt" not in {o.activity.key for o in guide.occurrences}


def test_a_shorter_horizon_gives_fewer_occurrences():
    short = derive(content(horizon_weeks=2), TODAY)
    assert max(o.date for o in short.occurrences) <= TODAY + dt.timedelta(weeks=2)
    assert D(2026, 12, 24) not in {o.date for o in short.occurrences}
    assert D(2026, 12, 24) in {o.date for o in derive(content(), TODAY).occurrences}


def test_upcoming_has_at_most_eight_per_activity_and_the_earliest(guide):
    assert UPCOMING_PER_ACTIVITY == 8
    olohuone = guide.upcoming["aaneen/olohuone"]
    assert [o.date for o in olohuone] == [D(2026, 11, 23), D(2026, 11, 25), D(2026, 11, 27),
                                          D(2026, 11, 30), D(2026, 12, 2), D(2026, 12, 4),
                                          D(2026, 12, 7), D(2026, 12, 9)]
    for key, upcoming in guide.upcoming.items():
        assert 1 <= len(upcoming) <= UPCOMING_PER_ACTIVITY
        assert list(upcoming) == [o for o in guide.occurrences if o.activity.key == key][:8]


def activity_with(*rules: ScheduleRule) -> Activity:
    return dataclasses.replace(LAULU, schedule=rules)


def upcoming_of(*rules: ScheduleRule, today: dt.date = TODAY) -> list:
    organisation = dataclasses.replace(AANEEN, activities=(activity_with(*rules),))
    return list(derive(content(organisations=(organisation,)), today).upcoming.get(
        "aaneen/laulu", ()))


def test_upcoming_dates_are_found_beyond_the_calendar_window():
    """A June camp entered in December lists its June days (the window is 12 weeks)."""
    camp = ScheduleRule(weekly=(MON, TUE, WED), times=(T("09:00", "15:00"),),
                        start=D(2027, 6, 7), until=D(2027, 6, 16))
    assert [o.date for o in upcoming_of(camp, today=D(2026, 12, 6))] == [
        D(2027, 6, 7), D(2027, 6, 8), D(2027, 6, 9), D(2027, 6, 14), D(2027, 6, 15),
        D(2027, 6, 16)]


def test_single_dates_far_ahead_and_a_rule_without_end_reaching_a_year():
    far = ScheduleRule(dates=(D(2028, 3, 1),))
    assert [o.date for o in upcoming_of(far)] == [D(2028, 3, 1)]
    yearly = ScheduleRule(rrule="FREQ=YEARLY;BYMONTH=8;BYMONTHDAY=20", holidays="include")
    assert [o.date for o in upcoming_of(yearly)] == [D(2027, 8, 20)]  # within a rolling year
    biennial = ScheduleRule(rrule="FREQ=YEARLY;INTERVAL=2;BYMONTH=11;BYMONTHDAY=20")
    assert upcoming_of(biennial) == []  # 20.11.2028 is beyond the rolling year
    later = ScheduleRule(weekly=(MON,), start=D(2028, 1, 3))  # no end: a year from its start
    assert upcoming_of(later)[0].date == D(2028, 1, 3)


def test_next_held_skips_cancelled_dates_however_far():
    rule = ScheduleRule(weekly=(TUE,), start=D(2027, 5, 4), until=D(2027, 5, 25),
                        cancelled=(Cancellation(D(2027, 5, 4)),))
    organisation = dataclasses.replace(AANEEN, activities=(activity_with(rule),))
    found = derive(content(organisations=(organisation,)), TODAY)
    assert [o.date for o in found.next_held["aaneen/laulu"]] == [
        D(2027, 5, 11), D(2027, 5, 18), D(2027, 5, 25)]
    assert found.upcoming["aaneen/laulu"][0].cancelled


def test_upcoming_counts_each_time_range(guide):
    retki = guide.upcoming["zeta/retki"]
    assert [(o.date, o.time.start) for o in retki] == [
        (D(2026, 11, 24), dt.time(9)), (D(2026, 11, 24), dt.time(13)),
        (D(2026, 12, 24), dt.time(9)), (D(2026, 12, 24), dt.time(13))]


def test_activity_without_occurrences_has_no_upcoming(guide):
    assert guide.upcoming.get("zeta/mennyt", ()) == ()


def test_on_and_between(guide):
    assert [o.activity.key for o in guide.on(D(2026, 11, 24))] == [
        "zeta/retki", "aaneen/laulu", "zeta/retki"]
    week = guide.between(D(2026, 11, 24), D(2026, 11, 29))
    assert {o.date for o in week} == {D(2026, 11, 24), D(2026, 11, 25), D(2026, 11, 27)}
    assert guide.on(D(2026, 11, 29)) == ()


def test_cancelled_occurrences_stay_listed_and_marked():
    cancelled = dataclasses.replace(LAULU, schedule=(ScheduleRule(
        weekly=(TUE,), times=(T("10:00", "12:00"),),
        cancelled=(Cancellation(D(2026, 11, 24), text("Sairastuminen")),)),))
    organisation = dataclasses.replace(AANEEN, activities=(cancelled,))
    found = derive(content(organisations=(organisation,)), TODAY)
    first = found.upcoming["aaneen/laulu"][0]
    assert first.date == D(2026, 11, 24) and first.cancelled
    assert first.note.default == "Sairastuminen"
    assert not found.upcoming["aaneen/laulu"][1].cancelled


def test_empty_content_derives_empty_indexes():
    empty = Content(site(), vocabulary(), (), (), (), ())
    found = derive(empty, TODAY)
    assert found.organisations == found.activities == found.occurrences == ()
    assert found.upcoming == {} and found.activities_at_place == {}
    assert all(entry.organisations == () and entry.activities == ()
               for group in TAXONOMIES for entry in found.taxonomies[group].values())
