"""Load a release from a file or a string: `load_release(path)` and `load_text(text)`."""

from __future__ import annotations

import codecs
import gzip
import hashlib
import io
import os
import re
import stat
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from searchidx.errors import LoadError
from searchidx.load.dates import reading_order
from searchidx.load.decoding import decode, looks_utf16
from searchidx.load.draft import Draft
from searchidx.load.formats.akn import is_akoma_ntoso, parse_akoma_ntoso
from searchidx.load.formats.html import parse_html
from searchidx.load.formats.jsonfeed import parse_item, read_items
from searchidx.load.formats.newsml import is_newsml, parse_newsml
from searchidx.load.formats.sec import unwrap_sec
from searchidx.load.formats.text import parse_text
from searchidx.load.formats.xmldoc import is_xml_document, parse_xml_document
from searchidx.load.frontmatter import apply_front_matter, front_title, split_front_matter
from searchidx.load.limits import EMPTY, MAX_SECONDS, Deadline, Stopped, stop_at
from searchidx.load.metadata import bot_check
from searchidx.load.pipeline import finish
from searchidx.load.problems import LoadWarning, release_warnings  # noqa: F401 - part of this module's API
from searchidx.load.selection import INDEX_MARKERS, Exclusions, not_a_release
from searchidx.model import Release

#: Largest file read as one release, by default (releases are kilobytes, saved pages a few hundred).
MAX_BYTES = 10 * 1024 * 1024

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


#: The path that means standard input, as in most command-line tools.
STDIN = "-"


def _not_regular(mode: int) -> str:
    what = ("a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a file")
    return f"not a regular file ({what}): skipped"


def read_bytes(path: str | os.PathLike[str], max_bytes: int = MAX_BYTES) -> bytes:
    """A file's bytes (``-``: standard input's), gzip undone, refused when over ``max_bytes``."""
    if str(path) == STDIN:
        return _read_stdin(max_bytes)
    p = Path(path)
    try:
        if p.is_dir():
            raise LoadError(p, "is a folder, not a file")
        # Opened without blocking and checked before reading: a FIFO would wait for a writer for ever, a
        # device give endless data.
        fd = os.open(p, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
        with os.fdopen(fd, "rb") as fh:
            st = os.fstat(fh.fileno())
            if not stat.S_ISREG(st.st_mode):
                raise LoadError(p, _not_regular(st.st_mode))
            if st.st_size > max_bytes:
                raise LoadError(p, f"too large ({st.st_size / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.1f} MB)")
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
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as gz:
                data = gz.read(max_bytes + 1)
        except (OSError, EOFError) as exc:
            raise LoadError(p, f"broken gzip file ({exc})") from None
        if len(data) > max_bytes:
            raise LoadError(p, f"too large once decompressed (over {max_bytes / 1e6:.1f} MB)")
    return data


def _read_stdin(max_bytes: int) -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise LoadError(STDIN, "no standard input to read")
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise LoadError(STDIN, f"too large (over {max_bytes / 1e6:.1f} MB)")
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise LoadError(STDIN, f"broken gzip data ({exc})") from None
    return data


def load_release(path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES,
                 max_seconds: float | None = MAX_SECONDS) -> Release:
    """Read one release file (any supported format; ``-``: standard input). Raises `LoadError` with the
    reason.

    A file holding several releases (JSON Lines, a JSON array) gives its first; see `load_releases`.
    """
    return _load_file(path, max_bytes=max_bytes, max_seconds=max_seconds, first_only=True)[0]


def load_releases(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], *, max_bytes: int = MAX_BYTES,
                  max_seconds: float | None = MAX_SECONDS, first_only: bool = False) -> list[Release]:
    """Every release in a file (one for most formats, one per object in JSON Lines or a JSON array), or in
    several files and folders (walked as `build` walks them), in order. ``-`` is standard input.
    Raises `LoadError` for the first file that cannot be read (`discover` and `load_release` go file by
    file for those who want to go on)."""
    if isinstance(paths, (str, os.PathLike)):
        if str(paths) == STDIN or not Path(paths).is_dir():
            return _load_file(paths, max_bytes=max_bytes, max_seconds=max_seconds, first_only=first_only)
        paths = [paths]
    releases: list[Release] = []
    for path in paths:
        if str(path) == STDIN:
            files: list[Any] = [STDIN]
        else:
            files, problems = discover([path])
            if problems:
                raise problems[0]
        for file in files:
            releases.extend(_load_file(file, max_bytes=max_bytes, max_seconds=max_seconds, first_only=first_only))
    return releases


