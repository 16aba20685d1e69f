"""The schema of an activity: its fields and the checks across them (an event needs a day,
rules must not overlap, no named person on a group for a sensitive audience)."""

from __future__ import annotations

from typing import Any

import yaml

from hyteguide import model
from hyteguide.content.addresses import Url
from hyteguide.content.choices import Reference, Term
from hyteguide.content.fields import Bool, Context, Date, Str, TextField, node_of
from hyteguide.content.records import Field, ListOf, Record, field_node, is_written
from hyteguide.content.schema.ages import AgeRangeField
from hyteguide.content.schema.common import KeywordOrText, check_order
from hyteguide.content.schema.contacts import CONTACT
from hyteguide.content.schema.schedule import SCHEDULE_RULE, shared_day
from hyteguide.content.slugs import SLUG_PATTERN

SLUG = Str(label="id (a-z, 0-9, -)", pattern=SLUG_PATTERN, code="bad-slug",
           pattern_hint="use lowercase letters a-z, digits and hyphens, e.g. 'olohuone'")


def _check_event_has_schedule(values: dict[str, Any], node: yaml.MappingNode, ctx: Context,
                           where: str) -> None:
    if values.get("format") == "tapahtuma" and not is_written(values, "schedule"):
        ctx.error(node, where, "missing-field", "an event needs a 'schedule' with its date",
                  "add 'schedule: [{date: 2026-12-03}]'", severity="warning")


def _check_rules_overlap(values: dict[str, Any], node: yaml.MappingNode, ctx: Context,
                         where: str) -> None:
    """Two rules of one activity must not give the same day at overlapping times."""
    rules = values.get("schedule", ())
    schedule_node = field_node(values, "schedule")
    nodes = schedule_node.value if isinstance(schedule_node, yaml.SequenceNode) else [schedule_node]
    for j, later in enumerate(rules):
        for i, earlier in enumerate(rules[:j]):
            day = shared_day(earlier, later, ctx.today)
            if day:
                ctx.error(nodes[j], f"{where}.schedule[{j}]", "overlapping-rules",
                          f"rules {i + 1} and {j + 1} are both held on {day} at overlapping "
                          "times", "remove the repeated days from one rule (an extra day of a "
                          "recurring rule goes under 'also')")
                return


REGISTRATION_DETAILS = ("registration_url", "registration_opens", "registration_closes")


def _check_registration(values: dict[str, Any], node: yaml.MappingNode, ctx: Context,
                        where: str) -> None:
    """Details of registering contradict 'registration: none'."""
    prefix = f"{where}." if where else ""
    given = [key for key in REGISTRATION_DETAILS if key in values]
    if given and values.get("registration") == "none":
        ctx.error(field_node(values, "registration"), prefix + "registration", "bad-value",
                  f"'registration: none' says no registration is needed, but '{given[0]}' "
                  "says how to register", f"remove 'registration: none' or '{given[0]}'")


def _check_low_threshold(values: dict[str, Any], node: yaml.MappingNode, ctx: Context,
                         where: str) -> None:
    """Low threshold means free, no referral and no registration (README): the filter and the
    badges promise that, so an activity that costs or needs registering is not one."""
    if values.get("low_threshold") is not True:
        return
    cost, registration = values.get("cost"), values.get("registration")
    if cost is not None and cost != "free":
        reason = "it has a cost ('cost' is not 'free')"
    elif registration is not None and registration != "none":
        reason = "it needs registration ('registration' is not 'none')"
    elif any(key in values for key in REGISTRATION_DETAILS):
        reason = "it gives a way or time to register"
    else:
        return
    ctx.error(field_node(values, "low_threshold"), f"{where}.low_threshold" if where
              else "low_threshold", "not-low-threshold",
              f"low_threshold means free, no referral and no registration, but {reason}",
              "remove 'low_threshold: true' (the cost and registration are shown as written); "
              "a voluntary payment is 'cost: free' with a word in the description")


