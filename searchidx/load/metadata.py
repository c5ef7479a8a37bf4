"""Release metadata found in the text itself: labels, dateline, wire, URL, contacts, boilerplate."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable

from searchidx.attribution.lexicons import (
    AP_STATES,
    ORGANISATION_WORDS,
    is_given_name,
    is_lowercase_word,
    is_organisation,
    is_place,
    strip_honorifics,
    strip_post_nominals,
)
from searchidx.load.cleaning import ends_sentence
from searchidx.load.dates import MONTHS, find_date
from searchidx.model import Contact

# Leading labels in a title: "(Video) Paris Conference …", "[PHOTO] …", "VIDEO: …".
_LABEL = re.compile(r"^\s*(?:\((?P<a>[A-Za-z ]{2,20})\)|\[(?P<b>[A-Za-z ]{2,20})\]|(?P<c>VIDEO|PHOTOS?|AUDIO|UPDATE|UPDATED|CORRECTION|CORRECTING and REPLACING)\s*[:\-–—])\s*")

# News agencies, as their stories open: "NEW YORK (Reuters) - …", "BERLIN (AP) — …".
NEWS_AGENCIES = ("Reuters", "AP", "AFP", "UPI", "PTI", "IANS", "dpa", "Xinhua", "Bloomberg")
# Wire markers as they open a release's first paragraph, and the wire's name.
WIRES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"/?\s*EIN\s*Presswire(?:\.com)?\s*/?", re.I), "EIN Presswire"),
    (re.compile(r"/\s*PRNewswire(?:-[A-Za-z]+)*\s*/", re.I), "PR Newswire"),
    (re.compile(r"\(\s*BUSINESS WIRE\s*\)", re.I), "Business Wire"),
    (re.compile(r"\(\s*GLOBE NEWSWIRE\s*\)", re.I), "GlobeNewswire"),
    (re.compile(r"\(\s*Marketwired\b[^)]*\)", re.I), "Marketwired"),
    (re.compile(r"\(\s*ACCESSWIRE\s*\)", re.I), "ACCESSWIRE"),
    (re.compile(r"/\s*CNW\s*/", re.I), "CNW"),
    (re.compile(r"\(\s*PRWEB\s*\)", re.I), "PRWeb"),
    (re.compile(r"\(\s*Newsfile Corp\.[^)]*\)", re.I), "Newsfile"),
    *((re.compile(rf"\(\s*{agency}\s*\)"), agency) for agency in NEWS_AGENCIES),
]
# The marker with the dashes around it, at the start of a paragraph (after an optional dateline).
_WIRE_LEAD = re.compile(
    r"^(?P<dateline>[^\n]{0,120}?)\s*(?P<wire>/?\s*EIN\s*Presswire(?:\.com)?\s*/|/\s*PRNewswire(?:-[A-Za-z]+)*\s*/"
    r"|\(\s*BUSINESS WIRE\s*\)|\(\s*GLOBE NEWSWIRE\s*\)|\(\s*Marketwired\b[^)]*\)|\(\s*ACCESSWIRE\s*\)"
    r"|/\s*CNW\s*/|\(\s*PRWEB\s*\)|\(\s*Newsfile Corp\.[^)]*\)"
    rf"|\((?:{'|'.join(NEWS_AGENCIES)})\)(?=\s*(?:-{{1,2}}|–|—))"
    # Any other wire's name between slashes, before the dash: "PITTSBURGH, Dec. 3, 2026 /Wirestream/ --".
    r"|(?-i:/[A-Z][A-Za-z][\w.&'’ -]{0,30}?/)(?=\s*(?:-{1,2}|–|—)))\s*(?:-{1,2}|–|—)?\s*",
    re.I,
)

_PLACE = r"[A-ZÀ-Ý][A-Za-zÀ-ÿ.'’\- ]{1,40}"
# Compiled once, not looked up in re's cache on each call.
_PLACE_LINE = re.compile(rf"^{_PLACE}$")
_PLACES_LINE = re.compile(rf"^{_PLACE}(?:,\s*{_PLACE}){{0,3}}$")
_NOT_DIGITS = re.compile(r"\D")
# A dateline on a line of its own: "PARIS, FRANCE, August 25, 2023".
_DATELINE_LINE = re.compile(rf"^(?P<place>{_PLACE}(?:,\s*{_PLACE}){{0,2}}),?\s+(?P<rest>.*\d{{4}})\s*$")
# A capitalised word of a place, perhaps hyphenated ("Calif.", "Winston-Salem"); bounded, so that a long run
# of capitals cannot make the pattern backtrack without end.
_WORD = r"[A-Z][A-Za-z.'’]{0,20}(?:-[A-Za-z.'’]{1,20})?"
# A region's initials in brackets after a town: "Tarkwa (W/R)", Ghana's Western Region.
_REGION_INITIALS_TEXT = r"[A-Z]{1,3}/[A-Z]{1,3}"
# A dateline opening the first paragraph: "SANTA ANA – The …", "WASHINGTON, D.C. (March 3, 2020) — …".
_DATELINE_LEAD = re.compile(
    # ("DOUGLAS, Isle of Man — …": a country's name may hold "of".)
    # ("OISTINS, Christ Church, Barbados – …": a parish and a country after the town.)
    rf"^(?P<place>[A-ZÀ-Þ][A-ZÀ-Þ.'’\- ]{{2,40}}(?:,\s*{_WORD}(?: (?:of )?{_WORD}){{0,2}}){{0,2}})"
    # "GEORGETOWN, Guyana (DLAB) – …": the issuer's initials in brackets after the place.
    r"(?:\s\([A-Z]{2,8}\)(?=\s*[-–—]))?"
    r"(?:,?\s*\(?(?P<date>[A-Z][a-z]{2,9}\.? \d{1,2},? \d{4})\)?"
    # "CUPERTINO, California--January 19, 2000--Apple …": the date between two dashes.
    # "APIA, Samoa – Tuesday 5 May 2026 – …": a weekday before it, and the day first.
    r"|\s*(?:--|[–—]|-)\s*(?P<dashed>(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    # (A full stop may end the dateline after the date's year: "APIA, Samoa — Monday 12 April 2038. The …".)
    r"(?:[A-Z][a-z]{2,9}\.? \d{1,2},? \d{4}|\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]{2,9}\.?,? \d{4})))?(?:\s*[-–—]{1,2}|(?<=\d{4})\.(?=\s+[A-Z]))\s*"
    # "New Brunswick, N.J. (April 18, 2023) – …": a place in capitals and small letters, but only before a
    # date in brackets, where nothing else stands.
    r"|^(?P<place2>[A-Z][a-z]{1,20}(?: [A-Z][a-z]{1,20}){0,2},\s*[A-Z][A-Za-z.'’]{0,20}(?: [A-Z][A-Za-z.'’]{0,20}){0,2})"
    r"\s*\((?P<date2>[A-Z][a-z]{2,9}\.? \d{1,2},? \d{4})\)\s*[-–—]{1,2}\s*"
    # "Dekalb, Ill. — …": a place in capitals and small letters with its state as AP style abbreviates it.
    r"|^(?P<place3>[A-Z][a-z]{1,20}(?: [A-Z][a-z]{1,20}){0,2},\s*"
    rf"(?:{'|'.join(re.escape(state) for state in AP_STATES)})\.)\s+[-–—]{{1,2}}\s+"
    # "(PHOENIX) – …": the place in capitals, in brackets ("(UPDATED) –", "(WATCH) –" are labels, "(CNN) —" an
    # agency).
    r"|^\((?!(?:UPDATE[DS]?|CORRECT(?:ION|ED)|REVISED|VIDEOS?|PHOTOS?|AUDIO|BREAKING|EMBARGOED|ADVISORY|SEE|WATCH|"
    r"LISTEN|EDITORS?|NOTE|FOR|CNN|AP|AFP|UPI|REUTERS|BLOOMBERG)\b)(?P<place4>[A-Z][A-Z.'’\- ]{2,40}(?:,\s*[A-Z][A-Za-z.]{1,20})?)\)\s*[-–—]{1,2}\s+"
    # "WAKEFIELD, England, 3 March 2026 –", "Hyderabad, 4th March 2026:", "Auckland, NZ – 3/3/2026 –", "KUANTAN,
    # March 12 —": a place in capitals (or, before a date with its year, in capitals and small letters) and a
    # date written any way the date reader knows, up to a dash or a colon. The date is checked after the match.
    # "Singapore -- …": a country or capital in capitals and small letters before a dash (checked after).
    r"|^(?P<place6>[A-Z][a-z]{2,20}(?: [A-Z][a-z]{2,20}){0,2})\s+(?:--|[–—])\s+(?=[A-Z])"
    # "Port Vila, Vanuatu — …": a town in capitals and small letters with its country (checked after).
    r"|^(?P<place7>[A-Z][a-z]{1,20}(?: [A-Z][a-z]{1,20}){0,2}),\s+(?P<country7>[A-Z][a-z]{2,20}(?: (?:of )?[A-Z][a-z]{2,20}){0,2})"
    # (Not before a date: "Tacloban City, Leyte – November 9, 2026 – …" is the dated form below.)
    r"\s+(?:--|[–—])\s+(?=[A-Z])(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|[A-Z][a-z]{2,8}\.? \d)"
    r"|^(?P<place5>(?:[A-Z][A-Z.'’\-]{1,20}(?: [A-Z][A-Z.'’\-]{1,20}){0,3}|[A-Z][a-zà-ÿ'’\-]{1,20}(?: [A-Z][a-zà-ÿ'’\-]{1,20}){0,2})"
    r"(?:,\s*[A-Z][A-Za-z.'’]{0,20}(?: [A-Z][A-Za-z.'’]{0,20}){0,2}){0,2}"
    # "LAUTOKA (Fiji), 17 June —": the country in brackets after the place, kept with it; or the region's
    # initials ("Tarkwa (W/R), March 18 –": Ghana's Western Region).
    rf"(?:\s*\((?:[A-Z][a-z]{{2,20}}(?: [A-Z][a-z]{{2,20}})?|{_REGION_INITIALS_TEXT})\))?)"
    # "May Pen, Clarendon: Sunday, 12 April 2026 – …": a colon after the place, the date after it.
    r"(?:\s*(?:,|:|\(|\s[-–—]{1,2})|(?<=\))(?=\s))\s*(?P<date5>[A-Za-z0-9][A-Za-z0-9 ,./\-]{2,40}?)\)?"
    # "Barishal, 11 January 2030 (Friday): …", "JUBA, 27 June 2031 (CCCE) — …": a weekday or the issuer's
    # initials in brackets after the date.
    r"(?:\s\((?:[A-Z]{2,8}|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\))?\s*(?:[-–—]{1,2}|:)\s+"
)
def _date_then_dash(text: str, at: int) -> tuple[int, object] | None:
    """(end, date) of a date in any form the date reader knows standing at ``at`` up to a dash, and nothing
    else but a weekday ("CAPE COAST, Ghana – 14th of October, 2026 – …", "… – 2026-10-14 – …"); None
    otherwise."""
    d = _DATE_THEN_DASH.match(text, at)
    found = find_date(d.group("date")) if d else None
    if not d or not found or d.group("date")[found[1].end():].strip(" ,."):
        return None
    before = d.group("date")[:found[1].start()].strip()
    return (d.end(), found[0]) if not before or _WEEKDAY.match(before) else None


_DATE_THEN_DASH = re.compile(r"(?P<date>[A-Za-z0-9][A-Za-z0-9 ,./\-]{2,40}?)\s*[-–—]{1,2}\s+")
# "ISLAMABAD: The …", "Nairobi: The …": a place alone before a colon, as South Asian and African releases
# write it, perhaps with the country ("KINGSTON, Jamaica: …"); checked after ("UPDATE:", "NOTE:" and a name
# are no place). Tried when no dateline above matched, or one matched without its date.
_COLON_LEAD = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’\-]{2,20}(?: [A-Z][A-Z.'’\-]{1,20}){0,2}|[A-Z][a-z]{2,20}(?: [A-Z][a-z]{2,20}){0,2})"
    # (Or a state's code: "WAGGA WAGGA, NSW:".)
    r"(?:,\s(?P<country>[A-Z][a-z]{2,20}(?: [A-Z][a-z]{2,20}){0,2}|[A-Z]{2,3}|[A-Z]\.[A-Z]\.)"
    # "SUVA (Fiji):": the country in brackets after the place.
    r"|\s\((?P<bracketed>[A-Z][a-z]{2,20}(?: [A-Z][a-z]{2,20})?)\))?:\s+(?=[A-Z])"
)
# A region's word that vouches for the words before it as a region's name ("Western Highlands Province").
_REGION_WORD = re.compile(r" (?:Province|Region|District|County|Division|Parish|State|Territory)$")
_WEEKDAY = re.compile(r"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.?),?\s*$")
_WEEKDAY_BEFORE = re.compile(r"^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+")
# A date without its year after a place in capitals: "KUANTAN, March 12 —".
_MONTH_DAY = re.compile(r"^(?:[A-Z][a-z]{2,8}\.? \d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]{2,8}\.?)$")


def is_month_day(text: str) -> bool:
    """A day and a month without the year: "March 12", "22 October", "22nd Oct."."""
    return bool(_MONTH_DAY.match(text.strip()))

_WEB_ADDRESS = re.compile(r"https?://\S+")
_URL_LINE = re.compile(
    r"^(?:This (?:press )?release (?:can be|is) (?:viewed|available) online at|View (?:source|original) "
    r"(?:version|content)[^:]*(?:at|on)[^:]*|Original(?:ly)? (?:source|published)[^:]*|Source URL)\s*:?\s*"
    r"(?P<url>https?://\S+)?",
    re.I,
)

_SHARED_ON = (r"(?:facebook|x|twitter|whatsapp|linkedin|e-?mail|print|telegram|viber|reddit|pinterest|threads|bluesky|"
              r"copy link|messenger|sms)\b[\s|·•,/]*")
# A row of share links, over a headline or under the text: "Share this article:   Facebook   X   WhatsApp",
# "Facebook X Viber".
_SHARE_ROW_TEXT = (rf"(?:share(?: (?:this|on|via))?(?: (?:page|article|story|release|post))?\s*:?\s*(?:{_SHARED_ON}){{1,10}}"
                   rf"|(?:{_SHARED_ON}){{2,10}})")
# A page's topics: "Topics: Area planning, Primary education", "Tags: Land Rights   Legal Aid".
_TAGS_ROW_TEXT = r"(?:topics?|tags?|categor(?:y|ies)|filed under|posted in|keywords)\s*:\s*\S.{0,150}"
SHARE_ROW = re.compile(rf"^{_SHARE_ROW_TEXT}$", re.I)
TAGS_ROW = re.compile(rf"^{_TAGS_ROW_TEXT}$", re.I)
# Lines that belong to the wire, not to the release: dropped wherever they stand.
BOILERPLATE_LINES = re.compile(
    # "-C-" is how EDGAR's text exhibits write ©.
    r"^[-–—\s\u2190-\u21ff\u2600-\u27bf\ufe0f\U0001f300-\U0001faff]*(?:-C-.*|email us here|visit us on social media:?|follow us|share (?:this|article|this article|on|on \w+):?|print|"
    r"distribution channels?:.*|legal disclaimer:?.*|\(c\)|©.*|copyright\b.*all rights? reserved.*|"
    r"all rights? reserved\.?|#{3,}|-\s*30\s*-|[-–—]*\s*ends?\s*[-–—]*|facebook|twitter|x|linkedin|instagram|youtube|"
    r"back to (?:top|news)|skip to (?:main )?content|scroll to top|reddit|email|whatsapp|"
    # WordPress's like button, copied with the page: "Like this:", "Like Loading...".
    r"like this:|like loading(?:\.\.\.|…)?|"
    # Rows of share links and of a page's topics.
    rf"{_SHARE_ROW_TEXT}|{_TAGS_ROW_TEXT}|"
    # Page furniture between paragraphs: advertisement markers, and appeals with no heading of their own.
    r"advertisement(?:\s*[-–—:]\s*(?:scroll|continue) .{0,40})?|(?:story )?continues? (?:below|after advertisement)|"
    r"follow us on .{1,60}|follow (?:the )?(?-i:[A-Z][\w&.'’\-]*(?: [A-Z][\w&.'’\-]*){0,4})\s*:.{0,100}|follow (?-i:[A-Z][\w&.'’\-]*(?: [A-Z][\w&.'’\-]*){0,4}) on (?:x|twitter|facebook|"
    r"instagram|linkedin|youtube|tiktok|threads|bluesky)\b.{0,100}|(?:please )?(?:donate|give) (?:now|today)\b.{0,60}|support our (?:work|journalism)\b.{0,60}|"
    r"sign up (?:for|to) our newsletter.{0,60}|subscribe to our newsletter.{0,60}|"
    # "← Previous post: …", "Next article →": a blog's links to its neighbours.
    r"(?-i:Previous|Next|Older|Newer|PREVIOUS|NEXT) (?:post|article|story|release)\b.{0,100}|"
    # A copied page's cookie notice.
    r"(?:we use|(?:this|our) (?:web)?site uses)(?: \w+){0,3} cookies\b.{0,300}|(?:we'd|we would) (?:also )?like to set .{0,40}cookies\b.{0,300}|(?:accept|reject|allow|decline|manage) (?:[\w-]+ ){0,2}cookies\b.{0,60}|"
    r"cookie (?:settings|preferences|policy|notice)|cookies on (?:this|our) (?:web)?site|view cookies|"
    # A sign-off's label over the signatory's name: "Signed:", "SIGNED", "Sgd."
    r"signed\s*:?|sgd|issued by\s*:)\s*\.?$",
    re.I,
)
# The first two letters (lower case, after the leading dashes) of each of BOILERPLATE_LINES' alternatives, kept
# in step with it: a set lookup spares the pattern's thirty-odd alternatives on most lines.
_BOILERPLATE_STARTS = frozenset("c- em vi fo sh pr di le (c co al ## 30 en fa tw li in yo ba sk sc re wh ad st pl do ne ol "
                                "gi su si sg we th ac de ma is ou te pi bl me sm ta to ca fi po ke".split())
# What each of BOILERPLATE_LINES' alternatives starts with, in lower case, after the leading dashes: kept in step
# with it too.
_BOILERPLATE_PREFIXES = ("c-", "email", "visit us on social media", "follow ", "share ", "print", "distribution channel",
                         "legal disclaimer", "(c)", "©", "copyright", "all right", "###", "30", "end", "facebook",
                         "twitter", "x", "linkedin", "like this:", "like loading", "instagram", "youtube", "back to ", "skip to ", "scroll to top",
                         "reddit", "whatsapp", "advertisement", "story continue", "continue", "please ", "donate ",
                         "give ", "support our ", "sign up ", "subscribe to our newsletter", "we use ", "we'd ", "we would ",
                         "this website uses cookies", "this site uses cookies", "our website uses cookies",
                         "our site uses cookies", "accept ", "reject ", "allow ", "decline ",
                         "manage ", "cookie ", "cookies on ", "view cookies", "signed", "sgd", "issued by",
                         "previous ", "next ", "older ", "newer ", "telegram", "viber", "pinterest", "threads", "bluesky",
                         "copy link", "messenger", "sms", "topic", "tag", "categor", "filed under", "posted in",
                         "keyword")
# (and the symbol a cookie notice opens with: "🍪 Our website uses cookies.")
_LEADING_DASHES = re.compile(r"[-–—\s\u2190-\u21ff\u2600-\u27bf\ufe0f\U0001f300-\U0001faff]*")
# A style sheet rule that lost its <style> tag in a conversion ("a.x:hover {color: red;} @media …").
_CSS_RULE = re.compile(r"^(?:@media[^{]{0,120}\{\s*)?[#.@\w][^{}]{0,160}\{[^{}]*:[^{}]*;?\s*\}")
# A line from which everything after is the wire's footer.
FOOTER_START = re.compile(
    r"^(?:using \w[\w ]{0,30} for work\?|find more from .{1,80} on [\w ]{2,30}\.?$|"
    r"EIN Presswire's priority is source transparency|EIN Presswire, Everyone's Internet News|"
    r"Disclaimer: .*EIN Presswire|SOURCE\s+[A-Z].{0,80}$|View original content(?: to download multimedia)?:)",
    re.I,
)
# The letters FOOTER_START's and _URL_LINE's alternatives start with, kept in step with them: most lines
# start otherwise and skip the patterns.
_FOOTER_FIRST = frozenset("ufedsvUFEDSV")
_URL_FIRST = frozenset("tvosTVOS")
# And the words they start with, in lower case, kept in step too: "The …", "State …", "District …" pass the
# first letter.
_FOOTER_PREFIXES = ("using ", "find more from ", "ein presswire", "disclaimer: ", "source", "view original content")
_URL_PREFIXES = ("this press release", "this release", "view source", "view original", "original", "source url")


def _may_start(line: str, prefixes: tuple[str, ...]) -> bool:
    """Whether a pattern that ignores case and whose alternatives start with ``prefixes`` (none longer than
    32 characters) may match at the start of ``line``. In ASCII ignoring case is lower(); beyond it the
    pattern matches more ("ſ" for "s", "K" for "k"), so only the pattern can tell."""
    head = line[:32]
    return not head.isascii() or head.lower().startswith(prefixes)


# A telephone number; a trunk code may have five digits ("01422 555 0192"), a subscriber's number six
# ("07700 900123") or five ("+91 98765 43210").
_PHONE = re.compile(r"(?:\+\d{1,3}[\s.\-]?)?(?:\(\d{1,4}\)[\s.\-]?)?\d{1,5}(?:[\s.\-]\d{1,7}){1,5}(?!\d)")
_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")


_DIGIT = re.compile(r"\d")


def find_phone(text: str) -> re.Match[str] | None:
    """The first phone number in ``text``. Checked for a digit first: the pattern, which can open three
    ways, is tried at every position of a line, and most lines hold no digit."""
    return _PHONE.search(text) if _DIGIT.search(text) else None


def find_email(text: str) -> re.Match[str] | None:
    """The first e-mail address in ``text``. Checked for its "@" first: the pattern, tried at every
    position of a line, costs much more than that."""
    return _EMAIL.search(text) if "@" in text else None

# (The label may come in two languages: "Untuk sebarang pertanyaan / For enquiries:".)
_CONTACT_HEAD = re.compile(r"^(?:[^/:]{1,40}\s/\s)?(?:(?:media|press|investors?|analysts?)?\s*(?:contacts?(?: information| info| data)?|inquiries|enquiries)|"
                           r"for (?:more|further) information(?:,? (?:please )?contact)?|"
                           r"for (?:media )?(?:enquiries|inquiries|queries))\s*:?\s*", re.I)
_NAME_LINE = re.compile(r"^(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?[A-ZÀ-Ý][\w’'\-.]+(?:\s+[A-ZÀ-Ý][\w’'\-.]*){1,3}$")


# What a bot check or captcha page says instead of the page that was asked for.
_BOT_CHECK = re.compile(
    r"made us think you were a bot|pardon our interruption|verify (?:that )?you are (?:a )?human|"
    r"are you a robot|i'?m not a robot|checking your browser before accessing|checking if the site connection "
    r"is secure|enable javascript and cookies to continue|complete the security check to access|"
    r"attention required! \| cloudflare|request unsuccessful\. incapsula|access to this page has been denied",
    re.I,
)
# A word each bot-check phrase holds.
_BOT_CHECK_WORDS = ("bot", "human", "browser", "javascript", "security check", "cloudflare", "incapsula", "denied",
                    "interruption")
# The titles such pages carry.
_BOT_CHECK_TITLE = re.compile(r"^(?:pardon our interruption|just a moment|attention required|access denied|"
                              r"are you a robot|security check|human verification|bot verification)\b", re.I)
#: A bot check is a short page: a release that merely mentions a captcha is longer than this (characters).
BOT_CHECK_MAX_CHARS = 2000


def bot_check(title: str | None, texts: list[str]) -> bool:
    """True when the page is a bot check or captcha, not a release (a saved page the site refused): a short
    page with a bot-check title and wording, or with two different bot-check phrases."""
    whole = "\n".join([title or "", *texts])
    if len(whole) > BOT_CHECK_MAX_CHARS:
        return False
    lower = whole.lower()
    if not any(word in lower for word in _BOT_CHECK_WORDS):
        return False  # substring tests first: the phrase pattern is slow to run over every short release
    phrases = {m.group(0).lower() for m in _BOT_CHECK.finditer(whole)}
    return len(phrases) >= 2 or bool(phrases and _BOT_CHECK_TITLE.match((title or "").strip()))


def is_name_line(line: str) -> bool:
    """A line that is only a person's name ("Janne OJAMO", "Dr. Ana Ruiz")."""
    return bool(_NAME_LINE.match(line))


