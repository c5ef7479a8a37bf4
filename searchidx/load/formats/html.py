"""HTML pages saved whole: find the release or article body, drop the page's chrome, read its metadata.

The body is found the way readability-style extractors do it, by where the paragraph text is: every
element scores the text of its own ``<p>`` children (half of it goes to the grandparent), the best
scorer is the body, and its siblings that also hold paragraph text join it (pages such as the European
Parliament's split one release over several sibling boxes). Navigation, cookie banners, share buttons,
related links and the like are removed first by tag and by class or id.
"""

from __future__ import annotations

import html as html_entities
import json
import re
import warnings
from dataclasses import replace
from typing import Any

from bs4 import BeautifulSoup, Comment, NavigableString, Tag, XMLParsedAsHTMLWarning

from searchidx.errors import LoadError
from searchidx.load.cleaning import ends_sentence, normalize_space, starts_lowercase
from searchidx.load.dates import MONTHS, find_date, parse_date
from searchidx.load.draft import Block, Draft
from searchidx.load.metadata import (
    date_only_line,
    find_email,
    head_row_date,
    holds_phone,
    is_address,
    is_label,
    is_name_line,
    issuer_and_label,
    may_be_place,
    names_issuer,
)
from searchidx.model import Contact

#: Tags whose content is never text of the release.
DROP_TAGS = ("script", "style", "noscript", "nav", "footer", "aside", "form", "iframe", "svg", "button",
             "template", "select", "input", "textarea", "object", "embed", "canvas", "video", "audio",
             "map", "dialog", "menu", "head")
# Class or id of page chrome (after readability's "unlikely candidates", plus cookie and wire boxes).
_CHROME = re.compile(
    r"(?:^|[\s_\-])(?:ad|ads|advert\w*|banner|breadcrumbs?|cookies?|consent|gdpr|onetrust|ot-\w+|comments?|"
    r"disqus|footer|masthead|menu|mm-\w+|nav\w*|navbar|pagination|pager|popup|modal|promo\w*|related|"
    r"recommend\w*|share\w*|sharing|social|sponsor\w*|subscri\w*|newsletters?\w*|signup|sign-up|sidebar|"
    r"skip|toolbar|widget|outbrain|taboola|most-?popular|trending|tags?|keywords|print|login|search|"
    r"omniture-\w+)(?:$|[\s_\-])",
    re.I,
)
# Screen-reader and hidden labels: dropped even inside the content box.
_HIDDEN_CLASS = re.compile(r"(?:^|[\s_\-])(?:hidden|sr-only|visually-hidden|d-none|screen-reader-text)(?:$|\s)", re.I)
_CONTACT_BOX = re.compile(r"contact", re.I)
# Names that mark the content box: never removed as chrome even when a chrome word is in them.
_CONTENT = re.compile(r"article|release|story|entry|content|main|body|text|post|wysiwig|wysiwyg|govspeak", re.I)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
BLOCK_TAGS = frozenset(("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figcaption", "pre",
                        "dd", "dt", "td", "th", "caption", "address"))
CONTAINER_TAGS = frozenset(("div", "section", "article", "main", "ul", "ol", "dl", "table", "tbody", "thead",
                            "tr", "figure", "header", "body", "center", "span", "font"))
_HEADING_TAGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
#: Shortest text a ``<p>`` needs to count towards its container's score.
MIN_SCORED_PARAGRAPH = 25
#: A sibling of the best box joins the body when it holds this share of the best box's score.
SIBLING_SHARE = 0.05
#: How many levels above the best box its sibling boxes are looked for.
CLIMB_LEVELS = 5
#: Least paragraph text (characters) a sibling box needs to join the body.
MIN_SIBLING_SCORE = 150
#: A short block that is mostly link text is navigation or a related-links list.
LINK_DENSITY_MAX = 0.6
#: A body shorter than this (characters) counts as not found: the next extractor is tried.
MIN_BODY_CHARS = 300
_HTML_LANG = re.compile(r"<html\b[^>]*?\blang=[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z]{2,4})?)", re.I)
#: Deepest markup accepted in a page (real pages stay under a few dozen levels).
MAX_NESTING = 1000
_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]{0,30})\b([^<>]*)>")
# Tags that are never closed or close themselves: they do not nest.
_VOID_OR_IMPLIED = frozenset(("br", "img", "meta", "link", "input", "hr", "source", "wbr", "area", "base", "col",
                              "embed", "param", "track", "p", "li", "dt", "dd", "option", "tr", "td", "th"))
#: Deepest nesting walked; deeper markup is flattened to its text (parsers cap depth around 256 anyway).
MAX_DEPTH = 400

# Besides these, schema.org's other article and posting types (TechArticle, OpinionNewsArticle, LiveBlogPosting).
_JSONLD_TYPES = {"newsarticle", "pressrelease", "article", "reportagenewsarticle", "blogposting",
                 "analysisnewsarticle", "webpage", "medicalwebpage", "itempage", "report"}
#: Stands for a ``<br>`` while text is gathered (source newlines are only spaces).
_BR = "\x1e"
# A web or e-mail address: never the lower-case continuation of the line above it.
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
#: Longest body line dropped for holding a contact card's number or address.
CONTACT_LINE_CHARS = 120
#: A line this long that ends a sentence is prose, not a contact or label line.
PROSE_CHARS = 80
_EMAIL_IN = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
_TITLE_SITE_SUFFIX = re.compile(r"\s+[|–—·•:-]\s+[^|–—·•]{2,60}$")


def parse_html(text: str, path: str, release_id: str, fmt: str = "html") -> Draft:
    """A whole page: metadata from its head, body from trafilatura where installed and where it finds
    one, else from the paragraph-score heuristic below (Beautiful Soup)."""
    check_nesting(text, path)
    draft = Draft(path=path, id=release_id, format=fmt, paragraphs_whole=True)
    # One lxml parse serves the metadata, trafilatura (which copies it before cleaning) and the contact
    # box; Beautiful Soup, three times slower to build a tree, is only used by the fallback.
    tree = _parse_tree(text)
    if tree is not None:
        _read_metadata(tree, draft)
    lang = _HTML_LANG.search(text[:5000])
    if lang:
        draft.language = lang.group(1).replace("_", "-").split("-")[0].lower()
    blocks = trafilatura_blocks(tree if tree is not None else text)
    if sum(len(b.text) for b in blocks if b.hint is None) < MIN_BODY_CHARS:
        fallback = extract_blocks(_soup(text))
        if sum(len(b.text) for b in fallback) > sum(len(b.text) for b in blocks):
            blocks = fallback
    elif tree is not None:
        blocks = _with_split_body(tree, blocks)
        blocks = _with_section_headings(tree, blocks)
        blocks = _with_decks(tree, blocks)
        cards = contact_cards(tree)
        if cards:
            draft.contacts = [contact for contact, _ in cards]
            blocks = _without_card_lines(blocks, set().union(*(details for _, details in cards)))
    draft.blocks = blocks
    return draft