def _check_sensitive_contacts(values: dict[str, Any], node: yaml.MappingNode, ctx: Context,
                              where: str) -> None:
    """No named contact person on an activity for a sensitive audience (vocabulary
    `sensitive: true`), whatever the basis: the name can reveal who takes part."""
    if ctx.vocabulary is None:
        return
    audiences = ctx.vocabulary.group("audiences")
    sensitive = [audiences[a] for a in values.get("audiences", ())
                 if a in audiences and audiences[a].sensitive]
    if not sensitive:
        return
    contacts_node = field_node(values, "contacts")
    nodes = contacts_node.value if isinstance(contacts_node, yaml.SequenceNode) \
        else [contacts_node]
    label = sensitive[0].label.get(ctx.default_language)[0]
    prefix = f"{where}.contacts" if where else "contacts"
    for index, (contact, contact_node) in enumerate(zip(values.get("contacts", ()), nodes,
                                                        strict=False)):
        if contact.name:
            ctx.error(node_of(contact_node, "name"), f"{prefix}[{index}].name",
                      "sensitive-named-contact",
                      f"no named contact person on an activity for '{label}' (a sensitive "
                      "audience): naming a person on a group for, e.g., people recovering from "
                      "substance use can reveal who takes part, or make the contact person a "
                      "target",
                      "remove 'name' (and 'basis', 'consent_until') and use a role, e.g. "
                      "'role: Vertaisohjaaja', with the organisation's shared email or phone")


ACTIVITY_RECORD = Record("an activity", (
    Field("id", SLUG, True, "short id, unique within the organisation file", "olohuone",
          skeleton="lyhyt tunnus: a-z, 0-9, -"),
    Field("title", TextField(), True, "name of the activity", "Olohuone"),
    Field("summary", TextField(), True, "one sentence: what, for whom", "Avoin kohtaamispaikka."),
    Field("format", Term(group="formats"), True, "kind of activity (vocabulary 'formats')",
          "kohtaamispaikka", skeleton="vocabulary.yaml: formats"),
    Field("themes", ListOf(Term(group="themes")), False, "themes (vocabulary 'themes')",
          "[mielenterveys]"),
    Field("audiences", ListOf(Term(group="audiences")), False,
          "target groups (vocabulary 'audiences')", "[aikuiset]"),
    Field("place", Reference(kind="place", folder="places"), False,
          "where: the slug of a file in places/", "keravan-kirjasto",
          skeleton="places/<tunnus>.yaml"),
    Field("online", Url(), False, "web address, if held online", "https://meet.example.org/x"),
    Field("website", Url(), False, "the activity's own web page, if it has one",
          "https://olohuone.example.org/ryhmat"),
    Field("ages", AgeRangeField(), False, "the ages it is for, in whole years: '7-12', '65-' "
          "(65 and over), '-6' (up to 6) or '9'; none for any age", "7-12",
          skeleton="esim. 7-12, 65- tai -6"),
    Field("languages", ListOf(Term(group="languages")), False,
          "languages it is held in (vocabulary 'languages')", "[fi, sv]"),
    Field("cost", KeywordOrText("free"), False, "'free' or the price in words", "free",
          skeleton="free tai hinta sanoin"),
    Field("registration", KeywordOrText("none"), False, "'none' or how to register", "none",
          skeleton="none tai miten ilmoittaudutaan"),
    Field("registration_url", Url(), False, "the web page or form to register at",
          "https://olohuone.example.org/ilmoittaudu", skeleton=None),
    Field("registration_opens", Date(), False, "the first day one can register", "2026-08-01",
          skeleton=None),
    Field("registration_closes", Date(), False, "the last day one can register", "2026-08-20",
          skeleton=None),
    Field("low_threshold", Bool(), False, "low threshold (matala kynnys): free, no referral and "
          "no registration; `check` holds it to that", "true"),
    Field("drop_in", Bool(), False, "come and go during the hours (a drop-in, not a session "
          "from start to end)", "true"),
    Field("schedule", ListOf(SCHEDULE_RULE), False, "when it is held", "- weekly: [tue]"),
    Field("description", TextField(markdown=True), False, "longer description (Markdown)", "|",
          skeleton=None),
    Field("contacts", ListOf(CONTACT), False, "contacts for this activity", "- role: Ohjaaja"),
    Field("co_organisers", ListOf(Reference(kind="organisation", folder="organisations")), False,
          "other organisations that run it together with this one (their file names in "
          "organisations/): it is listed on their pages too", "[keravan-kaupunki]",
          skeleton=None),
), (_check_event_has_schedule, _check_rules_overlap, _check_registration,
    check_order("registration_opens", "registration_closes"), _check_low_threshold,
    _check_sensitive_contacts),
    label="activity", model=model.Activity, given=("organisation", "source"))
