"""Dates as releases write them: "August 25, 2023", "25 Aug. 2023", "2023-08-25", "10/15/2018"."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

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
# "2 de marzo del 2009", "1º de marzo de 2009", "1er mars 2009", "3rd of March, 2026".
_DMY = re.compile(r"(?P<day>\d\d?)(?:" + _ORDINAL + r"|er|ro|º|°|\.)?\s+(?:de\s+|of\s+)?" + _MONTH
                  + r",?\s+(?:de\s+|del\s+)?(?P<year>\d{4})", re.I)
# Year first is read year, month, day whatever separates them: "2026-06-08", "2026.06.08" (as Sri Lanka and
# East Asia write it), "2026/06/08".
_ISO = re.compile(r"(?P<year>\d\d\d\d)(?P<isep>[-./])(?P<month>\d{1,2})(?P=isep)(?P<day>\d{1,2})(?!\d|\.\d)")
# "10/15/2018", "15-10-2018": which number is the month is the release's convention (`numeric_order`).
_NUMERIC = re.compile(r"(?<![\d/-])(?P<first>\d{1,2})(?P<sep>[/-])(?P<second>\d{1,2})(?P=sep)(?P<year>\d{4})(?![\d/-])")
# "10.11.2021": day first, as German and most of Europe write it with dots.
_DOTTED = re.compile(r"(?<![\d.])(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})(?![\d.]\d)")

# What a form needs, looked for first: a pattern that opens with a digit class jumps from digit to digit (so
# \d\d? and \d\d\d\d are written above for \d{1,2} and \d{4}), where the month patterns try every position.
# _MDY needs a day (perhaps an ordinal and a comma), spaces and a year; _DOTTED all its digits; _NUMERIC a
# slash or a hyphen between two numbers.
_MDY_NEEDS = re.compile(r"\d\S{0,5}\s+\d\d\d\d")
_DOTTED_NEEDS = re.compile(r"\d\.\d\d?\.\d\d\d\d")
_NUMERIC_NEEDS = re.compile(r"\d[/-]\d\d?[/-]\d\d\d\d")
_FORMS = ((_MDY, _MDY_NEEDS.search), (_DMY, None), (_ISO, None), (_NUMERIC, _NUMERIC_NEEDS.search),
          (_DOTTED, _DOTTED_NEEDS.search))

#: Whether the release being read writes numeric dates day first ("9/3/2026" is 9 March), month first (3
#: September, as in the US), or None when it shows neither: then a slash or hyphen date is read month first
#: unless its first number cannot be a month.
DAY_FIRST: ContextVar[bool | None] = ContextVar("day_first", default=None)


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
        if pattern is _NUMERIC:
            first, second = int(m.group("first")), int(m.group("second"))
            day_first = first > 12 or (second <= 12 and bool(DAY_FIRST.get()))
            month_no, day = (second, str(first)) if day_first else (first, str(second))
        else:
            month = m.group("month")
            month_no = MONTHS.get(month.lower().rstrip(".")) if not month.isdigit() else int(month)
            day = m.group("day")
        if month_no is None:
            continue
        date = _make(m.group("year"), month_no, day)
        if date and 1900 <= date.year <= 2100 and (best is None or m.start() < best[1].start()):
            best = (date, m)
    return best


def parse_date(text: str) -> dt.date | None:
    found = find_date(text)
    return found[0] if found else None


# A day and month without the year, as a dateline gives them: "March 28", "Sept. 26", "28th March".
_MONTH_DAY = re.compile(r"(?:" + _MONTH + r"\s+(?P<day>\d\d?)" + _ORDINAL + r"?|(?P<day2>\d\d?)" + _ORDINAL
                        + r"?\s+(?:of\s+)?" + _MONTH.replace("month", "month2") + r")(?![\d,]*\s*\d\d\d\d)", re.I)
_PRINTED_YEAR = re.compile(r"(?<![\d.,/-])(?:19[5-9]\d|20\d\d)(?![\d.,/-]\d)")
_WEEKDAY_NAMED = re.compile(r"\b(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
_WEEKDAY_NO = {"Mon": 0, "Tues": 1, "Wednes": 2, "Thurs": 3, "Fri": 4, "Satur": 5, "Sun": 6}


def find_month_day(text: str) -> tuple[tuple[int, int], re.Match[str]] | None:
    """(month, day) of the first day and month ``text`` writes without a year ("LOS ANGELES, Sept. 28"), and
    where they stand."""
    m = _MONTH_DAY.search(text)
    if not m:
        return None
    month = MONTHS.get((m.group("month") or m.group("month2")).lower().rstrip("."))
    day = int(m.group("day") or m.group("day2"))
    return ((month, day), m) if month and 1 <= day <= 31 else None


def year_of(month: int, day: int, lead: str, texts: list[str]) -> dt.date | None:
    """The date a dateline gives without its year ("NEW DELHI, March 28 —"), from the years the release
    prints: where the lead names a weekday ("… announced on Wednesday"), the one printed year on which the
    day falls on that weekday; where it names none, the one year the lead and the title (first of
    ``texts``) print. None when the release does not settle it: a guessed year would date it wrongly."""
    named = {_WEEKDAY_NO[w] for w in _WEEKDAY_NAMED.findall(lead)}
    if len(named) == 1:
        printed = {int(y) for text in (lead, *texts) for y in _PRINTED_YEAR.findall(text)}
        fits = [y for y in printed if (d := _make(str(y), month, str(day))) and d.weekday() in named]
        return _make(str(fits[0]), month, str(day)) if len(fits) == 1 else None
    if named:
        return None
    printed = {int(y) for text in (lead, *texts[:1]) for y in _PRINTED_YEAR.findall(text)}
    return _make(str(printed.pop()), month, str(day)) if len(printed) == 1 else None


# The spellings that tell Commonwealth English (which writes dates day first) from American English.
_BRITISH = re.compile(r"\b(?:centre|centres|colour\w*|organis\w+|programme|programmes|labour|neighbour\w*|per cent|"
                      r"favour\w*|honour\w*|defence|licence|metres?|kilometres?|litres?|tonnes|travelled|"
                      r"catalogue|cheque)\b", re.I)
_AMERICAN = re.compile(r"\b(?:center|centers|color\w*|organiz\w+|labor|neighbor\w*|favor\w*|honor\w*|"
                       r"defense|meters?|kilometers?|liters?|traveled|catalog)\b", re.I)
_WRITTEN_DMY = re.compile(r"\b\d\d?" + _ORDINAL + r"?\s+(?:of\s+)?" + _MONTH + r"\b", re.I)
_WRITTEN_MDY = re.compile(r"\b" + _MONTH + r"\s+\d\d?(?!\d)", re.I)


def numeric_order(text: str) -> bool | None:
    """Whether ``text`` writes numeric dates day first: True or False from its own evidence, None without any.

    The evidence, strongest first: a numeric date whose first number cannot be a month ("15/03/2026") or
    whose second cannot ("03/15/2026"); the same day written unambiguously elsewhere; the country or US
    state the release's head names; dates written with the month's name ("9 March" against "March 9"); the
    spelling ("centre", "organisation", "per cent" against "center", "organization"), since the English of
    the countries that write the day first is spelled the Commonwealth way.
    """
    day = month = 0
    ambiguous: list[tuple[int, int, int]] = []
    for m in _NUMERIC.finditer(text):
        first, second = int(m.group("first")), int(m.group("second"))
        day += first > 12 >= second
        month += second > 12 >= first
        if first != second and first <= 12 and second <= 12:
            ambiguous.append((int(m.group("year")), first, second))
    if day != month:
        return day > month
    if ambiguous:
        # The same day written unambiguously elsewhere ("07-12-2026" beside a feed's "2026-12-07" or "7
        # December 2026") tells which reading the release means.
        known = _unambiguous_days(text)
        day = sum((y, b, a) in known for y, a, b in ambiguous)
        month = sum((y, a, b) in known for y, a, b in ambiguous)
        if day != month:
            return day > month
        # The country the head names, where the publisher writes from ("Canal Bank Road, Lahore, Pakistan").
        named = {w.lower() for w in _CAPITALISED.findall(text[:HEAD_CHARS])}
        day_first, month_first = bool(named & DAY_FIRST_COUNTRIES), bool(named & MONTH_FIRST_PLACES)
        if day_first != month_first:
            return day_first
    if _MONTH_NAME_HINT.search(text):
        dmy = sum(1 for _ in _WRITTEN_DMY.finditer(text))
        mdy = sum(1 for _ in _WRITTEN_MDY.finditer(text))
        if dmy != mdy:
            return dmy > mdy
    british = len(_BRITISH.findall(text))
    american = len(_AMERICAN.findall(text))
    if british != american:
        return british > american
    return None


def _unambiguous_days(text: str) -> set[tuple[int, int, int]]:
    """(year, month, day) of the dates ``text`` writes with a month's name or in ISO order."""
    days = {(int(m.group("year")), int(m.group("month")), int(m.group("day"))) for m in _ISO.finditer(text)}
    if _MONTH_NAME_HINT.search(text):
        for pattern in (_MDY, _DMY):
            for m in pattern.finditer(text):
                month = MONTHS.get(m.group("month").lower().rstrip("."))
                if month:
                    days.add((int(m.group("year")), month, int(m.group("day"))))
    return days