def _load_file(path: str | os.PathLike[str], *, max_bytes: int, max_seconds: float | None,
               first_only: bool) -> list[Release]:
    name = "<stdin>" if str(path) == STDIN else str(path)
    deadline = Deadline(name, max_seconds)
    data = read_bytes(path, max_bytes)
    return _load_data(data, name, deadline, first_only)


def load_bytes(data: bytes, path: str = "<bytes>", *, max_seconds: float | None = MAX_SECONDS) -> Release:
    return _load_data(data, path, Deadline(path, max_seconds), first_only=True)[0]


def load_text(text: str, path: str = "<text>", *, max_seconds: float | None = MAX_SECONDS) -> Release:
    """Load a release from text already in memory (for tools that have it)."""
    data = text.encode("utf-8", errors="replace")
    deadline = Deadline(path, max_seconds)
    return _guarded(path, lambda: _load_decoded(text, data, path, deadline, True), deadline)[0]


def _load_data(data: bytes, path: str, deadline: Deadline, first_only: bool) -> list[Release]:
    if not data.strip():
        raise LoadError(path, EMPTY)
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise LoadError(path, f"not a release: {what}")
    if _binary(data):
        raise LoadError(path, "not a release: binary data")
    return _guarded(path, lambda: _load_decoded(decode(data), data, path, deadline, first_only), deadline)


def _guarded(path: str, load, deadline: Deadline):
    """Run a load, stopped at the deadline even inside a stage where it can be (`stop_at`); any failure
    becomes a one-line `LoadError` (a batch must never stop on one file)."""
    try:
        with stop_at(deadline):
            return load()
    except Stopped:
        raise LoadError(path, f"took too long (stopped at the limit of {deadline.max_seconds:g} s)") from None
    except LoadError:
        raise
    except RecursionError:
        raise LoadError(path, "markup nested too deeply") from None
    except MemoryError:
        raise LoadError(path, "out of memory while loading") from None
    except Exception as exc:  # noqa: BLE001 - reported, with its type, as this file's failure
        raise LoadError(path, f"unexpected error while loading ({type(exc).__name__}: {exc})") from None


def detect_format(text: str, path: str = "") -> str:
    """``html``, ``newsml``, ``akoma-ntoso``, ``xml``, ``json`` or ``text``, from the content first and the file name
    second."""
    head = text[:4000].lstrip("\ufeff \t\r\n")
    name = path.lower().removesuffix(".gz")
    if head.startswith("{") or (head.startswith("[") and name.endswith((".json", ".jsonl", ".ndjson"))):
        return "json"
    if head.startswith("[") and _JSON_ARRAY.match(head):
        return "json"
    if head.startswith("<"):
        if is_newsml(head):
            return "newsml"
        if is_akoma_ntoso(head):
            return "akoma-ntoso"
        if head.startswith("<?xml") and not _XHTML.search(head):
            return "xml"
        if _HTML_START.match(head) or _HTML_TAGS.search(head):
            return "html"
        if is_xml_document(head):
            return "xml"
    if name.endswith((".html", ".htm", ".xhtml")) and _HTML_TAGS.search(head):
        return "html"
    if _HTML_START.match(head) or len(_HTML_TAGS.findall(head)) >= 5:
        return "html"
    return "text"


_HTML_START = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.I)
_HTML_TAGS = re.compile(r"<(?:p|div|meta|title|br|span|a|h[1-6]|article|section|table|ul|li)\b[^<>]*>", re.I)
_XHTML = re.compile(r"<(?:!doctype\s+html|html)\b", re.I)
_JSON_ARRAY = re.compile(r"^\[\s*(?:\{|\]|\[)")


def _release_ids(data: bytes, count: int) -> list[str]:
    if count == 1:
        return [release_id(data)]
    # Several releases in one file: the file's bytes and the item's place make the id.
    return [hashlib.sha256(data + b"#%d" % n).hexdigest()[:16] for n in range(count)]


def _load_decoded(text: str, data: bytes, path: str, deadline: Deadline, first_only: bool) -> list[Release]:
    with reading_order(text):  # "9/3/2026" is read as the release writes its dates
        return _load_ordered(text, data, path, deadline, first_only)


