"""Search through the library: query language, filters, ranking, collapse, facets, timeline, suggestions."""

from __future__ import annotations

import shutil

import pytest

from searchidx import Index, QueryError
from tests.conftest import SEED

RELEASES = {
    "a.txt": "Council adopts budget for schools\n\nBRUSSELS, March 3, 2024\n\n"
             "The council adopted the budget today after a long debate about accountability in public spending.\n\n"
             "\"This is a good day for accountability,\" said Jane Doe, spokesperson of the council.\n\n"
             "The vote followed months of negotiation between the member states and the parliament.\n",
    "b.txt": "Regional press picks up budget story\n\nLYON, FRANCE, April 10, 2024\n\n"
             "\"This is a good day for accountability,\" said Jane Doe, spokesperson of the council.\n\n"
             "Local officials welcomed the decision of the council in Brussels on the new budget.\n",
    "c.txt": "Prosecutor charges former mayor with fraud\n\nPHOENIX, November 2, 2022\n\n"
             "The county prosecutor charged the former mayor with fraud and embezzlement on Wednesday.\n\n"
             "\"No one is above the law,\" said José Ramírez, District Attorney of the county.\n",
}


@pytest.fixture(scope="module")
def ix(tmp_path_factory):
    folder = tmp_path_factory.mktemp("releases")
    shutil.copy(SEED, folder / SEED.name)
    for name, text in RELEASES.items():
        (folder / name).write_text(text, encoding="utf-8")
    index = Index.open(tmp_path_factory.mktemp("ix") / "index", create=True)
    report = index.sync([folder])
    assert len(report.added) == 4, report.skipped
    return index


def words(hit):
    return [hit.text[a:b] for a, b in hit.highlights]


def test_phrase_and_slop(ix):
    assert ix.search('"closed nexus"').total == 1
    assert ix.search('"nexus closed"').total == 0
    assert ix.search('"crimes humanity"').total == 0  # "against" in between: not adjacent without slop…
    assert ix.search('"crimes humanity"~3').total > 0  # …found with it


def _phrase_windows(ix):
    """Every run of 2 to 4 analysed words in the body text, and each run backwards (mostly no match)."""
    from searchidx.engine.whoosh.schema import text_analyzer

    with ix.engine.searcher() as s:
        texts = [d["text"] for d in s.documents(doctype="para") if d.get("text")]
    runs = set()
    for text in texts:
        words = [t.text for t in text_analyzer()(text)]
        for size in (2, 3, 4):
            for i in range(len(words) - size + 1):
                runs.add(tuple(words[i:i + size]))
                runs.add(tuple(reversed(words[i:i + size])))
    return sorted(runs)


def test_phrases_through_pairs_agree_with_whoosh_phrases(ix):
    """A phrase answered from the pairs field (schema 4) or by the flat matcher matches exactly the
    paragraphs Whoosh's own phrase query matches."""
    from whoosh import query as Q

    from searchidx.engine.whoosh.queries import PairPhrase


    runs = _phrase_windows(ix)
    with_pairs = 0
    with ix.engine.searcher() as s:
        for words in runs:
            ours = PairPhrase("text", list(words))
            with_pairs += bool(ours._pairs(s.schema))
            want = set(s.docs_for_query(Q.Phrase("text", list(words))))
            assert set(s.docs_for_query(ours)) == want, words
    assert len(runs) > 1000 and with_pairs > 50  # both kinds of phrase were tried


def test_phrases_through_pairs_agree_on_real_releases(corpora, tmp_path):
    """The same on 150 real releases (prosecutors and BBC), where most runs of common words are pairs."""
    from whoosh import query as Q

    from searchidx.engine.whoosh.queries import PairPhrase

    files = sorted((corpora / "prosecutor_press_releases_txt" / "text").rglob("*.txt"))[:100]
    files += sorted((corpora / "bbc_news").rglob("*.txt"))[:50]
    index = Index.open(tmp_path / "ix", create=True)
    index.add(files)

    runs = _phrase_windows(index)[::40]
    with_pairs = 0
    with index.engine.searcher() as s:
        for words in runs:
            ours = PairPhrase("text", list(words))
            with_pairs += bool(ours._pairs(s.schema))
            assert set(s.docs_for_query(ours)) == set(s.docs_for_query(Q.Phrase("text", list(words)))), words
    assert len(runs) > 5000 and with_pairs > 1000, (len(runs), with_pairs)


