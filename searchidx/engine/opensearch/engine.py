"""The OpenSearch engine: searches, speakers, stats and releases of an index on an OpenSearch cluster."""

from __future__ import annotations

import datetime as dt
import fnmatch
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from searchidx.engine.base import SearchRequest
from searchidx.engine.opensearch.analysis import (
    WORD,
    _folded_and_stemmed,
    analysis_language,
    folded_words,
    stems_of,
)
from searchidx.engine.opensearch.compile import compile_tree, highlight_matcher, quote_matcher
from searchidx.engine.opensearch.folding import STOP_WORDS, fold
from searchidx.engine.opensearch.store import Store
from searchidx.errors import QueryError, ReleaseNotFoundError, SearchidxError
from searchidx.index.ids import StableIds, relative_path
from searchidx.model import Contact, Paragraph, Quote, Release
from searchidx.search import query as qt
from searchidx.search.publishers import publisher
from searchidx.search.query import KINDS, TITLE_BOOST, _as_day
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
from searchidx.search.speaker import SpeakerParagraph

#: Facets and the field each counts (the label: the first document's ``label`` field).
FACETS = {"speaker": ("speaker_key", "speaker"), "source": ("source_key", "source"), "year": ("year", None),
          "location": ("location_key", "location"), "language": ("lang", None)}
_PARA_SOURCE = ["release", "n", "kind", "text", "speaker", "role", "title", "date", "source", "location", "url",
                "speaker_key", "path", "fingerprint", "quotes"]
#: A query word found this often or less (and the query matching as little) is looked up in the suggester.
RARE = 3
#: A facet's values when all are asked for (a terms aggregation's largest size).
_ALL_VALUES = 65_536
#: Hits fetched a page at a time by `iter_hits` and `paragraphs` (a scroll).
SCROLL_SIZE = 1000
_STOPS = frozenset(STOP_WORDS)


