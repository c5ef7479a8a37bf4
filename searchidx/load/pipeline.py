"""The steps every release goes through after its format has been read: `finish(draft) -> Release`."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from searchidx.attribution.lexicons import ORGANISATION_WORDS, is_place
from searchidx.attribution.rules import attribute, attribution_fragment, name_line, signature_line
from searchidx.load import metadata as md
from searchidx.load.cleaning import ends_sentence, starts_lowercase
from searchidx.load.dates import find_date, find_month_day, year_of
from searchidx.load.draft import Block, Draft
from searchidx.load.headline import contact_row, head_date, headline_above, reads_as_letterhead
from searchidx.load.language import detect_languages
from searchidx.load.limits import Deadline, split_long
from searchidx.load.structure import (
    is_heading,
    join_broken,
    mark_about,
    mark_copies,
    mark_footnotes,
    opens_back_matter,
)
from searchidx.model import Paragraph, Release

#: How many blocks at the top may hold the subtitle and dateline before the body starts.
HEADER_WINDOW = 4
#: Trailing blocks that may hold contacts.
CONTACT_WINDOW = 8


def finish(draft: Draft, deadline: Deadline | None = None) -> Release:
    """The release ``draft`` describes; ``deadline`` is checked between stages (a time limit in any thread)."""
    check = deadline.check if deadline else (lambda stage: None)
    blocks = [replace(b, text=piece, lines=b.lines if piece == b.text else ())
              for b in draft.blocks if b.text or b.hint == "quote-mark"
              for piece in (split_long(b.text) if b.text else [b.text])]
    read = blocks  # as read, sign-off included: it may date the release (`_signed_date`)
    blocks = _cut_footer(draft, blocks)
    blocks = _past_cover_letter(draft, blocks)
    blocks = _take_header(draft, blocks)
    lead_block = _strip_lead(draft, blocks)
    draft.location = draft.location or draft.place_hint
    blocks = _take_contacts(draft, blocks)
    check("structure")
    listed: set[int] = set()
    set_off: set[int] = set()
    paragraphs = _assemble(blocks, draft.title, listed, set_off)
    if not draft.paragraphs_whole:
        # The paragraph made from the lead's block holds the very same string (a repeat of its text may not).
        lead = next((k for k, p in enumerate(paragraphs) if lead_block and p.text is lead_block.text), None)
        paragraphs = join_broken(paragraphs, lead=lead)
    paragraphs = _drop_headings(paragraphs, listed)
    paragraphs = mark_about(paragraphs)
    mark_footnotes(paragraphs)
    mark_copies(paragraphs)
    if draft.head_lines and draft.title and paragraphs:
        paragraphs = _check_headline(draft, paragraphs)
    language = detect_languages(paragraphs, draft.title, draft.language)
    if draft.date is None:
        draft.date = draft.date_hint
    if draft.date is None:
        draft.date = _signed_date(read)  # "Signed: … / Public Relations Officer / 5th December, 2026" under the text
    if draft.date is None and draft.month_day:
        lead = next((p.text for p in paragraphs if p.kind == "body"), "")
        draft.date = year_of(*draft.month_day, lead, [draft.title or "", *(p.text for p in paragraphs)])
    if draft.date is None:
        draft.date = md.date_in_name(draft.path)  # the text gives none: the archive's file name may
    check("paragraphs")
    attribute(paragraphs, title=draft.title, set_off=set_off, context=draft.letterhead)
    check("attribution")
    for n, p in enumerate(paragraphs, start=1):
        p.n = n
    return Release(
        path=draft.path, id=draft.id, title=draft.title, subtitle=draft.subtitle, labels=draft.labels,
        date=draft.date, location=draft.location, source=draft.source, url=draft.url, author=draft.author,
        language=language, format=draft.format, contacts=draft.contacts, paragraphs=paragraphs,
    )


def _check_headline(draft: Draft, paragraphs: list[Paragraph]) -> list[Paragraph]:
    """A title that reads as letterhead gives way to the headline over the lead (`headline.headline_above`);
    that headline left among the paragraphs above the lead goes, and so do letterhead's contact rows there
    ("Simu/Tel: +255 … Barua pepe: …"). A head line above the lead dates a release its head rules left
    undated."""
    # (Letterhead cells the head rules left as a paragraph may end on a full stop: no lead.)
    lead_at = next((k for k, p in enumerate(paragraphs[:LEAD_SEARCH]) if p.kind == "body" and _is_lead(p.text)
                    and not reads_as_letterhead(p.text[:LEAD_HEAD_CHARS])), None)
    if lead_at is None:
        return paragraphs
    lead = paragraphs[lead_at].text
    lines = list(draft.head_lines)
    found = headline_above(lines, lead, draft.title or "", draft.format == "text-lines")
    folded = None
    if found is not None:
        draft.letterhead.append(draft.title or "")
        draft.title = found[0]
        if draft.location is None:
            # The head rules took another block for the lead: the real one may open with its dateline.
            rest, place, dated = md.strip_dateline_lead(lead)
            if place and rest:
                _take_dateline(draft, place, dated, lead[: len(lead) - len(rest)])
                paragraphs[lead_at].text = rest
        folded = " ".join(found[0].split()).casefold()
        if draft.subtitle and " ".join(draft.subtitle.split()).casefold() == folded:
            draft.subtitle = None
    if draft.date is None:
        draft.date = head_date(lines, lead)
    kept: list[Paragraph] = []
    for p in paragraphs[:lead_at]:
        if folded is not None and folded in " ".join(p.text.split()).casefold():
            continue  # the headline, read again as a paragraph
        if contact_row(p.text):
            draft.letterhead.append(p.text)
        else:
            kept.append(p)
    return kept + paragraphs[lead_at:]


#: The start of a paragraph read for letterhead before it is taken for the lead.
LEAD_HEAD_CHARS = 100


#: Blocks at the end where a sign-off may date the release.
SIGNED_WINDOW = 4


def _signed_date(blocks: list[Block]) -> object | None:
    """The date on a line of its own among the last blocks, under the signatory's name, as statements from
    much of Africa and South Asia date themselves ("5th December, 2026", "Abuja, 5 December 2026"); no
    labelled date ("Date: …", an event's) and no date in a sentence."""
    lines = [line for b in blocks[2:][-SIGNED_WINDOW:] for line in (b.lines or (b.text,))]
    for k in range(len(lines) - 1, 0, -1):
        line, above = lines[k], lines[k - 1]
        if (dated := md.end_mark_date(line)) is not None:
            return dated  # "Ends/Friday, November 27, 2026": the end mark dates the release, as Hong Kong's do
        # Under a signatory's name or office: a short line, no sentence (a correction's date is under prose).
        if len(line) <= 48 and ":" not in line and (dated := md.date_only_line(line.strip(" ."))) \
                and len(above.split()) <= 6 and not ends_sentence(above):
            return dated[1]
    return None


def _drop_headings(paragraphs: list[Paragraph], listed: set[int] | None = None) -> list[Paragraph]:
    """Crossheads go; a line that only attributes ("Burke said") stays for attribution, and a name line
    over a quote ("Dr. Ana Ruiz" / "“…”") names the quote's speaker. List items (``listed``, by id) stay
    however short they are: a list of charges is text."""
    kept: list[Paragraph] = []
    for k, p in enumerate(paragraphs):
        if listed and id(p) in listed:
            kept.append(p)
            continue
        # A back matter heading ("Notes to editors") stays: it opens its section (`mark_about`).
        if p.kind == "body" and is_heading(p.text) and not (_about(p.text) or opens_back_matter(p.text)) \
                and not attribution_fragment(p.text):
            nxt = paragraphs[k + 1] if k + 1 < len(paragraphs) else None
            if nxt is not None and nxt.speaker is None and nxt.text[:1] in "\"“«„":
                nxt.speaker = name_line(p.text)
            prev = kept[-1] if kept else None
            if prev is not None and prev.kind == "body" and prev.speaker is None and any(
                    c in prev.text for c in "\"“”«»„") and (signed := signature_line(p.text)):
                prev.speaker, prev.speaker_role = signed  # "— Jane Roe, Mayor" under the quote it signs
            continue
        kept.append(p)
    return kept


def _about(text: str) -> bool:
    """A line that opens an About section: "About Example — …", "ABOUT EXAMPLE", "About Example: …"."""
    return text.startswith(("About ", "ABOUT "))


def _cut_footer(draft: Draft, blocks: list[Block]) -> list[Block]:
    """Drop the wire's footer and boilerplate lines; keep the URL they give. What follows the release's end
    mark ("ENDS", "###", "-30-") once its text has begun is back matter: notes to editors, the issuer's
    background, contacts, kept as kind ``about``."""
    out: list[Block] = []
    ended = False
    signing = 0  # lines still to go of a sign-off under its label
    for b in blocks:
        if md.is_footer_start(b.text):
            break
        if signing and _signoff_line(b.text):
            signing -= 1
            continue  # the signatory's name, office and "For: Commissioner of Police" under "SIGNED"
        signing = 0
        if md.is_signoff_label(b.lines[0] if b.lines else b.text) and any(ends_sentence(x.text) for x in out):
            if all(_signoff_line(line) for line in b.lines[1:]):
                signing = SIGNOFF_LINES
                continue
        is_url, url = md.url_line(b.text)
        if is_url:
            draft.url = draft.url or url
            continue
        if (name := md.byline(b.text)) is not None:
            draft.author = draft.author or name
            continue
        if md.is_boilerplate(b.text):
            ended = ended or (md.is_end_mark(b.text) and any(ends_sentence(x.text) for x in out))
            continue
        if len(b.lines) > 1 and any(md.is_boilerplate(line) for line in (b.lines[0], b.lines[-1])):
            # A boilerplate line typed over the next one or under the last ("Follow us on X @example" / "Media:
            # …"): it goes alone, where no sentence runs across it.
            kept = b.lines
            if md.is_boilerplate(kept[0]) and not starts_lowercase(kept[1]):
                kept = kept[1:]
            if len(kept) > 1 and md.is_boilerplate(kept[-1]) and (
                    ends_sentence(kept[-2]) or md.contact_fields(kept[-2]) or md.looks_like_contact_line(kept[-2])):
                kept = kept[:-1]
            if len(kept) == 1 and md.is_boilerplate(kept[0]):
                continue  # "HJ/SK/IWCL/114" / "(Release ID: 2026/IWCL/0214)": every line furniture
            if kept != b.lines:
                b = Block(" ".join(kept), b.hint, b.gap, b.speaker, kept if len(kept) > 1 else (), b.set_off)
        if ended and ((md.is_label(b.text) and not md.is_contact_label(b.text)) or md.strip_dateline_lead(b.text)[1]):
            ended = False  # another release after the first's end: its Spanish version ("AVISO DE PRENSA")
        if ended and b.hint in (None, "list"):
            b.hint = "about"
        elif b.hint is None and md.is_caption_line(b.text):
            b.hint = "caption"
        out.append(b)
    return out


def _past_cover_letter(draft: Draft, blocks: list[Block]) -> list[Block]:
    """The release under a covering letter that encloses it ("Dear Sir/Madam, Please find enclosed the press
    release …", as a listed company files one with its stock exchange): from the document's label on. The
    letter's lines are letterhead."""
    for k, b in enumerate(blocks[:COVER_LETTER_BLOCKS]):
        if k and md.is_label(b.text, alone=True) and _KIND_LABEL.search(b.text) \
                and any(_ENCLOSES.search(x.text) for x in blocks[:k]) and k + 1 < len(blocks):
            draft.letterhead += [x.text for x in blocks[:k]]
            return blocks[k:]
    return blocks


#: Blocks a covering letter may take before the release it encloses.
COVER_LETTER_BLOCKS = 16
_KIND_LABEL = re.compile(r"\b(?:release|statement|communiqu[eé])\b", re.I)
_ENCLOSES = re.compile(r"\b(?:enclos|attach|herewith)\w*\b.{0,80}\b(?:press|media|news)\s+(?:release|statement)", re.I)


def _take_header(draft: Draft, blocks: list[Block]) -> list[Block]:
    """Title (with its labels), subtitle and a dateline on its own line, from the top blocks."""
    if not blocks:
        return blocks
    i = 0
    # The page's marked heading (Markdown's "# …"), or the title the format gave standing again in the text,
    # under labels, a date line and contacts: they are letterhead and may date the release ("EMBARGO: NOT
    # FOR PUBLICATION BEFORE 00:01 ON THURSDAY, 12 FEBRUARY 2026").
    folded = " ".join(draft.title.split()).casefold() if draft.title is not None else None
    k = _head_block(blocks, lambda b: b.top_heading if folded is None else " ".join(b.text.split()).casefold() == folded)
    if k or (k == 0 and folded is not None):
        # (At the top, the format's own title standing again: past it, a deck may follow.)
        _letterhead_above(draft, blocks, 0, k)
        draft.title = draft.title or blocks[k].text
        i = _past_deck(draft, blocks, k + 1, set_only=k == 0)
    elif draft.title is None:
        blocks = _split_dated_headline(blocks)
        i = _skip_letterhead(draft, blocks)
        i = _headline_over_lead(draft, blocks, i)
        lead_at = _lead_under_head(blocks, i)
        i = _headline_under_label(draft, blocks, i, lead_at)
        blocks, i = _headline_in_crumbs(draft, blocks, i, lead_at)
        title_at = i
        if i and _lead_not_title(blocks[i].text):
            pass  # no headline between the letterhead and the lead ("PRESS STATEMENT" / a date / the lead): no title
        elif blocks[i].hint != "list" and not (blocks[i].text[:1] and blocks[i].text[0] in _BULLET_MARKS):
            draft.title = blocks[i].text
            i += 1
        # else a results release opening with its summary's bullets: it has no headline, and a list item
        # is none
        # A line in italics under the headline is its deck; so is one that is no sentence over the lead's prose,
        # under a headline with letterhead or a label over it, or one the format marks as the page's heading
        # (a news story's first line may be its lead without a full stop).
        if i + 1 < len(blocks) and draft.subtitle is None and not blocks[i].hint and _deck(blocks[i].text) and (
                blocks[i].emphasised or ((title_at > 0 or blocks[title_at].top_heading)
                                         and len(blocks[i].text) <= DECK_CHARS
                                         and not _SENTENCE_INSIDE.search(blocks[i].text)
                                         and not md.strip_dateline_lead(blocks[i].text)[1]
                                         and ends_sentence(blocks[i + 1].text) and len(blocks[i + 1].text) >= PROSE_CHARS)):
            draft.subtitle = blocks[i].text
            i += 1
    if draft.title:
        title, labels = md.split_labels(draft.title)
        draft.title = title
        draft.labels = draft.labels + [lab for lab in labels if lab not in draft.labels]
    header_end = i
    window = HEADER_WINDOW
    if folded is not None and k is None and draft.date is None:
        # The format's title stood apart (a page's <h1>): letterhead's lines typed as paragraphs (a member's
        # name, office, address, contacts, a label) may stand over the date line.
        dated = next((j for j in range(i, min(i + LETTERHEAD_LINES + 1, len(blocks)))
                      if md.date_only_line(blocks[j].text)), None)
        if dated is not None and dated >= i + HEADER_WINDOW and _letterhead_run(blocks[i:dated]):
            window = dated - i + 1
    for k in range(i, min(i + window, len(blocks))):
        b = blocks[k]
        dateline = md.parse_dateline(b.text) or md.date_only_line(b.text) or md.head_row_date(b.text) \
            or _fields_date(b)
        if dateline:
            place, date = dateline
            if place and md.reads_as_person(place):
                place = None  # "Chris Davies, 24 November 2026": a byline, no dateline's place
            draft.location = draft.location or place
            draft.date = draft.date or date
            header_end = k + 1
            break
    else:
        return _summary_under_heading(draft, blocks[i:])
    # Between title and dateline: the subtitle, or letterhead's lines.
    between = [b.text for b in blocks[i:header_end - 1]]
    if window > HEADER_WINDOW:
        draft.letterhead += between
    elif between and draft.subtitle is None:
        draft.subtitle = " ".join(between)
    return _summary_under_heading(draft, blocks[header_end:])


#: Most letterhead lines the search for a date line under the title passes over.
LETTERHEAD_LINES = 8


def _letterhead_run(blocks: list[Block]) -> bool:
    """Blocks that can all be letterhead over a date line: short lines, none a sentence, among them an address,
    a contact line or a label (`md.reads_as_letterhead`), and no more than `LETTERHEAD_LINES`."""
    texts = [b.text for b in blocks]
    return len(texts) <= LETTERHEAD_LINES and all(len(t) <= md.HEAD_LINE_CHARS for t in texts) \
        and md.reads_as_letterhead(texts)


# A labelled field on its own line: "Date: Sunday 19th April, 2026", "From: Example Club, Six Roads".
_FIELD_LINE = re.compile(r"[A-Z][A-Za-z ]{1,20}:\s+\S")


def _fields_date(b: Block) -> tuple[str | None, object] | None:
    """The date of a block of labelled fields, one a line ("Date: …" over "From: …"), which read as one line
    are no date line; None for any other block."""
    if len(b.lines) < 2 or not all(_FIELD_LINE.match(line) for line in b.lines):
        return None
    return next((found for line in b.lines if (found := md.date_only_line(line))), None)


# A page's summary of the story above its lead: "Story Highlights", "Key points", "At a glance".
_SUMMARY_HEADING = re.compile(r"(?:story |key )?highlights|key (?:points|facts)|at a glance|in brief|summary",
                              re.IGNORECASE)


def _summary_under_heading(draft: Draft, blocks: list[Block]) -> list[Block]:
    """The blocks past a summary the page sets under its own heading above the lead: the summary's points
    repeat the story, so they are its deck (or letterhead when it has one), not body."""
    if len(blocks) < 3 or not _SUMMARY_HEADING.fullmatch(blocks[0].text.strip(" :")) or not _is_lead(blocks[2].text):
        return blocks
    points = " ".join(blocks[1].lines or (blocks[1].text,))
    if draft.subtitle is None:
        draft.subtitle = points
    else:
        draft.letterhead.append(points)
    return blocks[2:]


_BULLET_MARKS = "•\uf0b7▪·"


def _past_deck(draft: Draft, blocks: list[Block], i: int, set_only: bool = False) -> int:
    """Past the deck, if the block at ``i``, under a headline the format marked, is one (`_deck`) with text
    below it: it is the subtitle. ``set_only``: only a deck set apart (in italics) counts, as under a title
    the format gave that opens the text again (a page's first line may be its lead)."""
    if i + 1 < len(blocks) and draft.subtitle is None and not blocks[i].hint and (
            (_deck(blocks[i].text) and not set_only) or (blocks[i].emphasised and _set_deck(blocks[i].text))):
        draft.subtitle = blocks[i].text
        return i + 1
    return i


def _head_block(blocks: list[Block], wanted: Callable[[Block], bool]) -> int | None:
    """Where the first ``wanted`` block stands when only short lines, no prose or list, stand above it."""
    for k, b in enumerate(blocks[:LETTERHEAD_WINDOW]):
        if wanted(b):
            return k
        # (A company's name ends on its legal form's full stop, "Example Network, Inc.", and an address on an
        # abbreviation's, "… Mandeville, Jamaica W.I.": no sentence.)
        if (_is_lead(b.text) and not md.is_company_name(b.text) and not md.is_address(b.text)) \
                or b.hint not in (None, "heading"):
            return None
    return None


def _letterhead_above(draft: Draft, blocks: list[Block], i: int, k: int) -> None:
    """Blocks ``i`` to ``k`` stand above the headline: letterhead, whose date line dates the release."""
    draft.letterhead += [b.text for b in blocks[i:k]]
    if draft.date is None and (found := md.head_date(line for b in blocks[i:k] for line in (b.lines or (b.text,)))):
        draft.location = draft.location or found[0]
        draft.date = found[1]


def _split_dated_headline(blocks: list[Block]) -> list[Block]:
    """A first block of a headline over its date line ("Council Passes Budget" / "May 2, 2026", perhaps
    with a place line between), typed without a blank line between them, when prose follows: two blocks,
    the title and the dateline. Joined, the headline read as the place of a dateline and the first
    paragraph became the title. Where a title line follows instead, the block is letterhead over a date
    ("Orange County District Attorney" / "May 2, 2026" / "Man Sentenced …") and stays as it is."""
    first = blocks[0]
    if len(first.lines) < 2 or len(blocks) < 2:
        return blocks
    following = blocks[1].text
    if not (ends_sentence(following) or len(following) > 120):
        return blocks
    lines = list(first.lines)
    dateline = lines.pop()
    if not md.date_only_line(dateline):
        return blocks
    if len(lines) >= 2 and md.parse_dateline(f"{lines[-1]} {dateline}"):
        dateline = f"{lines.pop()} {dateline}"  # "SPRINGFIELD, Ill." / "May 2, 2026"
    head = " ".join(lines)
    last = head.split()[-1]
    if md.date_only_line(head) or md.is_letterhead(head) or ends_sentence(head) or (last.islower() and len(last) <= 4):
        return blocks  # the lines are a sentence that wraps onto a date, or a date and letterhead
    return [Block(head, hint=first.hint, gap=first.gap), Block(dateline, gap=0), *blocks[1:]]


#: Blocks above a title that may be letterhead, labels, contacts and a date line.
LETTERHEAD_WINDOW = 12


def _skip_letterhead(draft: Draft, blocks: list[Block]) -> int:
    """Where the title stands: after the letterhead, labels, contact lines and date line a PDF export or a
    filing exhibit puts above it ("Intel Corporation / 2200 Mission College Blvd.", "Exhibit 99.1", "News
    Release", "7/27/2023"). A date line there gives the date. A company's name counts as letterhead when an
    address follows it. 0 when the first block is no letterhead (most releases)."""
    k = 0
    found_date = None
    while k < min(LETTERHEAD_WINDOW, len(blocks) - 1):
        text = blocks[k].text
        dated = md.date_only_line(text)
        if dated:
            found_date = found_date or dated
        elif not (md.is_letterhead(text) or (k + 1 < len(blocks) and len(text.split()) <= 5
                                              and not ends_sentence(text) and md.is_address(blocks[k + 1].text))
                  or _letterhead_lines(blocks[k].lines) or md.letterhead_block(blocks[k].lines)
                  or _office_above_title(blocks, k)):
            break
        else:
            # "MEDIA RELEASE   Date: 18.11.2026", a date line among the letterhead's: the release's date.
            found_date = found_date or md.head_date(blocks[k].lines or (text,))
        k += 1
    if k == 0 or (k >= len(blocks) - 1):
        return 0
    draft.letterhead += [b.text for b in blocks[:k]]
    if found_date:
        draft.location = draft.location or found_date[0]
        draft.date = draft.date or found_date[1]
    return k


def _headline_over_lead(draft: Draft, blocks: list[Block], i: int) -> int:
    """Where the headline stands when the block taken for it at ``i`` is one the release's opening does not
    speak about and a later block above the lead is one it does (`md.headline_below`). ``i`` otherwise."""
    lead_at = next((k for k in range(i, min(i + LETTERHEAD_WINDOW, len(blocks))) if _is_lead(blocks[k].text)), None)
    if lead_at is None or lead_at - i < 2:
        return i
    opening = blocks[lead_at].text
    candidates = {k: blocks[k].text for k in range(i + 1, lead_at) if not blocks[k].hint}
    k = md.headline_below(blocks[i].lines or blocks[i].text, candidates, opening)
    if k is None:
        return i
    draft.letterhead += [b.text for b in blocks[i:k]]
    for b in blocks[i:k]:
        dated = md.date_only_line(b.text)
        if dated and draft.date is None:
            draft.location = draft.location or dated[0]
            draft.date = dated[1]
    return k


def _headline_under_label(draft: Draft, blocks: list[Block], i: int, lead_at: int | None) -> int:
    """Where the headline stands, above the lead at ``lead_at``, when a label line parts the letterhead from it
    (`md.headline_under_label`); the label's date line dates the release. ``i`` otherwise."""
    if lead_at is None or lead_at - i < 2:
        return i
    j = md.headline_under_label([blocks[k].lines or (blocks[k].text,) for k in range(i, lead_at)], blocks[lead_at].text)
    if not j or blocks[i + j].hint == "list" or blocks[i + j].text[:1] in _BULLET_MARKS:
        return i  # a results release's summary under its label: a list item is no headline
    _letterhead_above(draft, blocks, i, i + j)
    return i + j


def _headline_in_crumbs(draft: Draft, blocks: list[Block], i: int, lead_at: int | None) -> tuple[list[Block], int]:
    """The blocks and where the headline stands when a copied page's breadcrumb trail ends in a line that stands
    again below it, above the lead ("Home » News » Province releases …" / … / "Province releases …"): the
    page's own heading, whatever menus and site names stand above it. The heading's block is split after it
    (a date line typed under it: each line of the rest a block)."""
    if lead_at is None:
        return blocks, i
    lines = [(k, n, line) for k in range(i, lead_at) for n, line in enumerate(blocks[k].lines or (blocks[k].text,))]
    for at, (_, _, line) in enumerate(lines):
        last = md.crumb_title(line)
        if last is None:
            continue
        found = next(((k, n) for k, n, below in lines[at + 1:] if below.casefold() == last.casefold()), None)
        if found is None:
            return blocks, i
        k, n = found
        b = blocks[k]
        draft.letterhead += [x.text for x in blocks[i:k]]
        # The lines typed under the heading are the page's head lines: a date, a section's name, a byline.
        parts = [Block(last, gap=b.gap), *(Block(line, gap=0) for line in b.lines[n + 1:])]
        return [*blocks[:k], *parts, *blocks[k + 1:]], k
    return blocks, i


def _lead_under_head(blocks: list[Block], i: int) -> int | None:
    """The lead's block at or after ``i``, within the letterhead's window. A letterhead or a site's menu typed as
    one block may be as long as a lead, or end on "…": its lines tell it apart."""
    for k in range(i, min(i + LETTERHEAD_WINDOW, len(blocks))):
        lines = blocks[k].lines
        if _is_lead(blocks[k].text) and not (len(lines) > 1 and (
                md.reads_as_letterhead(lines) or _menu_lines(lines))):
            return k
    return None


#: Most words of a site's menu entry ("About the Parish Courts").
MENU_ENTRY_WORDS = 5


def _menu_lines(lines: tuple[str, ...]) -> bool:
    """A site's menu typed as one block: every line a menu entry, or all but two (the site's name, the page's
    breadcrumb trail) in a run of four or more, or a line that is a breadcrumb trail."""
    short = sum(len(line.split()) <= MENU_ENTRY_WORDS for line in lines)
    return short == len(lines) or (len(lines) >= 4 and short >= len(lines) - 2) \
        or any(md.crumb_title(line) for line in lines)


def _letterhead_lines(lines: tuple[str, ...]) -> bool:
    """Lines typed together above a title, each a letterhead line or a date line ("No. PR-114/2026" /
    "Islamabad, March 12, 2026"; "Date: 4 March 2026" / "Ref: KRC/PR/2026/011"), under the company's name."""
    return len(lines) > 1 and all(md.is_letterhead(line) or md.date_only_line(line)
                                  or (n == 0 and md.is_company_name(line)) for n, line in enumerate(lines)) \
        and any(md.is_letterhead(line) for line in lines)


def _head_line(line: str) -> str:
    """What a line above the title is: ``label``, ``date``, ``office`` (a letterhead naming a body) or
    ``text``."""
    if md.is_letterhead(line):
        return "label"
    if md.date_only_line(line):
        return "date"
    return "office" if md.is_office_line(line) else "text"


#: Fewest words of a paragraph of prose that is never a headline.
LEAD_WORDS = 30


def _lead_not_title(text: str) -> bool:
    """A paragraph of prose, which a headline never is: a sentence of thirty words or more, over 200
    characters."""
    return len(text) > 200 and ends_sentence(text) and len(text.split()) >= LEAD_WORDS


def _is_lead(text: str) -> bool:
    """The release's first paragraph: a sentence, or a dateline opening text. A short line that ends on a
    quoted phrase with no stop inside it is a headline ('Three charged after seniors lose $1.3 million in
    "grandparent scam"'): prose puts its full stop there."""
    # (A search box's "Search …" ends on an ellipsis and is no sentence.)
    return (ends_sentence(text) and not _quoted_phrase_end(text) and len(text.split(None, 2)) > 2) or len(text) > 200 \
        or (md.strip_dateline_lead(text)[1] is not None and not md.is_label(text))


#: Longest line whose closing quoted phrase may end a headline rather than a sentence.
QUOTED_HEADLINE_CHARS = 160


def _quoted_phrase_end(text: str) -> bool:
    end = text.rstrip()
    return len(end) <= QUOTED_HEADLINE_CHARS and end[-1:] in "\"”" and end[-2:-1].isalnum()


def _office_above_title(blocks: list[Block], k: int) -> bool:
    """Whether block ``k`` is letterhead naming the issuing body over the title ("St Example Hospital, Galway" /
    "PRESS RELEASE" / date / title; "MINISTRY OF EXAMPLE" / title): each of its lines a label, a date or a
    body's name, and a title still below it before the lead, with a label line in the block or between the
    two, or the body's name in capitals over a title that is not."""
    lines = blocks[k].lines or (blocks[k].text,)
    kinds = [_head_line(line) for line in lines]
    if "text" in kinds or "office" not in kinds:
        return False
    # A label line in the block, or a body's name over its department or place ("City Information Office" /
    # "City of Example"), is letterhead's own layout; a date alone is not ("Council Opens Flood Centre" / "3
    # March 2026" / a deck: the headline, its date and its deck).
    between = "label" in kinds or (len(lines) > 1 and _names_body(lines[0])) or (
        # "NEWS RELEASE …" in the letterhead above an issuer's name ("Province of Nova Scotia")
        md.names_issuer(list(lines)) and any(md.is_label(blocks[x].text) for x in range(k)))
    for j in range(k + 1, min(k + 1 + HEADER_WINDOW, len(blocks))):
        text = blocks[j].text
        if _is_lead(text):
            return False
        below = [_head_line(line) for line in (blocks[j].lines or [text])]
        if all(kind in ("label", "date") for kind in below):
            between = between or "label" in below
            continue
        if between:
            # The title still to come: running text, not a list item (a results release's summary).
            return blocks[j].hint is None and text[:1] not in _BULLET_MARKS
        # No label between: only a body's name in capitals (with an organisation's word) over a title in
        # small letters; not a headline in capitals over its deck, which the lead repeats more than the deck
        # ("NEW HEART UNIT OPENS IN KANDY" over "The ministry today opened a heart unit in Kandy …").
        head = blocks[k].text
        if not (head.isupper() and not text.isupper() and _names_body(head)):
            return False
        lead = next((b.text for b in blocks[j + 1:j + 1 + HEADER_WINDOW] if _is_lead(b.text)), None)
        return lead is None or not md.reads_as_headline_of(head, lead, below=text)
    return False


def _names_body(text: str) -> bool:
    return any(w.strip(",.'’").lower() in ORGANISATION_WORDS for w in text.split())


def _strip_lead(draft: Draft, blocks: list[Block]) -> Block | None:
    """Remove the wire marker or dateline that opens the first paragraph. True if one was removed.

    A page may give its subtitle as a paragraph above the wire marker: it is taken as the subtitle.
    """
    for k, b in enumerate(blocks[:HEADER_WINDOW]):
        if k and b.text and not b.hint and wire_lead(b.text):
            above = [x for x in blocks[:k] if x.text and not x.hint]
            if draft.subtitle is None and above and all(not ends_sentence(x.text) or len(x.text) < 300 for x in above):
                draft.subtitle = " ".join(x.text for x in above)
                for x in above:
                    x.text = ""
            break
    passed = 0
    only_short = True
    first: Block | None = None  # the first block passed over, the lead not found in it
    for b in blocks:
        if not b.text or b.hint or md.is_label(b.text, alone=True):
            continue  # a label over the headline's deck ("PRESS RELEASE") is neither lead nor deck
        if passed:
            # Past the first paragraph a dateline counts with its date (a summary's bullets and their wrapped
            # halves stand above the lead in results releases): "SANTA CLARA, Calif., April 27, 2023 –"; without
            # one only under short lines that are no prose (a case number, a name, a label).
            rest, place, date = md.strip_dateline_lead(b.text)
            under_deck = passed == 1 and first is not None and (
                _deck(first.text) or (first.emphasised and _set_deck(first.text)))
            if place and (date or ((only_short or under_deck) and _city_like(place))):
                _take_dateline(draft, place, date, b.text[: len(b.text) - len(rest)])
                b.text = rest
                if under_deck and draft.subtitle is None:
                    draft.subtitle, first.text = first.text, ""  # the headline's deck, just over the dateline
                return b  # the lead, under a summary's bullets
            if passed >= LEAD_SEARCH or len(b.text) > LEAD_SEARCH_CHARS:
                return None
            passed += 1
            only_short = only_short and _short_line(b.text)
            continue
        rest, wire, dateline = md.strip_wire_lead(b.text)
        if wire:
            draft.source = draft.source or wire
            # "SAN FRANCISCO, CA--(Marketwired - April 06, 2016) -": the date may sit in the marker.
            in_marker = find_date(b.text[: len(b.text) - len(rest)])
            if in_marker and draft.date is None:
                draft.date = in_marker[0]
            if dateline:
                parsed = md.parse_dateline(dateline)
                if parsed:
                    draft.location = draft.location or parsed[0]
                    draft.date = draft.date or parsed[1]
                elif (day := find_month_day(dateline)) and dateline[: day[1].start()].strip(" ,"):
                    # "HEMPSTEAD, N.Y., Sept. 26 (UPI) —": the place, and a day that wants its year.
                    _take_dateline(draft, dateline[: day[1].start()].strip(" ,"), None, dateline)
                else:
                    draft.location = draft.location or dateline
            b.text = rest
            return b
        rest, place, date = md.strip_dateline_lead(b.text)
        if place:
            _take_dateline(draft, place, date, b.text[: len(b.text) - len(rest)])
            b.text = rest
            return b
        passed = 1
        only_short = _short_line(b.text)
        first = b
    return None


def _take_dateline(draft: Draft, place: str, date: object | None, written: str) -> None:
    """The place and date of the lead's dateline ``written``; a day and month it gives without the year are
    kept for `dates.year_of`, which reads the year from the whole release."""
    if draft.location is None:
        draft.location = place
        if date is None and draft.date is None and (day := find_month_day(written)):
            draft.month_day = day[0]
    draft.date = draft.date or date


def _short_line(text: str) -> bool:
    """A line above the lead that is no prose: short, or a letterhead's row of parts set apart by dots or bars
    ("Corporate Communications Department · Example Road, Karachi · UAN: 021-111-555-426")."""
    return not ends_sentence(text) and (len(text) <= SHORT_LINE_CHARS or (
        ("·" in text or "|" in text) and len(text) <= md.HEAD_LINE_CHARS))


def _set_deck(text: str) -> bool:
    """A line the format sets off under the headline (in italics, or named a deck) that reads as one: four
    words or more, no sentence's full stop, no date ("Series B round led by Sahel Growth Partners; …")."""
    return len(text.split()) >= DECK_WORDS and (not ends_sentence(text) or _quoted_phrase_end(text)) \
        and not md.date_only_line(text)


#: Shortest lead under a deck, and longest deck typed as a line of its own.
PROSE_CHARS = 100
DECK_CHARS = 200
# A sentence's end inside a block, before the next one: "… -- Weeds cover the greens. A short drive away …".
_SENTENCE_INSIDE = re.compile(r"[.!?][\"”’']*\s+[A-Z“\"]")
#: Fewest words of a deck the format sets off.
DECK_WORDS = 4


def _deck(text: str) -> bool:
    """A line under the headline that says more of it, in words of its own: six words or more, most of them
    in small letters, no sentence's full stop, no label, date or name ("Two hundred children a year will no
    longer travel for surgery")."""
    words = text.split()
    return len(words) >= 6 and (not ends_sentence(text) or _quoted_phrase_end(text)) \
        and sum(w[:1].islower() for w in words) * 2 >= len(words) \
        and not md.is_letterhead(text) and not md.date_only_line(text)


def _city_like(place: str) -> bool:
    """"SANTA ANA", "SAN JUAN CAPISTRANO, Calif.": a city's name, not a capitalised headline ending in a dash
    ("OCDA ISSUES CUSTODIAL DEATH REPORT –")."""
    city, _, state = place.partition(",")
    return len(city.split()) <= (3 if state.strip() else 2) or is_place(city.strip().title())  # "PORT OF SPAIN"


#: Short blocks (headings, bullet halves) above the lead that the search for a dated dateline passes over.
LEAD_SEARCH = 6
LEAD_SEARCH_CHARS = 240
#: Longest line above the lead that counts as a label, a name or a case number.
SHORT_LINE_CHARS = 80


def wire_lead(text: str) -> bool:
    return md.strip_wire_lead(text)[1] is not None


#: Most lines a sign-off holds under its label.
SIGNOFF_LINES = 4


def _signoff_line(line: str) -> bool:
    """A line of a sign-off: short, no sentence inside, no telephone number or e-mail (a contact's)."""
    return len(line) <= md.HEAD_LINE_CHARS and len(line.split()) <= 14 and not md.may_hold_phone_or_email(line) \
        and not _SENTENCE_INSIDE.search(line)


def _take_contacts(draft: Draft, blocks: list[Block]) -> list[Block]:
    """Trailing short blocks with a name, organisation, phone or e-mail are the media contacts; the signatory's
    name and office over them sign the statement off, and are no text either."""
    found = len(draft.contacts)
    kept = _take_contact_blocks(draft, blocks)
    about = next((k for k in range(len(kept) - 1, max(0, len(kept) - ABOUT_BLOCKS) - 1, -1)
                  if kept[k].hint == "about" or (kept[k].hint is None and _about(kept[k].text))), None)
    if len(draft.contacts) == found and about and md.may_hold_phone_or_email(kept[about - 1].text):
        # No contact under the About section the release ends with: they may stand over it ("Media contact:
        # Jane Roe · 555 0164 · jane@…" then "About Example — …").
        kept = _take_contact_blocks(draft, kept[:about]) + kept[about:]
    while kept and md.is_signatory_block(kept[-1].lines):
        kept = kept[:-1]
    # Over the back matter the end mark opened (an About section), the sign-off ends the text all the same.
    end = len(kept)
    while end and kept[end - 1].hint == "about":
        end -= 1
    while 0 < end < len(kept) and (md.is_signatory_block(kept[end - 1].lines) or md.is_issuer_line(kept[end - 1].text)):
        del kept[end - 1]
        end -= 1
    return kept


#: Most blocks an About section under the contacts runs to.
ABOUT_BLOCKS = 3


def _take_contact_blocks(draft: Draft, blocks: list[Block]) -> list[Block]:
    k = len(blocks)
    parts: list[list[str]] = []  # from the last block up
    while k > 0 and len(blocks) - k < CONTACT_WINDOW and blocks[k - 1].hint != "quote-mark":
        text = blocks[k - 1].text
        # A contact given on one line ("Media contact: Jane Roe, Head of Communications, press@…") counts as
        # the lines it would take; so do the lines of a block typed a contact a line.
        lines = blocks[k - 1].lines if len(blocks[k - 1].lines) > 1 else (text,)
        fields = [md.contact_fields(line) for line in lines]
        if not all(f or md.looks_like_contact_line(line) or md.is_issuer_line(line) for f, line in zip(fields, lines)):
            break
        parts.append([x for f, line in zip(fields, lines) for x in (f or [line])])
        k -= 1
    # The issuer's line goes with the contacts, but names no one to contact.
    tail = [line for part in reversed(parts) for line in part if not md.is_issuer_line(line)]
    # A sign-off naming the issuer ends the release whatever stands above it ("Authorised by J. Roe MP, …").
    signed = len(blocks)
    while signed > k and md.is_issuer_line(blocks[signed - 1].text):
        signed -= 1
    if parts and not tail:
        return blocks[:k]
    if not any(md.may_hold_phone_or_email(t) for t in tail):
        return blocks[:signed]  # a menu of short lines: no contact in it would have a phone or an e-mail
    contacts = md.parse_contacts(tail) if tail else []
    if not contacts or not any(c.phone or c.email for c in contacts):
        return blocks[:signed]
    draft.contacts = draft.contacts + contacts
    return blocks[:k]


def _assemble(blocks: list[Block], title: str | None = None, listed: set[int] | None = None,
              set_off: set[int] | None = None) -> list[Paragraph]:
    """Blocks to paragraphs; a boxed pull quote (quote mark, name line, quote, credit) becomes one. The ids
    of list items go into ``listed``, those of paragraphs set off as quotations into ``set_off``.

    Headings the format marked are not body (an "About X" heading stays: it opens the About section),
    nor is the title repeated in the page.
    """
    out: list[Paragraph] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if (b.hint == "heading" and not opens_back_matter(b.text)) or (title and b.text == title) \
                or (not b.text and b.hint != "quote-mark"):
            i += 1  # (a block emptied on the way: a deck taken for the subtitle)
            continue
        if b.hint == "quote-mark":
            i += 1
            name = None
            if i < len(blocks) and blocks[i].hint == "quote-name":
                name = blocks[i].text
                i += 1
            if i < len(blocks):
                out.append(Paragraph(0, "pullquote", blocks[i].text, speaker=name or blocks[i].speaker))
                i += 1
                # The credit line under a boxed quote ("NCRI") is layout, not text.
                if i < len(blocks) and len(blocks[i].text) <= 40 and not ends_sentence(blocks[i].text) \
                        and len(blocks[i].text.split()) <= 4:
                    i += 1
            continue
        if b.hint == "quote-name" and i + 1 < len(blocks):
            out.append(Paragraph(0, "body", blocks[i + 1].text, speaker=b.text))
            i += 2
            continue
        kind = b.hint if b.hint in ("pullquote", "caption", "about") else "body"
        out.append(Paragraph(0, kind, b.text, speaker=b.speaker))
        if b.hint == "list" and listed is not None:
            listed.add(id(out[-1]))
        if b.set_off and set_off is not None:
            set_off.add(id(out[-1]))
        i += 1
    return out
