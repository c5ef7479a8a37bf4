"""The OpenSearch engine: searches, speakers, stats and releases of an index on an OpenSearch cluster."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from searchidx.engine.base import SearchRequest
from searchidx.engine.opensearch.analysis import WORD, _folded_and_stemmed, folded_words
from searchidx.engine.opensearch.compile import compile_tree, highlight_matcher
from searchidx.engine.opensearch.folding import fold
from searchidx.engine.opensearch.store import Store
from searchidx.errors import QueryError, SearchidxError
from searchidx.model import Contact, Paragraph, Release
from searchidx.search import query as qt
from searchidx.search.query import KINDS, TITLE_BOOST, _as_day
from searchidx.search.results import Context, FacetValue, Hit, SearchResults, SpeakerSummary, Stats

#: Facets and the field each counts (the label: the first document's ``label`` field).
FACETS = {"speaker": ("speaker_key", "speaker"), "source": ("source_key", "source"), "year": ("year", None),
          "location": ("location_key", "location")}
_PARA_SOURCE = ["release", "n", "kind", "text", "speaker", "role", "title", "date", "source", "location", "url",
                "speaker_key", "path", "fingerprint"]


class OpenSearchEngine:
    """`searchidx.engine.base.Engine` on an OpenSearch index (its alias: the current generation)."""

    name = "opensearch"

    def __init__(self, store: Store) -> None:
        self.store = store
        self.index = store.address.name

    def _search(self, body: dict[str, Any], **kw: Any) -> dict[str, Any]:
        return self.store.call(self.store.client.search, index=self.index, body=body, **kw)

    # -- search -------------------------------------------------------------------------------
    def search(self, request: SearchRequest) -> SearchResults:
        tree = request.tree if request.tree is not None else qt.parse(request.query)
        compiled = compile_tree(tree)
        filters: list[dict[str, Any]] = [{"term": {"doctype": "para"}}]
        kinds = request.kinds
        if kinds and not qt.names_field(tree, "kind"):
            filters.append({"terms": {"kind": [k for k in KINDS if k in kinds]}})
        if request.quotes_only:
            filters.append({"term": {"quoted": True}})
        for fname, value in (("speaker", request.speaker), ("source", request.source)):
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
        bonus = [{"constant_score": {"filter": {"term": {"title_stems": w}}, "boost": TITLE_BOOST}}
                 for w in compiled.title_words]
        query: dict[str, Any] = {"bool": {"must": [compiled.query], "filter": filters}}
        if bonus:
            query["bool"]["should"] = bonus
        limit, page = request.limit, request.page
        want = page * limit
        # As on Whoosh: copies fold into the first of them among the ranked matches fetched, a few spares
        # more than the page; more only when copies fill them.
        fetch = want + 5 if request.collapse and limit else want
        body: dict[str, Any] = {"query": query, "track_total_hits": True, "size": fetch,
                                "_source": _PARA_SOURCE}
        if request.sort == "date":
            body["sort"] = [{"day": {"order": "desc", "missing": "_last"}}, {"_score": "desc"}]
            body["track_scores"] = True
        aggs: dict[str, Any] = {}
        size = request.facet_limit if request.facet_limit is not None else 65_536
        for name in request.facets:
            field, label = FACETS[name]
            # breadth_first: the label sub-aggregation runs for the values kept, not for every value collected.
            agg: dict[str, Any] = {"terms": {"field": field, "size": size, "shard_size": max(size * 10, 1000),
                                             "collect_mode": "breadth_first"}}
            if label:  # how the value reads: its commonest spelling (a sub-aggregation on doc values)
                agg["aggs"] = {"label": {"terms": {"field": f"{label}.raw", "size": 1}}}
            aggs[f"facet_{name}"] = agg
        if request.timeline:
            aggs["timeline"] = {"date_histogram": {"field": "date", "calendar_interval": "month",
                                                   "format": "yyyy-MM", "min_doc_count": 0}}
        words = _suggestable(request.query) if request.suggest and request.query.strip() else []
        if aggs:
            body["aggs"] = aggs
        if words:
            # How often each word is found anywhere (a suggestion is looked for only when rare): counts read
            # from postings, in the same round trip (a global filter aggregation would test every document).
            lines: list[dict[str, Any]] = [{"index": self.index}, body]
            for w in words:
                lines += [{"index": self.index}, {"size": 0, "track_total_hits": True, "query": {"bool": {"should": [
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
        matches = highlight_matcher(compiled)
        hits = []
        for group in groups[(page - 1) * limit: want]:
            hit = self._hit(group[0], matches)
            for c in group[1:]:
                cs = c["_source"]
                hit.duplicates.append(c["_id"])
                hit.duplicate_releases.append({"id": cs["release"], "title": cs.get("title"),
                                               "date": cs.get("date"), "source": cs.get("source")})
            hits.append(hit)
        if request.context:
            self._context(hits, request.context)
        out = SearchResults(query=request.query, total=total, page=page, limit=limit, hits=hits)
        for name in request.facets:
            buckets = raw["aggregations"][f"facet_{name}"]["buckets"]
            out.facets[name] = [FacetValue(value=b["key"], label=_label(name, b), count=b["doc_count"])
                                for b in buckets if b["key"] not in ("", None)]
        if request.timeline:
            out.timeline = [(b["key_as_string"], b["doc_count"]) for b in raw["aggregations"]["timeline"]["buckets"]]
        if words:
            out.suggestion = self._suggestion(request.query, words, freqs, total)
        return out

    def _suggestion(self, query: str, words: list[str], freqs: list[int], total: int) -> str | None:
        """The term suggester asked about the words the index knows too little (one request more, rarely)."""
        rare = [i for i, freq in enumerate(freqs) if not (freq and (total > 3 or freq > 3))]
        if not rare:
            return None
        suggest = {f"{f}_{i}": {"text": words[i], "term": {
            "field": f, "suggest_mode": "always", "max_edits": 2 if len(words[i]) >= 6 else 1, "prefix_length": 1,
            "min_word_length": 4, "size": 5, "sort": "frequency", "string_distance": "levenshtein"}}
            for i in rare for f in ("words", "speaker", "title_words")}
        raw = self._search({"size": 0, "query": {"match_none": {}}, "suggest": suggest})
        return _suggestion(query, words, freqs, rare, raw)

    def _hit(self, h: dict[str, Any], matches: Any) -> Hit:
        src = h["_source"]
        text = src.get("text") or ""
        spans = [m.span() for m in WORD.finditer(text) if matches(*_folded_and_stemmed(m.group()))]
        hit = Hit(id=h["_id"], path=src.get("path"), n=src["n"], kind=src["kind"], speaker=src.get("speaker"),
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
            lines.append({"index": self.index, "routing": h.release})
            lines.append({"query": {"bool": {"filter": [{"term": {"doctype": "para"}}, {"term": {"release": h.release}},
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
                                    "roles": {"terms": {"field": "role", "size": 100}},
                                    "name": {"top_hits": {"size": 1, "_source": ["speaker"],
                                                          "sort": [{"_doc": "asc"}]}}}}}})
            agg = raw["aggregations"]["s"]
            for b in agg["buckets"]:
                key = b["key"]["key"]
                if not key:
                    continue
                docs = [d["_source"] for d in b["name"]["hits"]["hits"]]
                roles = [r["key"] for r in b["roles"]["buckets"] if r["key"]]
                table.append(SpeakerSummary(name=docs[0].get("speaker") if docs else key, key=key, roles=roles,
                                            paragraphs=b["doc_count"], releases=b["releases"]["value"]))
            after = agg.get("after_key")
            if not agg["buckets"] or not after:
                break
        table.sort(key=lambda sp: (-sp.paragraphs, sp.name))
        return table

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
            raise SearchidxError(f"no release {release_id!r} in the index")
        paras = [d for d in docs if d.get("doctype") == "para"]
        return release_from(records[0], paras)

    def files(self) -> dict[str, dict[str, Any]]:
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
        paragraphs=[Paragraph(n=d["n"], kind=d["kind"], text=d.get("text") or "", speaker=d.get("speaker"),
                              speaker_role=d.get("role")) for d in paras],
    )


def _label(name: str, bucket: dict[str, Any]) -> str:
    if name == "year":
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
