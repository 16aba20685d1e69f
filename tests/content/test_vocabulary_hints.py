"""What check says about a vocabulary group that is missing: the hint shows a term of that
group, not of another (issue 19: a missing 'languages' group was hinted with a theme)."""

from __future__ import annotations

import re

import pytest

from hyteguide.content.schema.vocabulary import GROUP_EXAMPLES
from tests.helpers import VOCABULARY_YAML, check, hints, make_site


def without_group(group: str) -> str:
    """VOCABULARY_YAML without the group and its terms."""
    return re.sub(rf"(?m)^{group}:\n(  .*\n)*", "", VOCABULARY_YAML)


@pytest.mark.parametrize("group", ["municipalities", "themes", "audiences", "formats",
                                   "languages"])
def test_a_missing_group_is_hinted_with_a_term_of_its_own(tmp_path, group):
    root = make_site(tmp_path, {"vocabulary.yaml": without_group(group)})
    found = [(line, hint) for line, hint in zip(check(root), hints(root), strict=True)
             if f"vocabulary.yaml needs '{group}'" in line]
    assert found, check(root)
    assert found[0][1] == f"add '{group}: {GROUP_EXAMPLES[group]}'"


def test_every_group_has_its_own_example():
    from hyteguide.content.schema.vocabulary import VOCABULARY_GROUPS

    assert set(GROUP_EXAMPLES) == set(VOCABULARY_GROUPS)
    firsts = [example.split(":", 1)[0] for example in GROUP_EXAMPLES.values()]
    assert len(set(firsts)) == len(firsts)  # no group borrows another's term


def test_a_missing_term_field_is_hinted_with_the_regions_own_terms(tmp_path):
    """Issue 19, point 12: in a region without 'kerava', the hint for a missing
    'municipalities' names the region's own municipalities, not the example region's."""
    vocabulary = VOCABULARY_YAML.replace("kerava: {fi: Kerava, sv: Kervo}",
                                         "espoo: {fi: Espoo, sv: Esbo}").replace(
        "tuusula: {fi: Tuusula, sv: Tusby}", "vantaa: {fi: Vantaa, sv: Vanda}")
    organisation = ("---\nname: Espoon Yhdistys ry\nsummary: Testi.\nactivities:\n"
                    "  - id: ryhma\n    title: Ryhmä\n    summary: Testi.\n---\n")
    root = make_site(tmp_path, {"vocabulary.yaml": vocabulary,
                                "places/kirjasto.yaml": None,
                                "organisations/yhdistys.md": organisation})
    found = dict(zip(check(root), hints(root), strict=True))
    assert "add 'municipalities: [espoo, vantaa]'" in found.values(), found
    assert "add 'format: kohtaamispaikka'" in found.values()  # that region has the term
    assert not any("kerava" in hint for hint in found.values())
