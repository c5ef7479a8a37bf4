"""The loader's cheap tests before its slower patterns: they may skip a line only where the pattern could not
match it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from searchidx.load import metadata as md

# One line per alternative of BOILERPLATE_LINES, in the cases and dashes pages write them.
BOILERPLATE = [
    "-C- 2024 Example Corp", "Email us here", "Visit us on social media:", "Follow us", "Share this article",
    "Share on Facebook", "Print", "Distribution channels: Banking", "Legal Disclaimer: EIN Presswire …",
    "(c)", "© 2024 Example Corp.", "Copyright 2024 Example Corp. All rights reserved.", "All Rights Reserved.",
    "###", "- 30 -", "-- END --", "Ends", "Facebook", "Twitter", "X", "LinkedIn", "Instagram", "YouTube",
    "Back to top", "Skip to main content", "Scroll to top", "Reddit", "Email", "WhatsApp",
    "Advertisement - scroll to continue", "Story continues below", "Continue after advertisement",
    "Follow us on Mastodon", "Please donate today to keep us going", "Give now", "Support our journalism",
    "Sign up for our newsletter", "Subscribe to our newsletter", "  – Twitter",
]


def test_every_boilerplate_alternative_passes_the_prefilter():
    for line in BOILERPLATE:
        assert md.BOILERPLATE_LINES.match(line.strip()), line
        assert md.is_boilerplate(line), line


def test_release_lines_are_not_boilerplate():
    for line in ["The district attorney said the case is closed.", "Printing presses ran all night.",
                 "Share prices fell.", "Continued on page 2", "Xavier Roe, 34, was charged."]:
        assert not md.is_boilerplate(line), line


_WORDS = st.sampled_from(["email", "us", "here", "share", "this", "article", "follow", "on", "x", "©", "(c)",
                          "-", "–", " ", "-C-", "30", "end", "ends", "###", "all", "rights", "reserved",
                          "copyright", "story", "continues", "below", "please", "donate", "now", "The", "said",
                          "sign", "up", "for", "our", "newsletter", "advertisement", ".", "\u00a0", "Print"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_WORDS, max_size=8).map(" ".join))
def test_the_prefilter_never_changes_the_answer(line):
    stripped = line.strip()
    expected = bool(md.BOILERPLATE_LINES.match(stripped)) or bool("{" in stripped and md._CSS_RULE.match(stripped))
    assert md.is_boilerplate(line) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ABC, .-–/()\n EINPresswire2024July", max_size=220))
def test_the_wire_lead_prefilter_never_changes_the_answer(text):
    m = md._WIRE_LEAD.match(text)
    expected = (text, None, None) if not m or len(m.group("dateline")) > 120 else None
    got = md.strip_wire_lead(text)
    if expected is not None:
        assert got == expected
    else:
        assert got[1] is not None


def test_wire_leads_after_long_datelines_are_still_found():
    lead = "SANTA CLARA, Calif., April 27, 2023 /PRNewswire/ -- Example Corp today announced"
    assert md.strip_wire_lead(lead)[1] == "PR Newswire"
    long_place = "X" * 95 + ", July 1, 2024 (GLOBE NEWSWIRE) -- Text"
    assert md.strip_wire_lead(long_place)[1] == "GlobeNewswire"
    assert md.strip_wire_lead("A paragraph with no marker at all, " * 8)[1] is None


FOOTER_STARTS = ["Using Example for work?", "Find more from Example Corp on LinkedIn",
                 "EIN Presswire's priority is source transparency.", "EIN Presswire, Everyone's Internet News",
                 "Disclaimer: this is EIN Presswire content", "SOURCE Example Corp",
                 "View original content to download multimedia: https://example.com", "  source Example Corp"]
URL_LINES = ["This press release can be viewed online at: https://example.com/a",
             "View original content at: https://example.com/b", "Originally published at: https://example.com/c",
             "Source URL: https://example.com/d", "view source version on businesswire.com: https://e.com/x"]


def test_footer_and_url_lines_pass_their_prefilters():
    for line in FOOTER_STARTS:
        assert md.is_footer_start(line), line
    for line in URL_LINES:
        assert md.url_line(line)[0] and md.url_line(line)[1].startswith("https://"), line
    assert md.url_line("Originally published at https://example.com/c") == (True, "https://example.com/c")
    assert not md.is_footer_start("Sources said the case is closed.")
    assert md.url_line("The office said so.") == (False, None)


_FOOTER_WORDS = st.sampled_from(["using", "Using", "for", "work?", "find", "more", "from", "on", "EIN", "Presswire",
                                 "Disclaimer:", "SOURCE", "Source", "URL:", "View", "original", "content:",
                                 "This", "press", "release", "can", "be", "viewed", "online", "at:", "Originally",
                                 "published", "https://x.org", "The", " ", "Example", "\u00a0"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_FOOTER_WORDS, max_size=9).map(" ".join))
def test_the_footer_and_url_prefilters_never_change_the_answer(line):
    assert md.is_footer_start(line) == bool(md.FOOTER_START.match(line.strip()))
    m = md._URL_LINE.match(line)
    assert md.url_line(line)[0] == bool(m)
    if m and m.group("url"):
        assert md.url_line(line)[1] == m.group("url")