class OpenSearchEngine:
    """`searchidx.engine.base.Engine` on an OpenSearch index (its alias: the current generation)."""

    name = "opensearch"

    def __init__(self, store: Store) -> None:
        self.store = store
        self.index = store.address.name
        self._gate_memo: dict[tuple[str, ...], bool] = {}
        self._gate_stamp: Any = None
        self._shard_counts: dict[str, int] = {}
        self._label_state: tuple[Any, Any] | None = None  # the manifest's generation and last commit
        self._label_cache: dict[str, dict[Any, str]] = {}

    @staticmethod
    def _languages(request: SearchRequest, info: dict[str, Any]) -> tuple[str, ...]:
        """The languages a query's text words are analysed for: those of the request, else of every paragraph
        indexed (the manifest keeps them), English first; as on Whoosh."""
        wanted = request.languages if request.languages is not None else info.get("languages") or ()
        found = {analysis_language(lang) for lang in wanted} or {"en"}
        return tuple(sorted(found, key=lambda lang: (lang != "en", lang)))

    def _gate(self, pairs: set[tuple[str, str]], info: dict[str, Any]) -> dict[tuple[str, str], bool]:
        """The language gate of Whoosh's searching.language_gate for ``pairs`` of (language, folded word): a
        word is searched in a language other than English when paragraphs in that language write it, or
        when no English paragraph has a word of its English stem. Answers are kept until the index changes."""
        stamp = (info.get("generation"), info.get("updated"), info.get("commit"))
        if self._gate_stamp != stamp:
            self._gate_memo, self._gate_stamp = {}, stamp
        memo = self._gate_memo
        codes: dict[str, list[str]] = {}
        for code in info.get("languages") or ():
            codes.setdefault(analysis_language(code), []).append(code)
        writes = sorted({p for p in pairs if ("writes", *p) not in memo})
        english = sorted({w for _lang, w in pairs if ("en", w) not in memo})
        lines: list[dict[str, Any]] = []
        asks: list[tuple[str, ...]] = []
        for language, w in writes:
            if not codes.get(language):
                memo[("writes", language, w)] = False
                continue
            lines += [{"index": self.index}, {"size": 0, "terminate_after": 1, "track_total_hits": True, "query": {
                "bool": {"filter": [{"term": {"words": w}}, {"terms": {"lang": codes[language]}}]}}}]
            asks.append(("writes", language, w))
        for w in english:
            stems = stems_of(w)
            if not stems:
                memo[("en", w)] = False
                continue
            lines += [{"index": self.index}, {"size": 0, "terminate_after": 1, "track_total_hits": True,
                                              "query": {"term": {"stems": stems[0]}}}]
            asks.append(("en", w))
        if lines:
            answers = self.store.call(self.store.client.msearch, body=lines)["responses"]
            for key, answer in zip(asks, answers):
                if "error" in answer:
                    raise SearchidxError(f"{self.store.url}: {answer['error'].get('reason', answer['error'])}")
                memo[key] = answer["hits"]["total"]["value"] > 0
        if len(memo) > 100_000:
            self._gate_memo = {}
        return {(lang, w): memo[("writes", lang, w)] or not memo[("en", w)] for lang, w in pairs}

    def _search(self, body: dict[str, Any], **kw: Any) -> dict[str, Any]:
        return self.store.call(self.store.client.search, index=self.index, body=body, **kw)

    def stop_words(self) -> frozenset[str]:
        return _STOPS

    def close(self) -> None:
        """Nothing is kept open between searches but the client's connections, which stay usable."""

    # -- search -------------------------------------------------------------------------------
    def _query(self, request: SearchRequest, tree: qt.Node | None, info: dict[str, Any]
               ) -> tuple[dict[str, Any], Any]:
        """The query of a request (its tree, or ``tree``) with its filters, and what it compiled to;
        ``info``: the manifest."""
        if tree is None:
            tree = request.tree if request.tree is not None else qt.parse(request.query)
        languages = self._languages(request, info)
        compiled = compile_tree(tree, languages, {} if languages != ("en",) else None)
        if compiled.asked:  # which words each other language writes: one more round trip, then remembered
            compiled = compile_tree(tree, languages, self._gate(compiled.asked, info))
        sources = list(info.get("sources") or [])
        kinds = request.kinds
        if kinds and not qt.names_field(tree, "kind"):
            # Only paragraphs have a kind: this filter leaves out the file records too (one filter tested
            # against each match, not two).
            wanted = [k for k in KINDS if k in kinds]
            filters: list[dict[str, Any]] = [{"terms": {"kind": wanted}} if len(wanted) != 1
                                             else {"term": {"kind": wanted[0]}}]
        else:
            filters = [{"term": {"doctype": "para"}}]
        if request.quotes_only:
            filters.append({"term": {"quoted": True}})
        # --speaker: any form of the name the paragraph's release writes ("Ms Roe", "Shri Jane Roe").
        for fname, value in (("speaker_names", request.speaker), ("source", request.source)):
            if value:
                words = folded_words(value)
                filters.extend([{"term": {fname: w}} for w in words] or [{"match_none": {}}])
        if request.since or request.until:
            lo = _as_day(request.since, "since")[0] if request.since else None
            hi = _as_day(request.until, "until")[1] if request.until else None
            if lo is not None and hi is not None and lo > hi:
                raise QueryError(f"--since {request.since} is after --until {request.until}", hint="swap them")
            rng = {k: v for k, v in (("gte", lo), ("lte", hi)) if v is not None}
            filters.append({"range": {"day": rng}})
        if request.languages:
            filters.append({"terms": {"lang": list(request.languages)}})
        if request.paths:
            filters.append({"terms": {"path": self._paths_matching(request.paths, sources)}})
        for run in request.contains:
            # Stop words are in the folded words (not in the stems), one position each: a run is a phrase.
            filters.append({"match_phrase": {"words": {"query": " ".join(run), "analyzer": "whitespace"}}})
        bonus = [{"constant_score": {"filter": {"term": {"title_stems": w}}, "boost": TITLE_BOOST}}
                 for w in compiled.title_words]
        query: dict[str, Any] = {"bool": {"must": [compiled.query], "filter": filters}}
        if bonus:
            query["bool"]["should"] = bonus
        return query, compiled

    def _labels(self, info: dict[str, Any], name: str, keys: list[Any]) -> dict[Any, str]:
        """How facet values read: a value's commonest spelling in the index (``info``: the manifest). Kept
        until the index changes, as the Whoosh engine keeps its labels per reader: a label looked up among
        each search's matches cost more than the facet's counting."""
        field, label = FACETS[name]
        if label is None:
            return {k: str(k) for k in keys}
        state = (info.get("generation"), info.get("commit"))
        if self._label_state != state:
            self._label_state, self._label_cache = state, {}
        known = self._label_cache.setdefault(name, {})
        missing = [k for k in keys if k not in known]
        if missing:
            agg = {"terms": {"field": field, "size": _ALL_VALUES},
                   "aggs": {"label": {"terms": {"field": f"{label}.raw", "size": 1}}}}
            if len(missing) <= 1000:  # else every value's, once
                query: dict[str, Any] = {"terms": {field: missing}}
                agg["terms"].update(size=len(missing), include=missing)
            else:
                query = {"match_all": {}}
            raw = self._search({"size": 0, "query": query, "aggs": {"v": agg}})
            for b in raw["aggregations"]["v"]["buckets"]:
                known[b["key"]] = _label(name, b)
            for k in missing:
                known.setdefault(k, str(k))
        return known

    def _shards(self, info: dict[str, Any]) -> int:
        """The number of shards of the generation searched (``info``: the manifest), asked once per generation."""
        generation = info.get("generation") or self.index
        if generation not in self._shard_counts:
            found = self.store.call(self.store.client.indices.get_settings, index=generation,
                                    name="index.number_of_shards")
            self._shard_counts[generation] = max(
                int(s["settings"]["index"]["number_of_shards"]) for s in found.values())
        return self._shard_counts[generation]

    def _paths_matching(self, globs: tuple[str, ...], sources: list[str]) -> list[str]:
        """The indexed paths one of ``globs`` matches, relative to their source or whole (as on Whoosh)."""
        out = []
        for path in self.paths():
            rel = relative_path(path, sources) or path
            if any(fnmatch.fnmatchcase(rel, g) or fnmatch.fnmatchcase(path, g) for g in globs):
                out.append(path)
        return out

    def search(self, request: SearchRequest) -> SearchResults:
        info = self.store.manifest() or {}
        sources = list(info.get("sources") or [])
        ids = StableIds(sources)
        query, compiled = self._query(request, None, info)
        limit, page = request.limit, request.page
        want = page * limit
        # As on Whoosh: copies fold into the first of them among the ranked matches fetched, a few spares
        # more than the page; more only when copies fill them.
        fetch = want + 5 if request.collapse and limit else want
        body: dict[str, Any] = {"query": query, "track_total_hits": True, "size": fetch,
                                "_source": _PARA_SOURCE}
        if request.sort in ("date", "oldest"):
            body["sort"] = _date_sort(request.sort)
            body["track_scores"] = True
        aggs: dict[str, Any] = {}
        size = request.facet_limit if request.facet_limit is not None else _ALL_VALUES
        # One shard counts every value exactly: it keeps only the values asked for. Several shards each keep
        # more, so that the sums stay exact.
        shard_size = size if not request.facets or self._shards(info) == 1 else max(size * 10, 1000)
        for name in request.facets:
            if name == "publisher":  # a name made from each file's wire and path: counted by path, below
                continue
            aggs[f"facet_{name}"] = {"terms": {"field": FACETS[name][0], "size": size, "shard_size": shard_size}}
        if request.timeline:
            # Months as a histogram of the day number (20230825 falls in 20230800): plain arithmetic, where a
            # date histogram rounds every date through the calendar. The empty months between are added below.
            aggs["timeline"] = {"histogram": {"field": "day", "interval": 100, "min_doc_count": 1}}
        words = _suggestable(request.query) if request.suggest and request.query.strip() else []
        if aggs:
            body["aggs"] = aggs
        if words:
            # How often each word is found anywhere (a suggestion is looked for only when rare): counts read
            # from postings, in the same round trip (a global filter aggregation would test every document).
            # Counted up to RARE + 1 only: a word found more often is not rare, and its count is not used.
            lines: list[dict[str, Any]] = [{"index": self.index}, body]
            for w in words:
                lines += [{"index": self.index}, {"size": 0, "track_total_hits": RARE + 1, "query": {"bool": {"should": [
                    {"term": {"stems": w}}, {"term": {"words": w}}, {"term": {"speaker": w}},
                    {"term": {"title_words": w}}]}}}]
            answers = self.store.call(self.store.client.msearch, body=lines)["responses"]
            for answer in answers:
                if "error" in answer:
                    raise SearchidxError(f"{self.store.url}: {answer['error'].get('reason', answer['error'])}")
            raw = answers[0]
            freqs = [a["hits"]["total"]["value"] for a in answers[1:]]
        else:
            raw = self._search(body)
        total = raw["hits"]["total"]["value"]
        while True:
            groups = _grouped(raw["hits"]["hits"], request.collapse)
            if len(groups) >= want or len(raw["hits"]["hits"]) < fetch:
                break
            fetch *= 4
            raw = {**self._search({**body, "size": fetch, "track_total_hits": False, "aggs": {}}),
                   "aggregations": raw.get("aggregations")}
        matches = _matchers(compiled)
        hits = []
        for group in groups[(page - 1) * limit: want]:
            hit = self._hit(group[0], matches, ids)
            for c in group[1:]:
                cs = c["_source"]
                sid = ids(cs.get("path")) or cs["release"]
                hit.duplicates.append(f"{sid}#{cs['n']}")
                hit.duplicate_releases.append({"id": sid, "title": cs.get("title"),
                                               "date": cs.get("date"), "source": cs.get("source")})
            hits.append(hit)
        if request.context:
            self._context(hits, request.context)
        out = SearchResults(query=request.query, total=total, page=page, limit=limit, hits=hits)
        for name in request.facets:
            if name == "publisher":
                out.facets[name] = _publishers(self._per_path(query), sources, request.facet_limit)
                continue
            buckets = [b for b in raw["aggregations"][f"facet_{name}"]["buckets"] if b["key"] not in ("", None)]
            labels = self._labels(info, name, [b["key"] for b in buckets])
            out.facets[name] = [FacetValue(value=b["key"], label=labels.get(b["key"]) or str(b["key"]),
                                           count=b["doc_count"]) for b in buckets]
        if request.timeline:
            out.timeline = _months(raw["aggregations"]["timeline"]["buckets"])
        if words:
            out.suggestion = self._suggestion(request.query, words, freqs, total)
        return out

    def _suggestion(self, query: str, words: list[str], freqs: list[int], total: int) -> str | None:
        """The term suggester asked about the words the index knows too little (one request more, rarely)."""
        rare = [i for i, freq in enumerate(freqs) if not (freq and (total > RARE or freq > RARE))]
        if not rare:
            return None
        suggest = {f"{f}_{i}": {"text": words[i], "term": {
            "field": f, "suggest_mode": "always", "max_edits": 2 if len(words[i]) >= 6 else 1, "prefix_length": 1,
            "min_word_length": 4, "size": 5, "sort": "frequency", "string_distance": "levenshtein"}}
            for i in rare for f in ("words", "speaker", "title_words")}
        raw = self._search({"size": 0, "query": {"match_none": {}}, "suggest": suggest})
        return _suggestion(query, words, freqs, rare, raw)

    def _hit(self, h: dict[str, Any], matchers: tuple[Any, Any], ids: StableIds) -> Hit:
        src = h["_source"]
        text = src.get("text") or ""
        matches, in_quotes = matchers
        spans = [m.span() for m in WORD.finditer(text) if matches(*_folded_and_stemmed(m.group()), m.group())]
        if in_quotes is not None and src.get("quotes"):
            # Words matched inside quotes: only where the paragraph's speaker's quotation marks are.
            quotes = [(q["start"], q["end"]) for q in src["quotes"] if q["spoken"] and q["kind"] != "reported"]
            inside = [m.span() for m in WORD.finditer(text)
                      if any(a <= m.start() and m.end() <= b for a, b in quotes)
                      and in_quotes(*_folded_and_stemmed(m.group()), m.group())]
            spans = sorted(set(spans) | set(inside))
        hit = Hit(id=f"{ids(src.get('path')) or src['release']}#{src['n']}", content_id=src["release"],
                  path=src.get("path"), n=src["n"], kind=src["kind"], speaker=src.get("speaker"),
                  speaker_role=src.get("role"), title=src.get("title"), date=src.get("date"),
                  source=src.get("source"), location=src.get("location"), url=src.get("url"),
                  score=round(float(h.get("_score") or 0.0), 4), text=text, highlights=spans,
                  speaker_key=src.get("speaker_key") or None)
        return hit

    def _context(self, hits: list[Hit], n: int) -> None:
        if not hits:
            return
        lines = []
        for h in hits:
            lines.append({"index": self.index, "routing": h.content_id})
            lines.append({"query": {"bool": {"filter": [{"term": {"doctype": "para"}},
                                                        {"term": {"release": h.content_id}},
                                                        {"range": {"n": {"gte": h.n - n, "lte": h.n + n}}}]}},
                          "size": 2 * n + 1, "_source": ["n", "kind", "speaker", "text"]})
        raw = self.store.call(self.store.client.msearch, body=lines)
        for h, resp in zip(hits, raw["responses"]):
            if "error" in resp:
                raise SearchidxError(f"{self.store.url}: context of {h.id}: {resp['error']}")
            for d in sorted((x["_source"] for x in resp["hits"]["hits"]), key=lambda s: s["n"]):
                ctx = Context(n=d["n"], kind=d["kind"], speaker=d.get("speaker"), text=d.get("text") or "")
                if d["n"] < h.n:
                    h.context_before.append(ctx)
                elif d["n"] > h.n:
                    h.context_after.append(ctx)

    # -- the rest of the protocol ---------------------------------------------------------------
    def speakers(self) -> list[SpeakerSummary]:
        table: list[SpeakerSummary] = []
        after = None
        while True:
            comp: dict[str, Any] = {"size": 1000, "sources": [{"key": {"terms": {"field": "speaker_key"}}}]}
            if after:
                comp["after"] = after
            raw = self._search({"size": 0, "query": {"bool": {"filter": [{"term": {"doctype": "para"}},
                                                                         {"term": {"kind": "body"}}]}},
                                "aggs": {"s": {"composite": comp, "aggs": {
                                    "releases": {"cardinality": {"field": "release", "precision_threshold": 40000}},
                                    # Each role's first paragraph: ties of most given roles keep
                                    # the order first given, as on Whoosh.
                                    "roles": {"terms": {"field": "role", "size": 100}, "aggs": {
                                        "first": {"top_hits": {"size": 1, "_source": False,
                                                               "sort": [{"_doc": "asc"}]}}}},
                                    "name": {"top_hits": {"size": 1, "_source": ["speaker"],
                                                          "sort": [{"_doc": "asc"}]}}}}}})
            agg = raw["aggregations"]["s"]
            for b in agg["buckets"]:
                key = b["key"]["key"]
                if not key:
                    continue
                docs = [d["_source"] for d in b["name"]["hits"]["hits"]]
                roles = sorted((r for r in b["roles"]["buckets"] if r["key"]),
                               key=lambda r: (-r["doc_count"], _first_doc(r["first"])))
                table.append(SpeakerSummary(name=docs[0].get("speaker") if docs else key, key=key,
                                            roles=[r["key"] for r in roles], paragraphs=b["doc_count"],
                                            releases=b["releases"]["value"]))
            after = agg.get("after_key")
            if not agg["buckets"] or not after:
                break
        aliases = self._aliases()
        for sp in table:
            sp.aliases = [a for a in aliases.get(sp.key, ()) if a != sp.name]
        table.sort(key=lambda sp: (-sp.paragraphs, sp.name))
        return table

    def _aliases(self) -> dict[str, dict[str, None]]:
        """speaker_key → the forms of the name the releases write, in their file records' order (as on
        Whoosh), each release once."""
        out: dict[str, dict[str, None]] = {}
        seen: set[str] = set()
        body = {"query": {"term": {"doctype": "file"}}, "sort": [{"_doc": "asc"}],
                "_source": ["release", "meta.speakers"]}
        for h in self._scroll(body):
            src = h["_source"]
            if src.get("release") in seen:  # a copy of a release at another path
                continue
            seen.add(src.get("release"))
            for person in (src.get("meta") or {}).get("speakers") or ():
                out.setdefault(person["key"], {}).update(dict.fromkeys(person.get("aliases") or ()))
        return out

    def _release_aliases(self, releases: list[str], key: str) -> dict[str, list[str]]:
        """Release → the forms of the speaker ``key``'s name it writes."""
        out: dict[str, list[str]] = {}
        for i in range(0, len(releases), 1000):
            body = {"query": {"bool": {"filter": [{"term": {"doctype": "file"}},
                                                  {"terms": {"release": releases[i:i + 1000]}}]}},
                    "sort": [{"_doc": "asc"}], "_source": ["release", "meta.speakers"]}
            for h in self._scroll(body):
                src = h["_source"]
                if src["release"] in out:
                    continue
                out[src["release"]] = next((list(person.get("aliases") or []) for person in
                                            (src.get("meta") or {}).get("speakers") or ()
                                            if person.get("key") == key), [])
        return out

    def stats(self) -> Stats:
        raw = self._search({"size": 0, "track_total_hits": True, "query": {"match_all": {}}, "aggs": {
            "kinds": {"terms": {"field": "doctype"}},
            "paras": {"filter": {"term": {"doctype": "para"}}, "aggs": {
                "speakers": {"cardinality": {"field": "speaker_key", "precision_threshold": 40000}},
                "first": {"min": {"field": "day"}}, "last": {"max": {"field": "day"}}}}}})
        counts = {b["key"]: b["doc_count"] for b in raw["aggregations"]["kinds"]["buckets"]}
        paras = raw["aggregations"]["paras"]
        size = self.store.call(self.store.client.indices.stats, index=self.index, metric="store")
        info = self.store.manifest() or {}

        def iso(day: float | None) -> str | None:
            if day is None:
                return None
            d = int(day)
            return f"{d // 10000:04d}-{d // 100 % 100:02d}-{d % 100:02d}"

        return Stats(releases=counts.get("file", 0), paragraphs=counts.get("para", 0),
                     speakers=int(paras["speakers"]["value"]), first_date=iso(paras["first"]["value"]),
                     last_date=iso(paras["last"]["value"]),
                     size_bytes=int(size["_all"]["primaries"]["store"]["size_in_bytes"]),
                     last_update=info.get("updated"))

    def release(self, release_id: str) -> Release:
        raw = self._search({"query": {"bool": {"filter": [{"term": {"release": release_id}}]}}, "size": 10_000,
                            "sort": [{"doctype": "asc"}, {"n": {"order": "asc", "unmapped_type": "integer"}},
                                     {"path": "asc"}]}, routing=release_id)
        docs = [h["_source"] for h in raw["hits"]["hits"]]
        records = [d for d in docs if d.get("doctype") == "file"]
        if not records:
            raise ReleaseNotFoundError(f"no release {release_id!r} in the index")
        paras = [d for d in docs if d.get("doctype") == "para"]
        return release_from(records[0], paras)

    def search_releases(self, request: SearchRequest, also: tuple[str, ...] = ()) -> ReleaseResults:
        info = self.store.manifest() or {}
        ids = StableIds(info.get("sources") or [])
        per_query: list[dict[str, tuple[float, int, str]]] = []
        queries = []
        for i, text in enumerate((None, *also)):
            tree = None if text is None else qt.parse(text)
            req = request if i == 0 else _without_contains(request)
            query, _ = self._query(req, tree, info)
            queries.append(query)
            per_query.append(self._releases_of(query))
        wanted = set(per_query[0]).intersection(*per_query[1:])
        best = per_query[0]
        if request.sort in ("date", "oldest"):
            undated = 99999999 if request.sort == "oldest" else 0

            def day(rid: str) -> int:
                value = best[rid][1]
                return value if value and 10000101 <= value <= 99991231 else undated

            order = sorted(wanted, key=lambda r: (day(r) if request.sort == "oldest" else -day(r), -best[r][0],
                                                  best[r][2], r))
        else:
            order = sorted(wanted, key=lambda r: (-best[r][0], best[r][2], r))
        page = order[(request.page - 1) * request.limit: request.page * request.limit]
        matching: dict[str, dict[int, str | None]] = {rid: {} for rid in page}
        info: dict[str, dict[str, Any]] = {}
        if page:
            for query in queries:
                body = {"query": {"bool": {"must": [query], "filter": [{"terms": {"release": page}}]}},
                        "size": 10_000, "_source": ["release", "n", "speaker", "path", "title", "date", "source", "url"]}
                for h in self._search(body)["hits"]["hits"]:
                    src = h["_source"]
                    matching[src["release"]][src["n"]] = src.get("speaker")
                    info.setdefault(src["release"], src)
        out = []
        for rid in page:
            src = info.get(rid, {})
            names = Counter(name for _, name in sorted(matching[rid].items()) if name)
            out.append(ReleaseMatch(id=ids(src.get("path")) or rid, content_id=rid, title=src.get("title"),
                                    date=src.get("date"), source=src.get("source"), path=src.get("path"),
                                    url=src.get("url"), paragraphs=len(matching[rid]),
                                    speakers=[name for name, _ in names.most_common()],
                                    score=round(best[rid][0], 4)))
        return ReleaseResults(query=request.query, total=len(wanted), page=request.page, limit=request.limit,
                              releases=out)

    def _per_path(self, query: dict[str, Any]) -> list[dict[str, Any]]:
        """Matches of ``query`` per file path, each with its wire (a composite aggregation, page by page:
        an index may hold more files than one aggregation may answer buckets)."""
        buckets: list[dict[str, Any]] = []
        after = None
        while True:
            comp: dict[str, Any] = {"size": 10_000, "sources": [{"path": {"terms": {"field": "path"}}}]}
            if after:
                comp["after"] = after
            agg = self._search({"size": 0, "query": query, "aggs": {"p": {"composite": comp, "aggs": {
                "label": {"terms": {"field": "source.raw", "size": 1}}}}}})["aggregations"]["p"]
            buckets.extend({**b, "key": b["key"]["path"]} for b in agg["buckets"])
            after = agg.get("after_key")
            if not agg["buckets"] or not after:
                return buckets

    def _releases_of(self, query: dict[str, Any]) -> dict[str, tuple[float, int, str]]:
        """Every release with a paragraph matching ``query``: content id → (best score, day, path)."""
        out: dict[str, tuple[float, int, str]] = {}
        after = None
        while True:
            comp: dict[str, Any] = {"size": 5000, "sources": [{"r": {"terms": {"field": "release"}}}]}
            if after:
                comp["after"] = after
            agg = self._search({"size": 0, "query": query, "aggs": {"r": {"composite": comp, "aggs": {
                # The best paragraph's score (top_hits: no script, so no scripting module needed).
                "best": {"top_hits": {"size": 1, "_source": False}},
                "day": {"max": {"field": "day"}},
                "path": {"terms": {"field": "path", "size": 1}}}}}})["aggregations"]["r"]
            for b in agg["buckets"]:
                paths = b["path"]["buckets"]
                out[b["key"]["r"]] = (float(b["best"]["hits"]["max_score"] or 0.0), int(b["day"]["value"] or 0),
                                      paths[0]["key"] if paths else "")
            after = agg.get("after_key")
            if not agg["buckets"] or not after:
                return out

    def iter_hits(self, request: SearchRequest) -> Iterator[Hit]:
        info = self.store.manifest() or {}
        ids = StableIds(info.get("sources") or [])
        query, compiled = self._query(request, None, info)
        matches = _matchers(compiled)
        body: dict[str, Any] = {"query": query, "_source": _PARA_SOURCE,
                                "sort": [*(_date_sort(request.sort) if request.sort in ("date", "oldest") else []),
                                         {"_score": "desc"}, {"release": "asc"}, {"n": "asc"}],
                                "track_scores": True}
        for h in self._scroll(body):
            hit = self._hit(h, matches, ids)
            if request.context:
                self._context([hit], request.context)
            yield hit

    def _scroll(self, body: dict[str, Any]) -> Iterator[dict[str, Any]]:
        """Every hit of a search, a page at a time, from one state of the index (a scroll)."""
        raw = self.store.call(self.store.client.search, index=self.index, body={**body, "size": SCROLL_SIZE},
                              scroll="5m")
        scroll_id = raw.get("_scroll_id")
        try:
            while raw["hits"]["hits"]:
                yield from raw["hits"]["hits"]
                raw = self.store.call(self.store.client.scroll, body={"scroll_id": scroll_id, "scroll": "5m"})
                scroll_id = raw.get("_scroll_id", scroll_id)
        finally:
            if scroll_id:
                try:
                    self.store.client.clear_scroll(body={"scroll_id": [scroll_id]})
                except Exception:  # noqa: BLE001 - a scroll left behind lapses by itself
                    pass

    def paragraphs(self) -> Iterator[dict[str, Any]]:
        ids = StableIds((self.store.manifest() or {}).get("sources") or [])
        body = {"query": {"term": {"doctype": "para"}}, "sort": [{"path": "asc"}, {"n": "asc"}]}
        for h in self._scroll(body):
            src = h["_source"]
            sid = ids(src.get("path")) or src["release"]
            yield {"id": f"{sid}#{src['n']}", "release": sid, "n": src["n"], "kind": src.get("kind"),
                   "speaker": src.get("speaker"), "speaker_role": src.get("role"),
                   "speaker_key": src.get("speaker_key") or None, "title": src.get("title"),
                   "date": src.get("date"), "source": src.get("source"), "location": src.get("location"),
                   "url": src.get("url"), "path": src.get("path"), "text": src.get("text") or "",
                   "content_id": src["release"]}

    def speaker_paragraphs(self, key: str) -> list[SpeakerParagraph]:
        body = {"query": {"bool": {"filter": [{"term": {"doctype": "para"}}, {"term": {"kind": "body"}},
                                              {"term": {"speaker_key": key}}]}},
                "sort": [{"path": "asc"}, {"n": "asc"}], "_source": _PARA_SOURCE}
        out = []
        for h in self._scroll(body):
            src = h["_source"]
            out.append(SpeakerParagraph(id=f"{src['release']}#{src['n']}", n=src["n"], kind=src["kind"],
                                        speaker=src.get("speaker") or "", speaker_role=src.get("role"),
                                        text=src.get("text") or "", title=src.get("title"), date=src.get("date"),
                                        source=src.get("source"), location=src.get("location"),
                                        url=src.get("url"),
                                        quotes=[[q["start"], q["end"]] for q in src.get("quotes") or ()
                                                if q["spoken"] and q["kind"] in ("direct", "continuation")]))
        aliases = self._release_aliases(sorted({p.release for p in out}), key)
        for p in out:
            p.aliases = list(aliases.get(p.release, ()))
        return out

    def paths(self) -> list[str]:
        return list(self.files())

    def release_at(self, path: str) -> str | None:
        hits = self._search({"query": {"bool": {"filter": [{"term": {"doctype": "file"}}, {"term": {"path": path}}]}},
                             "size": 1, "_source": ["release"]})["hits"]["hits"]
        return hits[0]["_source"]["release"] if hits else None

    def files(self) -> dict[str, dict[str, Any]]:
        """Every indexed file: path → {"hash", "releases"}."""
        return {path: {"hash": rec["hash"], "releases": rec["releases"]} for path, rec in self.file_records().items()}

    def file_records(self) -> dict[str, dict[str, Any]]:
        """`files`, each with the paragraph numbers of its release (``ns``: what a writer deletes)."""
        files: dict[str, dict[str, Any]] = {}
        after = None
        while True:
            body: dict[str, Any] = {"query": {"term": {"doctype": "file"}}, "size": 5000, "sort": [{"path": "asc"}],
                                    "_source": ["path", "hash", "release", "ns"]}
            if after:
                body["search_after"] = after
            hits = self._search(body)["hits"]["hits"]
            for h in hits:
                s = h["_source"]
                rec = files.setdefault(s["path"], {"hash": s["hash"], "releases": [], "ns": s.get("ns") or []})
                rec["releases"].append(s["release"])
            if len(hits) < 5000:
                return files
            after = hits[-1]["sort"]

    def paragraph_counts(self) -> dict[str, int]:
        """Release id → paragraphs indexed (`Index.check`)."""
        counts: dict[str, int] = {}
        after = None
        while True:
            comp: dict[str, Any] = {"size": 10_000, "sources": [{"r": {"terms": {"field": "release"}}}]}
            if after:
                comp["after"] = after
            agg = self._search({"size": 0, "query": {"term": {"doctype": "para"}},
                                "aggs": {"r": {"composite": comp}}})["aggregations"]["r"]
            counts.update((b["key"]["r"], b["doc_count"]) for b in agg["buckets"])
            after = agg.get("after_key")
            if not agg["buckets"] or not after:
                return counts

    def segments(self) -> int:
        stats = self.store.call(self.store.client.indices.stats, index=self.index, metric="segments")
        return int(stats["_all"]["primaries"]["segments"]["count"])


