"""The engine-neutral query tree (`searchidx.search.query`) as OpenSearch's query DSL, with what the Whoosh
engine's compilation means: a bare word is looked up in the text and, weighing twice, the speaker; running
text is matched by its stems (`analysis`), prefixes, wildcards and fuzzy words by the folded words and the
stems (score: the boost, as on Whoosh); a word in the release's title adds `TITLE_BOOST`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from searchidx.engine.opensearch.analysis import (
    LANGUAGE_MARK,
    STACK,
    WORD,
    folded_words,
    language_term,
    language_words,
    stems_of,
)
from searchidx.engine.opensearch.folding import fold
from searchidx.errors import QueryError
from searchidx.search import query as qt
from searchidx.search.query import FIELD_BOOSTS

MATCH_NONE: dict[str, Any] = {"match_none": {}}
MATCH_ALL: dict[str, Any] = {"match_all": {}}
#: Words an expanding query may reach (Whoosh expands to every one).
MAX_EXPANSIONS = 10_000


@dataclass
class Compiled:
    query: dict[str, Any]
    #: Stems whose release title adds a bonus (not negated, boost not 0).
    title_words: list[str] = field(default_factory=list)
    #: What highlights a hit's text: stems, and expanding leaves (prefix, wildcard, fuzzy) on the text.
    stems: set[str] = field(default_factory=set)
    expanding: list[qt.Node] = field(default_factory=list)
    #: The same for the words matched inside quotes (the ``quote`` field): highlighted only there.
    quote_stems: set[str] = field(default_factory=set)
    quote_expanding: list[qt.Node] = field(default_factory=list)
    #: The languages the text's words are analysed for (English first), as on Whoosh.
    languages: tuple[str, ...] = ("en",)
    #: Whether a (language, folded word) of the text is searched in that language other than English (as
    #: Whoosh's language_gate answers it); None: every word in every language. Pairs it does not hold are
    #: searched, and noted in ``asked``.
    gate: dict[tuple[str, str], bool] | None = None
    asked: set[tuple[str, str]] = field(default_factory=set)


# Running-text fields: (stems field, words field or None).
_TEXT = {"text": ("stems", "words"), "title": ("title_stems", "title_words"), "role": ("role_stems", None),
         "quote": ("quote", "quote_words")}
_NAMES = {"speaker", "location", "source"}
_IDS = {"kind": "kind", "release": "release", "id": "release", "lang": "lang"}


def compile_tree(tree: qt.Node, languages: tuple[str, ...] = ("en",),
                 gate: dict[tuple[str, str], bool] | None = None) -> Compiled:
    """``tree`` as a query; words of the text analysed for each of ``languages`` (`analysis_language`s),
    in those other than English where ``gate`` lets them (`Compiled.gate`)."""
    out = Compiled(query=MATCH_ALL, languages=languages, gate=gate)
    out.query = _node(tree, out, negated=False)
    return out


def _boosted(q: dict[str, Any], boost: float) -> dict[str, Any]:
    if boost == 1.0:
        return q
    return {"bool": {"must": [q], "boost": boost}}


def _node(node: qt.Node, out: Compiled, negated: bool) -> dict[str, Any]:
    b = node.boost
    if isinstance(node, qt.Every):
        return {"match_all": {"boost": b}} if b != 1.0 else MATCH_ALL
    if isinstance(node, qt.DateRange):
        rng: dict[str, Any] = {}
        if node.lo is not None:
            rng["gte"] = node.lo
        if node.hi is not None:
            rng["lte"] = node.hi
        return {"constant_score": {"filter": {"range": {"day": rng}}, "boost": b}}
    if isinstance(node, qt.And):
        return _boosted({"bool": {"must": [_node(c, out, negated) for c in node.children]}}, b)
    if isinstance(node, qt.Or):
        if not node.children:
            return MATCH_NONE
        return _boosted({"bool": {"should": [_node(c, out, negated) for c in node.children],
                                  "minimum_should_match": 1}}, b)
    if isinstance(node, qt.Not):
        return {"bool": {"must_not": [_node(node.child, out, True)]}}
    if isinstance(node, qt.AndNot):
        return _boosted({"bool": {"must": [_node(node.positive, out, negated)],
                                  "must_not": [_node(node.negative, out, negated)]}}, b)
    if isinstance(node, qt.AndMaybe):
        return _boosted({"bool": {"must": [_node(node.required, out, negated)],
                                  "should": [_node(node.optional, out, negated)]}}, b)
    if isinstance(node, qt.Require):
        return _boosted({"bool": {"must": [_node(node.scored, out, negated)],
                                  "filter": [_node(node.required, out, negated)]}}, b)
    if isinstance(node, (qt.Term, qt.Phrase, qt.Prefix, qt.Wildcard, qt.Fuzzy, qt.Range)):
        return _leaf(node, out, negated)
    raise TypeError(f"not a query node: {node!r}")


def _leaf(node: Any, out: Compiled, negated: bool) -> dict[str, Any]:
    name = (node.field or "").lower() or None
    if name is not None and name not in qt.FIELD_ALIASES:
        return MATCH_NONE
    name = {"date": "day", "id": "release"}.get(name, name) if name else None
    if name is None:  # the default fields: the text, and the speaker weighing twice
        text = _in_field(node, "text", out, negated)
        speaker = _in_field(node, "speaker", out, negated, boost=FIELD_BOOSTS.get("speaker", 1.0))
        parts = [q for q in (text, speaker) if q is not None]
        if not parts:
            return MATCH_NONE
        return _boosted({"bool": {"should": parts, "minimum_should_match": 1}} if len(parts) > 1 else parts[0],
                        node.boost)
    q = _in_field(node, name, out, negated)
    return _boosted(q, node.boost) if q is not None else MATCH_NONE


def _in_field(node: Any, name: str, out: Compiled, negated: bool, boost: float = 1.0) -> dict[str, Any] | None:
    """``node`` in one field; None when it has no word there (a stop word in the text)."""
    bare_text = name == "text"
    in_quote = name == qt.QUOTE_FIELD
    if isinstance(node, qt.Range):
        return _range(node, name)
    if name == "day":
        return MATCH_NONE
    if name in _IDS:
        value = node.text if isinstance(node, (qt.Term, qt.Phrase, qt.Prefix, qt.Fuzzy)) else node.pattern
        f = _IDS[name]
        if f == "lang":  # kept in lower case, as on Whoosh
            value = value.lower()
        if isinstance(node, qt.Prefix):
            return {"prefix": {f: {"value": value}}}
        if isinstance(node, qt.Wildcard):
            return {"wildcard": {f: {"value": value}}}
        return {"term": {f: {"value": value}}}
    if name == "year":
        return MATCH_NONE
    if isinstance(node, (qt.Prefix, qt.Wildcard, qt.Fuzzy)):
        if bare_text:
            out.expanding.append(node)
        elif in_quote:
            out.quote_expanding.append(node)
        fields = [f for f in _TEXT[name] if f] if name in _TEXT else [name]
        return _expanding(node, fields, boost)
    words = node.text
    if (bare_text or in_quote) and out.languages != ("en",):
        return _in_languages(node, out, negated, boost, in_quote)
    if name in _TEXT:
        stems = stems_of(words)
        if not stems:
            return None
        stems_field = _TEXT[name][0]
        if bare_text or in_quote:  # as on Whoosh, words in quotes add their title bonus too
            (out.quote_stems if in_quote else out.stems).update(stems)
            if not negated and node.boost:
                out.title_words.extend(s for s in stems if s not in out.title_words)
        if isinstance(node, qt.Phrase) and len(stems) > 1:
            return {"match_phrase": {stems_field: {"query": " ".join(stems), "slop": max(node.slop - 1, 0),
                                                   "analyzer": "whitespace", "boost": boost}}}
        if len(stems) == 1:
            return {"term": {stems_field: {"value": stems[0], "boost": boost}}}
        return {"bool": {"must": [{"term": {stems_field: s}} for s in stems], "boost": boost}}
    # A name field: the name analyzer's words, all of them (a phrase: in order).
    tokens = folded_words(words)
    if not tokens:
        return None
    if isinstance(node, qt.Phrase) and len(tokens) > 1:
        return {"match_phrase": {name: {"query": " ".join(tokens), "slop": max(node.slop - 1, 0), "boost": boost}}}
    if len(tokens) == 1:
        return {"term": {name: {"value": tokens[0], "boost": boost}}}
    return {"bool": {"must": [{"term": {name: t}} for t in tokens], "boost": boost}}


def _in_languages(node: Any, out: Compiled, negated: bool, boost: float, in_quote: bool = False
                  ) -> dict[str, Any] | None:
    """A word or phrase of the text (``in_quote``: inside quotes) in each language searched, ORed (as on
    Whoosh): a word's single terms as one synonym query (a word ORed across languages is one word to BM25),
    anything longer on its own."""
    stems_field = "quote" if in_quote else "stems"
    alternatives: list[list[str]] = []
    for language in out.languages:
        if language != "en" and out.gate is not None and not _passes(out, language, node.text):
            continue
        terms = stems_of(node.text) if language == "en" else language_words(language, node.text)
        if terms and terms not in alternatives:
            alternatives.append(terms)
    if not alternatives:
        return None
    (out.quote_stems if in_quote else out.stems).update(t for terms in alternatives for t in terms)
    if "en" in out.languages and not negated and node.boost:
        english = stems_of(node.text)
        out.title_words.extend(t for t in english if t not in out.title_words)
    phrase = isinstance(node, qt.Phrase)
    singles = [terms[0] for terms in alternatives if len(terms) == 1]
    parts: list[dict[str, Any]] = []
    if len(singles) == 1:
        parts.append({"term": {stems_field: {"value": singles[0], "boost": boost}}})
    elif singles:
        parts.append({"match": {stems_field: {"query": STACK.join(singles), "analyzer": "stacked",
                                              "boost": boost}}})
    for terms in alternatives:
        if len(terms) == 1:
            continue
        if phrase:
            parts.append({"match_phrase": {stems_field: {"query": " ".join(terms), "slop": max(node.slop - 1, 0),
                                                         "analyzer": "whitespace", "boost": boost}}})
        else:
            parts.append({"bool": {"must": [{"term": {stems_field: t}} for t in terms], "boost": boost}})
    return parts[0] if len(parts) == 1 else {"bool": {"should": parts, "minimum_should_match": 1}}


def query_words(text: str) -> list[str]:
    """The folded words of a query's ``text``, as the language gate asks about them."""
    return [w for w in (fold(m.group().lower()) for m in WORD.finditer(text)) if w]


