"""The web application of `searchidx serve`: server-rendered pages and a read-only JSON API over one index.

Every page works without JavaScript (a GET form and links; the URL holds the whole search); the small
script in static/ only submits filters as they change. Release text reaches the page through Jinja's
autoescaping and nothing else; links to a release's own URL are made only for http(s) addresses.
"""

from __future__ import annotations

import html
import math
import os
import re
import threading
from collections import OrderedDict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field, fields
from importlib import resources
from typing import Any
from urllib.parse import quote, urlencode

import anyio.to_thread
from jinja2 import Environment, PackageLoader
from markupsafe import Markup
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from searchidx.budget import QUERY_SECONDS
from searchidx.errors import QueryError, SearchidxError
from searchidx.index.core import Index
from searchidx.search.speaker import speaker_profile

#: Sent with every response. No inline script or style anywhere: the page's own files only.
SECURITY_HEADERS = {
    "content-security-policy": ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}

FACETS = ("speaker", "source", "year", "location")
FACET_TITLES = {"speaker": "Speaker", "source": "Publisher", "year": "Year", "location": "Place"}
PAGE_SIZE = 10
MAX_LIMIT = 100
SPEAKER_PAGE_SIZE = 50
#: Speakers per answer of /api/speakers, by default and at most.
SPEAKERS_LIMIT = 100
MAX_SPEAKERS_LIMIT = 1000
#: Threads answering requests at once.
THREADS = 8
_WORD = re.compile(r"[^\W_]+")
_MONTH = re.compile(r"\d{4}-\d{2}")


@dataclass
class SearchForm:
    """A search as the URL holds it (``/?q=…&speaker=…``); the API takes the same names."""

    q: str = ""
    speaker: str = ""
    source: str = ""
    since: str = ""
    until: str = ""
    #: Words of a place name (a place facet's value): only releases datelined there.
    place: str = ""
    #: Only paragraphs with a speaker's words in quotation marks.
    quotes: bool = False
    #: The query's words only inside those quotation marks (with a speaker: what they said about it).
    in_quotes: bool = False
    sort: str = "score"
    page: int = 1
    #: Errors in the parameters themselves (not in the query), shown as a query error is.
    problems: list[str] = field(default_factory=list)

    @classmethod
    def from_params(cls, params: Any) -> SearchForm:
        form = cls(**{name: (params.get(name) or "").strip() for name in ("q", "speaker", "source", "since",
                                                                           "until", "place")})
        form.quotes = _flag(params.get("quotes") or params.get("quotes_only"))
        form.in_quotes = _flag(params.get("in_quotes"))
        form.sort = params.get("sort") or "score"
        if form.sort not in ("score", "date"):
            form.problems.append(f"unknown sort {form.sort!r} (use score or date)")
            form.sort = "score"
        form.page = _int(params.get("page"), 1, "page", form.problems, minimum=1)
        return form

    def params(self, **changes: Any) -> dict[str, str]:
        """The URL parameters of this search with ``changes``, defaults left out; any change but the
        page's goes back to page 1."""
        if "page" not in changes:
            changes["page"] = 1
        # A page makes a link per facet value: no dataclass copy per link.
        out: dict[str, str] = {}
        for name, default in _URL_FIELDS:
            value = changes[name] if name in changes else getattr(self, name)
            if value in ("", False, None) or value == default:
                continue
            out[name] = "1" if value is True else str(value)
        return out

    def url(self, **changes: Any) -> str:
        params = self.params(**changes)
        return "/?" + urlencode(params) if params else "/"

    def query(self) -> str:
        """The query text searched: the box's, narrowed to the place when one is chosen."""
        if not self.place:
            return self.q
        words = " ".join(w.lower() for w in _WORD.findall(self.place))
        place = f"location:({words})" if words else ""
        return f"({self.q}) {place}" if self.q.strip() else place

    def options(self) -> dict[str, Any]:
        return {"speaker": self.speaker or None, "source": self.source or None, "since": self.since or None,
                "until": self.until or None, "quotes_only": self.quotes, "in_quotes": self.in_quotes, "sort": self.sort,
                "page": self.page}

    @property
    def filtered(self) -> bool:
        return any((self.speaker, self.source, self.since, self.until, self.place, self.quotes, self.in_quotes))


#: The fields a search's URL holds, in order, with their defaults.
_URL_FIELDS = tuple((f.name, f.default) for f in fields(SearchForm) if f.name != "problems")


def _flag(value: str | None) -> bool:
    return (value or "").lower() in ("1", "true", "yes", "on")


