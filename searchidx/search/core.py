"""Searching an `Index`: query checking and parsing, filters, ranked hits with highlights and context,
collapsed duplicates, facets, a timeline, "did you mean", speakers and stats.

The library never prints or exits: a query it cannot run raises `QueryError` with a ``hint``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from searchidx.errors import QueryError

if TYPE_CHECKING:
    from searchidx.index.core import Index

#: Fields a bare word is looked up in, and how much a match in each counts (BM25F).
DEFAULT_FIELDS = ("text", "speaker")
FIELD_BOOSTS = {"speaker": 2.0}
#: How much a bare word found in the release's title adds: the title raises a paragraph that matches
#: on its own but matches nothing alone (else one title word would return every paragraph of a release).
TITLE_BOOST = 2.0
#: Field names users may write in a query, and the schema field each stands for.
FIELD_ALIASES = {"speaker": "speaker", "role": "role", "title": "title", "source": "source", "kind": "kind",
                 "location": "location", "date": "day", "text": "text", "year": "year",
                 "release": "release", "id": "release"}
#: Stemmed fields and their unstemmed copies, where prefix and fuzzy queries are looked up.
EXACT_FIELDS = {"text": "text_exact", "title": "title_exact"}
#: Facets users may ask for, and the (sortable) field each counts.
FACETS = {"speaker": "speaker_key", "source": "source_key", "year": "day", "location": "location_key"}
#: Shortest prefix a `word*` query accepts: shorter ones expand to too many words to be quick or useful.
MIN_PREFIX = 3
KINDS = ("body", "pullquote", "caption", "about")


@dataclass
class Context:
    """A paragraph shown around a hit (``-C N``)."""

    n: int
    kind: str
    speaker: str | None
    text: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Hit:
    """One matching paragraph, with the fields of `search --json`."""

    id: str
    path: str
    n: int
    kind: str
    speaker: str | None
    speaker_role: str | None
    title: str | None
    date: str | None
    source: str | None
    location: str | None
    url: str | None
    score: float
    text: str
    #: [start, end) character offsets of the matched words in ``text``.
    highlights: list[tuple[int, int]] = field(default_factory=list)
    #: The folded full name that identifies the speaker across releases.
    speaker_key: str | None = None
    #: Ids of the other matching paragraphs with the same normalised text (syndicated copies).
    duplicates: list[str] = field(default_factory=list)
    #: The releases of those copies: {"id", "title", "date", "source"}.
    duplicate_releases: list[dict[str, Any]] = field(default_factory=list)
    context_before: list[Context] = field(default_factory=list)
    context_after: list[Context] = field(default_factory=list)

    @property
    def release(self) -> str:
        return self.id.split("#", 1)[0]

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["highlights"] = [list(h) for h in self.highlights]
        return d


@dataclass
class FacetValue:
    value: str | int
    label: str
    count: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class SearchResults:
    query: str
    #: Matching paragraphs (before duplicates are collapsed).
    total: int
    page: int
    limit: int
    hits: list[Hit]
    #: Always true: every match is counted (kept for callers of versions that gave a bound above 250,000).
    total_exact: bool = True
    #: A corrected query when some words are not in the index (or much rarer than a close one).
    suggestion: str | None = None
    #: facet name → values, most matches first.
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    #: ("YYYY-MM", matching paragraphs) for every month from the first match to the last.
    timeline: list[tuple[str, int]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"query": self.query, "total": self.total, "total_exact": self.total_exact, "page": self.page, "limit": self.limit,
                "suggestion": self.suggestion, "hits": [h.to_dict() for h in self.hits],
                "facets": {k: [v.to_dict() for v in vs] for k, vs in self.facets.items()},
                "timeline": [list(t) for t in self.timeline]}


@dataclass
class SpeakerSummary:
    name: str
    key: str
    roles: list[str]
    paragraphs: int
    releases: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Stats:
    releases: int
    paragraphs: int
    speakers: int
    first_date: str | None
    last_date: str | None
    size_bytes: int
    last_update: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# -- checking and parsing a query ----------------------------------------------------------------

_FIELD_RE = re.compile(r"(?<![\w:/])([A-Za-z_]\w*):(?!//)")
_DATE_RE = re.compile(r"\b(?:date|day|year):(\[[^\]]*\]|\{[^}]*\}|[<>]=?\S+|\S+)", re.I)


def check_query(text: str) -> None:
    """Raise `QueryError` for what Whoosh's lenient parser would silently misread."""
    if text.count('"') % 2:
        raise QueryError(f"unbalanced quote in {text!r}", hint='close the phrase with a second " (or remove it)')
    depth = 0
    for i, part in enumerate(text.split('"')):
        if i % 2:  # inside a phrase
            continue
        for ch in part:
            depth += (ch == "(") - (ch == ")")
            if depth < 0:
                raise QueryError(f"unbalanced parenthesis in {text!r}: ')' without '('",
                                 hint="remove it or add the '(' it closes")
    if depth:
        raise QueryError(f"unbalanced parenthesis in {text!r}: '(' without ')'", hint="add the ')' that closes it")
    unquoted = " ".join(p for i, p in enumerate(text.split('"')) if i % 2 == 0)
    for m in _FIELD_RE.finditer(unquoted):
        name = m.group(1)
        if name.lower() not in FIELD_ALIASES and name.lower() != "day":
            known = ", ".join(f"{f}:" for f in ("speaker", "role", "title", "source", "kind", "location", "date"))
            raise QueryError(f"unknown field {name + ':'!r} in {text!r}",
                             hint=f"fields are {known}; to search the word itself, put it in quotes")
    for m in re.finditer(r"\bkind:(\w+)", unquoted):
        if m.group(1).lower() not in KINDS:
            raise QueryError(f"unknown kind {m.group(1)!r}", hint="kinds are " + ", ".join(KINDS))


def _day_bounds(value: str, what: str) -> tuple[int, int]:
    """YYYY, YYYY-MM or YYYY-MM-DD → (first day, last day) as yyyymmdd integers."""
    text = value.strip()
    try:
        if re.fullmatch(r"\d{4}", text):
            first, last = dt.date(int(text), 1, 1), dt.date(int(text), 12, 31)
        elif re.fullmatch(r"\d{4}-\d{1,2}", text):
            y, m = (int(x) for x in text.split("-"))
            first = dt.date(y, m, 1)
            last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        else:
            first = last = dt.date.fromisoformat(text)
    except ValueError:
        raise QueryError(f"{what}: {value!r} is not a date",
                         hint="write it as YYYY, YYYY-MM or YYYY-MM-DD, a real day (e.g. 2023-08-25)") from None
    return _yyyymmdd(first), _yyyymmdd(last)


def _yyyymmdd(day: dt.date) -> int:
    return day.year * 10000 + day.month * 100 + day.day


_MINUS = re.compile(r"(?:(?<=[\s(])|^)-(?=[^\W_]|[\"(])")


def _minus_as_not(text: str) -> str:
    """``-word``, ``-"a phrase"``, ``-(a group)`` as ``NOT ...``, outside quotes: Whoosh's parser dropped
    the minus and required the word (``mayor -police`` found paragraphs with both)."""
    return _MINUS.sub(lambda m: m.group() if text.count('"', 0, m.start()) % 2 else "NOT ", text)


