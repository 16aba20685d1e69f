"""The schema of vocabulary.yaml: groups of terms, each with labels, properties and codes in
other systems (YSO, PTV, Lähellä.fi)."""

from __future__ import annotations

import re
from typing import Any, ClassVar

import yaml

from hyteguide import model
from hyteguide.common.language import is_language_code
from hyteguide.common.routes import RESERVED_TERM_ID
from hyteguide.content.fields import INVALID, Bool, Context, FieldType, TextField
from hyteguide.content.records import Field, ListOf, Record
from hyteguide.content.slugs import TERM_PATTERN

VOCABULARY_GROUPS = ("municipalities", "themes", "audiences", "formats", "expertise", "languages",
                     "accessibility")


class TermEntry(FieldType):
    """A vocabulary term: a label, or labels per language plus more keys."""

    model_type: ClassVar[str] = "Term"

    label = "label, or {fi: …, sv: …, en: …, sensitive: true, yso: …}"

    def __init__(self, group: str):
        self.group = group

    def convert(self, node: yaml.Node, ctx: Context, where: str) -> Any:
        term_id = where.rsplit(".", 1)[-1]
        if not re.fullmatch(TERM_PATTERN, term_id):
            return ctx.error(node, where, "bad-slug", f"'{term_id}' is not a valid term id",
                             "use lowercase letters a-z, digits, '-' and '_'")
        if RESERVED_TERM_ID.fullmatch(term_id):
            return ctx.error(node, where, "bad-slug", f"'{term_id}' is the address of a calendar "
                             "week or day", "use a word as the id, such as the name in "
                             "lowercase letters")
        if not isinstance(node, yaml.MappingNode):
            label = TextField().convert(node, ctx, where)
            return INVALID if label is INVALID else model.Term(self.group, term_id, label)
        label_pairs = [(k, v) for k, v in node.value if k.value in ctx.languages]
        for key, _ in node.value:  # a label in a language the site does not publish
            if key.value not in ctx.languages and is_language_code(key.value):
                ctx.unpublished(key, f"{where}.{key.value}", key.value)
        other = yaml.MappingNode(node.tag, [(k, v) for k, v in node.value
                                            if k.value not in ctx.languages
                                            and not is_language_code(k.value)], node.start_mark)
        values = TERM_PROPERTIES.convert(other, ctx, where)
        labels = TextField().convert(yaml.MappingNode(node.tag, label_pairs, node.start_mark), ctx,
                                     where) if label_pairs else None
        if values is INVALID or labels is INVALID:
            return INVALID
        if labels is None or not labels.has(ctx.default_language):
            return ctx.error(node, where, "missing-field",
                             f"term '{term_id}' needs a label in {ctx.default_language}",
                             f"add '{ctx.default_language}: …'")
        return TERM_PROPERTIES.make(values, group=self.group, id=term_id, label=labels)


_YSO = re.compile(r"(?:https?://(?:www\.)?yso\.fi/onto/yso/|yso:)?(p[1-9]\d*)")
PTV_CODE = r"(?:P|KR)[1-9]\d*(?:\.[1-9]\d*)*"
_PTV_URI = re.compile(r"http://uri\.suomi\.fi/codelist/ptv/(?:ptvserclass2|ptvkohderyhmat)/code/"
                      rf"({PTV_CODE})")


class YsoConcept(FieldType):
    """A concept of YSO, the General Finnish Ontology, as its URI (http://www.yso.fi/onto/yso/p…).
    The short forms 'yso:p916' (Linked Events) and 'p916' are written out in full."""

    label = "YSO concept URI http://www.yso.fi/onto/yso/p…"

    def convert(self, node: yaml.Node, ctx: Context, where: str) -> Any:
        value = self.scalar(node, ctx, where, "a YSO concept URI")
        if value is INVALID:
            return value
        found = _YSO.fullmatch(value)
        if found:
            return model.YSO_BASE + found.group(1)
        return ctx.error(node, where, "bad-code", f"'{value}' is not a YSO concept",
                         "copy the concept's URI from finto.fi/yso, e.g. "
                         "http://www.yso.fi/onto/yso/p916 (liikunta); leave the code out if "
                         "there is no matching concept")


