"""JSON from content APIs: one object, a list of objects, or JSON Lines, one release per object.

Field names differ between APIs; the usual ones are tried in order (``title``/``headline``,
``date``/``published``/``first_published_at``, ``url``/``link``/``base_path``, ``body``/``content``/
``text``/``details.body``). A body in HTML goes through the HTML block reader, plain text through the
text reader.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

from searchidx.errors import LoadError
from searchidx.load.cleaning import normalize_space
from searchidx.load.dates import parse_date
from searchidx.load.draft import Draft
from searchidx.load.formats.html import blocks_from_fragment
from searchidx.load.formats.text import parse_text, strip_inline_html

TITLE_KEYS = ("title", "headline", "name", "subject", "heading")
DATE_KEYS = ("date", "datePublished", "published", "published_at", "publishedAt", "publishDate", "publish_date",
             "publicationDate", "publication_date", "releaseDate", "release_date", "displayDate", "pubDate",
             "first_published_at", "public_updated_at", "created", "created_at", "createdAt", "updated_at", "updatedAt")
URL_KEYS = ("url", "link", "canonical_url", "web_url", "href", "base_path")
BODY_KEYS = ("body", "body_html", "content", "html", "text", "articleBody", "body_text", "details.body",
             "fields.body", "description", "summary")
LANG_KEYS = ("language", "lang", "locale", "inLanguage")
AUTHOR_KEYS = ("author", "byline", "creator")
SOURCE_KEYS = ("publisher", "source", "site_name", "provider")
_HTML_TAG = re.compile(r"<(?:p|div|br|h[1-6]|ul|ol|li|span|a|strong|em|table|blockquote)\b", re.I)
#: Most items read from one JSON Lines file or array (each is a release; more is not a release file).
MAX_ITEMS = 100_000


def read_items(text: str, path: str) -> list[dict[str, Any]]:
    """The JSON objects in ``text``: one object, an array of objects, or JSON Lines."""
    try:
        data = json.loads(text)
    except RecursionError:
        raise LoadError(path, "JSON nested too deeply") from None
    except ValueError as whole_error:
        items = []
        for n, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                items.append(json.loads(line))
            except (ValueError, RecursionError):
                raise LoadError(path, f"broken JSON ({whole_error.args[0] if whole_error.args else 'invalid'}; "
                                      f"line {n} is not JSON either)") from None
        data = items
    if isinstance(data, dict):
        # {"results": [...]} wrappers from APIs.
        for key in ("items", "results", "releases", "articles", "data"):
            if isinstance(data.get(key), list) and data[key] and not _field(data, BODY_KEYS):
                data = data[key]
                break
    items = data if isinstance(data, list) else [data]
    items = [i for i in items if isinstance(i, dict)]
    if not items:
        raise LoadError(path, "JSON without an object holding a release")
    return items[:MAX_ITEMS]


def _field(item: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value: Any = item
        for part in key.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if value not in (None, "", [], {}):
            return value
    return None


#: Objects a record keeps its own metadata in; an author's, a publisher's or an image's object is not one.
CONTAINER_KEYS = ("page", "meta", "metadata", "attributes", "fields", "data", "post", "article", "document",
                  "item", "entry", "record", "properties")


def _field_below(item: dict[str, Any], keys: tuple[str, ...], depth: int = 2) -> Any:
    """A field of the objects the record keeps its metadata in, nearest first: a page API puts the title and
    date in a ``page`` or ``meta`` object beside the content ({"content": …, "page": {"title": …, "date":
    …}}). ``name`` is no title down there (an author's or a publisher's)."""
    keys = tuple(k for k in keys if k != "name")
    level = [item]
    for _ in range(depth):
        level = [obj[k] for obj in level for k in CONTAINER_KEYS if isinstance(obj.get(k), dict)]
        for obj in level:
            value = _field(obj, keys)
            if value is not None and not isinstance(value, (dict, list)):
                return value
        if not level:
            break
    return None


def _as_text(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        # "rendered": WordPress's REST API ({"title": {"rendered": "…"}}).
        return _as_text(value.get("name") or value.get("html") or value.get("text") or value.get("value")
                        or value.get("rendered"))
    if isinstance(value, list):
        parts = [t for t in (_as_text(v) for v in value) if t]
        return ", ".join(parts) if parts else None
    if isinstance(value, (int, float)):
        return str(value)
    return None


#: Shortest string taken for the body when no known key holds one (a title or a summary is shorter).
MIN_BODY_CHARS = 150
#: Shortest string of a list of content blocks taken for text.
MIN_BLOCK_CHARS = 30
_DATE_KEY = re.compile(r"date|time|published|issued|created", re.I)
_SKIP_KEY = re.compile(r"url|link|href|slug|key|id$|uuid|hash|path|image|src|icon|css|style|class|type", re.I)


def _strings(value: Any, key: str = "", depth: int = 0):
    """(key, string) pairs of a JSON value, in document order; ids, addresses and styling left out."""
    if depth > 20:
        return
    if isinstance(value, str):
        if not (key and _SKIP_KEY.search(key)):
            yield key, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v, str(k), depth + 1)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v, key, depth + 1)


def _other_body(item: dict[str, Any]) -> str:
    """The body of a record of another shape: its longest string when that is long enough to be one
    ("decision_details"), else the text of its content blocks (a CMS's list of blocks) in order."""
    pairs = [(k, v) for k, v in _strings(item) if k.lower() not in TITLE_KEYS and not _DATE_KEY.search(k)]
    if not pairs:
        return ""
    longest = max(pairs, key=lambda kv: len(kv[1]))[1]
    if len(longest) >= MIN_BODY_CHARS and len(longest) >= 0.5 * sum(len(v) for _, v in pairs):
        return longest
    parts = [v.strip() for _, v in pairs if len(v.strip()) >= MIN_BLOCK_CHARS]
    text = "\n\n".join(parts)
    return text if len(text) >= MIN_BODY_CHARS else ""


def _other_date(item: dict[str, Any]) -> Any:
    """A date under a key that names one ("date_str", "releaseDate", "issued_on")."""
    for key, value in item.items():
        if isinstance(value, str) and _DATE_KEY.search(str(key)) and len(value) <= 60:
            date = parse_date(value)
            if date:
                return date
    return None


def parse_item(item: dict[str, Any], path: str, release_id: str) -> Draft:
    while len(item) == 1 and isinstance(next(iter(item.values())), dict):
        item = next(iter(item.values()))  # {"page": {…}}: the record is one level down
    body = _as_text(_field(item, BODY_KEYS)) or _other_body(item)
    if _HTML_TAG.search(body):
        draft = Draft(path=path, id=release_id, format="json", paragraphs_whole=True)
        draft.blocks = blocks_from_fragment(body, path)
    else:
        draft = parse_text(body, path, release_id)
        draft.format = "json"
    raw_title = _field(item, TITLE_KEYS) or _field_below(item, TITLE_KEYS)
    title = _as_text(raw_title)
    if title and isinstance(raw_title, dict) and ("rendered" in raw_title or "html" in raw_title):
        # A CMS's rendered title is HTML: its entities and tags ("Council&#8217;s <em>new</em> plan") are
        # markup. A plain title is text, whatever characters it holds.
        title = strip_inline_html(html.unescape(title))
    draft.title = normalize_space(title) if title else None
    if draft.title is None and not draft.blocks:
        raise LoadError(path, "JSON object with neither a title nor a body")
    date = _as_text(_field(item, DATE_KEYS) or _field_below(item, DATE_KEYS))
    draft.date = (parse_date(date) if date else None) or _other_date(item)
    url = _as_text(_field(item, URL_KEYS)) or _as_text(_field(item, ("source_url", "sourceUrl", "permalink")))
    if url and url.startswith("/") and "base_path" in item and "content_id" in item:
        url = "https://www.gov.uk" + url  # GOV.UK's content API gives the path only
    draft.url = url
    lang = _as_text(_field(item, LANG_KEYS))
    draft.language = lang.replace("_", "-").split("-")[0].lower() if lang else None
    draft.author = _as_text(_field(item, AUTHOR_KEYS))
    draft.source = _as_text(_field(item, SOURCE_KEYS))
    return draft
