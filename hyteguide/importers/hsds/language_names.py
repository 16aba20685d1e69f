"""Languages as HSDS packages name them (an ISO 639 code, or a name in English, Finnish or
Swedish) → an ISO 639-1 code (639-3 where there is none) and its labels in fi, sv and en, for
matching vocabulary terms and for the `languages` group an import with `--new` writes."""

from __future__ import annotations

import re

from hyteguide.importers.hsds.personal import fold

# code: (Finnish, Swedish, English label, other names and codes, separated by '|')
LANGUAGES: dict[str, tuple[str, str, str, str]] = {
    "fi": ("suomi", "finska", "Finnish", "fin|suomen kieli"),
    "sv": ("ruotsi", "svenska", "Swedish", "swe|svensk"),
    "en": ("englanti", "engelska", "English", "eng"),
    "se": ("pohjoissaame", "nordsamiska", "Northern Sami", "sme|saame|sami|saami"),
    "ru": ("venäjä", "ryska", "Russian", "rus"),
    "et": ("viro", "estniska", "Estonian", "est|eesti"),
    "ar": ("arabia", "arabiska", "Arabic", "ara"),
    "so": ("somali", "somaliska", "Somali", "som"),
    "uk": ("ukraina", "ukrainska", "Ukrainian", "ukr"),
    "fa": ("persia", "persiska", "Persian", "fas|per|farsi"),
    "prs": ("dari", "dari", "Dari", ""),
    "ps": ("pašto", "pashto", "Pashto", "pus|pashtu"),
    "ku": ("kurdi", "kurdiska", "Kurdish", "kur|sorani|kurmanji"),
    "tr": ("turkki", "turkiska", "Turkish", "tur"),
    "de": ("saksa", "tyska", "German", "deu|ger|deutsch"),
    "fr": ("ranska", "franska", "French", "fra|fre|français|francais"),
    "es": ("espanja", "spanska", "Spanish", "spa|español|espanol|castellano"),
    "pt": ("portugali", "portugisiska", "Portuguese", "por"),
    "it": ("italia", "italienska", "Italian", "ita"),
    "nl": ("hollanti", "nederländska", "Dutch", "nld|dut"),
    "da": ("tanska", "danska", "Danish", "dan"),
    "no": ("norja", "norska", "Norwegian", "nor|nob|nno"),
    "is": ("islanti", "isländska", "Icelandic", "isl|ice"),
    "pl": ("puola", "polska", "Polish", "pol"),
    "cs": ("tšekki", "tjeckiska", "Czech", "ces|cze"),
    "sk": ("slovakki", "slovakiska", "Slovak", "slk|slo"),
    "hu": ("unkari", "ungerska", "Hungarian", "hun"),
    "ro": ("romania", "rumänska", "Romanian", "ron|rum"),
    "bg": ("bulgaria", "bulgariska", "Bulgarian", "bul"),
    "el": ("kreikka", "grekiska", "Greek", "ell|gre"),
    "lv": ("latvia", "lettiska", "Latvian", "lav"),
    "lt": ("liettua", "litauiska", "Lithuanian", "lit"),
    "sq": ("albania", "albanska", "Albanian", "sqi|alb"),
    "sr": ("serbia", "serbiska", "Serbian", "srp"),
    "hr": ("kroatia", "kroatiska", "Croatian", "hrv"),
    "bs": ("bosnia", "bosniska", "Bosnian", "bos"),
    "mk": ("makedonia", "makedonska", "Macedonian", "mkd|mac"),
    "sl": ("sloveeni", "slovenska", "Slovenian", "slv|slovene"),
    "be": ("valko-venäjä", "belarusiska", "Belarusian", "bel"),
    "ka": ("georgia", "georgiska", "Georgian", "kat|geo"),
    "hy": ("armenia", "armeniska", "Armenian", "hye|arm"),
    "he": ("heprea", "hebreiska", "Hebrew", "heb"),
    "am": ("amhara", "amhariska", "Amharic", "amh"),
    "ti": ("tigrinja", "tigrinska", "Tigrinya", "tir"),
    "om": ("oromo", "oromo", "Oromo", "orm"),
    "sw": ("swahili", "swahili", "Swahili", "swa"),
    "yo": ("joruba", "yoruba", "Yoruba", "yor"),
    "ha": ("hausa", "hausa", "Hausa", "hau"),
    "ig": ("igbo", "igbo", "Igbo", "ibo"),
    "wo": ("wolof", "wolof", "Wolof", "wol"),
    "ht": ("haitinkreoli", "haitisk kreol", "Haitian Creole", "hat|haitian|creole|kreyol|"
           "kreyòl|haitian creole french"),
    "zh": ("kiina", "kinesiska", "Chinese", "zho|chi|mandarin|mandarin chinese|putonghua"),
    "yue": ("kantoninkiina", "kantonesiska", "Cantonese", "cantonese chinese"),
    "ja": ("japani", "japanska", "Japanese", "jpn"),
    "ko": ("korea", "koreanska", "Korean", "kor"),
    "vi": ("vietnam", "vietnamesiska", "Vietnamese", "vie"),
    "th": ("thai", "thailändska", "Thai", "tha"),
    "km": ("khmer", "khmer", "Khmer", "khm|cambodian"),
    "lo": ("lao", "laotiska", "Lao", "lao|laotian"),
    "my": ("burma", "burmesiska", "Burmese", "mya|bur"),
    "tl": ("tagalog", "tagalog", "Tagalog", "tgl|filipino|fil"),
    "id": ("indonesia", "indonesiska", "Indonesian", "ind"),
    "ms": ("malaiji", "malajiska", "Malay", "msa|may"),
    "hi": ("hindi", "hindi", "Hindi", "hin"),
    "ur": ("urdu", "urdu", "Urdu", "urd"),
    "bn": ("bengali", "bengali", "Bengali", "ben|bangla"),
    "pa": ("pandžabi", "punjabi", "Punjabi", "pan|panjabi"),
    "ne": ("nepali", "nepali", "Nepali", "nep"),
    "ta": ("tamili", "tamil", "Tamil", "tam"),
    "te": ("telugu", "telugu", "Telugu", "tel"),
    "gu": ("gudžarati", "gujarati", "Gujarati", "guj"),
    "hmn": ("hmong", "hmong", "Hmong", ""),
    "rom": ("romani", "romani", "Romani", "romanes|romanikieli"),
    "ase": ("amerikkalainen viittomakieli", "amerikanskt teckenspråk", "American Sign Language",
            "asl"),
    "fse": ("suomalainen viittomakieli", "finskt teckenspråk", "Finnish Sign Language",
            "viittomakieli"),
}


def _index() -> dict[str, str]:
    names: dict[str, str] = {}
    for code, (fi, sv, en, more) in LANGUAGES.items():
        for name in (code, fi, sv, en, *filter(None, more.split("|"))):
            names.setdefault(_key(name), code)
    return names


def _key(name: str) -> str:
    return " ".join(re.split(r"[^a-z]+", fold(name))).strip()


NAMES = _index()


def language_code(name: str) -> str | None:
    """The code of a language named by a code or a name ('spa', 'Spanish', 'espanja'), or
    None when it is not known here."""
    return NAMES.get(_key(name)) if name.strip() else None


def language_labels(code: str) -> dict[str, str] | None:
    """The fi, sv and en labels of a known language code."""
    known = LANGUAGES.get(code)
    return {"fi": known[0], "sv": known[1], "en": known[2]} if known else None
