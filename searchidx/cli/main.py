"""The `searchidx` command: a thin layer over the library (validation, calls, output formatting)."""

from __future__ import annotations

import glob
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

import click

from searchidx.cli import habits, output
from searchidx.cli.habits import EXIT_ERROR, EXIT_NOTHING, CommandError
from searchidx.cli.output import plural
from searchidx.errors import IndexNotFoundError, LoadError, QueryError, ReleaseNotFoundError, SearchidxError

DEFAULT_INDEX = "index"
DEFAULT_SOURCES = "seeds"


def _default_index() -> str:
    return _root_option("index_dir") or os.environ.get("SEARCHIDX_INDEX") or DEFAULT_INDEX


def _root_option(name: str) -> Any:
    """An option given before the command (``searchidx --index DIR build``)."""
    ctx = click.get_current_context(silent=True)
    obj = ctx.find_root().obj if ctx else None
    return (obj or {}).get(name)


def _given_index(index_dir: str | None) -> str | None:
    """The index folder named on the command line, after the command or before it."""
    return index_dir or _root_option("index_dir")


def _location(index_dir: str | None) -> str:
    """Where the command's index is: --engine URL, else --index, else $SEARCHIDX_ENGINE, else
    $SEARCHIDX_INDEX or ./index. An engine of "whoosh" (or empty) is the local folder."""
    from searchidx.index.core import is_engine_url

    index_dir = _given_index(index_dir)
    engine = click.get_current_context().meta.get("searchidx_engine")
    if not engine and not index_dir:
        engine = os.environ.get("SEARCHIDX_ENGINE")
    if not engine or engine == "whoosh":
        return index_dir or _default_index()
    if not is_engine_url(engine):
        raise _fail(f"--engine {engine}: not an engine URL", "write opensearch://HOST:PORT/NAME, or whoosh for the "
                    "index folder")
    return engine


