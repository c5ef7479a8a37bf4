"""The Whoosh engine: the only package that imports ``whoosh``.

What the index layer uses of it is named here (`__getattr__`): nothing outside `searchidx.engine` imports
the engine's modules themselves (tests/test_layout.py). A name is imported when first asked for, so that
importing one module of the engine (a loader worker's analysis) does not import them all.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Registers the codec under its earlier module name before any table of contents is read.
from searchidx.engine.whoosh import codec as _codec  # noqa: F401
from searchidx.engine.whoosh import safepickle as _safepickle

if TYPE_CHECKING:
    from searchidx.engine.whoosh.checksums import after_commit, apply_mode, check_files
    from searchidx.engine.whoosh.engine import WhooshEngine
    from searchidx.engine.whoosh.schema import SCHEMA_VERSION
    from searchidx.engine.whoosh.store import (
        clean_orphans,
        create_whoosh,
        generation_exists,
        open_whoosh,
        orphans,
        remove_legacy_files,
    )
    from searchidx.engine.whoosh.sync import WhooshSession, check_documents
    from searchidx.engine.whoosh.workers import DEFAULT_SEGMENT_FILES, SEGMENT_WRITER_OPTIONS

# Every pickle Whoosh reads from an index goes through the restricted unpickler (safepickle.py).
_safepickle.install()

#: The engine's public names and the module of each.
_EXPORTS = {
    "after_commit": "checksums", "apply_mode": "checksums", "check_files": "checksums",
    "WhooshEngine": "engine",
    "SCHEMA_VERSION": "schema",
    "clean_orphans": "store", "create_whoosh": "store", "generation_exists": "store", "open_whoosh": "store",
    "orphans": "store", "remove_legacy_files": "store",
    "WhooshSession": "sync", "check_documents": "sync",
    "DEFAULT_SEGMENT_FILES": "workers", "SEGMENT_WRITER_OPTIONS": "workers",
}

__all__ = [
    "DEFAULT_SEGMENT_FILES",
    "SCHEMA_VERSION",
    "SEGMENT_WRITER_OPTIONS",
    "WhooshEngine",
    "WhooshSession",
    "after_commit",
    "apply_mode",
    "check_documents",
    "check_files",
    "clean_orphans",
    "create_whoosh",
    "generation_exists",
    "open_whoosh",
    "orphans",
    "remove_legacy_files",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
