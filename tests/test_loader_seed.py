"""The loader on the seed release: every point of the foundation issue's section 1."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from searchidx import load_release
from tests.conftest import SEED


@pytest.fixture(scope="module")
def release():
    return load_release(SEED)


def body_texts(release):
    return [p.text for p in release.paragraphs if p.kind == "body"]


def test_metadata(release):
    assert release.title == ("Paris Conference Demands Justice for Victims of Iran's 1988 Massacre and "
                             "Accountability for Regime Officials")
    assert release.labels == ["Video"]
    assert release.subtitle.startswith("The regime aims to undermine the fundamental rights of PMOI members")
    assert release.location == "PARIS, FRANCE"
    assert release.date == dt.date(2023, 8, 25)
    assert release.source == "EIN Presswire"
    assert release.url == "https://www.einpresswire.com/article/651915195"
    assert len(release.contacts) == 1
    contact = release.contacts[0]
    assert (contact.name, contact.organisation, contact.phone) == ("Shahin Gobadi", "NCRI", "+33 6 61 65 32 31")


def test_id_is_stable_and_content_based(release, tmp_path):
    copy = tmp_path / "elsewhere.txt"
    copy.write_bytes(SEED.read_bytes())
    assert load_release(copy).id == release.id
    copy.write_bytes(SEED.read_bytes() + b"\nOne more line.\n")
    assert load_release(copy).id != release.id


def test_markup_is_stripped(release):
    everything = "\n".join(p.text for p in release.paragraphs)
    for leftover in ("](", "[National", "[People", "[of Iran", "\\(", "\\)", "<https", "(#)"):
        assert leftover not in everything
    assert "People's Mojahedin Organization of Iran (PMOI/MEK)." in everything
    # No paragraph is a stray quote mark or layout only.
    assert all(len(p.text) > 20 for p in release.paragraphs)


def test_wire_marker_removed_and_first_paragraph_whole(release):
    first = release.paragraphs[0]
    assert first.kind == "body"
    assert first.text.startswith("The National Council of Resistance of Iran (NCRI) Foreign Affairs Committee in an "
                                 "article wrote")
    assert "EINPresswire" not in first.text and "--" not in first.text


@pytest.mark.parametrize("head, tail", [
    ("the blood of the steadfast victims of the 1988", "massacre, the 1,500 martyrs"),
    ("Having sought refuge in Albania, they", "must therefore be protected"),
    ("[People's Mojahedin Organization", None),
])
def test_broken_paragraphs_are_whole(release, head, tail):
    head = head.lstrip("[")
    holders = [t for t in body_texts(release) if head in t]
    assert len(holders) == 1
    if tail:
        assert f"{head} {tail}" in holders[0]
        assert not any(t.startswith(tail) for t in body_texts(release))
    else:
        assert "Organization of Iran (PMOI/MEK)." in holders[0]


def test_boilerplate_dropped(release):
    everything = "\n".join(p.text for p in release.paragraphs)
    for junk in ("source transparency", "Newsmatics", "email us here", "can be viewed online", "Shahin Gobadi",
                 "+33 6"):
        assert junk not in everything


def test_pull_quotes_and_captions_are_not_body(release):
    kinds = {p.kind for p in release.paragraphs}
    assert kinds <= {"body", "pullquote", "caption", "about"}
    floats = [p for p in release.paragraphs if p.kind != "body"]
    captions = [p.text for p in floats if p.kind == "caption"]
    pullquotes = [p for p in floats if p.kind == "pullquote"]
    assert len(captions) == 2
    assert any(c.startswith("A conference was held in Paris on August 21") for c in captions)
    assert any(c.startswith("In her opening remarks, Mrs. Rajavi,") for c in captions)
    speakers = sorted(p.speaker for p in pullquotes)
    assert speakers == ["Chile Eboe-Osuji", "Leila Nadya Sadat", "Wolfgang Schomburg", "Wolfgang Schomburg"]
    boxed = [p for p in pullquotes if p.text.startswith('"I think there is a closed nexus')]
    assert len(boxed) == 1 and boxed[0].speaker == "Wolfgang Schomburg"
    # The body keeps each of these words once: the full versions.
    body = body_texts(release)
    assert sum("closed nexus" in t for t in body) == 1
    assert sum(t.startswith("In her opening remarks") for t in body) == 1
    assert sum("Prof. Chile Eboe-Osuji, President of the International Criminal Court" in t for t in body) == 1


def test_paragraph_fields_and_order(release):
    assert [p.n for p in release.paragraphs] == list(range(1, len(release.paragraphs) + 1))
    body = [p for p in release.paragraphs if p.kind == "body"]
    assert len(body) == 38
    assert body[-1].text.startswith("Expressed her commitment to helping the Iranian people")
    d = release.to_dict()
    assert set(d["paragraphs"][0]) == {"n", "kind", "speaker", "speaker_role", "language", "text", "quotes"}
    json.dumps(d)  # serialisable as is