def _load_ordered(text: str, data: bytes, path: str, deadline: Deadline, first_only: bool) -> list[Release]:
    front, text = split_front_matter(text)
    sec = unwrap_sec(text) if text.startswith(("-----BEGIN", "<SEC")) else None
    payload = data  # what the XML readers parse: the exhibit, inside a filing
    if sec is not None:
        text, payload = sec.text, sec.text.encode("utf-8")
    fmt = detect_format(text, path)
    drafts: list[Draft]
    if fmt == "json":
        items = read_items(text, path)
        ids = _release_ids(data, len(items))
        if first_only:
            items = items[:1]
        drafts = []
        for item, rid in zip(items, ids):
            drafts.append(parse_item(item, path if len(ids) == 1 else f"{path}#{len(drafts) + 1}", rid))
            deadline.check("reading JSON items")
    elif fmt == "newsml":
        drafts = [parse_newsml(payload.removeprefix(codecs.BOM_UTF8), path, release_id(data))]
    elif fmt == "akoma-ntoso":
        drafts = [parse_akoma_ntoso(payload.removeprefix(codecs.BOM_UTF8), path, release_id(data))]
    elif fmt == "xml":
        drafts = [parse_xml_document(payload.removeprefix(codecs.BOM_UTF8), path, release_id(data))]
    elif fmt == "html":
        drafts = [parse_html(text, path, release_id(data))]
    else:
        drafts = [parse_text(text, path, release_id(data), title=front_title(front))]
    deadline.check("reading the format")
    releases = []
    for draft in drafts:
        apply_front_matter(draft, front)
        release = finish(draft, deadline)
        if sec is not None:
            release.format = f"sec-{release.format}"
            release.source = release.source or sec.company
            release.date = release.date or sec.filed
        if not release.paragraphs and not release.title:
            raise LoadError(draft.path, "no text found")
        if bot_check(release.title, [p.text for p in release.paragraphs]):
            raise LoadError(draft.path, "no release text: the page is a bot check (the site refused the download)")
        releases.append(release)
    return releases


_CONTROL_BYTES = bytes([*range(0, 9), *range(14, 32)])


def _binary(data: bytes) -> bool:
    sample = data[:4096]
    if sample[:2] in (b"\xff\xfe", b"\xfe\xff") or looks_utf16(sample):
        return False  # UTF-16 text: half its bytes are zeros
    if b"\x00" in sample and not (sample[:2] in (b"\xff\xfe", b"\xfe\xff") or sample[1:2] == b"\x00"
                                 or sample[0:1] == b"\x00"):
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > len(sample) * 0.1


#: File names never taken for releases when a folder is walked.
_SKIP_NAMES = {"README.md", "PROVENANCE.md", "LICENSE", ".DS_Store"}


def discover(paths: list[str | os.PathLike[str]], *,
             exclude: Iterable[str] = (), follow_links: bool = False) -> tuple[list[Path], list[LoadError]]:
    """The release files under ``paths`` (files and folders, walked recursively, sorted), and the
    problems met on the way (a path that does not exist, a folder that cannot be read, a link loop, a
    FIFO, device or socket).

    In a folder, files and folders that ``exclude`` globs or a ``.searchidxignore`` file match are left
    out, and so are files whose type says they are no release (`searchidx.load.selection`), silently.
    A link in a folder that leads out of the folder named in ``paths`` is not followed (a
    ``passwd.txt -> /etc/passwd`` would index that file) unless ``follow_links``. A file named in
    ``paths`` is taken as it is."""
    found: list[Path] = []
    problems: list[LoadError] = []
    seen_dirs: set[tuple[int, int]] = set()
    exclude = list(exclude)
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            problems.append(LoadError(p, "no such file or folder"))
        elif p.is_dir():
            rules = [Exclusions(p, exclude)] if exclude else []
            _walk(p, found, problems, seen_dirs, [r for r in rules if r], None if follow_links else p.resolve())
        else:
            found.append(p)
    return sorted(set(found)), problems


def _walk(folder: Path, found: list[Path], problems: list[LoadError], seen: set[tuple[int, int]],
          rules: list[Exclusions], root: Path | None = None) -> None:
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
    names = {e.name for e in entries}
    if all(m in names for m in INDEX_MARKERS):
        return
    own = Exclusions.from_file(folder)
    if own:
        rules = [*rules, own]
    for entry in entries:
        if entry.name.startswith(".") or entry.name in _SKIP_NAMES:
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
            if any(rule.excludes(path, is_dir) for rule in rules):
                continue
            if root is not None and entry.is_symlink() and (is_dir or entry.is_file()) \
                    and not path.resolve().is_relative_to(root):
                problems.append(LoadError(path, f"a link to {path.resolve()}, outside {root}: not followed "
                                                f"(--follow-links follows it)"))
            elif is_dir:
                _walk(path, found, problems, seen, rules, root)
            elif entry.is_file():
                if not not_a_release(entry.name):
                    found.append(path)
            elif entry.is_symlink():
                problems.append(LoadError(path, "broken link"))
            else:
                problems.append(LoadError(path, _not_regular(entry.stat(follow_symlinks=False).st_mode)))
        except OSError as exc:
            problems.append(LoadError(path, exc.strerror or str(exc)))
