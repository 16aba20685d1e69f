"""Generate a synthetic region in hyteguide's content format, for benchmarks.

Usage (from the repository root, with the project's virtualenv)::

    .venv/bin/python bench/generate.py --organisations 3000 --out /tmp/bench-region-3000
    .venv/bin/hyteguide check --content /tmp/bench-region-3000 --today 2026-11-22

Options: ``--organisations N`` (required), ``--out DIR`` (required), ``--seed 1``,
``--today 2026-11-22`` (every date is placed relative to this day: terms, cancellations,
events, ``reviewed``), ``--region auto|keski-uusimaa|uusimaa`` (auto: Keski-Uusimaa's six
municipalities up to 1,000 organisations, all 26 of Uusimaa above) and ``--stale-share 0``
(the share of organisations whose ``reviewed`` date is over a year old; 0 keeps
``hyteguide check`` free of warnings). The sizes of the issue: 300, 3,000 (Uusimaa) and 30,000.

It writes DIR/site.yaml, DIR/vocabulary.yaml (content/vocabulary.yaml byte for byte, plus the
other Uusimaa municipalities for the large region), DIR/organisations/*.md (3-7 activities
each, about 5 on average, a Finnish or Swedish Markdown body of about 250 words composed from
phrase banks), DIR/places/*.yaml (about one per three organisations), DIR/partnerships/*.md
(one table per municipality and a few theme networks) and DIR/pages/tietoa.md. The activities
use every schedule form of the schema: weekly (also every other week, Finnish day names,
``holidays: include``), monthly (``2nd mon``, ``last fri``, lists, day numbers), single
``date`` lists, ``rrule`` (INTERVAL, COUNT, YEARLY), ``from``/``until``, ``except`` days and
ranges, ``also``, ``cancelled`` (with and without notes), several times a day, ``note``.

Deterministic: one ``random.Random(seed)`` drives everything and no set or hash order is ever
iterated, so the same arguments give byte-identical output. Safe: DIR must be missing, empty,
or hold the marker file ``.bench-generated`` that this script writes; the new region is
written to a sibling folder first and swapped in when complete. A one-line summary goes to
stdout at the end.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import os
import random
import re
import shutil
import sys
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

MARKER = ".bench-generated"
REPOSITORY = Path(__file__).resolve().parent.parent
EXAMPLE_VOCABULARY = REPOSITORY / "content" / "vocabulary.yaml"
DEFAULT_TODAY = dt.date(2026, 11, 22)
DAY = dt.timedelta(days=1)
WEEKDAY_CODES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
FINNISH_DAY_CODES = ("ma", "ti", "ke", "to", "pe", "la", "su")
RRULE_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
ORDINALS = ("1st", "2nd", "3rd", "4th")


# -- municipalities ------------------------------------------------------------------------


@dataclass(frozen=True)
class District:
    fi: str
    gen: str  # Finnish genitive: Kallion
    sv: str  # Swedish name, or ""


@dataclass(frozen=True)
class Municipality:
    id: str
    fi: str
    sv: str
    gen: str  # Finnish genitive: Keravan
    loc: str  # Finnish locative: Keravalla
    city: bool  # kaupunki (True) or kunta
    population: int
    swedish: float  # share of Swedish-speaking organisations
    bilingual: bool
    lat: float
    lon: float
    spread: float  # coordinate jitter in degrees of latitude
    postal: tuple[str, ...]
    districts: tuple[District, ...]

    @property
    def admin_gen(self) -> str:
        return f"{self.gen} {'kaupungin' if self.city else 'kunnan'}"


def _codes(prefix: str, first: int, last: int) -> str:
    return " ".join(f"{prefix}{n:03d}" for n in range(first, last + 1, 10))


def _municipality(mid: str, fi: str, sv: str, gen: str, loc: str, city: bool, population: int,
                  swedish: float, bilingual: bool, lat: float, lon: float, spread: float,
                  postal: str, districts: str = "") -> Municipality:
    parts = [d.strip().split("/") for d in districts.split(";") if d.strip()]
    return Municipality(mid, fi, sv, gen, loc, city, population, swedish, bilingual, lat, lon,
                        spread, tuple(postal.split()),
                        tuple(District(p[0], p[1], p[2] if len(p) > 2 else "") for p in parts))


MUNICIPALITIES = (
    # The six of Keski-Uusimaa, as in content/vocabulary.yaml.
    _municipality("hyvinkaa", "Hyvinkää", "Hyvinge", "Hyvinkään", "Hyvinkäällä", True, 47000,
                  0.03, False, 60.631, 24.860, 0.03, "05800 05820 05830 05840 05880 05900",
                  "Paavola/Paavolan; Sveitsi/Sveitsin; Martti/Martin; Hakala/Hakalan; "
                  "Hyvinkäänkylä/Hyvinkäänkylän; Kytäjä/Kytäjän"),
    _municipality("jarvenpaa", "Järvenpää", "Träskända", "Järvenpään", "Järvenpäässä", True,
                  46000, 0.03, False, 60.474, 25.090, 0.02,
                  "04400 04410 04420 04430 04440 04460 04480",
                  "Haarajoki/Haarajoen; Kinnari/Kinnarin; Pajala/Pajalan; "
                  "Saunakallio/Saunakallion; Kyrölä/Kyrölän; Loutti/Loutin"),
    _municipality("kerava", "Kerava", "Kervo", "Keravan", "Keravalla", True, 38000, 0.04, False,
                  60.403, 25.105, 0.015, "04200 04220 04230 04250 04260",
                  "Savio/Savion/Savio; Kaskela/Kaskelan; Ahjo/Ahjon; Sompio/Sompion; "
                  "Kilta/Killan; Jaakkola/Jaakkolan"),
    _municipality("mantsala", "Mäntsälä", "Mäntsälä", "Mäntsälän", "Mäntsälässä", False, 21000,
                  0.02, False, 60.636, 25.318, 0.03, "04600 04620 04630 04660 04680",
                  "Ohkola/Ohkolan; Sälinkää/Sälinkään; Hirvihaara/Hirvihaaran; "
                  "Levanto/Levannon"),
    _municipality("nurmijarvi", "Nurmijärvi", "Nurmijärvi", "Nurmijärven", "Nurmijärvellä", False,
                  44000, 0.02, False, 60.464, 24.808, 0.04, "01800 01900 05100 05200 01860",
                  "Klaukkala/Klaukkalan/Klövskog; Rajamäki/Rajamäen; Kirkonkylä/Kirkonkylän; "
                  "Palojoki/Palojoen; Nukari/Nukarin; Röykkä/Röykän"),
    _municipality("tuusula", "Tuusula", "Tusby", "Tuusulan", "Tuusulassa", False, 40000, 0.04,
                  False, 60.403, 25.025, 0.04,
                  "04300 04310 04320 04330 04340 04380 05400 04500",
                  "Hyrylä/Hyrylän; Jokela/Jokelan; Kellokoski/Kellokosken/Mariefors; "
                  "Riihikallio/Riihikallion; Lahela/Lahelan; "
                  "Ruotsinkylä/Ruotsinkylän/Rusthållarsby"),
    # The rest of Uusimaa, added to the vocabulary for the large region.
    _municipality("helsinki", "Helsinki", "Helsingfors", "Helsingin", "Helsingissä", True, 680000,
                  0.06, True, 60.190, 24.960, 0.05, _codes("00", 100, 990),
                  "Kallio/Kallion/Berghäll; Vallila/Vallilan/Vallgård; "
                  "Kontula/Kontulan/Gårdsbacka; "
                  "Malmi/Malmin/Malm; Herttoniemi/Herttoniemen/Hertonäs; "
                  "Vuosaari/Vuosaaren/Nordsjö; Pasila/Pasilan/Böle; "
                  "Munkkiniemi/Munkkiniemen/Munksnäs; Lauttasaari/Lauttasaaren/Drumsö; "
                  "Kannelmäki/Kannelmäen/Gamlas; Maunula/Maunulan/Månsas; "
                  "Myllypuro/Myllypuron/Kvarnbäcken; Mellunmäki/Mellunmäen/Mellungsbacka; "
                  "Puistola/Puistolan/Parkstad; Tapanila/Tapanilan/Mosabacka; "
                  "Oulunkylä/Oulunkylän/Åggelby; Käpylä/Käpylän/Kottby; Töölö/Töölön/Tölö; "
                  "Kamppi/Kampin/Kampen; Laajasalo/Laajasalon/Degerö; Haaga/Haagan/Haga; "
                  "Malminkartano/Malminkartanon/Malmgård; Itäkeskus/Itäkeskuksen/Östra centrum; "
                  "Pihlajamäki/Pihlajamäen/Rönnbacka"),
    _municipality("espoo", "Espoo", "Esbo", "Espoon", "Espoossa", True, 320000, 0.07, True,
                  60.205, 24.655, 0.04, _codes("02", 100, 980),
                  "Tapiola/Tapiolan/Hagalund; Leppävaara/Leppävaaran/Alberga; "
                  "Matinkylä/Matinkylän/Mattby; Espoonlahti/Espoonlahden/Esboviken; "
                  "Espoon keskus/Espoon keskuksen/Esbo centrum; Kauklahti/Kauklahden/Köklax; "
                  "Kalajärvi/Kalajärven; Olari/Olarin/Olars; Soukka/Soukan/Sökö; "
                  "Kivenlahti/Kivenlahden/Stensvik; Otaniemi/Otaniemen/Otnäs; "
                  "Suvela/Suvelan/Södrik; Kilo/Kilon/Kilo; Viherlaakso/Viherlaakson/Gröndal"),
    _municipality("vantaa", "Vantaa", "Vanda", "Vantaan", "Vantaalla", True, 250000, 0.02, True,
                  60.294, 25.040, 0.04, _codes("01", 200, 770),
                  "Tikkurila/Tikkurilan/Dickursby; Myyrmäki/Myyrmäen/Myrbacka; "
                  "Martinlaakso/Martinlaakson/Mårtensdal; Hakunila/Hakunilan/Håkansböle; "
                  "Korso/Korson/Korso; Koivukylä/Koivukylän/Björkby; Kivistö/Kivistön/Kivistö; "
                  "Länsimäki/Länsimäen/Västerkulla; Rekola/Rekolan/Räckhals; "
                  "Hämeenkylä/Hämeenkylän/Tavastby; Simonkylä/Simonkylän/Simonsby"),
    _municipality("kauniainen", "Kauniainen", "Grankulla", "Kauniaisten", "Kauniaisissa", True,
                  10000, 0.33, True, 60.210, 24.729, 0.006, "02700"),
    _municipality("porvoo", "Porvoo", "Borgå", "Porvoon", "Porvoossa", True, 51000, 0.28, True,
                  60.393, 25.664, 0.03, "06100 06150 06400 06450 06500",
                  "Näsi/Näsin/Näse; Kevätkumpu/Kevätkummun/Vårberga; "
                  "Gammelbacka/Gammelbackan/Gammelbacka; Tolkkinen/Tolkkisten/Tolkis; "
                  "Kulloo/Kulloon/Kullo; Hinthaara/Hinthaaran/Hindhår"),
    _municipality("loviisa", "Loviisa", "Lovisa", "Loviisan", "Loviisassa", True, 14500, 0.38,
                  True, 60.457, 26.225, 0.03, "07900 07910 07920 07930 07945",
                  "Valko/Valkon/Valkom; Ruotsinpyhtää/Ruotsinpyhtään/Strömfors; "
                  "Pernaja/Pernajan/Pernå; Liljendal/Liljendalin/Liljendal"),
    _municipality("raasepori", "Raasepori", "Raseborg", "Raaseporin", "Raaseporissa", True, 27000,
                  0.63, True, 59.975, 23.437, 0.04, "10300 10320 10420 10600 10650",
                  "Tammisaari/Tammisaaren/Ekenäs; Karjaa/Karjaan/Karis; Pohja/Pohjan/Pojo; "
                  "Fiskari/Fiskarin/Fiskars"),
    _municipality("hanko", "Hanko", "Hangö", "Hangon", "Hangossa", True, 8000, 0.40, True,
                  59.833, 22.950, 0.01, "10900 10960", "Lappohja/Lappohjan/Lappvik"),
    _municipality("inkoo", "Inkoo", "Ingå", "Inkoon", "Inkoossa", False, 5500, 0.52, True,
                  60.046, 24.006, 0.02, "10210 10230", "Degerby/Degerbyn/Degerby"),
    _municipality("siuntio", "Siuntio", "Sjundeå", "Siuntion", "Siuntiossa", False, 6000, 0.33,
                  True, 60.138, 24.226, 0.02, "02570 02580"),
    _municipality("kirkkonummi", "Kirkkonummi", "Kyrkslätt", "Kirkkonummen", "Kirkkonummella",
                  False, 41000, 0.15, True, 60.124, 24.438, 0.03, "02400 02440 02460 02480",
                  "Masala/Masalan/Masaby; Veikkola/Veikkolan/Veikkola; Jorvas/Jorvaksen/Jorvas; "
                  "Kantvik/Kantvikin/Kantvik; Upinniemi/Upinniemen/Obbnäs"),
    _municipality("sipoo", "Sipoo", "Sibbo", "Sipoon", "Sipoossa", False, 23000, 0.32, True,
                  60.377, 25.271, 0.03, "01120 01150 04130 04150",
                  "Nikkilä/Nikkilän/Nickby; Söderkulla/Söderkullan/Söderkulla; "
                  "Talma/Talman/Talma; Box/Boxin/Box"),
    _municipality("lohja", "Lohja", "Lojo", "Lohjan", "Lohjalla", True, 45000, 0.03, False,
                  60.250, 24.066, 0.04, "08100 08150 08200 08500 08700",
                  "Virkkala/Virkkalan/Virkby; Muijala/Muijalan; "
                  "Karjalohja/Karjalohjan/Karislojo; Nummi/Nummen/Nummis; Sammatti/Sammatin"),
    _municipality("vihti", "Vihti", "Vichtis", "Vihdin", "Vihdissä", False, 29000, 0.02, False,
                  60.417, 24.319, 0.04, "03100 03150 03250 03400",
                  "Nummela/Nummelan/Nummela; Otalampi/Otalammen; Ojakkala/Ojakkalan"),
    _municipality("karkkila", "Karkkila", "Högfors", "Karkkilan", "Karkkilassa", True, 8500, 0.01,
                  False, 60.535, 24.210, 0.015, "03600 03620"),
    _municipality("askola", "Askola", "Askola", "Askolan", "Askolassa", False, 4800, 0.03, False,
                  60.530, 25.600, 0.02, "07500 07510 07590",
                  "Monninkylä/Monninkylän; Juornaankylä/Juornaankylän"),
    _municipality("pukkila", "Pukkila", "Pukkila", "Pukkilan", "Pukkilassa", False, 1900, 0.01,
                  False, 60.644, 25.581, 0.01, "07560"),
    _municipality("myrskyla", "Myrskylä", "Mörskom", "Myrskylän", "Myrskylässä", False, 1800,
                  0.07, False, 60.670, 25.850, 0.01, "07600"),
    _municipality("lapinjarvi", "Lapinjärvi", "Lappträsk", "Lapinjärven", "Lapinjärvellä", False,
                  2500, 0.32, True, 60.625, 26.200, 0.01, "07800 07850"),
    _municipality("pornainen", "Pornainen", "Borgnäs", "Pornaisten", "Pornaisissa", False, 5000,
                  0.01, False, 60.475, 25.375, 0.015, "07170", "Halkia/Halkian"),
)
KESKI_UUSIMAA = ("hyvinkaa", "jarvenpaa", "kerava", "mantsala", "nurmijarvi", "tuusula")


@dataclass(frozen=True)
class Region:
    key: str
    fi: str
    sv: str
    en: str
    gen: str  # Keski-Uudenmaan
    sv_in: str  # i Mellersta Nyland
    municipalities: tuple[Municipality, ...]


def region_named(key: str) -> Region:
    if key == "keski-uusimaa":
        chosen = tuple(m for m in MUNICIPALITIES if m.id in KESKI_UUSIMAA)
        return Region(key, "Keski-Uusimaa", "Mellersta Nyland", "Central Uusimaa",
                      "Keski-Uudenmaan", "i Mellersta Nyland", chosen)
    return Region(key, "Uusimaa", "Nyland", "Uusimaa", "Uudenmaan", "i Nyland", MUNICIPALITIES)


# -- organisation types ----------------------------------------------------------------------


@dataclass(frozen=True)
class ActivityTemplate:
    fi: str  # title; "{nick}" is replaced by a short proper name
    sv: str
    en: str
    summary_fi: str
    summary_sv: str
    summary_en: str
    format: str
    themes: tuple[str, ...]
    audiences: tuple[str, ...]
    kind: str  # dropin, group, club, exercise, course, advice, volunteer, event
    season: str = "any"  # for events: xmas, spring, summer, camp, autumn, winter, any


def _act(fi: str, sv: str, en: str, sfi: str, ssv: str, sen: str, fmt: str, themes: str,
         audiences: str, kind: str, season: str = "any") -> ActivityTemplate:
    return ActivityTemplate(fi, sv, en, sfi, ssv, sen, fmt, tuple(themes.split()),
                            tuple(audiences.split()), kind, season)


@dataclass(frozen=True)
class OrgType:
    key: str
    weight: int
    fi_names: tuple[str, ...]  # "{area}" is a Finnish genitive, "{nick}" a short proper name
    sv_names: tuple[tuple[str, str], ...]  # (Swedish name with "{sv}", Finnish name or "")
    themes: tuple[str, ...]
    audiences: tuple[str, ...]
    expertise: tuple[str, ...]
    what: tuple[str, str, str]  # fi, sv, en: what it offers
    aud: tuple[str, str, str]  # fi (allative), sv, en: for whom
    federation: str  # Finnish genitive, or ""
    facts_fi: tuple[str, ...]
    facts_sv: tuple[str, ...]
    activities: tuple[ActivityTemplate, ...]
    languages: tuple[str, ...] = ()  # extra activity languages typical of the type


ORG_TYPES = (
    OrgType(
        "omaishoito", 6,
        ("{area} Omaishoitajat ry", "{area} Omaishoitajat ja Läheiset ry",
         "{area} omaishoitajayhdistys ry"),
        (("Närståendevårdarna i {sv} rf", "{gen} ruotsinkieliset omaishoitajat ry"),),
        ("omaishoito", "vertaistuki", "ikaantyneet"), ("omaishoitajat", "laheiset", "ikaantyneet"),
        ("vertaistuki", "neuvonta", "kokemusasiantuntijuus"),
        ("vertaistukea, virkistystä ja neuvontaa", "kamratstöd, rekreation och rådgivning",
         "peer support, recreation and advice"),
        ("omaishoitajille ja heidän läheisilleen", "för närståendevårdare och deras anhöriga",
         "for family carers and their loved ones"),
        "Omaishoitajaliiton",
        ("Omaishoitajan arki voi olla raskasta, ja siksi on tärkeää saada välillä omaa aikaa ja "
         "jakaa kokemuksia muiden samassa tilanteessa olevien kanssa.",
         "Autamme myös omaishoidon tuen hakemisessa ja kerromme, mitä palveluja omaishoitajalle "
         "kuuluu.",
         "Moni ei tunnista olevansa omaishoitaja, vaikka auttaa läheistään päivittäin."),
        ("Vardagen som närståendevårdare kan vara tung, och därför är det viktigt att ibland få "
         "egen tid och dela erfarenheter med andra i samma situation.",
         "Vi hjälper också till med ansökan om stöd för närståendevård."),
        (
            _act("Omaishoitajien vertaisryhmä", "Kamratgrupp för närståendevårdare",
                 "Peer group for family carers",
                 "Keskustelua ja vertaistukea omaishoitajille kahvikupin äärellä.",
                 "Samtal och kamratstöd för närståendevårdare över en kopp kaffe.",
                 "Conversation and peer support for family carers over a cup of coffee.",
                 "vertaistukiryhma", "omaishoito vertaistuki", "omaishoitajat", "group"),
            _act("Virkistyspäivä", "Rekreationsdag", "Recreation day",
                 "Yhteinen virkistyspäivä omaishoitajille, ohjelmaa ja lounas.",
                 "En gemensam rekreationsdag för närståendevårdare med program och lunch.",
                 "A day of recreation for family carers, with a programme and lunch.",
                 "tapahtuma", "omaishoito", "omaishoitajat", "event"),
            _act("Omaishoidon neuvonta", "Rådgivning om närståendevård", "Caregiving advice",
                 "Neuvontaa omaishoidon tukeen, palveluihin ja jaksamiseen.",
                 "Rådgivning om stöd för närståendevård, tjänster och ork.",
                 "Advice on carer's allowance, services and coping.",
                 "neuvonta", "omaishoito", "omaishoitajat laheiset", "advice"),
            _act("Tuolijumppa omaishoitajille", "Stolgympa för närståendevårdare",
                 "Chair exercise for carers",
                 "Kevyttä tuolijumppaa omaishoitajille ja hoidettaville yhdessä.",
                 "Lätt stolgympa för närståendevårdare och de som vårdas, tillsammans.",
                 "Gentle chair exercise for carers and the people they care for.",
                 "liikuntaryhma", "liikunta omaishoito", "omaishoitajat ikaantyneet", "exercise"),
            _act("Muistelupiiri", "Minnescirkel", "Reminiscence circle",
                 "Muistelua, laulua ja yhdessäoloa omaishoitajille ja hoidettaville.",
                 "Minnen, sång och gemenskap för närståendevårdare och de som vårdas.",
                 "Memories, songs and company for carers and the people they care for.",
                 "kerho", "ikaantyneet omaishoito", "omaishoitajat ikaantyneet", "club"),
        )),
    OrgType(
        "mielenterveys", 8,
        ("{area} Mielenterveysyhdistys ry", "{area} Mielenterveysseura ry",
         "Klubitalo {nick} ry", "{area} Mielen Tuki ry"),
        (("Föreningen för mental hälsa i {sv} rf",
          "{gen} ruotsinkielinen mielenterveysyhdistys ry"),),
        ("mielenterveys", "vertaistuki", "yksinaisyys"),
        ("mielenterveyskuntoutujat", "aikuiset", "laheiset"),
        ("kokemusasiantuntijuus", "vertaistuki", "koulutus"),
        ("vertaistukea ja kohtaamispaikkoja", "kamratstöd och mötesplatser",
         "peer support and meeting places"),
        ("mielenterveyden haasteita kohdanneille ja heidän läheisilleen",
         "för personer med psykisk ohälsa och deras anhöriga",
         "for people facing mental health challenges and their families"),
        "MIELI Suomen Mielenterveys ry:n",
        ("Mielenterveyden haasteet koskettavat jossain elämänvaiheessa lähes jokaista perhettä.",
         "Vertaisuus tarkoittaa, että toinen samaa kokenut ymmärtää ilman pitkiä selityksiä.",
         "Kokemusasiantuntijamme kertovat omasta toipumisestaan kouluissa, työpaikoilla ja "
         "ammattilaisten koulutuksissa."),
        ("Psykisk ohälsa berör nästan varje familj under något skede av livet.",
         "Kamratstöd betyder att någon som varit med om samma sak förstår utan långa "
         "förklaringar."),
        (
            _act("Olohuone {nick}", "Vardagsrummet {nick}", "Living room {nick}",
                 "Avoin kohtaamispaikka, kahvia ja juttuseuraa ilman ajanvarausta.",
                 "Öppen mötesplats med kaffe och sällskap utan tidsbokning.",
                 "An open meeting place with coffee and company, no appointment needed.",
                 "kohtaamispaikka", "mielenterveys yksinaisyys",
                 "aikuiset mielenterveyskuntoutujat", "dropin"),
            _act("Toipujien keskusteluryhmä", "Samtalsgrupp för återhämtning",
                 "Recovery talk group",
                 "Suljettu vertaistukiryhmä masennuksesta tai ahdistuksesta toipuville aikuisille.",
                 "Sluten kamratstödsgrupp för vuxna som återhämtar sig från depression eller "
                 "ångest.",
                 "A closed peer group for adults recovering from depression or anxiety.",
                 "vertaistukiryhma", "mielenterveys vertaistuki", "mielenterveyskuntoutujat",
                 "group"),
            _act("Läheisten ilta", "Anhörigkväll", "Evening for families",
                 "Vertaistukea mielenterveyskuntoutujien läheisille.",
                 "Kamratstöd för anhöriga till personer i psykisk rehabilitering.",
                 "Peer support for the families of people recovering from mental illness.",
                 "vertaistukiryhma", "mielenterveys vertaistuki", "laheiset", "group"),
            _act("Mielen hyvinvoinnin kurssi", "Kurs i psykiskt välbefinnande",
                 "Mental wellbeing course",
                 "Kurssi arjen jaksamisesta, unesta ja stressin hallinnasta.",
                 "En kurs om att orka i vardagen, sömn och stresshantering.",
                 "A course on coping, sleep and managing stress.",
                 "kurssi", "mielenterveys terveys", "aikuiset", "course"),
            _act("Luovan toiminnan ryhmä", "Grupp för kreativ verksamhet", "Creative group",
                 "Maalausta, kirjoittamista ja musiikkia omaan tahtiin.",
                 "Målning, skrivande och musik i egen takt.",
                 "Painting, writing and music at your own pace.",
                 "ryhma", "mielenterveys kulttuuri", "mielenterveyskuntoutujat aikuiset", "club"),
        )),
    OrgType(
        "paihde", 4,
        ("{area} A-kilta ry", "{area} Päihdetyön Tuki ry", "{area} Raittiusyhdistys ry"),
        (("A-gillet i {sv} rf", "{gen} ruotsinkielinen A-kilta ry"),),
        ("paihteet", "vertaistuki", "mielenterveys"), ("paihdekuntoutujat", "laheiset", "aikuiset"),
        ("kokemusasiantuntijuus", "vertaistuki"),
        ("päihteettömiä kohtaamisia ja vertaistukea", "drogfria träffar och kamratstöd",
         "substance-free meetings and peer support"),
        ("päihteistä toipuville ja heidän läheisilleen",
         "för personer som återhämtar sig från missbruk och deras anhöriga",
         "for people recovering from substance use and their families"),
        "A-Kiltojen Liiton",
        ("Päihteistä toipuminen on pitkä matka, jolla vertaisten tuki on usein ratkaisevaa.",
         "Toimintamme on päihteetöntä, ja tapaamisiin tullaan selvin päin.",
         "Läheisille on omia ryhmiä, koska riippuvuus koskettaa koko perhettä."),
        ("Återhämtning från missbruk är en lång väg där stödet från andra med samma erfarenhet "
         "ofta är avgörande.",
         "Vår verksamhet är drogfri, och till träffarna kommer man nykter."),
        (
            _act("Päihteetön olohuone", "Drogfritt vardagsrum", "Substance-free living room",
                 "Päihteetön kohtaamispaikka, jossa on kahvia, pelejä ja juttuseuraa.",
                 "En drogfri mötesplats med kaffe, spel och sällskap.",
                 "A substance-free meeting place with coffee, games and company.",
                 "kohtaamispaikka", "paihteet yksinaisyys", "paihdekuntoutujat aikuiset", "dropin"),
            _act("Toipujien vertaisryhmä", "Kamratgrupp för återhämtning", "Recovery peer group",
                 "Luottamuksellinen vertaisryhmä päihteistä toipuville.",
                 "En konfidentiell kamratgrupp för personer som återhämtar sig från missbruk.",
                 "A confidential peer group for people recovering from substance use.",
                 "vertaistukiryhma", "paihteet vertaistuki", "paihdekuntoutujat", "group"),
            _act("Läheisten ryhmä", "Anhöriggrupp", "Family group",
                 "Tukea ja keskustelua läheisen päihteiden käytöstä huolestuneille.",
                 "Stöd och samtal för dem som oroar sig för en närståendes missbruk.",
                 "Support and conversation for those worried about a loved one's substance use.",
                 "vertaistukiryhma", "paihteet vertaistuki", "laheiset", "group"),
            _act("Päihteetön juhla", "Drogfri fest", "Substance-free party",
                 "Päihteetön juhla koko perheelle, ohjelmaa ja tarjoilua.",
                 "En drogfri fest för hela familjen med program och servering.",
                 "A substance-free party for the whole family, with a programme and refreshments.",
                 "tapahtuma", "paihteet", "kaikki", "event"),
            _act("Retkipäivä", "Utfärdsdag", "Outing",
                 "Päihteetön retki luontoon tai kulttuurikohteeseen.",
                 "En drogfri utfärd till naturen eller ett kulturmål.",
                 "A substance-free outing to nature or a cultural site.",
                 "tapahtuma", "paihteet luonto", "paihdekuntoutujat laheiset", "event", "spring"),
        )),
    OrgType(
        "seniorit", 12,
        ("{area} Eläkeläiset ry", "{area} Seniorit ry", "{area} Eläkkeensaajat ry",
         "{area} Seniorikilta ry"),
        (("{sv} svenska pensionärer rf", "{gen} ruotsinkieliset eläkeläiset ry"),
         ("Pensionärsföreningen i {sv} rf", "{gen} ruotsinkielinen eläkeläisyhdistys ry")),
        ("ikaantyneet", "yksinaisyys", "liikunta", "kulttuuri"), ("ikaantyneet",),
        ("vapaaehtoiset", "liikunnanohjaus"),
        ("virkistystä, liikuntaa ja yhdessäoloa", "rekreation, motion och gemenskap",
         "recreation, exercise and company"),
        ("ikääntyneille", "för äldre", "for older people"),
        "Eläkeläiset ry:n",
        ("Yhdessä tekeminen pitää mielen virkeänä ja ehkäisee yksinäisyyttä.",
         "Jäsenistömme on 60–95-vuotiaita, ja uusia jäseniä toivotaan joukkoon.",
         "Kesäisin teemme päiväretkiä ja käymme kesäteattereissa."),
        ("Att göra saker tillsammans håller sinnet piggt och förebygger ensamhet.",
         "Under somrarna gör vi dagsutfärder och besöker sommarteatrar."),
        (
            _act("Kerhopäivä", "Klubbdagen", "Club day",
                 "Kerho, jossa on esitelmiä, musiikkia ja kahvia.",
                 "Klubb med föredrag, musik och kaffe.",
                 "A club with talks, music and coffee.",
                 "kerho", "ikaantyneet yksinaisyys", "ikaantyneet", "club"),
            _act("Seniorijumppa", "Seniorgympa", "Seniors' exercise",
                 "Rauhallista tuolijumppaa ja tasapainoharjoituksia.",
                 "Lugn stolgympa och balansövningar.",
                 "Gentle chair exercise and balance training.",
                 "liikuntaryhma", "liikunta ikaantyneet", "ikaantyneet", "exercise"),
            _act("Lauluryhmä", "Sånggrupp", "Singing group",
                 "Tuttuja lauluja yhdessä laulaen, säestys pianolla.",
                 "Vi sjunger kända sånger tillsammans med pianoackompanjemang.",
                 "Singing familiar songs together with piano accompaniment.",
                 "ryhma", "kulttuuri ikaantyneet", "ikaantyneet", "club"),
            _act("Teatteriretki", "Teaterresa", "Theatre trip",
                 "Yhteinen teatterimatka, liput ja bussikuljetus.",
                 "En gemensam teaterresa med biljetter och busstransport.",
                 "A joint theatre trip with tickets and coach transport.",
                 "tapahtuma", "kulttuuri", "ikaantyneet", "event"),
            _act("Tanssiaiset", "Dansen", "Dance afternoon",
                 "Lavatansseja elävän musiikin tahdissa.",
                 "Pardans till levande musik.",
                 "Ballroom dancing to live music.",
                 "tapahtuma", "liikunta kulttuuri", "ikaantyneet", "event"),
            _act("Kuntosaliryhmä", "Gymgrupp", "Gym group",
                 "Ohjattua kuntosaliharjoittelua senioreille.",
                 "Handledd gymträning för seniorer.",
                 "Supervised gym training for seniors.",
                 "liikuntaryhma", "liikunta", "ikaantyneet", "exercise"),
        )),
    OrgType(
        "perheet", 9,
        ("{area} Perhetupa ry", "Mannerheimin Lastensuojeluliiton {area} yhdistys ry",
         "{area} Perheyhdistys ry", "Perhekeskus {nick} ry"),
        (("{sv} familjeförening rf", "{gen} ruotsinkielinen perheyhdistys ry"),
         ("Folkhälsan i {sv} rf", "")),
        ("perheet", "lapset-nuoret", "vertaistuki"), ("perheet", "lapset"),
        ("vapaaehtoiset", "tilat"),
        ("kohtaamispaikkoja, kerhoja ja vertaistukea", "mötesplatser, klubbar och kamratstöd",
         "meeting places, clubs and peer support"),
        ("lapsiperheille", "för barnfamiljer", "for families with children"),
        "Mannerheimin Lastensuojeluliiton",
        ("Vauva-arki ja ruuhkavuodet ovat helpompia, kun niistä voi jutella muiden vanhempien "
         "kanssa.",
         "Perhekahvilassa lapset leikkivät ja aikuiset saavat hengähtää.",
         "Vapaaehtoiset lukumummit ja -vaarit käyvät kerhoissa lukemassa satuja."),
        ("Vardagen med små barn blir lättare när man kan prata med andra föräldrar.",
         "På familjecaféet leker barnen och de vuxna får andas ut."),
        (
            _act("Perhekahvila", "Familjecafé", "Family café",
                 "Avoin kohtaamispaikka vanhemmille ja pienille lapsille.",
                 "Öppen mötesplats för föräldrar och små barn.",
                 "An open meeting place for parents and young children.",
                 "kohtaamispaikka", "perheet", "perheet lapset", "dropin"),
            _act("Vauvaryhmä", "Babygrupp", "Baby group",
                 "Vertaisryhmä alle 1-vuotiaiden vauvojen vanhemmille.",
                 "Kamratgrupp för föräldrar med bebisar under ett år.",
                 "A peer group for parents of babies under one.",
                 "vertaistukiryhma", "perheet vertaistuki", "perheet", "group"),
            _act("Isä-lapsi-ilta", "Pappa-barn-kväll", "Dads and kids evening",
                 "Leikkiä, liikuntaa ja iltapalaa isille ja lapsille.",
                 "Lek, rörelse och kvällsmål för pappor och barn.",
                 "Play, games and a snack for dads and their children.",
                 "ryhma", "perheet liikunta", "perheet lapset", "club"),
            _act("Satutuokio", "Sagostund", "Story time",
                 "Satuja ja loruja pienille lapsille vanhempineen.",
                 "Sagor och ramsor för små barn och deras föräldrar.",
                 "Stories and rhymes for young children and parents.",
                 "kerho", "perheet kulttuuri", "lapset perheet", "club"),
            _act("Perheiden ulkoilupäivä", "Familjens friluftsdag", "Family outdoor day",
                 "Pihaleikkejä, makkaranpaistoa ja ulkoilua koko perheelle.",
                 "Lekar, korvgrillning och friluftsliv för hela familjen.",
                 "Outdoor games, a barbecue and fresh air for the whole family.",
                 "tapahtuma", "perheet luonto", "perheet", "event", "winter"),
            _act("Lastenhoitoapu", "Barnvaktshjälp", "Childcare help",
                 "Koulutettu vapaaehtoinen lastenhoitaja perheen avuksi.",
                 "En utbildad frivillig barnvakt som hjälp för familjen.",
                 "A trained volunteer babysitter to help families.",
                 "vapaaehtoistoiminta", "perheet vapaaehtoisuus", "perheet", "volunteer"),
        )),
    OrgType(
        "nuoret", 6,
        ("{area} Nuorisoseura ry", "{area} Nuorten Tuki ry", "Nuorten Talo {nick} ry"),
        (("{sv} ungdomsförening rf", "{gen} ruotsinkielinen nuorisoseura ry"),),
        ("lapset-nuoret", "osallisuus", "mielenterveys"), ("nuoret",),
        ("vapaaehtoiset", "vaikuttaminen"),
        ("harrastuksia, tukea ja turvallisia aikuisia", "hobbyer, stöd och trygga vuxna",
         "hobbies, support and trusted adults"),
        ("nuorille", "för unga", "for young people"),
        "Suomen Nuorisoseurojen",
        ("Nuorilla pitää olla paikkoja, joissa voi olla oma itsensä ilman suorituspaineita.",
         "Nuoret suunnittelevat itse suuren osan toiminnasta yhdessä ohjaajien kanssa.",
         "Jokaisella ryhmällä on koulutettu aikuinen ohjaaja."),
        ("Unga behöver platser där de får vara sig själva utan prestationskrav.",
         "De unga planerar själva en stor del av verksamheten tillsammans med ledarna."),
        (
            _act("Nuorten ilta", "Ungdomskväll", "Youth evening",
                 "Avoin ilta 13–17-vuotiaille: pelejä, musiikkia ja välipalaa.",
                 "Öppen kväll för 13–17-åringar med spel, musik och mellanmål.",
                 "An open evening for 13–17-year-olds with games, music and snacks.",
                 "kohtaamispaikka", "lapset-nuoret", "nuoret", "dropin"),
            _act("Teatteriryhmä", "Teatergrupp", "Drama group",
                 "Improa ja näyttelemistä, kevään lopuksi oma esitys.",
                 "Improvisation och skådespel, med en egen föreställning på våren.",
                 "Improvisation and acting, ending with a show in spring.",
                 "ryhma", "kulttuuri lapset-nuoret", "nuoret", "club"),
            _act("Chat-tuki", "Chattstöd", "Chat support",
                 "Nimetön chat, jossa voi puhua mieltä painavista asioista.",
                 "Anonym chatt där man kan prata om det som tynger.",
                 "An anonymous chat to talk about what is on your mind.",
                 "neuvonta", "mielenterveys lapset-nuoret", "nuoret", "advice"),
            _act("Bändikerho", "Bandklubb", "Band club",
                 "Soittamista yhdessä, soittimet löytyvät paikan päältä.",
                 "Vi spelar tillsammans, instrument finns på plats.",
                 "Playing music together; instruments provided.",
                 "kerho", "kulttuuri lapset-nuoret", "nuoret", "club"),
            _act("Nuorten kesäleiri", "Sommarläger för unga", "Summer camp",
                 "Kolmen päivän leiri saaristossa, ruokailut ja majoitus.",
                 "Tre dagars läger i skärgården med mat och logi.",
                 "A three-day camp in the archipelago, with meals and accommodation.",
                 "tapahtuma", "lapset-nuoret luonto", "nuoret", "event", "camp"),
        )),
    OrgType(
        "liikunta", 9,
        ("{area} Terveysliikkujat ry", "{area} Latu ry", "{area} Kuntoliikkujat ry",
         "{area} Liikuntaseura ry"),
        (("{sv} motionsförening rf", "{gen} ruotsinkielinen liikuntaseura ry"),),
        ("liikunta", "terveys", "luonto"), ("aikuiset", "ikaantyneet", "kaikki"),
        ("liikunnanohjaus",),
        ("matalan kynnyksen liikuntaa", "motion med låg tröskel", "low-threshold exercise"),
        ("kaikenikäisille", "för alla åldrar", "for all ages"),
        "Suomen Latu ry:n",
        ("Liikunnan ei tarvitse olla rankkaa ollakseen hyödyllistä: jo säännöllinen kävely "
         "parantaa terveyttä.",
         "Ohjaajamme ovat koulutettuja vapaaehtoisia, jotka huomioivat eri kuntoiset "
         "osallistujat.",
         "Talvella hiihdämme ja lumikenkäilemme, kesällä pyöräilemme ja melomme."),
        ("Motion behöver inte vara tung för att vara nyttig: redan regelbundna promenader "
         "förbättrar hälsan.",
         "Våra ledare är utbildade frivilliga som tar hänsyn till deltagare med olika kondition."),
        (
            _act("Sauvakävely", "Stavgång", "Nordic walking",
                 "Ohjattu sauvakävelylenkki, sauvoja voi lainata.",
                 "Handledd stavgång, stavar kan lånas.",
                 "A guided Nordic walking session; poles can be borrowed.",
                 "liikuntaryhma", "liikunta luonto", "aikuiset ikaantyneet", "exercise"),
            _act("Vesijumppa", "Vattengympa", "Aqua aerobics",
                 "Kevyttä vesijumppaa uimahallissa.",
                 "Lätt vattengympa i simhallen.",
                 "Gentle aqua aerobics at the swimming hall.",
                 "liikuntaryhma", "liikunta terveys", "aikuiset ikaantyneet", "exercise"),
            _act("Kehonhuolto", "Kroppsvård", "Stretching and mobility",
                 "Venyttelyä ja liikkuvuusharjoituksia kaikenkuntoisille.",
                 "Stretching och rörlighetsövningar för alla.",
                 "Stretching and mobility exercises for every fitness level.",
                 "liikuntaryhma", "liikunta", "aikuiset", "exercise"),
            _act("Lumikenkäretki", "Snöskovandring", "Snowshoe hike",
                 "Retki lumikengillä lähimetsään, kengät lainaksi.",
                 "Snöskovandring i närskogen, skor att låna.",
                 "A snowshoe hike in the nearby forest; snowshoes provided.",
                 "tapahtuma", "luonto liikunta", "kaikki", "event", "winter"),
            _act("Liikuntaneuvonta", "Motionsrådgivning", "Exercise advice",
                 "Henkilökohtaista neuvontaa sopivan liikuntamuodon löytämiseen.",
                 "Personlig rådgivning för att hitta en lämplig motionsform.",
                 "Personal advice on finding the right kind of exercise.",
                 "neuvonta", "liikunta terveys", "aikuiset", "advice"),
        )),
    OrgType(
        "kulttuuri", 8,
        ("{area} Kulttuuriyhdistys ry", "Taidetupa {nick} ry", "{area} Kotiseutuyhdistys ry",
         "{area} Kuoroyhdistys ry"),
        (("{sv} hembygdsförening rf", "{gen} ruotsinkielinen kotiseutuyhdistys ry"),
         ("Kulturföreningen {nick} i {sv} rf", "")),
        ("kulttuuri", "osallisuus", "yksinaisyys"), ("kaikki", "aikuiset"),
        ("tilat", "koulutus"),
        ("kulttuuria, taidetta ja yhteisiä elämyksiä", "kultur, konst och gemensamma upplevelser",
         "culture, art and shared experiences"),
        ("kaikille asukkaille", "för alla invånare", "for all residents"),
        "",
        ("Kulttuuri kuuluu kaikille, ja siksi suurin osa tapahtumistamme on maksuttomia.",
         "Taiteen tekeminen yhdessä vahvistaa hyvinvointia ja yhteisöllisyyttä.",
         "Kotiseudun historia herää eloon kävelykierroksilla ja muistelutilaisuuksissa."),
        ("Kultur hör till alla, och därför är de flesta av våra evenemang avgiftsfria.",
         "Att skapa konst tillsammans stärker välbefinnandet och gemenskapen."),
        (
            _act("Maalauspiiri", "Målarcirkel", "Painting circle",
                 "Akvarelli- ja öljyvärimaalausta ohjaajan tuella.",
                 "Akvarell- och oljemålning med handledning.",
                 "Watercolour and oil painting with a tutor.",
                 "ryhma", "kulttuuri", "aikuiset", "club"),
            _act("Kirjallisuuspiiri", "Litteraturcirkel", "Book circle",
                 "Luemme ja keskustelemme kuukauden kirjasta.",
                 "Vi läser och diskuterar månadens bok.",
                 "We read and discuss a book each month.",
                 "kerho", "kulttuuri yksinaisyys", "aikuiset ikaantyneet", "club"),
            _act("Yhteislaulutilaisuus", "Allsång", "Sing-along",
                 "Yhteislaulua tuttujen laulujen tahdissa, sanat heijastetaan seinälle.",
                 "Allsång till kända sånger, orden visas på väggen.",
                 "Singing familiar songs together, with the lyrics on screen.",
                 "tapahtuma", "kulttuuri", "kaikki", "event"),
            _act("Kotiseutukävely", "Hembygdspromenad", "Local history walk",
                 "Opastettu kävelykierros paikallishistorian kohteisiin.",
                 "Guidad promenad till lokalhistoriska platser.",
                 "A guided walk to local history sites.",
                 "tapahtuma", "kulttuuri liikunta", "kaikki", "event", "spring"),
            _act("Kuoroharjoitukset", "Körövningar", "Choir practice",
                 "Sekakuoro harjoittelee kevään konserttiin, uudet laulajat tervetulleita.",
                 "Blandad kör övar inför vårkonserten, nya sångare välkomna.",
                 "A mixed choir rehearsing for the spring concert; new singers welcome.",
                 "ryhma", "kulttuuri", "aikuiset", "group"),
        )),
    OrgType(
        "vammaiset", 8,
        ("{area} Kehitysvammaisten Tuki ry", "{area} Näkövammaiset ry",
         "{area} Kuurojen Yhdistys ry", "{area} Invalidit ry", "{area} Reumayhdistys ry"),
        (("{sv} svenska hörselförening rf", "{gen} ruotsinkielinen kuuloyhdistys ry"),
         ("Föreningen för personer med funktionsnedsättning i {sv} rf", "")),
        ("vammaisuus", "vertaistuki", "osallisuus"), ("vammaiset", "laheiset"),
        ("kokemusasiantuntijuus", "vaikuttaminen", "tulkkaus"),
        ("vertaistukea, neuvontaa ja edunvalvontaa", "kamratstöd, rådgivning och intressebevakning",
         "peer support, advice and advocacy"),
        ("vammaisille henkilöille ja heidän läheisilleen",
         "för personer med funktionsnedsättning och deras anhöriga",
         "for persons with disabilities and their families"),
        "",
        ("Edistämme saavutettavuutta, jotta jokainen voi osallistua yhdenvertaisesti.",
         "Annamme lausuntoja kunnan suunnitelmista ja osallistumme vammaisneuvoston työhön.",
         "Tapahtumissamme on tarvittaessa viittomakielen tulkkaus ja induktiosilmukka."),
        ("Vi främjar tillgänglighet så att alla kan delta på lika villkor.",
         "På våra evenemang finns vid behov teckenspråkstolkning och hörslinga."),
        (
            _act("Vertaistapaaminen", "Kamratträff", "Peer meeting",
                 "Tapaaminen kokemusten vaihtoon ja ajankohtaisiin asioihin.",
                 "Träff för att utbyta erfarenheter och diskutera aktuella frågor.",
                 "A meeting to share experiences and news.",
                 "vertaistukiryhma", "vammaisuus vertaistuki", "vammaiset", "group"),
            _act("Edunvalvontaneuvonta", "Rådgivning om förmåner", "Benefits advice",
                 "Neuvontaa etuuksista, palveluista ja valitusten tekemisestä.",
                 "Rådgivning om förmåner, tjänster och att överklaga beslut.",
                 "Advice on benefits, services and appeals.",
                 "neuvonta", "vammaisuus talous", "vammaiset laheiset", "advice"),
            _act("Soveltava liikunta", "Anpassad motion", "Adapted exercise",
                 "Liikuntaa, joka sovitetaan jokaisen omiin mahdollisuuksiin.",
                 "Motion som anpassas efter var och ens förutsättningar.",
                 "Exercise adapted to each person's abilities.",
                 "liikuntaryhma", "liikunta vammaisuus", "vammaiset", "exercise"),
            _act("Kerhoilta", "Klubbkväll", "Club evening",
                 "Pelejä, askartelua ja yhdessäoloa aikuisille kehitysvammaisille.",
                 "Spel, pyssel och gemenskap för vuxna med intellektuell funktionsnedsättning.",
                 "Games, crafts and company for adults with intellectual disabilities.",
                 "kerho", "vammaisuus yksinaisyys", "vammaiset", "club"),
            _act("Apuvälinetori", "Hjälpmedelsmarknad", "Assistive devices fair",
                 "Esittelyssä uusia apuvälineitä, asiantuntijat paikalla.",
                 "Nya hjälpmedel presenteras, sakkunniga på plats.",
                 "New assistive devices on show, with experts on hand.",
                 "tapahtuma", "vammaisuus", "vammaiset laheiset", "event", "autumn"),
        ), ("viittomakieli", "selkokieli")),
    OrgType(
        "terveys", 8,
        ("{area} Sydänyhdistys ry", "{area} Diabetesyhdistys ry", "{area} Muistiyhdistys ry",
         "{area} Syöpäyhdistys ry", "{area} Hengitysyhdistys ry"),
        (("{sv} svenska hjärtförening rf", "{gen} ruotsinkielinen sydänyhdistys ry"),),
        ("terveys", "vertaistuki", "liikunta"), ("aikuiset", "ikaantyneet", "laheiset"),
        ("neuvonta", "koulutus", "vertaistuki"),
        ("tietoa, vertaistukea ja terveyttä edistävää toimintaa",
         "information, kamratstöd och hälsofrämjande verksamhet",
         "information, peer support and health-promoting activities"),
        ("pitkäaikaissairaille ja heidän läheisilleen", "för långtidssjuka och deras anhöriga",
         "for people with long-term illnesses and their families"),
        "",
        ("Sairauden kanssa elämiseen tarvitaan tietoa, mutta myös toisten samassa tilanteessa "
         "olevien tukea.",
         "Järjestämme vuosittain terveysluentoja yhdessä hyvinvointialueen ammattilaisten kanssa.",
         "Vertaistukihenkilömme ovat käyneet liiton koulutuksen."),
        ("För att leva med en sjukdom behövs information, men också stöd av andra i samma "
         "situation.",
         "Varje år ordnar vi hälsoföreläsningar tillsammans med välfärdsområdets yrkespersoner."),
        (
            _act("Vertaistukiryhmä", "Kamratstödsgrupp", "Peer support group",
                 "Keskustelua sairauden kanssa elämisestä samassa tilanteessa olevien kanssa.",
                 "Samtal om att leva med sjukdom med andra i samma situation.",
                 "Talking about living with an illness with others in the same situation.",
                 "vertaistukiryhma", "terveys vertaistuki", "aikuiset", "group"),
            _act("Terveysluento", "Hälsoföreläsning", "Health talk",
                 "Asiantuntija kertoo sairauden hoidosta ja omahoidosta.",
                 "En sakkunnig berättar om vård och egenvård.",
                 "An expert talks about treatment and self-care.",
                 "tapahtuma", "terveys", "kaikki", "event"),
            _act("Muistikahvila", "Minnescafé", "Memory café",
                 "Kohtaamispaikka muistisairaille ja heidän läheisilleen.",
                 "Mötesplats för personer med minnessjukdom och deras anhöriga.",
                 "A meeting place for people with memory disorders and their families.",
                 "kohtaamispaikka", "terveys ikaantyneet", "ikaantyneet laheiset", "dropin"),
            _act("Kuntouttava liikuntaryhmä", "Rehabiliterande motionsgrupp",
                 "Rehabilitative exercise",
                 "Fysioterapeutin ohjaamaa liikuntaa sairauden kanssa eläville.",
                 "Motion ledd av fysioterapeut för personer med sjukdom.",
                 "Exercise led by a physiotherapist for people living with an illness.",
                 "liikuntaryhma", "liikunta terveys", "aikuiset ikaantyneet", "exercise"),
            _act("Verenpaineen mittaus", "Blodtrycksmätning", "Blood pressure check",
                 "Maksuton verenpaineen mittaus ja terveysneuvontaa.",
                 "Avgiftsfri blodtrycksmätning och hälsorådgivning.",
                 "Free blood pressure checks and health advice.",
                 "neuvonta", "terveys", "kaikki", "advice"),
        )),
    OrgType(
        "kotoutuminen", 5,
        ("Monikulttuurinen yhdistys {nick} ry", "{area} Kotoutumisen Tuki ry",
         "{area} Ystävyysseura ry", "{area} Monikulttuurinen Keskus ry"),
        (("Mångkulturella föreningen i {sv} rf", "{gen} monikulttuurinen yhdistys ry"),),
        ("kotoutuminen", "osallisuus", "yksinaisyys"), ("maahan-muuttaneet", "perheet"),
        ("tulkkaus", "neuvonta", "vapaaehtoiset"),
        ("kielikahviloita, neuvontaa ja yhteistä tekemistä",
         "språkcaféer, rådgivning och gemensam verksamhet",
         "language cafés, advice and activities together"),
        ("maahan muuttaneille ja kantasuomalaisille", "för invandrare och infödda finländare",
         "for immigrants and long-time residents"),
        "",
        ("Uuteen maahan kotiutuminen on helpompaa, kun on ihmisiä, joilta kysyä neuvoa.",
         "Vapaaehtoisemme puhuvat yli kymmentä kieltä.",
         "Kielikahvilassa harjoitellaan suomea rennossa ilmapiirissä."),
        ("Det är lättare att bli hemma i ett nytt land när det finns människor att fråga om råd.",
         "Våra frivilliga talar över tio språk."),
        (
            _act("Kielikahvila", "Språkcafé", "Language café",
                 "Suomen kielen harjoittelua rennosti kahvin ääressä, kaikki tasot tervetulleita.",
                 "Öva finska avslappnat över en kopp kaffe, alla nivåer välkomna.",
                 "Practise Finnish over coffee; all levels welcome.",
                 "kohtaamispaikka", "kotoutuminen", "maahan-muuttaneet", "dropin"),
            _act("Asiointiapu", "Hjälp med ärenden", "Help with paperwork",
                 "Apua lomakkeiden, kirjeiden ja viranomaisasioinnin kanssa omalla kielellä.",
                 "Hjälp med blanketter, brev och myndighetsärenden på ditt eget språk.",
                 "Help with forms, letters and dealing with authorities, in your own language.",
                 "neuvonta", "kotoutuminen", "maahan-muuttaneet", "advice"),
            _act("Naisten ryhmä", "Kvinnogrupp", "Women's group",
                 "Keskustelua, käsitöitä ja liikuntaa eri kulttuureista tuleville naisille.",
                 "Samtal, handarbete och motion för kvinnor från olika kulturer.",
                 "Conversation, crafts and exercise for women from different cultures.",
                 "ryhma", "kotoutuminen yksinaisyys", "maahan-muuttaneet aikuiset", "group"),
            _act("Läksykerho", "Läxklubb", "Homework club",
                 "Vapaaehtoiset auttavat koululaisia läksyissä.",
                 "Frivilliga hjälper skolelever med läxorna.",
                 "Volunteers help schoolchildren with homework.",
                 "kerho", "kotoutuminen lapset-nuoret", "lapset nuoret", "club"),
            _act("Kulttuurien ilta", "Kulturkväll", "Cultures evening",
                 "Ruokaa, musiikkia ja tansseja eri puolilta maailmaa.",
                 "Mat, musik och dans från olika delar av världen.",
                 "Food, music and dance from around the world.",
                 "tapahtuma", "kotoutuminen kulttuuri", "kaikki", "event"),
        ), ("ar", "so", "ru", "uk", "et", "en")),
    OrgType(
        "ruoka", 3,
        ("{area} Ruokapankki ry", "{area} Ruoka-apu ry", "{area} Seudun Ruoka-apu ry"),
        (("Matbanken i {sv} rf", "{gen} ruotsinkielinen ruokapankki ry"),),
        ("ravitsemus", "talous", "yksinaisyys"), ("kaikki", "perheet", "tyottomat"),
        ("vapaaehtoiset", "tilat"),
        ("ruoka-apua ja yhteisiä aterioita", "matstöd och gemensamma måltider",
         "food aid and shared meals"),
        ("kaikille sitä tarvitseville", "för alla som behöver det", "for anyone who needs it"),
        "",
        ("Jaamme kauppojen ylijäämäruokaa, jotta se ei päätyisi roskiin.",
         "Ruoka-apuun ei tarvita lähetettä eikä tulojen todistamista.",
         "Yhteisöllinen ateria tuo samaan pöytään ihmisiä, jotka eivät muuten tapaisi."),
        ("Vi delar ut överskottsmat från butikerna så att den inte hamnar i soporna.",
         "Man behöver ingen remiss för att få matstöd."),
        (
            _act("Ruokajako", "Matutdelning", "Food distribution",
                 "Elintarvikkeiden jako, myös kasvis- ja erityisruokavaliovaihtoehtoja.",
                 "Utdelning av livsmedel, också vegetariska alternativ och specialdieter.",
                 "Food distribution, with vegetarian and special-diet options.",
                 "kohtaamispaikka", "ravitsemus", "kaikki", "dropin"),
            _act("Yhteisöateria", "Gemensam måltid", "Community meal",
                 "Lämmin ateria ja seuraa, maksa sen mukaan kuin pystyt.",
                 "En varm måltid och sällskap, betala vad du kan.",
                 "A hot meal and company; pay what you can.",
                 "kohtaamispaikka", "ravitsemus yksinaisyys", "kaikki", "dropin"),
            _act("Edullisen ruoan kurssi", "Kurs i förmånlig matlagning", "Budget cooking course",
                 "Kokkauskurssi, jossa opitaan valmistamaan ravitsevaa ruokaa pienellä budjetilla.",
                 "Matlagningskurs där man lär sig laga näringsrik mat med liten budget.",
                 "A cooking course on making nutritious meals on a small budget.",
                 "kurssi", "ravitsemus talous", "aikuiset perheet", "course"),
            _act("Ruoka-avun vapaaehtoisvuoro", "Frivilligpass i matutdelningen",
                 "Food aid volunteering",
                 "Vapaaehtoiset lajittelevat ja jakavat ruokaa.",
                 "Frivilliga sorterar och delar ut mat.",
                 "Volunteers sort and hand out food.",
                 "vapaaehtoistoiminta", "vapaaehtoisuus ravitsemus", "vapaaehtoiset",
                 "volunteer"),
        ), ("en", "ar")),
    OrgType(
        "ystava", 4,
        ("{area} Ystäväpiiri ry", "{area} Ystävänpalvelu ry", "Ystävätoiminta {nick} ry"),
        (("Vänverksamheten i {sv} rf", "{gen} ruotsinkielinen ystävätoiminta ry"),),
        ("yksinaisyys", "vapaaehtoisuus", "ikaantyneet"),
        ("ikaantyneet", "vapaaehtoiset", "aikuiset"), ("vapaaehtoiset", "koulutus"),
        ("ystävätoimintaa ja seuraa", "vänverksamhet och sällskap", "befriending and company"),
        ("yksinäisyyttä kokeville", "för dem som känner sig ensamma",
         "for people who feel lonely"),
        "",
        ("Yksinäisyys on yleistä kaikissa ikäryhmissä, ja siitä voi olla vaikea puhua.",
         "Vapaaehtoinen ystävä sitoutuu tapaamaan ystäväänsä säännöllisesti vähintään puolen "
         "vuoden ajan.",
         "Ystäväksi ryhtyvät käyvät ensin maksuttoman ystäväkurssin."),
        ("Ensamhet är vanlig i alla åldersgrupper, och det kan vara svårt att tala om den.",
         "Den som blir frivillig vän går först en avgiftsfri vänkurs."),
        (
            _act("Ystävätoiminta", "Vänverksamhet", "Befriending",
                 "Vapaaehtoinen ystävä tapaa sinua säännöllisesti, juttelee ja lähtee kanssasi "
                 "ulos.",
                 "En frivillig vän träffar dig regelbundet, pratar och följer med ut.",
                 "A volunteer friend meets you regularly to talk and go out together.",
                 "ystavatoiminta", "yksinaisyys vapaaehtoisuus", "ikaantyneet aikuiset",
                 "volunteer"),
            _act("Ystäväkurssi", "Vänkurs", "Befriending course",
                 "Koulutus vapaaehtoisiksi ystäviksi aikoville.",
                 "Utbildning för dem som vill bli frivilliga vänner.",
                 "Training for people who want to become volunteer friends.",
                 "kurssi", "vapaaehtoisuus", "vapaaehtoiset", "course"),
            _act("Puhelinystävä", "Telefonvän", "Phone friend",
                 "Säännöllinen puhelu vapaaehtoisen kanssa, kun et pääse kotoa.",
                 "Regelbundna samtal med en frivillig när du inte kan ta dig hemifrån.",
                 "Regular phone calls with a volunteer when you cannot get out.",
                 "ystavatoiminta", "yksinaisyys", "ikaantyneet", "volunteer"),
            _act("Ulkoiluystävät", "Friluftsvänner", "Outdoor buddies",
                 "Vapaaehtoiset lähtevät ulkoilemaan kanssasi.",
                 "Frivilliga följer med dig ut och går.",
                 "Volunteers go for walks with you.",
                 "ystavatoiminta", "liikunta yksinaisyys", "ikaantyneet vammaiset", "volunteer"),
            _act("Ystävien kahvila", "Vännernas kafé", "Friends' café",
                 "Ystäväparit ja uudet kävijät kohtaavat kahvin ääressä.",
                 "Vänpar och nya besökare träffas över en kopp kaffe.",
                 "Befriending pairs and newcomers meet over coffee.",
                 "kohtaamispaikka", "yksinaisyys", "kaikki", "dropin"),
        )),
    OrgType(
        "martat", 4,
        ("{area} Martat ry", "{area} Marttayhdistys ry"),
        (("{sv} svenska Marthaförening rf", "{gen} ruotsinkieliset martat ry"),),
        ("ravitsemus", "perheet", "kulttuuri"), ("aikuiset", "perheet", "kaikki"),
        ("koulutus", "neuvonta"),
        ("kodin taitoja, ruokakursseja ja yhdessäoloa", "hemkunskap, matkurser och gemenskap",
         "home skills, cooking classes and company"),
        ("kaikenikäisille", "för alla åldrar", "for all ages"),
        "Marttaliiton",
        ("Martat ovat neuvoneet arjen taidoissa jo yli sata vuotta.",
         "Kursseillamme opitaan kokkaamaan, säilömään ja korjaamaan vaatteita.",
         "Tule mukaan, vaikket olisi koskaan pitänyt kauhaa kädessäsi."),
        ("Marthorna har gett råd i vardagens färdigheter i över hundra år.",
         "På våra kurser lär man sig laga mat, konservera och laga kläder."),
        (
            _act("Kokkauskurssi", "Matlagningskurs", "Cooking class",
                 "Käytännön kokkauskurssi sesongin raaka-aineista.",
                 "Praktisk matlagningskurs med säsongens råvaror.",
                 "A hands-on cooking class with seasonal produce.",
                 "kurssi", "ravitsemus", "aikuiset", "course"),
            _act("Marttailta", "Marthakväll", "Martha evening",
                 "Ilta, jossa on vaihtuva teema ja kahvit.",
                 "Kväll med varierande tema och kaffe.",
                 "An evening with a changing theme and coffee.",
                 "kerho", "kulttuuri yksinaisyys", "aikuiset", "club"),
            _act("Sienikurssi", "Svampkurs", "Mushroom course",
                 "Sieniretki ja kurssi syötävien sienten tunnistamisesta.",
                 "Svamputfärd och kurs i att känna igen matsvampar.",
                 "A mushroom walk and course on identifying edible mushrooms.",
                 "kurssi", "luonto ravitsemus", "kaikki", "course"),
            _act("Käsityöpiiri", "Handarbetscirkel", "Craft circle",
                 "Neulomista, virkkaamista ja vaatteiden korjausta yhdessä.",
                 "Stickning, virkning och lagning av kläder tillsammans.",
                 "Knitting, crochet and mending clothes together.",
                 "ryhma", "kulttuuri", "aikuiset ikaantyneet", "club"),
        )),
    OrgType(
        "vapaaehtois", 2,
        ("{area} Vapaaehtoiskeskus ry", "{area} Järjestökeskus ry",
         "{area} Kansalaistoiminnan Keskus ry"),
        (("Frivilligcentralen i {sv} rf", "{gen} ruotsinkielinen vapaaehtoiskeskus ry"),),
        ("vapaaehtoisuus", "osallisuus"), ("vapaaehtoiset", "kaikki"),
        ("vapaaehtoiset", "tilat", "koulutus"),
        ("vapaaehtoistoimintaa ja tukea yhdistyksille",
         "frivilligverksamhet och stöd för föreningar",
         "volunteering and support for associations"),
        ("kaikille toiminnasta kiinnostuneille", "för alla som är intresserade",
         "for everyone interested"),
        "",
        ("Välitämme vapaaehtoisia alueen yhdistyksille ja tapahtumiin.",
         "Yhdistykset voivat varata tilojamme kokouksiin ja ryhmiin edullisesti.",
         "Järjestämme koulutuksia yhdistysten hallituksille ja vapaaehtoisille."),
        ("Vi förmedlar frivilliga till föreningar och evenemang i området.",
         "Föreningar kan boka våra lokaler för möten och grupper."),
        (
            _act("Vapaaehtoisvälitys", "Frivilligförmedling", "Volunteer matching",
                 "Autamme löytämään sinulle sopivan vapaaehtoistehtävän.",
                 "Vi hjälper dig att hitta ett frivilliguppdrag som passar dig.",
                 "We help you find a volunteer role that suits you.",
                 "neuvonta", "vapaaehtoisuus", "vapaaehtoiset", "advice"),
            _act("Yhdistysneuvonta", "Föreningsrådgivning", "Advice for associations",
                 "Neuvontaa yhdistysten hallinnosta, avustuksista ja viestinnästä.",
                 "Rådgivning om föreningsförvaltning, understöd och kommunikation.",
                 "Advice on running an association, grants and communications.",
                 "neuvonta", "osallisuus", "vapaaehtoiset", "advice"),
            _act("Hallituskoulutus", "Styrelseutbildning", "Board training",
                 "Koulutus yhdistysten hallitusten jäsenille.",
                 "Utbildning för föreningars styrelsemedlemmar.",
                 "Training for association board members.",
                 "kurssi", "osallisuus", "vapaaehtoiset", "course"),
            _act("Järjestöjen tori", "Föreningstorget", "NGO fair",
                 "Alueen yhdistykset esittäytyvät, tule tutustumaan.",
                 "Områdets föreningar presenterar sig, kom och bekanta dig.",
                 "Local associations introduce themselves; come along.",
                 "tapahtuma", "osallisuus vapaaehtoisuus", "kaikki", "event", "autumn"),
        )),
    OrgType(
        "tyottomat", 2,
        ("{area} Työttömät ry", "{area} Työttömien Yhdistys ry"),
        (("De arbetslösa i {sv} rf", "{gen} ruotsinkieliset työttömät ry"),),
        ("talous", "osallisuus", "yksinaisyys"), ("tyottomat", "aikuiset"),
        ("neuvonta", "vertaistuki"),
        ("vertaistukea, neuvontaa ja mielekästä tekemistä",
         "kamratstöd, rådgivning och meningsfull sysselsättning",
         "peer support, advice and meaningful things to do"),
        ("työttömille ja pienituloisille", "för arbetslösa och låginkomsttagare",
         "for unemployed people and people on low incomes"),
        "",
        ("Työttömyys voi kaventaa elämää, mutta yhdessä tekeminen tuo päiviin rytmiä.",
         "Autamme työnhaussa, hakemusten kirjoittamisessa ja etuusasioissa.",
         "Toimitalollamme on edullinen lounas arkipäivisin."),
        ("Arbetslöshet kan göra livet snävare, men att göra saker tillsammans ger dagarna rytm.",
         "Vi hjälper till med jobbsökning, ansökningar och förmåner."),
        (
            _act("Työnhakupaja", "Jobbsökarverkstad", "Job search workshop",
                 "Apua CV:n ja työhakemusten tekemiseen.",
                 "Hjälp med CV och arbetsansökningar.",
                 "Help with CVs and job applications.",
                 "neuvonta", "talous osallisuus", "tyottomat", "advice"),
            _act("Talous- ja velkaneuvonta", "Ekonomi- och skuldrådgivning",
                 "Money and debt advice",
                 "Luottamuksellista neuvontaa talouden hallintaan ja velkoihin.",
                 "Konfidentiell rådgivning om ekonomi och skulder.",
                 "Confidential advice on managing money and debt.",
                 "neuvonta", "talous", "aikuiset tyottomat", "advice"),
            _act("Edullinen lounas", "Förmånlig lunch", "Low-cost lunch",
                 "Kotiruokalounas edulliseen hintaan.",
                 "Hemlagad lunch till ett förmånligt pris.",
                 "A home-cooked lunch at a low price.",
                 "kohtaamispaikka", "ravitsemus yksinaisyys", "tyottomat kaikki", "dropin"),
            _act("Sählyvuoro", "Innebandy", "Floorball",
                 "Leppoisa sählyvuoro, mailoja lainaksi.",
                 "Avslappnad innebandy, klubbor att låna.",
                 "A relaxed floorball session; sticks provided.",
                 "liikuntaryhma", "liikunta", "tyottomat aikuiset", "exercise"),
        )),
    OrgType(
        "luonto", 4,
        ("{area} Luontoliikkujat ry", "{area} Retkeilijät ry", "{area} Luonnonsuojeluyhdistys ry"),
        (("{sv} naturvänner rf", "{gen} ruotsinkieliset luonnonystävät ry"),),
        ("luonto", "liikunta", "mielenterveys"), ("kaikki", "aikuiset", "perheet"),
        ("liikunnanohjaus", "koulutus"),
        ("retkiä, luontokävelyjä ja ulkoilua", "utfärder, naturpromenader och friluftsliv",
         "trips, nature walks and outdoor activities"),
        ("kaikille luonnosta kiinnostuneille", "för alla som är intresserade av naturen",
         "for anyone who enjoys nature"),
        "",
        ("Luonnossa liikkuminen laskee stressiä ja kohentaa mielialaa jo puolessa tunnissa.",
         "Retkemme suunnitellaan niin, että mukaan pääsee myös julkisilla kulkuneuvoilla.",
         "Opastetuilla kävelyillä tutustutaan lähiluonnon kasveihin ja lintuihin."),
        ("Att röra sig i naturen sänker stressen och förbättrar humöret redan på en halvtimme.",
         "Våra utfärder planeras så att man kan ta sig dit med kollektivtrafik."),
        (
            _act("Luontokävely", "Naturpromenad", "Nature walk",
                 "Opastettu kävely lähiluontoon, matkaa noin viisi kilometriä.",
                 "Guidad promenad i närnaturen, cirka fem kilometer.",
                 "A guided walk in nearby nature, about five kilometres.",
                 "liikuntaryhma", "luonto liikunta", "kaikki", "exercise"),
            _act("Linturetki", "Fågelutfärd", "Birdwatching trip",
                 "Aamuinen linturetki oppaan kanssa, kiikareita lainaksi.",
                 "Fågelutfärd på morgonen med guide, kikare att låna.",
                 "A morning birdwatching trip with a guide; binoculars provided.",
                 "tapahtuma", "luonto", "kaikki", "event", "spring"),
            _act("Metsämieli-ryhmä", "Skogssinne-grupp", "Forest mind group",
                 "Rentoutumista ja mielen hyvinvointia metsässä ohjaajan kanssa.",
                 "Avslappning och psykiskt välbefinnande i skogen med en ledare.",
                 "Relaxation and mental wellbeing in the forest with a guide.",
                 "ryhma", "luonto mielenterveys", "aikuiset", "group"),
            _act("Talkoopäivä", "Talkodag", "Volunteer work day",
                 "Vieraslajien kitkemistä ja polkujen kunnostusta yhdessä.",
                 "Vi rensar främmande arter och iståndsätter stigar tillsammans.",
                 "Clearing invasive species and repairing trails together.",
                 "vapaaehtoistoiminta", "luonto vapaaehtoisuus", "vapaaehtoiset kaikki", "event",
                 "summer"),
        )),
)

GENERIC_ACTIVITIES = (
    _act("Jäsenilta", "Medlemskväll", "Members' evening",
         "Ajankohtaista yhdistyksen toiminnasta, vierailijoita ja kahvit.",
         "Aktuellt om föreningens verksamhet, gäster och kaffe.",
         "News about the association, visitors and coffee.",
         "kerho", "osallisuus", "kaikki", "club"),
    _act("Kevätretki", "Vårutfärd", "Spring outing",
         "Yhteinen retki lähiseudun nähtävyyksiin, bussikuljetus ja ruokailu.",
         "En gemensam utfärd till sevärdheter i närområdet med busstransport och mat.",
         "A joint trip to local sights, with coach transport and a meal.",
         "tapahtuma", "kulttuuri", "kaikki", "event", "spring"),
    _act("Joulujuhla", "Julfest", "Christmas party",
         "Perinteinen joulujuhla, ohjelmaa, laulua ja joulupuuro.",
         "Traditionell julfest med program, sång och julgröt.",
         "A traditional Christmas party with a programme, carols and rice porridge.",
         "tapahtuma", "yksinaisyys", "kaikki", "event", "xmas"),
    _act("Vapaaehtoisten perehdytys", "Introduktion för frivilliga", "Volunteer induction",
         "Koulutus uusille vapaaehtoisille: tehtävät, vaitiolo ja jaksaminen.",
         "Utbildning för nya frivilliga: uppgifter, tystnadsplikt och ork.",
         "Training for new volunteers: tasks, confidentiality and coping.",
         "kurssi", "vapaaehtoisuus", "vapaaehtoiset", "course"),
    _act("Avoin yleisöluento", "Öppen föreläsning", "Public lecture",
         "Asiantuntija luennoi ajankohtaisesta aiheesta, lopuksi aikaa kysymyksille.",
         "En sakkunnig föreläser om ett aktuellt ämne, med tid för frågor.",
         "An expert talks on a current topic, with time for questions.",
         "tapahtuma", "osallisuus", "kaikki", "event"),
    _act("Kahvila {nick}", "Kafé {nick}", "Café {nick}",
         "Avoin kahvila, jossa voi tavata muita ja kysyä toiminnastamme.",
         "Öppet kafé där man kan träffa andra och fråga om vår verksamhet.",
         "An open café to meet others and ask about our activities.",
         "kohtaamispaikka", "yksinaisyys", "kaikki", "dropin"),
    _act("Kävelyryhmä", "Promenadgrupp", "Walking group",
         "Rauhallinen yhteinen kävelylenkki lähimaastossa säällä kuin säällä.",
         "En lugn promenad i närområdet i alla väder.",
         "An easy-paced walk nearby in all weathers.",
         "liikuntaryhma", "liikunta luonto", "aikuiset ikaantyneet", "exercise"),
    _act("Digineuvonta", "Digitalrådgivning", "Digital help",
         "Apua puhelimen, tabletin ja verkkoasioinnin kanssa.",
         "Hjälp med telefon, surfplatta och e-tjänster.",
         "Help with phones, tablets and online services.",
         "neuvonta", "osallisuus", "ikaantyneet aikuiset", "advice"),
    _act("Läheisten vertaisryhmä", "Kamratgrupp för anhöriga", "Peer group for families",
         "Vertaistukea läheisille, jotka haluavat jakaa kokemuksiaan.",
         "Kamratstöd för anhöriga som vill dela sina erfarenheter.",
         "Peer support for family members who want to share their experiences.",
         "vertaistukiryhma", "vertaistuki", "laheiset", "group"),
    _act("Syyskokous", "Höstmöte", "Autumn meeting",
         "Yhdistyksen sääntömääräinen syyskokous, jäsenet tervetulleita.",
         "Föreningens stadgeenliga höstmöte, medlemmarna välkomna.",
         "The association's statutory autumn meeting; members welcome.",
         "tapahtuma", "osallisuus", "kaikki", "event", "autumn"),
    _act("Vapaaehtoisten kiitosilta", "Tackkväll för frivilliga", "Volunteers' thank-you evening",
         "Kiitos kuluneesta vuodesta: ruokaa, ohjelmaa ja yhdessäoloa vapaaehtoisille.",
         "Tack för året: mat, program och gemenskap för de frivilliga.",
         "Thank you for the year: food, a programme and company for volunteers.",
         "tapahtuma", "vapaaehtoisuus", "vapaaehtoiset", "event", "xmas"),
)

NICKS = ("Kipinä", "Majakka", "Silta", "Verso", "Kompassi", "Satama", "Tuulenpesä", "Ankkuri",
         "Lyhty", "Kajo", "Sointu", "Polku", "Pesä", "Pilari", "Aalto", "Kehä", "Sarastus",
         "Tähti", "Valo", "Lähde", "Juuri", "Kaari", "Pysäkki", "Tupa", "Kammari", "Kohtaamo",
         "Pirtti", "Paja", "Verstas", "Helmi", "Ilo", "Kide", "Oksa", "Rantapirtti", "Saari",
         "Kuisti", "Kenttä", "Lehto", "Tammi", "Pihlaja")
FOUNDATION_NAMES = ("{nick}-säätiö sr", "{area} Hyvinvointisäätiö sr",
                    "{area} Vanhustentalosäätiö sr", "Säätiö {nick} sr", "{area} Nuorisosäätiö sr")

STREETS = (
    ("Koulukatu", "Skolgatan"), ("Kirkkotie", "Kyrkvägen"), ("Asemakatu", "Stationsgatan"),
    ("Kauppakatu", "Handelsgatan"), ("Puistotie", "Parkvägen"), ("Rantatie", "Strandvägen"),
    ("Myllytie", "Kvarnvägen"), ("Torikatu", "Torggatan"), ("Mäkitie", "Backvägen"),
    ("Koivukuja", "Björkgränden"), ("Pihlajatie", "Rönnvägen"), ("Kuusitie", "Granvägen"),
    ("Mäntytie", "Tallvägen"), ("Tehtaankatu", "Fabriksgatan"), ("Sairaalakatu", "Sjukhusgatan"),
    ("Kalevankatu", "Kalevagatan"), ("Uudenmaankatu", "Nylandsgatan"),
    ("Rautatienkatu", "Järnvägsgatan"), ("Kirjastokatu", "Biblioteksgatan"),
    ("Meijerintie", "Mejerivägen"), ("Pajatie", "Smedjevägen"), ("Urheilutie", "Idrottsvägen"),
    ("Seurakuntatie", "Församlingsvägen"), ("Postitie", "Postvägen"), ("Nuottatie", "Notvägen"),
    ("Keskuskatu", "Centralgatan"), ("Lähdetie", "Källvägen"), ("Harjutie", "Åsvägen"),
    ("Metsätie", "Skogsvägen"), ("Peltotie", "Åkervägen"), ("Niittytie", "Ängsvägen"),
    ("Kanervatie", "Ljungvägen"), ("Tammitie", "Ekvägen"), ("Lehmustie", "Lindvägen"),
    ("Vaahteratie", "Lönnvägen"), ("Satamakatu", "Hamngatan"), ("Linnankatu", "Slottsgatan"),
    ("Sibeliuksenkatu", "Sibeliusgatan"), ("Runebergintie", "Runebergsvägen"),
    ("Kauppakaari", "Handelsbågen"),
)

FI_FIRST = ("Anna", "Maria", "Liisa", "Kaisa", "Sari", "Päivi", "Tuula", "Riitta", "Anne",
            "Minna", "Heikki", "Juha", "Matti", "Kari", "Timo", "Jari", "Pekka", "Mikko",
            "Antti", "Markku", "Eeva", "Helena", "Jukka", "Seppo", "Hannu", "Aino", "Elina")
FI_LAST = ("Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen", "Laine",
           "Heikkinen", "Koskinen", "Järvinen", "Lehtonen", "Lehtinen", "Saarinen", "Salminen",
           "Heinonen", "Niemi", "Heikkilä", "Kinnunen", "Salonen", "Turunen", "Salo", "Laitinen",
           "Tuominen", "Rantanen", "Karjalainen", "Jokinen", "Mattila", "Savolainen")
SV_FIRST = ("Gunilla", "Ulla", "Birgitta", "Kristina", "Karin", "Ingrid", "Margareta", "Anders",
            "Lars", "Johan", "Peter", "Mikael", "Henrik", "Bengt", "Stefan", "Camilla", "Sofia")
SV_LAST = ("Lindholm", "Bergqvist", "Nyman", "Lindqvist", "Holmström", "Sjöberg", "Åberg",
           "Forsman", "Grönroos", "Sundström", "Wikström", "Ekholm", "Blomqvist", "Lindroos",
           "Westerlund", "Söderberg", "Karlsson", "Eriksson")

# (fi, sv) pairs of the free-text fields
COSTS = (("3 € / kerta", "3 € / gång"), ("5 € / kerta", "5 € / gång"),
         ("20 € / kausi", "20 € / termin"), ("30 € / lukukausi", "30 € / termin"),
         ("2 € / kerta (kahvi)", "2 € / gång (kaffe)"),
         ("Jäsenille maksuton, muille 3 € / kerta", "Gratis för medlemmar, övriga 3 € / gång"),
         ("Vapaaehtoinen maksu", "Frivillig avgift"))
COURSE_COSTS = (("25 € / kurssi", "25 € / kurs"), ("40 € / kurssi, jäsenille 30 €",
                                                  "40 € / kurs, medlemmar 30 €"),
                ("Materiaalimaksu 10 €", "Materialavgift 10 €"))
EVENT_COSTS = (("Aikuiset 10 €, lapset maksutta", "Vuxna 10 €, barn gratis"),
               ("Liput 15 €, jäsenille 12 €", "Biljetter 15 €, medlemmar 12 €"),
               ("Omavastuu 35 € (sisältää kuljetuksen ja ruokailun)",
                "Självrisk 35 € (inklusive transport och mat)"))
REGISTRATIONS = (("Ilmoittaudu ryhmänohjaajalle puhelimitse tai sähköpostilla.",
                  "Anmäl dig till gruppledaren per telefon eller e-post."),
                 ("Ilmoittaudu etukäteen, ryhmään mahtuu {n} henkeä.",
                  "Anmäl dig på förhand, gruppen tar {n} personer."),
                 ("Ilmoittautuminen verkkosivuilla viikkoa ennen.",
                  "Anmälan på webbplatsen en vecka innan."),
                 ("Ennakkoilmoittautuminen toivottavaa tarjoilun vuoksi.",
                  "Anmälan på förhand önskas med tanke på serveringen."))
ADVICE_REGISTRATIONS = (("Ajanvaraus puhelimitse tai sähköpostilla.",
                         "Tidsbokning per telefon eller e-post."),
                        ("Varaa aika verkkosivuiltamme tai soita toimistolle.",
                         "Boka tid på vår webbplats eller ring kansliet."))
VOLUNTEER_REGISTRATIONS = (("Ota yhteyttä vapaaehtoiskoordinaattoriin.",
                            "Kontakta frivilligkoordinatorn."),
                           ("Täytä yhteydenottolomake verkkosivuillamme, niin soitamme sinulle.",
                            "Fyll i kontaktformuläret på vår webbplats, så ringer vi dig."))
CANCEL_NOTES = (("Ohjaaja sairastunut", "Ledaren är sjuk"),
                ("Tila on muussa käytössä", "Lokalen är upptagen"),
                ("Ohjaaja koulutuksessa", "Ledaren är på utbildning"),
                ("Yhdistyksen syyskokous samaan aikaan", "Föreningens höstmöte samtidigt"),
                ("Korvataan yhteisellä retkellä", "Ersätts av en gemensam utfärd"))
RULE_NOTES = (("Tervetuloa myös kesken kauden.", "Välkommen också mitt i terminen."),
              ("Joulutauon aikana ei kokoonnuta.", "Ingen verksamhet under jullovet."),
              ("Syyslomaviikolla tauko.", "Paus under höstlovsveckan."),
              ("Kokoontumispaikka voi vaihtua, katso verkkosivut.",
               "Platsen kan ändras, se webbplatsen."),
              ("Kesätauko kesä–elokuussa.", "Sommaruppehåll juni–augusti."))
ACTIVITY_NOTES_FI = ("Ryhmässä on tilaa noin {n} osallistujalle.",
                     "Mukaan voi tulla kesken kauden.",
                     "Ota mukaan sisäkengät ja vesipullo.",
                     "Ohjaajina toimivat koulutetut vapaaehtoiset.", "Kahvitarjoilu on maksuton.",
                     "Tilaisuus tulkataan tarvittaessa viittomakielelle.",
                     "Ensimmäisellä kerralla voit tulla vain tutustumaan.",
                     "Tapaamisissa noudatetaan vaitiolovelvollisuutta.",
                     "Kerro erityisruokavaliosta ilmoittautumisen yhteydessä.",
                     "Paikalle pääsee hyvin julkisilla kulkuneuvoilla.")
ACTIVITY_NOTES_SV = ("Gruppen har plats för cirka {n} deltagare.",
                     "Man kan komma med mitt i terminen.", "Ta med inneskor och vattenflaska.",
                     "Ledarna är utbildade frivilliga.", "Kaffet är gratis.",
                     "Första gången kan du komma bara för att bekanta dig.",
                     "På träffarna gäller tystnadsplikt.",
                     "Berätta om specialdieter när du anmäler dig.")


# -- description texts -----------------------------------------------------------------------


@dataclass(frozen=True)
class PhraseBank:
    """Sentences for an organisation's description in one language; {slots} are filled in."""

    openings: tuple[str, ...]
    intro: tuple[str, ...]
    middle: tuple[str, ...]
    closing: tuple[str, ...]
    lists: dict[str, tuple[str, ...]]  # heading → list items
    activities_heading: str
    link: str


