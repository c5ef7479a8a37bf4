"""The living index: sync semantics, locking, crash safety, rebuild under readers, check, versions."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from searchidx import Index, IndexLockedError, IndexVersionError, SearchidxError
from searchidx.cli.main import main
from searchidx.engine.whoosh.schema import SCHEMA_VERSION
from searchidx.engine.whoosh.store import orphans as _orphans
from searchidx.index.store import MANIFEST
from searchidx.index.store import FolderLock as _FolderLock
from tests.conftest import ROOT
from tests.releases import make_releases, release_text, word


def env() -> dict[str, str]:
    """Subprocesses import this worktree's searchidx, whatever is installed."""
    return {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}


def cli(*args: object) -> list[str]:
    return [sys.executable, "-m", "searchidx.cli", *map(str, args)]


def wait_for(predicate, timeout: float = 30.0, what: str = "condition"):
    """Poll until ``predicate()`` is truthy; fail after ``timeout`` seconds (no fixed sleeps)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def hits(index: Index, query: str) -> int:
    return index.search(query).total


def paragraph_paths(index: Index, i: int) -> list[str]:
    return [h.path for h in index.search(word(i)).hits]


# -- sync semantics ---------------------------------------------------------------------------------

def test_sync_add_change_delete_rename_unchanged(tmp_path):
    src = tmp_path / "src"
    make_releases(src, 5)
    ix = Index.open(tmp_path / "ix", create=True)
    assert len(ix.sync([src]).added) == 5
    report = ix.sync()
    assert report.unchanged and len(report.unchanged) == 5 and not report.changed

    # Change: same size and mtime as before, different bytes: the hash notices, mtime alone would not.
    target = src / "rel_0001.txt"
    st = target.stat()
    target.write_text(release_text(1).replace("good", "fine"), encoding="utf-8")
    os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns))
    report = ix.sync()
    assert [Path(p).name for p in report.updated] == ["rel_0001.txt"] and len(report.unchanged) == 4
    assert hits(ix, "fine") == 1

    # Rename: one release, at its new path, paragraphs not doubled.
    renamed = src / "renamed.txt"
    (src / "rel_0002.txt").rename(renamed)
    report = ix.sync()
    assert [Path(p).name for p in report.added] == ["renamed.txt"]
    assert [Path(p).name for p in report.removed] == ["rel_0002.txt"]
    assert paragraph_paths(ix, 2) == [str(renamed.resolve())]

    # Delete.
    (src / "rel_0003.txt").unlink()
    assert [Path(p).name for p in ix.sync().removed] == ["rel_0003.txt"]
    assert hits(ix, word(3)) == 0
    assert len(ix.files()) == 4 and ix.check().ok


def test_copies_share_paragraphs_and_survive_deleting_either(tmp_path):
    src = tmp_path / "src"
    (original,) = make_releases(src, 1)
    copy = src / "copy.txt"
    shutil.copy(original, copy)
    ix = Index.open(tmp_path / "ix", create=True)
    assert len(ix.sync([src]).added) == 2
    (owner,) = paragraph_paths(ix, 0)  # one release, found once, its paragraphs naming one of the two files
    other = copy if owner == str(original.resolve()) else original
    Path(owner).unlink()
    ix.sync()
    assert paragraph_paths(ix, 0) == [str(other.resolve())]  # the paragraphs now name the other copy
    # ... and are still found by what is indexed but not stored: unstemmed copy, title, day, place, the
    # words inside quotes (from the quote records read back) and the forms of the speaker's name.
    for query in (word(0)[:-1] + "*", "title:adopts", "date:2024-03-03", "location:brussels", "quote:everyone"):
        assert hits(ix, query) >= 1, query
    assert ix.search("", quotes_only=True).total == 1 and ix.search("", speaker="Doe").total == 1
    assert ix.check().ok
    other.unlink()
    ix.sync()
    assert hits(ix, word(0)) == 0 and ix.files() == {}


def test_removing_three_copies_in_one_sync_leaves_nothing(tmp_path):
    """The first removal writes the release again for the other two copies; the last must reach what that
    rewrite added (found by a review: one file record and every paragraph stayed)."""
    src = tmp_path / "src"
    original = make_releases(src, 4)[0]  # rel_0000 and three others
    for name in ("copy1.txt", "copy2.txt"):
        shutil.copy(original, src / name)
    ix = Index.open(tmp_path / "ix", create=True)
    assert len(ix.sync([src]).added) == 6
    assert hits(ix, word(0)) == 1
    for name in (original.name, "copy1.txt", "copy2.txt"):
        (src / name).unlink()
    assert len(ix.sync().removed) == 3
    assert hits(ix, word(0)) == 0 and len(ix.files()) == 3
    with ix.engine.searcher() as s:
        assert len(list(s.documents(doctype="file"))) == 3
    assert ix.check().ok


def test_missing_source_keeps_its_releases(tmp_path):
    src = tmp_path / "src"
    make_releases(src, 3)
    ix = Index.open(tmp_path / "ix", create=True)
    ix.sync([src])
    src.rename(tmp_path / "unmounted")
    report = ix.sync()
    assert not report.removed and any("no such file or folder" in e.reason for e in report.skipped)
    ix.sync([tmp_path / "typo"])  # reported, and not remembered as a source
    assert ix.sources == [str(src.resolve())]
    assert len(ix.files()) == 3
    problems = [p.message for p in ix.check().problems]
    assert any("is missing" in p for p in problems)
    with pytest.raises(SearchidxError, match="is missing"):  # a rebuild would drop them: it refuses
        ix.rebuild()
    assert len(Index.open(ix.path).files()) == 3


def test_add_and_remove_single_releases(tmp_path):
    src = tmp_path / "src"
    paths = make_releases(src, 3)
    ix = Index.open(tmp_path / "ix", create=True)
    assert len(ix.add([paths[0]]).added) == 1
    assert len(ix.add([paths[0]]).unchanged) == 1
    assert set(ix.files()) == {str(paths[0].resolve())}
    ix.add(paths[1:])
    rid = ix.files()[str(paths[1].resolve())]
    removed = ix.remove([rid, str(paths[2]), "no-such-thing"])
    assert sorted(Path(p).name for p in removed) == ["rel_0001.txt", "rel_0002.txt"]
    assert removed.missing == ["no-such-thing"]
    assert hits(ix, word(1)) == 0 and hits(ix, word(0)) == 1
    assert ix.remove([str(src)]) == [str(paths[0].resolve())] and ix.files() == {}  # a folder: all under it


def test_a_writer_sees_what_another_index_object_wrote(tmp_path):
    """A writer keeps its list of indexed files between writes only while nobody else has written."""
    a, b = make_releases(tmp_path / "src", 2)
    one, two = Index.open(tmp_path / "ix", create=True), Index.open(tmp_path / "ix")
    one.add([a])
    two.add([b])
    assert one.remove([str(b)]) == [str(b.resolve())]
    assert two.files() == {str(a.resolve()): one.files()[str(a.resolve())]}


# -- versions ------------------------------------------------------------------------------------------

def test_incompatible_version_says_how_to_rebuild_and_rebuild_fixes_it(tmp_path):
    src = tmp_path / "src"
    make_releases(src, 2)
    folder = tmp_path / "ix"
    Index.open(folder, create=True).sync([src])
    manifest = json.loads((folder / MANIFEST).read_text())
    assert manifest["searchidx_version"] and manifest["schema_version"] == SCHEMA_VERSION
    manifest.update(schema_version=0, searchidx_version="0.0.1")
    (folder / MANIFEST).write_text(json.dumps(manifest))
    with pytest.raises(IndexVersionError, match=r"searchidx 0\.0\.1.*searchidx build --rebuild"):
        Index.open(folder)
    result = CliRunner().invoke(main, ["search", "council", "--index", str(folder)])
    assert result.exit_code == 2 and "--rebuild" in result.stderr
    result = CliRunner().invoke(main, ["check", "--index", str(folder)])
    assert result.exit_code == 1 and "rebuild" in result.output
    result = CliRunner().invoke(main, ["build", "--rebuild", "--index", str(folder)])
    assert result.exit_code == 0, result.output
    assert hits(Index.open(folder), word(1)) == 1


def test_legacy_layout_opens_syncs_and_moves_on_rebuild(tmp_path):
    """An index from before generations: Whoosh's files in the folder itself."""
    from whoosh import index as whoosh_index

    from searchidx.engine.whoosh.schema import schema

    src = tmp_path / "src"
    make_releases(src, 2)
    folder = tmp_path / "ix"
    folder.mkdir()
    whoosh_index.create_in(str(folder), schema())
    (folder / MANIFEST).write_text(json.dumps({"schema_version": SCHEMA_VERSION, "searchidx_version": "0.1.0", "sources": []}))
    ix = Index.open(folder)
    assert ix.generation == "."
    ix.sync([src])
    assert hits(Index.open(folder), word(0)) == 1
    ix.rebuild()
    assert ix.generation.startswith("gen-") and hits(Index.open(folder), word(1)) == 1
    assert list(folder.glob("*.toc"))  # kept, as the previous generation, for readers still on it
    ix.rebuild()
    assert not list(folder.glob("*.toc")) and hits(Index.open(folder), word(1)) == 1


