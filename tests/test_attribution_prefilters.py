"""Attribution's cheap tests before its slower patterns never change an answer."""

from __future__ import annotations

import re

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


_ROLE_WORDS = st.sampled_from(["Police", "Public", "Relations", "Officer", "Commissioner", "of", "for", "the", "and",
                               "(PPRO)", "(CP)", "(PRO)", "(X)", "(ABCDEFG)", "Jane", "Roe", ",", "SP", "said", "McDonald",
                               "(MD)", "\n", "Chief", "Executive", "(CEO)", "Mr.", "Hundeyin"])
# The run of a role's words and its acronym, looked for anywhere: what the windowed search replaces.
_ROLE_ACRONYM_ANYWHERE = rules._ROLE_ACRONYM_WORDS.pattern.removesuffix(r"\Z") + rules._ACRONYM_IN_BRACKETS.pattern


@settings(max_examples=600, deadline=None)
@given(st.lists(_ROLE_WORDS, min_size=1, max_size=20).map(" ".join))
def test_role_words_found_before_each_acronym_are_those_a_full_scan_finds(text):
    full = {(m.end(), tuple(m.group("words").split())) for m in re.finditer(_ROLE_ACRONYM_ANYWHERE, text)}
    windowed = set()
    for a in rules._ACRONYM_IN_BRACKETS.finditer(text):
        m = rules._ROLE_ACRONYM_WORDS.search(text, max(0, a.start() - rules.ROLE_WORDS_CHARS), a.start())
        if m:
            windowed.add((a.end(), tuple(m.group("words").split())))
    assert full == windowed


def test_a_role_acronym_is_read_with_its_holder():
    attributor = rules.Attributor("The Police Public Relations Officer (PPRO), SP Benjamin Hundeyin, said.")
    assert attributor.role_acronyms() == {"PPRO": "Police Public Relations Officer"}


_NICK_WORDS = st.sampled_from(["Maria", "Consuelo", "“Connie”", '"Connie"', "‘Connie’", "'Bud'", "dela", "Cruz",
                               "Ramon", "“Monching”", "said", "“We", "will”", "the", "de los", "Santos", "“OK”", "x"])


@settings(max_examples=600, deadline=None)
@given(st.lists(_NICK_WORDS, min_size=1, max_size=10).map(" ".join))
def test_the_nickname_mark_scan_finds_every_nickname_the_full_pattern_does(text):
    marks = {m.start() for m in rules._NICKNAME_MARK.finditer(text)}
    full = {m.start() + len(m.group("pre")) for m in rules._INNER_NICKNAME.finditer(text)}
    assert full <= marks


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["saying", "adding", "noting", "stressing", "warning", "sayings", "said", "that",
                                 "paying", ",", "x"]), min_size=1, max_size=8).map(" ".join))
def test_the_saying_word_scan_is_the_word_list(text):
    assert bool(rules._SAYING_WORD.search(text)) == any(w in text for w in rules._SAYING_WORDS)


_ORG_WORDS = st.sampled_from(["Brightwater", "Robotics", ",", "Inc.", "Ltd", "(NASDAQ: BWRX)", "(“Brightwater”)",
                              '("the Company")', "Company", "Coral", "Power", "and", "Light", "said", "Jane", "Roe",
                              "Dorvillier", "&", "Sinar", "Kelapa", "Berhad", "the", "İstanbul", "Example", "GmbH"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_ORG_WORDS, min_size=1, max_size=16).map(" ".join))
def test_an_org_alias_is_found_where_the_release_writes_it_as_by_the_release_wide_scan(text):
    words = text.split()
    names = set(words) | {" ".join(pair) for pair in zip(words, words[1:])}
    aliases = rules.Attributor(text).org_aliases()
    for name in names:
        assert rules.Attributor(text).is_org_alias(name) == (name.lower() in aliases), name
