"""searchidx.engine.whoosh.readahead: a window reads what the file holds, wherever it is asked, and Whoosh reads an index
through it as through its own storage."""

from __future__ import annotations

import io
import pickle
import random

from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage

from searchidx import Index
from searchidx.engine.whoosh import readahead
from searchidx.engine.whoosh.readahead import WindowedFile, WindowedStorage
from tests.conftest import SEED
from tests.test_parallel import posting_list


def test_a_window_reads_like_the_file(tmp_path, monkeypatch):
    monkeypatch.setattr(readahead, "WINDOW", 100)  # pieces that straddle and exceed the window
    rng = random.Random(7)
    data = SEED.read_bytes() * 3
    path = tmp_path / "data"
    path.write_bytes(b"head" + data + b"tail")
    with path.open("rb") as raw:
        part = WindowedFile(raw, 4, len(data))  # a compound segment's member: bytes 4 .. end - 4
        nested = part.subset(50, 500)
        reference = io.BytesIO(data)
        for _ in range(2000):
            position, size = rng.randrange(-5, len(data) + 5), rng.choice([0, 1, 4, 37, 99, 100, 101, 350])
            assert part.get(position, size) == (data[position:position + size] if position >= 0 else b"")
            where = rng.randrange(len(data))
            part.seek(where)
            reference.seek(where)
            assert part.read(size) == reference.read(size) and part.tell() == reference.tell()
            assert part.readline() == reference.readline() and part.tell() == reference.tell()
            nested.seek(where % 500)
            assert nested.read(size) == data[50 + where % 500:50 + min(500, where % 500 + size)]
        part.seek(0, 2)
        assert part.tell() == len(data) and part.read(10) == b""
    pickled = tmp_path / "pickled"
    pickled.write_bytes(pickle.dumps(["a", 1]) + pickle.dumps({"b": 2.5}, protocol=0))
    with WindowedStorage(str(tmp_path)).open_file("pickled") as f:
        assert f.read_pickle() == ["a", 1] and f.read_pickle() == {"b": 2.5}


def test_whoosh_reads_an_index_through_windows_as_through_its_storage(tmp_path, monkeypatch):
    monkeypatch.setattr(readahead, "WINDOW", 512)
    ix = Index.open(tmp_path / "ix", create=True)
    ix.add([SEED])
    folder = ix.engine.whoosh.storage.folder
    ours = whoosh_index.open_dir(folder, indexname="MAIN")
    ours.storage = WindowedStorage(folder)
    theirs = whoosh_index.FileIndex(FileStorage(folder, supports_mmap=False), ours.schema, "MAIN")
    reads = []
    window_get = readahead.Window.get
    monkeypatch.setattr(readahead.Window, "get", lambda self, *args: reads.append(args) or window_get(self, *args))
    a, b = ours.reader(), theirs.reader()
    assert_readers_agree(a, b)
    assert len(reads) > 1000  # what was compared was read through windows


def assert_readers_agree(a, b) -> None:
    """Two readers of one index hold the same stored fields, terms, postings and columns."""
    assert list(a.all_stored_fields()) == list(b.all_stored_fields())
    terms = list(a.all_terms())
    assert terms == list(b.all_terms()) and len(terms) > 100
    for fieldname, text in terms:
        assert posting_list(a, fieldname, text) == posting_list(b, fieldname, text)
    for name in a.schema.names():
        if a.schema[name].column_type:
            assert list(a.column_reader(name)) == list(b.column_reader(name))
