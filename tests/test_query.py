"""The query language parses to an engine-neutral tree (searchidx.search.query), and the Whoosh engine runs
that tree exactly as Whoosh's parser reads the text: the same query objects, so the same matches and
scores."""

from __future__ import annotations

import random

import pytest

from searchidx import QueryError
from searchidx.engine.whoosh.queries import compile_query, parse_query_text
from searchidx.engine.whoosh.readers import _searcher
from searchidx.search.query import (
    And,
    AndMaybe,
    AndNot,
    DateRange,
    Every,
    Fuzzy,
    Not,
    Or,
    Phrase,
    Prefix,
    Term,
    Wildcard,
    names_field,
    parse,
)
from tests.test_ranking_paths import _query


def t(text, field=None, boost=1.0):
    return Term(text=text, raw=text, field=field, boost=boost)


def test_words_operators_and_their_binding():
    assert parse("closed nexus") == And(children=(t("closed"), t("nexus")))
    # NOT binds first, then AND, then OR; what is left side by side is ANDed.
    assert parse("a OR b c") == And(children=(Or(children=(t("a"), t("b"))), t("c")))
    assert parse("a OR b AND c") == Or(children=(t("a"), And(children=(t("b"), t("c")))))
    assert parse("NOT a b") == And(children=(Not(child=t("a")), t("b")))
    assert parse("a OR b OR c") == Or(children=(t("a"), t("b"), t("c")))
    assert parse("mayor -police") == And(children=(t("mayor"), Not(child=t("police"))))
    assert parse("a ANDNOT b") == AndNot(positive=t("a"), negative=t("b"))
    assert parse("a ANDMAYBE b") == AndMaybe(required=t("a"), optional=t("b"))
    # A hyphen inside a word is part of it; operators are upper case and stand alone.
    assert parse("covid-19 and") == And(children=(t("covid-19"), t("and")))


def test_leaves_fields_boosts_and_dates():
    assert parse('"crimes humanity"~3') == Phrase(text="crimes humanity", slop=3, raw='"crimes humanity"~3')
    assert parse("speaker:sadat^2") == t("sadat", field="speaker", boost=2.0)
    assert parse("speaker:(jane doe)") == And(children=(t("jane", "speaker"), t("doe", "speaker")))
    assert parse("accountab*") == Prefix(text="accountab", raw="accountab*")
    assert parse("tes?t") == Wildcard(pattern="tes?t", raw="tes?t")
    assert parse("Shomburg~2") == Fuzzy(text="Shomburg", maxdist=2, raw="Shomburg~2")
    assert parse("date:2023") == DateRange(lo=20230101, hi=20231231)
    assert parse("date:[2024 to]") == DateRange(lo=20240101, hi=None)
    assert parse("year:[2023 to 2023]^0") == DateRange(lo=20230101, hi=20231231, boost=0.0)
    assert parse("(fraud OR embezzlement)^2") == Or(children=(t("fraud"), t("embezzlement")), boost=2.0)
    assert parse("") == Every() and parse("*:*") == Every()
    assert parse("()") == Or(children=())  # nothing to look for: nothing matches
    # Not a field: the time in 10:30, a web address.
    assert parse("10:30") == t("10:30") and parse("http://example.com") == t("http://example.com")
    assert names_field(parse("budget (kind:pullquote OR x)"), "kind")
    assert not names_field(parse('"kind of" budget'), "kind")


@pytest.mark.parametrize("text", ['"unbalanced', "(open", "close)", "foo:bar", "date:2023-02-30", "kind:footer",
                                  "ab*", "speaker:(x a?c)", "ab~"])
def test_a_query_that_cannot_mean_what_it_says_is_an_error(text):
    with pytest.raises(QueryError):
        parse(text)


HAND_WRITTEN = [
    "closed nexus", '"closed nexus"', '"crimes humanity"~3', "fraud OR budget", "budget NOT council", "budget -council",
    "(fraud OR budget) AND mayor", "speaker:sadat", "role:judge", "title:conference", "source:ein", "location:paris",
    "kind:pullquote", "date:2023", "date:2023-08", "date:[2023-01-01 to 2023-06-30]", "date:[2024 to]",
    "date:>=2023-05", "year:2023", "accountab*", "Shomburg~", "Shomburg~2", "fraud^3 OR budget",
    "(fraud OR embezzlement)^2 mayor", "a OR b AND c", "a AND b OR c", "NOT a b", "a ANDNOT b c", "a ANDMAYBE b",
    "http://example.com report", "10:30 meeting", "'new york' mayor", "speaker:(jane doe) OR title:x", "x^0",
    "date:2023^0", "o'neil", "covid-19 vaccine", "*:*", "tras*", "accountab*^0", '-"a phrase" word', "-(a OR b) c",
    "a OR b OR c", "(a OR b) OR c", "(a b)^2 OR c", "speaker:sadat^2 text:x", "AND a", "a AND", "a OR", "NOT",
    "(NOT a)", "te?t", "t*st", '"to be or not"', "id:abc", "release:abc#2", "a REQUIRE b", "e.u. law",
    "U.S. attorney", "mayor -police", "title:[a TO c]", "x~2/3", "word^", "^2 word", "a (b c) d", "((a))", "()",
    "a ()", "(traffic^3 ANDNOT office) pri*", "(fund^0 ANDNOT safety) transport", "Ciuca", "résumé",
]


def test_the_tree_compiles_to_what_whoosh_parses_from_the_text(index):
    """Every hand-written query and 1,500 random ones (phrases, prefixes, boosts, fuzzy words, fields,
    negation, ANDNOT, dates): the same Whoosh query from the tree as from the text, or the same error."""
    with _searcher(index) as s:
        schema = s.schema
    rng = random.Random(3)
    queries = HAND_WRITTEN + [_query(rng) for _ in range(1500)]

    def outcome(make):
        try:
            return repr(make())
        except QueryError as exc:
            return f"QueryError: {exc}"

    differ = [q for q in queries
              if outcome(lambda q=q: parse_query_text(q, schema)) != outcome(lambda q=q: compile_query(parse(q), schema))]
    assert not differ, differ[:5]


def test_in_quotes_moves_the_text_words_to_the_quote_field():
    from searchidx.search.query import in_quotes

    tree = in_quotes(parse('fentanyl "our children" schoo* dealr~ -trial text:kills speaker:roe date:2023'))
    assert isinstance(tree, And)
    fields = [(type(c).__name__, c.field) for c in tree.children if isinstance(c, (Term, Phrase, Prefix, Fuzzy))]
    assert fields == [("Term", "quote"), ("Phrase", "quote"), ("Prefix", "quote"), ("Fuzzy", "quote"),
                      ("Term", "quote"), ("Term", "speaker")]
    negated = next(c for c in tree.children if isinstance(c, Not))
    assert negated.child.field == "quote"
    assert parse("quote:fentanyl") == Term(text="fentanyl", field="quote", raw="fentanyl")
