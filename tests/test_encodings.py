"""Bytes in every encoding releases come in decode to the same text."""

from __future__ import annotations

import codecs

import pytest

from searchidx.load.core import load_bytes

TEXT = "Café owner’s £5 fee\n\nThe café in Brașov charges £5, the owner’s spokesman said. Zoë agreed."


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
        lambda t: t.encode("utf-16"),  # with BOM
        lambda t: t.encode("utf-16-le"),  # without BOM
        lambda t: t.encode("utf-8").decode("cp1252", errors="strict").encode("utf-8"),  # double-encoded
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "utf-16-le-no-bom", "mojibake"],
)
def test_unicode_encodings_survive(encode):
    r = load_bytes(encode(TEXT))
    assert r.title == "Café owner’s £5 fee"
    assert "Brașov" in r.paragraphs[0].text and "owner’s" in r.paragraphs[0].text and "Zoë" in r.paragraphs[0].text


def test_windows_1252():
    text = TEXT.replace("Brașov", "Brasov")  # ș is not in Windows-1252
    r = load_bytes(text.encode("cp1252"))
    assert r.title == "Café owner’s £5 fee"
    assert "owner’s spokesman" in r.paragraphs[0].text


def test_latin_1():
    text = "Résumé du maire\n\nLe maire a présenté un budget de 5 £ par élève à Orléans."
    r = load_bytes(text.encode("latin-1"))
    assert r.title == "Résumé du maire"
    assert "Orléans" in r.paragraphs[0].text


def test_mojibake_in_html_is_repaired():
    page = "<html><head><title>Budget</title></head><body><article><p>" + "The mayorâ€™s office said the plan costs Â£5 million and will start in the spring of next year. " * 4 + "</p></article></body></html>"
    r = load_bytes(page.encode("utf-8"))
    assert "mayor’s office" in r.paragraphs[0].text and "£5 million" in r.paragraphs[0].text
