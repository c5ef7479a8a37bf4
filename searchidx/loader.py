"""Load a release from a file or a string: `load_release(path)` and `load_text(text)`."""

from __future__ import annotations

import gzip
import hashlib
import os
from pathlib import Path

from .decoding import decode
from .draft import Draft
from .errors import LoadError
from .model import Release
from .pipeline import finish

#: Largest file read as one release, by default (releases are kilobytes; pages a few megabytes).
MAX_BYTES = 20 * 1024 * 1024

_BINARY_MAGIC = {
    b"%PDF": "a PDF file (export its text first)",
    b"PK\x03\x04": "a ZIP archive",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "an executable",
    b"\xd0\xcf\x11\xe0": "an old Office document",
}


def release_id(data: bytes) -> str:
    """Stable for the same content, wherever the file lies."""
    return hashlib.sha256(data).hexdigest()[:16]


def read_bytes(path: str | os.PathLike[str], max_bytes: int = MAX_BYTES) -> bytes:
    p = Path(path)
    try:
        if p.is_dir():
            raise LoadError(p, "is a folder, not a file")
        size = p.stat().st_size
        if size > max_bytes:
            raise LoadError(p, f"too large ({size / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.1f} MB)")
        with p.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except LoadError:
        raise
    except FileNotFoundError:
        raise LoadError(p, "no such file") from None
    except PermissionError:
        raise LoadError(p, "permission denied") from None
    except OSError as exc:
        raise LoadError(p, exc.strerror or str(exc)) from None
    if data[:2] == b"\x1f\x8b":
        try:
            with gzip.GzipFile(fileobj=__import__("io").BytesIO(data)) as gz:
                data = gz.read(max_bytes + 1)
        except (OSError, EOFError) as exc:
            raise LoadError(p, f"broken gzip file ({exc})") from None
        if len(data) > max_bytes:
            raise LoadError(p, f"too large once decompressed (over {max_bytes / 1e6:.1f} MB)")
    return data


def load_release(path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES) -> Release:
    """Read one release file (any supported format). Raises `LoadError` with the reason."""
    data = read_bytes(path, max_bytes)
    return load_bytes(data, str(path))


def load_bytes(data: bytes, path: str = "<bytes>") -> Release:
    if not data.strip():
        raise LoadError(path, "empty file")
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise LoadError(path, f"not a release: {what}")
    if _binary(data):
        raise LoadError(path, "not a release: binary data")
    text = decode(data)
    return _load(text, path, release_id(data))


def load_text(text: str, path: str = "<text>") -> Release:
    """Load a release from text already in memory (for tools that have it)."""
    return _load(text, path, release_id(text.encode("utf-8")))


def _binary(data: bytes) -> bool:
    sample = data[:4096]
    if b"\x00" in sample and not (sample[:2] in (b"\xff\xfe", b"\xfe\xff") or sample[1:2] == b"\x00"
                                 or sample[0:1] == b"\x00"):
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls > len(sample) * 0.1


def _load(text: str, path: str, rid: str) -> Release:
    from .formats.text import parse_text

    draft: Draft = parse_text(text, path, rid)
    release = finish(draft)
    if not release.paragraphs and not release.title:
        raise LoadError(path, "no text found")
    return release


#: File names never taken for releases when a folder is walked.
_SKIP_NAMES = {"README.md", "PROVENANCE.md", "LICENSE", ".DS_Store"}


def discover(paths: list[str | os.PathLike[str]]) -> tuple[list[Path], list[LoadError]]:
    """The release files under ``paths`` (files and folders, walked recursively, sorted), and the
    problems met on the way (a path that does not exist, a folder that cannot be read, a link loop)."""
    found: list[Path] = []
    problems: list[LoadError] = []
    seen_dirs: set[tuple[int, int]] = set()
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            problems.append(LoadError(p, "no such file or folder"))
        elif p.is_dir():
            _walk(p, found, problems, seen_dirs)
        else:
            found.append(p)
    return sorted(set(found)), problems


def _walk(folder: Path, found: list[Path], problems: list[LoadError], seen: set[tuple[int, int]]) -> None:
    try:
        st = folder.stat()
        key = (st.st_dev, st.st_ino)
        if key in seen:
            problems.append(LoadError(folder, "folder already visited (a link loop?)"))
            return
        seen.add(key)
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        problems.append(LoadError(folder, f"cannot read folder ({exc.strerror or exc})"))
        return
    for entry in entries:
        if entry.name.startswith(".") or entry.name in _SKIP_NAMES:
            continue
        path = Path(entry.path)
        try:
            if entry.is_dir():
                _walk(path, found, problems, seen)
            elif entry.is_file():
                found.append(path)
            elif entry.is_symlink():
                problems.append(LoadError(path, "broken link"))
        except OSError as exc:
            problems.append(LoadError(path, exc.strerror or str(exc)))
