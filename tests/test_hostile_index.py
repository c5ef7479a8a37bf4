"""Issue 23, item 1: an index folder from elsewhere runs no code.

The crafted files are written with Whoosh's own writers (a table of contents, a stored-fields block, a
posting block), each carrying an object whose unpickling would create a marker folder.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from searchidx import Index
from searchidx.engine.whoosh.store import open_whoosh
from searchidx.errors import SearchidxError


class Payload:
    """Unpickled, it creates the folder ``path`` (what a crafted index would do: run a function)."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self):
        return (os.mkdir, (self.path,))

    def clean(self) -> None:  # Whoosh cleans a schema's fields before it pickles them
        pass


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "searchidx", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120)


def _one_line_error(proc: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert proc.returncode != 0, proc.stdout
    assert "Traceback" not in proc.stderr
    # check reports on stdout: its problem line, then how to fix it
    lines = [line for line in (proc.stderr or proc.stdout).strip().splitlines() if not line.startswith(("  fix:", "/"))]
    assert len(lines) == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]


def test_crafted_table_of_contents_is_refused(index, tmp_path):
    from whoosh.index import TOC

    marker = tmp_path / "pwned-toc"
    ix = open_whoosh(index.path / index.generation)
    toc = ix._read_toc()
    crafted = TOC(toc.schema, list(toc.segments) + [Payload(str(marker))], toc.generation + 1)
    crafted.write(ix.storage, ix.indexname)
    toc_file = f"_MAIN_{toc.generation + 1}.toc"
    for command in (["search", "release"], ["stats"], ["check", "--fast"], ["speakers"]):
        proc = _cli(*command, "--index", str(index.path), cwd=tmp_path)
        _one_line_error(proc, toc_file, "refused", "posix.mkdir")
        assert not marker.exists(), f"{command} ran the crafted table of contents"
    with pytest.raises(SearchidxError, match="refused"):
        Index.open(index.path)
    assert not marker.exists()


def test_crafted_schema_in_table_of_contents_is_refused(index, tmp_path):
    from whoosh.index import TOC

    marker = tmp_path / "pwned-schema"
    ix = open_whoosh(index.path / index.generation)
    toc = ix._read_toc()
    schema = toc.schema
    schema._fields["evil"] = Payload(str(marker))  # pickled with the schema
    try:
        TOC(schema, toc.segments, toc.generation + 1).write(ix.storage, ix.indexname)
    finally:
        del schema._fields["evil"]
    proc = _cli("search", "release", "--index", str(index.path), cwd=tmp_path)
    _one_line_error(proc, "refused", f"_MAIN_{toc.generation + 1}.toc")
    assert not marker.exists()


def _index_with(tmp_path: Path, write) -> Path:
    """A searchidx index folder whose only segment was written by ``write(writer)`` (Whoosh's writer)."""
    folder = tmp_path / "crafted"
    from searchidx.engine.whoosh.codec import SearchidxCodec

    ix = Index.open(folder, create=True)
    writer = open_whoosh(ix.path / ix.generation).writer(codec=SearchidxCodec())
    write(writer)
    writer.commit()
    return folder


def test_crafted_stored_fields_are_refused(tmp_path):
    marker = tmp_path / "pwned-stored"

    def write(writer):
        writer.add_document(doc="file:/x", doctype="file", path="/x", release="r1", hash="0",
                            meta={"title": Payload(str(marker))})
        writer.add_document(doc="para", doctype="para", release="r1", n=1, kind="body", text="hello world")

    folder = _index_with(tmp_path, write)
    proc = _cli("search", "hello", "--index", str(folder), cwd=tmp_path)
    _one_line_error(proc, "refused", ".seg", "stored fields")
    assert not marker.exists()
    proc = _cli("show", "r1", "--index", str(folder), cwd=tmp_path)
    _one_line_error(proc, "refused")
    assert not marker.exists()


def test_crafted_posting_header_is_refused(tmp_path, monkeypatch):
    import whoosh.filedb.structfile as structfile

    marker = tmp_path / "pwned-postings"
    real_dump = structfile.dump

    def crafted_dump(obj, file, protocol=-1):  # a posting block's header is a tuple written by write_pickle
        if isinstance(obj, tuple):
            obj = (Payload(str(marker)), *obj)
        return real_dump(obj, file, protocol)

    def write(writer):
        monkeypatch.setattr(structfile, "dump", crafted_dump)
        for i in range(200):  # enough postings of "hello" for a block of its own (not inlined in the term)
            writer.add_document(doc=f"para{i}", doctype="para", release="r1", n=i, kind="body",
                                text=f"hello world {i}")

    folder = _index_with(tmp_path, write)
    monkeypatch.setattr(structfile, "dump", real_dump)
    proc = _cli("search", "hello", "--index", str(folder), cwd=tmp_path)
    _one_line_error(proc, "refused")
    assert not marker.exists()


def test_unpickler_admits_what_the_format_needs(index):
    """A real index reads through the restricted unpickler: the seed's release comes back whole."""
    from searchidx import load_release
    from tests.conftest import SEED

    release = load_release(SEED)
    stored = Index.open(index.path).release(release.id)
    assert [p.text for p in stored.paragraphs] == [p.text for p in release.paragraphs]
    assert Index.open(index.path).search("accountability").total > 0


def test_older_codec_module_name_is_admitted():
    import pickle

    from searchidx.engine.whoosh import safepickle
    from searchidx.engine.whoosh.codec import SearchidxCodec

    data = pickle.dumps(SearchidxCodec(), 2).replace(b"searchidx.engine.whoosh.codec", b"searchidx.codec")
    assert b"searchidx.engine" not in data
    assert isinstance(safepickle.loads(data), SearchidxCodec)
    with pytest.raises(safepickle.UnsafePickleError):
        safepickle.loads(pickle.dumps(os.system))
    with pytest.raises(safepickle.UnsafePickleError):  # a name imported into an admitted module
        safepickle.loads(b"\x80\x02cwhoosh.fields\nre\n.")
