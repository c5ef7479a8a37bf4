"""Text clean-up shared by every input format: markup left in text exports, whitespace, quotes."""

from __future__ import annotations

import html
import re
import unicodedata

from searchidx.attribution.lexicons import is_lowercase_word

_MD_LINK = re.compile(r"!?\[((?:[^\[\]\\]|\\.)*)\]\(([^()\s]*(?:\([^()]*\))?[^()\s]*)\)")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^<>\s]+)>")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>\"'$&%@=:;])")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EMPHASIS_ONE = re.compile(r"(?<![\w*\\])([*_])(?=[^\s*_])(.+?)(?<=[^\s*_\\])\1(?![\w*])")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_QUOTE = re.compile(r"^(?:>\s?)+")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});", re.I)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

#: Characters that open or close a quotation, straight and typographic.
QUOTE_CHARS = "\"“”„‟«»‘’‚‛'"
_LONE_QUOTES = re.compile(r"^[\s\"“”„‟«»‘’‚‛'`]+$")
# Lines that carry only layout: rules, bullets, separators, "###", "- 30 -".
_LAYOUT_ONLY = re.compile(r"^[\s\-–—_=*•·|~#.]+$|^-?\s*30\s*-?$")


# A line ending in a word that cannot end a sentence or a title was cut short.
DANGLING_WORD = re.compile(r"\b(?:a|an|the|of|in|on|at|to|for|from|with|by|and|or|but|that|who|which|as|his|her|their|its)$",
                           re.I)


_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")


def strip_markdown(line: str) -> str:
    """Markdown links keep their text, images go, escapes and emphasis go, autolinks keep their address."""
    if "![" in line:
        line = _MD_IMAGE.sub("", line)  # an image's alt text is no text: its caption, if any, is under it
    line = _MD_LINK.sub(lambda m: m.group(1), line)
    line = _AUTOLINK.sub(lambda m: m.group(1), line)
    line = _MD_EMPHASIS.sub(lambda m: m.group(2), line)
    line = _MD_EMPHASIS_ONE.sub(lambda m: m.group(2), line)
    line = _MD_ESCAPE.sub(lambda m: m.group(1), line)
    return _MD_QUOTE.sub("", _MD_HEADING.sub("", line))


def normalize_space(text: str) -> str:
    text = _ZERO_WIDTH.sub("", text)
    text = _CONTROL.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


_MARKUP_CHARS = re.compile(r"[\[\]<>*_\\#]")


def clean_line(line: str) -> str:
    if not unicodedata.is_normalized("NFC", line):
        line = unicodedata.normalize("NFC", line)
    if _MARKUP_CHARS.search(line):
        line = strip_markdown(line)
    if "&" in line and _ENTITY.search(line):
        line = html.unescape(line)  # Markdown and text exports keep HTML's "&ldquo;" and "&amp;"
    return normalize_space(line)


def is_lone_quote(line: str) -> bool:
    return bool(line.strip()) and bool(_LONE_QUOTES.match(line))


def is_layout_only(line: str) -> bool:
    return not line.strip() or bool(_LAYOUT_ONLY.match(line))


# A page's number, as a PDF export keeps it in its footer: "Page 1 of 2", "Page 2", "- 2 -", "2/3".
# It opens or ends the line, and is no reference in brackets ("(page 4)" in a court's brief).
_PAGE_NUMBER = re.compile(r"^\W{0,3}page\s+\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?\b|(?<![(\w])page\s+\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?\s*$|"
                          r"^\s*(?:-\s*\d{1,3}\s*-|\d{1,3}\s*(?:of|/)\s*\d{1,3})\s*$", re.I)
_SENTENCE_INSIDE = re.compile(r"[.!?][)\]”\"]?\s+[A-Z]")
#: Longest line taken for a page's footer or header.
PAGE_LINE_CHARS = 200


def is_page_furniture(line: str) -> bool:
    """A PDF page's footer or header line: it gives the page's number and is no sentence ("Harbour Board |
    1 Wharf Street | www.example.org    Page 1 of 2", "Ministry of Health – Press Release – Page 2")."""
    line = line.strip()
    if len(line) > PAGE_LINE_CHARS or line.endswith((".", "!", "?", ":", ")")) or _SENTENCE_INSIDE.search(line):
        return False
    m = _PAGE_NUMBER.search(line)
    if not m:
        return False
    # Beside the number: nothing, or the letterhead's parts ("Example Trust | 1 High Street"), not a sentence.
    rest = (line[: m.start()] + line[m.end():]).strip(" -–—|•·,")
    words = rest.split()
    return not words or any(c in rest for c in "|–—•·") or sum(w[:1].isupper() or w[:1].isdigit() for w in words) \
        >= 0.6 * len(words)