def _int(value: str | None, default: int, name: str, problems: list[str], *, minimum: int = 0,
         maximum: int | None = None) -> int:
    if value in (None, ""):
        return default
    try:
        n = int(value)
    except ValueError:
        problems.append(f"{name} must be a whole number, not {value!r}")
        return default
    if n < minimum or (maximum is not None and n > maximum):
        problems.append(f"{name} must be {minimum} or more" + (f" and {maximum} at most" if maximum else ""))
        return default
    return n


def highlight_segments(text: str, spans: list[tuple[int, int]] | list[list[int]]) -> list[tuple[str, bool]]:
    """``text`` cut into (piece, matched) runs; the template escapes each piece."""
    out, last = [], 0
    for start, end in sorted((int(a), int(b)) for a, b in spans):
        if start < last:
            continue
        if start > last:
            out.append((text[last:start], False))
        out.append((text[start:end], True))
        last = end
    if last < len(text):
        out.append((text[last:], False))
    return out


def safe_url(url: str | None) -> str | None:
    """A release's own address when it is a web address; anything else (``javascript:``, ``data:``) is
    shown as text, never made a link."""
    if url and re.match(r"(?i)https?://[^\s]+$", url.strip()):
        return url.strip()
    return None


def path_part(value: str) -> str:
    return quote(value, safe="")


def timeline_svg(timeline: list[tuple[str, int]], link: Any = None, width: int = 300, height: int = 60) -> Markup:
    """The timeline as a small inline SVG bar chart, one bar a month (a link when ``link`` makes one).
    Months are checked to read YYYY-MM, so they go in as they are; links are escaped."""
    timeline = [(m, int(c)) for m, c in timeline if _MONTH.fullmatch(m)]
    if not timeline:
        return Markup("")
    top = max(c for _, c in timeline) or 1
    step = width / len(timeline)
    bar_width = f"{max(step * 0.8, 0.5):.1f}"
    # A month is YYYY-MM (checked above): its link needs escaping in the prefix only, done once.
    href = link.escaped if isinstance(link, MonthLink) else (lambda m: html.escape(link(m))) if link else None
    bars = []
    for i, (month, count) in enumerate(timeline):
        if not count:
            continue
        h = max(1.0, (height - 14) * count / top)
        rect = (f'<rect x="{i * step + step * 0.1:.1f}" y="{height - 12 - h:.1f}" width="{bar_width}" '
                f'height="{h:.1f}"><title>{month}: {count}</title></rect>')
        bars.append(f'<a href="{href(month)}">{rect}</a>' if href else rect)
    first, last = timeline[0][0], timeline[-1][0]
    labels = (f'<text x="0" y="{height - 1}" class="axis">{first}</text>'
              + (f'<text x="{width}" y="{height - 1}" class="axis end">{last}</text>' if last != first else ""))
    total = sum(c for _, c in timeline)
    return Markup(f'<svg class="timeline" viewBox="0 0 {width} {height}" role="img" '
                  f'aria-label="paragraphs per month, {first} to {last}: {total}">{"".join(bars)}{labels}</svg>')


class _Cache:
    """Answers that cost a scan of the index (the speaker list, a speaker's page, the counts), kept until
    the index changes; the ``size`` most recent. Concurrent requests for the same answer make it once."""

    def __init__(self, size: int = 256) -> None:
        self._lock = threading.Lock()
        self._data: OrderedDict[Any, tuple[Any, Any]] = OrderedDict()
        self._making: dict[Any, threading.Lock] = {}
        self._size = size

    def get(self, name: Any, version: Any, make: Any) -> Any:
        with self._lock:
            hit = self._data.get(name)
            if hit and hit[0] == version:
                self._data.move_to_end(name)
                return hit[1]
            making = self._making.setdefault(name, threading.Lock())
        with making:
            with self._lock:
                hit = self._data.get(name)
            if hit and hit[0] == version:  # made by the request this one waited for
                return hit[1]
            value = make()
            with self._lock:
                self._data[name] = (version, value)
                self._data.move_to_end(name)
                while len(self._data) > self._size:
                    old, _ = self._data.popitem(last=False)
                    self._making.pop(old, None)
        return value


def _version(index: Index) -> tuple[Any, ...]:
    """Changes whenever the index does: the manifest (a rebuild's switch) and the current generation's
    folder (every commit writes a new table of contents there)."""
    if index.path is None:  # an index on a search cluster: its manifest says when it last changed
        return (index.generation, index.version())
    out: list[Any] = [index.generation]
    for path in (index.path / "searchidx.json", index.path / index.generation):
        try:
            st = os.stat(path)
            out.append((st.st_mtime_ns, st.st_size))
        except OSError:
            out.append(None)
    return tuple(out)


