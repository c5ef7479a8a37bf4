"""Which files a build takes (--exclude, .searchidxignore, file types), files that failed to load remembered
until they change, and the sources a bare build syncs (`sources`, `remove FOLDER`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from searchidx import Index
from searchidx.cli.main import main
from searchidx.load.selection import excluded
from tests.test_search import RELEASES


def invoke(*args: object, code: int | None = 0):
    result = CliRunner().invoke(main, [str(a) for a in args])
    if code is not None:
        assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    return result


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A corpus folder as people have them: releases, and things that are not."""
    src = tmp_path / "src"
    (src / "links").mkdir(parents=True)
    (src / "drafts").mkdir()
    for name, text in RELEASES.items():
        (src / name).write_text(text, encoding="utf-8")
    (src / "counties.csv").write_text("county,population\nMaricopa,4500000\n", encoding="utf-8")
    (src / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (src / "archive.tar.gz").write_bytes(b"\x1f\x8b\x08\x00" + bytes(50))
    (src / "links" / "list.txt").write_text("Links\n\nhttps://example.org/a\n", encoding="utf-8")
    (src / "drafts" / "draft.txt").write_text(RELEASES["a.txt"].replace("schools", "hospitals"), encoding="utf-8")
    return src


def indexed(ix: Path) -> set[str]:
    return {Path(p).name for p in Index.open(ix).files()}


def test_types_that_are_no_release_are_skipped_without_a_word(corpus, tmp_path):
    ix = tmp_path / "ix"
    result = invoke("build", corpus, "--index", ix)
    assert indexed(ix) == {"a.txt", "b.txt", "c.txt", "list.txt", "draft.txt"}
    assert "skipped" not in result.stderr.replace("0 skipped", "")
    # named on the command line, a file is tried, and said to be no release
    named = invoke("add", corpus / "logo.png", "--index", ix, code=2)
    assert "logo.png: not a release: a PNG image" in named.stderr


def test_exclude_and_searchidxignore(corpus, tmp_path):
    ix = tmp_path / "ix"
    (corpus / ".searchidxignore").write_text("# drafts are not published\ndrafts/\n", encoding="utf-8")
    invoke("build", corpus, "--exclude", "links/*.txt", "--exclude", "c.*", "--index", ix)
    assert indexed(ix) == {"a.txt", "b.txt"}
    invoke("build", "--index", ix)  # remembered: a bare build excludes them too
    assert indexed(ix) == {"a.txt", "b.txt"}
    assert json.loads(invoke("sources", "--json", "--index", ix).stdout)["excludes"] == ["links/*.txt", "c.*"]
    invoke("sources", "include", "c.*", "--index", ix)
    invoke("build", "--index", ix)
    assert indexed(ix) == {"a.txt", "b.txt", "c.txt"}
    # excluding what is indexed takes it out at the next sync
    invoke("build", "--exclude", "b.txt", "--index", ix)
    assert indexed(ix) == {"a.txt", "c.txt"}
    invoke("sources", "include", "nothing-like-it", "--index", ix, code=1)


def test_exclusions_seen_one_path_at_a_time_as_a_walk_sees_them(corpus):
    (corpus / "drafts" / ".searchidxignore").write_text("old-*\n", encoding="utf-8")
    assert excluded(corpus / "links" / "list.txt", corpus, ["links/*.txt"])
    assert not excluded(corpus / "a.txt", corpus, ["links/*.txt"])
    assert excluded(corpus / "drafts" / "old-1.txt", corpus)
    assert not excluded(corpus / "drafts" / "new-1.txt", corpus)
    assert excluded(corpus / "counties.csv", corpus)
    assert excluded(corpus / "links", corpus, ["links/"], is_dir=True)
    assert excluded(corpus / ".hidden" / "x.txt", corpus)


def test_an_index_inside_its_source_folder_is_not_read_as_releases(corpus):
    """`build . --index ix`, the first thing many people type: the index's own manifest and files are
    neither indexed nor reported, at the first build or any later one, nor seen by a watcher."""
    ix = corpus / "ix"
    first = invoke("build", corpus, "--index", ix)
    assert indexed(ix) == {"a.txt", "b.txt", "c.txt", "list.txt", "draft.txt"}
    assert "ix" not in first.stderr.replace(str(ix) + ":", "")  # no warning naming a file of the index
    again = invoke("build", corpus, "--index", ix)
    assert "0 added, 0 updated" in again.stderr
    assert indexed(ix) == {"a.txt", "b.txt", "c.txt", "list.txt", "draft.txt"}
    assert excluded(ix / "searchidx.json", corpus)
    assert excluded(ix / "gen-1", corpus, is_dir=True)
    assert not excluded(corpus / "a.txt", corpus)


def test_index_markers_are_the_index_store_files():
    from searchidx.index import store
    from searchidx.load.selection import INDEX_MARKERS

    assert INDEX_MARKERS == (store.MANIFEST, store.LOCK)


@pytest.mark.parametrize("workers", [0, 2])
def test_a_bad_file_is_reported_once_until_it_changes(corpus, tmp_path, workers):
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "noise.dat").write_bytes(bytes(range(256)) * 8)
    ix = tmp_path / "ix"

    def sync():  # in this process, or in worker processes
        return Index.open(ix, create=True, processes=workers, min_parallel=1).sync([corpus])

    first = sync()
    assert {Path(e.path).name: e.reason for e in first.skipped} == {"empty.txt": "empty file",
                                                                   "noise.dat": "not a release: binary data"}
    again = sync()  # a no-op sync: nothing reported, both counted
    assert again.skipped == [] and sorted(Path(p).name for p in again.known_bad) == ["empty.txt", "noise.dat"]
    assert again.summary().endswith("0 skipped, 2 known bad") and not again.changed
    index = Index.open(ix)
    assert index.failed() == {str((corpus / "empty.txt").resolve()): "empty file",
                              str((corpus / "noise.dat").resolve()): "not a release: binary data"}
    cli = invoke("build", "--index", ix)  # and the command: exit code 0
    assert "skipped /" not in cli.stderr and "0 skipped, 2 known bad" in cli.stderr
    check = invoke("check", "--index", ix)
    assert f"known bad: {(corpus / 'empty.txt').resolve()}: empty file" in check.stdout
    assert check.stdout.strip().endswith("ok")
    stats = json.loads(invoke("stats", "--json", "--index", ix).stdout)
    assert {b["path"] for b in stats["known_bad"]} == set(index.failed())
    assert "known bad   2 files" in invoke("stats", "--index", ix).stdout
    # mended: indexed, and forgotten as bad
    (corpus / "empty.txt").write_text("Mended release\n\nThe file has text about the budget now.\n", encoding="utf-8")
    mended = sync()
    assert [Path(p).name for p in mended.added] == ["empty.txt"] and len(mended.known_bad) == 1
    assert list(Index.open(ix).failed()) == [str((corpus / "noise.dat").resolve())]
    # changed and still bad: reported again
    (corpus / "noise.dat").write_bytes(bytes(range(256)) * 9)
    assert [Path(e.path).name for e in sync().skipped] == ["noise.dat"]
    assert "1 known bad" in invoke("build", "--index", ix).stderr  # remembered with its new hash
    # gone: forgotten
    (corpus / "noise.dat").unlink()
    sync()
    assert Index.open(ix).failed() == {}


