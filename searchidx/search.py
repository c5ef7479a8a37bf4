"""Searching an `Index`: query parsing, filters, hits with highlights, speakers and stats."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .errors import QueryError

if TYPE_CHECKING:
    from .index import Index

#: Fields a bare word is looked up in, and how much a match in each counts (BM25F).
DEFAULT_FIELDS = ("text", "title", "speaker")
#: Field names users may write in a query, and the schema field each stands for.
FIELD_ALIASES = {"speaker": "speaker", "role": "role", "title": "title", "source": "source", "kind": "kind",
                 "location": "location", "date": "date", "text": "text", "year": "year", "path": "path",
                 "release": "release", "id": "release"}


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

    @property
    def release(self) -> str:
        return self.id.split("#", 1)[0]

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["highlights"] = [list(h) for h in self.highlights]
        return d


@dataclass
class SearchResults:
    query: str
    total: int
    page: int
    limit: int
    hits: list[Hit]


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


#: Query parsers by schema (building one with its plugins costs milliseconds; parsing with it does not).
_PARSERS: dict[tuple[int, bool], tuple[Any, Any]] = {}


def parse_query(index: Index, text: str):
    schema = index.whoosh.schema
    # Whoosh's date parser takes ~30 ms to import: only queries that name the date field need it.
    dates = "date" in text.lower()
    cached = _PARSERS.get((id(schema), dates))
    if cached is None or cached[0] is not schema:
        cached = _PARSERS[(id(schema), dates)] = (schema, _make_parser(schema, dates))
    parser = cached[1]
    try:
        query = parser.parse(text)
    except Exception as exc:  # whoosh raises assorted errors for odd input
        raise QueryError(f"cannot parse query {text!r}: {exc}", hint="check quotes and parentheses") from None
    return query


def _make_parser(schema: Any, dates: bool = True):
    from whoosh import qparser

    parser = qparser.MultifieldParser(list(DEFAULT_FIELDS), schema, fieldboosts={"title": 2.0, "speaker": 2.0})
    parser.add_plugin(qparser.GtLtPlugin())
    if not dates:
        return parser
    try:
        from whoosh.qparser.dateparse import DateParserPlugin

        parser.add_plugin(DateParserPlugin(free=False))
    except ImportError:  # pragma: no cover - part of whoosh
        pass
    return parser


def search(index: Index, query: str, *, speaker: str | None = None, since: dt.date | str | None = None,
           until: dt.date | str | None = None, source: str | None = None, kinds: tuple[str, ...] | None = ("body",),
           limit: int = 10, page: int = 1, sort: str = "score") -> SearchResults:
    """Ranked paragraphs matching ``query`` (Whoosh query language), narrowed by the filters."""
    from whoosh import query as Q

    if limit < 1 or page < 1:
        raise QueryError("limit and page must be at least 1")
    q = parse_query(index, query) if query.strip() else Q.Every()
    filters: list[Any] = [Q.Term("doctype", "para")]
    if kinds:
        filters.append(Q.Or([Q.Term("kind", k) for k in kinds]))
    if speaker:
        filters.append(_speaker_filter(speaker))
    if source:
        words = _name_tokens(source)
        filters.append(Q.And([Q.Term("source", w) for w in words]) if words else Q.NullQuery)
    if since or until:
        start = _as_datetime(since, "since") if since else None
        end = _as_datetime(until, "until", end=True) if until else None
        filters.append(Q.DateRange("date", start, end))
    with index.searcher() as s:
        sortedby = None
        reverse = False
        if sort == "date":
            sortedby, reverse = "date", True
        elif sort != "score":
            raise QueryError(f"unknown sort {sort!r}", hint="use score or date")
        try:
            # The filters narrow the matches inside Whoosh's matcher (Require: scores from q only) instead of
            # a Python set of every allowed paragraph built per query; len() is then exact (whoosh3 3.54 counts
            # filtered-out documents when filter= is used).
            narrowed = Q.Require(q, Q.And(filters))
            results = s.search(narrowed, limit=page * limit, sortedby=sortedby, reverse=reverse, optimize=False)
            total = len(results)
        except ValueError as exc:
            raise QueryError(str(exc)) from None
        terms = _query_terms(q, s)
        hits = [_hit(r, terms) for r in results[(page - 1) * limit: page * limit]]
    return SearchResults(query=query, total=total, page=page, limit=limit, hits=hits)


def _speaker_filter(name: str):
    from whoosh import query as Q

    words = _name_tokens(name)
    if not words:
        return Q.NullQuery
    return Q.And([Q.Term("speaker", w) for w in words])


def _name_tokens(text: str) -> list[str]:
    from .schema import name_analyzer

    return [t.text for t in name_analyzer()(text)]


def _as_datetime(value: dt.date | str, name: str, end: bool = False) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        day = value
    else:
        text = value.strip()
        try:
            if len(text) == 4 and text.isdigit():
                day = dt.date(int(text), 12, 31) if end else dt.date(int(text), 1, 1)
            elif len(text) == 7:
                y, m = (int(x) for x in text.split("-"))
                day = dt.date(y, m, 1)
                if end:
                    day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
            else:
                day = dt.date.fromisoformat(text)
        except ValueError:
            raise QueryError(f"--{name}: {value!r} is not a date", hint="write it as YYYY, YYYY-MM or YYYY-MM-DD") \
                from None
    return dt.datetime.combine(day, dt.time.max if end else dt.time.min)


def _query_terms(q: Any, searcher: Any) -> set[str]:
    """The indexed words (after analysis) the query matches in the text, prefixes and fuzz expanded."""
    try:
        pairs = q.existing_terms(searcher.reader(), phrases=True, expand=True)
    except Exception:  # noqa: BLE001 - a query kind that cannot expand still searches
        pairs = q.all_terms()
    out: set[str] = set()
    for fieldname, term in pairs:
        if fieldname == "text":
            out.add(term.decode("utf-8") if isinstance(term, bytes) else str(term))
    return out


def highlight_spans(text: str, terms: set[str]) -> list[tuple[int, int]]:
    """Character spans in ``text`` of the tokens whose analysed form is one of ``terms``."""
    if not terms:
        return []
    # The analyzer works word by word, so each word's analysed form is looked up in a cache instead of
    # running the hit's whole text through the filter chain again.
    return [m.span() for m in _token_re().finditer(text) if not terms.isdisjoint(_analysed(m.group()))]


@lru_cache(maxsize=1)
def _token_re():
    import re

    from .schema import TOKEN_PATTERN

    return re.compile(TOKEN_PATTERN)


@lru_cache(maxsize=200_000)
def _analysed(word: str) -> tuple[str, ...]:
    from .schema import text_analyzer

    return tuple(t.text for t in text_analyzer()(word, removestops=False))


def _hit(r: Any, terms: set[str]) -> Hit:
    fields = r.fields()
    date = fields.get("date")
    text = fields.get("text", "")
    return Hit(
        id=fields["doc"], path=fields["path"], n=fields["n"], kind=fields["kind"], speaker=fields.get("speaker"),
        speaker_role=fields.get("role"), title=fields.get("title"), date=date.date().isoformat() if date else None,
        source=fields.get("source"), location=fields.get("location"), url=fields.get("url"),
        score=round(float(r.score or 0.0), 4), text=text, highlights=highlight_spans(text, terms),
    )


def speakers(index: Index) -> list[SpeakerSummary]:
    """Every speaker: name as first given, roles, paragraphs and releases, most paragraphs first."""
    table: dict[str, dict[str, Any]] = {}
    with index.searcher() as s:
        for fields in s.documents(doctype="para"):
            key = fields.get("speaker_key")
            if not key or fields.get("kind") != "body":
                continue
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
    import os

    releases: set[str] = set()
    paragraphs = 0
    keys: set[str] = set()
    dates: list[dt.datetime] = []
    with index.searcher() as s:
        for fields in s.documents(doctype="para"):
            paragraphs += 1
            releases.add(fields["release"])
            if fields.get("speaker_key"):
                keys.add(fields["speaker_key"])
            if fields.get("date"):
                dates.append(fields["date"])
    size = sum(e.stat().st_size for e in os.scandir(index.path) if e.is_file())
    mtime = max((e.stat().st_mtime for e in os.scandir(index.path) if e.is_file()), default=None)
    return Stats(
        releases=len(releases), paragraphs=paragraphs, speakers=len(keys),
        first_date=min(dates).date().isoformat() if dates else None,
        last_date=max(dates).date().isoformat() if dates else None, size_bytes=size,
        last_update=dt.datetime.fromtimestamp(mtime).isoformat(timespec="seconds") if mtime else None,
    )
