"""Wire-feed XML: NewsML-G2 ``newsItem`` (GlobeNewswire) and NewsML 1.2 (Business Wire).

Both carry the headline, dateline, language and dates as elements, and the body as XHTML; the body
goes through the HTML block reader, the rest is read here. Elements are matched by local name, so the
namespace a feed uses does not matter.
"""

from __future__ import annotations

import copy
import datetime as dt
import re

from lxml import etree

from searchidx.errors import LoadError
from searchidx.load.cleaning import normalize_space
from searchidx.load.dates import find_date, parse_date
from searchidx.load.draft import Block, Draft
from searchidx.load.formats.html import blocks_from_fragment
from searchidx.load.metadata import is_month_day

_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})T")
# No network, no entity expansion (a "billion laughs" item must not blow up), no huge trees.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False,
                          remove_comments=True, remove_pis=True)


def is_newsml(head: str) -> bool:
    return bool(re.search(r"<(?:\w+:)?(?:newsItem|NewsML|newsMessage)\b", head))


def _local(el: etree._Element) -> str:
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _first(root: etree._Element, name: str) -> etree._Element | None:
    for el in root.iter():
        if _local(el) == name:
            return el
    return None


def _text(el: etree._Element | None) -> str | None:
    if el is None:
        return None
    return normalize_space("".join(el.itertext())) or None


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    m = _COMPACT_DATE.match(value.strip())
    if m:
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    return parse_date(value)


def parse_newsml(data: bytes, path: str, release_id: str) -> Draft:
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise LoadError(path, f"broken NewsML XML ({exc})") from None
    if root is None:
        raise LoadError(path, "empty XML document")
    draft = Draft(path=path, id=release_id, format="newsml", paragraphs_whole=True)
    draft.title = _text(_first(root, "headline")) or _text(_first(root, "HeadLine"))
    # The dateline element is the place as the release prints it; <located> is the feed's own wording.
    located = _first(root, "located")
    draft.place_hint = _dateline_place(_text(_first(root, "dateline")) or _text(_first(root, "DateLine"))) \
        or (located.get("literal") if located is not None else None)
    lang = _first(root, "language")
    lang_value = lang.get("tag") if lang is not None else None
    if lang_value is None:
        lang12 = _first(root, "Language")
        lang_value = lang12.get("FormalName") if lang12 is not None else None
    lang_value = lang_value or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    draft.language = lang_value.split("-")[0].lower() if lang_value else None
    # The dateline as printed, with its year, is the release's own date ("PAPHOS, Cyprus, 6 June 2029"); the
    # item's creation time may fall on the evening before.
    printed = _text(_first(root, "dateline")) or _text(_first(root, "DateLine")) or ""
    found = find_date(printed) if re.search(r"\b(?:19|20)\d\d\b", printed) else None
    draft.date = found[0] if found else None
    for name in ("firstCreated", "contentCreated", "versionCreated", "FirstCreated", "ThisRevisionCreated"):
        if draft.date:
            break
        draft.date = _date(_text(_first(root, name)))
    provider = _first(root, "provider")
    draft.source = (provider.get("literal") if provider is not None else None) or _service(root)
    draft.blocks = _body_blocks(root)
    # The XHTML body repeats the headline as <h1> and gives the subtitle as the next heading.
    while draft.blocks and draft.blocks[0].hint == "heading":
        head = draft.blocks.pop(0).text
        if head != draft.title:
            draft.subtitle = f"{draft.subtitle} {head}" if draft.subtitle else head
    return draft


def _service(root: etree._Element) -> str | None:
    service = _first(root, "NewsService")
    return service.get("FormalName") if service is not None else None


def _body_blocks(root: etree._Element) -> list[Block]:
    blocks: list[Block] = []
    contact: list[Block] = []
    for el in root.iter():
        name = _local(el)
        if name == "inlineXML":
            blocks += _xhtml_blocks(el)
        elif name == "inlineData":
            blocks += _data_blocks(el)
        elif name == "NewsComponent":
            role = next((c for c in el if _local(c) == "Role"), None)
            role_name = role.get("FormalName") if role is not None else None
            if role_name in ("Body", "Contact"):
                content = _first(el, "DataContent")
                if content is not None:
                    (blocks if role_name == "Body" else contact).extend(_xhtml_blocks(content))
    # Contact lines go last, where the shared pipeline looks for them.
    return blocks + contact


def _xhtml_blocks(container: etree._Element) -> list[Block]:
    children = [c for c in container if isinstance(c.tag, str)]
    if not children:
        return [Block(t) for t in (normalize_space(container.text or ""),) if t]
    markup = "".join(etree.tostring(_unprefixed(c), encoding="unicode") for c in children)
    return blocks_from_fragment(markup)


def _unprefixed(el: etree._Element) -> etree._Element:
    """A copy of ``el`` with its tags' namespaces dropped: an HTML parser reads ``<xhtml:p>`` (XHTML under a
    prefix, as NewsML-G2's inlineXML may carry it) as no paragraph at all."""
    el = copy.deepcopy(el)
    for e in el.iter():
        if isinstance(e.tag, str) and e.tag.startswith("{"):
            e.tag = e.tag.split("}", 1)[1]
    etree.cleanup_namespaces(el)
    return el


def _data_blocks(el: etree._Element) -> list[Block]:
    """NewsML-G2's <inlineData>: the body as a string, HTML (in CDATA or escaped) or plain text."""
    text = el.text or ""
    if "html" in (el.get("contenttype") or "").lower() or _MARKUP.search(text):
        return blocks_from_fragment(text)
    return [Block(t) for t in (normalize_space(part) for part in re.split(r"\n\s*\n", text)) if t]


_MARKUP = re.compile(r"<(?:p|div|br|h[1-6]|ul|ol|li|blockquote)\b", re.IGNORECASE)


_WEEKDAY_FIRST = re.compile(r"^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b\s*", re.I)


def _dateline_place(text: str | None) -> str | None:
    """The place of a dateline element without the date it may carry: "VALLETTA, 22 October" gives
    "VALLETTA"."""
    if not text:
        return text
    parts = [p.strip() for p in text.split(",")]
    while len(parts) > 1:
        # (A weekday may stand before the day, in its own part or not: "Saturday July 25", "Saturday, July 25".)
        last = _WEEKDAY_FIRST.sub("", parts[-1])
        # (The year may stand in a part of its own: "LUSAKA, 7th December, 2038".)
        if not (not last or find_date(last) or is_month_day(last) or (last.isdigit() and len(last) == 4)):
            break
        parts.pop()
    return ", ".join(parts)

