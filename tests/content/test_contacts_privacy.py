"""Privacy of contact people (GDPR): roles by default, a named person only with a basis,
consent that ends, and no named person on activities for sensitive audiences."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from textwrap import dedent

import pytest

from hyteguide.common.problems import ContentError, Problem
from hyteguide.content.load import load_content, today_in
from tests.helpers import ORG_HEAD, make_site, organisation

ORG = "organisations/yhdistys.md"
P = "content/organisations/yhdistys.md"
TODAY = dt.date(2026, 11, 23)
EXAMPLE_CONTENT = Path(__file__).resolve().parents[2] / "content"
HEAD = dedent(ORG_HEAD)  # name, summary, municipalities: lines 2-4


def problems_on(root: Path, today: dt.date | None = TODAY) -> list[Problem]:
    """Every problem (errors and warnings) of loading root, checked on `today`."""
    try:
        content = load_content(root, today) if today else load_content(root)
    except ContentError as err:
        return list(err.problems)
    return list(content.extra.get("warnings", []))


def lines(root: Path, today: dt.date | None = TODAY) -> list[str]:
    return [p.format().split("\n", 1)[0] for p in problems_on(root, today)]


def hints_of(root: Path, today: dt.date | None = TODAY) -> list[str]:
    return [p.hint for p in problems_on(root, today)]


def org_with(contact: str) -> dict[str, str]:
    """The organisation file with one organisation-level contact (its `- role:` on line 6)."""
    return {ORG: organisation(HEAD + "contacts:\n  - role: Puheenjohtaja\n" + contact)}


# -- roles by default; a name needs a basis ---------------------------------------------------

def test_a_role_based_contact_needs_nothing_more(tmp_path):
    root = make_site(tmp_path, {ORG: organisation(HEAD + dedent("""\
        contacts:
          - role: Toiminnanjohtaja
            email: toimisto@example.org
        """))})
    assert lines(root) == []


def test_a_named_contact_without_basis_is_an_error_at_the_name(tmp_path):
    root = make_site(tmp_path, org_with("    name: Maija Meikäläinen\n"))
    assert lines(root) == [
        f"{P}:7:11: error[named-contact-basis]: contacts[0].name: a named contact person needs "
        "a 'basis' for publishing the name"]
    [hint] = hints_of(root)
    assert "remove 'name'" in hint and "'basis: role'" in hint
    assert "'basis: consent'" in hint and "consent_until" in hint


@pytest.mark.parametrize("contact", [
    "    name: Maija Meikäläinen\n    basis: role\n",
    "    name: Maija Meikäläinen\n    basis: consent\n    consent_until: 2027-06-30\n",
])
def test_a_named_contact_with_a_basis_is_valid(tmp_path, contact):
    root = make_site(tmp_path, org_with(contact))
    assert lines(root) == []
    [organisation_] = load_content(root, TODAY).organisations
    [person] = organisation_.contacts
    assert person.name == "Maija Meikäläinen" and person.basis in ("role", "consent")


def test_an_unknown_basis_is_a_bad_value(tmp_path):
    root = make_site(tmp_path, org_with("    name: Maija Meikäläinen\n    basis: lupa\n"))
    assert lines(root) == [
        f"{P}:8:12: error[bad-value]: contacts[0].basis: 'lupa' is not one of: role, consent"]


def test_consent_without_an_end_date_is_an_error(tmp_path):
    root = make_site(tmp_path, org_with("    name: Maija Meikäläinen\n    basis: consent\n"))
    assert lines(root) == [
        f"{P}:8:12: error[missing-field]: contacts[0].consent_until: 'basis: consent' needs "
        "'consent_until', the last day the name may be shown"]
    assert "consent_until: YYYY-MM-DD" in hints_of(root)[0]


def test_expired_consent_is_an_error(tmp_path):
    root = make_site(tmp_path, org_with(
        "    name: Maija Meikäläinen\n    basis: consent\n    consent_until: 2026-11-22\n"))
    assert lines(root) == [
        f"{P}:9:20: error[consent-expired]: contacts[0].consent_until: the consent to show "
        "'Maija Meikäläinen' ended on 2026-11-22 (checked on 2026-11-23)"]
    assert "renew the consent" in hints_of(root)[0]


def test_consent_ending_today_is_still_valid_but_warned(tmp_path):
    root = make_site(tmp_path, org_with(
        "    name: Maija Meikäläinen\n    basis: consent\n    consent_until: 2026-11-23\n"))
    assert lines(root) == [
        f"{P}:9:20: warning[consent-expiring]: contacts[0].consent_until: the consent to show "
        "'Maija Meikäläinen' ends on 2026-11-23, in 0 days"]


@pytest.mark.parametrize(("until", "warned"), [
    ("2026-12-23", True),   # 30 days ahead: renew now
    ("2026-12-24", False),  # 31 days ahead: not yet
])
def test_consent_ending_within_30_days_is_a_warning(tmp_path, until, warned):
    root = make_site(tmp_path, org_with(
        f"    name: Maija Meikäläinen\n    basis: consent\n    consent_until: {until}\n"))
    expected = [f"{P}:9:20: warning[consent-expiring]: contacts[0].consent_until: the consent "
                f"to show 'Maija Meikäläinen' ends on {until}, in 30 days"] if warned else []
    assert lines(root) == expected
    load_content(root, TODAY)  # a warning does not stop the build


def test_basis_without_a_name_is_a_warning(tmp_path):
    root = make_site(tmp_path, org_with("    basis: consent\n    consent_until: 2027-06-30\n"))
    assert lines(root) == [
        f"{P}:7:12: warning[unused-basis]: contacts[0].basis: 'basis' is given but the contact "
        "names no person",
        f"{P}:8:20: warning[unused-basis]: contacts[0].consent_until: 'consent_until' is given "
        "but the contact names no person"]
    assert "role-based contact needs no basis" in hints_of(root)[0]


def test_consent_until_with_basis_role_is_a_warning(tmp_path):
    root = make_site(tmp_path, org_with(
        "    name: Maija Meikäläinen\n    basis: role\n    consent_until: 2027-06-30\n"))
    assert lines(root) == [
        f"{P}:9:20: warning[unused-basis]: contacts[0].consent_until: 'consent_until' is only "
        "used with 'basis: consent'"]


# -- the check date ---------------------------------------------------------------------------

def test_consent_is_checked_against_the_given_date_not_the_wall_clock(tmp_path):
    root = make_site(tmp_path, org_with(
        "    name: Maija Meikäläinen\n    basis: consent\n    consent_until: 2027-06-30\n"))
    assert lines(root, dt.date(2026, 11, 23)) == []
    assert lines(root, dt.date(2028, 1, 1)) == [
        f"{P}:9:20: error[consent-expired]: contacts[0].consent_until: the consent to show "
        "'Maija Meikäläinen' ended on 2027-06-30 (checked on 2028-01-01)"]


def test_the_default_date_is_today_in_helsinki(tmp_path):
    today = today_in("Europe/Helsinki")
    yesterday = (today - dt.timedelta(days=1)).isoformat()
    root = make_site(tmp_path, org_with(
        f"    name: Maija Meikäläinen\n    basis: consent\n    consent_until: {yesterday}\n"))
    assert [line.split(": ")[1] for line in lines(root, None)] == ["error[consent-expired]"]
    later = (today + dt.timedelta(days=400)).isoformat()
    root = make_site(tmp_path, org_with(
        f"    name: Maija Meikäläinen\n    basis: consent\n    consent_until: {later}\n"))
    assert lines(root, None) == []


# -- activity and partnership contacts --------------------------------------------------------

ACTIVITY = dedent("""\
    activities:
      - id: vertaisryhma
        title: Vertaisryhmä
        summary: Vertaistukea.
        format: ryhma
        audiences: [{audiences}]
        contacts:
          - role: Vertaisohjaaja
    """)


def activity_with(audiences: str, contact: str) -> dict[str, str]:
    """An activity (contact `- role:` on line 12) with one contact given as extra lines."""
    return {ORG: organisation(HEAD + ACTIVITY.format(audiences=audiences) + contact)}


def test_activity_contacts_need_a_basis_too(tmp_path):
    root = make_site(tmp_path, activity_with("aikuiset", "        name: Maija Meikäläinen\n"))
    assert lines(root) == [
        f"{P}:13:15: error[named-contact-basis]: activities[0].contacts[0].name: a named contact "
        "person needs a 'basis' for publishing the name"]


@pytest.mark.parametrize("basis", [
    "        basis: role\n",
    "        basis: consent\n        consent_until: 2027-06-30\n",
])
def test_no_named_contact_on_an_activity_for_a_sensitive_audience(tmp_path, basis):
    root = make_site(tmp_path, activity_with("aikuiset, mielenterveyskuntoutujat",
                                             "        name: Maija Meikäläinen\n" + basis))
    assert lines(root) == [
        f"{P}:13:15: error[sensitive-named-contact]: activities[0].contacts[0].name: no named "
        "contact person on an activity for 'Mielenterveyskuntoutujat' (a sensitive audience): "
        "naming a person on a group for, e.g., people recovering from substance use can reveal "
        "who takes part, or make the contact person a target"]
    [hint] = hints_of(root)
    assert "Vertaisohjaaja" in hint and "shared email or phone" in hint


def test_a_role_contact_on_a_sensitive_activity_is_fine(tmp_path):
    root = make_site(tmp_path, activity_with("mielenterveyskuntoutujat",
                                             "        email: ryhmat@example.org\n"))
    assert lines(root) == []


def test_a_named_contact_on_an_ordinary_activity_with_a_basis_is_fine(tmp_path):
    root = make_site(tmp_path, activity_with("aikuiset",
                                             "        name: Maija Meikäläinen\n"
                                             "        basis: role\n"))
    assert lines(root) == []


def test_partnership_contacts_follow_the_same_rules(tmp_path):
    root = make_site(tmp_path, {"partnerships/poyta.md": (
        "---\n"
        "name: Kumppanuuspöytä\n"
        "members: [yhdistys]\n"
        "contacts:\n"
        "  - role: Koordinaattori\n"
        "    name: Maija Meikäläinen\n"
        "  - role: Puheenjohtaja\n"
        "    name: Matti Meikäläinen\n"
        "    basis: consent\n"
        "    consent_until: 2026-01-31\n"
        "---\n"
        "Tarkoitus.\n")})
    path = "content/partnerships/poyta.md"
    assert lines(root) == [
        f"{path}:6:11: error[named-contact-basis]: contacts[0].name: a named contact person "
        "needs a 'basis' for publishing the name",
        f"{path}:10:20: error[consent-expired]: contacts[1].consent_until: the consent to show "
        "'Matti Meikäläinen' ended on 2026-01-31 (checked on 2026-11-23)"]


# -- the example region -----------------------------------------------------------------------

def test_the_example_content_passes_check():
    content = load_content(EXAMPLE_CONTENT, TODAY)
    assert content.extra.get("warnings", []) == []
    named = [(o.slug, c) for o in content.organisations for c in o.contacts if c.name]
    named += [(p.slug, c) for p in content.partnerships for c in p.contacts if c.name]
    assert named and all(c.basis in ("role", "consent") for _, c in named)
    assert all(c.consent_until for _, c in named if c.basis == "consent")
    sensitive = {t.id for t in content.vocabulary.group("audiences").values() if t.sensitive}
    for o in content.organisations:
        for a in o.activities:
            if sensitive & set(a.audiences or ()):
                assert not any(c.name for c in a.contacts or ()), (o.slug, a.id)


def test_consent_is_not_shown_on_pages():
    """A consent date is bookkeeping for editors: the model keeps it, templates never print it."""
    templates = Path(__file__).resolve().parents[2] / "templates"
    for path in templates.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "consent_until" not in text and ".basis" not in text, path
