"""Text clean-up shared by every input format: markup left in text exports, whitespace, quotes."""

from __future__ import annotations

import re
import unicodedata

_MD_LINK = re.compile(r"!?\[((?:[^\[\]\\]|\\.)*)\]\(([^()\s]*(?:\([^()]*\))?[^()\s]*)\)")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^<>\s]+)>")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>\"'])")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

#: Characters that open or close a quotation, straight and typographic.
QUOTE_CHARS = "\"“”„‟«»‘’‚‛'"
_LONE_QUOTES = re.compile(r"^[\s\"“”„‟«»‘’‚‛'`]+$")
# Lines that carry only layout: rules, bullets, separators, "###", "- 30 -".
_LAYOUT_ONLY = re.compile(r"^[\s\-–—_=*•·|~#.]+$|^-?\s*30\s*-?$")


def strip_markdown(line: str) -> str:
    """Markdown links keep their text, escapes and emphasis go, autolinks keep their address."""
    line = _MD_LINK.sub(lambda m: m.group(1), line)
    line = _AUTOLINK.sub(lambda m: m.group(1), line)
    line = _MD_EMPHASIS.sub(lambda m: m.group(2), line)
    line = _MD_ESCAPE.sub(lambda m: m.group(1), line)
    return _MD_HEADING.sub("", line)


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
    return normalize_space(line)


def is_lone_quote(line: str) -> bool:
    return bool(line.strip()) and bool(_LONE_QUOTES.match(line))


def is_layout_only(line: str) -> bool:
    return not line.strip() or bool(_LAYOUT_ONLY.match(line))


_TERMINAL = re.compile(r"[.!?…:;\"”’»]\s*$")


def ends_sentence(text: str) -> bool:
    """True when a block ends the way a finished paragraph does."""
    return bool(_TERMINAL.search(text))


def starts_lowercase(text: str) -> bool:
    for ch in text:
        if ch.isalpha():
            return ch.islower()
        if ch.isdigit():
            return False
    return False
