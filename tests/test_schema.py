"""schema.analyse_text makes in one pass what the text fields' own analyzers and formats make in three."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh.fields import TEXT

from searchidx.engine.whoosh.schema import TEXT_FIELDS, analyse_text, fingerprint, schema
from searchidx.errors import LoadError
from searchidx.load.core import discover, load_release
from tests.conftest import FIXTURES, SEEDS


def whoosh_postings(text: str) -> list[list[tuple]]:
    """Each field's postings as Whoosh makes them (TEXT.index, not the `Analysed` shortcut)."""
    return [sorted(TEXT.index(schema()[name], text)) for name in TEXT_FIELDS]


def ours(text: str) -> list[list[tuple]]:
    return [sorted(postings) for postings in analyse_text(text)]


def paragraphs(files) -> list[str]:
    out = []
    for f in files:
        try:
            out.extend(p.text for p in load_release(f).paragraphs if p.text)
        except LoadError:  # refused pages are the loader's tests' business
            continue
    return out


@pytest.mark.parametrize("text", [
    "",
    "The the THE",  # stop words only: no stemmed term, no position
    "and so the District Attorney said the district attorney's office",  # renumbered after leading stops
    "Café señor São Paulo Zürich naïve coöperate",  # accents folded before stemming
    "e\u0301 \u0301 x\u0301y",  # a combining mark on its own folds to an empty token
    "U.S. Attorney's Office 2023-04-05 pthread_create example.com @handle #tag",
    "pleaded guilty pleaded guilty pleaded guilty",  # repeated pairs and positions
    "running runs ran runner ΑΘΗΝΑ Москва 東京",
])
def test_analyse_text_matches_whoosh_on_hard_cases(text: str) -> None:
    assert ours(text) == whoosh_postings(text)


def test_analyse_text_matches_whoosh_on_seed_and_fixture_releases() -> None:
    texts = paragraphs(discover([SEEDS, FIXTURES])[0])
    assert len(texts) > 100
    for text in texts:
        assert ours(text) == whoosh_postings(text), text[:80]


def test_analyse_text_matches_whoosh_on_real_releases(corpora) -> None:
    files = sorted(p for p in (corpora / "prosecutor_press_releases_txt").rglob("*") if p.is_file())
    sample = random.Random(3).sample(files, 60)
    texts = paragraphs(sample)
    assert len(texts) > 400
    for text in texts:
        assert ours(text) == whoosh_postings(text), text[:80]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab ÉéAtheorneyDist.'’\u0301-_0 1")), max_size=60))
def test_analyse_text_matches_whoosh_on_any_text(text: str) -> None:
    assert ours(text) == whoosh_postings(text)


def test_fingerprint_ignores_case_accents_and_punctuation() -> None:
    assert fingerprint("Café: the DA said.") == fingerprint("cafe the da   said")
    assert fingerprint("Café") != fingerprint("Caf")


def test_an_index_built_with_other_analyzers_is_written_with_its_own(tmp_path):
    """An index keeps the analyzers it was built with: a common-word list changed since must not change
    what its paragraphs are indexed under (search looks pairs up with the index's own list)."""
    import copy

    from whoosh import index as whoosh_index

    from searchidx.engine.whoosh.commonwords import COMMON_WORDS
    from searchidx.engine.whoosh.documents import write_release
    from searchidx.engine.whoosh.fields import AnalysedText, PairFilter
    from searchidx.engine.whoosh.schema import analyses_as_built, text_analyzer
    from searchidx.model import Paragraph, Release

    text = "The district attorney said the district attorney would appeal"
    old = copy.deepcopy(schema())
    old._fields["pairs"] = AnalysedText(analyzer=text_analyzer() | PairFilter(COMMON_WORDS - {"attornei"}),
                                        phrase=False)
    assert analyses_as_built(schema()) and not analyses_as_built(old)
    (tmp_path / "new").mkdir()
    assert analyses_as_built(whoosh_index.create_in(str(tmp_path / "new"), schema(), indexname="MAIN").schema)
    ix = whoosh_index.create_in(str(tmp_path), old, indexname="MAIN")
    release = Release(path="a.txt", id="r1", title="Appeal", paragraphs=[Paragraph(n=1, kind="body", text=text)])
    with ix.writer() as writer:
        write_release(writer, "a.txt", "hash", release)
    reader = ix.reader()
    for name in TEXT_FIELDS:
        made = sorted(t for t, *_ in TEXT.index(ix.schema[name], text))
        assert sorted(reader.lexicon(name)) == made, name
    assert b"district attornei" not in set(reader.lexicon("pairs"))


