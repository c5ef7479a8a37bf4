"""`searchidx serve` as a subprocess: the JSON API against its OpenAPI description and the CLI's --json,
escaping of hostile release text, headers, refusals (writes, files outside the package, other hosts), and
how the server starts and stops."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import pytest

pytest.importorskip("starlette", reason="the serve extra is not installed (pip install '.[serve]')")

from tests.conftest import ROOT  # noqa: E402
from tests.releases import release_text, word  # noqa: E402
from tests.serve_helpers import RELEASES, XSS_RELEASE, build_index, start_server, write_releases  # noqa: E402

OPENAPI = json.loads(resources.files("searchidx.serve").joinpath("openapi.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("serve")
    write_releases(root / "releases")
    build_index(root / "releases", root / "index")
    return root / "index"


@pytest.fixture(scope="module")
def server(index_dir: Path):
    srv = start_server(index_dir)
    yield srv
    code, err = srv.stop()
    assert code == 0, err
    assert "Traceback" not in err, err


# -- a small JSON Schema check (the subset openapi.json uses) -------------------------------------

_TYPES = {"string": str, "integer": int, "number": (int, float), "boolean": bool, "array": list, "object": dict,
          "null": type(None)}


def check(value: Any, schema: dict[str, Any], where: str = "$") -> None:
    """Raise AssertionError where ``value`` does not follow ``schema`` ($ref, type, enum, properties,
    required, additionalProperties, items, prefixItems, minItems, maxItems)."""
    if "$ref" in schema:
        schema = OPENAPI["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    types = schema.get("type")
    if types:
        names = types if isinstance(types, list) else [types]
        ok = any(isinstance(value, _TYPES[t]) and not (t in ("integer", "number") and isinstance(value, bool))
                 for t in names)
        assert ok, f"{where}: {value!r} is not {names}"
    if "enum" in schema:
        assert value in schema["enum"], f"{where}: {value!r} not in {schema['enum']}"
    if isinstance(value, dict):
        props = schema.get("properties", {})
        for name in schema.get("required", []):
            assert name in value, f"{where}: {name} missing"
        extra = schema.get("additionalProperties", True)
        for name, item in value.items():
            if name in props:
                check(item, props[name], f"{where}.{name}")
            elif extra is False:
                raise AssertionError(f"{where}: {name} is not in the schema")
            elif isinstance(extra, dict):
                check(item, extra, f"{where}.{name}")
    if isinstance(value, list):
        assert len(value) >= schema.get("minItems", 0), where
        assert len(value) <= schema.get("maxItems", len(value)), where
        prefix = schema.get("prefixItems", [])
        for i, item in enumerate(value):
            if i < len(prefix):
                check(item, prefix[i], f"{where}[{i}]")
            elif "items" in schema:
                check(item, schema["items"], f"{where}[{i}]")


def response_schema(path: str, status: int) -> dict[str, Any]:
    return OPENAPI["paths"][path]["get"]["responses"][str(status)]["content"]["application/json"]["schema"]


def test_schema_check_fails_on_wrong_data():
    """The checker the API tests rely on does catch what it should."""
    hit = {"id": "a#1"}
    with pytest.raises(AssertionError, match="missing"):
        check(hit, {"$ref": "#/components/schemas/Hit"})
    with pytest.raises(AssertionError, match="not in the schema"):
        check({"error": "x", "hint": None, "extra": 1}, {"$ref": "#/components/schemas/Error"})
    with pytest.raises(AssertionError, match="is not"):
        check({"error": 3, "hint": None}, {"$ref": "#/components/schemas/Error"})


# -- the API ------------------------------------------------------------------------------------

def test_search_api_follows_the_schema_and_gives_the_cli_json_hits(server, index_dir):
    status, body = server.json("/api/search?" + urlencode({"q": "harbour", "limit": 5, "facet": ["speaker", "location"],
                                                          "timeline": 1, "context": 1}, doseq=True))
    assert status == 200
    check(body, response_schema("/api/search", 200))
    assert body["query"] == "harbour" and body["total"] == 2 * RELEASES
    assert len(body["hits"]) == 5
    assert {v["label"] for v in body["facets"]["location"]} == {"BRUSSELS", "LISBON", "VIENNA"}
    assert [m for m, _ in body["timeline"]] == ["2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06"]
    # The quote every harbour release repeats is one hit with the other copies folded into it.
    assert max(len(h["duplicates"]) for h in body["hits"]) == RELEASES - 1
    cli = subprocess.run([sys.executable, "-m", "searchidx", "search", "harbour", "--index", str(index_dir), "--json",
                          "--limit", "5", "-C", "1", "--facet", "speaker", "--facet", "location", "--timeline"],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert cli.returncode == 0, cli.stderr
    lines = [json.loads(line) for line in cli.stdout.splitlines()]
    cli_hits = [{k: v for k, v in d.items() if k != "type"} for d in lines if d["type"] == "hit"]
    assert cli_hits == body["hits"]  # same fields, same values: one schema for both
    for hit in cli_hits:
        check(hit, {"$ref": "#/components/schemas/Hit"})
    cli_facets = [(d["facet"], d["value"], d["label"], d["count"]) for d in lines if d["type"] == "facet"]
    assert cli_facets == [(name, v["value"], v["label"], v["count"]) for name, vs in body["facets"].items() for v in vs]
    assert [[d["month"], d["count"]] for d in lines if d["type"] == "timeline"] == body["timeline"]


def test_search_api_filters_and_pages(server):
    _, everything = server.json("/api/search?q=harbour&limit=100")
    _, lisbon = server.json("/api/search?q=harbour&place=lisbon&limit=100")
    assert lisbon["total"] == everything["total"] // 3
    assert {h["location"] for h in lisbon["hits"]} == {"LISBON"}
    _, march = server.json("/api/search?q=harbour&since=2024-03&until=2024-03&no_collapse=1&limit=100")
    assert march["total"] == len(march["hits"]) == 8 and {h["date"][:7] for h in march["hits"]} == {"2024-03"}
    _, quotes = server.json("/api/search?q=harbour&quotes=1&no_collapse=1&limit=100")
    assert quotes["total"] == RELEASES and {h["speaker"] for h in quotes["hits"]} == {"Ana Costa"}
    _, newest = server.json("/api/search?q=harbour&sort=date&no_collapse=1&limit=100")
    dates = [h["date"] for h in newest["hits"]]
    assert dates == sorted(dates, reverse=True)
    pages = [server.json(f"/api/search?q=harbour&limit=10&page={n}")[1]["hits"] for n in (1, 2, 3)]
    ids = [h["id"] for page in pages for h in page]
    assert len(ids) == len(set(ids)) == RELEASES + 1  # every paragraph once; the copies as one hit


def test_search_in_quotes_in_the_api_and_the_page(server):
    # "harbour" stands in narration and inside Ana Costa's quote; "pier" only in narration.
    _, inside = server.json("/api/search?q=harbour&in_quotes=1&no_collapse=1&limit=100")
    assert inside["total"] == RELEASES and {h["speaker"] for h in inside["hits"]} == {"Ana Costa"}
    for hit in inside["hits"]:
        quote_end = hit["text"].index(",\"")
        assert hit["highlights"] and all(b <= quote_end for a, b in hit["highlights"])  # on the quote only
    _, pier = server.json("/api/search?q=pier&in_quotes=1")
    assert pier["total"] == 0
    _, said = server.json("/api/search?q=season&speaker=costa&in_quotes=1&no_collapse=1&limit=100")
    assert said["total"] == RELEASES
    status, _, body = server.get("/?q=season&in_quotes=1")
    page = body.decode("utf-8")
    assert status == 200 and 'name="in_quotes" value="1" checked' in page and "words in quotes ×" in page


@pytest.mark.parametrize("query, fragment", [
    ("/api/search?q=%22unclosed", "unbalanced quote"),
    ("/api/search?q=foo:bar", "unknown field"),
    ("/api/search?q=harbour&facet=colour", "unknown facet"),
    ("/api/search?q=harbour&limit=many", "limit must be a whole number"),
    ("/api/search?q=harbour&limit=1000", "limit must be"),
    ("/api/search?q=harbour&since=2024-02-30", "2024-02-30"),
    ("/api/search?q=harbour&sort=size", "unknown sort"),
])
def test_search_api_errors_are_json_with_the_hint(server, query, fragment):
    status, body = server.json(query)
    assert status == 400
    check(body, response_schema("/api/search", 400))
    assert fragment in body["error"], body
    if "unbalanced" in fragment:
        assert body["hint"] and '"' in body["hint"]


def test_release_speaker_and_stats_api(server, index_dir):
    _, found = server.json("/api/search?q=alert&limit=1")
    rid = found["hits"][0]["id"].split("#")[0]
    status, release = server.json(f"/api/releases/{rid}")
    assert status == 200
    check(release, response_schema("/api/releases/{id}", 200))
    assert release["title"] == XSS_RELEASE["title"] and release["url"] == XSS_RELEASE["url"]
    shown = subprocess.run([sys.executable, "-m", "searchidx", "show", rid, "--json", "--index", str(index_dir)],
                           capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert json.loads(shown.stdout) == release
    status, missing = server.json("/api/releases/0000000000000000")
    assert status == 404 and "no release" in missing["error"]
    check(missing, response_schema("/api/releases/{id}", 404))

    status, table = server.json("/api/speakers")
    assert status == 200
    check(table, response_schema("/api/speakers", 200))
    cli = subprocess.run([sys.executable, "-m", "searchidx", "speakers", "--json", "--index", str(index_dir)],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert [json.loads(line) for line in cli.stdout.splitlines()] == table["speakers"]
    ana = next(sp for sp in table["speakers"] if sp["name"] == "Ana Costa")

    status, profile = server.json("/api/speakers/" + quote(ana["key"], safe=""))
    assert status == 200
    check(profile, response_schema("/api/speakers/{key}", 200))
    assert profile["name"] == "Ana Costa" and profile["roles"] == ["director of the harbour board"]
    assert len(profile["paragraphs"]) == ana["paragraphs"] and len(profile["releases"]) == ana["releases"]
    dates = [p["date"] for p in profile["paragraphs"]]
    assert dates == sorted(dates)
    assert sum(c for _, c in profile["timeline"]) == ana["paragraphs"]
    # The speaker's own words, in quotation marks, are marked on the page as in the API.
    quoted = [(p["text"], p["quotes"]) for p in profile["paragraphs"] if p["quotes"]]
    assert quoted, profile["paragraphs"]
    text, spans = quoted[0]
    assert all(text[s - 1] in "\"“'‘" and text[e] in "\"”'’,." for s, e in spans), (text, spans)
    status, _, body = server.get("/speaker/" + quote(ana["key"], safe=""))
    said = re.findall(r'<q class="said">(.*?)</q>', body.decode())
    assert status == 200 and len(said) == sum(len(s) for _, s in quoted)
    status, nobody = server.json("/api/speakers/nobody%20at%20all")
    assert status == 404 and "no speaker" in nobody["error"]

    status, stats = server.json("/api/stats")
    check(stats, response_schema("/api/stats", 200))
    cli = subprocess.run([sys.executable, "-m", "searchidx", "stats", "--json", "--index", str(index_dir)],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    expected = json.loads(cli.stdout)
    assert {k: v for k, v in stats.items() if k != "last_update"} == {k: v for k, v in expected.items() if k != "last_update"}
    assert stats["releases"] == RELEASES + 2


def test_speakers_api_pages(server):
    _, whole = server.json("/api/speakers")
    assert whole["total"] == len(whole["speakers"]) >= 3 and whole["next"] is None
    assert whole["limit"] == 100 and whole["offset"] == 0
    # Two at a time, following "next": the same speakers, in the same order, each once.
    pages, address = [], "/api/speakers?limit=2"
    while address:
        status, body = server.json(address)
        assert status == 200, body
        check(body, response_schema("/api/speakers", 200))
        assert body["total"] == whole["total"] and len(body["speakers"]) <= 2
        pages.append(body)
        address = body["next"]
    assert [sp for page in pages for sp in page["speakers"]] == whole["speakers"]
    assert len(pages) == -(-whole["total"] // 2)
    _, tail = server.json(f"/api/speakers?offset={whole['total'] - 1}")
    assert tail["speakers"] == whole["speakers"][-1:] and tail["next"] is None
    _, counted = server.json("/api/speakers?limit=0")
    assert counted["speakers"] == [] and counted["total"] == whole["total"]
    _, beyond = server.json(f"/api/speakers?offset={whole['total'] + 5}")
    assert beyond["speakers"] == [] and beyond["next"] is None
    for bad, fragment in (("limit=1001", "limit must be"), ("limit=x", "whole number"), ("offset=-1", "offset")):
        status, body = server.json(f"/api/speakers?{bad}")
        assert status == 400 and fragment in body["error"], body
        check(body, response_schema("/api/speakers", 400))


def test_openapi_is_served_and_names_every_api_route(server):
    status, served = server.json("/api/openapi.json")
    assert status == 200 and served == OPENAPI and served["openapi"].startswith("3.")
    from searchidx.serve.app import create_app

    # Routes are made without touching the index (it is read per request).
    routes = {getattr(r, "path", "") for r in create_app(object()).routes}  # type: ignore[arg-type]
    api_routes = {r.replace("{key:path}", "{key}") for r in routes if r.startswith("/api/")}
    assert api_routes == set(OPENAPI["paths"])


# -- safety --------------------------------------------------------------------------------------

def test_release_text_is_escaped_everywhere(server):
    _, found = server.json("/api/search?q=alert&limit=1")
    rid = found["hits"][0]["id"].split("#")[0]
    speaker_key = next(h["speaker_key"] for h in server.json("/api/search?q=alert&limit=10")[1]["hits"] if h["speaker_key"])
    pages = {
        "search": server.get("/?q=alert"),
        "release": server.get(f"/release/{rid}?p=2"),
        "speaker": server.get("/speaker/" + quote(speaker_key, safe="")),
        "filters": server.get("/?" + urlencode({"q": "alert", "speaker": "<script>alert('f')</script>",
                                                 "source": '"><svg onload=alert(1)>'})),
    }
    for name, (status, headers, body) in pages.items():
        html = body.decode("utf-8")
        assert status == 200, (name, html[:500])
        assert "text/html" in headers["content-type"]
        # The only script element on any page is the page's own file; no markup of the release's survives.
        assert re.findall(r"<script\b[^>]*>", html) == ['<script src="/static/app.js" defer>'], name
        assert not re.search(r"<(img|svg|b|i)\b[^>]*\bon\w+=", html), name
        assert "<b>bold</b>" not in html, name
        assert not re.search(r"""(href|src|action)\s*=\s*["']?\s*javascript:""", html, re.I), name
    search_html = pages["search"][2].decode()
    assert "&lt;script&gt;<mark>alert</mark>(&#39;body&#39;)&lt;/script&gt;" in search_html  # highlighted, escaped
    assert "&lt;script&gt;alert(&#39;role&#39;)&lt;/script&gt;" in search_html  # the speaker's role
    assert "Jane O&#39;Hara" in search_html
    release_html = pages["release"][2].decode()
    assert "&lt;script&gt;alert(&#39;body&#39;)&lt;/script&gt;" in release_html
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in release_html
    # The release's javascript: address is shown as text, never as a link.
    assert "<code>javascript:alert(&#39;url&#39;)</code>" in release_html
    filters_html = pages["filters"][2].decode()
    assert 'value="&#34;&gt;&lt;svg onload=alert(1)&gt;"' in filters_html


