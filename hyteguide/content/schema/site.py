"""The schema of site.yaml: the guide's name, languages, address, contact and statements."""

from __future__ import annotations

import zoneinfo
from typing import Any

import yaml

from hyteguide import model
from hyteguide.content.addresses import Email, Phone, Url
from hyteguide.content.choices import Choice
from hyteguide.content.fields import Context, Int, Str, TextField
from hyteguide.content.records import ChoiceOf, Field, ListOf, Mapped, Record, field_node, modelled
from hyteguide.content.schema.common import SETTINGS
from hyteguide.content.schema.statements import ACCESSIBILITY, PRIVACY

SUPPORTED_LANGUAGES = ("fi", "sv", "en")


def _check_languages(values: dict[str, Any], node: yaml.MappingNode, ctx: Context,
                     where: str) -> None:
    for lang in values.get("languages", ()):
        if lang not in SUPPORTED_LANGUAGES:
            ctx.error(field_node(values, "languages"), "languages", "unknown-language",
                      f"there is no interface catalogue for '{lang}'",
                      "languages: " + ", ".join(SUPPORTED_LANGUAGES))
    timezone = values.get("timezone")
    if timezone:
        try:
            zoneinfo.ZoneInfo(timezone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            ctx.error(field_node(values, "timezone"), "timezone", "bad-value",
                      f"'{timezone}' is not a time zone", "write Europe/Helsinki")
    hide, review = values.get("hide_after_months"), values.get("review_after_months", 12)
    if hide is not None and hide <= review:
        ctx.error(field_node(values, "hide_after_months"), "hide_after_months", "bad-value",
                  f"hide_after_months ({hide}) must be more than review_after_months ({review}):"
                  " entries are first marked as possibly out of date, hidden only later",
                  f"write hide_after_months: {review * 2}")
    base_url = values.get("base_url", "")
    if base_url and not base_url.endswith("/"):
        ctx.error(field_node(values, "base_url"), "base_url", "bad-url",
                  "base_url must end with '/'", f"write {base_url}/")


SITE_CONTACT = modelled(Record("the site contact", (
    Field("name", TextField(), False, "who maintains the guide", "Hyvinvointialueen hyte-tiimi"),
    Field("email", Email(), False, "email for feedback", "hyte@example.org"),
    Field("phone", Phone(), False, "phone", '"+358 9 123 4567"'),
    Field("address", TextField(), False, "postal address", "Sibeliuksenkatu 11, Järvenpää"),
), label="contact", model=model.SiteContact, left_out=SETTINGS))


LICENCES = {
    "CC-BY-4.0": ("Creative Commons Attribution 4.0 International (CC BY 4.0)",
                  "https://creativecommons.org/licenses/by/4.0/"),
    "CC-BY-SA-4.0": ("Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0)",
                     "https://creativecommons.org/licenses/by-sa/4.0/"),
    "CC0-1.0": ("CC0 1.0 Universal (public domain dedication)",
                "https://creativecommons.org/publicdomain/zero/1.0/"),
    "ODbL-1.0": ("Open Data Commons Open Database License (ODbL) 1.0",
                 "https://opendatacommons.org/licenses/odbl/1-0/"),
}
LICENCE_RECORD = Record("a data licence", (
    Field("name", Str(label="name"), True, "the licence's name", "Nimeä 4.0 Kansainvälinen"),
    Field("url", Url(), True, "the licence's address", "https://creativecommons.org/licenses/"
          "by/4.0/deed.fi"),
    Field("id", Str(label="SPDX id", pattern=r"[A-Za-z0-9.+-]+",
                    pattern_hint="letters, digits, '.', '+' and '-', e.g. CC-BY-4.0"), False,
          "its SPDX identifier, if it has one", "CC-BY-4.0"),
), label="{name, url, id}", model=model.DataLicence)
DATA_LICENCE = ChoiceOf(
    Mapped(Choice(tuple(LICENCES), label=" or ".join(LICENCES),
                  hint="write one of these ids, or {name: …, url: https://…} for another "
                  "licence"),
           lambda spdx: model.DataLicence(*LICENCES[spdx], id=spdx), "DataLicence"),
    modelled(LICENCE_RECORD),
    "CC-BY-4.0, CC-BY-SA-4.0, CC0-1.0, ODbL-1.0, or {name, url, id}")

SITE = Record("site.yaml", (
    Field("name", TextField(), True, "name of the guide", "Keski-Uudenmaan hyte-opas"),
    Field("region", TextField(), True, "region the guide covers", "Keski-Uusimaa"),
    Field("description", TextField(), False, "one sentence for the home page and search engines",
          "…"),
    Field("publisher", TextField(), False, "who publishes the guide", "Keski-Uudenmaan hva"),
    Field("base_url", Url(), True, "the published address, ending with /",
          "https://example.github.io/hyteguide/"),
    Field("languages", ListOf(Str(label="language code"), min_items=1), True,
          "site languages, default first", "[fi, sv, en]"),
    Field("timezone", Str(label="time zone"), False, "time zone of all times", "Europe/Helsinki",
          default='"Europe/Helsinki"'),
    Field("contact", SITE_CONTACT, True, "contact for feedback", "{email: hyte@example.org}"),
    Field("repository", Url(), False, "the content repository (for edit links)",
          "https://github.com/example/hyteguide"),
    Field("branch", Str(label="branch"), False, "the repository's branch that is published "
          "(for edit links; default main)", "main", default='"main"'),
    Field("editor_sign_in", Url(), False, "the form editor's sign-in helper for GitHub (an "
          "OAuth helper's address; README, 'The form editor')", "https://sign-in.example.org",
          left_out=SETTINGS, skeleton=None),
    Field("horizon_weeks", Int(1, 104), False, "how many weeks ahead the calendar shows", "12",
          default="12"),
    Field("review_after_months", Int(1, 120), False, "how old an organisation's 'reviewed' may "
          "get before check warns and its pages say the information may be out of date", "12",
          default="12"),
    Field("hide_after_months", Int(1, 240), False, "how old 'reviewed' may get before the "
          "organisation and its activities are left out of listings, calendar and search (their "
          "own pages stay, marked); not set: never", "24"),
    Field("accessibility", ACCESSIBILITY, False,
          "the accessibility statement (page accessibility/)", "{status: partially, …}",
          default="AccessibilityStatement()"),
    Field("privacy", PRIVACY, False, "the privacy notice (page privacy/)", "{host: …}",
          default="Privacy()"),
    Field("data_licence", DATA_LICENCE, False, "the licence of the open data (page opendata/); "
          "default CC-BY-4.0", "CC-BY-4.0", default="DEFAULT_LICENCE"),
), (_check_languages,), label="site", model=model.Site, given=("source",),
    left_out=SETTINGS)
