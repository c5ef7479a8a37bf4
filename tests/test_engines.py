"""Conformance of the two engines: the same releases indexed in a Whoosh folder and on a real OpenSearch
cluster give the same totals for boolean, phrase, field, date and filter queries, the same facet counts and
timelines, the same releases, speakers and stats, and top-10 lists that overlap at least 80 % for ranked
queries (scores differ: docs/opensearch.md). The releases: the seed, generated fixtures and, when the shared
corpora are there, a slice of two real corpora."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from searchidx import Index
from tests.conftest import SEED, shared_corpora
from tests.opensearch_cluster import Cluster, opensearch  # noqa: F401 - the session's cluster fixture
from tests.releases import make_releases
from tests.test_search_quotes import RELEASES as QUOTED

#: Files of each real corpus folder indexed (sorted by name), when the corpora are there.
CORPUS_FILES = 150


LOCAL = {
    "court_police.txt": (
        "Court Hears Fentanyl Trafficking Case\n\nMarch 5, 2025\n\n"
        "SPRINGFIELD - The court heard the fentanyl trafficking case on Monday, police said. Officers of the "
        "city police seized the drugs in January after a long investigation.\n\n"
        "The court will sentence the two defendants in May. The judge said the hearing would be public.\n"),
    "fiscal_es.txt": (
        "La fiscal de distrito acusa a dos hombres de robo\n\n12 de abril de 2022\n\n"
        "HOUSTON - La fiscal de distrito presentó cargos contra dos hombres acusados de robo a mano armada en "
        "una tienda del centro de la ciudad. Los acusados fueron detenidos por la policía el martes por la "
        "noche.\n\n"
        "\u201cLa policía actuó con rapidez y protegió a los vecinos\u201d, dijo la fiscal de distrito María "
        "López. \u201cNuestra oficina pedirá las penas más severas que permite la ley.\u201d\n\n"
        "El acusado mayor tiene antecedentes por delitos similares, según los documentos del tribunal.\n"),
}


@pytest.fixture(scope="module")
def pair(opensearch: Cluster, tmp_path_factory: pytest.TempPathFactory):  # noqa: F811
    folder = tmp_path_factory.mktemp("conformance")
    releases = folder / "releases"
    make_releases(releases, 30)
    shutil.copy(SEED, releases / SEED.name)
    # A copy of a release at another path: one set of paragraphs, two file records.
    shutil.copy(releases / "rel_0001.txt", releases / "copy_of_0001.txt")
    # Quotes, reported speech and a scare quote nobody is named for (test_search_quotes.py).
    (releases / "quoted").mkdir()
    for name, text in QUOTED.items():
        (releases / "quoted" / name).write_text(text, encoding="utf-8")
    # What the queries below need, whether or not the real corpora are here: another date, court and police
    # outside quotes, a release in Spanish.
    for name, text in LOCAL.items():
        (releases / name).write_text(text, encoding="utf-8")
    corpora = shared_corpora()
    for name in ("bbc_news", "prosecutor_press_releases_txt"):
        files = sorted((corpora / name).rglob("*.txt"))[:CORPUS_FILES] if (corpora / name).is_dir() else []
        for i, f in enumerate(files):
            (releases / name).mkdir(parents=True, exist_ok=True)
            shutil.copy(f, releases / name / f"{i:04d}_{f.name}")
    whoosh = Index.open(folder / "index", create=True)
    whoosh.sync([releases])
    url = opensearch.url()
    remote = Index.open(url, create=True)
    report = remote.sync([releases])
    assert report.ok
    yield whoosh, remote, releases
    opensearch.drop(url)


TOTALS = [
    # boolean
    ("council AND plan", {}), ("council OR debate", {}), ("council NOT plan", {}), ("council -debate", {}),
    ("(justice OR court) AND NOT massacre", {}), ("council ANDNOT everyone", {}), ("plan ANDMAYBE debate", {}),
    ("court REQUIRE sentenced", {}), ("said", {}), ("mayor the police", {}), ("*:*", {}),
    # phrases, with slop and stop words
    ('"good day"', {}), ('"district attorney"', {}), ('"secretary of state"', {}), ('"adopted plan"~3', {}),
    ('"prime minister"', {}), ('"for everyone"', {}),
    # fields
    ("speaker:doe", {}), ('speaker:"jane doe"', {}), ("title:council", {}), ("title:adopts", {}),
    ("source:presswire", {}), ("location:brussels", {}), ("role:spokesperson", {}), ("kind:about", {}),
    ("text:council", {}), ("release:8c11a9366d6e4f0e", {}), ("speaker:rajavi massacre", {}),
    # expanding words
    ("counc*", {}), ("harbou*", {}), ("massacr~", {}), ("justise~", {}), ("sent?nced", {}), ("speaker:raj*", {}),
    # dates
    ("date:2024", {}), ("date:[2023-01 to 2023-12]", {}), ("year:2023", {}), ("date:>=2024-03", {}),
    ("council date:2024-03-03", {}), ("date:<2005", {}),
    # filters
    ("council", {"speaker": "Jane Doe"}), ("said", {"since": "2023-01-01"}), ("said", {"until": "2023"}),
    ("justice", {"source": "EIN Presswire"}), ("said", {"quotes_only": True}), ("council", {"kinds": None}),
    ("plan^3 OR debate", {}), ("court", {"since": "2004", "until": "2005-06"}),
    # paths, and phrases of stop words only (found in the stored text)
    ("council", {"path": "rel_00*"}), ("path:bbc_news said", {}), ("court", {"path": ["*prosecutor*", "*seed*"]}),
    ('"to be"', {}), ('"of the" council', {}), ('"for the" "on the"', {}),
    # languages: words analysed in each language indexed, --lang, lang:
    ("plan", {}), ("policia", {}), ("acusado", {}), ('"fiscal de distrito"', {}), ("fiscal", {"languages": ["es"]}),
    ("court", {"languages": ["en"]}), ("lang:es", {}), ("language:ES council", {}), ("policía OR police", {}),
    # a word is searched in the languages whose paragraphs write it, or in all when no English one has it
    ("police", {}), ("police", {"languages": ["es"]}), ("acusadas", {}), ('"la policía"', {}), ("quote:policía", {}),
    ("police acusados", {}), ("robbery OR robo", {}),
    # inside quotes: quote:, --in-quotes, --quotes-only (a direct quote), --speaker by a form of the name
    ("quote:fentanyl", {}), ('quote:"kills our children"', {}), ("quote:fentan*", {}), ("quote:fentanil~", {}),
    ("quote:dealer*", {}), ("quote:posters", {}), ("quote:fentanyl speaker:doe", {}), ("quote:good -council", {}),
    ('quote:"good day"', {}), ("quote:massacre", {}), ("quote:polic*", {"languages": ["en", "es"]}),
    ("fentanyl", {"in_quotes": True}), ("fentanyl", {"in_quotes": True, "speaker": "Roe"}),
    ("trial", {"in_quotes": True, "speaker": "Roe"}), ("", {"in_quotes": True, "speaker": "Roe"}),
    ("speaker:roe fentanyl", {"in_quotes": True}), ("dealers", {"in_quotes": True}),
    ('"good day" OR court', {"in_quotes": True}), ("justice OR victims", {"in_quotes": True}),
    ("*:*", {"quotes_only": True}), ("fentanyl", {"quotes_only": True}), ("court", {"quotes_only": True}),
    ("dealers OR accountability OR fentanyl", {"speaker": "Roe", "quotes_only": True}),
    ("fentanyl", {"speaker": "District Attorney Roe"}), ("dealers", {"speaker": "Jane Roe"}),
]


@pytest.mark.parametrize("query,options", TOTALS, ids=[q + (f" {o}" if o else "") for q, o in TOTALS])
def test_same_totals(pair, query, options):
    whoosh, remote, _ = pair
    w = whoosh.search(query, limit=0, suggest=False, **options)
    o = remote.search(query, limit=0, suggest=False, **options)
    assert o.total == w.total


def test_same_errors(pair):
    from searchidx.errors import QueryError

    whoosh, remote, _ = pair
    for query in ("the", "an of", "foo:bar", "a*", "\"unbalanced"):
        with pytest.raises(QueryError) as mine:
            whoosh.search(query)
        with pytest.raises(QueryError) as theirs:
            remote.search(query)
        assert str(theirs.value) == str(mine.value)
    with pytest.raises(QueryError):
        remote.search("council", since="2024", until="2023")


FACETED = ["council", "said", "court OR police", "*:*"]


@pytest.mark.parametrize("query", FACETED)
def test_same_facets_and_timeline(pair, query):
    whoosh, remote, _ = pair
    facets = ("speaker", "source", "publisher", "year", "location", "language")
    w = whoosh.search(query, limit=0, facets=facets, facet_limit=None, timeline=True, suggest=False)
    o = remote.search(query, limit=0, facets=facets, facet_limit=None, timeline=True, suggest=False)
    for name in facets:
        assert {v.value: v.count for v in o.facets[name]} == {v.value: v.count for v in w.facets[name]}, name
    assert o.timeline == w.timeline


RANKED = ["council plan", "justice victims", "police said", "court sentenced prison", "government economy growth",
          "international human rights", "market shares", "attorney charged murder"]


@pytest.mark.parametrize("query", RANKED)
def test_top_ten_overlap(pair, query):
    whoosh, remote, _ = pair
    w = whoosh.search(query, limit=50, collapse=False, suggest=False)
    o = remote.search(query, limit=10, collapse=False, suggest=False)
    assert o.total == w.total
    if not w.hits:
        return
    # Paragraphs that tie with Whoosh's tenth are as good as it: either engine may list them.
    tenth = w.hits[min(9, len(w.hits) - 1)].score
    acceptable = {h.id for h in w.hits if h.score >= tenth - 1e-6}
    top = [h.id for h in o.hits]
    assert len(set(top) & acceptable) >= 0.8 * min(10, len(w.hits)), (top, [h.id for h in w.hits[:10]])


def test_hits_read_the_same(pair):
    """A hit's fields, highlights, copies folded in and context are the same on both engines."""
    whoosh, remote, _ = pair
    w = whoosh.search('"good day" OR massacre', limit=50, context=1, suggest=False)
    o = remote.search('"good day" OR massacre', limit=50, context=1, suggest=False)
    by_id = {h.id: h for h in w.hits}
    assert {h.id for h in o.hits} | {d for h in o.hits for d in h.duplicates} == \
        {h.id for h in w.hits} | {d for h in w.hits for d in h.duplicates}
    for hit in o.hits:
        mine = by_id.get(hit.id)
        if mine is None:  # another copy leads the group here
            continue
        for name in ("path", "n", "kind", "speaker", "speaker_role", "title", "date", "source", "location", "url",
                     "text", "highlights", "speaker_key"):
            assert getattr(hit, name) == getattr(mine, name), name
        assert sorted(hit.duplicates) == sorted(mine.duplicates)
        assert [c.n for c in hit.context_before] == [c.n for c in mine.context_before]
        assert [c.text for c in hit.context_after] == [c.text for c in mine.context_after]