def _rewrite_dates(text: str) -> str:
    """``date:2023`` (or ``year:2023``), ``date:[2023-01 to 2023-06-15]``, ``date:>=2023-05`` → ranges on the
    integer ``day``."""

    def one(m: re.Match[str]) -> str:
        value = m.group(1)
        if value[0] in "[{":
            inner = value[1:-1]
            parts = re.split(r"\s*\bto\b\s*", inner.strip(), flags=re.I)
            if len(parts) != 2:
                raise QueryError(f"date range {value!r} needs two ends", hint="write date:[2023-01-01 to 2023-12-31]")
            lo = _day_bounds(parts[0], "date")[0] if parts[0].strip() else None
            hi = _day_bounds(parts[1], "date")[1] if parts[1].strip() else None
        elif value[0] in "<>":
            op = re.match(r"[<>]=?", value).group(0)
            first, last = _day_bounds(value[len(op):], "date")
            lo, hi = {">": (last + 1, None), ">=": (first, None), "<": (None, first - 1), "<=": (None, last)}[op]
        else:
            lo, hi = _day_bounds(value, "date")
        return f"day:[{lo if lo is not None else 0} TO {hi if hi is not None else 99991231}]"

    return _DATE_RE.sub(one, text)


def parse_query(index: Index, text: str, *, schema: Any = None):
    """The Whoosh query for a user's query string (see README, Searching), checked first. ``schema``: the
    index's, if at hand (asking the index for it reads its table of contents)."""
    check_query(text)
    rewritten = _rewrite_dates(_minus_as_not(text))
    if schema is None:
        with _searcher(index) as s:
            schema = s.schema
    try:
        query = _parser(schema).parse(rewritten)
    except Exception as exc:  # noqa: BLE001 - whoosh raises assorted errors for odd input
        raise QueryError(f"cannot parse query {text!r}: {exc}", hint="check quotes and parentheses") from None
    query = _days_from_column(_route_expanding(query))
    return _unions_as_trees(_with_title_bonus(_titles_to_paragraphs(_safe_and_nots(query))))


def _safe_and_nots(q: Any) -> Any:
    """``a ANDNOT b`` as `_and_not`'s query, whose matcher skips safely (Whoosh's fails beside another clause)."""
    from whoosh import query as Q

    if hasattr(q, "children") and q.children():
        q = q.apply(_safe_and_nots)
    if type(q) is Q.AndNot:
        return _and_not()(q.a, q.b)
    return q


@cache
def _and_not() -> type:
    from whoosh import matching
    from whoosh import query as Q

    class SafeAndNotMatcher(matching.AndNotMatcher):
        def skip_to(self, id: int) -> None:
            # Whoosh's goes on to the excluded side after this side is spent, and asks it where this is
            # (IndexError): `(alph* ANDNOT beta) gamma`, or any ANDNOT beside a date filter.
            if not self.a.is_active():
                raise matching.ReadTooFar
            if id < self.a.id():
                return
            self.a.skip_to(id)
            if self.a.is_active() and self.b.is_active():
                self.b.skip_to(id)
                self._find_next()

    class SafeAndNot(Q.AndNot):
        def matcher(self, searcher: Any, context: Any = None) -> Any:
            return SafeAndNotMatcher(self.a.matcher(searcher, context),
                                     self.b.matcher(searcher, searcher.boolean_context()))

    return SafeAndNot


def _unions_as_trees(q: Any) -> Any:
    """OR matched by Whoosh's tree of union matchers, never by its preloaded array (which it picks for
    three words or more in a small index): searchidx.engine.whoosh.collecting reads the tree's sides as whole posting
    lists, the array only a document at a time; and the array's ``max_quality`` is its best word's, not
    their sum, which misleads anything that prunes by it (whoosh3 3.54)."""
    from whoosh import query as Q

    if hasattr(q, "children") and q.children():
        q = q.apply(_unions_as_trees)
    if type(q) is Q.Or:
        q.matcher_type = Q.Or.DEFAULT_MATCHER
    return q


#: Query parsers by schema (id → (schema, parser)); a schema is not hashable.
_PARSERS: dict[int, tuple[Any, Any]] = {}


def _parser(schema: Any) -> Any:
    """The query parser for an index's schema, made once per schema (making one is a third of parsing)."""
    from whoosh import qparser

    held = _PARSERS.get(id(schema))
    if held is not None and held[0] is schema:
        return held[1]
    parser = _parser_class()(None, schema, phraseclass=_pair_phrase())
    parser.add_plugin(qparser.MultifieldPlugin(list(DEFAULT_FIELDS), fieldboosts=FIELD_BOOSTS, group=_fields_group()))
    parser.add_plugin(qparser.GtLtPlugin())
    parser.add_plugin(qparser.FuzzyTermPlugin())
    parser.add_plugin(qparser.FieldAliasPlugin({"release": ["id"]}))
    if len(_PARSERS) >= 8:  # schemas of indexes opened and dropped
        _PARSERS.clear()
    _PARSERS[id(schema)] = (schema, parser)
    return parser


@cache
def _parser_class() -> type:
    from whoosh import qparser
    from whoosh import query as Q

    from searchidx.engine.whoosh.schema import name_analyzer

    class Parser(qparser.QueryParser):
        def term_query(self, fieldname: str, text: str, termclass: Any, boost: float = 1.0, tokenize: bool = True,
                       removestops: bool = True) -> Any:
            """Prefixes, wildcards and fuzzy words on a stemmed field with an unstemmed copy as written,
            folded like a name: the field's own analyser stemmed them (``tras*`` became ``tra*`` and found
            traffic; they are looked up in the copy, see `_route_expanding`)."""
            if fieldname in EXACT_FIELDS and issubclass(termclass, (Q.Prefix, Q.Wildcard, Q.FuzzyTerm)):
                texts = [t.text for t in name_analyzer()(text, mode="query", tokenize=False, removestops=False)]
                return termclass(fieldname, texts[0], boost=boost) if texts else None
            return super().term_query(fieldname, text, termclass, boost, tokenize, removestops)

    return Parser


@cache
def _fields_group() -> type:
    from whoosh import query as Q
    from whoosh.qparser import syntax

    class FieldsGroup(syntax.GroupNode):
        """A word in each default field: an OR that is not Whoosh's OrGroup, which the parser would take
        as the OR of ``word^3 OR other`` and put ``other`` in, boosted with the word (whoosh3 3.54)."""

        qclass = Q.Or

    return FieldsGroup


