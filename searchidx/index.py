"""The searchable index: `Index.open(path)`, then `sync`, `add`, `remove`, `search`, `speakers`, `stats`.

One Whoosh document per paragraph, carrying its release's metadata, and one "file" document per
indexed file (its content hash and the release metadata paragraphs do not carry). File documents are
committed with the paragraphs, so what the index says it holds and what it holds never disagree.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import __version__
from .errors import IndexLockedError, IndexNotFoundError, IndexVersionError, LoadError
from .model import Contact, Paragraph, Release
from .schema import SCHEMA_VERSION, schema

#: The index's own record of what it is and what it indexes, beside Whoosh's files.
MANIFEST = "searchidx.json"
#: How long a writer waits for another one to finish, by default.
LOCK_TIMEOUT = 60.0
#: Options of the Whoosh writer (bench/run.py compares others; see docs/performance.md).
WRITER_OPTIONS: dict[str, Any] = {"limitmb": 256}


def speaker_key(name: str) -> str:
    """The identity of a speaker across releases: folded full name ("Valerius M. Ciucă" → "valerius m ciuca")."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    return " ".join(re.findall(r"[^\W_]+", folded))


@dataclass
class SyncReport:
    """What a sync did. ``skipped`` holds one `LoadError` per file that could not be indexed."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[LoadError] = field(default_factory=list)
    paragraphs: int = 0

    @property
    def ok(self) -> bool:
        return not self.skipped

    def summary(self) -> str:
        return (f"{len(self.added)} added, {len(self.updated)} updated, {len(self.removed)} removed, "
                f"{len(self.unchanged)} unchanged, {len(self.skipped)} skipped")


class Index:
    """A searchidx index in a folder. Open with `Index.open(path, create=True)`."""

    def __init__(self, path: Path, ix: Any) -> None:
        self.path = path
        self._ix = ix
        self._searcher: Any = None

    # -- opening -----------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | os.PathLike[str], *, create: bool = False) -> Index:
        from whoosh import index as whoosh_index

        folder = Path(path)
        manifest = folder / MANIFEST
        if not manifest.exists() or not whoosh_index.exists_in(str(folder)):
            if not create:
                raise IndexNotFoundError(f"no index at {folder} (build one with: searchidx build PATH --index {folder})")
            folder.mkdir(parents=True, exist_ok=True)
            ix = whoosh_index.create_in(str(folder), schema())
            _write_manifest(folder, {"sources": []})
            return cls(folder, ix)
        info = _read_manifest(folder)
        if info.get("schema_version") != SCHEMA_VERSION:
            raise IndexVersionError(
                f"the index at {folder} was written by searchidx {info.get('searchidx_version', '?')} "
                f"(schema {info.get('schema_version')}); this is searchidx {__version__} (schema "
                f"{SCHEMA_VERSION}): rebuild it with: searchidx build --rebuild --index {folder}")
        return cls(folder, whoosh_index.open_dir(str(folder)))

    @property
    def sources(self) -> list[str]:
        return list(_read_manifest(self.path).get("sources", []))

    # -- writing -----------------------------------------------------------------------------
    def sync(self, paths: Iterable[str | os.PathLike[str]] | None = None, *,
             progress: Callable[[str], None] | None = None, lock_timeout: float = LOCK_TIMEOUT) -> SyncReport:
        """Make the index match ``paths`` (files and folders; default: the sources remembered from
        the last sync): new files added, changed ones re-indexed, vanished ones removed."""
        from .loader import discover

        roots = [str(Path(p).resolve()) for p in paths] if paths is not None else self.sources
        report = SyncReport()
        files, problems = discover(roots)
        report.skipped.extend(problems)
        with self._writer(lock_timeout) as writer:
            known = self._files()
            resolved = [str(p.resolve()) for p in files]
            present = set(resolved)
            # Files are read, hashed and parsed on another core (searchidx.parallel) while this one writes.
            from .parallel import load_files

            hashes = {p: rec["hash"] for p, rec in known.items()}
            for path, loaded in zip(files, load_files(resolved, hashes)):
                self._index_loaded(writer, loaded, known, report)
                if progress:
                    progress(str(path))
            for path in list(known):
                if path not in present and _under(path, roots) and not Path(path).exists():
                    self._delete_file(writer, path, known)
                    report.removed.append(path)
        merged = list(dict.fromkeys(self.sources + roots))
        _write_manifest(self.path, {"sources": merged})
        return report

    def add(self, paths: Iterable[str | os.PathLike[str]], *, lock_timeout: float = LOCK_TIMEOUT) -> SyncReport:
        """Index these files (or re-index them if they changed), leaving everything else alone."""
        from .loader import discover

        report = SyncReport()
        files, problems = discover(list(paths))
        report.skipped.extend(problems)
        with self._writer(lock_timeout) as writer:
            known = self._files()
            for path in files:
                self._index_file(writer, str(path.resolve()), known, report)
        return report

    def remove(self, targets: Iterable[str], *, lock_timeout: float = LOCK_TIMEOUT) -> list[str]:
        """Remove releases by file path or release id. Returns the paths removed."""
        removed: list[str] = []
        with self._writer(lock_timeout) as writer:
            known = self._files()
            for target in targets:
                resolved = str(Path(target).resolve())
                if resolved in known:
                    matches = [resolved]
                else:
                    matches = [p for p, rec in known.items() if target in rec["releases"]]
                for path in matches:
                    self._delete_file(writer, path, known)
                    removed.append(path)
        return removed

    def _writer(self, timeout: float) -> _Writing:
        return _Writing(self, timeout)

    def _index_file(self, writer: Any, path: str, known: dict[str, dict[str, Any]], report: SyncReport) -> None:
        from .loader import load_bytes, read_bytes

        try:
            data = read_bytes(path)
        except LoadError as exc:
            report.skipped.append(exc)
            return
        digest = hashlib.sha256(data).hexdigest()
        old = known.get(path)
        if old and old["hash"] == digest:
            report.unchanged.append(path)
            return
        try:
            release = load_bytes(data, path)
        except LoadError as exc:
            # The file is bad now; what was indexed from it before stays until it is mended or deleted.
            report.skipped.append(exc)
            return
        if old:
            self._delete_file(writer, path, known)
        self._write_release(writer, path, digest, release)
        known[path] = {"hash": digest, "releases": [release.id]}
        report.paragraphs += len(release.paragraphs)
        (report.updated if old else report.added).append(path)

    def _index_loaded(self, writer: Any, loaded: Any, known: dict[str, dict[str, Any]], report: SyncReport) -> None:
        """`_index_file` for a file already read and parsed (a `searchidx.parallel.Loaded`)."""
        path, digest, release, postings = loaded
        old = known.get(path)
        if isinstance(release, LoadError):
            report.skipped.append(release)
            return
        if old and old["hash"] == digest:
            report.unchanged.append(path)
            return
        if release is None:  # the loader took it for unchanged, but the index says otherwise now
            return self._index_file(writer, path, known, report)
        if old:
            self._delete_file(writer, path, known)
        self._write_release(writer, path, digest, release, postings)
        known[path] = {"hash": digest, "releases": [release.id]}
        report.paragraphs += len(release.paragraphs)
        (report.updated if old else report.added).append(path)

    def _write_release(self, writer: Any, path: str, digest: str, release: Release,
                       postings: list | None = None) -> None:
        from .writing import DocAdder

        # Repeated values (title, path, dates, …) are analysed once, and text postings made by a loader
        # process are used as they are (searchidx.writing).
        adder = getattr(writer, "_searchidx_adder", None)
        if adder is None:
            adder = writer._searchidx_adder = DocAdder(writer)
        date = dt.datetime.combine(release.date, dt.time()) if release.date else None
        common: dict[str, Any] = {"doctype": "para", "release": release.id, "path": path}
        if release.title:
            common["title"] = release.title
        if date:
            common["date"] = date
            common["year"] = date.year
        if release.location:
            common["location"] = release.location
        if release.source:
            common["source"] = release.source
            common["source_key"] = release.source.lower()
        if release.url:
            common["url"] = release.url
        for i, p in enumerate(release.paragraphs):
            doc = dict(common, doc=f"{release.id}#{p.n}", n=p.n, kind=p.kind, text=p.text)
            if p.speaker:
                doc["speaker"] = p.speaker
                doc["speaker_key"] = speaker_key(p.speaker)
            if p.speaker_role:
                doc["role"] = p.speaker_role
            adder.add(doc, {"text": postings[i]} if postings else None)
        meta = {k: v for k, v in release.to_dict().items() if k != "paragraphs"}
        writer.add_document(doc=f"file:{path}", doctype="file", path=path, release=release.id, hash=digest,
                            meta=meta)

    def _delete_file(self, writer: Any, path: str, known: dict[str, dict[str, Any]]) -> None:
        record = known.pop(path, None)
        writer.delete_by_term("doc", f"file:{path}")
        if not record:
            return
        still_used = {r for rec in known.values() for r in rec["releases"]}
        for rid in record["releases"]:
            if rid not in still_used:
                writer.delete_by_term("release", rid)

    # -- reading -----------------------------------------------------------------------------
    def _files(self) -> dict[str, dict[str, Any]]:
        """Every indexed file: path → {"hash", "releases"}."""
        files: dict[str, dict[str, Any]] = {}
        with self._ix.searcher() as s:
            for fields in s.documents(doctype="file"):
                rec = files.setdefault(fields["path"], {"hash": fields["hash"], "releases": []})
                rec["releases"].append(fields["release"])
        return files

    def files(self) -> dict[str, str]:
        """Indexed file paths and their release ids."""
        return {p: rec["releases"][0] for p, rec in self._files().items()}

    def release(self, release_id: str) -> Release:
        """A whole release as indexed, paragraphs in order."""
        from .errors import SearchidxError

        with self._ix.searcher() as s:
            file_doc = s.document(doctype="file", release=release_id)
            if file_doc is None:
                raise SearchidxError(f"no release {release_id!r} in the index")
            paras = sorted(s.documents(doctype="para", release=release_id), key=lambda d: d["n"])
        return _release_from(file_doc, paras)

    def search(self, query: str, **options: Any):
        """Search paragraphs; see `searchidx.search.search` for the options."""
        from .search import search

        return search(self, query, **options)

    def speakers(self):
        from .search import speakers

        return speakers(self)

    def stats(self):
        from .search import stats

        return stats(self)

    def searcher(self):
        """``with index.searcher() as s:`` a searcher on the latest commit, shared between calls and kept
        open (opening one opens every segment's files: milliseconds per query); not for use across threads."""
        from contextlib import nullcontext

        s = self._searcher
        if s is None or not s.up_to_date():
            if s is not None:
                s.close()
            s = self._searcher = self._ix.searcher()
        return nullcontext(s)

    @property
    def whoosh(self) -> Any:
        return self._ix


def _release_from(file_doc: dict[str, Any], paras: list[dict[str, Any]]) -> Release:
    meta = dict(file_doc.get("meta") or {})
    date = dt.date.fromisoformat(meta["date"]) if meta.get("date") else None
    return Release(
        path=file_doc["path"], id=file_doc["release"], title=meta.get("title"), subtitle=meta.get("subtitle"),
        labels=meta.get("labels", []), date=date, location=meta.get("location"), source=meta.get("source"),
        url=meta.get("url"), language=meta.get("language"), format=meta.get("format"),
        contacts=[Contact(**c) for c in meta.get("contacts", [])],
        paragraphs=[Paragraph(n=d["n"], kind=d["kind"], text=d["text"], speaker=d.get("speaker"),
                              speaker_role=d.get("role")) for d in paras],
    )


class _Writing:
    """A Whoosh writer that waits for another writer (up to a timeout) and commits once, or cancels."""

    def __init__(self, index: Index, timeout: float) -> None:
        self.index = index
        self.timeout = timeout
        self.writer: Any = None

    def __enter__(self) -> Any:
        from whoosh.index import LockError

        try:
            self.writer = self.index._ix.writer(timeout=self.timeout, delay=0.1, **WRITER_OPTIONS)
        except LockError:
            raise IndexLockedError(
                f"another process is writing to the index at {self.index.path} and did not finish within "
                f"{self.timeout:g} s; try again later") from None
        return self.writer

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            self.writer.commit()
        else:
            self.writer.cancel()
        self.index._ix = self.index._ix.refresh() if hasattr(self.index._ix, "refresh") else self.index._ix


def _under(path: str, roots: list[str]) -> bool:
    return any(path == r or path.startswith(r.rstrip(os.sep) + os.sep) for r in roots)


def _read_manifest(folder: Path) -> dict[str, Any]:
    try:
        return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _write_manifest(folder: Path, data: dict[str, Any]) -> None:
    data = {"schema_version": SCHEMA_VERSION, "searchidx_version": __version__, **data}
    tmp = folder / f".{MANIFEST}.{os.getpid()}.tmp"
    tmp.write_text(json.dumps(data, indent=1), encoding="utf-8")
    os.replace(tmp, folder / MANIFEST)
