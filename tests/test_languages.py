"""Releases in other languages: detection, analysis per language, --lang, lang: and the language facet, on
small releases written here (and, where present, the labelled corpus sample)."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from searchidx import Index
from searchidx.errors import QueryError
from searchidx.load.core import load_release, load_text
from searchidx.load.language import detect_languages, detector, plainly_english

ROOT = Path(__file__).resolve().parents[1]

RELEASES = {
    "es.txt": """La fiscalía presenta cargos contra tres hombres

La fiscal de distrito del condado anunció hoy que el acusado fue condenado por el robo de varios vehículos en la ciudad.

La acusada en el segundo caso fue arrestada la semana pasada por la policía local, según los documentos judiciales.

Los acusados comparecerán ante el tribunal el próximo mes para escuchar su sentencia definitiva.

Los fiscales de distrito del estado trabajan juntos en estos casos desde hace años.
""",
    "fr.txt": """Le parquet poursuit un ancien maire

Le procureur de la République a annoncé mardi que l'ancien maire a été condamné pour corruption.

L'ancienne adjointe, condamnée elle aussi, a fait appel de la décision du tribunal correctionnel.

Les deux condamnés devront verser une amende importante à la commune, selon le jugement rendu.
""",
    "de.txt": """Staatsanwaltschaft erhebt Anklage

Die Staatsanwaltschaft hat am Dienstag Anklage gegen den früheren Bürgermeister der Stadt erhoben.

Der Angeklagte soll mehrere Verträge ohne Ausschreibung vergeben haben, teilte die Behörde mit.

Den Angeklagten droht eine Freiheitsstrafe von bis zu fünf Jahren, wenn das Gericht sie verurteilt.
""",
    "en.txt": """Three men charged with robbery

The district attorney announced today that the defendant was charged with robbing several stores in the city.

A second defendant, charged last week, is scheduled to appear in court next month for the charges.

"We will hold them accountable for these crimes," said District Attorney Jane Smith at the news conference.
""",
    "mixed.txt": """Community meeting on public safety

The district attorney will hold a community meeting on public safety next Tuesday at the county library.

Residents are invited to ask questions about the new programs for victims and their families in the county.

La fiscal de distrito celebrará una reunión comunitaria sobre la seguridad pública el próximo martes.

