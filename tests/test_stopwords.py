"""Stop words: phrases made of them are found (in the stored text), a query of stop words alone says so
with a hint, and a stop word beside other words no longer empties the results."""

from __future__ import annotations

import re
import shutil
import unicodedata

import pytest
from click.testing import CliRunner

from searchidx import Index, QueryError
from searchidx.cli.main import main
from tests.conftest import SEED
from tests.test_search import RELEASES

HAMLET = ("Hamlet staged again\n\nLONDON, May 5, 2024\n\n"
          "\"To be, or not to be: that is the question the director asked,\" said Ann Smith, director of the theatre.\n\n"
          "The play runs until June. Tickets are on sale from Monday.\n")


@pytest.fixture(scope="module")
def ix(tmp_path_factory) -> Index:
    folder = tmp_path_factory.mktemp("releases")
    shutil.copy(SEED, folder / SEED.name)
    for name, text in {**RELEASES, "hamlet.txt": HAMLET}.items():
        (folder / name).write_text(text, encoding="utf-8")
    index = Index.open(tmp_path_factory.mktemp("ix") / "index", create=True)
    index.sync([folder])
    return index


def scan(ix: Index, phrase: str) -> set[str]:
    """Body paragraphs whose words hold the phrase's words in a row: a plain walk over the releases."""
    def words(text):
        text = unicodedata.normalize("NFKD", text.lower())
        return re.findall(r"[^\W_]+", "".join(c for c in text if not unicodedata.combining(c)))

    run = words(phrase)
    found = set()
    for rid in set(ix.files().values()):
        release = ix.release(rid)
        for p in release.paragraphs:
            w = words(p.text)
            if p.kind == "body" and any(w[i:i + len(run)] == run for i in range(len(w))):
                found.add(f"{rid}#{p.n}")
    return found


@pytest.mark.parametrize("phrase", ["to be", "to be or not", "or not to be", "in the", "it is"])
def test_phrases_of_stop_words_are_found(ix, phrase):
    want = scan(ix, phrase)
    got = {f"{h.content_id}#{h.n}" for h in ix.iter_search(f'"{phrase}"')}
    assert got == want and ix.search(f'"{phrase}"').total == len(want)
    if phrase == "to be or not":
        assert len(want) == 1


def test_a_stop_word_phrase_beside_other_words(ix):
    got = {h.title for h in ix.iter_search('"to be" director')}
    assert got == {"Hamlet staged again"}
    assert not list(ix.iter_search('"to be or not" budget'))


@pytest.mark.parametrize("query", ["the", "a", "The", "to be or not"])
def test_stop_words_alone_say_so(ix, query):
    with pytest.raises(QueryError, match="only stop words") as caught:
        ix.search(query)
    assert caught.value.hint and '"' in caught.value.hint
    result = CliRunner().invoke(main, ["search", query, "--index", str(ix.path)])
    assert result.exit_code == 2 and "only stop words" in result.stderr and result.stderr.count("\n") == 1


def test_stop_words_beside_other_words_are_left_out(ix):
    assert [h.id for h in ix.iter_search("the council")] == [h.id for h in ix.iter_search("council")]
    assert ix.search("the council").total > 0
    assert [h.id for h in ix.iter_search("William A. Schabas")] == [h.id for h in ix.iter_search("William Schabas")]