FI_BANK = PhraseBank(
    openings=(
        "{name} on vuonna {year} perustettu {kind}, joka tarjoaa {what} {aud} {loc}.",
        "{name} tarjoaa {what} {aud} {loc}.",
        "Olemme vuonna {year} perustettu {kind}, joka tarjoaa {what} {aud} {loc}.",
        "{name} on {loc} toimiva {kind}, joka tarjoaa {what} {aud}.",
    ),
    intro=(
        "Toimintamme perustuu vapaaehtoisuuteen, vertaisuuteen ja yhdenvertaisuuteen.",
        "Olemme poliittisesti ja uskonnollisesti sitoutumaton {kind}.",
        "Kuulumme {fed} jäsenjärjestöihin, ja saamme sieltä tukea, koulutusta ja materiaaleja.",
        "Yhdistyksessä on noin {members} jäsentä, ja toimintaamme osallistuu vuosittain satoja "
        "ihmisiä.",
        "Teemme tiivistä yhteistyötä {admin}, hyvinvointialueen, seurakuntien ja muiden "
        "järjestöjen kanssa.",
        "Haluamme, että jokaisella on mahdollisuus osallistua taustastaan, iästään tai "
        "varallisuudestaan riippumatta.",
        "Hallituksemme kokoontuu kuukausittain, ja jäsenet voivat tuoda sille ehdotuksia milloin "
        "tahansa.{_y}",
        "Säätiön hallitus päättää vuosittain, mihin toimintaan varat kohdistetaan.{_s}",
        "Säätiön toiminta rahoitetaan pääosin avustuksilla ja lahjoituksilla.{_s}",
        "Meillä työskentelee {staff} palkattua työntekijää ja kymmeniä vapaaehtoisia.",
    ),
    middle=(
        "Tärkeimpiä toimintamuotojamme ovat {act1} ja {act2}.",
        "Lisäksi järjestämme retkiä, luentoja ja juhlia pitkin vuotta.",
        "Ryhmiin ei tarvita lähetettä, eikä kenenkään tarvitse kertoa taustastaan.",
        "Suurin osa toiminnastamme on maksutonta, ja kahvitarjoilu kuuluu lähes jokaiseen "
        "tapaamiseen.",
        "Ryhmiä ohjaavat koulutetut vapaaehtoiset, joita on mukana noin {vol}.",
        "Uudet kävijät ovat aina tervetulleita, ja ensimmäisellä kerralla voit tulla vain "
        "katsomaan.",
        "Syksyn ja kevään kausien välissä pidämme lyhyen tauon, mutta kesälläkin järjestetään "
        "retkiä ja ulkoilua.",
        "Toiminta on suunniteltu niin, että mukaan voi tulla oman jaksamisen mukaan.",
        "Tilamme ovat esteettömiä, ja tarvittaessa autamme kuljetusten järjestämisessä.",
        "Kerro meille, jos tarvitset tulkkausta tai muuta tukea osallistumiseen.",
        "Kuuntelemme mielellämme toiveita uusista ryhmistä ja tapahtumista.",
        "Toimintaa järjestetään pääosin suomeksi, mutta osassa ryhmistä pärjää myös ruotsiksi "
        "tai englanniksi.",
        "Vapaaehtoiset saavat tehtäväänsä perehdytyksen, työnohjausta ja virkistystä.",
        "Kaikessa toiminnassamme noudatamme turvallisemman tilan periaatteita ja kohtaamme "
        "toisemme kunnioittavasti.",
        "Osallistujilta kerätty palaute ohjaa toiminnan kehittämistä vuosittain.",
        "Viime vuonna järjestimme yli {events} tilaisuutta, joihin osallistui yhteensä noin "
        "{visits} kävijää.",
    ),
    closing=(
        "Lisätietoja saat toimistoltamme arkisin kello 9–15.",
        "Ota rohkeasti yhteyttä, jos sinulla on kysyttävää toiminnastamme.",
        "Toimintaamme rahoittaa Sosiaali- ja terveysjärjestöjen avustuskeskus STEA, ja lisäksi "
        "saamme toiminta-avustusta kotikunnaltamme.",
        "Seuraa meitä myös sosiaalisessa mediassa, jossa kerromme ajankohtaisista tapahtumista.",
        "Aikataulut voivat muuttua, joten tarkistathan ajankohtaiset tiedot ennen tuloasi.",
        "Toivotamme kaikki lämpimästi tervetulleiksi toimintaamme!",
        "Tervetuloa mukaan!",
    ),
    lists={
        "Näin pääset mukaan": (
            "Tule paikalle ryhmän kokoontumisaikana, ovet ovat auki kaikille.",
            "Osaan ryhmistä ilmoittaudutaan etukäteen.",
            "Voit soittaa tai lähettää sähköpostia, jos haluat kysyä lisää.",
            "Ensimmäisellä kerralla saat tutustua rauhassa.",
            "Ota mukaan ystävä tai läheinen, jos se helpottaa tulemista.",
            "Seuraa ajankohtaisia tapahtumia verkkosivuiltamme.",
        ),
        "Jäseneksi liittyminen": (
            "Jäsenmaksu on {fee} euroa vuodessa.",
            "Liittyä voi verkkosivuilla tai paikan päällä.",
            "Jäsenenä saat jäsenkirjeen neljä kertaa vuodessa.",
            "Jäsenet pääsevät edullisemmin retkille ja kursseille.",
            "Kannatusjäseneksi voi liittyä myös yhteisö.",
            "Jäsenyys ei ole edellytys toimintaan osallistumiselle.",
        ),
        "Vapaaehtoiseksi": (
            "Vapaaehtoistehtäviä on monenlaisia: ryhmien ohjaamista, kahvitusta ja tapahtumien "
            "järjestämistä.",
            "Saat perehdytyksen ja tukea tehtävääsi.",
            "Vapaaehtoisille järjestetään yhteisiä virkistyspäiviä.",
            "Voit osallistua oman aikataulusi mukaan.",
            "Ilmoittaudu vapaaehtoiseksi toimistollemme.",
            "Kokemusta ei tarvita, tärkeintä on halu auttaa.",
        ),
        "Yhteistyö": (
            "Teemme yhteistyötä alueen muiden järjestöjen kanssa.",
            "Olemme mukana kunnan järjestöverkostossa.",
            "Tarjoamme kokemusasiantuntijoita oppilaitosten ja ammattilaisten koulutuksiin.",
            "Tilojamme voi vuokrata myös muiden yhdistysten käyttöön.",
            "Järjestämme yhteisiä tapahtumia seurakuntien ja kirjastojen kanssa.",
        ),
    },
    activities_heading="Toimintamme lyhyesti",
    link="Lisätietoja verkkosivuiltamme: [{domain}](https://{domain}).",
)