Se invita a los residentes a hacer preguntas sobre los nuevos programas para las víctimas y sus familias.
""",
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("releases")
    for name, text in RELEASES.items():
        (path / name).write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def ix(folder: Path, tmp_path_factory) -> Index:
    index = Index.open(tmp_path_factory.mktemp("ix") / "index", create=True)
    index.sync([folder])
    return index


def _paths(results) -> set[str]:
    return {Path(h.path).name for h in results.hits}


def _texts(results) -> list[str]:
    return [h.text for h in results.hits]


# -- detection ----------------------------------------------------------------------------------------

def test_each_release_gets_its_language(folder: Path) -> None:
    found = {name: load_release(folder / name).language for name in RELEASES}
    assert found == {"es.txt": "es", "fr.txt": "fr", "de.txt": "de", "en.txt": "en", "mixed.txt": "en"}


def test_a_release_that_changes_language_gets_it_per_paragraph(folder: Path) -> None:
    release = load_release(folder / "mixed.txt")
    langs = [(p.language, p.text[:12]) for p in release.paragraphs]
    assert [lang for lang, _ in langs] == ["en", "en", "es", "es"], langs


def test_paragraphs_of_one_language_take_the_release_language(folder: Path) -> None:
    release = load_release(folder / "fr.txt")
    assert {p.language for p in release.paragraphs} == {"fr"}


def test_plainly_english_is_never_said_of_other_languages() -> None:
    for name, text in RELEASES.items():
        body = text.split("\n\n", 1)[1]
        if name in ("es.txt", "fr.txt", "de.txt"):
            assert not plainly_english(body), name
    assert plainly_english(RELEASES["en.txt"])


def test_no_text_no_language() -> None:
    assert detect_languages([], title=None) is None
    assert load_text("Title only\n").language in (None, "en")


def test_the_model_is_not_downloaded(monkeypatch) -> None:
    """The detector loads the model inside the package: with every connection refused it still answers."""

    def refuse(*args, **kwargs):
        raise OSError("network blocked by the test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    detector.cache_clear()
    try:
        assert detector()("El acusado fue condenado por el robo de varios vehículos en la ciudad.")[0] == "es"
    finally:
        detector.cache_clear()


def test_parse_json_has_the_language(folder: Path) -> None:
    out = subprocess.run([sys.executable, "-m", "searchidx", "parse", str(folder / "de.txt"), "--json"],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    data = json.loads(out.stdout.splitlines()[0])
    assert data["language"] == "de"
    assert {p["language"] for p in data["paragraphs"]} == {"de"}


def test_detection_on_the_labelled_sample(corpora: Path) -> None:
    """At least 98 % of the hand-labelled releases (English and not) get their language."""
    labels = json.loads((ROOT / "tests" / "annotations" / "languages" / "languages.json").read_text())["releases"]
    right = sum(load_release(corpora / rel).language in {lab["lang"], *lab.get("mixed", [])}
                for rel, lab in labels.items())
    assert len(labels) >= 100
    assert right / len(labels) >= 0.98, f"{right} of {len(labels)}"


def test_paragraph_languages_on_the_labelled_sample(corpora: Path) -> None:
    """Paragraphs with 20 letters or more get their labelled language (a mixed release's own per paragraph),
    where the labels were made against the loader's current paragraphs."""
    labels = json.loads((ROOT / "tests" / "annotations" / "languages" / "languages.json").read_text())["releases"]
    right = total = 0
    for rel, lab in labels.items():
        release = load_release(corpora / rel)
        if ("mixed" in lab or "paragraphs" in lab) and lab.get("n_paragraphs") != len(release.paragraphs):
            continue  # labelled against another split into paragraphs
        own = {n: lang for lang, ns in lab.get("paragraphs", {}).items() for n in ns}
        for p in release.paragraphs:
            want = own.get(p.n, lab["lang"])
            if sum(map(str.isalpha, p.text)) >= 20 and want != "none":
                total += 1
                right += p.language == want
    assert total >= 2000
    assert right / total >= 0.98, f"{right} of {total}"


# -- analysis and search ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("words", "release"), [
    (("acusado", "acusada", "acusados"), "es.txt"),
    (("condamné", "condamnée", "condamnés"), "fr.txt"),
    (("Angeklagte", "Angeklagten"), "de.txt"),
    (("charge", "charged", "charges"), "en.txt"),
])
def test_a_word_finds_its_inflected_forms(ix: Index, words: tuple[str, ...], release: str) -> None:
    found = [ix.search(w) for w in words]
    first = {h.id for h in found[0].hits}
    assert len(first) >= 2, words  # the forms sit in different paragraphs
    for word, results in zip(words, found):
        assert {h.id for h in results.hits} == first, word
        assert _paths(results) == {release}, word


def test_accents_fold_for_matching_and_stay_in_the_text(ix: Index) -> None:
    for query in ("policia", "policía", "POLICÍA"):
        results = ix.search(query)
        assert len(results.hits) == 1, query
        hit = results.hits[0]
        assert "policía" in hit.text
        assert [hit.text[a:b] for a, b in hit.highlights] == ["policía"]


def test_highlights_in_other_languages(ix: Index) -> None:
    hit = ix.search("acusado").hits
    marked = {h.text[a:b] for h in hit for a, b in h.highlights}
    assert marked == {"acusado", "acusada", "acusados"}


def test_stop_words_of_each_language_are_dropped(ix: Index) -> None:
    # "los" is a Spanish stop word: alone it finds nothing, in a phrase it is skipped as English ones are.
    assert ix.search("los").total == 0
    assert ix.search("de").total == 0