@cache
def _pair_phrase() -> type:
    from whoosh import matching
    from whoosh import query as Q

    class PairPhrase(Q.Phrase):
        """A phrase in the text that looks up its runs of two common words in the ``pairs`` field (see
        schema.py): two words are one term read like a word; a longer phrase checks word positions only
        in the paragraphs that hold all its pairs. Elsewhere (other fields, a slop, rare words, an index
        without pairs) it is Whoosh's phrase."""

        def _pairs(self, schema: Any) -> list[str] | None:
            if self.fieldname != "text" or self.slop != 1 or len(self.words) < 2 or "pairs" not in schema:
                return None
            common = _pair_words(schema["pairs"])
            pairs = [f"{a} {b}" for a, b in zip(self.words, self.words[1:]) if a in common and b in common]
            return pairs or None

        def estimate_size(self, ixreader: Any) -> int:
            pairs = self._pairs(ixreader.schema)
            if not pairs:
                return super().estimate_size(ixreader)
            return min(ixreader.doc_frequency("pairs", p) for p in pairs)

        def matcher(self, searcher: Any, context: Any = None) -> Any:
            if self.fieldname != "text" or self.slop != 1 or len(self.words) < 2:
                return super().matcher(searcher, context)
            reader = searcher.reader()
            pairs = self._pairs(searcher.schema) or []
            if any(("text", w) not in reader for w in self.words) or any(("pairs", p) not in reader for p in pairs):
                return matching.NullMatcher()
            by_pair = [Q.Term("pairs", p).matcher(searcher, context) for p in pairs]
            if len(self.words) == 2 and by_pair:  # the pair is the phrase
                m = by_pair[0]
                return matching.WrappingMatcher(m, boost=self.boost) if self.boost != 1.0 else m
            words = [Q.Term("text", w).matcher(searcher, context) for w in self.words]
            return InOrder(words, by_pair, self.boost)

    class InOrder(matching.Matcher):
        """The paragraphs that hold the phrase's words one after the other. Candidates come from its pairs
        when it has some (few paragraphs, as a rule), else from its words, and score by those: by the
        words, as Whoosh scores a phrase; by the pairs, as a phrase of two common words scores (one BM25
        term, which weighs the phrase itself rather than its words apart). One flat matcher: Whoosh's
        phrase is a tree of span matchers."""

        def __init__(self, words: list[Any], pairs: list[Any], boost: float = 1.0) -> None:
            self.words, self.pairs, self.boost = words, pairs, boost
            self.drivers = pairs or words
            self._active = True
            self._settle()

        def _settle(self) -> None:
            """Move to the first paragraph, from where the candidates stand, that holds the whole phrase:
            the first driver leapfrogs to wherever another one lands beyond it."""
            from searchidx.engine.whoosh.collecting import skip_to

            first, *rest = self.drivers
            while True:
                # Any driver may be spent: a skip past its end, or deletions (a segment's matchers that
                # skip deleted paragraphs can be spent from the start).
                if not all(m.is_active() for m in self.drivers):
                    self._active = False
                    return
                target = first.id()
                for m in rest:
                    if m.id() < target:
                        skip_to(m, target)
                        if not m.is_active():
                            self._active = False
                            return
                    if m.id() > target:
                        skip_to(first, m.id())
                        break
                else:
                    if self._aligned(target) and self._in_order():
                        return
                    if not self._active:
                        return
                    first.next()

        def _aligned(self, target: int) -> bool:
            """Whether the words are at ``target`` too (the drivers are the pairs: their paragraphs have
            the words, which come there)."""
            if not self.pairs:
                return True
            from searchidx.engine.whoosh.collecting import skip_to

            for m in self.words:
                if m.is_active() and m.id() < target:
                    skip_to(m, target)
                if not m.is_active():
                    self._active = False
                    return False
            return all(m.id() == target for m in self.words)

        def _in_order(self) -> bool:
            starts = self.words[0].value_as("positions")
            for i, m in enumerate(self.words[1:], 1):
                held = set(m.value_as("positions"))
                starts = [p for p in starts if p + i in held]
                if not starts:
                    return False
            return True

        def is_active(self) -> bool:
            return self._active

        def bulk_scores(self, scores_of: Any, reader: Any) -> dict[int, float]:  # searchidx.engine.whoosh.collecting
            """Every match at once: the candidates are the drivers' common documents (sets of whole
            posting lists, not a walk skipping from one to the next), then the words' positions there."""
            from searchidx.engine.whoosh.collecting import SKIP_RATIO, read_postings, term_scorer

            if not self._active:
                return {}
            matchers = [*self.words, *self.pairs]
            scorers = [term_scorer(m, reader) for m in matchers]
            if any(f is None for f in scorers):
                return _walk(self)
            sizes = [reader.doc_frequency(*m.term()) for m in matchers]
            if max(sizes) > SKIP_RATIO * min(sizes):  # a rare word: skipping to its documents reads less
                return _walk(self)
            read = [read_postings(m, values=i < len(self.words)) for i, m in enumerate(matchers)]
            words, pairs = read[:len(self.words)], read[len(self.words):]
            common = set(words[0][0]).intersection(*(ids for ids, _w, _v in read[1:]))
            decode = self.words[0].format.decoder("positions")
            at = [dict(zip(ids, range(len(ids)))) for ids, _w, _v in read]
            scoring = list(zip(scorers[len(self.words):], pairs, at[len(self.words):])) if pairs else \
                list(zip(scorers, words, at))
            boost = self.boost
            out = {}
            for d in sorted(common):
                starts = decode(words[0][2][at[0][d]])
                for i in range(1, len(words)):
                    held = set(decode(words[i][2][at[i][d]]))
                    starts = [p for p in starts if p + i in held]
                    if not starts:
                        break
                if starts:
                    out[d] = boost * sum(score(d, post[1][where[d]]) for score, post, where in scoring)
            return out

        def id(self) -> int:
            return self.drivers[0].id()

        def next(self) -> None:
            self.drivers[0].next()
            self._settle()

        def skip_to(self, target: int) -> None:
            from searchidx.engine.whoosh.collecting import skip_to

            if self._active and self.id() < target:
                for m in self.drivers:
                    if m.is_active() and m.id() < target:
                        skip_to(m, target)
                self._settle()

        def score(self) -> float:
            return self.boost * sum(m.score() for m in self.drivers)

        def max_quality(self) -> float:
            return self.boost * sum(m.max_quality() for m in self.drivers)

        def supports_block_quality(self) -> bool:
            return False  # every candidate's positions are read anyway: one pass counts the matches too

        def supports(self, astype: str) -> bool:
            return False

        def copy(self) -> Any:
            return InOrder([m.copy() for m in self.words], [m.copy() for m in self.pairs], self.boost)

        def replace(self, minquality: float = 0) -> Any:
            return self if self._active else matching.NullMatcher()

    return PairPhrase


def _walk(m: Any) -> dict[int, float]:
    from searchidx.engine.whoosh.collecting import _walked

    return _walked(m)


def _pair_words(field: Any) -> frozenset[str]:
    """The common words of the index's ``pairs`` field (its analyzer's, as the index was built)."""
    from searchidx.engine.whoosh.fields import PairFilter

    for item in getattr(field.analyzer, "items", ()):
        if isinstance(item, PairFilter):
            return item.words
    return frozenset()


def _days_from_column(q: Any) -> Any:
    """Ranges on the ``day`` field (``date:``, ``year:``) read from its column (`_day_range`)."""
    from whoosh import query as Q

    if isinstance(q, Q.NumericRange) and q.fieldname == "day":
        return _day_range()(q.fieldname, q.start, q.end, startexcl=q.startexcl, endexcl=q.endexcl, boost=q.boost)
    if hasattr(q, "children") and q.children():
        return q.apply(_days_from_column)
    return q


def _scoring_boost(ids: list[int], boost: float) -> Any:
    """A matcher of ``ids`` (sorted) that each score ``boost``."""
    from whoosh.matching import ListMatcher, NullMatcher, WrappingMatcher

    if not ids:
        return NullMatcher()
    if not boost:  # ListMatcher reads a weight of 0 as "none given", which scores 1
        return WrappingMatcher(ListMatcher(ids), boost=0.0)
    return ListMatcher(ids, all_weights=boost)


@cache
def _day_range() -> type:
    from bisect import bisect_left, bisect_right

    from whoosh import query as Q

    class DayRange(Q.NumericRange):
        """A range of days found by two bisections in the segment's paragraphs sorted by day (made once
        per segment reader from the ``day`` column), not by Whoosh's union of the range's terms: a year
        is hundreds of day terms, and walking their union took 25-70 ms a query. Matches score the
        boost, as Whoosh's range does."""

        def _bounds(self) -> tuple[int, int]:
            lo = -(2**63) if self.start is None else self.start + bool(self.startexcl)
            hi = 2**63 if self.end is None else self.end - bool(self.endexcl)
            return lo, hi

        def _ids(self, reader: Any) -> list[int] | None:
            ids: list[int] = []
            field = reader.schema[self.fieldname]
            lo, hi = self._bounds()
            if lo > hi or lo > field.max_value or hi < field.min_value:
                return ids
            # The column holds Whoosh's sortable form of each day, in the same order.
            lo, hi = field.to_column_value(max(lo, field.min_value)), field.to_column_value(min(hi, field.max_value))
            for leaf, base in reader.leaf_readers():
                by_day = _days_sorted(leaf, self.fieldname)
                if by_day is None:
                    return None
                days, docs = by_day
                found = sorted(docs[bisect_left(days, lo):bisect_right(days, hi)])
                if leaf.has_deletions():
                    found = [d for d in found if not leaf.is_deleted(d)]
                ids.extend([d + base for d in found] if base else found)
            return ids

        def matcher(self, searcher: Any, context: Any = None) -> Any:
            ids = self._ids(searcher.reader())
            if ids is None:  # no column (an index from before it had one): the terms
                return super().matcher(searcher, context)
            return _scoring_boost(ids, self.boost)

        def estimate_size(self, ixreader: Any) -> int:
            ids = self._ids(ixreader)
            return super().estimate_size(ixreader) if ids is None else len(ids)

        def estimate_min_size(self, ixreader: Any) -> int:
            return self.estimate_size(ixreader)

        def terms(self, phrases: bool = False) -> Iterator[Any]:
            return iter(())  # nothing to highlight, and no need to expand hundreds of day terms

        def expanded_terms(self, ixreader: Any, phrases: bool = True) -> Iterator[Any]:
            return iter(())

    return DayRange


