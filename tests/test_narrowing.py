"""Narrowing a search to files (--path, path:) and counting by publisher (wire, site, or source folder)."""

from __future__ import annotations

import json
import shutil
from fnmatch import fnmatchcase
from pathlib import Path

import pytest
from click.testing import CliRunner

from searchidx import Index
from searchidx.cli.main import main
from searchidx.search.publishers import publisher
from tests.conftest import SEED
from tests.test_search import RELEASES


@pytest.fixture(scope="module")
def ix(tmp_path_factory) -> Index:
    """Text exports in two office folders (no wire: the folder names the publisher), and the seed (a wire)."""
    src = tmp_path_factory.mktemp("corpus")
    for office, names in {"harris": ["a.txt", "b.txt"], "dallas": ["c.txt"]}.items():
        (src / office).mkdir()
        for name in names:
            (src / office / name).write_text(RELEASES[name], encoding="utf-8")
    shutil.copy(SEED, src / SEED.name)
    index = Index.open(tmp_path_factory.mktemp("ix") / "index", create=True)
    index.sync([src])
    return index


def invoke(ix: Index, *args, code=0):
    result = CliRunner().invoke(main, [*map(str, args), "--index", str(ix.path)])
    assert result.exit_code == code, result.output
    return result


QUERY = "council OR fraud OR iran OR budget"


@pytest.mark.parametrize("glob", ["harris/*", "*/c.txt", "*.txt", "dallas*", "*/nowhere/*"])
def test_path_glob_keeps_the_files_it_matches(ix, glob):
    src = Path(ix.sources[0])
    every = list(ix.iter_search(QUERY))
    want = [h.id for h in every if fnmatchcase(Path(h.path).relative_to(src).as_posix(), glob)]
    assert [h.id for h in ix.iter_search(QUERY, path=glob)] == want
    assert ix.search(QUERY, path=glob).total == len(want)
    if want:
        hits = [json.loads(line) for line in invoke(ix, "search", QUERY, "--path", glob, "--json", "-n", "100").stdout.splitlines()]
        assert [h["id"] for h in hits] == [h.id for h in ix.search(QUERY, path=glob, limit=100)]
    else:
        invoke(ix, "search", QUERY, "--path", glob, code=1)


def test_path_in_the_query(ix):
    assert [h.id for h in ix.iter_search(f"({QUERY}) path:harris")] == [h.id for h in ix.iter_search(QUERY, path="*harris*")]
    assert [h.id for h in ix.iter_search(f'path:"dallas/*" {QUERY}')] == [h.id for h in ix.iter_search(QUERY, path="dallas/*")]
    assert {m.title for m in ix.search_releases("path:harris council")} == \
        {"Council adopts budget for schools", "Regional press picks up budget story"}


def test_publisher_facet_works_for_every_input(ix):
    facet = {v.label: v.count for v in ix.search(QUERY, facets=["publisher"], limit=0).facets["publisher"]}
    hits = list(ix.iter_search(QUERY))
    assert facet == {"EIN Presswire": sum(h.source == "EIN Presswire" for h in hits),
                     "harris": sum("/harris/" in h.path for h in hits), "dallas": sum("/dallas/" in h.path for h in hits)}
    out = invoke(ix, "search", QUERY, "--facet", "publisher", "-n", "0").stdout
    assert "publisher (top 3)" in out and "harris" in out


@pytest.mark.parametrize(("source", "name"), [
    ("globenewswire.com", "GlobeNewswire"), ("GlobeNewswire News Room", "GlobeNewswire"),
    ("Cision PR Newswire", "PR Newswire"), ("prnewswire.com", "PR Newswire"), ("EIN Presswire", "EIN Presswire"),
    ("www.bankofengland.co.uk", "bankofengland"), ("Ministry of Justice", "Ministry of Justice"),
    ("Scottish Government News Room", "Scottish Government")])
def test_known_wires_fold_to_one_name(source, name):
    assert publisher(source, "/c/x.txt", ["/c"]) == name


def test_publisher_falls_back_to_the_folder():
    assert publisher(None, "/corpus/harris/2023/a.txt", ["/corpus"]) == "harris"
    assert publisher("", "/corpus/a.txt", ["/corpus"]) == "corpus"
    assert publisher(None, "/elsewhere/office/a.txt", []) == "office"
