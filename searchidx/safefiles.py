"""The index folder's own files (`searchidx.index.store`), written so that nothing planted in the folder
redirects a write.

An index folder may come from elsewhere, or be writable by someone else: a symbolic link at the lock or
at a temporary name would make a write land outside it, and a manifest naming another folder as its
generation would make a writer clean up (delete) files there. Here:

- the lock is opened without following links (``O_NOFOLLOW``) and must be a regular file; a read-only
  command only looks at an existing lock, never creates or truncates it;
- the manifest is written to a fresh temporary name (`tempfile.mkstemp`: ``O_EXCL``, unpredictable) and
  renamed over the old one;
- the manifest's fields are checked: a generation is a plain ``gen-N`` name inside the folder;
- what searchidx writes is readable by its owner only (`FILE_MODE`, `FOLDER_MODE`), or as the index's
  own mode says (`check_mode`, stored in the manifest; `searchidx.engine.whoosh.checksums.apply_mode`
  sets it on the engine's files at every commit).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import re
import signal
import stat
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from searchidx.errors import SearchidxError

#: Modes of the index's files and folders: the owner's only (an index holds the text of its sources).
FILE_MODE = 0o600
FOLDER_MODE = 0o700
_GENERATION = re.compile(r"gen-[0-9]{1,9}")


def check_mode(mode: int | str) -> int:
    """The file mode an index may be given (an int, or an octal string such as ``"0640"``), checked: the
    owner reads and writes, nothing executes or is special, nobody else writes unless the group does;
    never world-writable. Raises `SearchidxError` saying why."""
    if isinstance(mode, str):
        try:
            value = int(mode, 8)
        except ValueError:
            raise SearchidxError(f"mode {mode!r} is not an octal file mode such as 0600 or 0640") from None
    elif isinstance(mode, int) and not isinstance(mode, bool):
        value = mode
    else:
        raise SearchidxError(f"mode {mode!r} is not a file mode such as 0o600 or 0o640")
    shown = f"{value:04o}" if 0 <= value <= 0o7777 else str(mode)
    if not 0 <= value <= 0o777:
        raise SearchidxError(f"mode {shown} is not a file mode (setuid, setgid and sticky bits are not allowed)")
    if value & 0o600 != 0o600:
        raise SearchidxError(f"mode {shown} does not let the owner read and write the index (it needs 0600)")
    if value & 0o111:
        raise SearchidxError(f"mode {shown} makes the index's files executable; give the files' mode (e.g. 0640)")
    if value & 0o002:
        raise SearchidxError(f"mode {shown} makes the index world-writable: anyone could plant data in it")
    return value


def folder_mode(mode: int) -> int:
    """The folders' mode for a files' mode: searchable by whoever may read (0640 -> 0750)."""
    return mode | (mode & 0o444) >> 2


class DamagedIndexError(SearchidxError):
    """The index folder's own files are damaged or were tampered with; the message says how to recover."""


def open_lock(path: Path) -> int:
    """A descriptor of the lock file at ``path`` for writing, created if missing; never through a link."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, FILE_MODE)
    except OSError as exc:
        raise SearchidxError(f"cannot open the lock {path}: {why(exc)}") from None
    _regular_or_close(fd, path)
    return fd


def open_lock_readonly(path: Path) -> int | None:
    """A read-only descriptor of an existing lock file (None if there is none): for a command that only
    reads the index and must not create or truncate anything."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise SearchidxError(f"cannot open the lock {path}: {why(exc)}") from None
    _regular_or_close(fd, path)
    return fd


def _regular_or_close(fd: int, path: Path) -> None:
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise SearchidxError(f"{path} is not a regular file; remove it (searchidx made it a file)")


def why(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "it is a symbolic link (an index's own files are never links: remove it)"
    return exc.strerror or str(exc)


def write_atomically(path: Path, text: str, *, durable: bool = True, mode: int = FILE_MODE) -> None:
    """Replace ``path`` with ``text``: written to a fresh temporary file beside it with ``mode`` (whatever
    the umask), synced (unless not ``durable``), renamed. Ctrl-C waits for it: interrupted, it would leave
    the temporary file behind."""
    with _signals_held():
        _write_atomically(path, text, durable=durable, mode=mode)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl-C and SIGTERM wait until the block is done. Blocking them in this thread is not enough when other
    threads run (a file watcher's): the kernel hands the signal to one of those, and Python raises it in the
    main thread at its next step, inside the block. So the main thread's handlers only note the signal
    meanwhile, and it is raised again once the block is done."""
    held = (signal.SIGINT, signal.SIGTERM)
    noted: list[int] = []
    handlers: dict[int, Any] = {}
    if threading.current_thread() is threading.main_thread():
        for sig in held:
            with contextlib.suppress(ValueError, OSError):
                handlers[sig] = signal.signal(sig, lambda signum, frame: noted.append(signum))
    try:
        old = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    except (AttributeError, OSError, ValueError):  # no POSIX signal masks here
        old = None
    try:
        yield
    finally:
        if old is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, old)
        for sig, handler in handlers.items():
            signal.signal(sig, handler)
        for sig in dict.fromkeys(noted):
            signal.raise_signal(sig)


def _write_atomically(path: Path, text: str, *, durable: bool, mode: int) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        if mode != FILE_MODE:  # mkstemp's files are 0600; readers the mode admits can read it once renamed
            os.fchmod(fd, mode)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            if durable:
                os.fsync(fh.fileno())  # the data is on disk before the name points at it
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def read_text_nofollow(path: Path) -> str:
    """The file's text; a symbolic link is refused (`OSError` with ELOOP)."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK)
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
            raise OSError(0, "not a regular file")
        return fh.read().decode("utf-8")


def validate_manifest(folder: Path, data: Any) -> dict[str, Any]:
    """The manifest's fields, checked: raises `DamagedIndexError` for anything searchidx never writes."""
    name = folder / "searchidx.json"
    rebuild = f"rebuild the index from its sources with: searchidx build --rebuild PATH... --index {folder}"
    if not isinstance(data, dict):
        raise DamagedIndexError(f"{name} is damaged (not an object); {rebuild}")
    for key in ("generation", "previous"):
        value = data.get(key)
        if value is None or (key == "generation" and value == "."):
            continue
        if not isinstance(value, str) or not (_GENERATION.fullmatch(value) or value == "."):
            raise DamagedIndexError(f"{name} is damaged: its {key} {value!r} is not a generation folder "
                                    f"name (gen-N); {rebuild}")
    if "mode" in data:
        try:
            if not isinstance(data["mode"], str):
                raise SearchidxError(f"mode {data['mode']!r} is not an octal string")
            check_mode(data["mode"])
        except SearchidxError as exc:
            raise DamagedIndexError(f"{name} is damaged: its {exc}; {rebuild}") from None
    sources = data.get("sources", [])
    if not isinstance(sources, list) or not all(isinstance(s, str) and os.path.isabs(s) for s in sources):
        raise DamagedIndexError(f"{name} is damaged: its sources are not a list of absolute paths; {rebuild}")
    return data


def is_generation_name(name: str) -> bool:
    return bool(_GENERATION.fullmatch(name))


def manifest_checksum(data: dict[str, Any]) -> str:
    """The checksum of a manifest's fields (all but ``checksum``), as the manifest records it."""
    body = {k: v for k, v in data.items() if k != "checksum"}
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()


def has_index_data(folder: Path) -> str | None:
    """The name of a generation folder (or Whoosh table of contents) in ``folder``, if any."""
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return None
    for name in names:
        if is_generation_name(name) or re.fullmatch(r"_MAIN_\d+\.toc", name):
            return name
    return None
