"""Text exports: markdown-ish page exports (the seed), blank-line paragraphs, and one block per line."""

from __future__ import annotations

import re

from searchidx.attribution.lexicons import ORGANISATION_WORDS, is_lowercase_word
from searchidx.load.cleaning import (
    DANGLING_WORD,
    clean_line,
    ends_sentence,
    is_layout_only,
    is_lone_quote,
    is_page_furniture,
    is_signed_quote,
    join_wrapped,
    starts_lowercase,
)
from searchidx.load.dates import find_date
from searchidx.load.draft import Block, Draft
from searchidx.load.headline import in_menu
from searchidx.load.metadata import (
    date_only_line,
    find_email,
    find_phone,
    head_date,
    headline_below,
    headline_under_label,
    is_address,
    is_boilerplate,
    is_byline,
    is_end_mark,
    is_extension,
    is_head_cell,
    is_issuer_word,
    is_label,
    is_office_line,
    is_reference,
    issuer_and_label,
    letterhead_block,
    named_whole,
    names_issuer,
    parse_dateline,
    reads_as_letterhead,
    stems,
)
from searchidx.load.structure import opens_back_matter
from searchidx.model import Contact

_BLANK_RUN = re.compile(r"\n[ \t]*\n")
# A date line that says it is one: "Date: June 26, 2024", "Fecha: 26 de junio de 2024".
_DATE_LABEL = re.compile(r"^(?:date|dated|fecha|datum|release date)\s*:\s*", re.I)
# Page chrome that page-to-text exports keep as lines of their own (menus, labels, share links).
_CHROME_LINE = re.compile(
    r"^(?:home|get help|report a crime|contact us|seal your conviction|skip to (?:main )?content|scroll to top|"
    r"follow us|search(?: for)?|press(?: releases?| room)?|news(?:room)?|media|menu|[–—\-|]|\d+ min read|author|"
    r"published|for immediate release|click here to access pdf version|read more|share|print|email|tweet|"
    r"en español|back to top|previous(?: post)?|next(?: post)?|admin|news releases?|search this site|"
    r"subscribe|sign up|translate|select language|tags?:?.*|categor(?:y|ies):?.*|posted in.*|"
    r"case ?# ?[\w\-]+|date:|you are here|connect|image|"
    # The same chrome on the offices' Spanish pages.
    r"para publicaci[oó]n inmediata|comunicado de prensa|aviso a los medios|inicio|buscar|compartir|imprimir|"
    r"saltar al contenido|ir al contenido|leer m[aá]s|s[ií]guenos|volver arriba|noticias|publicado|autor|"
    r"caso ?# ?[\w\-]+(?:\s*(?:y|,)\s*[\w\-]+)*|fecha:?|english)\s*(?::|\.\.\.|…)?$",  # (a search box: "Search …")
    re.I,
)
# The lines a site's menu opens with, when a page is copied whole.
_MENU_LINE = re.compile(r"^(?:skip to (?:the )?(?:main )?content|skip navigation|(?:main |open |close )?menu|"
                        r"toggle navigation|navigation|search|home)$", re.I)
# "Title | Site", "Title - Site": a page's own title, not the site's name.
_TITLE_SEPARATOR = re.compile(r"\s[|\-–—•·]\s")
# Everything from here down is the site's footer: lists of other posts.
_FOOTER_LINE = re.compile(r"^(?:related|related posts|latest posts|latest news|recent posts|related news|more news|recent news|"
                          r"you may also like|other news|links|quick links|view all|"
                          r"(?:was|is) this (?:page|article|information) (?:helpful|useful)\??)\s*:?$", re.I)
# "Title | Cook County State's Attorney", "Title - Orange County District Attorney": the site's name.
_SITE_SUFFIX = re.compile(r"\s+[|\-–—•·]\s+(?:The\s+|Office of\s+)?[^|–—•·]*?(?:Attorney|Prosecutor|Office|County|"
                          r"Department|Government|District|NewsCenter|Newsroom)\b[^|–—•·]*$")
_TIMESTAMP_LINE = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+\-]\d{2}:?\d{2})?$")
# A line that is only the address of an image: the page's pictures and logos, exported as text.
_IMAGE_URL_LINE = re.compile(r"^(?:\[[^\]]{1,20}\]\s*)?https?://\S+\.(?:jpe?g|png|gif|webp|svg|bmp|tiff?)(?:\?\S*)?$", re.I)
_PHONE_LABELS = r"office|cell|phone|tel|telephone|mobile|fax|direct|oficina|celular|cel|celda|tel[eé]fono|m[oó]vil"
_PHONE_LINE = re.compile(rf"^(?:(?:{_PHONE_LABELS})\s*:?\s*)?\(?\+?\d[\d\s().\-]{{8,}}\d"
                         rf"(?:\s*\((?:{_PHONE_LABELS})\))?$", re.I)
# "Contact:" or "Contacto:" alone, as some pages repeat it over each person.
_CONTACT_LABEL_LINE = re.compile(r"^(?:media )?contact(?:s|o|os)?\s*:$", re.I)
# "Office:" or "Celular:" alone, its number on the next line.
_PHONE_LABEL_LINE = re.compile(rf"^(?:{_PHONE_LABELS})\s*:$", re.I)
_EMAIL_LABEL_LINE = re.compile(r"^(?:e-?mail|correo(?: electr[oó]nico)?)\s*:$", re.I)
# "Harris County - District Attorney's Office > Newsroom > News Releases": a breadcrumb trail.
_BREADCRUMB = re.compile(r"^[^>»›]{1,80}(?:\s[>»›]\s[^>»›]{1,80}){2,}$")
_CONTACT_START = re.compile(r"^(?P<before>.*?)\bcontact(?:s|o|os)?\s*:\s*(?P<rest>.*)$", re.I)
# The words of a contact's label before "contact:" ("Media contact:", "For more information, contact:").
_CONTACT_LABEL_WORDS = re.compile(r"^(?:media|press|news|for (?:media|press)(?: enquiries| inquiries)?|"
                                  r"for (?:more|further) information(?:,? please)?|please)$", re.I)
_PHONE_IN = re.compile(r"\(?\d{3}\)?[\s.\-]\d{3}[\s.\-]\d{4}")
_RELEASE_LABEL = re.compile(r"^(?:for immediate release|media advisory|news release|press release|"
                            r"para publicaci[oó]n inmediata|comunicado de prensa)\s*[:\-–—]\s*", re.I)
#: How far below a name or job line the next phone, e-mail or label line may be for it to be a contact line
#: (two people's names and titles may stand over their "Office:" and "Cell:" lines).
CONTACT_LOOKAHEAD = 6
#: Lines at the top of a text export that may hold the date and the media contacts.
HEADER_LINES = 30
#: Share of lines near the longest length for an export to count as hard-wrapped (PDF text).
WRAP_SHARE = 0.3


def parse_text(text: str, path: str, release_id: str, title: str | None = None) -> Draft:
    """Blocks and what metadata the text shows; ``title``, when the file's front matter gave it, is not
    looked for in the text (its first line is then text like any other, unless it repeats the title)."""
    draft = Draft(path=path, id=release_id, format="text", title=title)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "<" in text:
        text = strip_inline_html(text)
    lines = _drop_running_heads(text.split("\n"))
    if title is None:
        draft.head_lines = tuple(lines[:HEAD_CHECK_LINES])
    nonblank = sum(1 for ln in lines if ln.strip())
    # Blank lines between blocks count; the newline that ends the file is none (a short export of ten lines
    # would otherwise read as one paragraph).
    blank = len(text.strip().split("\n")) - nonblank
    if (nonblank > 8 and blank < nonblank / 10) or (blank == 0 and nonblank >= 3) or _page_head(lines):
        # One block per line, no blank lines (page and PDF text exports, and a release typed in an editor
        # with one paragraph a line: title, "FOR IMMEDIATE RELEASE", date line, paragraphs).
        draft.format = "text-lines"
        draft.blocks = [_line_block(t) for t in parse_lines(draft, lines)]
        return draft
    draft.blocks = []
    seen_prose = False
    bullets = 0  # lone bullet marks waiting for their items (a PDF export sets them apart: "•" / "•" / …)
    for block in _blocks(lines):
        if block.hint == "bullet":
            bullets += 1
            continue
        if seen_prose and _footer_block(block):
            break  # "Latest News" under the release: the site's list of other posts
        if bullets and block.hint is None:
            block.hint = "list"
            bullets -= 1
        if not seen_prose and len(block.lines) > 1 and block.hint is None and not letterhead_block(block.lines):
            # The first block, or the first under letterhead, may be a headline over its deck.
            first = title is None and all(reads_as_letterhead(b.lines or (b.text,)) or date_only_line(b.text)
                                          for b in draft.blocks)
            parts = _split_head_block(block, first=first)
            draft.blocks.extend(parts)
            seen_prose = any(_is_prose(b.text) for b in parts)
            continue
        seen_prose = seen_prose or _is_prose(block.text)
        draft.blocks.append(block)
    return draft