def test_in_quotes_highlights(pair):
    """Words matched inside quotes are highlighted there only, the same on both engines."""
    whoosh, remote, _ = pair
    for query, options in (("fentanyl", {"in_quotes": True}), ("quote:fentan*", {}), ("quote:fentanil~", {}),
                           ("quote:children OR dealers", {}), ('"good day" OR massacre', {"in_quotes": True}),
                           ("justice OR court", {"in_quotes": True})):
        w = {h.id: h.highlights for h in whoosh.search(query, limit=100, collapse=False, suggest=False, **options)}
        o = {h.id: h.highlights for h in remote.search(query, limit=100, collapse=False, suggest=False, **options)}
        assert o == w and any(w.values()), query
    hits = list(remote.iter_search("fentanyl", in_quotes=True))
    assert sorted((h.id, tuple(h.highlights)) for h in hits) == \
        sorted((h.id, tuple(h.highlights)) for h in whoosh.iter_search("fentanyl", in_quotes=True))
    mine = whoosh.search_releases("fentanyl", in_quotes=True, limit=100)
    theirs = remote.search_releases("fentanyl", in_quotes=True, limit=100)
    assert sorted((m.id, m.paragraphs) for m in theirs.releases) == sorted((m.id, m.paragraphs) for m in mine.releases)
    assert 2 <= mine.total < whoosh.search_releases("fentanyl", limit=0).total