def _remember_engine(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value is not None:
        ctx.meta["searchidx_engine"] = value


_index_folder_option = click.option(
    "--index", "index_dir", type=click.Path(file_okay=False), default=None,
    help="Index folder (default: $SEARCHIDX_INDEX or ./index).",
)
_engine_option = click.option(
    "--engine", metavar="URL", expose_value=False, callback=_remember_engine,
    help="Search engine holding the index: opensearch://HOST:PORT/NAME for an OpenSearch cluster, or whoosh "
         "for the local folder (default: $SEARCHIDX_ENGINE, else whoosh).",
)


def index_option(fn: Any) -> Any:
    return _index_folder_option(_engine_option(fn))

json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON Lines, one object per line.")


def _fail(message: str, hint: str | None = None, code: int = EXIT_ERROR) -> click.ClickException:
    return CommandError(message, hint, code)


def _open(index_dir: str | None, *, auto_build: bool = False):
    # The commands import the index, the loader and the output formatting when they run: `parse` never
    # needs the engine, `search` never needs the loader (a third of a second of start-up), `--help` neither.
    from searchidx.index.core import Index

    folder = _location(index_dir)
    index_dir = _given_index(index_dir)
    try:
        return Index.open(folder)
    except IndexNotFoundError:
        if auto_build and folder == _default_index() and index_dir is None and Path(DEFAULT_SOURCES).is_dir():
            echo(f"searchidx: no index yet: building {folder}/ from {DEFAULT_SOURCES}/ first", err=True)
            index = Index.open(folder, create=True)
            report = index.sync([DEFAULT_SOURCES])
            for problem in report.skipped:
                echo(f"searchidx: skipped {output.printable_name(problem.path)}: {problem.reason}", err=True)
            return index
        raise
    except SearchidxError as exc:
        raise _fail(str(exc)) from None


color_choice = click.Choice(["auto", "always", "never"])



def echo(message: Any = None, *, err: bool = False, nl: bool = True, color: bool | None = None,
         styled: bool | None = None) -> None:
    """`click.echo` without the control characters a release or a file name may carry (escape sequences
    that retitle the window, clear the screen or rewrite a line), on a terminal and through a pipe alike;
    searchidx's own colour sequences stay when it coloured the text (``styled``, else ``color``)."""
    if message is not None:
        message = output.terminal_safe(str(message), keep_style=bool(color if styled is None else styled))
    click.echo(message, err=err, nl=nl, color=color)


def secho(message: str, **styles: Any) -> None:
    echo(click.style(output.terminal_safe(message), **styles), styled=True)

@click.group(cls=habits.Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="searchidx")
@click.option("--index", "index_dir", type=click.Path(file_okay=False), default=None,
              help="Index folder for every command (default: $SEARCHIDX_INDEX or ./index).")
@click.option("--engine", metavar="URL", default=None,
              help="Search engine holding the index, for every command: opensearch://HOST:PORT/NAME, or whoosh for "
                   "the index folder (default: $SEARCHIDX_ENGINE, else whoosh).")
@click.option("--color", type=color_choice, default=None,
              help="Colour: auto (a terminal, unless NO_COLOR or TERM=dumb; FORCE_COLOR forces it), always, never.")
@click.pass_context
def main(ctx: click.Context, index_dir: str | None, engine: str | None, color: str | None) -> None:
    """Speaker-aware full-text search over press releases: who said what, where and when.

    Exit codes: 0 something found, 1 nothing found, 2 an error."""
    ctx.obj = {"index_dir": index_dir, "color": color, "engine": engine}
    ctx.color = habits.color_wanted(color)
    if engine:
        ctx.meta["searchidx_engine"] = engine  # a command's own --engine, given after it, wins


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@json_option
def parse(files: tuple[str, ...], as_json: bool) -> None:
    """Load releases (files, folders, - for standard input) and print what the loader makes of them,
    without indexing."""
    from searchidx.load.core import STDIN, discover, load_release, release_warnings

    failed = 0
    for given in files:
        if given == STDIN:
            paths: list[Any] = [STDIN]
        else:
            paths, problems = discover([given])
            for problem in problems:
                echo(f"searchidx: {problem}", err=True)
                failed += 1
        for path in paths:
            try:
                release = load_release(path)
            except LoadError as exc:
                echo(f"searchidx: {output.printable_name(exc.path)}: {exc.reason}", err=True)
                failed += 1
                continue
            for warning in release_warnings(release):
                echo(f"searchidx: warning: {warning}", err=True)
            if as_json:
                echo(json.dumps(release.to_dict(), ensure_ascii=False))
            else:
                _print_release(release)
    if failed:
        sys.exit(EXIT_ERROR)


def _print_release(release: Any) -> None:
    secho(release.title or "(untitled)", bold=True)
    meta = [x for x in (release.date and release.date.isoformat(), release.location, release.source) if x]
    if meta:
        echo(" · ".join(meta))
    if release.url:
        echo(release.url)
    echo()
    for p in release.paragraphs:
        who = f"{p.speaker}" + (f", {p.speaker_role}" if p.speaker_role else "") if p.speaker else ""
        tag = f"[{p.n} {p.kind}]" + (f" {who}:" if who else "")
        secho(tag, fg="cyan" if p.kind == "body" else "yellow")
        echo(p.text)
        echo()
    for c in release.contacts:
        echo("Contact: " + ", ".join(x for x in (c.name, c.organisation, c.phone, c.email) if x))


lock_timeout_option = click.option(
    "--lock-timeout", type=click.FloatRange(min=0), default=60, show_default=True,
    help="Seconds to wait for another process writing to the index.",
)
follow_links_option = click.option(
    "--follow-links", is_flag=True,
    help="Follow links in a source folder that lead out of it (by default they are reported and skipped).")
mode_option = click.option(
    "--mode", metavar="MODE",
    help="Mode of the index's files, e.g. 0640 to let your group read it (folders get 0750); kept by later "
         "writes. Default: the index's own, or 0600 (yours only). Never world-writable.")
quiet_option = click.option("--quiet", "-q", is_flag=True, help="No progress and no summary: only errors.")
exclude_option = click.option("--exclude", "excludes", multiple=True, metavar="GLOB",
                              help="Leave out files and folders matching GLOB under the folders (repeatable; "
                                   "remembered with the sources).")


class _Progress:
    """A one-line progress bar on stderr (files, files per second, time left), only on a terminal."""

    def __init__(self, enabled: bool, unit: str = "files") -> None:
        self.enabled = enabled
        self.unit = unit
        self.start = time.monotonic()
        self.shown = 0.0
        self.most = 0

    def __call__(self, done: int, total: int, path: str) -> None:
        # Worker processes' counts run ahead of the files handed back: the bar never goes back.
        done = self.most = max(done, self.most)
        now = time.monotonic()
        if not self.enabled or (now - self.shown < 0.1 and done < total):
            return
        self.shown = now
        rate = done / max(now - self.start, 1e-6)
        left = (total - done) / rate if rate else 0
        width = 30
        bar = "#" * (width * done // max(total, 1))
        click.echo(f"\r[{bar:<{width}}] {done}/{total} {self.unit}  {rate:.0f} {self.unit}/s  {int(left) // 60}:{int(left) % 60:02d} left ",
                   err=True, nl=False)

    def close(self) -> None:
        if self.enabled and self.shown:
            click.echo("\r\033[K", err=True, nl=False)


def _progress(quiet: bool) -> _Progress:
    return _Progress(not quiet and sys.stderr.isatty())


def _report_skipped(report: Any) -> None:
    for problem in report.skipped:
        echo(f"searchidx: skipped {output.printable_name(problem.path)}: {problem.reason}", err=True)
    for warning in getattr(report, "warnings", ()):
        echo(f"searchidx: warning: {warning}", err=True)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@index_option
@click.option("--rebuild", is_flag=True,
              help="Build from scratch into a new generation and switch to it at the end (searches go on meanwhile).")
@click.option("--optimize", is_flag=True,
              help="Then merge the index into one segment: smaller and quicker to search, but it rewrites the "
                   "whole index (about as long as building it).")
@exclude_option
@quiet_option
@lock_timeout_option
@follow_links_option
@mode_option
def build(paths: tuple[str, ...], index_dir: str | None, rebuild: bool, optimize: bool, excludes: tuple[str, ...],
          quiet: bool, lock_timeout: float, follow_links: bool, mode: str | None) -> None:
    """Sync the index with files and folders (default: the sources of the last build, or ./seeds)."""
    from searchidx.index.core import Index

    folder = _location(index_dir)
    progress = _progress(quiet)
    try:
        # An index from an incompatible version opens for a rebuild; a sync of it says to rebuild.
        index = Index.open(folder, create=True, strict=not rebuild, follow_links=follow_links, mode=mode)
        sources: list[str] | None = list(paths) if paths else None
        if sources is None and not index.sources:
            if not Path(DEFAULT_SOURCES).is_dir():
                raise _fail(f"the index at {folder} has no sources", "name the files and folders to index: "
                            "searchidx build PATH...")
            sources = [DEFAULT_SOURCES]
        if rebuild:
            if excludes:
                index.set_sources(exclude=excludes, lock_timeout=lock_timeout)
            report = index.rebuild(sources, progress=progress, lock_timeout=lock_timeout)
        else:
            report = index.sync(sources, progress=progress, lock_timeout=lock_timeout, exclude=excludes)
        if optimize:
            index.merge(optimize=True, lock_timeout=lock_timeout)
    except SearchidxError as exc:
        raise _fail(str(exc)) from None
    finally:
        progress.close()
    _report_skipped(report)
    if not quiet:
        seconds = time.monotonic() - progress.start
        echo(f"{folder}: {report.summary()} ({plural(report.paragraphs, 'paragraph')} indexed, {seconds:.1f} s)"
                   f"{f'; now {index.generation}' if rebuild else ''}", err=True)
    if report.skipped:
        sys.exit(EXIT_ERROR)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@index_option
@exclude_option
@quiet_option
@lock_timeout_option
@follow_links_option
@mode_option
def add(paths: tuple[str, ...], index_dir: str | None, excludes: tuple[str, ...], quiet: bool,
        lock_timeout: float, follow_links: bool, mode: str | None) -> None:
    """Index single releases (files or folders), or re-index them if they changed; - reads the paths
    from standard input, one a line (find ... | searchidx add -)."""
    from searchidx.index.core import Index

    if "-" in paths:
        stdin = [line.rstrip("\r\n") for line in sys.stdin]
        paths = tuple(p for given in paths for p in (stdin if given == "-" else [given]) if p)
    folder = _location(index_dir)
    try:
        report = Index.open(folder, create=True, follow_links=follow_links, mode=mode).add(
            paths, lock_timeout=lock_timeout, exclude=excludes)
    except SearchidxError as exc:
        raise _fail(str(exc)) from None
    _report_skipped(report)
    if not quiet:
        _print_changes(report)
        echo(f"{folder}: {report.summary()}", err=True)
    if report.skipped:
        sys.exit(EXIT_ERROR)


def _color(choice: str) -> bool:
    return habits.color_wanted(_root_option("color") if choice == "auto" else choice)


color_option = click.option("--color", type=color_choice, default="auto", show_default=True,
                            help="Colour and highlight (auto: on a terminal, unless NO_COLOR or TERM=dumb).")
context_option = click.option("-C", "--context", type=click.IntRange(min=0), default=0,
                              help="Show N paragraphs before and after (like grep -C).")


@main.command()
@click.argument("targets", nargs=-1, required=True)
@index_option
@quiet_option
@lock_timeout_option
def remove(targets: tuple[str, ...], index_dir: str | None, quiet: bool, lock_timeout: float) -> None:
    """Remove releases from the index by file path, folder or release id. A folder that is a source is
    no longer one (a bare build leaves it alone); a file still under a source comes back at the next
    build: delete or move it, or --exclude it."""
    try:
        removed = _open(index_dir).remove(targets, lock_timeout=lock_timeout)
    except SearchidxError as exc:
        raise _fail(str(exc)) from None
    if not quiet:
        for path in removed:
            echo(f"removed {output.printable_name(path)}")
        for source in removed.sources:
            echo(f"no longer a source: {source}")
    for target in removed.missing:
        echo(f"searchidx: not in the index: {target}", err=True)
    if removed.missing:
        sys.exit(EXIT_NOTHING)


def _print_changes(report: Any, err: bool = False) -> None:
    for kind in ("added", "updated", "removed"):
        for path in getattr(report, kind):
            echo(f"{kind} {output.printable_name(path)}", err=err)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@index_option
@click.option("--settle", type=click.FloatRange(min=0), default=0.3, show_default=True,
              help="Seconds a file must stay the same size before it is read (it may still be being written).")
@exclude_option
@click.option("--query", "queries", multiple=True, metavar="QUERY",
              help="Alert: print each newly indexed paragraph that matches QUERY (repeatable); the changes "
                   "then go to stderr.")
@json_option
@color_option
@lock_timeout_option
@follow_links_option
@mode_option
def watch(paths: tuple[str, ...], index_dir: str | None, settle: float, excludes: tuple[str, ...],
          queries: tuple[str, ...], as_json: bool, color: str, lock_timeout: float, follow_links: bool,
          mode: str | None) -> None:
    """Watch folders (default: the sources of the last build) and index releases as they arrive, change
    or disappear, one line per change, until Ctrl-C."""
    from searchidx.index.core import Index
    from searchidx.index.watch import watch as watch_paths

    folder = _location(index_dir)
    try:
        index = Index.open(folder, create=True, follow_links=follow_links, mode=mode)
        if excludes:
            index.set_sources(exclude=excludes, lock_timeout=lock_timeout)
        sources = list(paths) or index.sources or [DEFAULT_SOURCES]
        for query in queries:  # a bad query is said now, not at the first arrival
            index.search(query, limit=0, suggest=False)
        for batch in watch_paths(index, sources, settle=settle, lock_timeout=lock_timeout):
            if batch.error is not None:
                echo(f"searchidx: {batch.error} (will retry)", err=True)
                continue
            report = batch.report
            _report_skipped(report)
            if batch.initial:
                echo(f"{folder}: {report.summary()}; watching {', '.join(batch.roots)} (Ctrl-C to stop)",
                           err=True)
            elif queries:
                _print_changes(report, err=True)
                _alerts(index, queries, [*report.added, *report.updated], as_json, _color(color))
            elif as_json:
                for kind in ("added", "updated", "removed"):
                    for path in getattr(report, kind):
                        echo(json.dumps({"type": kind, "path": path}, ensure_ascii=False))
            else:
                _print_changes(report)
    except KeyboardInterrupt:
        echo("searchidx: stopped watching", err=True)
    except QueryError as exc:
        raise _fail(str(exc), exc.hint) from None
    except SearchidxError as exc:
        raise _fail(str(exc)) from None


def _alerts(index: Any, queries: tuple[str, ...], paths: list[str], as_json: bool, color: bool) -> None:
    """The paragraphs of just-indexed files that match each query, as they would show in a search."""
    if not paths:
        return
    only = [glob.escape(p) for p in paths]  # these files exactly, whatever characters their names hold
    for query in queries:
        for hit in index.iter_search(query, path=only):
            if as_json:
                echo(json.dumps({"type": "alert", "query": query, **hit.to_dict()}, ensure_ascii=False))
            else:
                echo(output.alert_text(query, hit, color), color=color)


@main.command()
@index_option
@click.option("--fast", is_flag=True, help="Skip reading the source files (no check for changed or new files).")
def check(index_dir: str | None, fast: bool) -> None:
    """Check the index against its sources and its own consistency; exit code 1 if anything is wrong."""
    from searchidx.index.core import Index

    folder = _location(index_dir)
    try:
        report = Index.open(folder, strict=False).check(contents=not fast)
    except SearchidxError as exc:
        raise _fail(str(exc)) from None
    echo(f"{folder}: {plural(report.files, 'file')}, {plural(report.releases, 'release')}, "
               f"{plural(report.paragraphs, 'paragraph')}, {plural(report.segments, 'segment')} ({report.generation})")
    for note in report.notes:
        echo(f"note: {note}")
    for path, reason in report.failed.items():
        echo(f"  known bad: {path}: {reason}")
    for problem in report.problems:
        echo(f"problem: {problem.message}\n  fix: {problem.advice}")
    if not report.ok:
        sys.exit(EXIT_NOTHING)
    echo("ok")


@main.command(cls=habits.QueryCommand)
@click.argument("query", nargs=-1, required=True)
@index_option
@click.option("--limit", "-n", type=click.IntRange(min=0), default=10, show_default=True,
              help="Hits per page (0: only the count, facets and timeline).")
@click.option("--page", type=click.IntRange(min=1), default=1, show_default=True, help="Page of hits.")
@click.option("--speaker", help="Only paragraphs of this speaker (any part of the name, or of a form of it: Ms Roe).")
@click.option("--since", help="Only releases dated on or after this day (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", help="Only releases dated on or before this day.")
@click.option("--source", help="Only releases from this wire or publisher.")
@click.option("--path", "paths", multiple=True, metavar="GLOB",
              help="Only files whose path (under its source folder, or whole) matches GLOB (repeatable: any).")
@click.option("--lang", "languages", multiple=True,
              help="Only paragraphs in this language, an ISO 639-1 code such as es (repeatable; en,es works too).")
@click.option("--quotes-only", is_flag=True, help="Only paragraphs with a speaker's words in quotation marks.")
@click.option("--in-quotes", is_flag=True,
              help="Match the query's words only inside a speaker's quotation marks (with --speaker: what they said).")
@click.option("--all-kinds", is_flag=True, help="Include pull quotes, captions and About sections.")
@click.option("--sort", type=click.Choice(["score", "date", "oldest"]), default="score", show_default=True,
              help="Relevance, newest first, or oldest first.")
@click.option("--reverse", is_flag=True, help="Reverse the order of --sort date (oldest first) or oldest.")
@click.option("--facet", "facets", multiple=True,
              type=click.Choice(["speaker", "source", "publisher", "year", "location", "language"]),
              help="Count matching paragraphs per value (repeatable).")
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True,
              help="Values shown per facet.")
@click.option("--timeline", is_flag=True, help="Chart matching paragraphs per month.")
@click.option("--no-collapse", is_flag=True, help="Show syndicated copies of a paragraph as separate hits.")
@context_option
@color_option
@json_option
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV with a header row (hits only).")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing: the exit code says whether anything matched.")
@click.option("--releases", "-l", "releases", is_flag=True,
              help="List matching releases (like grep -l), with their matching paragraphs and speakers.")
