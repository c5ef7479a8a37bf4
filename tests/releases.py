"""Small generated releases for tests of the living index: distinct, valid, quick to index."""

from __future__ import annotations

from pathlib import Path

_WORDS = ["harbour", "granite", "lantern", "orchard", "meadow", "quartz", "willow", "falcon", "cobalt", "juniper",
          "saffron", "tundra", "velvet", "zephyr", "ember", "glacier", "hazel", "indigo", "kestrel", "marble"]


def word(i: int) -> str:
    """A word unique to release ``i`` (so a search for it finds that release and no other)."""
    return f"{_WORDS[i % len(_WORDS)]}{_alpha(i)}"


def _alpha(i: int) -> str:
    # Letters only: the tokenizer keeps letters and digits together, but stemming is kinder to letters.
    out = ""
    while True:
        out = chr(ord("a") + i % 26) + out
        i //= 26
        if not i:
            return out


def release_text(i: int, extra: str = "") -> str:
    return (f"Council adopts plan number {i}\n\nBRUSSELS, March 3, 2024\n\n"
            f"The council adopted the {word(i)} plan today after a long debate. {extra}\n\n"
            f"\"This is a good day for everyone,\" said Jane Doe, spokesperson of the council.\n")


def make_releases(folder: Path, n: int, start: int = 0) -> list[Path]:
    """Write releases ``start`` … ``start + n - 1`` into ``folder`` as rel_<i>.txt; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + n):
        path = folder / f"rel_{i:04d}.txt"
        path.write_text(release_text(i), encoding="utf-8")
        paths.append(path)
    return paths
