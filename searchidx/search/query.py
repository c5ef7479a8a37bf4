"""The query language: checking a query, and the dates it names (see docs/searching.md).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import Any

from searchidx import budget
from searchidx.errors import QueryError

#: Fields a bare word is looked up in, and how much a match in each counts (BM25F).
DEFAULT_FIELDS = ("text", "speaker")

FIELD_BOOSTS = {"speaker": 2.0}

#: How much a bare word found in the release's title adds: the title raises a paragraph that matches
#: on its own but matches nothing alone (else one title word would return every paragraph of a release).
TITLE_BOOST = 2.0

#: Field names users may write in a query, and the schema field each stands for.
FIELD_ALIASES = {"speaker": "speaker", "role": "role", "title": "title", "source": "source", "kind": "kind",
                 "location": "location", "date": "day", "text": "text", "year": "year",
                 "release": "release", "id": "release", "lang": "lang", "language": "lang", "quote": "quote"}

#: The field of the words inside a speaker's quotation marks (``quote:``, --in-quotes).
QUOTE_FIELD = "quote"


#: Facets users may ask for.
FACET_NAMES = ("speaker", "source", "publisher", "year", "location", "language")
#: Orders of hits: relevance, newest first, oldest first (undated paragraphs last in both).
SORTS = ("score", "date", "oldest")
#: Shortest prefix a `word*` query accepts: shorter ones expand to too many words to be quick or useful.
MIN_PREFIX = 3

KINDS = ("body", "pullquote", "caption", "about")

_FIELD_RE = re.compile(r"(?<![\w:/])([A-Za-z_]\w*):(?!//)")

_DATE_RE = re.compile(r"\b(?:date|day|year):(\[[^\]]*\]|\{[^}]*\}|[<>]=?\S+|\S+)", re.I)


def check_query(text: str) -> None:
    """Raise `QueryError` for what Whoosh's lenient parser would silently misread, or take long to read."""
    budget.check_query_size(text)
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
            known = ", ".join(f"{f}:" for f in ("speaker", "role", "title", "source", "kind", "location", "date", "lang",
                                                "quote"))
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


def _as_day(value: dt.date | str, name: str) -> tuple[int, int]:
    if isinstance(value, dt.date):
        day = _yyyymmdd(value)
        return day, day
    return _day_bounds(str(value), f"--{name}")


# -- the query tree ---------------------------------------------------------------------------------
#
# A query parses to a small tree that any engine can run: leaves (words, phrases, prefixes, wildcards,
# fuzzy words, day ranges, every paragraph) and the Boolean nodes over them. Each leaf keeps the text it
# was written as (``raw``), so an engine whose own parser reads the same language (Whoosh's) gets exactly
# what the user wrote; others read the parts. The grammar is Whoosh's, which searchidx's language grew
# from: within a group, NOT binds to what follows it, then AND, then OR, then ANDNOT and ANDMAYBE and
# REQUIRE, each left to right; what is left side by side is ANDed. ``field:`` applies to the node after it,
# ``^N`` to the node before it.


@dataclass(frozen=True)
class Node:
    boost: float = 1.0


@dataclass(frozen=True)
class Term(Node):
    """A word (``field`` None: the default fields). ``raw``: as written, ``'quoted words'`` included."""

    text: str = ""
    field: str | None = None
    raw: str = ""


@dataclass(frozen=True)
class Phrase(Node):
    """Words one after the other (``slop``: at most that many positions apart)."""

    text: str = ""
    field: str | None = None
    slop: int = 1
    raw: str = ""

    @property
    def words(self) -> list[str]:
        return self.text.split()


@dataclass(frozen=True)
class Prefix(Node):
    """Words starting with ``text`` (``accountab*``)."""

    text: str = ""
    field: str | None = None
    raw: str = ""


@dataclass(frozen=True)
class Wildcard(Node):
    """Words matching ``pattern`` (``*``: any letters, ``?``: one)."""

    pattern: str = ""
    field: str | None = None
    raw: str = ""