def test_phrase_of_common_words_is_one_term(ix):
    from searchidx.engine.whoosh.commonwords import COMMON_WORDS

    assert {"district", "attornei"} <= COMMON_WORDS
    with ix.engine.searcher() as s:
        assert ("pairs", b"district attornei") in s.reader()
    res = ix.search('"district attorney"', exact_total=True)
    assert res.total == 1 and res.hits[0].speaker == "José Ramírez"
    assert words(res.hits[0]) == ["District", "Attorney"]


def test_boolean_and_parentheses(ix):
    fraud, budget = ix.search("fraud").total, ix.search("budget").total
    assert ix.search("fraud OR budget").total == fraud + budget
    assert ix.search("fraud AND budget").total == 0
    assert ix.search("budget NOT council").total < budget
    assert ix.search("(fraud OR budget) AND mayor").total == fraud


def test_field_queries(ix):
    assert {h.speaker for h in ix.search("speaker:ramirez").hits} == {"José Ramírez"}
    assert ix.search("role:attorney").hits[0].speaker == "José Ramírez"
    assert {h.title for h in ix.search("title:prosecutor").hits} == {"Prosecutor charges former mayor with fraud"}
    assert {h.location for h in ix.search("location:lyon").hits} == {"LYON, FRANCE"}
    assert {h.source for h in ix.search("source:ein nexus").hits} == {"EIN Presswire"}
    assert {h.kind for h in ix.search("kind:pullquote").hits} == {"pullquote"}  # kind: lifts the body default


def test_prefix_matches_unstemmed_words_and_needs_three_letters(ix):
    hits = ix.search("accountab*", limit=50).hits
    assert hits and all("accountab" in " ".join(words(h)).lower() or "ccountab" in (h.title or "").lower()
                        for h in hits)
    assert any(w.lower() == "accountability" for h in hits for w in words(h))
    with pytest.raises(QueryError) as err:
        ix.search("ac*")
    assert "at least 3" in err.value.hint


@pytest.mark.parametrize("prefix", ["accountab", "massac", "prosecut", "regim", "cour", "immun", "iran",
                                    "adopted", "attacks", "camps", "charged", "commissioner", "Atrocities"])
def test_prefix_agrees_with_a_scan(ix, prefix):
    """Words stemming changes (massacre → massacr) and words it leaves alone (court) alike: a prefix finds
    exactly the body paragraphs holding a word that starts so, as written, itself not stemmed (camps*
    finds campaign nowhere, which camp* would)."""
    import re
    import unicodedata

    def folded_words(text):
        text = unicodedata.normalize("NFKD", text.lower())
        return re.findall(r"[^\W_]+", "".join(c for c in text if not unicodedata.combining(c)))

    start = prefix.lower()
    with ix.engine.searcher() as s:
        want = {f"{d['release']}#{d['n']}" for d in s.documents(doctype="para")
                if d["kind"] == "body" and any(w.startswith(start) for w in folded_words(d["text"]))}
    res = ix.search(prefix + "*", limit=500, collapse=False, exact_total=True)
    assert want and {f"{h.content_id}#{h.n}" for h in res.hits} == want
    assert all(any(w.lower().startswith(start) for w in words(h)) for h in res.hits)


def test_fuzzy(ix):
    assert {h.speaker for h in ix.search("Shomburg~").hits} >= {"Wolfgang Schomburg"}
    assert ix.search("embezzlment~").total == 1  # one letter left out
    hits = ix.search("Massacres~", limit=50).hits  # a word stemming changes, looked up as written
    assert hits and all(any(w.lower().startswith("massacre") for w in words(h)) for h in hits)


