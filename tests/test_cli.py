"""The command line through click's CliRunner."""

from __future__ import annotations

import json

from click.testing import CliRunner

from searchidx.cli.main import main
from tests.conftest import SEED


def run(*args, **kw):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False, **kw)


def test_parse_json(tmp_path):
    result = run("parse", SEED, "--json")
    assert result.exit_code == 0
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    data = json.loads(lines[0])
    assert set(data) >= {"path", "id", "title", "subtitle", "labels", "date", "location", "source", "url",
                         "contacts", "paragraphs"}
    assert data["date"] == "2023-08-25" and data["location"] == "PARIS, FRANCE"
    assert data["contacts"][0] == {"name": "Shahin Gobadi", "organisation": "NCRI", "phone": "+33 6 61 65 32 31",
                                   "email": None}
    assert sum(p["kind"] == "body" for p in data["paragraphs"]) == 38


def test_parse_reports_bad_files_and_goes_on(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = CliRunner().invoke(main, ["parse", str(empty), str(tmp_path / "missing.txt"), str(SEED), "--json"])
    assert result.exit_code == 2  # unreadable input is an error
    assert len(result.stdout.strip().splitlines()) == 1
    assert f"{empty}: empty file" in result.stderr
    assert "missing.txt: no such file" in result.stderr
    assert "Traceback" not in result.output


def test_build_and_search_json(tmp_path):
    ix = tmp_path / "ix"
    result = run("build", SEED.parent, "--index", ix)
    assert result.exit_code == 0, result.output
    assert "1 added" in result.stderr
    result = run("search", "closed nexus", "--index", ix, "--json")
    hits = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(hits) == 1
    assert set(hits[0]) >= {"id", "path", "n", "kind", "speaker", "speaker_role", "title", "date", "url", "score",
                            "text", "highlights"}
    assert hits[0]["speaker"] == "Wolfgang Schomburg" and hits[0]["kind"] == "body"


def test_build_optimize_leaves_one_segment(tmp_path):
    from searchidx import Index
    from tests.test_search import RELEASES

    folder = tmp_path / "releases"
    folder.mkdir()
    for name, text in RELEASES.items():
        (folder / name).write_text(text, encoding="utf-8")
    ix = tmp_path / "ix"
    for name in RELEASES:  # one commit, so one segment, per file
        assert run("add", folder / name, "--index", ix).exit_code == 0
    assert len(Index.open(ix).engine.whoosh._segments()) > 1
    result = run("build", folder, "--index", ix, "--optimize")
    assert result.exit_code == 0, result.output
    assert len(Index.open(ix).engine.whoosh._segments()) == 1
    assert json.loads(run("search", "budget", "--index", ix, "--json").stdout.splitlines()[0])["title"]


def test_first_search_builds_default_index(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SEARCHIDX_INDEX", raising=False)
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / SEED.name).write_bytes(SEED.read_bytes())
    result = run("search", "closed nexus")
    assert result.exit_code == 0
    assert "building" in result.stderr
    assert "closed nexus" in result.stdout
    assert (tmp_path / "index" / "searchidx.json").exists()


def test_errors_are_one_line(tmp_path):
    result = CliRunner().invoke(main, ["search", "x", "--index", str(tmp_path / "none")])
    assert result.exit_code == 2
    assert result.stderr.startswith("searchidx: error: no index at") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.output
    result = CliRunner().invoke(main, ["search", "x", "--since", "yesterday", "--index", str(tmp_path / "none")])
    assert result.exit_code == 2


def test_speakers_and_show(tmp_path):
    ix = tmp_path / "ix"
    run("build", SEED.parent, "--index", ix)
    result = run("speakers", "--index", ix, "--json")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows[0]["name"] == "Maryam Rajavi" and rows[0]["paragraphs"] == 12
    hit = json.loads(run("search", "closed nexus", "--index", ix, "--json").stdout.splitlines()[0])
    shown = json.loads(run("show", hit["id"], "--index", ix, "--json").stdout)
    assert [p["text"] for p in shown["paragraphs"]] == [hit["text"]]