@dataclass(frozen=True)
class Fuzzy(Node):
    """Words within ``maxdist`` edits of ``text`` that share its first ``prefix`` letters."""

    text: str = ""
    maxdist: int = 1
    prefix: int = 1
    field: str | None = None
    raw: str = ""


@dataclass(frozen=True)
class DateRange(Node):
    """Paragraphs dated from ``lo`` to ``hi`` (yyyymmdd integers, either end open)."""

    lo: int | None = None
    hi: int | None = None


@dataclass(frozen=True)
class Range(Node):
    """A range of words in a field other than the date (``title:[a TO c]``), as written."""

    field: str | None = None
    raw: str = ""


@dataclass(frozen=True)
class Every(Node):
    """Every paragraph (``*:*``, or an empty query)."""


@dataclass(frozen=True)
class And(Node):
    children: tuple[Node, ...] = ()


@dataclass(frozen=True)
class Or(Node):
    """What any child matches (no child: nothing)."""

    children: tuple[Node, ...] = ()


@dataclass(frozen=True)
class Not(Node):
    child: Node = field(default_factory=Every)


@dataclass(frozen=True)
class AndNot(Node):
    """What ``positive`` matches and ``negative`` does not."""

    positive: Node = field(default_factory=Every)
    negative: Node = field(default_factory=Every)


@dataclass(frozen=True)
class AndMaybe(Node):
    """What ``required`` matches, scored higher where ``optional`` matches too."""

    required: Node = field(default_factory=Every)
    optional: Node = field(default_factory=Every)


@dataclass(frozen=True)
class Require(Node):
    """What both match, scored by ``scored`` alone."""

    scored: Node = field(default_factory=Every)
    required: Node = field(default_factory=Every)


Query = Node

_TOKEN = re.compile(r"""
    (?P<ws>\s+)
  | (?P<squote>(?:^|(?<=\W))'(?P<squoted>.*?)'(?=\s|\]|[)}]|$))
  | (?P<phrase>"(?P<words>[^"]*)"(?:~(?P<slop>[1-9][0-9]*))?)
  | (?P<every>\*:\*)
  | (?P<field>(?:^|(?<=[\s(]))(?P<fieldname>\w+):)
  | (?P<range>[\[{][^\]}]*[\]}])
  | (?P<open>\()
  | (?P<close>\))
  | (?P<op>(?:(?<=\s)(?:ANDNOT|ANDMAYBE|AND|OR|REQUIRE)|(?:^|(?<=[\s()]))NOT)(?=\s))
  | (?P<boost>\^(?P<weight>[0-9]*(?:\.[0-9]+)?)(?=$|[\s)]))
  | (?P<word>[^\s()"]+?(?=$|[\s()"]|\^[0-9]*(?:\.[0-9]+)?(?:$|[\s)])))
""", re.X)
_DAY_RANGE = re.compile(r"\[(\d+) TO (\d+)\]")
_FUZZY = re.compile(r"^(?P<text>.+?)~(?P<maxdist>[0-9])?(?:/(?P<prefix>[1-9][0-9]*))?$")
_OPS = ("NOT", "AND", "OR", "ANDNOT", "ANDMAYBE", "REQUIRE")


def parse(text: str) -> Query:
    """The query tree of a user's query, checked first (`QueryError` with a hint for what cannot mean what
    it says). ``-word`` is NOT; ``date:`` and ``year:`` become day ranges."""
    check_query(text)
    if not text.strip():
        return Every()
    rewritten = _rewrite_dates(_minus_as_not(text))
    items, _end = _group(rewritten, 0)
    if not any(isinstance(i, Node) for i in items):
        return Or(children=())  # nothing to look for: no paragraph matches
    tree = _combine(items)
    _check_expanding(tree)
    return tree


def _check_expanding(node: Node) -> None:
    """Prefixes and fuzzy words need `MIN_PREFIX` letters: shorter ones expand to too many words."""
    if isinstance(node, (Prefix, Wildcard)):
        text = (node.text if isinstance(node, Prefix) else node.pattern).lower()
        if len(text.split("*")[0].split("?")[0]) < MIN_PREFIX:
            raise QueryError(f"prefix {text!r} is too short",
                             hint=f"give at least {MIN_PREFIX} letters before * (e.g. accountab*)")
    elif isinstance(node, Fuzzy) and len(node.text) < MIN_PREFIX:
        raise QueryError(f"fuzzy word {node.text.lower()!r} is too short",
                         hint=f"give at least {MIN_PREFIX} letters before ~")
    for child in _children(node):
        _check_expanding(child)