def _days_sorted(leaf: Any, fieldname: str) -> tuple[list[int], list[int]] | None:
    """A segment's dated documents sorted by day: (days as the column stores them, Whoosh's sortable
    integers; document numbers). None without the column, or one not of Whoosh's numeric kind."""
    from bisect import bisect_left

    def make() -> tuple[list[int], list[int]] | None:
        values = _numeric_column(leaf, fieldname)
        if values is None:
            return None
        order = sorted(range(len(values)), key=values.__getitem__)
        days = [values[d] for d in order]
        # A document without a day holds the field's default, its largest value: they sort last.
        field = leaf.schema[fieldname]
        undated = bisect_left(days, field.to_column_value(field.default))
        return days[:undated], order[:undated]

    return _per_reader(leaf, ("days", fieldname), make) if leaf.has_column(fieldname) else None


def _numeric_column(leaf: Any, fieldname: str) -> list[int] | None:
    """A segment's numeric column as stored (one read and an array, where reading it a document at a time
    took 45 ms a segment of 45k paragraphs, most of a cold date search)."""
    import sys
    from array import array

    from whoosh.columns import NumericColumn

    column = leaf.column_reader(fieldname, translate=False)
    if type(column) is not NumericColumn.Reader:
        return None
    values = array(column._typecode)
    values.frombytes(column._dbfile.get(column._basepos, column._count * values.itemsize))
    if sys.byteorder == "little":  # stored big-endian ("!")
        values.byteswap()
    return values.tolist() + [column._default] * (leaf.doc_count_all() - column._count)


def _titles_to_paragraphs(q: Any) -> Any:
    """Parts of the query on the title (only file records have one) made to match those releases' paragraphs."""
    if getattr(q, "fieldname", None) in ("title", "title_exact"):
        return _nested()(q.with_boost(1.0), boost=q.boost)  # the nested matcher scores its own boost only
    if hasattr(q, "children") and q.children():
        return q.apply(_titles_to_paragraphs)
    return q


@cache
def _nested() -> type:
    from whoosh.query.nested import NestedChildren

    class ParagraphsOf(NestedChildren):
        """The paragraphs of the releases whose file record matches ``subq``: the documents written after
        such a record up to the next file record (index.py writes a release that way)."""

        def __init__(self, subq: Any, boost: float = 1.0) -> None:
            super().__init__(None, subq, boost=boost)

        def _rewrap(self, child: Any) -> Any:
            return ParagraphsOf(child, boost=self.boost)

        def matcher(self, searcher: Any, context: Any = None) -> Any:
            from whoosh import matching

            m = self.child.matcher(searcher, context)
            if not m.is_active():
                return matching.NullMatcher()
            return Paragraphs(_file_records(searcher), m, searcher.doc_count_all(),
                              searcher.reader().is_deleted, boost=self.boost)

    class Paragraphs(NestedChildren.NestedChildMatcher):
        """Whoosh's NestedChildMatcher passes block quality and skip_to_quality on to the matcher of the
        file records it wraps, whose documents are not the ones it matches: a union of two of them (a title
        word matched twice) can then loop forever in UnionMatcher.skip_to_quality, without moving (seen on
        an index of many segments with "district attorney"). Without block quality Whoosh scores its
        matches one by one: the same results, never a loop."""

        def supports_block_quality(self) -> bool:
            return False

    return ParagraphsOf


_PER_READER: Any = None


def _per_reader(reader: Any, key: Any, make: Any) -> Any:
    """``make()``, computed once per Whoosh reader and ``key``: a reader sees one state of the index, and
    its entries go with it (Whoosh matches segment by segment, each with its own reader)."""
    import weakref

    global _PER_READER
    if _PER_READER is None:
        _PER_READER = weakref.WeakKeyDictionary()
    table = _PER_READER.setdefault(reader, {})
    if key not in table:
        table[key] = make()
    return table[key]


def _file_records(searcher: Any) -> Any:
    """The document numbers of every file record, as a BitSet."""
    from whoosh import query as Q
    from whoosh.idsets import BitSet

    reader = searcher.reader()
    return _per_reader(reader, "file records", lambda: BitSet(
        searcher.docs_for_query(Q.Term("doctype", "file")), size=reader.doc_count_all()))


def _with_title_bonus(q: Any) -> Any:
    """``q``, its matches scored higher where the release's title holds one of its (not negated) words."""
    from whoosh import query as Q

    words: dict[str, None] = {}

    def walk(node: Any) -> None:
        if isinstance(node, Q.Not) or not getattr(node, "boost", 1.0):  # word^0 adds nothing, nor its title bonus
            return
        if isinstance(node, Q.Term) and node.fieldname == "text":
            words[node.text] = None
        elif isinstance(node, Q.Phrase) and node.fieldname == "text":
            words.update(dict.fromkeys(node.words))
        for child in node.children() if hasattr(node, "children") else ():
            walk(child)

    walk(q)
    if not words:
        return q
    # One bonus per title word found: a paragraph whose release title holds more of the words ranks higher.
    return _title_bonus()(q, tuple(words))