def create_app(index: Index, *, allowed_hosts: list[str] | None = None,
               query_seconds: float | None = QUERY_SECONDS) -> Starlette:
    """The application over ``index``; with ``allowed_hosts``, requests for other host names are refused
    (a page bound to localhost cannot be read through another name pointing there). ``query_seconds``: the
    time budget of each search (the page's and the API's, facets and timeline included)."""
    env = Environment(loader=PackageLoader("searchidx.serve", "templates"), autoescape=True, trim_blocks=True,
                      lstrip_blocks=True)
    env.filters["path"] = path_part
    env.globals.update(highlight=highlight_segments, safe_url=safe_url, timeline_svg=timeline_svg,
                       facet_titles=FACET_TITLES)
    cache = _Cache()

    def speaker_key(name: str | None) -> str | None:
        # Attribution's patterns take a third of a second to load: only a speaker's filter needs them.
        from searchidx.attribution.rules import speaker_key as key

        return key(name) if name else None

    env.globals["speaker_key"] = speaker_key

    def page(name: str, code: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(**context), status_code=code)

    # -- pages ----------------------------------------------------------------------------------
    def search_page(request: Request) -> Response:
        form = SearchForm.from_params(request.query_params)
        results, error, hint, stats = None, None, None, None
        if form.problems:
            error = "; ".join(form.problems)
        elif not form.q.strip() and not form.filtered:
            # Nothing asked yet: what the index holds, not every paragraph of it.
            stats = cache.get("stats", _version(index), index.stats)
        else:
            try:
                results = index.search(form.query(), **form.options(), limit=PAGE_SIZE, facets=FACETS,
                                       timeline=True, max_seconds=query_seconds)
            except QueryError as exc:
                error, hint = str(exc), exc.hint
        status = 400 if error else 200
        return page("search.html", status, form=form, results=results, error=error, hint=hint, stats=stats,
                    month_link=_month_link(form), facet_link=_facet_link(form))

    def release_page(request: Request) -> Response:
        rid = request.path_params["id"]
        release = _release(index, rid)
        hit = _int(request.query_params.get("p"), 0, "p", [])
        return page("release.html", release=release, hit=hit)

    def speaker_page(request: Request) -> Response:
        key = request.path_params["key"]
        profile = cache.get(("speaker", key), _version(index), lambda: speaker_profile(index, key))
        if profile is None:
            raise HTTPException(404, f"no speaker {key!r} in the index")
        problems: list[str] = []
        n = _int(request.query_params.get("page"), 1, "page", problems, minimum=1)
        pages = max(1, math.ceil(len(profile.paragraphs) / SPEAKER_PAGE_SIZE))
        shown = profile.paragraphs[(n - 1) * SPEAKER_PAGE_SIZE: n * SPEAKER_PAGE_SIZE]
        return page("speaker.html", profile=profile, paragraphs=shown, page_n=n, pages=pages,
                    search_url=SearchForm(speaker=profile.name).url(),
                    month_link=_month_link(SearchForm(speaker=profile.name)))

    # -- API ------------------------------------------------------------------------------------
    def api_search(request: Request) -> Response:
        params = request.query_params
        form = SearchForm.from_params(params)
        problems = form.problems
        limit = _int(params.get("limit"), PAGE_SIZE, "limit", problems, maximum=MAX_LIMIT)
        context = _int(params.get("context"), 0, "context", problems, maximum=10)
        top = _int(params.get("top"), 10, "top", problems, minimum=1)
        facets = params.getlist("facet")
        for name in facets:
            if name not in FACETS:
                problems.append(f"unknown facet {name!r} (facets are {', '.join(FACETS)})")
        if problems:
            return _error(400, "; ".join(problems))
        try:
            results = index.search(form.query(), **form.options(), limit=limit, facets=facets, facet_limit=top,
                                   timeline=_flag(params.get("timeline")), context=context,
                                   kinds=None if _flag(params.get("all_kinds")) else ("body",),
                                   collapse=not _flag(params.get("no_collapse")), max_seconds=query_seconds)
        except QueryError as exc:
            return _error(400, str(exc), exc.hint)
        body = results.to_dict()
        body["query"] = form.q
        return JSONResponse(body)

    def api_release(request: Request) -> Response:
        return JSONResponse(_release(index, request.path_params["id"]).to_dict())

    def api_speakers(request: Request) -> Response:
        problems: list[str] = []
        limit = _int(request.query_params.get("limit"), SPEAKERS_LIMIT, "limit", problems,
                     maximum=MAX_SPEAKERS_LIMIT)
        offset = _int(request.query_params.get("offset"), 0, "offset", problems)
        if problems:
            return _error(400, "; ".join(problems))
        table = cache.get("speakers", _version(index), index.speakers)
        end = offset + limit
        following = f"/api/speakers?{urlencode({'limit': limit, 'offset': end})}" if end < len(table) else None
        return JSONResponse({"total": len(table), "limit": limit, "offset": offset, "next": following,
                             "speakers": [sp.to_dict() for sp in table[offset:end]]})

    def api_speaker(request: Request) -> Response:
        key = request.path_params["key"]
        profile = cache.get(("speaker", key), _version(index), lambda: speaker_profile(index, key))
        if profile is None:
            raise HTTPException(404, f"no speaker {key!r} in the index")
        return JSONResponse(profile.to_dict())

    def api_stats(request: Request) -> Response:
        return JSONResponse(cache.get("stats", _version(index), index.stats).to_dict())

    def openapi(request: Request) -> Response:
        return Response(resources.files("searchidx.serve").joinpath("openapi.json").read_bytes(),
                        media_type="application/json")

    # -- errors ---------------------------------------------------------------------------------
    def http_error(request: Request, exc: Exception) -> Response:
        status = getattr(exc, "status_code", 500)
        detail = getattr(exc, "detail", None) or "error"
        if status == 405:
            detail = "this server is read-only: only GET is allowed"
        if request.url.path.startswith("/api/"):
            return _error(status, detail)
        return page("error.html", status, status=status, message=detail)

    def index_error(request: Request, exc: Exception) -> Response:
        # The index vanished or cannot be read: say so, as the CLI does.
        return _failure(request, 500, str(exc))

    def server_error(request: Request, exc: Exception) -> Response:
        return _failure(request, 500, "internal error (see the server's log)")

    def _failure(request: Request, status: int, message: str) -> Response:
        if request.url.path.startswith("/api/"):
            return _error(status, message)
        return page("error.html", status, status=status, message=message)

    static = StaticFiles(packages=[("searchidx.serve", "static")])
    routes = [
        Route("/", search_page),
        Route("/release/{id}", release_page),
        Route("/speaker/{key:path}", speaker_page),
        Route("/api/search", api_search),
        Route("/api/releases/{id}", api_release),
        Route("/api/speakers", api_speakers),
        Route("/api/speakers/{key:path}", api_speaker),
        Route("/api/stats", api_stats),
        Route("/api/openapi.json", openapi),
        Mount("/static", app=static, name="static"),
    ]
    middleware = [Middleware(_SecurityHeaders)]
    if allowed_hosts:
        middleware.insert(0, Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts))
    return Starlette(routes=routes, middleware=middleware, lifespan=_lifespan,
                     exception_handlers={HTTPException: http_error, SearchidxError: index_error,
                                         Exception: server_error})