@click.option("--also", "also", multiple=True, metavar="QUERY",
              help="With --releases: only releases where a paragraph also matches QUERY (repeatable).")
def search(query: tuple[str, ...], index_dir: str | None, limit: int, page: int, speaker: str | None,
           since: str | None, until: str | None, source: str | None, paths: tuple[str, ...], languages: tuple[str, ...],
           quotes_only: bool, in_quotes: bool,
           all_kinds: bool, sort: str,
           reverse: bool, facets: tuple[str, ...], top: int, timeline: bool, no_collapse: bool, context: int,
           color: str, as_json: bool, as_csv: bool, quiet: bool, releases: bool, also: tuple[str, ...]) -> None:
    """Search paragraphs: words, "phrases", "phrases"~N, AND/OR/NOT, -word, ( ), prefix*, fuzzy~,
    word^3, field:value (speaker: role: title: source: location: kind: lang: date:2023 date:[2023-01 to 2023-06]
    year: path:GLOB). Stop words (the, to...) go unindexed: a phrase of them only is read in the text.

    The query may start with - and options may come before or after it. Exit code 0 when something
    matched, 1 when nothing did, 2 on an error."""
    text = " ".join(query)
    if as_json and as_csv:
        raise _fail("--json and --csv exclude each other")
    if reverse:
        sort = {"score": "score", "date": "oldest", "oldest": "date"}[sort]
        if sort == "score":
            raise _fail("--reverse goes with --sort date or --sort oldest")
    if also and not releases:
        raise _fail("--also goes with --releases", "e.g. searchidx search -l speaker:biden --also speaker:harris")
    if releases:
        return _search_releases(text, index_dir, also=also, speaker=speaker, since=since, until=until, source=source,
                                path=list(paths),
                                kinds=None if all_kinds else ("body",), quotes_only=quotes_only,
                                in_quotes=in_quotes, limit=limit, page=page, sort=sort, quiet=quiet, as_json=as_json, as_csv=as_csv, color=color)
    try:
        index = _open(index_dir, auto_build=True)
        codes = [code for value in languages for code in value.split(",")]
        results = index.search(text, speaker=speaker, since=since, until=until, source=source, path=list(paths),
                               languages=codes or None, kinds=None if all_kinds else ("body",), quotes_only=quotes_only,
                               in_quotes=in_quotes, limit=0 if quiet else limit, page=page, sort=sort,
                               facets=() if quiet else facets, timeline=timeline and not quiet,
                               context=context, collapse=not no_collapse, facet_limit=top, suggest=not quiet)
    except QueryError as exc:
        raise _fail(str(exc), exc.hint) from None
    except SearchidxError as exc:
        raise _fail(str(exc)) from None
    if quiet:
        sys.exit(0 if results.total else EXIT_NOTHING)
    if results.suggestion:
        echo(f"did you mean: {results.suggestion}", err=True)
    if as_json:
        for hit in results.hits:
            echo(output.hit_json(hit))
        for line in output.facets_json(results.facets) + output.timeline_json(results.timeline):
            echo(line)
    elif as_csv:
        echo(output.csv_header())
        for hit in results.hits:
            echo(output.hit_csv(hit))
    else:
        use_color = _color(color)
        for hit in results.hits:
            echo(output.hit_text(hit, use_color), color=use_color)
        if results.facets:
            echo(output.facets_text(results.facets, top, use_color), color=use_color)
        if results.timeline:
            echo(output.timeline_chart(results.timeline), nl=False)
        echo(output.count_line(results), err=True)
    if not results.total:
        sys.exit(EXIT_NOTHING)


