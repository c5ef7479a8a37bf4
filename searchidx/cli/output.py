"""How the CLI writes results: text (coloured on a terminal), JSON Lines and CSV, the timeline chart.

Pure functions from result objects to strings: the CLI prints them, tests read them.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from typing import Any

import click

#: Columns of `search --csv`, in order. Stable: add new ones at the end.
CSV_FIELDS = ("id", "release", "n", "kind", "speaker", "speaker_role", "speaker_key", "title", "date", "source",
              "location", "url", "score", "duplicates", "text", "path", "content_id")

BAR = "█"
HALF = "▌"


def _style(text: str, color: bool, **kw: Any) -> str:
    if not color:
        return text
    return click.style(text, **kw)


def highlighted(text: str, spans: list[tuple[int, int]] | list[list[int]], color: bool) -> str:
    """``text`` with the spans in bold red on a terminal, unchanged otherwise."""
    if not color or not spans:
        return text
    out, last = [], 0
    for start, end in spans:
        out.append(text[last:start])
        out.append(_style(text[start:end], color, fg="red", bold=True))
        last = end
    out.append(text[last:])
    return "".join(out)


def hit_text(hit: Any, color: bool) -> str:
    """A hit as text: who (and role), where and when, the id, context, the paragraph, syndicated copies."""
    who = hit.speaker or "(no speaker)"
    if hit.speaker_role:
        who += f", {hit.speaker_role}"
    where = " · ".join(x for x in (hit.title, hit.date, hit.source, hit.location) if x)
    ref = f"{hit.id}  ({hit.kind})" if hit.kind != "body" else hit.id
    if hit.path:
        ref += "  " + _style(shown_path(hit.path), color, fg="magenta")
    lines = [_style(who, color, fg="green", bold=True), _style(where, color, fg="blue"), ref]
    for c in hit.context_before:
        lines.append(_style(_context_line(c), color, dim=True))
    lines.append(highlighted(hit.text, hit.highlights, color))
    for c in hit.context_after:
        lines.append(_style(_context_line(c), color, dim=True))
    if hit.duplicates:
        lines.append(_style(f"  + {len(hit.duplicates)} more with the same text:", color, fg="yellow"))
        for ref, dup in zip(hit.duplicate_releases, hit.duplicates):
            about = " · ".join(x for x in (ref.get("title"), ref.get("date"), ref.get("source")) if x)
            lines.append(f"    {dup}  {about}")
    return "\n".join(lines) + "\n"


def shown_path(path: str) -> str:
    """A path as a terminal user wants it: relative to the current folder when under it (as grep shows)."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive
        return path
    return path if rel.startswith("..") else rel


def _context_line(c: Any) -> str:
    who = f"{c.speaker}: " if c.speaker else ""
    tag = f"{c.n}" if c.kind == "body" else f"{c.n} {c.kind}"
    return f"  [{tag}] {who}{c.text}"


def hit_json(hit: Any) -> str:
    return json.dumps({"type": "hit", **hit.to_dict()}, ensure_ascii=False)


def csv_header() -> str:
    return _csv_row(CSV_FIELDS)


def hit_csv(hit: Any) -> str:
    d = hit.to_dict()
    d["release"] = hit.release
    d["duplicates"] = " ".join(hit.duplicates)
    return _csv_row([d.get(f) for f in CSV_FIELDS])


def _csv_row(values: Any) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(["" if v is None else csv_safe(v) for v in values])
    return buf.getvalue().rstrip("\n")


def facets_text(facets: dict[str, list[Any]], top: int, color: bool) -> str:
    lines = []
    for name, values in facets.items():
        lines.append(_style(f"{name} (top {len(values)})", color, bold=True))
        width = max((len(str(v.count)) for v in values[:top]), default=1)
        for v in values[:top]:
            lines.append(f"  {v.count:>{width}}  {v.label}")
        if len(values) > top:
            lines.append(f"  … {len(values) - top} more")
    return "\n".join(lines) + "\n" if lines else ""


def facets_json(facets: dict[str, list[Any]]) -> list[str]:
    return [json.dumps({"type": "facet", "facet": name, **v.to_dict()}, ensure_ascii=False)
            for name, values in facets.items() for v in values]


def timeline_chart(timeline: list[tuple[str, int]], width: int = 50) -> str:
    """One row per month: ``2023-08 ████▌ 9``; bars scaled so the busiest month is ``width`` wide."""
    if not timeline:
        return ""
    top = max(count for _, count in timeline) or 1
    lines = []
    for month, count in timeline:
        units = count * width * 2 / top
        whole, half = divmod(round(units), 2)
        bar = BAR * whole + (HALF if half else "")
        if count and not bar:
            bar = HALF
        lines.append(f"{month} {bar} {count}" if count else f"{month} ·")
    return "\n".join(lines) + "\n"