@asynccontextmanager
async def _lifespan(app: Any) -> AsyncIterator[None]:
    # Requests run in worker threads, and each thread keeps a searcher of its own (opening one reads the
    # index's headers): a few threads kept busy serve two CPUs better than anyio's default forty.
    anyio.to_thread.current_default_thread_limiter().total_tokens = THREADS
    yield


class MonthLink:
    """The search narrowed to one month; the rest of the URL made once (a timeline has hundreds)."""

    def __init__(self, form: SearchForm) -> None:
        rest = urlencode(form.params(since="", until=""))
        self.prefix = f"/?{rest}&" if rest else "/?"
        self._escaped = html.escape(self.prefix)

    def __call__(self, month: str) -> str:
        return f"{self.prefix}since={quote(month)}&until={quote(month)}"

    def escaped(self, month: str) -> str:
        """The link, escaped for an attribute, of a month known to read YYYY-MM (nothing to quote)."""
        return f"{self._escaped}since={month}&amp;until={month}"


def _month_link(form: SearchForm) -> MonthLink:
    return MonthLink(form)


def _facet_link(form: SearchForm) -> Any:
    def link(name: str, value: Any, label: str) -> str:
        if name == "speaker":
            return form.url(speaker=label)
        if name == "source":
            return form.url(source=label)
        if name == "year":
            return form.url(since=str(value), until=str(value))
        return form.url(place=str(value))

    return link


def _release(index: Index, rid: str) -> Any:
    try:
        return index.release(rid)
    except SearchidxError as exc:
        if "no release" in str(exc):
            raise HTTPException(404, str(exc)) from None
        raise


def _error(status: int, message: str, hint: str | None = None) -> JSONResponse:
    return JSONResponse({"error": message, "hint": hint}, status_code=status)


class _SecurityHeaders:
    """Adds `SECURITY_HEADERS` to every response, errors and static files included."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
                message = dict(message, headers=headers)
            await send(message)

        await self.app(scope, receive, with_headers)
