"""A release that yields no body paragraph is indexed, and `parse` and `build` say so, naming the file."""

from __future__ import annotations

import shutil

from click.testing import CliRunner

from searchidx.cli.main import main
from searchidx.index.core import Index
from searchidx.load.core import load_release, release_warnings
from tests.conftest import SEED

TITLE_ONLY = "Council statement on the harbour levy\n"


def _folder(tmp_path, copies: int = 1):
    folder = tmp_path / "releases"
    folder.mkdir()
    (folder / "title-only.txt").write_text(TITLE_ONLY, encoding="utf-8")
    for n in range(copies):
        # Distinct content, so that each copy of the seed is a release of its own.
        (folder / f"seed{n}.txt").write_bytes(SEED.read_bytes() + f"\n\nCopy {n}.\n".encode())
    return folder


def test_the_loader_names_a_release_without_body():
    assert release_warnings(load_release(SEED)) == []


def test_parse_warns_and_still_prints_the_release(tmp_path):
    folder = _folder(tmp_path)
    result = CliRunner().invoke(main, ["parse", str(folder / "title-only.txt"), str(SEED), "--json"])
    assert result.exit_code == 0
    assert len(result.stdout.strip().splitlines()) == 2
    assert f"searchidx: warning: {folder / 'title-only.txt'}: no body paragraph found" in result.stderr
    assert "seed" not in result.stderr


def test_build_warns_and_counts_it_in_the_summary(tmp_path):
    folder = _folder(tmp_path)
    result = CliRunner().invoke(main, ["build", str(folder), "--index", str(tmp_path / "idx")])
    assert result.exit_code == 0
    assert f"searchidx: warning: {folder / 'title-only.txt'}: no body paragraph found" in result.stderr
    assert "2 added, 0 updated, 0 removed, 0 unchanged, 0 skipped, 1 with warnings" in result.stderr
    assert "a search will not find it" in result.stderr
    # The other release is indexed as usual.
    search = CliRunner().invoke(main, ["search", "NCRI", "--index", str(tmp_path / "idx"), "--json"])
    assert "seed0.txt" in search.stdout


def test_worker_segments_report_it_too(tmp_path):
    folder = _folder(tmp_path, copies=3)
    ix = Index.open(tmp_path / "idx", create=True, processes=2, min_parallel=1)
    report = ix.sync([folder])
    assert [(w.path, w.reason.split(":")[0]) for w in report.warnings] == \
        [(str(folder / "title-only.txt"), "no body paragraph found")]
    again = ix.sync([folder])
    assert again.warnings == []  # unchanged files are not loaded again
    shutil.rmtree(tmp_path / "idx")