@cache
def _title_bonus() -> type:
    from bisect import bisect_right

    from whoosh.matching import WrappingMatcher
    from whoosh.query.wrappers import WrappingQuery

    class TitleBonus(WrappingQuery):
        """``child``, each match scoring TITLE_BOOST more for each of ``words`` in its release's title: what
        AndMaybe(child, Or(paragraphs of the releases titled with each word)) scores, without walking a
        tree of nested matchers beside every match (0.8 ms of a 3.5 ms query)."""

        def __init__(self, child: Any, words: tuple[str, ...]) -> None:
            super().__init__(child)
            self.words = words

        def __eq__(self, other: object) -> bool:
            return type(other) is type(self) and self.child == other.child and self.words == other.words

        def __hash__(self) -> int:
            return hash((type(self).__name__, self.child, self.words))

        def __repr__(self) -> str:
            return f"TitleBonus({self.child!r}, {self.words!r})"

        def _rewrap(self, child: Any) -> Any:
            return TitleBonus(child, self.words)

        def matcher(self, searcher: Any, context: Any = None) -> Any:
            # replace(): without the words a segment lacks (a bare word's Or of text and speaker is then the
            # text's matcher alone, not a union that steps through every match); Whoosh only does that when
            # it skips by block quality, which an exact count turns off.
            m = self.child.matcher(searcher, context).replace()
            if not m.is_active():
                return m
            reader = searcher.reader()
            from whoosh.codec.whoosh3 import W3LeafMatcher

            from searchidx.engine.whoosh.collecting import read_postings

            titled: dict[int, int] = {}  # file record → how many of the words its title holds
            for w in self.words:
                if ("title", w) in reader:
                    postings = reader.postings("title", w)
                    records = read_postings(postings)[0] if type(postings) is W3LeafMatcher else postings.all_ids()
                    for record in records:
                        titled[record] = titled.get(record, 0) + 1
            if not titled:
                return m
            records = _file_record_list(searcher)
            end = reader.doc_count_all()
            starts, ends, bonuses = [], [], []
            for record in sorted(titled):
                i = bisect_right(records, record)
                starts.append(record + 1)
                ends.append(records[i] if i < len(records) else end)
                bonuses.append(TITLE_BOOST * titled[record])
            return Bonus(m, starts, ends, bonuses)

    class Bonus(WrappingMatcher):
        """Adds to the child's score the bonus of the stretch of documents it is in: the paragraphs after a
        titled file record up to the next record (index.py writes a release that way). The matches go
        forward, and so does the stretch looked at: one comparison a match."""

        def __init__(self, child: Any, starts: list[int], ends: list[int], bonuses: list[float]) -> None:
            super().__init__(child)
            self.starts, self.ends, self.bonuses = starts, ends, bonuses
            self.most = max(bonuses)
            self._i, self._start, self._end, self._bonus = 0, -1, -1, 0.0

        def copy(self) -> Any:
            return Bonus(self.child.copy(), self.starts, self.ends, self.bonuses)

        def _replacement(self, newchild: Any) -> Any:
            m = Bonus(newchild, self.starts, self.ends, self.bonuses)
            m._i = self._i  # goes on from where this one stands
            return m

        def reset(self) -> None:
            self.child.reset()
            self._i, self._start, self._end = 0, -1, -1

        def replace(self, minquality: float = 0) -> Any:
            r = self.child.replace(minquality - self.most if minquality else 0)
            if not r.is_active():
                return r
            return self if r is self.child else self._replacement(r)

        def max_quality(self) -> float:
            return self.child.max_quality() + self.most

        def block_quality(self) -> float:
            return self.child.block_quality() + self.most

        def skip_to_quality(self, minquality: float) -> int:
            return self.child.skip_to_quality(minquality - self.most)

        def weight(self) -> float:
            return self.child.weight()

        def score(self) -> float:
            child = self.child
            docnum = child.id()
            if docnum >= self._end:
                self._seek(docnum)
            if docnum >= self._start:
                return child.score() + self._bonus
            return child.score()

        def bulk_scores(self, scores_of: Any, reader: Any) -> dict[int, float]:  # searchidx.engine.whoosh.collecting
            scores = scores_of(self.child)
            for docnum in sorted(scores):
                if docnum >= self._end:
                    self._seek(docnum)
                if docnum >= self._start:
                    scores[docnum] = scores[docnum] + self._bonus
            return scores

        def _seek(self, docnum: int) -> None:
            i = self._i = bisect_right(self.ends, docnum, self._i)
            if i < len(self.ends):
                self._start, self._end, self._bonus = self.starts[i], self.ends[i], self.bonuses[i]
            else:
                self._start = self._end = float("inf")

    return TitleBonus


def _file_record_list(searcher: Any) -> list[int]:
    """The document numbers of every file record, in order."""
    from whoosh import query as Q

    return _per_reader(searcher.reader(), "file record list",
                       lambda: sorted(searcher.docs_for_query(Q.Term("doctype", "file"))))


def _route_expanding(q: Any) -> Any:
    """Send prefix, wildcard and fuzzy queries on stemmed fields to their unstemmed copies; check prefixes."""
    from whoosh import query as Q

    if isinstance(q, (Q.Prefix, Q.Wildcard)):
        stem = q.text.split("*")[0].split("?")[0]
        if len(stem) < MIN_PREFIX:
            raise QueryError(f"prefix {q.text!r} is too short",
                             hint=f"give at least {MIN_PREFIX} letters before * (e.g. accountab*)")
        cls = _expanding()["prefix" if isinstance(q, Q.Prefix) else "wildcard"]
        return _in_copies(q.fieldname, lambda field: cls(field, q.text, boost=q.boost))
    if isinstance(q, Q.FuzzyTerm):
        if len(q.text) < MIN_PREFIX:
            raise QueryError(f"fuzzy word {q.text!r} is too short", hint=f"give at least {MIN_PREFIX} letters before ~")
        return _in_copies(q.fieldname, lambda field: _expanding()["fuzzy"](
            field, q.text, boost=q.boost, maxdist=q.maxdist, prefixlength=q.prefixlength))
    if hasattr(q, "children") and q.children():
        return q.apply(_route_expanding)
    return q


def _in_copies(fieldname: str, make: Any) -> Any:
    """An expanding query on a field's unstemmed copy; for the text, on the stemmed field too, which holds
    as they are the words stemming leaves alone (the copy holds only the others, see schema.py)."""
    from whoosh import query as Q

    if fieldname == "text":
        return Q.Or([make(EXACT_FIELDS["text"]), make("text")])
    return make(EXACT_FIELDS.get(fieldname, fieldname))


@cache
def _expanding() -> dict[str, type]:
    """Prefix, wildcard and fuzzy queries that expand to the index's words once per reader (Whoosh expands
    them again for the size estimate, the matcher and the highlights), fuzzy words through each segment's
    automaton (Whoosh's multi-segment reader measures its distance to every word of the field in Python)."""
    from whoosh import query as Q

    class Expanding:
        def _btexts(self, ixreader: Any) -> list[Any]:
            # Per reader: Whoosh asks with each segment's reader as it searches, and with the whole
            # index's for the size estimate and the highlights.
            cache = self.__dict__.setdefault("_expanded", {})
            hit = cache.get(id(ixreader))
            if hit is None or hit[0] is not ixreader:
                leaves = [leaf for leaf, _base in ixreader.leaf_readers()]
                if leaves == [ixreader]:
                    words = self._expand(ixreader)
                else:  # the whole index: what its segments expanded to (each walked once)
                    words = (w for leaf in leaves for w in self._btexts(leaf))
                hit = cache[id(ixreader)] = (ixreader, list(dict.fromkeys(words)))
            return hit[1]

        def matcher(self, searcher: Any, context: Any = None) -> Any:
            # The documents of all the words at once, each scoring the query's boost (the words of an
            # expansion score alike): one pass over their postings instead of a tree of hundreds of
            # Whoosh union matchers, most of a prefix query's time.
            reader = searcher.reader()
            ids: set[int] = set()
            for word in self._btexts(reader):
                if reader.doc_frequency(self.fieldname, word):
                    ids.update(reader.postings(self.fieldname, word).all_ids())
            return _scoring_boost(sorted(ids), self.boost)

    class Prefix(Expanding, Q.Prefix):
        _expand = Q.Prefix._btexts

    class Wildcard(Expanding, Q.Wildcard):
        _expand = Q.Wildcard._btexts

    class Fuzzy(Expanding, Q.FuzzyTerm):
        def _expand(self, ixreader: Any) -> Iterator[Any]:
            # A segment's reader walks its term list with an automaton.
            return ixreader.terms_within(self.fieldname, self.text, self.maxdist, prefix=self.prefixlength)

    return {"prefix": Prefix, "wildcard": Wildcard, "fuzzy": Fuzzy}


def _terms_within(reader: Any, fieldname: str, dfa: Any) -> Iterator[str]:
    """Words of ``fieldname`` that the Levenshtein automaton ``dfa`` accepts (a word may come twice)."""
    from whoosh.codec.base import Automata

    for leaf, _base in reader.leaf_readers():
        yield from Automata.find_matches(dfa, leaf.cursor(fieldname))


# -- searching ------------------------------------------------------------------------------------