def test_dates_in_query_and_options(ix):
    assert {h.date[:4] for h in ix.search("date:2024", limit=20).hits} == {"2024"}
    assert ix.search("date:[2024-01-01 to 2024-03-31]").total == ix.search("date:2024-03").total == 3
    assert ix.search("budget", since="2024-04").total == 1
    assert ix.search("budget", until="2024-03-03").total == 1
    assert ix.search("title:budget", until="2024-03-03").total == 3  # every paragraph of a.txt
    assert ix.search("budget", since="2024-04-11").total == 0
    assert ix.search("date:>=2024-04").total == 2


def test_case_accent_and_stemming(ix):
    assert ix.search("RAMIREZ").total == ix.search("Ramírez").total > 0
    assert ix.search("executions").total == ix.search("executed").total > 0
    assert {h.speaker for h in ix.search("Ciuca").hits} == {"Valerius M. Ciucă"}


def test_options_speaker_source_quotes(ix):
    assert {h.speaker for h in ix.search("accountability", speaker="jane doe").hits} == {"Jane Doe"}
    assert ix.search("accountability", source="EIN Presswire").total > 0
    assert all(h.source == "EIN Presswire" for h in ix.search("accountability", source="ein").hits)
    quoted = ix.search("council", quotes_only=True, limit=20)
    assert quoted.total and all(h.speaker and h.text.count('"') >= 2 for h in quoted.hits)
    assert ix.search("council", limit=20).total > quoted.total
    assert ix.search('"closed nexus"', kinds=None).total == 2


@pytest.mark.parametrize("query, fragment", [
    ('"closed nexus', "quote"), ("(fraud OR budget", "parenthesis"), ("fraud)", "parenthesis"),
    ("foo:bar", "unknown field"), ("date:2023-13-45", "not a date"), ("date:2023-02-30", "not a date"),
    ("kind:poster", "unknown kind"), ("date:[2023]", "two ends"),
])
def test_bad_queries_have_a_message_and_hint(ix, query, fragment):
    with pytest.raises(QueryError) as err:
        ix.search(query)
    assert fragment in str(err.value) and err.value.hint


def test_bad_options(ix):
    for kw in ({"since": "2023-13"}, {"sort": "size"}, {"facets": ["colour"]}, {"page": 0},
               {"since": "2024", "until": "2023"}):
        with pytest.raises(QueryError):
            ix.search("budget", **kw)


def test_did_you_mean(ix):
    assert ix.search("acountability").suggestion == "accountability"
    assert ix.search("Schomburgh").suggestion == "Schomburg"
    assert ix.search("accountability").suggestion is None
    assert ix.search("speaker:sadat acountabilty").suggestion == "speaker:sadat accountability"


def test_ranking_speaker_and_title_count_more(ix):
    hits = ix.search("ramirez OR county", limit=5).hits
    assert hits[0].speaker == "José Ramírez"
    # The same quote in a.txt ("Council adopts budget ...") and b.txt (no "council" in its title): the copy
    # whose release title holds the word ranks first; the title alone matches no paragraph.
    quote = [h for h in ix.search("council", collapse=False, limit=20).hits if h.text.startswith('"This is')]
    assert [h.title for h in quote] == ["Council adopts budget for schools", "Regional press picks up budget story"]
    assert quote[0].score > quote[1].score
    assert all("council" in h.text.lower() for h in ix.search("council", limit=20).hits)
    by_date = ix.search("budget OR fraud", sort="date", limit=10).hits
    assert [h.date for h in by_date] == sorted((h.date for h in by_date), reverse=True)


def test_pages_do_not_overlap(ix):
    first = ix.search("iran", limit=3, page=1).hits
    second = ix.search("iran", limit=3, page=2).hits
    assert len(first) == len(second) == 3
    assert not {h.id for h in first} & {h.id for h in second}


def test_syndicated_copies_collapse(ix):
    hits = ix.search('"good day for accountability"').hits
    assert len(hits) == 1
    assert len(hits[0].duplicates) == 1
    assert {hits[0].release, hits[0].duplicate_releases[0]["id"]} == {hits[0].release, hits[0].duplicates[0][:16]}
    apart = ix.search('"good day for accountability"', collapse=False).hits
    assert len(apart) == 2 and not apart[0].duplicates