# The marks that end a finished block (after any trailing white space).
_TERMINAL = frozenset(".!?…:;\"”’»")
# '“…” ― Sonya Herridge', '"…"--Kim Hjelmgaard.': a quote signed with a dash and a name, as under an
# epigraph or in a vox pop. The signature is a name (capitalised words, initials, particles), perhaps with a
# short description after a comma ("― Ana Ruiz, 34, Phoenix").
_SIGNATURE = re.compile(r"[”\"»]\s*(?:[―—–]|--?)\s*(?P<sig>[A-ZÀ-Þ][^”\"“«»]{0,79})$")
_SIGNATURE_WORD = re.compile(r"^(?:[A-ZÀ-Þ][\w’'.\-]*|[A-Z]\.|de|del|da|van|von|der|la|le|y|bin|binti|a/l|a/p|s/o|ap|al)$")
_OPENING_QUOTES = "\"“”„«"
_DASHES = "―—–-"


#: Most words of a signing name, its titles with it ("Tan Sri Dato' Sri Mohd Azlan bin Hashim").
SIGNATURE_WORDS = 8


def signature(text: str) -> re.Match[str] | None:
    """The closing mark, dash and name signing a quote at the end of ``text`` ('“…” ― Jane Roe, Mayor'), or
    None; matched on the text's tail (``m.string``)."""
    tail = text[-90:]
    if not any(d in tail for d in _DASHES):
        return None  # most text: no dash near the end
    m = _SIGNATURE.search(tail)
    if not m:
        return None
    name = m.group("sig").split(",", 1)[0].strip().rstrip(".")
    words = name.split()
    if not 1 <= len(words) <= SIGNATURE_WORDS or not all(_SIGNATURE_WORD.match(w) for w in words):
        return None
    return m


def is_signed_quote(line: str) -> bool:
    """A line that is one quote signed by its speaker: '“…” ― Name'. It is a paragraph of its own, however
    the export packed such lines together."""
    return line[:1] in _OPENING_QUOTES and signature(line) is not None


def ends_sentence(text: str) -> bool:
    """True when a block ends the way a finished paragraph does (a dash signature under a quote ends one)."""
    # The last character, not a regex: `re.search(r"[.!?]\s*$")` tries every position of the text, and
    # `_join_lines` asks again as a paragraph grows line by line (quadratic: a fifth of a build's time).
    end = text.rstrip()[-2:]
    # A closing straight single quote ends one after a full stop ("… could be vital.'"); alone it is an
    # apostrophe ("the Smiths'").
    return end[-1:] in _TERMINAL or (end[-1:] == "'" and end[:1] in ".!?") or signature(text) is not None


def starts_lowercase(text: str) -> bool:
    for ch in text:
        if ch.isalpha():
            return ch.islower()
        if ch.isdigit():
            return False
    return False


# A word broken at a line's end with a hyphen ("island-" / "wide", "screen-" / "ing"), and a suspended
# hyphen, which is no break ("pre-" / "and post-war").
_BROKEN_WORD = re.compile(r"([^\W\d_]{2,})-$")
_WORD_START = re.compile(r"[^\W\d_]+")
_SUSPENDED = re.compile(r"(?:and|or|nor|to|und|y|et)\b")


def join_wrapped(lines: list[str] | tuple[str, ...]) -> str:
    """The lines of one paragraph as one line. A word hyphenated at a line's end is one word again: without
    the hyphen when that makes an everyday word ("screen-" / "ing"), with it otherwise ("island-" / "wide",
    "Bisasor-" / "McKenzie")."""
    out = ""
    for line in lines:
        if not out:
            out = line
            continue
        # Only the end of what is joined so far is looked at: a paragraph grows line by line.
        m = _BROKEN_WORD.search(out[-64:]) if out.endswith("-") else None
        tail = _WORD_START.match(line) if m and line[:1].isalpha() and not _SUSPENDED.match(line) else None
        if tail and line[:1].isupper():
            out += line  # a double-barrelled name or compound broken at its hyphen ("Bisasor-" / "McKenzie")
        elif tail:
            head, rest = m.group(1), tail.group()
            soft = is_lowercase_word(head + rest) and not (is_lowercase_word(head) and is_lowercase_word(rest)) or (
                # A name broken inside ("Wickrama-" / "singhe"): neither part a word, the second in lower case.
                head[:1].isupper() and len(rest) > 3 and not is_lowercase_word(rest) and not is_lowercase_word(head.lower()))
            out = (out[:-1] if soft else out) + line
        else:
            out = f"{out} {line}"
    return out
