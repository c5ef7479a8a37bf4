"""An index on an OpenSearch cluster: the address, the client, the indices and the sync state kept there.

``opensearch://HOST:PORT[,HOST:PORT...]/NAME`` names it (``opensearch+https://`` for TLS). ``NAME`` is an
alias of the generation being searched (``NAME-g1``, ``NAME-g2`` after a rebuild...); ``NAME-searchidx``
holds what any machine needs to sync: the manifest (sources, generation, last update) and the writers' lock.
File records (path, content hash, release) live beside the paragraphs, in the generation itself.
"""

from __future__ import annotations

import getpass
import logging
import os
import socket
import time
import uuid
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from opensearchpy import OpenSearch
from opensearchpy import exceptions as os_errors

from searchidx.engine.opensearch.mapping import MAPPING_VERSION, mappings, settings
from searchidx.errors import IndexLockedError, IndexNotFoundError, SearchidxError

SCHEMES = ("opensearch", "opensearch+http", "opensearch+https")
#: A writer's lock lapses this long after its last sign of life (a dead writer does not block others).
LOCK_TTL = 120.0


@dataclass(frozen=True)
class Address:
    hosts: tuple[str, ...]
    name: str
    tls: bool = False

    @property
    def url(self) -> str:
        return f"opensearch{'+https' if self.tls else ''}://{','.join(self.hosts)}/{self.name}"


def parse_url(url: str) -> Address:
    """The hosts and index name of an ``opensearch://`` URL (`SearchidxError` for one that is not)."""
    parts = urlsplit(url)
    name = parts.path.strip("/")
    if parts.scheme not in SCHEMES or not parts.netloc or not name or "/" in name:
        raise SearchidxError(f"{url}: not an engine URL (write opensearch://HOST:PORT/NAME, e.g. "
                             f"opensearch://127.0.0.1:9200/releases)")
    if name != name.lower() or name.startswith(("_", "-", "+")) or any(c in name for c in ' "*\\<|,>?#:'):
        raise SearchidxError(f"{url}: {name!r} cannot name an OpenSearch index (lower case, no spaces or "
                             f"\\/*?\"<>|,#:, not starting with _ - +)")
    hosts = tuple(h if ":" in h else f"{h}:9200" for h in parts.netloc.split(","))
    return Address(hosts, name, tls=parts.scheme == "opensearch+https")


def unavailable(address: Address, exc: BaseException) -> SearchidxError:
    """One line for a cluster that does not answer, refuses a write, or answers with an error."""
    if isinstance(exc, os_errors.ConnectionTimeout):
        return SearchidxError(f"{address.url}: the OpenSearch cluster did not answer in time")
    if isinstance(exc, os_errors.ConnectionError):
        return SearchidxError(f"{address.url}: the OpenSearch cluster is not reachable "
                              f"({', '.join(address.hosts)}); is it running?")
    if isinstance(exc, os_errors.TransportError):
        reason = _reason(exc.info) or str(exc.error)
        if "read_only" in reason or "cluster_block" in str(exc.error):
            return SearchidxError(f"{address.url}: the OpenSearch index is read-only ({reason}); free disk space "
                                  f"or lift the block, then run the command again")
        return SearchidxError(f"{address.url}: OpenSearch answered {exc.status_code}: {reason}")
    return SearchidxError(f"{address.url}: {type(exc).__name__}: {exc}")


def _reason(info: Any) -> str:
    if isinstance(info, dict):
        err = info.get("error")
        if isinstance(err, dict):
            cause = (err.get("root_cause") or [err])[0]
            return str(cause.get("reason") or cause.get("type") or err)
        if err:
            return str(err)
    return ""