def test_facets_and_timeline(ix):
    res = ix.search("accountability OR budget", facets=["speaker", "year", "location", "source"], timeline=True,
                    limit=0)
    assert res.hits == [] and res.total > 0
    speakers = {v.label: v.count for v in res.facets["speaker"]}
    assert speakers["Jane Doe"] == 2  # facets count paragraphs: the syndicated copy too
    years = {v.value: v.count for v in res.facets["year"]}
    assert sum(years.values()) == res.total
    assert {v.label for v in res.facets["location"]} >= {"BRUSSELS", "LYON, FRANCE"}
    months = dict(res.timeline)
    assert sum(months.values()) == res.total
    assert "2023-12" in months and months["2023-12"] == 0  # gaps are filled
    assert list(months) == sorted(months)


def test_context(ix):
    hit = ix.search('"closed nexus"', context=2).hits[0]
    assert [c.n for c in hit.context_before] == [hit.n - 2, hit.n - 1]
    assert [c.n for c in hit.context_after] == [hit.n + 1, hit.n + 2]


def test_json_fields_are_a_superset_of_the_documented_ones(ix):
    d = ix.search('"closed nexus"').hits[0].to_dict()
    assert set(d) >= {"id", "path", "n", "kind", "speaker", "speaker_role", "title", "date", "source", "location",
                      "url", "score", "text", "highlights", "speaker_key", "duplicates", "context_before"}
    assert d["speaker_key"] == "wolfgang schomburg"


def test_stats(ix):
    st = ix.stats()
    assert st.releases == 4
    assert (st.first_date, st.last_date) == ("2022-11-02", "2024-04-10")
    assert st.speakers >= 10 and st.paragraphs > 44 and st.last_update
    on_disk = sum(f.stat().st_size for f in ix.path.rglob("*") if f.is_file())  # segments are in gen-N/
    assert st.size_bytes == on_disk > 10_000


def test_stats_after_removal(tmp_path, seed_copy):
    index = Index.open(tmp_path / "ix", create=True)
    (seed_copy / "c.txt").write_text(RELEASES["c.txt"], encoding="utf-8")
    index.sync([seed_copy])
    assert index.stats().releases == 2
    index.remove([str(seed_copy / "c.txt")])
    st = index.stats()
    assert (st.releases, st.first_date) == (1, "2023-08-25")


@pytest.mark.parametrize("kw", [{}, {"kinds": None}, {"quotes_only": True}, {"speaker": "jane"},
                                {"since": "2024-01", "until": "2024-03-31"}, {"source": "ein", "quotes_only": True}])
def test_filters_agree_with_a_scan(ix, kw):
    """Every filter, checked against a plain walk over the stored paragraphs."""
    def keep(d, meta):
        day = meta.get("date") or ""
        return ((kw.get("kinds", ("body",)) is None or d["kind"] == "body")
                # --quotes-only: a speaker's words in quotation marks (stored: [start, end, kind, spoken])
                and (not kw.get("quotes_only") or any(q[2] != "reported" and q[3] for q in d.get("quotes") or ()))
                and ("jane" in (d.get("speaker") or "").lower() if "speaker" in kw else True)
                and ("ein" in (meta.get("source") or "").lower() if "source" in kw else True)
                and (not kw.get("since") or "2024-01-01" <= day <= "2024-03-31"))

    with ix.engine.searcher() as s:
        metas = {f["release"]: f["meta"] for f in s.documents(doctype="file")}
        want = {f"{d['release']}#{d['n']}" for d in s.documents(doctype="para") if keep(d, metas[d["release"]])}
    res = ix.search("", limit=500, collapse=False, suggest=False, exact_total=True, **kw)
    assert {f"{h.content_id}#{h.n}" for h in res.hits} == want and res.total == len(want)
    accountable = ix.search("accountability OR council", limit=500, collapse=False, exact_total=True, **kw)
    assert {f"{h.content_id}#{h.n}" for h in accountable.hits} <= want
    assert accountable.total == len(accountable.hits)