def test_prefix_and_fuzzy_highlights(pair):
    whoosh, remote, _ = pair
    for query in ("harbou*", "massacr~", "justise~"):
        w = {h.id: h.highlights for h in whoosh.search(query, limit=100, collapse=False, suggest=False).hits}
        o = {h.id: h.highlights for h in remote.search(query, limit=100, collapse=False, suggest=False).hits}
        assert o == w, query


def test_did_you_mean(pair):
    whoosh, remote, _ = pair
    for query in ("massacer", "councl plan", "justice"):
        assert remote.search(query, limit=1).suggestion == whoosh.search(query, limit=1).suggestion, query


@pytest.mark.parametrize("sort", ["date", "oldest"])
def test_sorted_by_date(pair, sort):
    whoosh, remote, _ = pair
    w = whoosh.search("said OR court", limit=30, sort=sort, collapse=False, suggest=False)
    o = remote.search("said OR court", limit=30, sort=sort, collapse=False, suggest=False)
    assert [h.date for h in o.hits] == [h.date for h in w.hits]
    assert len({h.date for h in w.hits}) > 1


def test_hits_have_stable_ids_and_content_ids(pair):
    whoosh, remote, _ = pair
    w = {h.id: h.content_id for h in whoosh.search("council", limit=100, suggest=False).hits}
    o = {h.id: h.content_id for h in remote.search("council", limit=100, suggest=False).hits}
    assert o == w and any(k.split("#")[0] != v for k, v in w.items())


