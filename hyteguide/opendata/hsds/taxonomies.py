"""The vocabulary's themes, audiences and formats as taxonomy terms linked by attributes, with
the YSO, PTV and Lähellä.fi codes of the vocabulary's crosswalk as terms of their taxonomies."""

from __future__ import annotations

import uuid

from hyteguide.common.routes import path_to
from hyteguide.model import YSO_BASE, Term
from hyteguide.opendata.hsds.context import Export, Tables

PTV = "http://uri.suomi.fi/codelist/ptv/"
LAHELLA = "https://www.lahella.fi/"
TAXONOMY_GROUPS = (("themes", "theme"), ("audiences", "audience"), ("formats", "format"))


def tag(x: Export, t: Tables, entity: str, entity_id: str, owner: object, group: str,
        term_id: str) -> None:
    """Attributes linking an entity to a vocabulary term and to the term's crosswalk codes."""
    link_type = dict(TAXONOMY_GROUPS)[group]
    if (group, term_id) not in t.terms:
        term = x.term(group, term_id)
        t.terms[(group, term_id)] = [_own_term(term, x, t), *_crosswalk_terms(term, x, t)]
    for term_row_id in t.terms[(group, term_id)]:
        t.add("attribute", {"id": x.id(owner, f"#attribute-{term_row_id}"),
                            "link_id": entity_id, "taxonomy_term_id": term_row_id,
                            "link_type": link_type, "link_entity": entity})


def _own_term(term: Term, x: Export, t: Tables) -> str:
    """The guide's own taxonomy of the term's group and the term in it; the term's row id. A
    term with broader terms has the first as its parent (HSDS has one parent_id; all of them
    are in vocabulary.json), which gets a row of its own."""
    broader = x.guide.content.vocabulary.broader(term.group, term.id)
    parent = _own_term(x.term(term.group, broader[0]), x, t) if broader else None
    group_label = x.catalogue(f"nav.{term.group}")
    section = path_to("taxonomy", group=term.group)  # the group's list page
    name = x.catalogue("opendata.taxonomy", site=x.view.optional(x.guide.content.site.name),
                       group=group_label)
    taxonomy_id = t.add("taxonomy", {
        "id": x.id(section), "name": name, "uri": x.view.page_url(section),
        "description": x.catalogue("opendata.taxonomy_description", group=group_label)})
    label, written = x.view.written(term.label)
    return t.add("taxonomy_term", {
        "id": x.id(term), "code": term.id, "name": label,
        "description": x.view.optional(term.description) or label, "parent_id": parent,
        "taxonomy": name,
        "taxonomy_id": taxonomy_id, "language": written, "term_uri": x.view.page_url(term)})


def _crosswalk_terms(term: Term, x: Export, t: Tables) -> list[str]:
    """Taxonomy term rows of the term's YSO, PTV and Lähellä.fi codes; their ids. External
    taxonomies and their terms get ids of their own URIs, the same in every guide."""
    found = []
    for uri in term.yso:
        found.append(_external_term(x, t, term, "yso", YSO_BASE, uri, uri.rsplit("/", 1)[1],
                                    uri))
    for code in term.ptv:
        codelist = PTV + ("ptvkohderyhmat" if code.startswith("KR") else "ptvserclass2")
        key = "ptv_groups" if code.startswith("KR") else "ptv_classes"
        uri = f"{codelist}/code/{code}"
        found.append(_external_term(x, t, term, key, codelist, uri, code, uri))
    for code in term.lahella:
        found.append(_external_term(x, t, term, "lahella", LAHELLA, f"{LAHELLA}#{code}", code,
                                    None))
    return found


def _external_term(x: Export, t: Tables, term: Term, key: str, taxonomy_uri: str,
                   identity: str, code: str, term_uri: str | None) -> str:
    """A term of an external taxonomy (key: yso, ptv_classes, ptv_groups or lahella), named
    with the label of the guide's term it matches."""
    description = "ptv_description" if key.startswith("ptv") else f"{key}_description"
    name = x.catalogue(f"opendata.{key}")
    taxonomy_id = t.add("taxonomy", {
        "id": _global_id(taxonomy_uri), "name": name, "uri": taxonomy_uri,
        "description": x.catalogue(f"opendata.{description}")})
    label, written = x.view.written(term.label)
    return t.add("taxonomy_term", {
        "id": _global_id(identity), "code": code, "name": label,
        "description": x.catalogue("opendata.matched", term=label), "taxonomy": name,
        "taxonomy_id": taxonomy_id, "language": written, "term_uri": term_uri})


def _global_id(uri: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, uri))
