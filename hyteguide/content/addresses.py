"""Field types for ways to reach someone: email and web addresses, phone numbers, and the
Finnish business id (Y-tunnus) with its check digit."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import SplitResult, urlsplit

import yaml

from hyteguide.common.links import as_browsers_read, valid_url, web_host_problem
from hyteguide.content.fields import INVALID, Context, FieldType

EMAIL = re.compile(r"[^@\s<>\"',;]+@[^@\s<>\"',;]+\.[^@\s<>\"',;.]{2,}")


@dataclass(frozen=True)
class Email(FieldType):
    label: str = "email address"

    def convert(self, node: yaml.Node, ctx: Context, where: str) -> Any:
        value = self.scalar(node, ctx, where, "an email address")
        if value is INVALID:
            return value
        if value.startswith("mailto:"):
            return ctx.error(node, where, "bad-email", f"'{value}' is not an email address",
                             f"leave out 'mailto:': {value.removeprefix('mailto:')}")
        if not EMAIL.fullmatch(value):
            return ctx.error(node, where, "bad-email", f"'{value}' is not an email address",
                             "write it as name@example.org")
        return value


def _split_url(value: str) -> SplitResult | None:
    """The parts of an address, or None if it has spaces or is malformed (e.g. 'http://[x')."""
    if re.search(r"\s", value):
        return None
    try:
        return urlsplit(value)
    except ValueError:
        return None


# A web address written without its scheme: a host name of two or more labels ending in letters
# ('www.example.org', 'kerava.fi'), then an optional port and path; no spaces, no user name.
BARE_HOST = re.compile(r"(?:[\w-]+\.)+[^\W\d_]{2,}(?::\d{1,5})?(?:[/?#][^\s]*)?")


@dataclass(frozen=True)
class Url(FieldType):
    label: str = "web address https://…"

    def convert(self, node: yaml.Node, ctx: Context, where: str) -> Any:
        value = self.scalar(node, ctx, where, "a web address")
        if value is INVALID:
            return value
        parts = _split_url(as_browsers_read(value))
        if parts and parts.scheme in ("http", "https") and "." in parts.netloc and \
                not re.search(r'["<>\\^`{|}]', parts.netloc):  # no host has these
            if problem := web_host_problem(value):
                return ctx.error(node, where, "bad-url", f"'{value}' is not a web address: "
                                 f"{problem}", "write the address as the site's own pages show "
                                 "it in the browser's address bar, e.g. https://www.example.org/")
            return valid_url(value)  # quotes, <, > and the like percent-encoded, as browsers do
        if BARE_HOST.fullmatch(value):  # 'www.example.org' as people write it: read with https
            full = f"https://{value}"
            ctx.error(node, where, "url-without-scheme", f"'{value}' has no https:// at the "
                      f"start: it is read as {full}", f"write {full}", severity="warning")
            return valid_url(full)
        hint = "write the full address, starting with https://"
        if parts and not parts.scheme and re.match(r"[\w-]+(\.[\w-]+)+", value):
            hint = f"add https:// at the start: https://{value}"
        return ctx.error(node, where, "bad-url", f"'{value}' is not a web address", hint)


@dataclass(frozen=True)
class Phone(FieldType):
    label: str = "phone number"

    def convert(self, node: yaml.Node, ctx: Context, where: str) -> Any:
        value = self.scalar(node, ctx, where, "a phone number")
        if value is INVALID:
            return value
        digits = re.sub(r"\D", "", value)
        if not re.fullmatch(r"\+?[\d\s()-]+", value) or not 5 <= len(digits) <= 15:
            return ctx.error(node, where, "bad-phone", f"'{value}' is not a phone number",
                             'write digits, spaces and an optional + at the start, '
                             'for example "+358 40 123 4567" (with quotes)')
        return value


BUSINESS_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2)


def business_id_check_digit(first7: str) -> int | None:
    """The Y-tunnus check digit for seven digits, or None when no valid one exists."""
    remainder = sum(int(d) * w for d, w in zip(first7, BUSINESS_ID_WEIGHTS, strict=True)) % 11
    if remainder == 1:
        return None
    return 0 if remainder == 0 else 11 - remainder


@dataclass(frozen=True)
class BusinessId(FieldType):
    label: str = "Y-tunnus 1234567-8"

    def convert(self, node: yaml.Node, ctx: Context, where: str) -> Any:
        value = self.scalar(node, ctx, where, "a business ID (Y-tunnus)")
        if value is INVALID:
            return value
        if re.fullmatch(r"\d{6}-\d", value):
            return ctx.error(node, where, "bad-business-id", f"'{value}' has six digits before '-'",
                             f"add a leading zero: 0{value}")
        if not re.fullmatch(r"\d{7}-\d", value):
            return ctx.error(node, where, "bad-business-id",
                             f"'{value}' is not a business ID (Y-tunnus)",
                             "write seven digits, a hyphen and the check digit: 1234567-8")
        check = business_id_check_digit(value[:7])
        if check is None or check != int(value[-1]):
            return ctx.error(node, where, "bad-business-id",
                             f"the check digit of '{value}' is wrong",
                             "copy the Y-tunnus from ytj.fi; one digit is probably mistyped")
        return value