def _search_releases(text: str, index_dir: str | None, *, also: tuple[str, ...], quiet: bool, as_json: bool,
                     as_csv: bool, color: str, **options: Any) -> None:
    try:
        found = _open(index_dir, auto_build=True).search_releases(text, also=also, **options)
    except QueryError as exc:
        raise _fail(str(exc), exc.hint) from None
    except SearchidxError as exc:
        raise _fail(str(exc)) from None
    if quiet:
        sys.exit(0 if found.total else EXIT_NOTHING)
    if as_json:
        for match in found:
            echo(json.dumps({"type": "release", **match.to_dict()}, ensure_ascii=False))
    elif as_csv:
        echo(output.release_csv_header())
        for match in found:
            echo(output.release_csv(match))
    else:
        use_color = _color(color)
        for match in found:
            echo(output.release_text(match, use_color), color=use_color)
        if found.releases:
            first = (found.page - 1) * found.limit + 1
            echo(f"{first}-{first + len(found.releases) - 1} of {plural(found.total, 'matching release')}",
                       err=True)
        else:
            echo(plural(found.total, "matching release") if found.total else "no matches", err=True)
    if not found.total:
        sys.exit(EXIT_NOTHING)


@main.command()
@index_option
@json_option
def speakers(index_dir: str | None, as_json: bool) -> None:
    """List every speaker once, with role(s), paragraph and release counts, and other forms of the name."""
    try:
        table = _open(index_dir, auto_build=True).speakers()
    except SearchidxError as exc:
        raise _fail(str(exc)) from None
    for sp in table:
        if as_json:
            echo(json.dumps(sp.to_dict(), ensure_ascii=False))
        else:
            # The three roles most given: a prosecutor's office gives hundreds of one-off ones.
            roles = "; ".join(sp.roles[:3]) + (f"; +{len(sp.roles) - 3} more" if len(sp.roles) > 3 else "")
            also = ", ".join(sp.aliases)
            echo(f"{sp.paragraphs:5d} ¶ {sp.releases:4d} rel  {sp.name}" + (f" ({roles})" if roles else "")
                 + (f"  also: {also}" if also else ""))


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
    except ReleaseNotFoundError as exc:
        raise _fail(str(exc), code=EXIT_NOTHING) from None
    except SearchidxError as exc:
        raise _fail(str(exc)) from None
    if n:
        wanted = int(n)
        if not any(p.n == wanted for p in release.paragraphs):
            raise _fail(f"release {release_id} has no paragraph {n}",
                        f"it has paragraphs 1 to {max((p.n for p in release.paragraphs), default=0)}",
                        code=EXIT_NOTHING)
        release.paragraphs = [p for p in release.paragraphs if abs(p.n - wanted) <= context]
    if as_json:
        echo(json.dumps(release.to_dict(), ensure_ascii=False))
    else:
        _print_release(release)


