"""Faults on a real two-node OpenSearch cluster with one replica: a node stopped during a sync (the sync
fails with one clear line or completes; after a re-run nothing is missing) and while searching (searches go
on). Each test restarts the node it stopped."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from searchidx import Index
from searchidx.errors import SearchidxError
from searchidx.load.core import load_release
from tests.opensearch_cluster import Cluster, opensearch  # noqa: F401 - the session's cluster fixture
from tests.releases import make_releases, word


@pytest.fixture
def two_nodes(opensearch: Cluster) -> Cluster:  # noqa: F811
    if opensearch.folder is None:
        pytest.skip("$SEARCHIDX_TEST_OPENSEARCH_DIR is not set: these tests stop and start nodes")
    if len(opensearch.hosts) < 2:
        pytest.skip("the cluster has one node: these tests stop one of two")
    return opensearch


def _wait_green(cluster: Cluster, url: str) -> None:
    name = url.rsplit("/", 1)[1].split("?")[0]
    cluster.client().cluster.health(index=name, wait_for_status="green", timeout="120s", request_timeout=130)


def test_node_stopped_during_a_sync(two_nodes: Cluster, tmp_path: Path):
    releases = tmp_path / "releases"
    count = 600
    make_releases(releases, count)
    url = two_nodes.url(replicas=1)
    stopped = threading.Event()

    def progress(done: int, total: int, path: str) -> None:
        if done >= count // 4 and not stopped.is_set():
            stopped.set()
            two_nodes.stop_node(1)

    try:
        index = Index.open(url, create=True, commit_every=50)
        _wait_green(two_nodes, url)
        try:
            first = index.sync([releases], progress=progress)
            outcome = f"completed: {first.summary()}"
        except SearchidxError as exc:
            message = str(exc)
            assert "\n" not in message and url.split("?")[0].split("://")[1].split("/")[0] in message, message
            outcome = f"failed: {message}"
        assert stopped.is_set()
        print(f"sync while a node stopped: {outcome}")
        two_nodes.start_nodes()
        _wait_green(two_nodes, url)
        again = Index.open(url).sync([releases])
        assert again.ok, again.skipped
        index = Index.open(url)
        assert len(index.files()) == count, outcome
        check = index.check()
        assert check.ok, (outcome, check.problems)
        assert index.stats().paragraphs == count * len(load_release(str(releases / "rel_0000.txt")).paragraphs)
        for i in range(0, count, 37):  # each release's own word finds it, once
            assert index.search(word(i), limit=0).total == 1, (i, outcome)
    finally:
        if stopped.is_set() and len(two_nodes.client().cat.nodes(format="json")) < 2:
            two_nodes.start_nodes()
        two_nodes.drop(url)


def test_node_stopped_while_searching(two_nodes: Cluster, tmp_path: Path):
    releases = tmp_path / "releases"
    make_releases(releases, 60)
    url = two_nodes.url(replicas=1)
    try:
        index = Index.open(url, create=True)
        index.sync([releases])
        _wait_green(two_nodes, url)
        expected = index.search("council", limit=0).total
        results: list[object] = []
        done = threading.Event()

        def search() -> None:
            searcher = Index.open(url)
            while not done.is_set():
                try:
                    results.append(searcher.search("council", limit=5, facets=("year",)).total)
                except SearchidxError as exc:
                    results.append(exc)
                time.sleep(0.02)

        thread = threading.Thread(target=search)
        thread.start()
        try:
            time.sleep(1.0)
            before = len(results)
            two_nodes.stop_node(1)
            time.sleep(3.0)
        finally:
            done.set()
            thread.join(60)
        after = results[before:]
        assert after, "no search ran while the node stopped"
        assert all(r == expected for r in results), [r for r in results if r != expected][:3]
    finally:
        if len(two_nodes.client().cat.nodes(format="json")) < 2:
            two_nodes.start_nodes()
        two_nodes.drop(url)