def _soup(text: str) -> BeautifulSoup:
    # Only text detected (or declared, as a feed's body) as HTML comes here: Beautiful Soup's warning that
    # it might be XML would reach the user's terminal through the library.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        return BeautifulSoup(text, "lxml")


def _parse_tree(text: str):
    """The page as an lxml tree, parsed the way trafilatura parses it (so its extraction is unchanged)."""
    # trafilatura and lxml load with the first HTML page: text and feeds never pay for them.
    try:
        from trafilatura.utils import load_html
    except ImportError:
        load_html = None
    try:
        if load_html is not None:
            return load_html(text)
        from lxml import html as lxml_html

        return lxml_html.document_fromstring(text.encode("utf-8"))
    except (ValueError, TypeError):  # lxml's own refusals (an empty document, a bad declaration)
        return None


def check_nesting(text: str, path: str) -> None:
    """Refuse markup nested deeper than `MAX_NESTING` before any parser sees it: tree builders and
    extractors slow down badly (minutes) on such pages, and no release is written that way.

    Depth is counted as parsers count it: a close tag closes the innermost open element of its name (and
    those inside it); a close tag with no open element of its name closes nothing (``<div></i>`` nests)."""
    stack: list[str] = []
    open_count: dict[str, int] = {}
    # findall and a greedy attribute run: about twice as fast as finditer with a lazy one.
    for close, name, rest in _TAG.findall(text):
        name = name.lower()
        if rest.endswith("/") or name in _VOID_OR_IMPLIED:
            continue
        if close:
            if open_count.get(name):
                while True:  # each element is pushed once and popped once: linear in the tags
                    top = stack.pop()
                    open_count[top] -= 1
                    if top == name:
                        break
        else:
            stack.append(name)
            open_count[name] = open_count.get(name, 0) + 1
            if len(stack) > MAX_NESTING:
                raise LoadError(path, f"markup nested too deeply (over {MAX_NESTING} levels)")


