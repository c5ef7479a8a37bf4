"""The OpenSearch index made for searchidx: its analyzers and its mapping (one document per paragraph, carrying
its release's title, date, wire and place; one per indexed file).

Running text (paragraphs, titles, roles) arrives analysed (`analysis`): its stems and its folded words as
space-separated tokens, read by the ``whitespace`` analyzer. Names (speaker, wire, place) are analysed here
as the Whoosh name analyzer does: a ``mapping`` char filter folds accents with Whoosh's own table
(`folding.FOLD`), a ``pattern`` tokenizer splits on ``[^\\p{L}\\p{N}]+`` (Python's ``[^\\W_]+``), then
``lowercase``.
"""

from __future__ import annotations

from typing import Any

from searchidx.engine.opensearch.folding import FOLD

#: Bumped when the mapping changes in a way an old index cannot serve.
MAPPING_VERSION = 3

SPLIT = r"[^\p{L}\p{N}]+"


def settings(shards: int = 1, replicas: int | None = None) -> dict[str, Any]:
    """Index settings: shards, replicas (None: one where a second node can hold it, else none), no refresh
    of its own (a writer refreshes when whole releases are written: no half-written release is searchable)."""
    index: dict[str, Any] = {"number_of_shards": shards, "refresh_interval": "-1",
                             "max_result_window": 100_000, "max_inner_result_window": 1000}
    if replicas is None:
        index["auto_expand_replicas"] = "0-1"
    else:
        index["number_of_replicas"] = replicas
    return {
        "index": index,
        "similarity": {"default": {"type": "BM25", "k1": 1.2, "b": 0.75}},
        "analysis": {
            "char_filter": {
                "fold": {"type": "mapping", "mappings": [f"{_escape(k)}=>{_escape(v)}" for k, v in FOLD.items()]},
            },
            "tokenizer": {"words": {"type": "pattern", "pattern": SPLIT}},
            # A word's terms joined by "|" (analysis.STACK) as tokens at one position: a paragraph's word in
            # another language (its stem with and without accents); a query word in each language searched
            # (one synonym query, scored with the word's rarity in all of them, as on Whoosh).
            "filter": {"unstack": {"type": "pattern_capture", "patterns": ["([^|]+)"], "preserve_original": False}},
            "analyzer": {
                "name": {"type": "custom", "char_filter": ["fold"], "tokenizer": "words", "filter": ["lowercase"]},
                "stacked": {"type": "custom", "tokenizer": "whitespace", "filter": ["unstack"]},
            },
        },
    }


def _escape(ch: str) -> str:
    # The mapping char filter's rule syntax: = > \ and spaces are escaped; anything else is literal.
    return "".join("\\" + c if c in "=>\\ " else c for c in ch)


def mappings() -> dict[str, Any]:
    """Paragraphs and file records (``doctype`` file: path, content hash, the release as loaded)."""
    stems = {"type": "text", "analyzer": "stacked", "search_analyzer": "whitespace"}
    # Prefix, wildcard and fuzzy words and did-you-mean need only which paragraphs hold a word; runs of
    # stop words (which the stems leave out) are phrases on the words, hence their positions.
    words = {"type": "text", "analyzer": "whitespace", "index_options": "positions", "norms": False}
    title_words = {"type": "text", "analyzer": "whitespace", "index_options": "docs", "norms": False}
    shown = {"type": "text", "index": False}
    name = {"type": "text", "analyzer": "name"}
    keyword = {"type": "keyword"}
    return {
        "dynamic": "strict",
        "_meta": {"searchidx_mapping": MAPPING_VERSION},
        "properties": {
            "doctype": keyword,
            "release": keyword,
            "n": {"type": "integer"},
            "kind": keyword,
            "text": shown,
            "stems": stems,
            "words": words,
            "speaker": {**name, "fields": {"raw": keyword}},
            # Every form of the speaker's name the release writes (`release_speakers`): --speaker.
            "speaker_names": {**name, "index_options": "docs", "norms": False},
            "speaker_key": keyword,
            "role": {"type": "keyword", "index": False},
            "role_stems": stems,
            "title": shown,
            "title_stems": stems,
            "title_words": title_words,
            "location": {**name, "fields": {"raw": keyword}},
            "location_key": keyword,
            "source": {**name, "fields": {"raw": keyword}},
            "source_key": keyword,
            "url": {"type": "keyword", "index": False},
            "day": {"type": "integer"},
            "year": {"type": "integer"},
            "date": {"type": "date", "format": "strict_date"},
            "fingerprint": keyword,
            # The paragraph's language (ISO 639-1): --lang, lang: and the language facet.
            "lang": keyword,
            # A speaker's words in quotation marks (`Paragraph.has_direct_quote`): --quotes-only.
            "quoted": {"type": "boolean"},
            # Those words (`Paragraph.spoken_quotes`): their stems (`quote:`, --in-quotes), and their folded
            # words, where a prefix, wildcard or fuzzy word inside quotes is also looked up.
            "quote": stems,
            "quote_words": {"type": "text", "analyzer": "whitespace", "index_options": "docs", "norms": False},
            # Every quote record of the paragraph (start, end, kind, whether it has the paragraph's speaker):
            # highlights inside quotes, and the release read back whole.
            "quotes": {"type": "object", "enabled": False},
            # File records.
            "path": keyword,
            "hash": {"type": "keyword", "index": False},
            "ns": {"type": "integer", "index": False},
            "meta": {"type": "object", "enabled": False},
        },
    }
