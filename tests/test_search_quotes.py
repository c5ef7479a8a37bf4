"""Searching inside quotes: the ``quote`` field, ``quote:``, --in-quotes, --quotes-only, highlights on the
quote, the speaker's own quotes, in the library, the CLI and serve."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from searchidx import Index
from searchidx.cli.main import main as cli

RELEASES = {
    # The DA's narration mentions fentanyl; only the second paragraph quotes her on it.
    "da.txt": "District Attorney charges dealers\n\nPHOENIX, November 2, 2022\n\n"
              "District Attorney Jane Roe announced today that three dealers were charged with selling "
              "fentanyl near schools.\n\n"
              "\"Fentanyl kills our children, and we will not stop,\" said Roe. The dealers face trial "
              "in the spring.\n\n"
              "Roe said the accountability of dealers matters to every family.\n",
    # Another speaker quoted on fentanyl, and a scare quote nobody is named for.
    "mayor.txt": "Mayor opens clinic\n\nTUCSON, March 3, 2023\n\n"
                 "\"We treat fentanyl addiction as an illness,\" said Mayor John Doe at the opening.\n\n"
                 "The clinic calls its programme \"fentanyl free\" on its posters.\n",
}


@pytest.fixture(scope="module")
def ix(tmp_path_factory):
    folder = tmp_path_factory.mktemp("releases")
    for name, text in RELEASES.items():
        (folder / name).write_text(text, encoding="utf-8")
    index = Index.open(tmp_path_factory.mktemp("ix") / "index", create=True)
    report = index.sync([folder])
    assert len(report.added) == 2, report.skipped
    return index


def _texts(results):
    return [h.text for h in results.hits]


def quoted_words(hit):
    return [hit.text[a:b] for a, b in hit.highlights]


def test_the_loader_sees_what_the_tests_assume(ix):
    # Narration with a speech verb is reported speech (no quotation marks); the quoted paragraphs are direct.
    da = ix.release(ix.search("dealers charged").hits[0].release)
    kinds = {p.n: sorted({q.kind for q in p.quotes}) for p in da.paragraphs if p.kind == "body"}
    assert any("direct" in k for k in kinds.values())


def test_in_quotes_matches_only_inside_a_speakers_quotation_marks(ix):
    everywhere = ix.search("fentanyl", limit=20)
    inside = ix.search("fentanyl", in_quotes=True, limit=20)
    assert everywhere.total == 4  # narration, two quotes, a scare quote
    assert inside.total == 2
    assert all(h.text.count('"') >= 2 for h in inside.hits)
    assert not any(h.text.startswith("District Attorney Jane Roe announced") for h in inside.hits)
    assert not any("posters" in h.text for h in inside.hits)  # a quote with no speaker is nobody's words


def test_what_did_x_say_about_y(ix):
    said = ix.search("fentanyl", speaker="Roe", in_quotes=True)
    assert said.total == 1
    hit = said.hits[0]
    assert hit.speaker == "Jane Roe"
    assert hit.text.startswith('"Fentanyl kills')
    # The highlight is on the quote: the quoted word, not the speaker's name or words outside the quote.
    assert quoted_words(hit) == ["Fentanyl"]
    # Words outside her quote do not match inside quotes.
    assert ix.search("trial", speaker="Roe", in_quotes=True).total == 0
    assert ix.search("trial", speaker="Roe").total == 1


def test_quote_field_in_the_query_language(ix):
    assert ix.search("quote:fentanyl").total == 2
    assert ix.search('quote:"kills our children"').total == 1
    assert ix.search("quote:fentanyl speaker:doe").total == 1
    assert ix.search("quote:fentan*").total == 2  # prefixes expand over the text's words
    assert ix.search("quote:fentanil~").total == 2
    # An expanded word is highlighted inside the quote only, not in the narration beside it.
    assert quoted_words(ix.search("quote:fentan*", speaker="Roe").hits[0]) == ["Fentanyl"]
    assert ix.search("quote:dealer*").total == 0  # only in narration
    assert ix.search("quote:posters").total == 0
    hit = ix.search("quote:children").hits[0]
    assert quoted_words(hit) == ["children"]


def test_in_quotes_leaves_other_fields_alone_and_highlights_only_quotes(ix):
    assert ix.search("speaker:roe fentanyl", in_quotes=True).total == 1
    # Without --in-quotes the same word is highlighted anywhere in the text.
    hit = ix.search("dealers", speaker="Roe", limit=5).hits
    assert any("dealers" in quoted_words(h) for h in hit)
    inside = ix.search("dealers", in_quotes=True)
    assert inside.total == 0  # "dealers" stands only outside quotation marks


def test_empty_query_in_quotes_lists_a_speakers_quoted_paragraphs(ix):
    res = ix.search("", speaker="Roe", in_quotes=True, limit=10)
    assert res.total == 1 and res.hits[0].text.startswith('"Fentanyl kills')


def test_quotes_only_means_a_direct_quote(ix):
    # Roe's reported-speech paragraphs have her as speaker but no quotation marks: not quotes.
    attributed = ix.search("dealers OR accountability", speaker="Roe", limit=20)
    assert any(h.text.count('"') == 0 for h in attributed.hits)
    only = ix.search("dealers OR accountability OR fentanyl", speaker="Roe", quotes_only=True, limit=20)
    assert only.total == 1
    assert all('"' in h.text for h in only.hits)


def test_iter_search_and_releases_take_in_quotes(ix):
    assert len(list(ix.iter_search("fentanyl", in_quotes=True))) == 2
    assert ix.search_releases("fentanyl", in_quotes=True).total == 2
    assert ix.search_releases("trial", in_quotes=True).total == 0


def test_cli_in_quotes(ix):
    runner = CliRunner()
    res = runner.invoke(cli, ["search", "fentanyl", "--speaker", "Roe", "--in-quotes", "--json",
                              "--index", str(ix.path)])
    assert res.exit_code == 0, res.output
    hits = [json.loads(line) for line in res.stdout.splitlines() if line.strip()]
    hits = [h for h in hits if h["type"] == "hit"]
    assert len(hits) == 1 and hits[0]["speaker"] == "Jane Roe"
    a, b = hits[0]["highlights"][0]
    assert hits[0]["text"][a:b] == "Fentanyl"
    res = runner.invoke(cli, ["search", "quote:fentanyl", "--quotes-only", "--csv", "--index", str(ix.path)])
    assert res.exit_code == 0, res.output
    assert len(res.stdout.strip().splitlines()) == 3  # header and two quotes


def test_an_index_of_schema_5_has_no_quote_field_and_asks_for_a_rebuild(tmp_path):
    from searchidx.errors import IndexVersionError
    from searchidx.index.store import MANIFEST

    folder = tmp_path / "ix"
    src = tmp_path / "src"
    src.mkdir()
    (src / "da.txt").write_text(RELEASES["da.txt"], encoding="utf-8")
    Index.open(folder, create=True).sync([src])
    manifest = json.loads((folder / MANIFEST).read_text())
    manifest.update(schema_version=5)
    (folder / MANIFEST).write_text(json.dumps(manifest))
    with pytest.raises(IndexVersionError, match=r"schema 5\).*schema 6\).*searchidx build --rebuild"):
        Index.open(folder)
    result = CliRunner().invoke(cli, ["search", "fentanyl", "--in-quotes", "--index", str(folder)])
    assert result.exit_code == 2 and "--rebuild" in result.stderr and "Traceback" not in result.output


def test_a_release_read_back_has_the_quotes_parse_gives(ix, tmp_path):
    from searchidx.load.core import load_text

    for name, text in RELEASES.items():
        loaded = load_text(text, name)
        hit = ix.search(f'"{loaded.body[0].text.split()[2]}"', limit=1).hits[0]
        indexed = ix.release(hit.release)
        assert [[q.to_dict() for q in p.quotes] for p in indexed.paragraphs] == \
               [[q.to_dict() for q in p.quotes] for p in loaded.paragraphs]
        assert any(p.quotes for p in indexed.paragraphs)
