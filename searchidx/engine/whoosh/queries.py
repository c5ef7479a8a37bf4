"""Whoosh queries for searchidx's query language: the parser (Whoosh's, with searchidx's plugins), and the
query and matcher classes it is compiled to (phrases through word pairs, day ranges from the day column,
title bonuses, prefixes expanded once per reader, filters that do not score).
"""

from __future__ import annotations

import copy
import sys
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from math import log
from typing import TYPE_CHECKING, Any

from whoosh import matching, qparser
from whoosh import query as Q
from whoosh.codec.base import Automata
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.columns import NumericColumn
from whoosh.idsets import BitSet
from whoosh.matching import ListMatcher, NullMatcher, NullMatcherClass, WrappingMatcher
from whoosh.qparser import syntax
from whoosh.query.nested import NestedChildren
from whoosh.query.wrappers import WrappingQuery

from searchidx import budget
from searchidx.engine.whoosh.collecting import SKIP_RATIO, _walked, read_postings, skip_to, term_scorer
from searchidx.engine.whoosh.fields import PairFilter, _stem, analysis_language, language_stop_words, language_term
from searchidx.engine.whoosh.readers import _per_reader, _searcher
from searchidx.engine.whoosh.schema import name_analyzer, word_folding
from searchidx.errors import QueryError
from searchidx.search import query as query_tree
from searchidx.search.query import (
    DEFAULT_FIELDS,
    FIELD_BOOSTS,
    MIN_PREFIX,
    TITLE_BOOST,
    _minus_as_not,
    _rewrite_dates,
)

if TYPE_CHECKING:
    from searchidx.index.core import Index


#: Stemmed fields and their unstemmed copies, where prefix and fuzzy queries are looked up.
EXACT_FIELDS = {"text": "text_exact", "title": "title_exact"}
#: Fields of running text in the paragraph's language: a word's terms in each language searched.
LANGUAGE_FIELDS = ("text", "quote")
#: Facets users may ask for, and the (sortable) field each counts.
FACETS = {"speaker": "speaker_key", "source": "source_key", "year": "day", "location": "location_key",
          "language": "lang"}


def parse_query(index: Index, text: str, *, schema: Any = None) -> Any:
    """The Whoosh query for a user's query string (see docs/searching.md), checked first. ``schema``: the
    index's, if at hand (asking the index for it reads its table of contents)."""
    tree = query_tree.parse(text)
    if schema is None:
        with _searcher(index) as s:
            schema = s.schema
    return compile_query(tree, schema)


def parse_query_text(text: str, schema: Any) -> Any:
    """The Whoosh query for a query string read by Whoosh's parser directly, without the tree: what the
    tree must compile to (tests compare them)."""
    query_tree.check_query(text)
    if not text.strip():
        return Q.Every()
    return _rewritten(_parsed(_rewrite_dates(_minus_as_not(text)), schema))


def _rewritten(query: Any) -> Any:
    """searchidx's passes over what Whoosh's parser made."""
    query = _days_from_column(_route_expanding(query))
    return _unions_as_trees(_with_title_bonus(_titles_to_paragraphs(_safe_and_nots(query))))


def _safe_and_nots(q: Any) -> Any:
    """``a ANDNOT b`` as `_and_not`'s query, whose matcher skips safely (Whoosh's fails beside another clause)."""

    if hasattr(q, "children") and q.children():
        q = q.apply(_safe_and_nots)
    if type(q) is Q.AndNot:
        return SafeAndNot(q.a, q.b)
    return q


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


def _unions_as_trees(q: Any) -> Any:
    """OR matched by Whoosh's tree of union matchers, never by its preloaded array (which it picks for
    three words or more in a small index): searchidx.engine.whoosh.collecting reads the tree's sides as whole posting
    lists, the array only a document at a time; and the array's ``max_quality`` is its best word's, not
    their sum, which misleads anything that prunes by it (whoosh3 3.54)."""

    if hasattr(q, "children") and q.children():
        q = q.apply(_unions_as_trees)
    if type(q) is Q.Or:
        q.matcher_type = Q.Or.DEFAULT_MATCHER
    return q

#: Query parsers by schema and languages ((id, languages) → (schema, parser)); a schema is not hashable.
_PARSERS: dict[tuple[int, tuple[str, ...]], tuple[Any, Any]] = {}

