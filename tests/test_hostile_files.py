"""Issue 23, items 4, 5, 6, 11 and 13: hostile or odd files are reported and skipped, quickly, and never
stop a build."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from searchidx import Index, LoadError
from searchidx.load.core import load_bytes


def _quotes(n: int) -> bytes:
    """A plain, honest release of ``n`` quoted paragraphs: slow to attribute when ``n`` is large."""
    return ("Headline\n\n" + "\n\n".join(
        f'The mayor said, "We will fix road {i} soon, and the budget is fine." The council agreed on {i}.'
        for i in range(n))).encode()


@pytest.mark.parametrize("markup", [
    "<html><body>" + "<div></i>" * 8000 + "text</body></html>",  # stray close tags close nothing
    "<html><body>" + "<div></span>" * 3000 + "<p>text</p></body></html>",
])
def test_stray_close_tags_do_not_hide_nesting(markup):
    start = time.monotonic()
    with pytest.raises(LoadError, match="nested too deeply"):
        load_bytes(markup.encode(), "page.html")
    assert time.monotonic() - start < 2


def test_html_inside_json_is_checked_like_a_page():
    body = "<div>" * 8000 + "hello"
    start = time.monotonic()
    with pytest.raises(LoadError, match="nested too deeply"):
        load_bytes(json.dumps({"title": "A title", "body": body}).encode(), "item.json")
    assert time.monotonic() - start < 2


def test_a_stage_is_stopped_at_the_time_limit():
    """The attribution stage of a long file runs for many seconds; the limit stops it inside the stage."""
    data = _quotes(20000)
    start = time.monotonic()
    with pytest.raises(LoadError, match="took too long"):
        load_bytes(data, "long.txt", max_seconds=1.0)
    assert time.monotonic() - start < 2.0


def test_a_build_skips_a_file_stopped_at_its_limit(tmp_path, seed_copy, monkeypatch):
    from searchidx.load import core

    (seed_copy / "long.txt").write_bytes(_quotes(20000))
    monkeypatch.setattr(core, "MAX_SECONDS", 1.0)
    monkeypatch.setattr(core.load_bytes, "__kwdefaults__", {"max_seconds": 1.0})
    ix = Index.open(tmp_path / "index", create=True)
    start = time.monotonic()
    report = ix.sync([seed_copy])
    assert time.monotonic() - start < 30
    assert [Path(e.path).name for e in report.skipped] == ["long.txt"]
    assert "took too long" in report.skipped[0].reason
    assert len(report.added) == 1 and ix.search("accountability").total > 0
