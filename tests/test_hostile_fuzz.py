"""Issue 23: hostile markup, file names and queries, generated (hypothesis). Each example must end in a
result or one clear error (`LoadError`, `QueryError`), never another exception, within a time bound."""

from __future__ import annotations

import json
import os
import time
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from searchidx import Index, LoadError, QueryError
from searchidx.cli.output import printable_name, terminal_safe
from searchidx.load.core import discover, load_bytes, read_bytes

#: The loader's limit in these examples, and the bound each example is held to.
LIMIT = 2.0
BOUND = timedelta(seconds=LIMIT + 2)
FUZZ = settings(max_examples=40, deadline=BOUND, suppress_health_check=[HealthCheck.too_slow,
                                                                          HealthCheck.function_scoped_fixture])

TAGS = ["div", "p", "i", "b", "span", "a", "table", "tr", "td", "ul", "li", "script", "style", "body", "html",
        "x-y", "svg", "br", "p/"]
words = st.sampled_from(["mayor", "said", "budget", '"', "“", "”", "&amp;", "&lol;", "\x1b[2J", "\x00", "<", ">",
                         "\u202e", "é", "\ud7ff", " ", "\n", "Jane Smith", ":", "--"])
tag = st.builds(lambda close, name, attrs: f"<{'/' if close else ''}{name}{attrs}>", st.booleans(),
                st.sampled_from(TAGS), st.sampled_from(["", ' class="x"', " a=b", ' style="' + "x" * 50 + '"']))
piece = st.one_of(tag, words)


@st.composite
def markup(draw) -> str:
    """A page: random pieces, runs of one repeated tag (deep nesting, stray close tags), text."""
    parts = draw(st.lists(piece, max_size=60))
    for _ in range(draw(st.integers(0, 3))):
        run = draw(st.sampled_from(["<div>", "</i>", "<div></i>", "<b><i>", "<p>", "<span>", "</div>"]))
        parts.insert(draw(st.integers(0, len(parts))), run * draw(st.integers(0, 3000)))
    return "".join(parts)


def _bounded(load) -> None:
    start = time.monotonic()
    try:
        release = load()
        assert release.paragraphs or release.title
    except LoadError as exc:
        assert "\n" not in exc.reason
    assert time.monotonic() - start < LIMIT + 1.5


@FUZZ
@given(markup())
def test_hostile_html(page):
    _bounded(lambda: load_bytes(f"<html><body>{page}</body></html>".encode("utf-8", "surrogatepass"), "x.html",
                                max_seconds=LIMIT))


@FUZZ
@given(markup(), st.sampled_from(["body", "content", "details.body"]))
def test_hostile_html_inside_json(page, key):
    item = {"title": "T", key: page} if "." not in key else {"title": "T", "details": {"body": page}}
    _bounded(lambda: load_bytes(json.dumps(item).encode(), "x.json", max_seconds=LIMIT))


@FUZZ
@given(markup())
def test_hostile_text_and_newsml(page):
    _bounded(lambda: load_bytes(page.encode("utf-8", "surrogatepass"), "x.txt", max_seconds=LIMIT))
    newsml = ('<?xml version="1.0"?><newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet><newsItem>'
              '<contentSet><inlineXML><html xmlns="http://www.w3.org/1999/xhtml"><body>'
              f'{page}</body></html></inlineXML></contentSet></newsItem></itemSet></newsMessage>')
    _bounded(lambda: load_bytes(newsml.encode("utf-8", "surrogatepass"), "x.xml", max_seconds=LIMIT))


names = st.binary(min_size=1, max_size=40).filter(lambda b: b not in (b".", b"..") and b"/" not in b
                                                   and b"\0" not in b and not b.startswith(b"."))


@FUZZ
@given(names)
def test_hostile_file_names(tmp_path, name):
    folder = tmp_path / os.urandom(4).hex()
    folder.mkdir()
    path = os.path.join(os.fsencode(folder), name)
    with open(path, "w") as fh:
        fh.write('A title\n\nMayor Jane Smith said, "The budget is fine."\n')
    files, problems = discover([folder])
    assert not problems and [os.fsencode(f) for f in files] == [path]
    assert load_bytes(read_bytes(files[0]), str(files[0])).paragraphs
    shown = printable_name(str(files[0]))
    assert "\n" not in shown and terminal_safe(shown) == shown


@pytest.fixture(scope="module")
def fuzz_index(tmp_path_factory):
    from tests.conftest import SEED

    ix = Index.open(tmp_path_factory.mktemp("fuzz") / "index", create=True)
    ix.sync([SEED])
    return ix


query_words = st.sampled_from(["accountability", "court", "tribunal", "AND", "OR", "NOT", "ANDNOT", "(", ")",
                               '"', "*", "?", "~", "~9", "^3", "^0", "-", "speaker:", "title:", "date:",
                               "date:[2020 to 2024]", "kind:body", "kind:x", "abcdefghijklmnopqrstuvwxyz",
                               "acc*", "a*b*c", "\x1b", "\\", ":", "[", "]", "{", "}", "x" * 150, "é"])


@FUZZ
@given(st.lists(query_words, max_size=30), st.booleans())
def test_hostile_queries(fuzz_index, parts, spaced):
    query = (" " if spaced else "").join(parts)
    start = time.monotonic()
    try:
        fuzz_index.search(query, max_seconds=LIMIT)
    except QueryError as exc:
        assert str(exc)
    assert time.monotonic() - start < LIMIT + 1.5
