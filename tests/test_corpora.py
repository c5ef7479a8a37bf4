"""Each format on the real files in ../shared/corpora (skipped when that folder is absent)."""

from __future__ import annotations

import datetime as dt
import json

from searchidx.load.core import load_release, load_releases
from tests.conftest import SEEDS


def test_seed_still_loads_the_same():
    r = load_release(SEEDS / "000_175ac6bd46aa2cbc.txt")
    assert r.title.startswith("Paris Conference Demands Justice for Victims of Iran's 1988 Massacre")
    assert r.contacts and r.contacts[0].name == "Shahin Gobadi" and r.contacts[0].phone == "+33 6 61 65 32 31"
    speakers = {p.speaker for p in r.paragraphs if p.speaker}
    assert {"Wolfgang Schomburg", "Maryam Rajavi", "Chile Eboe-Osuji", "Leila Nadya Sadat"} <= speakers


def test_wire_pages(corpora):
    gnw = load_release(corpora / "press_releases_html" / "metascraper" / "globenewswire.html")
    assert gnw.title == "Segment Launches Sources to Unify Siloed Customer Data in Minutes"
    assert gnw.source and gnw.location == "SAN FRANCISCO, CA" and str(gnw.date) == "2016-04-06"
    assert gnw.body[0].text.startswith("Segment, the customer data platform, today released Sources")
    assert any(p.kind == "about" for p in gnw.paragraphs)
    assert gnw.contacts and gnw.contacts[0].email == "segment@bateman-group.com"
    prn = load_release(corpora / "press_releases_html" / "metascraper" / "pr-newswire.html")
    assert prn.title.startswith("HackerRank & Cybermedia Technologies Partner")
    assert prn.body[0].text.startswith("HackerRank, a platform that ranks engineers")
    assert not any("cookie" in p.text.lower() or "newsletter" in p.text.lower() for p in prn.paragraphs)
    for page in sorted((corpora / "press_releases_html" / "europarl").glob("*.html")):
        ep = load_release(page)
        assert ep.url and "europarl.europa.eu" in ep.url
        assert "European Parliament" not in ep.title.split(" | ")[-1] or " | " not in ep.title
        assert len(ep.body) >= 4


def test_newsml_items(corpora):
    for f in sorted((corpora / "press_releases_newsml").rglob("*")):
        if f.suffix not in (".xml", ".newsml"):
            continue
        r = load_release(f)
        assert r.format == "newsml" and r.title and r.date and r.body, f
    fr = load_release(corpora / "press_releases_newsml" / "superdesk-cp" / "globenewswire" / "fr.xml")
    assert fr.language == "fr"


def test_govuk_json(corpora):
    r = load_release(corpora / "govuk_press_releases_json" / "news_article_press_release.json")
    assert r.title == "Modern life responsible for ‘worrying’ health in middle aged"
    assert r.url.startswith("https://www.gov.uk/government/news/")
    assert r.body[0].text.startswith("Eight out of 10 of the middle aged")


def test_news_pages_all_give_a_body(corpora):
    pages = sorted((corpora / "news_html_benchmark" / "html").glob("*.html.gz"))[:30]
    for f in pages:
        r = load_release(f)
        assert sum(len(p.text) for p in r.body) >= 300, f


def test_prosecutor_exports(corpora):
    text = corpora / "prosecutor_press_releases_txt" / "text"
    cook = load_release(text / "cook_il" / "news_ccsao-deputy-bureau-chief-throws-out-first-pitch-cubs-vs-reds-game.txt")
    assert cook.title == "CCSAO Deputy Bureau Chief Throws Out First Pitch at Cubs vs. Reds Game"
    assert str(cook.date) == "2026-05-11"
    assert any("State’s Attorney Burke said. “My administration" in p.text for p in cook.body)
    dallas = load_release(text / "dallas_tx" / "Assets_uploads_docs_district-attorney_press-release_2018_PR_CharlesPhiferTrial_101518_pdf.txt")
    assert dallas.title.endswith("Guilty of Murder in the Death of a 4-Year-Old Girl")
    assert dallas.contacts[0].name == "Kimberlee Leach"
    orange = sorted((text / "orange_ca").glob("*.txt"))[0]
    r = load_release(orange)
    assert " - Orange County District Attorney" not in r.title
    assert [c.name for c in r.contacts][:2] == ["Susan Kang Schroeder", "Farrah Emami"]


