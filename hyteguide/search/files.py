"""Site search: per language, a prebuilt lunr index in shards and the documents its results show.

For each site language the build writes, beside that language's search page (`search/`,
`sv/search/`, …), `manifest.json` and the files it names, in a folder named by a hash of them
all (`v-<12 hex digits>/`: a new build's files never mix with cached ones of an older build).
`assets/searchcore.js` fetches the manifest when a visitor starts to search and then only what
each query needs:

- `i<n>.json`: the index shards. The index is a lunr 2.3.9 index over three fields: title
  (boost 10), keywords (3: organisation, place, municipality and the labels of themes,
  audiences, format, languages, expertise in every site language, the words of the yes/no
  facts such as free, and the title's other translations) and text (summary, description,
  schedule in words). Each piece of text is stemmed in the language it is written in (a
  missing translation falls back to the first language: Finnish text in the Swedish index is
  stemmed as Finnish); the manifest's `languages` lists them, own first, with their stop words,
  and the browser looks a query word up by its term in each.
  It is built once (`searchindex.build`: the index lunr.py's Builder makes, faster) and cut by
  term into shards of about SHARD_BYTES (`searchindex.split`), each a lunr index of its own of
  a range of terms; the manifest lists each shard's first and last term. The browser fetches
  the shards of the terms a query can match and merges them, which gives the whole index's
  results and scores. Terms come from `searchtext`, which the browser mirrors; document refs
  are numbers, positions in the documents, to keep the posting lists small. No term positions
  are stored (no highlighting), for the same reason.
- `terms.json`: every term, fetched only for close matches (by edit distance), whose terms may
  be in any shard.
- `d<n>.json`: documents n × PART onwards (PART of them), what a result shows (type, title, link
  from the search page, organisation, place, next dates held, the free and low-threshold
  badges); fetched for the results shown.
- `facets.json`: every document's filter values (municipality, audience, theme, format,
  language, expertise, flags; terms with their broader terms) as numbers of value sets;
  fetched when filters are chosen or opened. The filters' labels are in the search page's
  HTML.

The manifest also carries the stop words, the pipeline, the result types' names, the build
date and the groups of near-identical results (an organisation and its same-named activity and
place: shown once, the others as lines under it). Output depends only on the content and the
build's today, so it is byte-identical for the same input. The lunr.js and lunr-languages files
come from node_modules (npm ci), never from here. The documents themselves are made in
search.documents.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import tempfile
import weakref
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from hyteguide.derive.guide import Guide
from hyteguide.search import index as searchindex
from hyteguide.search import text as searchtext
from hyteguide.search.documents import (
    AGE_FACETS,
    FACETS,
    SEARCH_PAGE,
    SearchDocument,
    documents,
    same_named,
)
from hyteguide.web.i18n import Catalogue
from hyteguide.web.memo import remembered
from hyteguide.web.urls import Urls

FIELDS = (("title", 10), ("keywords", 3), ("text", 1))
MANIFEST = "manifest.json"
TYPES = ("activity", "organisation", "place", "partnership", "page")
SHARD_BYTES = 32_000  # about this much JSON of terms in an index shard (a very common term alone)
PART = 16  # documents in a part of the documents
_VERSIONED = re.compile(r"(^|/)search/v-[0-9a-f]{12}/$")
_NUMBERED = re.compile(r"([id])\d+\.json")

# node_modules path → site path under assets/vendor/. Only what the browser needs.
VENDOR_FILES = {
    "lunr/lunr.min.js": "lunr.min.js",
    "lunr/LICENSE": "lunr.LICENSE.txt",
    "lunr-languages/min/lunr.stemmer.support.min.js": "lunr.stemmer.support.min.js",
    "lunr-languages/min/lunr.fi.min.js": "lunr.fi.min.js",
    "lunr-languages/min/lunr.sv.min.js": "lunr.sv.min.js",
    "lunr-languages/LICENSE": "lunr-languages.LICENSE.txt",
}


# What the search page loads, in order, when a search starts (paths under assets/): every
# language's stemmer, since each index holds texts of every site language (a missing
# translation's fallback, the vocabulary's labels), each stemmed in its own.
_ALL_STEMMERS = ("vendor/lunr.min.js", "vendor/lunr.stemmer.support.min.js",
                 "vendor/lunr.fi.min.js", "vendor/lunr.sv.min.js")
BROWSER_SCRIPTS = {"fi": _ALL_STEMMERS, "sv": _ALL_STEMMERS, "en": _ALL_STEMMERS}


class MissingPackage(Exception):
    """A browser library is not installed in node_modules."""


@dataclass
class SearchSizes:
    """Bytes written of each search file (see kind_of): raw and gzipped."""

    files: dict[str, tuple[int, int]] = field(default_factory=dict)

    def add(self, path: str, data: bytes) -> None:
        self.files[path] = self.measure(data)

    @staticmethod
    def measure(data: bytes) -> tuple[int, int]:
        """Bytes raw and gzipped (at level 6, as web servers compress: level 9 took a fifth of
        the search task's time for a few bytes less)."""
        return len(data), len(gzip.compress(data, 6, mtime=0))

    def summary(self) -> str:
        """Per language's search folder, per kind of file: the bytes summed, and the count."""
        groups: dict[str, dict[str, list[tuple[int, int]]]] = {}
        for path, size in self.files.items():
            folder = path[:path.index(SEARCH_PAGE) + len(SEARCH_PAGE)] \
                if SEARCH_PAGE in path else ""
            groups.setdefault(folder, {}).setdefault(kind_of(path) or "other", []).append(size)
        return "search: " + "; ".join(
            f"{folder} " + ", ".join(_sizes(kind, sizes) for kind, sizes in kinds.items())
            for folder, kinds in groups.items())


def _sizes(kind: str, sizes: list[tuple[int, int]]) -> str:
    raw, packed = sum(r for r, _ in sizes), sum(p for _, p in sizes)
    count = f" in {len(sizes)} files" if len(sizes) > 1 else ""
    return f"{kind} {raw / 1024:.0f} KB{count} ({packed / 1024:.0f} KB gzipped)"



def compact_json(data: Any) -> bytes:
    """JSON as the search files are written: UTF-8, no spaces."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def field_terms(doc: SearchDocument, name: str) -> list[str]:
    """The index terms of one field of a document: each piece stemmed in its own language."""
    return [term for text, lang in doc.indexed(name)
            for term in remembered("terms-" + lang, text, partial(searchtext.terms, text, lang))]


def index_of(docs: list[SearchDocument], lang: str) -> searchindex.Index:
    """The lunr index of documents; refs are their positions."""
    pipeline = [fn.label for fn in searchtext.pipeline_functions(lang)]
    fields = ({name: field_terms(doc, name) for name, _ in FIELDS}
              for doc in docs)  # one document's terms at a time (a build cache remembers them)
    return searchindex.build(fields, FIELDS, pipeline)


def index_languages(lang: str, languages: tuple[str, ...]) -> list[str]:
    """The languages an index's texts are written in, its own first: a query word is looked
    up by its term in each."""
    return [lang, *(other for other in languages if other != lang)]


def facet_table(docs: list[SearchDocument]) -> dict[str, Any]:
    """Each filter group's values of every document, compactly: per group, the values, the
    sets of them that documents have (the most common first) and each document's set by its
    number. The flags (free, low threshold) are a group too."""
    table: dict[str, Any] = {}
    for name in [*(name for name, _ in FACETS), *AGE_FACETS, "flags"]:
        own = [doc.flags if name == "flags" else doc.facets.get(name, ()) for doc in docs]
        values = sorted({value for values in own for value in values})
        number = {value: i for i, value in enumerate(values)}
        keys = [tuple(sorted(number[value] for value in set(values))) for values in own]
        counts = Counter(keys)
        sets = sorted(counts, key=lambda key: (-counts[key], key))
        position = {key: i for i, key in enumerate(sets)}
        table[name] = {"values": values, "sets": [list(key) for key in sets],
                       "docs": [position[key] for key in keys]}
    return table


@dataclass(frozen=True)
class SearchFiles:
    """The search files of one language, relative to its search page's folder."""

    manifest: dict[str, Any]
    files: Mapping[str, bytes]  # under the version folder the manifest names


class _Spilled(Mapping[str, bytes]):
    """Files kept in a temporary file until they are written, each read back when asked for:
    their folder's name is a hash of them all, so they are all made before the first can be
    written, and held in memory they would be as large as the index (450 MB a language at
    30,000 organisations). The version hash is made as they are put."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 - open as long as this object
        weakref.finalize(self, self._file.close)  # and removed with it
        self._where: dict[str, tuple[int, int]] = {}
        self._hash = hashlib.sha256()

    def put(self, name: str, data: bytes) -> None:
        self._where[name] = (self._file.tell(), len(data))
        self._hash.update(f"{name}\0{len(data)}\0".encode())
        self._hash.update(data)
        self._file.write(data)

    def version(self) -> str:
        """12 hex digits of a hash of the files' names and contents, in the order put."""
        return self._hash.hexdigest()[:12]

    def __getitem__(self, name: str) -> bytes:
        offset, length = self._where[name]
        self._file.seek(offset)
        data = self._file.read(length)
        self._file.seek(0, 2)
        return data

    def __iter__(self) -> Iterator[str]:
        return iter(self._where)

    def __len__(self) -> int:
        return len(self._where)


def search_files(docs: list[SearchDocument], lang: str, types: dict[str, str],
                 today: str, shard_bytes: int = SHARD_BYTES,
                 languages: tuple[str, ...] = (),
                 groups: list[list[int]] | None = None) -> SearchFiles:
    """The manifest and the files it names: index shards i<n>.json, document parts
    d<n>.json (PART documents each), facets.json and terms.json, in a folder named by a hash
    of them all (any change is a new URL: caches never mix two builds). languages: those the
    documents' texts may be written in (the site's; default: those the documents have);
    groups: near-identical results shown once (documents.same_named)."""
    languages = languages or tuple(sorted({piece_lang for doc in docs for name, _ in FIELDS
                                           for _, piece_lang in doc.indexed(name)}))
    with searchindex.no_gc():
        return _search_files(docs, lang, types, today, shard_bytes,
                             index_languages(lang, languages), groups or [])


def _search_files(docs: list[SearchDocument], lang: str, types: dict[str, str],
                  today: str, shard_bytes: int, languages: list[str],
                  groups: list[list[int]]) -> SearchFiles:
    index = index_of(docs, lang)
    files, bounds = _Spilled(), []
    for n, shard in enumerate(searchindex.shards(index, shard_bytes)):
        files.put(f"i{n}.json", compact_json(shard.index))  # and the shard's dict is let go
        bounds.append([shard.first, shard.last])
    for name, data in _document_parts(docs, lang):
        files.put(name, data)
    files.put("facets.json", compact_json(facet_table(docs)))
    files.put("terms.json", compact_json(sorted(index.postings, key=searchindex.utf16)))
    manifest = {"lang": lang, "built": today, "folder": f"v-{files.version()}/",
                "stopwords": sorted(searchtext.stop_words(lang)),
                "languages": [[code, sorted(searchtext.stop_words(code))] for code in languages],
                "version": searchindex.LUNR_VERSION, "fields": list(index.fields),
                "pipeline": list(index.pipeline),
                "types": types, "shards": bounds,
                "documents": len(docs), "part": PART, "groups": groups}
    return SearchFiles(manifest, files)


def _document_parts(docs: list[SearchDocument], lang: str) -> Iterator[tuple[str, bytes]]:
    """d<n>.json: the documents shown, PART at a time, from document n × PART on."""
    for n, start in enumerate(range(0, len(docs), PART)):
        yield f"d{n}.json", compact_json({"from": start, "documents": [
            doc.shown(lang) for doc in docs[start:start + PART]]})


def files(guide: Guide, urls: Urls, catalogues: dict[str, Catalogue],
          languages: tuple[str, ...] | None = None) -> Iterator[tuple[str, bytes]]:
    """Each language's search/manifest.json and the files it names (default: every site
    language)."""
    for lang in languages or guide.content.site.languages:
        catalogue = catalogues[lang]
        types = {t: catalogue(f"search.type_{t}") for t in TYPES}
        docs = documents(guide, catalogue, urls, catalogues)
        found = search_files(docs, lang, types, guide.today.isoformat(),
                             languages=tuple(guide.content.site.languages),
                             groups=same_named(guide, docs))
        yield urls.localised(SEARCH_PAGE + MANIFEST, lang), compact_json(found.manifest)
        folder = SEARCH_PAGE + found.manifest["folder"]
        for name, data in found.files.items():
            yield urls.localised(folder + name, lang), data


def kind_of(path: str) -> str | None:
    """manifest, index, documents, facets or terms for a search file's site path, else None."""
    folder, _, name = path.rpartition("/")
    if name == MANIFEST and (folder + "/").endswith(SEARCH_PAGE):
        return "manifest"
    if not _VERSIONED.search(folder + "/"):
        return None
    numbered = _NUMBERED.fullmatch(name)
    if numbered:
        return {"i": "index", "d": "documents"}[numbered.group(1)]
    return {"facets.json": "facets", "terms.json": "terms"}.get(name)


def vendor_files(node_modules: Path) -> Iterator[tuple[str, bytes]]:
    """lunr.js and lunr-languages from node_modules → assets/vendor/; raises MissingPackage."""
    missing = [name for name in VENDOR_FILES if not (node_modules / name).is_file()]
    if missing:
        raise MissingPackage(
            f"{node_modules / missing[0]} is missing: the site search needs lunr and "
            f"lunr-languages from the npm registry; run `npm ci` in {node_modules.parent}")
    for name, target in VENDOR_FILES.items():
        yield f"assets/vendor/{target}", (node_modules / name).read_bytes()