def test_every_response_has_the_security_headers(server):
    for path in ("/", "/?q=harbour", "/?q=%22bad", "/api/stats", "/api/search?q=%22bad", "/static/style.css",
                 "/nowhere", "/api/releases/none"):
        status, headers, _ = server.get(path)
        csp = headers.get("content-security-policy", "")
        assert "default-src 'none'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp, path
        assert headers.get("x-content-type-options") == "nosniff", path


def test_read_only_and_no_file_from_outside_the_package(server):
    for method in ("POST", "PUT", "DELETE", "PATCH"):
        for path in ("/", "/api/search", "/api/releases/x", "/api/stats", "/static/style.css"):
            status, _, body = server.get(path, method=method)
            assert status == 405, (method, path, status)
    status, headers, body = server.get("/", method="HEAD")
    assert status == 200 and body == b"" and "text/html" in headers["content-type"]
    status, _, body = server.get("/static/app.js")
    assert status == 200 and b"addEventListener" in body
    for path in ("/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py", "/static/%2e%2e%2f__init__.py",
                 "/static/../../errors.py", "/static/%2e%2e/%2e%2e/errors.py", "/static/..%5c__init__.py",
                 "/static//etc/passwd", "/static/%2fetc%2fpasswd", "/etc/passwd", "/static/templates/base.html",
                 "/static/../templates/base.html"):
        # urllib sends the path as written: no client-side folding of the dots.
        status, _, body = server.get(path)
        assert status == 404, (path, status)
        assert b"import" not in body and b"root:" not in body and b"{% block" not in body, path