SV_BANK = PhraseBank(
    openings=(
        "{name} är en {kind} som grundades år {year} och som erbjuder {what} {aud} {loc}.",
        "{name} erbjuder {what} {aud} {loc}.",
        "Vi är en {kind} {loc} som erbjuder {what} {aud}.",
    ),
    intro=(
        "Vår verksamhet bygger på frivillighet, kamratskap och likvärdighet.",
        "Vi är en politiskt och religiöst obunden {kind}.",
        "Föreningen har omkring {members} medlemmar, och varje år deltar hundratals personer i "
        "verksamheten.",
        "Vi samarbetar nära med kommunen, välfärdsområdet, församlingarna och andra föreningar.",
        "Vi vill att alla ska kunna delta oberoende av bakgrund, ålder eller ekonomi.",
        "Verksamheten sker i huvudsak på svenska, men alla är välkomna oberoende av modersmål.",
        "Styrelsen sammanträder varje månad, och medlemmarna kan när som helst komma med "
        "förslag.{_y}",
        "Stiftelsens styrelse beslutar varje år vilken verksamhet medlen används till.{_s}",
        "Hos oss arbetar {staff} anställda och tiotals frivilliga.",
    ),
    middle=(
        "Våra viktigaste verksamhetsformer är {act1} och {act2}.",
        "Dessutom ordnar vi utfärder, föreläsningar och fester under hela året.",
        "Man behöver ingen remiss, och ingen behöver berätta om sin bakgrund.",
        "Största delen av verksamheten är avgiftsfri, och kaffe hör till nästan varje träff.",
        "Grupperna leds av utbildade frivilliga, som är omkring {vol} till antalet.",
        "Nya deltagare är alltid välkomna, och första gången kan du komma bara för att titta.",
        "Mellan höst- och vårterminen tar vi en kort paus, men också på sommaren ordnar vi "
        "utfärder.",
        "Våra lokaler är tillgängliga, och vid behov hjälper vi till med transporten.",
        "Berätta för oss om du behöver tolkning eller annat stöd för att delta.",
        "Vi tar gärna emot önskemål om nya grupper och evenemang.",
        "De frivilliga får introduktion, handledning och rekreation.",
        "I all vår verksamhet följer vi principerna för ett tryggare rum och bemöter varandra "
        "med respekt.",
        "Förra året ordnade vi över {events} tillfällen med sammanlagt omkring {visits} "
        "besökare.",
        "Responsen från deltagarna styr hur vi utvecklar verksamheten.",
    ),
    closing=(
        "Mer information får du av kansliet vardagar klockan 9–15.",
        "Kontakta oss gärna om du har frågor om verksamheten.",
        "Verksamheten finansieras av Understödscentralen för social- och hälsoorganisationer "
        "STEA och av kommunen.",
        "Följ oss också på sociala medier, där vi berättar om aktuella evenemang.",
        "Tiderna kan ändras, så kontrollera gärna aktuella uppgifter innan du kommer.",
        "Varmt välkommen med!",
    ),
    lists={
        "Så kommer du med": (
            "Kom till gruppen när den träffas, dörren är öppen för alla.",
            "Till vissa grupper anmäler man sig på förhand.",
            "Ring eller skicka e-post om du vill veta mer.",
            "Första gången får du bekanta dig i lugn och ro.",
            "Ta gärna med en vän eller anhörig.",
            "Följ aktuella evenemang på vår webbplats.",
        ),
        "Bli medlem": (
            "Medlemsavgiften är {fee} euro per år.",
            "Du kan ansluta dig på webbplatsen eller på plats.",
            "Som medlem får du medlemsbrevet fyra gånger per år.",
            "Medlemmar deltar förmånligare i utfärder och kurser.",
            "Du behöver inte vara medlem för att delta.",
        ),
        "Bli frivillig": (
            "Det finns många slags frivilliguppdrag: att leda grupper, koka kaffe och ordna "
            "evenemang.",
            "Du får introduktion och stöd i ditt uppdrag.",
            "För de frivilliga ordnas gemensamma rekreationsdagar.",
            "Du kan delta enligt din egen tidtabell.",
            "Anmäl dig som frivillig till kansliet.",
            "Du behöver ingen erfarenhet, det viktigaste är viljan att hjälpa.",
        ),
        "Samarbete": (
            "Vi samarbetar med andra föreningar i området.",
            "Vi är med i kommunens föreningsnätverk.",
            "Våra erfarenhetsexperter medverkar i utbildningar för yrkespersoner.",
            "Också andra föreningar kan hyra våra lokaler.",
            "Vi ordnar gemensamma evenemang med församlingarna och biblioteken.",
        ),
    },
    activities_heading="Vår verksamhet i korthet",
    link="Mer information på vår webbplats: [{domain}](https://{domain}).",
)


