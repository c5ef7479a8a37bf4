"""Who published a release, for the ``publisher`` facet: its wire or site name with the known wires' many
spellings folded to one ("globenewswire.com", "GlobeNewswire News Room" → GlobeNewswire), else the source
folder it came from (a folder of text exports has no wire: its folder is the best name there is).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable

#: (what a folded name contains, the name shown). Folded: lower case, letters and digits only.
KNOWN_WIRES = (
    ("globenewswire", "GlobeNewswire"),
    ("prnewswire", "PR Newswire"),
    ("businesswire", "Business Wire"),
    ("einpresswire", "EIN Presswire"),
    ("einnews", "EIN Presswire"),
    ("accesswire", "ACCESSWIRE"),
    ("marketwired", "Marketwired"),
    ("newswireca", "CNW"),
    ("cnwgroup", "CNW"),
    ("prweb", "PRWeb"),
    ("newsfilecorp", "Newsfile"),
    ("apnews", "AP"),
    ("associatedpress", "AP"),
    ("reuters", "Reuters"),
)
#: Words that name the channel rather than the publisher: "X News Room", "X Newsroom", "www.x.com".
_NOISE = re.compile(r"^(?:www\.)|(?:\.(?:com|org|net|gov|co\.uk|ca|eu))+$|\s+(?:news\s*room|newsroom|press\s+room)$",
                    re.I)


def fold(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def publisher(source: str | None, path: str | None, sources: Iterable[str]) -> str | None:
    """The name to count a release under: a known wire's one name, the source as written (less "www." and
    ".com" and "News Room"), or the folder under its source that holds the file (the source folder's own
    name for a file right in it)."""
    if source and source.strip():
        folded = fold(source)
        for key, label in KNOWN_WIRES:
            if key in folded:
                return label
        cleaned = _NOISE.sub("", source.strip()).strip()
        return cleaned or source.strip()
    if not path:
        return None
    best = max((s for s in sources if path.startswith(s.rstrip(os.sep) + os.sep)), key=len, default=None)
    if best is None:
        return os.path.basename(os.path.dirname(path)) or None
    parts = os.path.relpath(path, best).split(os.sep)
    return parts[0] if len(parts) > 1 else os.path.basename(best.rstrip(os.sep))