#: What a query is analysed as when nothing says otherwise: English, as the index's own analyzers do.
ENGLISH = ("en",)


def _parser(schema: Any, languages: tuple[str, ...] = ENGLISH) -> Any:
    """The query parser for an index's schema and the languages its text words are analysed for, made once
    for each (making one is a third of parsing)."""

    key = (id(schema), languages)
    held = _PARSERS.get(key)
    if held is not None and held[0] is schema:
        return held[1]
    parser = Parser(None, schema, phraseclass=PairPhrase)
    parser.languages = languages
    parser.remove_plugin_class(qparser.PhrasePlugin)
    parser.add_plugin(LanguagePhrasePlugin())
    parser.add_plugin(qparser.MultifieldPlugin(list(DEFAULT_FIELDS), fieldboosts=FIELD_BOOSTS, group=FieldsGroup))
    parser.add_plugin(qparser.GtLtPlugin())
    parser.add_plugin(qparser.FuzzyTermPlugin())
    parser.add_plugin(qparser.FieldAliasPlugin({"release": ["id"], "lang": ["language"]}))
    if len(_PARSERS) >= 8:  # schemas of indexes opened and dropped
        _PARSERS.clear()
    _PARSERS[key] = (schema, parser)
    return parser


def query_languages(reader: Any, wanted: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """The languages a query's text words are analysed for: those of ``wanted`` (--lang), else of every
    paragraph in the index, as fields.analysis_language maps them; English first."""
    if wanted is None:
        def make() -> tuple[str, ...]:
            if "lang" not in reader.schema:
                return ENGLISH
            return tuple(_as_str(t) for t in reader.lexicon("lang"))
        wanted = _per_reader(reader, "languages", make)
    found = {analysis_language(lang) for lang in wanted} or set(ENGLISH)
    return tuple(sorted(found, key=lambda lang: (lang != "en", lang)))


def _as_str(term: Any) -> str:
    return term.decode("utf-8") if isinstance(term, bytes) else str(term)


def _language_words(language: str, text: str) -> list[str]:
    """The text field's terms for ``text`` in a language other than English, stop words out."""
    pattern, charmap = word_folding()
    stops = language_stop_words(language)
    return [language_term(language, w.lower()) for w in pattern.findall(text)
            if w.lower().translate(charmap) not in stops and w.lower().translate(charmap)]


def _passes(gate: Any, language: str, text: str) -> bool:
    """Whether ``text``'s words are searched in ``language`` (every one of them passes ``gate``)."""
    if gate is None:
        return True
    pattern, charmap = word_folding()
    return all(gate(language, w) for w in (w.lower().translate(charmap) for w in pattern.findall(text)) if w)


class Parser(qparser.QueryParser):
    #: The languages text words are analysed for (`query_languages`); their terms are ORed.
    languages: tuple[str, ...] = ENGLISH
    #: ``gate(language, folded word)``: whether a word of the text is searched in a language other than
    #: English (searching.language_gate); None: in every language searched.
    gate: Any = None

    def term_query(self, fieldname: str, text: str, termclass: Any, boost: float = 1.0, tokenize: bool = True,
                   removestops: bool = True) -> Any:
        """Prefixes, wildcards and fuzzy words on a stemmed field with an unstemmed copy as written,
        folded like a name: the field's own analyser stemmed them (``tras*`` became ``tra*`` and found
        traffic; they are looked up in the copy, see `_route_expanding`). A word of the text: its term in
        each language searched, ORed."""
        if (fieldname in EXACT_FIELDS or fieldname == "quote") and issubclass(termclass, (Q.Prefix, Q.Wildcard,
                                                                                            Q.FuzzyTerm)):
            texts = [t.text for t in name_analyzer()(text, mode="query", tokenize=False, removestops=False)]
            return termclass(fieldname, texts[0], boost=boost) if texts else None
        english = super().term_query(fieldname, text, termclass, boost, tokenize, removestops)
        if fieldname not in LANGUAGE_FIELDS or termclass is not Q.Term or self.languages == ENGLISH:
            return english
        alternatives = [english] if english is not None and "en" in self.languages else []
        for language in self.languages:
            if language == "en" or not _passes(self.gate, language, text):
                continue
            words = _language_words(language, text)
            if len(words) == 1:
                alternatives.append(Q.Term(fieldname, words[0], boost=boost))
            elif words:
                alternatives.append(self.multitoken_query(self.schema[fieldname].multitoken_query, words, fieldname,
                                                          Q.Term, boost))
        alternatives = list(dict.fromkeys(alternatives))
        if len(alternatives) <= 1:
            return alternatives[0] if alternatives else None
        forms = tuple(q.text for q in alternatives if type(q) is Q.Term)
        return Q.Or([LanguageTerm(q.fieldname, q.text, boost=q.boost, forms=forms) if type(q) is Q.Term else q
                     for q in alternatives])


class LanguageTerm(Q.Term):
    """A query word's term in one of the languages searched, scored with the rarity of the word in all of
    them (``forms``: its terms in each): one word ORed across languages is one word to BM25. Scored by its
    own rarity, a Spanish paragraph's "fraud@es", rare in an English index, outranked every English
    paragraph that says fraud, which shared the term "fraud" with it before languages were told apart."""

    def __init__(self, fieldname: str, text: str, boost: float = 1.0, forms: tuple[str, ...] = ()) -> None:
        super().__init__(fieldname, text, boost=boost)
        self.forms = forms

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        m = super().matcher(searcher, context)
        leaf = m.child if type(m) is WrappingMatcher else m
        scorer = getattr(leaf, "scorer", None)
        if scorer is not None and hasattr(scorer, "idf") and self.forms:
            top = searcher.get_parent()
            df = sum(top.doc_frequency(self.fieldname, form) for form in self.forms)
            # Whoosh's idf (WeightingModel.idf), of the forms' paragraphs together.
            scorer.idf = log(top.doc_count_all() / (df + 1)) + 1
        return m


class LanguagePhraseNode(qparser.PhrasePlugin.PhraseNode):
    """A phrase in the text: the phrase in each language searched (each analysed as that language's
    paragraphs are), ORed."""

    def query(self, parser: Any) -> Any:
        fieldname = self.fieldname or parser.fieldname
        languages = getattr(parser, "languages", ENGLISH)
        if fieldname not in LANGUAGE_FIELDS or languages == ENGLISH:
            return super().query(parser)
        alternatives = [super().query(parser)] if "en" in languages else []
        for language in languages:
            if language == "en" or not _passes(getattr(parser, "gate", None), language, self.text):
                continue
            words = _language_words(language, self.text)
            if len(words) == 1:
                alternatives.append(Q.Term(fieldname, words[0], boost=self.boost))
            elif words:
                alternatives.append(parser.phraseclass(fieldname, words, slop=self.slop, boost=self.boost))
        if len(alternatives) <= 1:
            return syntax.attach(alternatives[0], self) if alternatives else Q.NullQuery
        return syntax.attach(Q.Or(alternatives), self)


class LanguagePhrasePlugin(qparser.PhrasePlugin):
    class PhraseTagger(qparser.PhrasePlugin.PhraseTagger):
        def create(self, parser: Any, match: Any) -> Any:
            slop = int(match.group("slop")) if match.group("slop") else 1
            node = LanguagePhraseNode(match.group("text"), match.start("text"), slop)
            node.degrade = self.degrade
            return node


class FieldsGroup(syntax.GroupNode):
    """A word in each default field: an OR that is not Whoosh's OrGroup, which the parser would take
    as the OR of ``word^3 OR other`` and put ``other`` in, boosted with the word (whoosh3 3.54)."""

    qclass = Q.Or


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


def _walk(m: Any) -> dict[int, float]:
    return _walked(m)


def _pair_words(field: Any) -> frozenset[str]:
    """The common words of the index's ``pairs`` field (its analyzer's, as the index was built)."""

    for item in getattr(field.analyzer, "items", ()):
        if isinstance(item, PairFilter):
            return item.words
    return frozenset()


def _days_from_column(q: Any) -> Any:
    """Ranges on the ``day`` field (``date:``, ``year:``) read from its column (`_day_range`)."""

    if isinstance(q, Q.NumericRange) and q.fieldname == "day":
        return DayRange(q.fieldname, q.start, q.end, startexcl=q.startexcl, endexcl=q.endexcl, boost=q.boost)
    if hasattr(q, "children") and q.children():
        return q.apply(_days_from_column)
    return q


def _scoring_boost(ids: list[int], boost: float) -> Any:
    """A matcher of ``ids`` (sorted) that each score ``boost``."""

    if not ids:
        return NullMatcher()
    if not boost:  # ListMatcher reads a weight of 0 as "none given", which scores 1
        return WrappingMatcher(ListMatcher(ids), boost=0.0)
    return ListMatcher(ids, all_weights=boost)


class DayRange(Q.NumericRange):
    """A range of days found by two bisections in the segment's paragraphs sorted by day (made once
    per segment reader from the ``day`` column), not by Whoosh's union of the range's terms: a year
    is hundreds of day terms, and walking their union costs more than the rest of a query. Matches
    score the boost, as Whoosh's range does."""

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


def _days_sorted(leaf: Any, fieldname: str) -> tuple[list[int], list[int]] | None:
    """A segment's dated documents sorted by day: (days as the column stores them, Whoosh's sortable
    integers; document numbers). None without the column, or one not of Whoosh's numeric kind."""

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
    """A segment's numeric column as stored: one read and an array (reading it a document at a time was
    most of a cold date search)."""

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
        return ParagraphsOf(q.with_boost(1.0), boost=q.boost)  # the nested matcher scores its own boost only
    if hasattr(q, "children") and q.children():
        return q.apply(_titles_to_paragraphs)
    return q


class ParagraphsOf(NestedChildren):
    """The paragraphs of the releases whose file record matches ``subq``: the documents written after
    such a record up to the next file record (documents.py writes a release that way)."""

    def __init__(self, subq: Any, boost: float = 1.0) -> None:
        super().__init__(None, subq, boost=boost)

    def _rewrap(self, child: Any) -> Any:
        return ParagraphsOf(child, boost=self.boost)

    def matcher(self, searcher: Any, context: Any = None) -> Any:
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


def _file_records(searcher: Any) -> Any:
    """The document numbers of every file record, as a BitSet."""

    reader = searcher.reader()
    return _per_reader(reader, "file records", lambda: BitSet(
        searcher.docs_for_query(Q.Term("doctype", "file")), size=reader.doc_count_all()))


def _with_title_bonus(q: Any) -> Any:
    """``q``, its matches scored higher where the release's title holds one of its (not negated) words."""

    words: dict[str, None] = {}

    def walk(node: Any) -> None:
        if isinstance(node, Q.Not) or not getattr(node, "boost", 1.0):  # word^0 adds nothing, nor its title bonus
            return
        if isinstance(node, Q.Term) and node.fieldname in LANGUAGE_FIELDS:
            words[node.text] = None
        elif isinstance(node, Q.Phrase) and node.fieldname in LANGUAGE_FIELDS:
            words.update(dict.fromkeys(node.words))
        for child in node.children() if hasattr(node, "children") else ():
            walk(child)

    walk(q)
    if not words:
        return q
    # One bonus per title word found: a paragraph whose release title holds more of the words ranks higher.
    return TitleBonus(q, tuple(words))


class TitleBonus(WrappingQuery):
    """``child``, each match scoring TITLE_BOOST more for each of ``words`` in its release's title: what
    AndMaybe(child, Or(paragraphs of the releases titled with each word)) scores, without walking a
    tree of nested matchers beside every match."""

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
    titled file record up to the next record (documents.py writes a release that way). The matches go
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


def _file_record_list(searcher: Any) -> list[int]:
    """The document numbers of every file record, in order."""

    return _per_reader(searcher.reader(), "file record list",
                       lambda: sorted(searcher.docs_for_query(Q.Term("doctype", "file"))))


def _route_expanding(q: Any) -> Any:
    """Send prefix, wildcard and fuzzy queries on stemmed fields to their unstemmed copies; check prefixes."""

    if isinstance(q, (Q.Prefix, Q.Wildcard)):
        stem = q.text.split("*")[0].split("?")[0]
        if len(stem) < MIN_PREFIX:
            raise QueryError(f"prefix {q.text!r} is too short",
                             hint=f"give at least {MIN_PREFIX} letters before * (e.g. accountab*)")
        cls = EXPANDING["prefix" if isinstance(q, Q.Prefix) else "wildcard"]
        return _in_copies(q.fieldname, lambda field: cls(field, q.text, boost=q.boost))
    if isinstance(q, Q.FuzzyTerm):
        if len(q.text) < MIN_PREFIX:
            raise QueryError(f"fuzzy word {q.text!r} is too short", hint=f"give at least {MIN_PREFIX} letters before ~")
        return _in_copies(q.fieldname, lambda field: EXPANDING["fuzzy"](
            field, q.text, boost=q.boost, maxdist=min(q.maxdist, budget.MAX_FUZZY),
            prefixlength=q.prefixlength))
    if hasattr(q, "children") and q.children():
        return q.apply(_route_expanding)
    return q


def _in_copies(fieldname: str, make: Any) -> Any:
    """An expanding query on a field's unstemmed copy; for the text, on the stemmed field too, which holds
    as they are the words stemming leaves alone (the copy holds only the others, see schema.py)."""

    if fieldname == "text":
        return Q.Or([make(EXACT_FIELDS["text"]), make("text")])
    if fieldname == "quote":
        return InQuotes(Q.Or([make(EXACT_FIELDS["text"]), make("text")]))
    return make(EXACT_FIELDS.get(fieldname, fieldname))


class InQuotes(WrappingQuery):
    """A prefix, wildcard or fuzzy word inside quotes: ``child`` expands it over the text's words (the
    ``quote`` field, stemmed, has no unstemmed copy), and each word found is looked up in ``quote`` as
    the text analyzer stems it. A leaf: its terms (highlights) are the ``quote`` field's."""

    def _rewrap(self, child: Any) -> Any:
        return InQuotes(child)

    def is_leaf(self) -> bool:
        return True

    def _words(self, reader: Any) -> list[str]:
        words: dict[str, None] = {}
        for leaf in self.child.subqueries:
            for word in leaf._btexts(reader):
                word = _as_str(word)
                # The copy holds words as written (folded); the stemmed field, stems.
                words[_stem(word) if leaf.fieldname == EXACT_FIELDS["text"] else word] = None
        return list(words)

    def expanded_terms(self, ixreader: Any, phrases: bool = True) -> Iterator[Any]:
        for word in self._words(ixreader):
            yield ("quote", word)

    def terms(self, phrases: bool = False) -> Iterator[Any]:
        return iter(())

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        reader = searcher.reader()
        ids: set[int] = set()
        for word in budget.checked(self._words(reader), "reading expanded words", 64):
            if reader.doc_frequency("quote", word):
                ids.update(reader.postings("quote", word).all_ids())
        return _scoring_boost(sorted(ids), self.child.subqueries[0].boost)


"""Prefix, wildcard and fuzzy queries that expand to the index's words once per reader (Whoosh expands
them again for the size estimate, the matcher and the highlights), fuzzy words through each segment's
automaton (Whoosh's multi-segment reader measures its distance to every word of the field in Python)."""

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
            hit = cache[id(ixreader)] = (ixreader, list(dict.fromkeys(budget.checked(words, "expanding"))))
        return hit[1]

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        # The documents of all the words at once, each scoring the query's boost (the words of an
        # expansion score alike): one pass over their postings instead of a tree of hundreds of
        # Whoosh union matchers, most of a prefix query's time.
        reader = searcher.reader()
        ids: set[int] = set()
        for word in budget.checked(self._btexts(reader), "reading expanded words", 64):
            if reader.doc_frequency(self.fieldname, word):
                ids.update(reader.postings(self.fieldname, word).all_ids())
        return _scoring_boost(sorted(ids), self.boost)

class ExpandingPrefix(Expanding, Q.Prefix):
    _expand = Q.Prefix._btexts

class ExpandingWildcard(Expanding, Q.Wildcard):
    _expand = Q.Wildcard._btexts

class ExpandingFuzzy(Expanding, Q.FuzzyTerm):
    def _expand(self, ixreader: Any) -> Iterator[Any]:
        # A segment's reader walks its term list with an automaton.
        return ixreader.terms_within(self.fieldname, self.text, self.maxdist, prefix=self.prefixlength)


EXPANDING: dict[str, type] = {"prefix": ExpandingPrefix, "wildcard": ExpandingWildcard, "fuzzy": ExpandingFuzzy}


def _terms_within(reader: Any, fieldname: str, dfa: Any) -> Iterator[str]:
    """Words of ``fieldname`` that the Levenshtein automaton ``dfa`` accepts (a word may come twice)."""

    for leaf, _base in reader.leaf_readers():
        yield from budget.checked(Automata.find_matches(dfa, leaf.cursor(fieldname)), "finding close words")


class ZeroScore(WrappingMatcher):
    """A matcher of what its child matches, each scoring 0."""

    def __init__(self, child: Any, boost: float = 0.0) -> None:
        super().__init__(child, boost=0.0)

    def supports_block_quality(self) -> bool:
        return False

    def skip_to_quality(self, minquality: float) -> int:
        return 0

    def bulk_scores(self, scores_of: Any, reader: Any) -> dict[int, float]:  # collecting.py
        return {d: s * self.boost for d, s in scores_of(self.child).items()}


class Unscored(WrappingQuery):
    """A query that matches what ``child`` matches, scoring 0: a filter that leaves ranking alone."""

    def _rewrap(self, child: Any) -> Any:
        return Unscored(child)

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        m = self.child.matcher(searcher, context)
        return m if isinstance(m, NullMatcherClass) else ZeroScore(m)


def _all_words(fieldname: str, text: str):
    words = _name_tokens(text)
    if not words:
        return Q.NullQuery
    return Q.And([Q.Term(fieldname, w) for w in words])


def _name_tokens(text: str) -> list[str]:
    return [t.text for t in name_analyzer()(text)]


# -- the query tree, compiled -------------------------------------------------------------------------

def compile_query(tree: query_tree.Node, schema: Any, languages: tuple[str, ...] = ENGLISH,
                  gate: Any = None) -> Any:
    """The Whoosh query for a query tree: the tree written back in the query language, each leaf as the
    user wrote it and every group explicit, read by Whoosh's parser with searchidx's plugins; text words
    analysed for ``languages`` (`query_languages`), in those other than English only where ``gate``
    lets them (`Parser.gate`)."""
    if type(tree) is query_tree.Every and tree.boost == 1.0:
        return Q.Every()
    return _rewritten(_parsed(syntax_of(tree), schema, languages, gate))


def _parsed(text: str, schema: Any, languages: tuple[str, ...] = ENGLISH, gate: Any = None) -> Any:
    parser = _parser(schema, languages)
    if gate is not None and languages != ENGLISH:
        # The cached parser is shared by every search of this schema: the gate goes on a copy of it.
        parser = copy.copy(parser)
        parser.gate = gate
    try:
        return parser.parse(text)
    except Exception as exc:  # noqa: BLE001 - whoosh raises assorted errors for odd input
        raise QueryError(f"cannot parse query {text!r}: {exc}", hint="check quotes and parentheses") from None


def syntax_of(node: query_tree.Node) -> str:
    """``node`` in the query language, every group in parentheses."""
    boost = f"^{node.boost:g}" if node.boost != 1.0 else ""
    if isinstance(node, query_tree.DateRange):
        lo = node.lo if node.lo is not None else 0
        hi = node.hi if node.hi is not None else 99991231
        return f"day:[{lo} TO {hi}]{boost}"
    if isinstance(node, query_tree.Every):
        return f"*:*{boost}"
    if isinstance(node, (query_tree.Term, query_tree.Phrase, query_tree.Prefix, query_tree.Wildcard,
                         query_tree.Fuzzy, query_tree.Range)):
        return f"{node.field + ':' if node.field else ''}{node.raw}{boost}"
    if isinstance(node, query_tree.And):
        # Side by side, not with AND: Whoosh's parser drops the boost of an ANDNOT's left side when an AND
        # follows the group that holds it ("(a^3 ANDNOT b) AND c"; whoosh3 3.54).
        return "(" + " ".join(syntax_of(c) for c in node.children) + f"){boost}"
    if isinstance(node, query_tree.Or):
        return "(" + " OR ".join(syntax_of(c) for c in node.children) + f"){boost}"
    if isinstance(node, query_tree.Not):
        return f"(NOT {syntax_of(node.child)}){boost}"
    if isinstance(node, query_tree.AndNot):
        return f"({syntax_of(node.positive)} ANDNOT {syntax_of(node.negative)}){boost}"
    if isinstance(node, query_tree.AndMaybe):
        return f"({syntax_of(node.required)} ANDMAYBE {syntax_of(node.optional)}){boost}"
    if isinstance(node, query_tree.Require):
        return f"({syntax_of(node.scored)} REQUIRE {syntax_of(node.required)}){boost}"
    raise TypeError(f"not a query node: {node!r}")
