"""Reading an index's files through mmap, without copying them.

Whoosh maps a compound segment and opens each member file as a ``BytesIO`` over the mapped bytes, which
copies the member whole: a fresh process's first search pays for copying every member it reads, and holds
the copies.
Here a member is a view of the mapping: reading a piece copies that piece only, and the pages stay the
page cache's. (Worker processes that merge read through `readahead` instead: a window per file.)
"""

from __future__ import annotations

import fcntl
import io
import mmap
import os
import pickle
from typing import Any

from whoosh.filedb.filestore import FileStorage, ReadOnlyError
from whoosh.filedb.structfile import BufferFile, StructFile

from searchidx.engine.whoosh import safepickle

#: Bytes copied ahead to read a pickle from (a posting block's header is well under this).
_PICKLE_AHEAD = 1024


class ViewReader:
    """A read-only, file-like cursor over a memoryview: what Whoosh reads in order (a segment's table of
    contents, pickles, arrays) through ``read``, ``readline``, ``readinto``, ``seek`` and ``tell``."""

    def __init__(self, view: memoryview) -> None:
        self.view = view
        self.pos = 0

    def read(self, size: int | None = -1) -> bytes:
        start = self.pos
        end = len(self.view) if size is None or size < 0 else min(len(self.view), start + size)
        self.pos = max(start, end)
        return bytes(self.view[start:end])

    def readinto(self, buffer: Any) -> int:
        data = self.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)

    def readline(self, size: int | None = -1) -> bytes:
        limit = len(self.view) if size is None or size < 0 else min(len(self.view), self.pos + size)
        end = self.pos
        while end < limit:
            chunk = bytes(self.view[end:min(limit, end + 256)])
            newline = chunk.find(b"\n")
            if newline >= 0:
                end += newline + 1
                break
            end += len(chunk)
        return self.read(end - self.pos)

    def seek(self, where: int, whence: int = 0) -> int:
        base = {os.SEEK_SET: 0, os.SEEK_CUR: self.pos, os.SEEK_END: len(self.view)}[whence]
        self.pos = max(0, base + where)
        return self.pos

    def tell(self) -> int:
        return self.pos

    def close(self) -> None:
        pass


class ViewFile(BufferFile):
    """Whoosh's ``BufferFile`` over a view of a mapping, without its ``BytesIO`` copy; its members
    (``subset``, how a compound segment opens one) are views too."""

    def __init__(self, view: memoryview, name: str | None = None) -> None:
        self._buf = view
        self._name = name
        self.file = ViewReader(view)
        self.onclose = None
        self.is_real = False
        self.is_closed = False

    def subset(self, position: int, length: int, name: str | None = None) -> ViewFile:
        return ViewFile(self._buf[position:position + length], name=name or self._name)

    def read_pickle(self) -> Any:
        """The pickle at the position (a posting block's header, a segment list), through the restricted
        unpickler, read from a copy of the bytes ahead: the unpickler asks its file for every opcode, and a
        ``BytesIO`` answers much quicker than `ViewReader`."""
        reader = self.file
        start, size = reader.pos, _PICKLE_AHEAD
        while True:
            ahead = io.BytesIO(reader.view[start:start + size])
            try:
                value = safepickle.load(ahead)
            except safepickle.UnsafePickleError:
                raise
            except (EOFError, pickle.UnpicklingError):
                if start + size >= len(reader.view):
                    raise
                size *= 16  # longer than the bytes copied (a column block's lengths): copy more
                continue
            reader.pos = start + ahead.tell()
            return value


class MappedFile(ViewFile):
    """A whole file, mapped; closing it unmaps it once no member's view is left (else when they go)."""

    def __init__(self, mapping: mmap.mmap, name: str | None = None) -> None:
        super().__init__(memoryview(mapping), name)
        self._mapping = mapping

    def close(self) -> None:
        super().close()
        try:
            self._mapping.close()
        except BufferError:  # a member still open: the mapping closes when the last view is collected
            pass


class MappedStorage(FileStorage):
    """A `FileStorage` that opens files for reading as `MappedFile` (writing is Whoosh's own)."""

    def __init__(self, path: str, **kwargs: Any) -> None:
        # Whoosh's own mapping (supports_mmap) would map the compound file again and copy its members.
        super().__init__(path, supports_mmap=False, **kwargs)

    def open_file(self, name: str, **kwargs: Any) -> Any:
        path = self._fpath(name)
        with open(path, "rb") as f:
            if kwargs or not os.fstat(f.fileno()).st_size:  # an empty file cannot be mapped
                return super().open_file(name, **kwargs)
            mapping = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        return MappedFile(mapping, name=name)

    def create_file(self, name: str, **kwargs: Any) -> Any:
        return create_nofollow(self, name, **kwargs)

    def lock(self, name: str) -> Any:
        return NoFollowLock(self._fpath(name))


#: Mode of the files Whoosh writes: the owner's only (the umask may take more away).
FILE_MODE = 0o600


def create_nofollow(storage: FileStorage, name: str, *, excl: bool = False, mode: str = "wb", **kwargs: Any) -> Any:
    """Whoosh's ``create_file``, without following a link planted at the name (it would write elsewhere)."""
    if storage.readonly:
        raise ReadOnlyError
    flags = os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC | (os.O_EXCL if excl else os.O_TRUNC)
    flags |= os.O_RDWR if excl or "+" in mode else os.O_WRONLY
    fd = os.open(storage._fpath(name), flags, FILE_MODE)
    return StructFile(os.fdopen(fd, mode), name=name, **kwargs)


class NoFollowLock:
    """Whoosh's fcntl lock on a file, opened without following a link."""

    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.fd: int | None = None
        self.locked = False

    def acquire(self, blocking: bool = False) -> bool:
        self.fd = os.open(self.filename, os.O_CREAT | os.O_WRONLY | os.O_NOFOLLOW | os.O_CLOEXEC, FILE_MODE)
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
        except BlockingIOError:
            os.close(self.fd)
            self.fd = None
            return False
        self.locked = True
        return True

    def release(self) -> None:
        if self.fd is None:
            raise RuntimeError("Lock was not acquired")
        fcntl.flock(self.fd, fcntl.LOCK_UN)
        os.close(self.fd)
        self.fd = None
        self.locked = False
