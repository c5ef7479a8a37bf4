"""searchidx.parallel: the same outcomes as loading one file after another, in order, errors passed on."""

from __future__ import annotations

import hashlib
import shutil

from searchidx import LoadError, load_release
from searchidx.parallel import Loaded, load_files

from .conftest import SEED


def _folder(tmp_path, copies=30):
    folder = tmp_path / "releases"
    folder.mkdir()
    paths = []
    for i in range(copies):
        path = folder / f"{i:03d}.txt"
        if i % 7 == 3:
            path.write_bytes(b"" if i % 2 else b"%PDF-1.4 binary")
        else:
            shutil.copy(SEED, path)
            # Distinct content (and so distinct ids) for each copy.
            with path.open("a", encoding="utf-8") as fh:
                fh.write(f"\nCopy number {i} of the release.\n")
        paths.append(str(path))
    paths.insert(5, str(folder / "missing.txt"))
    return paths


def _sequential(paths):
    out = []
    for path in paths:
        try:
            out.append(load_release(path))
        except LoadError as exc:
            out.append(exc)
    return out


def _same(loaded, expected):
    if isinstance(expected, LoadError):
        return isinstance(loaded, LoadError) and (loaded.path, loaded.reason) == (expected.path, expected.reason)
    return loaded.to_dict() == expected.to_dict()


def test_pool_matches_sequential_loading_in_order(tmp_path):
    paths = _folder(tmp_path)
    expected = _sequential(paths)
    results = list(load_files(paths, processes=2, min_parallel=1, chunk=3, window=2))
    assert [r.path for r in results] == paths
    assert all(isinstance(r, Loaded) for r in results)
    assert all(_same(r.release, e) for r, e in zip(results, expected))
    errors = [r.release for r in results if isinstance(r.release, LoadError)]
    assert len(errors) == 5 and {e.reason for e in errors} >= {"empty file", "no such file"}
    assert results[5].digest is None  # the missing file could not be read
    ok = results[0]
    with open(ok.path, "rb") as fh:
        assert ok.digest == hashlib.sha256(fh.read()).hexdigest()


def test_in_process_fallback_is_the_same(tmp_path):
    paths = _folder(tmp_path, copies=10)
    pooled = list(load_files(paths, processes=2, min_parallel=1, chunk=4))
    inproc = list(load_files(paths, processes=0))
    few = list(load_files(paths))  # fewer than MIN_PARALLEL files: in-process
    for a, b, c in zip(pooled, inproc, few):
        assert a.path == b.path == c.path and a.digest == b.digest == c.digest
        if isinstance(a.release, LoadError):
            assert (a.release.path, a.release.reason) == (b.release.path, b.release.reason) == \
                   (c.release.path, c.release.reason)
        else:
            assert a.release.to_dict() == b.release.to_dict() == c.release.to_dict()


def test_known_unchanged_files_are_not_parsed(tmp_path):
    paths = _folder(tmp_path, copies=8)
    first = list(load_files(paths, processes=2, min_parallel=1))
    known = {r.path: r.digest for r in first if r.digest}
    again = list(load_files(paths, known, processes=2, min_parallel=1))
    for a, b in zip(first, again):
        assert b.digest == a.digest
        assert b.release is None if a.digest else isinstance(b.release, LoadError)


def _dump(ix):
    """Everything Whoosh holds: stored fields per document and every posting (doc, weight, value) per term."""
    with ix.whoosh.searcher() as s:
        r = s.reader()
        stored = [r.stored_fields(d) for d in range(r.doc_count_all())]
        postings = {}
        for fieldname, term in r.all_terms():
            postings[(fieldname, term)] = _posting_list(r, fieldname, term)
        lengths = {name: [r.doc_field_length(d, name) for d in range(r.doc_count_all())]
                   for name in ("text", "title", "speaker", "role")}
        columns = {name: list(r.column_reader(name)) for name, field in r.schema.items() if field.column_type}
    return stored, postings, lengths, columns


def _posting_list(reader, fieldname, term):
    m = reader.postings(fieldname, term)
    out = []
    while m.is_active():
        out.append((m.id(), m.weight(), m.value()))
        m.next()
    return out


def test_parallel_build_writes_the_same_index_as_plain_whoosh(tmp_path, monkeypatch):
    from searchidx import Index, parallel

    paths = _folder(tmp_path, copies=30)
    folder = str(tmp_path / "releases")
    monkeypatch.setattr(parallel, "PROCESSES", 0)
    plain = Index.open(tmp_path / "plain", create=True)
    plain.sync([folder])
    monkeypatch.undo()
    monkeypatch.setattr(parallel, "PROCESSES", 2)
    monkeypatch.setattr(parallel, "MIN_PARALLEL", 1)
    fast = Index.open(tmp_path / "fast", create=True)
    report = fast.sync([folder])
    assert len(report.added) == len(paths) - 5 and len(report.skipped) == 4  # missing.txt is not in the folder
    a, b = _dump(plain), _dump(fast)
    assert a[0] == b[0]
    assert a[1] == b[1]
    assert a[2] == b[2]
    assert a[3] == b[3] and {"fingerprint", "day", "speaker_key"} <= set(a[3])
