"""Ranking every match of a query at once: the scores Whoosh's collector gives, by whole posting lists.

Whoosh scores a match by walking its tree of matchers one document at a time: for a term of the text, a
chain of Python calls per posting (the collector, the union with the speaker field, the title bonus, the
term's BM25 scorer, the document's length column), about 3 µs each, most of a warm query's time. Here the
same tree, as Whoosh builds it for each segment, is read node by node: a term's postings a block at a
time and scored with its own BM25F scorer's numbers, unions as dictionaries, intersections from their
smaller side (skipping through the other when it is much bigger), searchidx's own matchers (the title
bonus, phrases, filters) by their ``bulk_scores``. A node of any other kind (a negation, an optional
clause) is walked as Whoosh walks it, so the scores are Whoosh's in every case (tests compare them).

Whoosh's top-N collector also drops from its count the sub-matchers that can no longer reach the top N;
here every match is counted.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left
from collections.abc import Sequence
from typing import Any

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher, _lenfield
from whoosh.matching import (
    AndNotMatcher,
    IntersectionMatcher,
    ListMatcher,
    NullMatcherClass,
    UnionMatcher,
    WrappingMatcher,
)
from whoosh.matching.wrappers import FilterMatcher
from whoosh.scoring import BM25FScorer
from whoosh.searching import Results
from whoosh.util.numeric import byte_to_length

from searchidx import budget
from searchidx.engine.whoosh.readers import _per_reader

__all__ = ["ranked", "read_postings", "score_all", "skip_to", "term_scorer", "top_scored"]


def top_scored(searcher: Any, query: Any, limit: int | None, mask: set[int] | frozenset[int]) -> Any:
    """Whoosh ``Results`` of ``query`` as ``searcher.search(query, limit=limit, mask=mask)`` ranks them
    (score, then document number), with every match counted. None when the searcher's weighting has a
    final step this does not apply."""
    scores = score_all(searcher, query, mask)
    return None if scores is None else ranked(searcher, query, scores, limit)


def score_all(searcher: Any, query: Any, mask: set[int] | frozenset[int]) -> dict[int, float] | None:
    """Every match of ``query`` but those in ``mask``: document number → score. None when the searcher's
    weighting has a final step this does not apply."""
    if searcher.weighting.use_final:
        return None
    scores: dict[int, float] = {}
    for sub, offset in searcher.leaf_searchers():
        found = _scores(query.matcher(sub, searcher.context()), sub.reader())
        if offset:
            found = {d + offset: s for d, s in found.items()}
        scores.update(found)
    if len(mask) < len(scores):
        for d in mask:
            scores.pop(d, None)
    elif mask:
        scores = {d: s for d, s in scores.items() if d not in mask}
    return scores


def ranked(searcher: Any, query: Any, scores: dict[int, float], limit: int | None,
           first: Sequence[int] | None = None) -> Any:
    """The best ``limit`` of ``scores`` (all if None) as Whoosh ``Results``, counting them all: by score,
    then document number; or first by ``first[document number]``, smallest first (a date), then so."""

    items: Any = scores.items()
    if limit == 0:
        items = []
    elif first is not None:
        if limit is not None and limit < len(scores):
            cut = heapq.nsmallest(limit, map(first.__getitem__, scores))[-1]
            items = [(d, s) for d, s in items if first[d] <= cut]
        items = sorted(items, key=lambda item: (first[item[0]], -item[1], item[0]))
    elif limit is not None and limit < len(scores):
        # The limit-th best score, then everything that reaches it (ties included), sorted: a key function
        # over every match took longer than scoring them.
        least = heapq.nlargest(limit, scores.values())[-1]
        items = [(d, s) for d, s in items if s >= least]
    best = (items if first is not None else sorted(items, key=_rank))[:limit]
    results = Results(searcher, query, [(s, d) for d, s in best], docset=set(scores))
    results._total = len(scores)  # Whoosh's Results asks its collector, which there is none of
    return results


def _rank(item: tuple[int, float]) -> tuple[float, int]:
    return -item[1], item[0]


def _scores(m: Any, reader: Any) -> dict[int, float]:
    """Document number → score for every match of the matcher ``m`` (consumed)."""
    budget.check("scoring")
    kind = type(m)
    if kind is NullMatcherClass or not m.is_active():
        return {}
    if kind is W3LeafMatcher:
        return _term_scores(m, reader)
    if kind is ListMatcher and not m._scorer:  # document numbers in hand (a date range, a prefix's words)
        ids = m._ids[m._i:] if m._i else m._ids
        if m._all_weights or not m._weights:
            weight = m._all_weights or 1.0
            return dict.fromkeys(ids, weight)
        return dict(zip(ids, m._weights[m._i:]))
    if kind is UnionMatcher:
        a, b = _scores(m.a, reader), _scores(m.b, reader)
        for d, s in b.items():
            a[d] = a[d] + s if d in a else s
        return a
    if kind is IntersectionMatcher:
        # The smaller side scored whole; the other, if much bigger, only where the first matches (Whoosh's
        # skipping, and its scores there).
        if _estimate(m.a, reader) <= _estimate(m.b, reader):
            a = _scores(m.a, reader)
            b = _scores_at(m.b, a, reader)
        else:
            b = _scores(m.b, reader)
            a = _scores_at(m.a, b, reader)
        if len(b) < len(a):
            return {d: a[d] + s for d, s in b.items() if d in a}
        return {d: s + b[d] for d, s in a.items() if d in b}
    if issubclass(kind, AndNotMatcher):  # a ANDNOT b: a's matches without b's documents
        excluded = _scores(m.b, reader)
        return {d: s for d, s in _scores(m.a, reader).items() if d not in excluded}
    if kind is FilterMatcher:
        ids, exclude, boost = m._ids, m._exclude, m.boost
        return {d: s * boost for d, s in _scores(m.child, reader).items() if (d in ids) != exclude}
    if kind is WrappingMatcher:
        boost = m.boost
        return {d: s * boost for d, s in _scores(m.child, reader).items()}
    bulk = getattr(m, "bulk_scores", None)  # searchidx's own matchers (queries.py)
    if bulk is not None:
        return bulk(lambda child: _scores(child, reader), reader)
    return _walked(m)


#: Above this many times the other side's matches, a side of an intersection is read by skipping.
SKIP_RATIO = 4


def _scores_at(m: Any, wanted: dict[int, float], reader: Any) -> dict[int, float]:
    """Scores of ``m`` at the documents of ``wanted`` it matches: all of them, or by skipping to each."""
    if _in_hand(m) or _estimate(m, reader) <= SKIP_RATIO * len(wanted):
        return _scores(m, reader)
    out = {}
    for d in sorted(wanted):
        if not m.is_active():
            break
        if m.id() < d:
            skip_to(m, d)
            if not m.is_active():
                break
        if m.id() == d:
            out[d] = m.score()
    return out


def skip_to(m: Any, target: int) -> None:
    """``m.skip_to(target)``; for Whoosh's term matcher, by bisection in the block it lands in (Whoosh's
    steps through the block a posting at a time: most of a rare word's phrase with a common one)."""

    if type(m) is not W3LeafMatcher:
        m.skip_to(target)
        return
    if not m.is_active() or target <= m.id():
        return
    while m.is_active() and target > m._maxid:
        m._next_block()
    if m.is_active():
        if m._ids is None:
            m._read_ids()
        m._i = bisect_left(m._ids, target, m._i)  # within the block: its last id is its max


