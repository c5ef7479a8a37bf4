"""The two ways a search ranks: every match scored (searchidx.collecting, when the total is counted) and
Whoosh's top-N collector (a total left as a bound, or above EXACT_COUNT_LIMIT possible matches). Both must
give the same top hits, with the same scores, for every kind of query."""

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
    return f"{title}\n\nPARIS, {rng.choice(['March', 'June', 'October'])} {rng.randint(1, 28)}, {rng.choice([2019, 2021, 2023])}\n\n{paras}\n"


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
    return f"({query}) -{rng.choice(WORDS)}" if rng.random() < 0.15 else query


def test_whooshs_top_n_and_every_match_scored_agree(ix):
    rng = random.Random(5)
    compared = 0
    for _ in range(300):
        query = _query(rng)
        options = {"limit": rng.choice([1, 3, 10]), "collapse": False}
        if rng.random() < 0.3:
            options["since"] = rng.choice(["2020", "2021-06"])
        if rng.random() < 0.15:
            options["quotes_only"] = True
        try:
            counted = ix.search(query, exact_total=True, **options)
        except QueryError:
            continue
        bound = ix.search(query, exact_total=False, **options)
        assert [(h.id, round(h.score, 6)) for h in bound.hits] == \
               [(h.id, round(h.score, 6)) for h in counted.hits], (query, options)
        assert bound.total >= counted.total if not bound.total_exact else bound.total == counted.total, query
        compared += bool(counted.hits)
    assert compared > 150
