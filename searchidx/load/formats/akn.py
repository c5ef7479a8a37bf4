"""Akoma Ntoso (LegalDocML) documents: court press summaries, parliamentary and government documents.

The metadata is marked up: ``docTitle`` (with the ``neutralCitation`` beside it, as a court cites a case),
``docDate`` or the FRBR expression's date, ``FRBRlanguage``, ``FRBRuri``. The text is the ``mainBody`` (or
``body``, ``judgmentBody``, ``debateBody``): its ``heading`` elements are crossheads, its ``p`` elements the
paragraphs. Elements are matched by local name, so the namespace version does not matter.
"""

from __future__ import annotations

import re

from lxml import etree

from searchidx.errors import LoadError
from searchidx.load.cleaning import normalize_space
from searchidx.load.draft import Block, Draft
from searchidx.load.formats.newsml import _PARSER, _date, _first, _local

_BODY_NAMES = ("mainBody", "body", "judgmentBody", "debateBody", "mainContent")
# Three-letter language codes as FRBRlanguage gives them, for the common ones.
_LANG3 = {"eng": "en", "fra": "fr", "fre": "fr", "deu": "de", "ger": "de", "spa": "es", "ita": "it", "nld": "nl",
          "por": "pt", "swe": "sv", "dan": "da", "fin": "fi", "pol": "pl", "gle": "ga", "cym": "cy", "wel": "cy"}


def _text(el: etree._Element | None) -> str | None:
    if el is None:
        return None
    return normalize_space(re.sub(r"\s+", " ", "".join(el.itertext()))) or None


def is_akoma_ntoso(head: str) -> bool:
    return bool(re.search(r"<(?:\w+:)?akomaNtoso\b", head))


def parse_akoma_ntoso(data: bytes, path: str, release_id: str) -> Draft:
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise LoadError(path, f"broken Akoma Ntoso XML ({exc.msg})") from None
    draft = Draft(path=path, id=release_id, format="akoma-ntoso", paragraphs_whole=True)
    title = _first(root, "docTitle")
    if title is not None:
        # The paragraph holding the title also holds the case's citation: "A v B [2021] UKPC 14".
        holder = title.getparent()
        whole = _text(holder) if holder is not None and _local(holder) == "p" else None
        draft.title = whole or _text(title)
    if not draft.title:
        name = _first(root, "FRBRname")
        draft.title = normalize_space(name.get("value") or "") or None if name is not None else None
    doc_date = _first(root, "docDate")
    draft.date = _date(doc_date.get("date")) if doc_date is not None else None
    if draft.date is None:
        draft.date = _frbr_date(root)
    lang = _first(root, "FRBRlanguage")
    if lang is not None and lang.get("language"):
        code = lang.get("language", "").lower()
        draft.language = _LANG3.get(code, code[:2])
    uri = _first(root, "FRBRuri")
    if uri is not None and (uri.get("value") or "").startswith("http"):
        draft.url = uri.get("value")
    body = next((el for name in _BODY_NAMES if (el := _first(root, name)) is not None), None)
    if body is None:
        return draft
    for el in body.iter():
        name = _local(el)
        if name == "heading":
            text = _text(el)
            if text:
                draft.blocks.append(Block(text, hint="heading"))
        elif name == "p" and not any(_local(a) == "p" for a in el.iterancestors()):
            text = _text(el)
            if text:
                draft.blocks.append(Block(text))
    return draft


def _frbr_date(root: etree._Element):
    """The expression's date (its release), else the work's; never the file's transform date."""
    for holder in ("FRBRExpression", "FRBRWork"):
        el = _first(root, holder)
        if el is None:
            continue
        for child in el:
            if _local(child) == "FRBRdate" and child.get("name") != "transform":
                date = _date(child.get("date"))
                if date:
                    return date
    return None
