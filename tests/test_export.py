"""`searchidx export`: every paragraph with its metadata as JSON Lines, CSV and SQLite; the SQLite export
opens in sqlite-utils (a real subprocess) and finds the paragraphs searchidx finds for a word."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from searchidx import Index
from searchidx.cli.main import main
from searchidx.export import FIELDS
from tests.conftest import SEED
from tests.test_search import RELEASES

WORDS = ["nexus", "budget", "accountability", "executions", "council", "massacre", "prosecutor", "ramírez",
         "schomburg", "fraud"]


@pytest.fixture(scope="module")
def ixdir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("releases")
    shutil.copy(SEED, folder / SEED.name)
    for name, text in RELEASES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "copy.txt").write_text(RELEASES["a.txt"], encoding="utf-8")  # a copy shares the paragraphs
    ix = tmp_path_factory.mktemp("ix") / "index"
    Index.open(ix, create=True).sync([folder])
    return ix


def invoke(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result


def every_paragraph(ix: Path) -> dict[str, dict]:
    """Each paragraph as the index shows it: the releases, paragraph by paragraph."""
    index = Index.open(ix)
    out = {}
    for rid in set(index.files().values()):
        release = index.release(rid)
        for p in release.paragraphs:
            out[f"{rid}#{p.n}"] = {"text": p.text, "speaker": p.speaker, "kind": p.kind, "title": release.title}
    return out


def test_jsonl_and_csv_hold_every_paragraph_with_its_metadata(ixdir):
    expected = every_paragraph(ixdir)
    rows = [json.loads(line) for line in invoke("export", "--index", ixdir).stdout.splitlines()]
    assert len(rows) == len(expected) == Index.open(ixdir).stats().paragraphs
    assert tuple(rows[0]) == FIELDS
    for row in rows:
        want = expected[f"{row['content_id']}#{row['n']}"]
        assert (row["text"], row["speaker"], row["kind"], row["title"]) == \
            (want["text"], want["speaker"], want["kind"], want["title"])
        assert os.path.isfile(row["path"]) and row["id"] == f"{row['release']}#{row['n']}"
    table = list(csv.DictReader(io.StringIO(invoke("export", "--format", "csv", "--index", ixdir).stdout)))
    assert [r["id"] for r in table] == [r["id"] for r in rows]
    assert [r["text"] for r in table] == [r["text"] for r in rows]


def test_sqlite_opens_in_sqlite_utils_and_finds_what_searchidx_finds(ixdir, tmp_path):
    db = tmp_path / "export.db"
    invoke("export", "--format", "sqlite", "-o", db, "--index", ixdir)
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from paragraphs").fetchone()[0] == Index.open(ixdir).stats().paragraphs
    sqlite_utils = shutil.which("sqlite-utils", path=os.path.dirname(sys.executable)) or shutil.which("sqlite-utils")
    assert sqlite_utils, "sqlite-utils is a test dependency"
    for word in WORDS:
        out = subprocess.run([sqlite_utils, "search", str(db), "paragraphs", word, "--csv", "-c", "id"],
                             capture_output=True, text=True, timeout=60)
        assert out.returncode == 0, out.stderr
        found = {row["id"] for row in csv.DictReader(io.StringIO(out.stdout))}
        ours = {h.id for h in Index.open(ixdir).iter_search(word, kinds=None)}  # the stable ids
        assert found == ours and ours, word


def test_sqlite_export_needs_a_file_and_replaces_it_whole(ixdir, tmp_path):
    result = CliRunner().invoke(main, ["export", "--format", "sqlite", "--index", str(ixdir)])
    assert result.exit_code == 2 and "--output" in result.stderr
    db = tmp_path / "x.db"
    db.write_text("old")
    invoke("export", "--format", "sqlite", "-o", db, "--index", ixdir)
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from paragraphs_fts where paragraphs_fts match 'budget'").fetchone()[0]
    assert not list(tmp_path.glob(".x.db*"))


def test_sqlite_export_of_real_releases_finds_what_searchidx_finds(corpora, tmp_path):
    """The GOV.UK and diverse releases of the corpora (skipped without them); bench/export_check.py does
    every corpus folder."""
    ix = Index.open(tmp_path / "ix", create=True)
    ix.sync([corpora / "govuk_press_releases_json", corpora / "diverse_releases"])
    db = tmp_path / "real.db"
    invoke("export", "--format", "sqlite", "-o", db, "--index", ix.path)
    sqlite_utils = shutil.which("sqlite-utils", path=os.path.dirname(sys.executable)) or shutil.which("sqlite-utils")
    for word in ("government", "minister", "said", "police", "bank", "court"):
        out = subprocess.run([sqlite_utils, "search", str(db), "paragraphs", word, "--csv", "-c", "id"],
                             capture_output=True, text=True, timeout=60, check=True)
        found = {row["id"] for row in csv.DictReader(io.StringIO(out.stdout))}
        assert found == {h.id for h in ix.iter_search(word, kinds=None)} and found, word


def test_progress_bar_on_a_terminal_only(ixdir, tmp_path):
    from tests.test_habits import in_pty, proc

    shown = in_pty(["export", "--format", "csv", "-o", tmp_path / "a.csv", "--index", ixdir], {"TERM": "xterm"})
    assert "paragraphs/s" in shown and "paragraphs exported to" in shown
    piped = proc("export", "--format", "csv", "-o", tmp_path / "b.csv", "--index", ixdir)
    assert "\r" not in piped.stderr and "paragraphs exported" in piped.stderr
    assert (tmp_path / "a.csv").read_text() == (tmp_path / "b.csv").read_text()
