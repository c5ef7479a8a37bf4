"""The Whoosh schema and analyzers: one document per paragraph, one per indexed file."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator
from functools import cache
from typing import Any

from whoosh import columns, formats
from whoosh.analysis import STOP_WORDS, CharsetFilter, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.fields import COLUMN, ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
from whoosh.support.charset import accent_map
from whoosh.system import pack_uint

from searchidx.engine.whoosh.commonwords import COMMON_WORDS
from searchidx.engine.whoosh.fields import (
    Analysed,
    AnalysedText,
    PairFilter,
    StemChanged,
    _stem,
    analysis_language,
    language_stop_words,
    language_term,
)
from searchidx.model import Paragraph, Release

#: Bumped when the schema changes in a way an old index cannot serve.
SCHEMA_VERSION = 6

# Split on anything that is not a letter or digit: "example.com" → "example", "com";
# "pthread_create" → "pthread", "create"; "Ashraf-3" → "ashraf", "3"; "O’Neill" → "o", "neill".
TOKEN_PATTERN = r"[^\W_]+"


@cache
def text_analyzer():
    """Running text: case- and accent-folded, stemmed, stop words out (their positions kept)."""

    return (RegexTokenizer(TOKEN_PATTERN) | LowercaseFilter() | CharsetFilter(accent_map)
            | StopFilter(minsize=1) | StemFilter(cachesize=50000))


@cache
def name_analyzer():
    """Names, places and wires: folded but not stemmed, so any part of a name matches as written."""

    return RegexTokenizer(TOKEN_PATTERN) | LowercaseFilter() | CharsetFilter(accent_map)


@cache
def pair_analyzer():
    """Two running common words as one term ("district attorney"), for phrases (queries.py). The common
    words go with the analyzer into the schema Whoosh stores, so an index answers phrases with the list it
    was built with."""

    return text_analyzer() | PairFilter(COMMON_WORDS)


@cache
def schema():

    text = text_analyzer()
    names = name_analyzer()
    # Unstemmed copies serve prefix, fuzzy and "did you mean" (queries.py and suggest.py look in both fields): those
    # score every expanded term alike and only need to know which paragraphs hold a word, so they keep
    # neither frequencies nor positions, and the text's copy keeps only the words stemming changes.
    # The paragraph's text and its copy may come analysed by a loader process (`analyse_paragraphs`).
    text_exact = AnalysedText(analyzer=names | StemChanged(), phrase=False)
    text_exact.format = formats.Existence()
    text_exact.scorable = False  # no length column: nothing scores these words by BM25
    # A phrase of two common words is one term here: "district attorney" in 19,000 paragraphs is then
    # read like a word instead of checking positions in each (schema 4).
    pairs = AnalysedText(analyzer=pair_analyzer(), phrase=False)
    title_exact = TEXT(analyzer=names, phrase=False)
    title_exact.format = formats.Existence()
    title_exact.scorable = False
    # A paragraph stores only what is its own (its id is "<release>#<n>"); its release's path, title, date,
    # place, wire and URL are stored once, in the release's file record, and joined to a hit when it is
    # shown (schema 3). Copies of a release at several paths share its paragraphs.
    return Schema(
        # File records only: "file:<path>".
        doc=ID(unique=True),
        doctype=ID(),  # "para" or "file"
        release=ID(stored=True),
        path=STORED(),  # file records only (found by ``doc``, which is indexed)
        n=STORED(),
        kind=ID(stored=True),
        # The paragraph's language (ISO 639-1), which chose its text's stemming and stop words (schema 5):
        # for `lang:`, --lang and the language facet.
        lang=KEYWORD(stored=True, sortable=True, lowercase=True),
        text=AnalysedText(analyzer=text, stored=True, phrase=True),
        speaker=TEXT(analyzer=names, stored=True, field_boost=2.0),
        # Every form of the speaker's name its release writes ("Jane Roe", "Ms Roe", "Shri Jane Roe";
        # `release_speakers`), for --speaker (schema 6): the person, however the user names them.
        speaker_names=TEXT(analyzer=names, phrase=False),
        speaker_key=ID(sortable=True),
        role=TEXT(analyzer=text, stored=True),
        # File records only: a paragraph has its release's title through the file record written right
        # before it (queries.py: `title:` and the title's bonus to a paragraph that matches on its own).
        title=TEXT(analyzer=text, phrase=True),
        location=TEXT(analyzer=names),
        source=TEXT(analyzer=names),
        source_key=ID(sortable=True),
        # Made by `paragraph_documents`: the unstemmed copy of the text; the day as an integer
        # (20230825) for date ranges, sorting, years and the timeline; a fingerprint of the normalised
        # text, equal for syndicated copies; a sortable place for facets.
        text_exact=text_exact,
        title_exact=title_exact,
        pairs=pairs,
        day=NUMERIC(bits=32, shift_step=8, sortable=True),
        # 8 bytes a paragraph, without the lengths and offsets of the VarBytesColumn that older indexes have
        # (searching.py reads both); a file record reads as eight zero bytes.
        fingerprint=COLUMN(columns.FixedBytesColumn(8)),
        location_key=ID(sortable=True),
        # "yes" for a paragraph with a speaker's words in quotation marks (`Paragraph.has_direct_quote`,
        # schema 6; before, any paragraph with a speaker): --quotes-only.
        quoted=ID(),
        # The words of those quotes, analysed as the text is (schema 6): `quote:`, --in-quotes. They are
        # the words of the paragraph's speaker (`Paragraph.spoken_quotes`), so --speaker with them means
        # that speaker's quotes. ``quotes`` keeps every quote record as [start, end, kind, 1 if it has
        # the paragraph's speaker else 0]: highlights inside quotes, and the release read back whole.
        quote=AnalysedText(analyzer=text, phrase=True),
        quotes=STORED(),
        # File records: the content hash and the release's metadata.
        hash=STORED(),
        meta=STORED(),
    )


def fingerprint(text: str) -> str:
    """The same for paragraphs that differ only in case, accents, punctuation and spacing."""

    if text.isascii():  # most text: nothing to decompose (NFKD and the combining marks cost more than the rest)
        folded = text.lower()
    else:
        folded = unicodedata.normalize("NFKD", text)
        folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    words = re.findall(TOKEN_PATTERN, folded)
    return hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()[:16]


#: The fields made from a paragraph's text (`analyse_text`).
TEXT_FIELDS = ("text", "text_exact", "pairs")


@cache
def word_folding() -> tuple[Any, Any]:
    """The name analyzer's tokens without Whoosh's chain of generators and Token objects: its pattern, and
    the accent map its words go through after lower case (`analyse_text`, search's highlights)."""

    return re.compile(TOKEN_PATTERN), accent_map


@cache
def _text_tools() -> tuple[Any, ...]:

    fields = schema()
    boosts = tuple(fields[name].format.field_boost for name in TEXT_FIELDS)
    return (*word_folding(), frozenset(STOP_WORDS), _stem, frozenset(COMMON_WORDS), fields["text"].format.encode,
            pack_uint, boosts)


def analyse_text(text: str, language: str | None = None) -> tuple[list[tuple[bytes, int, float, bytes]], ...]:
    """The postings of a paragraph's `TEXT_FIELDS`, exactly as their analyzers and formats make them
    (tests compare the two), from one pass of the tokenizer instead of one per field: the text analyzer
    (stop words out, positions renumbered as Whoosh's StopFilter does, stemmed), the unstemmed copy (the
    words stemming changes, and stop words) and the pairs of running common stems. About a tenth of a
    build's time. ``language``: the paragraph's, which chooses the stemming and stop words (`_analyse_in`
    for any but English)."""
    if analysis_language(language) != "en":
        return _analyse_in(analysis_language(language), text)
    pattern, charmap, stops, stem, common, encode_positions, pack_uint, boosts = _text_tools()
    positions: dict[str, list[int]] = {}
    exact: set[str] = set()
    pairs: dict[str, int] = {}
    pos = previous = None
    for i, word in enumerate(pattern.findall(text)):
        word = word.lower().translate(charmap)
        stemmed = stem(word)
        if word in stops or stemmed != word:
            exact.add(word)
        if not word or word in stops:
            continue
        pos = i if pos is None else pos + 1  # StopFilter(renumber=True): the first keeps its own position
        if stemmed in positions:
            positions[stemmed].append(pos)
        else:
            positions[stemmed] = [pos]
        if previous is not None and stemmed in common:
            pair = f"{previous} {stemmed}"
            pairs[pair] = pairs.get(pair, 0) + 1
        previous = stemmed if stemmed in common else None
    text_boost, exact_boost, pair_boost = boosts
    return ([(w.encode("utf-8"), len(p), float(len(p)) * text_boost, encode_positions(p))
             for w, p in positions.items()],
            [(w.encode("utf-8"), 1, exact_boost, b"") for w in exact],
            [(w.encode("utf-8"), n, float(n) * pair_boost, pack_uint(n)) for w, n in pairs.items()])


def _analyse_in(language: str, text: str) -> tuple[list[tuple[bytes, int, float, bytes]], ...]:
    """`analyse_text` for a language other than English: its stop words out, its stems marked with it
    (fields.language_term), of the word and of the word without its accents; every word in the unstemmed copy (the stemmed field's terms are marked, so it
    cannot answer prefix, fuzzy and "did you mean" for any); no pairs (their common words are English)."""
    pattern, charmap, _stops, _stem, _common, encode_positions, _pack_uint, boosts = _text_tools()
    stops = language_stop_words(language)
    positions: dict[str, list[int]] = {}
    exact: set[str] = set()
    pos = None
    for i, word in enumerate(pattern.findall(text)):
        lower = word.lower()
        folded = lower.translate(charmap)
        if not folded:
            continue
        exact.add(folded)
        if folded in stops:
            continue
        pos = i if pos is None else pos + 1
        # Stemmed with its accents (which the Snowball stemmers read: "condamnée" is "condamn"), and, when
        # it has some, stemmed as written without them too ("policía" is "polic", "policia" is "polici"): a
        # query word is stemmed as the user wrote it, with or without its accents.
        for term in {language_term(language, lower), language_term(language, folded)}:
            if term in positions:
                positions[term].append(pos)
            else:
                positions[term] = [pos]
    text_boost, exact_boost, _pair_boost = boosts
    return ([(w.encode("utf-8"), len(p), float(len(p)) * text_boost, encode_positions(p))
             for w, p in positions.items()],
            [(w.encode("utf-8"), 1, exact_boost, b"") for w in exact],
            [])


def quote_text(p: Paragraph) -> str:
    """The words of a paragraph's spoken quotes (`Paragraph.spoken_quotes`), one after the other: the
    ``quote`` field's text."""
    return " … ".join(q.text for q in p.spoken_quotes())


def analyse_quote(p: Paragraph) -> list[tuple[bytes, int, float, bytes]]:
    """The postings of a paragraph's ``quote`` field: its quotes' words analysed as the text field's are."""
    words = quote_text(p)
    return analyse_text(words, p.language)[0] if words else []


def analyse_paragraphs(release: Release) -> list[tuple[list[Any], ...]]:
    """The postings of each paragraph's `TEXT_FIELDS` (`analyse_text`), in the paragraph's language, then
    of its ``quote`` field (`analyse_quote`)."""
    return [(*analyse_text(p.text, p.language), analyse_quote(p)) if p.text else ([], [], [], [])
            for p in release.paragraphs]


def analyses_as_built(index_schema: Any) -> bool:
    """Whether an index analyses paragraph text as `analyse_text` does. An index keeps the analyzers it was
    built with (the common words of its pairs, say), and its documents must be analysed by those."""
    current = schema()
    return all(name in index_schema and index_schema[name].analyzer == current[name].analyzer
               and index_schema[name].format == current[name].format for name in TEXT_FIELDS)


def paragraph_documents(release: Release, analysed: list[tuple[list[Any], ...]] | None = None, *,
                        analyse: bool = True, names: dict[str, str] | None = None) -> Iterator[dict[str, Any]]:
    """The Whoosh documents of a release's paragraphs (file records are documents.py's); ``analysed``: their
    text's postings made by `analyse_paragraphs` (in another process), else they are made here; without
    ``analyse`` (an index whose analyzers differ: `analyses_as_built`) the writer analyses the text.
    ``names``: speaker_key → the forms of that person's name in the release, space-separated."""
    # Imported here: attribution's patterns take a third of a second to load, and only writers need it.
    from searchidx.attribution.rules import speaker_key

    common: dict[str, Any] = {"doctype": "para", "release": release.id}
    if release.date:
        common["day"] = release.date.year * 10000 + release.date.month * 100 + release.date.day
    if release.location:
        common["location"] = release.location
        common["location_key"] = " ".join(t.text for t in name_analyzer()(release.location))
    if release.source:
        common["source"] = release.source
        common["source_key"] = release.source.lower()
    for i, p in enumerate(release.paragraphs):
        spoken = p.spoken_quotes()
        doc = dict(common, n=p.n, kind=p.kind, quoted="yes" if spoken else "no")
        if p.language:
            doc["lang"] = p.language
        if p.text:
            doc["fingerprint"] = bytes.fromhex(fingerprint(p.text))  # 8 bytes
            if analyse:
                postings = analysed[i] if analysed else (*analyse_text(p.text, p.language), None)
                doc.update(zip(TEXT_FIELDS, map(Analysed, postings)))
                doc["_stored_text"] = p.text
                if spoken:
                    doc["quote"] = Analysed(postings[3] if len(postings) > 3 and postings[3] is not None
                                            else analyse_quote(p))
            else:
                doc.update(dict.fromkeys(TEXT_FIELDS, p.text))
                if spoken:
                    doc["quote"] = quote_text(p)
        if p.quotes:
            doc["quotes"] = [[q.start, q.end, q.kind, 1 if q.speaker else 0] for q in p.quotes]
        if p.speaker:
            doc["speaker"] = p.speaker
            doc["speaker_key"] = key = speaker_key(p.speaker)
            doc["speaker_names"] = (names or {}).get(key) or p.speaker
        if p.speaker_role:
            doc["role"] = p.speaker_role
        yield doc
