"""Which files under a folder are taken for releases: not those excluded by a glob (``--exclude``, a
``.searchidxignore`` file), and not those whose type says they are no release (tables, images, archives).

Globs are matched as ``.gitignore`` lines are, simply: a glob without ``/`` against the name of each file
and folder on the way (``*.csv``, ``links``); a glob with ``/`` against the path relative to the folder
that was named (or that holds the ``.searchidxignore``), so ``links/*.txt`` or ``/drafts``; a glob ending
in ``/`` only against folders. Lines starting with ``#`` and blank lines in the file are ignored.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

#: The file of globs a source folder may hold (one a line), excluding what they match under it.
IGNORE_FILE = ".searchidxignore"

#: Suffixes of files that are never releases: skipped without a word when a folder is walked (a file named
#: on the command line is still tried, and said to be no release). PDFs are not here: they are reported,
#: with the advice to export their text.
NOT_RELEASES = frozenset("""
    .csv .tsv .xls .xlsx .ods .numbers .parquet .sqlite .db
    .png .jpg .jpeg .gif .webp .bmp .tif .tiff .ico .svg .heic .psd
    .zip .tar .tgz .bz2 .xz .7z .rar .zst .tar.gz
    .mp3 .mp4 .m4a .wav .ogg .mov .avi .mkv .webm .flac
    .woff .woff2 .ttf .otf .eot .exe .dll .so .dylib .pyc .class .jar .iso .dmg
    .css .js .map
""".split())


#: Files that together mark a folder as a searchidx index (searchidx.index.store's manifest and lock): a
#: walk never goes into one, so `build . --index ix` does not read its own index as releases.
INDEX_MARKERS = ("searchidx.json", "searchidx.lock")


def is_index_folder(folder: Path) -> bool:
    """Whether ``folder`` holds a searchidx index (`INDEX_MARKERS`)."""
    return all((folder / name).exists() for name in INDEX_MARKERS)


def not_a_release(name: str) -> bool:
    """Whether a file's name says it is no release (``counties.csv``, ``logo.png``, ``archive.tar.gz``)."""
    lower = name.lower()
    suffixes = PurePosixPath(lower).suffixes
    return bool(suffixes) and (suffixes[-1] in NOT_RELEASES or "".join(suffixes[-2:]) in NOT_RELEASES)


class Exclusions:
    """Globs relative to one folder: what ``--exclude`` names, or what a ``.searchidxignore`` holds."""

    def __init__(self, base: Path, globs: Iterable[str]) -> None:
        self.base = base
        self.names: list[str] = []  # matched against a name
        self.paths: list[str] = []  # matched against the path under base
        self.dir_names: list[str] = []
        self.dir_paths: list[str] = []
        for raw in globs:
            glob = raw.strip()
            if not glob or glob.startswith("#"):
                continue
            only_dirs = glob.endswith("/")
            glob = glob.rstrip("/")
            if "/" in glob:
                (self.dir_paths if only_dirs else self.paths).append(glob.lstrip("/"))
            else:
                (self.dir_names if only_dirs else self.names).append(glob)

    @classmethod
    def from_file(cls, folder: Path) -> Exclusions | None:
        try:
            text = (folder / IGNORE_FILE).read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
        return cls(folder, text.splitlines())

    def __bool__(self) -> bool:
        return bool(self.names or self.paths or self.dir_names or self.dir_paths)

    def excludes(self, path: Path, is_dir: bool) -> bool:
        try:
            rel = path.relative_to(self.base).as_posix()
        except ValueError:
            return False
        names = self.names + (self.dir_names if is_dir else [])
        globs = self.paths + (self.dir_paths if is_dir else [])
        return any(fnmatch.fnmatchcase(path.name, g) for g in names) or \
            any(fnmatch.fnmatchcase(rel, g) for g in globs)


def excluded(path: Path, root: Path, globs: Iterable[str] = (), *, is_dir: bool = False) -> bool:
    """Whether a walk of ``root`` leaves ``path`` out: by ``globs``, a ``.searchidxignore`` on the way, a
    hidden name, a searchidx index on the way (`is_index_folder`) or a type that is no release (for those
    who see one path at a time: `watch`)."""
    try:
        parts = path.relative_to(root).parts
    except ValueError:
        return False
    globs = list(globs)
    rules = [Exclusions(root, globs)] if globs else []
    folder = root
    for i, part in enumerate(parts):
        own = Exclusions.from_file(folder)
        if own:
            rules.append(own)
        child = folder / part
        child_is_dir = is_dir if i == len(parts) - 1 else True
        if part.startswith(".") or any(rule.excludes(child, child_is_dir) for rule in rules):
            return True
        if child_is_dir and is_index_folder(child):
            return True
        folder = child
    return not is_dir and not_a_release(path.name)
