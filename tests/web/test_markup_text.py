"""hyteguide.web.markup.render_markdown on text as editors write it (issue 19): line breaks are
kept, a list may follow a line of text, and a `*` footnote mark never turns text into emphasis,
while real emphasis still works and nothing unsafe gets through.

The samples are shaped like real descriptions of clubs, youth houses and associations.
"""

from __future__ import annotations

import time

import pytest

from hyteguide.web.markup import conform, plain_text, render_markdown, words_of
from tests.web.test_markup import XSS_PAYLOADS, assert_safe, parse, tags

OPENING_HOURS = """\
Nuorisotalo on avoinna:
Ma klo 14–20
Ti klo 14–20
Pe klo 16–22 (yli 13-vuotiaat)
Kesällä suljettu."""

PRICE_LIST = """\
Kausimaksut syksy 2026:
- lapset 60 €*
- nuoret 80 €*
- aikuiset 120 €
*Jäsenille 20 € alennus. Sisarusalennus 10 €.
Maksu laskutetaan syyskuussa."""

SWEDISH = """\
Vi träffas varje tisdag kl. 10–12 i föreningshuset.
Kaffe 2 €*, bulle 1 €*.
*Gratis för medlemmar.

**Obs!** Ingen verksamhet under jullovet."""


def emphasised(html: str) -> list[str]:
    return [tag for tag in tags(html) if tag in ("em", "strong", "b", "i")]


# -- line breaks ----------------------------------------------------------------------------------

def test_opening_hours_line_by_line_keep_their_lines():
    html = render_markdown(OPENING_HOURS)
    assert html == ("<p>Nuorisotalo on avoinna:<br>\nMa klo 14–20<br>\nTi klo 14–20<br>\n"
                    "Pe klo 16–22 (yli 13-vuotiaat)<br>\nKesällä suljettu.</p>")


def test_a_blank_line_still_makes_a_new_paragraph():
    html = render_markdown("Kerho kokoontuu torstaisin.\n\nTervetuloa mukaan!\n")
    assert tags(html) == ["p", "p"]


def test_a_line_break_with_two_trailing_spaces_is_one_break_not_two():
    assert tags(render_markdown("Ma klo 10  \nTi klo 12")) == ["p", "br"]


def test_line_breaks_inside_a_list_item_and_a_quotation():
    html = render_markdown("- Ma klo 10\n  Ti klo 12\n- Ke klo 18\n\n> Sanottua\n> toisin")
    assert tags(html) == ["ul", "li", "br", "li", "blockquote", "p", "br"]


def test_code_blocks_and_tables_are_not_broken_by_line_breaks():
    html = render_markdown("    rivi 1\n    rivi 2\n\n| Päivä | Aika |\n|---|---|\n| ti | 10 |\n")
    assert "br" not in tags(html)
    assert "rivi 1\nrivi 2" in html


def test_search_words_of_broken_lines_stay_apart():
    """The search index reads the same HTML: a line break separates words as a space does."""
    assert words_of("Ma klo 10\nTi klo 12") == "Ma klo 10 Ti klo 12"
    assert plain_text(render_markdown(OPENING_HOURS)).startswith("Nuorisotalo on avoinna: Ma")


# -- a list right after a line of text ------------------------------------------------------------

def test_a_dash_list_under_a_line_of_text_is_a_list():
    html = render_markdown(PRICE_LIST)
    assert tags(html)[:5] == ["p", "ul", "li", "li", "li"]
    items = [text.strip() for text in parse(html).text if "€" in text and "Jäsenille" not in text]
    assert items == ["lapset 60 €*", "nuoret 80 €*", "aikuiset 120 €"]


def test_the_text_after_a_list_is_a_paragraph_of_its_own():
    html = render_markdown(PRICE_LIST)
    assert html.endswith("</ul>\n<p>*Jäsenille 20 € alennus. Sisarusalennus 10 €.<br>\n"
                         "Maksu laskutetaan syyskuussa.</p>")


def test_an_indented_line_still_continues_its_item():
    html = render_markdown("Ohjelma:\n- retki Nuuksioon\n  (eväät mukaan)\n- sauna")
    assert tags(html) == ["p", "ul", "li", "br", "li"]


@pytest.mark.parametrize("text", [
    "Hinta 5 €*\n* jäsenille ilmainen",  # a footnote's line, not a list
    "Kevätkausi alkaa\n9. tammikuuta",    # a date, not a numbered list
    "Klo 10 - 12\nja 14 - 16",            # a dash inside a line
])
def test_lines_that_only_look_like_items_stay_text(text):
    assert tags(render_markdown(text)) == ["p", "br"]


def test_lists_after_a_blank_line_are_as_before():
    html = render_markdown("Ohjelma:\n\n* kahvi\n* jumppa\n\n1. ilmoittaudu\n2. tule paikalle")
    assert tags(html) == ["p", "ul", "li", "li", "ol", "li", "li"]


