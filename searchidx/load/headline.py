"""The headline over the lead: a check of the title a text export's top lines gave.

The rules that read a text export's head go from the top down and take the first line no rule knows for
letterhead. A letterhead laid out in a way none of them knows (an issuer's name with its document's label,
a registration line, a language switcher, contact rows) then stands as the title. This check goes the other
way, from the lead up: past date lines, labels, reference and contact rows, the first line that reads as a
headline and that the lead takes up is the headline, when the title taken reads as letterhead.
"""

from __future__ import annotations

import re

from searchidx.load import metadata as md
from searchidx.load.cleaning import clean_line, ends_sentence
from searchidx.load.dates import find_date
from searchidx.load.structure import is_advisory_fact

#: Lines above the lead the check reads, at most.
HEAD_LINES = 40
#: Most lines a wrapped headline takes in a text export.
HEADLINE_LINES = 3
#: Most words of a headline; a line of more is prose.
HEADLINE_WORDS = 30
#: Fewest of a headline's words (stems) its lead takes up.
TAKEN_UP = 0.15

# A document's kind named in a line: "PRESS RELEASE", "Media Statement", "COMMUNIQUÉ", "Taarifa … / PRESS RELEASE".
_KIND = re.compile(r"\b(?:(?:press|media|news)\s+(?:release|statement|advisory|note|notice)|communiqu[eé]|"
                   r"for immediate release)\b", re.I)
# A labelled field of a letterhead, perhaps in two languages ("Dyddiad / Date:", "Cyf / Ref:", "Simu/Tel:").
_FIELD = re.compile(r"^(?:[^\W\d][\w.’']{0,20}(?: [^\W\d][\w.’']{0,12})?\s?/\s?)?"
                    r"(?:dated?|ref(?:erence)?(?:\.? no\.?)?|our ref|your ref|pages?|tel|telephone|phone|ph|fax|mobile|mob|cell|"
                    r"e-?mail|web(?:site)?|url|contacts?|cin|gstin|reg(?:d)?\.?(?: no\.?| office)?|registration no\.?|"
                    r"issued(?: by)?|file(?: no\.?)?)\s*[:.]|^p\.\s?o\.\s?box\b|^po box\b", re.I)
# A site's name after a page's title: "STATEMENT - Orange County District Attorney".
_SITE_AFTER = re.compile(r"\s+[-–—|]\s+(?:The\s+)?(?:[A-Z][\w’'.&-]*\s+){0,5}(?:Attorney|Office|Council|Ministry|Department|"
                         r"Authority|Police|Government|Agency|Commission|Service)$")
_ADVISORY = re.compile(r"\badvisory\b", re.I)
# A post's categories or tags in a row: "Public Notices, Public Health" (each a few capitalised words).
_CATEGORY_ROW = re.compile(r"^[A-Z][\w&'’-]*(?: [A-Z&][\w&'’-]*){0,2}(?:, [A-Z][\w&'’-]*(?: [A-Z&][\w&'’-]*){0,2})+$")
_RULE = re.compile(r"^[\s\-–—_=*•·~#.]+$")
# A page's tools copied with it: "Print   Email   Share", "Font size: A- A A+", "Download PDF".
_TOOL_CELL = re.compile(r"^(?:(?:font|text)[ -]size\b.{0,20}|A[-+]|print|e-?mail|share|download(?: pdf)?|listen|"
                        r"bookmark|rss|tweet)$", re.I)
_PAGE = re.compile(r"\bpage \d+ of \d+\b", re.I)
_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.I)


def furniture(line: str) -> bool:
    """A line of a letterhead or a head row, no headline: a label, a date, a reference, a field, an address,
    a telephone, an e-mail address, a rule, a page number, a language switcher, a breadcrumb trail, cells of
    these set apart."""
    s = line.strip()
    if not s or _RULE.match(s) or _PAGE.search(s) or md.is_crumb_trail(s):
        return True
    if s[:1] in "*_":
        s = clean_line(s)  # a Markdown line in emphasis: "*Friday 27 March 2037*"
        if not s:
            return True
    if md.SHARE_ROW.match(s) or md.TAGS_ROW.match(s):
        return True
    cells = md.head_cells(s) if "   " in s else [s]
    return all(_furniture_cell(c) for c in cells if c.strip())