def release_from(record: dict[str, Any], paras: list[dict[str, Any]]) -> Release:
    meta = dict(record.get("meta") or {})
    date = dt.date.fromisoformat(meta["date"]) if meta.get("date") else None
    return Release(
        path=record["path"], id=record["release"], title=meta.get("title"), subtitle=meta.get("subtitle"),
        labels=meta.get("labels", []), date=date, location=meta.get("location"), source=meta.get("source"),
        url=meta.get("url"), language=meta.get("language"), format=meta.get("format"),
        contacts=[Contact(**c) for c in meta.get("contacts", [])],
        paragraphs=[_paragraph(d) for d in paras],
    )


def _paragraph(d: dict[str, Any]) -> Paragraph:
    """A paragraph from its document, its quote records with it (a quote's speaker is the paragraph's, or
    nobody: session.py keeps no more, as the Whoosh engine)."""
    text, speaker, role = d.get("text") or "", d.get("speaker"), d.get("role")
    quotes = [Quote(q["start"], q["end"], text[q["start"]:q["end"]], speaker if q["spoken"] else None,
                    role if q["spoken"] else None, q["kind"]) for q in d.get("quotes") or ()]
    return Paragraph(n=d["n"], kind=d["kind"], text=text, speaker=speaker, speaker_role=role, quotes=quotes,
                     language=d.get("lang"))


