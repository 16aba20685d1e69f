"""hyteguide.search.text and templates/assets/searchtext.js: the same words in Python and in the
browser.

The index is built in Python and queried by lunr.js, so every word must become the very same term
on both sides: the tokenizer, the folding of diacritics, the stop words and the stemmers (NLTK's
Snowball and lunr-languages' Snowball for Finnish and Swedish, a port of lunr.js's Porter stemmer
for English). The browser's half runs in node (tests/node/search_runner.js, one process per
test) over every word of the example content.

Needs /usr/bin/node and lunr + lunr-languages from `npm ci`. Locally a missing piece skips the
node tests; under CI (env CI set) it fails them.
"""

from __future__ import annotations

import json
import os
import subprocess
import unicodedata
from pathlib import Path

import pytest

from hyteguide.search import text as searchtext
from hyteguide.search.files import VENDOR_FILES
from tests.conftest import REPO

NODE = Path("/usr/bin/node")
NODE_MODULES = REPO / "node_modules"
RUNNER = REPO / "tests" / "node" / "search_runner.js"
LANGUAGES = ("fi", "sv", "en")
# The browser scripts the runner loads, by their names under assets/vendor/.
SCRIPTS = {"lunr": "lunr.min.js", "support": "lunr.stemmer.support.min.js",
           "fi": "lunr.fi.min.js", "sv": "lunr.sv.min.js"}


def word_list(text: str) -> list[str]:
    return text.split()


# English words that exercise every step of the Porter stemmer, and its `y` handling.
TRICKY_ENGLISH = word_list("""
    mielenterveys happy cry by say yes agreed feed hopping filing conditional rational
    controllable generalizations relational hopeful goodness electrical adjustable sky ycleped
    yearly y ye yy yyy you youth yellowy yearning caresses ponies ties caress cats motoring sing
    conflated troubled sized hissing fizzed failing falling fall hoped triplicate formative
    formalize electriciti hopefulness revival allowance inference airliner gyroscopic defensible
    irritant replacement adjustment dependent adoption homologou communism activate angulariti
    homologous effective bowdlerize probate rate cease controll roll generate oed eed bled ing
    ying dying lying tying skies news abc aaa ssss sss iies ies sses ational tional aeiouy quy
    queue queuing ouy bay boy bye eye dye syzygy sensibiliti sensational valenci hesitanci
    digitizer conformabli radicalli differentli vileli analogousli vietnamization predication
    operator feudalism decisiveness callousness formaliti sensitiviti
    a an at is it on of 1st 2nd 10th 1990s covid19 x2 mp3
    """)

# Words beyond the example: numbers, non-Latin scripts, letters the stemmers do not know.
EXTRA_WORDS = word_list("""
    0 00 000 04200 2026 2011 100 55 10ssa 1980luvulla 2a b2e kkk 3kk 00a
    бб ббб москва помощь løbb straße ßß æble œuvre ıi 日本語 مرحبا ١٢٣
    """)

# Texts whose words must come out the same in Python and in JavaScript.
TOKENIZE_CASES = [
    "ka\u0308vely",  # NFD: a + combining diaeresis
    "Kävely KÄVELY kÄvElY",
    "klo 10:30",
    "title:",
    "title:kesäleiri +kävely -uinti",
    "a~ kesaleiri~1 liikun* ^10",
    "info@x.fi https://example.org/a?b=c#d",
    "snake_case __x__ a_b",
    "ruoka-apua Keski-Uusimaa – ja — näin",
    "don't it’s l'été",
    "😀 ok 👍🏽x 👨‍👩‍👧 ok",
    "Привет, мир! Ёлка йод",
    "مرحبا بالعالم",
    "שלום עולם",
    "zero\u200bwidth joiner\u200dx soft\u00adhyphen",
    "non\u00a0breaking narrow\u202fspace ideographic\u3000space",
    "line\u2028separator paragraph\u2029separator tab\there",
    "CO₂ x²³ ½ ① ⅷ",
    "İstanbul ISTANBUL ıi",
    "ΟΔΟΣ ΣΑΣ Σ",
    "Ǆemal ǅemal ﬁnland ﬂow",
    "١٢٣ ٤ ۴ १२३",
    "K\u0301 A\u030a\u030a e\u0301\u0301",
    "ＡＢＣ ａｂｃ １２３",
    "日本語テキスト 한국어 ไทย",
    "Straße STRASSE",
    "",
    "   \n\t ",
    "<script>alert(1)</script>",
]


