"""Release-level results: `search --releases` (-l, like grep -l) and releases where several queries match
(in the same paragraph or different ones)."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections import Counter

import pytest
from click.testing import CliRunner

from searchidx import Index
from searchidx.cli.main import main
from tests.conftest import SEED
from tests.test_search import RELEASES


@pytest.fixture(scope="module")
def ix(tmp_path_factory) -> Index:
    folder = tmp_path_factory.mktemp("releases")
    shutil.copy(SEED, folder / SEED.name)
    for name, text in RELEASES.items():
        (folder / name).write_text(text, encoding="utf-8")
    index = Index.open(tmp_path_factory.mktemp("ix") / "index", create=True)
    index.sync([folder])
    return index


def invoke(ix: Index, *args, code=0):
    result = CliRunner().invoke(main, [*map(str, args), "--index", str(ix.path)])
    assert result.exit_code == code, result.output
    return result


@pytest.mark.parametrize("query", ["council", "accountability", "iran OR budget", "said"])
def test_releases_count_their_matching_paragraphs_and_speakers(ix, query):
    hits = list(ix.iter_search(query))
    per_release = Counter(h.release for h in hits)
    found = ix.search_releases(query, limit=100)
    assert found.total == len(per_release) == len(found)
    assert {m.id: m.paragraphs for m in found} == dict(per_release)
    for match in found:
        assert set(match.speakers) == {h.speaker for h in hits if h.release == match.id and h.speaker}
    assert [m.score for m in found] == sorted((m.score for m in found), reverse=True)
    rows = [json.loads(line) for line in invoke(ix, "search", "-l", query, "--json").stdout.splitlines()]
    assert [r["id"] for r in rows] == [m.id for m in found][:10] and rows[0]["type"] == "release"


def test_releases_where_two_speakers_are_quoted(ix):
    both = ix.search_releases("speaker:rajavi", also=["speaker:schomburg"])
    assert [m.title for m in both] == [ix.search("speaker:rajavi", limit=1).hits[0].title]
    assert {"Maryam Rajavi", "Wolfgang Schomburg"} <= set(both.releases[0].speakers)
    text = invoke(ix, "search", "--releases", "speaker:rajavi", "--also", "speaker:schomburg")
    assert both.releases[0].id in text.stdout and "1-1 of 1 matching release" in text.stderr
    # Jane Doe and José Ramírez are quoted, but never in the same release
    assert ix.search_releases("speaker:jane", also=["speaker:ramírez"]).total == 0
    invoke(ix, "search", "-l", "speaker:jane", "--also", "speaker:ramírez", code=1)
    invoke(ix, "search", "speaker:jane", "--also", "budget", code=2)  # --also needs --releases


def test_releases_by_date_and_as_csv(ix):
    oldest = ix.search_releases("budget OR fraud OR council", sort="oldest")
    dates = [m.date for m in oldest]
    assert dates == sorted(dates) and len(dates) == 4 and len(set(dates)) == 4
    newest = ix.search_releases("budget OR fraud OR council", sort="date")
    assert [m.id for m in newest] == [m.id for m in oldest][::-1]
    rows = list(csv.DictReader(io.StringIO(invoke(ix, "search", "-l", "budget OR fraud OR council", "--sort",
                                                  "oldest", "--csv").stdout)))
    assert [r["id"] for r in rows] == [m.id for m in oldest] and rows[0]["paragraphs"]