def _children(node: Node) -> tuple[Node, ...]:
    kids: tuple[Node, ...] = getattr(node, "children", ())
    for attr in ("child", "positive", "negative", "required", "optional", "scored"):
        if isinstance(getattr(node, attr, None), Node):
            kids = (*kids, getattr(node, attr))
    return kids


def _group(text: str, pos: int) -> tuple[list[Any], int]:
    """The items of a group up to its closing parenthesis (or the end): nodes, operators (as strings),
    field names (as ("field", name)), boosts applied to the node before them."""
    items: list[Any] = []
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None:  # a lone character no token takes (a stray quote): part of a word
            m = re.compile(r"\S+").match(text, pos)
            items.append(Term(text=m.group(), raw=m.group()))
            pos = m.end()
            continue
        pos = m.end()
        kind = m.lastgroup if m.lastgroup not in ("squoted", "words", "slop", "fieldname", "weight") else None
        if m.group("ws"):
            continue
        if m.group("squote"):
            items.append(Term(text=m.group("squoted"), raw=m.group("squote")))
        elif m.group("phrase"):
            items.append(Phrase(text=m.group("words"), slop=int(m.group("slop") or 1), raw=m.group("phrase")))
        elif m.group("every"):
            items.append(Every())
        elif m.group("field"):
            name = m.group("fieldname")
            if name in FIELD_ALIASES or name == "day":
                items.append(("field", name))
            else:  # not a field (the time in 10:30, a web address's http:): part of the word
                word = re.compile(r"[^\s()\"]+").match(text, m.start())
                items.append(_word(word.group()))
                pos = word.end()
        elif m.group("range"):
            items.append(Range(raw=m.group("range")))
        elif m.group("open"):
            inner, pos = _group(text, pos)
            if any(isinstance(i, Node) for i in inner):  # an empty group is nothing, not every paragraph
                items.append(_combine(inner))
        elif m.group("close"):
            return items, pos
        elif m.group("op"):
            items.append(m.group("op"))
        elif m.group("boost"):
            weight = m.group("weight")
            if items and isinstance(items[-1], Node) and weight:
                items[-1] = _boosted(items[-1], float(weight))
            elif weight:  # nothing before it to weigh: the number is a word
                items.append(Term(text=weight, raw=m.group("boost")))
        elif m.group("word"):
            items.append(_word(m.group("word")))
        else:  # pragma: no cover - every alternative is handled above
            raise AssertionError(kind)
    return items, pos


def _word(raw: str) -> Node:
    if "*" in raw or "?" in raw:
        if raw.endswith("*") and "*" not in raw[:-1] and "?" not in raw:
            return Prefix(text=raw[:-1], raw=raw)
        return Wildcard(pattern=raw, raw=raw)
    m = _FUZZY.match(raw)
    if m:
        return Fuzzy(text=m.group("text"), maxdist=int(m.group("maxdist") or 1),
                     prefix=int(m.group("prefix") or 1), raw=raw)
    return Term(text=raw, raw=raw)


def _boosted(node: Node, boost: float) -> Node:
    return replace(node, boost=boost)