# -- node -----------------------------------------------------------------------------------------

def unavailable(reason: str) -> None:
    """Skip locally; fail under CI, which must never silently skip the node tests."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set: node tests must run)")
    pytest.skip(reason)


def node_modules_scripts() -> dict[str, Path]:
    """The browser scripts in node_modules, where the build copies them from."""
    source = {target: name for name, target in VENDOR_FILES.items()}
    return {key: NODE_MODULES / source[name] for key, name in SCRIPTS.items()}


def site_scripts(vendor: Path) -> dict[str, Path]:
    """The browser scripts as a built site serves them, under assets/vendor/."""
    return {key: vendor / name for key, name in SCRIPTS.items()}


class Node:
    """The browser's search code in node: lunr.js, lunr-languages, searchtext.js and, where
    given, searchcore.js (beside searchtext.js)."""

    def __init__(self, scripts: dict[str, Path], searchtext_js: Path):
        self.scripts = scripts
        self.searchtext_js = searchtext_js
        self.searchcore_js = searchtext_js.with_name("searchcore.js")

    def run(self, *tasks: dict) -> list:
        """Run tasks (see tests/node/search_runner.js) in one node process; their results."""
        request = {"scripts": {key: str(path) for key, path in self.scripts.items()},
                   "searchtext": str(self.searchtext_js),
                   "searchcore": str(self.searchcore_js), "tasks": list(tasks)}
        done = subprocess.run([str(NODE), str(RUNNER)], input=json.dumps(request),
                              capture_output=True, text=True, encoding="utf-8", timeout=300)
        assert done.returncode == 0, f"node failed ({done.returncode}):\n{done.stderr}"
        return json.loads(done.stdout)["results"]

    def pipeline(self, lang: str, words: list[str]) -> list[str | None]:
        """Each word through a lunr.js pipeline of the labels Python's pipeline has."""
        labels = [fn.label for fn in searchtext.pipeline_functions(lang)]
        [found] = self.run({"op": "pipeline", "lang": lang, "labels": labels,
                            "stopwords": sorted(searchtext.stop_words(lang)), "words": words})
        return found


def node_runner(scripts: dict[str, Path], searchtext_js: Path) -> Node:
    """A Node for these files, or skip (fail under CI) when node or a file is missing."""
    if not NODE.is_file():
        unavailable(f"{NODE} is missing: apt-get install nodejs")
    if not (NODE_MODULES / "lunr").is_dir():
        unavailable("node_modules/lunr is missing: run npm ci")
    missing = [path for path in (*scripts.values(), searchtext_js) if not path.is_file()]
    if missing:
        unavailable(f"{missing[0]} is missing: run npm ci")
    return Node(scripts, searchtext_js)


@pytest.fixture(scope="session")
def node(sources) -> Node:
    """lunr.js and lunr-languages from node_modules, searchtext.js of the templates."""
    return node_runner(node_modules_scripts(), sources.templates / "assets" / "searchtext.js")


@pytest.fixture(scope="session")
def content_words(sources) -> list[str]:
    """Every word of the example content (all files, all languages), lower-cased, sorted."""
    words = {word for path in sources.content.rglob("*") if path.is_file()
             for word in searchtext.tokenize(path.read_text(encoding="utf-8"))}
    assert len(words) > 1000, "the example content has suspiciously few words"
    return sorted(words)


def differences(words: list[str], python: list, browser: list) -> list[tuple]:
    """(word, Python's answer, the browser's) wherever they differ."""
    assert len(browser) == len(words)
    return [(word, p, b) for word, p, b in zip(words, python, browser, strict=True) if p != b]


