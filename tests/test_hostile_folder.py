"""Issue 23, items 2, 9 and 12: writes stay inside the index folder, recovery always works from the
sources, and the index is readable by its owner only."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from searchidx import Index
from searchidx.cli.habits import EXIT_ERROR
from searchidx.errors import SearchidxError


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "searchidx", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120)


def test_check_fast_does_not_truncate_a_linked_lock(index, tmp_path):
    outside = tmp_path / "precious.txt"
    outside.write_text("keep me\n")
    lock = index.path / "searchidx.lock"
    lock.unlink()
    lock.symlink_to(outside)
    proc = _cli("check", "--fast", "--index", str(index.path), cwd=tmp_path)
    assert "Traceback" not in proc.stderr
    assert outside.read_text() == "keep me\n"
    # A writer refuses the link with one line, and writes nothing through it.
    proc = _cli("build", str(tmp_path / "releases"), "--index", str(index.path), cwd=tmp_path)
    assert proc.returncode == EXIT_ERROR and "symbolic link" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    assert outside.read_text() == "keep me\n"


def test_read_only_commands_create_nothing(index, tmp_path):
    (index.path / "searchidx.lock").unlink()
    before = sorted(p.name for p in index.path.rglob("*"))
    for command in (["check", "--fast"], ["stats"], ["search", "accountability"], ["speakers"]):
        proc = _cli(*command, "--index", str(index.path), cwd=tmp_path)
        assert proc.returncode in (0, 1) and "Traceback" not in proc.stderr, proc.stderr
        assert sorted(p.name for p in index.path.rglob("*")) == before, command


def test_manifest_temporary_names_are_unpredictable(index, tmp_path, seed_copy):
    outside = tmp_path / "precious.txt"
    outside.write_text("keep me\n")
    # Links at every name the manifest's temporary file had (pid-based) and might have.
    for pid in range(os.getpid() - 50, os.getpid() + 2000):
        (index.path / f".searchidx.json.{pid}.tmp").symlink_to(outside)
    (seed_copy / "second.txt").write_text("Second release\n\nThe mayor said, \"A new quote about budgets.\"\n")
    index.sync([seed_copy])
    assert outside.read_text() == "keep me\n"
    assert Index.open(index.path).search("budgets").total == 1


@pytest.mark.parametrize("generation", ["/etc", "../elsewhere", "gen-1/../../elsewhere", 7, ["gen-1"]])
def test_manifest_generation_must_be_a_plain_name(index, tmp_path, generation):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    victim = elsewhere / "_MAIN_1.toc"
    victim.write_text("not an index file\n")
    (elsewhere / "notes.tmp").write_text("mine\n")
    manifest = index.path / "searchidx.json"
    info = json.loads(manifest.read_text())
    info["generation"] = str(elsewhere) if generation == "/etc" else generation
    manifest.write_text(json.dumps(info))
    with pytest.raises(SearchidxError, match="not a generation folder name"):
        Index.open(index.path)
    proc = _cli("add", str(tmp_path / "releases"), "--index", str(index.path), cwd=tmp_path)
    assert proc.returncode == EXIT_ERROR and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert victim.exists() and (elsewhere / "notes.tmp").exists()


def test_index_files_are_the_owners_only(tmp_path, seed_copy):
    old = os.umask(0o022)
    try:
        ix = Index.open(tmp_path / "index", create=True)
        ix.sync([seed_copy])
        ix.rebuild([seed_copy])
    finally:
        os.umask(old)
    for path in [ix.path, *ix.path.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode & 0o077 == 0, f"{path} is {oct(mode)}"


def _modes(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder.parent)): stat.S_IMODE(p.lstat().st_mode) for p in [folder, *folder.rglob("*")]}


def _assert_modes(folder: Path, mode: int) -> None:
    for name, found in _modes(folder).items():
        want = mode | (mode & 0o444) >> 2 if (folder.parent / name).is_dir() else mode
        assert found == want, f"{name} is {found:04o}, not {want:04o}"


def test_a_shared_mode_is_kept_by_every_write_whatever_the_umask(tmp_path, seed_copy):
    (seed_copy / "bad.html").write_text("<html><body>" + "<div>" * 2000 + "x</body></html>")  # searchidx's records
    old = os.umask(0o077)  # the strictest umask: the mode is applied, not left to it
    try:
        ix = Index.open(tmp_path / "index", create=True, mode=0o640, processes=2, min_parallel=1)
        ix.sync([seed_copy])
        assert json.loads((ix.path / "searchidx.json").read_text())["mode"] == "0640"
        _assert_modes(ix.path, 0o640)
        # Opened again without the option: the stored mode holds for new segments, a rebuild and a merge.
        again = Index.open(ix.path, processes=0)
        (seed_copy / "second.txt").write_text("Second release\n\nThe mayor said, \"A new quote about budgets.\"\n")
        again.add([seed_copy / "second.txt"])
        _assert_modes(ix.path, 0o640)
        again.rebuild([seed_copy])
        _assert_modes(ix.path, 0o640)
        again.merge(optimize=True)
        _assert_modes(ix.path, 0o640)
        assert (ix.path / "searchidx.failed.json").exists()
    finally:
        os.umask(old)
    assert Index.open(ix.path).search("budgets").total == 1


def test_a_mode_asked_again_replaces_the_stored_one(tmp_path, seed_copy):
    old = os.umask(0o022)
    try:
        ix = Index.open(tmp_path / "index", create=True, mode="0660")
        ix.sync([seed_copy])
        _assert_modes(ix.path, 0o660)
        Index.open(ix.path, mode=0o600).sync([seed_copy])  # nothing changed: the mode still goes everywhere
        _assert_modes(ix.path, 0o600)
    finally:
        os.umask(old)


@pytest.mark.parametrize("mode,why", [
    (0o666, "world-writable"), ("0646", "world-writable"), (0o440, "owner read and write"),
    (0o750, "executable"), (0o4600, "setuid"), ("rw-r-----", "octal"), (True, "file mode"),
])
def test_a_mode_wider_than_sensible_is_refused(tmp_path, mode, why):
    with pytest.raises(SearchidxError, match=why):
        Index.open(tmp_path / "index", create=True, mode=mode)
    assert not (tmp_path / "index").exists()


def test_a_manifest_with_a_world_writable_mode_is_damaged(index):
    manifest = index.path / "searchidx.json"
    info = json.loads(manifest.read_text())
    manifest.write_text(json.dumps({**info, "mode": "0666"}))
    with pytest.raises(SearchidxError, match="damaged.*world-writable"):
        Index.open(index.path)


def test_cli_mode_option(tmp_path, seed_copy):
    folder = tmp_path / "index"
    proc = _cli("build", str(seed_copy), "--index", str(folder), "--mode", "0640", "-q", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    _assert_modes(folder, 0o640)
    proc = _cli("add", str(seed_copy), "--index", str(folder), "--mode", "0666", cwd=tmp_path)
    assert proc.returncode == EXIT_ERROR and "world-writable" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    _assert_modes(folder, 0o640)
