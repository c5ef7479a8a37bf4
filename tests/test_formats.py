"""Each input format on small fixtures written for these tests (tests/fixtures/)."""

from __future__ import annotations

import datetime as dt

from searchidx.load.core import detect_format, load_release, load_releases, load_text
from tests.conftest import FIXTURES


def body_texts(release):
    return [p.text for p in release.paragraphs if p.kind == "body"]


def test_html_page_body_metadata_and_no_chrome():
    r = load_release(FIXTURES / "wire_page.html")
    assert r.format == "html"
    assert r.title == "Harbor Lights Opens Tidal Energy Lab"
    assert r.date == dt.date(2024, 3, 5)
    assert r.url == "https://wire.example.com/news/harbor-lights-tidal-lab"
    assert r.author == "Dana Whitfield"
    assert r.source == "Example Wire"
    assert r.language == "en"
    assert r.location == "PORTLAND, Maine"
    body = body_texts(r)
    # The wire marker is gone from the lead; list items are paragraphs of their own.
    assert body[0].startswith("Harbor Lights Energy today opened a tidal energy laboratory")
    assert "Two test channels, each 60 metres long." in body
    assert "A turbine bench rated for two megawatts." in body
    # The bold crosshead and the title are not body.
    assert "A partnership with the university" not in body
    assert r.title not in body
    everything = " ".join(p.text for p in r.paragraphs)
    for chrome in ("cookies", "Share on", "Related news", "Wind farm", "Subscribe", "All rights reserved", "Home"):
        assert chrome not in everything
    about = [p.text for p in r.paragraphs if p.kind == "about"]
    assert about and about[0].startswith("Harbor Lights Energy designs turbines")
    assert [(c.name, c.email, c.phone) for c in r.contacts] == [("Jordan Pike", "press@harborlights.example", "+1 207 555 0142")]
    quoted = [p for p in r.paragraphs if p.text.startswith('"Tides come')]
    assert quoted[0].speaker == "Marisol Ortega"


def test_html_heuristic_fallback_finds_the_same_body(monkeypatch):
    # Without trafilatura (or when it finds nothing) the paragraph-score heuristic takes over.
    import searchidx.load.formats.html as html_format

    monkeypatch.setattr(html_format, "trafilatura_blocks", lambda text: [])
    r = load_release(FIXTURES / "wire_page.html")
    body = body_texts(r)
    assert body[0].startswith("Harbor Lights Energy today opened")
    assert "A turbine bench rated for two megawatts." in body
    everything = " ".join(p.text for p in r.paragraphs)
    assert "cookies" not in everything and "Wind farm" not in everything and "Subscribe" not in everything


def test_newsml_item():
    r = load_release(FIXTURES / "item.newsml.xml")
    assert r.format == "newsml"
    assert r.title == "La Coopérative Érable ouvre une usine à Montréal"
    assert r.subtitle == "Cent emplois créés d'ici l'été"
    assert r.language == "fr"
    assert r.date == dt.date(2024, 6, 11)
    assert r.source == "Example Newswire"
    assert r.location == "MONTRÉAL"  # the dateline the release prints, not the feed's <located>
    body = body_texts(r)
    assert body[0].startswith("La Coopérative Érable a inauguré aujourd'hui")  # "(GLOBE NEWSWIRE) --" removed
    assert len(body) == 3


def test_newsml_item_without_a_dateline_takes_the_feeds_place():
    xml = (FIXTURES / "item.newsml.xml").read_text(encoding="utf-8")
    xml = xml.replace("MONTRÉAL, 11 juin 2024 (GLOBE NEWSWIRE) -- ", "")
    r = load_text(xml, "item.newsml.xml")
    assert r.location == "Montréal, QC, Canada"
    assert body_texts(r)[0].startswith("La Coopérative Érable a inauguré aujourd'hui")


_G2_ITEM = """<?xml version="1.0" encoding="UTF-8"?>
<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet><newsItem guid="urn:example:1">
<contentMeta><located literal="Kingstown"/><headline>Harbour dredging to start in May</headline>
<dateline>KINGSTOWN, St Vincent, Monday 6 April 2026</dateline></contentMeta>
<contentSet>{body}</contentSet></newsItem></itemSet></newsMessage>"""