#: Lines of a text export the headline check may read (`searchidx.load.headline`).
HEAD_CHECK_LINES = 160


def _drop_running_heads(lines: list[str]) -> list[str]:
    """A PDF export's lines without the running head that opens each later page, under the last page's
    footer ("Page 1 of 2" / "IVIT Press Release No. 118      24-09-2026"): it would cut the paragraph
    the page break split, and is no text."""
    out: list[str] = []
    heads = 0  # running-head lines still allowed under the footer just read
    prose = False  # whether a sentence has been read: above the first, a page's number is in the head
    for line in lines:
        if not line.strip():
            out.append(line)
        elif is_page_furniture(line):
            heads = RUNNING_HEAD_LINES
            if not prose:
                out.append(line)  # "Tel: …      Ref: …      Page 1 of 2" in the letterhead: no footer over it
                continue
            # A footer set off by a rule over the page's number ("____" / "Example Ltd | 1 High St" / "Page
            # 1 of 2"): the lines under the rule are the footer's, whatever they say.
            top = len(out)
            while top > 0 and out[top - 1].strip() and len(out) - top < FOOTER_LINES:
                top -= 1
            rule = next((k for k in range(top, len(out)) if _RULE.match(out[k])), None)
            if rule is not None:
                del out[rule:]
            elif top < len(out) and is_address(out[-1]) and not ends_sentence(out[-1]):
                del out[-1]  # the issuer's address line right over the page's number: the footer's too
            out.append(line)
        elif heads and (_running_head(line.lstrip("\f")) or is_label(line.lstrip("\f").strip())):
            heads -= 1  # (the document's label over the next page: "Media release (continued)")
        else:
            heads = 0
            prose = prose or ends_sentence(line)
            out.append(line)
    return out


# A rule drawn with a character repeated: "________", "--------", "========".
_RULE = re.compile(r"^\s*(?:_{8,}|-{8,}|={8,})\s*$")
#: Most lines of a page's footer over its number; most lines of a page's running head.
FOOTER_LINES = 5
RUNNING_HEAD_LINES = 3


def _running_head(line: str) -> bool:
    """A page's head row: short, no sentence, with a date or cells set far apart, its words capitalised or
    figures ("DPP Western Cape - Media Statement - 03/11/2026")."""
    row = line.strip()
    if len(row) > RUNNING_HEAD_CHARS or ends_sentence(row):
        return False
    gap, dated = _WIDE_GAP.search(row), find_date(row)
    if not (gap or dated or _CODE_IN_ROW.search(row)):
        return False
    if gap and dated:
        return True  # the release's short title and its date set apart: "Example water project      18/03/2026"
    words = [w for w in row.split() if w[:1].isalnum()]
    return bool(words) and sum(w[:1].isupper() or w[:1].isdigit() for w in words) >= 0.8 * len(words)


# A file code in a row: "Example County – Press Statement CGM/WI/PR/2026/014".
_CODE_IN_ROW = re.compile(r"\b[A-Z][A-Z0-9]*(?:/[A-Z0-9][A-Z0-9.\-]*){2,}\b")


#: Longest line read as a page's running head.
RUNNING_HEAD_CHARS = 120


def _menu_run(lines: list[str]) -> bool:
    """Whether ``lines`` are a site's menu entries, one a line, under its name ("Product" / "For Farmers" /
    "Company" / "Newsroom"): each a few words in capitals and small letters, no figure, label or sentence.
    A letterhead's lines hold an address, a telephone number or a label."""
    return len(lines) >= MENU_RUN_LINES and all(_menu_line(line) for line in lines)


def _menu_line(line: str) -> bool:
    return len(line.split()) <= MENU_ENTRY_WORDS and line[:1].isupper() and not any(c.isdigit() for c in line) \
        and not ends_sentence(line) and not is_label(line) and not line.isupper()


#: Menu lines that tell a copied page's head under its site's name; most words of one of its entries.
MENU_RUN_LINES = 4
MENU_ENTRY_WORDS = 3


def _page_head(lines: list[str]) -> bool:
    """Whether the text opens with a page's head copied one line an entry (site name, menu, cookie notice,
    breadcrumb, headline, date line) with the lead typed on one long line below it, in the head's block or
    after a blank line: a page copied whole, whose paragraphs are lines too, not a wrapped block of
    letterhead."""
    head: list[str] = []
    end = len(lines)
    for n, line in enumerate(lines):
        if line.strip():
            head.append(line.strip())
        elif head:
            end = n
            break
    if len(head) < PAGE_HEAD_LINES or sum(len(line.split()) <= MENU_WORDS for line in head) < len(head) / 2:
        return False
    if any(len(line) >= UNWRAPPED_CHARS and ends_sentence(line) for line in head):
        return True
    # The head alone in its block, the lead one long line of its own after a blank line.
    after = next((line.strip() for line in lines[end:] if line.strip()), "")
    return len(after) >= UNWRAPPED_CHARS and ends_sentence(after)


#: Lines a copied page's head has at least before its lead (site name, menu entries, headline, date).
PAGE_HEAD_LINES = 8
#: A line at least this long was never wrapped: one paragraph a line.
UNWRAPPED_CHARS = 150
#: Most words of a menu entry.
MENU_WORDS = 4


def _footer_block(block: Block) -> bool:
    """A block that opens the site's list of other posts ("Latest News"), perhaps under share buttons typed
    over it ("Share this:" / "Facebook" / "Like this:" / "Related" / …)."""
    for line in block.lines or (block.text,):
        if _FOOTER_LINE.match(line):
            return True
        if not (is_boilerplate(line) or len(line.split()) <= 2):
            return False
    return False


def _split_head_block(block: Block, first: bool) -> list[Block]:
    """A block above the release's first sentence typed without blank lines inside: at a date line with lines
    under it, the lines above, the date line and the lines below are blocks of their own ("Title" / "Thursday, 5th March
    2026" / the lead). The file's first block (``first``: or the first under its letterhead) of two lines that
    are no sentence, the second opening with a capital, is a headline over its deck ("Trust opens community
    hub" / "New space includes café and library") when the headline is written in sentence case (or in
    capitals over a deck in small letters) and ends on a word that can end it."""
    lines = list(block.lines)
    for k in range(1, len(lines)):
        # Only with lines below it: a block ending on its date line is the pipeline's to read (a headline over
        # its date, or letterhead over a date with the headline still to come).
        if k < len(lines) - 1 and len(lines[k]) < 80 and date_only_line(lines[k]):
            head, dated, rest = lines[:k], lines[k], lines[k + 1:]
            if len(head) >= 2 and parse_dateline(f"{head[-1]} {dated}"):
                dated = f"{head.pop()} {dated}"  # "SPRINGFIELD, Ill." / "May 2, 2026": the dateline's place
            out = [Block(join_wrapped(head), gap=block.gap, lines=tuple(head) if len(head) > 1 else ()),
                   Block(dated, gap=0)]
            if rest:
                out.append(Block(join_wrapped(rest), gap=0, lines=tuple(rest) if len(rest) > 1 else ()))
            return out
    if first and len(lines) == 2 and not any(ends_sentence(x) for x in lines) and lines[1][:1].isupper() \
            and len(lines[1].split()) >= DECK_WORDS \
            and not DANGLING_WORD.search(lines[0]) and len(words := lines[0].split()) >= 3 \
            and (sum(w[:1].islower() for w in words[1:]) >= len(words[1:]) / 2 or _capitals_over_deck(lines)):
        return [Block(lines[0], gap=block.gap), Block(lines[1], gap=0)]
    return [block]