def shown(mismatches: list[tuple], limit: int = 60) -> str:
    return f"{len(mismatches)} differ (word, Python, browser): {mismatches[:limit]}"


# -- parity with the browser ----------------------------------------------------------------------

def test_porter_stem_is_lunr_js_stemmer(node, content_words):
    words = sorted({*content_words, *TRICKY_ENGLISH, *EXTRA_WORDS})
    [browser] = node.run({"op": "stem", "words": words})
    mismatches = differences(words, [searchtext.porter_stem(w) for w in words], browser)
    assert not mismatches, shown(mismatches)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_terms_of_every_content_word_are_the_browsers(node, content_words, lang):
    """term(word) in Python is what the browser's query pipeline makes of the same word."""
    browser = node.pipeline(lang, content_words)
    mismatches = differences(content_words, [searchtext.term(w, lang) for w in content_words],
                             browser)
    assert not mismatches, shown(mismatches)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_terms_of_numbers_and_other_scripts_are_the_browsers(node, lang):
    words = [w for text in (*EXTRA_WORDS, *TRICKY_ENGLISH) for w in searchtext.tokenize(text)]
    browser = node.pipeline(lang, words)
    mismatches = differences(words, [searchtext.term(w, lang) for w in words], browser)
    assert not mismatches, shown(mismatches)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_stop_words_are_dropped_by_the_browser_too(node, lang):
    words = sorted({*searchtext.STOP_WORDS[lang].split(), *searchtext.stop_words(lang)})
    browser = node.pipeline(lang, words)
    assert browser == [None] * len(words), shown(
        [(w, None, b) for w, b in zip(words, browser, strict=True) if b is not None])


@pytest.mark.parametrize("langs", [("fi", "sv", "en"), ("sv", "fi", "en"), ("en", "fi")])
def test_query_terms_are_the_browsers(node, content_words, langs):
    """A query word's terms in an index of several languages' texts, as in Python."""
    words = [*content_words, "och", "ja", "the", "yksinäisyyden", "kervo"]
    [browser] = node.run({"op": "queryterms", "langs": list(langs), "words": words,
                          "stopwords": {lang: sorted(searchtext.stop_words(lang))
                                        for lang in langs}})
    mismatches = differences(words, [searchtext.query_terms(w, langs) for w in words], browser)
    assert not mismatches, shown(mismatches)


def test_tokenize_is_the_browsers(node):
    [browser] = node.run({"op": "tokenize", "texts": TOKENIZE_CASES})
    mismatches = differences(TOKENIZE_CASES, [searchtext.tokenize(t) for t in TOKENIZE_CASES],
                             browser)
    assert not mismatches, shown(mismatches)


def test_tokenize_keeps_the_same_characters_as_the_browser(node):
    """Every code point assigned in Python's Unicode database gives the same words on both sides
    (node's newer Unicode may know more characters: those are left out)."""
    [browser] = node.run({"op": "wordchars"})
    assigned = {cp for cp in range(0x110000) if unicodedata.category(chr(cp)) not in ("Cn", "Cs")}
    in_browser = {cp: words for cp, words in browser if cp in assigned}
    in_python = {cp: words for cp in assigned if (words := searchtext.tokenize(chr(cp)))}
    mismatches = [(f"U+{cp:04X}", in_python.get(cp), in_browser.get(cp))
                  for cp in sorted(in_python.keys() | in_browser.keys())
                  if in_python.get(cp) != in_browser.get(cp)]
    assert len(in_python) > 100_000
    assert not mismatches, shown(mismatches)


def test_fold_is_the_browsers(node, content_words):
    words = [*content_words, *EXTRA_WORDS, "kesäleiri", "ÅÄÖ", "e\u0301", "é", "ñ", "ç", "ø",
             "ß", "æ", "ǅ", "ﬁ", "й", "ё", "i\u0307", "ắ", "\u0301"]
    [browser] = node.run({"op": "fold", "words": words})
    mismatches = differences(words, [searchtext.fold(w) for w in words], browser)
    assert not mismatches, shown(mismatches)


