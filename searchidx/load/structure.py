"""Paragraph structure: broken paragraphs made whole, floats (pull quotes, captions) and About sections.

Page layout breaks a paragraph around a floating pull quote or caption and leaves the float between
the two halves; floats also repeat or condense body text. Both are undone here, by content alone, so
that every format gets the same treatment.
"""

from __future__ import annotations

import re

from searchidx.load.cleaning import DANGLING_WORD, ends_sentence, signature, starts_lowercase
from searchidx.model import Paragraph

_WORD = re.compile(r"[^\W_]+")
#: How many blocks a float may push between the two halves of a broken paragraph.
JOIN_WINDOW = 4
#: Longest float, in words, that may stand between the halves of a broken paragraph.
FLOAT_MAX_WORDS = 90
#: Share of a short paragraph's word pairs found in a longer one for it to count as its copy
#: (copies in the seed score 0.77 to 0.97, distinct paragraphs at most 0.62).
COPY_CONTAINMENT = 0.7
# A paragraph that is one quotation and nothing else.
_WHOLE_QUOTE = re.compile(r'^\s*["“«‘\']([^"“”«»]+?)[.,!?]?["”»’\']\s*$')
#: Fewest word pairs for a short quote to be taken for a pull quote of a longer paragraph.
SHORT_QUOTE_BIGRAMS = 3
#: Most word pairs of a signed pull quote, its credit line with it ("… in Malaysia." — Tan Sri Dato' Sri Mohd
#: Azlan bin Hashim, Group Chairman").
SIGNED_QUOTE_BIGRAMS = 40


def _words(text: str) -> str:
    """The words of a text in lower case, one space apart, and a space either end: for whole-word containment."""
    return " " + " ".join(_WORD.findall(text.lower())) + " "


# A direct quote: it opens the paragraph, or follows a speech verb ("stated, "…").
_QUOTED_SPEECH = re.compile(r'^\s*["“«]|\b(?:said|says|stated|added|noted|told|wrote|explained|stressed)[,:]?\s*["“«]')
# An issuer's name may hold the dots of "Inc.", "Corp.", "S.A." and a ticker in brackets; the heading may
# end with a colon ("About Interactive Brokers Group, Inc.:").
_NAME = (r"(?=[A-Z0-9])(?:[^.:!?()]|\b(?:Inc|Corp|Ltd|Pvt|Pte|Sdn|Bhd|Ltda|Co|LLC|L\.P|N\.V|S\.A|S\.p\.A|plc|Pty|Cie|Bros|Intl|St|U\.S)\."
         r"|\b[A-Z]\.|\([^()]{1,30}\)){1,100}?")
_ABOUT = re.compile(rf"^(?:About|ABOUT|Acerca de|À propos de|Sobre)\s+(?:the\s+)?{_NAME}\s*:?$")
# A quotation closed and attributed ("…,” Dr Jones says", "…,” said Ms Roe"): someone speaking.
_ATTRIBUTED_QUOTE = re.compile(r'[,.!?]["”»’]\s+(?:(?:[A-Z][\w.’\'-]*\s+){1,4}(?:says|said|adds|added|explains|explained)'
                               r'|(?:he|she)\s+(?:says|said|adds|added)\b|(?:says|said|adds|added)\s+[A-Z])')
# "About X: …", "About X — …", "About the festival: …", "About the FCIO — …".
_ABOUT_INLINE = re.compile(rf"^About\s+(?:(?:the\s+)?{_NAME}|the\s+[a-z]+)(?::|\s+[—–])\s+\S")
# Headings of the other boilerplate sections a release ends with: they start the About part as "About X" does.
_BOILERPLATE_HEADING = re.compile(
    r"^(?:notes? (?:to|for) editors?|editors?['’]? notes?|for editors|notes|(?:cautionary (?:note|statement) "
    r"(?:regarding|concerning|about) )?forward[- ]looking (?:statements?|information)|safe harbou?r(?: statement)?|"
    r"cautionary (?:note|statement)s?|additional resources|related (?:links|resources|information))\s*:?$",
    re.I,
)
# A contacts heading after the body starts the closing part too, but a section under it that quotes someone
# (a label line in the story) stays body, as under "About X".
_CONTACT_HEADING = re.compile(r"^(?:(?:media |press |investor |analyst )?(?:contacts?|contact information|inquiries|"
                              r"enquiries)|media|investors|investor relations|"
                              r"for (?:more|further) information(?:,? (?:please )?contact)?)\s*:?$", re.I)