#: Fewest words of a deck under its headline (a wrapped line's end, "Nova Scotia", has fewer).
DECK_WORDS = 4


def _capitals_over_deck(lines: list[str]) -> bool:
    """A headline in capitals over a deck in small letters ("PORT WORKERS ISSUE 14-DAY ULTIMATUM" / "Union
    says members will withdraw services"): the change of case parts them."""
    deck = lines[1].split()
    return lines[0].isupper() and sum(w[:1].islower() for w in deck) * 2 >= len(deck)


# Markdown keeps the HTML it could not convert: scripts and styles go whole, other tags leave their text.
_HTML_DROP = re.compile(r"<(script|style|svg|noscript|template)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_HTML_TAG_IN_TEXT = re.compile(
    r"</?(?:a|abbr|b|br|center|div|em|figcaption|figure|font|h[1-6]|hr|i|iframe|img|li|ol|p|picture|source|span|"
    r"strong|sub|sup|table|tbody|td|th|thead|tr|u|ul|video|blockquote|section|article|cite|small)\b[^<>]*>",
    re.I,
)
# A list item's marker: "- ", "* ", "+ ", "• " (and a PDF's Symbol-font bullet), "1. ", "2) ".
_BULLET = re.compile(r"^[ \t]{0,4}(?:[-*+•\uf0b7▪·]|\d{1,2}[.)])[ \t]+(?=\S)")


_LINK_ONLY = re.compile(r"^\s*\[[^\]]+\]\([^)]*\)\s*$")
_STAR_BREAK = re.compile(r"^\s*(?:\*\s*){3,}$")
_LONE_BULLETS = frozenset("•\uf0b7▪·▪–-*")


def strip_inline_html(text: str) -> str:
    """HTML tags left in a text or Markdown export go; the text between them stays."""
    text = _HTML_DROP.sub(" ", text)
    return _HTML_TAG_IN_TEXT.sub(" ", text)


def _line_block(line: str) -> Block:
    """A line of a one-block-per-line export; a bulleted line is a list item (a charge, a figure), kept
    as text even when it is short."""
    m = _BULLET.match(line) if line[:1] in "-*+•\uf0b7▪·" else None
    if m and not is_layout_only(line):
        return Block(_unmark(line, m), hint="list")
    return Block(line)


def _unmark(line: str, m: re.Match[str]) -> str:
    """A list item's text: Markdown's marks ("- ", "* ", "+ ") are syntax and go; a typographic bullet or a
    number is part of the text as the page shows it, and stays."""
    return line[m.end():] if m.group(0).strip() in ("-", "*", "+") else line.strip()


def _blocks(lines: list[str]):
    """Blank-line separated blocks; a block's lines are joined, except a name line heading a quote."""
    gap = 0
    current: list[str] = []
    current_gap = 0
    for raw in lines + [""]:
        if raw.strip():
            if not current:
                current_gap = gap
            current.append(raw)
            gap = 0
            continue
        if current:
            for k, part in enumerate(_indented_paragraphs(current)):
                yield from _block_from_lines(part, current_gap if k == 0 else 0)
            current = []
        gap += 1


# A paragraph's first line set in by a few spaces, as PDF exports with no space between paragraphs keep it.
_PARAGRAPH_INDENT = re.compile(r"^(?: {2,8}|\t)(?=\S)")
#: Shortest flush line of wrapped prose that tells indented first lines from a block set in whole.
INDENT_PROSE_CHARS = 50


def _indented_paragraphs(lines: list[str]) -> list[list[str]]:
    """A block's lines cut into paragraphs where a line set in by a few spaces follows a sentence's end, when
    other lines of the block are wrapped prose flush to the margin (PDF text with no blank line between
    paragraphs, each opening indented)."""
    indented = sum(1 for ln in lines if _PARAGRAPH_INDENT.match(ln))
    # (Most lines set in are a list item's or a quotation's wrapped lines, not paragraphs' first lines.)
    if len(lines) < 3 or indented * 2 >= len(lines) or not any(
            len(ln.strip()) >= INDENT_PROSE_CHARS and not ln[:1].isspace() for ln in lines):
        return [lines]
    parts: list[list[str]] = [[lines[0]]]
    for prev, line in zip(lines, lines[1:]):
        if _PARAGRAPH_INDENT.match(line) and ends_sentence(prev.rstrip()):
            parts.append([line])
        else:
            parts[-1].append(line)
    return parts


# Cells of one row of a PDF's head, set apart by a run of spaces: "No. MDA/PR/2026/014      Dated: 21.01.2026".
_WIDE_GAP = re.compile(r"(?<=\S)[ \t]{4,}(?=\S)")


def _row_cells(line: str) -> list[str]:
    """A row of a PDF export's head holding cells far apart, a date or a label among them, the others
    references, contacts or letterhead, or a reference beside a note: its cells, each a line of its own
    (joined, the row reads as neither a date line nor a reference). ``[line]`` for any other line."""
    row = line.strip()
    if "    " not in row and "\t" not in row:
        return [line]
    cells = _WIDE_GAP.split(row)
    cleaned = [clean_line(c) for c in cells]
    if len(cells) < 2 or not any(date_only_line(c) or is_label(c) or is_reference(c) for c in cleaned):
        return [line]
    # Beside a reference, the other column may be a note running on below ("All communications should" /
    # "be addressed to the Hospital Director"); beside a date or label, only head cells.
    if all(is_head_cell(c) for c in cleaned) or (
            any(is_reference(c) for c in cleaned) and not any(ends_sentence(c) for c in cleaned)) or (
            # "NEWS RELEASE      Coastal Fisheries and Aquaculture      March 16, 2026": the issuer between.
            any(is_label(c) for c in cleaned) and any(date_only_line(c) for c in cleaned)
            and all(is_head_cell(c) or is_office_line(c) for c in cleaned)):
        return cells
    return [line]


# A bold "About X" heading with its text on the same line, nothing between them.
_RUN_IN_ABOUT = re.compile(r"^(?:\*\*|__)(About\s[^*_:.]{1,80}?)(?:\*\*|__)\s+([A-Z].*)$")


