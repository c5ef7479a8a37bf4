"""A real OpenSearch cluster for the engine tests: $SEARCHIDX_TEST_OPENSEARCH (a URL such as
http://127.0.0.1:9200, as .ci/run exports it; $SEARCHIDX_TEST_OPENSEARCH_DIR: the cluster's folder of
.ci/opensearch.sh, for tests that stop and start nodes), else two nodes started here through
.ci/opensearch.sh in a temporary folder and stopped at the end. Skips only when Java is absent."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.conftest import ROOT

SCRIPT = ROOT / ".ci" / "opensearch.sh"


@dataclass
class Cluster:
    #: host:port of each node.
    hosts: list[str]
    #: The .ci/opensearch.sh folder (None: a cluster this run did not start and cannot stop nodes of).
    folder: Path | None

    def url(self, name: str | None = None, **params: object) -> str:
        """An engine URL on every node, for a fresh index name unless ``name`` is given."""
        name = name or f"t{uuid.uuid4().hex[:10]}"
        query = "&".join(f"{k}={v}" for k, v in params.items())
        return f"opensearch://{','.join(self.hosts)}/{name}" + (f"?{query}" if query else "")

    def drop(self, url: str) -> None:
        from opensearchpy import OpenSearch

        name = urlsplit(url).path.strip("/")
        client = OpenSearch([f"http://{h}" for h in self.hosts])
        client.indices.delete(index=f"{name}-*", ignore_unavailable=True, expand_wildcards="all")

    def client(self):
        from opensearchpy import OpenSearch

        return OpenSearch([f"http://{h}" for h in self.hosts], max_retries=3, retry_on_timeout=True)

    def stop_node(self, i: int) -> None:
        """Stop node ``i`` the way an operator would: out of the voting configuration first (with two
        manager-eligible nodes the survivor is then the cluster manager), then TERM to its process."""
        assert self.folder is not None
        self.client().transport.perform_request(
            "POST", "/_cluster/voting_config_exclusions", params={"node_names": f"node-{i}", "timeout": "60s", "request_timeout": 70})
        pid = int((self.folder / f"node{i}" / "pid").read_text())
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + 60
        while Path(f"/proc/{pid}").exists() and time.monotonic() < deadline:
            state = Path(f"/proc/{pid}/status").read_text() if Path(f"/proc/{pid}/status").exists() else ""
            if "State:\tZ" in state:
                break
            time.sleep(0.1)

    def start_nodes(self) -> None:
        """Start whichever nodes are stopped, wait for a healthy cluster, let every node vote again."""
        assert self.folder is not None
        out = subprocess.run([str(SCRIPT), "start", str(self.folder), str(len(self.hosts))], capture_output=True,
                             text=True, timeout=600, check=False)
        assert out.returncode == 0, out.stdout + out.stderr
        self.client().transport.perform_request("DELETE", "/_cluster/voting_config_exclusions",
                                                params={"wait_for_removal": "false"})


def _hosts(urls: str) -> list[str]:
    return [urlsplit(u.strip() if "://" in u else f"http://{u.strip()}").netloc for u in urls.replace(",", " ").split()]


@pytest.fixture(scope="session")
def opensearch() -> Iterator[Cluster]:
    given = os.environ.get("SEARCHIDX_TEST_OPENSEARCH")
    if given:
        folder = os.environ.get("SEARCHIDX_TEST_OPENSEARCH_DIR")
        urls = Path(folder, "urls").read_text() if folder and Path(folder, "urls").exists() else given
        yield Cluster(_hosts(urls), Path(folder) if folder else None)
        return
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("Java is not installed: the OpenSearch engine tests start a real node (.ci/opensearch.sh)")
    folder = Path(tempfile.mkdtemp(prefix="searchidx-os-"))
    started = subprocess.run([str(SCRIPT), "start", str(folder), "2"], capture_output=True, text=True,
                             timeout=600, check=False)
    if started.returncode:
        shutil.rmtree(folder, ignore_errors=True)
        pytest.fail(f"the OpenSearch cluster did not start:\n{started.stdout}\n{started.stderr}")
    try:
        yield Cluster(_hosts((folder / "urls").read_text()), folder)
    finally:
        subprocess.run([str(SCRIPT), "stop", str(folder)], capture_output=True, timeout=120, check=False)
        shutil.rmtree(folder, ignore_errors=True)
