"""searchidx.load.parallel and the worker segments: the same outcomes as loading one file after another, in order, errors passed on."""

from __future__ import annotations

import hashlib
import shutil
import time
from pathlib import Path

import pytest

from searchidx import LoadError, load_release
from searchidx.engine.whoosh import sync as whoosh_sync
from searchidx.engine.whoosh import workers
from searchidx.engine.whoosh.store import orphans as _orphans
from searchidx.load.parallel import Loaded, load_files
from tests.conftest import SEED
from tests.releases import make_releases, release_text, word


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
    results = list(load_files(paths, procs=2, min_parallel=1, chunk=3, window=2))
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
    pooled = list(load_files(paths, procs=2, min_parallel=1, chunk=4))
    inproc = list(load_files(paths, procs=0))
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
    first = list(load_files(paths, procs=2, min_parallel=1))
    known = {r.path: r.digest for r in first if r.digest}
    again = list(load_files(paths, known, procs=2, min_parallel=1))
    for a, b in zip(first, again):
        assert b.digest == a.digest
        assert b.release is None if a.digest else isinstance(b.release, LoadError)


def _dump(ix):
    """Everything Whoosh holds: stored fields per document and every posting (doc, weight, value) per term."""
    with ix.engine.whoosh.searcher() as s:
        r = s.reader()
        stored = [r.stored_fields(d) for d in range(r.doc_count_all())]
        postings = {}
        for fieldname, term in r.all_terms():
            postings[(fieldname, term)] = posting_list(r, fieldname, term)
        lengths = {name: [r.doc_field_length(d, name) for d in range(r.doc_count_all())]
                   for name in ("text", "title", "speaker", "role")}
        columns = {name: list(r.column_reader(name)) for name, field in r.schema.items() if field.column_type}
    return stored, postings, lengths, columns


def posting_list(reader, fieldname, term):
    m = reader.postings(fieldname, term)
    out = []
    while m.is_active():
        out.append((m.id(), m.weight(), m.value()))
        m.next()
    return out


def test_parallel_build_writes_the_same_index_as_plain_whoosh(tmp_path, monkeypatch):
    from searchidx import Index

    paths = _folder(tmp_path, copies=30)
    folder = str(tmp_path / "releases")
    plain = Index.open(tmp_path / "plain", create=True, processes=0)
    plain.sync([folder])
    fast = Index.open(tmp_path / "fast", create=True, processes=2, min_parallel=1)
    report = fast.sync([folder])
    assert len(report.added) == len(paths) - 5 and len(report.skipped) == 4  # missing.txt is not in the folder
    a, b = _dump(plain), _dump(fast)
    assert a[0] == b[0]
    assert a[1] == b[1]
    assert a[2] == b[2]
    assert a[3] == b[3] and {"fingerprint", "day", "speaker_key"} <= set(a[3])


# -- worker segments: worker processes write whole releases into segments of their own ---------------------

def _segments_forced(monkeypatch, files_per_segment=3, merge=True):
    """Every batch through worker segments, a few files a segment: the options of `Index.open` that do it,
    and the chunks written, as counted (a list that fills as the index writes)."""
    if not merge:
        monkeypatch.setattr(whoosh_sync, "merge_groups", lambda segments, procs, **kw: [])
    chunks = []
    write_segments = workers.write_segments

    def counted(*args, **kwargs):
        for segment, items in write_segments(*args, **kwargs):
            chunks.append(len(items))
            yield segment, items

    monkeypatch.setattr(whoosh_sync, "write_segments", counted)
    return {"processes": 2, "min_parallel": 1, "segment_files": files_per_segment}, chunks


def _plain(tmp_path, folder, name="plain"):
    from searchidx import Index

    ix = Index.open(tmp_path / name, create=True, processes=0)
    ix.sync([folder])
    return ix