def _passes(out: Compiled, language: str, text: str) -> bool:
    ok = True
    for w in query_words(text):
        known = out.gate.get((language, w)) if out.gate is not None else True
        if known is None:
            out.asked.add((language, w))
        elif not known:
            ok = False
    return ok


def _expanding(node: Any, fields: list[str], boost: float) -> dict[str, Any]:
    """A prefix, wildcard or fuzzy word, folded as written, in each field; every match scores the boost."""
    parts = []
    for f in fields:
        if isinstance(node, qt.Prefix):
            parts.append({"prefix": {f: {"value": fold(node.text), "rewrite": "constant_score"}}})
        elif isinstance(node, qt.Wildcard):
            parts.append({"wildcard": {f: {"value": fold(node.pattern), "rewrite": "constant_score"}}})
        else:
            parts.append({"fuzzy": {f: {"value": fold(node.text), "fuzziness": node.maxdist,
                                        "prefix_length": node.prefix, "transpositions": False,
                                        "max_expansions": MAX_EXPANSIONS, "rewrite": "constant_score"}}})
    q = parts[0] if len(parts) == 1 else {"bool": {"should": parts, "minimum_should_match": 1}}
    return {"constant_score": {"filter": q, "boost": boost}}


_RANGE = re.compile(r"^([\[{])\s*(.*?)\s+(?:TO|to)\s+(.*?)\s*([\]}])$")