def test_newsml_g2_inline_data_in_html_or_plain_text():
    html = ("<inlineData contenttype=\"text/html\"><![CDATA[<p>Dredging of the harbour starts in May.</p>"
            "<p>&ldquo;Ships will dock again,&rdquo; said Port Manager Jane Roe.</p>]]></inlineData>")
    r = load_text(_G2_ITEM.format(body=html), "item.xml")
    assert r.title == "Harbour dredging to start in May"
    assert r.location == "KINGSTOWN, St Vincent"  # the printed dateline, not the feed's <located>
    assert body_texts(r) == ["Dredging of the harbour starts in May.", "“Ships will dock again,” said Port Manager Jane Roe."]
    assert r.paragraphs[-1].speaker == "Jane Roe"
    plain = ("<inlineData contenttype=\"text/plain\">Dredging of the harbour starts in May.\n\n"
             "The work takes six weeks.</inlineData>")
    r = load_text(_G2_ITEM.format(body=plain), "item.xml")
    assert body_texts(r) == ["Dredging of the harbour starts in May.", "The work takes six weeks."]


def test_newsml_g2_inline_xhtml_under_a_prefix_keeps_its_paragraphs():
    """<inlineXML> holding XHTML under a namespace prefix (<xhtml:p>): each paragraph its own, and each its own
    speaker, not one paragraph for the whole body."""
    body = ('<inlineXML contenttype="application/xhtml+xml"><xhtml:html xmlns:xhtml="http://www.w3.org/1999/xhtml">'
            "<xhtml:body><xhtml:p>Dredging of the harbour starts in May.</xhtml:p>"
            "<xhtml:p>Port Manager Jane Roe said ships would dock again by June.</xhtml:p>"
            "<xhtml:p>Fisherman John Doe said the work was long overdue.</xhtml:p></xhtml:body></xhtml:html></inlineXML>")
    r = load_text(_G2_ITEM.format(body=body), "item.xml")
    assert body_texts(r) == ["Dredging of the harbour starts in May.",
                             "Port Manager Jane Roe said ships would dock again by June.",
                             "Fisherman John Doe said the work was long overdue."]
    assert [p.speaker for p in r.paragraphs] == [None, "Jane Roe", "John Doe"]


def test_json_lines_give_one_release_per_item_with_distinct_ids():
    releases = load_releases(FIXTURES / "feed.jsonl")
    assert [r.title for r in releases] == ["Library extends weekend hours", "Bridge repairs finish early"]
    assert releases[0].id != releases[1].id
    assert releases[0].date == dt.date(2024, 2, 1) and releases[1].date == dt.date(2024, 2, 9)
    assert releases[1].url == "https://city.example.org/news/bridge"
    assert body_texts(releases[0])[1].startswith('"Families asked for it')  # HTML body
    assert body_texts(releases[1]) == ["Repairs to the Mill Street bridge finished two weeks early.",
                                       "The bridge reopens to traffic on Monday."]  # text body
    first = load_release(FIXTURES / "feed.jsonl")
    assert first.title == releases[0].title and first.id == releases[0].id


def test_govuk_style_json():
    r = load_release(FIXTURES / "govuk_like.json")
    assert r.format == "json"
    assert r.url == "https://www.gov.uk/government/news/example-cleaner-rivers"
    assert r.date == dt.date(2023, 5, 4)
    assert r.language == "en"
    body = body_texts(r)
    assert "Our rivers deserve better, and this plan sets out how we will get there." in body
    assert "Next steps" not in body


def test_page_export_one_block_per_line():
    r = load_release(FIXTURES / "county_lines.txt")
    assert r.format == "text-lines"
    assert r.title == "MAN SENTENCED FOR STEALING FROM SENIORS"  # " - Orange County District Attorney" dropped
    assert r.date == dt.date(2020, 3, 3)
    assert r.author == "Jane Doe"
    assert r.location == "SANTA ANA"
    assert [(c.name, c.phone) for c in r.contacts] == [("Pat Example", "714-555-0100"), ("Sam Sample", "714-555-0102")]
    body = body_texts(r)
    assert body[0].startswith("A man was sentenced today")
    # A line broken mid-sentence is joined; an inline link's lone name and "." are put back.
    assert "helping them with shopping and banking, and then moved money" in body[1]
    assert body[2] == ("“Stealing from the elderly is among the most cowardly crimes there are,” District Attorney "
                       "Todd Spitzer said. “We will find you and we will prosecute you.”")
    everything = " ".join(p.text for p in r.paragraphs)
    for chrome in ("Scroll to top", "Follow Us", "Skip to content", "min read", "Latest Posts", "Another release"):
        assert chrome not in everything
    assert len(body) == 4


def test_pdf_export_wrapped_lines():
    r = load_release(FIXTURES / "pdf_wrapped.txt")
    assert r.title == "Example County Jury Convicts Man of Robbing Three Banks in One Afternoon"
    assert r.date == dt.date(2019, 6, 3)
    assert r.contacts[0].name == "Casey Example"
    assert r.contacts[0].email == "casey.example@county.example.gov"
    body = body_texts(r)
    assert len(body) == 4
    assert body[0].endswith("using a note that said he had a gun in his pocket.")
    assert body[2].startswith("Assistant District Attorney Robin Vale said")