def test_plain_text_corpora(corpora):
    bbc = sorted((corpora / "bbc_news").rglob("*.txt"))[:20]
    for f in bbc:
        r = load_release(f)
        assert r.title and len(r.body) >= 2, f
    json.dumps([load_releases(f)[0].to_dict() for f in bbc], default=str)


def test_wire_page_about_and_contact(corpora):
    prn = load_release(corpora / "press_releases_html" / "metascraper" / "pr-newswire.html")
    about = [p.text for p in prn.paragraphs if p.kind == "about"]
    # The second About paragraph ends with the issuer's address (a <br> line of its own in the page).
    assert about[-1].endswith("human capital investments. http://ctec-corp.com")
    assert [(c.name, c.organisation, c.email) for c in prn.contacts] == [
        ("Katie Sullivan", "Bateman Group", "hackerrank@bateman-group.com")]


def test_europarl_press_officers_are_contacts(corpora):
    for page in sorted((corpora / "press_releases_html" / "europarl").glob("*.html")):
        ep = load_release(page)
        assert ep.contacts, page
        for c in ep.contacts:
            assert c.name and c.phone and c.phone.startswith("(+3") and c.email.endswith("@europarl.europa.eu"), c
        assert not any(c.phone in p.text for c in ep.contacts for p in ep.paragraphs)
    venezuela = load_release(corpora / "press_releases_html" / "europarl" / "press-release_20190712IPR56948.html")
    assert [c.name for c in venezuela.contacts] == ["Snježana KOBEŠĆAK SMODIŠ", "Viktor ALMQVIST"]


def test_business_wire_about_inc_colon(corpora):
    r = load_release(corpora / "press_releases_newsml" / "superdesk-cp" / "businesswire" / "20210130005024r1.xml")
    assert not any(p.text.startswith("About Interactive Brokers") for p in r.paragraphs)
    about = [p for p in r.paragraphs if p.text.startswith("Interactive Brokers Group affiliates provide")]
    assert about and about[0].kind == "about"


def test_bot_check_pages_are_refused(corpora):
    import pytest

    from searchidx.errors import LoadError

    refused = loaded = 0
    for f in sorted((corpora / "prosecutor_press_releases_txt" / "text" / "los_angeles_ca").glob("*.txt")):
        bot_page = "made us think you were a bot" in f.read_text(encoding="utf-8", errors="replace")
        if bot_page:
            with pytest.raises(LoadError, match="bot check"):
                load_release(f)
            refused += 1
        else:
            assert load_release(f).body, f
            loaded += 1
    assert refused and loaded


def test_spanish_exports_drop_chrome_and_keep_contacts(corpora):
    text = corpora / "prosecutor_press_releases_txt" / "text"
    r = load_release(text / "orange_ca" / "press_1200-estudiantes-tendran-la-oportunidad-de-ganar-boletos-a-un-partido-"
                     "del-equipo-chivas-usa-a-traves-del-incentivo.txt")
    assert [c.name for c in r.contacts] == ["Susan Kang Schroeder", "Farrah Emami"]
    assert r.body[0].text.startswith("*800 estudiantes recibieron la sorpresa")
    labels = ("Contacto:", "Oficina:", "Celular:", "Para Publicaci", "PARA PUBLICACI")
    for f in sorted((text / "orange_ca").glob("press_*.txt")):
        raw = f.read_text(encoding="utf-8", errors="replace")
        if "Contacto:" not in raw:
            continue
        r = load_release(f)
        assert not any(p.text.startswith(labels) for p in r.paragraphs), f
        assert not (r.subtitle or "").startswith(labels), f
    dallas = load_release(text / "dallas_tx" / "Assets_uploads_docs_district-attorney_press-release_2023_First_20"
                          "Fentanyl_20Conviction_20Spanish_pdf.txt")
    assert dallas.title.startswith("La Oficina del Fiscal de Distrito Creuzot Obtiene Condena")