def _furniture_cell(cell: str) -> bool:
    s = cell.strip()
    if md.is_label(s) or md.is_reference(s) or md.date_only_line(s) or _TOOL_CELL.match(s):
        return True
    # An address's words are names and numbers: a line of small words that ends on "… in 18 tea gardens" is
    # a headline.
    if (md.is_letterhead(s) or md.is_address(s)) and _small_words(s) <= ADDRESS_SMALL_WORDS:
        return True
    if _FIELD.match(s + " ") or _URL.search(s) or md.find_email(s) or _switcher(s) or md.is_byline(s) \
            or _CATEGORY_ROW.match(s):
        return True  # (a byline, "By Jane Roe", "Posted by …"; a row of categories)
    # A date with the document's label ("Wednesday 25th October 2028 - for immediate release").
    if len(s) < 90 and find_date(s) and _KIND.search(s):
        return True
    # The document's label with the issuer's name, in capitals or title case ("PRESS RELEASE - OFFICE OF …"),
    # not with a headline in title case ("FOR IMMEDIATE RELEASE: Former … Charged in … Scheme").
    rest = _KIND.sub(" ", s)
    return bool(_KIND.search(s)) and rest.isupper() and any(md.is_issuer_word(w) for w in rest.split())


def _switcher(s: str) -> bool:
    """A page's language switcher or text-size row: "සිංහල | தமிழ் | English", "A A A"."""
    parts = [p for p in re.split(r"\s*\|\s*|\s+", s) if p]
    return len(parts) >= 2 and ("|" in s or all(len(p) <= 2 for p in parts)) and all(len(p.split()) <= 2 for p in parts) \
        and len(s) <= 60 and not any(c.isdigit() for c in s)


#: Most words in small letters (joining words aside) of an address or a letterhead line.
ADDRESS_SMALL_WORDS = 2


def _small_words(text: str) -> int:
    return sum(1 for w in re.findall(r"[^\W\d_][\w’'.\-]*", text) if w[0].islower() and w.lower() not in _JOINING)


def _no_small_words(text: str) -> bool:
    """No word in small letters but joining words: a name, a heading in capitals."""
    words = re.findall(r"[^\W\d_][\w’'.\-]*", text)
    return bool(words) and all(not w[0].islower() or w.lower() in _JOINING for w in words)


_JOINING = frozenset("of and the for on in at to de del la da van von y e wa ya la na".split())


def reads_as_letterhead(title: str) -> bool:
    """A title that is letterhead: fields, contacts, a label with the issuer's name, a switcher, or lines of
    these joined."""
    if furniture(title):
        return True
    return bool(md.find_email(title) or _URL.search(title) or md.holds_phone(title) or _FIELD_IN.search(title))


_FIELD_IN = re.compile(r"\b(?:ref(?:erence)?|date|tel|ph|phone|fax|mob(?:ile)?)\s*(?:no\.?\s*)?:|\b(?:reg(?:d)?|cin)\s*(?:no\.?\s*)?[:.]|\bp\.\s?o\.\s?box\b",
                       re.I)


def _body_name(title: str) -> bool:
    """A body's name standing as the title: a few capitalised words, the last an organisation's ("WINDMILL
    HILL ATHLETIC CLUB")."""
    name, comma, town = title.rpartition(",")
    if comma and 0 < len(town.split()) <= 2 and _no_small_words(town):
        title = name  # its town after it: "Ravi Institute of Child Health, Lahore"
    words = title.split()
    # The body's word ends the name or heads it before "of" ("Ravi Institute of Child Health", "Independent
    # Inquiry into Damp and Mould", "Commission on Human Rights").
    head = words[-1:] + [w for w, nxt in zip(words, words[1:]) if nxt.lower() in ("of", "into", "on", "for")]
    return md.is_office_line(title) and 0 < len(words) <= BODY_NAME_WORDS and any(map(md.is_issuer_word, head))


