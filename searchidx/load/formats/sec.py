"""SEC EDGAR submissions: a filing (an 8-K) whose press release is an exhibit (EX-99).

The submission text wraps several documents, each ``<DOCUMENT><TYPE>…<TEXT>…</TEXT></DOCUMENT>``, under a
header of ``KEY: value`` lines. The release is the first EX-99 exhibit (the filing's own text is a form
that points to it); its text, HTML or plain, is read as any release is. The header gives the company's
name and the filing date, used when the release shows neither.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_SUBMISSION = re.compile(r"<SEC-DOCUMENT>|<SEC-HEADER>|^-----BEGIN PRIVACY-ENHANCED MESSAGE-----", re.M)
_DOCUMENT = re.compile(r"<DOCUMENT>(?P<doc>.*?)(?:</DOCUMENT>|\Z)", re.S | re.I)
_TYPE = re.compile(r"<TYPE>\s*([^\s<]+)", re.I)
_TEXT = re.compile(r"<TEXT>(?P<text>.*?)(?:</TEXT>|\Z)", re.S | re.I)
_COMPANY = re.compile(r"COMPANY CONFORMED NAME:\s*(?P<name>[^\n]+)")
_FILED = re.compile(r"(?:FILED AS OF DATE|CONFORMED PERIOD OF REPORT):\s*(?P<d>\d{8})")
# Pagination the filing agent puts in plain-text exhibits.
_PAGE_TAG = re.compile(r"^\s*</?PAGE>\s*$", re.M | re.I)


@dataclass
class Submission:
    text: str
    company: str | None
    filed: dt.date | None


def is_sec_submission(head: str) -> bool:
    return bool(_SUBMISSION.search(head[:3000]))


def unwrap_sec(text: str) -> Submission | None:
    """The release inside an EDGAR submission, or None when ``text`` is not one (or holds no document)."""
    if not is_sec_submission(text):
        return None
    documents = [m.group("doc") for m in _DOCUMENT.finditer(text)]
    if not documents:
        return None
    chosen = next((d for d in documents if (t := _TYPE.search(d)) and t.group(1).upper().startswith("EX-99")),
                  documents[0])
    body = _TEXT.search(chosen)
    inner = _PAGE_TAG.sub("", body.group("text") if body else chosen).strip("\n")

    header = text[: text.find("<DOCUMENT>")] if "<DOCUMENT>" in text else ""
    company = _COMPANY.search(header)
    filed = _FILED.search(header)
    date = None
    if filed:
        try:
            d = filed.group("d")
            date = dt.date(int(d[:4]), int(d[4:6]), int(d[6:]))
        except ValueError:
            date = None
    return Submission(inner, company.group("name").strip() if company else None, date)
