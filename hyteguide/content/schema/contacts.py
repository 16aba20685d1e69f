"""The schema of a contact: a role, and a person only with a lawful basis (GDPR)."""

from __future__ import annotations

from typing import Any

import yaml

from hyteguide import model
from hyteguide.content.addresses import Email, Phone
from hyteguide.content.choices import Choice
from hyteguide.content.fields import Context, Date, Str, TextField
from hyteguide.content.records import Field, Record, field_node, modelled

CONSENT_WARNING_DAYS = 30  # warn this many days before a consent ends, so editors renew in time


def _check_contact_basis(values: dict[str, Any], node: yaml.MappingNode, ctx: Context,
                         where: str) -> None:
    """A named person needs a lawful basis (GDPR): a public role, or consent that has not ended.

    "Ended" is relative to the build/check date (ctx.today), never silently to the wall clock.
    """
    def path(name: str) -> str:
        return f"{where}.{name}" if where else name

    if values["_failed"] & {"name", "basis", "consent_until"}:
        return  # the value's own error says what to fix; the basis rules need all three
    basis, until = values.get("basis"), values.get("consent_until")
    if "name" not in values:
        for name in ("basis", "consent_until"):
            if name in values:
                ctx.error(field_node(values, name), path(name), "unused-basis",
                          f"'{name}' is given but the contact names no person",
                          "a role-based contact needs no basis: remove 'basis' and "
                          "'consent_until'", severity="warning")
        return
    if basis is None:
        ctx.error(field_node(values, "name"), path("name"), "named-contact-basis",
                  "a named contact person needs a 'basis' for publishing the name",
                  "use a role-based contact (remove 'name' and keep 'role' with the shared "
                  "email or phone), or add 'basis: role' if the person is named because of a "
                  "public role such as chair, or 'basis: consent' with 'consent_until: "
                  "YYYY-MM-DD' if the person has agreed to it")
        return
    if basis == "role":
        if until is not None:
            ctx.error(field_node(values, "consent_until"), path("consent_until"), "unused-basis",
                      "'consent_until' is only used with 'basis: consent'",
                      "remove 'consent_until', or write 'basis: consent' if the name is "
                      "published by consent", severity="warning")
        return
    if until is None:
        ctx.error(field_node(values, "basis"), path("consent_until"), "missing-field",
                  "'basis: consent' needs 'consent_until', the last day the name may be shown",
                  "add 'consent_until: YYYY-MM-DD' with the date the person agreed to, "
                  "or remove the name and keep the role")
        return
    if ctx.today is None:
        return
    if until < ctx.today:
        ctx.error(field_node(values, "consent_until"), path("consent_until"), "consent-expired",
                  f"the consent to show '{values['name']}' ended on {until.isoformat()} "
                  f"(checked on {ctx.today.isoformat()})",
                  "ask the person to renew the consent and update 'consent_until', or remove "
                  "the name and keep the role")
    elif (until - ctx.today).days <= CONSENT_WARNING_DAYS:
        days = (until - ctx.today).days
        ctx.error(field_node(values, "consent_until"), path("consent_until"), "consent-expiring",
                  f"the consent to show '{values['name']}' ends on {until.isoformat()}, "
                  f"in {days} day{'s' if days != 1 else ''}",
                  "ask the person to renew the consent and update 'consent_until', or remove "
                  "the name before then", severity="warning")


# Why a contact's basis is never exported (nor shown): it is the publisher's record of why a
# name may be published, not information about the service.
GDPR_BOOKKEEPING = "the lawful basis for publishing a name is the publisher's own record"

CONTACT = modelled(Record("a contact", (
    Field("role", TextField(), True, "the role, so the contact outlives a person",
          "Toiminnanjohtaja", skeleton="rooli, ei henkilön nimeä / a role, not a person"),
    Field("name", Str(label="name"), False, "a person's name, only with 'basis'",
          "Maija Meikäläinen", skeleton=None),  # the skeleton suggests roles, not people
    Field("email", Email(), False, "email address", "info@example.org"),
    Field("phone", Phone(), False, "phone number, in quotes", '"+358 40 123 4567"'),
    Field("basis", Choice(("role", "consent"), label="role or consent",
                          hint="write 'role' (named for a public role, e.g. chair) or 'consent' "
                          "(the person agreed; add 'consent_until')"), False,
          "why the name may be shown: role (a public role such as chair) or consent", "role",
          left_out=GDPR_BOOKKEEPING, skeleton=None),
    Field("consent_until", Date(), False, "with 'basis: consent': the last day the name is shown",
          "2027-06-30", left_out=GDPR_BOOKKEEPING, skeleton=None),
), (_check_contact_basis,), label="contact {role, name, email, phone, basis, consent_until}",
    model=model.Contact))
