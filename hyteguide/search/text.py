"""Search text processing: the same words in Python (index build) and in the browser.

Index terms and query terms go through exactly the same steps, here and in
`templates/assets/searchtext.js` (tests compare the two in node on every word of the example):

1. tokenize: runs of letters and digits, lower-cased (so `klo 10:30` is `klo`, `10`, `30`), at
   most 50 of them;
2. stop words: our own short lists of function words, compared folded (diacritics removed);
3. stem, then fold: Snowball for Finnish and Swedish (NLTK here; lunr-languages' identical
   stemmers in the browser), and for English a port of lunr.js 2.3.9's own Porter stemmer
   (lunr.py's Porter stemmer differs from it: `mielenterveys`), applied to the word as written
   (with ä, ö, å: Snowball's suffix rules know them) and only then folded (`kesäleirille` →
   `kesäleir` → `kesaleir`), so people without ä/ö/å on their keyboard mostly get the very
   same terms. A word with other diacritics (é, ü) is stemmed folded. Only words of the letters
   a–z (once folded) are stemmed: numbers, postal codes and other scripts stay as written,
   because the two Finnish Snowball implementations differ there (lunr-languages makes `04200`
   `0420`, NLTK does not).

A text is stemmed in the language it is written in (`terms(text, lang)`); an index holds texts
of several languages (a missing translation's fallback, the vocabulary's labels in every
language), so a query word becomes one term per language of the index (`query_terms`).

Nothing here uses the network: NLTK's stemmers need no downloaded data.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import Protocol

from lunr.pipeline import Pipeline
from lunr.token import Token
from nltk.stem.snowball import FinnishStemmer, SwedishStemmer

_WORD = re.compile(r"[^\W_]+")  # letters and digits: JS /[\p{L}\p{N}]+/gu
_COMBINING = re.compile("[\u0300-\u036f]")

STOP_WORDS = {
    "fi": """ja tai sekä mutta että jos kun koska kuin niin myös vain jo vielä eli siis kuten
        jotta joko vaan vaikka ei en et emme ette eivät ettei ellei on ovat oli olivat olla ole
        olen olet olemme olette ollut olleet olisi se ne sen sitä siinä siitä sille sillä siihen
        niitä niiden niihin he hän häntä hänen me te minä sinä mikä mitä mihin missä mistä
        joka jotka jonka joita jossa joissa johon josta joilla tämä tätä tässä tästä tähän nämä
        näitä näissä tuo tuota nuo kanssa noin sitten nyt klo""",
    "sv": """och i att det som en ett på är av för med till den de har inte om han hon men var
        jag sig från vi så kan man när du ni dem eller vara vad här där efter hos mot under vid
        också samt sin sitt sina ska skall blir bli denna detta dessa vilken vilka vilket än
        nu kl""",
    "en": """a an and are as at be but by for from has have in into is it its of on or that the
        their there they this to was were will with we you your our not can if so than then
        these those which who what when where""",
}


MAX_WORD = 50  # longer runs of letters are not words anyone searches for (and stem slowly)


def tokenize(text: str) -> list[str]:
    """The words of a text, lower-cased, in order; runs over MAX_WORD letters are left out."""
    words = _WORD.findall(unicodedata.normalize("NFC", text).lower())
    return [word for word in words if len(word) <= MAX_WORD]


def fold(word: str) -> str:
    """Remove diacritics: ä → a, ö → o, å → a, é → e."""
    return _COMBINING.sub("", unicodedata.normalize("NFD", word))


def stop_words(lang: str) -> frozenset[str]:
    """The language's stop words, folded as index terms are."""
    return frozenset(fold(word) for word in STOP_WORDS[lang].split())


# -- English: lunr.js 2.3.9's Porter stemmer, step by step -----------------------------------

_C = "[^aeiou][^aeiouy]*"
_V = "[aeiouy][aeiou]*"
_MGR0 = re.compile(f"^({_C})?{_V}{_C}")
_MEQ1 = re.compile(f"^({_C})?{_V}{_C}({_V})?$")
_MGR1 = re.compile(f"^({_C})?{_V}{_C}{_V}{_C}")
_S_V = re.compile(f"^({_C})?[aeiouy]")
_RE_1A = re.compile(r"^(.+?)(ss|i)es$")
_RE2_1A = re.compile(r"^(.+?)([^s])s$")
_RE_1B = re.compile(r"^(.+?)eed$")
_RE2_1B = re.compile(r"^(.+?)(ed|ing)$")
_RE2_1B_2 = re.compile(r"(at|bl|iz)$")
_RE3_1B_2 = re.compile(r"([^aeiouylsz])\1$")
_RE4_1B_2 = re.compile(f"^{_C}[aeiouy][^aeiouwxy]$")
_RE_1C = re.compile(r"^(.+?[^aeiou])y$")
_STEP2 = {"ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize",
          "bli": "ble", "alli": "al", "entli": "ent", "eli": "e", "ousli": "ous",
          "ization": "ize", "ation": "ate", "ator": "ate", "alism": "al", "iveness": "ive",
          "fulness": "ful", "ousness": "ous", "aliti": "al", "iviti": "ive", "biliti": "ble",
          "logi": "log"}
_STEP3 = {"icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "",
          "ness": ""}
_RE_2 = re.compile("^(.+?)(" + "|".join(_STEP2) + ")$")
_RE_3 = re.compile("^(.+?)(" + "|".join(_STEP3) + ")$")
_RE_4 = re.compile(r"^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous"
                   r"|ive|ize)$")