def trafilatura_blocks(text) -> list[Block]:
    """The body trafilatura finds in ``text`` (a page, or its lxml tree), as blocks: ``<p>``, list items,
    quotes; ``<head>`` as headings.

    Measured on the shared corpora (bench/loader_bench.py) it finds more bodies and every wire-page
    paragraph where the heuristic below misses some; it is imported here, lazily, so that loading
    text and feeds does not pay for it.
    """
    try:
        import trafilatura
    except ImportError:
        return []
    from lxml import etree

    try:
        xml = trafilatura.extract(text, output_format="xml", include_comments=False, include_tables=False,
                                  include_formatting=False, include_images=False, with_metadata=False,
                                  deduplicate=False)
    except etree.XMLSyntaxError:
        # trafilatura re-parses its own output and fails on element names lxml's HTML parser let through
        # ("<S\r<html>"): then no body from it, and the heuristic below reads the page.
        return []
    if not xml:
        return []

    try:
        root = etree.fromstring(xml.encode("utf-8"), etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return []
    out: list[Block] = []
    for el in root.iter("p", "head", "item", "quote", "cell"):
        if el.tag == "quote" and el.find("p") is not None:
            continue  # its <p>s come one by one
        if el.tag == "item" and el.find("list") is not None:
            continue
        set_off = el.tag == "quote" or any(a.tag == "quote" for a in el.iterancestors())
        for line in _split_lines(_BR.join(_xml_lines(el))):
            out.append(Block(line, hint="heading" if el.tag == "head" else None, set_off=set_off))
    return out


def _with_decks(tree, blocks: list[Block]) -> list[Block]:
    """The paragraphs the page names a deck or sets in italics whole, marked so (the extraction keeps
    neither class nor italics): under the headline, such a paragraph is its deck."""
    decks = set()
    for el in tree.iter("p"):
        if _DECK_CLASS.search(el.get("class") or "") or (
                len(el) == 1 and el[0].tag in ("em", "i") and not (el.text or "").strip()
                and not (el[0].tail or "").strip()):
            decks.add(" ".join(_text_of(el).split()))
    if not decks:
        return blocks
    return [replace(b, emphasised=True) if b.hint is None and b.text in decks else b for b in blocks]


_SECTION_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
#: Longest section heading put back.
SECTION_HEADING_CHARS = 80


def _with_section_headings(tree, blocks: list[Block]) -> list[Block]:
    """The section headings the extraction dropped, put back over the paragraph they head ("About Example
    Robotics" over the issuer's background, "Notes to editors"): they say what the section is."""
    heads: dict[str, str] = {}
    for el in tree.iter(*_SECTION_HEADINGS):
        heading = " ".join(_text_of(el).split())
        nxt = el.getnext()
        if heading and len(heading) <= SECTION_HEADING_CHARS and nxt is not None and nxt.tag == "p":
            heads.setdefault(" ".join(_text_of(nxt).split()), heading)
    if not heads:
        return blocks
    out: list[Block] = []
    for b in blocks:
        heading = heads.get(b.text) if b.hint is None else None
        if heading and not (out and out[-1].text == heading):
            out.append(Block(heading, hint="heading"))
        out.append(b)
    return out


# Boxes whose paragraphs are not the article's, whatever class they share with it.
_NOT_BODY_BOX = re.compile(r"comment|repl(?:y|ies)|respond|related|sidebar|footer|recommend|promo|newsletter", re.I)
#: Shortest paragraph of a further body container taken, and how many such a container needs.
SPLIT_BODY_MIN_CHARS = 80
SPLIT_BODY_MIN_PARAGRAPHS = 2


def _with_split_body(tree, blocks: list[Block]) -> list[Block]:
    """The paragraphs of an article body that the page splits into several containers of one class (an
    advertisement or a sign-up box between them), which the extraction read only the first of. A further
    container of the same tag and class counts when it holds two paragraphs of prose at least; its
    paragraphs come after the blocks of the container before it, in page order."""
    texts = {b.text for b in blocks if b.hint is None}
    if not texts:
        return blocks
    parents = []
    for p in tree.iter("p"):
        parent = p.getparent()
        if parent is not None and parent.get("class") and " ".join(_text_of(p).split()) in texts \
                and parent not in parents:
            parents.append(parent)
    if len(parents) != 1:
        return blocks  # the body is not one classed container: nothing to follow
    body = parents[0]
    siblings = [el for el in tree.iter(body.tag) if el.get("class") == body.get("class")]
    if len(siblings) < 2:
        return blocks
    out = list(blocks)
    in_body = {" ".join(_text_of(p).split()) for p in body.iter("p")}
    last = max(k for k, b in enumerate(out) if b.text in in_body)
    seen = set(texts)
    after = False
    for el in siblings:
        if el is body:
            after = True
            continue
        if not after or any(a is body for a in el.iterancestors()) or any(d is body for d in el.iter()) \
                or any(_NOT_BODY_BOX.search(f"{a.get('id') or ''} {a.get('class') or ''}")
                       for a in (el, *el.iterancestors())):
            continue  # readers' comments and side boxes reuse the article's classes
        paragraphs = [" ".join(_text_of(p).split()) for p in el.iter("p")]
        paragraphs = [t for t in paragraphs if len(t) >= SPLIT_BODY_MIN_CHARS and t not in seen]
        if len(paragraphs) < SPLIT_BODY_MIN_PARAGRAPHS:
            continue
        new = [Block(t) for t in paragraphs]
        out[last + 1:last + 1] = new
        last += len(new)
        seen.update(paragraphs)
    return out


def _xml_lines(el) -> list[str]:
    """Text of a trafilatura element; its ``<lb/>`` line breaks kept as breaks."""
    parts = [el.text or ""]
    for child in el:
        if child.tag == "lb":
            parts.append(_BR)
        elif child.tag not in ("list", "p"):
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return ["".join(parts)]


def blocks_from_fragment(markup: str, path: str = "<fragment>") -> list[Block]:
    """Blocks of an HTML fragment that is all body (a JSON feed's ``body``, a NewsML ``<body>``)."""
    check_nesting(markup, path)
    soup = _soup(markup)
    _strip(soup)
    root = soup.body or soup
    out: list[Block] = []
    _emit(root, out, 0)
    return [b for b in out if b.text]


def extract_blocks(soup: BeautifulSoup) -> list[Block]:
    _strip(soup)
    root = soup.body or soup
    best = _best_box(root)
    boxes = _with_siblings(best) if best is not None else [root]
    out: list[Block] = []
    for box in boxes:
        _emit(box, out, 0)
    out += _contact_box(root, boxes)
    return [b for b in out if b.text]


def _contact_box(root: Tag, boxes: list[Tag]) -> list[Block]:
    """The media contact box when it stands outside the body (GlobeNewswire's "mw-contact")."""
    for tag in root.find_all(class_=_CONTACT_BOX):
        if any(tag is b or b in tag.parents for b in boxes) or any(b in tag.parents for b in boxes):
            continue
        text = tag.get_text(_BR)
        if len(text) < 600 and ("@" in text or re.search(r"\d{3}[\s.\-]\d{4}", text)):
            out: list[Block] = []
            _emit(tag, out, 0)
            return out
    return []


# A contact box inside the page's article, outside any navigation or footer.
_CONTACT_BOXES = ("//*[(contains(translate(@class, 'CONTACT', 'contact'), 'contact') or "
                  "contains(translate(@id, 'CONTACT', 'contact'), 'contact')) and "
                  "(ancestor::article or ancestor::main or ancestor::*[@role='main']) and "
                  "not(ancestor::nav or ancestor::footer or ancestor::aside or ancestor::form)]")
_CARD_PHONE = re.compile(r"\+?\(?\+?\d[\d\s().\-/]{5,}\d")


def contact_cards(tree) -> list[tuple[Contact, set[str]]]:
    """The press contacts of the contact box in the page's article (the European Parliament gives each
    press officer a card: name, role, phone numbers, e-mail), with the numbers and addresses each card
    shows. One contact per card, with its first phone number and first e-mail."""
    boxes = tree.xpath(_CONTACT_BOXES)
    chosen = [b for b in boxes if not any(a in boxes for a in b.iterancestors())]
    found: list[tuple[Contact, set[str]]] = []
    for box in chosen:
        if len(_text_of(box)) > 3000:
            continue  # a whole column, not a contact box
        cards = [li for li in box.iter("li") if _card_details(li)]
        cards = [c for c in cards if not any(a in cards for a in c.iterancestors())] or [box]
        for card in cards:
            card_contact = _card_contact(card)
            if card_contact is not None:
                found.append(card_contact)
    return found


def _card_lines(card) -> list[str]:
    lines = [normalize_space(t) for t in card.xpath(".//text()[not(ancestor::script) and not(ancestor::style)]")]
    # Labels ("Phone number:"), place tags ("(BXL)") and social handles are not the person.
    return [ln for ln in lines if ln and not ln.endswith(":") and not (ln.startswith("(") and ln.endswith(")"))
            and not ln.startswith("@")]


def _card_details(card) -> list[str]:
    """Every phone number and e-mail address in a card, in order."""
    out: list[str] = []
    for line in _card_lines(card):
        out += [m.group(0) for m in _EMAIL_IN.finditer(line)]
        out += [normalize_space(m.group(0)) for m in _CARD_PHONE.finditer(line)
                if len(re.sub(r"\D", "", m.group(0))) >= 7]
    return out


def _card_contact(card) -> tuple[Contact, set[str]] | None:
    details = _card_details(card)
    if not details:
        return None
    email = next((d for d in details if "@" in d), None)
    phone = next((d for d in details if "@" not in d), None)
    name = next((ln for ln in _card_lines(card) if is_name_line(ln) and not any(d in ln for d in details)), None)
    return Contact(name=name, phone=phone, email=email), set(details)


def _without_card_lines(blocks: list[Block], details: set[str]) -> list[Block]:
    """The body less the contact lines the extractor kept from the contact box (its numbers, addresses
    and their labels): they are the contacts' now."""
    return [b for b in blocks if not (len(b.text) <= CONTACT_LINE_CHARS and any(d in b.text for d in details))]


def _strip(soup: BeautifulSoup) -> None:
    for c in soup.find_all(string=lambda s: isinstance(s, Comment)):
        c.extract()
    for tag in soup.find_all(DROP_TAGS):
        if not tag.decomposed:
            tag.decompose()
    total_p = len(soup.find_all("p")) or 1
    for tag in soup.find_all(True):
        if tag.decomposed or tag.attrs is None or tag.name in ("html", "body", "article", "main"):
            continue
        if tag.has_attr("hidden") or tag.get("aria-hidden") == "true" or _HIDDEN_STYLE.search(tag.get("style", "")):
            tag.decompose()
            continue
        names = " ".join(tag.get("class") or []) + " " + (tag.get("id") or "")
        if _HIDDEN_CLASS.search(names):
            tag.decompose()
        elif tag.get("role") in ("navigation", "banner", "contentinfo", "complementary", "dialog"):
            tag.decompose()
        elif names.strip() and _CHROME.search(names) and not _CONTENT.search(names) \
                and not _holds_page(tag, total_p):
            tag.decompose()


def _holds_page(tag: Tag, total_p: int) -> bool:
    """A chrome-named wrapper around the whole page (a slide-out menu's "mm-page") is not chrome."""
    return tag.find(("article", "main")) is not None or len(tag.find_all("p")) > 0.4 * total_p


def _paragraph_text_len(p: Tag) -> int:
    text = p.get_text(" ", strip=True)
    if len(text) < MIN_SCORED_PARAGRAPH:
        return 0
    links = sum(len(a.get_text(strip=True)) for a in p.find_all("a"))
    return 0 if links > LINK_DENSITY_MAX * len(text) else len(text)


def _best_box(root: Tag) -> Tag | None:
    scores: dict[int, float] = {}
    tags: dict[int, Tag] = {}
    for p in root.find_all(("p", "pre", "blockquote")):
        n = _paragraph_text_len(p)
        if not n:
            continue
        parent = p.parent
        if parent is None:
            continue
        scores[id(parent)] = scores.get(id(parent), 0) + n
        tags[id(parent)] = parent
        grand = parent.parent
        if grand is not None:
            scores[id(grand)] = scores.get(id(grand), 0) + n / 2
            tags[id(grand)] = grand
    if not scores:
        return None
    return tags[max(scores, key=lambda k: scores[k])]


def _subtree_score(tag: Tag) -> int:
    return sum(_paragraph_text_len(p) for p in tag.find_all("p"))


def _with_siblings(best: Tag) -> list[Tag]:
    """The best box and, at each of a few levels up, the sibling boxes that hold paragraph text too
    (a lead or a last paragraph in a box of its own), in document order."""
    own = _subtree_score(best)
    boxes = [best]
    node = best
    for _ in range(CLIMB_LEVELS):
        parent = node.parent
        if parent is None or node.name in ("body", "html") or parent.name in ("html", "[document]"):
            break
        before: list[Tag] = []
        after: list[Tag] = []
        seen_node = False
        for sib in parent.children:
            if sib is node:
                seen_node = True
            elif isinstance(sib, Tag) and sib.name in CONTAINER_TAGS | {"p"}:
                score = _subtree_score(sib)
                if score >= max(MIN_SIBLING_SCORE, SIBLING_SHARE * own):
                    (after if seen_node else before).append(sib)
        boxes = before + boxes + after
        node = parent
    return boxes


def _emit(el: Tag, out: list[Block], depth: int, set_off: bool = False) -> None:
    """Blocks of ``el`` in document order: block tags give one block each, loose inline text one per run.
    ``set_off``: ``el`` is inside a ``<blockquote>``."""
    set_off = set_off or el.name == "blockquote"
    if depth > MAX_DEPTH:
        out.append(Block(normalize_space(el.get_text(" ")), set_off=set_off))
        return
    if el.name in BLOCK_TAGS and not el.find(BLOCK_TAGS):
        _emit_leaf(el, out, set_off)
        return
    run: list[str] = []
    for child in el.children:
        if isinstance(child, NavigableString):
            if not isinstance(child, Comment):
                run.append(str(child))
        elif isinstance(child, Tag):
            if child.name == "br":
                run.append(_BR)
            elif child.name in BLOCK_TAGS or child.name in CONTAINER_TAGS or child.find(BLOCK_TAGS):
                _flush_run(run, out, set_off)
                _emit(child, out, depth + 1, set_off)
            else:
                run.append(child.get_text())
    _flush_run(run, out, set_off)


def _flush_run(run: list[str], out: list[Block], set_off: bool = False) -> None:
    if run:
        for part in _split_lines("".join(run)):
            out.append(Block(part, set_off=set_off))
        run.clear()


def _split_lines(text: str) -> list[str]:
    """Lines of a ``<br>`` run: each its own block ("About X" over its text, contact lines), except a
    line that stops mid-sentence before a lower-case one (prose wrapped with ``<br>``)."""
    out: list[str] = []
    for raw in text.replace("\n", " ").split(_BR):
        line = normalize_space(raw)
        if not line:
            continue
        if out and not ends_sentence(out[-1]) and starts_lowercase(line) and not _ADDRESS.match(line):
            out[-1] = f"{out[-1]} {line}"
        elif out and _ADDRESS.fullmatch(line) and len(out[-1]) >= PROSE_CHARS and ends_sentence(out[-1]):
            # The issuer's web address under its About paragraph ("… investments.<br>http://…") ends it;
            # on a line of its own it would pass for a contact line.
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def _emit_leaf(el: Tag, out: list[Block], set_off: bool = False) -> None:
    for br in el.find_all("br"):
        br.replace_with(_BR)
    parts = _split_lines(el.get_text())
    link_chars = sum(len(a.get_text(strip=True)) for a in el.find_all("a"))
    joined = " ".join(parts)
    if joined and link_chars > LINK_DENSITY_MAX * len(joined) and len(joined) < 200 and el.name in ("li", "p", "dd", "td"):
        return
    hint = None
    if el.name in _HEADING_TAGS:
        hint = "heading"
    elif el.name in ("figcaption", "caption"):
        hint = "caption"
    elif el.name == "p" and _all_bold(el) and len(joined) <= 120:
        hint = "heading"  # a bold crosshead
    elif el.name == "li":
        hint = "list"  # a list item is text however short (a list of charges)
    # A paragraph the page names a deck, or sets in italics whole: under the headline, its deck.
    deck = el.name == "p" and len(parts) == 1 and (_DECK_CLASS.search(" ".join(el.get("class") or [])) is not None
                                                   or _all_italic(el))
    out.extend(Block(p, hint=hint, set_off=set_off, emphasised=deck) for p in parts)


# The class a page gives its headline's deck: "deck", "standfirst", "subtitle", "strapline".
_DECK_CLASS = re.compile(r"(?:^|[\s_-])(?:deck|dek|standfirst|subtitle|sub-title|strapline|subhead)(?:$|[\s_-])", re.I)


def _all_italic(el: Tag) -> bool:
    text = el.get_text(strip=True)
    italic = "".join(b.get_text(strip=True) for b in el.find_all(("em", "i"), recursive=False))
    return bool(text) and italic == text


def _all_bold(el: Tag) -> bool:
    text = el.get_text(strip=True)
    bold = "".join(b.get_text(strip=True) for b in el.find_all(("strong", "b"), recursive=False))
    return bool(text) and bold == text


# --- metadata ---------------------------------------------------------------------------------------


def _meta(tree) -> dict[str, str]:
    found: dict[str, str] = {}
    for m in tree.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        content = m.get("content")
        if key and content and key not in found:
            found[key] = _clean_meta(content)
    return found


def _clean_meta(value: str) -> str:
    # Pages often escape twice ("&amp;amp;"): what reaches us is still an entity.
    return normalize_space(html_entities.unescape(value))


def _jsonld(tree) -> dict[str, Any]:
    """The first JSON-LD object that describes an article or release (``@graph`` searched too)."""
    for script in tree.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                types = item.get("@type")
                types = types if isinstance(types, list) else [types]
                if any(isinstance(t, str) and (t.lower() in _JSONLD_TYPES or t.lower().endswith(("article", "posting")))
                       for t in types) and item.get("headline"):
                    return item
                if "@graph" in item:
                    stack.extend(item["@graph"] if isinstance(item["@graph"], list) else [item["@graph"]])
    return {}


def _name_of(value: Any) -> str | None:
    if isinstance(value, str):
        return _clean_meta(value) or None
    if isinstance(value, dict):
        return _name_of(value.get("name"))
    if isinstance(value, list):
        names = [n for n in (_name_of(v) for v in value) if n]
        return ", ".join(names) or None
    return None


def _text_of(el) -> str:
    return normalize_space(" ".join(el.itertext()))


# An element a CMS names for the date it shows ("Template_NewsDate1_lblDate", "post-date", "published").
_DATE_NAME = re.compile(r"date|posted|published|publication|pubtime|timestamp|datum|fecha|meta\b|byline", re.I)
#: Longest text of such an element read for a date (a date, perhaps a time and a label).
DATE_ELEMENT_CHARS = 60
#: Longest text read when it opens with the date, as "November 18, 2019 at 2:26 PM HST - Updated November 18
#: at 4:46 PM" does; a longer line with a date inside is a sentence about something else ("— Jane Roe on
#: Sunday, October 13th, 2019 in an article").
DATE_OPENING_CHARS = 100


def _dated_element(tree) -> tuple[Any, str]:
    """The date shown by a ``<time>`` element or one whose id or class names a date, and the element's text:
    inside the article (``<article>``, ``<main>``) first, as a side box's list of other posts shows their
    dates too; then anywhere, in page order."""
    found = []
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag != "time" and not _DATE_NAME.search(f"{el.get('id') or ''} {el.get('class') or ''}"):
            continue
        if el.tag == "a" or any(a.tag == "a" for a in el.iterancestors()):
            continue  # a link to another post, with that post's date
        text = _text_of(el)
        if text and len(text) <= DATE_OPENING_CHARS:
            dated = find_date(text)
            # At most a label ("Published", "Posted on") before the date of a line longer than a date's.
            date = dated[0] if dated and (len(text) <= DATE_ELEMENT_CHARS or dated[1].start() <= 12) else None
            if date:
                if any(a.tag in ("article", "main") for a in el.iterancestors()):
                    return date, text
                found.append((date, text))
    return found[0] if found else (None, "")


def _labelled_date(tree) -> Any:
    """The date of a label the page shows with it ("EMBARGO: NOT FOR PUBLICATION BEFORE 00:01 ON THURSDAY, 12
    FEBRUARY 2026"), which an extractor may leave out of the text, or of a line saying when the page was
    published in an element no class names a date ("Published 5th Dec 2026 | Category: Club"): the first
    such element's."""
    for row in tree.iter("tr"):
        # A letterhead set as a table's row: "Press Release No. 14/2026 | Multan, April 2, 2026", "PRESS
        # RELEASE | No: 214/2032 | Date: 19th March 2032".
        cells = [_text_of(td) for td in row.iter("td", "th")]
        if 2 <= len(cells) <= HEAD_ROW_CELLS and any(is_label(c) for c in cells) and (dated := next(
                (found for c in cells if (found := date_only_line(c))), None)):
            return dated[1]
    # Elements, not text nodes: a label and its date may stand in two ("<b>Media Release</b> Date: 15.10.2026").
    for el in tree.iter("p", "div", "span", "strong", "b"):
        text = _text_of(el)
        if not text or len(text) > DATE_OPENING_CHARS:
            continue
        labelled = is_label(text)
        if (labelled or _PUBLISHED.match(text)) and (dated := find_date(text)) \
                and (labelled or dated[1].start() <= PUBLISHED_DATE_AT or _PUBLISHED_LEAD.match(text[:dated[1].start()])):
            return dated[0]
        if ("|" in text or " — " in text or "·" in text) and (row := head_row_date(text)):
            return row[1]  # "Khamis, 03 Dis 2026 | Thursday, 03 Dec 2026 10:42 AM | By: Media Unit"
        head, colon, rest = text.partition(":")
        if colon and is_label(head, alone=True) and (dated := date_only_line(rest.strip())):
            return dated[1]  # "FOR IMMEDIATE RELEASE: Thursday, April 16, 2026": a label and the date it gives
        if colon and (field := _DATE_FIELD.search(text)) and (dated := date_only_line(field.group(1).strip())):
            return dated[1]  # "No. PRO/SP/114/2025-26    Date: 12.03.2026": a reference row's date field
    return None


def _date_under_headline(tree) -> Any:
    """The date a line of its own gives right under the page's headline (``<h1>``, then a ``<span>9 March
    2026</span>`` no class names), before the story's first long paragraph."""
    h1 = next((h for h in tree.iter("h1") if _text_of(h)), None)
    if h1 is None:
        return None
    for el in h1.itersiblings():
        if not isinstance(el.tag, str) or el.tag in ("script", "style"):
            continue
        text = _text_of(el)
        if len(text) > DATE_OPENING_CHARS:
            return None  # the story has begun
        if text and (dated := date_only_line(text)):
            return dated[1]
    return None


#: Most cells of a table row read as a letterhead's row.
HEAD_ROW_CELLS = 4
# A date field ending a head row: "… Date: 12.03.2026", "… Issued: 4 May 2026".
_DATE_FIELD = re.compile(r"(?:^|\s)(?:date|dated|issued|released)\s*:\s*([^:|]{6,40})$", re.I)


# A line that says when the page was published: "Published 5th Dec 2026 | Category: Club".
_PUBLISHED = re.compile(r"^(?:published|posted|posted on|released|issued)\b", re.I)
#: Furthest into such a line its date may start.
PUBLISHED_DATE_AT = 16
# Or farther, after a weekday: "Posted on Thursday 14 May 2026 • Calderdale District".
_PUBLISHED_LEAD = re.compile(r"^(?:published|posted|released|issued)(?:\s+on)?\s*:?\s*"
                             r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s*)?$", re.I)


# A date in a page's address, as news sites write the day they published: "/2019/11/19/…", "/story/2019-11-19/".
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](\d\d)[/-](\d\d)(?=[/-]|\.html?|$)")


