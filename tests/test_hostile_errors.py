"""Issue 23, item 8: one-line errors, never a traceback, on a full disk, damaged segments and a vanished
index folder; what was kept stays usable."""

from __future__ import annotations

import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from searchidx import Index
from searchidx.cli.habits import EXIT_ERROR
from tests.releases import make_releases


def _cli(*args: str, cwd: Path, file_limit: int | None = None) -> subprocess.CompletedProcess[str]:
    def limit() -> None:  # a "full disk": writes past file_limit bytes fail (EFBIG), as they would (ENOSPC)
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (file_limit, file_limit))

    return subprocess.run([sys.executable, "-m", "searchidx", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120, preexec_fn=limit if file_limit else None)


def _one_line(proc: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert proc.returncode == EXIT_ERROR, (proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr and "Aborted!" not in proc.stderr, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("searchidx: error: "), proc.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]


def test_truncated_segment_is_one_line_for_every_command(index, tmp_path):
    seg = next((index.path / index.generation).glob("*.seg"))
    with open(seg, "r+b") as fh:
        fh.truncate(seg.stat().st_size // 2)
    for command in (["search", "accountability"], ["stats"], ["speakers"], ["build"], ["show", "x"]):
        _one_line(_cli(*command, "--index", str(index.path), cwd=tmp_path), "rebuild")
    proc = _cli("check", "--index", str(index.path), cwd=tmp_path)
    assert proc.returncode != 0 and "problem:" in proc.stdout and "Traceback" not in proc.stderr


def test_full_disk_is_one_line_and_keeps_the_last_commit(index, tmp_path):
    more = tmp_path / "more"
    make_releases(more, 40)
    before = Index.open(index.path).search("accountability").total
    for command in (["build", str(more)], ["build", "--rebuild", str(more)], ["add", str(more)]):
        _one_line(_cli(*command, "--index", str(index.path), cwd=tmp_path, file_limit=20_000),
                  "File too large", "the index keeps its last commit")
        assert Index.open(index.path).search("accountability").total == before
    proc = _cli("check", "--fast", "--index", str(index.path), cwd=tmp_path, file_limit=20_000)
    assert "Traceback" not in proc.stderr
    # Debris of the failed writes is the only problem, and the next write (disk space back) removes it.
    report = Index.open(index.path).check(contents=False)
    assert [p.message.split(" (")[0] for p in report.problems] in ([], [p.message.split(" (")[0] for p in
                                                                      report.problems if "orphan" in p.message])
    assert _cli("build", "--index", str(index.path), cwd=tmp_path).returncode == 0
    assert Index.open(index.path).check().ok


def test_watch_stops_with_one_line_when_its_index_folder_is_deleted(tmp_path):
    from tests.test_living import cli, env, wait_for

    src = tmp_path / "src"
    make_releases(src, 2)
    folder = tmp_path / "ix"
    err = tmp_path / "err.txt"
    with err.open("w") as ferr:
        proc = subprocess.Popen(cli("watch", src, "--index", folder, "--settle", "0.2"), env=env(),
                                stdout=subprocess.DEVNULL, stderr=ferr)
    try:
        wait_for(lambda: "watching" in err.read_text(), what="the catch-up sync")
        shutil.rmtree(folder)
        make_releases(src / "new", 1)
        deadline = time.monotonic() + 30
        while proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
            proc.wait(timeout=30)
    text = err.read_text()
    assert "Traceback" not in text, text
    assert proc.returncode == EXIT_ERROR and "gone" in text.splitlines()[-1], text


@pytest.mark.parametrize("command", [["stats"], ["check"]])
def test_a_vanished_index_folder_is_one_line(tmp_path, command):
    _one_line(_cli(*command, "--index", str(tmp_path / "nothing"), cwd=tmp_path), "no index at")