def search(index: Index, query: str, *, speaker: str | None = None, since: dt.date | str | None = None,
           until: dt.date | str | None = None, source: str | None = None,
           kinds: tuple[str, ...] | None = ("body",), quotes_only: bool = False, limit: int = 10, page: int = 1,
           sort: str = "score", facets: tuple[str, ...] | list[str] = (), timeline: bool = False,
           context: int = 0, collapse: bool = True, suggest: bool = True,
           exact_total: bool | None = None, facet_limit: int | None = 10) -> SearchResults:
    """Ranked paragraphs matching ``query``, narrowed by the filters.

    ``kinds``: paragraph kinds searched (None: all; a ``kind:`` in the query also lifts the default).
    ``facets``: any of speaker, source, year, location. ``timeline``: matches per month.
    ``context``: paragraphs before and after each hit. ``collapse``: fold syndicated copies into one hit.
    ``facet_limit``: values kept per facet, most matches first (None: all).
    ``exact_total``: ignored, kept for callers of earlier versions: every total is counted.
    """
    if limit < 0 or page < 1:
        raise QueryError("limit must be 0 or more (0: counts and facets only) and page at least 1")
    if sort not in ("score", "date"):
        raise QueryError(f"unknown sort {sort!r}", hint="use score or date")
    if context < 0:
        raise QueryError("context must be 0 or more")
    for name in facets:
        if name not in FACETS:
            raise QueryError(f"unknown facet {name!r}", hint="facets are " + ", ".join(FACETS))
    with _searcher(index) as s:
        from searchidx.engine.whoosh.collecting import ranked

        full, mask = _query_and_mask(s, index, query, speaker=speaker, since=since, until=until, source=source,
                                     kinds=kinds, quotes_only=quotes_only)
        want = page * limit
        # A few spares for copies folded into one hit; more only when copies fill them (the loop below).
        fetch = want + 5 if collapse else want
        try:
            scores = _scores(s, full, mask)
            order = _newest_first(s) if sort == "date" else None
            while True:
                results = ranked(s, full, scores, fetch, first=order)
                groups = _group(results, collapse)
                if len(groups) >= want or results.scored_length() < fetch:
                    break
                fetch *= 4
        except ValueError as exc:
            raise QueryError(str(exc)) from None
        total = len(scores)
        exact_terms, stemmed_terms = _query_terms(full, s)
        hits = []
        for group in groups[(page - 1) * limit: want]:
            hit = _hit(group[0], exact_terms, stemmed_terms)
            hit.duplicates = [_paragraph_id(r.fields()) for r in group[1:]]
            hit.duplicate_releases = [_release_ref(r) for r in group[1:]]
            hits.append(hit)
        if context:
            for hit in hits:
                _add_context(s, hit, context)
        out = SearchResults(query=query, total=total, page=page, limit=limit, hits=hits)
        if facets or timeline:
            docnums = list(scores)
            for name in facets:
                out.facets[name] = _facet(s, name, docnums, facet_limit)
            if timeline:
                out.timeline = _timeline(s, docnums)
        if suggest and query.strip():
            out.suggestion = _suggest(s, query, total)
    return out


def _query_and_mask(s: Any, index: Index, query: str, *, speaker: str | None, since: dt.date | str | None,
                    until: dt.date | str | None, source: str | None, kinds: tuple[str, ...] | None,
                    quotes_only: bool) -> tuple[Any, Any]:
    """The Whoosh query a search runs and the document numbers it leaves out. Narrow filters (speaker,
    source, dates) join the query unscored: ranking is the query's alone. Broad exclusions (file records,
    other kinds, narration) are a set of document numbers, computed once per index generation: cheaper
    than walking a Not() beside every query. (Not filter=/AndNot: whoosh3 3.54 materialises filter= per
    query and miscounts with it, and its AndNot lets excluded documents through when the excluded side is
    an Or of terms.)"""
    from whoosh import query as Q

    q = parse_query(index, query, schema=s.schema) if query.strip() else Q.Every()
    exclude_kinds = tuple(k for k in KINDS if kinds and k not in kinds and not re.search(r"\bkind:", query))
    require: list[Any] = []
    if speaker:
        require.append(_all_words("speaker", speaker))
    if source:
        require.append(_all_words("source", source))
    if since or until:
        lo = _as_day(since, "since")[0] if since else None
        hi = _as_day(until, "until")[1] if until else None
        if lo is not None and hi is not None and lo > hi:
            raise QueryError(f"--since {since} is after --until {until}", hint="swap them")
        require.append(_day_range()("day", lo, hi))
    full = Q.And([q, *(_Unscored(f) for f in require)]) if require else q
    return full, _excluded(s, exclude_kinds, quotes_only)


def _scores(s: Any, q: Any, mask: Any) -> dict[int, float]:
    """Every match of ``q`` outside ``mask``, scored: from whole posting lists (searchidx.engine.whoosh.collecting). At
    1M paragraphs that is 5 to 10 times faster than Whoosh's top-N collector for a common word (which
    walks the matches a document at a time, skipping by block quality, and then has to walk them again to
    count them), and every total is a count."""
    from searchidx.engine.whoosh.collecting import score_all

    scores = score_all(s, q, mask)
    if scores is None:  # a weighting with a final step (not searchidx's BM25F): Whoosh scores them all
        scores = {hit.docnum: hit.score for hit in s.search(q, limit=None, mask=mask)}
    return scores


def _newest_first(s: Any) -> list[int]:
    """Each document's rank for newest first (`collecting.ranked`'s ``first``): by day, undated paragraphs
    last (the day column holds its largest value for them, which a plain reverse sort put first)."""
    return _per_reader(s.reader(), "newest first", lambda: _days_for_sorting(s.reader()))


def _days_for_sorting(reader: Any) -> list[int]:
    """Minus each document's day in the column's sortable form (smaller: newer), 1 for an undated one."""
    field = reader.schema["day"]
    undated = field.to_column_value(field.default)
    days: list[int] = []
    for leaf, _base in reader.leaf_readers():
        values = _numeric_column(leaf, "day") if leaf.has_column("day") else None
        if values is None:
            days.extend([1] * leaf.doc_count_all())
        else:
            days.extend(1 if v == undated else -v for v in values)
    return days


def _unscored_matcher(child: Any) -> Any:
    from whoosh.matching.wrappers import WrappingMatcher

    class ZeroScore(WrappingMatcher):
        def __init__(self, child: Any, boost: float = 0.0) -> None:
            super().__init__(child, boost=0.0)

        def supports_block_quality(self) -> bool:
            return False

        def skip_to_quality(self, minquality: float) -> int:
            return 0

        def bulk_scores(self, scores_of: Any, reader: Any) -> dict[int, float]:  # searchidx.engine.whoosh.collecting
            return {d: s * self.boost for d, s in scores_of(self.child).items()}

    return ZeroScore(child)


def _Unscored(child: Any) -> Any:  # noqa: N802 - reads as a query class
    """A query that matches what ``child`` matches, scoring 0: a filter that leaves ranking alone."""
    from whoosh.matching import NullMatcherClass
    from whoosh.query.wrappers import WrappingQuery

    class Unscored(WrappingQuery):
        def _rewrap(self, child: Any) -> Any:
            return Unscored(child)

        def matcher(self, searcher: Any, context: Any = None) -> Any:
            m = self.child.matcher(searcher, context)
            return m if isinstance(m, NullMatcherClass) else _unscored_matcher(m)

    return Unscored(child)


_SEARCHERS: Any = None


@contextmanager
def _searcher(index: Index) -> Iterator[Any]:
    """A searcher kept open between searches on the same `Index` (per thread), reopened when the index
    has changed: opening one reads the term and column headers, which is most of a warm query's time."""
    import threading
    import weakref

    global _SEARCHERS
    if _SEARCHERS is None:
        _SEARCHERS = weakref.WeakKeyDictionary()
    per_thread = _SEARCHERS.setdefault(index, {})
    key = threading.get_ident()
    ix = index.whoosh  # follows a rebuild's switch to a new generation
    ix_was, s = per_thread.get(key, (None, None))
    if s is None or ix_was is not ix or not s.up_to_date():
        if s is not None:
            s.close()
        s = ix.searcher()
        per_thread[key] = (ix, s)
    yield s


