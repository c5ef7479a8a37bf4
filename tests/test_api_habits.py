"""The Python API as a notebook user reaches for it: iterable results, a context manager, every hit of a
query without pages, several files at once, standard input."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from searchidx import Index, LoadError, load_release, load_releases
from searchidx.cli.main import main
from tests.conftest import ROOT, SEED
from tests.test_search import RELEASES


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("releases")
    shutil.copy(SEED, folder / SEED.name)
    for name, text in RELEASES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def ix(folder, tmp_path_factory):
    index = Index.open(tmp_path_factory.mktemp("ix") / "index", create=True)
    index.sync([folder])
    return index


def test_results_iterate_and_have_a_length(ix):
    results = ix.search("iran", limit=4)
    assert len(results) == 4 and results.total > 4
    assert [h.id for h in results] == [h.id for h in results.hits]
    counts_only = ix.search("iran", limit=0)
    assert len(counts_only) == 0 and list(counts_only) == [] and counts_only.total > 4
    nothing = ix.search("zyxwvut")
    assert len(nothing) == 0 and nothing.total == 0
    assert results and counts_only and nothing  # truthy whatever they hold, as before they had a len()


def test_index_is_a_context_manager(ix):
    def mapped() -> int:  # index files this process has mapped or open
        maps = open("/proc/self/maps").read().count(str(ix.path))
        fds = sum(str(ix.path) in os.readlink(f"/proc/self/fd/{fd}") for fd in os.listdir("/proc/self/fd")
                  if os.path.exists(f"/proc/self/fd/{fd}"))
        return maps + fds

    with Index.open(ix.path) as index:
        assert index.search("budget").total == ix.search("budget").total
        assert mapped() > 0
    assert mapped() > 0  # the module's own index is still open...
    ix.close()
    assert mapped() == 0  # ...until it is closed
    assert ix.search("budget").total  # and a later search opens what it needs again


@pytest.mark.parametrize("sort", ["score", "date", "oldest"])
def test_iter_search_yields_every_hit_in_page_order(ix, sort):
    iterated = list(ix.iter_search("iran OR budget OR council", sort=sort))
    paged = []
    page = 1
    while hits := ix.search("iran OR budget OR council", sort=sort, collapse=False, limit=7, page=page).hits:
        paged.extend(hits)
        page += 1
    total = ix.search("iran OR budget OR council").total
    assert len(iterated) == total == len(paged) > 20
    assert [h.id for h in iterated] == [h.id for h in paged]
    assert [h.score for h in iterated] == [h.score for h in paged]
    assert iterated[0].highlights


def test_iter_search_is_lazy_and_filters(ix):
    hits = ix.iter_search("accountability", speaker="Jane Doe", context=1)
    first = next(hits)
    assert first.speaker == "Jane Doe" and (first.context_before or first.context_after)
    assert {h.speaker for h in hits} <= {"Jane Doe"}


def test_load_releases_of_files_and_folders(folder):
    one = load_releases(folder / "a.txt")
    assert [r.title for r in one] == ["Council adopts budget for schools"]
    every = load_releases([folder])
    assert len(every) == 4 and {r.title for r in every} >= {r.title for r in one}
    assert [r.id for r in load_releases([folder / "a.txt", folder / "c.txt"])] == \
        [load_release(folder / "a.txt").id, load_release(folder / "c.txt").id]
    with pytest.raises(LoadError, match="no such file or folder"):
        load_releases([folder, folder / "missing"])


def test_load_release_reads_standard_input():
    code = "import json, searchidx; r = searchidx.load_release('-'); print(json.dumps([r.id, r.path, r.title]))"
    out = subprocess.run([sys.executable, "-c", code], input=SEED.read_bytes(), capture_output=True, timeout=60,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert out.returncode == 0, out.stderr
    rid, path, title = json.loads(out.stdout)
    assert rid == load_release(SEED).id and path == "<stdin>" and title == load_release(SEED).title


def test_parse_reads_standard_input_and_folders(folder):
    piped = CliRunner().invoke(main, ["parse", "-", "--json"], input=SEED.read_bytes())
    assert piped.exit_code == 0, piped.output
    assert json.loads(piped.stdout)["id"] == load_release(SEED).id
    whole = CliRunner().invoke(main, ["parse", str(folder), "--json"])
    assert whole.exit_code == 0, whole.output
    assert sorted(json.loads(line)["title"] for line in whole.stdout.splitlines()) == \
        sorted(r.title for r in load_releases([folder]))
    empty = CliRunner().invoke(main, ["parse", "-"], input=b"")
    assert empty.exit_code == 2 and "<stdin>: empty file" in empty.stderr


def test_add_reads_paths_from_standard_input(folder, tmp_path):
    ix = tmp_path / "ix"
    names = "\n".join(str(folder / n) for n in ("a.txt", "c.txt")) + "\n"
    result = CliRunner().invoke(main, ["add", "-", "--index", str(ix)], input=names)
    assert result.exit_code == 0, result.output
    assert sorted(Index.open(ix).files()) == sorted(str((folder / n).resolve()) for n in ("a.txt", "c.txt"))