_RE2_4 = re.compile(r"^(.+?)(s|t)(ion)$")
_RE_5 = re.compile(r"^(.+?)e$")
_RE3_5 = re.compile(f"^{_C}[aeiouy][^aeiouwxy]$")


def porter_stem(w: str) -> str:  # noqa: C901 - mirrors lunr.js line by line
    """lunr.js 2.3.9's English stemmer (`lunr.stemmer`), ported exactly."""
    if len(w) < 3:
        return w
    first = w[0]
    if first == "y":
        w = "Y" + w[1:]
    if (m := _RE_1A.match(w)) or (m := _RE2_1A.match(w)):
        w = m.group(1) + m.group(2)
    if m := _RE_1B.match(w):
        if _MGR0.search(m.group(1)):
            w = w[:-1]
    elif m := _RE2_1B.match(w):
        stem = m.group(1)
        if _S_V.search(stem):
            w = stem
            if _RE2_1B_2.search(w):
                w += "e"
            elif _RE3_1B_2.search(w):
                w = w[:-1]
            elif _RE4_1B_2.search(w):
                w += "e"
    if m := _RE_1C.match(w):
        w = m.group(1) + "i"
    if (m := _RE_2.match(w)) and _MGR0.search(m.group(1)):
        w = m.group(1) + _STEP2[m.group(2)]
    if (m := _RE_3.match(w)) and _MGR0.search(m.group(1)):
        w = m.group(1) + _STEP3[m.group(2)]
    if m := _RE_4.match(w):
        if _MGR1.search(m.group(1)):
            w = m.group(1)
    elif (m := _RE2_4.match(w)) and _MGR1.search(m.group(1) + m.group(2)):
        w = m.group(1) + m.group(2)
    if m := _RE_5.match(w):
        stem = m.group(1)
        if _MGR1.search(stem) or (_MEQ1.search(stem) and not _RE3_5.search(stem)):
            w = stem
    if w.endswith("ll") and _MGR1.search(w):
        w = w[:-1]
    if first == "y":
        w = "y" + w[1:]
    return w


_STEMMERS: dict[str, Callable[[str], str]] = {
    "fi": FinnishStemmer().stem,
    "sv": SwedishStemmer().stem,
    "en": porter_stem,
}
STEMMER_LABELS = {lang: f"hyteguide-stemmer-{lang}" for lang in ("fi", "sv", "en")}


def stopword_label(lang: str) -> str:
    return f"hyteguide-stopwords-{lang}"


_STEMMABLE = re.compile(r"[a-z]+")
_NORDIC = re.compile(r"[a-zäöå]+")  # stemmed as written: the Snowball stemmers know ä, ö, å


@lru_cache(maxsize=200_000)
def stem(word: str, lang: str) -> str:
    """The folded stem of a lower-case word: stemmed as written when its letters are a–z and
    ä, ö, å, stemmed folded when it has other diacritics, and as it is (folded) when it has
    other than letters a–z once folded."""
    folded = fold(word)
    if not _STEMMABLE.fullmatch(folded):
        return folded
    return fold(_STEMMERS[lang](word if _NORDIC.fullmatch(word) else folded))


def term(word: str, lang: str) -> str | None:
    """The index term of one lower-case word, or None for a stop word."""
    if fold(word) in _STOP_WORDS[lang]:
        return None
    return stem(word, lang)


def query_terms(word: str, languages: tuple[str, ...]) -> list[str]:
    """The terms a query word may match in an index of texts in languages (its own first): its
    term in each, without repeats; none when it is a stop word of any of them (such a word in
    one language's text is not indexed, so it could never match)."""
    if any(fold(word) in _STOP_WORDS[lang] for lang in languages):
        return []
    return list(dict.fromkeys(stem(word, lang) for lang in languages))


def terms(text: str, lang: str) -> list[str]:
    """The index terms of a text, in order."""
    return [t for t in (term(word, lang) for word in tokenize(text)) if t]


_STOP_WORDS = {lang: stop_words(lang) for lang in STOP_WORDS}


# -- lunr.py pipeline functions, under the names the browser registers ------------------------

def _register() -> None:
    # Registered afresh (an import after a reload must not log "overwriting" warnings).
    for label in (*STEMMER_LABELS.values(), *map(stopword_label, STOP_WORDS)):
        Pipeline.registered_functions.pop(label, None)

    for lang in STOP_WORDS:
        def stop(token: Token, i: int = 0, tokens: object = None,
                 words: frozenset[str] = _STOP_WORDS[lang]) -> Token | None:
            return None if fold(str(token)) in words else token

        def stemmer(token: Token, i: int = 0, tokens: object = None, lang: str = lang) -> Token:
            return token.update(lambda s, metadata=None: stem(s, lang))

        Pipeline.register_function(stop, stopword_label(lang))
        Pipeline.register_function(stemmer, STEMMER_LABELS[lang])


class PipelineFunction(Protocol):
    """A function of lunr's pipeline: called on each token, and named by the label it was
    registered with (the manifest and the index name the pipeline by these labels)."""

    label: str

    def __call__(self, token: Token, i: int = 0, tokens: object = None) -> Token | None: ...


def pipeline_functions(lang: str) -> list[PipelineFunction]:
    """The lunr pipeline of a language, for the builder and for queries alike."""
    registered = Pipeline.registered_functions
    return [registered[stopword_label(lang)], registered[STEMMER_LABELS[lang]]]


_register()