@main.command()
@index_option
@json_option
def stats(index_dir: str | None, as_json: bool) -> None:
    """Releases, paragraphs, speakers, date span, size on disk and last update of the index."""
    try:
        st = _open(index_dir).stats()
    except SearchidxError as exc:
        raise _fail(str(exc)) from None
    if as_json:
        echo(json.dumps(st.to_dict()))
        return
    echo(output.stats_text(st), nl=False)
    echo(f"known bad   {output.plural(len(st.known_bad), 'file')}"
               + "".join(f"\n  {b['path']}: {b['reason']}" for b in st.known_bad))


@main.command()
@index_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "sqlite"]), default="jsonl", show_default=True,
              help="JSON Lines, CSV with a header row, or an SQLite database with a full-text table.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None,
              help="File to write (default: standard output; an SQLite export needs one).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary.")
def export(index_dir: str | None, fmt: str, output: str | None, quiet: bool) -> None:
    """Write every paragraph with its release's metadata (id, release, n, kind, speaker, role, title, date,
    source, location, url, path, text), streamed: export --format sqlite -o x.db opens in datasette or
    sqlite-utils search."""
    from searchidx.export import export as write_export

    if fmt == "sqlite" and not output:
        raise _fail("--format sqlite needs --output FILE")
    progress = _Progress(not quiet and sys.stderr.isatty(), unit="paragraphs")
    try:
        index = _open(index_dir)
        count = write_export(index, fmt, output if output else sys.stdout, progress=progress)
    except SearchidxError as exc:
        raise _fail(str(exc)) from None
    finally:
        progress.close()
    if not quiet:
        echo(f"{plural(count, 'paragraph')} exported" + (f" to {output}" if output else ""), err=True)


