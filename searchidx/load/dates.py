"""Dates as releases write them: "August 25, 2023", "25 Aug. 2023", "2023-08-25", "10/15/2018"."""

from __future__ import annotations

import datetime as dt
import re

from searchidx.regexes import trie_pattern

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "sept": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
    "nov": 11, "dec": 12,
    # Spanish and French, for the releases that come in them.
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
    # German.
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "juni": 6, "juli": 7, "oktober": 10,
    "dezember": 12,
}
# Factored by prefix, with a lookahead on first letters: the month patterns are searched across whole lines.
_MONTH = (r"(?=[" + "".join(sorted({m[0] for m in MONTHS})) + r"])(?P<month>" + trie_pattern(list(MONTHS))
          + r")\.?")
# An ordinal may be written raised, as exports mark a superscript: "March 6[th]", "6^th^".
_ORDINAL = r"(?:st|nd|rd|th|\[(?:st|nd|rd|th)\]|\^(?:st|nd|rd|th)\^?)"
_MDY = re.compile(_MONTH + r"\s+(?P<day>\d{1,2})" + _ORDINAL + r"?,?\s+(?P<year>\d{4})", re.I)
# "2 de marzo del 2009", "1º de marzo de 2009", "1er mars 2009".
_DMY = re.compile(r"(?P<day>\d\d?)(?:" + _ORDINAL + r"|er|ro|º|°|\.)?\s+(?:de\s+)?" + _MONTH
                  + r",?\s+(?:de\s+|del\s+)?(?P<year>\d{4})", re.I)
_ISO = re.compile(r"(?P<year>\d\d\d\d)-(?P<month>\d{1,2})-(?P<day>\d{1,2})")
_US_NUMERIC = re.compile(r"\b(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4})\b")
# "10.11.2021": day first, as German and most of Europe write it with dots.
_DOTTED = re.compile(r"(?<![\d.])(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})(?![\d.]\d)")

# What a form needs, looked for first: a pattern that opens with a digit class jumps from digit to digit (so
# \d\d? and \d\d\d\d are written above for \d{1,2} and \d{4}), where the month patterns try every position.
# _MDY needs a day (perhaps an ordinal and a comma), spaces and a year; _DOTTED all its digits; _US_NUMERIC a
# slash.
_MDY_NEEDS = re.compile(r"\d\S{0,5}\s+\d\d\d\d")
_DOTTED_NEEDS = re.compile(r"\d\.\d\d?\.\d\d\d\d")
_FORMS = ((_MDY, _MDY_NEEDS.search), (_DMY, None), (_ISO, None), (_US_NUMERIC, lambda text: "/" in text),
          (_DOTTED, _DOTTED_NEEDS.search))


def _make(year: str, month: int | str, day: str) -> dt.date | None:
    try:
        m = month if isinstance(month, int) else int(month)
        return dt.date(int(year), m, int(day))
    except ValueError:
        return None


# Written out, not as \d{4}: a pattern that opens with a character class is searched with a fast scan for it.
_YEAR = re.compile(r"\d\d\d\d")


def find_date(text: str) -> tuple[dt.date, re.Match[str]] | None:
    """The first date in ``text`` and where it stands, or None."""
    if not _YEAR.search(text):
        return None  # every form has a four-digit year: skip the slow month patterns
    best: tuple[dt.date, re.Match[str]] | None = None
    for pattern, could_match in _FORMS:
        m = pattern.search(text) if could_match is None or could_match(text) else None
        if not m:
            continue
        month = m.group("month")
        month_no = MONTHS.get(month.lower().rstrip(".")) if not month.isdigit() else int(month)
        if month_no is None:
            continue
        date = _make(m.group("year"), month_no, m.group("day"))
        if date and 1900 <= date.year <= 2100 and (best is None or m.start() < best[1].start()):
            best = (date, m)
    return best


def parse_date(text: str) -> dt.date | None:
    found = find_date(text)
    return found[0] if found else None
