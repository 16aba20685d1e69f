"""The schema of site.yaml's accessibility statement and privacy notice."""

from __future__ import annotations

import re
from typing import Any, ClassVar

import yaml

from hyteguide import model
from hyteguide.common.problems import did_you_mean
from hyteguide.content.addresses import Email, Phone, Url
from hyteguide.content.choices import Choice
from hyteguide.content.fields import INVALID, Context, Date, FieldType, Int, TextField
from hyteguide.content.records import Field, ListOf, Record, modelled
from hyteguide.content.schema.common import SETTINGS, KeywordOrText, check_any

# The success criteria of WCAG 2.1 (levels A, AA and AAA), the standard the statement is about.
WCAG_21_CRITERIA = frozenset(
    f"{principle}.{guideline}.{n}"
    for principle, guideline, count in (
        (1, 1, 1), (1, 2, 9), (1, 3, 6), (1, 4, 13), (2, 1, 4), (2, 2, 6), (2, 3, 3), (2, 4, 10),
        (2, 5, 6), (3, 1, 6), (3, 2, 5), (3, 3, 6), (4, 1, 3))
    for n in range(1, count + 1))


class WcagCriterion(FieldType):
    """The number of a WCAG 2.1 success criterion, e.g. 2.4.4."""

    label = "WCAG 2.1 success criterion, e.g. 2.4.4"

    def convert(self, node: yaml.Node, ctx: Context, where: str) -> Any:
        value = self.scalar(node, ctx, where, "a WCAG success criterion such as 2.4.4")
        if value is INVALID:
            return value
        if value in WCAG_21_CRITERIA:
            return value
        number = re.sub(r"^(?:wcag|sc)\s*(?:2\.[012]\s+)?", "", value, flags=re.IGNORECASE)
        if number != value and number in WCAG_21_CRITERIA:
            return ctx.error(node, where, "bad-value", f"'{value}' is not a criterion number",
                             f"write only the number: {number}")
        if re.fullmatch(r"\d\.\d{1,2}\.\d{1,2}", value):
            return ctx.error(node, where, "bad-value",
                             f"'{value}' is not a success criterion of WCAG 2.1",
                             did_you_mean(value, WCAG_21_CRITERIA)
                             or "see the numbers at https://www.w3.org/TR/WCAG21/")
        return ctx.error(node, where, "bad-value", f"'{value}' is not a criterion number",
                         "write the number of the success criterion, for example 2.4.4")


class LocalisedUrl(FieldType):
    """A web address, or one per language: {fi: https://…, sv: https://…}."""

    model_type: ClassVar[str] = "Text"

    label = "web address, or {fi: https://…, sv: https://…}"

    def convert(self, node: yaml.Node, ctx: Context, where: str) -> Any:
        if not isinstance(node, yaml.MappingNode):
            value = Url().convert(node, ctx, where)
            return INVALID if value is INVALID else model.Text(((ctx.default_language, value),))
        text = TextField().convert(node, ctx, where)
        if text is INVALID:
            return INVALID
        checked = {key.value: Url().convert(value, ctx, f"{where}.{key.value}")
                   for key, value in node.value}
        if any(value is INVALID for value in checked.values()):
            return INVALID
        return model.Text(tuple((lang, checked[lang]) for lang in text.languages))


GAP_REASONS = ("non-compliance", "disproportionate-burden", "out-of-scope")

KNOWN_GAP = modelled(Record("a known gap", (
    Field("text", TextField(), True, "what is not accessible, why, and what to do instead",
          "Osa järjestöjen tiedoista on vain suomeksi."),
    Field("wcag", ListOf(WcagCriterion()), False, "the WCAG 2.1 success criteria it fails",
          "[3.1.2]"),
    Field("reason", Choice(GAP_REASONS, label="non-compliance, disproportionate-burden or "
                           "out-of-scope", hint="non-compliance: the content fails the "
                           "requirements; disproportionate-burden: fixing it is exempted as an "
                           "unreasonable burden; out-of-scope: the law does not cover it"),
          False, "why it is not accessible (default non-compliance)", "non-compliance",
          default='"non-compliance"'),
    Field("fix_by", Date(), False, "when it will be fixed, if known", "2027-06-30"),
), label="{text, wcag, reason, fix_by}", model=model.KnownGap,
    left_out=SETTINGS))

