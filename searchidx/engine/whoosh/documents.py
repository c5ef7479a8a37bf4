"""The documents a release becomes in a Whoosh index, and the release read back from them.

A release is written as its file record (the release's metadata, its title indexed) followed by its
paragraphs, one document each (`schema.paragraph_documents`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from searchidx.engine.whoosh.schema import analyses_as_built, paragraph_documents
from searchidx.model import Contact, Paragraph, Quote, Release


def file_term(path: str) -> str:
    """The indexed ``doc`` term of a file's record. Whoosh's terms are UTF-8, which a name with bytes that
    are not UTF-8 (carried as surrogates) is not: it gets a term of its own kind, the bytes as escapes.
    The stored ``path`` keeps the name as it is."""
    try:
        path.encode("utf-8")
        return f"file:{path}"
    except UnicodeEncodeError:
        return "file\\x:" + path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def write_release(writer: Any, path: str, digest: str, release: Release, *, paragraphs: bool = True,
                  analysed: list | None = None) -> None:
    """Write a release's file record, then its paragraphs (unless ``paragraphs`` is false: a copy)."""
    # The file record first, its paragraphs right after it: searching finds a paragraph's release title
    # through the file record before it (Whoosh's nested documents; merges keep documents in order).
    meta = {k: v for k, v in release.to_dict().items() if k != "paragraphs"}
    # A release may have no paragraphs at all (a title only): `check` must know that from a loss.
    meta["paragraph_count"] = len(release.paragraphs)
    speakers = _speakers(release)
    if speakers:
        meta["speakers"] = speakers
    record: dict[str, Any] = {"doc": file_term(path), "doctype": "file", "path": path, "release": release.id,
                              "hash": digest, "meta": meta}
    if release.title:
        record["title"] = record["title_exact"] = release.title
    writer.add_document(**record)
    if paragraphs:
        names = {person["key"]: " ".join(person["aliases"]) for person in speakers}
        for doc in paragraph_documents(release, analysed, analyse=analyses_as_built(writer.schema), names=names):
            writer.add_document(**doc)


def _speakers(release: Release) -> list[dict[str, Any]]:
    """The release's people, each once, with the forms of the name it writes (`release_speakers`): what
    `speakers` lists as ``aliases``. Keyed as the paragraphs' speakers are (`speaker_key` of the name)."""
    if not any(p.speaker for p in release.paragraphs):
        return []
    # Imported here: attribution's patterns take a third of a second to load, and only writers need it.
    from searchidx.attribution.identity import release_speakers
    from searchidx.attribution.rules import speaker_key

    return [{"key": speaker_key(ident.aliases[0] if ident.aliases else ident.name), "name": ident.name,
             "aliases": ident.aliases, "roles": ident.roles} for ident in release_speakers(release)]


def release_from(file_doc: dict[str, Any], paras: list[dict[str, Any]]) -> Release:
    """A release from its stored file record and paragraphs (in order)."""
    meta = dict(file_doc.get("meta") or {})
    date = dt.date.fromisoformat(meta["date"]) if meta.get("date") else None
    return Release(
        path=file_doc["path"], id=file_doc["release"], title=meta.get("title"), subtitle=meta.get("subtitle"),
        labels=meta.get("labels", []), date=date, location=meta.get("location"), source=meta.get("source"),
        url=meta.get("url"), language=meta.get("language"), format=meta.get("format"),
        contacts=[Contact(**c) for c in meta.get("contacts", [])],
        paragraphs=[_paragraph(d) for d in paras],
    )


def _paragraph(d: dict[str, Any]) -> Paragraph:
    """A paragraph from its stored fields, its quote records with it (a quote's speaker is the paragraph's,
    or nobody: schema.py)."""
    text, speaker, role = d["text"], d.get("speaker"), d.get("role")
    quotes = [Quote(start, end, text[start:end], speaker if spoken else None, role if spoken else None, kind)
              for start, end, kind, spoken in d.get("quotes") or ()]
    return Paragraph(n=d["n"], kind=d["kind"], text=text, speaker=speaker, speaker_role=role, quotes=quotes,
                     language=d.get("lang"))


def iter_paragraphs(searcher: Any) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """Every paragraph as (its stored fields, its release's file record), in index order, one at a time: a
    release's paragraphs follow one of its file records, so the last record seen is theirs. (``doctype``
    is not stored: a file record is the document with a ``hash``.)"""
    reader = searcher.reader()
    record: dict[str, Any] = {}
    for _docnum, fields in reader.iter_docs():
        if "hash" in fields:
            record = fields
        elif "n" in fields:
            yield fields, (record if record.get("release") == fields.get("release") else
                           searcher.document(doctype="file", release=fields.get("release")) or {})