def timeline_json(timeline: list[tuple[str, int]]) -> list[str]:
    return [json.dumps({"type": "timeline", "month": m, "count": c}) for m, c in timeline]


def stats_text(st: Any) -> str:
    span = f"{st.first_date} to {st.last_date}" if st.first_date else "(no dates)"
    return (f"releases    {st.releases}\nparagraphs  {st.paragraphs}\nspeakers    {st.speakers}\n"
            f"dates       {span}\nsize        {_size(st.size_bytes)}\nupdated     {st.last_update or '-'}\n")


def _size(n: int) -> str:
    size = float(n)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} B"  # pragma: no cover


def plural(count: int, one: str, many: str | None = None) -> str:
    """``1 matching paragraph``, ``2 matching paragraphs``."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


def count_line(results: Any) -> str:
    """The line on stderr after the hits: which hits of how many, or that nothing matched."""
    if not results.total:
        return "no matches"
    total = plural(results.total, "matching paragraph")
    if not results.hits:
        return total
    first = (results.page - 1) * results.limit + 1
    folded = sum(len(h.duplicates) for h in results.hits)
    note = f" ({plural(folded, 'copy', 'copies')} folded in)" if folded else ""
    return f"{first}-{first + len(results.hits) - 1} of {total}{note}"


#: Columns of `search --releases --csv`, in order. Stable: add new ones at the end.
RELEASE_CSV_FIELDS = ("id", "title", "date", "source", "paragraphs", "speakers", "score", "path", "url", "content_id")


def release_text(match: Any, color: bool) -> str:
    """One line per release: id, date, matching paragraphs and speakers, title, file."""
    speakers = f", {plural(len(match.speakers), 'speaker')} ({'; '.join(match.speakers)})" if match.speakers else ""
    parts = [_style(match.id, color, fg="yellow"), match.date or "-",
             f"{plural(match.paragraphs, 'paragraph')}{speakers}", _style(match.title or "(untitled)", color, bold=True)]
    if match.path:
        parts.append(_style(shown_path(match.path), color, fg="magenta"))
    return "  ".join(parts)


def release_csv_header() -> str:
    return _csv_row(RELEASE_CSV_FIELDS)


def release_csv(match: Any) -> str:
    d = match.to_dict()
    d["speakers"] = "; ".join(match.speakers)
    return _csv_row([d.get(f) for f in RELEASE_CSV_FIELDS])


def alert_text(query: str, hit: Any, color: bool) -> str:
    """A `watch --query` alert: which query matched, then the hit as `search` shows it."""
    return _style(f"[{query}]", color, fg="cyan", bold=True) + " " + hit_text(hit, color)


# -- safe output ------------------------------------------------------------------------------------

#: Control characters (C0 but tab and newline, DEL, C1): a release's text, metadata or a file name may hold
#: escape sequences that retitle a window, clear the screen or rewrite what was printed.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: Colour and bold (SGR): the only sequences searchidx prints itself.
_SGR = re.compile(r"(\x1b\[[0-9;]*m)")
#: A byte of a file name that is not UTF-8 (Python carries it as a lone surrogate).
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def terminal_safe(text: str, *, keep_style: bool = False) -> str:
    """``text`` without control characters (tab and newline stay); with ``keep_style``, colour and bold
    sequences stay too. A name's undecodable byte is shown as ``\\xNN``."""
    if keep_style and "\x1b" in text:
        parts = _SGR.split(text)
        return "".join(p if i % 2 else _plain(p) for i, p in enumerate(parts))
    return _plain(text)


def _plain(text: str) -> str:
    text = _CONTROL.sub("", text)
    if _SURROGATE.search(text):
        text = _SURROGATE.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}" if ord(m.group()) >= 0xDC80
                              else "\ufffd", text)
    return text


def printable_name(path: str) -> str:
    """A file name on one line: control characters (a newline in a name) and undecodable bytes escaped."""
    def escape(m: re.Match[str]) -> str:
        code = ord(m.group())
        return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\x{code:02x}" if code < 0x100 \
            else "\ufffd"
    return re.sub(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]", escape, path)


def csv_safe(value: Any) -> Any:
    """A CSV cell a spreadsheet reads as text: one that starts with = + - @ (a formula) gets a leading
    apostrophe, as spreadsheets themselves write it."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
