"""Whether an e-mail address or a phone number is a person's own: an address that names the
contact person (jsmith@, john.smith@, smith.j@, maki-petaja@ for "Anna-Liisa Mäki-Petäjä")
publishes the name the import leaves out, so it is left out with it.

Names and addresses are compared folded (lower case, accents removed: ä → a, ö → o, å → a, and
also ä → ae, ö → oe as some addresses write them), without titles ("Dr.", "FT") or suffixes
("Jr.", "PhD"), and with "Smith, John" read as John Smith. Role and shared addresses (info@,
toimisto@, office@ …) are never a person's.
"""

from __future__ import annotations

import re
import unicodedata

# Words before or after a name that are not part of it (compared folded, without dots).
TITLES = {"dr", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "rev", "sir", "dame",
          "hon", "fr", "sr", "jr", "ii", "iii", "iv", "phd", "md", "msc", "ma", "ba", "rn",
          "lcsw", "esq", "ft", "ttt", "lt", "yo", "dos", "rouva", "herra", "neiti", "tri"}
# Local parts (or their words) of role and shared mailboxes: never a person's.
ROLE_WORDS = {"info", "office", "contact", "contacts", "admin", "hello", "mail", "email", "post",
              "posti", "toimisto", "toimisto1", "kanslia", "kansli", "kirjaamo", "registry",
              "asiakaspalvelu", "palvelu", "palvelut", "service", "services", "support", "help",
              "helpdesk", "neuvonta", "reception", "vastaanotto", "ajanvaraus", "booking",
              "varaukset", "jasenasiat", "jasenet", "members", "membership", "hallitus", "board",
              "puheenjohtaja", "chair", "sihteeri", "secretary", "rahastonhoitaja", "treasurer",
              "toiminnanjohtaja", "director", "ceo", "hr", "press", "media", "viestinta",
              "communications", "webmaster", "noreply", "no", "reply", "team", "tiimi", "yhdistys",
              "association", "seura", "ry", "rf", "kerho", "club", "nuoret", "youth", "intake",
              "referrals", "referral", "volunteer", "volunteers", "vapaaehtoiset", "talous",
              "finance", "billing", "laskutus", "feedback", "palaute", "general", "main", "fi",
              "sv", "en"}
MOBILE_TYPES = {"cell", "mobile", "matkapuhelin", "gsm", "text", "sms"}


def fold(text: str) -> str:
    """Lower case without accents (ä → a): how a name is usually written in an address."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _german_fold(text: str) -> str:
    """ä → ae, ö → oe, ü → ue, å → aa: the other way names are written in addresses."""
    for letter, spelled in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("å", "aa")):
        text = text.casefold().replace(letter, spelled)
    return fold(text)


def name_parts(name: str) -> tuple[list[str], list[str]]:
    """The first names and the surname parts of a person's name, folded, titles removed
    ("Dr. Jane Doe" → [jane], [doe]; "Smith, John" → [john], [smith]); hyphenated parts are
    kept joined and apart ("Mäki-Petäjä" → makipetaja, maki, petaja)."""
    if "," in name:  # "Surname, First names"
        last, _, first = name.partition(",")
        name = f"{first} {last}"
    words = [w for w in re.split(r"\s+", name.strip()) if w]
    words = [w for w in words if re.sub(r"[.\s]", "", fold(w)) not in TITLES]
    if not words:
        return [], []
    firsts, lasts = words[:-1], words[-1:]
    return _variants(firsts), _variants(lasts)


def _variants(words: list[str]) -> list[str]:
    found: list[str] = []
    for word in words:
        for folded in {fold(word), _german_fold(word)}:
            pieces = [p for p in re.split(r"[^a-z]+", folded) if p]
            for candidate in ["".join(pieces), *pieces]:
                if candidate and candidate not in found:
                    found.append(candidate)
    return found


def local_part(email: str) -> str:
    """The part of an address before '@', folded, without a '+tag'."""
    return fold(email.rpartition("@")[0] or email).split("+", 1)[0]


def is_role_address(email: str) -> bool:
    """Whether the address is a role or shared mailbox (every word of it a role word)."""
    words = [w for w in re.split(r"[^a-z]+", local_part(email)) if w]
    return bool(words) and all(w in ROLE_WORDS for w in words)


def names_person(email: str, name: str) -> str | None:
    """The part of the name the address gives away ('smith', 'j+smith' …), or None when the
    address does not name the person (or is a role address)."""
    if not name.strip() or is_role_address(email):
        return None
    firsts, lasts = name_parts(name)
    local = local_part(email)
    words = [w for w in re.split(r"[^a-z]+", local) if w]
    compact = "".join(words)
    for last in lasts:
        if last in words or (len(last) >= 4 and last in compact):
            return last
        if len(last) >= 2 and any(compact in (f[0] + last, last + f[0]) for f in firsts):
            return f"initial + {last}"
    for first in firsts:
        if len(first) >= 3 and first in words:
            return first
        if any(compact in (first + last, first + last[0], last + first) for last in lasts):
            return f"{first} + surname"
    return None


def looks_personal(email: str) -> bool:
    """Whether an address without a known name looks like a person's (first.last@, no role
    word): it cannot be known, so it is only said in the report."""
    words = [w for w in re.split(r"[._-]", local_part(email)) if w]
    return (len(words) == 2 and all(re.fullmatch(r"[a-z]{2,}", w) for w in words)
            and not any(w in ROLE_WORDS for w in words))


def is_mobile(number: str, kind: str = "") -> bool:
    """Whether a phone is a mobile (HSDS type cell, or a Finnish mobile prefix 04x or 050):
    a named person's mobile is as personal as their e-mail address."""
    if kind.strip().lower() in MOBILE_TYPES:
        return True
    digits = re.sub(r"[^\d+]", "", number)
    digits = "0" + digits[4:] if digits.startswith("+358") else digits
    digits = "0" + digits[5:] if digits.startswith("00358") else digits
    return bool(re.match(r"0(4\d|50)", digits))