def split_labels(title: str) -> tuple[str, list[str]]:
    """"(Video) Paris Conference …" → ("Paris Conference …", ["Video"])."""
    labels: list[str] = []
    while True:
        m = _LABEL.match(title)
        if not m:
            return title.strip(), labels
        labels.append((m.group("a") or m.group("b") or m.group("c")).strip().title())
        title = title[m.end():]


def wire_of(text: str) -> str | None:
    for pattern, name in WIRES:
        if pattern.search(text):
            return name
    return None


def strip_wire_lead(text: str) -> tuple[str, str | None, str | None]:
    """Remove "PLACE, DATE /Wire/ --" from the start of a paragraph: (rest, wire, dateline)."""
    head = text[:200]
    if "/" not in head and "(" not in head and "  " not in head and "\n" not in head:
        # Every marker holds a slash or a bracket, and one with single spaces before it ends by then.
        return text, None, None
    m = _WIRE_LEAD.match(text)
    if not m or len(m.group("dateline")) > 120:
        return text, None, None
    wire = wire_of(m.group("wire")) or m.group("wire").strip(" /-–—")
    dateline = m.group("dateline").strip(" ,-–—") or None
    return text[m.end():].lstrip(), wire, dateline


def parse_dateline(line: str) -> tuple[str | None, object | None] | None:
    """"PARIS, FRANCE, August 25, 2023" → ("PARIS, FRANCE", date(2023, 8, 25)); None if it is not one."""
    if len(line) > 100 or line.endswith("."):
        return None
    found = find_date(line)
    if not found:
        return None
    date, m = found
    place = _without_weekday(line[: m.start()].strip(" ,-–—/("))
    if line[m.end():].strip(" )"):
        return None
    if place and _BEFORE_DATE.match(place):
        place = ""  # "Posted 27 October 2026": a label, no place
    if place and not _PLACES_LINE.match(place):
        return None
    return (place or None), date