def _date_in_url(url: str) -> Any:
    m = _URL_DATE.search(url)
    return parse_date("-".join(m.groups())) if m else None


def _page_date(stamped: Any, shown: Any, in_url: Any) -> Any:
    """The page's date as its readers see it. A timestamp in the metadata is often in UTC, a day after the
    local date the page shows (an evening story in America): the date shown, or else the one in the page's
    address, wins when it is within a day of the timestamp, as the same publication seen from another
    time zone. A date shown far from the timestamp may be another post's, and the timestamp stays."""
    local = next((d for d in (shown, in_url) if d is not None and (stamped is None or abs((stamped - d).days) <= 1)),
                 None)
    return local or stamped or shown or in_url


# Words of a site's or an office's name, as a page title's suffix gives it.
_SITE_WORDS = re.compile(r"\b(?:news(?:room)?|press|media|ministry|government|gov|department|office|agency|police|"
                         r"council|university|college|party|foundation|association|institute|commission|court|"
                         r"service|bank|official (?:site|website)|home|blog)\b|\.(?:com|org|net|gov|edu|uk|nz|au|jm)\b",
                         re.I)


_TITLE_PARTS = re.compile(r"\s+[|–—-]\s+")
#: Shortest part of a page title taken for the release's title.
MIN_TITLE_PART = 20
# An element a hand-made page names for its headline, and names that are the site's or a part's.
# (With the names French, Spanish, Portuguese and German pages give it: "titre", "titular", "titulo", "titel".)
_TITLE_CLASS = re.compile(r"(?:^|[\s_-])(?:title|headline|heading|titre|titular|t[ií]tulo|titel)(?:$|[\s_-])", re.I)
_NOT_TITLE_CLASS = re.compile(r"site|sub|sous|logo|brand|nav|menu|widget|sidebar|footer|header|section|card|teaser",
                              re.I)