def _in_hand(m: Any) -> bool:
    """Whether ``m``'s documents are a list in memory, quicker to take whole than to skip through."""

    while isinstance(m, WrappingMatcher):
        m = m.child
    return type(m) is ListMatcher and not m._scorer


def _estimate(m: Any, reader: Any) -> float:
    """How many documents ``m`` may match, from its terms' document frequencies (infinite if unknown)."""

    if isinstance(m, W3LeafMatcher):
        return reader.doc_frequency(*m.term())
    if isinstance(m, ListMatcher):
        return len(m._ids)
    if isinstance(m, UnionMatcher):
        return _estimate(m.a, reader) + _estimate(m.b, reader)
    if isinstance(m, IntersectionMatcher):
        return min(_estimate(m.a, reader), _estimate(m.b, reader))
    if isinstance(m, WrappingMatcher):  # boosts, deletions, the title bonus, filters
        return _estimate(m.child, reader)
    return float("inf")


def _walked(m: Any) -> dict[int, float]:
    """Whoosh's own walk, one match at a time."""
    out = {}
    while m.is_active():
        out[m.id()] = m.score()
        m.next()
    return out


def _term_scores(m: Any, reader: Any) -> dict[int, float]:
    """A term's postings a block at a time, scored as its BM25F scorer scores them."""
    score = term_scorer(m, reader)
    if score is None:
        return _walked(m)
    ids, weights, _values = read_postings(m)
    return {d: score(d, tf) for d, tf in zip(ids, weights)}