def test_other_languages_highlight_the_same(pair):
    whoosh, remote, _ = pair
    for query, options in (("policia", {}), ("acusado", {}), ('"fiscal de distrito"', {}),
                           ("fiscal", {"languages": ["es"]})):
        w = {h.id: h.highlights for h in whoosh.search(query, limit=100, collapse=False, suggest=False, **options)}
        o = {h.id: h.highlights for h in remote.search(query, limit=100, collapse=False, suggest=False, **options)}
        assert o == w and any(w.values()), query


@pytest.mark.parametrize("query,also,sort", [("court", ("police",), "score"), ("said", (), "date"),
                                             ("council", (), "oldest"), ('"of the" court', ("judge",), "score")])
def test_search_releases(pair, query, also, sort):
    whoosh, remote, _ = pair
    w = whoosh.search_releases(query, also=also, sort=sort, limit=500)
    o = remote.search_releases(query, also=also, sort=sort, limit=500)
    assert o.total == w.total > 0
    assert sorted((m.id, m.content_id, m.paragraphs, m.speakers, m.title, m.path) for m in o.releases) == \
        sorted((m.id, m.content_id, m.paragraphs, m.speakers, m.title, m.path) for m in w.releases)
    if sort != "score":
        assert [m.date for m in o.releases] == [m.date for m in w.releases]