# An element a CMS names for the release's headline ("blog_teaser_headline", "entry-title").
_HEADLINE_CLASS = re.compile(r"headline|entry-title|post-title|article-title|news-title", re.I)


# A label opening a page's <title> before a colon: "Press Release: …".
_LABEL_FIRST = re.compile(r"^([A-Za-z][A-Za-z ]{2,30}):\s+(?=\S)")


_REFERENCE_PART = re.compile(r"^(?:(?:No|Ref|PR)\.?:?\s*)?[A-Z]{0,6}\s?\d{1,5}(?:[/.-]\d{2,4})+$")


def _heading_part(title: str, tree) -> str:
    """The part of a title made of the site's name and the release's ("Site - Section - Release title") that
    the page's own h1, h2 or headline element repeats; the whole title when none does."""
    parts = _TITLE_PARTS.split(title)
    # A bulletin's number as a part ("214/2032 - Standards in Public Life Bill published") is no title's.
    while len(parts) >= 2 and _REFERENCE_PART.match(parts[0].strip()):
        title, parts = title[title.find(parts[1], len(parts[0])):], parts[1:]
    while len(parts) >= 2 and _REFERENCE_PART.match(parts[-1].strip()):
        title, parts = title[:title.rfind(parts[-1])].rstrip(" |–—-"), parts[:-1]
    if len(parts) < 2:
        return title
    headings = set()
    for el in tree.iter():
        if not isinstance(el.tag, str) or (el.tag not in ("h1", "h2")
                                           and not _HEADLINE_CLASS.search(el.get("class") or "")):
            continue
        text = _text_of(el).casefold()
        if text and len(text) <= 300:
            headings.add(text)
        if len(headings) >= 20:
            break
    best = ""
    for k in range(len(parts)):
        for j in range(len(parts), k, -1):
            if (k, j) == (0, len(parts)):
                continue
            start = title.find(parts[k])
            span = title[start:title.find(parts[j - 1], start) + len(parts[j - 1])]
            # A section's name ("News") that a page also has as a heading is not the release's title.
            if len(span) > max(len(best), MIN_TITLE_PART - 1) and span.casefold() in headings:
                best = span
    return best or title


