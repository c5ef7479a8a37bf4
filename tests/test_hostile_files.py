"""Issue 23, items 4, 5, 6, 11 and 13: hostile or odd files are reported and skipped, quickly, and never
stop a build."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from searchidx import Index, LoadError
from searchidx.cli.habits import EXIT_ERROR
from searchidx.load.core import load_bytes
from tests.conftest import SEED

SEED_NAME = SEED.name


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


def _cli(*args: str, cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "searchidx", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=timeout, errors="surrogateescape")


def test_fifos_are_skipped_by_parse_add_and_build(tmp_path, seed_copy):
    fifo = seed_copy / "pipe.txt"
    os.mkfifo(fifo)
    proc = _cli("parse", str(fifo), cwd=tmp_path, timeout=30)
    assert proc.returncode == EXIT_ERROR and "FIFO" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    index = str(tmp_path / "index")
    proc = _cli("add", str(fifo), str(seed_copy / SEED_NAME), "--index", index, cwd=tmp_path, timeout=30)
    assert proc.returncode == EXIT_ERROR and "FIFO" in proc.stderr and "1 added" in proc.stderr
    proc = _cli("build", str(seed_copy), "--index", index, cwd=tmp_path, timeout=30)
    assert proc.returncode == EXIT_ERROR and "pipe.txt: not a regular file (a FIFO)" in proc.stderr
    assert Index.open(index).search("accountability").total > 0


def test_watch_ignores_a_fifo_and_stops_on_ctrl_c(tmp_path, seed_copy):
    import signal

    from tests.test_living import cli, env, wait_for

    out, err = tmp_path / "out.txt", tmp_path / "err.txt"
    with out.open("w") as fout, err.open("w") as ferr:
        proc = subprocess.Popen(cli("watch", seed_copy, "--index", tmp_path / "ix", "--settle", "0.2"), env=env(),
                                stdout=fout, stderr=ferr)
    try:
        wait_for(lambda: "watching" in err.read_text(), what="the catch-up sync")
        os.mkfifo(seed_copy / "pipe.txt")
        (seed_copy / "after.txt").write_text('After\n\nMayor Jane Smith said, "The pipes are all fixed now."\n')
        wait_for(lambda: "added" in out.read_text(), what="the file after the FIFO")
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=30)
    assert proc.returncode == 0 and "stopped watching" in err.read_text()
    assert "Traceback" not in err.read_text()
    assert Index.open(tmp_path / "ix").search("pipes").total == 1


def test_links_out_of_a_source_folder_are_not_followed(tmp_path, seed_copy):
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "passwd.txt").write_text('Private\n\nThe admin said, "the password is swordfish, keep it."\n')
    (seed_copy / "passwd.txt").symlink_to(secret / "passwd.txt")
    (seed_copy / "elsewhere").symlink_to(secret, target_is_directory=True)
    inside = seed_copy / "sub"
    inside.mkdir()
    (inside / "same.txt").symlink_to(seed_copy / SEED_NAME)  # inside the source: followed
    ix = Index.open(tmp_path / "index", create=True)
    report = ix.sync([seed_copy])
    assert sorted(Path(e.path).name for e in report.skipped) == ["elsewhere", "passwd.txt"]
    assert all("not followed" in e.reason for e in report.skipped)
    assert ix.search("swordfish").total == 0
    followed = Index.open(tmp_path / "index2", create=True, follow_links=True)
    assert followed.sync([seed_copy]).ok
    assert followed.search("swordfish").total == 1


def test_non_utf8_and_control_characters_in_names_never_stop_a_build(tmp_path, seed_copy):
    odd = os.path.join(os.fsencode(seed_copy), b"caf\xe9\x1b[2J.txt")
    with open(odd, "w") as fh:
        fh.write('A title\n\nMayor Jane Smith said, "Budgets are fine here."\n')
    index = tmp_path / "index"
    proc = _cli("build", str(seed_copy), "--index", str(index), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    ix = Index.open(index)
    assert ix.search("budgets").total == 1
    assert os.fsdecode(odd) in ix.files()  # stored as it is
    with open(odd, "a") as fh:
        fh.write('\nShe added, "Taxes stay where they are."\n')
    report = ix.sync()
    assert [os.fsencode(p) for p in report.updated] == [odd] and ix.search("budgets").total == 1
    assert ix.check().ok
    proc = _cli("search", "budgets", "--index", str(index), cwd=tmp_path)
    assert "\x1b" not in proc.stdout and proc.returncode == 0
    os.unlink(odd)
    assert len(ix.sync().removed) == 1 and ix.search("budgets").total == 0


def test_an_emptied_file_takes_its_old_paragraphs_with_it(tmp_path, seed_copy):
    ix = Index.open(tmp_path / "index", create=True)
    extra = seed_copy / "extra.txt"
    extra.write_text('Extra\n\nMayor Jane Smith said, "Lighthouses are back."\n')
    ix.sync([seed_copy])
    assert ix.search("lighthouses").total == 1
    extra.write_text("  \n")
    report = ix.sync()
    assert [Path(e.path).name for e in report.skipped] == ["extra.txt"] and "empty" in report.skipped[0].reason
    assert [Path(p).name for p in report.removed] == ["extra.txt"]
    assert ix.search("lighthouses").total == 0
    assert ix.check().ok  # noted as unloadable, not a problem for ever
    extra.write_text('Extra\n\nMayor Jane Smith said, "Lighthouses are back again."\n')
    assert [Path(p).name for p in ix.sync().added] == ["extra.txt"] and ix.search("lighthouses").total == 1


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_an_odd_trailing_byte_keeps_its_last_paragraph(encoding):
    text = 'Title line\n\nFirst paragraph here, with words.\n\nMayor Jane Smith said, "The last one stays."\n'
    whole = load_bytes(text.encode(encoding), "x.txt")
    odd = load_bytes(text.encode(encoding) + b"\n", "x.txt")
    assert [p.text for p in odd.paragraphs] == [p.text for p in whole.paragraphs]
    assert odd.paragraphs[-1].text.endswith('"The last one stays."')
