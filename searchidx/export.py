"""`searchidx export`: every paragraph of an index with its release's metadata, as JSON Lines, CSV or an
SQLite database that `datasette` and `sqlite-utils` open as they are.

Streamed: paragraphs are read from the index one at a time and written as they come (SQLite in batches of
`BATCH` rows), so memory stays the same however big the index. The SQLite database has a table
``paragraphs`` (one row per paragraph, columns `FIELDS`, primary key ``id``) and an FTS5 table
``paragraphs_fts`` over its ``text`` and ``speaker`` (Porter stemming, accents folded: as searchidx
matches words), declared with ``content="paragraphs"`` as sqlite-utils makes them, so ``sqlite-utils
search export.db paragraphs WORD`` and Datasette's search box use it.
"""

from __future__ import annotations

import csv
import json
import os
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from searchidx.errors import SearchidxError

if TYPE_CHECKING:
    from searchidx.index.core import Index

#: Columns of every format, in order. Stable: new ones are only ever added at the end.
FIELDS = ("id", "release", "n", "kind", "speaker", "speaker_role", "speaker_key", "title", "date", "source",
          "location", "url", "path", "text", "content_id")
FORMATS = ("jsonl", "csv", "sqlite")
#: Rows per SQLite transaction.
BATCH = 2000

Progress = Callable[[int, int, str], None]


def export(index: Index, fmt: str, out: str | os.PathLike[str] | IO[str], *, progress: Progress | None = None) -> int:
    """Write every paragraph of ``index`` in ``fmt`` to ``out`` (a path, or for jsonl and csv an open text
    stream). Returns the number of paragraphs written. ``progress(done, total, "")`` every `BATCH` rows."""
    if fmt not in FORMATS:
        raise SearchidxError(f"unknown export format {fmt!r} (use {', '.join(FORMATS)})")
    total = index.stats().paragraphs
    rows = _counted(index.engine.paragraphs(), total, progress)
    if fmt == "sqlite":
        if not isinstance(out, (str, os.PathLike)):
            raise SearchidxError("an SQLite export needs a file name (--output FILE)")
        return _sqlite(rows, Path(out))
    if isinstance(out, (str, os.PathLike)):
        with open(out, "w", encoding="utf-8", newline="") as fh:
            return _text(rows, fmt, fh)
    return _text(rows, fmt, out)


def _counted(rows: Iterable[dict[str, Any]], total: int, progress: Progress | None) -> Iterable[dict[str, Any]]:
    done = 0
    for row in rows:
        yield row
        done += 1
        if progress and done % BATCH == 0:
            progress(done, total, "")
    if progress:
        progress(done, max(total, done), "")


def _text(rows: Iterable[dict[str, Any]], fmt: str, fh: IO[str]) -> int:
    count = 0
    if fmt == "jsonl":
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
        return count
    writer = csv.writer(fh, lineterminator="\n")
    writer.writerow(FIELDS)
    for row in rows:
        writer.writerow(["" if row[f] is None else row[f] for f in FIELDS])
        count += 1
    return count


def _sqlite(rows: Iterable[dict[str, Any]], path: Path) -> int:
    # Written beside the target and renamed at the end: an export stopped half-way leaves no half database.
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    count = 0
    try:
        db = sqlite3.connect(tmp)
        try:
            columns = ", ".join(f"[{f}] {'INTEGER' if f == 'n' else 'TEXT'}" + (" PRIMARY KEY" if f == "id" else "")
                                for f in FIELDS)
            db.execute(f"CREATE TABLE [paragraphs] ({columns})")
            insert = f"INSERT INTO [paragraphs] ({', '.join(f'[{f}]' for f in FIELDS)}) VALUES ({', '.join('?' * len(FIELDS))})"
            batch: list[tuple[Any, ...]] = []
            for row in rows:
                batch.append(tuple(row[f] for f in FIELDS))
                if len(batch) >= BATCH:
                    db.executemany(insert, batch)
                    db.commit()
                    count += len(batch)
                    batch = []
            db.executemany(insert, batch)
            count += len(batch)
            for column in ("release", "speaker_key", "date", "source"):
                db.execute(f"CREATE INDEX [idx_paragraphs_{column}] ON [paragraphs] ([{column}])")
            db.execute("CREATE VIRTUAL TABLE [paragraphs_fts] USING FTS5 ([text], [speaker], content=[paragraphs], "
                       "tokenize='porter unicode61 remove_diacritics 2')")
            db.execute("INSERT INTO [paragraphs_fts] ([paragraphs_fts]) VALUES ('rebuild')")
            db.commit()
        finally:
            db.close()
        os.replace(tmp, path)
    except sqlite3.Error as exc:
        tmp.unlink(missing_ok=True)
        raise SearchidxError(f"cannot write {path}: {exc}") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return count
