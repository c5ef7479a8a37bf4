"""Attribution's cheap tests before its slower patterns never change an answer."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from searchidx.attribution import rules

_WORDS = st.sampled_from(["Jane", "Roe", "John", "Doe", "Mr", "Dr.", "District", "Attorney", "the", "The", "and",
                          "PhD", "Jr.", ",", ";", ":", '"', "“", "”", "(", ")", "(D-Texas)", "also", "later",
                          "on Monday", "said", "told", "U.S.", "of", "Example", "O’Neill", "county", "."])


@settings(max_examples=600, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=14).map(" ".join))
def test_the_subject_window_never_changes_the_match(words):
    window = words + " "  # as _before_verb has it: the text up to the verb
    full = rules._SUBJECT.search(window)
    cut = rules._SUBJECT.search(window, rules._subject_start(window))
    assert (full.span(), full.group("span")) == (cut.span(), cut.group("span")) if full else cut is None


def test_the_subject_is_found_after_the_last_comma_and_through_post_nominals():
    assert rules._SUBJECT.search("On Monday, District Attorney Jane Roe ").group("span") == "District Attorney Jane Roe"
    assert rules._subject_start("Jane Roe, PhD ") == 0
    assert rules._subject_start("Asked why (twice), Roe ") == 0
    assert rules._subject_start("Asked why, Roe ") == len("Asked why,")
