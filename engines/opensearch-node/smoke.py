#!/usr/bin/env python3
"""Smoke test of a local OpenSearch cluster made by .ci/opensearch.sh, through opensearch-py.

    python smoke.py DIR [--failover]      DIR as given to `.ci/opensearch.sh start DIR`
    python smoke.py --url URL [--url URL]

Checks a custom analyzer (lowercase + asciifolding + porter_stem, and a shingle filter), bulk
indexing, match / match_phrase / bool queries, a terms aggregation, a date_histogram, highlighting
from indexed offsets and a term suggester; with two nodes, an index with one replica reaching green
health with its copies on different nodes. --failover then stops the elected cluster manager (voting exclusion
first, then SIGTERM to its pid from DIR) and checks that searches still work on the other.

Talks to 127.0.0.1 (or another loopback address) only; refuses any other host. The documents are
made up here. Prints one line per check and `smoke: N passed, N failed`; exits 1 on any failure.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import signal
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

from opensearchpy import OpenSearch, helpers

DOCS = [
    {"title": "Mayor opens the new Café on Main Street", "speaker": "mayor",
     "date": "2024-01-15", "body": "The mayor said the café runs on local produce."},
    {"title": "City council approves the budget", "speaker": "council",
     "date": "2024-01-20", "body": "The city council approved the budget after a long debate."},
    {"title": "Police chief on running events", "speaker": "police",
     "date": "2024-02-03", "body": "Runners and running clubs must register with the city."},
    {"title": "Mayor and council on naïve plans", "speaker": "mayor",
     "date": "2024-02-10", "body": "Naïve plans were rejected by the city council, said the mayor."},
    {"title": "Harbour works resume", "speaker": "council",
     "date": "2024-03-01", "body": "Works at the harbour resume on Monday."},
    {"title": "Police report for March", "speaker": "police",
     "date": "2024-03-28", "body": "The police report counts fewer thefts in the city centre."},
]

INDEX_BODY = {
    "settings": {
        "number_of_shards": 1,
        "analysis": {
            "filter": {
                "shingle_2": {"type": "shingle", "min_shingle_size": 2, "max_shingle_size": 2,
                              "output_unigrams": False},
            },
            "analyzer": {
                "folded_stem": {"type": "custom", "tokenizer": "standard",
                                "filter": ["lowercase", "asciifolding", "porter_stem"]},
                "folded_shingles": {"type": "custom", "tokenizer": "standard",
                                    "filter": ["lowercase", "asciifolding", "shingle_2"]},
            },
        },
    },
    "mappings": {
        "properties": {
            "title": {"type": "text", "analyzer": "folded_stem"},
            "body": {"type": "text", "analyzer": "folded_stem", "index_options": "offsets",
                     "fields": {"shingles": {"type": "text", "analyzer": "folded_shingles"}}},
            "speaker": {"type": "keyword"},
            "date": {"type": "date"},
        }
    },
}

# A server-side wait ("timeout" of the health API and others). opensearch-py takes a "timeout"
# parameter for its own socket timeout unless "request_timeout" is given too: give both.
SERVER_WAIT = {"timeout": "60s", "request_timeout": 90}


class Checks:
    def __init__(self) -> None:
        self.passed = 0
        self.failed = 0

    def check(self, name: str, ok: bool, detail: object = "") -> bool:
        if ok:
            self.passed += 1
            print(f"ok     {name}")
        else:
            self.failed += 1
            print(f"FAILED {name}: {detail}")
        sys.stdout.flush()
        return ok


def loopback_url(url: str) -> str:
    host = urlsplit(url).hostname or ""
    try:
        loop = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loop = False
    if not loop:
        raise SystemExit(f"smoke: refusing {url}: only loopback addresses are allowed")
    return url.rstrip("/")


def client(url: str) -> OpenSearch:
    return OpenSearch(hosts=[url], timeout=60, max_retries=0, retry_on_timeout=False)


def ids(resp: dict) -> list[str]:
    return sorted(hit["_id"] for hit in resp["hits"]["hits"])


def run(c: Checks, urls: list[str], cluster_dir: Path | None, failover: bool) -> None:
    nodes = len(urls)
    es = client(urls[0])
    health = es.cluster.health(wait_for_nodes=str(nodes), wait_for_status="yellow", params=SERVER_WAIT)
    c.check(f"cluster of {nodes} node(s) is up", health["number_of_nodes"] == nodes
            and not health["timed_out"], health)

    index = f"smoke-{uuid.uuid4().hex[:8]}"
    body = {**INDEX_BODY, "settings": {**INDEX_BODY["settings"], "number_of_replicas": nodes - 1}}
    es.indices.create(index=index, body=body)
    try:
        tokens = es.indices.analyze(index=index, body={"analyzer": "folded_stem",
                                                       "text": "Cafés RUNNING naïve"})
        got = [t["token"] for t in tokens["tokens"]]
        c.check("analyzer lowercase+asciifolding+porter_stem", got == ["cafe", "run", "naiv"], got)
        tokens = es.indices.analyze(index=index, body={"analyzer": "folded_shingles",
                                                       "text": "City Council approves"})
        got = [t["token"] for t in tokens["tokens"]]
        c.check("shingle filter", got == ["city council", "council approves"], got)

        actions = [{"_index": index, "_id": str(i), "_source": doc} for i, doc in enumerate(DOCS)]
        indexed, errors = helpers.bulk(es, actions, refresh="wait_for")
        c.check("bulk index", indexed == len(DOCS) and not errors, errors)

        r = es.search(index=index, body={"query": {"match": {"body": "cafe running"}}})
        c.check("match folds and stems (cafe running -> café, runs, running)",
                ids(r) == ["0", "2"], ids(r))
        r = es.search(index=index, body={"query": {"match_phrase": {"body": "city council"}}})
        c.check("match_phrase", ids(r) == ["1", "3"], ids(r))
        r = es.search(index=index, body={"query": {"match": {"body.shingles": "city council approved"}}})
        top = r["hits"]["hits"][0]["_id"] if r["hits"]["hits"] else None
        c.check("match on the shingle subfield (two shingles rank first)",
                ids(r) == ["1", "3"] and top == "1", (ids(r), top))
        r = es.search(index=index, body={"query": {"bool": {
            "must": [{"match": {"body": "city"}}],
            "must_not": [{"term": {"speaker": "police"}}],
            "filter": [{"range": {"date": {"gte": "2024-01-01", "lt": "2024-03-01"}}}],
        }}})
        c.check("bool must/must_not/filter", ids(r) == ["1", "3"], ids(r))

        r = es.search(index=index, body={"size": 0, "aggs": {
            "speakers": {"terms": {"field": "speaker"}},
            "months": {"date_histogram": {"field": "date", "calendar_interval": "month",
                                          "format": "yyyy-MM"}},
        }})
        speakers = {b["key"]: b["doc_count"] for b in r["aggregations"]["speakers"]["buckets"]}
        c.check("terms aggregation", speakers == {"mayor": 2, "council": 2, "police": 2}, speakers)
        months = {b["key_as_string"]: b["doc_count"] for b in r["aggregations"]["months"]["buckets"]}
        c.check("date_histogram", months == {"2024-01": 2, "2024-02": 2, "2024-03": 2}, months)

        r = es.search(index=index, body={
            "query": {"match": {"body": "cafe"}},
            "highlight": {"fields": {"body": {"type": "unified", "number_of_fragments": 0}}},
        })
        frags = r["hits"]["hits"][0].get("highlight", {}).get("body", []) if r["hits"]["hits"] else []
        c.check("highlight from offsets", frags == ["The mayor said the <em>café</em> runs on local produce."],
                frags)

        r = es.search(index=index, body={"size": 0, "suggest": {
            "fix": {"text": "councl", "term": {"field": "body", "suggest_mode": "always"}},
        }})
        options = [o["text"] for o in r["suggest"]["fix"][0]["options"]]
        c.check("term suggester", options[:1] == ["council"], options)

        plugins = {row["component"] for row in es.cat.plugins(format="json")}
        if "org.opensearch.painless.PainlessPlugin" in plugins:
            r = es.search(index=index, body={"query": {"script_score": {
                "query": {"match": {"body": "city"}},
                "script": {"source": "doc['speaker'].value == 'council' ? 2 : 1"},
            }}})
            scores = {hit["_id"]: hit["_score"] for hit in r["hits"]["hits"]}
            c.check("painless script_score", scores == {"1": 2.0, "3": 1.0, "2": 1.0, "5": 1.0}, scores)
        if "org.opensearch.index.reindex.ReindexPlugin" in plugins:
            if "org.opensearch.painless.PainlessPlugin" in plugins:
                r = es.update_by_query(index=index, refresh=True, body={
                    "query": {"term": {"speaker": "police"}},
                    "script": {"source": "ctx._source.speaker = 'police chief'", "lang": "painless"},
                })
                c.check("_update_by_query with a painless script", r["updated"] == 2, r)
                es.update_by_query(index=index, refresh=True, body={
                    "query": {"term": {"speaker": "police chief"}},
                    "script": {"source": "ctx._source.speaker = 'police'", "lang": "painless"},
                })
            scratch = f"{index}-copy"
            r = es.reindex(body={"source": {"index": index}, "dest": {"index": scratch}}, refresh=True)
            c.check("_reindex", r["created"] == len(DOCS), r)
            r = es.delete_by_query(index=scratch, body={"query": {"term": {"speaker": "mayor"}}}, refresh=True)
            c.check("_delete_by_query", r["deleted"] == 2 and es.count(index=scratch)["count"] == 4, r)
            es.indices.delete(index=scratch)
        if "org.opensearch.index.mapper.MapperExtrasPlugin" in plugins:
            scratch = f"{index}-extras"
            es.indices.create(index=scratch, body={"settings": {"number_of_replicas": 0}, "mappings": {
                "properties": {"weight": {"type": "rank_feature"},
                               "title": {"type": "search_as_you_type"}}}})
            es.index(index=scratch, id="a", body={"weight": 5.0, "title": "harbour works resume"})
            es.index(index=scratch, id="b", body={"weight": 1.0, "title": "harbour report"}, refresh=True)
            r = es.search(index=scratch, body={"query": {"bool": {
                "must": [{"multi_match": {"query": "harbour wo", "type": "bool_prefix", "operator": "and",
                                          "fields": ["title", "title._2gram", "title._3gram"]}}],
                "should": [{"rank_feature": {"field": "weight"}}],
            }}})
            c.check("mapper-extras: search_as_you_type and rank_feature", ids(r) == ["a"], ids(r))
            es.indices.delete(index=scratch)

        if nodes > 1:
            h = es.cluster.health(index=index, wait_for_status="green", params=SERVER_WAIT)
            c.check("index with 1 replica is green", h["status"] == "green" and not h["timed_out"], h)
            shards = es.cat.shards(index=index, format="json")
            where = {(s["prirep"], s["node"]) for s in shards if s["state"] == "STARTED"}
            c.check("primary and replica on different nodes",
                    len(where) == 2 and len({n for _, n in where}) == 2, shards)
            for i, url in enumerate(urls):
                r = client(url).count(index=index, body={"query": {"match": {"body": "city"}}})
                c.check(f"count through node {i}", r["count"] == 4, r)

        if failover:
            es = failover_checks(c, urls, cluster_dir, index)
    finally:
        try:
            es.indices.delete(index=index)
        except Exception as exc:  # noqa: BLE001 - a smoke test reports, it does not hide
            print(f"smoke: could not delete {index}: {exc}")


def failover_checks(c: Checks, urls: list[str], cluster_dir: Path | None, index: str) -> OpenSearch:
    """Stops the elected cluster manager (the harder case) and checks the survivor; returns its client."""
    es = client(urls[0])
    if len(urls) != 2 or cluster_dir is None:
        c.check("failover needs DIR and two nodes", False, urls)
        return es
    manager = es.cat.cluster_manager(format="json")[0]["node"]  # node-N, as .ci/opensearch.sh names them
    victim = int(manager.rsplit("-", 1)[1])
    survivor = 1 - victim
    es = client(urls[survivor])
    pid_file = cluster_dir / f"node{victim}" / "pid"
    pid = int(pid_file.read_text().strip())
    # With two cluster-manager-eligible nodes only one of them votes: take the victim out of the
    # voting configuration first, so that the survivor takes the cluster manager role.
    es.transport.perform_request("POST", "/_cluster/voting_config_exclusions",
                                 params={"node_names": manager, **SERVER_WAIT})
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.2)
    else:
        c.check(f"{manager} stops on SIGTERM", False, f"pid {pid} still runs after 60 s")
        return es
    pid_file.unlink(missing_ok=True)
    c.check(f"cluster manager {manager} stopped", True)
    h = es.cluster.health(index=index, wait_for_nodes="1", wait_for_status="yellow", params=SERVER_WAIT)
    c.check(f"survivor node-{survivor}: one node, index yellow",
            h["number_of_nodes"] == 1 and h["status"] == "yellow" and not h["timed_out"], h)
    r = es.search(index=index, body={"query": {"match_phrase": {"body": "city council"}}})
    c.check("survivor: search still works", ids(r) == ["1", "3"], ids(r))
    r = es.search(index=index, body={"size": 0, "aggs": {"speakers": {"terms": {"field": "speaker"}}}})
    c.check("survivor: aggregation still works", len(r["aggregations"]["speakers"]["buckets"]) == 3, r)
    es.index(index=index, id="new", body={"title": "Written after the failover", "speaker": "mayor",
                                          "date": "2024-04-01", "body": "Still writable."},
             refresh="wait_for")
    c.check("survivor: still writable", es.count(index=index)["count"] == len(DOCS) + 1)
    es.transport.perform_request("DELETE", "/_cluster/voting_config_exclusions",
                                 params={"wait_for_removal": "false"})
    return es


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("dir", nargs="?", type=Path, help="cluster directory of .ci/opensearch.sh")
    p.add_argument("--url", action="append", default=[], help="node URL (repeatable)")
    p.add_argument("--failover", action="store_true", help="stop the last node and search again")
    a = p.parse_args(argv)
    urls = list(a.url)
    if a.dir is not None:
        urls_file = a.dir / "urls"
        if not urls_file.is_file():
            raise SystemExit(f"smoke: {urls_file} is missing: run .ci/opensearch.sh start {a.dir}")
        urls += [u for u in urls_file.read_text().split() if u]
    if not urls:
        p.error("give DIR or --url")
    urls = [loopback_url(u) for u in urls]
    t0 = time.monotonic()
    c = Checks()
    try:
        run(c, urls, a.dir, a.failover)
    except Exception as exc:  # noqa: BLE001 - an error (node down, API refused) is a failed check
        c.check("no error", False, f"{type(exc).__name__}: {exc}")
    print(f"smoke: took {time.monotonic() - t0:.1f} s")
    print(f"smoke: {c.passed} passed, {c.failed} failed")
    return 1 if c.failed else 0


if __name__ == "__main__":
    sys.exit(main())
