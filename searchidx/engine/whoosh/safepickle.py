"""Reading an index's pickles without running code from them.

Whoosh keeps the table of contents (schema and segment list), stored fields, posting-block headers and
inline postings as pickles, and a pickle can call any function it names: a crafted index folder would run
code in whoever searches it. Every pickle Whoosh reads goes through `loads`/`load` here instead, which
admit only the classes and functions the format needs (`ALLOWED`, and data classes of the modules in
`DATA_MODULES`). A refused pickle raises `UnsafePickleError`.

`install` swaps Whoosh's module-level ``loads``/``load`` names (it imports them from ``pickle`` into each
module that reads an index) for these; writing is untouched. It is called once, when the engine package is
imported, before any index is opened.
"""

from __future__ import annotations

import _compat_pickle
import importlib
import io
import pickle
import re
import types
from typing import Any

import whoosh.codec.whoosh3
import whoosh.columns
import whoosh.filedb.structfile
import whoosh.formats
import whoosh.index

from searchidx.errors import SearchidxError


class UnsafePickleError(SearchidxError, pickle.UnpicklingError):
    """A pickle in an index named something the index format never holds."""


#: (module, name) of the functions and classes the format pickles, outside `DATA_MODULES`.
ALLOWED: set[tuple[str, str]] = {
    ("builtins", "int"), ("builtins", "frozenset"), ("builtins", "set"), ("builtins", "bytearray"),
    ("builtins", "complex"), ("builtins", "slice"), ("builtins", "range"),
    ("_codecs", "encode"),  # bytes under pickle protocol 2
    ("array", "array"), ("array", "_array_reconstructor"),
    ("collections", "defaultdict"), ("collections", "OrderedDict"),
    ("copyreg", "_reconstructor"), ("builtins", "object"),
    ("datetime", "datetime"), ("datetime", "date"), ("datetime", "timedelta"),
    ("re", "_compile"),  # a tokenizer's pattern
    ("whoosh.lang.porter", "stem"), ("whoosh.lang.porter2", "stem"),
    ("whoosh.lang.paicehusk", "stem"), ("whoosh.lang.lovins", "stem"),
    ("searchidx.engine.whoosh.codec", "SearchidxCodec"),
    # The codec's module before the layout by layers: tables of contents of older indexes name it.
    ("searchidx.codec", "SearchidxCodec"),
}

#: Modules whose classes (defined there, not imported into them) are plain data: fields, analysers,
#: formats, columns, segments and codecs.
DATA_MODULES = frozenset({
    "whoosh.fields", "whoosh.formats", "whoosh.columns", "whoosh.analysis.analyzers", "whoosh.analysis.filters",
    "whoosh.analysis.tokenizers", "whoosh.analysis.morph", "whoosh.analysis.intraword", "whoosh.analysis.ngrams",
    "whoosh.analysis.acore", "whoosh.codec.whoosh3", "whoosh.codec.base",
    "searchidx.engine.whoosh.fields",
})


def _resolve(module: str, name: str) -> Any:
    if "." in name or name.startswith("_") and (module, name) not in ALLOWED:
        raise UnsafePickleError(f"refused {module}.{name} in a pickle")
    if (module, name) == ("searchidx.codec", "SearchidxCodec"):
        module = "searchidx.engine.whoosh.codec"
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        raise UnsafePickleError(f"refused {module}.{name} in a pickle (no such class)") from None


#: What each admitted (module, name) resolved to: posting blocks name ``array`` thousands of times a search.
_admitted: dict[tuple[str, str], Any] = {}


def _admit(module: str, name: str) -> Any:
    # Python 2 names (protocol 2 pickles: __builtin__.long), as pickle's own find_class maps them.
    module, name = _compat_pickle.NAME_MAPPING.get((module, name), (module, name))
    module = _compat_pickle.IMPORT_MAPPING.get(module, module)
    if (module, name) in ALLOWED:
        return _resolve(module, name)
    if module in DATA_MODULES and "." not in name:
        obj = _resolve(module, name)
        # A class defined in that module: not a function, and not something it imported (os, re, ...).
        if isinstance(obj, type) and obj.__module__ == module:
            return obj
    raise UnsafePickleError(f"refused {module}.{name} in a pickle (the index format never holds it)")


class RestrictedUnpickler(pickle.Unpickler):
    """An unpickler that admits `ALLOWED` and the data classes of `DATA_MODULES`, and nothing else."""

    def find_class(self, module: str, name: str) -> Any:
        key = (module, name)
        obj = _admitted.get(key)
        if obj is None:
            obj = _admitted[key] = _admit(module, name)
        return obj


#: The opcodes that name a global (GLOBAL, STACK_GLOBAL) or an extension (EXT1, EXT2, EXT4): the only way
#: a pickle reaches a callable. A pickle with none of these bytes anywhere is plain data.
_NAMING = re.compile(b"[c\x93\x82-\x84]")


def loads(data: bytes | bytearray | memoryview, *args: Any, **kwargs: Any) -> Any:
    """`pickle.loads`, restricted."""
    if not _NAMING.search(data):
        return pickle.loads(data)
    # Buffered: without peek() the unpickler asks the file for every opcode (three times slower).
    return RestrictedUnpickler(io.BufferedReader(io.BytesIO(data))).load()


def load(file: Any, *args: Any, **kwargs: Any) -> Any:
    """`pickle.load`, restricted."""
    return RestrictedUnpickler(file).load()


#: What ``whoosh.index`` sees as its ``pickle`` module: the table of contents' schema is read here.
_PICKLE_FOR_TOC = types.SimpleNamespace(loads=loads, load=load, dumps=pickle.dumps, dump=pickle.dump,
                                        PicklingError=pickle.PicklingError,
                                        UnpicklingError=pickle.UnpicklingError)

_installed = False


def install() -> None:
    """Route every pickle Whoosh reads from an index through `loads`/`load` (idempotent)."""
    global _installed
    if _installed:
        return
    whoosh.codec.whoosh3.loads = loads  # posting blocks, inline postings
    whoosh.columns.loads = loads  # stored fields and pickled columns
    whoosh.formats.loads = loads  # positions and characters in posting values
    whoosh.filedb.structfile.load = load  # read_pickle: segment lists, compound directories, block headers
    whoosh.index.pickle = _PICKLE_FOR_TOC  # the schema in the table of contents
    # Tables of contents of Whoosh 1.x/2.x go through an unrestricted unpickler; searchidx never wrote one.
    whoosh.index.toc_loaders = {}
    _installed = True