# ("Notes:" in the plural is the editors' notes shortened; "Note: the figures are provisional" is the text's.)
_BOILERPLATE_INLINE = re.compile(r"^(?:(?i:notes? (?:to|for) editors?|editors?['’]? notes?|notes)\s*:\s*\S|"
                                 r"(?:Forward[- ]Looking Statements|Safe Harbou?r Statement)\s*[:.\-–—]?\s+\S)")
# The disclaimer with no heading: "This news release contains forward-looking …" (a section, as above).
_DISCLAIMER = re.compile(r"^(?:This|The) (?:news |press )?release (?:contains|includes|may contain) (?:certain )?"
                         r"[‘“\"']?[Ff]orward[- ][Ll]ooking")
# The issuer described at the end with no heading: "The Example Foundation is a 501(c)3 nonprofit …",
# "Example Group (EXG) is the parent organization of …". The subject is a name (capitalised words, perhaps
# its abbreviation in brackets) that says it is an organisation.
_ISSUER_IS = re.compile(r"^(?:The\s+)?(?P<name>(?:[A-Z][\w&.'’-]*\s+){1,8}?)(?:\([A-Z][A-Za-z]{1,9}\)\s+)?"
                        # "… Trust works in 11 districts …", "… was founded in 1998": what it does, since when.
                        r"(?:is\s+(?:a|an|the|one of)|works\s+(?:in|with|across|to)|operates|was\s+(?:founded|established))\b")
_REGISTERED = re.compile(r"\bis\s+a\s+registered\s+(?:charity|company|society|social enterprise|trade\s?mark)\b")
_ORG_WORD = re.compile(r"\b(?:Inc|Corp|Corporation|Company|Co|Ltd|LLC|plc|Group|Foundation|Association|Institute|"
                       r"University|Council|Trust|Society|Agency|Bank|Network|Alliance|Technologies|Systems|Labs?|"
                       r"Partners|Holdings|Organi[sz]ation)\b\.?")
#: Shortest paragraph taken for the issuer's description.
ISSUER_MIN_CHARS = 100


def bigrams(text: str) -> set[tuple[str, str]]:
    """Word pairs: a copy keeps most of them even when it drops or changes a few words."""
    tokens = _WORD.findall(text.lower())
    return set(zip(tokens, tokens[1:]))


def join_broken(paragraphs: list[Paragraph], lead: int | None = None) -> list[Paragraph]:
    """Join a paragraph that stops mid-sentence to the block that finishes it.

    The continuation is the next body block (within `JOIN_WINDOW`) that starts in lower case; the
    blocks it skips over stay where they are (they are the floats that broke the paragraph). The lead, the
    paragraph a dateline or wire marker opened (index ``lead``), joins the next block whatever its case
    ("The National Council … (NCRI)", "… results for first-quarter" / "2023. “Our …").
    """
    out = list(paragraphs)
    lead_p = out[lead] if lead is not None else None
    i = 0
    while i < len(out):
        p = out[i]
        if p.kind != "body" or ends_sentence(p.text):
            i += 1
            continue
        target = None
        for j in range(i + 1, min(i + 1 + JOIN_WINDOW, len(out))):
            q = out[j]
            if q.kind == "body" and (starts_lowercase(q.text) or (
                    # "… alerts had reached" / "38,000 registered phones …": a figure goes on with the sentence.
                    _FIGURE_GOES_ON.match(q.text) and _ENDS_IN_LOWER_WORD.search(p.text[-30:])) or (
                    # "… a neuroscientist who played for" / "Wales Under-20s, …": a word no sentence ends on.
                    j == i + 1 and len(p.text) >= DANGLING_CUT_CHARS and DANGLING_WORD.search(p.text[-12:])
                    and p.text[-1:].islower() and not _LIST_ITEM_END.search(p.text[-8:]))):
                target = j
                break
            # A page's running footer stands only in long prose cut mid-sentence ("… would take four").
            if not (_could_be_float(q) or (is_heading(q.text) and len(p.text) >= FOOTER_CUT_CHARS
                                           and _ENDS_IN_WORD.search(p.text[-30:]))):
                break
        if target is None and p is lead_p and i + 1 < len(out) and out[i + 1].kind == "body":
            target = i + 1
        if target is None:
            i += 1
            continue
        p.text = f"{p.text} {out[target].text}"
        if p.speaker is None:
            p.speaker = out[target].speaker
        del out[target]
        # The joined paragraph may still be unfinished: look again from the same place.
    return out


