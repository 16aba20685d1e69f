"""Registering for an activity (issue 19, point 5): a registration web address and the days
registration is open, checked against each other and against 'registration: none', shown on
the activity page and carried by the open data; and what 'low_threshold' promises (point 15:
free, no referral, no registration), held by `check`."""

from __future__ import annotations

import datetime as dt

import pytest

from hyteguide.content.load import load_content
from tests.content.test_activity_website import activity_page
from tests.helpers import ORGANISATION_MD, check, hints, make_site
from tests.opendata.test_activity_website_export import exported

P = "content/organisations/yhdistys.md"
FORM = "https://olohuone.example.org/ilmoittaudu"


def with_lines(*lines: str) -> str:
    """The helpers' organisation with lines added to its activity after `format` (line 13 on)."""
    added = "".join(f"    {line}\n" for line in lines)
    return ORGANISATION_MD.replace("    format: kohtaamispaikka\n",
                                   f"    format: kohtaamispaikka\n{added}")


def site(tmp_path, *lines: str):
    return make_site(tmp_path, {"organisations/yhdistys.md": with_lines(*lines)})


def test_the_three_fields_load(tmp_path):
    root = site(tmp_path, "registration: Verkkolomakkeella.", f"registration_url: {FORM}",
                "registration_opens: 2027-02-01", "registration_closes: 2027-04-30")
    assert check(root) == []
    activity = load_content(root).organisations[0].activities[0]
    assert (activity.registration_url, activity.registration_opens,
            activity.registration_closes) == (FORM, dt.date(2027, 2, 1), dt.date(2027, 4, 30))


def test_a_period_that_closes_before_it_opens_is_an_error(tmp_path):
    root = site(tmp_path, "registration_opens: 2027-04-30", "registration_closes: 2027-02-01")
    assert check(root) == [f"{P}:14:26: error[date-order]: activities[0].registration_closes: "
                           "'registration_closes' (2027-02-01) is before 'registration_opens' "
                           "(2027-04-30)"]
    assert hints(root) == ["check both dates; 'registration_closes' must be on or after "
                           "'registration_opens'"]


def test_none_with_a_way_to_register_is_a_contradiction(tmp_path):
    root = site(tmp_path, "registration: none", f"registration_url: {FORM}")
    assert check(root) == [f"{P}:13:19: error[bad-value]: activities[0].registration: "
                           "'registration: none' says no registration is needed, but "
                           "'registration_url' says how to register"]


@pytest.mark.parametrize(("lines", "reason"), [
    (("cost: 3 € / kerta",), "it has a cost ('cost' is not 'free')"),
    (("cost: free", "registration: Soita ohjaajalle."),
     "it needs registration ('registration' is not 'none')"),
    ((f"registration_url: {FORM}",), "it gives a way or time to register"),
    (("registration_closes: 2027-01-10",), "it gives a way or time to register"),
])
def test_low_threshold_on_an_activity_that_costs_or_needs_registering_is_an_error(
        tmp_path, lines, reason):
    """The low-threshold filter and badges promise free, no referral, no registration."""
    root = site(tmp_path, *lines, "low_threshold: true")
    line = 13 + len(lines)
    assert check(root) == [f"{P}:{line}:20: error[not-low-threshold]: activities[0]."
                           "low_threshold: low_threshold means free, no referral and no "
                           f"registration, but {reason}"]
    assert hints(root)[0].startswith("remove 'low_threshold: true'")


@pytest.mark.parametrize("lines", [(), ("cost: free",), ("cost: free", "registration: none")])
def test_low_threshold_on_a_free_open_activity_is_fine(tmp_path, lines):
    assert check(site(tmp_path, *lines, "low_threshold: true")) == []


def test_every_check_of_an_activity_reports_in_one_run(tmp_path):
    """Issue 19, point 14: a failing check does not hide the next one."""
    root = site(tmp_path, "cost: 5 €", "registration_opens: 2027-04-30",
                "registration_closes: 2027-02-01", "low_threshold: true")
    assert [p.split("]")[0].rsplit("[", 1)[1] for p in check(root)] == \
        ["date-order", "not-low-threshold"]


def test_the_activity_page_shows_the_link_and_the_period(tmp_path, sources):
    page = activity_page(tmp_path, sources.templates, with_lines(
        "registration: Verkkolomakkeella.", f"registration_url: {FORM}",
        "registration_opens: 2027-02-01", "registration_closes: 2027-04-30"))
    assert (f'<dd>Verkkolomakkeella. <a href="{FORM}">Ilmoittaudu verkossa</a></dd>') in page
    assert "<dt>Ilmoittautumisaika</dt>\n  <dd>1.2.–30.4.2027</dd>" in page


@pytest.mark.parametrize(("lines", "shown"), [
    (("registration_opens: 2027-02-01",), "1.2.2027 alkaen"),
    (("registration_closes: 2027-04-30",), "viimeistään 30.4.2027"),
    ((f"registration_url: {FORM}",), f'<dd><a href="{FORM}">Ilmoittaudu verkossa</a></dd>'),
])
def test_one_end_of_the_period_or_the_link_alone(tmp_path, sources, lines, shown):
    assert shown in activity_page(tmp_path, sources.templates, with_lines(*lines))


def test_the_page_says_nothing_of_it_when_not_given(tmp_path, sources):
    page = activity_page(tmp_path, sources.templates, ORGANISATION_MD)
    assert "Ilmoittautumisaika" not in page and "Ilmoittaudu verkossa" not in page


def test_a_hostile_address_never_reaches_the_page(tmp_path):
    root = site(tmp_path, "registration_url: javascript:alert(1)")
    assert check(root) == [f"{P}:13:23: error[bad-url]: activities[0].registration_url: "
                           "'javascript:alert(1)' is not a web address"]


def test_the_open_data_carries_it(tmp_path, sources):
    """activities.json carries the three fields; HSDS's application_process says them."""
    activity, service = exported(tmp_path, sources.templates, with_lines(
        "registration: Verkkolomakkeella.", f"registration_url: {FORM}",
        "registration_opens: 2027-02-01", "registration_closes: 2027-04-30"))
    assert (activity["registration_url"], activity["registration_opens"],
            activity["registration_closes"]) == (FORM, "2027-02-01", "2027-04-30")
    assert service["application_process"] == (
        f"Verkkolomakkeella. Ilmoittautumisaika 1.2.–30.4.2027; Ilmoittaudu verkossa: {FORM}.")