def _page_title(page_title: str, tree, site_name: str | None) -> str:
    """The release's title from the page's <title>: the site's name after a separator goes ("Title –
    Ministry of Finance"), a title's own dash stays ("Budget 2024 – Building a stronger economy"). The h1
    settles it when the page title starts with it; otherwise only a suffix naming the site (or as short as a
    name: two words at most) is cut."""
    h1 = next(tree.iter("h1"), None)
    heading = _text_of(h1) if h1 is not None else ""
    if heading and len(heading) >= 10 and page_title.casefold().startswith(heading.casefold()):
        return page_title[: len(heading)].strip()
    if " :: " in page_title:
        # "Example Sabha :: News :: Jubilee festival from March 20": the site and section first, a trail; or
        # the label first and the site's short name last ("Press Release :: 24x7 water supply … :: TUWSSB"):
        # the story is the longest part that is no label, section or name of two words.
        parts = [p.strip() for p in page_title.split(" :: ")]
        story = [p for p in parts if not is_label(p) and not _SECTION_TITLE.match(p) and len(p.split()) > 2
                 and not (site_name and site_name.casefold() == p.casefold())]
        page_title = _whole_heading(tree, max(story, key=len) if story else parts[-1])
    m = _TITLE_SITE_SUFFIX.search(page_title)
    if not m:
        return page_title
    suffix = m.group(0).strip(" |–—·:-")
    if (site_name and site_name.casefold() in suffix.casefold()) or _SITE_WORDS.search(suffix) \
            or m.group(0).lstrip()[:1] in "|·" or (len(suffix.split()) <= 2 and len(suffix) <= 25
                                                   and not any(c.isdigit() for c in suffix)):
        return page_title[: m.start()]
    return page_title


def _whole_heading(tree, title: str) -> str:
    """A page heading that opens with ``title`` and says more, as a <title> cut short shows it whole
    ("Jubilee festival from March 20" in the tab, "Jubilee festival from March 20; free entry for students" on
    the page); ``title`` when none does."""
    folded = title.casefold()
    for el in tree.iter("h1", "h2", "h3"):
        text = _text_of(el)
        if text and len(title) < len(text) <= 300 and text.casefold().startswith(folded):
            return text
    return title


_WORD = re.compile(r"[^\W\d_]{4,}")
# A site's section named in a page's <title>: "Press releases", "Newsroom", "Media centre".
_SECTION_TITLE = re.compile(r"^(?:(?:press|media|news)\s+(?:releases?|statements?|centre|center|room)|newsroom|"
                            r"latest news|news and (?:events|media)|media)$", re.I)