def _with_field(node: Node, name: str) -> Node:
    """``node`` in field ``name`` (a group: each of its leaves that names no field of its own). A name that
    is no field (``http:`` of a web address) leaves the node as it is."""
    if name.lower() not in FIELD_ALIASES and name != "day":
        return node
    if name == "day" and isinstance(node, Range) and (m := _DAY_RANGE.fullmatch(node.raw)):
        lo, hi = int(m.group(1)), int(m.group(2))
        return DateRange(lo=lo if lo else None, hi=hi if hi < 99991231 else None, boost=node.boost)
    if isinstance(node, (Term, Phrase, Prefix, Wildcard, Fuzzy, Range)):
        return node if node.field is not None else replace(node, field=name)
    if isinstance(node, (And, Or)):
        return replace(node, children=tuple(_with_field(c, name) for c in node.children))
    if isinstance(node, Not):
        return replace(node, child=_with_field(node.child, name))
    if isinstance(node, AndNot):
        return replace(node, positive=_with_field(node.positive, name), negative=_with_field(node.negative, name))
    if isinstance(node, AndMaybe):
        return replace(node, required=_with_field(node.required, name), optional=_with_field(node.optional, name))
    if isinstance(node, Require):
        return replace(node, scored=_with_field(node.scored, name), required=_with_field(node.required, name))
    return node


def _combine(items: list[Any]) -> Node:
    """A group's items as one node, by the grammar in the comment above."""
    # Field names apply to the node after them.
    out: list[Any] = []
    i = 0
    while i < len(items):
        item = items[i]
        if isinstance(item, tuple):
            if i + 1 < len(items) and isinstance(items[i + 1], Node):
                out.append(_with_field(items[i + 1], item[1]))
                i += 2
                continue
            i += 1  # a field name with nothing after it
            continue
        out.append(item)
        i += 1
    for op in _OPS:
        out = _apply(out, op)
    nodes = [n for n in out if isinstance(n, Node)]
    if not nodes:
        return Every()
    return nodes[0] if len(nodes) == 1 else And(children=tuple(nodes))


def _apply(items: list[Any], op: str) -> list[Any]:
    out: list[Any] = []
    i = 0
    while i < len(items):
        item = items[i]
        if item != op:
            out.append(item)
            i += 1
            continue
        if op == "NOT":
            if i + 1 < len(items) and isinstance(items[i + 1], Node):
                out.append(Not(child=items[i + 1]))
                i += 2
            else:
                i += 1
            continue
        if out and isinstance(out[-1], Node) and i + 1 < len(items) and isinstance(items[i + 1], Node):
            left, right = out.pop(), items[i + 1]
            out.append(_infix(op, left, right))
            i += 2
        else:
            i += 1  # an operator with nothing on one side is dropped
    return out


def _infix(op: str, left: Node, right: Node) -> Node:
    if op == "AND":
        return And(children=(*left.children, right) if type(left) is And and left.boost == 1.0 else (left, right))
    if op == "OR":
        return Or(children=(*left.children, right) if type(left) is Or and left.boost == 1.0 else (left, right))
    if op == "ANDNOT":
        return AndNot(positive=left, negative=right)
    if op == "ANDMAYBE":
        return AndMaybe(required=left, optional=right)
    return Require(scored=left, required=right)



def names_field(node: Node, name: str) -> bool:
    """Whether any leaf of ``node`` is in field ``name`` (``kind:`` lifts the body-only default)."""
    if getattr(node, "field", None) == name:
        return True
    return any(names_field(k, name) for k in _children(node))


def in_quotes(node: Node) -> Node:
    """``node`` matched only inside direct quotes (--in-quotes): each word, phrase, prefix, wildcard and
    fuzzy word of the text (no field, or ``text:``) moves to the ``quote`` field, so a bare word no longer
    matches the speaker's name either. Other fields (``speaker:``, ``title:``, dates) stay as they are."""
    if isinstance(node, (Term, Phrase, Prefix, Wildcard, Fuzzy)):
        return replace(node, field=QUOTE_FIELD) if node.field in (None, "text") else node
    if isinstance(node, (And, Or)):
        return replace(node, children=tuple(in_quotes(c) for c in node.children))
    if isinstance(node, Not):
        return replace(node, child=in_quotes(node.child))
    if isinstance(node, AndNot):
        return replace(node, positive=in_quotes(node.positive), negative=in_quotes(node.negative))
    if isinstance(node, AndMaybe):
        return replace(node, required=in_quotes(node.required), optional=in_quotes(node.optional))
    if isinstance(node, Require):
        return replace(node, scored=in_quotes(node.scored), required=in_quotes(node.required))
    return node
