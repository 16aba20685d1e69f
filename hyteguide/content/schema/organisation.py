"""The schema of an organisation file's front matter (its activities: activity.py)."""

from __future__ import annotations

from hyteguide import model
from hyteguide.content.addresses import BusinessId, Email, Phone, Url
from hyteguide.content.choices import Term
from hyteguide.content.fields import Date, TextField
from hyteguide.content.records import Field, ListOf, Record
from hyteguide.content.schema.activity import ACTIVITY_RECORD
from hyteguide.content.schema.contacts import CONTACT

ORGANISATION = Record("an organisation", (
    Field("name", TextField(), True, "official name", "Keravan Olohuone ry"),
    Field("summary", TextField(), True, "one sentence on what it does", "Kohtaamispaikka …"),
    Field("business_id", BusinessId(), False, "Y-tunnus, checked", "1234567-1",
          skeleton="Y-tunnus (valinnainen)"),
    Field("website", Url(), False, "web address", "https://olohuone.example.org"),
    Field("email", Email(), False, "general email", "toimisto@olohuone.example.org"),
    Field("phone", Phone(), False, "general phone, in quotes", '"+358 40 000 0000"',
          skeleton="lainausmerkeissä"),
    Field("address", TextField(), False, "postal or visiting address", "Kauppakaari 1, Kerava"),
    Field("municipalities", ListOf(Term(group="municipalities"), min_items=1), True,
          "municipalities where it acts", "[kerava, jarvenpaa]"),
    Field("themes", ListOf(Term(group="themes")), False, "themes", "[mielenterveys]",
          skeleton="vocabulary.yaml: themes"),
    Field("expertise", ListOf(Term(group="expertise")), False, "what it offers partners",
          "[kokemusasiantuntijuus]"),
    Field("contacts", ListOf(CONTACT), False, "contacts by role", "- role: Toiminnanjohtaja"),
    Field("reviewed", Date(), False, "date the entry was last checked", "2026-09-15",
          skeleton="päivä, jolloin tiedot on viimeksi tarkistettu"),
    Field("activities", ListOf(ACTIVITY_RECORD, key="id"), False, "activities it runs", "- id: …"),
    Field("body", TextField(markdown=True), False,
          "the description below the front matter, in other languages: {sv: …, en: …}", "{sv: |}",
          skeleton=None),  # `hyteguide new` writes the body below the front matter
), label="organisation", model=model.Organisation, given=("slug", "source"))