_NOT_A_WORD = re.compile(r"(?<!\S)[^\w\s]+(?!\S)")  # a token of punctuation only: "-", "##"


def count_words(text: str) -> int:
    """Words as a reader counts them: whitespace-separated tokens with a letter or digit."""
    return len(text.split()) - len(_NOT_A_WORD.findall(text))


def wrap(text: str, width: int) -> str:
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "\n".join(lines)


def _fill(templates: Sequence[str], slots: dict[str, object]) -> list[str]:
    """The templates whose slots are all known, filled in (a missing slot drops the sentence)."""
    filled = []
    for template in templates:
        try:
            filled.append(template.format(**slots))
        except KeyError:
            continue
    return filled


class _Pool:
    """Sentence templates in random order, filled in only when taken."""

    def __init__(self, rng: random.Random, templates: Sequence[str], slots: dict[str, object]):
        self.templates = list(templates)
        rng.shuffle(self.templates)
        self.slots = slots

    def __bool__(self) -> bool:
        return bool(self.templates)

    def pop(self, index: int = 0) -> str:
        while self.templates:
            try:
                return self.templates.pop(index).format(**self.slots)
            except KeyError:  # a slot this organisation lacks, e.g. {fed}
                continue
        return ""


def compose(rng: random.Random, bank: PhraseBank, facts: Sequence[str], slots: dict[str, object],
            activities: Sequence[tuple[str, str]], target: int, heading: bool = True,
            link: bool = True) -> str:
    """A Markdown description of about `target` words: paragraphs, a heading and a list."""
    facts = list(facts)
    rng.shuffle(facts)
    intro = _Pool(rng, bank.intro, slots)
    intro.templates[:0] = facts  # the type's own sentences first
    middle = _Pool(rng, bank.middle, slots)
    closing = _Pool(rng, bank.closing, slots)
    first = [rng.choice(_fill(bank.openings, slots)), intro.pop(0)]
    second = [middle.pop(0)]
    last = [closing.pop(0)]
    title, items, spare_items = "", [], []
    if heading:
        if activities and rng.random() < 0.35:
            title = bank.activities_heading
            items = [f"**{t}** – {s[:1].lower()}{s[1:]}"
                     for t, s in activities[:rng.randint(3, 5)]]
        else:
            title = rng.choice(sorted(bank.lists))
            pool = _fill(bank.lists[title], slots)
            rng.shuffle(pool)
            cut = rng.randint(3, 4)
            items, spare_items = pool[:cut], pool[cut:]
    words = sum(len(s.split()) for s in first + second + last + items) + count_words(title)
    if link:
        words += 3
    # (pool, where it goes, weight): the intro at most 6 sentences, the closing at most 3
    pools: list[tuple[_Pool | list[str], list[str], float, int]] = [
        (intro, first, 0.35, 6), (middle, second, 0.45, 99), (spare_items, items, 0.08, 7),
        (closing, last, 0.12, 3)]
    while words < target:
        open_pools = [p for p in pools if p[0] and len(p[1]) < p[3]]
        if not open_pools:
            break
        pool, into, _, _ = rng.choices(open_pools, [p[2] for p in open_pools])[0]
        sentence = pool.pop(0)
        if sentence:
            into.append(sentence)
            words += len(sentence.split())
    last.sort(key=lambda s: s.endswith("!"))  # a welcome ends the text
    width = 80
    paragraphs = []
    for sentences in (first, second):
        if len(sentences) > 4:
            cut = rng.randint(2, len(sentences) - 2)
            paragraphs += [sentences[:cut], sentences[cut:]]
        else:
            paragraphs.append(sentences)
    blocks = [wrap(" ".join(p), width) for p in paragraphs]
    if title:
        listed = f"## {title}\n\n" + "\n".join(f"- {item}" for item in items)
        blocks.insert(len(blocks) - (1 if rng.random() < 0.3 else 0), listed)
    blocks.append(wrap(" ".join(last), width))
    if link:
        blocks.append(bank.link.format(**slots))
    return "\n\n".join(blocks) + "\n"