#: Most words of a <title> that names the site, section or event rather than the story.
TAB_TITLE_WORDS = 6
#: Share of each headline's longer words that the other must hold for the two to be one story's.
HEADLINE_OVERLAP = 0.3


# Words of four letters or more that say nothing of a story.
_SMALL_WORDS = frozenset("that this what with from were have their your will they them about into more".split())


def _shown_headline(tree, title: str | None, page_title: str = "", tab_only: bool = False) -> str | None:
    """The headline the page shows (its article's h1, else its first), when the metadata gives the same story
    another title (a headline written for search and social cards: "Delhi air pollution: The law that's …"),
    or when the page's own <title> opens with it. With ``tab_only`` (no metadata named a headline: ``title``
    is the <title>'s), a page's one heading that says more than the <title>'s few words is the headline
    ("Osu Lights Festival returns with 120 artists …" under "Osu Lights Festival 2026", the event's name)."""
    if not title:
        return None
    def in_article(h) -> bool:
        return any(a.tag in ("article", "main") for a in h.iterancestors())

    # The site's header and navigation hold its name; an article's own <header> holds its headline.
    h1s = [h for h in tree.iter("h1") if in_article(h) or not any(
        a.tag in ("header", "nav") or a.get("role") == "banner" for a in h.iterancestors())]
    h1 = next((h for h in h1s if in_article(h)), None)
    if h1 is None and len(h1s) == 1 and not any(True for _ in h1s[0].iter("a")):
        h1 = h1s[0]  # the page's one heading of that rank, and not a link home (a logo)
    if h1 is None and not h1s:
        # A hand-made page with no heading element names its headline by class ("<div class="title">"), or sets
        # it as the first h2 above the text (under a short tab: "PSTB 3Q28 results").
        h1 = _classed_title(tree)
        if h1 is None and tab_only:
            # (The <title> whole: its part taken for the site's name may be the story's, "SLTWU - Strike suspended".)
            h2 = _first_h2_headline(tree, f"{title} {page_title}")
            # (A longer <title> gives way to a heading longer still: the tab's short form of the headline.)
            if h2 is not None and (len(title.split()) <= TAB_TITLE_WORDS or len(_text_of(h2)) > len(title)):
                h1 = h2
    # A date or time set in the heading ("11 November 2011 08:37" over the headline) is no part of it.
    parts = [" ".join(t.split()) for t in (h1.itertext() if h1 is not None else ())]
    shown = " ".join(t for t in parts if t and not (len(t) <= 40 and parse_date(t)))
    if not 10 <= len(shown) <= 300 or title.casefold() == shown.casefold():
        return None
    if len(shown.split()) >= 4 and " ".join(page_title.split()).casefold().startswith(shown.casefold()):
        return shown  # "Headline - BBC News": the browser's title and the page agree, the social card differs
    # The page's one heading: its one h1, or with none the element its class names the title.
    only = (len(h1s) == 1 and h1 is h1s[0]) or (not h1s and h1 is not None)
    if tab_only and only and len(shown.split()) >= 5 and len(shown) > len(title) and (
            len(title.split()) <= TAB_TITLE_WORDS
            # (A longer tab: the heading tells the same story at more length, "24x7 water supply pilot for 18
            # wards" in the tab, "Round-the-clock drinking water for 18 wards from 15 April" on the page.)
            or len(({w.casefold() for w in _WORD.findall(shown)} & {w.casefold() for w in _WORD.findall(title)})
                   - _SMALL_WORDS) >= 2):
        return shown
    if tab_only and h1 is not None and in_article(h1) and _HEADLINE_CLASS.search(h1.get("class") or ""):
        # The article's heading its CMS marks as the entry's title ("entry-title") over a <title> naming
        # the site ("Example Provincial Government – Official Website | News").
        return shown
    headed = [h for h in h1s if in_article(h) and any(a.tag == "header" for a in h.iterancestors())
              and not any(a.tag in ("aside", "nav", "footer") for a in h.iterancestors())]
    if headed == [h1] and len(shown.split()) >= 4:
        # The heading of the one article's own <header> (a page of several stories has several), when it
        # names what the page's titles name ("The Disappearance of John M. Ford" under "John M. Ford’s books
        # …"), not a featured story's.
        named = {w.casefold() for w in _WORD.findall(f"{title} {page_title}")} - _SMALL_WORDS
        if len({w.casefold() for w in _WORD.findall(shown)} & named) >= 2:
            return shown
    words = {w.casefold() for w in _WORD.findall(shown)}
    titled = {w.casefold() for w in _WORD.findall(title)}
    shared = words & titled
    # Enough of each one's words in the other: one story's two headlines, not a site's name and a story.
    return shown if len(words) >= 3 and len(shared) >= max(2, HEADLINE_OVERLAP * len(words),
                                                           HEADLINE_OVERLAP * len(titled)) else None


def _in_chrome(el) -> bool:
    """Whether an element stands in the page's chrome: a header, navigation, footer or a box whose class or id
    names chrome (a cookie banner), the content box excepted."""
    for a in el.iterancestors():
        if a.tag in ("header", "nav", "footer", "aside"):
            return True
        names = f"{a.get('class') or ''} {a.get('id') or ''}"
        if names.strip() and _CHROME.search(names) and not _CONTENT.search(names):
            return True
    return False


def _first_h2_headline(tree, tab: str):
    """A page's first h2 before its text, when it reads as a headline that shares a word with the tab's title."""
    shared = {w.casefold() for w in _WORD.findall(tab)} - _SMALL_WORDS
    for el in tree.iter("h2", "p"):
        text = _text_of(el)
        if el.tag == "p" and len(text.split()) >= _BODY_WORDS and not _in_chrome(el):
            return None  # (a cookie banner's or the masthead's words are no text)
        if el.tag == "h2" and len(text.split()) >= 5 and not is_label(text) and not names_issuer([text]) \
                and shared & {w.casefold() for w in _WORD.findall(text)}:
            return el
    return None


def _title_classed(el) -> bool:
    names = f"{el.get('class') or ''} {el.get('id') or ''}"
    return bool(_TITLE_CLASS.search(names)) and not _NOT_TITLE_CLASS.search(names)


def _classed_title(tree):
    """The element a hand-made page names its headline by class (``<p class="title">``), if any."""
    return next((el for el in tree.iter() if isinstance(el.tag, str) and el.tag in ("div", "p", "span", "strong", "h2")
                 and _title_classed(el)), None)


#: Words of a paragraph long enough to be the release's text rather than a letterhead line.
_BODY_WORDS = 15