def test_institution_page_contact_cards_and_about_with_inc():
    r = load_release(FIXTURES / "institution_page.html")
    assert r.title == "Council backs cleaner harbour ferries"
    # Each press officer's card is a contact with its first number; the cards' lines are not body, and the
    # visitor-centre box outside the article is not a press contact.
    assert [(c.name, c.phone, c.email) for c in r.contacts] == [
        ("Mira KOVAČ", "(+32) 2 284 12 50", "mira.kovac@assembly.example.org"),
        ("Tomas BERG", "(+33) 3 881 72 420", "tomas.berg@assembly.example.org"),
    ]
    everything = " ".join(p.text for p in r.paragraphs)
    for gone in ("470 11 22 33", "Phone number", "E-mail", "@ExampleAssembly", "visitors@", "About Example Ferries"):
        assert gone not in everything
    assert len(body_texts(r)) == 3
    # "About X, Inc.:" heads the About section; the address under its paragraph ends that paragraph.
    about = [p.text for p in r.paragraphs if p.kind == "about"]
    assert about == ["Example Ferries Holdings, Inc. runs passenger boats on four rivers and employs 900 people. "
                     "It was founded in 1962. https://ferries.example.com"]


def test_about_headings_with_company_suffixes_and_colons():
    text = ("Acme Brokers lifts its limits\n\nAcme Brokers lifted all trading limits on Friday, the firm said in a "
            "statement.\n\nAbout Acme Brokers Group, Inc.:\n\nAcme Brokers Group runs electronic markets in 30 "
            "countries.\n\nAbout 200 clients had asked for the change.\n")
    r = load_text(text)
    assert [(p.kind, p.text[:22]) for p in r.paragraphs] == [
        ("body", "Acme Brokers lifted al"), ("about", "Acme Brokers Group run"), ("about", "About 200 clients had ")]
    # Above the body, "About Us" is a menu entry: it starts no About section.
    menu = load_text("Ferry fares frozen\n\nAbout Us\n\nThe harbour board froze ferry fares for a year on Monday.\n")
    assert [(p.kind, p.text[:9]) for p in menu.paragraphs] == [("body", "The harbo")]
    from searchidx.load.structure import is_about_heading

    for heading in ("About LYF Food Technologies Inc.", "About KidSport:", "About J. Crew Group",
                    "About Auxly Cannabis Group Inc. (TSX.V: XLY) (OTCQX: CBWTF)", "ABOUT SEGMENT"):
        assert is_about_heading(heading), heading
    for sentence in ("About 200 people attended.", "About 5,000 people marched in Paris. Police said so.",
                     "About us: we make things."):
        assert not is_about_heading(sentence), sentence


def test_spanish_page_export_chrome_and_contacts():
    r = load_release(FIXTURES / "county_lines_es.txt")
    assert r.title == "HOMBRE CONDENADO POR ROBAR A PERSONAS MAYORES"
    assert r.location == "SANTA ANA"
    # "Contacto:" / "Oficina:" / "Celular:" labels over the people: contacts, not text.
    assert [(c.name, c.phone) for c in r.contacts] == [("Pat Ejemplo", "714-555-0101"), ("Lee Muestra", "714-555-0103")]
    everything = " ".join([p.text for p in r.paragraphs] + [r.subtitle or ""])
    for chrome in ("Contacto", "Oficina", "Celular", "Publicaci", "Inmediata", "Caso #", "Compartir", "Leer más"):
        assert chrome not in everything
    body = body_texts(r)
    assert len(body) == 4 and body[0].startswith("Hoy, un hombre fue condenado")
    assert body[2].startswith("“Nadie debería") and r.paragraphs[2].speaker == "Todd Ejemplo"


def test_media_advisory_fact_lines_are_kept():
    r = load_release(FIXTURES / "advisory_lines.txt")
    body = body_texts(r)
    assert "WHO: Maria Example, State Attorney; Harbor Police Chief Dan Sample" in body
    assert "WHAT: Press Conference" in body
    assert "WHEN: Thursday, August 29, 2024 at 2:30 p.m." in body
    assert "WHERE: Example County State Attorney’s Office; 100 Harbor Avenue, Room 4" in body
    assert r.contacts and r.contacts[0].phone == "(305) 555-0135"
    assert not any("You are here" in p.text for p in r.paragraphs)