def _excluded(s: Any, kinds: tuple[str, ...], quotes_only: bool) -> set[int]:
    """Document numbers never to return: file records, paragraphs of ``kinds``, narration if ``quotes_only``."""
    from whoosh import query as Q

    def make() -> set[int]:
        terms = [Q.Term("doctype", "file"), *(Q.Term("kind", k) for k in kinds)]
        if quotes_only:
            terms.append(Q.Term("quoted", "no"))
        return {d for t in terms for d in s.docs_for_query(t)}  # a set: whoosh takes no frozenset

    return _per_reader(s.reader(), ("mask", kinds, quotes_only), make)


def _group(results: Any, collapse: bool) -> list[list[Any]]:
    """Hits in rank order, those with the same text fingerprint folded into the first one's group."""
    groups: list[list[Any]] = []
    by_print: dict[str, list[Any]] = {}
    for r in results:
        fp = _column_value(results.searcher, "fingerprint", r.docnum) if collapse else None
        if fp is not None and not any(fp):  # no text: b"" (VarBytesColumn) or zero bytes (FixedBytesColumn)
            fp = None
        if fp and fp in by_print:
            by_print[fp].append(r)
            continue
        group = [r]
        groups.append(group)
        if fp:
            by_print[fp] = group
    return groups


def _release_ref(r: Any) -> dict[str, Any]:
    rid = r.fields()["release"]
    info = _release_info(r.searcher, rid, r.docnum)
    return {"id": rid, "title": info.get("title"), "date": info.get("date"), "source": info.get("source")}


def _release_info(s: Any, rid: str, docnum: int | None = None) -> dict[str, Any]:
    """A release's metadata (title, date, location, source, url, path), stored once in its file record:
    the record written right before the paragraph ``docnum`` (index.py keeps a release's paragraphs after
    one of its records), else the one a search finds (5 ms a release, most of a cold search's hits)."""
    from bisect import bisect_right

    def make() -> dict[str, Any]:
        record = None
        if docnum is not None:
            records = _file_record_list(s)
            i = bisect_right(records, docnum) - 1
            if i >= 0:
                record = s.stored_fields(records[i])
                if record.get("release") != rid:
                    record = None
        if record is None:
            record = s.document(doctype="file", release=rid) or {}
        return dict(record.get("meta") or {}, path=record.get("path"))

    return _per_reader(s.reader(), ("release", rid), make)


def _paragraph_id(fields: dict[str, Any]) -> str:
    return f"{fields['release']}#{fields['n']}"


def _all_words(fieldname: str, text: str):
    from whoosh import query as Q

    words = _name_tokens(text)
    if not words:
        return Q.NullQuery
    return Q.And([Q.Term(fieldname, w) for w in words])


def _name_tokens(text: str) -> list[str]:
    from searchidx.engine.whoosh.schema import name_analyzer

    return [t.text for t in name_analyzer()(text)]


def _as_day(value: dt.date | str, name: str) -> tuple[int, int]:
    if isinstance(value, dt.date):
        day = _yyyymmdd(value)
        return day, day
    return _day_bounds(str(value), f"--{name}")


def _query_terms(q: Any, searcher: Any) -> tuple[set[str], set[str]]:
    """The words the query matches in the text: unstemmed (from prefix/fuzzy) and stemmed."""
    # Not q.existing_terms(): in whoosh3 3.54 its loop variable shadows its ``fieldname`` argument, so
    # after the first leaf it only looks in that leaf's field.
    reader = searcher.reader()
    pairs = []
    for leaf in q.leaves():
        try:
            terms = leaf.expanded_terms(reader, phrases=True)
        except Exception:  # noqa: BLE001 - a query kind that cannot expand still searches
            terms = leaf.terms(phrases=True)
        pairs.extend(terms)
    exact: set[str] = set()
    stemmed: set[str] = set()
    for fieldname, term in pairs:
        word = term.decode("utf-8") if isinstance(term, bytes) else str(term)
        if fieldname == "text":
            stemmed.add(word)
        elif fieldname == "text_exact":
            exact.add(word)
    return exact, stemmed


@lru_cache(maxsize=50000)
def _stem(word: str) -> str:
    from whoosh.lang.porter import stem

    return stem(word)


def highlight_spans(text: str, terms: set[str], exact: set[str] | None = None) -> list[tuple[int, int]]:
    """Character spans in ``text`` of the words whose stem is in ``terms`` or whose folded form is in ``exact``."""
    if not terms and not exact:
        return []
    from searchidx.engine.whoosh.schema import word_folding

    # The name analyzer's tokens, made directly: through Whoosh's token chain this took, for the hits shown,
    # as long as the search itself.
    pattern = word_folding()[0]
    exact = exact or set()
    fold = _folded_and_stemmed
    spans = []
    for m in pattern.finditer(text):
        word, stem = fold(m.group())
        if stem in terms or word in exact:
            spans.append(m.span())
    return spans


@lru_cache(maxsize=100_000)
def _folded_and_stemmed(word: str) -> tuple[str, str]:
    """A word as the name analyzer folds it, and its stem: one cached lookup a word of a hit's text."""
    from searchidx.engine.whoosh.schema import word_folding

    folded = word.lower().translate(word_folding()[1])
    return folded, _stem(folded)


def _hit(r: Any, exact: set[str], stemmed: set[str]) -> Hit:
    fields = r.fields()
    info = _release_info(r.searcher, fields["release"], r.docnum)
    text = fields.get("text", "")
    speaker = fields.get("speaker")
    return Hit(
        id=_paragraph_id(fields), path=info.get("path"), n=fields["n"], kind=fields["kind"], speaker=speaker,
        speaker_role=fields.get("role"), title=info.get("title"), date=info.get("date"),
        source=info.get("source"), location=info.get("location"), url=info.get("url"),
        score=round(float(r.score or 0.0), 4), text=text, highlights=highlight_spans(text, stemmed, exact),
        speaker_key=_text(_column_value(r.searcher, "speaker_key", r.docnum)) or None,
    )


def _text(value: Any) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else (value or "")


def _add_context(s: Any, hit: Hit, n: int) -> None:
    from whoosh import query as Q

    for docnum in s.docs_for_query(Q.And([Q.Term("release", hit.release), Q.Term("doctype", "para")])):
        d = s.stored_fields(docnum)
        if abs(d["n"] - hit.n) > n:
            continue
        ctx = Context(n=d["n"], kind=d["kind"], speaker=d.get("speaker"), text=d.get("text", ""))
        if d["n"] < hit.n:
            hit.context_before.append(ctx)
        elif d["n"] > hit.n:
            hit.context_after.append(ctx)
    hit.context_before.sort(key=lambda c: c.n)
    hit.context_after.sort(key=lambda c: c.n)


def _column(s: Any, fieldname: str) -> list[Any]:
    """A whole column as a list, read once per reader: facets then cost a lookup per match."""
    reader = s.reader()

    def make() -> list[Any]:
        # Leaf by leaf: a multi-segment reader's column is short when one segment lacks the column.
        values: list[Any] = []
        coltype = reader.schema[fieldname].column_type
        for leaf, _base in reader.leaf_readers():
            if leaf.has_column(fieldname):
                values.extend(leaf.column_reader(fieldname))
            else:
                values.extend([coltype.default_value()] * leaf.doc_count_all())
        return values

    return _per_reader(reader, ("column", fieldname), make)