def test_phrases_in_each_language(ix: Index) -> None:
    assert _paths(ix.search('"fiscal de distrito"')) == {"es.txt", "mixed.txt"}
    # The phrase's stems: "fiscales de distrito" is the same phrase inflected.
    assert len(ix.search('"fiscales de distrito"').hits) == 3
    assert ix.search('"distrito de fiscal"').total == 0
    assert _paths(ix.search('"ancien maire"')) == {"fr.txt"}
    assert _paths(ix.search('"früheren Bürgermeister"')) == {"de.txt"}
    assert _paths(ix.search('"district attorney"')) == {"en.txt", "mixed.txt"}


def test_did_you_mean_in_each_language(ix: Index) -> None:
    assert ix.search("acusdo").suggestion == "acusado"
    assert ix.search("Staatsanwaltschat").suggestion == "Staatsanwaltschaft"


def test_prefix_finds_words_of_every_language(ix: Index) -> None:
    assert _paths(ix.search("fiscal*")) == {"es.txt", "mixed.txt"}
    assert _paths(ix.search("condamn*")) == {"fr.txt"}


def test_lang_option_narrows_and_analyses(ix: Index) -> None:
    assert _paths(ix.search("acusado", languages=["es"])) == {"es.txt"}
    assert ix.search("acusado", languages=["en"]).total == 0
    assert _paths(ix.search("district", languages=["en"])) == {"en.txt", "mixed.txt"}
    assert _paths(ix.search("distrito", languages=["es", "fr"])) == {"es.txt", "mixed.txt"}
    mixed = ix.search("comunitaria OR community", languages=["es"])
    assert _paths(mixed) == {"mixed.txt"} and all("comunitaria" in t for t in _texts(mixed))
    with pytest.raises(QueryError):
        ix.search("acusado", languages=["spanish"])


def test_lang_field_in_queries(ix: Index) -> None:
    assert _paths(ix.search("lang:de")) == {"de.txt"}
    assert _paths(ix.search("language:FR")) == {"fr.txt"}
    assert _paths(ix.search("meeting OR reunión lang:es")) == {"mixed.txt"}


def test_language_facet(ix: Index) -> None:
    counts = {v.value: v.count for v in ix.search("*:*", facets=["language"], limit=0).facets["language"]}
    assert counts == {"es": 4 + 2, "fr": 3, "de": 3, "en": 3 + 2}


def test_english_only_index_analyses_queries_as_english(tmp_path: Path, folder: Path) -> None:
    """With no other language indexed, a word is its English stem alone, as before languages were told apart."""
    from searchidx.engine.whoosh.queries import compile_query, query_languages
    from searchidx.engine.whoosh.readers import _searcher
    from searchidx.search.query import parse

    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "en.txt").write_text(RELEASES["en.txt"], encoding="utf-8")
    index = Index.open(tmp_path / "ix", create=True)
    index.sync([tmp_path / "src"])
    with _searcher(index) as s:
        assert query_languages(s.reader()) == ("en",)
        q = compile_query(parse("charged"), s.schema, query_languages(s.reader()))
        assert "@" not in repr(q)
    with _searcher(index) as s:
        q = compile_query(parse("charged"), s.schema, query_languages(s.reader(), ("en", "es")))
        assert "charg@es" in repr(q) or "charged@es" in repr(q)


