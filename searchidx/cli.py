"""The `searchidx` command: a thin layer over the library (validation, calls, output formatting)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import click

from .errors import IndexNotFoundError, LoadError, QueryError, SearchidxError

DEFAULT_INDEX = "index"
DEFAULT_SOURCES = "seeds"


def _default_index() -> str:
    return os.environ.get("SEARCHIDX_INDEX") or DEFAULT_INDEX


index_option = click.option(
    "--index", "index_dir", type=click.Path(file_okay=False), default=None,
    help="Index folder (default: $SEARCHIDX_INDEX or ./index).",
)
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON Lines, one object per line.")


def _fail(message: str, hint: str | None = None) -> click.ClickException:
    return click.ClickException(f"{message}{f' ({hint})' if hint else ''}")


def _open(index_dir: str | None, *, auto_build: bool = False):
    from .index import Index

    folder = index_dir or _default_index()
    try:
        return Index.open(folder)
    except IndexNotFoundError:
        if auto_build and index_dir is None and Path(DEFAULT_SOURCES).is_dir():
            click.echo(f"searchidx: no index yet: building {folder}/ from {DEFAULT_SOURCES}/ first", err=True)
            index = Index.open(folder, create=True)
            report = index.sync([DEFAULT_SOURCES])
            for problem in report.skipped:
                click.echo(f"searchidx: skipped {problem}", err=True)
            return index
        raise
    except SearchidxError as exc:
        raise _fail(str(exc)) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="searchidx")
def main() -> None:
    """Speaker-aware full-text search over press releases: who said what, where and when."""


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@json_option
def parse(files: tuple[str, ...], as_json: bool) -> None:
    """Load releases and print what the loader makes of them, without indexing."""
    from .loader import load_release

    failed = 0
    for path in files:
        try:
            release = load_release(path)
        except LoadError as exc:
            click.echo(f"searchidx: {exc}", err=True)
            failed += 1
            continue
        if as_json:
            click.echo(json.dumps(release.to_dict(), ensure_ascii=False))
        else:
            _print_release(release)
    if failed:
        sys.exit(1)


def _print_release(release: Any) -> None:
    click.secho(release.title or "(untitled)", bold=True)
    meta = [x for x in (release.date and release.date.isoformat(), release.location, release.source) if x]
    if meta:
        click.echo(" · ".join(meta))
    if release.url:
        click.echo(release.url)
    click.echo()
    for p in release.paragraphs:
        who = f"{p.speaker}" + (f", {p.speaker_role}" if p.speaker_role else "") if p.speaker else ""
        tag = f"[{p.n} {p.kind}]" + (f" {who}:" if who else "")
        click.secho(tag, fg="cyan" if p.kind == "body" else "yellow")
        click.echo(p.text)
        click.echo()
    for c in release.contacts:
        click.echo("Contact: " + ", ".join(x for x in (c.name, c.organisation, c.phone, c.email) if x))


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@index_option
def build(paths: tuple[str, ...], index_dir: str | None) -> None:
    """Index files and folders (default: the sources of the last build, or ./seeds)."""
    from .index import Index

    folder = index_dir or _default_index()
    try:
        index = Index.open(folder, create=True)
        sources: list[str] | None = list(paths) if paths else None
        if sources is None and not index.sources:
            sources = [DEFAULT_SOURCES]
        report = index.sync(sources)
    except SearchidxError as exc:
        raise _fail(str(exc)) from None
    for problem in report.skipped:
        click.echo(f"searchidx: skipped {problem}", err=True)
    click.echo(f"{folder}: {report.summary()} ({report.paragraphs} paragraphs indexed)", err=True)
    if report.skipped:
        sys.exit(1)


def _color(choice: str) -> bool:
    return sys.stdout.isatty() if choice == "auto" else choice == "always"


color_option = click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto",
                            show_default=True, help="Colour and highlight (auto: on a terminal).")
context_option = click.option("-C", "--context", type=click.IntRange(min=0), default=0,
                              help="Show N paragraphs before and after (like grep -C).")


@main.command()
@click.argument("query")
@index_option
@click.option("--limit", "-n", type=click.IntRange(min=0), default=10, show_default=True,
              help="Hits per page (0: only the count, facets and timeline).")
@click.option("--page", type=click.IntRange(min=1), default=1, show_default=True, help="Page of hits.")
@click.option("--speaker", help="Only paragraphs of this speaker (any part of the name).")
@click.option("--since", help="Only releases dated on or after this day (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", help="Only releases dated on or before this day.")
@click.option("--source", help="Only releases from this wire or publisher.")
@click.option("--quotes-only", is_flag=True, help="Only paragraphs attributed to a speaker.")
@click.option("--all-kinds", is_flag=True, help="Include pull quotes, captions and About sections.")
@click.option("--sort", type=click.Choice(["score", "date"]), default="score", show_default=True)
@click.option("--facet", "facets", multiple=True, type=click.Choice(["speaker", "source", "year", "location"]),
              help="Count matching paragraphs per value (repeatable).")
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True,
              help="Values shown per facet.")
@click.option("--timeline", is_flag=True, help="Chart matching paragraphs per month.")
@click.option("--no-collapse", is_flag=True, help="Show syndicated copies of a paragraph as separate hits.")
@context_option
@color_option
@json_option
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV with a header row (hits only).")
def search(query: str, index_dir: str | None, limit: int, page: int, speaker: str | None, since: str | None,
           until: str | None, source: str | None, quotes_only: bool, all_kinds: bool, sort: str,
           facets: tuple[str, ...], top: int, timeline: bool, no_collapse: bool, context: int, color: str,
           as_json: bool, as_csv: bool) -> None:
    """Search paragraphs: words, "phrases"~N, AND/OR/NOT, ( ), prefix*, fuzzy~, field:value
    (speaker: role: title: source: kind: location: date:2023 date:[2023-01 to 2023-06])."""
    from . import output

    if as_json and as_csv:
        raise _fail("--json and --csv exclude each other")
    try:
        index = _open(index_dir, auto_build=True)
        results = index.search(query, speaker=speaker, since=since, until=until, source=source,
                               kinds=None if all_kinds else ("body",), quotes_only=quotes_only, limit=limit,
                               page=page, sort=sort, facets=facets, timeline=timeline, context=context,
                               collapse=not no_collapse, facet_limit=top)
    except QueryError as exc:
        raise _fail(str(exc), exc.hint) from None
    except SearchidxError as exc:
        raise _fail(str(exc)) from None
    if results.suggestion:
        click.echo(f"did you mean: {results.suggestion}", err=True)
    if as_json:
        for hit in results.hits:
            click.echo(output.hit_json(hit))
        for line in output.facets_json(results.facets) + output.timeline_json(results.timeline):
            click.echo(line)
        return
    if as_csv:
        click.echo(output.csv_header())
        for hit in results.hits:
            click.echo(output.hit_csv(hit))
        return
    use_color = _color(color)
    for hit in results.hits:
        click.echo(output.hit_text(hit, use_color), color=use_color or None)
    if results.facets:
        click.echo(output.facets_text(results.facets, top, use_color), color=use_color or None)
    if results.timeline:
        click.echo(output.timeline_chart(results.timeline), nl=False)
    if not results.total:
        click.echo("no matches", err=True)
    elif results.hits:
        first = (page - 1) * limit + 1
        folded = sum(len(h.duplicates) for h in results.hits)
        note = f" ({folded} copies folded in)" if folded else ""
        about = "" if results.total_exact else "up to "
        click.echo(f"{first}-{first + len(results.hits) - 1} of {about}{results.total} matching paragraphs{note}",
                   err=True)
    else:
        click.echo(f"{'' if results.total_exact else 'up to '}{results.total} matching paragraphs", err=True)


@main.command()
@index_option
@json_option
def speakers(index_dir: str | None, as_json: bool) -> None:
    """List every speaker with role(s), paragraph count and release count."""
    try:
        table = _open(index_dir, auto_build=True).speakers()
    except SearchidxError as exc:
        raise _fail(str(exc)) from None
    for sp in table:
        if as_json:
            click.echo(json.dumps(sp.to_dict(), ensure_ascii=False))
        else:
            roles = "; ".join(sp.roles)
            click.echo(f"{sp.paragraphs:5d} ¶ {sp.releases:4d} rel  {sp.name}" + (f" ({roles})" if roles else ""))


@main.command()
@click.argument("target")
@index_option
@context_option
@json_option
def show(target: str, index_dir: str | None, context: int, as_json: bool) -> None:
    """Show a whole release (ID) or one paragraph (ID#N), with -C N paragraphs around it."""
    release_id, _, n = target.partition("#")
    if n and not n.isdigit():
        raise _fail(f"{target}: expected ID or ID#N", "e.g. searchidx show 8c11a9366d6e4f0e#28")
    try:
        release = _open(index_dir).release(release_id)
    except SearchidxError as exc:
        raise _fail(str(exc)) from None
    if n:
        wanted = int(n)
        if not any(p.n == wanted for p in release.paragraphs):
            raise _fail(f"release {release_id} has no paragraph {n}",
                        f"it has paragraphs 1 to {max((p.n for p in release.paragraphs), default=0)}")
        release.paragraphs = [p for p in release.paragraphs if abs(p.n - wanted) <= context]
    if as_json:
        click.echo(json.dumps(release.to_dict(), ensure_ascii=False))
    else:
        _print_release(release)


@main.command()
@index_option
@json_option
def stats(index_dir: str | None, as_json: bool) -> None:
    """Releases, paragraphs, speakers, date span, size on disk and last update of the index."""
    from . import output

    try:
        st = _open(index_dir).stats()
    except SearchidxError as exc:
        raise _fail(str(exc)) from None
    click.echo(json.dumps(st.to_dict()) if as_json else output.stats_text(st), nl=as_json)


if __name__ == "__main__":  # pragma: no cover
    main()