def test_page_export_with_a_side_list_above_the_release():
    # "More News" above the release opens a side list of other posts, not the footer: the release under it
    # is read, and the list under "View All" after it is the footer.
    r = load_release(FIXTURES / "sidebar_lines.txt")
    body = body_texts(r)
    assert body[0].startswith("(Harbor City) - Today, the District Attorney charged a ferry captain")
    assert body[-1] == "The case will be heard in the 12th District Court."
    assert len(body) == 4 and r.paragraphs[2].speaker == "Ana Example"
    everything = " ".join(p.text for p in r.paragraphs)
    for chrome in ("Harbor Arson", "Backlog", "Posted on", "Another release"):
        assert chrome not in everything


def test_plain_text_with_blank_lines():
    r = load_release(FIXTURES / "plain_news.txt")
    assert r.format == "text"
    assert r.title == "Ferry service to resume after storm"
    assert len(body_texts(r)) == 3
    assert r.paragraphs[1].speaker == "Morag Innes"


def test_format_detected_from_content_not_extension(tmp_path):
    html = (FIXTURES / "wire_page.html").read_bytes()
    disguised = tmp_path / "release.txt"
    disguised.write_bytes(html)
    assert load_release(disguised).format == "html"
    feed = tmp_path / "items.dat"
    feed.write_bytes((FIXTURES / "govuk_like.json").read_bytes())
    assert load_release(feed).format == "json"
    assert detect_format("[PHOTO] A title\n\nText.") == "text"  # a markdown-ish label is not JSON
    assert detect_format((FIXTURES / "item.newsml.xml").read_text(encoding="utf-8")) == "newsml"


def test_gzip_is_read_transparently(tmp_path):
    import gzip

    packed = tmp_path / "page.html.gz"
    packed.write_bytes(gzip.compress((FIXTURES / "wire_page.html").read_bytes()))
    assert load_release(packed).title == "Harbor Lights Opens Tidal Energy Lab"


def test_load_text_takes_any_format():
    r = load_text((FIXTURES / "govuk_like.json").read_text(encoding="utf-8"))
    assert r.title == "Cleaner rivers plan published"


def test_dash_signed_quotes_are_paragraphs_of_their_own():
    # A vox pop packs '“…” ― Name' lines into one block: each line is one speaker's paragraph.
    r = load_release(FIXTURES / "vox_pop.txt")
    body = body_texts(r)
    assert body[1].endswith("― Morag Innes") and body[2].endswith("― Ewan MacLeod")
    assert body[3].endswith("― Dr. Ana Ruiz, 54, shopkeeper") and body[4].endswith("-- Colin J. Baird.")
    assert body[-2].endswith("― Isla Grant") and body[-1] == "The council meets again in March."
    speakers = [p.speaker for p in r.body]
    assert speakers[1:4] == ["Morag Innes", "Ewan MacLeod", "Ana Ruiz"] and speakers[-2] == "Isla Grant"


def test_dash_signed_quotes_in_a_wrapped_line_export():
    r = load_release(FIXTURES / "vox_pop_lines.txt")
    assert r.format == "text-lines"  # ten lines and the file's closing newline: no blank line between blocks
    body = body_texts(r)
    assert len(body) == 8
    assert body[1].endswith("in their own words")  # not joined to the quote under it, wrap or not
    assert [p.speaker for p in r.body][2:4] == ["Morag Innes", "Ewan MacLeod"]
    assert body[5].endswith("-- Colin J. Baird") and body[6].endswith("― Isla Grant")


def test_breadcrumb_page_title_and_date_from_its_side_list():
    # The first line is the page's place in the site; the menu above the "More News" list is no text, and
    # the list's entry that the page repeats is the release's own title and date.
    r = load_release(FIXTURES / "breadcrumb_lines.txt")
    assert r.title == "Man Charged with Arson Extradited to Example City from Canada"
    assert r.date == dt.date(2026, 2, 2)
    assert r.contacts == []  # the site's address in its menu is no media contact
    body = body_texts(r)
    assert len(body) == 3 and body[0].startswith("(Example City, TX) - Today")
    assert not any("Example County" in t or "Posted on" in t for t in body)


def test_date_and_contact_below_a_long_menu():
    r = load_release(FIXTURES / "menu_lines.txt")
    assert r.title == "Jury Convicts Man of Stealing Catalytic Converters From 40 Cars"
    assert r.date == dt.date(2026, 6, 3)  # "June 3, 2026: <title>", 40 lines down
    assert [(c.name, c.phone, c.email) for c in r.contacts] == [
        ("Media Relations Division", "(555) 257-2000", "media@da.example.gov")]
    body = body_texts(r)
    assert body[0].startswith("The man faces up to nine years") and len(body) == 4
    assert not any(t in ("Contact:", "Phone:", "Email:") for t in (p.text for p in r.paragraphs))