def test_media_advisory_facts_kept(corpora):
    r = load_release(corpora / "prosecutor_press_releases_txt" / "text" / "miami_dade_fl" /
                     "press-release_13-charged-in-round-up-of-major-catalytic-converter-fencing-and-theft-ring.txt")
    body = [p.text for p in r.body]
    assert ("WHO: Katherine Fernandez Rundle, State Attorney; Miami-Dade Police Director Stephanie Daniels; "
            "Miami-Dade Public Safety Chief James Reyes") in body
    assert "WHEN: Thursday, August 29, 2024 at 2:30 p.m." in body
    assert "WHERE: Miami-Dade State Attorney’s Office; 1350 N.W. 12th Avenue, Room S-418" in body
    assert not any(t in ("WHO:", "WHAT:", "WHEN:", "WHERE:") for t in body)


def test_side_list_above_the_release(corpora):
    # Harris County pages put a "More News" list above the release; it used to cut the whole release.
    r = load_release(corpora / "prosecutor_press_releases_txt" / "text" / "harris_tx" /
                     "Newsroom_News-Releases_man-charged-with-murder-successfully-extradited-to-houston-from-el-salvador.txt")
    body = [p.text for p in r.body]
    assert len(body) == 5 and body[-1] == "Rojas’s case will be heard in the 180th District Court."
    assert body[3].startswith("“I’m deeply thankful") and r.body[3].speaker == "Sean Teare"


def test_harris_breadcrumb_pages_get_their_title_and_date(corpora):
    folder = corpora / "prosecutor_press_releases_txt" / "text" / "harris_tx"
    r = load_release(folder / "Newsroom_News-Releases_man-charged-with-murder-successfully-extradited-to-houston-"
                     "from-el-salvador.txt")
    assert r.title == "Man Charged with Murder Successfully Extradited to Houston from El Salvador"
    assert r.date == dt.date(2025, 8, 15)  # its entry in the page's "More News" list
    r = load_release(folder / "Newsroom_News-Releases_harris-county-criminal-case-backlog-eliminated.txt")
    assert r.title == "Harris County Criminal Case Backlog Eliminated" and r.date == dt.date(2026, 3, 17)
    r = load_release(folder / "Newsroom_News-Releases_man-accused-of-murder-dies-during-court-appearance.txt")
    assert r.date == dt.date(2025, 9, 26)
    # Stopped at the "More News" heading for want of prose in the next lines, this page had no body.
    r = load_release(folder / "Newsroom_News-Releases_mh-fast-facts.txt")
    assert r.title == "Addressing the Mental Health Incarceration Crisis" and len(r.body) > 5
    for f in sorted(folder.glob("Newsroom_*.txt")):
        r = load_release(f)
        assert r.title != "Harris County" and not r.contacts, f
        assert not any(p.text in ("About Us", "Careers", "Contact Us") for p in r.paragraphs), f


def test_los_angeles_contact_and_date_below_the_menu(corpora):
    folder = corpora / "prosecutor_press_releases_txt" / "text" / "los_angeles_ca"
    loaded = 0
    for f in sorted(folder.glob("*.txt")):
        if "Pardon Our Interruption" in f.read_text(encoding="utf-8", errors="replace")[:200]:
            continue  # bot checks, refused
        r = load_release(f)
        assert [(c.name, c.phone, c.email) for c in r.contacts] == [
            ("Media Relations Division", "(213) 257-2000", "media@da.lacounty.gov")], f
        assert r.date is not None and r.date.year == 2026, f
        assert not any(p.text in ("Contact:", "Phone:", "Email:") for p in r.paragraphs), f
        loaded += 1
    assert loaded == 5