def _without_weekday(place: str) -> str:
    """A dateline's place without the weekday written between it and the date ("NAIROBI, Tuesday")."""
    head, comma, last = place.rpartition(",")
    return head.strip() if comma and head.strip() and _WEEKDAY.fullmatch(last.strip()) else place


def _may_open_dateline(text: str) -> bool:
    """A cheap test before _DATELINE_LEAD, which most first paragraphs fail ("The …", "District Attorney …"):
    each of its forms opens with a bracket or a capital, and one in capitals and small letters ("New
    Brunswick, N.J. (…) –", "Dekalb, Ill. —") has its comma within 66 characters, or a dash or bracket within 60."""
    first = text[:1]
    if first == "(":
        return True
    if not ("A" <= first <= "Z" or "À" <= first <= "Þ"):
        return False  # (a place may open with an accented capital: "ÉPINAL", "ÎLE-…")
    # "Singapore -- …": a country's name in capitals and small letters before a dash.
    return not "a" <= text[1:2] <= "z" or "," in text[:66] or any(d in text[:60] for d in (" -", " –", " —", "(")) \
        or ":" in text[:64]


def strip_dateline_lead(text: str) -> tuple[str, str | None, object | None]:
    """Remove "SANTA ANA – " or "WASHINGTON (March 3, 2020) — " from a first paragraph."""
    if not _may_open_dateline(text):
        return text, None, None
    m = _DATELINE_LEAD.match(text)
    if not m:
        return _colon_lead(text)
    if m.group("place5"):
        found = _dated_lead(text, m)
        return found if found[1] or ":" not in text[:m.end()] else _colon_lead(text)
    if m.group("place6"):
        return (text[m.end():], m.group("place6"), None) if may_be_place(m.group("place6")) else (text, None, None)
    if m.group("place7"):
        town, country = m.group("place7"), m.group("country7")
        # (A known country vouches for the town's first words: "Port Vila", "Bay Roberts".)
        last = town.split()[-1]
        known = (is_place(country) or (_REGION_WORD.search(" " + country) is not None and " " in country)) \
            and not is_organisation(town) and (
            not is_lowercase_word(last) or (last.lower() in _PLACE_TAILS and " " in town))
        # (A region named as such vouches for its town as a country does: "Axim, Western Region –".)
        # A date after it vouches for the place as the dated form would ("Tacloban City, Leyte – NOVEMBER 9, 2026 –").
        if (dated := _date_then_dash(text, m.end())) and (known or (
                may_be_place(town) and may_be_place(country) and not is_organisation(country))):
            return text[dated[0]:], f"{town}, {country}", dated[1]
        return (text[m.end():], f"{town}, {country}", None) if known else (text, None, None)
    written = m.group("date") or m.group("dashed") or m.group("date2")
    found = find_date(written) if written else None
    if (m.group("dashed") or m.group("date2")) and not found:
        return text, None, None
    if not m.group("dashed") and not text[m.end() - 1:m.end()].isspace():
        return text, None, None  # "SANTA ANA–The": a dash in a word, not a dateline's
    place = m.group("place") or m.group("place2") or m.group("place3") or m.group("place4")
    if is_label(place.strip(" ,")):
        return text, None, None  # "NEWS RELEASE — For Immediate Release": the document's label, no place
    if not found and m.group("place") and (dated := _date_then_dash(text, m.end())):
        return text[dated[0]:], _without_weekday(place.strip(" ,")), dated[1]
    if not found and not any(c.islower() for c in text[m.end():m.end() + 80]):
        return text, None, None  # "ASX ANNOUNCEMENT – QUARTERLY ACTIVITIES REPORT": a label's parts, no text after
    return text[m.end():], _without_weekday(place.strip(" ,").rstrip(" -–—")), found[0] if found else None


def _colon_lead(text: str) -> tuple[str, str | None, object | None]:
    m = _COLON_LEAD.match(text)
    if not m:
        return text, None, None
    place, country = m.group("place"), m.group("country")
    if m.group("bracketed"):
        known = is_place(m.group("bracketed")) and may_be_place(place.title(), given_names=False)
        return (text[m.end():], f"{place} ({m.group('bracketed')})", None) if known else (text, None, None)
    if country and (country.isupper() or country.upper() in STATE_CODES):
        # A state's or province's code vouches for the place as a country's name does ("KAMLOOPS, B.C.:",
        # "AYR, Qld:").
        return (text[m.end():], f"{place}, {country}", None) \
            if country.replace(".", "").upper() in STATE_CODES and (_colon_place(place) or (
                place.isupper() and may_be_place(place.title()))) else (text, None, None)
    if country and _REGION_WORD.search(country) and place.isupper() and not is_organisation(place.title()):
        return text[m.end():], f"{place}, {country}", None  # "MOUNT HAGEN, Western Highlands Province:"
    # A country after it makes a short word in capitals a city ("LAGOS, Nigeria:"), not an acronym, and a word
    # that is also a given name a town ("Kingston, Jamaica:").
    if not (is_place(country) and may_be_place(place.title(), given_names=False) if country else _colon_place(place)):
        return text, None, None
    return text[m.end():], m.group("place") + (f", {m.group('country')}" if m.group("country") else ""), None


#: The codes of Australia's states and territories, Canada's provinces and territories and the US states, as
#: datelines print them after a town.
STATE_CODES = frozenset(
    "NSW VIC QLD SA WA TAS NT ACT AB BC MB NB NL NS ON PE QC SK YT NU AL AK AZ AR CA CO CT DE FL GA HI ID IL IN "
    "IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WV WI WY DC".split())


def _colon_place(name: str) -> bool:
    """A place before a lead's colon: in capitals, read as its words in small letters ("ISLAMABAD" is a place,
    "UPDATE" a word), and a single word in capitals is an acronym ("FBI:") unless it is a known place or long."""
    if name.isupper():
        titled = name.title()
        return is_place(titled) or (may_be_place(titled) and (" " in name or len(name) >= 6))
    return may_be_place(name)


def reads_as_person(name: str) -> bool:
    """Two capitalised words, the first a given name and neither a known place: "Chris Davies" in a byline's
    date line, where a dateline's place would stand."""
    words = name.split()
    return len(words) == 2 and all(w[:1].isupper() for w in words) and is_given_name(words[0]) \
        and not is_place(name) and not is_place(words[-1])


def may_be_place(name: str, given_names: bool = True) -> bool:
    """A name before a lead's dash that reads as a place: a known country or capital ("Singapore"), or words
    that are no everyday word, given name or organisation ("Lodwar", not "Meanwhile", "Update" or "Jane").
    A given name after the first word does not make a person of it ("Nuwara Eliya", "Port Elizabeth"); with
    ``given_names`` false, neither does a first one (the country after it says so: "Kingston, Jamaica")."""
    if is_place(name):
        return True
    words = name.split()
    if len(words) >= 2 and words[0].lower().rstrip(".") in _PLACE_HEADS:
        words = words[1:]  # "Port Moresby", "Fort Portal", "Cape Coast": a place's head word, then its name
        return not is_organisation(name) and not any(is_lowercase_word(w) for w in words)
    if len(words) >= 2 and words[-1].lower() in _PLACE_TAILS:
        words = words[:-1]  # "Newport Beach", "Salt Lake", "Coral Springs": a name, then a feature's word
    return not is_organisation(name) and not any(is_lowercase_word(w) for w in words) \
        and not (given_names and words and is_given_name(words[0]))


