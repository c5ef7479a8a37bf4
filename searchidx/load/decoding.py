"""Bytes to text: BOMs, UTF-16, UTF-8, Windows-1252 and Latin-1, and mojibake repaired."""

from __future__ import annotations

import codecs
import re

_MOJIBAKE = re.compile("[ÃÂâ][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]")


def decode(data: bytes) -> str:
    """Decode release bytes; never raises (undecodable bytes become U+FFFD as a last resort)."""
    if data.startswith(codecs.BOM_UTF8):
        return fix_mojibake(data[3:].decode("utf-8", errors="replace"))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _even(data).decode("utf-16", errors="replace")
    if looks_utf16(data):
        return _even(data).decode("utf-16-le" if data[1:2] == b"\x00" else "utf-16-be", errors="replace")
    try:
        return fix_mojibake(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _even(data: bytes) -> bytes:
    """UTF-16 without an odd last byte (half a character, from a cut copy or an added newline): decoded,
    it became a replacement character that took the last paragraph down with it."""
    return data[:-1] if len(data) % 2 else data


def looks_utf16(data: bytes) -> bool:
    sample = data[:2000]
    if len(sample) < 4:
        return False
    zeros_even = sample[0::2].count(0)
    zeros_odd = sample[1::2].count(0)
    half = len(sample) / 2
    return max(zeros_even, zeros_odd) > 0.4 * half and min(zeros_even, zeros_odd) < 0.05 * half


def fix_mojibake(text: str) -> str:
    """Repair UTF-8 that was decoded as Windows-1252 once ("â€™" → "’"), where that is what happened."""
    if not _MOJIBAKE.search(text):
        return text
    try:
        repaired = text.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return _fix_pieces(text)
    return repaired


def _fix_pieces(text: str) -> str:
    def fix(m: re.Match[str]) -> str:
        try:
            return m.group(0).encode("cp1252").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return m.group(0)

    return re.sub("[\u00c2-\u00f4][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]{1,3}", fix, text)