def test_totals_are_counts_whatever_the_page(ix):
    """Every total is the number of matching paragraphs, on a page of one hit as of all of them; the
    exact_total argument of earlier versions is accepted and changes nothing."""
    every = ix.search("iran", limit=500, collapse=False)
    assert every.total == len(every.hits) > 10 and every.total_exact
    for options in [{"limit": 1}, {"limit": 1, "exact_total": False}, {"limit": 3, "page": 2, "sort": "date"}]:
        res = ix.search("iran", collapse=False, **options)
        assert (res.total, res.total_exact) == (every.total, True), options


def test_counts_only(ix):
    for collapse in (True, False):
        res = ix.search("council OR budget", limit=0, collapse=collapse, facets=["speaker"])
        assert res.hits == [] and res.total == ix.search("council OR budget", limit=50, collapse=False).total > 2
        assert sum(v.count for v in res.facets["speaker"]) <= res.total


def test_facet_limit(ix):
    res = ix.search("iran OR budget OR fraud", facets=["speaker"], limit=0, facet_limit=2)
    everything = ix.search("iran OR budget OR fraud", facets=["speaker"], limit=0, facet_limit=None)
    assert len(res.facets["speaker"]) == 2 and len(everything.facets["speaker"]) > 2
    assert res.facets["speaker"] == everything.facets["speaker"][:2]


def test_undated_paragraphs_stay_out_of_year_facet_timeline_and_stats(tmp_path):
    folder = tmp_path / "rel"
    folder.mkdir()
    (folder / "c.txt").write_text(RELEASES["c.txt"], encoding="utf-8")
    (folder / "undated.txt").write_text("Mayor speaks on fraud\n\nThe mayor spoke about fraud in the city.\n",
                                        encoding="utf-8")
    index = Index.open(tmp_path / "ix", create=True)
    index.sync([folder])
    res = index.search("fraud", facets=["year"], timeline=True)
    assert res.total == 2  # c.txt's charge paragraph (its title's "fraud" matches nothing alone) and the undated one
    assert [(v.value, v.count) for v in res.facets["year"]] == [(2022, 1)]
    assert res.timeline == [("2022-11", 1)]
    st = index.stats()
    assert (st.first_date, st.last_date) == ("2022-11-02", "2022-11-02")


def test_title_bonus_scores_as_whoosh_nested_queries_would(tmp_path):
    """search._title_bonus adds TITLE_BOOST for each query word in the paragraph's release title: the
    scores Whoosh gives AndMaybe(query, Or(paragraphs of the releases titled with each word)), across
    segments and deletions, for the top hits and for every match."""
    from whoosh import query as Q

    from searchidx.engine.whoosh.queries import ParagraphsOf, parse_query
    from searchidx.engine.whoosh.readers import _searcher
    from searchidx.search.query import TITLE_BOOST

    folder = tmp_path / "rel"
    folder.mkdir()
    index = Index.open(tmp_path / "ix", create=True)
    titles = ["Budget vote in council", "Council fraud charges", "School budget", "Mayor charged with fraud",
              "Council and mayor agree budget", "Weather report"]
    for i, title in enumerate(titles):
        (folder / f"r{i}.txt").write_text(
            f"{title}\n\nPARIS, March {i + 1}, 2024\n\nThe council discussed the budget and fraud on day {i}.\n\n"
            f"\"The budget is fair,\" said Jane Doe, mayor of the city.\n\nNothing else about school {i}.\n",
            encoding="utf-8")
        index.sync([folder])  # a segment each (merges aside)
    (folder / "r2.txt").write_text("School budget\n\nPARIS, May 2, 2024\n\nThe school budget grew.\n",
                                   encoding="utf-8")
    index.sync([folder])
    queries = ["budget", "council fraud", "budget OR mayor", '"school budget"', "fraud -weather",
               "budget speaker:doe"]
    with _searcher(index) as s:
        assert len(s.reader().leaf_readers()) > 1 and s.reader().has_deletions()
        for text in queries:
            q = parse_query(index, text, schema=s.schema)
            assert type(q).__name__ == "TitleBonus", text
            nested = Q.AndMaybe(q.child, Q.Or([ParagraphsOf(Q.Term("title", w), boost=TITLE_BOOST) for w in q.words]))
            for limit in (3, None):
                ours = [(h.docnum, round(h.score, 6)) for h in s.search(q, limit=limit)]
                whoosh = [(h.docnum, round(h.score, 6)) for h in s.search(nested, limit=limit)]
                assert sorted(ours, key=lambda x: (-x[1], x[0])) == sorted(whoosh, key=lambda x: (-x[1], x[0])), text
            plain = dict((h.docnum, round(h.score, 6)) for h in s.search(q.child, limit=None))
            lifted = [d for d, score in ours if score > plain[d]]
            assert lifted, text
    # A title word lifts its release's paragraphs above the same text elsewhere.
    hits = index.search("weather OR nothing", limit=10).hits
    assert hits[0].title == "Weather report"


