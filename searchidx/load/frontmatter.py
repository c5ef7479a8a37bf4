"""Front matter: the YAML (``---``) or TOML (``+++``) block that static-site generators put above a page, or
MultiMarkdown's "Key: value" lines.

Its fields are the page's own metadata, so they win over anything guessed from the text below: the
title, the date, the author, the address and the language.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from typing import Any

import yaml

from searchidx.load.cleaning import normalize_space
from searchidx.load.dates import parse_date
from searchidx.load.draft import Draft

if sys.version_info >= (3, 11):
    import tomllib
else:  # the same parser, published apart for Python 3.10
    import tomli as tomllib

_YAML = re.compile(r"\A\ufeff?---[ \t]*\r?\n(?P<body>.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_TOML = re.compile(r"\A\ufeff?\+\+\+[ \t]*\r?\n(?P<body>.*?)\r?\n\+\+\+[ \t]*(?:\r?\n|\Z)", re.S)
#: Longest front matter read (a page's metadata is a few hundred bytes; more is not front matter).
MAX_CHARS = 20_000

TITLE_KEYS = ("title", "headline")
DATE_KEYS = ("date", "published", "published_time", "published_at", "pubdate", "datepublished", "publishdate",
             "created", "modified_time", "updated")
URL_KEYS = ("source_url", "source-url", "canonical_url", "canonical", "url", "permalink", "link")
AUTHOR_KEYS = ("author", "authors", "byline")
LANG_KEYS = ("lang", "language", "locale")
PLACE_KEYS = ("location", "place", "dateline")
SOURCE_KEYS = ("publisher", "source", "organisation", "organization")


#: Keys a block of "Key: value" lines may hold to be metadata (MultiMarkdown's, Pelican's), beside a title.
_HEADER_KEYS = frozenset((*TITLE_KEYS, *DATE_KEYS, *URL_KEYS, *AUTHOR_KEYS, *LANG_KEYS, *PLACE_KEYS, *SOURCE_KEYS,
                          "slug", "tags", "category", "categories", "summary", "subtitle", "description", "status",
                          "modified", "keywords", "source_url", "id"))
_HEADER_LINE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z _-]{0,24}):[ \t]+(?P<value>\S.*?)[ \t]*$")


def _header_key(line: str) -> str | None:
    """The key of a "Key: value" line, as `_HEADER_KEYS` holds them; None for any other line."""
    m = _HEADER_LINE.match(line)
    return m.group("key").strip().lower().replace(" ", "_") if m else None


def _metadata_lines(text: str) -> tuple[dict[str, Any], str]:
    """MultiMarkdown's (and Pelican's) metadata: a first block of "Key: value" lines with a title among
    them, every key one a page's metadata uses ("Title: …", "Date: …", "Author: …"), over a blank line."""
    stripped = text.lstrip("\ufeff")
    # The first line is read before the blank line is looked for: most texts open with no "Key: value"
    # line, and a search for two line breaks went through all of a text without them.
    first = stripped.find("\n")
    if first < 0 or _header_key(stripped[:first].replace("\r", "")) not in _HEADER_KEYS:
        return {}, text
    # The blank line found, not split at: a split copied the whole text below it.
    cut = stripped.find("\n\n")
    if cut < 0 or cut > MAX_CHARS or cut == first:  # no block, or one line
        return {}, text
    lines = stripped[:cut].replace("\r", "").split("\n")
    fields: dict[str, Any] = {}
    for line in lines:
        key = _header_key(line)
        if key not in _HEADER_KEYS:
            return {}, text
        fields[key] = _HEADER_LINE.match(line).group("value")  # type: ignore[union-attr]
    if not any(k in fields for k in TITLE_KEYS):
        return {}, text
    return fields, stripped[cut + 2:]


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """(fields, the text below) when ``text`` opens with front matter; ({}, text) otherwise, and when the
    block does not parse as a mapping (a Markdown rule, ``---``, may open a page too). Front matter is YAML
    (``---``), TOML (``+++``) or a block of "Key: value" lines with a title (`_metadata_lines`)."""
    if not text.startswith(("---", "+++", "\ufeff---", "\ufeff+++")):
        if not (text[:1].isalpha() or text[:1] == "\ufeff"):
            return {}, text
        # "\r" looked for first: one character is found far faster than two.
        return _metadata_lines(text.replace("\r\n", "\n") if "\r" in text else text)
    head = text[: MAX_CHARS + 200]
    m = _YAML.match(head) or _TOML.match(head)
    if not m:
        return {}, text
    body = m.group("body")
    try:
        if m.re is _YAML:
            data = yaml.safe_load(body)
        else:
            data = tomllib.loads(body)
    except Exception:  # noqa: BLE001 - a block that is not YAML or TOML is text after all
        return {}, text
    if not isinstance(data, dict) or not data:
        return {}, text
    return {str(k).lower(): v for k, v in data.items()}, text[m.end():]


def _first(fields: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = fields.get(key)
        if value not in (None, "", [], {}):
            return value
    return None


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        return normalize_space(value) or None
    if isinstance(value, list):
        parts = [t for t in (_text(v) for v in value) if t]
        return ", ".join(parts) if parts else None
    if isinstance(value, dict):
        return _text(value.get("name") or value.get("title"))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    return parse_date(text) if text else None


def front_title(fields: dict[str, Any]) -> str | None:
    return _text(_first(fields, TITLE_KEYS)) if fields else None


def apply_front_matter(draft: Draft, fields: dict[str, Any]) -> None:
    """Fill ``draft`` from front matter ``fields``; what they give replaces what the text suggested."""
    if not fields:
        return
    title = _text(_first(fields, TITLE_KEYS))
    if title:
        draft.title = title
    for key in DATE_KEYS:
        date = _date(fields.get(key))
        if date:
            draft.date = date
            break
    url = _text(_first(fields, URL_KEYS))
    if url and url.startswith(("http://", "https://")):
        draft.url = url
    author = _text(_first(fields, AUTHOR_KEYS))
    if author and not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)+", author):
        draft.author = author  # a slug ("new-zealand-national-party") names the feed, not a person
    lang = _text(_first(fields, LANG_KEYS))
    if lang:
        draft.language = lang.replace("_", "-").split("-")[0].lower()
    place = _text(_first(fields, PLACE_KEYS))
    if place:
        draft.location = place
    source = _text(_first(fields, SOURCE_KEYS))
    if source:
        draft.source = source
