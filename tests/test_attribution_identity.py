"""One identity per person: within a release every form of a name is one speaker with its variants listed;
across releases the same full name is one key, and a surname alone joins a full name only in its release."""

from __future__ import annotations

from searchidx.attribution.identity import group_variants, release_speakers
from searchidx.attribution.rules import speaker_key
from searchidx.load.core import load_text

RELEASE = """Bridge opens

Federal Minister for Transport Jane Mary Roe MP said the bridge would carry 40,000 cars a day.

"We built it on time," Ms Roe said.

"It is a good day for the region," said Roe.

"Every driver will save ten minutes," she added.

The Minister said tolls would not be charged.
"""


def test_every_form_of_a_name_in_a_release_is_one_speaker():
    body = load_text(RELEASE, "bridge.txt").body
    assert {p.speaker for p in body} == {"Jane Mary Roe"}


def test_release_speakers_lists_each_person_once_with_variants_and_roles():
    people = release_speakers(load_text(RELEASE, "bridge.txt"))
    assert len(people) == 1
    roe = people[0]
    assert roe.key == "jane mary roe" and roe.name == "Jane Mary Roe"
    assert roe.aliases[0] == "Jane Mary Roe"
    assert {"Ms Roe", "Roe"} <= set(roe.aliases)
    assert roe.roles and "Minister for Transport" in roe.roles[0]


def test_a_surname_joins_the_full_name_found_later_in_the_release():
    body = load_text('Fund launched\n\n"The fund opens today," said Rundle.\n\n'
                     "State Attorney Katherine Fernandez Rundle said the fund would help 300 families.\n\n"
                     '"We will not stop," said Fernandez Rundle.\n', "fund.txt").body
    assert {p.speaker for p in body} == {"Katherine Fernandez Rundle"}


def test_group_variants_joins_short_forms_that_fit_one_person():
    people = group_variants(["Jane Roe", "Roe", "Ms Roe", "Jane M. Roe", "Shri Jane Roe", "J. Roe", "John Doe"])
    assert [(p.key, sorted(p.aliases)) for p in people] == [
        ("jane m roe", sorted(["Jane M. Roe", "Jane Roe", "Roe", "Ms Roe", "Shri Jane Roe", "J. Roe"])),
        ("john doe", ["John Doe"]),
    ]


def test_a_surname_two_people_share_joins_neither():
    people = group_variants(["Jane Roe", "John Roe", "Roe"])
    assert sorted(p.key for p in people) == ["jane roe", "john roe", "roe"]


def test_across_releases_the_same_full_name_is_one_key_and_a_surname_is_not():
    assert speaker_key("Jane Roe") == speaker_key("JANE ROE") == speaker_key("Ms. Jane Roe")
    assert speaker_key("Roe") != speaker_key("Jane Roe")


def test_speakers_lists_each_person_once_with_aliases_across_releases(tmp_path):
    """`speakers` (library, CLI text and --json, serve's API schema): one entry per identity. The same
    full name in two releases is one person; a surname alone in a third release stays its own."""
    import json

    from click.testing import CliRunner

    from searchidx import Index
    from searchidx.cli.main import main

    folder = tmp_path / "releases"
    folder.mkdir()
    (folder / "bridge.txt").write_text(RELEASE, encoding="utf-8")
    (folder / "tunnel.txt").write_text('Tunnel opens\n\n"The tunnel is finished," said Jane Mary Roe, the Minister.\n\n'
                                       '"Dr. Roe is proud of it," the spokesman added.\n', encoding="utf-8")
    (folder / "ferry.txt").write_text('Ferry sails\n\n"We sail at dawn," said Ms Roe.\n', encoding="utf-8")
    index = Index.open(tmp_path / "ix", create=True)
    index.sync([folder])
    table = {sp.key: sp for sp in index.speakers()}
    roe = table["jane mary roe"]
    assert roe.name == "Jane Mary Roe" and roe.releases == 2
    assert {"Ms Roe", "Roe"} <= set(roe.aliases) and "Jane Mary Roe" not in roe.aliases
    assert table["roe"].releases == 1  # a surname alone joins a full name only within its release
    assert [k for k in table if "roe" in k] == ["jane mary roe", "roe"]

    runner = CliRunner()
    res = runner.invoke(main, ["speakers", "--json", "--index", str(tmp_path / "ix")])
    assert res.exit_code == 0, res.output
    lines = [json.loads(line) for line in res.stdout.splitlines()]
    assert {line["key"]: sorted(line["aliases"]) for line in lines}["jane mary roe"] == sorted(roe.aliases)
    res = runner.invoke(main, ["speakers", "--index", str(tmp_path / "ix")])
    assert "Jane Mary Roe" in res.stdout and "also: " in res.stdout and "Ms Roe" in res.stdout
    # --speaker and the speaker facet go by the identity: both of her releases, under one name.
    facet = index.search("", speaker="jane roe", facets=["speaker"]).facets["speaker"]
    assert [(v.value, v.count) for v in facet] == [("jane mary roe", roe.paragraphs)]
    # --speaker takes any form of the name her release writes: "Ms Roe" is her in the bridge release
    # (and the "Ms Roe" of the ferry release, a person of her own).
    ms = index.search("", speaker="Ms Roe", limit=50, facets=["speaker"]).facets["speaker"]
    assert {(v.value, v.count) for v in ms} == {("jane mary roe", 5), ("roe", 1)}  # all of the bridge release
    assert index.search("", speaker="Ms Roe", limit=50).total == 6
    # Her page in serve (/speaker/KEY, /api/speakers/KEY) lists the same forms.
    from searchidx.search.speaker import speaker_profile

    profile = speaker_profile(index, "jane mary roe")
    assert profile.name == "Jane Mary Roe" and {"Ms Roe", "Roe"} <= set(profile.aliases)


def test_speakers_roles_most_given_first_and_three_in_the_listing(tmp_path):
    from click.testing import CliRunner

    from searchidx import Index
    from searchidx.cli.main import main

    folder = tmp_path / "releases"
    folder.mkdir()
    # One role in two releases, four others in one release each (the first one written among them).
    for i, role in enumerate(("Ports", "Transport", "Roads", "Transport", "Rail", "Canals")):
        (folder / f"{i}.txt").write_text(f'{role} news {i}\n\n"We acted," said Jane Roe, Minister for {role}.\n',
                                         encoding="utf-8")
    index = Index.open(tmp_path / "ix", create=True)
    index.sync([folder])
    (roe,) = index.speakers()
    assert roe.roles[0] == "Minister for Transport"  # twice; the others once each
    assert roe.paragraphs == 6 and roe.releases == 6
    assert sorted(roe.roles) == sorted(f"Minister for {r}" for r in ("Ports", "Transport", "Roads", "Rail", "Canals"))
    listing = CliRunner().invoke(main, ["speakers", "--index", str(tmp_path / "ix")]).stdout
    assert "(Minister for Transport; " in listing and "; +2 more)" in listing