def test_date_ranges_from_the_day_column_match_whoosh_ranges_on_its_terms(tmp_path):
    """Day ranges read the day column sorted per segment (search._day_range): the same documents as
    Whoosh's NumericRange over the day terms, across segments, with deleted and undated paragraphs."""
    import datetime as dt

    from whoosh import query as Q

    from searchidx.engine.whoosh.queries import DayRange

    folder = tmp_path / "rel"
    folder.mkdir()
    index = Index.open(tmp_path / "ix", create=True)
    for i in range(9):  # one sync each: as many segments (merges aside)
        day = dt.date(2020, 1, 1) + dt.timedelta(days=97 * i)
        (folder / f"r{i}.txt").write_text(f"Release {i}\n\nPARIS, {day:%B} {day.day}, {day.year}\n\n"
                                          f"The council met on day {i} to discuss the budget.\n\n"
                                          "A second paragraph about the same meeting.\n", encoding="utf-8")
        index.sync([folder])
    (folder / "undated.txt").write_text("Undated note\n\nThe council met without a date.\n", encoding="utf-8")
    (folder / "r3.txt").write_text("Release 3\n\nPARIS, October 2, 2020\n\nThe council changed its mind.\n",
                                   encoding="utf-8")
    index.sync([folder])  # r3 replaced: its old paragraphs deleted
    days = [None, 20191231, 20200101, 20200407, 20200713, 20201002, 20201003, 20210601, 20220315, 20300101]
    with index.engine.searcher() as s:
        assert len(s.reader().leaf_readers()) > 1 and s.reader().has_deletions()
        for lo in days:
            for hi in days:
                for excl in (False, True):
                    whoosh_range = Q.NumericRange("day", lo, hi, startexcl=excl, endexcl=excl)
                    ours = DayRange("day", lo, hi, startexcl=excl, endexcl=excl)
                    expected = sorted(s.docs_for_query(whoosh_range))
                    assert sorted(s.docs_for_query(ours)) == expected, (lo, hi, excl)
                    assert ours.estimate_size(s.reader()) == len(expected)
        for boost in (0.0, 1.0, 2.5):  # matches score the boost, as a term's ^0 matches and scores 0
            hits = s.search(DayRange("day", 20200101, 20201231, boost=boost), limit=None)
            assert len(hits) == len(list(s.docs_for_query(Q.NumericRange("day", 20200101, 20201231))))
            assert {h.score for h in hits} == {boost}
    assert index.search("council", since="2020-10-02", until="2020-10-02").total == 1
    assert index.search("date:2020-10-02 council").total == 1
    assert index.search("date:>=2021", limit=50).total == 5 * 2  # r4 (2021-01-23) to r8


@pytest.mark.parametrize("text", [
    SEED.read_text(encoding="utf-8"),
    "Café señor São Paulo — the District Attorney’s office said: “sentencing was fair.” e\u0301 \u0301 x_y",
    "",
])
def test_highlight_spans_mark_the_words_the_analyzer_finds(text):
    from whoosh.lang.porter import stem

    from searchidx.engine.whoosh.highlight import highlight_spans
    from searchidx.engine.whoosh.schema import name_analyzer

    tokens = [(t.text, t.startchar, t.endchar) for t in name_analyzer()(text, chars=True)]
    words = {w for w, _, _ in tokens}
    stems = {stem(w) for w in list(words)[::3]}
    exact = set(list(words)[1::4])
    expected = [(a, b) for w, a, b in tokens if w in exact or stem(w) in stems]
    assert highlight_spans(text, stems, exact) == expected
    assert not text or expected