def _matchers(compiled: Any) -> tuple[Any, Any]:
    """The tests of a hit's words for its highlights: in the text, and inside its quotes (or None)."""
    return highlight_matcher(compiled), quote_matcher(compiled)


def _first_doc(top: dict[str, Any]) -> float:
    """Where a bucket's first document stands in the index (its ``_doc`` sort value)."""
    hits = top["hits"]["hits"]
    return float(hits[0]["sort"][0]) if hits and hits[0].get("sort") else float("inf")


def _date_sort(sort: str) -> list[dict[str, Any]]:
    """Newest or oldest first, undated paragraphs last either way; then by score."""
    return [{"day": {"order": "desc" if sort == "date" else "asc", "missing": "_last"}}, {"_score": "desc"}]


def _without_contains(request: SearchRequest) -> SearchRequest:
    return replace(request, contains=())


def _publishers(buckets: list[dict[str, Any]], sources: list[str], limit: int | None) -> list[FacetValue]:
    """Matching paragraphs per publisher (`searchidx.search.publishers`), from their counts per file."""
    counts: Counter[str] = Counter()
    for b in buckets:
        labels = b.get("label", {}).get("buckets", [])
        name = publisher(labels[0]["key"] if labels else None, b["key"], sources)
        if name:
            counts[name] += b["doc_count"]
    return [FacetValue(value=name, label=name, count=count) for name, count in counts.most_common(limit)]