def _block_from_lines(lines: list[str], gap: int):
    # A page's number goes before list items are read: "- 12 -" is no list item "12 -".
    lines = [ln for ln in lines if not is_page_furniture(ln)]
    if len(lines) > 1 and any("   " in ln.strip() for ln in lines) and letterhead_block(lines):
        # A PDF's letterhead whose rows set names, labels, addresses and references far apart: a cell a line.
        lines = [cell for ln in lines for cell in _WIDE_GAP.split(ln.strip())]
    else:
        lines = [cell for ln in lines for cell in _row_cells(ln)]
    if not lines:
        return
    items = _list_items(lines)
    if items:
        for item in items:
            text = " ".join(c for c in (clean_line(ln) for ln in item) if c)
            if text:
                # An item that is one link only ("[Sponsor us](…)") is a menu entry, not text to keep.
                link_only = len(item) == 1 and _LINK_ONLY.match(item[0])
                yield Block(text, hint=None if link_only else "list", gap=gap)
                gap = 0
        return
    if len(lines) == 1 and is_end_mark(lines[0]):
        yield Block(lines[0].strip(), gap=gap)  # "###", "-30-": the release's end, which layout would drop
        return
    if lines[0][:8] in ("**About ", "__About ") and (run_in := _RUN_IN_ABOUT.match(lines[0].strip())):
        # "**About Example** Example Ltd was founded …": the About section's heading run into its text, set
        # apart as "About Example — …" sets it.
        lines = [f"{run_in.group(1)} — {run_in.group(2)}"] + lines[1:]
    # A wholly emphasised first line over more lines is the heading of what follows ("**About Example**"), as
    # is a back matter heading typed over its text ("Notes to editors" / "Example Ltd was founded …").
    if len(lines) > 1 and (((m := _EMPHASISED_LINE.match(lines[0].strip())) and not ends_sentence(m.group(1))
                            and not _EMPHASISED_LINE.match(lines[1].strip()))  # not a bold paragraph's lines
                           or opens_back_matter(clean_line(lines[0]))):
        yield Block(clean_line(lines[0]), hint="heading", gap=gap)
        lines, gap = lines[1:], 0
    if len(lines) == 2 and _MD_IMAGE_LINE.match(lines[0].strip()) and _ITALIC_LINE.match(lines[1].strip()):
        # "![…](photo.jpg)" over "*Paddlers carry a waka past the shed.*": the picture's caption, no text.
        yield Block(clean_line(lines[1]), hint="caption", gap=gap)
        return
    cleaned = [clean_line(ln) for ln in lines]
    cleaned = [c for c in cleaned if c]
    if not cleaned:
        return
    if len(cleaned) > 1 and any(is_label(c, alone=True) for c in cleaned):
        # "Example City Council" / "PRESS RELEASE": the label stands apart, telling the body's name over it from
        # the title under it.
        run: list[str] = []
        for c in cleaned:
            if is_label(c, alone=True):
                if run:
                    yield Block(join_wrapped(run), gap=gap, lines=tuple(run) if len(run) > 1 else ())
                    gap, run = 0, []
                yield Block(c, gap=gap)
                gap = 0
            else:
                run.append(c)
        if run:
            yield Block(join_wrapped(run), gap=gap, lines=tuple(run) if len(run) > 1 else ())
        return
    if len(cleaned) == 1 and _TOP_HEADING.match(lines[0]):
        yield Block(cleaned[0], gap=gap, top_heading=True)
        return
    if len(cleaned) == 1 and is_lone_quote(lines[0]):
        yield Block("", hint="quote-mark", gap=gap)
        return
    if len(lines) == 1 and _STAR_BREAK.match(lines[0]):
        return  # "*****", "* * *": a break between sections, no bullet
    if len(cleaned) == 1 and cleaned[0] in _LONE_BULLETS:
        yield Block("", hint="bullet", gap=gap)
        return
    # Page chrome has lines of its own here too ("Skip to main content" over the title).
    # A document's label alone in its block ("PRESS RELEASE") is no menu entry: it parts letterhead from title.
    cleaned = [c for c in cleaned if not is_layout_only(c) and not is_page_furniture(c) and not (
        len(c) < 40 and _CHROME_LINE.match(c) and not (len(cleaned) == 1 and _DOCUMENT_KIND.match(c)))]
    if not cleaned:
        return
    # "Prof. Wolfgang Schomburg\n"I think …"": a name line over a quote is a pull-quote's header.
    if len(cleaned) >= 2 and len(cleaned[0]) < 60 and cleaned[1][:1] in "\"“«„" and not cleaned[0].endswith((".", ",")):
        yield Block(cleaned[0], hint="quote-name", gap=gap)
        yield Block(join_wrapped(cleaned[1:]), gap=0)
        return
    # A vox pop packs quotes signed with a dash one a line ('“…” ― Sonya Herridge' / '“…” ― Pamela
    # Padilla'): each is a paragraph of its own, or one paragraph would hold several speakers.
    run: list[str] = []
    for line in cleaned:
        if is_signed_quote(line):
            if run:
                yield Block(join_wrapped(run), gap=gap)
                gap = 0
            yield Block(line, gap=gap)
            gap, run = 0, []
        elif run and len(run[-1]) >= UNWRAPPED_CHARS and ends_sentence(run[-1]) and (
                line[:1].isupper() or line[:1] in "\"“‘'"):
            # A line too long to be a wrap, ending its sentence: a paragraph typed over the next with no blank
            # line between ("… for years." / "According to the Foundation, …").
            yield Block(join_wrapped(run), gap=gap, lines=tuple(run) if len(run) > 1 else ())
            gap, run = 0, [line]
        else:
            run.append(line)
    if run:
        yield Block(join_wrapped(run), gap=gap, lines=tuple(run) if len(run) > 1 else (),
                    emphasised=len(lines) == 1 and bool(_ITALIC_LINE.match(lines[0].strip())))


# A Markdown image alone on its line.
_MD_IMAGE_LINE = re.compile(r"^!\[[^\]]*\]\([^)]*\)$")
# Markdown's top heading: "# Council opens flood centre" (not "## …").
_TOP_HEADING = re.compile(r"^ {0,3}#[ \t]+\S")
# A line in italics: "*Seòladh opens in Portree on 2 October*", "_…_" (not bold's "**…**").
_ITALIC_LINE = re.compile(r"^(?:\*(?!\*)[^*]{2,300}(?<!\*)\*|_(?!_)[^_]{2,300}(?<!_)_)$")
# A label that names the document ("PRESS STATEMENT"), not a desk ("Media Relations").
_DOCUMENT_WORD = re.compile(r"\b(?:release|statement|advisory|alert|notice|announcement|communiqu[eé])\b", re.I)
_DOCUMENT_KIND = re.compile(r"^(?:press|media|news) (?:release|statement)$", re.I)
_EMPHASISED_LINE = re.compile(r"^(?:\*\*|__)([^*_]{2,100})(?:\*\*|__)$")


def _list_items(lines: list[str]) -> list[list[str]]:
    """A Markdown list as one block, an item a line or wrapped over indented lines: the items (see `_unmark`);
    [] when the block is not a list (its first line has no marker)."""
    if not _BULLET.match(lines[0]) or is_layout_only(lines[0]):
        return []
    items: list[list[str]] = []
    for line in lines:
        m = _BULLET.match(line)
        if m:
            items.append([_unmark(line, m)])
        else:
            items[-1].append(line)
    return items


