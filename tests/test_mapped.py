"""searchidx.engine.whoosh.mapped: a view of a mapped file reads what the file holds, and Whoosh reads an index through
it as through its own storage, without copying the members of a compound segment."""

from __future__ import annotations

import io
import pickle
import random

from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage

from searchidx import Index
from searchidx.engine.whoosh.mapped import MappedStorage, ViewFile
from tests.conftest import SEED
from tests.test_readahead import assert_readers_agree


def test_a_view_reads_like_the_file(tmp_path):
    rng = random.Random(3)
    data = SEED.read_bytes() * 3
    (tmp_path / "data").write_bytes(b"head" + data + b"tail")
    whole = MappedStorage(str(tmp_path)).open_file("data")
    part = whole.subset(4, len(data))  # a compound segment's member: bytes 4 .. end - 4
    nested = part.subset(50, 500)
    reference = io.BytesIO(data)
    for _ in range(2000):
        position, size = rng.randrange(0, len(data) + 5), rng.choice([0, 1, 4, 37, 99, 100, 101, 350])
        assert part.get(position, size) == data[position:position + size]
        where = rng.randrange(len(data))
        part.seek(where)
        reference.seek(where)
        assert part.read(size) == reference.read(size) and part.tell() == reference.tell()
        assert part.readline() == reference.readline() and part.tell() == reference.tell()
        buffer = bytearray(size)
        assert part.file.readinto(buffer) == reference.readinto(buffer_too := bytearray(size))
        assert buffer == buffer_too and part.tell() == reference.tell()
        nested.seek(where % 500)
        assert nested.read(size) == data[50 + where % 500:50 + min(500, where % 500 + size)]
    part.seek(0, 2)
    assert part.tell() == len(data) and part.read(10) == b""
    assert isinstance(nested, ViewFile) and nested._buf.obj is whole._buf.obj  # a view, not a copy
    nested.close()
    part.close()
    whole.close()
    (tmp_path / "pickled").write_bytes(pickle.dumps(["a", 1]) + pickle.dumps({"b": 2.5}, protocol=0))
    f = MappedStorage(str(tmp_path)).open_file("pickled")
    assert f.read_pickle() == ["a", 1] and f.read_pickle() == {"b": 2.5}
    f.close()
    (tmp_path / "empty").write_bytes(b"")
    with MappedStorage(str(tmp_path)).open_file("empty") as f:  # cannot be mapped: read as a file
        assert f.read() == b""


def test_whoosh_reads_an_index_through_views_as_through_its_storage(tmp_path, monkeypatch):
    members = []
    subset = ViewFile.subset
    monkeypatch.setattr(ViewFile, "subset", lambda self, *args, **kw: members.append(args) or subset(self, *args, **kw))
    ix = Index.open(tmp_path / "ix", create=True)
    ix.add([SEED])
    folder = ix.engine.whoosh.storage.folder
    assert isinstance(ix.engine.whoosh.storage, MappedStorage)  # what searchidx opens its indexes with
    ours = whoosh_index.FileIndex(MappedStorage(folder), indexname="MAIN")
    theirs = whoosh_index.FileIndex(FileStorage(folder), ours.schema, "MAIN")
    a, b = ours.reader(), theirs.reader()
    assert_readers_agree(a, b)
    assert len(members) > 5  # the segment's members were opened as views
    a.close()
    b.close()
