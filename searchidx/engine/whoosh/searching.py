"""Running a search on the Whoosh engine: every match scored, ranked, grouped into hits with highlights and
context, facets and a timeline from columns; speakers and stats.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import os
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from whoosh import query as Q

from searchidx import budget
from searchidx.engine.base import SearchRequest
from searchidx.engine.whoosh.collecting import ranked, score_all
from searchidx.engine.whoosh.fields import _stem, analysis_language
from searchidx.engine.whoosh.highlight import highlight_spans
from searchidx.engine.whoosh.queries import (
    FACETS,
    DayRange,
    Unscored,
    _all_words,
    _file_record_list,
    _numeric_column,
    compile_query,
    query_languages,
)
from searchidx.engine.whoosh.readers import _per_reader, _searcher
from searchidx.engine.whoosh.schema import word_folding
from searchidx.engine.whoosh.suggest import _suggest
from searchidx.errors import QueryError
from searchidx.index.ids import StableIds, relative_path
from searchidx.search import query as query_tree
from searchidx.search.publishers import publisher
from searchidx.search.query import KINDS, _as_day
from searchidx.search.results import (
    Context,
    FacetValue,
    Hit,
    ReleaseMatch,
    ReleaseResults,
    SearchResults,
    SpeakerSummary,
    Stats,
)

if TYPE_CHECKING:
    from searchidx.index.core import Index


def search(index: Index, request: SearchRequest) -> SearchResults:
    """Ranked paragraphs matching a checked request (`searchidx.search.core.search`)."""
    query, page, limit, collapse = request.query, request.page, request.limit, request.collapse
    facets, timeline, context = request.facets, request.timeline, request.context
    with _searcher(index) as s:

        full, mask = _query_and_mask(s, index, request.tree or query, speaker=request.speaker, since=request.since,
                                     until=request.until, source=request.source, kinds=request.kinds,
                                     quotes_only=request.quotes_only, paths=request.paths,
                                     languages=request.languages)
        want = page * limit
        # A few spares for copies folded into one hit; more only when copies fill them (the loop below).
        fetch = want + 5 if collapse else want
        try:
            scores = _holding(s, _scores(s, full, mask), request.contains)
            order = _newest_first(s) if request.sort == "date" else _oldest_first(s) if request.sort == "oldest" else None
            while True:
                results = ranked(s, full, scores, fetch, first=order)
                groups = _group(results, collapse)
                if len(groups) >= want or results.scored_length() < fetch:
                    break
                fetch *= 4
        except ValueError as exc:
            raise QueryError(str(exc)) from None
        total = len(scores)
        exact_terms, stemmed_terms, quoted_terms = _query_terms(full, s)
        ids = StableIds(index.sources)
        hits = []
        for group in groups[(page - 1) * limit: want]:
            hit = _hit(group[0], exact_terms, stemmed_terms, ids, quoted_terms)
            hit.duplicate_releases = [_release_ref(r, ids) for r in group[1:]]
            hit.duplicates = [f"{ref['id']}#{r.fields()['n']}" for ref, r in zip(hit.duplicate_releases, group[1:])]
            hits.append(hit)
        if context:
            for hit in hits:
                _add_context(s, hit, context)
        out = SearchResults(query=query, total=total, page=page, limit=limit, hits=hits)
        if facets or timeline:
            docnums = list(scores)
            # Matches per month, counted once: the timeline and the year facet (summed by year) share them.
            months = _month_counts(s, docnums) if timeline or "year" in facets else None
            for name in facets:
                out.facets[name] = _facet(s, name, docnums, request.facet_limit, index.sources, months)
            if timeline:
                out.timeline = _timeline(s, docnums, months)
        if request.suggest and query.strip():
            out.suggestion = _suggest(s, query, total)
    return out


def iter_hits(index: Index, request: SearchRequest) -> Iterator[Hit]:
    """Every hit of a checked request in rank order, made one at a time as they are asked for. One searcher
    (one commit) serves the whole iteration, its own: not the kept one, which another search in this
    thread may replace meanwhile. Memory grows with the matches only as their numbers and scores."""
    with index._fresh().searcher() as s:
        query = request.tree if request.tree is not None else request.query
        full, mask = _query_and_mask(s, index, query, speaker=request.speaker, since=request.since,
                                     until=request.until, source=request.source, kinds=request.kinds,
                                     quotes_only=request.quotes_only, paths=request.paths)
        try:
            scores = _holding(s, _scores(s, full, mask), request.contains)
        except ValueError as exc:
            raise QueryError(str(exc)) from None
        order = _newest_first(s) if request.sort == "date" else _oldest_first(s) if request.sort == "oldest" else None
        results = ranked(s, full, scores, None, first=order)
        del scores
        exact, stemmed, quoted = _query_terms(full, s)
        ids = StableIds(index.sources)
        for r in results:
            hit = _hit(r, exact, stemmed, ids, quoted)
            if request.context:
                _add_context(s, hit, request.context)
            yield hit


def search_releases(index: Index, request: SearchRequest, also: tuple[str, ...] = ()) -> ReleaseResults:
    """Releases with a paragraph matching the request's query and, for each query of ``also``, a paragraph
    matching that one (the same paragraph or another): best first, or by date."""
    with _searcher(index) as s:
        per_query: list[dict[int, float]] = []
        for text in (request.tree or request.query, *also):
            full, mask = _query_and_mask(s, index, text, speaker=request.speaker, since=request.since,
                                         until=request.until, source=request.source, kinds=request.kinds,
                                         quotes_only=request.quotes_only, paths=request.paths)
            try:
                per_query.append(_holding(s, _scores(s, full, mask), request.contains if not per_query else ()))
            except ValueError as exc:
                raise QueryError(str(exc)) from None
        records = _file_record_list(s)
        # A paragraph's release is the file record right before it (paragraphs follow one of its records).
        by_record: list[dict[int, float]] = []
        for scores in per_query:
            grouped: dict[int, float] = defaultdict(float)
            for docnum, score in scores.items():
                i = bisect_right(records, docnum) - 1
                if i >= 0:
                    grouped[records[i]] = max(grouped[records[i]], score)
            by_record.append(grouped)
        wanted = set(by_record[0]).intersection(*by_record[1:])
        best = by_record[0]
        if request.sort in ("date", "oldest"):
            days = _column(s, "day")
            undated = 99999999 if request.sort == "oldest" else 0

            def day(record: int) -> int:
                value = days[record + 1] if record + 1 < len(days) else None  # its first paragraph's day
                return value if value and 10000101 <= value <= 99991231 else undated

            order = sorted(wanted, key=lambda r: (day(r) if request.sort == "oldest" else -day(r), -best[r], r))
        else:
            order = sorted(wanted, key=lambda r: (-best[r], r))
        page = order[(request.page - 1) * request.limit: request.page * request.limit]
        matching: dict[int, list[int]] = defaultdict(list)
        if page:
            chosen = set(page)
            for scores in per_query:
                for docnum in scores:
                    i = bisect_right(records, docnum) - 1
                    if i >= 0 and records[i] in chosen:
                        matching[records[i]].append(docnum)
        ids = StableIds(index.sources)
        out = []
        for record in page:
            fields = s.stored_fields(record)
            meta = fields.get("meta") or {}
            paras = sorted(set(matching[record]))
            names = Counter(name for name in (s.stored_fields(d).get("speaker") for d in paras) if name)
            out.append(ReleaseMatch(id=ids(fields.get("path")) or fields["release"], content_id=fields["release"],
                                    title=meta.get("title"), date=meta.get("date"), source=meta.get("source"),
                                    path=fields.get("path"), url=meta.get("url"), paragraphs=len(paras),
                                    speakers=[name for name, _ in names.most_common()], score=round(best[record], 4)))
    return ReleaseResults(query=request.query, total=len(wanted), page=request.page, limit=request.limit,
                          releases=out)


def _holding(s: Any, scores: dict[int, float], runs: tuple[tuple[str, ...], ...]) -> dict[int, float]:
    """The matches whose stored text holds every run of folded words, in order (stop words only: the
    index has no term to find them by, so each candidate's text is read)."""
    if not runs:
        return scores
    _pattern, accents = word_folding()
    # The words of a run one after the other, as the tokenizer splits them (letters and digits, anything
    # else between): one regular expression over the folded text, not a list of its words.
    patterns = [re.compile(r"(?<![^\W_])" + r"[\W_]+".join(map(re.escape, run)) + r"(?![^\W_])") for run in runs]
    out = {}
    for docnum in budget.checked(sorted(scores), "reading texts for a phrase of stop words", 256):
        text = (s.stored_fields(docnum).get("text") or "").lower().translate(accents)
        if all(p.search(text) for p in patterns):
            out[docnum] = scores[docnum]
    return out


def _query_and_mask(s: Any, index: Index, query: str | query_tree.Node, *, speaker: str | None,
                    since: dt.date | str | None,
                    until: dt.date | str | None, source: str | None, kinds: tuple[str, ...] | None,
                    quotes_only: bool, paths: tuple[str, ...] = (),
                    languages: tuple[str, ...] | None = None) -> tuple[Any, Any]:
    """The Whoosh query a search runs and the document numbers it leaves out. Narrow filters (speaker,
    source, dates) join the query unscored: ranking is the query's alone. Broad exclusions (file records,
    other kinds, narration) are a set of document numbers, computed once per index generation: cheaper
    than walking a Not() beside every query. (Not filter=/AndNot: whoosh3 3.54 materialises filter= per
    query and miscounts with it, and its AndNot lets excluded documents through when the excluded side is
    an Or of terms.)"""

    tree = query_tree.parse(query) if isinstance(query, str) else query
    q = compile_query(tree, s.schema, query_languages(s.reader(), languages), language_gate(s))
    exclude_kinds = tuple(k for k in KINDS if kinds and k not in kinds and not query_tree.names_field(tree, "kind"))
    require: list[Any] = []
    if speaker:
        # Any form of the name the paragraph's release writes ("Ms Roe", "Shri Jane Roe").
        require.append(_all_words("speaker_names" if "speaker_names" in s.schema else "speaker", speaker))
    if source:
        require.append(_all_words("source", source))
    if since or until:
        lo = _as_day(since, "since")[0] if since else None
        hi = _as_day(until, "until")[1] if until else None
        if lo is not None and hi is not None and lo > hi:
            raise QueryError(f"--since {since} is after --until {until}", hint="swap them")
        require.append(DayRange("day", lo, hi))
    full = Q.And([q, *(Unscored(f) for f in require)]) if require else q
    mask = _excluded(s, exclude_kinds, quotes_only, tuple(sorted(set(languages))) if languages else ())
    if paths:
        mask = mask | _path_mask(s, paths, index.sources)
    return full, mask


def language_gate(s: Any) -> Any:
    """``gate(language, word)`` for `compile_query`: a word of the text (folded) is searched in a language
    other than English when paragraphs in that language write it, or when no English paragraph has a word
    of its English stem. So `acusado` (and `acusadas`, which no paragraph writes) find the Spanish forms,
    while `fraud` and `police`, English words no Spanish paragraph writes, do not find `fraude` and
    `policía`, whose Spanish stems they share. Answers are kept per index generation."""
    reader = s.reader()
    memo: dict[tuple[str, str], bool] = _per_reader(reader, "language gate", dict)

    def codes() -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        if "lang" in reader.schema:
            for term in reader.lexicon("lang"):
                code = term.decode("utf-8") if isinstance(term, bytes) else str(term)
                out[analysis_language(code)].append(code)
        return dict(out)

    by_language = _per_reader(reader, "language codes", codes)

    def gate(language: str, word: str) -> bool:
        key = (language, word)
        known = memo.get(key)
        if known is None:
            if len(memo) >= 100_000:
                memo.clear()
            known = memo[key] = _writes(s, by_language.get(language, ()), word) or ("text", _stem(word)) not in reader
        return known

    return gate


def _writes(s: Any, codes: Any, word: str) -> bool:
    """Whether a paragraph in one of the language ``codes`` has ``word`` (folded) in its text: the unstemmed
    copy holds every word of a paragraph not in English."""
    if not codes or ("text_exact", word) not in s.reader():
        return False
    q = Q.And([Q.Term("text_exact", word), Q.Or([Q.Term("lang", c) for c in codes])])
    return q.matcher(s).is_active()


def _scores(s: Any, q: Any, mask: Any) -> dict[int, float]:
    """Every match of ``q`` outside ``mask``, scored: from whole posting lists (searchidx.engine.whoosh.collecting). At
    1M paragraphs that is 5 to 10 times faster than Whoosh's top-N collector for a common word (which
    walks the matches a document at a time, skipping by block quality, and then has to walk them again to
    count them), and every total is a count."""

    scores = score_all(s, q, mask)
    if scores is None:  # a weighting with a final step (not searchidx's BM25F): Whoosh scores them all
        scores = {hit.docnum: hit.score for hit in s.search(q, limit=None, mask=mask)}
    return scores


def _newest_first(s: Any) -> list[int]:
    """Each document's rank for newest first (`collecting.ranked`'s ``first``): by day, undated paragraphs
    last (the day column holds its largest value for them, which a plain reverse sort put first)."""
    return _per_reader(s.reader(), "newest first", lambda: _days_for_sorting(s.reader()))


def _oldest_first(s: Any) -> list[int]:
    """Each document's rank for oldest first: by day, undated paragraphs last as well."""
    return _per_reader(s.reader(), "oldest first", lambda: _days_for_sorting(s.reader(), oldest=True))


def _days_for_sorting(reader: Any, oldest: bool = False) -> list[int]:
    """Minus each document's day in the column's sortable form (smaller: newer), 1 for an undated one;
    with ``oldest`` the day itself, and the column's largest value (its default) for an undated one."""
    field = reader.schema["day"]
    undated = field.to_column_value(field.default)
    days: list[int] = []
    for leaf, _base in reader.leaf_readers():
        values = _numeric_column(leaf, "day") if leaf.has_column("day") else None
        if values is None:
            days.extend([undated if oldest else 1] * leaf.doc_count_all())
        elif oldest:
            days.extend(values)
        else:
            days.extend(1 if v == undated else -v for v in values)
    return days



def _excluded(s: Any, kinds: tuple[str, ...], quotes_only: bool, languages: tuple[str, ...] = ()) -> set[int]:
    """Document numbers never to return: file records, paragraphs of ``kinds``, narration if ``quotes_only``,
    paragraphs in none of ``languages`` (--lang) when given. A language filter is a mask rather than a
    required term: most paragraphs share one language, and walking its postings beside every query's
    cost several times the query."""

    def make() -> set[int]:
        terms = [Q.Term("doctype", "file"), *(Q.Term("kind", k) for k in kinds)]
        if quotes_only:
            terms.append(Q.Term("quoted", "no"))
        out = {d for t in terms for d in s.docs_for_query(t)}  # a set: whoosh takes no frozenset
        if languages:
            kept = {d for lang in languages for d in s.docs_for_query(Q.Term("lang", lang))}
            out.update(d for d in range(s.reader().doc_count_all()) if d not in kept)
        return out

    return _per_reader(s.reader(), ("mask", kinds, quotes_only, languages), make)


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


def _release_ref(r: Any, ids: StableIds) -> dict[str, Any]:
    rid = r.fields()["release"]
    info = _release_info(r.searcher, rid, r.docnum)
    return {"id": ids(info.get("path")) or rid, "title": info.get("title"), "date": info.get("date"),
            "source": info.get("source")}


def _release_info(s: Any, rid: str, docnum: int | None = None) -> dict[str, Any]:
    """A release's metadata (title, date, location, source, url, path), stored once in its file record:
    the record written right before the paragraph ``docnum`` (a release's paragraphs follow one of its
    records), else the one a search finds (a search a release: slow for a page of cold hits)."""

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


def _query_terms(q: Any, searcher: Any) -> tuple[set[str], set[str], set[str]]:
    """The words the query matches in the text: unstemmed (from prefix/fuzzy) and stemmed; and the stems
    it matches inside quotes (the ``quote`` field), highlighted only there."""
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
    quoted: set[str] = set()
    for fieldname, term in pairs:
        word = term.decode("utf-8") if isinstance(term, bytes) else str(term)
        if fieldname == "text":
            stemmed.add(word)
        elif fieldname == "text_exact":
            exact.add(word)
        elif fieldname == "quote":
            quoted.add(word)
    return exact, stemmed, quoted


def _highlights(text: str, fields: dict[str, Any], exact: set[str], stemmed: set[str],
                quoted: set[str]) -> list[tuple[int, int]]:
    """The matched words of a hit's text; those matched inside quotes only where its quotes are."""
    spans = highlight_spans(text, stemmed, exact)
    if quoted and fields.get("quotes"):
        # The quote field's quotes (`Paragraph.spoken_quotes`): in quotation marks, with a speaker.
        quotes = [(start, end) for start, end, kind, spoken in fields["quotes"] if spoken and kind != "reported"]
        inside = [(a, b) for a, b in highlight_spans(text, quoted) if any(s <= a and b <= e for s, e in quotes)]
        spans = sorted(set(spans) | set(inside))
    return spans


def _hit(r: Any, exact: set[str], stemmed: set[str], ids: StableIds, quoted: set[str] = frozenset()) -> Hit:
    fields = r.fields()
    info = _release_info(r.searcher, fields["release"], r.docnum)
    text = fields.get("text", "")
    speaker = fields.get("speaker")
    return Hit(
        id=f"{ids(info.get('path')) or fields['release']}#{fields['n']}", content_id=fields["release"],
        path=info.get("path"), n=fields["n"], kind=fields["kind"], speaker=speaker,
        speaker_role=fields.get("role"), title=info.get("title"), date=info.get("date"),
        source=info.get("source"), location=info.get("location"), url=info.get("url"),
        score=round(float(r.score or 0.0), 4), text=text,
        highlights=_highlights(text, fields, exact, stemmed, quoted),
        speaker_key=_text(_column_value(r.searcher, "speaker_key", r.docnum)) or None,
    )


def _text(value: Any) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else (value or "")


def _add_context(s: Any, hit: Hit, n: int) -> None:
    for docnum in s.docs_for_query(Q.And([Q.Term("release", hit.content_id), Q.Term("doctype", "para")])):
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


def _publishers(s: Any, sources: list[str]) -> dict[int, str | None]:
    """File record → its publisher (`searchidx.search.publishers`), once per reader and sources."""

    def make() -> dict[int, str | None]:
        out = {}
        for record in _file_record_list(s):
            fields = s.stored_fields(record)
            out[record] = publisher((fields.get("meta") or {}).get("source"), fields.get("path"), sources)
        return out

    return _per_reader(s.reader(), ("publishers", tuple(sources)), make)


def _publisher_facet(s: Any, docnums: list[int], limit: int | None, sources: list[str]) -> list[FacetValue]:
    records = _file_record_list(s)
    names = _publishers(s, sources)
    counts: Counter[str] = Counter()
    for docnum in docnums:
        i = bisect_right(records, docnum) - 1
        name = names.get(records[i]) if i >= 0 else None
        if name:
            counts[name] += 1
    return [FacetValue(value=name, label=name, count=count) for name, count in counts.most_common(limit)]


def _path_mask(s: Any, globs: tuple[str, ...], sources: list[str]) -> set[int]:
    """Documents of files whose path no glob matches (relative to its source, or whole): left out."""
    def make() -> set[int]:
        records = _file_record_list(s)
        ends = [*records[1:], s.reader().doc_count_all()]
        out: set[int] = set()
        for start, end in zip(records, ends):
            path = s.stored_fields(start).get("path") or ""
            rel = relative_path(path, sources) or path
            if not any(fnmatch.fnmatchcase(rel, g) or fnmatch.fnmatchcase(path, g) for g in globs):
                out.update(range(start, end))
        return out

    return _per_reader(s.reader(), ("paths", globs, tuple(sources)), make)


def _facet(s: Any, name: str, docnums: list[int], limit: int | None, sources: list[str] | None = None,
           months: Counter[int] | None = None) -> list[FacetValue]:
    if name == "publisher":
        return _publisher_facet(s, docnums, limit, sources or [])
    fieldname = FACETS[name]
    if name == "year":
        # Summed from the months (`_month_counts`), in their order: years come out in the order of their
        # first match, as counting each match's year would put them (ties keep that order).
        counts: Counter[Any] = Counter()
        for month, n in (months if months is not None else _month_counts(s, docnums)).items():
            counts[month // 100] += n
    else:  # a lookup per match, in C: no Python frame per match
        counts = Counter(map(_column(s, fieldname).__getitem__, docnums))
    labels = _per_reader(s.reader(), ("facet labels", name), dict)
    out: list[FacetValue] = []
    for value, count in counts.most_common():
        if value in (None, "", b""):
            continue
        if limit is not None and len(out) >= limit:
            break
        value = value.decode("utf-8") if isinstance(value, bytes) else value
        label = labels.get(value)
        if label is None:  # a stored-fields read: once per value and reader
            label = labels[value] = _facet_label(s, name, fieldname, value)
        out.append(FacetValue(value=value, label=label, count=count))
    return out


def _real_day(v: Any) -> bool:
    # A paragraph without a date reads as the column's default (0 or a sentinel).
    return bool(v) and 10000101 <= v <= 99991231


def _months(s: Any) -> list[int | None]:
    """The day column as months (20230825 → 202308; undated: None), once per reader."""
    return _per_reader(s.reader(), ("months",), lambda: [v // 100 if _real_day(v) else None
                                                         for v in _column(s, "day")])


def _facet_label(s: Any, name: str, fieldname: str, value: Any) -> str:
    """How a facet value reads: a speaker's name as first given, a wire or place as written."""
    if name in ("year", "language"):
        return str(value)
    doc = s.document(**{fieldname: value}) or {}
    if name == "speaker":
        return doc.get("speaker") or str(value)
    info = _release_info(s, doc["release"]) if doc.get("release") else {}
    return info.get(name) or str(value)


def _month_counts(s: Any, docnums: list[int]) -> Counter[int]:
    """Matches per month (202308), undated ones left out."""
    months = Counter(map(_months(s).__getitem__, docnums))
    months.pop(None, None)  # type: ignore[call-overload]
    return months


def _timeline(s: Any, docnums: list[int], months: Counter[int] | None = None) -> list[tuple[str, int]]:
    if months is None:
        months = _month_counts(s, docnums)
    if not months:
        return []
    first, last = min(months), max(months)
    out = []
    y, m = divmod(first, 100)
    while y * 100 + m <= last:
        out.append((f"{y:04d}-{m:02d}", months.get(y * 100 + m, 0)))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def speakers(index: Index) -> list[SpeakerSummary]:
    """Every speaker: name as first given, roles, paragraphs and releases, most paragraphs first."""

    table: dict[str, dict[str, Any]] = {}
    with index.engine.searcher() as s:
        keys = _column(s, "speaker_key")
        for docnum in s.docs_for_query(Q.And([Q.Term("doctype", "para"), Q.Term("kind", "body")])):
            key = _text(keys[docnum])
            if not key:
                continue
            fields = s.stored_fields(docnum)
            entry = table.setdefault(key, {"name": fields["speaker"], "roles": Counter(), "paragraphs": 0,
                                           "releases": set()})
            entry["paragraphs"] += 1
            entry["releases"].add(fields["release"])
            role = fields.get("role")
            if role:
                entry["roles"][role] += 1
        # The forms of each name the releases write, kept in their file records (one per release).
        aliases: dict[str, dict[str, None]] = {}
        seen: set[str] = set()
        for record in _file_record_list(s):
            fields = s.stored_fields(record)
            if fields.get("release") in seen:
                continue  # a copy of a release at another path
            seen.add(fields.get("release"))
            for person in (fields.get("meta") or {}).get("speakers") or ():
                if person.get("key") in table:
                    aliases.setdefault(person["key"], {}).update(dict.fromkeys(person.get("aliases") or ()))
    # Roles most given first (a district attorney's title, before the sentences a press office glued to it
    # once), then as first seen.
    out = [SpeakerSummary(name=e["name"], key=k, roles=[r for r, _ in e["roles"].most_common()], paragraphs=e["paragraphs"],
                          releases=len(e["releases"]),
                          aliases=[a for a in aliases.get(k, ()) if a != e["name"]]) for k, e in table.items()]
    out.sort(key=lambda sp: (-sp.paragraphs, sp.name))
    return out


def stats(index: Index) -> Stats:
    """Counts from the index's columns and term lists (no stored-field scan), size on disk, last update."""

    with index.engine.searcher() as s:
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
