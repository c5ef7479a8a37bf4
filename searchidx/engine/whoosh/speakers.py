"""A speaker's paragraphs, read from the index by the speaker's identity (``speaker_key``)."""

from __future__ import annotations

from typing import Any

from whoosh import query as Q

from searchidx.engine.whoosh.searching import _release_info
from searchidx.search.speaker import SpeakerParagraph


def quoted_spans(fields: dict[str, Any]) -> list[list[int]]:
    """The spans of a paragraph's stored quote records that are its speaker's words in quotation marks."""
    return [[start, end] for start, end, kind, spoken in fields.get("quotes") or ()
            if spoken and kind in ("direct", "continuation")]


def speaker_paragraphs(searcher: Any, key: str) -> list[SpeakerParagraph]:
    """The body paragraphs whose speaker has this key, in index order, each with its release's title,
    date, publisher, place and address: from the file record right before the paragraph, as hits get
    theirs, rather than a search for each release's record."""
    wanted = Q.And([Q.Term("doctype", "para"), Q.Term("kind", "body"), Q.Term("speaker_key", key)])
    out = []
    for docnum in sorted(searcher.docs_for_query(wanted)):
        fields = searcher.stored_fields(docnum)
        rid = fields["release"]
        meta: dict[str, Any] = _release_info(searcher, rid, docnum)
        aliases = next((person.get("aliases") or [] for person in meta.get("speakers") or ()
                        if person.get("key") == key), [])
        out.append(SpeakerParagraph(id=f"{rid}#{fields['n']}", n=fields["n"], kind=fields["kind"],
                                    speaker=fields["speaker"], speaker_role=fields.get("role"),
                                    text=fields.get("text") or "", title=meta.get("title"), date=meta.get("date"),
                                    source=meta.get("source"), location=meta.get("location"), url=meta.get("url"),
                                    aliases=list(aliases), quotes=quoted_spans(fields)))
    return out