# A list item's end before the last item: "…; and", "…, or".
_LIST_ITEM_END = re.compile(r"[;,]\s*(?:and|or)$")
#: Shortest paragraph ending on a word no sentence ends on that the next block finishes, whatever its case.
DANGLING_CUT_CHARS = 40
#: Shortest unfinished paragraph a page's footer may be taken to have cut.
FOOTER_CUT_CHARS = 100
_ENDS_IN_LOWER_WORD = re.compile(r"\s[a-z]+$")
# A figure that opens words in lower case ("38,000 registered phones"), no list's number ("1. Register").
_FIGURE_GOES_ON = re.compile(r"\d[\d,.]*\d?\s+[a-z]")
_ENDS_IN_WORD = re.compile(r"\s[^\W\d_]+$")  # a word, any case ("… Adv. van der Walt")


def _could_be_float(p: Paragraph) -> bool:
    """What may stand between two halves of a paragraph: short, finished text (a caption, a quote). A page's
    running footer may too, where `join_broken` finds long prose cut mid-sentence."""
    return p.kind != "body" or (ends_sentence(p.text) and len(p.text.split()) <= FLOAT_MAX_WORDS)


def mark_copies(paragraphs: list[Paragraph]) -> None:
    """A paragraph whose words mostly stand in a longer one is a pull quote or caption of it."""
    bags = [bigrams(p.text) for p in paragraphs]
    for i, p in enumerate(paragraphs):
        # A signed pull quote is the quote before its credit ('“…” — Jane Roe, director'), its name's words
        # on top of the quote's.
        sized = p.kind == "body" and SHORT_QUOTE_BIGRAMS <= len(bags[i]) < SIGNED_QUOTE_BIGRAMS
        signed = signature(p.text) if sized else None
        quoted = p.text[:len(p.text) - len(signed.string) + signed.start() + 1] if signed else p.text
        if sized and (signed or len(bags[i]) < 8) and (m := _WHOLE_QUOTE.match(quoted)):
            # A short pull quote ("“This award belongs to our whole team”"): its words, in order, in another
            # paragraph's quote.
            words = _words(m.group(1))
            if any(j != i and q.kind == "body" and len(q.text) > len(p.text) and words in _words(q.text)
                   for j, q in enumerate(paragraphs)):
                p.kind = "pullquote"
            continue
        if p.kind not in ("body", "pullquote") or len(bags[i]) < 8 or _FACT.match(p.text):
            continue  # an advisory's "WHO: …" repeats names from the lead and is no caption for it
        for j, q in enumerate(paragraphs):
            if i == j or q.kind != "body" or len(bags[j]) < len(bags[i]):
                continue
            if len(bags[j]) == len(bags[i]) and (len(q.text) < len(p.text) or (len(q.text) == len(p.text) and j > i)):
                continue
            if len(bags[i] & bags[j]) >= COPY_CONTAINMENT * len(bags[i]):
                if p.kind == "body":
                    p.kind = "pullquote" if _QUOTED_SPEECH.search(p.text) else "caption"
                break


