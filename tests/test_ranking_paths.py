"""A search ranks every match from whole posting lists (searchidx.engine.whoosh.collecting); Whoosh's own collector,
scoring every match by walking them, is the oracle: the same top hits with the same scores, the same
total, for every kind of query, and by date the newest first with undated paragraphs last."""

from __future__ import annotations

import random

import pytest

from searchidx import Index, QueryError

WORDS = ("budget council fraud mayor court jury trial sentence police county office grant victim witness "
         "program school health water tax vote state federal charge prison drug driver earlier transport "
         "traffic report public safety fund officer").split()
NAMES = ["Jane Doe", "Tracy Driver", "Court Earl", "Ana Budget", "Mo Fraud", "Lee Transport"]


def _paragraph(rng: random.Random) -> str:
    # Zipf-like: a few words in most paragraphs, most words in few.
    words = [WORDS[min(int(rng.paretovariate(1.2)) - 1, len(WORDS) - 1)] for _ in range(rng.randint(4, 18))]
    text = " ".join(words).capitalize() + "."
    if rng.random() < 0.3:
        text = f"\u201c{text}\u201d said {rng.choice(NAMES)}, director of the office."
    return text


def _release(rng: random.Random, i: int) -> str:
    title = " ".join(rng.sample(WORDS, 3)).title()
    paras = "\n\n".join(_paragraph(rng) for _ in range(rng.randint(3, 9)))
    if rng.random() < 0.1:  # undated
        return f"{title}\n\n{paras}\n"
    month, day, year = rng.choice(["March", "June", "October"]), rng.randint(1, 28), rng.choice([2019, 2021, 2023])
    return f"{title}\n\nPARIS, {month} {day}, {year}\n\n{paras}\n"


@pytest.fixture(scope="module")
def ix(tmp_path_factory):
    rng = random.Random(11)
    folder = tmp_path_factory.mktemp("rel")
    index = Index.open(tmp_path_factory.mktemp("ix") / "index", create=True)
    for batch in range(3):  # three segments, then edits: deletions in each
        for i in range(batch * 120, (batch + 1) * 120):
            (folder / f"r{i}.txt").write_text(_release(rng, i), encoding="utf-8")
        index.sync([folder])
    for i in rng.sample(range(360), 40):
        (folder / f"r{i}.txt").write_text(_release(rng, i), encoding="utf-8")
    index.sync([folder])
    return index


def _query(rng: random.Random) -> str:
    def clause() -> str:
        word = rng.choice(WORDS)
        kind = rng.random()
        if kind < 0.2:
            return f'"{word} {rng.choice(WORDS)}"'
        if kind < 0.3:
            return word[:3] + "*"
        if kind < 0.45:
            return f"{word}^{rng.choice(['0', '2', '3'])}"
        if kind < 0.5:
            return word + "~"
        if kind < 0.55:
            return f"speaker:{rng.choice(NAMES).split()[1].lower()}"
        return word

    query = rng.choice([" ", " OR ", " OR ", " AND "]).join(clause() for _ in range(rng.randint(1, 4)))
    if rng.random() < 0.1:
        query = f"({query} ANDNOT {clause()}) {clause()}"
    return f"({query}) NOT {rng.choice(WORDS)}" if rng.random() < 0.15 else query


def _whoosh_ranking(index: Index, query: str, options: dict) -> list[tuple[str, float]]:
    """Every match as Whoosh's collector scores it (limit=None: no pruning), best first."""
    from searchidx.engine.whoosh.readers import _searcher
    from searchidx.engine.whoosh.searching import _query_and_mask

    with _searcher(index) as s:
        full, mask = _query_and_mask(s, index, query, speaker=None, since=options.get("since"), until=None,
                                     source=None, kinds=("body",), quotes_only=options.get("quotes_only", False))
        hits = [(h.score, h.docnum, f"{h['release']}#{h['n']}") for h in s.search(full, limit=None, mask=mask)]
    return [(pid, score) for score, _d, pid in sorted(hits, key=lambda h: (-h[0], h[1]))]


def test_every_match_scored_as_whoosh_scores_it(ix):
    rng = random.Random(5)
    compared = 0
    for _ in range(250):
        query = _query(rng)
        options: dict = {"limit": rng.choice([1, 3, 10]), "collapse": False}
        if rng.random() < 0.3:
            options["since"] = rng.choice(["2020", "2021-06"])
        if rng.random() < 0.15:
            options["quotes_only"] = True
        try:
            ours = ix.search(query, **options)
        except QueryError:
            continue
        whoosh = _whoosh_ranking(ix, query, options)
        assert ours.total == len(whoosh), (query, options)
        assert [(f"{h.content_id}#{h.n}", round(h.score, 4)) for h in ours.hits] == \
               [(pid, round(score, 4)) for pid, score in whoosh[:options["limit"]]], (query, options)
        compared += bool(whoosh)
    assert compared > 150


@pytest.mark.parametrize("query", ["budget", "court OR jury", "police officer", ""])
def test_newest_first_then_best_undated_last(ix, query):
    every = ix.search(query, limit=5000, collapse=False)
    assert every.total == len(every.hits) > 20
    by_date = ix.search(query, limit=5000, collapse=False, sort="date")
    expect = sorted(every.hits, key=lambda h: (h.date is None, -int((h.date or "0").replace("-", "")), -h.score))
    assert [h.date for h in by_date.hits] == [h.date for h in expect]
    assert by_date.hits[0].date is not None and by_date.hits[-1].date is None  # undated ones exist: last
    ours = [(h.date, round(h.score, 6)) for h in by_date.hits]
    assert ours == [(h.date, round(h.score, 6)) for h in expect]
    top = ix.search(query, limit=7, page=2, collapse=False, sort="date")
    assert [h.id for h in top.hits] == [h.id for h in by_date.hits[7:14]]
