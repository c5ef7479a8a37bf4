"""Regular-expression helpers shared by the loader and attribution."""

from __future__ import annotations

import re


def trie_pattern(words: list[str]) -> str:
    """An alternation of ``words`` factored by prefix. Python's regex engine tries alternatives one by one,
    so a flat list of many words, tried at every position of a text, is slow; factored, each position costs
    one branch per letter. Of words that share a prefix the longest is tried first, as in a flat list sorted
    longest first."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return emit(trie)
