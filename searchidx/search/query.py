"""The query language: checking a query, and the dates it names (see docs/searching.md).
"""

from __future__ import annotations

import datetime as dt
import re

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
                 "release": "release", "id": "release"}


#: Facets users may ask for.
FACET_NAMES = ("speaker", "source", "year", "location")
#: Shortest prefix a `word*` query accepts: shorter ones expand to too many words to be quick or useful.
MIN_PREFIX = 3

KINDS = ("body", "pullquote", "caption", "about")

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


def _as_day(value: dt.date | str, name: str) -> tuple[int, int]:
    if isinstance(value, dt.date):
        day = _yyyymmdd(value)
        return day, day
    return _day_bounds(str(value), f"--{name}")
