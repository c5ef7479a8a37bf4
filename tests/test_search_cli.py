"""`search`, `show` and `stats` through click's CliRunner: every option, every format."""

from __future__ import annotations

import csv
import io
import json
import os

import pytest
from click.testing import CliRunner

from searchidx.cli.main import main
from searchidx.cli.output import CSV_FIELDS, timeline_chart
from tests.test_search import RELEASES, SEED


@pytest.fixture(scope="module")
def ixdir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("rel")
    (folder / SEED.name).write_bytes(SEED.read_bytes())
    for name, text in RELEASES.items():
        (folder / name).write_text(text, encoding="utf-8")
    ix = tmp_path_factory.mktemp("ix") / "index"
    assert CliRunner().invoke(main, ["build", str(folder), "--index", str(ix)]).exit_code == 0
    return str(ix)


def run(ixdir, *args, code=0):
    """Run a command; ``code`` None: 0 with output on stdout, else 1 (nothing found)."""
    result = CliRunner().invoke(main, [*map(str, args), "--index", ixdir])
    if code is None:
        code = 0 if result.stdout else 1
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    return result


def jsonl(result, kind="hit"):
    return [d for d in map(json.loads, result.stdout.splitlines()) if d["type"] == kind]


def test_text_output_plain_on_a_pipe_and_coloured_on_request(ixdir):
    plain = run(ixdir, "search", "closed nexus")
    assert "Wolfgang Schomburg, Judge" in plain.stdout and "EIN Presswire" in plain.stdout
    assert "\x1b[" not in plain.stdout
    hit = jsonl(run(ixdir, "search", "closed nexus", "--json"))[0]
    assert f"{hit['id']}  {hit['path']}" in plain.stdout.splitlines()  # the file, absolute outside the cwd
    assert "1-1 of 1 matching paragraph\n" in plain.stderr
    coloured = run(ixdir, "search", "closed nexus", "--color", "always")
    assert "\x1b[1m\x1b[31m" in coloured.stdout or "\x1b[31m\x1b[1m" in coloured.stdout


def test_json_hits_and_csv(ixdir):
    hit = jsonl(run(ixdir, "search", '"closed nexus"', "--json"))[0]
    assert hit["speaker"] == "Wolfgang Schomburg" and hit["highlights"] == [[24, 30], [31, 36]]
    rows = list(csv.DictReader(io.StringIO(run(ixdir, "search", "fraud", "--csv").stdout)))
    assert tuple(rows[0]) == CSV_FIELDS
    assert rows[0]["path"].endswith(".txt") and os.path.isfile(rows[0]["path"])
    assert rows[0]["speaker"] in ("", "José Ramírez") and rows[0]["date"] == "2022-11-02"
    run(ixdir, "search", "fraud", "--csv", "--json", code=2)


def test_filters(ixdir):
    def ids(*args):
        return [h["speaker"] for h in jsonl(run(ixdir, "search", *args, "--json", "-n", "50", code=None))]

    assert set(ids("accountability", "--speaker", "Jane Doe")) == {"Jane Doe"}
    assert len(ids("budget", "--since", "2024-04")) == 1
    assert len(ids("title:budget", "--until", "2024-03")) == 3
    assert ids("budget", "--source", "ein") == []
    assert all(ids("council", "--quotes-only"))
    assert len(ids('"closed nexus"', "--all-kinds")) == 2


def test_sort_limit_page(ixdir):
    by_date = [h["date"] for h in jsonl(run(ixdir, "search", "budget OR fraud", "--sort", "date", "--json"))]
    assert by_date == sorted(by_date, reverse=True)
    oldest = [h["date"] for h in jsonl(run(ixdir, "search", "budget OR fraud", "--sort", "oldest", "--json"))]
    assert oldest == sorted(by_date) and oldest[0] < oldest[-1]
    assert [h["date"] for h in jsonl(run(ixdir, "search", "budget OR fraud", "--sort", "date", "--reverse",
                                          "--json"))] == oldest
    run(ixdir, "search", "budget", "--reverse", code=2)  # relevance has no reverse
    p1 = jsonl(run(ixdir, "search", "iran", "--limit", "2", "--json"))
    p2 = jsonl(run(ixdir, "search", "iran", "--limit", "2", "--page", "2", "--json"))
    assert len(p1) == len(p2) == 2 and p1[0]["id"] != p2[0]["id"]
    text = run(ixdir, "search", "iran", "--limit", "2", "--page", "2")
    assert "3-4 of" in text.stderr


