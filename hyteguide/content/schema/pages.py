"""The schema of partnership tables and free pages (both Markdown files with front matter)."""

from __future__ import annotations

from hyteguide import model
from hyteguide.content.choices import Reference, Term
from hyteguide.content.fields import Date, Int, TextField
from hyteguide.content.records import ChoiceOf, Field, ListOf, Mapped, Record, modelled
from hyteguide.content.schema.contacts import CONTACT
from hyteguide.content.schema.schedule import ACTIVITY_TIME

# Why open data leaves partnership tables and their meetings out.
PARTNERSHIP_LEFT_OUT = ("partnership tables are the region's coordination between organisations, "
                        "not services a resident uses; HSDS has no entity for them")

MEETING = modelled(Record("a meeting", (
    Field("date", Date(), True, "date", "2026-12-03"),
    Field("time", ACTIVITY_TIME, False, "time (as an activity's: \"18:00\" has no end)",
          '"13:00-15:00"'),
    Field("place", Reference(kind="place", folder="places"), False, "place slug",
          "keravan-kirjasto"),
    Field("note", TextField(), False, "agenda or note", "Teemana yksinäisyys"),
), label="meeting {date, time, place, note}", model=model.Meeting,
    left_out=PARTNERSHIP_LEFT_OUT))

PARTNERSHIP = Record("a partnership table", (
    Field("name", TextField(), True, "name", "Keravan kumppanuuspöytä"),
    Field("summary", TextField(), False, "one sentence", "Järjestöjen ja kaupungin yhteistyö."),
    Field("members", ListOf(Reference(kind="organisation", folder="organisations"), min_items=1),
          True, "member organisations (slugs of files in organisations/)", "[keravan-olohuone]"),
    Field("municipalities", ListOf(Term(group="municipalities")), False, "municipalities",
          "[kerava]"),
    Field("themes", ListOf(Term(group="themes")), False, "themes", "[osallisuus]"),
    Field("meetings", ListOf(ChoiceOf(Mapped(Date(), model.Meeting), MEETING,
                                      "date, or {date, time, place, note}")), False,
          "meeting dates", "[2026-09-10, 2026-12-03]"),
    Field("contacts", ListOf(CONTACT), False, "contacts", "- role: Koordinaattori"),
    Field("body", TextField(markdown=True), False, "the purpose in other languages", "{sv: |}"),
), label="partnership", model=model.Partnership, given=("slug", "source"),
    left_out=PARTNERSHIP_LEFT_OUT)

PAGE = Record("a page", (
    Field("title", TextField(), True, "page title", "Tietoa oppaasta"),
    Field("summary", TextField(), False, "one sentence for lists and search", "…"),
    Field("menu", Int(0, 99), False, "position in the footer menu (leave out: not in the menu)",
          "1"),
    Field("body", TextField(markdown=True), False, "the text in other languages", "{sv: |}"),
), label="page", model=model.Page, given=("slug", "source"),
    left_out="the guide's own pages (about, for organisations) are site text, not directory data")