def _headline_after(masthead):
    """The headline under a masthead heading: the first h2/h3, or element its class names the title, after it
    and before the first paragraph of text; None when the text comes first."""
    for el in masthead.xpath("following::*"):
        text = _text_of(el)
        if el.tag in ("h2", "h3") or (el.tag in ("div", "p", "span", "strong") and _title_classed(el)):
            if len(text.split()) >= 4 and not is_label(text) and not names_issuer([text]):
                return el
        elif el.tag == "p" and len(text.split()) >= _BODY_WORDS and not ends_sentence(text) \
                and (is_address(text) or holds_phone(text) or find_email(text)):
            continue  # the letterhead's address and contacts: "3rd Floor, … – Tel: … – Email: …"
        elif el.tag == "p" and len(text.split()) >= _BODY_WORDS:
            return None
    return None


def _microdata_headline(tree) -> str | None:
    """The headline a page shows and marks with schema.org microdata (``itemprop="headline"``), as JSON-LD's;
    not a <meta> one, which is often the <title>'s, the site's name after it."""
    el = next((el for el in tree.iterfind(".//*[@itemprop='headline']") if el.tag != "meta"), None)
    if el is None:
        return None
    text = _text_of(el)
    return text if text and len(text) <= 300 else None


def _read_metadata(tree, draft: Draft) -> None:
    """Title, URL, date, publisher, author and language from an lxml tree of the page."""
    meta = _meta(tree)
    ld = _jsonld(tree)
    title_el = next(tree.iter("title"), None)
    page_title = _text_of(title_el) if title_el is not None else ""
    canonical = next((link.get("href") for link in tree.iter("link")
                      if "canonical" in (link.get("rel") or "").lower().split() and link.get("href")), None)
    title = _name_of(ld.get("headline")) or _microdata_headline(tree) or meta.get("og:title") or meta.get("twitter:title") or meta.get("dc.title")
    tab_only = not title and bool(page_title)  # the title, if any, is the <title>'s
    if not title and page_title and (lab := _LABEL_FIRST.match(page_title)) and is_label(lab.group(1), alone=True):
        page_title = page_title[lab.end():]  # "Press Release: 24x7 water supply launched … | Directorate …"
    if not title and page_title and not issuer_and_label(page_title):
        # (A <title> of the issuer's name and the document's label, "Example Trust - Media Statement", names
        # no story: the page's heading does.)
        title = _heading_part(page_title, tree)
        if title == page_title:
            title = _page_title(page_title, tree, meta.get("og:site_name") or meta.get("application-name"))
        # (The page's heading may say more than its tab: "…; 2.1 Lakh Residents to Benefit".)
        title = _whole_heading(tree, title) if title else title
    if tab_only and title and names_issuer([title]):
        title = None  # "Example Cancer Care Hospital - Media": the issuer's name, no story; the heading names it
    if title and (is_label(title) or _SECTION_TITLE.match(title)):
        # "Press Release | Example Trust", "Press releases | Example Council": the kind of document or the
        # site's section, no headline.
        title = None
    if not title:
        h1 = next(tree.iter("h1"), None)
        if h1 is not None and issuer_and_label(_text_of(h1)):
            h1 = None  # a masthead: "Temburong Blue Prawn Sdn Bhd — Media Release" over the headline's h2
        # (Or its first line names it, the name in another language under a <br>: "Commission for Equal
        # Treatment …" / "Commission pour l'égalité …".)
        if h1 is not None and (names_issuer([_text_of(h1)]) or names_issuer([" ".join((h1.text or "").split())])):
            # A letterhead set as the page's h1 ("Ministry of Example Affairs"), when a headline follows it
            # before the text: the next heading, or the element its class names the title.
            after = _headline_after(h1)
            h1 = h1 if after is None else after
        if h1 is None:
            # A hand-made page with no heading element names its headline by class (<p class="title">),
            # under a letterhead line (<p class="org">).
            h1 = _classed_title(tree)
        if h1 is None:
            # No h1: the article's first heading of the next rank, when it reads as a headline.
            # A fragment of a page (no <body>) is its own scope.
            scopes = [el for scope in ("article", "main", "body") for el in tree.iter(scope)] or [tree]
            h1 = next((h for el in scopes for h in el.iter("h2")
                       if len(_text_of(h).split()) >= 4 and not is_label(_text_of(h))), None)
        title = _text_of(h1) if h1 is not None else None
    if title:
        title = _heading_part(title, tree)
    if title and " | " in title:
        # "Release title | News | European Parliament": the site's name parts are the short ones.
        title = max(title.split(" | "), key=len)
    draft.title = _shown_headline(tree, title, page_title, tab_only) or title or None
    draft.url = (_name_of(ld.get("url")) if isinstance(ld.get("url"), str) else None) or canonical \
        or meta.get("og:url")
    stamped = None  # the date of the page's publication timestamp, often in UTC
    if ld.get("datePublished"):
        stamped = parse_date(str(ld["datePublished"]))
    if stamped is None:
        for key in ("article:published_time", "og:published_time", "article:published", "date", "pubdate", "dc.date",
                    "dc.date.issued", "dcterms.created", "publish-date", "sailthru.date", "parsely-pub-date", "datepublished",
                    "article.published"):
            if meta.get(key):
                stamped = parse_date(meta[key])
                if stamped:
                    break
    if stamped is None:
        t = next((t for t in tree.iter("time") if t.get("datetime")), None)
        if t is not None:
            stamped = parse_date(t.get("datetime"))
    shown, shown_text = _dated_element(tree)
    draft.date = _page_date(stamped, shown, _date_in_url(draft.url or canonical or "")) or _labelled_date(tree)
    if draft.date is None:
        draft.date_hint = _date_under_headline(tree)
    placed = date_only_line(shown_text) if shown_text else None
    if placed and placed[0] and "\n" not in placed[0] and may_be_place(placed[0].split(",")[0].strip(" .")) \
            and not any(w.lower().strip(".") in MONTHS for w in placed[0].split()):
        # "Kolkata, 24 November 2026": the dateline's place (a byline, "Chris Davies, 12 March", is none).
        draft.place_hint = draft.place_hint or placed[0]
    draft.source = _name_of(ld.get("publisher")) or meta.get("og:site_name") or meta.get("application-name")
    draft.author = _name_of(ld.get("author")) or meta.get("author") or meta.get("article:author")
    if draft.author and draft.author.startswith("http"):
        draft.author = None
    lang = meta.get("language") or meta.get("og:locale") or _name_of(ld.get("inLanguage"))
    if lang:
        draft.language = lang.replace("_", "-").split("-")[0].lower()[:8] or None