def _letterhead_lines(above: list[str], title: str) -> bool:
    """Whether the lines the title was read from are letterhead: a site's menu among them, one of their cells an
    address, a telephone, a field ("Room 555, Main Capitol Building"), or the issuer's name in capitals right over its contact row
    ("OFFICE OF THE … PROSECUTOR" / "P.O. Box …, Mombasa | Tel: … | press@…")."""
    folded = " ".join(title.split())
    parts = [k for k, ln in enumerate(above) if len(ln.strip()) >= TITLE_PART_CHARS and " ".join(ln.split()) in folded]
    if not parts:
        return False
    # The lines the title was read from: from the last one it opens with (a page repeats its title above).
    first = next((k for k in range(len(above) - 1, -1, -1)
                  if above[k].strip() and folded.startswith(" ".join(above[k].split()))), parts[0])
    last = max((k for k in range(first, len(above)) if len(above[k].strip()) >= TITLE_PART_CHARS
                and _within(above[k], folded)), default=first)
    read = first
    while read + 1 < len(above) and folded.startswith(" ".join(" ".join(above[first:read + 2]).split())):
        read += 1  # the lines the title joins, however short
    if _menu_run(above[first:max(last, read) + 1]):
        return True  # a site's name read together with its menu ("… Police Office" / "ABOUT US" / "NEWS" / …)
    for k in parts:
        s = above[k].strip()
        cells = md.head_cells(s) if "   " in s else [s]
        if len(cells) > 1 and any(_contact_cell(c) or md.is_address(c) for c in cells):
            return True
        if _ROW_GAP.search(s):
            return True  # cells set far apart on one row ("SENATOR JANE ROE          Senate of Example"): no headline
    below = next((ln.strip() for ln in above[parts[-1] + 1:] if ln.strip()), "")
    cells = [c for c in re.split(r"\s+[|·•]\s+|\s{3,}", below) if c.strip()]
    # (The row's other cells are furniture or names: an address's first line, "Ofisi ya Kamanda wa Polisi,".)
    return _no_small_words(title) and any(md.is_issuer_word(w) for w in title.split()) and bool(cells) \
        and all(furniture(c) or _no_small_words(c) for c in cells) and any(_contact_cell(c) for c in cells)


def _within(line: str, text: str) -> bool:
    """Whether ``line``'s words stand whole in ``text`` (joined with single spaces)."""
    return re.search(r"(?<!\S)" + re.escape(" ".join(line.split())) + r"(?!\S)", text) is not None


def _contact_cell(cell: str) -> bool:
    cell = cell.strip()
    return bool(md.find_email(cell) or md.holds_phone(cell) or _FIELD.match(cell + " "))


_ROW_GAP = re.compile(r"\S {6,}\S")
#: Shortest line read as a part of the title.
TITLE_PART_CHARS = 8


def _menu_entry(line: str) -> bool:
    """A site's menu entry or share link: a few words, no sentence's stop, no figure ("About us", "Facebook"); a
    run's label ends on a colon ("Share:")."""
    s = line.strip().removesuffix(":")
    return bool(s) and len(s.split()) <= MENU_WORDS and s[-1:] not in ".,:;!?" and not any(c.isdigit() for c in s)


def _menu_run(lines: list[str]) -> bool:
    """A site's menu among ``lines``: a run of entries ("Home" / "About" / "News" / "Donate"), blank lines
    aside."""
    run = 0
    for ln in lines:
        run = run + 1 if _menu_entry(ln) else 0 if ln.strip() else run
        if run >= MENU_LINES:
            return True
    return False