def test_an_indexed_file_gone_bad_keeps_its_release_and_is_reported_once(corpus, tmp_path):
    ix = tmp_path / "ix"
    invoke("build", corpus, "--index", ix)
    # Bad by its content (an emptied file's release goes instead: tests/test_hostile_files.py).
    (corpus / "a.txt").write_bytes(b"%PDF-1.4 not a release any more")
    assert "a.txt: not a release" in invoke("build", "--index", ix, code=2).stderr
    assert "1 known bad" in invoke("build", "--index", ix).stderr
    assert "a.txt" in indexed(ix)  # what was indexed from it stays until it is mended or deleted
    (corpus / "a.txt").write_text(RELEASES["a.txt"], encoding="utf-8")
    back = invoke("build", "--index", ix)
    assert "known bad" not in back.stderr and Index.open(ix).failed() == {}


def test_sources_command_and_remove_folder(corpus, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no seeds/ here
    ix = tmp_path / "ix"
    other = tmp_path / "other"
    other.mkdir()
    (other / "x.txt").write_text(RELEASES["c.txt"].replace("fraud", "bribery"), encoding="utf-8")
    invoke("build", corpus, "--index", ix)
    assert invoke("sources", "--index", ix).stdout.splitlines() == [str(corpus.resolve())]
    invoke("sources", "add", other, "--index", ix)
    assert invoke("sources", "list", "--index", ix).stdout.splitlines() == [str(corpus.resolve()), str(other.resolve())]
    invoke("build", "--index", ix)
    assert "x.txt" in indexed(ix)
    removed = invoke("sources", "remove", other, "--index", ix)
    assert "x.txt" not in indexed(ix) and "1 file removed" in removed.stderr
    invoke("sources", "remove", other, "--index", ix, code=1)
    invoke("sources", "add", tmp_path / "nope", "--index", ix, code=2)
    # remove FOLDER: its releases go, and a bare build does not bring them back
    result = invoke("remove", corpus / "links", "--index", ix)
    assert "list.txt" not in indexed(ix)
    result = invoke("remove", corpus, "--index", ix)
    assert f"no longer a source: {corpus.resolve()}" in result.stdout
    assert indexed(ix) == set()
    invoke("build", "--index", ix, code=2)  # no sources left, and no seeds/ here
    assert indexed(ix) == set()