def test_phrases_stay_exact_where_a_word_is_spent(tmp_path):
    """A phrase whose word has no live paragraph in a segment (every one deleted by an update, so the
    segment's matcher for it is spent from the start) or whose word runs out while an intersection skips
    it ahead: the paragraphs Whoosh's own phrase finds, alone and with another word, and no error."""
    import itertools

    from whoosh import query as Q

    from searchidx.engine.whoosh.queries import PairPhrase, parse_query
    from searchidx.engine.whoosh.readers import _searcher

    folder = tmp_path / "rel"
    folder.mkdir()
    index = Index.open(tmp_path / "ix", create=True)

    def release(name: str, *paras: str) -> None:
        (folder / name).write_text(f"Release {name}\n\nPARIS, May 1, 2024\n\n" + "\n\n".join(paras) + "\n",
                                   encoding="utf-8")

    release("a.txt", "The budget zanzibar plan.", "District attorney zanzibar quokka.")
    release("b.txt", "The budget plan.", "quokka marmot.", "quokka alone.", "gnu then quokka.",
            "Attorney district gnu.")  # marmot's last paragraph comes before gnu's first
    index.sync([folder])
    release("a.txt", "The budget plan again.", "District attorney quokka.")
    index.sync([folder])  # a's old paragraphs deleted: the first segment has no live "zanzibar"
    release("c.txt", "quokka marmot gnu.", "zanzibar budget district attorney gnu.")
    index.sync([folder])
    vocab = ["budget", "zanzibar", "quokka", "marmot", "gnu", "district", "attorney", "plan"]

    with _searcher(index) as s:
        assert len(s.reader().leaf_readers()) > 1 and s.reader().has_deletions()
        checked = 0
        for a, b in itertools.permutations(vocab, 2):
            theirs, ours = Q.Phrase("text", [a, b]), PairPhrase("text", [a, b])
            assert set(s.docs_for_query(ours)) == set(s.docs_for_query(theirs)), (a, b)
            for c in vocab:
                want = set(s.docs_for_query(Q.And([theirs, Q.Term("text", c)])))
                assert set(s.docs_for_query(Q.And([ours, Q.Term("text", c)]))) == want, (a, b, c)
                checked += bool(want)
                longer = [a, b, c]
                want = set(s.docs_for_query(Q.Phrase("text", longer)))
                assert set(s.docs_for_query(PairPhrase("text", longer))) == want, longer
        assert checked > 10
        for text in ['"budget zanzibar"', '"budget zanzibar" plan', '"quokka marmot" gnu', '"zanzibar gnu" budget',
                     '"district attorney zanzibar"']:
            want = {s.stored_fields(d)["text"] for d in s.docs_for_query(parse_query(index, text, schema=s.schema))}
            hits = index.search(text, limit=100, exact_total=True)
            assert hits.total == len(want) and {h.text for h in hits.hits} == want, text


def test_a_zero_boost_matches_and_scores_zero(ix):
    """word^0 matches and scores 0 in Whoosh (words in no title: a title adds its bonus); so do prefixes
    and date ranges, which score a constant."""
    for query in ["negotiation^0", "negotiat*^0", "date:[2020-01-01 TO 2030-01-01]^0"]:
        res = ix.search(query, limit=50, collapse=False)
        plain = ix.search(query.replace("^0", ""), limit=50, collapse=False)
        assert res.total == plain.total > 0, query
        assert {h.score for h in res.hits} == {0.0} and min(h.score for h in plain.hits) > 0, query


@pytest.mark.parametrize("query", ["fraud^3 OR budget", "budget OR fraud^3", "(fraud^3) OR budget",
                                   "council OR fraud^3 OR budget", "fraud^3 OR budget OR council"])