def in_menu(lines: list[str], k: int) -> bool:
    """Whether line ``k`` is one of a run of entries typed together ("Share this" / "Facebook" / "X")."""
    def entry(j: int) -> bool:
        return 0 <= j < len(lines) and _menu_entry(lines[j])
    if not entry(k):
        return False
    start = end = k
    while entry(start - 1):
        start -= 1
    while entry(end + 1):
        end += 1
    return end - start + 1 >= MENU_LINES - 1


#: Most words of a menu entry, and the fewest entries in a row that make a menu.
MENU_WORDS = 3
MENU_LINES = 4


#: Most words of a body's name.
BODY_NAME_WORDS = 6


def headline_above(lines: list[str], lead: str, title: str, one_per_line: bool) -> tuple[str, int] | None:
    """(headline, index of its first line) above the lead in ``lines`` (the file's lines, as typed), when
    ``title`` reads as letterhead and the headline differs from it; None otherwise. ``one_per_line``: the
    file gives one paragraph a line, so a headline takes one line."""
    at = _lead_line(lines, lead)
    if at is None or _ADVISORY.search(title):
        return None  # an advisory's label over its facts ("WHO: …"): no headline to find
    k = at - 1
    # From the lead up: the furniture between the headline and the lead (a date line, a label, a rule, a
    # run of share links or menu entries).
    while k >= max(0, at - HEAD_LINES) and (not lines[k].strip() or furniture(lines[k]) or in_menu(lines, k)):
        k -= 1
    if k < max(0, at - HEAD_LINES):
        return None
    start, end = _wrapped(lines, k, one_per_line)
    # (The lines as typed: a Markdown heading's marks and emphasis are no part of the headline.)
    headline = _SITE_AFTER.sub("", " ".join(clean_line(ln) for ln in lines[start:end + 1]))
    if not _headline(headline, lead) or _fold(headline) == _fold(title):
        return None
    if not one_per_line and _deck_like(headline):
        # A deck in small letters under the headline in capitals, a blank line between: the headline is above.
        k = start - 1
        while k >= 0 and not lines[k].strip():
            k -= 1
        if k >= 0 and k < start - 1 and lines[k].strip().isupper() and not furniture(lines[k]):
            up_start, up_end = _wrapped(lines, k, one_per_line)
            above_deck = " ".join(clean_line(ln) for ln in lines[up_start:up_end + 1])
            if _headline(above_deck, lead) and not _body_name(above_deck):
                headline, start = above_deck, up_start
    if _fold(title).startswith(_fold(headline)):
        return None  # the title holds it: a headline and its deck, read together
    joined = " ".join(title.split())
    at_title = joined.lower().find(" ".join(headline.split()).lower())
    if md.ends_in_crumb_trail(joined):
        return headline, start  # a breadcrumb trail taken for the title ("News > …", "… You are here: Home > …")
    if at_title > 0 and _starts_block(lines, start):
        # The title read lines over the headline with it ("… Police Office" / a menu / the headline): those
        # lines are checked for letterhead.
        title = joined[:at_title].strip()
    elif _fold(headline) in _fold(title):
        return None
    above = [ln for ln in lines[max(0, start - HEAD_LINES):start] if ln.strip()]
    # The issuer's name gives way where a label or a site's menu stands between it and the headline, or a
    # label between the headline and the lead ("… AUTHORITY" / the headline / "FOR IMMEDIATE RELEASE" / a date).
    labelled = any(md.is_label(ln.strip()) or (_KIND.search(ln) and furniture(ln))
                   for ln in (*above, *lines[end + 1:at])) or _menu_run(above)
    # (A headline in title case or capitals has no small words either: only a body's name gives way without
    # letterhead's fields in the title itself.)
    # (The title's lines may stand below the headline: a row of share links taken for a headline under a label.)
    head = [ln for ln in lines[max(0, at - HEAD_LINES):at] if ln.strip()]
    # A breadcrumb trail above that ends in the headline names the page ("Home » News » <headline>"): the
    # title taken over it (a site's motto, its name) is the page's furniture.
    crumbed = any(md.is_crumb_trail(ln.strip()) and _fold(ln).endswith(_fold(headline)) for ln in above)
    # (So does a trail right above it that the title runs over: "… Contact Us Media Centre > Press Releases >
    # 2036" read as one line with the menu over it.)
    prev = next((ln.strip() for ln in reversed(lines[:start]) if ln.strip()), "")
    crumbed = crumbed or (md.is_crumb_trail(prev) and _fold(prev) in _fold(title))
    if crumbed or reads_as_letterhead(title) or _letterhead_lines(head, title) or (labelled and (
            _body_name(title) or _over_contacts(above, title, lead))):
        return headline, start
    return None