def test_every_hit_and_every_paragraph(pair):
    whoosh, remote, _ = pair
    for query, options in (("council", {}), ("said", {"sort": "date", "context": 1})):
        w = list(whoosh.iter_search(query, **options))
        o = list(remote.iter_search(query, **options))
        assert sorted(h.id for h in o) == sorted(h.id for h in w) and w
        if options:
            assert [h.date for h in o] == [h.date for h in w]
            mine = {h.id: [c.n for c in h.context_before + h.context_after] for h in w}
            assert {h.id: [c.n for c in h.context_before + h.context_after] for h in o} == mine
    w = sorted(json.dumps(p, sort_keys=True) for p in whoosh.engine.paragraphs())
    assert sorted(json.dumps(p, sort_keys=True) for p in remote.engine.paragraphs()) == w
    key = whoosh.speakers()[0].key
    assert sorted(map(str, remote.engine.speaker_paragraphs(key))) == \
        sorted(map(str, whoosh.engine.speaker_paragraphs(key)))
    assert sorted(remote.engine.paths()) == sorted(set(whoosh.engine.paths()))
    path = sorted(whoosh.files())[5]
    assert remote.engine.release_at(path) == whoosh.engine.release_at(path) is not None
    assert remote.engine.release_at("/no/such/file") is None
    assert remote.engine.stop_words() == whoosh.engine.stop_words()


def test_releases_speakers_stats_files(pair):
    whoosh, remote, _ = pair
    assert remote.files() == whoosh.files()
    content_id = next(iter(whoosh.files().values()))
    assert remote.release(content_id).to_dict() == whoosh.release(content_id).to_dict()
    stable = whoosh.search("council", limit=1).hits[0].release
    assert remote.release(stable).to_dict() == whoosh.release(stable).to_dict()
    from searchidx.errors import ReleaseNotFoundError

    with pytest.raises(ReleaseNotFoundError):
        remote.release("0123456789abcdef")
    w = {s.key: (s.name, s.paragraphs, s.releases, s.roles, s.aliases) for s in whoosh.speakers()}
    o = {s.key: (s.name, s.paragraphs, s.releases, s.roles, s.aliases) for s in remote.speakers()}
    assert o == w and any(aliases for *_, aliases in w.values())
    # Quote records come back as parse made them, whoever's they are.
    quoted = whoosh.search("fentanyl", in_quotes=True, limit=5).hits
    for rid in {h.release for h in quoted}:
        mine = whoosh.release(rid).to_dict()
        assert remote.release(rid).to_dict() == mine and any(p["quotes"] for p in mine["paragraphs"])
    for key in {h.speaker_key for h in quoted}:
        assert sorted(map(str, remote.engine.speaker_paragraphs(key))) == \
            sorted(map(str, whoosh.engine.speaker_paragraphs(key)))
    ws, os_ = whoosh.stats(), remote.stats()
    for name in ("releases", "paragraphs", "speakers", "first_date", "last_date"):
        assert getattr(os_, name) == getattr(ws, name), name
    assert remote.check().ok


def test_sync_follows_the_files(opensearch: Cluster, tmp_path: Path):  # noqa: F811
    """Changed, copied, renamed and deleted files: the cluster index follows as the folder's does, and a
    second machine (another Index on the same URL) sees the same sync state."""
    releases = tmp_path / "releases"
    paths = make_releases(releases, 5)
    url = opensearch.url()
    try:
        remote = Index.open(url, create=True)
        whoosh = Index.open(tmp_path / "index", create=True)
        for ix in (remote, whoosh):
            assert len(ix.sync([releases]).added) == 5
        paths[0].write_text(paths[0].read_text() + "\nA new closing line about zeppelins.\n", encoding="utf-8")
        shutil.copy(paths[1], releases / "copy.txt")
        paths[2].rename(releases / "renamed.txt")
        paths[3].unlink()
        reports = [ix.sync() for ix in (remote, whoosh)]
        assert [r.summary() for r in reports][0] == reports[1].summary()
        other = Index.open(url)  # another machine: the sources and the file records are in the cluster
        assert other.sources == whoosh.sources
        assert other.files() == whoosh.files()
        assert other.sync().summary() == "0 added, 0 updated, 0 removed, 5 unchanged, 0 skipped"
        for query in ("zeppelins", "council", '"good day"'):
            assert remote.search(query, limit=0).total == whoosh.search(query, limit=0).total, query
        removed = remote.remove([str(releases / "copy.txt")])
        whoosh.remove([str(releases / "copy.txt")])
        assert list(removed) == [str((releases / "copy.txt").resolve())]
        (releases / "copy.txt").unlink()
        assert remote.files() == whoosh.files()
        assert remote.search("council", limit=0).total == whoosh.search("council", limit=0).total
        assert remote.check().ok
        rebuilt = remote.rebuild()
        assert len(rebuilt.added) == 4 and remote.generation.endswith("-g2")
        assert remote.files() == whoosh.files()
    finally:
        opensearch.drop(url)