@main.command()
@click.argument("action", type=click.Choice(["list", "add", "remove", "exclude", "include"]), default="list")
@click.argument("values", nargs=-1)
@index_option
@json_option
@lock_timeout_option
def sources(action: str, values: tuple[str, ...], index_dir: str | None, as_json: bool, lock_timeout: float) -> None:
    """List, add or remove the folders a bare build syncs, and the globs left out under them:
    sources [list], sources add PATH..., sources remove PATH... (its releases too), sources exclude GLOB...,
    sources include GLOB... (stop excluding it)."""
    from searchidx.index.core import Index

    folder = _location(index_dir)
    if action != "list" and not values:
        raise _fail(f"sources {action} needs {'GLOB' if action in ('exclude', 'include') else 'PATH'}...")
    try:
        index = Index.open(folder, create=action == "add", strict=False)
        if action == "add":
            missing = [v for v in values if not os.path.exists(v)]
            if missing:
                raise _fail(f"no such file or folder: {missing[0]}")
            index.set_sources(add=values, lock_timeout=lock_timeout)
        elif action == "remove":
            known = set(index.sources)
            unknown = [v for v in values if str(Path(v).resolve()) not in known]
            if unknown:
                raise _fail(f"not a source: {unknown[0]}", "see: searchidx sources", code=EXIT_NOTHING)
            removed = index.remove(values, lock_timeout=lock_timeout)
            echo(f"{folder}: {output.plural(len(removed), 'file')} removed", err=True)
        elif action in ("exclude", "include"):
            unknown = [v for v in values if v not in index.excludes] if action == "include" else []
            if unknown:
                raise _fail(f"not excluded: {unknown[0]}", "see: searchidx sources", code=EXIT_NOTHING)
            index.set_sources(**{action: values}, lock_timeout=lock_timeout)
        current, globs = index.sources, index.excludes
    except SearchidxError as exc:
        raise _fail(str(exc)) from None
    if as_json:
        echo(json.dumps({"sources": current, "excludes": globs}))
        return
    for source in current:
        echo(source if os.path.exists(source) else f"{source}  (missing)")
    for pattern in globs:
        echo(f"exclude {pattern}")


@main.command()
@index_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (the default answers this machine only).")
@click.option("--port", type=click.IntRange(min=0, max=65535), default=8000, show_default=True,
              help="Port to listen on (0: any free port, printed on start).")
def serve(index_dir: str | None, host: str, port: int) -> None:
    """Serve a read-only web page and JSON API over the index, until Ctrl-C."""
    try:
        from searchidx.serve import serve as run
    except ImportError as exc:
        raise _fail(f"the web server's libraries are missing ({exc.name})",
                    "install them with: pip install 'searchidx[serve]'") from None
    folder = _location(index_dir)
    try:
        index = _open(index_dir)
        run(index, host=host, port=port,
            ready=lambda url: echo(f"searchidx: serving {folder} at {url} (Ctrl-C to stop)", err=True))
    except KeyboardInterrupt:
        pass
    except SearchidxError as exc:
        raise _fail(str(exc)) from None
    echo("searchidx: stopped serving", err=True)


if __name__ == "__main__":  # pragma: no cover
    main()