# Words of land, water and settlement that end places' names and would read as everyday words alone.
_PLACE_TAILS = frozenset("beach beaches lake lakes river bay valley hill hills creek falls springs heights harbour "
                         "harbor island islands park city town".split())
# Words that open places' names and would read as everyday words alone.
_PLACE_HEADS = frozenset("port fort mount mt lake cape saint st san santa new north south east west upper lower "
                         "great little grand point".split())


_REGION_INITIALS = re.compile(rf"\({_REGION_INITIALS_TEXT}\)$")


def _dated_lead(text: str, m: re.Match[str]) -> tuple[str, str | None, object | None]:
    """A dateline whose date is any written date (``place5``): the date must be all that stands between the
    place and the dash, a weekday aside; a place in capitals, or one before a colon, may give the day without
    the year."""
    place, written = _without_weekday(m.group("place5").strip(" ,")), m.group("date5").strip(" ,")
    # "ISLAMABAD, the 6th September, 2034:": the article of South Asian official datelines.
    written = written[4:] if written[:4].lower() == "the " else written
    if _WEEKDAY.match(place.split(",")[0]) or place.split(",")[0].lower() in MONTHS:
        return text, None, None  # "Tuesday, March 3, 2026 –": a date, no place
    if text[m.end("place5"):].lstrip().startswith(":") and not (_colon_place(place.split(",")[0]) or (
            "," in place and not is_label(place))):
        # "Update: 3 May 2026 – …": a label before the colon, no place. A town and its region say place
        # however everyday their words ("May Pen, Clarendon:").
        return text, None, None
    found = find_date(written)
    if found and not written[found[1].end():].strip(" ,."):
        before = written[: found[1].start()]
        if not before or _WEEKDAY.match(before):  # "Friday 6 March 2026"
            return text[m.end():], place, found[0]
    town = place.split(" (", 1)[0].split(",")[0]  # "LAUTOKA (Fiji)", "MONTEGO BAY, St James"
    written = _WEEKDAY_BEFORE.sub("", written)  # "LAUTOKA (Fiji), Monday 2 December — …"
    if _MONTH_DAY.match(written) and (town.isupper() or (m.group(0).rstrip().endswith(":") and may_be_place(town))
                                      or _REGION_INITIALS.search(place)):
        # "KUANTAN, March 12 —", "Vadodara, May 19: The Board …" (the colon of South Asian datelines), "Tarkwa
        # (W/R), March 18 –" (a region's initials vouch for the place).
        return text[m.end():], place, None
    return text, None, None


def url_line(line: str) -> tuple[bool, str | None]:
    if line[:1] not in _URL_FIRST or not _may_start(line, _URL_PREFIXES):
        return False, None
    m = _URL_LINE.match(line)
    if not m:
        return False, None
    # "Originally published at https://…": with no colon after the label, the label's words run into the
    # address, which the pattern then leaves out.
    return True, m.group("url") or (u.group(0) if (u := _WEB_ADDRESS.search(line)) else None)


# The boilerplate lines that may run long; any other line that long is text (checked first: most are).
_LONG_BOILERPLATE = ("distribution channel", "legal disclaimer", "©", "copyright", "we use ", "we'd also like",
                     "this website uses", "this site uses cooki")
BOILERPLATE_MAX_CHARS = 110
# A file code alone on its line: capitals and figures in three parts or more, set apart by slashes.
_FILE_CODE = re.compile(r"^[A-Z][A-Z0-9]*(?:/[A-Z0-9][A-Z0-9.\-]*){2,}$")


# Notices a release carries about itself, never its text: its number and its other languages, as India's
# PIB and Welsh bodies print them, and the acknowledgement of country Australian bodies end with.
_NOTICE = re.compile(
    r"^(?:\(?release id\s*:\s*[\w/.\-]+\)?(?:\s+visitor counter\s*:\s*\d+)?|read this release in\s*:.*|"
    r"an? [\w'’]+[- ]language version of this (?:press |news )?(?:release|statement) is available\b.*|"
    r"(?:we|[\w&'’ ]{2,60}?) acknowledges? the traditional (?:custodians|owners)\b.{0,160}?"
    r"(?:on which|elders past)\b.*)$", re.I)


def is_boilerplate(line: str) -> bool:
    line = line.strip()
    if "{" in line and _CSS_RULE.match(line):
        return True
    if ("elease" in line or "cknowledge" in line) and _NOTICE.match(line):
        return True
    if "/" in line and _FILE_CODE.match(line):
        return True  # "RKD/SM/NM-112": the office's file code under the text
    if len(line) > BOILERPLATE_MAX_CHARS and not line[:24].lower().startswith(_LONG_BOILERPLATE):
        return False
    if ("·" in line or "|" in line or "•" in line) and _boilerplate_row(line):
        return True
    rest = line[_LEADING_DASHES.match(line).end():] if not line[:1].isalnum() else line  # type: ignore[union-attr]
    if rest[:2].lower() not in _BOILERPLATE_STARTS and rest[:1].lower() not in ("©", "x"):
        return False  # most lines: no alternative of the pattern can start there
    if not _may_start(rest, _BOILERPLATE_PREFIXES):
        return False  # menu lines ("Legal Training", "Resources") pass the two letters
    return bool(BOILERPLATE_LINES.match(line))


def _boilerplate_row(line: str) -> bool:
    """A row of the page's footer, parts set apart by dots or bars, one of them boilerplate and the others the
    issuer's name or address ("Example Harbour RFC · Jackson Street, Petone · Follow us on Facebook")."""
    parts = _PART_SEPARATOR.split(line)
    return len(parts) > 1 and any(is_boilerplate(p) for p in parts) and all(
        is_boilerplate(p) or ((is_office_line(p) or is_address(p)) and not ends_sentence(p)) for p in parts)


_SIGNOFF_LABEL = re.compile(r"^\s*(?:signed|sgd)\s*[:.]?\s*$", re.I)


def is_signoff_label(line: str) -> bool:
    """The label a sign-off opens with over the signatory's name: "SIGNED", "Signed:", "Sgd."."""
    return bool(_SIGNOFF_LABEL.match(line))


_END_MARK = re.compile(r"^\s*(?:#(?:\s?#){2,}|-+\s*30\s*-+|[-–—]*\s*ends?\s*[-–—]*)\s*$", re.I)


# A photo's caption or credit line: "Photo: Jane Roe at the launch", "(Pictured: …)", "Image credit: …".
_CAPTION_LINE = re.compile(r"^\(?(?:photo(?:graph)?s?|images?|pictures?|pictured|pic|caption|photo caption|(?:photo |image )?credit)"
                           r"\s*(?:\d{1,2}\s*)?[:\-–—]\s*\S", re.I)
#: Longest line read as a caption.
CAPTION_CHARS = 300


def is_caption_line(line: str) -> bool:
    """A photo's caption: opening with its label ("Photo: …") or ending with its credit ("… ceremony. Photo:
    MRF/Jane Roe", "(Photo: Jane Roe)")."""
    return len(line) <= CAPTION_CHARS and ((line[:1] in "PpIiCc(" and bool(_CAPTION_LINE.match(line)))
                                           or ("hoto" in line and bool(_CREDIT_END.search(line))))


# A photo's credit ending its caption.
_CREDIT_END = re.compile(r"[.)]\s*\(?(?:Photo(?:graph)?|Picture|Image)(?: credit)?\s*:\s*[^.:;]{2,60}\)?\.?$")


# An end mark with the release's date after a slash: "Ends/Friday, November 27, 2026".
_DATED_END_MARK = re.compile(r"^\s*ends?\s*/\s*(?=\S)", re.I)


def end_mark_date(line: str) -> object | None:
    """The date an end mark carries ("Ends/Friday, November 27, 2026"), or None."""
    m = _DATED_END_MARK.match(line) if line[:1] in "Ee " else None
    dated = date_only_line(line[m.end():].strip(" .")) if m else None
    return dated[1] if dated and not dated[0] else None


def is_end_mark(line: str) -> bool:
    """The line that ends a release's text: "ENDS", "- ends -", "###" (or more), "-30-", and one of them beside the same
    word in another language ("DIWEDD / ENDS")."""
    if _END_MARK.match(line):
        return True
    parts = line.split(" / ") if " / " in line and len(line) <= 30 else ()
    return len(parts) == 2 and any(_END_MARK.match(p) for p in parts) and all(len(p.split()) == 1 for p in parts)


def is_footer_start(line: str) -> bool:
    line = line.strip()
    return line[:1] in _FOOTER_FIRST and _may_start(line, _FOOTER_PREFIXES) and bool(FOOTER_START.match(line))


# The label a contact given on one line opens with: "Media contact:", "For further information:", "For media
# queries, please contact:", "Issued by:".
_CONTACT_LABEL = re.compile(
    r"^(?:for (?:further|more) information|for (?:media )?(?:inquiries|enquiries|queries)|(?:media|press) "
    r"(?:contacts?|enquiries|inquiries|queries)|contacts?|media|issued by)(?:,? (?:please )?contact)?\s*:\s*", re.I)
_FIELD_SPLIT = re.compile(r"\s*[|;,]\s*|\s+[–—·•]\s+")
#: Longest line read as a contact given on one line, and longest field in it.
CONTACT_RECORD_CHARS = 220
CONTACT_FIELD_CHARS = 70
#: Most words in one field of it (a name, a job title, an office's name); a field of several words that opens in
#: lower case is a clause ("… on 0800 123 4567, or email help@…").
CONTACT_FIELD_WORDS = 8


def contact_fields(line: str) -> list[str] | None:
    """A contact given on one line, as the lines it would take ("Media contact: Jane Roe, Head of
    Communications, press@example.org, 01422 555 0192" → name, job, e-mail, phone); None for anything else:
    the line needs an e-mail address or a phone number, and fields, not a sentence."""
    line = line.strip()
    if len(line) > CONTACT_RECORD_CHARS or not may_hold_phone_or_email(line) or not (find_email(line) or _PHONE.search(line)):
        return None
    rest = _CONTACT_LABEL.sub("", line, count=1)
    fields = [f.strip() for f in _FIELD_SPLIT.split(rest) if f.strip()]
    if len(fields) < 2 or any(len(f) > CONTACT_FIELD_CHARS or len(f.split()) > CONTACT_FIELD_WORDS
                              or (f[:1].islower() and " " in f) or (f.endswith(".") and " " in f and not find_email(f))
                              for f in fields):
        return None  # a sentence that gives a number or an address ("… can call the helpline on 0800 …") is text
    return fields


# "Issued by: Example Ltd, 1 High Street", "Authorised by J. Roe, 1 Example Street": who issued the release,
# with the contacts at its end.
_ISSUER_LINE = re.compile(r"^(?:(?:issued|released|published|authori[sz]ed|distributed|prepared)(?: and \w+)? by\b|"
                          # "This announcement has been authorised for release by the Board of Example Ltd."
                          r"this (?:announcement|release|statement|document) (?:has been|was|is) authori[sz]ed"
                          r"(?: for (?:release|lodgement))? by\b)", re.I)


