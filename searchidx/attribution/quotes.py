"""Quotes as records: the spans of a paragraph that carry someone's words, with their speaker and kind.

Attribution decides who speaks in a paragraph and how it knows (an attribution in the paragraph itself, or a
quote carried over from an earlier one); this module turns that into `Quote`s:
- ``direct``: words inside quotation marks in a paragraph whose speaker is named there (or by a name line,
  a statement heading, the sentence's subject);
- ``continuation``: words inside quotation marks (or a whole paragraph without them) that carry on a quote
  or a statement from an earlier paragraph;
- ``reported``: speech without quotation marks, "X said that …", "X announced …": the clause after the
  speech verb, or the sentence before it ("The plan works, X said.").
"""

from __future__ import annotations

import re

from searchidx.model import Paragraph, Quote

# Where a sentence ends (not after an initial or a common abbreviation).
_SENTENCE_BREAK = re.compile(r"[.!?](?<![A-Z].)(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|Lt|No)\.)(?<!\b(?:Mrs|Sen|Rep|Gov|Gen|Inc)\.)(?=\s|$)")
_STOP = re.compile(r"[.!?](?=\s|$)")
# Where the hearers were, after them: "told reporters outside the court …".
HEARERS_WHERE = r"(?:\s+(?:outside|at|in|after|before|on)\s+(?:the\s+)?[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*)?)"
# (The hearers may stand between the verb and "that": "told reporters outside the court that …".)
_HEARERS = (r"(?:(?:the\s+)?(?:reporters|journalists|media|press|court|jury|judge|magistrate|tribunal|committee|meeting|"
            r"hearing|members|delegates|audience|crowd|parliament|senate|assembly|council|house|residents|farmers|"
            rf"him|her|them|us|me){HEARERS_WHERE}?,?\s+)")
_LEAD = re.compile(rf"[\s,:;]*(?:{_HEARERS}?(?:(?:in|on|at|during|after|before)\s+[\w’' -]{{1,40}}?,?\s+)?"
                   rf"(?:that|que|dass)\s+|(?:him|her|them|us|me|reporters|journalists)\s+"
                   r"(?=(?:the|a|an|he|she|they|it|we|I|there|this|his|her|their)\s))?")
# Words that open a circumstance after a verb ("said in a statement"), not what was said.
_CIRCUMSTANCE = frozenset("in on at during after before to with while when today yesterday".split())
_MARKS = "\"“”«»„‘’'"

#: How a paragraph's speaker was found, as `attribute` records it.
EXPLICIT = "explicit"  # an attribution in the paragraph, a name line, a statement heading
CARRIED = "carried"  # the quote or statement of an earlier paragraph goes on
STATEMENT = "statement"  # the first paragraph of a statement's own words, printed without quotation marks


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (text[a].isspace() or text[a] in _MARKS):
        a += 1
    # A quote cut at its attribution keeps the comma there ('"…," she said'): not part of the words.
    while b > a and (text[b - 1].isspace() or text[b - 1] in _MARKS or text[b - 1] == ","):
        b -= 1
    return a, b


def _sentence_end(text: str, start: int) -> int:
    """Just after the full stop (or ! ?) that ends the sentence running at ``start``, or the text's end."""
    pos = start
    while True:
        m = _STOP.search(text, pos)
        if not m:
            return len(text)
        if _SENTENCE_BREAK.match(text, m.start()):
            return m.end()
        pos = m.end()


def sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` starts: after the last sentence end before it."""
    k = pos
    while True:
        k = max(text.rfind(". ", 0, k), text.rfind("! ", 0, k), text.rfind("? ", 0, k))
        if k < 0:
            return 0
        if _SENTENCE_BREAK.match(text, k):
            return k + 1
        if k == 0:
            return 0


def reported_clause(text: str, cue: tuple[int, int]) -> tuple[int, int] | None:
    """The words a speech verb at ``cue`` reports: the clause after it ("said that …") up to the sentence
    end, else the sentence before it ("The plan works, Roe said.")."""
    a, b = cue
    lead = _LEAD.match(text, b)
    start = lead.end() if lead else b
    end = _sentence_end(text, start)
    s, e = _trim(text, start, end)
    words = text[s:e].split(None, 3)  # the first word, and whether there are three
    if len(words) >= 3 and (lead and lead.group().strip(" ,:;") or words[0].lower() not in _CIRCUMSTANCE):
        return s, e
    # The verb closes its sentence: the reported words come before the subject.
    begin = sentence_start(text, a)
    comma = text.rfind(",", begin, a)
    if comma > begin:
        s, e = _trim(text, begin, comma)
        if len(text[s:e].split()) >= 3:
            return s, e
    return None


# A quote in single marks, as British and New Zealand releases print them: opened after a space, a colon or a
# bracket before a capital, closed before punctuation or the end ("Simon's" and "officers' cars" stay inside
# only as far as the closing test allows).
_SINGLE = re.compile(r"(?:^|(?<=[\s:(—–-]))[‘'](?=[A-Z0-9])(.{12,}?)[’'](?=[,.;:!?)]*(?:\s|$))")
# The same, opening in small letters too: the words a speaker is quoted in inside reported speech ("said the
# vote was 'the moment this community has been waiting for'").
_SINGLE_ANY = re.compile(r"(?:^|(?<=[\s:(—–-]))[‘'](?=[A-Za-z0-9])(.{12,}?)[’'](?=[,.;:!?)]*(?:\s|$))")


_SINGLE_OPEN = re.compile(r"(?:^|(?<=[:]\s)|(?<=[:]))[‘'](?=[A-Z0-9])")
# A quote reopened after its attribution ("…,' she said. 'That should …") and left open at the end.
_SINGLE_REOPEN = re.compile(r"(?<=[.!?,]\s)[‘'](?=[A-Z0-9])")


def single_quote_spans(text: str, reported: bool = False) -> list[tuple[int, int]]:
    """(start, end) of quotes in single marks, when the paragraph has no double ones: the opening mark's
    position and the closing mark's, as `quote_mask` gives them. A quote still open at the paragraph's end
    runs to it. ``reported``: the paragraph reports someone's words, so a quote may open in small letters."""
    # Most paragraphs hold apostrophes only: an opening single mark follows a space, a colon or the start.
    # A straight mark is looked for alone first: a search for two characters scans several times slower.
    if "‘" not in text and ("'" not in text or (" '" not in text and ":'" not in text and not text.startswith("'"))):
        return []
    # Three words at least; two in reported speech ("were 'mere transporters'"), where quotes are the words.
    out = [(m.start(), m.end() - 1) for m in (_SINGLE_ANY if reported else _SINGLE).finditer(text)
           if len(m.group(1).split()) >= (2 if reported else 3)]
    if not out and (m := _SINGLE_OPEN.search(text)) and len(text[m.end():].split()) >= 3:
        out = [(m.start(), len(text))]  # a quote left open: it runs on into the next paragraph
    elif out and (m := _SINGLE_REOPEN.search(text, out[-1][1] + 1)) and len(text[m.end():].split()) >= 3:
        out.append((m.start(), len(text)))  # the finder closes no quote that opens here: it runs on
    return out


def quote_records(p: Paragraph, spans: tuple[tuple[int, int], ...], how: str | None,
                  cue: tuple[int, int] | None, carried_in: bool) -> list[Quote]:
    """The quotes of ``p`` once its speaker is set. ``spans``: its quotation-mark spans (`quote_mask`);
    ``how``: how its speaker was found (`EXPLICIT`, `CARRIED`, or None when it has none); ``cue``: the
    speech verb of an explicit attribution; ``carried_in``: whether a quote from the paragraph before is still
    open where it starts."""
    text = p.text
    speaker, role = p.speaker, p.speaker_role
    if not spans:
        spans = tuple(single_quote_spans(text, reported=speaker is not None))
        if not spans and speaker is None:
            return []  # narration: most paragraphs
    out: list[Quote] = []
    for a, b in spans:
        s, e = _trim(text, a, b)
        if e <= s:
            continue
        opened_here = text[a] in _MARKS and text[a] not in "”»"
        continued = a == 0 and (not opened_here or carried_in)
        # A quote opened inside a paragraph whose speaker is carried over ("In his words: “…”") is a new one.
        kind = "continuation" if continued else "direct"
        out.append(Quote(s, e, text[s:e], speaker, role, kind))
    if speaker is not None and cue is not None and not any(a <= cue[0] < b for a, b in spans):
        near = any(abs(cue[0] - b) < 40 or abs(a - cue[1]) < 40 for a, b in spans)
        words = None if near else reported_clause(text, cue)
        if words is not None:
            s, e = words
            if not any(a < e and s < b for a, b in spans):
                out.append(Quote(s, e, text[s:e], speaker, role, "reported"))
    if speaker is not None and not out:
        # A statement's later paragraphs, or speech reported over a whole paragraph.
        s, e = _trim(text, 0, len(text))
        kind = "continuation" if how == CARRIED else "direct" if how == STATEMENT else "reported"
        out.append(Quote(s, e, text[s:e], speaker, role, kind))
    if len(out) > 1:
        out.sort(key=lambda q: q.start)
    return out


def quoted_spans(p: Paragraph) -> list[tuple[int, int]]:
    """(start, end) of ``p``'s words inside quotation marks: the spans "match only inside quotes" searches."""
    return p.quoted_spans()
