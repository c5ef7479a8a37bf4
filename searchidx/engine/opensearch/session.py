"""Writing an OpenSearch index: one writer's session under the writers' lock kept in OpenSearch.

The loader's worker processes read, parse, attribute and analyse the files (`searchidx.load.parallel`); this
process turns each release into bulk actions: its paragraphs (ids ``<release>#<n>``, routed by release so a
release lives on one shard) then its file record (``file:<path>``). Bulk requests are retried on
back-pressure (429) and on a node that went away; ids make a retry harmless. The index refreshes only when
the session commits, after whole releases: no half-written release is ever searchable, and a file record is
written after its paragraphs, so a sync cut short writes the release again next time.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import time
import unicodedata
import uuid
from collections import Counter
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from opensearchpy import exceptions as os_errors

from searchidx.engine.opensearch.analysis import WORD, analyse_quotes, analyse_release, analyse_text, folded_words
from searchidx.engine.opensearch.store import Lock, Store, unavailable
from searchidx.errors import SearchidxError
from searchidx.load.parallel import Loaded, load_files, load_one
from searchidx.model import Release

#: A bulk request is sent at this many bytes or actions.
BULK_BYTES = 4 << 20
BULK_ACTIONS = 4000
#: Seconds to keep retrying a bulk request that meets back-pressure or a missing node.
RETRY_FOR = 120.0
_RETRY_STATUS = {429, 502, 503, 504}


def fingerprint(text: str) -> str:
    """The same for paragraphs that differ only in case, accents, punctuation and spacing (as on Whoosh)."""
    if text.isascii():
        folded = text.lower()
    else:
        folded = unicodedata.normalize("NFKD", text)
        folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    return hashlib.sha1(" ".join(WORD.findall(folded)).encode("utf-8")).hexdigest()[:16]


def paragraph_documents(release: Release, analysed: Any = None, path: str | None = None,
                        people: list[dict[str, Any]] | None = None) -> list[tuple[str, dict[str, Any]]]:
    """(id, document) for each paragraph of a release, with the release's metadata and the path of the file
    that holds it (the first of its files, when copies share the release). ``people``: `release_people`."""
    from searchidx.attribution.rules import speaker_key  # writers only: its patterns take a while to load

    common: dict[str, Any] = {"doctype": "para", "release": release.id, "path": path or release.path}
    if release.title:
        common["title"] = release.title
        common["title_stems"], common["title_words"] = analyse_text(release.title)
    if release.date:
        d = release.date
        common.update(day=d.year * 10000 + d.month * 100 + d.day, year=d.year, date=d.isoformat())
    if release.location:
        common["location"] = release.location
        common["location_key"] = " ".join(folded_words(release.location))
    if release.source:
        common["source"] = release.source
        common["source_key"] = release.source.lower()
    if release.url:
        common["url"] = release.url
    texts = analysed["paras"] if analysed else analyse_release(release)
    quoted = analysed.get("quotes") if analysed else None
    if quoted is None:
        quoted = analyse_quotes(release)
    names = {person["key"]: " ".join(person["aliases"]) for person in people or ()}
    out = []
    for p, (stems, words), in_quotes in zip(release.paragraphs, texts, quoted):
        pid = f"{release.id}#{p.n}"
        doc = dict(common, n=p.n, kind=p.kind, quoted=bool(p.spoken_quotes()), text=p.text or "",
                   fingerprint=fingerprint(p.text) if p.text else pid)
        if stems:
            doc["stems"] = stems
        if words:
            doc["words"] = words
        if in_quotes and in_quotes[0]:
            doc["quote"] = in_quotes[0]
            if in_quotes[1]:
                doc["quote_words"] = in_quotes[1]
        if p.quotes:
            # As the Whoosh engine keeps them: whether a quote is the paragraph's speaker's, not whose.
            doc["quotes"] = [{"start": q.start, "end": q.end, "kind": q.kind, "spoken": bool(q.speaker)}
                             for q in p.quotes]
        if p.language:
            doc["lang"] = p.language
        if p.speaker:
            doc["speaker"] = p.speaker
            doc["speaker_key"] = key = speaker_key(p.speaker)
            doc["speaker_names"] = names.get(key) or p.speaker
        if p.speaker_role:
            doc["role"] = p.speaker_role
            doc["role_stems"] = analyse_text(p.speaker_role)[0]
        out.append((pid, doc))
    return out


def analyse(release: Release) -> dict[str, Any]:
    """What a loader worker computes for the writer: each paragraph's stems and words, and its quotes'."""
    return {"paras": analyse_release(release), "quotes": analyse_quotes(release)}


def release_people(release: Release) -> list[dict[str, Any]]:
    """The release's people, each once, with the forms of the name it writes (`release_speakers`), keyed
    as the paragraphs' speakers are: the file record keeps them (`speakers`' aliases), the paragraphs
    their names (--speaker). As the Whoosh engine's file records."""
    if not any(p.speaker for p in release.paragraphs):
        return []
    # Imported here: attribution's patterns take a while to load, and only writers need it.
    from searchidx.attribution.identity import release_speakers
    from searchidx.attribution.rules import speaker_key

    return [{"key": speaker_key(ident.aliases[0] if ident.aliases else ident.name), "name": ident.name,
             "aliases": ident.aliases, "roles": ident.roles} for ident in release_speakers(release)]