def test_context(ixdir):
    out = run(ixdir, "search", '"closed nexus"', "-C", "1").stdout
    assert "  [27] Wolfgang Schomburg: And the good message" in out and "  [29] William A. Schabas:" in out
    hit = jsonl(run(ixdir, "search", '"closed nexus"', "-C", "1", "--json"))[0]
    assert [c["n"] for c in hit["context_before"] + hit["context_after"]] == [27, 29]


def test_collapse(ixdir):
    result = run(ixdir, "search", '"good day for accountability"')
    assert "+ 1 more with the same text" in result.stdout and "1 copy folded in" in result.stderr
    hit = jsonl(run(ixdir, "search", '"good day for accountability"', "--json"))[0]
    assert len(hit["duplicates"]) == 1
    assert len(jsonl(run(ixdir, "search", '"good day for accountability"', "--json", "--no-collapse"))) == 2


def test_facets_and_timeline(ixdir):
    result = run(ixdir, "search", "accountability OR budget", "--facet", "speaker", "--facet", "year",
                 "--timeline", "--limit", "0")
    assert "speaker (top" in result.stdout and "Jane Doe" in result.stdout and "year (top 2)" in result.stdout
    assert "2024-03 █" in result.stdout and "matching paragraphs" in result.stderr
    lines = run(ixdir, "search", "title:budget", "--facet", "location", "--timeline", "--json")
    facets = jsonl(lines, "facet")
    assert {f["label"] for f in facets} == {"BRUSSELS", "LYON, FRANCE"}
    assert {t["month"]: t["count"] for t in jsonl(lines, "timeline")} == {"2024-03": 3, "2024-04": 2}
    run(ixdir, "search", "x", "--facet", "colour", code=2)


def test_timeline_chart_scales():
    chart = timeline_chart([("2024-01", 10), ("2024-02", 0), ("2024-03", 5)], width=10)
    assert chart.splitlines() == ["2024-01 ██████████ 10", "2024-02 ·", "2024-03 █████ 5"]


def test_did_you_mean_on_stderr(ixdir):
    result = run(ixdir, "search", "acountability", code=1)  # nothing found, but a suggestion
    assert "did you mean: accountability" in result.stderr


@pytest.mark.parametrize("query", ['"closed nexus', "(a OR b", "foo:bar", "date:2023-02-30", "ac*"])
def test_bad_query_is_one_line_and_exit_2(ixdir, query):
    result = run(ixdir, "search", query, code=2)
    assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.startswith("searchidx: error: ")
    assert "(" in result.stderr  # the hint


def test_show_release_paragraph_and_context(ixdir):
    hit = jsonl(run(ixdir, "search", '"closed nexus"', "--json"))[0]
    whole = json.loads(run(ixdir, "show", hit["id"].split("#")[0], "--json").stdout)
    assert len(whole["paragraphs"]) == 44
    one = json.loads(run(ixdir, "show", hit["id"], "--json").stdout)
    assert [p["n"] for p in one["paragraphs"]] == [28]
    around = json.loads(run(ixdir, "show", hit["id"], "-C", "2", "--json").stdout)
    assert [p["n"] for p in around["paragraphs"]] == [26, 27, 28, 29, 30]
    assert "closed nexus" in run(ixdir, "show", hit["id"]).stdout
    assert "no paragraph 999" in run(ixdir, "show", hit["id"].split("#")[0] + "#999", code=1).stderr
    assert "expected ID or ID#N" in run(ixdir, "show", "abc#x", code=2).stderr
    assert "no release 'abc'" in run(ixdir, "show", "abc", code=1).stderr


def test_stats(ixdir):
    data = json.loads(run(ixdir, "stats", "--json").stdout)
    assert data["releases"] == 4 and data["first_date"] == "2022-11-02" and data["last_date"] == "2024-04-10"
    assert set(data) == {"releases", "paragraphs", "speakers", "first_date", "last_date", "size_bytes", "last_update",
                         "known_bad"} and data["known_bad"] == []
    text = run(ixdir, "stats").stdout
    assert "releases    4" in text and "2022-11-02 to 2024-04-10" in text


def test_text_output_shows_the_path_relative_to_the_current_folder(ixdir, monkeypatch):
    hit = jsonl(run(ixdir, "search", "closed nexus", "--json"))[0]
    monkeypatch.chdir(os.path.dirname(os.path.dirname(hit["path"])))
    relative = os.path.join(os.path.basename(os.path.dirname(hit["path"])), os.path.basename(hit["path"]))
    assert f"{hit['id']}  {relative}" in run(ixdir, "search", "closed nexus").stdout.splitlines()