#: Most words of a name heading a letterhead ("MAIRI MACINNES MSP", "CLWB RYGBI ENGHRAIFFT RFC").
LETTERHEAD_NAME_WORDS = 6


def _over_contacts(above: list[str], title: str, lead: str) -> bool:
    """Whether the title heads a letterhead's rows: a short line, no sentence, over lines (down to the
    headline) that are each furniture, a name or an office (no small words: "Member of the Scottish Parliament
    for …", "Caledonian Democrats") or an address, one of them at least an address or a contact row, and none
    a headline the lead takes up (a page's title over its contacts and its headline printed again)."""
    folded = " ".join(title.split())
    # A name: a few words, no figure, no small words, in capitals or with a post-nominal ("MAIRI MACINNES MSP",
    # "Jane Roe MLA"): a headline in title case has no small words either.
    if len(folded.split()) > LETTERHEAD_NAME_WORDS or any(c.isdigit() for c in folded) or not _no_small_words(folded) \
            or not (folded.isupper() or md.strip_post_nominals(folded) != folded):
        return False
    last = max((k for k, ln in enumerate(above) if len(ln.strip()) >= TITLE_PART_CHARS and _within(ln, folded)),
               default=None)
    rows = [ln.strip() for ln in above[last + 1:]] if last is not None else []
    return bool(rows) and all((furniture(r) or _no_small_words(r) or md.is_address(r)) and not _headline(r, lead)
                              for r in rows) \
        and any(md.is_address(r) or any(_contact_cell(c) for c in re.split(r"\s+[|·•]\s+|\s{3,}", r)) for r in rows)


def _wrapped(lines: list[str], k: int, one_per_line: bool) -> tuple[int, int]:
    """(first, last) index of the headline whose last line is ``k``: wrapped over lines typed together (no
    blank line between, none furniture or a sentence's end, all in capitals or none), at most
    `HEADLINE_LINES`."""
    start = k
    if not one_per_line:
        while start > 0 and k - start + 1 < HEADLINE_LINES and lines[start - 1].strip() \
                and not furniture(lines[start - 1]) and not lines[start - 1].rstrip().endswith((".", ":", "!", "?")) \
                and lines[start - 1].strip().isupper() == lines[k].strip().isupper():
            start -= 1
    return start, k


#: Fewest words of a deck.
DECK_WORDS = 6


def _deck_like(text: str) -> bool:
    """A deck's words: six or more, most in small letters ("Plant to source from 9,000 contract farmers; …")."""
    words = re.findall(r"[^\W\d_][\w’'.\-]*", text)
    return len(words) >= DECK_WORDS and sum(w[0].islower() for w in words) * 2 >= len(words)


def _starts_block(lines: list[str], k: int) -> bool:
    """Whether line ``k`` starts a block: the first line, or one under a blank line, a breadcrumb trail, a
    menu entry or furniture other than a label run into words ("For Immediate Release: NATIONAL GROUP OF
    DISTRICT ATTORNEYS" wraps onto its next line)."""
    if k == 0:
        return True
    above = lines[k - 1].strip()
    # (Short lines in capitals over a line in capitals are a headline wrapped short: "FORTUNE TELLER" / "AND" /
    # "HER" / "DAUGHTER FOR FINANCIAL GAIN".)
    return not above or md.is_crumb_trail(above) or (in_menu(lines, k - 1) and not (
        above.isupper() and lines[k].strip().isupper())) or (
        furniture(above) and (md.is_label(above) or not _KIND.search(above)))


