"""lunr 2.3.9 indexes: built in one pass, then split into shards the browser loads as needed.

`build` makes the very index lunr.py's `Builder` makes from already processed terms (the same
postings, term numbers, BM25 weights with k1 1.2 and b 0.75 rounded to three decimals, fields
and vectors in the same order: tests compare the serialisations byte for byte), without the
builder's per-token objects and copies, which took most of its time.

`split` cuts it by term into shards, each itself a lunr index (`lunr.Index.load` takes it):
terms in the order lunr.js compares strings (UTF-16 code units), cut into consecutive ranges of
about `budget` bytes, so that a term, the terms it is a prefix of and its near neighbours are in
one shard or a few adjacent ones. A shard holds its terms' postings and, of every field vector,
the elements of its terms. Loading several shards and merging them (postings side by side,
vector elements merged by term number) gives back exactly the rows of the full index that a
query over those terms reads: lunr.js scores a field as the dot product of the query vector and
the field vector divided by the query vector's own magnitude (`lunr.Vector.similarity`), so
elements of terms a query does not have change nothing, and scores and ranking equal those of
the full index. (A field vector's own magnitude is never used.)
"""

from __future__ import annotations

import gc
import math
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

LUNR_VERSION = "2.3.9"
K1, B = 1.2, 0.75  # lunr's BM25 defaults
# Every posting's metadata is an empty object; one shared dict instead of millions of equal
# ones (64 bytes each) is most of the index's memory. Nothing writes to it.
_NO_METADATA: dict[str, Any] = {}


def utf16(term: str) -> bytes:
    """Sort key: the order of JavaScript's string comparison (lunr.TokenSet needs it)."""
    return term.encode("utf-16-be", "surrogatepass")


@dataclass
class Index:
    """A built lunr index: what lunr.py's Index.serialize writes, before it is written."""

    fields: tuple[str, ...]
    pipeline: tuple[str, ...]
    postings: dict[str, dict[str, Any]]  # term → {field: {ref: {}}, …, "_index": term number}
    vectors: dict[str, list[float]]  # "field/ref" → [term number, weight, …] by term number

    def serialize(self) -> dict[str, Any]:
        """The lunr-schema dict, exactly as lunr.py serialises the same index."""
        return self.serialized(sorted(self.postings), self.vectors)

    def serialized(self, terms: Sequence[str], vectors: dict[str, list[float]]) -> dict[str, Any]:
        return {"version": LUNR_VERSION, "fields": list(self.fields),
                "fieldVectors": [[ref, elements] for ref, elements in vectors.items()],
                "invertedIndex": [[term, self.postings[term]] for term in terms],
                "pipeline": list(self.pipeline)}


def build(documents: Iterable[dict[str, list[str]]], fields: Sequence[tuple[str, float]],
          pipeline: Sequence[str]) -> Index:
    """The index of documents (field name → its terms); refs are their positions as strings.
    fields: (name, boost) in order; pipeline: the labels of the search pipeline. documents is
    read once, so it may be a generator (its terms are not all held at once)."""
    with no_gc():
        return _build(documents, fields, pipeline)


@dataclass
class _Counted:
    """One field of one document after the first pass: its term numbers and frequencies as
    pairs in an array (a few bytes each, where a Counter of strings takes a hundred)."""

    field_ref: str
    name: str
    pairs: array
    length: int


def _build(documents: Iterable[dict[str, list[str]]], fields: Sequence[tuple[str, float]],
           pipeline: Sequence[str]) -> Index:
    names = tuple(name for name, _ in fields)
    postings: dict[str, dict[str, Any]] = {}
    numbered: list[dict[str, Any]] = []  # term number → posting
    counted: list[_Counted] = []
    count = 0
    for number, document in enumerate(documents):
        count += 1
        ref = str(number)
        for name in names:
            terms = [term.lower() for term in document.get(name) or ()]  # as lunr's tokenizer
            pairs = array("q")
            for term, frequency in Counter(terms).items():
                posting = postings.get(term)
                if posting is None:
                    posting = postings[term] = {field: {} for field in names}
                    posting["_index"] = len(numbered)
                    numbered.append(posting)
                posting[name][ref] = _NO_METADATA
                pairs.append(posting["_index"])
                pairs.append(frequency)
            counted.append(_Counted(f"{name}/{ref}", name, pairs, len(terms)))
    vectors = _vectors(counted, numbered, dict(fields), count)
    return Index(names, tuple(pipeline), postings, vectors)


