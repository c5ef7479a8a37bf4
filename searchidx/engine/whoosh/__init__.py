"""The Whoosh engine: the only package that imports ``whoosh``."""

# Registers the codec under its earlier module name before any table of contents is read.
from searchidx.engine.whoosh import codec as _codec  # noqa: F401
from searchidx.engine.whoosh import safepickle as _safepickle

# Every pickle Whoosh reads from an index goes through the restricted unpickler (safepickle.py).
_safepickle.install()
