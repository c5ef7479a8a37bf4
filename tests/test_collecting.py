"""searchidx.engine.whoosh.collecting: every match scored from whole posting lists, ranked and counted as Whoosh does."""

from __future__ import annotations

import random

import pytest

from searchidx import Index
from searchidx.engine.whoosh.collecting import skip_to, top_scored

VOCAB = ["council", "budget", "fraud", "court", "police", "school", "water", "prison", "state", "district",
         "attorney", "sentenced", "charged", "mayor", "city", "report", "said", "public", "health", "vote"]
NAMES = ["Jane Doe", "John Smith", "Maria Lopez", "Ahmed Khan"]


def _release(rng: random.Random, i: int, version: int = 0) -> str:
    title = " ".join(rng.choice(VOCAB) for _ in range(rng.randint(2, 5))).capitalize()
    paras = []
    for _ in range(rng.randint(2, 5)):
        words = [rng.choice(VOCAB[: rng.randint(4, len(VOCAB))]) for _ in range(rng.randint(5, 40))]
        text = " ".join(words).capitalize() + f" item{i} v{version}."
        if rng.random() < 0.3:
            text = f'"{text}" said {rng.choice(NAMES)}, spokesperson of the city.'
        paras.append(text)
    return f"{title} {i}\n\nPARIS, March {1 + i % 28}, 20{10 + i % 14}\n\n" + "\n\n".join(paras) + "\n"


@pytest.fixture(scope="module")
def ix(tmp_path_factory):
    """About 350 releases synced in three batches (three segments), then 20 of them changed (deletions)."""
    rng = random.Random(11)
    folder = tmp_path_factory.mktemp("rel")
    # In this process, where update(merge=False) keeps each segment.
    index = Index.open(tmp_path_factory.mktemp("ix") / "index", create=True, processes=0)
    for batch in range(3):
        paths = [folder / f"r{i:04d}.txt" for i in range(batch * 120, batch * 120 + 120)]
        for i, path in enumerate(paths, batch * 120):
            path.write_text(_release(rng, i), encoding="utf-8")
        index.update(paths, merge=False)
    changed = [folder / f"r{i:04d}.txt" for i in range(0, 360, 18)]
    for path in changed:
        path.write_text(_release(rng, int(path.stem[1:]), version=1), encoding="utf-8")
    index.update(changed, merge=False)
    return index


QUERIES = ["council", "fraud", "council budget", "court OR prison", "sentenced -fraud", '"state prison"',
           '"district attorney"', '"budget council vote"', '"prison state"~3', "polic*", "sentencd~", "doe",
           "speaker:doe council", "title:fraud", "date:2015 court", "date:[2012 to 2016]", "council OR said",
           "(fraud OR court) AND mayor", "item17"]


@pytest.mark.parametrize("text", QUERIES)
def test_the_same_ranking_scores_and_count_as_whoosh(ix, text):
    from searchidx.engine.whoosh.queries import parse_query
    from searchidx.engine.whoosh.readers import _searcher
    from searchidx.engine.whoosh.searching import _excluded

    with _searcher(ix) as s:
        assert len(s.reader().leaf_readers()) >= 2 and s.reader().has_deletions()
        q = parse_query(ix, text, schema=s.schema)
        for mask in (set(), _excluded(s, ("pullquote", "caption", "about"), False)):
            whoosh = s.search(q, limit=None, mask=mask)  # every match, scored one at a time
            expected = [(hit.docnum, hit.score) for hit in whoosh]
            ours = top_scored(s, q, None, mask)
            assert [(hit.docnum, hit.score) for hit in ours] == expected, text
            assert len(ours) == len(expected) == len(set(s.docs_for_query(q)) - mask)
            for limit in (0, 1, 7):
                top = top_scored(s, q, limit, mask)
                assert [(hit.docnum, hit.score) for hit in top] == expected[:limit]
                assert len(top) == len(expected) and top.scored_length() == min(limit, len(expected))
    assert any(ix.search(t).total > 20 for t in QUERIES)


def test_search_totals_count_every_match(ix):
    """Totals are whole (Whoosh's collector, asked for a top N, drops from its count the sub-matchers
    that can no longer reach the top: a prefix query's total came out short)."""
    from searchidx.engine.whoosh.queries import parse_query
    from searchidx.engine.whoosh.readers import _searcher
    from searchidx.engine.whoosh.searching import _excluded

    with _searcher(ix) as s:
        file_records = _excluded(s, (), False)
        for text in QUERIES:
            q = parse_query(ix, text, schema=s.schema)
            every = len(set(s.docs_for_query(q)) - file_records)
            res = ix.search(text, kinds=None, collapse=False, exact_total=True, suggest=False, limit=5)
            assert (res.total, res.total_exact) == (every, True), text


def test_skip_to_lands_where_whoosh_s_does(ix):
    from whoosh.codec.whoosh3 import W3LeafMatcher

    def postings(leaf):
        m = leaf.postings("text", "council")
        return getattr(m, "child", m)  # without a segment's deletion filter: the posting list itself

    rng = random.Random(3)
    with ix.engine.searcher() as s:
        leaves = [leaf for leaf, _base in s.reader().leaf_readers()]
        assert sum(len(list(postings(leaf).all_ids())) > 300 for leaf in leaves) >= 3  # blocks of 128
        for leaf in leaves:
            every = list(postings(leaf).all_ids())
            assert type(postings(leaf)) is W3LeafMatcher
            for _ in range(40):
                ours, theirs = postings(leaf), postings(leaf)
                for target in sorted(rng.sample(range(every[-1] + 5), 6)):
                    skip_to(ours, target)
                    if theirs.is_active() and theirs.id() < target:
                        theirs.skip_to(target)
                    assert ours.is_active() == theirs.is_active()
                    if not ours.is_active():
                        break
                    assert ours.id() == theirs.id() == min(d for d in every if d >= target)
                    assert ours.weight() == theirs.weight() and ours.value() == theirs.value()