def _average_lengths(counted: Sequence[_Counted]) -> dict[str, float]:
    totals: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for field in counted:
        totals[field.name] += field.length
        seen[field.name] += 1
    return {name: totals[name] / seen[name] for name in seen}


def _idf(posting: dict[str, Any], count: int) -> float:
    """lunr's inverse document frequency (documents counted once per field they have it in)."""
    having = sum(len(refs) for field, refs in posting.items() if field != "_index")
    x = (count - having + 0.5) / (having + 0.5)
    return math.log(1 + abs(x))


def _vectors(counted: list[_Counted], numbered: list[dict[str, Any]],
             boosts: dict[str, float], count: int) -> dict[str, list[float]]:
    """Each field's BM25 vector, computed in lunr.py's order of operations (same floats).
    Each field's pairs are dropped once its vector is made."""
    average = _average_lengths(counted)
    idf: list[float | None] = [None] * len(numbered)
    weights: dict[float, float] = {}  # each rounded weight one object, shared by all vectors
    vectors: dict[str, list[float]] = {}
    for position, field in enumerate(counted):
        norm = K1 * (1 - B + B * (field.length / average[field.name]))
        boost = boosts[field.name]
        elements = []
        pairs = iter(field.pairs)
        for term, tf in zip(pairs, pairs, strict=True):
            term_idf = idf[term]
            if term_idf is None:
                term_idf = idf[term] = _idf(numbered[term], count)
            score = term_idf * ((K1 + 1) * tf) / (norm + tf)
            score *= boost
            weight = round(round(score, 3), 3)
            elements.append((term, weights.setdefault(weight, weight)))
        elements.sort()
        # the term number object the posting holds, so vectors share it rather than copy it
        vectors[field.field_ref] = [x for term, weight in elements
                                    for x in (numbered[term]["_index"], weight)]
        counted[position] = None  # type: ignore[call-overload]
    return vectors


@dataclass(frozen=True)
class Shard:
    """A consecutive range of terms (in utf16 order), from first to last, and its lunr index."""

    first: str
    last: str
    index: dict[str, Any]


def _cost(term: str, posting: dict[str, Any]) -> int:
    """About the bytes a term adds to a shard: its posting, and a vector element for each
    field of each document that has it."""
    having = sum(len(refs) for field, refs in posting.items() if field != "_index")
    return len(term) + 40 + 25 * having


def ranges(index: Index, budget: int) -> list[list[str]]:
    """The terms in utf16 order cut into consecutive runs of about budget bytes each (a term
    larger than budget alone)."""
    runs: list[list[str]] = []
    size = budget
    for term in sorted(index.postings, key=utf16):
        cost = _cost(term, index.postings[term])
        if size + cost > budget and (not runs or runs[-1]):
            runs.append([])
            size = 0
        runs[-1].append(term)
        size += cost
    return runs


@contextmanager
def no_gc() -> Iterator[None]:
    """Without the cycle collector, which would walk the millions of new lists again and again
    (none of them in a cycle)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def split(index: Index, budget: int) -> list[Shard]:
    """The index as shards of about budget bytes of terms each, in term order."""
    return list(shards(index, budget))


def shards(index: Index, budget: int) -> Iterator[Shard]:
    """split's shards one at a time: a shard's vectors are let go once it is taken, so a caller
    that writes each out holds one shard's worth, not a second copy of the index."""
    with no_gc():
        runs = ranges(index, budget)
        shard_of = [0] * len(index.postings)  # term number → shard
        for number, terms in enumerate(runs):
            for term in terms:
                shard_of[index.postings[term]["_index"]] = number
        parts: list[dict[str, list[float]] | None] = [{} for _ in runs]
        for field_ref, elements in index.vectors.items():
            for number, found in _by_shard(elements, shard_of).items():
                parts[number][field_ref] = found  # type: ignore[index]
        for number, terms in enumerate(runs):
            vectors, parts[number] = parts[number], None
            yield Shard(terms[0], terms[-1], index.serialized(terms, vectors or {}))


def _by_shard(elements: list[float], shard_of: list[int]) -> dict[int, list[float]]:
    """A vector's elements grouped by the shard of their term, each group by term number."""
    groups: dict[int, list[float]] = {}
    pairs = iter(elements)
    for term, weight in zip(pairs, pairs, strict=True):
        number = shard_of[int(term)]
        found = groups.get(number)
        if found is None:
            groups[number] = [term, weight]
        else:
            found += (term, weight)
    return groups