def mark_about(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """"About X" and what follows it is the boilerplate about the issuer: kind ``about``.

    The heading itself is dropped; an inline "About X: …" paragraph starts the section too. A heading
    above all the body is a menu entry: dropped, and it starts nothing.
    """
    out: list[Paragraph] = []
    in_about = False
    seen_body = False
    section: list[Paragraph] = []  # the paragraphs under the current "About X" heading
    for p in paragraphs:
        # "About X" and a contacts heading open a section that a quote in it keeps as body.
        head = _last_language(p.text)
        opens_section = p.kind == "body" and (is_about_heading(head) or (
            len(head) <= 40 and bool(_CONTACT_HEADING.match(head))))
        if opens_section or (p.kind == "body" and len(head) <= 80 and _BOILERPLATE_HEADING.match(head)):
            _keep_quoted_section(section)
            section = []
            # Above the first body paragraph it is a menu entry ("About LADA"), not the issuer's section.
            in_about = seen_body
            if in_about and opens_section:
                section = [p]  # a marker: the section's paragraphs follow
            continue
        disclaimer = p.kind == "body" and seen_body and bool(_DISCLAIMER.match(p.text))
        if p.kind == "body" and (_ABOUT_INLINE.match(p.text) or disclaimer
                                 or (seen_body and _BOILERPLATE_INLINE.match(p.text))):
            _keep_quoted_section(section)
            section = [p] if disclaimer else []
            in_about = True
        if in_about and p.kind == "body":
            p.kind = "about"
            if section:
                section.append(p)
        seen_body = seen_body or p.kind == "body"
        out.append(p)
    _keep_quoted_section(section)
    _mark_issuer_tail(out)
    return out


# A footnote's mark: an asterisk (two open bold type) or a dagger, before the note and after the word it
# annotates ("₹14 crore*").
_FOOTNOTE_OPEN = re.compile(r"^(\*(?!\*)|†|‡)\s*(?=[A-Z\d(])")


def mark_footnotes(paragraphs: list[Paragraph]) -> None:
    """A paragraph that opens with a footnote's mark ("* The grant includes …") which the text before it sets
    after a word is the note, not text: kind ``about``. A bullet's asterisk annotates nothing."""
    for k, p in enumerate(paragraphs):
        m = _FOOTNOTE_OPEN.match(p.text) if p.kind == "body" and k and p.text[:1] in "*†‡" else None
        if m and any(q.kind == "body" and re.search(rf"[\w%)](?<!\*){re.escape(m.group(1))}(?![*\w])", q.text)
                     for q in paragraphs[:k]):
            p.kind = "about"


def _keep_quoted_section(section: list[Paragraph]) -> None:
    """An "About X" section in which a person speaks ("… ,” Dr Jones says.") is the story's background,
    not the issuer's boilerplate, which describes and never quotes: its paragraphs stay body."""
    paragraphs = section[1:]
    if any(_ATTRIBUTED_QUOTE.search(p.text) for p in paragraphs):
        for p in paragraphs:
            p.kind = "body"


def _mark_issuer_tail(paragraphs: list[Paragraph]) -> None:
    """The last body paragraphs that describe an organisation ("The Example Foundation is a nonprofit …"), with
    no About heading over them, are About text; the first body paragraph never is."""
    body = [k for k, p in enumerate(paragraphs) if p.kind == "body"]
    for k in reversed(body[1:]):
        p = paragraphs[k]
        m = _ISSUER_IS.match(p.text)
        if not m or (len(p.text) < ISSUER_MIN_CHARS and not _REGISTERED.search(p.text, 0, m.end() + 40)):
            break  # a short line is the issuer's only when it gives its registration ("is a registered charity")
        if not (_ORG_WORD.search(m.group(0)) or "(" in m.group(0)):
            break  # "Smith is a …", "Bnei Sakhnin are the first …": a person or a team, in the text
        p.kind = "about"


def _last_language(text: str) -> str:
    """A heading printed in two languages, its last ("Nodiadau i olygyddion / Notes to editors:" gives
    "Notes to editors:"); any other text as it is."""
    return text.rsplit(" / ", 1)[1] if " / " in text and len(text) <= 80 else text


def opens_back_matter(text: str) -> bool:
    """A heading that opens the back matter: "About X", "Notes to editors", "Media contacts", also after the
    same words in another language ("Nodiadau i olygyddion / Notes to editors:")."""
    text = _last_language(text)
    return is_about_heading(text) or (len(text) <= 80 and bool(
        _BOILERPLATE_HEADING.match(text) or _CONTACT_HEADING.match(text)))


def is_about_heading(text: str) -> bool:
    """"About X", "About X, Inc.:", "About LYF Food Technologies Inc.": the heading of an About section."""
    return len(text) <= 140 and bool(_ABOUT.match(text))


# "WHO: …", "WHEN: …": a media advisory's facts, short as headings are but text all the same.
_FACT = re.compile(r"^(?:WHO|WHAT|WHEN|WHERE|WHY|PHOTO/INTERVIEW|SPEAKERS|VISUALS|LOCATION|DETAILS|RSVP|"
                   r"QUI[EÉ]N|QU[EÉ]|CU[AÁ]NDO|D[OÓ]NDE|HORARIO|LUGAR)\s*:\s*\S", re.I)


def is_advisory_fact(text: str) -> bool:
    """A media advisory's fact line: "WHO: …", "WHEN: …", "LUGAR: …"."""
    return bool(_FACT.match(text))


def is_heading(text: str) -> bool:
    """A crosshead or label: short, no sentence end, not a list item (nor the one before the last: "…; and"),
    not an advisory's fact line."""
    return not _FACT.match(text) and len(text) <= 90 and len(text.split()) <= 12 and not ends_sentence(text) \
        and not text.endswith((",", ";")) and not starts_lowercase(text) and not _LIST_ITEM_END.search(text[-8:])