def test_a_boost_weighs_its_own_word_only(ix, query):
    """word^3 multiplies that word's score by 3 wherever it stands in an OR, and leaves the others alone
    (Whoosh's parser gave the first word's boost to the whole OR)."""
    plain = {h.id: h.score for h in ix.search(query.replace("^3", ""), limit=100, collapse=False).hits}
    fraud = {h.id for h in ix.search("fraud", limit=100, collapse=False).hits}
    boosted = {h.id: h.score for h in ix.search(query, limit=100, collapse=False).hits}
    assert boosted.keys() == plain.keys() and fraud and fraud < plain.keys()
    for pid, score in boosted.items():
        if pid in fraud:
            assert score > plain[pid] * 1.5, (query, pid)
        else:
            assert score == pytest.approx(plain[pid]), (query, pid)


def test_and_not_beside_another_clause(tmp_path):
    """``a ANDNOT b`` with another word or a date filter: Whoosh's own matcher failed there (IndexError)
    once the prefix side was spent."""
    folder = tmp_path / "rel"
    folder.mkdir()
    (folder / "a.txt").write_text("Release A\n\nPARIS, May 1, 2024\n\nAlpha only here.\n\nAlpha and beta.\n\n"
                                  "Alphabet and gamma.\n\nBeta alone.\n", encoding="utf-8")
    (folder / "b.txt").write_text("Release B\n\nPARIS, May 2, 2024\n\nGamma with beta.\n", encoding="utf-8")
    index = Index.open(tmp_path / "ix", create=True)
    index.sync([folder])
    assert {h.text for h in index.search("alph* ANDNOT beta").hits} == {"Alpha only here.", "Alphabet and gamma."}
    assert [h.text for h in index.search("(alph* ANDNOT beta) gamma").hits] == ["Alphabet and gamma."]
    assert index.search("alph* ANDNOT beta", since="2024-05-02").total == 0
    assert index.search("gamma ANDNOT alph*").total == 1


def test_boosts_on_titles_and_zero_boosts_leave_the_title_bonus_alone(ix):
    """title:word^3 scores 3 where title:word scores 1 (and ^0 scores 0); a word^0 in a release's title
    does not lift its paragraphs (README: ^0 adds nothing to the score)."""
    plain = {h.id: h.score for h in ix.search("title:budget", limit=50, collapse=False).hits}
    assert plain and set(plain.values()) == {1.0}
    for boost in (3, 0):
        boosted = {h.id: h.score for h in ix.search(f"title:budget^{boost}", limit=50, collapse=False).hits}
        assert boosted == {pid: float(boost) for pid in plain}
    alone = {h.id: h.score for h in ix.search("accountability", limit=50, collapse=False).hits}
    with_council = {h.id: h.score for h in ix.search("accountability council^0", limit=50, collapse=False).hits}
    lifted = {h.id: h.score for h in ix.search("accountability council", limit=50, collapse=False).hits}
    assert with_council and all(score == pytest.approx(alone[pid]) for pid, score in with_council.items())
    assert any(lifted[pid] > with_council[pid] + 1 for pid in with_council)  # council is in a title there


@pytest.mark.parametrize("query, positive, negated", [
    ("council -budget", "council", "budget"), ("-budget council", "council", "budget"),
    ('council -"good day"', "council", "good day"), ("(council -budget) OR fraud", "council OR fraud", "budget")])
def test_minus_excludes(ix, query, positive, negated):
    """-word, -"phrase" and -(group) exclude, as NOT does (Whoosh's parser dropped the minus and required
    the word); a hyphen inside a word stays a hyphen."""
    hits = ix.search(query, limit=50, collapse=False).hits
    assert hits and not any(negated in h.text.lower() for h in hits)
    assert any(negated in h.text.lower() for h in ix.search(positive, limit=50, collapse=False).hits)
    assert [h.id for h in hits] == [h.id for h in ix.search(query.replace("-", "NOT "), limit=50, collapse=False).hits]
    assert ix.search("Eboe-Osuji", collapse=False).total > 0  # a hyphen inside a name is no minus