class PtvCode(FieldType):
    """A code of the national service catalogue (Palvelutietovaranto): a service class such as
    P27.1 (codelist ptvserclass2) or a target group such as KR1 (ptvkohderyhmat)."""

    label = "PTV service class (P…) or target group (KR…) code"

    def convert(self, node: yaml.Node, ctx: Context, where: str) -> Any:
        value = self.scalar(node, ctx, where, "a PTV code such as P27.1 or KR1")
        if value is INVALID:
            return value
        found = _PTV_URI.fullmatch(value)
        code = found.group(1) if found else value.upper()
        if re.fullmatch(PTV_CODE, code):
            return code
        return ctx.error(node, where, "bad-code", f"'{value}' is not a PTV code",
                         "write the code of a service class (P27.1) or of a target group (KR1) "
                         "from the codelists ptvserclass2 and ptvkohderyhmat at koodistot.suomi.fi")


class LahellaCode(FieldType):
    """A theme or format of Lähellä.fi, as that service names or numbers it: one short line."""

    label = "Lähellä.fi theme or format (one short line)"

    def convert(self, node: yaml.Node, ctx: Context, where: str) -> Any:
        value = self.scalar(node, ctx, where, "a Lähellä.fi theme or format")
        if value is INVALID:
            return value
        if value and len(value) <= 80 and value.isprintable():
            return value
        return ctx.error(node, where, "bad-code", f"'{value[:40]}' is not a Lähellä.fi code",
                         "write the theme or format as Lähellä.fi shows it, on one line of at "
                         "most 80 characters")


TERM_PROPERTIES = Record("a vocabulary term", (
    Field("sensitive", Bool(), False, "no named contact people on activities for this audience",
          "true", left_out="a rule of the guide's own checks (no named person), not a property "
          "of the audience that others reuse"),
    Field("description", TextField(), False, "what the term means", "…"),
    Field("everyone", Bool(), False,
          "an audience that means everyone: its activities match any audience filter", "true",
          left_out="how the guide's own filters treat an audience; the audience itself is "
          "exported"),
    Field("bilingual", Bool(), False, "a municipality with two official languages: the report "
          "lists entries there that lack a text in a site language", "true",
          left_out="guides the editors' report of missing translations only"),
    Field("yso", ListOf(YsoConcept()), False, "the same concept in YSO (used by Linked Events; "
          "exports and linked data use it)", "http://www.yso.fi/onto/yso/p916"),
    Field("ptv", ListOf(PtvCode()), False, "the national service catalogue's service class or "
          "target group", "P27.1"),
    Field("lahella", ListOf(LahellaCode()), False, "the Lähellä.fi theme or format",
          "Liikunta ja ulkoilu"),
), label="term properties", model=model.Term,
    given=("group", "id", "label"))


# A term of each group, as the example (and the hint for a missing group) shows it.
GROUP_EXAMPLES = {
    "municipalities": "kerava: {fi: Kerava, sv: Kervo}",
    "themes": "liikunta: {fi: Liikunta, sv: Motion, en: Exercise}",
    "audiences": "ikaantyneet: {fi: Ikääntyneet, sv: Äldre, en: Older people}",
    "formats": "ryhma: {fi: Ryhmä, sv: Grupp, en: Group}",
    "expertise": "vertaistuki: {fi: Vertaistuen järjestäminen, sv: Kamratstöd, en: Organising "
                 "peer support}",
    "languages": "fi: {fi: suomi, sv: finska, en: Finnish}",
    "accessibility": "wheelchair: {fi: Esteetön kulku pyörätuolilla, sv: Tillgängligt med "
                     "rullstol, en: Wheelchair accessible}",
}

VOCABULARY = Record("vocabulary.yaml", tuple(
    Field(group, Record(f"the vocabulary group '{group}'", (), extra=TermEntry(group)),
          group in ("municipalities", "themes", "audiences", "formats", "languages"),
          f"terms of '{group}'", GROUP_EXAMPLES[group])
    for group in VOCABULARY_GROUPS), label="vocabulary")
