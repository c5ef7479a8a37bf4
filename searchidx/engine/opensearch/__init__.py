"""The OpenSearch engine: an index on an OpenSearch cluster, named ``opensearch://HOST:PORT/NAME``
(see docs/opensearch.md). Only this package imports ``opensearchpy``.

What the index layer uses of it is named here (`__getattr__`), imported when first asked for: nothing
outside `searchidx.engine` imports the engine's modules themselves (tests/test_layout.py), and a folder's
index never imports the OpenSearch client.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from searchidx.engine.opensearch.engine import OpenSearchEngine
    from searchidx.engine.opensearch.mapping import MAPPING_VERSION
    from searchidx.engine.opensearch.session import OpenSearchSession
    from searchidx.engine.opensearch.store import Store, parse_url

_EXPORTS = {"OpenSearchEngine": "engine", "MAPPING_VERSION": "mapping", "OpenSearchSession": "session",
            "Store": "store", "parse_url": "store"}

__all__ = [
    "MAPPING_VERSION",
    "OpenSearchEngine",
    "OpenSearchSession",
    "Store",
    "parse_url",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