# A byline alone on its line: "By Jane Roe", "by Media Unit".
_BYLINE = re.compile(r"^(?i:by)\s+(?P<name>[A-Z][\w.’'-]*(?:\s+(?:[A-Z][\w.’'-]*|of|the|and|&)){0,5})$")


def byline(line: str) -> str | None:
    """The name a byline alone on its line gives ("by Media Unit" → "Media Unit"), or None."""
    m = _BYLINE.match(line.strip()) if line[:3].lower() == "by " else None
    # A heading in capitals ("BY THE NUMBERS") is none.
    return m.group("name") if m and not m.group("name").isupper() else None


_POSTED_BY = re.compile(r"^(?:posted|published|written|filed) by\s+\S", re.I)


def is_byline(line: str) -> bool:
    """A byline: "By Jane Roe", "Posted by Club Secretary in Club news"."""
    return bool(byline(line) or _POSTED_BY.match(line.strip()))


def is_issuer_line(line: str) -> bool:
    """"Issued by: Example Ltd, 1 High Street"; "Authorised by J. Roe MP, Parliament House, Canberra.", as
    election law has it printed, with its full stop."""
    line = line.strip()
    m = _ISSUER_LINE.match(line)
    if not m or len(line) > CONTACT_RECORD_CHARS:
        return False
    if not line.endswith((".", "!", "?")):
        return True
    # With a full stop: an authorisation statement, or an issuer named in capitalised words alone ("Issued
    # by the Corporate Communications Office, Universiti Teknologi Pantai Timur."), not a sentence.
    first, dot, rest = line.partition(". ")
    if dot and rest and may_hold_phone_or_email(rest) and (find_email(rest) or _PHONE.search(rest)):
        # "Issued by the Media Unit, Example Hospital. For further information contact Ms. Jane Roe, … on …".
        line = first + "."
    named = line[m.end():].strip(" :.").removeprefix("the ").replace(",", " ")
    return (line[:6].lower() == "author" and line.count(".") <= 3
            and not re.search(r"\b(?:is|are|was|were|has|have|will|would|can|may)\b", line)) \
        or (bool(named) and all(w[:1].isupper() or w.lower() in _FUNCTION_WORDS for w in named.split()))


_COPY_TO = re.compile(r"^(?:copy|copies|cc|distribution)\b[^.]{0,60}:$", re.I)


def is_signatory_block(lines: list[str] | tuple[str, ...]) -> bool:
    """Lines that sign a statement off under its text: the signatory's name, with an honorific or a
    post-nominal, over their office ("HON. DR. JANE ROE, EGH" / "CABINET SECRETARY" / "MINISTRY OF EXAMPLE"),
    perhaps a date; no sentence among them."""
    # A distribution list under the office ("Copy for favour of publication to:" / "The Editors, …").
    lines = lines[:next((k for k, line in enumerate(lines) if k >= 2 and _COPY_TO.match(line.strip())), len(lines))]
    if not 2 <= len(lines) <= 5:
        return False
    name = lines[0].strip()
    # South Asian offices sign with the name in brackets: "(Syed Imran Haider)" / "Public Relations Officer".
    bracketed = name.startswith("(") and name.endswith(")")
    name = name[1:-1].strip() if bracketed else name
    bare = strip_post_nominals(strip_honorifics(name.title() if name.isupper() else name)[0]).strip(" ,")
    named = (bare != name or bracketed) and 2 <= len(bare.split()) <= 5 and all(w[:1].isupper() for w in bare.split())
    return named and all(is_office_line(line) or date_only_line(line) for line in lines[1:])


def looks_like_contact_line(line: str) -> bool:
    line = line.strip()
    if line[:4].lower() == "for " and _CONTACT_SENTENCE.match(line) and len(line) <= CONTACT_RECORD_CHARS \
            and (find_email(line) or find_phone(line)):
        return True  # "For more information contact the office at 501-555-0144 or info@example.org."
    if line.endswith(".") and len(line.split()) <= 6 and is_office_line(line[:-1]):
        return True  # a sign-off's body, as typed under the name: "Eastern Corridor Police Command."
    if not line or len(line) > 80 or line.endswith(".") and not find_email(line):
        return False
    # The cheapest test first: a short line of five words or fewer passes whatever else it holds.
    return bool(len(line.split()) <= 5 or (find_phone(line) and may_hold_phone_or_email(line)) or find_email(line)
                or _CONTACT_HEAD.match(line)
                or line.lower() == "email us here" or _NAME_LINE.match(line) or _name_job_body(line))


# A sentence that gives the contact: "For more information, please contact …", "For further details call …".
_CONTACT_SENTENCE = re.compile(r"^for (?:(?:more|further) (?:information|details)|(?:media |press )?(?:enquiries|inquiries|queries)),?"
                               r" (?:please )?(?:contact|call|e-?mail|phone|write to|reach)\b", re.I)


def _name_job_body(line: str) -> bool:
    """"Jane Roe, Communications Advisor, City of Example": a name, a job and a body set off by commas, each
    in capitals and small letters, no sentence."""
    parts = [x.strip() for x in line.split(",")]
    return 2 <= len(parts) <= 3 and bool(_NAME_LINE.match(parts[0])) \
        and not any(w.isupper() or w.lower().strip(".") in ORGANISATION_WORDS for w in parts[0].split()) \
        and all(p and len(p.split()) <= 6 and p[:1].isupper() and not _LEGAL_FORM.fullmatch(p) for p in parts[1:])


_LEGAL_FORM = re.compile(r"(?:Inc|Ltd|Co|Corp|LLC|plc|PLC|Bhd|Pty Ltd|S\.A|AG)\.?")


def may_hold_phone_or_email(line: str) -> bool:
    """Whether `parse_contacts` could take a phone number or an e-mail address from ``line``: it holds an "@"
    or seven digits."""
    return "@" in line or (_DIGIT.search(line) is not None and len(_NOT_DIGITS.sub("", line)) >= 7)


_EXTENSION = re.compile(r"^(?:ext\.?|x|extension)\s*\d{1,6}$", re.I)


def is_extension(text: str) -> bool:
    """A telephone extension written after the number: "ext. 2210", "x 14", "extension 3"."""
    return bool(_EXTENSION.match(text.strip()))


def parse_contacts(lines: list[str]) -> list[Contact]:
    """Group contact lines (name, organisation, phone, e-mail, in any order) into contacts."""
    contacts: list[Contact] = []
    current = Contact()

    def flush() -> None:
        nonlocal current
        if any((current.name, current.phone, current.email)):
            contacts.append(current)
        current = Contact()

    for raw in lines:
        line = _CONTACT_HEAD.sub("", raw.strip()).strip(" ,;")
        if line.endswith(".") and not find_email(line) and not line.endswith((" Inc.", " Ltd.", " Co.", " Corp.")):
            line = line[:-1]  # "Eastern Corridor Police Command.": a sign-off's last line
        if not line or line.lower() == "email us here":
            continue
        email = find_email(line)
        phone = find_phone(line)
        if email:
            if current.email:
                flush()
            current.email = email.group(0)
            rest = line.replace(email.group(0), "").strip(" ,;:|")
            if rest and not current.name and _NAME_LINE.match(rest):
                current.name = rest
            if phone and not current.phone and len(_NOT_DIGITS.sub("", phone.group(0))) >= 7 \
                    and not (email.start() <= phone.start() < email.end()):
                current.phone = phone.group(0).strip()  # "… at 501-555-0144 or info@example.org."
            continue
        if phone and len(_NOT_DIGITS.sub("", phone.group(0))) >= 7:
            if current.phone:
                flush()
            current.phone = phone.group(0).strip()
            continue
        if current.phone and is_extension(line):
            current.phone = f"{current.phone} {line}"  # "905-555-0142" / "ext. 2210", split as fields
            continue
        if current.name is None and _name_job_body(line):
            # "Jane Roe, Communications Advisor, City of Example": the name, the job, the body.
            parts = [x.strip() for x in line.split(",")]
            current.name = parts[0]
            if len(parts) > 2 and current.organisation is None:
                current.organisation = parts[-1]
            continue
        if current.name is None and _NAME_LINE.match(line):
            current.name = line
        elif current.organisation is None:
            current.organisation = line
        elif not (current.phone or current.email):
            continue  # a job title or an office under the name ("For: Commissioner of Police"): no new person
        else:
            flush()
            current.name = line if _NAME_LINE.match(line) else None
            if current.name is None:
                current.organisation = line
    flush()
    return contacts


# Labels a release's first page carries above its title: the filing's exhibit number, the kind of document,
# the issuing office's name.
_HEAD_LABEL = re.compile(
    r"^(?:exhibit\s+\d+(?:\.\d+)?|ex-\d+(?:\.\d+)?|(?:joint |media |news |press |official )?(?:release|statement|"
    r"advisory|summary)|(?:media |news |press )(?:releases|statements|advisories|notes|notices|briefings)|"
    r"(?:for )?release immediately|for release|immediately|"
    r"(?:media|press) (?:note|notice|brief(?:ing)?|information)|public notice|"
    r"(?:official |press )?communiqu[eé]|for immediate (?:release|use|publication|distribution)|immediate release|news|communications|media relations|"
    # The same labels in the other languages the corpora hold.
    r"(?:aviso|comunicado|nota) de prensa|para publicaci[oó]n inmediata|communiqu[ée] de presse|pressemitteilung|"
    r"embargo(?:ed)?\b.{0,80}|for (?:more|further) information,? contact\s*:?.*|(?:investors?|media|analysts?)\s*:.*|"
    r"page \d+(?: of \d+)?)\s*:?$",
    re.I,
)
# An address: a ZIP or postcode with a place, a P.O. Box, a street number and street word.
_ADDRESS = re.compile(
    r"\b(?:[A-Z]{2}|[A-Z][a-z]+\.?)\s+\d{5}(?:-\d{4})?\b|\bP\.?\s?O\.? Box\b|\bCH-\d{4}\b|"
    r"\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b|^\d{1,5}(?:[-–]\d{1,5})?[A-Za-z]?\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}\s+(?:Blvd|Boulevard|"
    r"Street|St|Avenue|Ave|Road|Rd|Drive|Dr|Way|Place|Plaza|Parkway|Pkwy|Lane|Square|Quay|Parade|Wharf)\b\.?|"
    # Addresses written outside the US: a postcode before its city after a comma ("Jalan Tun Razak, 50400
    # Kuala Lumpur"), an Indian PIN after its city ("New Delhi - 110001"), a street named mid-line ("Transport
    # Bhawan, Parliament Street, New Delhi"), a floor ("Level 22, Menara Permai").
    r",\s*\d{5,6}\s+[A-Z][a-z]+|,[^,]*[A-Z][a-z]+\s*[-–]\s*\d{6}\b|"
    r",\s*(?:\d{1,5}[A-Za-z]?\s+)?[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,2}\s+(?:Street|Road|Avenue|Lane|Marg|Crescent|Terrace|Highway|Drive)\s*,|"
    r"^(?:Level|Floor|Suite|Unit)\s+\d+[A-Z]?\s*,|"
    # A street without a number at the line's start, then the town and region ("Buena Vista Street, San Ignacio
    # Town, Cayo District, Belize").
    r"^[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,2}\s+(?:Street|Road|Avenue|Lane|Crescent|Terrace|Highway|Drive|Boulevard)"
    r"(?:\s*,\s*[A-Z][^,]*){2,}$|"
    # A plot, stand or private bag, as addresses in Africa give them ("Plot 1142, Cadastral Zone A07, Wuse II").
    r"\b(?:Plot|Stand|Erf)\s+(?:No\.?\s*)?\d+[A-Z]?\s*,|\bP\.?M\.?B\.?\s+\d+|\bPrivate Bag\b",
)
_TELEPHONE = re.compile(r"^(?:tel(?:ephone)?|phone|ph|mob(?:ile)?|cell|fax|t|f)\b\.?\s*:?\s*\+?[\d(]", re.I)
# A document's reference number: "No. PR-114/2026", "Ref: KRC/PR/2026/011", "Press Release No. 45/2026".
_REFERENCE_LINE = re.compile(r"^(?:(?:our |your |press |media )?(?:release )?(?:ref(?:erence)?|no|number|pr|pib)\b\.?\s*(?:no\b\.?)?"
                             # (An initial's apostrophe may end it: "COL/PI/2211/BO'D".)
                             r"\s*[:#]?\s*[A-Z0-9][\w/.\-]*\d[\w/.\-’']*"
                             # "Registration No. 199801055512 (471203-K)", "Registered charity number SC012345".
                             # "SEC Reg. No. CN2014-55501": the registry's initials first.
                             r"|(?:[A-Z]{2,5} )?(?:company |charity |registered (?:charity |company )?)?(?:registration |reg\.? )?"
                             r"(?:no|number)\b\.?\s*:?\s*[A-Z]{0,3}\d[\d \-]{3,}\d(?:\s*\([\w\-]+\))?)$", re.I)