def parse_lines(draft: Draft, raw_lines: list[str]) -> list[str]:
    """Text exported one block per line: title, date and contacts read, chrome dropped, lines joined."""
    lines = [clean_line(cell) for ln in raw_lines for cell in _row_cells(ln)]
    lines = _join_advisory_facts([ln for ln in lines if ln])  # before the "###" rules that end a list go
    lines = _mend_split_words([ln for ln in lines if (not is_layout_only(ln) or is_end_mark(ln)) and not is_page_furniture(ln)])
    while len(lines) > 1 and "cookie" in lines[0].lower() and is_boilerplate(lines[0]):
        lines.pop(0)  # a copied page's cookie notice over its site's name and menu
    if not lines:
        return []
    first = lines[0]
    crumbs = bool(_BREADCRUMB.match(first))
    menu_top = first_taken = False
    if draft.title:
        title, start = draft.title, 0
    elif (find_date(first) and len(first) < 90) or _CONTACT_START.match(first) or is_label(first, alone=True) \
            or issuer_and_label(first):
        # PDF exports open with the date and contact, a release typed in an editor with "FOR IMMEDIATE
        # RELEASE"; the title comes later ("For Immediate Release: …", or the next line).
        title, start = "", 0
    elif crumbs:
        # "Harris County - District Attorney's Office > Newsroom > News Releases": the page's place in
        # the site, no title; the title is looked for once the release is read.
        title, start = "", 1
    elif _CHROME_LINE.match(first) or (len(first.split()) <= SITE_NAME_WORDS and is_office_line(first)
                                       and not _TITLE_SEPARATOR.search(first)
                                       and (any(_MENU_LINE.match(x) for x in lines[1:3]) or _menu_run(lines[1:5]))):
        # A page copied whole ("Skip to main content", "Menu", "Home" over the site's menu, maybe under the
        # site's name, where a page's own title would stand): the title is the heading line above the lead
        # that the lead takes up, looked for once the release is read.
        title, start, menu_top = "", 1, True
    else:
        title, start = _SITE_SUFFIX.sub("", first).strip() or first, 1
        draft.title = title
        first_taken = True
    body: list[str] = []
    after_label = None
    skip = 0
    in_sidebar = seen_prose = False
    title_lines = 0  # lines the title read after a release label has taken so far
    labelled_at: list[tuple[int, str]] = []  # a document's label line, and where in ``body`` it stood before
    dated_by_label = False
    title_again = False
    side_list: list[tuple[object, str]] = []  # (date, title) of the other posts a side list gives
    release_start = 0  # where the release's own lines start in ``body`` (after a side list)
    for n, line in enumerate(lines[start:], start=start):
        if skip:
            skip -= 1
            continue
        if _FOOTER_LINE.match(line):
            entries = [] if seen_prose else _dated_list(lines, n + 1)
            if entries:
                # Above the release, a list of dates and titles ("More News" / "Mar 17, 2026" / "Harris
                # County Criminal Case Backlog Eliminated" / …) is a side list: skipped, and kept, as the
                # release itself may be in it.
                side_list += entries
                skip = 2 * len(entries)
                release_start = len(body)
                continue
            if seen_prose or in_sidebar or not any(_is_prose(x) for x in lines[n + 1:n + 1 + SIDEBAR_LINES]):
                break
            # Above the release (no prose yet, prose soon after), the same heading opens a side list of
            # other posts (Harris County's "More News": dates and titles): skipped up to that prose. A
            # second such heading is the site's footer after all.
            in_sidebar = True
            continue
        if in_sidebar:
            if not _is_prose(line):
                continue
            in_sidebar = False
        skip = _split_chrome(lines, n)
        if skip:
            skip -= 1
            continue
        if after_label == "author" and draft.author is None and len(line) < 60:
            draft.author = line  # the line under an "Author" label
            after_label = None
            continue
        after_label = line.lower() if line.lower() in ("author", "by", "posted by", "written by") else None
        if after_label:
            after_label = "author"
            continue
        if not dated_by_label and not seen_prose and len(line) < 70 and (m := _DATE_LABEL.match(line)) \
                and (found := find_date(line[m.end():])):
            # "Date: June 26, 2024" in the header is the release's own date, over the page's ("June 27, 2024" by
            # its title); below the lead a "Date:" is an event's (a media advisory's).
            draft.date, dated_by_label = found[0], True
        if title and not seen_prose and _fold(line) == _fold(title):
            title_again = True  # the page's title repeated as its heading: the first line was the headline
        if _CHROME_LINE.match(line) or line.casefold() == title.casefold() or (n and line == first):
            if not seen_prose and is_label(line, alone=True):
                labelled_at.append((len(body), line))  # "PRESS RELEASE" under the letterhead, over the headline
            continue
        if not seen_prose and _DOCUMENT_WORD.search(line) and is_label(line, alone=True) and not find_date(line):
            labelled_at.append((len(body), line))  # "PRESS STATEMENT", "MEDIA STATEMENT": no text either
            continue
        if not seen_prose and is_boilerplate(line):
            continue  # a copied page's cookie notice under its menu: no lead, no heading
        if "http" in line and _IMAGE_URL_LINE.match(line):
            skip = _image_card(lines, n + 1)
            continue
        if title and line.endswith(("...", "…")) and title.casefold().startswith(line.rstrip(".… ").casefold()):
            continue  # the title cut short in a breadcrumb ("… in Child Molestation...")
        if line[:1].isdigit() and _TIMESTAMP_LINE.match(line):
            # "2022-12-15 16:51:35": the page's publication time, which reads as a phone number otherwise.
            draft.date = draft.date or find_date(line)[0] if find_date(line) else draft.date
            continue
        if title_lines and title_lines <= TITLE_WRAP_LINES and _continues_title(draft.title, line):
            draft.title = f"{draft.title} {line}"  # the title wrapped over the PDF's next line
            title_lines += 1
            continue
        title_lines = 0
        labelled = _RELEASE_LABEL.sub("", line)
        if not labelled:
            continue
        if labelled != line and not title and draft.title is None and not ends_sentence(labelled):
            # "For Immediate Release: <title>", where a PDF export's title stands.
            draft.title = labelled
            title_lines = 1
            continue
        line = labelled
        if n < HEADER_LINES and len(line) < 70 and draft.date is None:
            placed = date_only_line(line)
            if placed and placed[0] and not seen_prose \
                    and not all(is_lowercase_word(w) for w in placed[0].replace(",", " ").split()):
                # "Accra, 14th November, 2026" on its own line: the dateline's place and date.
                draft.location = draft.location or placed[0]
                draft.date = placed[1]
                continue
            found = _date_line(line)
            if found:
                draft.date, line = found
                if not line:
                    continue
        body.append(line)
        seen_prose = seen_prose or _is_prose(line)
    # What stands above a side list of other posts is the site's menu, not the release.
    body = body[release_start:]
    lead = next((k for k in range(len(body)) if _is_prose(body[k])), len(body))
    if draft.date is None:
        # A site menu can push the release's date line below the top lines: it stands just above the lead.
        for k in range(lead - 1, max(0, lead - HEADER_LINES) - 1, -1):
            found = _date_line(body[k], dated_title=True)
            if found:
                draft.date, rest = found
                body[k:k + 1] = [rest] if rest else []
                lead -= not rest
                break
    if first_taken and draft.title == title and lead < len(body) and labelled_at:
        at, label = labelled_at[0]
        body = _headline_under_label(draft, body, lead, at - release_start, label, title_again)
    if first_taken and draft.title == title and lead < len(body):
        # The first line may be letterhead no rule knew, over the headline: the line the lead speaks about.
        k = headline_below(title, dict(enumerate(body[:lead])), body[lead])
        if k is not None:
            draft.letterhead += [title, *body[:k]]
            draft.title = body[k]
            # Either title repeated under the headline (a page's breadcrumb, its heading) is no text either.
            repeats = {title.casefold(), draft.title.casefold()}
            body = [ln for n, ln in enumerate(body[k + 1:], start=k + 1) if n >= lead or ln.casefold() not in repeats]
    if crumbs:
        body = _page_title(draft, body, side_list, lead, stems(first.split(">")[0]))
    elif menu_top and lead < len(body):
        body = _page_title(draft, body, side_list, lead, set(), menu_above=True)
    if menu_top and not draft.title and not _CHROME_LINE.match(first):
        draft.title = first  # no heading over any prose: the site's name is all the page has for a title
    body, contact_lines = _take_header_contacts(body)
    contacts = _group_contacts(contact_lines) if contact_lines else []
    if not contacts:
        # The same for the media contact: after a long menu it is found above the lead, not at the top
        # (from its "Contact:" label when there is one: the site's own address may stand above it).
        lead = next((k for k in range(len(body)) if _is_prose(body[k])), len(body))
        above = max(0, lead - CONTACT_ABOVE_LEAD)
        above = max([k for k in range(above, lead) if _CONTACT_START.match(body[k])], default=above)
        near, contact_lines = _take_header_contacts(body[above:lead])
        contacts = _group_contacts(contact_lines) if contact_lines else []
        if contacts:
            body = body[:above] + near + body[lead:]
    if contacts:
        draft.contacts = contacts
    # A contact label left alone ("Phone:", "Contact:": the site's own address in its menu) is no text, nor
    # is a PDF's letterhead footer, repeated on every page, that would be joined to the next page's first line.
    body = [ln for ln in body if not (len(ln) < 16 and (_PHONE_LABEL_LINE.match(ln) or _CONTACT_LABEL_LINE.match(ln)
                                                          or _EMAIL_LABEL_LINE.match(ln))) and not _is_letterhead(ln)]
    return _join_lines(body)