def test_lock_is_held_in_the_cluster(opensearch: Cluster, tmp_path: Path):  # noqa: F811
    from searchidx.errors import IndexLockedError

    url = opensearch.url()
    try:
        ix = Index.open(url, create=True)
        with ix._session(1):
            with pytest.raises(IndexLockedError):
                Index.open(url).add([str(make_releases(tmp_path / "r", 1)[0])], lock_timeout=0.5)
        assert len(Index.open(url).add([str(tmp_path / "r")], lock_timeout=0.5).added) == 1
    finally:
        opensearch.drop(url)


def test_cluster_down_is_one_clear_line():
    from searchidx.errors import SearchidxError

    with pytest.raises(SearchidxError, match=r"not reachable .*is it running\?$"):
        Index.open("opensearch://127.0.0.1:9/nothing_here")


@pytest.mark.parametrize("command", [["search", "x"], ["build", "."], ["add", "."], ["remove", "abc"], ["show", "abc"],
                                     ["speakers"], ["stats"], ["check"], ["export"], ["sources"], ["watch", "."]])
def test_every_command_says_in_one_line_that_the_cluster_is_down(command):
    from click.testing import CliRunner

    from searchidx.cli.main import main

    result = CliRunner().invoke(main, [*command, "--engine", "opensearch://127.0.0.1:9/nothing_here"])
    assert result.exit_code != 0
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception  # no traceback
    assert result.output.strip().splitlines() == [
        "searchidx: error: opensearch://127.0.0.1:9/nothing_here: the OpenSearch cluster is not reachable "
        "(127.0.0.1:9); is it running?"]


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("SEARCHIDX_INDEX", "SEARCHIDX_ENGINE")}
    return subprocess.run([sys.executable, "-m", "searchidx.cli", *args], cwd=cwd, capture_output=True, text=True,
                          env=env, timeout=300)


def _same(command: list[str], out: str) -> object:
    """What must be the same: everything but the scores of hits, the order of hits (ties on Whoosh's side
    may come in another order), the order of the copies folded into a hit; `check`'s segments and generation."""
    if command[0] == "check":  # segments and generations are each engine's own
        return re.sub(r"\d+ segments \([^)]*\)", "", out)
    if command[0] == "stats":  # size and time of the last update are each engine's own
        return {k: v for k, v in json.loads(out).items() if k not in ("size_bytes", "last_update")}
    if command[0] == "export":  # every paragraph; the order is each engine's own (docs/opensearch.md)
        return sorted(out.splitlines())
    if command[0] != "search":
        return out
    if "--csv" in command:
        rows = list(csv.reader(io.StringIO(out)))
        at = rows[0].index("score") if rows else 0
        return sorted(str([*r[:at], " ".join(sorted(r[at + 1].split())), *r[at + 2:]]) for r in rows[1:])
    if "--json" in command:
        lines = [json.loads(line) for line in out.splitlines()]
        for line in lines:
            line.pop("score", None)
            line["duplicates"] = sorted(line.get("duplicates") or [])
            line["duplicate_releases"] = sorted(map(str, line.get("duplicate_releases") or []))
        return sorted(json.dumps(line, sort_keys=True) for line in lines)
    return sorted(out.splitlines())


