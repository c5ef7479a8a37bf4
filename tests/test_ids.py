"""Release ids that survive edits (from the path under the source folder); old content ids still work in
`show` while the content is the same, and say that the release changed once it is not."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from searchidx import Index, ReleaseNotFoundError
from searchidx.cli.main import main
from searchidx.index.ids import stable_id
from tests.test_search import RELEASES


def invoke(*args, code=0):
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code == code, result.output
    return result


def hit(ix: Path, query: str) -> dict:
    return json.loads(invoke("search", query, "--json", "-n", "1", "--index", ix).stdout.splitlines()[0])


def make(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for name, text in RELEASES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_an_id_survives_an_edit_of_its_file(tmp_path):
    src, ix = make(tmp_path / "src"), tmp_path / "ix"
    invoke("build", src, "--index", ix)
    before = hit(ix, "embezzlement")
    (src / "c.txt").write_text(RELEASES["c.txt"] + "\nThe trial starts in March.\n", encoding="utf-8")
    invoke("build", "--index", ix)
    after = hit(ix, "embezzlement")
    assert after["id"] == before["id"] and after["content_id"] != before["content_id"]
    assert "trial starts in March" in invoke("show", before["id"].split("#")[0], "--index", ix).stdout
    assert invoke("show", before["id"], "--json", "--index", ix).stdout  # ID#N too
    # the id given out before ids were stable (the content id): show says the release changed, and its id now
    old = invoke("show", before["content_id"], "--index", ix, code=1)
    assert f"release {before['content_id']} changed since that id was given" in old.stderr
    assert f"searchidx show {after['id'].split('#')[0]}" in old.stderr
    # while the content is the same, a content id still shows its release
    budget = hit(ix, "budget")
    assert invoke("show", budget["content_id"], "--index", ix).stdout.startswith(budget["title"])
    with pytest.raises(ReleaseNotFoundError, match="changed since"):
        Index.open(ix).release(before["content_id"])


def test_ids_follow_the_path_under_the_source_not_the_source_itself(tmp_path):
    one, two = make(tmp_path / "one" / "src"), tmp_path / "two" / "elsewhere"
    shutil.copytree(one, two)
    invoke("build", one, "--index", tmp_path / "ix1")
    invoke("build", two, "--index", tmp_path / "ix2")
    assert hit(tmp_path / "ix1", "embezzlement")["id"] == hit(tmp_path / "ix2", "embezzlement")["id"]
    # a copy at another path in the same index has an id of its own, and shows the same release
    shutil.copy(one / "c.txt", one / "copy-of-c.txt")
    invoke("build", "--index", tmp_path / "ix1")
    copy_id = stable_id(str((one / "copy-of-c.txt").resolve()), [str(one.resolve())])
    original = hit(tmp_path / "ix1", "embezzlement")
    assert copy_id != original["id"].split("#")[0]
    assert invoke("show", copy_id, "--index", tmp_path / "ix1").stdout.startswith(original["title"])


def test_remove_and_export_speak_stable_ids(tmp_path):
    src, ix = make(tmp_path / "src"), tmp_path / "ix"
    invoke("build", src, "--index", ix)
    rid = hit(ix, "embezzlement")["id"].split("#")[0]
    exported = [json.loads(line) for line in invoke("export", "--index", ix).stdout.splitlines()]
    assert rid in {row["release"] for row in exported}
    assert invoke("remove", rid, "--index", ix).stdout.strip() == f"removed {(src / 'c.txt').resolve()}"
    invoke("search", "embezzlement", "--index", ix, code=1)


def test_stable_id_uses_the_deepest_source():
    assert stable_id("/a/b/c.txt", ["/a", "/a/b"]) == stable_id("/x/c.txt", ["/x"])
    assert stable_id("/a/b/c.txt", ["/a"]) == stable_id("/y/b/c.txt", ["/y"])
    assert stable_id("/a/b/c.txt", []) != stable_id("/y/b/c.txt", [])
    assert stable_id("/a/b/c.txt", ["/a/b/c.txt"]) == stable_id("/z/c.txt", ["/z"])