# "Frank Crowley Courts Building • 133 N. Riverfront Blvd., L.B. 19 • Dallas, Texas 75207-4399 • 214/653-3600"
_ZIP = re.compile(r"\b(?:[A-Z]{2}|[A-Z][a-z]+)\s+\d{5}(?:-\d{4})?\b")
_LETTERHEAD_PHONE = re.compile(r"\(?\d{3}\)?[\s/.\-]\s?\d{3}[.\-]\s?\d{3,4}")
# Bullets as PDF exports give them (U+F0B7 is the Symbol font's bullet in the private use area).
_BULLETS = ("•", "\uf0b7", "·", "▪")


def _headline_under_label(draft: Draft, body: list[str], lead: int, label_at: int, label: str,
                          title_again: bool = False) -> list[str]:
    """``body`` after the headline when the ``label`` line that stood before ``body[label_at]`` parts the
    first line's letterhead from it (`headline_under_label`); the title and date set from it. ``body``
    otherwise, and when the first line stood again as the page's heading (``title_again``): it was the
    headline, and the line under the label is its deck, unless that says the headline again in most of its
    words ("MEDIA ADVISORY: Local Entrepreneurs Arrested" / "Press Conference Local Entrepreneurs Arrested")."""
    if not 0 <= label_at < lead:
        return body
    above = [draft.title or "", *body[:label_at]]
    # (Lines over the label with an address or contacts are one block, the letterhead, as typed one a line: a
    # motto among them is no headline the lead takes up.)
    block = any(is_address(ln) or find_phone(ln) or find_email(ln) for ln in above)
    heads = [tuple(above)] if block else [(ln,) for ln in above]
    j = headline_under_label([*heads, (label,), *((ln,) for ln in body[label_at:lead])], body[lead])
    if not j:
        return body
    k = label_at + j - len(heads) - 1  # in ``body``: the items after the label stand for body[label_at:]
    first, line = _fold(draft.title or ""), _fold(body[k])
    words = stems(line)
    if (title_again and len(words & stems(first)) < TITLE_MATCH * len(words)) or (first.startswith(line) and first != line):
        return body  # the page's title whole over its heading wrapped onto two lines: the title already
    draft.letterhead += [draft.title or "", *body[:k]]
    if draft.date is None and (found := head_date(body[:k])):
        draft.location = draft.location or found[0]
        draft.date = found[1]
    draft.title = body[k]
    return body[k + 1:]


def _fold(line: str) -> str:
    """A line as compared with another: case, apostrophes and Markdown's emphasis marks aside."""
    return line.replace("’", "'").replace("‘", "'").strip(" *_").casefold()


def _is_letterhead(line: str) -> bool:
    """An office's address line with its ZIP code and phone number (or parts set apart by bullets), no
    sentence: a letterhead or page footer."""
    return len(line) < 160 and bool(_ZIP.search(line)) and not ends_sentence(line) \
        and (sum(map(line.count, _BULLETS)) >= 2 or bool(_LETTERHEAD_PHONE.search(line))) and not find_email(line)


#: Lines a PDF export's title may wrap onto below its "For Immediate Release:" line.
TITLE_WRAP_LINES = 3


def _image_card(lines: list[str], start: int) -> int:
    """How many lines from ``start`` belong to the image above them: its width and height ("720" /
    "1280"), and the author's name and the site's logo under it when they end at another image or a time
    stamp (a WordPress post card exported as text; the time stamp is read for the date)."""
    j = start
    while j < len(lines) and j - start < 2 and lines[j].isdigit() and len(lines[j]) <= 4:
        j += 1
    k = j
    while k < len(lines) and k - j < 6:
        line = lines[k]
        if _TIMESTAMP_LINE.match(line):
            j = k  # up to the time stamp, which gives the date
            break
        if _IMAGE_URL_LINE.match(line):
            k += 1
            j = k  # the card runs at least to here
        elif len(line) <= 40 and len(line.split()) <= 3 and not ends_sentence(line):
            k += 1
        else:
            break
    return j - start


def _continues_title(title: str, line: str) -> bool:
    """True when ``line`` goes on with a title the PDF wrapped: unfinished title, and a line written as a
    title is, its long words capitalised ("Sentenciado en la Primera Condena por Asesinato en Dallas"), not
    the dateline, a date, a contact or prose."""
    if ends_sentence(title) or ends_sentence(line) or len(line) > 130 or line[:1] in "(\"“" \
            or _contactish_label(line) or find_date(line) or _FACT_START.match(line):
        return False
    if starts_lowercase(line) or DANGLING_WORD.search(title) or title.endswith(","):
        return True
    long = [w for w in line.split() if len(w) > 3 and w[0].isalpha()]
    return bool(long) and sum(w[:1].isupper() for w in long) >= 0.8 * len(long)


#: Most words of a date written again in another language on the date's line.
BILINGUAL_DATE_WORDS = 6


def _date_line(line: str, dated_title: bool = False):
    """(date, what is left of the line) for a line that gives the release's date ("March 3, 2020",
    "Posted: Tuesday, March 3, 2020"); with ``dated_title``, also "June 5, 2026: Jury Convicts …"."""
    found = find_date(line)
    if not found:
        return None
    dated = date_only_line(line, found)
    if dated and dated[0] is None:
        return dated[1], ""  # "Posted On: 03 MAR 2021 4:10PM", "Tuesday, 18 May 2021, 2:26 pm": nothing else
    date, m = found
    rest = (line[: m.start()] + line[m.end():]).strip(" ,|-–—·•")
    rest = re.sub(r"^(?:Admin|Date|Published|Posted|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b\s*[|,:]?",
                  "", rest, flags=re.I).strip(" ,|-–—·•")
    if _CHROME_LINE.match(rest):
        rest = ""  # "30th June 2026 · 5 min read": the page's reading time
    if len(re.findall(r"\w+", rest)) <= BILINGUAL_DATE_WORDS and str(date.year) in rest and re.search(rf"\b0?{date.day}\b", rest):
        rest = ""  # the same date in the other language: "Dydd Gwener 5 Hydref 2029 / Friday 5 October 2029"
    if re.fullmatch(r"[^\W\d][\w’' /.-]{0,30}:", rest):
        rest = ""  # the date's label, in two languages: "Dyddiad / Date: 11.07.2028"
    if len(line) < 70 and (not dated_title or len(rest) < 30):
        return date, rest
    if dated_title and m.start() == 0 and line[m.end():m.end() + 1] in (":", "|", " ") and not ends_sentence(line):
        return date, rest.lstrip(": ")
    return None


def _dated_list(lines: list[str], start: int) -> list[tuple[object, str]]:
    """A list of other posts as date lines over title lines, from ``start``; [] unless it holds two at least."""
    entries = []
    j = start
    while j + 1 < len(lines) and len(lines[j]) <= 30 and not _is_prose(lines[j + 1]):
        found = find_date(lines[j])
        if not found or len(lines[j]) - len(found[1].group(0)) > 10:
            break
        entries.append((found[0], lines[j + 1]))
        j += 2
    return entries if len(entries) >= 2 else []