def test_every_command_prints_the_same_on_both_engines(opensearch: Cluster, tmp_path: Path):  # noqa: F811
    """The CLI through --engine URL (and $SEARCHIDX_ENGINE) prints what it prints on a folder."""
    releases = tmp_path / "releases"
    make_releases(releases, 6)
    shutil.copy(SEED, releases / SEED.name)
    for name, text in QUOTED.items():
        (releases / name).write_text(text, encoding="utf-8")
    url = opensearch.url()
    where = {"whoosh": ["--index", str(tmp_path / "index")], "opensearch": ["--engine", url]}
    try:
        for args in where.values():
            out = _cli("build", str(releases), *args, cwd=tmp_path)
            assert out.returncode == 0, out.stderr
            assert "9 added, 0 updated, 0 removed, 0 unchanged, 0 skipped" in out.stderr
        rid = json.loads(_cli("search", "massacre", "--json", "-n", "1", *where["whoosh"], cwd=tmp_path)
                         .stdout.splitlines()[0])["id"].split("#")[0]
        commands = [
            ["search", "massacre", "--facet", "speaker", "--timeline", "-C", "1", "--color", "always"],
            ["search", "council", "--json", "--all-kinds"], ["search", '"good day"', "--csv"],
            ["search", "councl plan", "-n", "3"], ["search", "nothingatall"], ["speakers"], ["speakers", "--json"],
            ["show", rid], ["show", f"{rid}#3", "-C", "1", "--json"], ["show", "nosuchrelease"],
            ["remove", str(releases / "rel_0002.txt")], ["add", str(releases / "rel_0002.txt")],
            ["search", "council", "-n", "0"], ["check", "--fast"], ["search", "date:>2030"],
            ["search", "council", "--releases"], ["search", "council OR said", "--path", "rel_000*", "--json"],
            ["search", "council", "--lang", "en", "--facet", "language", "--facet", "publisher", "-n", "2"],
            ["search", '"of the"', "--sort", "oldest", "-n", "3"], ["export"], ["export", "--format", "csv"],
            ["sources"], ["stats", "--json"],
            ["search", "fentanyl", "--speaker", "Roe", "--in-quotes", "--json"],
            ["search", "good OR fentanyl", "--in-quotes", "--color", "always"],
            ["search", "quote:fentan*", "--quotes-only", "--csv"], ["search", "said", "--quotes-only"],
            ["search", "dealers", "--speaker", "District Attorney Roe"],
        ]
        for command in commands:
            w = _cli(*command, *where["whoosh"], cwd=tmp_path)
            o = _cli(*command, *where["opensearch"], cwd=tmp_path)
            assert (o.returncode, _same(command, o.stdout.replace(url, "X"))) == \
                (w.returncode, _same(command, w.stdout.replace(str(tmp_path / "index"), "X"))), command
            assert o.stderr.replace(url, "X").replace(" (opensearch-g1)", "") == \
                w.stderr.replace(str(tmp_path / "index"), "X"), command
        env_run = subprocess.run([sys.executable, "-m", "searchidx.cli", "stats", "--json"], cwd=tmp_path,
                                 capture_output=True, text=True, timeout=120,
                                 env={**os.environ, "SEARCHIDX_ENGINE": url})
        assert json.loads(env_run.stdout)["paragraphs"] == Index.open(url).stats().paragraphs
    finally:
        opensearch.drop(url)


def test_read_only_index_is_one_clear_line(opensearch: Cluster, tmp_path: Path):  # noqa: F811
    """A write to an index the cluster made read-only (a full disk's block) fails with one line, the index
    as it was."""
    from searchidx.errors import SearchidxError

    url = opensearch.url()
    paths = make_releases(tmp_path / "r", 3)
    try:
        index = Index.open(url, create=True)
        index.add([str(paths[0])])
        client = opensearch.client()
        client.indices.put_settings(index=index.generation, body={"index.blocks.read_only_allow_delete": True})
        with pytest.raises(SearchidxError) as caught:
            index.add([str(p) for p in paths[1:]])
        assert "read-only" in str(caught.value) and "\n" not in str(caught.value)
        client.indices.put_settings(index=index.generation, body={"index.blocks.read_only_allow_delete": None})
        assert list(index.files()) == [str(paths[0].resolve())]
        assert len(index.add([str(p) for p in paths[1:]]).added) == 2
    finally:
        opensearch.drop(url)