# Letterhead parts set apart on one line: "2-4 King Street, Kingston | Tel: 876-633-7400".
_PART_SEPARATOR = re.compile(r"\s+[|•·]\s+")
_SITE_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|[a-z\d-]+(?:\.[a-z\d-]+)*\.[a-z]{2,}(?:/\S*)?", re.I)
#: Longest block taken for a letterhead or label line above a title.
HEAD_LINE_CHARS = 160


# A short line that names the kind of document with other words: "MEDIA RELEASE - POLICE MEDIA UNIT",
# "KENYATAAN MEDIA / MEDIA STATEMENT", "Press Release | Example Trust".
_KIND_IN_LINE = re.compile(r"\b(?:(?:media|press|news) (?:release|statement|advisory|note)|press notice|communiqu[eé])\b",
                           re.I)
#: Words a line naming the kind of document may hold at most.
KIND_LINE_WORDS = 8


# A label asking the reader to get in touch (`_HEAD_LABEL`'s contact alternatives): "For more information,
# contact …", "Media: …".
_ASKS_CONTACT = re.compile(r"\s*(?:for (?:more|further) information|(?:investors?|media|analysts?)\s*:)", re.I)


def is_contact_label(text: str) -> bool:
    """A label that asks the reader to get in touch: back matter after the text, no other release's head."""
    return bool(_ASKS_CONTACT.match(text))


#: Most words of each language's part of a label printed in two.
LABEL_WORDS = 5


def is_label(text: str, alone: bool = False) -> bool:
    """A line that labels the document rather than telling anything: "FOR IMMEDIATE RELEASE", "News
    Release", "Embargoed until …", "MEDIA RELEASE - POLICE MEDIA UNIT"; with ``alone``, only a label with
    nothing else on its line (not "MEDIA ADVISORY - Example Office", a page's title)."""
    text = text.strip()
    if not text or len(text) > HEAD_LINE_CHARS:
        return False
    if _HEAD_LABEL.match(text):
        return True
    if ("·" in text or "•" in text or "|" in text) and all(
            _HEAD_LABEL.match(part) for part in _LABEL_PARTS.split(text)):
        return True  # "PRESS RELEASE · FOR IMMEDIATE RELEASE": labels side by side
    if " / " in text and len(parts := text.split(" / ")) == 2 and any(_HEAD_LABEL.match(p) for p in parts) \
            and all(len(p.split()) <= LABEL_WORDS for p in parts) and not any(p.rstrip()[-1:] in ".!?" for p in parts):
        return True  # "Untuk siaran segera / For immediate release": a label in two languages
    return not alone and text[-1:] not in ".!?" and bool(_KIND_IN_LINE.search(text)) \
        and (len(text.split()) <= KIND_LINE_WORDS or issuer_and_label(text))


_LINE_PARTS = re.compile(r"\s+[|–—\-]\s+")
_LABEL_PARTS = re.compile(r"\s*[·•|]\s*")


def issuer_and_label(text: str) -> bool:
    """A letterhead line of the issuer's name and the document's label, set apart by a dash or bar, however
    long the name ("MINISTRY OF WATER AND RURAL RESILIENCE – MEDIA RELEASE", "Example Children's Hospital
    (Guarantee) Ltd – Media Release"): no headline."""
    parts = _LINE_PARTS.split(text.strip())
    # The label last: "MEDIA ADVISORY - Example County District Attorney" is a page's title and its site.
    return len(parts) == 2 and is_label(parts[1], alone=True) and bool(_KIND_IN_LINE.search(parts[1])) \
        and is_office_line(parts[0].replace("(", "").replace(")", ""))


# "From the office of the Rt Hon Jane Roe MP": the office named by its holder.
_OFFICE_OF = re.compile(r"^(?:from )?(?:the )?office of (?:the )?(?=[A-Z])", re.I)
_FUNCTION_WORDS = frozenset("of and the for on in into at to de del la da van von & - – — / | · •".split())


_STEM_STOP = frozenset("the and for with from that this into over after about against under has have was were".split())


def stems(text: str) -> set[str]:
    """Words as five-letter stems ("announces" and "announced", "case" and "cases" alike), short and
    common words left out."""
    return {_FINAL_E.sub("", _SUFFIX.sub("", w))[:5] for w in re.findall(r"[^\W\d_]{3,}", text.lower()) if w not in _STEM_STOP}


# Endings that a word's forms differ by ("opens", "opened", "opening"; "seize", "seized"; "children's"), taken
# off a longer word.
_SUFFIX = re.compile(r"(?<=\w\w\w)(?:['’]s|ing|ed|es|s)$")
_FINAL_E = re.compile(r"(?<=\w\w\w)e$")


def taken_up(line: str, opening: str) -> float:
    """The share of ``line``'s words that ``opening`` repeats (0 for a line of no words)."""
    words = stems(line)
    return len(words & stems(opening)) / len(words) if words else 0.0


#: A line above the title is letterhead, not the headline, when the release's opening repeats at most this
#: share of its words and a line below it, still above the lead, has at least HEADLINE_TAKEN_UP of its own.
LETTERHEAD_TAKEN_UP = 0.35
HEADLINE_TAKEN_UP = 0.7
NAMED_HEADLINE_TAKEN_UP = 0.5


# Words that name an issuing body in a letterhead besides ORGANISATION_WORDS' ("CITY OF EXAMPLE").
_ISSUER_WORDS = frozenset("city town county borough district province state branch division bureau cell unit "
                          "secretariat berhad bhd republic kingdom commonwealth territory municipality "
                          "llp pllc pty gmbh pte sdn solicitors inquiry inquest".split())


def is_issuer_word(word: str) -> bool:
    """A word that names an issuing body: "Ministry", "Council", "Berhad", "County"."""
    word = word.strip(",.'’()").lower()
    return word in ORGANISATION_WORDS or word in _ISSUER_WORDS


def named_whole(line: str, opening: str) -> bool:
    """Whether ``opening`` names ``line`` whole ("MINISTRY OF HEALTH" in "The Ministry of Health today …")."""
    return " ".join(line.split()).casefold() in " ".join(opening.split()).casefold()


def names_issuer(lines: list[str] | tuple[str, ...]) -> bool:
    """Whether ``lines`` are letterhead naming the issuing body: each a body's name, an address, a label, a
    reference or a date, one of them with a word that names a body ("POLICE PUBLIC INFORMATION BRANCH",
    "Government of India" / "Ministry of Example" / an address)."""
    named = False
    for line in lines:
        if is_label(line):
            continue  # "MEDIA ADVISORY" over the advisory's subject names no issuer
        if is_office_line(line):
            words = line.split()
            named = named or (len(words) >= 2 and any(is_issuer_word(w) for w in words))
            # An office holder's letterhead: "Hon. Jane Roe MHK", "Senator John Doe".
            bare = strip_post_nominals(strip_honorifics(line)[0])
            named = named or (bare != line and 2 <= len(bare.split()) <= 4 and all(w[:1].isupper() for w in bare.split()))
        elif not (is_letterhead(line) or is_address(line) or date_only_line(line)):
            return False
    return named


def reads_as_headline_of(line: str, lead: str, below: str = "") -> bool:
    """Whether ``line`` says what the lead says, as a headline does, rather than naming the issuer: the lead
    (its dateline aside) repeats more than half of its words, and more of them than of the line ``below`` it
    (a deck says more in words of its own; a headline under letterhead is the lead's own summary), without
    naming it whole."""
    opening = strip_dateline_lead(lead)[0]
    share = taken_up(line, opening)
    return not named_whole(line, opening) and share > 0.5 and (not below or share > taken_up(below, opening))


# Words a line that runs on ends with, and a headline does not.
_DANGLING_WORDS = frozenset("of the a an to and or in for with on at by from as that than its their his her".split())
#: Most words of a kicker line over a headline.
KICKER_WORDS = 6


def _headline_line(text: str) -> bool:
    """A line that reads as a headline in sentence case: opening with a capital, six words or more, most in
    small letters, no sentence, no date or letterhead, and not ending on a word a line runs on from ("…
    finding some of": a wrapped line of prose)."""
    words = text.split()
    return text[:1].isupper() and len(words) >= KICKER_WORDS and sum(w[:1].islower() for w in words) * 2 >= len(words) \
        and not ends_sentence(text) and words[-1].lower() not in _DANGLING_WORDS and not date_only_line(text) \
        and not is_letterhead(text)


def _kicker(line: str) -> bool:
    """A short line in title case that names the occasion over the headline ("Publication of the Final
    Report"), no sentence and no figure; the headline under it must still say more of the lead."""
    words = line.split()
    return 2 <= len(words) <= KICKER_WORDS and not any(c.isdigit() for c in line) and line[-1:].isalpha() \
        and all(w[:1].isupper() for w in words if len(w) > 3) and any(w.islower() for w in words)