def _page_title(draft: Draft, body: list[str], side_list: list[tuple[object, str]], lead: int,
                site_words: set[str], menu_above: bool = False) -> list[str]:
    """The title of a page whose first line was a breadcrumb or the site's menu. The side list of recent
    posts holds the release itself when it is recent: the entry whose title stands in the page, or whose
    words the lead repeats, gives the title and the date. Otherwise the first heading line of the release
    is the title; with ``menu_above``, the short lines above it are the site's menu and go."""
    head = body[:lead + 1]
    lines = {ln.casefold() for ln in head}
    best, best_score, second = None, 0.0, 0.0
    # The site's own name ("Harris County … District Attorney's Office") is in every title and every lead.
    lead_words = stems(" ".join(head)) - site_words
    for date, entry in side_list:
        words = stems(entry) - site_words
        score = 1.0 if entry.casefold() in lines else len(words & lead_words) / len(words) if words else 0.0
        if score > best_score:
            best, best_score, second = (date, entry), score, best_score
        elif score > second:
            second = score
    if best and best_score >= TITLE_MATCH and best_score - second >= 0.2:
        title = draft.title = best[1]
        draft.date = draft.date or best[0]
        # The title repeated in the page, alone or run into the subtitle under it, goes.
        out = []
        for ln in body:
            if ln.casefold().startswith(title.casefold()):
                ln = ln[len(title):].strip()
            if ln:
                out.append(ln)
        return out
    heads = [k for k in range(lead) if 3 <= len(body[k].split()) <= 25 and not ends_sentence(body[k])
             and not starts_lowercase(body[k]) and not body[k].startswith("(") and not _contactish_label(body[k])
             and not _BREADCRUMB.match(body[k])]
    if not heads:
        return body
    k = heads[0]
    if menu_above:
        # Under a site's menu ("Who we are", "Media centre / Press releases") the title is the heading whose
        # words the lead takes up; failing that, the last heading above the lead. The site's name ("Kaituna
        # District Council") is no title, however much the lead speaks of it.
        # Nor is a name in capitals the lead repeats whole ("Highlands Rural Health Partnership"): the issuer.
        # (A headline in title case may read as a body's name: "PH Embassy to Hold Mobile Consular Mission in
        # Christchurch This November"; a body's name is short.)
        # Nor is a menu's entry ("Hire a waka") or a byline ("Posted by Club Secretary in Club news").
        heads = [h for h in heads if not (_site_name(body[h]) or (names_issuer([body[h]]) and _body_name_shape(body[h]))
                                          or (is_office_line(body[h]) and named_whole(body[h], body[lead]))
                                          or in_menu(body, h) or is_byline(body[h]))] or heads
        # Of the headings the lead takes up, the one it takes up most: in many words (a menu entry, "Study with
        # us", may share its one word with the lead) and in a large share of its own (a breadcrumb trail ending
        # in the headline shares a word or two more, and holds more).
        lead_words = stems(" ".join(body[lead:lead + 2]))
        shares = [(len(w & lead_words) ** 2 / len(w), -n) for n, h in enumerate(heads)
                  if (w := stems(body[h])) and len(w & lead_words) / len(w) >= TITLE_IN_LEAD]
        k = heads[-max(shares)[1]] if shares else heads[-1]
    draft.title = body[k]
    above = [ln for ln in body[:k] if _is_prose(ln)] if menu_above else body[:k]
    return above + body[k + 1:]


def _body_name_shape(line: str) -> bool:
    """A body's name is short, or opens or ends on a word naming a body ("Ministry of Water Development and
    Rural Sanitation"), where a headline in title case runs on ("PH Embassy to Hold … This November")."""
    words = line.split()
    return len(words) <= SITE_NAME_WORDS or is_issuer_word(words[0]) or is_issuer_word(words[-1])


def _site_name(line: str) -> bool:
    """A short line of capitalised words ending in an organisation's word: "Kaituna District Council"."""
    words = line.split()
    return len(words) <= SITE_NAME_WORDS and is_office_line(line) and words[-1].lower() in ORGANISATION_WORDS


def _contactish_label(line: str) -> bool:
    return bool(_CONTACT_START.match(line) or _PHONE_LINE.match(line) or find_email(line))


#: Share of a side-list title's words that the release's lead must repeat for the entry to be the release.
TITLE_MATCH = 0.6
#: Longest site name ("Mbeya Regional Water Authority") taken for one over a copied page's menu.
SITE_NAME_WORDS = 6
#: Share of a heading's words that the lead must repeat for the heading to be the title of a page under a menu.
TITLE_IN_LEAD = 0.3
#: How far above the lead a media contact block is looked for when the top lines have none.
CONTACT_ABOVE_LEAD = 8


def _is_prose(line: str) -> bool:
    """A finished sentence of some length: release text, not a title, label or list entry."""
    return len(line) >= PROSE_CHARS and ends_sentence(line)


#: How far below a "More News" heading the release's prose must start for the list to be a side list.
SIDEBAR_LINES = 25
#: Shortest line taken for prose by `_is_prose`.
PROSE_CHARS = 80


def _split_chrome(lines: list[str], n: int) -> int:
    """How many lines from ``n`` make one chrome line that the export put a word a line ("Para" /
    "Publicación" / "Inmediata"); 0 if they do not."""
    line = lines[n]
    if len(line) > SPLIT_WORD_CHARS or " " in line:
        return 0  # most lines: checked at once
    for k in (3, 2):
        run = lines[n:n + k]
        if len(run) == k and all(len(x) <= SPLIT_WORD_CHARS and " " not in x for x in run) \
                and _CHROME_LINE.match(" ".join(run)):
            return k
    return 0


#: Longest line taken for one word of a chrome line split a word a line.
SPLIT_WORD_CHARS = 20


def _mend_split_words(lines: list[str]) -> list[str]:
    """Exports put an accented letter that was styled apart on a line of its own ("Para Publicaci" / "ó" /
    "n Inmediata"): it goes back into its word, and so does a lone consonant that follows it (a consonant
    alone is no word; a vowel such as "a" or "y" may be one)."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if out and len(line) == 1 and line.isalpha() and not line.isascii() and out[-1][-1:].isalpha() \
                and i + 1 < len(lines):
            out[-1] += line
            nxt = lines[i + 1]
            first = nxt.split(" ", 1)[0]
            if len(first) == 1 and first.lower() in _CONSONANTS:
                out[-1] += nxt
                i += 1
            i += 1
            continue
        out.append(line)
        i += 1
    return out


_CONSONANTS = set("bcdfghjklmnpqrstvwxzñ")
# A media advisory's fact labels, alone on a line above their values ("WHO:" / "State Attorney …").
_FACTS = r"WHO|WHAT|WHEN|WHERE|WHY|PHOTO/INTERVIEW|SPEAKERS|VISUALS|LOCATION|DETAILS|RSVP|QUI[EÉ]N|QU[EÉ]|CU[AÁ]NDO|D[OÓ]NDE|HORARIO|LUGAR"
_FACT_LABEL = re.compile(rf"^(?:{_FACTS})\s*:$", re.I)
_FACT_START = re.compile(rf"^(?:{_FACTS})\s*:", re.I)


def _is_fact(line: str) -> bool:
    """A line that starts with an advisory's fact label ("WHEN: …"); the colon is looked for first."""
    return ":" in line[:18] and bool(_FACT_START.match(line))
#: Value lines a fact label may gather, and the longest of them (a name, a time, an address).
FACT_LINES = 6
FACT_LINE_CHARS = 90