def test_serve_answers_the_same_on_both_engines(pair, opensearch: Cluster, tmp_path: Path):  # noqa: F811
    """`searchidx serve --engine URL`: the JSON API over the cluster's index answers as over the folder's."""
    pytest.importorskip("starlette")
    from tests.serve_helpers import start_server

    whoosh, remote, _ = pair
    servers = [start_server(whoosh.path), start_server(tmp_path / "unused", "--engine", remote.location)]
    try:
        answers = []
        for srv in servers:
            status, found = srv.json("/api/search?q=massacre&limit=50&facet=speaker")
            assert status == 200
            for hit in found["hits"]:
                hit.pop("score")
            found["hits"].sort(key=lambda h: h["id"])
            # A speaker's roles: the order differs (docs/opensearch.md).
            speakers = [(s["key"], s["paragraphs"], s["releases"], sorted(s["roles"]))
                        for s in srv.json("/api/speakers")[1]["speakers"]]
            answers.append((found, speakers, srv.json("/api/stats")[1]["paragraphs"]))
        assert answers[1] == answers[0]
    finally:
        for srv in servers:
            srv.stop()


def test_update_and_merge_as_watch_uses_them(opensearch: Cluster, tmp_path: Path):  # noqa: F811
    """`watch` writes through `Index.update` (files that exist indexed, vanished ones removed) and merges when
    idle: the cluster's index follows as the folder's does."""
    releases = tmp_path / "releases"
    paths = make_releases(releases, 4)
    url = opensearch.url()
    try:
        remote, whoosh = Index.open(url, create=True), Index.open(tmp_path / "index", create=True)
        for ix in (remote, whoosh):
            ix.sync([releases])
        shutil.copy(paths[0], releases / "new.txt")
        paths[1].write_text(paths[1].read_text() + "\nA closing line about zeppelins.\n", encoding="utf-8")
        paths[2].unlink()
        changed = [str(releases / "new.txt"), str(paths[1]), str(paths[2])]
        reports = [ix.update(changed, merge=False).summary() for ix in (remote, whoosh)]
        assert reports[0] == reports[1] == "1 added, 1 updated, 1 removed, 0 unchanged, 0 skipped"
        assert remote.merge() >= 1
        assert remote.files() == whoosh.files()
        assert remote.search("zeppelins", limit=0).total == whoosh.search("zeppelins", limit=0).total == 1
        assert remote.check(contents=True).ok
    finally:
        opensearch.drop(url)


def test_facet_labels_follow_the_index(opensearch: Cluster, tmp_path: Path):  # noqa: F811
    """A facet value reads as its commonest spelling in the index, looked up again once the index changes."""
    from tests.releases import release_text

    folder = tmp_path / "r"
    paths = make_releases(folder, 2)
    url = opensearch.url()
    try:
        index = Index.open(url, create=True)
        index.add([str(p) for p in paths])
        labels = {v.value: v.label for v in index.search("council", facets=["location"]).facets["location"]}
        assert labels == {"brussels": "BRUSSELS"}
        more = []
        for i in range(2, 5):
            more.append(folder / f"rel_{i:04d}.txt")
            more[-1].write_text(release_text(i).replace("BRUSSELS", "Brussels"), encoding="utf-8")
        index.add([str(p) for p in more])
        found = index.search("council", facets=["location"]).facets["location"]
        assert [(v.value, v.label, v.count) for v in found] == [("brussels", "Brussels", 10)]
    finally:
        opensearch.drop(url)
