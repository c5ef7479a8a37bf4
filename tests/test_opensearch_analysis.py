"""The OpenSearch engine analyses text as the Whoosh engine does (no cluster needed): the same folding
table, stop words and stems, the same tokens in the same order on real paragraphs."""

from __future__ import annotations

import re

from whoosh.analysis import STOP_WORDS
from whoosh.lang.porter import stem as whoosh_stem
from whoosh.support.charset import accent_map

from searchidx.engine.opensearch.analysis import analyse_text, highlight_spans
from searchidx.engine.opensearch.folding import FOLD
from searchidx.engine.opensearch.folding import STOP_WORDS as OUR_STOPS
from searchidx.engine.opensearch.porter import stem
from searchidx.engine.whoosh.highlight import highlight_spans as whoosh_highlights
from searchidx.engine.whoosh.schema import name_analyzer, text_analyzer
from tests.conftest import SEED, shared_corpora


def test_folding_table_and_stop_words_are_whooshs():
    letter = re.compile(r"[^\W_]")
    made = {chr(c): chr(c).lower().translate(accent_map) for c in range(0x110000) if letter.match(chr(c))}
    assert {k: v for k, v in made.items() if v != k.lower()} == FOLD
    assert set(OUR_STOPS) == set(STOP_WORDS)


def _paragraphs() -> list[str]:
    texts = [SEED.read_text(encoding="utf-8")]
    corpora = shared_corpora()
    for name in ("bbc_news", "prosecutor_press_releases_txt", "diverse_releases"):
        folder = corpora / name
        if folder.is_dir():
            texts += [p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.rglob("*"))[:200]
                      if p.is_file() and p.suffix in (".txt", ".md")]
    return [line for t in texts for line in t.split("\n") if line.strip()]


def test_tokens_are_whooshs():
    paragraphs = _paragraphs()
    assert len(paragraphs) > 20
    for para in paragraphs:
        stems, words = analyse_text(para)
        assert stems.split() == [t.text for t in text_analyzer()(para)], para
        assert words.split() == [t.text for t in name_analyzer()(para)], para
        for word in words.split()[:20]:
            assert stem(word) == whoosh_stem(word)


def test_highlights_are_whooshs():
    for para in _paragraphs()[:300]:
        stems = set(analyse_text(para)[0].split()[:3])
        assert highlight_spans(para, stems, {"the"}) == whoosh_highlights(para, stems, {"the"})


def test_languages_are_analysed_as_on_whoosh():
    """Stop words and Snowball stems of Spanish, French, German, Italian and Portuguese: the OpenSearch
    engine's terms are the Whoosh engine's (each word's stem with and without its accents)."""
    from searchidx.engine.opensearch.analysis import ANALYSED_LANGUAGES, language_term, language_words
    from searchidx.engine.opensearch.stopwords import STOP_WORDS_BY_LANGUAGE
    from searchidx.engine.whoosh import fields
    from searchidx.engine.whoosh.queries import _language_words

    assert ANALYSED_LANGUAGES == fields.ANALYSED_LANGUAGES
    words = {"es": "El acusado fue condenado por la policía de Dallas acusada acusó fiscalía",
             "fr": "La condamnée a été condamné par le tribunal élèves forêt",
             "de": "Die Staatsanwältin hat den Angeklagten verurteilt Gerichtshöfe Straße",
             "it": "Il procuratore ha condannato gli imputati città perché",
             "pt": "O promotor condenou os acusados ação eleições"}
    for language in ANALYSED_LANGUAGES[1:]:
        assert STOP_WORDS_BY_LANGUAGE[language] == fields.language_stop_words(language)
        assert language_words(language, words[language]) == _language_words(language, words[language])
        for word in words[language].lower().split():
            assert language_term(language, word) == fields.language_term(language, word), (language, word)


def test_paragraph_terms_in_another_language_are_whooshs():
    from searchidx.engine.opensearch.analysis import STACK
    from searchidx.engine.whoosh.schema import analyse_text as whoosh_analyse

    text = "La Policía de Dallas detuvo al acusado; el fiscal de distrito presentó cargos contra él."
    stems, words = analyse_text(text, "es")
    postings = whoosh_analyse(text, "es")
    assert {t for stack in stems.split() for t in stack.split(STACK)} == {p[0].decode() for p in postings[0]}
    assert set(words.split()) == {p[0].decode() for p in postings[1]}


def test_paragraph_documents_hold_quotes_as_whooshs(tmp_path):
    """A paragraph's quote terms, quote records, --quotes-only flag and speaker name forms are the Whoosh
    engine's."""
    from searchidx import load_release
    from searchidx.engine.opensearch.analysis import STACK
    from searchidx.engine.opensearch.session import paragraph_documents, release_people
    from searchidx.engine.whoosh.schema import analyse_quote
    from tests.test_search_quotes import RELEASES

    seen = {"quote": 0, "scare": 0, "names": 0}
    for name, text in RELEASES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        release = load_release(tmp_path / name)
        people = release_people(release)
        docs = dict(paragraph_documents(release, None, str(tmp_path / name), people))
        for p in release.paragraphs:
            doc = docs[f"{release.id}#{p.n}"]
            terms = {t for stack in doc.get("quote", "").split() for t in stack.split(STACK)}
            assert terms == {t[0].decode() for t in analyse_quote(p)}
            assert doc["quoted"] == p.has_direct_quote
            assert [(q["start"], q["end"], q["kind"], q["spoken"]) for q in doc.get("quotes", [])] == \
                [(q.start, q.end, q.kind, bool(q.speaker)) for q in p.quotes]
            seen["quote"] += bool(terms)
            seen["scare"] += bool(p.quotes) and not terms
            if p.speaker:
                forms = next(" ".join(x["aliases"]) for x in people if x["key"] == doc["speaker_key"])
                assert doc["speaker_names"] == forms
                seen["names"] += len(forms.split()) > len(p.speaker.split())
    assert seen["quote"] == 2 and seen["scare"] >= 1 and seen["names"] >= 1, seen
