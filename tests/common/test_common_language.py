"""common.language: the per-language view every output reads texts, labels and addresses with."""

from __future__ import annotations

from hyteguide.common.language import LanguageView
from hyteguide.model import Term, Text, Vocabulary
from hyteguide.web.urls import Urls

VOCABULARY = Vocabulary({"themes": {"liikunta": Term(
    "themes", "liikunta", Text((("fi", "Liikunta"), ("sv", "Motion"))))}})


def view(lang: str) -> LanguageView:
    return LanguageView.of(lang, VOCABULARY, Urls("https://x.example/", ("fi", "sv", "en")),
                           lambda target: f"{target}/")


def test_a_text_falls_back_to_the_first_language_and_says_so() -> None:
    title = Text((("fi", "Kävely"), ("sv", "Promenad")))
    assert view("sv").written(title) == ("Promenad", "sv")
    assert view("en").written(title) == ("Kävely", "fi")
    assert view("en").text(title) == "Kävely"
    assert view("en").written("plain") == ("plain", "en")


def test_nothing_is_empty_or_none_as_the_format_wants() -> None:
    assert view("fi").text(None) == ""
    assert view("fi").optional(None) is None
    assert view("fi").written(None) == ("", "fi")


def test_labels_and_page_addresses_are_in_the_language() -> None:
    assert view("sv").label("themes", "liikunta") == "Motion"
    assert view("en").labels("themes", ("liikunta",)) == ["Liikunta"]
    assert view("fi").page_url("themes") == "https://x.example/themes/"
    assert view("sv").page_url("themes") == "https://x.example/sv/themes/"