@pytest.mark.parametrize("merge", [True, False])
def test_worker_segments_write_the_same_index_as_the_in_process_build(tmp_path, monkeypatch, merge):
    from searchidx import Index

    _folder(tmp_path, copies=30)
    folder = str(tmp_path / "releases")
    plain = _plain(tmp_path, folder)
    forced, chunks = _segments_forced(monkeypatch, merge=merge)
    fast = Index.open(tmp_path / "fast", create=True, **forced)
    report = fast.sync([folder])
    assert len(chunks) == 10 and sum(chunks) == 30  # ten worker segments of three files
    assert len(report.added) == 26 and len(report.skipped) == 4
    assert len(fast.engine.whoosh._segments()) == (1 if merge else 10)
    a, b = _dump(plain), _dump(fast)
    assert a[0] == b[0]
    assert a[1] == b[1]
    assert a[2] == b[2]
    assert a[3] == b[3]
    assert fast.check().ok
    assert not _orphans(fast.engine.whoosh)
    for query in ("massacre", '"political prisoners"', "title:conference", "date:2023-08-25"):
        assert fast.search(query).total == plain.search(query).total > 0, query


def _titled(folder, i, name=None):
    """Release ``i`` with a title word of its own (word(i)), at ``name``."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (name or f"rel_{i:04d}.txt")
    path.write_text(release_text(i).replace("Council adopts plan", f"Council adopts {word(i)} plan"),
                    encoding="utf-8")
    return path


def _paragraphs_of(ix, rid):
    with ix.engine.searcher() as s:
        return list(s.documents(doctype="para", release=rid))


def test_copies_across_worker_segments_keep_one_set_of_paragraphs(tmp_path, monkeypatch):
    from searchidx import Index

    a, b = tmp_path / "a", tmp_path / "b"
    for i in range(10):
        _titled(a, i)
    forced, chunks = _segments_forced(monkeypatch, merge=False)
    ix = Index.open(tmp_path / "ix", create=True, **forced)
    ix.sync([a])
    # Copies of release 2 (indexed already) and of release 20 (twice, in the first and the last of the next
    # batch's three worker segments: a_first.txt, copy_of_2.txt, rel_0023 | rel_0024 … 26 | 27, 28, z_second.txt).
    b.mkdir()
    shutil.copy(a / "rel_0002.txt", b / "copy_of_2.txt")
    for i in range(3, 9):
        _titled(b, 20 + i)
    _titled(b, 20, "a_first.txt")
    _titled(b, 20, "z_second.txt")
    chunks.clear()
    report = ix.sync([b])
    assert chunks == [3, 3, 3] and len(report.added) == 9
    files = {Path(p).name: rid for p, rid in ix.files().items()}
    assert len(files) == 19
    count = len(load_release(b / "a_first.txt").paragraphs)
    assert count >= 2
    for i, (one, other) in {2: ("rel_0002.txt", "copy_of_2.txt"), 20: ("a_first.txt", "z_second.txt")}.items():
        assert files[one] == files[other]
        paras = _paragraphs_of(ix, files[one])
        assert len(paras) == len({p["n"] for p in paras}) == count  # once, however many files hold it
        assert ix.search(f"title:{word(i)}").total == count
    assert ix.check().ok
    # Deleting either copy keeps the other's paragraphs, found by the title.
    (b / "a_first.txt").unlink()
    (a / "rel_0002.txt").unlink()
    ix.sync()
    assert ix.search(f"title:{word(20)}").total == count and ix.search(f"title:{word(2)}").total == count
    assert {h.path for h in ix.search(word(20)).hits} == {str((b / "z_second.txt").resolve())}
    assert {h.path for h in ix.search(word(2)).hits} == {str((b / "copy_of_2.txt").resolve())}
    assert ix.check().ok


def test_copies_within_one_worker_segment_are_written_once(tmp_path, monkeypatch):
    """A copy of a release that its worker segment holds already is written as a file record only, so a
    first sync leaves no deleted documents (each would make searches filter that segment's postings)."""
    from searchidx import Index

    folder = tmp_path / "rel"
    for i in range(6):
        _titled(folder, i)
    shutil.copy(folder / "rel_0001.txt", folder / "rel_0001_a.txt")
    shutil.copy(folder / "rel_0001.txt", folder / "rel_0001_b.txt")
    plain = _plain(tmp_path, str(folder))
    forced, chunks = _segments_forced(monkeypatch, files_per_segment=4, merge=False)
    ix = Index.open(tmp_path / "ix", create=True, **forced)
    report = ix.sync([folder])
    assert chunks == [4, 4] and len(report.added) == 8  # rel_0000, rel_0001 and its two copies first
    with ix.engine.searcher() as s:
        assert not s.reader().has_deletions()
    a, b = _dump(plain), _dump(ix)
    assert a[:3] == b[:3]  # stored fields, postings, lengths
    # Columns: no release here has a source, and a segment without a value has no column (Whoosh's reader
    # of several segments then reads it as empty); the in-process build's one segment has one of blanks.
    assert {k: v for k, v in a[3].items() if k != "source_key"} == {k: v for k, v in b[3].items() if k != "source_key"}
    count = len(load_release(folder / "rel_0001.txt").paragraphs)
    assert len(_paragraphs_of(ix, load_release(folder / "rel_0001.txt").id)) == count
    assert ix.search(f"title:{word(1)}").total == count and ix.check().ok
    # The first holder gone, a copy keeps the paragraphs.
    (folder / "rel_0001.txt").unlink()
    ix.sync()
    assert ix.search(f"title:{word(1)}").total == count and ix.check().ok


def test_a_big_sync_updates_skips_bad_files_and_leaves_unchanged_ones_alone(tmp_path, monkeypatch):
    from searchidx import Index
    from searchidx.load import core as loader

    src = tmp_path / "src"
    paths = make_releases(src, 30)
    forced, _chunks = _segments_forced(monkeypatch, files_per_segment=4)
    ix = Index.open(tmp_path / "ix", create=True, **forced)
    assert len(ix.sync([src]).added) == 30
    parsed = tmp_path / "parsed.log"
    load_bytes = loader.load_bytes

    def logged(data, path, *args, **kwargs):  # runs in the workers (forked): they log to a file
        with open(parsed, "a", encoding="utf-8") as fh:
            fh.write(f"{path}\n")
        return load_bytes(data, path, *args, **kwargs)

    monkeypatch.setattr(loader, "load_bytes", logged)
    for i in range(1, 6):  # updated
        paths[i].write_text(release_text(i).replace("good", f"fine {word(100 + i)}"), encoding="utf-8")
    for i in (10, 11):  # bad now: what was indexed from them stays (an emptied file's goes: test_hostile_files)
        paths[i].write_bytes(b"%PDF-1.4 not a release any more")
    (src / "broken.txt").write_bytes(b"%PDF-1.4 binary")
    new = make_releases(src, 3, start=40)
    report = ix.sync()
    assert sorted(report.updated) == sorted(str(p.resolve()) for p in paths[1:6])
    assert sorted(report.added) == sorted(str(p.resolve()) for p in new)
    assert len(report.skipped) == 3 and len(report.unchanged) == 23
    assert {Path(p).name for p in parsed.read_text().split()} == \
           {p.name for p in paths[1:6] + new} | {"broken.txt", "rel_0010.txt", "rel_0011.txt"}  # not unchanged
    assert hits_of(ix, "good") == 30 - 5 + 3 and hits_of(ix, "fine") == 5
    for i in range(1, 6):
        assert hits_of(ix, word(100 + i)) == 1 and hits_of(ix, word(i)) == 1  # old paragraphs gone
    assert hits_of(ix, word(10)) == 1 and hits_of(ix, word(41)) == 1
    assert len(ix.files()) == 33
    assert ix.check(contents=False).ok and not _orphans(ix.engine.whoosh)


def hits_of(ix, query):
    return ix.search(query).total


def test_a_rebuild_through_worker_segments(tmp_path, monkeypatch):
    from searchidx import Index

    _folder(tmp_path, copies=20)
    folder = str(tmp_path / "releases")
    plain = _plain(tmp_path, folder)
    forced, chunks = _segments_forced(monkeypatch)
    ix = Index.open(tmp_path / "ix", create=True, **forced)
    ix.sync([folder])
    chunks.clear()
    report = ix.rebuild()
    assert len(chunks) > 2 and len(report.added) == 17
    assert len(ix.engine.whoosh._segments()) <= 2  # the small segments merged at the end, in the two workers
    assert _dump(plain) == _dump(ix)
    assert ix.check().ok and not _orphans(ix.engine.whoosh)


def test_a_sync_that_writes_nothing_merges_nothing(tmp_path, monkeypatch):
    """A no-op sync through worker segments leaves the segments as they are (a review found it merged the
    index's small segments whatever the sync did)."""
    from searchidx import Index

    merge_groups = workers.merge_groups
    _folder(tmp_path, copies=10)
    folder = str(tmp_path / "releases")
    forced, _chunks = _segments_forced(monkeypatch, merge=False)
    ix = Index.open(tmp_path / "ix", create=True, **forced)
    ix.sync([folder])
    before = sorted(s.segment_id() for s in ix.engine.whoosh._segments())
    assert len(before) > 1
    monkeypatch.setattr(whoosh_sync, "merge_groups", merge_groups)  # merging allowed again
    report = ix.sync()
    assert not report.changed
    assert sorted(s.segment_id() for s in ix.engine.whoosh._segments()) == before


def test_a_worker_killed_mid_build_fails_the_sync_instead_of_hanging(tmp_path, monkeypatch):
    """multiprocessing's pool replaces a dead worker and waits for its task for ever (a review found a sync
    hanging with the lock held): the build stops with a one-line error, and the next one finishes the job."""
    import os
    import signal

    from searchidx import Index, SearchidxError

    _folder(tmp_path, copies=12)
    folder = str(tmp_path / "releases")
    forced, _chunks = _segments_forced(monkeypatch)
    load_one = workers.load_one

    def dies_on_the_ninth(path, known=None):
        if path.endswith("009.txt"):
            os.kill(os.getpid(), signal.SIGKILL)
        return load_one(path, known)

    monkeypatch.setattr(workers, "load_one", dies_on_the_ninth)
    ix = Index.open(tmp_path / "ix", create=True, **forced)
    with pytest.raises(SearchidxError, match="worker process died"):
        ix.sync([folder])
    monkeypatch.setattr(workers, "load_one", load_one)
    report = ix.sync([folder])
    assert len(ix.files()) == 10 and ix.check(contents=False).ok and report.ok is False  # 2 bad files


def test_progress_counts_the_files_workers_write_while_it_waits(tmp_path, monkeypatch):
    from searchidx import Index
    from searchidx.load import core as loader

    paths = make_releases(tmp_path / "src", 12)
    forced, _chunks = _segments_forced(monkeypatch, files_per_segment=6)
    load_bytes = loader.load_bytes

    def slow(*args, **kwargs):  # runs in the workers: a segment takes about 1.2 s to write
        time.sleep(0.2)
        return load_bytes(*args, **kwargs)

    monkeypatch.setattr(loader, "load_bytes", slow)
    calls = []
    Index.open(tmp_path / "ix", create=True, **forced).sync([tmp_path / "src"],
                                                  progress=lambda *call: calls.append(call))
    handed_back = [(done, path) for done, total, path in calls if path]
    assert handed_back == [(i + 1, str(p.resolve())) for i, p in enumerate(sorted(paths))]
    counts = [done for done, total, path in calls if not path]
    # While the first segment was written (both workers at work), the counts told how far they were.
    assert counts and counts == sorted(counts) and all(0 <= n <= 12 for n in counts)
    assert any(0 < n < 6 for n in counts) and {total for _, total, _ in calls} == {12}
