"""segments.add_segments makes the segment Whoosh's own merge (`add_reader`) makes; LengthsInMemoryWriter the
segment Whoosh's writer makes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from whoosh import index as whoosh_index
from whoosh.reading import SegmentReader
from whoosh.writing import SegmentWriter

from searchidx import Index
from searchidx.engine.whoosh.segments import LengthsInMemoryWriter, add_segments
from tests.conftest import FIXTURES, SEEDS
from tests.test_parallel import posting_list
from tests.test_search import RELEASES


def several_segments(tmp_path: Path) -> Path:
    """An index of the seeds, the test releases and the fixtures, one commit each (one segment each), and of
    copies of the plain-text ones in one more; then releases removed and one changed: segments with
    deleted documents."""
    folder = tmp_path / "releases"
    folder.mkdir()
    for name, text in RELEASES.items():
        (folder / name).write_text(text, encoding="utf-8")
    for f in list(SEEDS.iterdir()) + [f for f in FIXTURES.iterdir() if f.suffix in (".txt", ".html", ".json")]:
        shutil.copy(f, folder / f.name)
    ix = Index.open(tmp_path / "ix", create=True)
    for f in sorted(folder.iterdir()):
        ix.add([f])
    # Copies of the plain-text releases, in one segment, so that common terms have postings in several
    # blocks (Whoosh cuts a term's postings every 128 documents); one copy removed again.
    copies = tmp_path / "copies"
    copies.mkdir()
    for n in range(4):
        for f in folder.glob("*.txt"):
            shutil.copy(f, copies / f"{n}_{f.name}")
    ix.add(sorted(copies.iterdir()))
    names = sorted(RELEASES)
    ix.remove([folder / names[0], folder / names[1], *sorted(copies.glob("1_*"))[::2]])
    changed = folder / names[2]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\nA late paragraph about the budget.\n",
                       encoding="utf-8")
    ix.add([changed])
    return ix.engine.whoosh.storage.folder


def merged(folder: str, fast: bool) -> whoosh_index.Index:
    ix = whoosh_index.open_dir(folder, indexname="MAIN")
    segments = ix._segments()
    writer = (LengthsInMemoryWriter if fast else SegmentWriter)(ix)  # the writer the workers merge with
    readers = [SegmentReader(ix.storage, ix.schema, s) for s in segments]
    if fast:
        add_segments(writer, readers)
    else:
        for reader in readers:
            writer.add_reader(reader)
    segment = writer._finalize_segment()
    for reader in readers:
        reader.close()
    writer._commit_toc([segment])
    writer._finish()
    return whoosh_index.open_dir(folder, indexname="MAIN")


def test_add_segments_writes_what_whoosh_merge_writes(tmp_path):
    folder = several_segments(tmp_path)
    first = whoosh_index.open_dir(folder, indexname="MAIN")
    assert len(first._segments()) >= 3 and first.reader().has_deletions()
    copies = [tmp_path / "fast", tmp_path / "whoosh"]
    for copy in copies:
        shutil.copytree(folder, copy)
    ours, theirs = merged(str(copies[0]), True), merged(str(copies[1]), False)
    assert len(ours._segments()) == 1 and not ours.reader().has_deletions()
    assert ours.doc_count_all() == first.doc_count()
    assert_same_index(ours, theirs)
    # Written block by block rather than posting by posting, the postings and terms are the same bytes.
    for ext in (".pst", ".trm"):
        assert segment_file(ours, ext) == segment_file(theirs, ext), ext


def segment_file(ix: whoosh_index.Index, ext: str) -> bytes:
    """The bytes of one file of a one-segment index (compound or not)."""
    (segment,) = ix._segments()
    name = segment.make_filename(ext)
    storage = segment.open_compound_file(ix.storage) if segment.is_compound() else ix.storage
    with storage.open_file(name) as f:
        return f.read()


def assert_same_index(ours, theirs) -> None:
    """The same documents, stored fields, terms, postings, term statistics, columns and lengths."""
    a, b = ours.reader(), theirs.reader()
    assert a.doc_count_all() == b.doc_count_all()
    assert list(a.all_stored_fields()) == list(b.all_stored_fields())
    terms = list(a.all_terms())
    assert terms == list(b.all_terms()) and len(terms) > 1000
    for fieldname, text in terms:
        assert posting_list(a, fieldname, text) == posting_list(b, fieldname, text), (fieldname, text)
        x, y = a.term_info(fieldname, text), b.term_info(fieldname, text)
        assert (x.weight(), x.doc_frequency(), x.min_length(), x.max_length(), x.max_weight(), x.min_id(),
                x.max_id()) == (y.weight(), y.doc_frequency(), y.min_length(), y.max_length(), y.max_weight(),
                                y.min_id(), y.max_id())
    schema = ours.schema
    for name in schema.names():
        assert a.field_length(name) == b.field_length(name)
        if schema[name].column_type:
            assert list(a.column_reader(name)) == list(b.column_reader(name)), name
        if schema[name].scorable:
            assert [a.doc_field_length(d, name) for d in range(a.doc_count_all())] == \
                [b.doc_field_length(d, name) for d in range(b.doc_count_all())], name


@pytest.mark.parametrize("limitmb", [128, 0.2])  # 0.2: its pool hands over to Whoosh's half-way
def test_segment_writer_writes_what_whoosh_writer_writes(tmp_path, limitmb):
    from whoosh.writing import SegmentWriter

    from searchidx.engine.whoosh.documents import write_release
    from searchidx.engine.whoosh.schema import schema
    from searchidx.errors import LoadError
    from searchidx.load.core import discover, load_release

    files, _ = discover([SEEDS, FIXTURES])
    releases = []
    for f in files:
        try:
            releases.append((str(f), load_release(f)))
        except LoadError:  # refused pages are the loader's tests' business
            continue
    releases *= 2  # common terms in several blocks
    indexes = []
    for name, writer_class in (("ours", LengthsInMemoryWriter), ("whoosh", SegmentWriter)):
        (tmp_path / name).mkdir()
        ix = whoosh_index.create_in(str(tmp_path / name), schema(), indexname="MAIN")
        writer = writer_class(ix, limitmb=limitmb)
        for path, release in releases:
            write_release(writer, path, "hash", release)
        if name == "ours":
            assert (writer.pool.whoosh is None) == (limitmb == 128)
        writer.commit(merge=False)
        indexes.append(whoosh_index.open_dir(str(tmp_path / name), indexname="MAIN"))
    assert LengthsInMemoryWriter is not SegmentWriter and indexes[0].doc_count() > 200
    assert_same_index(*indexes)
    for ext in (".pst", ".trm"):
        assert segment_file(indexes[0], ext) == segment_file(indexes[1], ext), ext


def test_the_term_pool_hands_postings_out_of_order_to_whoosh(tmp_path):
    ix = Index.open(tmp_path / "ix", create=True)
    writer = LengthsInMemoryWriter(ix.engine.whoosh)
    pool = writer.pool
    postings = [("text", b"budget", 0, 1.0, b"a"), ("text", b"audit", 1, 2.0, b"b"),
                ("text", b"budget", 2, 1.0, b"c")]
    for posting in postings:
        pool.add(posting)
    assert pool.whoosh is None and list(pool.iter_postings()) == sorted(postings)
    late = ("text", b"audit", 0, 1.0, b"d")  # a document before one the term already has
    pool.add(late)
    assert pool.whoosh is not None and list(pool.iter_postings()) == sorted([*postings, late])
    writer.cancel()


def test_add_segments_needs_an_empty_writer_of_its_own(tmp_path):
    folder = several_segments(tmp_path)
    ix = whoosh_index.open_dir(folder, indexname="MAIN")
    readers = [SegmentReader(ix.storage, ix.schema, s) for s in ix._segments()]
    writer = LengthsInMemoryWriter(ix)
    writer.add_document(doctype="para", text="one more")
    with pytest.raises(ValueError):
        add_segments(writer, readers)
    writer.cancel()
    writer = SegmentWriter(ix)  # its _flush_segment would not write the merged postings
    with pytest.raises(TypeError):
        add_segments(writer, readers)
    writer.cancel()


def test_optimized_index_searches_like_before(tmp_path):
    folder = tmp_path / "releases"
    folder.mkdir()
    for name, text in RELEASES.items():
        (folder / name).write_text(text, encoding="utf-8")
    ix = Index.open(tmp_path / "ix", create=True)
    for f in sorted(folder.iterdir()):
        ix.add([f])
    ix.remove([sorted(folder.iterdir())[0]])
    queries = ["budget", '"district attorney"', "speaker:garcia", "title:council", "sentenc*"]
    before = {q: [(h.id, h.title, h.speaker, h.highlights) for h in ix.search(q, limit=50).hits] for q in queries}
    assert ix.merge(optimize=True) == 1
    assert ix.check().ok
    after = {q: [(h.id, h.title, h.speaker, h.highlights) for h in ix.search(q, limit=50).hits] for q in queries}
    assert after == before and any(before.values())
