"""Quotes as records: every paragraph carries the spans of someone's words, with speaker and kind, and
``parse --json`` shows them. Invented releases, loaded through the real loader."""

from __future__ import annotations

import json
import subprocess
import sys

from searchidx.load.core import load_text
from searchidx.model import Paragraph

RELEASE = """Council adopts plan

FOR IMMEDIATE RELEASE

Mayor Jane Roe said that the plan would cut traffic by a third in the city centre.

"We listened to every resident," Roe said. "This is their plan."

"It will take two years to build and every street will stay open while we work.

"Nobody will be left behind."

The council meets again on Monday to set the budget for the next year.
"""


def _body(text: str) -> list[Paragraph]:
    return load_text(text, "release.txt").body


def test_quote_spans_are_the_words_of_the_paragraph():
    for p in _body(RELEASE):
        for q in p.quotes:
            assert p.text[q.start:q.end] == q.text
            assert q.text == q.text.strip() and q.text[:1] not in "\"“”"


def test_reported_direct_and_continuation_kinds():
    body = _body(RELEASE)
    reported, direct, opened, carried, narration = body
    assert [(q.kind, q.speaker) for q in reported.quotes] == [("reported", "Jane Roe")]
    assert reported.quotes[0].text.startswith("the plan would cut traffic")  # "that" is not the words
    assert [q.text for q in direct.quotes] == ["We listened to every resident", "This is their plan."]
    assert {q.kind for q in direct.quotes} == {"direct"}
    # A quote left open runs on: the next paragraph continues it, for the same speaker.
    assert carried.speaker == "Jane Roe"
    assert [q.kind for q in carried.quotes] == ["continuation"]
    assert narration.quotes == [] and narration.speaker is None


def test_a_quote_opened_inside_a_carried_paragraph_is_direct():
    """No verb names the speaker of "In his words: “…”": the paragraph's speaker is carried from the one
    before, but the quote opens there, so it is direct, not a continuation."""
    body = _body("Party gains a senator\n\nParty chairman John Doe said the defectors were welcome.\n\n"
                 "In his words: \"We did not go fishing for politicians. They came to us.\"\n")
    assert body[1].speaker == "John Doe"
    assert [(q.kind, q.text) for q in body[1].quotes] == [
        ("direct", "We did not go fishing for politicians. They came to us.")]


def test_a_quote_opening_a_carried_paragraph_after_reported_speech_is_direct():
    """"Jane Roe said the county had waited five years." / "“I have attended too many funerals …”": the
    paragraph's speaker is carried, but no quote was open before it: a new direct quote, not a continuation."""
    body = _body("Cancer centre opens\n\nGovernor Jane Roe said the county had waited five years for the "
                 "machines.\n\n\"I have attended too many funerals of people who could not get treatment in "
                 "time.\"\n")
    assert body[1].speaker == "Jane Roe"
    assert [q.kind for q in body[1].quotes] == ["direct"]


def test_paragraph_speaker_is_the_speaker_of_its_quotes():
    for p in _body(RELEASE):
        speakers = {q.speaker for q in p.quotes}
        assert speakers <= {p.speaker}
        assert (p.speaker is None) or p.quotes


def test_quoted_spans_hold_only_words_inside_quotation_marks():
    reported, direct, *_ = _body(RELEASE)
    assert reported.quoted_spans() == []
    assert not reported.has_direct_quote
    spans = direct.quoted_spans()
    assert [direct.text[a:b] for a, b in spans] == ["We listened to every resident", "This is their plan."]
    assert direct.has_direct_quote


def test_narration_about_an_organisation_is_no_ones_quote():
    body = _body("Firm results\n\nExampleCorp today announced that revenue rose by nine per cent in the year.\n\n"
                 "\"Our customers came back,\" said chief executive John Doe.\n")
    assert body[0].speaker is None
    assert all(q.speaker is None for q in body[0].quotes)
    assert body[1].speaker == "John Doe" and body[1].quotes[0].kind == "direct"


def test_parse_json_shows_quotes(tmp_path):
    path = tmp_path / "release.txt"
    path.write_text(RELEASE, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "searchidx", "parse", "--json", str(path)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    release = data[0] if isinstance(data, list) else data
    quotes = [q for p in release["paragraphs"] for q in p["quotes"]]
    assert {q["kind"] for q in quotes} == {"reported", "direct", "continuation"}
    assert set(quotes[0]) == {"start", "end", "text", "speaker", "speaker_role", "kind"}


def test_quotes_in_single_marks_are_records_too():
    body = _body("Inquiry findings\n\n"
                 "Jane Roe, the family's solicitor, said: 'The family lost faith in the officers' work and "
                 "in the inquiry.\n\n"
                 "'They now ask the Lord Advocate to order a new inquiry into the actions of the officers, "
                 "and they will not stop until it is done.'\n")
    first, second = body
    assert [q.kind for q in first.quotes] == ["direct"]
    assert first.quotes[0].text.startswith("The family lost faith")
    assert second.speaker == "Jane Roe"
    assert second.quotes[0].text.startswith("They now ask") and second.quotes[0].text.endswith("done.")


def test_a_partial_quote_in_single_marks_inside_reported_speech():
    """"said the vote was 'the moment this community has been waiting for'": a direct quote in single marks
    that opens in small letters, in a paragraph that reports someone; in narration, marks around words in
    small letters stay no quote ("the so-called 'safe harbour' rule")."""
    body = _body("Flood scheme approved\n\n"
                 "Convener of the Committee, Cllr Morag MacIver, said the vote was 'the moment this community "
                 "has been waiting for'.\n\n"
                 "The council applied the so-called 'safe harbour for small towns' rule to the scheme.\n")
    said, narration = body
    assert [(q.kind, q.text) for q in said.quotes] == [("direct", "the moment this community has been waiting for")]
    assert narration.quotes == []


def test_a_quote_in_single_marks_reopened_and_left_open_runs_to_the_paragraphs_end():
    """"'…,' she said. 'That should not be …" (the quote runs on into the next paragraph)."""
    body = _body("Flood scheme approved\n\nCllr Morven Tait said the vote was welcome.\n\n"
                 "'There are families who move their furniture upstairs every time the forecast turns red,' she "
                 "said. 'That should not be how anyone lives in this century.\n\n"
                 "'We will not let it happen again,' she said.\n")
    quoted = [q.text for q in body[1].quotes]
    assert len(quoted) == 2 and quoted[1].startswith("That should not be how anyone lives")
    assert body[1].quotes[1].speaker == "Morven Tait"


def test_a_reported_clause_starts_after_the_hearers_and_the_circumstance():
    """"told reporters outside the court that …", "said in a statement that …", "told him …": the reported
    words are the clause, not the hearers, the circumstance or the whole sentence."""
    body = _body("Council adopts plan\n\n"
                 "Jane Roe told reporters outside the court that she would appeal the ruling.\n\n"
                 "John Doe said in a statement on Monday that the plan was dead.\n\n"
                 "Mary Major told him the council had run out of money.\n")
    assert [[(q.kind, q.text) for q in p.quotes] for p in body] == [
        [("reported", "she would appeal the ruling.")],
        [("reported", "the plan was dead.")],
        [("reported", "the council had run out of money.")],
    ]
