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
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

LUNR_VERSION = "2.3.9"
K1, B = 1.2, 0.75  # lunr's BM25 defaults


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


def build(documents: Sequence[dict[str, list[str]]], fields: Sequence[tuple[str, float]],
          pipeline: Sequence[str]) -> Index:
    """The index of documents (field name → its terms); refs are their positions as strings.
    fields: (name, boost) in order; pipeline: the labels of the search pipeline."""
    with no_gc():
        return _build(documents, fields, pipeline)


def _build(documents: Sequence[dict[str, list[str]]], fields: Sequence[tuple[str, float]],
           pipeline: Sequence[str]) -> Index:
    names = tuple(name for name, _ in fields)
    postings: dict[str, dict[str, Any]] = {}
    counted: list[tuple[str, str, Counter[str], int]] = []  # field ref, field, tf, length
    for number, document in enumerate(documents):
        ref = str(number)
        for name in names:
            terms = [term.lower() for term in document.get(name) or ()]  # as lunr's tokenizer
            frequencies = Counter(terms)
            for term in frequencies:
                posting = postings.get(term)
                if posting is None:
                    posting = postings[term] = {field: {} for field in names}
                    posting["_index"] = len(postings) - 1
                posting[name][ref] = {}
            counted.append((f"{name}/{ref}", name, frequencies, len(terms)))
    vectors = _vectors(counted, postings, dict(fields), len(documents))
    return Index(names, tuple(pipeline), postings, vectors)


def _average_lengths(counted: Sequence[tuple[str, str, Counter[str], int]]) -> dict[str, float]:
    totals: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for _, name, _, length in counted:
        totals[name] += length
        seen[name] += 1
    return {name: totals[name] / seen[name] for name in seen}


def _idf(posting: dict[str, Any], count: int) -> float:
    """lunr's inverse document frequency (documents counted once per field they have it in)."""
    having = sum(len(refs) for field, refs in posting.items() if field != "_index")
    x = (count - having + 0.5) / (having + 0.5)
    return math.log(1 + abs(x))


def _vectors(counted: Sequence[tuple[str, str, Counter[str], int]],
             postings: dict[str, dict[str, Any]], boosts: dict[str, float],
             count: int) -> dict[str, list[float]]:
    """Each field's BM25 vector, computed in lunr.py's order of operations (same floats)."""
    average = _average_lengths(counted)
    idf: dict[str, float] = {}
    vectors: dict[str, list[float]] = {}
    for field_ref, name, frequencies, length in counted:
        norm = K1 * (1 - B + B * (length / average[name]))
        elements = []
        for term, tf in frequencies.items():
            if term not in idf:
                idf[term] = _idf(postings[term], count)
            score = idf[term] * ((K1 + 1) * tf) / (norm + tf)
            score *= boosts[name]
            elements.append((postings[term]["_index"], round(round(score, 3), 3)))
        elements.sort()
        vectors[field_ref] = [x for pair in elements for x in pair]
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
    with no_gc():
        return _split(index, budget)


def _split(index: Index, budget: int) -> list[Shard]:
    runs = ranges(index, budget)
    shard_of = [0] * len(index.postings)  # term number → shard
    for number, terms in enumerate(runs):
        for term in terms:
            shard_of[index.postings[term]["_index"]] = number
    parts: list[dict[str, list[float]]] = [{} for _ in runs]
    for field_ref, elements in index.vectors.items():
        for number, found in _by_shard(elements, shard_of).items():
            parts[number][field_ref] = found
    return [Shard(terms[0], terms[-1], index.serialized(terms, vectors))
            for terms, vectors in zip(runs, parts, strict=True)]


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
