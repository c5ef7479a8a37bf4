"""Text exports: markdown-ish page exports (the seed), blank-line paragraphs, and one block per line."""

from __future__ import annotations

import re

from ..cleaning import clean_line, is_layout_only, is_lone_quote
from ..draft import Block, Draft

_BLANK_RUN = re.compile(r"\n[ \t]*\n")


def parse_text(text: str, path: str, release_id: str) -> Draft:
    draft = Draft(path=path, id=release_id, format="text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    nonblank = sum(1 for ln in lines if ln.strip())
    blank = len(lines) - nonblank
    if nonblank > 8 and blank < nonblank / 10:
        # One block per line, no blank lines (page and PDF text exports).
        draft.format = "text-lines"
        draft.blocks = [Block(clean_line(ln)) for ln in lines if clean_line(ln)]
        return draft
    draft.blocks = list(_blocks(lines))
    return draft


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
            yield from _block_from_lines(current, current_gap)
            current = []
        gap += 1


def _block_from_lines(lines: list[str], gap: int):
    cleaned = [clean_line(ln) for ln in lines]
    cleaned = [c for c in cleaned if c]
    if not cleaned:
        return
    if len(cleaned) == 1 and is_lone_quote(lines[0]):
        yield Block("", hint="quote-mark", gap=gap)
        return
    cleaned = [c for c in cleaned if not is_layout_only(c)]
    if not cleaned:
        return
    # "Prof. Wolfgang Schomburg\n"I think …"": a name line over a quote is a pull-quote's header.
    if len(cleaned) >= 2 and len(cleaned[0]) < 60 and cleaned[1][:1] in "\"“«„" and not cleaned[0].endswith((".", ",")):
        yield Block(cleaned[0], hint="quote-name", gap=gap)
        yield Block(" ".join(cleaned[1:]), gap=0)
        return
    yield Block(" ".join(cleaned), gap=gap)