# -- tokenize and fold ----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "words"), [
    ("Kesäleiri ja KÄVELY", ["kesäleiri", "ja", "kävely"]),
    ("ka\u0308vely", ["kävely"]),
    ("klo 10:30", ["klo", "10", "30"]),
    ("title:", ["title"]),
    ("info@x.fi", ["info", "x", "fi"]),
    ("snake_case", ["snake", "case"]),
    ("ruoka-apua", ["ruoka", "apua"]),
    ("zero\u200bwidth", ["zero", "width"]),
    ("non\u00a0breaking", ["non", "breaking"]),
    ("CO₂", ["co₂"]),
    ("😀 ok", ["ok"]),
    ("Привет мир", ["привет", "мир"]),
    ("", []),
])
def test_tokenize(text, words):
    assert searchtext.tokenize(text) == words


def test_tokenize_output_is_nfc_and_lower_case():
    for word in searchtext.tokenize("A\u030angström ÄITI Åbo ka\u0308vely"):
        assert word == unicodedata.normalize("NFC", word) == word.lower()


@pytest.mark.parametrize(("word", "folded"), [
    ("kesäleiri", "kesaleiri"), ("pöytä", "poyta"), ("åbo", "abo"), ("café", "cafe"),
    ("e\u0301", "e"), ("ka\u0308vely", "kavely"), ("kesaleiri", "kesaleiri"), ("", ""),
])
def test_fold(word, folded):
    assert searchtext.fold(word) == folded


def test_fold_and_no_fold_give_the_same_term():
    for lang in LANGUAGES:
        assert searchtext.term("kesäleiri", lang) == searchtext.term("kesaleiri", lang)
    # in the language a text is written in (Swedish Snowball does not know Finnish endings)
    assert searchtext.terms("Kesäleiri Hyvinkäällä yksinäisyyden", "fi") == \
        searchtext.terms("kesaleiri hyvinkaalla yksinaisyyden", "fi")
    assert searchtext.terms("Närståendevårdaren äldres", "sv") == \
        searchtext.terms("narstaendevardaren aldres", "sv")


@pytest.mark.parametrize(("word", "lang", "stem"), [
    # stemmed as written, then folded: Snowball's Finnish rules know ä (yksinäisyyd)
    ("yksinäisyyden", "fi", "yksinaisyyd"), ("yksinäisyys", "fi", "yksinaisyys"),
    ("kesäleirille", "fi", "kesaleir"), ("lapsille", "fi", "laps"),
    ("kamratstödet", "sv", "kamratstodet"), ("café", "en", "cafe"), ("04200", "fi", "04200"),
])
def test_stem_then_fold(word, lang, stem):
    assert searchtext.term(word, lang) == stem


def test_query_terms_are_the_words_term_in_each_language_of_the_index():
    assert searchtext.query_terms("lapsille", ("sv", "fi", "en")) == ["lapsill", "laps",
                                                                         "lapsil"]
    assert searchtext.query_terms("kerava", ("fi", "sv")) == ["kerav"]
    # a stop word of any language of the index is never indexed in that language's texts
    assert searchtext.query_terms("och", ("fi", "sv")) == []
    assert searchtext.query_terms("och", ("fi",)) == ["och"]


# -- stemming and stop words ----------------------------------------------------------------------

# Inflected forms that meet their base form. Not every pair does: Snowball keeps liikuntaa
# (liikunt) and liikunta (liikun) apart, and huset (huset) and hus.
INFLECTED = [
    ("fi", "vertaistukiryhmät", "vertaistukiryhmä"),
    ("fi", "kesäleirille", "kesäleiri"),
    ("fi", "kesäleirille", "kesaleiri"),
    ("fi", "omaishoitajille", "omaishoitaja"),
    ("fi", "hyvinkäällä", "hyvinkää"),
    ("fi", "liikuntaryhmään", "liikuntaryhmä"),
    ("fi", "kävelyryhmät", "kävelyryhmä"),
    ("fi", "perheille", "perhe"),
    ("sv", "motionen", "motion"),
    ("sv", "motionsgrupper", "motionsgrupp"),
    ("sv", "familjerna", "familj"),
    ("sv", "grupperna", "grupp"),
    ("sv", "närståendevårdaren", "närståendevårdare"),
    ("sv", "äldres", "äldre"),
    ("en", "walking", "walk"),
    ("en", "groups", "group"),
    ("en", "families", "family"),
    ("en", "meetings", "meeting"),
    ("en", "supported", "support"),
]


