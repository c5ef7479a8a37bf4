"""Issue 23, items 7 and 9: check finds damage, and build --rebuild always recovers from the sources."""

from __future__ import annotations

import json
from pathlib import Path

from searchidx import Index
from searchidx.cli.habits import EXIT_ERROR, EXIT_NOTHING
from tests.test_hostile_index import _cli


def _segment_file(index) -> Path:
    return next(p for p in (index.path / index.generation).iterdir() if p.suffix == ".seg")


def test_check_finds_any_overwritten_piece_of_a_segment(index, tmp_path):
    import random

    assert index.check().ok
    seg = _segment_file(index)
    original = seg.read_bytes()
    rng = random.Random(23)
    for _ in range(10):
        at = rng.randrange(0, len(original) - 256)
        damaged = bytearray(original)
        damaged[at:at + 256] = bytes(rng.randrange(256) for _ in range(256))
        if damaged == original:
            continue
        seg.write_bytes(bytes(damaged))
        report = Index.open(index.path, strict=False).check()
        assert any("damaged" in p.message and seg.name in p.message for p in report.problems), (at, report.problems)
        assert any("--rebuild" in p.advice for p in report.problems)
    seg.write_bytes(original)
    assert Index.open(index.path).check().ok


def test_check_names_the_damaged_file_of_an_index_it_cannot_read(index):
    # Damage that stops the index from being read at all still gets the file named from its checksum.
    seg = _segment_file(index)
    original = seg.read_bytes()
    seg.write_bytes(bytes(len(original)))
    messages = [p.message for p in Index.open(index.path, strict=False).check().problems]
    assert any("cannot be read" in m for m in messages), messages
    assert any("damaged" in m and seg.name in m for m in messages), messages
    seg.write_bytes(original)
    assert Index.open(index.path).check().ok


def test_check_fast_finds_a_changed_manifest(index, tmp_path):
    manifest = index.path / "searchidx.json"
    info = json.loads(manifest.read_text())
    info["sources"] = [*info["sources"], str(tmp_path)]
    manifest.write_text(json.dumps(info))
    proc = _cli("check", "--fast", "--index", str(index.path), cwd=tmp_path)
    assert proc.returncode == EXIT_NOTHING and "searchidx.json was changed" in proc.stdout


def _rebuilds(index, sources: Path, tmp_path: Path) -> None:
    proc = _cli("build", "--rebuild", str(sources), "--index", str(index.path), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert Index.open(index.path).search("accountability").total > 0
    assert Index.open(index.path).check().ok


def test_rebuild_works_with_a_damaged_table_of_contents(index, tmp_path, seed_copy):
    toc = next((index.path / index.generation).glob("_MAIN_*.toc"))
    data = bytearray(toc.read_bytes())
    data[40:300] = b"\x00" * 260
    toc.write_bytes(bytes(data))
    proc = _cli("build", "--index", str(index.path), cwd=tmp_path)
    assert proc.returncode == EXIT_ERROR and "--rebuild" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    proc = _cli("check", "--index", str(index.path), cwd=tmp_path)
    assert proc.returncode == EXIT_NOTHING and "Traceback" not in proc.stderr
    _rebuilds(index, seed_copy, tmp_path)


def test_rebuild_works_with_a_damaged_manifest(index, tmp_path, seed_copy):
    (index.path / "searchidx.json").write_text("{ not json")
    proc = _cli("build", "--index", str(index.path), cwd=tmp_path)
    assert proc.returncode == EXIT_ERROR and "damaged" in proc.stderr
    _rebuilds(index, seed_copy, tmp_path)


def test_a_missing_manifest_is_reported_not_replaced(index, tmp_path, seed_copy):
    (index.path / "searchidx.json").unlink()
    for command in (["build", str(seed_copy)], ["add", str(seed_copy)], ["check"], ["search", "accountability"]):
        proc = _cli(*command, "--index", str(index.path), cwd=tmp_path)
        assert proc.returncode == EXIT_ERROR and "searchidx.json is missing" in proc.stderr, (command, proc.stderr)
    assert (index.path / index.generation).is_dir()  # the data is still there
    _rebuilds(index, seed_copy, tmp_path)
