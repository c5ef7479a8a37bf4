"""A damaged index: every command says so in one line, with the fix, exit code 2; never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from searchidx import Index, IndexDamagedError
from tests.conftest import ROOT, SEED


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    (src / SEED.name).write_bytes(SEED.read_bytes())
    folder = tmp_path / "ix"
    Index.open(folder, create=True).sync([src])
    (segment,) = [p for p in (folder / "gen-1").iterdir() if p.suffix == ".seg"]
    segment.write_bytes(segment.read_bytes()[: segment.stat().st_size // 2])  # a disk that lost half of it
    return folder


@pytest.mark.parametrize("args", [["search", "iran"], ["search", "-q", "iran"], ["speakers"], ["stats"],
                                  ["show", "8c11a9366d6e4f0e"], ["build"], ["add", SEED], ["remove", "x"]])
def test_every_command_says_it_in_one_line(damaged, args):
    out = subprocess.run([sys.executable, "-m", "searchidx.cli", "--index", damaged, *map(str, args)],
                         capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert out.returncode == 2, out.stderr
    assert out.stderr.count("\n") == 1 and "Traceback" not in out.stderr
    assert out.stderr.startswith(f"searchidx: error: the index at {damaged} cannot be read")
    assert "searchidx check" in out.stderr and "searchidx build --rebuild" in out.stderr


def test_the_library_raises_index_damaged_error(damaged):
    index = Index.open(damaged)
    with pytest.raises(IndexDamagedError, match="build --rebuild"):
        index.search("iran")
    with pytest.raises(IndexDamagedError):
        list(index.iter_search("iran"))
    assert not index.check().ok
    index.rebuild()  # and the advice works
    assert index.search("iran").total == 17