# -- footnote stars and emphasis ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Hinta 5 €*\n*jäsenille ilmainen",
    "Hinta 5 €*, opiskelijat 3 €*.\n*Jäsenille ilmainen.",
    "Kurssi* ja retki* (*vain jäsenille)",
    "Kurssi* ja retki**\n*lisämaksu 10 €\n**sisältää kuljetuksen",
    "Ohjaaja*: Maija, avustaja*: Pekka",
    "(*) jäsenille, (**) lapsille",
    "Hinta 10 € *)\n*) jäsenille",
    "Lauantaisin* klo 10 ja sunnuntaisin** klo 12\n*parillisilla viikoilla\n**kesällä",
    "Laske 5*3*2 ja 4**2",
    "tiedosto nimeltä kevat_ohjelma_2027.pdf",
    PRICE_LIST,
    SWEDISH.split("\n\n")[0],
])
def test_a_footnote_star_is_not_emphasis(text):
    html = render_markdown(text)
    assert emphasised(html) == []
    assert text.count("*") == html.count("*")


@pytest.mark.parametrize(("text", "expected"), [
    ("*tärkeää*", "<em>tärkeää</em>"),
    ("**tärkeää**", "<strong>tärkeää</strong>"),
    ("_tärkeää_", "<em>tärkeää</em>"),
    ("__tärkeää__", "<strong>tärkeää</strong>"),
    ("***tärkeää***", "<strong><em>tärkeää</em></strong>"),
    ("**Huom!** Ei kokoontumisia heinäkuussa.", "<strong>Huom!</strong> Ei"),
    ("*Huom*: kausi alkaa", "<em>Huom</em>: kausi"),
    ("(*lisätietoja toimistolta*)", "(<em>lisätietoja toimistolta</em>)"),
    ('"*Yhdessä enemmän*"', '"<em>Yhdessä enemmän</em>"'),
    ("*Olohuone*ssa", "<em>Olohuone</em>ssa"),
    ("**Olohuone** on *kaikille* avoin", "<strong>Olohuone</strong> on <em>kaikille</em>"),
    ("**Hinta *5 €* kerta**", "<strong>Hinta <em>5 €</em> kerta</strong>"),
    ("*Kerava* ja **Järvenpää**", "<em>Kerava</em> ja <strong>Järvenpää</strong>"),
    ("*[Ilmoittaudu](https://example.org/)*", "<em><a href="),
])
def test_real_emphasis_still_works(text, expected):
    assert expected in render_markdown(text)


def test_emphasis_and_footnotes_in_one_swedish_text():
    html = render_markdown(SWEDISH)
    assert emphasised(html) == ["strong"]
    assert "Kaffe 2 €*, bulle 1 €*.<br>\n*Gratis för medlemmar." in html


def test_emphasis_does_not_run_over_a_line_break():
    """A note line under a price list and a marked price on the next line are two lines, not
    one emphasised passage."""
    html = render_markdown("*jäsenille ilmainen\nKahvi 2 €*")
    assert emphasised(html) == []


def test_an_escaped_star_is_a_star():
    assert render_markdown(r"\*tärkeää\*") == "<p>*tärkeää*</p>"


def test_a_note_star_and_a_word_star_on_one_line_are_emphasis_unless_escaped():
    """The one case the rule cannot tell apart (README says so): `\\*` keeps the star."""
    assert emphasised(render_markdown("*lisämaksu, retki* sisältää kuljetuksen")) == ["em"]
    assert emphasised(render_markdown(r"\*lisämaksu, retki* sisältää kuljetuksen")) == []


# -- still safe and valid -------------------------------------------------------------------------

@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_xss_payload_in_lines_and_lists_is_neutralised(payload):
    body = f"Hinnat:\n- {payload}\n- 5 €*\n*{payload}\nMa klo 10\n{payload}*\n**{payload}**"
    assert_safe(render_markdown(body))


@pytest.mark.parametrize("payload", [
    "<scr\nipt>alert(1)</script>",
    "<a href=\"java\nscript:alert(1)\">x</a>",
    "<img src=x\nonerror=alert(1)>",
    "*<img src=x onerror=alert(1)>*",
    "[x](javascript:alert(1))*\n*",
])
def test_payloads_broken_over_lines_are_neutralised(payload):
    assert_safe(render_markdown(f"Teksti ennen\n{payload}\nteksti jälkeen"))


@pytest.mark.parametrize("text", [OPENING_HOURS, PRICE_LIST, SWEDISH])
def test_descriptions_come_out_valid(text):
    """conform leaves the output as it is: it already fits the content model."""
    html = render_markdown(text)
    assert conform(html) == html


def test_a_long_emphasised_sentence_is_emphasised():
    sentence = "Huom! " + "Kokoontumiset ovat maksuttomia ja kaikille avoimia. " * 5
    assert emphasised(render_markdown(f"**{sentence.strip()}**")) == ["strong"]


def test_a_long_line_of_unpaired_stars_takes_no_long_time():
    """Each star that opens nothing is looked past a bounded distance, not to the line's end
    (which took 10 s for this line)."""
    started = time.perf_counter()
    html = render_markdown("*a " * 20_000)
    assert time.perf_counter() - started < 2
    assert emphasised(html) == []
