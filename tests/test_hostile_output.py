"""Issue 23, items 10 and 13: what searchidx prints never carries a release's or a file name's control
characters, and CSV cells are never formulas."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from searchidx import Index

ESC = "\x1b"
TITLE_SEQ = "\x1b]0;pwned\x07"  # sets the window title
CLEAR = "\x1b[2J\x1b[H"  # clears the screen
C1 = "\x9b2J"  # the same, as a C1 control


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "searchidx", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120, errors="surrogateescape")


@pytest.fixture
def hostile_index(tmp_path: Path) -> Path:
    folder = tmp_path / "releases"
    folder.mkdir()
    item = {
        "title": f"=HYPERLINK(\"http://evil\"){TITLE_SEQ} Budget news",
        "body": f"<p>Mayor Jane Smith said, \"The budget{CLEAR} is balanced and the roads are fixed.{C1}\"</p>"
                f"<p>Another paragraph about the budget{TITLE_SEQ} and taxes.</p>",
        "url": f"https://example.org/{CLEAR}",
        "source": f"{TITLE_SEQ}Evil Wire",
        "author": f"{CLEAR}Someone",
        "date": "2024-01-02",
    }
    (folder / "item.json").write_text(json.dumps(item))
    ix = Index.open(tmp_path / "index", create=True)
    report = ix.sync([folder])
    assert report.ok and report.added
    return ix.path


def _no_controls(text: str) -> None:
    assert ESC not in text and "\x07" not in text and "\x9b" not in text, repr(text)


@pytest.mark.parametrize("args", [["search", "budget"], ["search", "budget", "--color", "always"],
                                  ["search", "budget", "--csv"], ["search", "budget", "--facet", "source"],
                                  ["search", "budget", "--json"], ["speakers"], ["stats"]])
def test_search_output_has_no_control_characters(hostile_index, tmp_path, args):
    proc = _cli(*args, "--index", str(hostile_index), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    if "--color" in args:
        assert "\x1b[" in proc.stdout  # searchidx's own colours stay
        proc_stdout = proc.stdout.replace("\x1b[0m", "")
        for seq in ("\x1b]", "\x1b[2J", "\x1b[H", "\x07", "\x9b"):
            assert seq not in proc_stdout
    else:
        _no_controls(proc.stdout)
    _no_controls(proc.stderr)
    assert proc.stdout.strip()


def test_show_prints_no_control_characters(hostile_index, tmp_path):
    rid = Index.open(hostile_index).files()
    release = next(iter(rid.values()))
    proc = _cli("show", release, "--index", str(hostile_index), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    _no_controls(proc.stdout)
    assert "Evil Wire" in proc.stdout and "https://example.org/" in proc.stdout


def test_csv_cells_are_not_formulas(hostile_index, tmp_path):
    proc = _cli("search", "budget", "--csv", "--index", str(hostile_index), cwd=tmp_path)
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert rows
    for row in rows:
        for value in row.values():
            assert value[:1] not in ("=", "+", "-", "@"), row
        assert row["title"].startswith("'=HYPERLINK")


def test_file_names_with_controls_and_newlines_are_printed_escaped(tmp_path):
    folder = tmp_path / "releases"
    folder.mkdir()
    name = f"bad{TITLE_SEQ}\nname.txt"
    (folder / name).write_text("")  # empty: skipped, and named in the message
    proc = _cli("build", str(folder), "--index", str(tmp_path / "index"), cwd=tmp_path)
    _no_controls(proc.stderr)
    skipped = [line for line in proc.stderr.splitlines() if "skipped /" in line]
    assert len(skipped) == 1 and "\\x1b" in skipped[0] and "\\x0a" in skipped[0] and "empty" in skipped[0]