SYNDICATED = "\"This is a good day for accountability,\" said Jane Doe, spokesperson of the council.\n"


@pytest.mark.parametrize("column", ["fixed", "older var-bytes"])
def test_syndicated_copies_collapse_with_either_fingerprint_column(tmp_path, monkeypatch, column):
    """New indexes keep the fingerprint in 8 fixed bytes a paragraph; indexes made before keep Whoosh's
    VarBytesColumn (their own schema travels with them) and must still fold copies, and go on syncing."""
    import copy

    from whoosh import columns
    from whoosh.fields import COLUMN

    import searchidx.engine.whoosh.store
    from searchidx import Index

    made = schema()
    if column != "fixed":
        made = copy.deepcopy(made)
        made._fields["fingerprint"] = COLUMN(columns.VarBytesColumn())
        made._fields["text_exact"].scorable = True
        monkeypatch.setattr(searchidx.engine.whoosh.store, "schema", lambda: made)
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(f"Council adopts budget\n\nBRUSSELS, March 3, 2024\n\n{SYNDICATED}\n"
                               "The vote followed months of negotiation.\n", encoding="utf-8")
    (src / "b.txt").write_text(f"Press picks up the story\n\nLYON, April 10, 2024\n\n{SYNDICATED}", encoding="utf-8")
    ix = Index.open(tmp_path / "ix", create=True)
    assert len(ix.sync([src]).added) == 2
    monkeypatch.undo()
    (src / "c.txt").write_text(f"A third copy\n\nPARIS, May 1, 2024\n\n{SYNDICATED}", encoding="utf-8")
    assert len(ix.sync([src]).added) == 1  # written with the index's own schema
    with ix.engine.searcher() as s:
        coltype = s.schema["fingerprint"].column_type
        assert isinstance(coltype, columns.FixedBytesColumn if column == "fixed" else columns.VarBytesColumn)
        assert s.schema["text_exact"].scorable == (column != "fixed")
    hits = ix.search("good day accountability").hits
    assert len(hits) == 1 and len(hits[0].duplicates) == 2
    assert len(ix.search("good day accountability", collapse=False).hits) == 3
    assert len(ix.search("vote OR accountability").hits) == 2  # other text, its own hit


def test_the_quote_field_holds_its_quotes_words_as_whoosh_analyses_them() -> None:
    """`analyse_quote` (what a loader process makes) equals the quote field's own analysis of the spoken
    quotes' words (English; other languages as their text is), on every quoted paragraph of the seed and
    fixtures; narration and scare quotes add none."""
    from searchidx.engine.whoosh.schema import analyse_quote, quote_text

    quoted = narration = 0
    for f in discover([SEEDS, FIXTURES])[0]:
        try:
            release = load_release(f)
        except LoadError:
            continue
        for p in release.paragraphs:
            words = quote_text(p)
            if not words:
                narration += 1
                assert analyse_quote(p) == []
                continue
            quoted += 1
            assert all(q.text in p.text and q.speaker for q in p.spoken_quotes())
            if p.language in (None, "en"):
                assert sorted(analyse_quote(p)) == sorted(TEXT.index(schema()["quote"], words)), words[:80]
            else:  # analysed in its own language, as its text is (fields.language_term)
                assert analyse_quote(p) == analyse_text(words, p.language)[0]
    assert quoted > 30 and narration > 30
