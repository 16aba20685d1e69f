"""The schema of vocabulary.yaml: groups of terms, each with labels, properties and codes in
other systems (YSO, PTV, Lähellä.fi)."""

from __future__ import annotations

import re
from typing import Any, ClassVar

import yaml

from hyteguide import model
from hyteguide.common.language import is_language_code
from hyteguide.common.problems import did_you_mean
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


class BroaderTerm(FieldType):
    """The id of a broader term of the same group (SKOS broader: mielenterveyskuntoutujat is
    narrower than aikuiset). That the id names a term of the group, and that the relations
    make no cycle, is checked once the whole vocabulary is read (check_hierarchy)."""

    label = "term id of the same group"

    def convert(self, node: yaml.Node, ctx: Context, where: str) -> Any:
        value = self.scalar(node, ctx, where, "a term id of the same group")
        if value is INVALID or re.fullmatch(TERM_PATTERN, value):
            return value
        return ctx.error(node, where, "bad-slug", f"'{value}' is not a term id",
                         "write the id of a term of the same group (the key on its left), "
                         "not its label")


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
    Field("broader", ListOf(BroaderTerm()), False, "broader terms of the same group (as in "
          "YSO and SKOS): filters, term pages and search for a broader term include this one",
          "aikuiset"),
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


def _broader_nodes(root: yaml.Node | None) -> list[tuple[str, str, int, yaml.Node]]:
    """(group, term id, index, node) of every broader id as written in vocabulary.yaml."""
    found: list[tuple[str, str, int, yaml.Node]] = []
    for group_key, group_node in root.value if isinstance(root, yaml.MappingNode) else ():
        if not isinstance(group_node, yaml.MappingNode):
            continue
        for term_key, term_node in group_node.value:
            if not isinstance(term_node, yaml.MappingNode):
                continue
            for key, value in term_node.value:
                if getattr(key, "value", None) != "broader":
                    continue
                items = value.value if isinstance(value, yaml.SequenceNode) else [value]
                found += [(group_key.value, str(term_key.value), index, item)
                          for index, item in enumerate(items)
                          if isinstance(item, yaml.ScalarNode)]
    return found


def _path_up(vocabulary: model.Vocabulary, group: str, start: str, target: str) -> list[str]:
    """The terms from start up its broader terms to target (breadth first: a shortest way)."""
    ways = {start: [start]}
    queue = [start]
    while queue:
        term_id = queue.pop(0)
        if term_id == target:
            return ways[term_id]
        for up in vocabulary.broader(group, term_id):
            if up not in ways:
                ways[up] = [*ways[term_id], up]
                queue.append(up)
    return [start, target]


def check_hierarchy(vocabulary: model.Vocabulary, ctx: Context) -> None:
    """Report each broader id that is no term of its group (naming the group it is a term of,
    if any) and each cycle of broader relations (once, at the relation that closes it): the
    filters include a term's narrower terms, which needs a hierarchy without loops."""
    nodes = _broader_nodes(ctx.document.root)
    for group, term_id, index, node in nodes:
        where, value = f"{group}.{term_id}.broader[{index}]", str(node.value)
        terms = vocabulary.group(group)
        if value in terms:
            continue
        others = [name for name, other in vocabulary.groups.items() if value in other]
        if others:
            ctx.error(node, where, "unknown-term", f"'{value}' is a term of '{others[0]}', "
                      f"not of '{group}': a broader term is of the same group",
                      f"use a term of '{group}', or remove '{value}' from broader")
        else:
            ctx.error(node, where, "unknown-term", f"'{value}' is not in '{group}' in "
                      "vocabulary.yaml", did_you_mean(value, terms)
                      or f"use the id of a term of '{group}', or add the term")
    reported: set[tuple[str, str]] = set()
    for group, term_id, index, node in nodes:
        value = str(node.value)
        if (group, term_id) in reported or value not in vocabulary.group(group):
            continue
        if term_id == value or term_id in vocabulary.ancestors(group, value):
            path = _path_up(vocabulary, group, value, term_id)
            reported.update((group, t) for t in path)
            ctx.error(node, f"{group}.{term_id}.broader[{index}]", "cycle",
                      "broader terms go round in a circle: " + " → ".join(
                          [term_id, *path]), f"remove '{value}' from the broader terms of "
                      f"'{term_id}', or the relation that leads back to '{term_id}'")