def read_postings(m: Any, values: bool = False) -> tuple[list[int], list[float], list[Any]]:
    """The postings of a Whoosh term matcher (``W3LeafMatcher``) from where it stands, a block at a time
    (an intersection moves it to its first match): document numbers, weights and, with ``values``, the
    encoded values (positions). The matcher is used up."""
    ids: list[int] = []
    weights: list[float] = []
    encoded: list[Any] = []
    while m.is_active():
        if m._ids is None:
            m._read_ids()
        if m._weights is None:
            m._read_weights()
        i = m._i
        ids.extend(m._ids[i:] if i else m._ids)
        weights.extend(m._weights[i:] if i else m._weights)
        if values:
            if m._values is None:
                m._read_values()
            encoded.extend(m._values[i:] if i else m._values)
        m._next_block()
    return ids, weights, encoded


def term_scorer(m: Any, reader: Any) -> Any:
    """``score(docnum, weight)`` as the BM25F scorer of the term matcher ``m`` scores a posting (``bm25``
    in whoosh.scoring, the same operations in the same order: the same floats), with the document's
    length from the segment's length column; None when ``m`` is not such a matcher."""

    scorer = getattr(m, "scorer", None)
    if type(m) is not W3LeafMatcher or type(scorer) is not BM25FScorer:
        return None
    lengths = _length_bytes(reader, m.term()[0])
    if lengths is None:
        return None
    fl, count = _LENGTHS, len(lengths)
    idf, avgfl, B, K1 = scorer.idf, scorer.avgfl, scorer.B, scorer.K1
    k1_1, b_1 = K1 + 1, 1 - B

    def score(d: int, tf: float) -> float:
        byte = lengths[d] if d < count else 0
        if not byte:  # no length (none in a posting list, but Whoosh decides what then)
            return scorer._score(tf, scorer.dfl(d))
        return idf * ((tf * k1_1) / (tf + K1 * (b_1 + B * fl[byte] / avgfl)))

    return score


def _length_bytes(reader: Any, fieldname: str) -> bytes | None:
    """A segment's length column for ``fieldname``, one byte a document (Whoosh's W3 codec), read whole
    once per reader."""

    def make() -> bytes | None:
        perdoc = getattr(reader, "_perdoc", None)
        column = perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN) if perdoc is not None else None
        if column is None or getattr(column, "_typecode", None) != "B":
            return None
        return column._dbfile.get(column._basepos, column._count)

    return _per_reader(reader, ("length bytes", fieldname), make)


def _byte_lengths() -> list[float]:
    return [0.0] + [byte_to_length(b) for b in range(1, 256)]


_LENGTHS = _byte_lengths()