def test_other_host_names_are_refused_on_localhost(server):
    status, _, _ = server.get("/api/stats", headers={"Host": "attacker.example"})
    assert status == 400
    status, _, _ = server.get("/api/stats", headers={"Host": "localhost"})
    assert status == 200


def test_pages_answer_and_bad_queries_show_the_hint(server):
    status, _, body = server.get("/")
    html = body.decode()
    assert status == 200 and f'id="stats">{RELEASES + 2} releases' in html and "article" not in html
    status, _, body = server.get("/?source=EIN+Presswire")  # a filter alone lists its paragraphs
    assert status == 200 and body.decode().count('class="hit"') == 10
    status, _, body = server.get("/?q=%22unclosed")
    html = body.decode()
    assert status == 400
    assert 'id="query-error"' in html and "unbalanced quote" in html and 'id="query-hint"' in html
    assert 'value="&#34;unclosed"' in html  # the query stays in the box, to be corrected
    status, _, body = server.get("/?q=justise")
    assert status == 200 and 'id="suggestion" href="/?q=justice"' in body.decode()
    status, _, body = server.get("/release/8c11a9366d6e4f0e?p=28")  # the seed, which has a web address
    html = body.decode()
    assert status == 200
    assert '<a id="original" href="https://www.einpresswire.com/article/651915195"' in html
    assert 'class="para body hit" id="p28"' in html and "Wolfgang Schomburg" in html
    status, _, body = server.get("/release/0000000000000000")
    assert status == 404 and "no release" in body.decode()
    status, _, body = server.get("/?page=0")
    assert status == 400 and "page must be 1 or more" in body.decode()