# -- dates ------------------------------------------------------------------------------------


def easter(year: int) -> dt.date:
    """Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday) // 451
    month, day = divmod(h + weekday - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


@lru_cache(maxsize=64)
def finnish_holidays(year: int) -> frozenset[dt.date]:
    """Finnish public holidays, as the `holidays` package that hyteguide uses lists them."""
    sunday = easter(year)
    eve = next(dt.date(year, 6, d) for d in range(19, 26) if dt.date(year, 6, d).weekday() == 4)
    saints = next(dt.date(year, 10, 31) + DAY * k for k in range(7)
                  if (dt.date(year, 10, 31) + DAY * k).weekday() == 5)
    return frozenset({
        dt.date(year, 1, 1), dt.date(year, 1, 6), sunday - 2 * DAY, sunday, sunday + DAY,
        dt.date(year, 5, 1), sunday + 39 * DAY, sunday + 49 * DAY, eve, eve + DAY, saints,
        dt.date(year, 12, 6), dt.date(year, 12, 24), dt.date(year, 12, 25), dt.date(year, 12, 26),
    })


def is_holiday(day: dt.date) -> bool:
    return day in finnish_holidays(day.year)


def weekly_dates(days: Sequence[int], first: dt.date, last: dt.date, every: int = 1,
                 anchor: dt.date | None = None) -> list[dt.date]:
    """Days of the given weekdays from first to last; with every > 1, only in the weeks
    counted from the anchor's week (as RFC 5545 INTERVAL with WKST=MO does)."""
    found = []
    anchor_monday = anchor - DAY * anchor.weekday() if anchor else None
    for weekday in days:
        day = first + DAY * ((weekday - first.weekday()) % 7)
        if anchor_monday is not None and every > 1:
            while ((day - anchor_monday).days // 7) % every:
                day += 7 * DAY
        while day <= last:
            found.append(day)
            day += 7 * every * DAY
    return sorted(found)


def monthly_day(year: int, month: int, ordinal: int, weekday: int | None) -> dt.date | None:
    """The Nth (or last: -1) weekday of a month, or day number `ordinal` when weekday is None."""
    if weekday is None:
        try:
            return dt.date(year, month, ordinal)
        except ValueError:
            return None
    if ordinal == -1:
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        day = following - DAY
        return day - DAY * ((day.weekday() - weekday) % 7)
    day = dt.date(year, month, 1) + DAY * ((weekday - dt.date(year, month, 1).weekday()) % 7)
    day += 7 * (ordinal - 1) * DAY
    return day if day.month == month else None


def monthly_dates(specs: Sequence[tuple[int, int | None]], first: dt.date,
                  last: dt.date) -> list[dt.date]:
    found = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        for ordinal, weekday in specs:
            day = monthly_day(year, month, ordinal, weekday)
            if day and first <= day <= last:
                found.append(day)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return sorted(found)


def next_weekday(day: dt.date, weekday: int) -> dt.date:
    return day + DAY * ((weekday - day.weekday()) % 7)


# -- YAML --------------------------------------------------------------------------------------

_NOT_PLAIN_START = set("-?:,[]{}#&*!|>'\"%@` ")
_NULLS = {"", "~", "null", "Null", "NULL"}


def yq(text: str) -> str:
    """A scalar in block context: plain when YAML reads it back as the same text, else quoted."""
    if (text and text[0] not in _NOT_PLAIN_START and not text[-1].isspace()
            and ": " not in text and " #" not in text and not text.endswith(":")
            and "\n" not in text and "\t" not in text and text not in _NULLS):
        return text
    return json.dumps(text, ensure_ascii=False)


def yf(text: str) -> str:
    """A scalar inside a flow collection ({…} or […])."""
    if any(c in text for c in ",[]{}:#"):
        return json.dumps(text, ensure_ascii=False)
    return yq(text)


def flow_list(items: Sequence[object]) -> str:
    return "[" + ", ".join(str(i) for i in items) + "]"


def text_field(key: str, texts: dict[str, str], indent: str, flow: bool = False) -> list[str]:
    """`key: text` for a Finnish-only text, else the languages as a mapping."""
    if list(texts) == ["fi"]:
        return [f"{indent}{key}: {yq(texts['fi'])}"]
    if flow:
        inner = ", ".join(f"{lang}: {yf(value)}" for lang, value in texts.items())
        if len(inner) < 90:
            return [f"{indent}{key}: {{{inner}}}"]
    return [f"{indent}{key}:"] + [f"{indent}  {lang}: {yq(value)}"
                                  for lang, value in texts.items()]


def block_text(lines: list[str], key: str, text: str, indent: str) -> None:
    """A multi-line text as a literal block scalar `key: |`."""
    lines.append(f"{indent}{key}: |")
    lines.extend(f"{indent}  {line}" if line else "" for line in text.rstrip("\n").split("\n"))


def slugify(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


def join_words(words: Sequence[str], conjunction: str) -> str:
    if len(words) == 1:
        return words[0]
    return ", ".join(words[:-1]) + f" {conjunction} {words[-1]}"


def business_id_check_digit(first7: str) -> int | None:
    """The Y-tunnus check digit (weights 7, 9, 10, 5, 8, 4, 2; modulo 11; 1 is never valid)."""
    remainder = sum(int(d) * w for d, w in zip(first7, (7, 9, 10, 5, 8, 4, 2), strict=True)) % 11
    if remainder == 1:
        return None
    return 0 if remainder == 0 else 11 - remainder


# -- the generator -----------------------------------------------------------------------------

DAY_TIMES = ("09:30-11:00", "10:00-11:30", "10:00-12:00", "12:00-14:00", "13:00-14:30",
             "13:00-15:00", "14:00-16:00")
EVENING_TIMES = ("16:30-18:00", "17:00-18:30", "17:30-19:00", "18:00-19:30", "18:00-20:00",
                 "19:00-20:30")
WEEKEND_TIMES = ("10:00-12:00", "10:00-13:00", "11:00-14:00", "12:00-15:00")
DROP_IN_TIMES = ("10:00-14:00", "09:00-15:00", "12:00-16:00", "10:00-13:00")
TWO_TIMES = (("10:00-11:00", "11:15-12:15"), ("17:00-18:00", "18:15-19:15"),
             ("09:00-10:00", "10:30-11:30"), ("13:00-14:00", "14:15-15:15"))
SENSITIVE_AUDIENCES = ("mielenterveyskuntoutujat", "paihdekuntoutujat")
ORG_ROLES = (  # (fi, email local part, sv, Swedish email local part)
    ("Puheenjohtaja", "puheenjohtaja", "Ordförande", "ordforande"),
    ("Sihteeri", "sihteeri", "Sekreterare", "sekreterare"),
    ("Toiminnanjohtaja", "johtaja", "Verksamhetsledare", "verksamhetsledare"),
    ("Järjestösihteeri", "jarjestosihteeri", "Organisationssekreterare", "organisation"),
    ("Vapaaehtoistoiminnan koordinaattori", "vapaaehtoiset", "Frivilligkoordinator", "frivilliga"),
    ("Toimisto", "toimisto", "Kansliet", "kansli"),
)
FOUNDATION_ROLES = (("Asiamies", "asiamies", "Ombudsman", "ombudsman"),
                    ("Toiminnanjohtaja", "johtaja", "Verksamhetsledare", "verksamhetsledare"),
                    ("Toimisto", "toimisto", "Kansliet", "kansli"))
ACTIVITY_ROLES = (("Ryhmänohjaaja", "ryhmat", "Gruppledare", "grupper"),
                  ("Vertaisohjaaja", "vertaisohjaajat", "Kamratledare", "kamratledare"),
                  ("Liikunnanohjaaja", "liikunta", "Motionsledare", "motion"),
                  ("Vapaaehtoiskoordinaattori", "vapaaehtoiset", "Frivilligkoordinator",
                   "frivilliga"),
                  ("Kerhon vetäjä", "kerho", "Klubbledare", "klubben"))
# Places: (kind, Finnish name, Swedish name, outdoors). {gen}/{sv}: the municipality;
# {dgen}/{dsv}: a district (or the municipality); {nick}: a proper name.
PLACE_KINDS = (
    ("asukastila", "Asukastila {nick}", "Invånarlokalen {nick}", False),
    ("palvelukeskus", "{dgen} palvelukeskus", "{dsv} servicecentral", False),
    ("seurakuntatalo", "{dgen} seurakuntatalo", "{dsv} församlingshem", False),
    ("kirjasto", "{dgen} kirjasto", "{dsv} bibliotek", False),
    ("nuorisotila", "Nuorisotila {nick}", "Ungdomsgården {nick}", False),
    ("liikuntahalli", "{dgen} liikuntahalli", "{dsv} idrottshall", False),
    ("koulu", "{dgen} koulu", "{dsv} skola", False),
    ("kulttuuritalo", "Kulttuuritalo {nick}", "Kulturhuset {nick}", False),
    ("jarjestotila", "Järjestötila {nick}", "Föreningslokalen {nick}", False),
    ("kuntorata", "{dgen} kuntorata", "{dsv} motionsbana", True),
)
ACCESSIBILITY_NOTES = (
    ("Esteetön sisäänkäynti pihan puolelta luiskaa pitkin.",
     "Tillgänglig ingång från gården via ramp."),
    ("Hissi toiseen kerrokseen, ovi avautuu painikkeella.",
     "Hiss till andra våningen, dörren öppnas med knapp."),
    ("Sisäänkäynnillä kaksi porrasta, kaiteet molemmin puolin.",
     "Två trappsteg vid ingången, ledstänger på båda sidor."),
    ("Induktiosilmukka salissa, pyydä henkilökunnalta.", "Hörslinga i salen, fråga personalen."),
)
OUTDOOR_NOTE = ("Reitti on sorapintainen ja paikoin mäkinen, eikä se sovellu pyörätuolille.",
                "Leden har grusyta och är på sina ställen backig, och den passar inte för "
                "rullstol.")


@dataclass
class Place:
    slug: str
    municipality: str
    name: str
    outdoors: bool


@dataclass
class Stats:
    organisations: int = 0
    activities: int = 0
    places: int = 0
    partnerships: int = 0
    rules: dict[str, int] = field(default_factory=dict)
    body_words: list[int] = field(default_factory=list)


@dataclass
class Org:
    slug: str
    municipalities: list[str]
    type_key: str


class Generator:
    """Writes one synthetic region; every random choice comes from one seeded Random."""

    def __init__(self, organisations: int, seed: int, today: dt.date, region: Region,
                 stale_share: float = 0.0):
        self.n = organisations
        self.rng = random.Random(seed)
        self.today = today
        self.region = region
        self.stale_share = stale_share
        self.municipalities = region.municipalities
        self.weights = list(itertools.accumulate(m.population ** 0.75
                                                 for m in self.municipalities))
        self.type_weights = list(itertools.accumulate(t.weight for t in ORG_TYPES))
        self.stats = Stats()
        self.places: dict[str, list[Place]] = {m.id: [] for m in self.municipalities}
        self.indoor_places: dict[str, list[Place]] = {m.id: [] for m in self.municipalities}
        self.place_slugs: set[str] = set()
        self.org_names: set[str] = set()
        self.org_slugs: set[str] = set()
        self.business_ids: set[str] = set()
        self.orgs: list[Org] = []
        year = today.year if today.month >= 7 else today.year - 1
        self.year = year  # the operating year: autumn of `year` to summer of `year + 1`
        self.terms = [(dt.date(year, 8, 10), dt.date(year, 12, 18)),
                      (dt.date(year + 1, 1, 8), dt.date(year + 1, 5, 31)),
                      (dt.date(year + 1, 8, 10), dt.date(year + 1, 12, 18))]
        self.autumn_break = (dt.date.fromisocalendar(year, 42, 1),
                             dt.date.fromisocalendar(year, 42, 5))
        self.winter_break = (dt.date.fromisocalendar(year + 1, 8, 1),
                             dt.date.fromisocalendar(year + 1, 8, 5))
        self.christmas_break = (dt.date(year, 12, 21), dt.date(year + 1, 1, 6))
        self.summer_break = (dt.date(year + 1, 6, 1), dt.date(year + 1, 8, 9))
        self.near = (today - 21 * DAY, today + 56 * DAY)

    # -- small helpers ---------------------------------------------------------------------

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def pick_municipality(self) -> Municipality:
        return self.rng.choices(self.municipalities, cum_weights=self.weights)[0]

    def count_rule(self, kind: str) -> None:
        self.stats.rules[kind] = self.stats.rules.get(kind, 0) + 1

    def phone(self) -> str:
        prefix = self.rng.choice(("40", "44", "50", "9"))
        return f'"+358 {prefix} 000 {self.rng.randint(0, 9999):04d}"'

    def texts(self, fi: str, sv: str, en: str, swedish: bool, p_sv: float,
              p_en: float) -> dict[str, str]:
        """A text in the languages an organisation would write it in."""
        if swedish:
            chosen = {"sv": sv} if self.chance(0.2) else {"fi": fi, "sv": sv}
        else:
            chosen = {"fi": fi}
            if self.chance(p_sv):
                chosen["sv"] = sv
        if en and self.chance(p_en):
            chosen["en"] = en
        return chosen

    def pair(self, pair: tuple[str, str], swedish: bool, **slots: object) -> dict[str, str]:
        fi, sv = (p.format(**slots) for p in pair)
        if swedish:
            return {"fi": fi, "sv": sv} if self.chance(0.7) else {"sv": sv}
        return {"fi": fi, "sv": sv} if self.chance(0.15) else {"fi": fi}

    def unique_id(self, wanted: str, used: set[str]) -> str:
        slug, k = wanted, 2
        while slug in used:
            slug, k = f"{wanted}-{k}", k + 1
        used.add(slug)
        return slug

    # -- places ----------------------------------------------------------------------------

    def make_places(self, folder: Path) -> None:
        count = max(len(self.municipalities), round(self.n / 3))
        plan = [m for m in self.municipalities]  # at least one place in each municipality
        plan += self.rng.choices(self.municipalities, cum_weights=self.weights,
                                 k=count - len(plan))
        for municipality in plan:
            slug, text = self.place(municipality)
            (folder / f"{slug}.yaml").write_text(text, encoding="utf-8")
        self.stats.places = count

    def place(self, m: Municipality) -> tuple[str, str]:
        rng = self.rng
        first = not self.places[m.id]
        district = rng.choice(m.districts) if m.districts and self.chance(0.75) else None
        dgen = district.gen if district else m.gen
        dsv = district.sv if district and district.sv else m.sv
        nick = rng.choice(NICKS)
        if first:
            kind, fi, sv, outdoors = ("paakirjasto", "{gen} pääkirjasto", "{sv} huvudbibliotek",
                                      False)
        else:
            kind, fi, sv, outdoors = rng.choice(PLACE_KINDS)
        slots = {"gen": m.gen, "sv": m.sv, "dgen": dgen, "dsv": dsv, "nick": nick}
        name_fi, name_sv = fi.format(**slots), sv.format(**slots)
        street_fi, street_sv = rng.choice(STREETS)
        number = rng.randint(1, 60)
        slug = slugify(name_fi)
        if slug in self.place_slugs:  # a second place of the kind: named by its street
            name_fi = f"{name_fi} ({street_fi} {number})"
            name_sv = f"{name_sv} ({street_sv} {number})"
            slug = self.unique_id(slugify(name_fi), self.place_slugs)
        else:
            self.place_slugs.add(slug)
        self.places[m.id].append(Place(slug, m.id, name_fi, outdoors))
        if not outdoors:
            self.indoor_places[m.id].append(self.places[m.id][-1])
        lines: list[str] = []
        names = {"fi": name_fi, "sv": name_sv} if m.bilingual or self.chance(0.2) \
            else {"fi": name_fi}
        if kind in ("paakirjasto", "kirjasto") and self.chance(0.5):
            names["en"] = f"{district.fi if district and kind == 'kirjasto' else m.fi} Library"
        lines += text_field("name", names, "", flow=True)
        address = {"fi": f"{street_fi} {number}"}
        if m.bilingual:
            address["sv"] = f"{street_sv} {number}"
        lines += text_field("address", address, "", flow=True)
        lines.append(f'postal_code: "{rng.choice(m.postal)}"')
        lines.append(f"municipality: {m.id}")
        lat = m.lat + rng.uniform(-m.spread, m.spread)
        lon = m.lon + rng.uniform(-2 * m.spread, 2 * m.spread)
        lines.append(f"coordinates: [{lat:.4f}, {lon:.4f}]")
        if outdoors:
            lines.append("accessibility: [parking]" if self.chance(0.5) else "accessibility: []")
            lines += text_field("accessibility_note", self.pair(OUTDOOR_NOTE, m.bilingual), "")
            lines += text_field("opening_hours", {"fi": "Aina avoinna.", "sv": "Alltid öppen."}
                                if m.bilingual else {"fi": "Aina avoinna."}, "", flow=True)
        else:
            features = [f for f, p in (("wheelchair", 0.85), ("accessible_toilet", 0.7),
                                       ("induction_loop", 0.35), ("elevator", 0.3),
                                       ("parking", 0.45), ("public_transport", 0.5),
                                       ("quiet_room", 0.1), ("guide_dog", 0.15)) if self.chance(p)]
            lines.append(f"accessibility: {flow_list(features)}")
            if self.chance(0.4):
                lines += text_field("accessibility_note",
                                    self.pair(rng.choice(ACCESSIBILITY_NOTES), m.bilingual), "")
            self.opening_hours(lines, kind, m)
        if self.chance(0.6):
            metres = rng.choice((50, 100, 150, 200, 300, 400))
            lines += text_field("directions", self.pair(
                ("Bussipysäkki {street} noin {m} metrin päässä.",
                 "Busshållplatsen {street_sv} ligger ungefär {m} meter bort."),
                m.bilingual, street=street_fi, street_sv=street_sv, m=metres), "")
        if self.chance(0.25):
            lines += text_field("description", {"fi": rng.choice((
                "Tilassa on sali noin 40 hengelle, keittiö ja kaksi pienempää kokoushuonetta.",
                "Talon kahvio on avoinna arkisin, ja aulassa on ilmoitustaulu järjestöjen "
                "tapahtumille.",
                "Tilat on remontoitu vuonna 2021, ja niissä on hyvä äänentoisto.",
                "Piha-alueella on grillikatos ja penkkejä ulko-oleskeluun."))}, "")
        if kind in ("paakirjasto", "kirjasto", "palvelukeskus") and self.chance(0.5):
            lines.append(f"website: https://{slug}.example.org")
        if self.chance(0.2):
            lines.append(f"phone: {self.phone()}")
        return slug, "\n".join(lines) + "\n"

    def opening_hours(self, lines: list[str], kind: str, m: Municipality) -> None:
        rng = self.rng
        if kind in ("paakirjasto", "kirjasto"):
            lines.append("opening_hours:")
            lines.append('  - {days: [mon, tue, wed, thu], time: "10:00-20:00"}')
            lines.append('  - {days: [fri], time: "10:00-18:00"}')
            lines.append('  - {days: [sat], time: "10:00-16:00"}')
            if self.chance(0.5):
                lines.append(f'  - {{days: [sun], time: "12:00-16:00", from: {self.year}-09-01, '
                             f"until: {self.year + 1}-04-30}}")
        elif self.chance(0.15):  # the older form: hours in words
            lines += text_field("opening_hours", self.pair(
                ("Avoinna tilaisuuksien aikaan.", "Öppet under evenemangen."), m.bilingual), "")
            return
        else:
            start, end = rng.choice((("08:00", "16:00"), ("09:00", "15:00"), ("09:00", "17:00"),
                                     ("10:00", "18:00")))
            lines.append("opening_hours:")
            lines.append(f'  - {{days: [mon, tue, wed, thu, fri], time: "{start}-{end}"}}')
            if self.chance(0.3):
                lines.append('  - {days: [sat], time: "10:00-14:00"}')
        if self.chance(0.3):
            lines += text_field("opening_hours_note", self.pair(
                ("Suljettu arkipyhinä.", "Stängt på helgdagar."), m.bilingual), "")

    # -- schedules -------------------------------------------------------------------------

    def weekdays(self, kind: str, count: int) -> list[int]:
        pool = [0, 1, 2, 3, 4, 5, 6] if kind in ("exercise", "dropin") else [0, 1, 2, 3, 4]
        if kind == "exercise" and self.chance(0.3):
            pool = [5, 6]
            count = 1
        return sorted(self.rng.sample(pool, count))

    def day_list(self, days: Sequence[int]) -> str:
        codes = FINNISH_DAY_CODES if self.chance(0.08) else WEEKDAY_CODES
        if len(days) == 1 and self.chance(0.1):
            return codes[days[0]]
        return flow_list([codes[d] for d in days])

    def time_for(self, days: Sequence[int], kind: str, daytime: bool) -> str:
        if days and min(days) >= 5:
            return self.rng.choice(WEEKEND_TIMES)
        if kind == "dropin":
            return self.rng.choice(DROP_IN_TIMES)
        return self.rng.choice(DAY_TIMES if daytime else EVENING_TIMES)

    def current_terms(self) -> tuple[tuple[dt.date, dt.date], tuple[dt.date, dt.date]]:
        index = next(i for i, (_, end) in enumerate(self.terms) if end >= self.today)
        return self.terms[index], self.terms[min(index + 1, len(self.terms) - 1)]

    def pick_held(self, held: list[dt.date], avoid: Sequence[dt.date] = ()) -> dt.date | None:
        low, high = self.near
        choices = [d for d in held if low <= d <= high and d not in avoid]
        return self.rng.choice(choices) if choices else None

    def cancellation(self, day: dt.date, swedish: bool) -> str:
        if self.chance(0.5):
            return day.isoformat()
        note = self.pair(self.rng.choice(CANCEL_NOTES), swedish)
        if list(note) == ["fi"]:
            return f"{{date: {day}, note: {yf(note['fi'])}}}"
        inner = ", ".join(f"{lang}: {yf(text)}" for lang, text in note.items())
        return f"{{date: {day}, note: {{{inner}}}}}"

    def rule_note(self, rule: list[tuple[str, str]], swedish: bool,
                  choices: Sequence[tuple[str, str]] = RULE_NOTES) -> None:
        note = self.pair(self.rng.choice(choices), swedish)
        if list(note) == ["fi"]:
            rule.append(("note", yq(note["fi"])))
        else:
            rule.append(("note", "{" + ", ".join(f"{k}: {yf(v)}" for k, v in note.items()) + "}"))

    def weekly_rule(self, days: list[int], time: str | Sequence[str], start: dt.date | None,
                    until: dt.date | None, swedish: bool, every: int = 1,
                    breaks: Sequence[tuple[dt.date, dt.date]] = (), extras: bool = True,
                    include_holidays: bool = False,
                    taken: Sequence[dt.date] = ()) -> list[tuple[str, str]]:
        """A weekly rule; with extras, except days and ranges, also days and cancellations
        that the validator accepts: each picked among the days the rule is really held.
        `taken`: days another rule of the activity has, which must not become extra days."""
        rule = [("weekly", self.day_list(days))]
        if every > 1:
            rule.append(("every", str(every)))
        rule.append(("time", f'"{time}"' if isinstance(time, str)
                     else flow_list(f'"{t}"' for t in time)))
        if start:
            rule.append(("from", start.isoformat()))
        if until:
            rule.append(("until", until.isoformat()))
        low, high = self.near
        first = max(low, start) if start else low
        last = min(high, until) if until else high
        held = [d for d in weekly_dates(days, first, last, every, start)
                if (include_holidays or not is_holiday(d))
                and not any(a <= d <= b for a, b in breaks)]
        excepted: list[str] = [f"{{from: {a}, until: {b}}}" for a, b in breaks]
        cancelled_day = self.pick_held(held) if extras and self.chance(0.3) else None
        if extras and self.chance(0.15):
            day = self.pick_held(held, [cancelled_day] if cancelled_day else [])
            if day:
                excepted.insert(0, day.isoformat())
                held.remove(day)
        if excepted:
            rule.append(("except", flow_list(excepted)))
        if extras and every == 1 and self.chance(0.15):
            others = [d for d in range(7) if d not in days]
            extra = [d for d in weekly_dates(others, first, last)
                     if not any(a <= d <= b for a, b in breaks) and d not in taken]
            if extra:
                rule.append(("also", flow_list(sorted(self.rng.sample(
                    extra, min(len(extra), self.rng.randint(1, 2)))))))
        if cancelled_day:
            rule.append(("cancelled", flow_list([self.cancellation(cancelled_day, swedish)])))
        if include_holidays:
            rule.append(("holidays", "include"))
        elif self.chance(0.1):
            rule.append(("holidays", "skip"))
        if self.chance(0.1):
            self.rule_note(rule, swedish)
        self.count_rule("weekly every" if every > 1 else "weekly")
        return rule

    def term_rules(self, kind: str, daytime: bool, swedish: bool) -> list[list[tuple[str, str]]]:
        days = self.weekdays(kind, 2 if self.chance(0.25) else 1)
        time = self.time_for(days, kind, daytime)
        current, following = self.current_terms()
        chosen = [current, following] if self.chance(0.35) else [current]
        rules = []
        for start, end in chosen:
            start += DAY * self.rng.randint(0, 21)
            end -= DAY * self.rng.randint(0, 7)
            breaks = []
            if self.chance(0.35):
                for gap in (self.autumn_break, self.winter_break):
                    if start <= gap[0] and gap[1] <= end:
                        breaks.append(gap)
            rules.append(self.weekly_rule(days, time, start, end, swedish, breaks=breaks))
        return rules

    def open_rules(self, kind: str, daytime: bool, swedish: bool) -> list[list[tuple[str, str]]]:
        days = self.weekdays(kind, self.rng.choice((1, 1, 2, 2, 3)))
        time = self.time_for(days, kind, daytime)
        start = self.today - DAY * self.rng.randint(60, 900) if self.chance(0.5) else None
        until = self.terms[2][1] if self.chance(0.15) else None
        breaks = []
        if self.chance(0.35):
            breaks.append(self.christmas_break)
        if self.chance(0.25):
            breaks.append(self.summer_break)
        include = self.chance(0.15)
        return [self.weekly_rule(days, time, start, until, swedish, breaks=breaks,
                                 include_holidays=include)]

    def biweekly_rules(self, kind: str, daytime: bool,
                       swedish: bool) -> list[list[tuple[str, str]]]:
        days = self.weekdays(kind, 1)
        current, _ = self.current_terms()
        start = next_weekday(current[0] + DAY * self.rng.randint(0, 20), days[0])
        until = current[1] if self.chance(0.7) else None
        rule = self.weekly_rule(days, self.time_for(days, kind, daytime), start, until, swedish,
                                every=2)
        if self.chance(0.3) and not any(k == "note" for k, _ in rule):
            self.rule_note(rule, swedish, (("Joka toinen viikko.", "Varannan vecka."),))
        return [rule]

    def multi_time_rules(self, kind: str, daytime: bool,
                         swedish: bool) -> list[list[tuple[str, str]]]:
        days = self.weekdays(kind, 1)
        times = self.rng.choice(TWO_TIMES)
        current, _ = self.current_terms()
        if self.chance(0.5):
            return [self.weekly_rule(days, times, current[0], current[1], swedish)]
        return [self.weekly_rule(days, times, None, None, swedish)]

    def monthly_rules(self, kind: str, daytime: bool,
                      swedish: bool) -> list[list[tuple[str, str]]]:
        rng = self.rng
        weekday = rng.randint(0, 5 if kind == "club" else 4)
        roll = rng.random()
        if roll < 0.55:
            ordinal = rng.choice((1, 2, 3, 4, -1))
            specs: list[tuple[int, int | None]] = [(ordinal, weekday)]
        elif roll < 0.8:
            specs = [(1, weekday), (3, weekday)] if rng.random() < 0.5 else \
                [(2, weekday), (4, weekday)]
        elif roll < 0.93:
            specs = [(rng.randint(1, 28), None)]
        else:
            specs = [(1, weekday), (rng.randint(15, 28), None)]
        words = [(f"{ORDINALS[o - 1]} " if o > 0 else "last ") + WEEKDAY_CODES[w]
                 if w is not None else str(o) for o, w in specs]
        rule = [("monthly", words[0] if len(words) == 1 else flow_list(words))]
        rule.append(("time", f'"{self.time_for([weekday], kind, daytime)}"'))
        start = until = None
        if self.chance(0.4):
            (start, until), _ = self.current_terms()
            rule += [("from", start.isoformat()), ("until", until.isoformat())]
        include = self.chance(0.05)
        low, high = self.today - 30 * DAY, self.today + 120 * DAY
        held = [d for d in monthly_dates(specs, max(low, start or low), min(high, until or high))
                if include or not is_holiday(d)]
        cancelled = rng.choice(held) if held and self.chance(0.2) else None
        if held and self.chance(0.1):
            day = rng.choice(held)
            if day != cancelled:
                rule.append(("except", flow_list([day.isoformat()])))
        if cancelled:
            rule.append(("cancelled", flow_list([self.cancellation(cancelled, swedish)])))
        if include:
            rule.append(("holidays", "include"))
        if self.chance(0.1):
            self.rule_note(rule, swedish)
        self.count_rule("monthly")
        return [rule]

    def event_days(self, season: str) -> list[dt.date]:
        rng, year = self.rng, self.year
        if season == "xmas":
            first = dt.date(year, 12, rng.randint(1, 14))
        elif season == "spring":
            first = dt.date(year + 1, 5, rng.randint(2, 28))
        elif season == "camp":
            first = dt.date(year + 1, 6, rng.randint(8, 28))
            return [first + DAY * k for k in range(3)]
        elif season == "summer":
            first = dt.date(year + 1, 6, 8) + DAY * rng.randint(0, 60)
        elif season == "autumn":
            first = dt.date(year, 9, 10) + DAY * rng.randint(0, 75)
        elif season == "winter":
            first = dt.date(year + 1, 1, 15) + DAY * rng.randint(0, 60)
        else:
            first = self.today + DAY * rng.randint(-40, 150)
        if rng.random() < 0.6:  # most events are on a Saturday
            first = next_weekday(first, 5)
        days = [first]
        if season == "any" and rng.random() < 0.3:
            for _ in range(rng.randint(1, 2)):
                days.append(days[-1] + DAY * rng.randint(7, 60))
        return days

    def date_rules(self, season: str, swedish: bool) -> list[list[tuple[str, str]]]:
        rng = self.rng
        if season == "any" and self.chance(0.12):  # a yearly event as an RFC 5545 rule
            rule = [("rrule", rng.choice(("FREQ=YEARLY;BYMONTH=5,9;BYDAY=2SA",
                                          "FREQ=YEARLY;BYMONTH=12;BYDAY=1SA",
                                          "FREQ=YEARLY;BYMONTH=2,6,10;BYDAY=-1FR"))),
                    ("time", f'"{rng.choice(WEEKEND_TIMES)}"')]
            self.count_rule("rrule")
            return [rule]
        days = self.event_days(season)
        rule = [("date", days[0].isoformat() if len(days) == 1
                 else flow_list(d.isoformat() for d in days))]
        if self.chance(0.92):
            times = rng.choice(WEEKEND_TIMES) if days[0].weekday() >= 5 \
                else rng.choice(EVENING_TIMES)
            rule.append(("time", f'"{times}"'))
        if len(days) > 1 and self.chance(0.15):
            rule.append(("cancelled", flow_list([self.cancellation(rng.choice(days), swedish)])))
        if self.chance(0.1):
            self.rule_note(rule, swedish, (
                ("Ovet avautuvat puoli tuntia ennen alkua.", "Dörrarna öppnas en halvtimme "
                 "innan."), ("Ilmainen sisäänpääsy.", "Fritt inträde."),
                ("Säävaraus, tarkista tilanne verkkosivuilta.", "Med reservation för vädret, "
                 "se webbplatsen.")))
        self.count_rule("date")
        return [rule]

    def rrule_rules(self, kind: str, daytime: bool,
                    swedish: bool) -> list[list[tuple[str, str]]]:
        rng = self.rng
        day = rng.randint(0, 4)
        current, _ = self.current_terms()
        start = next_weekday(current[0], day)
        options = (
            (f"FREQ=MONTHLY;INTERVAL=2;BYDAY=1{RRULE_DAYS[day]}", True),
            (f"FREQ=WEEKLY;BYDAY={RRULE_DAYS[day]},{RRULE_DAYS[(day + 2) % 5]}", False),
            (f"FREQ=MONTHLY;BYDAY=1{RRULE_DAYS[day]},3{RRULE_DAYS[day]}", False),
            (f"FREQ=WEEKLY;INTERVAL=3;BYDAY={RRULE_DAYS[day]}", True),
            ("FREQ=MONTHLY;BYMONTHDAY=1,15", False),
            (f"FREQ=MONTHLY;BYDAY=-1{RRULE_DAYS[day]}", False),
        )
        value, needs_start = rng.choice(options)
        rule = [("rrule", value), ("time", f'"{self.time_for([day], kind, daytime)}"')]
        if needs_start or self.chance(0.3):
            rule.append(("from", start.isoformat()))
        if self.chance(0.3):
            rule.append(("except", f"[{{from: {self.summer_break[0]}, "
                                   f"until: {self.summer_break[1]}}}]"))
        self.count_rule("rrule")
        return [rule]

    def course_rules(self, kind: str, daytime: bool,
                     swedish: bool) -> list[list[tuple[str, str]]]:
        rng = self.rng
        day = rng.randint(0, 4)
        start = next_weekday(self.today + DAY * rng.randint(-30, 70), day)
        sessions = rng.randint(4, 8)
        time = self.time_for([day], kind, daytime)
        if self.chance(0.4):
            self.count_rule("rrule")
            return [[("rrule", f"FREQ=WEEKLY;COUNT={sessions};BYDAY={RRULE_DAYS[day]}"),
                     ("time", f'"{time}"'), ("from", start.isoformat())]]
        until = start + 7 * (sessions - 1) * DAY
        return [self.weekly_rule([day], time, start, until, swedish, extras=self.chance(0.3))]

    def combined_rules(self, kind: str, daytime: bool,
                       swedish: bool) -> list[list[tuple[str, str]]]:
        """Two rules in one activity that never meet on the same day and time."""
        rng = self.rng
        days = sorted(rng.sample([0, 1, 2, 3, 4], 2))
        if self.chance(0.5):
            weekly = self.weekly_rule(days, rng.choice(DROP_IN_TIMES), None, None, swedish,
                                      extras=self.chance(0.5))
            other = rng.choice([d for d in range(5) if d not in days])
            self.count_rule("monthly")
            return [weekly, [("monthly", f"{rng.choice(ORDINALS)} {WEEKDAY_CODES[other]}"),
                             ("time", f'"{rng.choice(EVENING_TIMES)}"')]]
        special = next_weekday(self.today + DAY * rng.randint(0, 50), rng.choice((5, 6)))
        weekly = self.weekly_rule(days, rng.choice(DROP_IN_TIMES), None, None, swedish,
                                  extras=self.chance(0.5), taken=[special])
        rule = [("date", special.isoformat()), ("time", f'"{rng.choice(WEEKEND_TIMES)}"')]
        self.rule_note(rule, swedish, (
            ("Lauantain erikoisaukiolo.", "Extra öppet på lördag.") if special.weekday() == 5
            else ("Sunnuntain erikoisaukiolo.", "Extra öppet på söndag."),
            ("Teemapäivä, tervetuloa!", "Temadag, välkommen!")))
        self.count_rule("date")
        return [weekly, rule]

    PATTERNS: dict[str, tuple[tuple[str, float], ...]] = {
        "group": (("term", 0.45), ("biweekly", 0.2), ("monthly", 0.25), ("multi", 0.05),
                  ("rrule", 0.05)),
        "dropin": (("open", 0.45), ("term", 0.2), ("combined", 0.2), ("multi", 0.1),
                   ("rrule", 0.05)),
        "course": (("course", 0.75), ("term", 0.25)),
        "advice": (("open", 0.35), ("monthly", 0.3), ("rrule", 0.1), ("none", 0.25)),
        "volunteer": (("none", 0.5), ("monthly", 0.3), ("open", 0.2)),
        "exercise": (("open", 0.35), ("term", 0.35), ("multi", 0.15), ("biweekly", 0.05),
                     ("rrule", 0.1)),
        "club": (("monthly", 0.4), ("biweekly", 0.25), ("term", 0.25), ("rrule", 0.1)),
    }

    def schedule(self, template: ActivityTemplate, daytime: bool,
                 swedish: bool) -> list[list[tuple[str, str]]]:
        if template.kind == "event":
            return self.date_rules(template.season, swedish)
        names, weights = zip(*self.PATTERNS[template.kind], strict=True)
        pattern = self.rng.choices(names, weights)[0]
        if pattern == "none":
            return []
        make: Callable[[str, bool, bool], list[list[tuple[str, str]]]] = {
            "term": self.term_rules, "open": self.open_rules, "biweekly": self.biweekly_rules,
            "multi": self.multi_time_rules, "monthly": self.monthly_rules,
            "rrule": self.rrule_rules, "course": self.course_rules,
            "combined": self.combined_rules}[pattern]
        return make(template.kind, daytime, swedish)

    # -- organisations ---------------------------------------------------------------------

    def org_name(self, otype: OrgType, home: Municipality, swedish: bool,
                 foundation: bool) -> tuple[str, str]:
        """(Finnish name or "", Swedish name or ""), not used before."""
        rng = self.rng
        for attempt in range(12):
            nick = rng.choice(NICKS)
            if swedish:
                template_sv, template_fi = rng.choice(otype.sv_names)
                with_sv = [d for d in home.districts if d.sv]
                district = rng.choice(with_sv) if with_sv and rng.random() < 0.3 else None
                area_sv = district.sv if district else home.sv
                area_fi = district.gen if district else home.gen
                name_sv = template_sv.format(sv=area_sv, nick=nick)
                name_fi = template_fi.format(gen=area_fi) if template_fi and \
                    rng.random() < 0.6 else ""
                if attempt >= 8:
                    name_sv = name_sv.replace(" rf", f" {nick} rf")
                key = name_sv
            else:
                roll = rng.random()
                if roll < 0.45 or not home.districts and roll < 0.8:
                    area = home.gen
                elif roll < 0.8:
                    area = rng.choice(home.districts).gen
                elif roll < 0.92:
                    area = f"{home.gen} Seudun"
                else:
                    area = self.region.gen
                template = rng.choice(FOUNDATION_NAMES if foundation else otype.fi_names)
                name_fi = template.format(area=area, nick=nick)
                if attempt >= 8:
                    name_fi = re.sub(r" (ry|sr)$", rf" {rng.choice(NICKS)} \1", name_fi)
                name_sv, key = "", name_fi
            if key not in self.org_names:
                self.org_names.add(key)
                return name_fi, name_sv
        number = 2
        while f"{key} ({number})" in self.org_names:
            number += 1
        self.org_names.add(f"{key} ({number})")
        return (f"{name_fi} ({number})" if name_fi and not swedish else name_fi,
                f"{name_sv} ({number})" if swedish else name_sv)

    def business_id(self) -> str:
        while True:
            first7 = f"{self.rng.randint(1000000, 3299999):07d}"
            check = business_id_check_digit(first7)
            if check is None:
                continue
            value = f"{first7}-{check}"
            if value not in self.business_ids:
                self.business_ids.add(value)
                return value

    def contact(self, lines: list[str], indent: str, role: tuple[str, str, str, str],
                domain: str, swedish: bool, bilingual: bool, name: str = "",
                basis: str = "") -> None:
        fi, local_fi, sv, local_sv = role
        roles = {"fi": fi, "sv": sv} if swedish or (bilingual and self.chance(0.4)) \
            else {"fi": fi}
        first = text_field("role", roles, "", flow=True)[0]
        lines.append(f"{indent}- {first}")
        inner = indent + "  "
        if name:
            lines.append(f"{inner}name: {name}")
            lines.append(f"{inner}basis: {basis}")
            if basis == "consent":
                until = self.today + DAY * self.rng.randint(60, 720)
                lines.append(f"{inner}consent_until: {until}")
        lines.append(f"{inner}email: {local_sv if swedish else local_fi}@{domain}")
        if self.chance(0.4):
            lines.append(f"{inner}phone: {self.phone()}")

    def person(self, swedish: bool) -> str:
        first, last = (SV_FIRST, SV_LAST) if swedish else (FI_FIRST, FI_LAST)
        return f"{self.rng.choice(first)} {self.rng.choice(last)}"

    def organisation(self) -> tuple[str, str]:
        rng = self.rng
        home = self.pick_municipality()
        swedish = self.chance(home.swedish)
        otype = rng.choices(ORG_TYPES, cum_weights=self.type_weights)[0]
        foundation = not swedish and self.chance(0.07)
        municipalities = [home]
        for _ in range(rng.choice((0, 0, 0, 0, 0, 0, 0, 1, 1, 2))):
            other = self.pick_municipality()
            if other not in municipalities:
                municipalities.append(other)
        name_fi, name_sv = self.org_name(otype, home, swedish, foundation)
        own_name = name_sv if swedish else name_fi
        short = re.sub(r" (ry|rf|sr)( \(\d+\))?$", r"\2", own_name)
        slug = self.unique_id(slugify(short)[:60].strip("-"), self.org_slugs)
        self.orgs.append(Org(slug, [m.id for m in municipalities], otype.key))
        domain = slug[:40].strip("-") + ".example.org"
        bilingual = home.bilingual
        lines = ["---"]
        names = {}
        if name_fi:
            names["fi"] = name_fi
        if name_sv:
            names["sv"] = name_sv
        lines += text_field("name", names, "")
        loc_fi = join_words([m.loc for m in municipalities], "ja")
        loc_sv = "i " + join_words([m.sv for m in municipalities], "och")
        loc_en = "in " + join_words([m.fi for m in municipalities], "and")
        what, aud = otype.what, otype.aud
        summary = self.texts(f"{what[0][:1].upper()}{what[0][1:]} {aud[0]} {loc_fi}.",
                             f"{what[1][:1].upper()}{what[1][1:]} {aud[1]} {loc_sv}.",
                             f"{what[2][:1].upper()}{what[2][1:]} {aud[2]} {loc_en}.",
                             swedish, 0.75 if bilingual else 0.6, 0.55)
        lines += text_field("summary", summary, "")
        if self.chance(0.92):
            lines.append(f"business_id: {self.business_id()}")
        if self.chance(0.85):
            lines.append(f"website: https://{domain}")
        if self.chance(0.9):
            lines.append(f"email: {'info' if self.chance(0.5) else 'toimisto'}@{domain}")
        if self.chance(0.6):
            lines.append(f"phone: {self.phone()}")
        if self.chance(0.7):
            street_fi, street_sv = rng.choice(STREETS)
            number, postal = rng.randint(1, 60), rng.choice(home.postal)
            address = {"fi": f"{street_fi} {number}, {postal} {home.fi}"}
            if swedish or (bilingual and self.chance(0.5)):
                address["sv"] = f"{street_sv} {number}, {postal} {home.sv}"
            lines += text_field("address", address, "")
        lines.append(f"municipalities: {flow_list([m.id for m in municipalities])}")
        themes = rng.sample(otype.themes, rng.randint(2, len(otype.themes)))
        lines.append(f"themes: {flow_list(themes)}")
        if self.chance(0.5):
            expertise = rng.sample(otype.expertise, rng.randint(1, min(2, len(otype.expertise))))
            lines.append(f"expertise: {flow_list(expertise)}")
        roles = rng.sample(FOUNDATION_ROLES if foundation else ORG_ROLES,
                           rng.choice((1, 1, 1, 2, 2, 2, 3)))
        lines.append("contacts:")
        for index, role in enumerate(roles):
            name = basis = ""
            if index == 0 and role[0] in ("Puheenjohtaja", "Toiminnanjohtaja") and \
                    self.chance(0.3):
                name, basis = self.person(swedish), "role"
            elif self.chance(0.03):
                name, basis = self.person(swedish), "consent"
            self.contact(lines, "  ", role, domain, swedish, bilingual, name, basis)
        roll = rng.random()
        if roll < self.stale_share:
            lines.append(f"reviewed: {self.today - DAY * rng.randint(400, 800)}")
        elif roll < self.stale_share + (1 - self.stale_share) * 0.94:
            lines.append(f"reviewed: {self.today - DAY * rng.randint(0, 340)}")
        activities = self.activities(lines, otype, home, municipalities, swedish, domain, slug)
        slots: dict[str, object] = {
            "name": short, "year": rng.randint(1948, 2021), "what": what[0], "aud": aud[0],
            "loc": loc_fi, "admin": home.admin_gen, "members": rng.randrange(40, 900, 10),
            "vol": rng.randrange(8, 80, 2), "staff": rng.choice(("kaksi", "kolme", "neljä",
                                                                 "viisi", "kuusi")),
            "events": rng.randrange(30, 400, 10), "visits": rng.randrange(500, 9000, 100),
            "fee": rng.choice((10, 12, 15, 20, 25)), "domain": domain,
            "kind": "säätiö" if foundation else "yhdistys",
            "act1": activities[0][0], "act2": activities[1][0],
        }
        slots["_s" if foundation else "_y"] = ""
        if otype.federation:
            slots["fed"] = otype.federation
        has_site = any(line.startswith("website:") for line in lines)
        if swedish:
            sv_slots = dict(slots, name=short, what=what[1], aud=aud[1], loc=loc_sv,
                            kind="förening", act1=activities[0][1], act2=activities[1][1])
            target = self.body_target()
            body_sv = compose(rng, SV_BANK, otype.facts_sv, sv_slots,
                              [(a[1], a[3]) for a in activities], target, link=has_site)
            self.stats.body_words.append(count_words(body_sv))
            lines.append("body:")
            block_text(lines, "sv", body_sv, "  ")
            body = compose(rng, FI_BANK, otype.facts_fi, dict(slots, name=name_fi or short),
                           [(a[0], a[2]) for a in activities],
                           int(rng.gauss(110, 20)), heading=self.chance(0.4), link=False) \
                if self.chance(0.4) else ""
        else:
            body = compose(rng, FI_BANK, otype.facts_fi, slots,
                           [(a[0], a[2]) for a in activities], self.body_target(),
                           link=has_site)
            self.stats.body_words.append(count_words(body))
            if self.chance(0.3 if bilingual else 0.04):
                sv_slots = dict(slots, what=what[1], aud=aud[1], loc=loc_sv, kind="förening",
                                act1=activities[0][1], act2=activities[1][1])
                body_sv = compose(rng, SV_BANK, otype.facts_sv, sv_slots,
                                  [(a[1], a[3]) for a in activities], int(rng.gauss(150, 30)),
                                  heading=self.chance(0.5), link=False)
                lines.append("body:")
                block_text(lines, "sv", body_sv, "  ")
        lines.append("---")
        self.stats.organisations += 1
        return slug, "\n".join(lines) + "\n" + body

    def body_target(self) -> int:
        return int(min(420, max(140, self.rng.gauss(262, 50))))

    def activities(self, lines: list[str], otype: OrgType, home: Municipality,
                   municipalities: list[Municipality], swedish: bool, domain: str,
                   org_slug: str) -> list[tuple[str, str, str, str]]:
        """Writes the activities; returns (fi title, sv title, fi summary, sv summary) of each."""
        rng = self.rng
        count = rng.choices((3, 4, 5, 6, 7), (1, 2, 4, 2, 1))[0]
        own = list(otype.activities)
        rng.shuffle(own)
        generic = list(GENERIC_ACTIVITIES)
        rng.shuffle(generic)
        take = min(len(own), max(1, count - rng.choice((1, 1, 2, 2, 3))))
        chosen = own[:take] + generic[:count - take]
        lines.append("activities:")
        ids: set[str] = set()
        written = []
        for template in chosen:
            nick = rng.choice(NICKS)
            title_fi, title_sv, title_en = (t.format(nick=nick)
                                            for t in (template.fi, template.sv, template.en))
            activity_id = self.unique_id(slugify(title_fi)[:40].strip("-"), ids)
            lines.append(f"  - id: {activity_id}")
            lines += text_field("title", self.texts(title_fi, title_sv, title_en, swedish,
                                                    0.3 if home.bilingual else 0.15, 0.12),
                                "    ", flow=True)
            lines += text_field("summary", self.texts(
                template.summary_fi, template.summary_sv, template.summary_en, swedish,
                0.35 if home.bilingual else 0.2, 0.15), "    ")
            lines.append(f"    format: {template.format}")
            if template.kind == "dropin" and self.chance(0.85):
                lines.append("    drop_in: true")
            if template.themes and self.chance(0.9):
                lines.append(f"    themes: {flow_list(template.themes)}")
            lines.append(f"    audiences: {flow_list(template.audiences)}")
            online = template.fi == "Chat-tuki" or (
                template.kind in ("advice", "course", "group") and self.chance(0.08))
            place_share = {"volunteer": 0.3, "advice": 0.6}.get(template.kind, 0.9)
            if (not online or self.chance(0.3)) and self.chance(place_share):
                where = home if self.chance(0.8) else rng.choice(municipalities)
                lines.append(f"    place: {self.pick_place(where, template.kind)}")
            if online:
                lines.append(f"    online: https://meet.example.org/{org_slug[:30]}-{activity_id}")
            lines.append(f"    languages: {flow_list(self.languages(otype, home, swedish))}")
            free = self.cost(lines, template.kind, swedish)
            registered = self.registration(lines, template.kind, swedish)
            if free and not registered and self.chance(0.7):
                lines.append("    low_threshold: true")
            daytime = "ikaantyneet" in template.audiences and self.chance(0.8) or self.chance(0.4)
            rules = self.schedule(template, daytime, swedish)
            if rules:
                lines.append("    schedule:")
                for rule in rules:
                    for index, (key, value) in enumerate(rule):
                        lines.append(f"      {'- ' if index == 0 else '  '}{key}: {value}")
            if self.chance(0.25):
                notes = ACTIVITY_NOTES_SV if swedish else ACTIVITY_NOTES_FI
                text = " ".join(s.format(n=rng.randrange(8, 30, 2))
                                for s in rng.sample(notes, rng.randint(1, 3)))
                lines += text_field("description", {"sv" if swedish else "fi": text}, "    ")
            if self.chance(0.25):
                lines.append("    contacts:")
                role = rng.choice(ACTIVITY_ROLES)
                sensitive = any(a in SENSITIVE_AUDIENCES for a in template.audiences)
                if not sensitive and self.chance(0.08):
                    self.contact(lines, "      ", role, domain, swedish, home.bilingual,
                                 self.person(swedish), "consent")
                else:
                    self.contact(lines, "      ", role, domain, swedish, home.bilingual)
            self.stats.activities += 1
            written.append((title_fi, title_sv, template.summary_fi, template.summary_sv))
        return written

    def pick_place(self, m: Municipality, kind: str) -> str:
        """A place in the municipality; the outdoor ones only for exercise and events."""
        places = self.places[m.id]
        if kind not in ("exercise", "event") and self.indoor_places[m.id]:
            places = self.indoor_places[m.id]
        return self.rng.choice(places).slug

    def languages(self, otype: OrgType, home: Municipality, swedish: bool) -> list[str]:
        if swedish:
            return ["sv"] if self.chance(0.5) else ["sv", "fi"]
        chosen = ["fi"]
        if self.chance(0.4 if home.bilingual else 0.08):
            chosen.append("sv")
        if otype.languages and self.chance(0.6):
            for extra in self.rng.sample(otype.languages, self.rng.randint(1, 2)):
                if extra not in chosen:
                    chosen.append(extra)
        elif self.chance(0.06):
            chosen.append(self.rng.choice(("en", "selkokieli")))
        return chosen

    def cost(self, lines: list[str], kind: str, swedish: bool) -> bool:
        rng = self.rng
        free_share = {"dropin": 0.85, "advice": 0.95, "volunteer": 1.0, "group": 0.8,
                      "exercise": 0.4, "course": 0.35, "event": 0.6, "club": 0.5}[kind]
        if self.chance(free_share):
            lines.append("    cost: free")
            return True
        if self.chance(0.1):
            return False  # not given
        bank = {"course": COURSE_COSTS, "event": EVENT_COSTS}.get(kind, COSTS)
        lines += text_field("cost", self.pair(rng.choice(bank), swedish), "    ", flow=True)
        return False

    def registration(self, lines: list[str], kind: str, swedish: bool) -> bool:
        rng = self.rng
        needed = {"dropin": 0.02, "advice": 0.5, "volunteer": 0.9, "group": 0.5,
                  "exercise": 0.25, "course": 0.95, "event": 0.35, "club": 0.15}[kind]
        if not self.chance(needed):
            lines.append("    registration: none")
            return False
        bank = {"advice": ADVICE_REGISTRATIONS,
                "volunteer": VOLUNTEER_REGISTRATIONS}.get(kind, REGISTRATIONS)
        texts = self.pair(rng.choice(bank), swedish, n=rng.randrange(8, 25))
        lines += text_field("registration", texts, "    ")
        return True

    # -- partnerships, pages, site ---------------------------------------------------------

    def partnerships(self, folder: Path) -> None:
        rng = self.rng
        by_municipality: dict[str, list[str]] = {m.id: [] for m in self.municipalities}
        by_type: dict[str, list[str]] = {}
        for org in self.orgs:
            for mid in org.municipalities:
                by_municipality[mid].append(org.slug)
            by_type.setdefault(org.type_key, []).append(org.slug)
        tables = []
        for m in self.municipalities:
            if len(by_municipality[m.id]) >= 3:
                tables.append((f"{m.id}-kumppanuuspoyta",
                               {"fi": f"{m.gen} järjestöjen kumppanuuspöytä",
                                "sv": f"Partnerskapsbordet i {m.sv}",
                                "en": f"{m.fi} NGO Partnership Table"},
                               by_municipality[m.id], [m.id], ["osallisuus", "vapaaehtoisuus"],
                               m))
        for slug, fi, sv, en, types, themes in (
                ("mielenterveys-ja-paihdeverkosto", "Mielenterveys- ja päihdejärjestöjen verkosto",
                 "Nätverket för organisationer inom psykisk hälsa och missbruk",
                 "Mental health and substance use network", ("mielenterveys", "paihde"),
                 ["mielenterveys", "paihteet"]),
                ("ikaihmisten-jarjestoverkosto", "Ikäihmisten järjestöverkosto",
                 "Nätverket för äldreorganisationer", "Older people's NGO network",
                 ("seniorit", "omaishoito", "ystava"), ["ikaantyneet", "yksinaisyys"]),
                ("perhejarjestojen-verkosto", "Lapsi- ja perhejärjestöjen verkosto",
                 "Nätverket för barn- och familjeorganisationer",
                 "Children and families NGO network", ("perheet", "nuoret"),
                 ["perheet", "lapset-nuoret"])):
            members = [s for t in types for s in by_type.get(t, [])]
            if len(members) >= 2:
                tables.append((slug, {"fi": f"{self.region.gen} {fi[:1].lower()}{fi[1:]}",
                                      "sv": f"{sv} {self.region.sv_in}", "en": en},
                               members, [], themes, None))
        for slug, names, candidates, municipalities, themes, m in tables:
            members = sorted(rng.sample(candidates, min(len(candidates), rng.randint(4, 15))))
            lines = ["---"] + text_field("name", names, "")
            lines += text_field("summary", {
                "fi": "Järjestöjen, kunnan ja hyvinvointialueen yhteinen foorumi hyvinvoinnin "
                      "edistämiseen.",
                "sv": "Ett gemensamt forum för organisationerna, kommunen och välfärdsområdet för "
                      "att främja välbefinnande."}, "")
            lines.append("members:")
            lines += [f"  - {member}" for member in members]
            if municipalities:
                lines.append(f"municipalities: {flow_list(municipalities)}")
            lines.append(f"themes: {flow_list(themes)}")
            lines.append("meetings:")
            pool = self.places[m.id] if m else [p for ps in self.places.values() for p in ps]
            for offset in (-70, 10, 80, 170):
                day = next_weekday(self.today + offset * DAY, 3)
                if self.chance(0.5):
                    lines.append(f"  - {day}")
                else:
                    lines.append(f"  - date: {day}")
                    lines.append('    time: "13:00-15:00"')
                    lines.append(f"    place: {rng.choice(pool).slug}")
                    lines.append("    note: " + yq(rng.choice((
                        "Teemana järjestöavustukset ja yhteinen vapaaehtoisrekrytointi.",
                        "Teemana yksinäisyyden ehkäisy ja talven yhteiset tapahtumat.",
                        "Hyvinvointisuunnitelman kuulumiset ja järjestöjen terveiset.",
                        "Vuoden suunnittelu, uudet jäsenet esittäytyvät."))))
            lines.append("contacts:")
            lines.append("  - role: Kumppanuuspöydän koordinaattori")
            lines.append(f"    email: kumppanuus@{slug[:30].strip('-')}.example.org")
            lines.append("---")
            body = ("Kumppanuuspöytä kokoaa yhteen alueella toimivat järjestöt, kunnan "
                    "vapaa-aika- ja hyvinvointipalvelut sekä hyvinvointialueen "
                    "hyte-koordinaattorit. Tapaamme neljä kertaa vuodessa.\n\n## Tarkoitus\n\n"
                    "- jaetaan tietoa järjestöjen toiminnasta ja ajankohtaisista asioista\n"
                    "- vältetään päällekkäistä työtä ja löydetään toiminnan aukkoja\n"
                    "- suunnitellaan yhteisiä hankkeita, kuten vapaaehtoisrekrytointia\n\n"
                    "Mukaan voi liittyä mikä tahansa alueella toimiva yhdistys.\n")
            (folder / f"{slug}.md").write_text("\n".join(lines) + "\n" + body, encoding="utf-8")
            self.stats.partnerships += 1

    def site_yaml(self) -> str:
        r = self.region
        return f"""\
# A synthetic region written by bench/generate.py for benchmarks: every organisation,
# place and person in it is made up.
name:
  fi: {r.gen} hyte-opas (testiaineisto)
  sv: Hyte-guiden {r.sv_in} (testdata)
  en: {r.en} Wellbeing Guide (test data)
region:
  fi: {r.fi}
  sv: {r.sv}
  en: {r.en}
description:
  fi: Järjestöjen hyvinvointia ja terveyttä edistävä toiminta yhdestä paikasta.
  sv: Organisationernas verksamhet för välbefinnande och hälsa på ett ställe.
  en: Wellbeing and health activities run by organisations, in one place.
publisher:
  fi: Hyvinvointialue (kuvitteellinen esimerkki)
  sv: Välfärdsområdet (fiktivt exempel)
  en: Wellbeing services county (fictional example)
base_url: https://example.github.io/hyteguide-bench/
languages: [fi, sv, en]
timezone: Europe/Helsinki
horizon_weeks: 12
review_after_months: 12
repository: https://github.com/example/hyteguide-bench
contact:
  name:
    fi: Hyte-koordinaattorit
    sv: Hyte-koordinatorerna
    en: Wellbeing coordinators
  email: hyte-opas@example.org
  phone: "+358 9 000 0000"
  address: Sibeliuksenkatu 11, 04400 Järvenpää
accessibility:
  status: partially
  assessed: {self.today - 60 * DAY}
  method: self-assessment
  known_gaps:
    - text:
        fi: Osa järjestöjen tiedoista on saatavilla vain suomeksi.
        sv: En del organisationers uppgifter finns endast på finska.
        en: Some organisations' information is available in Finnish only.
      wcag: [3.1.2]
      fix_by: {self.year + 1}-06-30
  feedback:
    email: hyte-opas@example.org
  response_days: 14
privacy:
  contact: hyte-opas@example.org
  host: GitHub Pages (GitHub Inc.)
  host_policy: https://docs.github.com/en/site-policy/privacy-policies/github-general-privacy-statement
  retention:
    fi: Palauteviestit poistetaan viimeistään vuoden kuluttua asian käsittelyn päättymisestä.
    sv: Responsmeddelandena raderas senast ett år efter att ärendet har avslutats.
    en: Feedback messages are deleted at the latest one year after the matter has been closed.
"""

    def page(self) -> str:
        r = self.region
        return f"""\
---
title: {{fi: Tietoa oppaasta, sv: Om guiden, en: About the guide}}
summary:
  fi: Mikä {r.gen} hyte-opas on ja mistä sen tiedot tulevat.
  sv: Vad hyte-guiden {r.sv_in} är och varifrån uppgifterna kommer.
  en: What the {r.en} Wellbeing Guide is and where its information comes from.
menu: 1
body:
  sv: |
    Guiden samlar verksamhet som främjar välbefinnande och hälsa och som ordnas av
    föreningar och stiftelser {r.sv_in}. Detta är testdata för prestandamätningar:
    alla organisationer, platser och personer är påhittade.
---
Opas kokoaa yhteen järjestöjen hyvinvointia ja terveyttä edistävän toiminnan
{r.gen.replace("Uudenmaan", "Uudellamaalla") if r.key == "keski-uusimaa" else "Uudellamaalla"}.
Tämä on suorituskykymittauksia varten tehty testiaineisto: kaikki järjestöt,
paikat ja henkilöt ovat keksittyjä.
"""

    def vocabulary_yaml(self) -> str:
        """content/vocabulary.yaml as it is, plus the region's municipalities it lacks."""
        text = EXAMPLE_VOCABULARY.read_text(encoding="utf-8")
        lines = text.split("\n")
        start = lines.index("municipalities:")
        end = start + 1
        while end < len(lines) and lines[end].startswith("  "):
            end += 1
        known = {line.split(":")[0].strip() for line in lines[start + 1:end]}
        missing = [m for m in self.municipalities if m.id not in known]
        if not missing:
            return text
        added = ["  # Added by bench/generate.py: the rest of Uusimaa."] + [
            f"  {m.id}: {{fi: {m.fi}, sv: {m.sv}, en: {m.fi}"
            f"{', bilingual: true' if m.bilingual else ''}}}" for m in missing]
        return "\n".join(lines[:end] + added + lines[end:])

    # -- everything ------------------------------------------------------------------------

    def write(self, root: Path) -> None:
        (root / MARKER).write_text(f"Written by bench/generate.py (--organisations {self.n}, "
                                   f"--region {self.region.key}, --today {self.today}); "
                                   "it may delete and rewrite this folder.\n", encoding="utf-8")
        vocabulary = self.vocabulary_yaml()
        check_vocabulary(vocabulary, self.municipalities)
        (root / "vocabulary.yaml").write_text(vocabulary, encoding="utf-8")
        (root / "site.yaml").write_text(self.site_yaml(), encoding="utf-8")
        for folder in ("places", "organisations", "partnerships", "pages"):
            (root / folder).mkdir()
        self.make_places(root / "places")
        for _ in range(self.n):
            slug, text = self.organisation()
            (root / "organisations" / f"{slug}.md").write_text(text, encoding="utf-8")
        self.partnerships(root / "partnerships")
        (root / "pages" / "tietoa.md").write_text(self.page(), encoding="utf-8")


def check_vocabulary(text: str, municipalities: Sequence[Municipality]) -> None:
    """Fail early when the example vocabulary lacks a term the generator writes."""
    try:
        import yaml
    except ImportError:  # run without PyYAML: hyteguide check will tell
        return
    groups = yaml.safe_load(text)
    used: dict[str, set[str]] = {
        "municipalities": {m.id for m in municipalities},
        "themes": {t for o in ORG_TYPES for t in o.themes}
        | {t for a in _all_templates() for t in a.themes},
        "audiences": {a for o in ORG_TYPES for a in o.audiences}
        | {x for a in _all_templates() for x in a.audiences},
        "formats": {a.format for a in _all_templates()},
        "expertise": {e for o in ORG_TYPES for e in o.expertise},
        "languages": {"fi", "sv", "en", "selkokieli"} | {x for o in ORG_TYPES for x in o.languages},
        "accessibility": {"wheelchair", "accessible_toilet", "induction_loop", "elevator",
                          "parking", "public_transport", "quiet_room", "guide_dog"},
    }
    for group, terms in used.items():
        unknown = sorted(terms - set(groups.get(group) or {}))
        if unknown:
            raise SystemExit(f"error: {EXAMPLE_VOCABULARY} has no {group} {', '.join(unknown)}")


def _all_templates() -> list[ActivityTemplate]:
    return [a for o in ORG_TYPES for a in o.activities] + list(GENERIC_ACTIVITIES)


# -- the command -------------------------------------------------------------------------------


def prepare(out: Path) -> Path:
    """A fresh sibling folder to write into; refuses an `out` that this script did not write."""
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise SystemExit(f"error: {out} is a symbolic link or not a folder; not touching it")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise SystemExit(f"error: {out} is not empty and has no {MARKER} marker, so it was not "
                         "written by this script; refusing to replace it")
    out.parent.mkdir(parents=True, exist_ok=True)
    work = out.parent / f".{out.name}.generating-{os.getpid()}"
    if work.exists():
        shutil.rmtree(work)
    work.mkdir()
    return work


def swap_in(work: Path, out: Path) -> None:
    """Replace `out` by the finished `work` folder."""
    old = None
    if out.exists():
        old = out.parent / f".{out.name}.old-{os.getpid()}"
        out.rename(old)
    work.rename(out)
    if old is not None:
        shutil.rmtree(old)


def generate(out: Path, organisations: int, seed: int = 1, today: dt.date = DEFAULT_TODAY,
             region: str = "auto", stale_share: float = 0.0) -> Stats:
    """Write a synthetic region of `organisations` organisations into `out`; return counts."""
    if region == "auto":
        region = "keski-uusimaa" if organisations <= 1000 else "uusimaa"
    generator = Generator(organisations, seed, today, region_named(region), stale_share)
    work = prepare(out)
    try:
        generator.write(work)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    swap_in(work, out)
    return generator.stats


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--organisations", type=int, required=True, metavar="N",
                        help="number of organisations (the issue's sizes: 300, 3000, 30000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR",
                        help=f"content folder to write; replaced only if it has {MARKER}")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=DEFAULT_TODAY,
                        help=f"the day dates are placed around (default {DEFAULT_TODAY})")
    parser.add_argument("--region", choices=("auto", "keski-uusimaa", "uusimaa"),
                        default="auto", help="municipalities (auto: Keski-Uusimaa up to 1000 "
                        "organisations, else all of Uusimaa)")
    parser.add_argument("--stale-share", type=float, default=0.0, metavar="P",
                        help="share of organisations reviewed over a year ago (default 0: "
                        "no stale-review warnings)")
    args = parser.parse_args(argv)
    if args.organisations < 1:
        parser.error("--organisations must be at least 1")
    started = time.perf_counter()
    stats = generate(args.out, args.organisations, args.seed, args.today, args.region,
                     args.stale_share)
    seconds = time.perf_counter() - started
    words = stats.body_words
    print(f"{stats.organisations} organisations, {stats.activities} activities, "
          f"{stats.places} places, {stats.partnerships} partnerships; body words mean "
          f"{sum(words) / len(words):.1f} (min {min(words)}, max {max(words)}); "
          f"schedule rules {', '.join(f'{k} {v}' for k, v in sorted(stats.rules.items()))}; "
          f"{seconds:.2f} s -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