#: How far into a release its letterhead, dateline and first sentence reach.
HEAD_CHARS = 600
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")
#: Countries whose releases write numeric dates day first (most of the world; not the United States, nor
#: the Philippines and Canada, which write both ways), and the capitals and big cities that name them.
DAY_FIRST_COUNTRIES = frozenset("""australia bangladesh barbados botswana britain cameroon egypt england ethiopia
    fiji gambia ghana guyana india ireland jamaica kenya lesotho malawi malaysia malta mauritius namibia nepal
    nigeria pakistan rwanda samoa scotland seychelles singapore somalia sudan tanzania tobago tonga trinidad
    uganda wales zambia zimbabwe lanka zealand
    london edinburgh glasgow cardiff belfast dublin nairobi mombasa lagos abuja accra kumasi kampala lusaka harare
    gaborone windhoek dhaka chittagong karachi lahore islamabad kathmandu colombo delhi mumbai kolkata chennai
    bengaluru hyderabad suva apia bridgetown valletta sydney melbourne brisbane adelaide canberra auckland
    wellington christchurch""".split())
#: Names that place a release in the United States, which writes the month first.
MONTH_FIRST_PLACES = frozenset("""alabama alaska arizona arkansas california colorado connecticut delaware florida
    hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota
    mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont
    wisconsin wyoming""".split())


_MONTH_NAME_HINT = re.compile(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")


@contextmanager
def reading_order(text: str) -> Iterator[None]:
    """Read the numeric dates of the release ``text`` in its own order while the block runs."""
    token = DAY_FIRST.set(numeric_order(text) if _NUMERIC_NEEDS.search(text) else None)
    try:
        yield
    finally:
        DAY_FIRST.reset(token)