def test_a_running_server_follows_the_index(tmp_path):
    """A sync in another process shows at the next request: searches, stats and the speaker list."""
    from searchidx import Index

    folder = tmp_path / "releases"
    folder.mkdir()
    (folder / "a.txt").write_text(release_text(1), encoding="utf-8")
    build_index(folder, tmp_path / "index")
    srv = start_server(tmp_path / "index")
    try:
        assert srv.json("/api/stats")[1]["releases"] == 1
        assert srv.json("/api/search?q=" + word(2))[1]["total"] == 0
        before = {sp["name"] for sp in srv.json("/api/speakers")[1]["speakers"]}
        (folder / "b.txt").write_text(release_text(2).replace("Jane Doe", "Maria Lopez"), encoding="utf-8")
        Index.open(tmp_path / "index").sync([folder])
        assert srv.json("/api/stats")[1]["releases"] == 2
        assert srv.json("/api/search?q=" + word(2))[1]["total"] == 1
        after = {sp["name"] for sp in srv.json("/api/speakers")[1]["speakers"]}
        assert after - before == {"Maria Lopez"}
    finally:
        code, err = srv.stop()
    assert code == 0, err


# -- starting and stopping -----------------------------------------------------------------------

def test_sigint_stops_the_server_cleanly(index_dir):
    srv = start_server(index_dir)
    assert srv.url.startswith("http://127.0.0.1:")
    assert srv.get("/api/stats")[0] == 200
    code, err = srv.stop(signal.SIGINT)
    assert code == 0, err
    assert "stopped serving" in err and "Traceback" not in err, err