class Store:
    """The client and the indices of one ``opensearch://`` address."""

    def __init__(self, address: Address, *, shards: int = 1, replicas: int | None = None,
                 timeout: float = 30.0) -> None:
        self.address = address
        self.shards = shards
        self.replicas = replicas
        self.client = OpenSearch(
            hosts=[f"http{'s' if address.tls else ''}://{h}" for h in address.hosts], timeout=timeout,
            # Another node takes over when one stops: retry there (searches go on).
            max_retries=3, retry_on_timeout=True, http_compress=False)
        self.meta_index = f"{address.name}-searchidx"
        client_log = logging.getLogger("opensearch")
        if client_log.level == logging.NOTSET:
            # The client logs each failed request and retry as a warning; searchidx says what failed in one
            # line of its own (an embedder who sets a level sees them).
            client_log.setLevel(logging.CRITICAL)

    @property
    def url(self) -> str:
        return self.address.url

    def call(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        """``fn(*args, **kwargs)``, OpenSearch's errors as one-line `SearchidxError`s."""
        try:
            return fn(*args, **kwargs)
        except (os_errors.ConnectionError, os_errors.TransportError) as exc:
            if isinstance(exc, os_errors.NotFoundError) and "index_not_found" in str(exc.error):
                raise IndexNotFoundError(f"no index at {self.url} (build one with: searchidx build PATH "
                                         f"--engine {self.url})") from None
            raise unavailable(self.address, exc) from None

    # -- the manifest ---------------------------------------------------------------------------
    def manifest(self) -> dict[str, Any] | None:
        """The manifest (sources, generation, updated), or None when there is no index at this address."""
        try:
            doc = self.client.get(index=self.meta_index, id="manifest")
        except os_errors.NotFoundError:
            return None
        except (os_errors.ConnectionError, os_errors.TransportError) as exc:
            raise unavailable(self.address, exc) from None
        return doc["_source"]

    def write_manifest(self, **fields: Any) -> None:
        self.call(self.client.update, index=self.meta_index, id="manifest", body={"doc": fields}, refresh="true")

    def create(self) -> dict[str, Any]:
        """The meta index, the first generation and the alias, if missing; returns the manifest."""
        if not self.call(self.client.indices.exists, index=self.meta_index):
            try:
                self.client.indices.create(index=self.meta_index, body={
                    "settings": {"index": {"number_of_shards": 1, "auto_expand_replicas": "0-1"}},
                    "mappings": {"dynamic": False, "properties": {}}})
            except os_errors.RequestError as exc:  # another machine created it meanwhile
                if "already_exists" not in str(exc.error):
                    raise unavailable(self.address, exc) from None
            except (os_errors.ConnectionError, os_errors.TransportError) as exc:
                raise unavailable(self.address, exc) from None
        info = self.manifest()
        if info is None:
            generation = self.new_generation()
            self.call(self.client.indices.put_alias, index=generation, name=self.address.name)
            try:
                self.client.index(index=self.meta_index, id="manifest", op_type="create", refresh="true",
                                  body={"sources": [], "generation": generation, "updated": None,
                                        "mapping_version": MAPPING_VERSION})
            except os_errors.ConflictError:
                self.drop_generation(generation)
            except (os_errors.ConnectionError, os_errors.TransportError) as exc:
                raise unavailable(self.address, exc) from None
            info = self.manifest() or {}
        return info

    def new_generation(self) -> str:
        """A new empty generation index (``NAME-gN``, N one more than any that exists)."""
        existing = self.call(self.client.indices.get, index=f"{self.address.name}-g*", ignore_unavailable=True,
                             allow_no_indices=True, expand_wildcards="all")
        numbers = [int(n.rsplit("-g", 1)[1]) for n in existing if n.rsplit("-g", 1)[1].isdigit()]
        name = f"{self.address.name}-g{max(numbers, default=0) + 1}"
        self.call(self.client.indices.create, index=name,
                  body={"settings": settings(self.shards, self.replicas), "mappings": mappings()})
        self.call(self.client.cluster.health, index=name, wait_for_status="yellow", timeout="60s",
                  request_timeout=70)
        return name

    def drop_generation(self, name: str) -> None:
        try:
            self.client.indices.delete(index=name, ignore_unavailable=True)
        except (os_errors.ConnectionError, os_errors.TransportError):
            pass  # the next rebuild removes it

    def switch(self, old: str | None, new: str) -> None:
        """Point the alias at ``new`` in one step (searches meanwhile use ``old``)."""
        actions: list[dict[str, Any]] = [{"add": {"index": new, "alias": self.address.name}}]
        if old:
            actions.insert(0, {"remove": {"index": old, "alias": self.address.name}})
        self.call(self.client.indices.update_aliases, body={"actions": actions})

    # -- the writers' lock ----------------------------------------------------------------------
    def lock(self, timeout: float) -> Lock:
        lock = Lock(self)
        lock.acquire(timeout)
        return lock


class Lock:
    """The writers' lock: a document created only if absent (``op_type=create``), with an expiry that the
    writer pushes back as it works; an expired one (its writer died) is taken over."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.owner = f"{getpass.getuser()}@{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.timeout = 0.0
        self.held = False

    def acquire(self, timeout: float) -> None:
        self.timeout = timeout
        store, client = self.store, self.store.client
        deadline = time.monotonic() + timeout
        while True:
            try:
                client.index(index=store.meta_index, id="lock", op_type="create", refresh="true",
                             body={"owner": self.owner, "expires": time.time() + LOCK_TTL})
                self.held = True
                return
            except os_errors.ConflictError:
                pass
            except (os_errors.ConnectionError, os_errors.TransportError) as exc:
                raise unavailable(store.address, exc) from None
            try:
                doc = client.get(index=store.meta_index, id="lock")
            except os_errors.NotFoundError:
                continue
            except (os_errors.ConnectionError, os_errors.TransportError) as exc:
                raise unavailable(store.address, exc) from None
            if doc["_source"].get("expires", 0) < time.time():
                try:  # the writer died: take its lock over (only if nobody else did first)
                    client.delete(index=store.meta_index, id="lock", if_seq_no=doc["_seq_no"],
                                  if_primary_term=doc["_primary_term"], refresh="true")
                except os_errors.TransportError:
                    pass
                continue
            if time.monotonic() >= deadline:
                raise IndexLockedError(f"another process is writing to {store.url} "
                                       f"({doc['_source'].get('owner')}); try again later")
            time.sleep(0.2)

    def renew(self) -> None:
        if self.held:
            self.store.call(self.store.client.update, index=self.store.meta_index, id="lock",
                            body={"doc": {"expires": time.time() + LOCK_TTL}})

    def release(self) -> None:
        if not self.held:
            return
        self.held = False
        try:
            doc = self.store.client.get(index=self.store.meta_index, id="lock")
            if doc["_source"].get("owner") == self.owner:
                self.store.client.delete(index=self.store.meta_index, id="lock", if_seq_no=doc["_seq_no"],
                                         if_primary_term=doc["_primary_term"], refresh="true")
        except (os_errors.ConnectionError, os_errors.TransportError):
            pass  # it lapses by itself

    def __enter__(self) -> Lock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