def _months(buckets: list[dict[str, Any]]) -> list[tuple[str, int]]:
    """Matches per month ("2023-08") from the first month with any to the last, empty months as 0."""
    counts = {int(b["key"]) // 100: b["doc_count"] for b in buckets}
    if not counts:
        return []
    out = []
    y, m = divmod(min(counts), 100)
    last = max(counts)
    while y * 100 + m <= last:
        out.append((f"{y:04d}-{m:02d}", counts.get(y * 100 + m, 0)))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _label(name: str, bucket: dict[str, Any]) -> str:
    if name in ("year", "language"):
        return str(bucket["key"])
    labels = bucket.get("label", {}).get("buckets", [])
    return labels[0]["key"] if labels else str(bucket["key"])


_WORD_RE = re.compile(r'(?<![\w:])([^\W\d_][^\W_]*)(?![\w:*~(])')
_OPERATORS = {"AND", "OR", "NOT", "TO", "ANDNOT", "ANDMAYBE"}


def _suggestable(query: str) -> list[str]:
    words = []
    for m in _WORD_RE.finditer(query):
        if m.group(1) in _OPERATORS:
            continue
        folded = folded_words(m.group(1))
        if len(folded) == 1 and len(folded[0]) >= 4 and folded[0] not in words:
            words.append(folded[0])
    return words


def _grouped(hits: list[dict[str, Any]], collapse: bool) -> list[list[dict[str, Any]]]:
    """Hits in rank order, those with the same text fingerprint folded into the first one's group."""
    groups: list[list[dict[str, Any]]] = []
    by_print: dict[str, list[dict[str, Any]]] = {}
    for h in hits:
        fp = h["_source"].get("fingerprint") if collapse else None
        if fp and fp in by_print:
            by_print[fp].append(h)
            continue
        groups.append([h])
        if fp:
            by_print[fp] = groups[-1]
    return groups


def _suggestion(query: str, words: list[str], freqs: list[int], rare: list[int], raw: dict[str, Any]) -> str | None:
    """The query with each word the index does not know (or knows far less than a close one) replaced."""
    better: dict[str, str] = {}
    for i in rare:
        w, freq = words[i], freqs[i]
        best: tuple[int, int, str] | None = None
        for f in ("words", "speaker", "title_words"):
            for entry in raw.get("suggest", {}).get(f"{f}_{i}", []):
                for opt in entry.get("options", []):
                    cand = opt["text"]
                    if cand == w:
                        continue
                    dist = 1 if _one_edit(cand, w) else 2
                    key = (dist, -opt["freq"], cand)
                    if best is None or key < best:
                        best = key
        if best is not None and -best[1] >= max(1, freq * 20):
            better[w] = best[2]
    if not better:
        return None
    pieces, last = [], 0
    for m in _WORD_RE.finditer(query):
        word = m.group(1)
        folded = fold(word)
        if folded in better:
            pieces.append(query[last:m.start(1)])
            pieces.append(better[folded].capitalize() if word[:1].isupper() else better[folded])
            last = m.end(1)
    pieces.append(query[last:])
    return "".join(pieces)


def _one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) <= 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))