def test_sigterm_stops_it_too(index_dir):
    srv = start_server(index_dir)
    code, err = srv.stop(signal.SIGTERM)
    assert code == 0 and "Traceback" not in err, err


def test_the_address_is_named_once_a_signal_stops_it_cleanly(index_dir):
    """A signal sent on reading the address goes to the running server, which shuts down and hands the
    caller a KeyboardInterrupt, never to an event loop still being built."""
    import os

    from searchidx import Index
    from searchidx.serve import serve

    seen: dict[str, Any] = {}

    def ready(url: str) -> None:
        seen["handler"] = signal.getsignal(signal.SIGTERM)
        os.kill(os.getpid(), signal.SIGTERM)

    before = signal.getsignal(signal.SIGTERM)
    with pytest.raises(KeyboardInterrupt):
        serve(Index.open(index_dir), port=0, ready=ready)
    assert getattr(seen["handler"], "__self__", None).__class__.__module__ == "searchidx.serve"
    assert signal.getsignal(signal.SIGTERM) == before


def test_start_errors_are_one_line(index_dir, tmp_path):
    srv = start_server(index_dir)
    try:
        port = srv.url.rsplit(":", 1)[1].strip("/")
        taken = subprocess.run([sys.executable, "-m", "searchidx", "serve", "--index", str(index_dir), "--port", port],
                               capture_output=True, text=True, cwd=ROOT, timeout=60)
        assert taken.returncode == 2
        assert taken.stderr.strip().count("\n") == 0 and f"cannot listen on 127.0.0.1:{port}" in taken.stderr
    finally:
        srv.stop()
    missing = subprocess.run([sys.executable, "-m", "searchidx", "serve", "--index", str(tmp_path / "none")],
                             capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert missing.returncode == 2 and "no index at" in missing.stderr and "Traceback" not in missing.stderr
    engine = subprocess.run([sys.executable, "-m", "searchidx", "serve", "--engine", "http://localhost:9200"],
                            capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert engine.returncode == 2 and "not an engine URL" in engine.stderr and "Traceback" not in engine.stderr


def test_every_serve_option_is_in_docs():
    from searchidx.cli.main import main

    docs = (ROOT / "docs" / "serve.md").read_text(encoding="utf-8")
    for param in main.commands["serve"].params:
        for opt in param.opts:
            if opt.startswith("--") and opt != "--help":
                assert f"`{opt}" in docs, f"{opt} is not in docs/serve.md"
    for path in OPENAPI["paths"]:
        assert f"`GET {path}" in docs, path