def _headline(text: str, lead: str) -> bool:
    words = re.findall(r"[^\W\d_]{2,}", text)
    if len(words) < 3 or len(text.split()) > HEADLINE_WORDS or text.rstrip().endswith((":", "...", "…")):
        return False  # (a line cut short in a breadcrumb: "… Empowers Su...")
    if text.lstrip()[:1] in "*•†(" or text[:1].islower() or is_advisory_fact(text):
        # A note under the headline ("*Defendant was …"), an advisory's fact ("WHO: …"); a kicker in capitals
        # is none ("CHOLERA ALERT: 14 cases …").
        return False
    if text.rstrip().endswith(("-", "–", "—")):
        return False  # a dateline over its lead ("SANTA ANA, Calif. –")
    if ends_sentence(text) and len(text.split()) > 20:
        return False
    if _body_name(text) or reads_as_letterhead(text):
        return False
    return md.taken_up(text, lead) >= TAKEN_UP


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _lead_line(lines: list[str], lead: str) -> int | None:
    """The index of the line where the lead's text starts (its first words, wrapped or not; eight of them, so
    that a lead opening with the issuer's name is not found in a page title ending on it: "… - Office of
    Example County Sheriff Jane Roe")."""
    words = lead.split()[:LEAD_WORDS]
    if len(words) < 3:
        return None
    text = "\n".join(lines[:HEAD_LINES * 3])
    while len(words) >= 3:
        # (Fewer words where a line's break or a dateline stripped from the lead stands between them.)
        m = re.search(r"\s+".join(re.escape(w) for w in words), text)
        if m:
            return text.count("\n", 0, m.start())
        words = words[:-1]
    return None


#: Most of the lead's first words looked for.
LEAD_WORDS = 8


def head_date(lines: list[str], lead: str) -> object | None:
    """The date the head lines above the lead give (date lines, date cells, "Date:" fields); None when they
    give none, or several (a side list of other posts, each with its date)."""
    at = _lead_line(lines, lead)
    if at is None:
        return None
    dates = set()
    for k in range(at - 1, max(-1, at - HEAD_LINES - 1), -1):
        s = lines[k].strip()
        if not s or len(s) > md.HEAD_LINE_CHARS:
            continue
        for cell in md.head_cells(s) if "   " in s else [s]:
            cell = cell.strip()
            dated = md.date_only_line(cell) or md.head_row_date(cell)
            if dated:
                dates.add(dated[1])
            elif (m := _DATE_FIELD.match(cell)) and (found := find_date(cell[m.end():])) and len(cell) < 60:
                dates.add(found[0])
    return next(iter(dates)) if len(dates) == 1 else None


_DATE_FIELD = re.compile(r"^(?:[^\W\d][\w’']{0,15}\s?/\s?)?(?:date|dated|issued(?: on)?)\s*[:.]\s*", re.I)


#: Most words of a letterhead's contact row.
CONTACT_ROW_WORDS = 40


def contact_row(text: str) -> bool:
    """A letterhead's row of contact fields, no text: a field's label ("Tel:", "Reg. No.") with a telephone
    number or an e-mail address, in a few words."""
    if len(text.split()) <= 2 and (m := md.find_email(text)) and not text.replace(m.group(), "").strip(" ,;|"):
        return True  # an e-mail address alone, a contact cell's second line
    return len(text.split()) < CONTACT_ROW_WORDS and bool(_FIELD_IN.search(text) or _FIELD.match(text + " ")) \
        and bool(md.find_email(text) or md.holds_phone(text))