FEEDBACK = modelled(Record("the accessibility feedback channel", (
    Field("email", Email(), False, "email for accessibility feedback", "hyte@example.org"),
    Field("url", Url(), False, "web address of a feedback form", "https://example.org/palaute"),
), (check_any("email", "url"),), label="{email, url}", model=model.Feedback,
    left_out=SETTINGS))

AUTHORITY = modelled(Record("the supervisory authority", (
    Field("name", TextField(), True, "name of the authority",
          "Liikenne- ja viestintävirasto Traficom"),
    Field("unit", TextField(), False, "the unit that handles complaints",
          "Digitaalisen esteettömyyden ja saavutettavuuden valvontayksikkö"),
    Field("url", LocalisedUrl(), False, "its web address, or one per language",
          "https://www.saavutettavuusvaatimukset.fi/"),
    Field("email", Email(), False, "its email", "saavutettavuus@traficom.fi"),
    Field("phone", Phone(), False, "its phone, in quotes", '"029 534 5000"'),
), (check_any("url", "email", "phone"),), label="{name, unit, url, email, phone}",
    model=model.Authority, left_out=SETTINGS))

ACCESSIBILITY = modelled(Record("the accessibility statement", (
    Field("status", Choice(("fully", "partially", "not"), label="fully, partially or not",
                           hint="fully: the site meets every WCAG 2.1 level A and AA "
                           "requirement; partially: it meets most of them (list the rest "
                           "under known_gaps); not: it fails most of them"), True,
          "how the site meets WCAG 2.1 level AA: fully, partially or not", "partially",
          default='"partially"'),
    Field("assessed", Date(), True, "when the statement was prepared or last updated",
          "2026-11-22", default="None"),
    Field("method", KeywordOrText("self-assessment", "third-party"), False,
          "how accessibility was assessed: self-assessment, third-party, or in words",
          "self-assessment", default='"self-assessment"'),
    Field("known_gaps", ListOf(KNOWN_GAP), False, "content that is not accessible",
          "- text: Osa tiedoista on vain suomeksi."),
    Field("feedback", FEEDBACK, False, "where to give feedback (default: the site contact)",
          "{email: hyte@example.org}"),
    Field("response_days", Int(1, 14, hint="the Act on the Provision of Digital Services "
                               "(306/2019) requires a reply within two weeks: 14 at most"),
          False, "days within which feedback is answered (default 14)", "14", default="14"),
    Field("authority", AUTHORITY, False,
          "the supervisory authority (default: Traficom, the Finnish authority since 2025)",
          "{name: …, url: https://…}", default="DEFAULT_AUTHORITY"),
), label="accessibility statement", model=model.AccessibilityStatement,
    left_out=SETTINGS))

PRIVACY = modelled(Record("the privacy notice", (
    Field("controller", TextField(), False, "who is responsible for the data (default: publisher)",
          "Keski-Uudenmaan hyvinvointialue"),
    Field("contact", Email(), False, "email for privacy questions (default: the site contact)",
          "tietosuoja@example.org"),
    Field("host", TextField(), False, "who hosts the site", "GitHub Pages (GitHub Inc.)"),
    Field("host_logs", TextField(), False, "what the host logs about visitors, in words",
          "IP-osoitteet palvelimen lokeissa tietoturvaa varten"),
    Field("host_policy", Url(), False, "the host's privacy statement",
          "https://docs.github.com/en/site-policy/privacy-policies/"
          "github-general-privacy-statement"),
    Field("retention", TextField(), False, "how long feedback messages are kept",
          "Viestit poistetaan vuoden kuluttua asian käsittelystä."),
), label="privacy notice", model=model.Privacy,
    left_out=SETTINGS))
