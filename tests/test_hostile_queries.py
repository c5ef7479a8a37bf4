"""Issue 23, item 3: one short query never makes unbounded work."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from searchidx import QueryError
from searchidx.budget import MAX_WORD_CHARS
from searchidx.cli.habits import EXIT_ERROR


def test_fuzzy_distance_is_capped_at_two(index):
    start = time.monotonic()
    far = index.search("abcdefghijklmnopqrstuvwxyz~9")
    assert time.monotonic() - start < 5
    assert far.total == index.search("abcdefghijklmnopqrstuvwxyz~2").total
    # Capped, not dropped: a word two edits away is still found, as with ~2.
    assert index.search("accuntabilty~9").total == index.search("accuntabilty~2").total > 0


@pytest.mark.parametrize("query", ["a" * 100_000, "x" * (MAX_WORD_CHARS + 1), " ".join(["mayor"] * 1000)])
def test_long_queries_and_words_are_refused_quickly(index, query):
    start = time.monotonic()
    with pytest.raises(QueryError, match="too long"):
        index.search(query)
    assert time.monotonic() - start < 1


def test_a_word_at_the_limit_is_searched(index):
    assert index.search("x" * MAX_WORD_CHARS).total == 0


def test_time_budget_ends_a_search_with_a_clear_error(index):
    with pytest.raises(QueryError, match="took too long"):
        index.search("acc*", max_seconds=0)
    assert index.search("acc*", max_seconds=None).total > 0


def test_cli_reports_a_refused_query_in_one_line(index, tmp_path):
    proc = subprocess.run([sys.executable, "-m", "searchidx", "search", "a" * 100_000, "--index", str(index.path)],
                          capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert proc.returncode == EXIT_ERROR
    assert len(proc.stderr.strip().splitlines()) == 1 and "too long" in proc.stderr