def headline_below(first: str | list[str] | tuple[str, ...], candidates: dict[int, str], opening: str) -> int | None:
    """Which of ``candidates`` (lines between the letterhead ``first`` taken for the title, a line or a block's
    lines, and the lead, by position) is the headline instead, or None. Letterhead names the issuer
    (`names_issuer`) and shares few words with the lead; a headline says what the lead says: "St Elizabeth
    cops seize 300 pounds of ganja" under "POLICE PUBLIC INFORMATION BRANCH". The dateline opening the lead
    is left out: it names the letterhead's city."""
    lines = [first] if isinstance(first, str) else list(first)
    if len(lines) == 1 and _kicker(lines[0]):
        # Under a kicker, the first line that reads as a headline (a lead's wrapped line, "announced today that
        # …", does not).
        return next((k for k, text in candidates.items() if _headline_line(text)), None)
    if not names_issuer(lines):
        return None
    opening = strip_dateline_lead(opening)[0]
    head = " ".join(lines)
    # The issuer's name, short, may stand in the lead whole ("MINISTRY OF HEALTH" / "The Ministry of Health
    # today opened …"): a headline seldom does.
    named_in_lead = len(head.split()) <= 6 and named_whole(head, opening)
    first_share = 0.0 if named_in_lead else taken_up(head, opening)
    if first_share > LETTERHEAD_TAKEN_UP and not _body_name(head):
        return None
    scored = [(taken_up(text, opening), -k) for k, text in candidates.items()
              if len(re.findall(r"[^\W\d_]{2,}", text)) >= 3 and not (date_only_line(text) or is_letterhead(text)
                                                                    or find_email(text) or holds_phone(text))]
    if not scored:
        return None
    share, k = max(scored)
    # Letterhead the lead names whole is the issuer's name for certain: a line that says more than half
    # of what the lead says is the headline under it.
    if share >= (NAMED_HEADLINE_TAKEN_UP if named_in_lead else HEADLINE_TAKEN_UP) and share > first_share:
        return -k
    # A body's name in capitals right over a line in sentence case that is no sentence: letterhead over its
    # headline ("CASTRIES ROADS AND DRAINAGE AUTHORITY" / "Cul de Sac bridge reopens to traffic …"), when the
    # lead says more of the line than of the name.
    top = min(candidates)
    if head.isupper() and _headline_line(candidates[top]) and taken_up(candidates[top], opening) > first_share:
        return top
    return None


def headline_under_label(items: list[tuple[str, ...]], lead: str = "") -> int | None:
    """Which of ``items`` (the blocks above the lead, each as its lines, in order) is the headline when a label
    line ("PRESS RELEASE", "MEDIA STATEMENT", "Kenyataan Media") parts the issuer's letterhead above it from
    the headline below it: the first item under the label that is no label, date or reference line. Above the
    label only letterhead: no prose, and an address, a reference or a body's name among its lines. None when
    the items are laid out otherwise, or when the lead repeats a line above the label (not naming it whole)
    more than the line below it: a headline over its label and deck."""
    for k, lines in enumerate(items):
        marks = [is_label(line) for line in lines]
        if not any(marks):
            continue
        at = marks.index(True)
        above = [line for item in items[:k] for line in item] + list(lines[:at])
        if not above or not all(_label_row(line) for line in lines[at:]) or not reads_as_letterhead(above):
            return None
        for j in range(k + 1, len(items)):
            if all(_label_row(line) for line in items[j]):
                continue
            text = " ".join(items[j])
            if not _headline_like(text):
                return None
            # A headline stands right above the lead, its deck, date or place line between them; not over an
            # office's address and contacts (then it is an office holder's name line).
            rest = [" ".join(item) for item in items[j + 1:] if not all(_label_row(line) for line in item)]
            if len(rest) > 1 or (rest and not (_headline_like(rest[0]) or _PLACES_LINE.match(rest[0].rstrip(" ,")))):
                return None
            if lead:
                opening = strip_dateline_lead(lead)[0]
                share = taken_up(text, opening)
                # Lines typed in one block with an address are letterhead, a motto among them too ("Supporting
                # people with sight loss across Northern Ireland"): no headline, however much the lead repeats them.
                loose = [line for item in [*items[:k], lines[:at]] if not (len(item) > 1 and reads_as_letterhead(item))
                         for line in item]
                if any(taken_up(line, opening) > share for line in loose
                       if not (named_whole(line, opening) or names_issuer([line]))):
                    return None
            return j
        return None
    return None


# A page's breadcrumb trail: "Home » News » Province releases …", "Home / Media Centre / News / …".
_CRUMB_SEPARATOR = re.compile(r"\s+[>»›/|]\s+")
#: Most words a crumb before the last may have ("Media Centre", "Press Statements").
CRUMB_WORDS = 4


def crumb_title(line: str) -> str | None:
    """The last crumb of a breadcrumb trail (`is_crumb_trail`: "Home » News » Province releases ₱64M …" gives
    "Province releases ₱64M …", and so does "News > Province releases ₱64M …"), when it has three words or
    more and is not cut short; None for any other line."""
    if not is_crumb_trail(line):
        return None
    last = _CRUMB_SEPARATOR.split(_HERE.sub("", line.strip()))[-1].strip()
    return last if len(last.split()) >= 3 and not last.endswith(("...", "…")) else None


_HERE_MARK = r"(?:you are here|you're here|location)\s*:\s*"
_HERE = re.compile("^" + _HERE_MARK, re.I)
_HERE_INSIDE = re.compile(r"\b" + _HERE_MARK, re.I)


def ends_in_crumb_trail(line: str) -> bool:
    """A breadcrumb trail, or words run into one after its marker ("Tenders RTI Contact Us You are here: Home
    > Media > Press Releases": a menu's entries typed before it)."""
    if is_crumb_trail(line):
        return True
    here = _HERE_INSIDE.search(line)
    return here is not None and here.start() > 0 and is_crumb_trail(line[here.start():])


def is_crumb_trail(line: str) -> bool:
    """A breadcrumb trail, whatever its last crumb: from the site's home ("You are here: Home / Press Releases
    / …", "Home » News & Updates » Press Releases") or a section's name set apart by arrows ("News > …")."""
    line = _HERE.sub("", line.strip())
    parts = [p.strip() for p in _CRUMB_SEPARATOR.split(line)]
    if len(parts) < 2 or not all(p and len(p.split()) <= CRUMB_WORDS for p in parts[:-1]):
        return False
    # From the home page, or set apart by arrows from a section's name ("Media Centre > Media Releases > 2026").
    return parts[0].casefold() in ("home", "homepage", "home page", "start", "main") or (
        _ARROW_CRUMBS.search(line) is not None and parts[0][:1].isupper() and not any(c.isdigit() for c in parts[0]))


_ARROW_CRUMBS = re.compile(r"\s[>»›]\s")


def head_date(lines: Iterable[str]) -> tuple[str | None, object] | None:
    """(place, date) of the first of the head's ``lines`` that is a date line, or a label with its date
    ("MEDIA RELEASE 11.03.2026"); None when none is."""
    for line in lines:
        found = date_only_line(line)
        if found:
            return found
        if is_label(line) and (dated := find_date(line)):
            return None, dated[0]
        # A letterhead row's cells, set far apart or by bars ("Plot 5, Old Mall  |  Private Bag 55     Thursday,
        # 19 February 2026", "… Ph: +685 555 021      Date: 05/05/2026"): a cell that is a date line.
        for cell in head_cells(line) if _HEAD_CELLS.search(line) else ():
            if found := date_only_line(cell):
                return None, found[1]
    return None


# Parts of a head line set apart by bars, middle dots or dashes: "Example Trust | Media release | 4 November
# 2026", "Example Alliance — News — Posted Friday, January 16, 2026".
_ROW_PARTS = re.compile(r"\s+[|·•—]\s+")
# A letterhead row's cells: the same, or three spaces or more between them.
_HEAD_CELLS = re.compile(rf"\s{{3,}}|{_ROW_PARTS.pattern}")


# A document named by its kind and number: "Announcement No. 41/2026", "Press Release No. 14/2026".
_NUMBERED_DOCUMENT = re.compile(r"^[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){0,2} (?:No\.?|Number|#) ?\d[\w/.\-]*$")


def head_row_date(line: str) -> tuple[str | None, object] | None:
    """(place, date) of a head line made of the issuer's name, the document's label and a date set apart by
    bars ("Te Whare Ora Health Trust | Media release | Wednesday 4 November 2026"); None for any other line."""
    if "|" not in line and "·" not in line and "•" not in line and " — " not in line:
        return None
    parts = _ROW_PARTS.split(line.strip())
    if len(parts) < 2 or len(line) > HEAD_LINE_CHARS:
        return None
    dated = [found for p in parts if (found := date_only_line(p))]
    if len(dated) != 1:
        return None
    day, year = dated[0][1].day, str(dated[0][1].year)  # type: ignore[attr-defined]
    if not all(is_label(p, alone=True) or date_only_line(p) or is_office_line(p) or _BYLINE_CELL.match(p)
               or _NUMBERED_DOCUMENT.match(p) or is_reference(p) or _REF_CELL.match(p)
               # The same date in the page's other language: "Khamis, 03 Dis 2026 | Thursday, 03 Dec 2026".
               or (len(p) <= 40 and year in p and re.search(rf"(?<!\d)0?{day}(?!\d)", p)) for p in parts):
        return None
    return dated[0]


# A reference cell of a head row: "News release ref: ABC/2029/1107/03".
_REF_CELL = re.compile(r"^[A-Za-z ]{0,30}\bref(?:erence)?\.?(?: no\.?)?\s*:\s*[\w/.\-]+$", re.I)
# A byline set in a head row: "By: Media Unit", "Oleh / By: Biro Media".
_BYLINE_CELL = re.compile(r"^(?:[\w ]{1,12}/\s*)?by\s*:?\s+\S.{0,60}$", re.I)


def _label_row(line: str) -> bool:
    """A line of the label's kind: a label, a date, a reference number ("Ref: OGNSC/PR/041")."""
    line = line.strip()
    return is_label(line) or bool(date_only_line(line)) or is_reference(line) \
        or bool((m := _CONTACT_ROW.match(line)) and (find_email(line) or find_phone(line)
                                                     or (line[m.end():].strip() and len(line.split()) <= 4))) \
        or _phone_only(line)


def _phone_only(line: str) -> bool:
    """A telephone number alone on its line, as a PDF's head sets it beside a date: "(409) 555-0170"."""
    m = find_phone(line)
    return bool(m) and holds_phone(line) and not line[:m.start()].strip(" (+") and not line[m.end():].strip()


def is_reference(line: str) -> bool:
    """A document's reference number: "No. PR-114/2026", "Ref. No.: SHRH/ADM/12/7"."""
    return bool(_REFERENCE_LINE.match(line.strip()))


def is_head_cell(cell: str) -> bool:
    """A cell of a row in a PDF export's head, set beside others far apart: a label, date, reference,
    contact or letterhead line ("FOR IMMEDIATE RELEASE      Contact: Jane Roe")."""
    return _label_row(cell) or is_letterhead(cell)


# "Contact: Jane Roe, Public Information Officer, (706) 555-0143" between a label and the headline.
_CONTACT_ROW = re.compile(r"^(?:(?:media|press|news) )?(?:contacts?|enquiries|inquiries)\s*:", re.I)


# A company's name whose full stop is its suffix's: "HARBOURLINE ENERGY INC.", "Example Holdings Sdn. Bhd."
_COMPANY_NAME = re.compile(r"^(?:[A-Z&][\w&'’.\-]*,?\s+){1,6}(?:inc|ltd|corp|co|plc|llc|bhd|pty\.? ltd|s\.a|ag)\.$", re.I)


def is_company_name(line: str) -> bool:
    """A company's name with its legal form: "HARBOURLINE ENERGY INC.", "Example Paddlers Association, Inc."."""
    return bool(_COMPANY_NAME.match(line.strip()))