def _join_advisory_facts(lines: list[str]) -> list[str]:
    """"WHO:" over "Katherine Fernandez Rundle, State Attorney" and "Miami-Dade Police Director …": one
    line, "WHO: Katherine Fernandez Rundle, State Attorney; Miami-Dade Police Director …". On their own
    the value lines would read as headings and be dropped, and they carry the advisory's facts."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not (line.endswith(":") and len(line) <= 18 and _FACT_LABEL.match(line)):
            out.append(line)
            i += 1
            continue
        values: list[str] = []
        j = i + 1
        while j < len(lines) and len(values) < FACT_LINES \
                and (len(lines[j]) <= FACT_LINE_CHARS or not values or _broken_before(values[-1], lines[j])) \
                and not _is_fact(lines[j]) and not _FOOTER_LINE.match(lines[j]) \
                and not _CHROME_LINE.match(lines[j]) and not _CONTACT_START.match(lines[j]) \
                and not is_layout_only(lines[j]):
            values.append(lines[j])
            j += 1
            if len(values[-1]) > FACT_LINE_CHARS and ends_sentence(values[-1]):
                break  # a value written as a sentence: what follows is the advisory's text
        if values:
            text = values[0]
            for v in values[1:]:
                # Link text split off its sentence ("(" / "directions" / ")", ", is the …") rejoins it.
                if v[0] in ",.;:)" or text.endswith("("):
                    glue = ""
                elif _broken_before(text, v):
                    glue = " "  # one value wrapped over two lines ("… 38, of" / "Dana Point.")
                else:
                    glue = "; "
                text = f"{text.rstrip(';')}{glue}{v}"
            out.append(f"{line} {text}")
        i = j if values else i + 1
    return out


def _broken_before(text: str, line: str) -> bool:
    """True when ``line`` continues ``text`` mid-sentence (a lower-case start, or a word left dangling)."""
    return not ends_sentence(text) and (starts_lowercase(line) or bool(DANGLING_WORD.search(text))
                                        or text.endswith(","))


def _contactish(line: str) -> bool:
    return bool(_PHONE_LINE.match(line) or _PHONE_LABEL_LINE.match(line) or _CONTACT_LABEL_LINE.match(line) or (find_email(line) and len(line) < 80)
                or (len(line) < 50 and not ends_sentence(line) and len(line.split()) <= 7))


def _take_header_contacts(lines: list[str]) -> tuple[list[str], list[str]]:
    """The media contact block near the top ("Contact: Name / Title / Office / phone / e-mail", or a
    name over "Office: 714-…" and "Cell: …" lines): taken out of the text."""
    window = lines[:HEADER_LINES]
    anchors = [i for i, ln in enumerate(window) if len(ln) < 120 and (
        _PHONE_LINE.match(ln) or (("ontact" in ln or "ONTACT" in ln) and _CONTACT_START.match(ln))
        or find_email(ln) or _PHONE_LABEL_LINE.match(ln))]
    if not anchors:
        return lines, []
    first = anchors[0]
    start = first
    m = _CONTACT_START.match(window[first])
    if not m:
        # Up to two short lines (name, job title) stand over the first phone line.
        while start > 0 and first - start < 2 and _contactish(window[start - 1]) and not _PHONE_LINE.match(window[start - 1]):
            start -= 1
    end = first + 1
    while end < len(window) and (_contactish(window[end]) or end <= anchors[-1] and end - anchors[-1] < 0) \
            and not window[end].lower().startswith("for immediate release"):
        line = window[end]
        if not (_PHONE_LINE.match(line) or find_email(line) or _PHONE_LABEL_LINE.match(line)
                or _CONTACT_LABEL_LINE.match(line)) \
                and not any(a > end and a - end <= CONTACT_LOOKAHEAD for a in anchors):
            break
        end += 1
    block = window[start:end]
    if m:
        # "October 15, 2018 Contact: Kimberlee Leach": the words before "Contact:" are not part of it.
        block[first - start] = m.group("rest")
    rest = lines[:start] + lines[end:]
    if m and m.group("before").strip(" ,|-–—") and not _CONTACT_LABEL_WORDS.match(m.group("before").strip(" ,|-–—")):
        rest.insert(start, m.group("before").strip(" ,|-–—"))
    return rest, [b for b in block if b]


def _any_phone(line: str) -> re.Match[str] | None:
    """A telephone number written in any country's way ("0400 123 456", "+64 21 555 0192"): seven digits at
    least."""
    m = find_phone(line)
    return m if m and len(re.sub(r"\D", "", m.group(0))) >= 7 else None


def _group_contacts(lines: list[str]) -> list[Contact]:
    """Contact lines to contacts: a name after a phone or e-mail starts the next person."""
    contacts: list[Contact] = []
    current = Contact()
    for line in lines:
        email = find_email(line)
        if email:
            current.email = current.email or email.group(0)
            line = line.replace(email.group(0), "").strip(" ,;:|")
        # Looked for once the e-mail is out: its place is cut from what is left of the line.
        phone = _PHONE_IN.search(line) or (_PHONE_LINE.match(line) and re.search(r"\d[\d\s().\-]{8,}\d", line)) \
            or _any_phone(line)
        if phone:
            current.phone = current.phone or phone.group(0).strip()
            line = (line[: phone.start()] + line[phone.end():]).strip(" ,;:|()")
            line = re.sub(rf"^(?:{_PHONE_LABELS})\s*:?\s*$", "", line, flags=re.I)
            if is_extension(line):
                current.phone = f"{current.phone} {line}"  # "905-555-0142 ext. 2210"
                continue
        if _PHONE_LABEL_LINE.match(line) or _CONTACT_LABEL_LINE.match(line):
            continue
        if not line:
            continue
        if re.search(r"Office|County|Department|Attorney’s|Attorney's|Oficina|Condado|Fiscal[ií]a", line) \
                and current.organisation is None:
            current.organisation = line
        elif current.name is None:
            current.name = line
        elif current.phone or current.email:
            contacts.append(current)
            current = Contact(name=line)
        # Other lines (a job title) have no field of their own.
    if current.name or current.phone or current.email:
        contacts.append(current)
    return [c for c in contacts if c.phone or c.email]


def _link_text(prev: str, line: str, nxt: str) -> bool:
    """True when ``line`` is a link's text that the export put on a line of its own, in the middle of a
    sentence: the line before is unfinished, and the line after goes on with punctuation or in lower case."""
    return bool(nxt) and len(line) <= LINK_CHARS and len(prev.split()) >= 4 and not ends_sentence(prev) \
        and not ends_sentence(line) and (nxt[0] in ",.;)" or starts_lowercase(nxt)) and not _is_fact(line)


#: Longest line taken for a link's text split off its sentence.
LINK_CHARS = 60


def _join_lines(lines: list[str]) -> list[str]:
    """Join lines broken mid-sentence: by an inline link ("…,”\nState’s Attorney Burke said\n. “It…"),
    or by a hard wrap in PDF text (lines of nearly the same length that stop mid-sentence)."""
    if not lines:
        return lines
    lengths = sorted(len(ln) for ln in lines if not is_end_mark(ln))  # ("###" is no line of the text's)
    wrap = lengths[int(len(lengths) * 0.9)] if len(lengths) >= 5 else 0
    wrapped = wrap >= 60 and sum(1 for n in lengths if n >= 0.8 * wrap) >= WRAP_SHARE * len(lengths) \
        and wrap <= 130
    out: list[str] = [lines[0]]
    last_length = len(lines[0])  # of the last physical line: a hard wrap is judged by it
    for k in range(1, len(lines)):
        line = lines[k]
        prev = out[-1]
        prev_length, last_length = last_length, len(line)
        if _is_fact(line) or (_is_fact(prev) and not _broken_before(prev, line)
                                       and line[0] not in ".,;:!?)]"):
            out.append(line)  # an advisory's fact lines stand apart, however the page wrapped them
        elif is_end_mark(line) or is_end_mark(prev):
            out.append(line)  # "###": the release's end, a line of its own
        elif is_signed_quote(line) or is_signed_quote(prev):
            out.append(line)  # '“…” ― Name': one speaker's quote, a paragraph of its own
        elif line[0] in ".,;:!?)]" or line[:2] in (". ", ", "):
            out[-1] = prev + line  # punctuation left alone by an inline link
        elif not ends_sentence(prev) and (starts_lowercase(line) or DANGLING_WORD.search(prev)):
            out[-1] = join_wrapped((prev, line))  # "… Three Banks in" / "One Afternoon"
        elif prev.endswith((",", ",”", ",\"", "—", "–")):
            out[-1] = join_wrapped((prev, line))  # "…,”\nState’s Attorney Burke said"
        elif _link_text(prev, line, lines[k + 1] if k + 1 < len(lines) else ""):
            out[-1] = join_wrapped((prev, line))  # "… against former" / "County Commissioner Joe Martinez" / ", 6 …"
        elif wrapped and prev_length >= 0.8 * wrap and (not ends_sentence(prev) or starts_lowercase(line)) \
                and not prev.endswith(":"):
            out[-1] = join_wrapped((prev, line))
        else:
            out.append(line)
    return out
