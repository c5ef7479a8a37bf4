"""Regular-expression helpers shared by the loader and attribution."""

from __future__ import annotations

import re


def trie_pattern(words: list[str], first: str = "") -> str:
    """An alternation of ``words`` factored by prefix. Python's regex engine tries alternatives one by one,
    so a flat list of many words, tried at every position of a text, is slow; factored, each position costs
    one branch per letter. Of words that share a prefix the longest is tried first, as in a flat list sorted
    longest first.

    ``first``: initials whose branches come first, in that order (the others follow, sorted). Where most
    words tried are in no list, the commonest initials of running text put first reach their branch, and
    fail, soonest. The branches start with different letters, so their order changes no match."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict, rank: str = "") -> str:
        ends = "" in node
        keys = sorted((ch for ch in node if ch), key=lambda ch: (rank.index(ch) if ch in rank else len(rank), ch))
        branches = [re.escape(ch) + emit(node[ch]) for ch in keys]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return emit(trie, first)