def _column_value(s: Any, fieldname: str, docnum: int) -> Any:
    """One document's value in a column, read from its segment's column (a whole column, `_column`, is
    what facets need; a cold search showing ten hits does not)."""
    from bisect import bisect_right

    reader = s.reader()

    def make() -> tuple[list[int], list[Any], Any]:
        bases, columns = [], []
        for leaf, base in reader.leaf_readers():  # Whoosh's MultiColumnReader skips segments without it
            bases.append(base)
            columns.append(leaf.column_reader(fieldname) if leaf.has_column(fieldname) else None)
        return bases, columns, reader.schema[fieldname].column_type.default_value()

    bases, columns, default = _per_reader(reader, ("column reader", fieldname), make)
    i = bisect_right(bases, docnum) - 1
    return default if columns[i] is None else columns[i][docnum - bases[i]]


def _facet(s: Any, name: str, docnums: list[int], limit: int | None) -> list[FacetValue]:
    from collections import Counter

    fieldname = FACETS[name]
    column = _column(s, fieldname)
    if name == "year":  # from the day (20230825 → 2023); an undated paragraph reads as 0 or a sentinel
        counts = Counter(v // 10000 if v and 10000101 <= v <= 99991231 else None for v in (column[d] for d in docnums))
    else:
        counts = Counter(column[d] for d in docnums)
    out: list[FacetValue] = []
    for value, count in counts.most_common():
        if value in (None, "", b""):
            continue
        if limit is not None and len(out) >= limit:
            break
        value = value.decode("utf-8") if isinstance(value, bytes) else value
        out.append(FacetValue(value=value, label=_facet_label(s, name, fieldname, value), count=count))
    return out


def _facet_label(s: Any, name: str, fieldname: str, value: Any) -> str:
    """How a facet value reads: a speaker's name as first given, a wire or place as written."""
    if name == "year":
        return str(value)
    doc = s.document(**{fieldname: value}) or {}
    if name == "speaker":
        return doc.get("speaker") or str(value)
    info = _release_info(s, doc["release"]) if doc.get("release") else {}
    return info.get(name) or str(value)


def _timeline(s: Any, docnums: list[int]) -> list[tuple[str, int]]:
    from collections import Counter

    column = _column(s, "day")
    # A paragraph without a date reads as the column's default (0 or a sentinel): keep real days only.
    months = Counter(v // 100 for v in (column[d] for d in docnums) if v and 10000101 <= v <= 99991231)
    if not months:
        return []
    first, last = min(months), max(months)
    out = []
    y, m = divmod(first, 100)
    while y * 100 + m <= last:
        out.append((f"{y:04d}-{m:02d}", months.get(y * 100 + m, 0)))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


# -- did you mean ---------------------------------------------------------------------------------

_WORD_RE = re.compile(r'(?<![\w:])([^\W\d_][^\W_]*)(?![\w:*~(])')
_OPERATORS = {"AND", "OR", "NOT", "TO", "ANDNOT", "ANDMAYBE"}


def _suggest(s: Any, query: str, total: int) -> str | None:
    """The query with each word the index does not know (or knows far less than a close one) replaced."""
    from searchidx.engine.whoosh.schema import name_analyzer

    reader = s.reader()
    changed = False
    pieces = []
    last = 0
    for m in _WORD_RE.finditer(query):
        word = m.group(1)
        if word in _OPERATORS:
            continue
        folded = [t.text for t in name_analyzer()(word)]
        if len(folded) != 1 or len(folded[0]) < 4:
            continue
        better = _better_word(reader, folded[0], total)
        if better:
            pieces.append(query[last:m.start(1)])
            pieces.append(better.capitalize() if word[:1].isupper() else better)
            last = m.end(1)
            changed = True
    if not changed:
        return None
    pieces.append(query[last:])
    return "".join(pieces)


def _better_word(reader: Any, word: str, total: int) -> str | None:
    fields = ("text_exact", "speaker", "title_exact")
    # A word that stemming leaves alone is in the stemmed text field as it is (schema.py). Not a source of
    # candidates: its terms are stems too ("sentenc"), and nothing tells which ones were written as such.
    looked_up = ("text", *fields)
    # Known, and the query finds enough, or known often enough: no need to look further (a lookup is one
    # per field and segment).
    freq = 0
    for f in looked_up:
        freq += reader.doc_frequency(f, word)
        if freq and (total > 3 or freq > 3):
            return None
    # Words one edit away that share the first letter; for an unknown long word with none, two edits away
    # sharing the first two letters (a walk of the word lists that costs twice as much as one edit's
    # with one letter fixed, and twice as much again with one letter: 20 ms a word on the corpora).
    best: tuple[int, int, str] | None = None
    for maxdist in (1, 2) if len(word) >= 6 and not freq else (1,):
        dfa = _levenshtein_dfa(word, maxdist, maxdist)
        for f in fields:
            for cand in set(_terms_within(reader, f, dfa)):
                if cand == word:
                    continue
                cfreq = reader.doc_frequency(f, cand)
                key = (maxdist, -cfreq, cand)
                if best is None or key < best:
                    best = key
        if best:
            break
    if best is None or -best[1] < max(1, freq * 20):
        return None
    return best[2]


@lru_cache(maxsize=64)
def _levenshtein_dfa(word: str, maxdist: int, prefix: int) -> Any:
    """The automaton of the words within ``maxdist`` edits of ``word`` (sharing its first ``prefix``
    letters), made once for every field and segment it walks (Whoosh makes one for each: 2 ms)."""
    from whoosh.codec.base import Automata

    return Automata.levenshtein_dfa(word, maxdist, prefix)


# -- speakers and stats ---------------------------------------------------------------------------

def speakers(index: Index) -> list[SpeakerSummary]:
    """Every speaker: name as first given, roles, paragraphs and releases, most paragraphs first."""
    from whoosh import query as Q

    table: dict[str, dict[str, Any]] = {}
    with index.searcher() as s:
        keys = _column(s, "speaker_key")
        for docnum in s.docs_for_query(Q.And([Q.Term("doctype", "para"), Q.Term("kind", "body")])):
            key = _text(keys[docnum])
            if not key:
                continue
            fields = s.stored_fields(docnum)
            entry = table.setdefault(key, {"name": fields["speaker"], "roles": [], "paragraphs": 0, "releases": set()})
            entry["paragraphs"] += 1
            entry["releases"].add(fields["release"])
            role = fields.get("role")
            if role and role not in entry["roles"]:
                entry["roles"].append(role)
    out = [SpeakerSummary(name=e["name"], key=k, roles=e["roles"], paragraphs=e["paragraphs"],
                          releases=len(e["releases"])) for k, e in table.items()]
    out.sort(key=lambda sp: (-sp.paragraphs, sp.name))
    return out


def stats(index: Index) -> Stats:
    """Counts from the index's columns and term lists (no stored-field scan), size on disk, last update."""
    import os

    from whoosh import query as Q

    with index.searcher() as s:
        paras = list(s.docs_for_query(Q.Term("doctype", "para")))
        releases = sum(1 for _ in s.docs_for_query(Q.Term("doctype", "file")))
        keys = _column(s, "speaker_key")
        speakers_n = len({keys[d] for d in paras} - {None, "", b""})
        day_col = _column(s, "day")
        days = [v for v in (day_col[d] for d in paras) if v and 10000101 <= v <= 99991231]
        paragraphs = len(paras)
    # The whole folder: the current generation's segments (in gen-N/), and a previous one a rebuild keeps
    # for readers still on it.
    files = [os.path.join(d, f) for d, _, names in os.walk(index.path) for f in names]
    size = sum(os.path.getsize(f) for f in files)
    mtime = max((os.path.getmtime(f) for f in files), default=None)

    def iso(day: int) -> str:
        return f"{day // 10000:04d}-{day // 100 % 100:02d}-{day % 100:02d}"

    return Stats(
        releases=releases, paragraphs=paragraphs, speakers=speakers_n,
        first_date=iso(min(days)) if days else None, last_date=iso(max(days)) if days else None, size_bytes=size,
        last_update=dt.datetime.fromtimestamp(mtime).isoformat(timespec="seconds") if mtime else None,
    )