def test_spanish_dates():
    from searchidx.load.dates import parse_date

    for text in ("2 de marzo del 2009", "2 de marzo de 2009", "Lunes, 2 de Marzo del 2009", "2 de marzo, 2009",
                 "Dallas, Texas – 2 de mar. de 2009"):
        assert parse_date(text) == dt.date(2009, 3, 2), text
    assert parse_date("1º de marzo de 2009") == parse_date("1ro de marzo del 2009") == dt.date(2009, 3, 1)
    assert parse_date("2 de marzo") is None  # no year: no date


def test_pdf_export_wrapped_spanish_title_and_page_footer():
    r = load_release(FIXTURES / "pdf_wrapped_es.txt")
    # The title wraps onto a line of its own, in Spanish capitalisation: it is not a body paragraph.
    assert r.title == ("Jurado del Condado de Ejemplo Declara Culpable a un Hombre por Robar Tres Bancos en una "
                       "Sola Tarde")
    assert r.date == dt.date(2024, 3, 4)
    body = body_texts(r)
    assert len(body) == 4 and body[0].startswith("(Ciudad Ejemplo, Texas) – Un jurado")
    # The letterhead footer between two pages is dropped, so the sentence it cut is whole again.
    assert "placa del auto que usó para salir del último banco." in body[1]
    assert not any("Example Courts Building" in p.text for p in r.paragraphs)


def test_page_export_image_cards_and_cut_breadcrumb_title_are_chrome():
    r = load_release(FIXTURES / "newscenter_lines.txt")
    assert r.title == "Harbour Man Charged in Marina Boat Thefts"  # " - DA NewsCenter" dropped
    assert r.date == dt.date(2022, 12, 15)  # from the post's time stamp
    assert r.contacts == []  # time stamps are no phone numbers
    body = body_texts(r)
    assert len(body) == 4 and body[-1] == "The arraignment is set for Monday."
    everything = " ".join(p.text for p in r.paragraphs)
    for chrome in ("https://", "Pat Writer", "720", "Marina Boat...", "Recent News", "Pier Fire"):
        assert chrome not in everything


def test_blank_line_export_drops_chrome_lines_and_the_latest_news_list():
    r = load_release(FIXTURES / "latest_news.txt")
    assert r.title == "DA Appoints New Chief of the Bureau of Investigation"  # not "Skip to main content …"
    assert r.date == dt.date(2023, 6, 12)
    body = body_texts(r)
    assert len(body) == 3 and body[-1] == "Park will oversee all investigative operations of the office."


def test_inline_link_text_on_a_line_of_its_own_rejoins_its_sentence():
    # "… against former" / "County Commissioner Lee Park" / ", six jurors …": one quote, one paragraph.
    r = load_release(FIXTURES / "link_lines.txt")
    body = body_texts(r)
    assert len(body) == 3
    assert "against former County Commissioner Lee Park, six jurors weighed" in body[0]
    assert "prosecutors Chief Assistant State Attorney Sam Okafor and Assistant State Attorney Robin Vale for" in body[0]
    assert body[1] == ("The office has a dedicated Public Corruption Unit that investigates officials who abuse "
                       "their office.")
    assert r.body[0].speaker == "Dana Ortiz"


def test_a_date_of_its_own_under_a_pages_headline():
    """Hand-written HTML: the date in an element no class names, on its own under the ``<h1>``; a lead's
    dateline still gives the place."""
    page = ("<html><body><article><h1>Evening court sittings to tackle backlog</h1><span>9 March 2026</span>{}"
            "</article></body></html>")
    body = ("<p>The Example Parish Court will begin holding evening sittings from Monday, March 23, to clear a "
            "backlog of more than 46,000 unpaid traffic tickets in the city.</p>"
            "<p>The sittings will be held from 4:30 p.m. to 8:00 p.m., Mondays to Thursdays, at the Example "
            "courthouse, for motorists.</p>"
            "<p>Senior Judge Jane Roe said the evening courts were part of a wider effort.</p>")
    assert load_text(page.format(body), "court.html").date == dt.date(2026, 3, 9)
    release = load_text(page.format(body.replace("<p>The Example Parish", "<p>KINGSTON, Jamaica: The Example Parish")),
                        "court.html")
    assert release.date == dt.date(2026, 3, 9)
    assert release.location == "KINGSTON, Jamaica"
    assert release.body[0].text.startswith("The Example Parish Court")
