"""Release metadata and body from layouts the loader was not first written for (issue 17): front matter,
Markdown headings, single-newline text typed in an editor, SEC filings, Akoma Ntoso, other JSON shapes, PDF
letterheads and date lines. Every release here is invented for the test."""

from __future__ import annotations

import datetime as dt

from searchidx.load.core import load_text
from searchidx.load.frontmatter import split_front_matter


def body_texts(release):
    return [p.text for p in release.paragraphs if p.kind == "body"]


YAML_RELEASE = """---
slug: harbour-levy-dropped
title: "Harbour levy dropped: council backs down"
date: 2019-03-12
source-url: https://news.example.org/harbour-levy-dropped
author: example-party
---
Harbour levy dropped: council backs down
========================================

The council has dropped its proposed harbour levy after a month of public meetings.

"This is a win for every boatie in the region," says spokesperson Mere Tautahi.
"""


def test_yaml_front_matter_gives_title_date_and_url_and_is_no_text():
    r = load_text(YAML_RELEASE, "levy.md")
    assert r.title == "Harbour levy dropped: council backs down"
    assert r.date == dt.date(2019, 3, 12)
    assert r.url == "https://news.example.org/harbour-levy-dropped"
    assert r.author is None  # a slug names the feed, not a person
    body = body_texts(r)
    assert body[0].startswith("The council has dropped")
    assert len(body) == 2
    assert not any("slug:" in t or "=====" in t for t in body)


def test_front_matter_with_a_timestamp_and_folded_lines():
    text = ("---\nauthor: Ana Ruiz, Executive Director\ndate: 2014-11-18T00:00:00Z\nexcerpt: A long excerpt that\n"
            "  folds over two lines.\ntitle: 'Example: Delivering Things Everywhere'\n---\n\n"
            "Vital information flows over the network more often than ever before, and we do not know it.\n\n"
            "That is why we are starting a new project today, with three partners and a plan.\n")
    r = load_text(text, "post.markdown")
    assert r.title == "Example: Delivering Things Everywhere"
    assert r.date == dt.date(2014, 11, 18)
    assert r.author == "Ana Ruiz, Executive Director"
    assert body_texts(r)[0].startswith("Vital information flows")


def test_toml_front_matter():
    text = ('+++\ntitle = "Bridge reopens early"\ndate = 2021-06-01\n+++\n\n'
            "The bridge reopened to traffic two weeks ahead of schedule on Tuesday morning.\n\n"
            "Crews finished the deck repairs over the long weekend, the agency said in a statement.\n")
    r = load_text(text, "bridge.md")
    assert r.title == "Bridge reopens early"
    assert r.date == dt.date(2021, 6, 1)


def test_a_rule_that_is_not_front_matter_stays_text():
    fields, rest = split_front_matter("---\nJust a rule above a line of text.\n---\nMore text.\n")
    assert fields == {} and rest.startswith("---")