def file_record(path: str, digest: str, release: Release, people: list[dict[str, Any]] | None = None
                ) -> dict[str, Any]:
    meta = {k: v for k, v in release.to_dict().items() if k != "paragraphs"}
    meta["paragraph_count"] = len(release.paragraphs)
    if people:
        meta["speakers"] = people
    return {"doctype": "file", "path": path, "release": release.id, "hash": digest, "meta": meta,
            "ns": [p.n for p in release.paragraphs]}


class Bulk:
    """Bulk actions waiting to be sent, sent with retries. One request is in flight while the next one is
    made (the cluster indexes while this process builds documents); at most one: that is the back-pressure
    on the loader."""

    def __init__(self, store: Store, index: str) -> None:
        self.store, self.index = store, index
        self.actions: list[tuple[str, str, str | None]] = []  # (action line, id, source line) per action
        self.size = 0
        self._sender: ThreadPoolExecutor | None = None
        self._in_flight: Future | None = None

    def add(self, op: str, doc_id: str, routing: str, source: dict[str, Any] | None = None) -> None:
        head = json.dumps({op: {"_index": self.index, "_id": doc_id, "routing": routing}})
        body = json.dumps(source, ensure_ascii=False) if source is not None else None
        self.actions.append((head, doc_id, body))
        self.size += len(head) + (len(body) if body else 0) + 2
        if self.size >= BULK_BYTES or len(self.actions) >= BULK_ACTIONS:
            self.send()

    def send(self) -> None:
        """Hand what waits to the sender (once the request before it is done)."""
        self.wait()
        pending, self.actions, self.size = self.actions, [], 0
        if not pending:
            return
        if self._sender is None:
            self._sender = ThreadPoolExecutor(1, thread_name_prefix="searchidx-bulk")
        self._in_flight = self._sender.submit(self._send, pending)

    def wait(self) -> None:
        """Until the request in flight is done (its error raised here)."""
        future, self._in_flight = self._in_flight, None
        if future is not None:
            future.result()

    def flush(self) -> None:
        """Send everything and wait for it."""
        self.send()
        self.wait()

    def drop(self) -> None:
        """Forget what waits; let the request in flight end (its error is of no interest now)."""
        self.actions, self.size = [], 0
        future, self._in_flight = self._in_flight, None
        if future is not None:
            with contextlib.suppress(Exception):
                future.result()

    def close(self) -> None:
        if self._sender is not None:
            self._sender.shutdown(wait=True)
            self._sender = None

    def _send(self, pending: list[tuple[str, str, str | None]]) -> None:
        deadline = time.monotonic() + RETRY_FOR
        delay = 0.25
        while pending:
            payload = "".join(head + "\n" + (body + "\n" if body is not None else "") for head, _id, body in pending)
            try:
                raw = self.store.client.bulk(body=payload, request_timeout=120)
            except (os_errors.ConnectionError, os_errors.ConnectionTimeout) as exc:
                if time.monotonic() > deadline:
                    raise unavailable(self.store.address, exc) from None
                time.sleep(delay)
                delay = min(delay * 2, 5.0)
                continue
            except os_errors.TransportError as exc:
                if exc.status_code in _RETRY_STATUS and "cluster_block" not in str(exc.info) \
                        and time.monotonic() < deadline:
                    time.sleep(delay)
                    delay = min(delay * 2, 5.0)
                    continue
                raise unavailable(self.store.address, exc) from None
            if not raw.get("errors"):
                return
            retry = []
            for action, item in zip(pending, raw["items"]):
                (op, result), = item.items()
                status = result.get("status", 200)
                if status < 300 or (op == "delete" and status == 404):
                    continue
                error = result.get("error") or {}
                reason = error.get("reason") or str(error)
                blocked = "cluster_block" in str(error.get("type")) or "read-only" in reason or "read_only" in reason
                # A read-only block answers 429 too (a full disk's flood stage): no retry undoes it.
                if status in _RETRY_STATUS and not blocked and time.monotonic() < deadline:
                    retry.append(action)
                    continue
                if status == 403 or blocked:
                    raise SearchidxError(f"{self.store.url}: the OpenSearch index is read-only ({reason}); free "
                                         f"disk space or lift the block, then run the command again")
                raise SearchidxError(f"{self.store.url}: OpenSearch refused {action[1]} ({status}: {reason})")
            if retry:
                time.sleep(delay)  # back-pressure: the cluster's queues are full
                delay = min(delay * 2, 5.0)
            pending = retry


