"""searchidx.engine.whoosh.codec: stored fields compressed in blocks, read back as written, beside segments written with
Whoosh's own codec (indexes built before it)."""

from __future__ import annotations

from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import W3Codec
from whoosh.filedb.filestore import RamStorage

from searchidx import Index
from searchidx.engine.whoosh import segments
from searchidx.engine.whoosh.codec import STORED_BLOCKS, SearchidxCodec
from searchidx.engine.whoosh.segments import LengthsInMemoryWriter
from tests.test_search import RELEASES
from tests.test_segments import segment_file


def test_a_block_column_reads_back_every_value_gaps_too():
    storage = RamStorage()
    values = {n: f"paragraph {n} ".encode() * (n % 7) for n in range(0, 900) if n % 11}  # gaps inside blocks
    with storage.create_file("col") as f:
        writer = STORED_BLOCKS._child.writer(f)
        for n, value in values.items():
            writer.add(n, value)
        writer.finish(900)
        length = f.tell()
    reader = STORED_BLOCKS._child.reader(storage.open_file("col"), 0, length, 900)
    assert len(reader._blocks) > 3
    for n in [*range(900), 5, 899, 0, 450]:  # in order, then jumping back
        assert reader[n] == values.get(n, b"")
    assert list(reader) == [values.get(n, b"") for n in range(900)]


def _write(tmp_path, names) -> None:
    folder = tmp_path / "releases"
    folder.mkdir(exist_ok=True)
    for name in names:
        (folder / name).write_text(RELEASES[name], encoding="utf-8")


def test_segments_of_whoosh_codec_and_of_ours_live_side_by_side(tmp_path, monkeypatch):
    names = sorted(RELEASES)
    half = len(names) // 2
    _write(tmp_path, names)
    folder = tmp_path / "releases"
    ix = Index.open(tmp_path / "ix", create=True)
    with monkeypatch.context() as m:  # as an index built before searchidx had its codec
        m.setattr(segments, "SearchidxCodec", W3Codec)
        ix.add([folder / n for n in names[:half]])
    ix.add([folder / n for n in names[half:]])
    codecs = {type(s.codec()) for s in ix.engine.whoosh._segments()}
    assert codecs == {W3Codec, SearchidxCodec}
    paths = {str((folder / n).resolve()) for n in names}
    hits = [h for q in ("budget", "council", "fraud", "law") for h in ix.search(q, limit=100).hits]
    assert {h.path for h in hits} == paths
    releases = {h.release for h in hits}
    shown = {rid: ix.release(rid).to_dict() for rid in releases}
    assert all(release["paragraphs"] for release in shown.values()) and ix.check().ok
    stored = sorted(map(repr, ix.engine.whoosh.reader().all_stored_fields()))
    assert ix.merge(optimize=True) == 1  # one segment, in our codec, the same documents
    assert {type(s.codec()) for s in ix.engine.whoosh._segments()} == {SearchidxCodec}
    assert sorted(map(repr, ix.engine.whoosh.reader().all_stored_fields())) == stored
    assert {rid: ix.release(rid).to_dict() for rid in releases} == shown and ix.check().ok


def test_stored_fields_take_less_room_than_in_whoosh_codec(tmp_path):
    from searchidx.engine.whoosh.documents import write_release
    from searchidx.engine.whoosh.schema import schema
    from searchidx.load.core import load_release

    _write(tmp_path, RELEASES)
    releases = [(str(f), load_release(f)) for f in sorted((tmp_path / "releases").iterdir())] * 12
    stored = {}
    for name, writer_codec in (("ours", SearchidxCodec()), ("whoosh", W3Codec())):
        (tmp_path / name).mkdir()
        ix = whoosh_index.create_in(str(tmp_path / name), schema(), indexname="MAIN")
        writer = LengthsInMemoryWriter(ix, codec=writer_codec)
        for path, release in releases:
            write_release(writer, path, "hash", release)
        writer.commit(merge=False)
        ix = whoosh_index.open_dir(str(tmp_path / name), indexname="MAIN")
        stored[name] = (len(segment_file(ix, "._stored.col")), list(ix.reader().all_stored_fields()))
    assert stored["ours"][1] == stored["whoosh"][1] and len(stored["ours"][1]) > 100
    assert stored["ours"][0] < 0.7 * stored["whoosh"][0]
