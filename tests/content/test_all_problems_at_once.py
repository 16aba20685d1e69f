"""Issue 19, point 14: one run of `check` reports everything it can know. A missing required
field does not hide a duplicate activity id, a bad rule or a cross-field check; a broken
vocabulary.yaml does not hide the unknown terms of every entry."""

from __future__ import annotations

from tests.helpers import VOCABULARY_YAML, check, make_site

P = "content/organisations/yhdistys.md"

ORGANISATION = """\
---
name: Keravan Yhdistys ry
summary: Kohtaamispaikka aikuisille.
municipalities: [kerava]
activities:
  - id: olohuone
    title: Olohuone
    format: kohtaamispaikka
    cost: 5 €
    low_threshold: true
    schedule:
      - weekly: [tue]
        time: "10:00-14:00"
        cancelled: [2026-12-10]
  - id: olohuone
    title: Toinen
    summary: Toinen.
    format: kohtaamispaikka
    themes: [vertaistukki]
---
Teksti.
"""


def codes(problems: list[str]) -> list[str]:
    return [p.split(": ")[1] + " " + p.split(": ")[2] for p in problems]


def test_a_missing_summary_hides_nothing_else_of_the_file(tmp_path):
    problems = check(make_site(tmp_path, {"organisations/yhdistys.md": ORGANISATION}))
    assert codes(problems) == [
        "error[missing-field] activities[0].summary",
        "error[not-low-threshold] activities[0].low_threshold",
        "error[not-held] activities[0].schedule[0].cancelled[0]",
        "error[duplicate-id] activities[1].id",
        "error[unknown-term] activities[1].themes[0]",
    ], problems
    assert f"{P}:15:9: error[duplicate-id]" in problems[3]


def test_a_broken_vocabulary_still_checks_the_entries_terms(tmp_path):
    """A term without its label in the default language (and a bad property) are the
    vocabulary's errors; an entry's unknown theme is reported in the same run, and a theme
    that is in the broken vocabulary is not."""
    vocabulary = VOCABULARY_YAML.replace(
        "  liikunta: {fi: Liikunta, sv: Motion, en: Exercise}\n",
        "  liikunta: {sv: Motion, en: Exercise}\n  kulttuuri: {fi: Kulttuuri, sensitive: maybe}\n")
    organisation = ORGANISATION.replace("themes: [vertaistukki]",
                                        "themes: [vertaistukki, liikunta, kulttuuri]")
    problems = check(make_site(tmp_path, {"vocabulary.yaml": vocabulary,
                                          "organisations/yhdistys.md": organisation}))
    vocabulary_problems = [p for p in problems if p.startswith("content/vocabulary.yaml")]
    assert len(vocabulary_problems) == 2, problems
    unknown = [p for p in problems if "unknown-term" in p]
    assert len(unknown) == 1 and "'vertaistukki'" in unknown[0], problems


def test_a_vocabulary_without_a_group_does_not_flag_every_term_of_it(tmp_path):
    """The missing group is the one error: its terms in the entries are not checked."""
    start = VOCABULARY_YAML.index("themes:")
    end = VOCABULARY_YAML.index("audiences:")
    vocabulary = VOCABULARY_YAML[:start] + VOCABULARY_YAML[end:]
    problems = check(make_site(tmp_path, {"vocabulary.yaml": vocabulary}))
    assert [p for p in problems if "unknown-term" in p] == []
    assert any("vocabulary.yaml" in p and "themes" in p for p in problems), problems