def _range(node: qt.Range, name: str) -> dict[str, Any]:
    m = _RANGE.match(node.raw or "")
    if not m:
        raise QueryError(f"cannot read the range {node.raw!r}", hint="write field:[a TO b]")
    lo, hi = m.group(2), m.group(3)
    f = _TEXT[name][0] if name in _TEXT else _IDS.get(name, name)
    rng: dict[str, Any] = {}
    if lo:
        rng["gte" if m.group(1) == "[" else "gt"] = fold(lo)
    if hi:
        rng["lte" if m.group(4) == "]" else "lt"] = fold(hi)
    return {"constant_score": {"filter": {"range": {f: rng}}, "boost": node.boost}}


def highlight_matcher(compiled: Compiled) -> Any:
    """A test of a (folded word, stem) pair for the hit's highlights: a stem of the query, or a match of one
    of its prefix, wildcard and fuzzy words (as the word or its stem)."""
    return _matcher(compiled.stems, compiled.expanding)


def quote_matcher(compiled: Compiled) -> Any:
    """`highlight_matcher` for the words the query matches inside quotes; None when it has none."""
    if not compiled.quote_stems and not compiled.quote_expanding:
        return None
    return _matcher(compiled.quote_stems, compiled.quote_expanding)


def _matcher(stems: set[str], expanding: list[qt.Node]) -> Any:
    languages = tuple(sorted({t.rpartition(LANGUAGE_MARK)[2] for t in stems if LANGUAGE_MARK in t}))
    tests = []
    for node in expanding:
        if isinstance(node, qt.Prefix):
            p = fold(node.text)
            tests.append(lambda w, s, p=p: w.startswith(p) or s.startswith(p))
        elif isinstance(node, qt.Wildcard):
            rx = re.compile("".join(".*" if c == "*" else "." if c == "?" else re.escape(c)
                                    for c in fold(node.pattern)) + r"\Z")
            tests.append(lambda w, s, rx=rx: bool(rx.match(w) or rx.match(s)))
        else:
            t, d, k = fold(node.text), node.maxdist, node.prefix
            tests.append(lambda w, s, t=t, d=d, k=k: any(x[:k] == t[:k] and _within(x, t, d) for x in (w, s)))

    def matches(word: str, stem: str, written: str = "") -> bool:
        if stem in stems or any(test(word, stem) for test in tests):
            return True
        # A word of another language matches when that language stems it (as written, or folded) so.
        return bool(languages) and any(language_term(lang, w) in stems for lang in languages
                                       for w in (written.lower(), word))

    return matches


def _within(a: str, b: str, d: int) -> bool:
    """Whether ``a`` is at most ``d`` insertions, deletions or substitutions from ``b``."""
    if abs(len(a) - len(b)) > d:
        return False
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > d:
            return False
        prev = cur
    return prev[-1] <= d