Progress = Callable[[int, int, str], None]


class OpenSearchSession:
    """One writer's turn under the lock: what is indexed (file records), and the bulk actions of the changes."""

    def __init__(self, store: Store, index: str, info: dict[str, Any], lock: Lock, *, processes: int | None,
                 min_parallel: int, commit_every: int, known: dict[str, dict[str, Any]], memory: Any) -> None:
        self.store, self.index, self.info, self.lock = store, index, info, lock
        self.processes, self.min_parallel, self.commit_every = processes, min_parallel, commit_every
        self.known = known
        #: Files that failed to load and replaced content ids (`searchidx.index.failed.FileMemory`).
        self.memory = memory
        self.holders: Counter[str] = Counter(rid for rec in known.values() for rid in rec["releases"])
        self.bulk = Bulk(store, index)
        self._pending = 0
        #: Paragraph ids sent since the last commit (taken back if the session fails).
        self.sent: list[tuple[str, str]] = []
        #: The languages of the paragraphs indexed (kept in the manifest: a query's words are analysed for
        #: each); a new generation starts without any.
        self.languages: set[str] = set(info.get("languages") or []) if known else set()
        self._languages_known = set(self.languages)

    # -- the protocol of the index layer ----------------------------------------------------------------
    def write(self, files: list[str], gone: list[str], report: Any, progress: Progress | None) -> None:
        total = len(files) + len(gone)
        done = 0
        hashes = {p: rec["hash"] for p, rec in self.known.items()}
        hashes.update(self.memory.hashes())
        for loaded in load_files(files, hashes, procs=self.processes, min_parallel=self.min_parallel,
                                 analyse=analyse):
            self._index_loaded(loaded, report)
            done += 1
            if progress:
                progress(done, total, loaded.path)
        for path in gone:
            self.delete_file(path)
            report.removed.append(path)
            self.changed()
            done += 1
            if progress:
                progress(done, total, path)

    def _index_loaded(self, loaded: Loaded, report: Any) -> None:
        path, digest, release = loaded.path, loaded.digest, loaded.release
        old = self.known.get(path)
        if self.memory.settle(path, digest, release, report):
            return
        if old and old["hash"] == digest:
            report.unchanged.append(path)
            return
        if release is None:
            loaded = load_one(path, None)
            return self._index_loaded(loaded, report)
        if old:
            self.memory.replaced(old, path)
            self.delete_file(path)
        people = release_people(release)
        if self.holders[release.id] == 0:
            for pid, doc in paragraph_documents(release, loaded.analysed, path, people):
                self.bulk.add("index", pid, release.id, doc)
                self.sent.append((pid, release.id))
        self.languages.update(p.language for p in release.paragraphs if p.language)
        record = file_record(path, digest, release, people)
        self.bulk.add("index", f"file:{path}", release.id, record)
        self.sent.append((f"file:{path}", release.id))
        self.known[path] = {"hash": digest, "releases": [release.id], "ns": record["ns"]}
        self.holders[release.id] += 1
        report.paragraphs += len(release.paragraphs)
        (report.updated if old else report.added).append(path)
        self.changed()

    def delete_file(self, path: str) -> None:
        record = self.known.pop(path, None)
        if not record:
            return
        for rid in record["releases"]:
            self.bulk.add("delete", f"file:{path}", rid)
            self.holders[rid] -= 1
            ns = record.get("ns") or []
            if self.holders[rid] <= 0:
                for n in ns:
                    self.bulk.add("delete", f"{rid}#{n}", rid)
                continue
            # Copies keep the paragraphs: they show the first remaining file's path (Whoosh's regroup).
            other = next(p for p, rec in self.known.items() if rid in rec["releases"])
            for n in ns:
                self.bulk.add("update", f"{rid}#{n}", rid, {"doc": {"path": other}})

    def changed(self) -> None:
        self._pending += 1
        if self._pending >= self.commit_every:
            self.commit()

    def commit(self, *, optimize: bool = False, merge: bool = True, mergetype: Any = None) -> None:
        """Send what waits, then make it searchable in one refresh; note the time of the last update."""
        self.bulk.flush()
        if self._pending or self.sent:
            self.store.call(self.store.client.indices.refresh, index=self.index)
            # "commit" tells readers that kept something of the index (facet labels) that it changed.
            fields: dict[str, Any] = {"updated": dt.datetime.now().isoformat(timespec="seconds"),
                                      "commit": uuid.uuid4().hex}
            if self.languages != self._languages_known and self.index == self.info.get("generation"):
                fields["languages"] = sorted(self.languages)
                self._languages_known = set(self.languages)
            self.store.write_manifest(**fields)
        self.sent = []
        self._pending = 0
        self.lock.renew()

    def close(self) -> None:
        self.bulk.close()

    def cancel(self) -> None:
        """Take back what was sent since the last commit (best effort: unrefreshed, nobody saw it)."""
        self.bulk.drop()
        self.bulk.close()
        sent, self.sent = self.sent, []
        if not sent:
            return
        back = Bulk(self.store, self.index)
        try:
            for doc_id, routing in sent:
                back.add("delete", doc_id, routing)
            back.flush()
        except SearchidxError:
            pass  # the next sync writes those releases again: they have no file record
        finally:
            back.close()

    def merge(self, *, optimize: bool = False) -> int:
        """Merge into one segment per shard with ``optimize``; the segments left."""
        if optimize:
            self.store.call(self.store.client.indices.forcemerge, index=self.index, max_num_segments=1,
                            request_timeout=3600)
            # The index refreshes only when told: without this, searches would keep reading (and the disk
            # keep) the segments merged away until the next write.
            self.store.call(self.store.client.indices.refresh, index=self.index)
        stats = self.store.call(self.store.client.indices.stats, index=self.index, metric="segments")
        return int(stats["_all"]["primaries"]["segments"]["count"])
