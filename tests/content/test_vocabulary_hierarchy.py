"""Broader and narrower terms (issue 20, point 1): vocabulary.yaml `broader` names broader
terms of the same group, as YSO and SKOS do; check reports an unknown id, a term of another
group and a cycle (file:line, field, fix); the model gives a term's ancestors and narrower
terms, and the filters' values are the terms with their ancestors."""

from __future__ import annotations

import pytest

from hyteguide.content.load import load_content
from hyteguide.model import Term as ModelTerm
from hyteguide.model import Text, Vocabulary
from tests.helpers import VOCABULARY_YAML, make_site, problems

NARROWER = "    sensitive: true\n"  # the last line of mielenterveyskuntoutujat


def with_broader(broader: str, extra_terms: str = "") -> str:
    """The helpers' vocabulary with mielenterveyskuntoutujat's broader written as given."""
    text = VOCABULARY_YAML.replace(NARROWER, NARROWER + f"    broader: {broader}\n")
    return text.replace("audiences:\n", "audiences:\n" + extra_terms)


def test_a_broader_term_loads_and_is_in_the_model(tmp_path):
    root = make_site(tmp_path, {"vocabulary.yaml": with_broader("[aikuiset]")})
    content = load_content(root)
    term = content.vocabulary.term("audiences", "mielenterveyskuntoutujat")
    assert term.broader == ("aikuiset",)
    assert content.vocabulary.ancestors("audiences", "mielenterveyskuntoutujat") == (
        "aikuiset",)
    assert content.vocabulary.narrower("audiences", "aikuiset") == ("mielenterveyskuntoutujat",)


def only(root, code: str):
    found = [p for p in problems(root) if p.code == code]
    assert len(found) == 1, problems(root)
    return found[0]


def test_an_unknown_broader_id_is_reported_at_its_line_with_a_fix(tmp_path):
    root = make_site(tmp_path, {"vocabulary.yaml": with_broader("[aikuset]")})
    problem = only(root, "unknown-term")
    assert problem.path.endswith("vocabulary.yaml")
    written = VOCABULARY_YAML.replace(NARROWER, NARROWER + "    broader: [aikuset]\n")
    assert written.splitlines()[problem.line - 1].strip() == "broader: [aikuset]"
    assert problem.field == "audiences.mielenterveyskuntoutujat.broader[0]"
    assert "aikuiset" in problem.hint  # did you mean


def test_a_broader_term_of_another_group_is_reported(tmp_path):
    root = make_site(tmp_path, {"vocabulary.yaml": with_broader("[mielenterveys]")})
    problem = only(root, "unknown-term")
    assert "'mielenterveys' is a term of 'themes', not of 'audiences'" in problem.message
    assert "use a term of 'audiences'" in problem.hint


def test_a_label_instead_of_an_id_is_reported(tmp_path):
    root = make_site(tmp_path, {"vocabulary.yaml": with_broader("[Aikuiset ja nuoret]")})
    problem = only(root, "bad-slug")
    assert problem.field == "audiences.mielenterveyskuntoutujat.broader[0]"


def test_a_cycle_is_reported_once(tmp_path):
    extra = ("  kuntoutujat: {fi: Kuntoutujat, broader: [mielenterveyskuntoutujat]}\n"
             "  aikuiset2: {fi: Aikuiset 2, broader: [kuntoutujat]}\n")
    vocabulary = with_broader("[aikuiset2]", extra)
    root = make_site(tmp_path, {"vocabulary.yaml": vocabulary})
    problem = only(root, "cycle")
    assert problem.path.endswith("vocabulary.yaml") and problem.line > 1
    assert "go round in a circle" in problem.message
    assert problem.field.endswith(".broader[0]")
    assert "remove" in problem.hint


def test_a_term_that_is_its_own_broader_is_a_cycle(tmp_path):
    root = make_site(tmp_path, {"vocabulary.yaml": with_broader("[mielenterveyskuntoutujat]")})
    assert only(root, "cycle").field == "audiences.mielenterveyskuntoutujat.broader[0]"


def term(term_id: str, *broader: str) -> ModelTerm:
    return ModelTerm("audiences", term_id, Text((("fi", term_id),)), broader=broader)


@pytest.fixture
def vocabulary() -> Vocabulary:
    """ihmiset ⊃ aikuiset ⊃ {mielenterveyskuntoutujat, omaishoitajat}; omaishoitajat also
    under laheiset (several broader terms); lapset alone."""
    terms = [term("aikuiset", "ihmiset"), term("ihmiset"), term("laheiset"), term("lapset"),
             term("mielenterveyskuntoutujat", "aikuiset"),
             term("omaishoitajat", "aikuiset", "laheiset")]
    return Vocabulary({"audiences": {t.id: t for t in terms}})


def test_ancestors_are_transitive_and_follow_every_broader_term(vocabulary):
    assert vocabulary.ancestors("audiences", "mielenterveyskuntoutujat") == (
        "aikuiset", "ihmiset")
    assert vocabulary.ancestors("audiences", "omaishoitajat") == (
        "aikuiset", "ihmiset", "laheiset")
    assert vocabulary.ancestors("audiences", "lapset") == ()


def test_narrower_terms_are_transitive(vocabulary):
    assert vocabulary.narrower("audiences", "ihmiset") == (
        "aikuiset", "mielenterveyskuntoutujat", "omaishoitajat")
    assert vocabulary.narrower("audiences", "laheiset") == ("omaishoitajat",)
    assert vocabulary.narrower("audiences", "lapset") == ()


def test_expand_keeps_the_written_terms_first(vocabulary):
    assert vocabulary.expand("audiences", ("omaishoitajat", "lapset")) == (
        "omaishoitajat", "lapset", "aikuiset", "ihmiset", "laheiset")


def test_ancestors_end_on_a_cycle():
    looped = Vocabulary({"audiences": {"a": term("a", "b"), "b": term("b", "a")}})
    assert looped.ancestors("audiences", "a") == ("b",)