def reads_as_letterhead(lines: list[str] | tuple[str, ...]) -> bool:
    """Whether ``lines`` can all be an issuer's letterhead: none of them prose, and an address, telephone,
    reference or e-mail line or a body's name among them."""
    if any(len(line) > HEAD_LINE_CHARS or (ends_sentence(line) and not (is_letterhead(line) or is_address(line)
                                                                          or _COMPANY_NAME.match(line)
                                                                          or _holder_name(line)))
           for line in lines):
        return False
    return any(is_letterhead(line) or is_address(line) or is_reference(line)
               or (is_office_line(line) and any(is_issuer_word(w) for w in line.split())) for line in lines)


def _holder_name(line: str) -> bool:
    """An office holder's name whose full stop is a suffix's: "Raymond L. Okafor Jr." over "Criminal
    District Attorney"."""
    bare = strip_post_nominals(line).rstrip(" ,")
    return bare != line.rstrip() and 2 <= len(bare.split()) <= 5 and all(w[:1].isupper() for w in bare.split())


def _headline_like(text: str) -> bool:
    """A headline's words: three or more, no sentence's full stop or lead-in colon, no letterhead."""
    return len(re.findall(r"[^\W\d_]{2,}", text)) >= 3 and len(text) <= 300 and not text.rstrip().endswith((".", ":")) \
        and not (is_letterhead(text) or is_address(text) or find_email(text) or holds_phone(text))


#: Fewest digits of a telephone number; fewer are a figure ("$1.3 million", "3.4 metres").
PHONE_DIGITS = 7


def holds_phone(text: str) -> bool:
    """Whether ``text`` holds a telephone number: seven digits or more, not a span of years ("2028-2029")."""
    return any(sum(c.isdigit() for c in m.group()) >= PHONE_DIGITS and not _YEAR_SPAN.fullmatch(m.group().strip())
               for m in _PHONE.finditer(text)) if _DIGIT.search(text) else False


_YEAR_SPAN = re.compile(r"(?:19|20)\d\d\s?[-–/]\s?(?:19|20)?\d\d")


def _body_name(line: str) -> bool:
    """A body's name and nothing else: a few capitalised words ending in an organisation's word ("Example
    Health Trust", "Kaituna District Council"), which a lead names in part ("the trust said")."""
    words = line.split()
    return len(words) <= 6 and is_office_line(line) and is_issuer_word(words[-1])


_ACRONYM_END = re.compile(r"(?<=\S)\s+\([A-Z][A-Z&.]{1,9}\)$")


def is_office_line(text: str) -> bool:
    """A letterhead line naming an office, a body or a place: a few words, each capitalised or a joining
    word, no sentence ("OFFICE OF THE DISTRICT ATTORNEY", "St Brendan's University Hospital, Galway", "City of
    Example")."""
    # The body's acronym after its name is part of it: "PEOPLE'S RENEWAL CONGRESS (PRC)".
    text = _ACRONYM_END.sub("", _OFFICE_OF.sub("", text.strip()))
    words = text.split()
    if not 1 <= len(words) <= 12 or len(text) > 100 or text[-1:] in ".!?:" or any(c.isdigit() for c in text):
        return False
    return all(w[:1].isupper() or w.lower() in _FUNCTION_WORDS for w in words)


def is_letterhead(text: str) -> bool:
    """A block that stands above a release's title without being it: a label ("Exhibit 99.1", "News
    Release"), an address, a telephone number or e-mail address, a contact line, a lone bullet."""
    text = text.strip()
    if not text or len(text) > HEAD_LINE_CHARS:
        return False
    if _LAYOUT.match(text) or is_label(text) or _TELEPHONE.match(text) or _REFERENCE_LINE.match(text) \
            or _NUMBERED_DOCUMENT.match(text):
        return True  # (a numbered document's line: "COMMUNIQUE No 014/RSAF/2027")
    if find_email(text) and len(text.split()) <= 12:
        return True
    # (Cells of a PDF letterhead's row stand apart by wide gaps: "12 Example Street, Town      Tel: 012 555 0140".)
    parts = _HEAD_CELLS.split(text) if "   " in text else _PART_SEPARATOR.split(text)
    if len(parts) > 1 and all(is_address(p) or _TELEPHONE.match(p) or _SITE_ADDRESS.fullmatch(p) for p in parts):
        return True
    return bool(_ADDRESS.search(text)) and not text.endswith((".", "!", "?")) or text.endswith("Blvd.")


def head_cells(line: str) -> list[str]:
    """A letterhead row's cells: parts set three spaces or more apart, or by bars, middle dots or dashes."""
    return _HEAD_CELLS.split(line.strip())


def letterhead_block(lines: list[str] | tuple[str, ...]) -> bool:
    """Whether lines typed together are a letterhead, a PDF's perhaps, whose rows may set cells far apart:
    every cell a body's or firm's name, a label, an address, a telephone, a reference or a date, and two of
    them at least more than a name ("PUBLIC FINANCE AUDIT OFFICE      MEDIA STATEMENT" / "Republic of Example
    Ref: PFAO/MS/2026/41" / "Example Office Park, Pretoria      Tel: 012 555 0400")."""
    if len(lines) < 2:
        return False
    strong = 0
    for line in lines:
        for cell in head_cells(line) if "   " in line else (line.strip(),):
            if is_letterhead(cell) or is_address(cell) or date_only_line(cell):
                strong += 1
            elif not (is_office_line(cell) or is_company_name(cell)):
                return False
    return strong >= 2


def is_address(text: str) -> bool:
    """A postal address, a telephone number or an e-mail address: what follows an office's name."""
    text = text.strip()
    return len(text) <= HEAD_LINE_CHARS and (bool(_ADDRESS.search(text) or _TELEPHONE.match(text))
                                            or (bool(find_email(text)) and len(text.split()) <= 12))


_LAYOUT = re.compile(r"^[\s\-–—_=*•·▪|~#.\uf0b7]+$")


# What may stand before and after the date on a date line: "Posted On:", "Tuesday,", a time, a byline.
_BEFORE_DATE = re.compile(r"^(?:(?:(?:posted|published|released?|issued|updated|last updated|dated?)(?: on| date)?"
                          # "Posted by PIO-LDPO | Wednesday, March 4, 2026 | …".
                          r"(?: by [^|\d]{1,40}\|)?"
                          # A document label over the date: "Press Release – March 6th, 2024", "For immediate
                          # release – Friday 6 March 2026", "Embargoed until 6:00 a.m. ET, Tuesday, …".
                          r"|(?:press|news|media) (?:release|statement)|statement|for immediate release"
                          r"|for release(?: on)?|release date|date of (?:issue|release)"
                          r"|embargoed(?: until| till)?(?: \d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\.?)?(?:\s*[A-Z]{2,4})?)?"
                          # A byline before it: "By Club Media | 2nd March 2026".
                          r"|by [^|\d]{1,40}\|)\s*[:,\-–—|]?\s*)?"
                          # The time before the day: "Issued: 14:20, Wednesday 18 February 2026".
                          r"(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\.?)?(?:\s*[A-Z]{2,4})?\s*[,\-–—|]?\s*)?"
                          r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)?\s*[:,]?$", re.I)
# What may follow a date on a date line: a time, a byline, the same day in another calendar in brackets
# ("2 March 2026 (2082 Falgun 18)", "(12 Ramadan 1447 AH)").
_AFTER_DATE = re.compile(r"(?:(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\.?)?(?:\s*[A-Z]{2,4})?)?\s*"
                         r"(?:[|,]?\s*by\s+[^\d].{0,60})?(?:\((?=[^()]*\d{3,4})[^()]{3,40}\)?)?", re.I)


_WEEKDAY_AFTER_PLACE = re.compile(r",\s*(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$")
_DATED_THE = re.compile(r"(?:^|,?\s+)(?:[Dd]ated\s*)?(?:the)?$")
# A place after the date, set apart by a bar or a dash: "December 5, 2026 | Quezon City".
_PLACE_AFTER = re.compile(rf"[|•·–—-]\s*({_PLACE})")


def date_only_line(text: str, found: tuple | None = None) -> tuple[str | None, object] | None:
    """(place, date) of a line that only gives a date, perhaps after a place ("Zurich, 26 September 2024",
    "7/27/2023", "Tuesday, 18 May 2021, 2:26 pm"); None otherwise."""
    if len(text) > 80 and not (len(text) <= HEAD_LINE_CHARS and " | " in text):
        return None
    if found is None and " / " in text and len(parts := [p.strip() for p in text.split(" / ")]) == 2:
        # The same date in two languages ("Dydd Gwener 5 Hydref 2029 / Friday 5 October 2029"): one part
        # reads whole as a date line, the other gives its year in a few words.
        for k, part in enumerate(parts):
            other = parts[1 - k]
            if (dated := date_only_line(part)) and str(dated[1].year) in other and len(other.split()) <= 6:  # type: ignore[attr-defined]
                return dated
    found = found or find_date(text)
    if not found:
        return None
    date, m = found
    before = text[: m.start()].strip(" ,-–—/(")
    after = text[m.end():].strip(" ,)")
    if after and not before and (placed := _PLACE_AFTER.fullmatch(after)) and len(placed.group(1).split()) <= 4 \
            and may_be_place(placed.group(1).split(",")[0]):
        return placed.group(1), date  # "December 5, 2026 | Quezon City"
    if after.startswith("|") and not ends_sentence(after) \
            and (all(len(part.split()) <= BYLINE_PART_WORDS for part in after.split(" | "))
                 or (before and _BEFORE_DATE.match(before) and len(after) <= HEAD_LINE_CHARS)):
        # ("Posted on March 28, 2038 | Diocese of … – Ministry for Migrants …": a labelled date's byline may
        # name a long office.)
        after = ""  # "December 5, 2026 | Office of Public Affairs | College of Engineering": a byline's parts
    elif len(text) > 80:
        return None
    if after and not _AFTER_DATE.fullmatch(after):
        return None
    # "Lahore, dated the 27th October, 2038", "the 6th September": the article and the word before the day.
    before = _DATED_THE.sub("", before) if before.endswith(("the", "dated", "Dated")) else before
    if not before or _BEFORE_DATE.match(before) or is_label(_WEEKDAY_AFTER_PLACE.sub("", before).strip(" ,-–—|")):
        return None, date  # (a document's label before it: "ASX and Media Release – Monday, 27 July 2026")
    before = _WEEKDAY_AFTER_PLACE.sub("", before)  # "Lusaka, Thursday, 19th March 2026"
    if before[:3].lower() == "by ":
        return None, date  # "By Jane Roe, Monday, 3 March 2026": a byline, no place
    if _PLACE_LINE.match(before) and len(before.split()) <= 4:
        if " and " in before and not may_be_place(before):
            return None, date  # "Coastal Fisheries and Aquaculture   March 16, 2026": a department, no place
        return before, date
    return None


#: Most words of a part set off by "|" after a date line's date ("Office of Public Affairs").
BYLINE_PART_WORDS = 8


# A file name that opens with the release's date, as archives name them: "2013-09-18-…", "2019_08_02_…".
_NAME_DATE = re.compile(r"^((?:19|20)\d\d)[-_](\d\d)[-_](\d\d)(?!\d)")


def date_in_name(path: str) -> dt.date | None:
    """The date a file's name opens with (``2013-09-18-officer-charged.md``), or None: the release's date
    when its text gives none."""
    m = _NAME_DATE.match(os.path.basename(path))
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