@pytest.mark.parametrize(("lang", "inflected", "base"), INFLECTED)
def test_inflected_forms_meet_their_base_form(lang, inflected, base):
    assert searchtext.term(inflected, lang) == searchtext.term(base, lang)


@pytest.mark.parametrize(("word", "lang"), [
    ("ja", "fi"), ("että", "fi"), ("etta", "fi"), ("klo", "fi"), ("och", "sv"), ("på", "sv"),
    ("pa", "sv"), ("är", "sv"), ("ar", "sv"), ("kl", "sv"), ("the", "en"), ("and", "en"),
])
def test_stop_words_have_no_term(word, lang):
    assert searchtext.term(word, lang) is None


def test_stop_words_are_folded_and_only_of_their_language():
    for lang in LANGUAGES:
        words = searchtext.stop_words(lang)
        assert words and all(searchtext.fold(w) == w for w in words)
    assert searchtext.term("ja", "sv") is not None  # a Finnish stop word, not a Swedish one
    assert searchtext.term("och", "fi") is not None


def test_terms_drop_stop_words_and_keep_order():
    assert searchtext.terms("Kesäleiri ja kävely klo 10", "fi") == [
        searchtext.term("kesäleiri", "fi"), searchtext.term("kävely", "fi"), "10"]
    assert searchtext.terms("the walking groups", "en") == ["walk", "group"]
    assert searchtext.terms("", "sv") == []


@pytest.mark.parametrize(("word", "stem"), [
    ("mielenterveys", "mielentervey"), ("happy", "happi"), ("cry", "cri"), ("by", "by"),
    ("say", "say"), ("yes", "ye"), ("agreed", "agre"), ("feed", "feed"), ("hopping", "hop"),
    ("filing", "file"), ("conditional", "condit"), ("rational", "ration"),
    ("controllable", "control"), ("generalizations", "gener"), ("relational", "relat"),
    ("hopeful", "hope"), ("goodness", "good"), ("electrical", "electr"),
    ("adjustable", "adjust"), ("sky", "ski"), ("ycleped", "yclepe"), ("yearly", "yearli"),
])
def test_porter_stem_known_stems(word, stem):
    """Stems lunr.js 2.3.9 gives (checked against it in node by the parity test above)."""
    assert searchtext.porter_stem(word) == stem


# -- lunr.py pipeline registration ----------------------------------------------------------------

def test_pipeline_functions_are_registered_under_the_browser_names():
    from lunr.pipeline import Pipeline

    for lang in LANGUAGES:
        labels = [fn.label for fn in searchtext.pipeline_functions(lang)]
        assert labels == [searchtext.stopword_label(lang), searchtext.STEMMER_LABELS[lang]]
        assert all(Pipeline.registered_functions[label] is fn for label, fn in
                   zip(labels, searchtext.pipeline_functions(lang), strict=True))
    assert searchtext.STEMMER_LABELS == {"fi": "hyteguide-stemmer-fi",
                                         "sv": "hyteguide-stemmer-sv",
                                         "en": "hyteguide-stemmer-en"}
    assert searchtext.stopword_label("sv") == "hyteguide-stopwords-sv"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_lunr_py_pipeline_gives_term(lang):
    from lunr.pipeline import Pipeline

    pipeline = Pipeline.load([fn.label for fn in searchtext.pipeline_functions(lang)])
    words = ["kesäleirille", "vertaistukiryhmät", "motionsgrupperna", "walking", "families",
             "ja", "och", "the", "på", "04200"]
    for word in words:
        expected = searchtext.term(word, lang)
        assert pipeline.run_string(word) == ([] if expected is None else [expected]), word