def test_cli_lang_and_facet(folder: Path, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from searchidx.cli import main

    runner = CliRunner()
    index = tmp_path / "ix"
    assert runner.invoke(main, ["build", str(folder), "--index", str(index)]).exit_code == 0
    result = runner.invoke(main, ["search", "acusado", "--index", str(index), "--lang", "es", "--json",
                                  "--facet", "language"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert {x["facet"] for x in lines if x["type"] == "facet"} == {"language"}
    assert {x["value"] for x in lines if x["type"] == "facet"} == {"es"}
    result = runner.invoke(main, ["search", "acusado", "--index", str(index), "--lang", "klingon"])
    assert result.exit_code != 0 and "unknown language" in result.output and "Traceback" not in result.output


def test_a_word_is_as_rare_in_every_language(tmp_path: Path) -> None:
    """A word ORed across languages scores with its rarity in all of them: a Spanish paragraph with a word
    whose English stem six English paragraphs hold does not outrank them for being the only Spanish one."""
    src = tmp_path / "src"
    src.mkdir()
    for i in range(6):
        (src / f"en{i}.txt").write_text(
            f"Owner number {i} charged\n\nProsecutors charged the owner with fraud after a long investigation "
            f"into the company, number {i} of the year.\n", encoding="utf-8")
    (src / "es.txt").write_text(
        "Dueño acusado\n\nLos fiscales acusaron al dueño de fraude tras una larga investigación sobre la "
        "empresa del puerto.\n", encoding="utf-8")
    index = Index.open(tmp_path / "ix", create=True)
    index.sync([src])
    hits = index.search("fraude").hits  # English stems it "fraud"; Spanish paragraphs write it
    scores = {Path(h.path).name: h.score for h in hits}
    assert len(scores) == 7 and "es.txt" in scores
    english = max(v for k, v in scores.items() if k != "es.txt")
    assert scores["es.txt"] < 1.2 * english, scores


def test_a_word_is_searched_in_the_languages_that_write_it(tmp_path: Path) -> None:
    """An English word no Spanish paragraph writes does not find the Spanish paragraphs whose Spanish stem
    it shares (`police`/`policía`, `fraud`/`fraude`); a word Spanish paragraphs write, or one no English
    paragraph has, is searched in Spanish too; --lang es keeps only the Spanish alternatives."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "en.txt").write_text("Police charge owner\n\nThe police charged the owner with fraud after a "
                                "long investigation into the company.\n", encoding="utf-8")
    (src / "es.txt").write_text("Dueño acusado\n\nLa policía acusó al dueño de fraude tras una larga "
                                "investigación sobre la empresa del puerto; el dueño fue acusado ayer.\n",
                                encoding="utf-8")
    index = Index.open(tmp_path / "ix", create=True)
    index.sync([src])

    def found(query: str, **kw: object) -> set[str]:
        return {Path(h.path).name for h in index.search(query, **kw).hits}

    assert found("police") == {"en.txt"}
    assert found("fraud") == {"en.txt"}
    assert found("fraude") == {"en.txt", "es.txt"}  # Spanish writes it; English stems it "fraud"
    assert found("policía") == {"es.txt"}
    assert found("acusadas") == {"es.txt"}  # nobody writes it: every language, its Spanish stem finds acusado
    assert found('"la policía"') == {"es.txt"}
    assert found("police", languages=["es"]) == set()
    assert found("acusada", languages=["es"]) == {"es.txt"}
    # A Spanish paragraph that writes the English word makes it a word of Spanish text too.
    (src / "es2.txt").write_text("Unidad de fraude\n\nLa Unidad de Fraude (Insurance Fraud Team) presentó "
                                 "cargos por fraude contra el dueño del taller.\n", encoding="utf-8")
    index.sync([src])
    assert found("fraud") == {"en.txt", "es.txt", "es2.txt"}


def test_a_snowball_stem_keeps_its_words_first_letter():
    """highlight_spans looks a word up in the other languages only when a stem of theirs starts with its
    first letter: true of every stem, accents and odd letters included."""
    from searchidx.engine.whoosh.fields import ANALYSED_LANGUAGES, LANGUAGE_MARK, language_term
    from searchidx.engine.whoosh.schema import word_folding

    _pattern, charmap = word_folding()
    words = ("acusados acusó policía Ärzte Straße œuvre été ÉTÉ ão ñandú İstanbul ﬁnanzas ns es MS à y "
             "condamnée Staatsanwältin déclaré afirmó sagte erklärte órgão ações è perché über").split()
    for language in set(ANALYSED_LANGUAGES) - {"en"}:
        for word in words:
            lower = word.lower()
            folded = lower.translate(charmap)
            for form in {lower, folded}:
                stem = language_term(language, form).rpartition(LANGUAGE_MARK)[0]
                assert stem[:1] == folded[:1], (language, word, stem)