def test_vox_pop_signed_quotes_keep_their_speakers(corpora):
    # One HuffPost article gives 24 readers' quotes as '“…” ― Name', several lines to a block.
    r = load_release(corpora / "polnear" / "dev" / "text" / "huff-post_2016-09-27_latinos-share-their-most-honest-.txt")
    signed = [p for p in r.body if "― " in p.text[-40:]]
    assert len(signed) == 24
    assert all(p.text.count("― ") == 1 for p in signed)
    names = {p.speaker for p in signed}
    assert {"Sonya Herridge", "Pamela Padilla", "Carla Sanchez", "Esther Tapia", "Steve Quinlan"} <= names


def test_dallas_pdf_titles_and_page_footers(corpora):
    folder = corpora / "prosecutor_press_releases_txt" / "text" / "dallas_tx"
    r = load_release(folder / "Assets_uploads_docs_district-attorney_press-release_2023_Liborio_20Canales_20Conviction_"
                     "20Spanish_pdf.txt")
    assert r.title == ("Sospechoso de Caso Sin Resolver de 86 años Sentenciado en la Primera Condena por Asesinato en "
                       "Dallas Usando Investigación por Medio de Genealogía Genética")
    assert r.body[0].text.startswith("(Dallas, Texas) – El Fiscal de Distrito Penal")
    r = load_release(folder / "Assets_uploads_docs_district-attorney_press-release_2019_PR_AmberGuyger_100319_pdf.txt")
    assert any(p.text.startswith("During closing arguments, Chief LaQuita Long") for p in r.body)
    for f in sorted(folder.glob("*.txt")):
        r = load_release(f)
        assert not any("Riverfront Blvd., L.B. 19" in p.text for p in r.paragraphs), f


def test_san_diego_and_riverside_chrome(corpora):
    text = corpora / "prosecutor_press_releases_txt" / "text"
    for f in sorted((text / "san_diego_ca").glob("news_*.txt"))[:150]:
        r = load_release(f)
        assert not any("wp-content/uploads" in p.text or p.text.isdigit() for p in r.paragraphs), f
        assert not r.title.endswith("DA NewsCenter"), f
        assert not any(c.phone and c.phone.startswith("20") and "-" in c.phone[4:5] for c in r.contacts), f
    r = load_release(text / "san_diego_ca" / "news_district-attorney-charges-fugitive-who-fled-to-asia-in-child-"
                     "molestation-case.txt")
    assert r.date == dt.date(2022, 12, 15)
    assert r.body[-1].text.startswith("A readiness conference in this case")
    for f in sorted((text / "riverside_ca").glob("news_*.txt")):
        r = load_release(f)
        assert not r.title.startswith("Skip to"), f
        assert not any(p.text.startswith("Loma Linda University Health to Pay") for p in r.paragraphs[-3:]) \
            or "loma-linda" in f.name, f


def test_miami_link_line_does_not_split_the_quote(corpora):
    r = load_release(corpora / "prosecutor_press_releases_txt" / "text" / "miami_dade_fl" /
                     "press-release_for-immediate-release-statement-from-state-attorney-katherine-fernandez-rundle-"
                     "regarding-guilty-verdict-in.txt")
    quote = [p for p in r.body if p.text.startswith("“In every public corruption prosecution")]
    assert len(quote) == 1 and "against former County Commissioner Joe Martinez, 6 Miami-Dade" in quote[0].text
    assert quote[0].text.endswith("that led to this verdict.”") and quote[0].speaker == "Katherine Fernandez Rundle"
