"""Other XML: a release as a CMS or an archive exports it, in elements of its own naming.

``<release><headline>…</headline><date>…</date><body><p>…</p></body></release>``, an RSS-like ``item``, or
Dublin Core fields: the title, date, URL and language come from the first element whose local name is one
of the usual ones, the body from the first body-like element (its ``p`` children, or its text, which may be
escaped HTML). Namespaces do not matter. In a feed (RSS's ``channel``, Atom's ``feed``) they are looked for in
its first ``item`` or ``entry``: the feed's own title and description are the site's, not the release's.
"""

from __future__ import annotations

import re

from lxml import etree

from searchidx.load.cleaning import normalize_space
from searchidx.load.draft import Block, Draft
from searchidx.load.formats.html import blocks_from_fragment, parse_html
from searchidx.load.formats.newsml import _PARSER, _date, _local

TITLE_NAMES = ("title", "headline", "heading", "subject", "name")
DATE_NAMES = ("date", "published", "pubdate", "datepublished", "issued", "created", "releasedate", "dateline_date")
URL_NAMES = ("url", "link", "permalink", "canonical", "identifier")
LANG_NAMES = ("language", "lang")
BODY_NAMES = ("body", "content", "text", "bodytext", "description", "encoded", "article", "story", "main")
_HTML_IN_TEXT = re.compile(r"<(?:p|div|br|h[1-6]|ul|li|span|a|strong|em)\b", re.I)


def is_xml_document(head: str) -> bool:
    """An XML document that is not HTML: it opens with an XML declaration or a root element that HTML lacks."""
    return head.startswith("<?xml") or bool(re.match(r"<(?![hH][tT][mM][lL]\b|!)[\w:.-]+[\s>]", head))


def _text(el: etree._Element) -> str:
    return normalize_space(re.sub(r"\s+", " ", "".join(el.itertext())))


def _find(root: etree._Element, names: tuple[str, ...]) -> etree._Element | None:
    wanted = {n.lower() for n in names}
    for el in root.iter():
        if isinstance(el.tag, str) and _local(el).lower() in wanted and el is not root:
            return el
    return None


def parse_xml_document(data: bytes, path: str, release_id: str) -> Draft:
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError:
        # Not well-formed: the forgiving HTML reader gets what text it can.
        return parse_html(data.decode("utf-8", errors="replace"), path, release_id)
    draft = Draft(path=path, id=release_id, format="xml", paragraphs_whole=True)
    item = _find(root, ("item", "entry"))
    if item is not None and _local(root).lower() in ("rss", "feed", "rdf", "channel"):
        root = item
    title = _find(root, TITLE_NAMES)
    draft.title = (_text(title) or None) if title is not None else None
    date = _find(root, DATE_NAMES)
    if date is not None:
        draft.date = _date(date.get("date") or date.get("value") or _text(date))
    url = _find(root, URL_NAMES)
    if url is not None:
        value = url.get("href") or _text(url)
        draft.url = value if value.startswith(("http://", "https://")) else None
    lang = _find(root, LANG_NAMES)
    if lang is not None and _text(lang):
        draft.language = _text(lang).replace("_", "-").split("-")[0].lower()[:8]
    # A feed's item gives a summary ("description") beside the whole text ("content:encoded"): the fullest.
    bodies = [el for el in root.iter() if isinstance(el.tag, str) and el is not root
              and _local(el).lower() in BODY_NAMES]
    body = max(bodies, key=lambda el: len("".join(el.itertext())), default=None)
    if body is None:
        return draft
    paragraphs = [el for el in body.iter() if isinstance(el.tag, str) and _local(el).lower() in ("p", "para")]
    if paragraphs:
        draft.blocks = [Block(t) for t in (_text(p) for p in paragraphs) if t]
        return draft
    raw = "".join(body.itertext())
    if _HTML_IN_TEXT.search(raw):
        draft.blocks = blocks_from_fragment(raw, path)  # escaped HTML in a CDATA section or as entities
    else:
        draft.blocks = [Block(normalize_space(t)) for t in re.split(r"\n\s*\n", raw) if normalize_space(t)]
    return draft