# -- locking -------------------------------------------------------------------------------------------

def test_writer_waits_then_says_locked(tmp_path):
    src = tmp_path / "src"
    make_releases(src, 1)
    ix = Index.open(tmp_path / "ix", create=True)
    with _FolderLock(ix.path, 0):  # another writer at work (flock is per open file, so this conflicts)
        start = time.monotonic()
        with pytest.raises(IndexLockedError, match=f"pid {os.getpid()}"):
            ix.sync([src], lock_timeout=0.3)
        assert time.monotonic() - start >= 0.3
        result = subprocess.run(cli("add", src, "--index", ix.path, "--lock-timeout", "0.2"), env=env(),
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 2
        assert "another process is writing" in result.stderr and "Traceback" not in result.stderr
        assert hits(ix, word(0)) == 0  # readers are not held up by the writer's lock
    assert len(ix.sync([src]).added) == 1


def test_two_writer_processes_at_once(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    make_releases(a, 60)
    make_releases(b, 60, start=60)
    folder = tmp_path / "ix"
    Index.open(folder, create=True)
    procs = [subprocess.Popen(cli("build", src, "--index", folder), env=env(), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for src in (a, b)]
    outputs = [p.communicate(timeout=120) for p in procs]
    for p, (_out, err) in zip(procs, outputs):
        assert p.returncode == 0, err
        assert "Lock" not in err and "Traceback" not in err
    ix = Index.open(folder)
    assert len(ix.files()) == 120 and hits(ix, word(0)) == 1 and hits(ix, word(119)) == 1
    assert sorted(Path(s).name for s in ix.sources) == ["a", "b"]
    assert ix.check().ok


# -- crash safety --------------------------------------------------------------------------------------

# A build that stops at a chosen point and waits there to be killed: "writing" mid-build with uncommitted
# documents in the writer (after a commit of the first batch), "commit" inside Whoosh's commit, with the
# segment written and the table of contents not yet.
_KILLABLE_BUILD = textwrap.dedent("""
    import sys, time
    from searchidx import Index
    src, folder, where = sys.argv[1:4]
    def stop(*_):
        print("ready", flush=True)
        time.sleep(600)
    # Commits every 10 files, in this process or in workers.
    ix = Index.open(folder, create=True, segment_files=10, commit_every=10)
    if where == "commit":
        import whoosh.index
        whoosh.index.TOC.write = stop
        ix = Index.open(folder, segment_files=10, commit_every=10 ** 6)
    # The 25th file handed back (counts from the workers, without a path, run ahead of those)
    progress = (lambda done, total, path: done == 25 and path and stop()) if where == "writing" else None
    ix.sync([src], progress=progress)
""")


@pytest.mark.parametrize("where", ["writing", "commit"])
def test_kill_9_mid_build_then_open_search_and_sync(tmp_path, where):
    src = tmp_path / "src"
    make_releases(src, 40)
    folder = tmp_path / "ix"
    proc = subprocess.Popen([sys.executable, "-c", _KILLABLE_BUILD, src, folder, where], env=env(),
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "ready"
    finally:
        proc.kill()  # SIGKILL: no cleanup of any kind
        proc.wait(timeout=30)

    ix = Index.open(folder)
    committed = len(ix.files())
    assert committed == (20 if where == "writing" else 0)  # the last commit, whole
    assert hits(ix, word(0)) == (1 if committed else 0)
    assert _orphans(ix.engine.whoosh), "expected the killed writer's debris"
    assert not ix.check(contents=False).ok  # check sees the debris...
    report = ix.sync()  # ...the lock died with its holder, and the next sync finishes the job
    assert len(report.added) == 40 - committed and len(report.unchanged) == committed
    assert not _orphans(ix.engine.whoosh)
    assert ix.check().ok and hits(ix, word(39)) == 1


_KILLABLE_REBUILD = textwrap.dedent("""
    import sys, time
    from searchidx import Index
    folder, = sys.argv[1:2]
    def stop(done, total, path):
        if done == 25 and path:
            print("ready", flush=True)
            time.sleep(600)
    Index.open(folder).rebuild(progress=stop)
""")


def test_kill_9_mid_rebuild_leaves_the_old_generation(tmp_path):
    src = tmp_path / "src"
    make_releases(src, 40)
    folder = tmp_path / "ix"
    ix = Index.open(folder, create=True)
    ix.sync([src])
    (src / "rel_0000.txt").unlink()
    proc = subprocess.Popen([sys.executable, "-c", _KILLABLE_REBUILD, folder], env=env(), stdout=subprocess.PIPE,
                            text=True)
    try:
        assert proc.stdout.readline().strip() == "ready"
    finally:
        proc.kill()
        proc.wait(timeout=30)
    assert sorted(p.name for p in folder.glob("gen-*")) == ["gen-1", "gen-2"]  # gen-2: the dead rebuild's
    reopened = Index.open(folder)
    assert reopened.generation == "gen-1" and len(reopened.files()) == 40
    assert len(reopened.sync().removed) == 1  # the lock is free; the next write clears the debris
    assert sorted(p.name for p in folder.glob("gen-*")) == ["gen-1"] and reopened.check().ok


def test_failed_commit_does_not_break_later_ones(tmp_path, monkeypatch):
    import whoosh.index

    src = tmp_path / "src"
    make_releases(src, 3)
    ix = Index.open(tmp_path / "ix", create=True)

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as m:
        m.setattr(whoosh.index.TOC, "write", disk_full)
        with pytest.raises(OSError):
            ix.sync([src])
    assert ix.files() == {}
    assert len(ix.sync([src]).added) == 3 and ix.check().ok


# -- rebuild under readers -----------------------------------------------------------------------------

_READER = textwrap.dedent("""
    import sys, os
    from searchidx import Index
    folder, out, stop = sys.argv[1:4]
    kept = Index.open(folder)  # a long-lived reader follows the switch of generations
    with open(out, "a") as fh:
        while not os.path.exists(stop):
            fresh = Index.open(folder).search("council").total
            print(fresh, kept.search("council").total, file=fh, flush=True)
""")


def test_rebuild_while_another_process_searches(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    make_releases(a, 30)
    make_releases(b, 20, start=30)
    folder = tmp_path / "ix"
    ix = Index.open(folder, create=True)
    ix.sync([a])
    old, new = 60, 100  # two body paragraphs mention the council in each release
    assert hits(ix, "council") == old
    out, stop = tmp_path / "seen.txt", tmp_path / "stop"
    reader = subprocess.Popen([sys.executable, "-c", _READER, folder, out, stop], env=env(),
                              stderr=subprocess.PIPE, text=True)
    try:
        def seen() -> list[tuple[int, int]]:
            return [tuple(map(int, line.split())) for line in out.read_text().splitlines()] if out.exists() else []

        wait_for(lambda: len(seen()) >= 3, what="the reader's first searches")
        for _ in range(3):  # swap back and forth: generations are cleaned up while the reader reads
            ix.rebuild([a, b])
            ix.rebuild([a])
        ix.rebuild([a, b])
        count = len(seen())
        wait_for(lambda: len(seen()) >= count + 3, what="searches after the last rebuild")
    finally:
        stop.touch()
        _, err = reader.communicate(timeout=60)
    assert reader.returncode == 0, err
    results = seen()
    assert {n for pair in results for n in pair} <= {old, new}  # old or new, never a mix
    assert results[0] == (old, old) and results[-1] == (new, new)
    assert len([p for p in folder.iterdir() if p.name.startswith("gen-")]) == 2  # current and previous


def test_searches_go_on_while_a_writer_commits(tmp_path):
    src = tmp_path / "src"
    make_releases(src, 10)
    folder = tmp_path / "ix"
    ix = Index.open(folder, create=True)
    ix.sync([src])
    out, stop = tmp_path / "seen.txt", tmp_path / "stop"
    reader = subprocess.Popen([sys.executable, "-c", _READER, folder, out, stop], env=env(),
                              stderr=subprocess.PIPE, text=True)
    try:
        wait_for(lambda: out.exists() and out.read_text().count("\n") >= 3, what="the reader's first searches")
        extra = make_releases(tmp_path / "extra", 1, start=50)
        for _ in range(15):  # each add and remove is a commit, each removing the files the last one used
            ix.add(extra)
            ix.remove([str(extra[0])])
    finally:
        stop.touch()
        _, err = reader.communicate(timeout=60)
    assert reader.returncode == 0, err
    assert {int(n) for n in out.read_text().split()} <= {20, 22}


# -- many small commits --------------------------------------------------------------------------------

def test_small_commits_do_not_pile_up_segments(tmp_path):
    ix = Index.open(tmp_path / "ix", create=True)
    for i in range(40):
        ix.add(make_releases(tmp_path / "src", 1, start=i))
    assert len(ix.engine.whoosh._segments()) <= 8
    assert len(ix.files()) == 40 and ix.check().ok


# -- check ---------------------------------------------------------------------------------------------

def test_check_finds_changed_vanished_and_new_files(tmp_path):
    src = tmp_path / "src"
    paths = make_releases(src, 3)
    folder = tmp_path / "ix"
    Index.open(folder, create=True).sync([src])
    result = CliRunner().invoke(main, ["check", "--index", str(folder)])
    assert result.exit_code == 0 and result.output.strip().endswith("ok")
    paths[0].write_text(release_text(0, "Changed."), encoding="utf-8")
    paths[1].unlink()
    make_releases(src, 1, start=9)
    (src / "empty.txt").write_bytes(b"")  # cannot be indexed: a note, not a problem
    result = CliRunner().invoke(main, ["check", "--index", str(folder)])
    assert result.exit_code == 1
    for expected in ("1 file(s) changed since indexed", "1 indexed file(s) no longer exist",
                     "1 file(s) under the sources are not indexed yet", "searchidx build", "cannot be loaded"):
        assert expected in result.output
    assert CliRunner().invoke(main, ["check", "--fast", "--index", str(folder)]).exit_code == 0
    CliRunner().invoke(main, ["build", "--index", str(folder)])
    assert CliRunner().invoke(main, ["check", "--index", str(folder)]).exit_code == 0


def test_check_finds_a_release_without_its_paragraphs(tmp_path):
    from whoosh import query as Q

    src = tmp_path / "src"
    make_releases(src, 2)
    (src / "title_only.txt").write_text("Office closed on Monday\n", encoding="utf-8")  # no paragraphs: fine
    ix = Index.open(tmp_path / "ix", create=True)
    ix.sync([src])
    rid = ix.files()[str((src / "rel_0000.txt").resolve())]
    with ix.engine.whoosh.writer() as w:  # damage it behind searchidx's back
        w.delete_by_query(Q.And([Q.Term("doctype", "para"), Q.Term("release", rid)]))
    problems = ix.check().problems
    assert len(problems) == 1 and "file record but no paragraphs" in problems[0].message
    assert "1 release(s)" in problems[0].message
    assert "--rebuild" in problems[0].advice


def test_check_finds_paragraphs_cut_off_from_their_file_record(tmp_path):
    src = tmp_path / "src"
    (first,) = make_releases(src, 1)
    shutil.copy(first, src / "z_copy.txt")
    ix = Index.open(tmp_path / "ix", create=True)
    ix.sync([src])
    assert ix.check().ok and ix.search("title:adopts").total == 2
    with ix.engine.whoosh.writer() as w:  # drop the record the paragraphs follow, behind searchidx's back
        w.delete_by_term("doc", f"file:{first.resolve()}")
    problems = [p.message for p in ix.check().problems]
    assert sum("1 release(s) have paragraphs that do not follow their file record" in p for p in problems) == 1
    assert ix.search("title:adopts").total == 0  # what the problem means for a user


# -- CLI output ----------------------------------------------------------------------------------------

def test_build_output_on_a_pipe_and_quiet(tmp_path):
    src = tmp_path / "src"
    make_releases(src, 3)
    result = subprocess.run(cli("build", src, "--index", tmp_path / "ix"), env=env(), capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0
    assert "\r" not in result.stderr  # no progress bar on a pipe...
    assert "3 added, 0 updated, 0 removed, 0 unchanged, 0 skipped" in result.stderr  # ...the summary only
    (src / "empty.txt").write_bytes(b"")
    result = subprocess.run(cli("build", "--quiet", "--index", tmp_path / "ix"), env=env(), capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 2  # a file that could not be read
    assert result.stdout == "" and result.stderr.strip() == f"searchidx: skipped {src / 'empty.txt'}: empty file"


def test_progress_bar_on_a_terminal():
    from searchidx.cli.main import _Progress

    runner = CliRunner()
    with runner.isolation() as (_out, err, *_):
        bar = _Progress(True)
        for done in range(1, 5):
            bar(done, 4, "x")
        bar.close()
        shown = err.getvalue().decode()
    assert "4/4 files" in shown and "files/s" in shown and "left" in shown


def test_cli_add_and_remove(tmp_path):
    paths = make_releases(tmp_path / "src", 2)
    folder = tmp_path / "ix"
    result = CliRunner().invoke(main, ["add", *map(str, paths), "--index", str(folder)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [f"added {p.resolve()}" for p in paths]
    assert "2 added" in result.stderr
    rid = Index.open(folder).files()[str(paths[0].resolve())]
    result = CliRunner().invoke(main, ["remove", rid, "nothing-like-it", "--index", str(folder)])
    assert result.exit_code == 1  # one target matched nothing
    assert result.stdout.strip() == f"removed {paths[0].resolve()}"
    assert "not in the index: nothing-like-it" in result.stderr
    assert list(Index.open(folder).files()) == [str(paths[1].resolve())]
