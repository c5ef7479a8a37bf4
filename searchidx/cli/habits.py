"""The conventions that grep, ripgrep and other terminal tools follow, for every `searchidx` command.

- Exit codes: 0 when something was found, 1 when nothing was, 2 on an error; usage errors included.
- Every error is one line on stderr: ``searchidx: error: <what> (<hint>)``.
- A closed pipe (``searchidx search x | head -1``) ends quietly, exit code 0.
- Colour: ``--color always|never`` first, then ``NO_COLOR``, ``FORCE_COLOR``, ``TERM=dumb``, then
  whether the output is a terminal.
- A query may start with ``-`` (``search '-overdose fentanyl'``): see `QueryCommand`.
"""

from __future__ import annotations

import os
import sys
from typing import IO, Any

import click

from searchidx.cli.output import printable_name
from searchidx.errors import SearchidxError

#: Something matched (or the command did what it was asked).
EXIT_FOUND = 0
#: Nothing matched: no hits, an id or path not in the index, problems found by `check`.
EXIT_NOTHING = 1
#: An error: bad usage, a bad query, a missing or damaged index, input that could not be read.
EXIT_ERROR = 2


class CommandError(click.ClickException):
    """A one-line error of a command; exit code 2 unless ``code`` says otherwise."""

    exit_code = EXIT_ERROR

    def __init__(self, message: str, hint: str | None = None, code: int = EXIT_ERROR) -> None:
        super().__init__(f"{message}{f' ({hint})' if hint else ''}")
        self.exit_code = code


def one_line(text: str) -> str:
    return " ".join(str(text).split())


def error_line(message: str) -> None:
    """Write ``searchidx: error: message`` to stderr, on one line, without a file name's or a release's
    control characters."""
    click.echo(f"searchidx: error: {printable_name(one_line(message))}", err=True)


def color_wanted(choice: str | None, stream: IO[Any] | None = None) -> bool:
    """Whether to colour: an explicit ``always``/``never``, else the environment, else a terminal."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    env = os.environ
    if env.get("NO_COLOR"):  # https://no-color.org: set and not empty
        return False
    if env.get("FORCE_COLOR", "").lower() not in ("", "0", "false", "no"):
        return True
    if env.get("TERM") == "dumb":
        return False
    stream = stream if stream is not None else sys.stdout
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or unusual stream
        return False


def _quiet_stdout() -> None:
    """After a closed pipe: point stdout at /dev/null, so the interpreter's last flush does not complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no real file descriptor (a test runner's buffer)
        pass


class _PipeClosed(Exception):
    """The reader of stdout went away (`head`): not an OSError, which click turns into exit code 1."""


class _Unexpected(Exception):
    """An error no layer expected (a library's, on damaged files): one line too, not click's Abort, which
    is what click makes of an EOFError."""

    def __init__(self, exc: BaseException) -> None:
        super().__init__(f"{type(exc).__name__}: {one_line(str(exc))[:200]}")
        self.original = exc


class Group(click.Group):
    """Runs a command with the conventions above instead of click's own (3-line usage errors, exit 1)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            result = super().invoke(ctx)
            sys.stdout.flush()
        except BrokenPipeError:
            raise _PipeClosed() from None
        except (click.ClickException, click.exceptions.Exit, click.Abort, SearchidxError):
            raise
        except OSError as exc:  # a full disk, a folder gone under a long-running command
            if os.environ.get("SEARCHIDX_DEBUG"):
                raise
            where = f" {exc.filename}" if exc.filename else ""
            raise CommandError(f"cannot read or write{where}: {exc.strerror or exc}",
                               "the index keeps its last commit; searchidx check says what it holds") from None
        except Exception as exc:
            if os.environ.get("SEARCHIDX_DEBUG"):
                raise
            raise _Unexpected(exc) from exc
        return result

    def main(self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
            sys.stdout.flush()
        except (_PipeClosed, BrokenPipeError):
            _quiet_stdout()
            sys.exit(EXIT_FOUND)
        except click.UsageError as exc:
            if type(exc).__name__ == "NoArgsIsHelpError" and exc.ctx is not None:
                # `searchidx` alone: the help, as it is (click >= 8.2 makes it a usage error)
                click.echo(exc.ctx.get_help(), err=True)
                sys.exit(EXIT_ERROR)
            where = exc.ctx.command_path if exc.ctx else "searchidx"
            message = one_line(exc.format_message()).rstrip(".")
            error_line(f"{message} (see: {where} --help)")
            sys.exit(EXIT_ERROR)
        except CommandError as exc:
            error_line(exc.format_message())
            sys.exit(exc.exit_code)
        except click.ClickException as exc:  # click's own (a bad file name...): an error, whatever its code
            error_line(exc.format_message())
            sys.exit(EXIT_ERROR)
        except click.Abort:  # Ctrl-C, or end of input at a prompt
            click.echo("", err=True)
            sys.exit(130)
        except SearchidxError as exc:  # a library error a command did not turn into a message
            error_line(str(exc))
            sys.exit(EXIT_ERROR)
        except _Unexpected as exc:
            error_line(f"unexpected error: {exc} (if the index is damaged, searchidx check says so and "
                       f"searchidx build --rebuild mends it; SEARCHIDX_DEBUG=1 shows where it happened)")
            sys.exit(EXIT_ERROR)
        sys.exit(code if isinstance(code, int) else EXIT_FOUND)


class QueryCommand(click.Command):
    """A command whose words may start with ``-``: any word that is not one of its options is a word of
    the query, wherever it stands (``search -overdose fentanyl -n 3`` searches ``-overdose fentanyl``).

    A word starting with ``--`` that is no option stays an error (a mistyped option is likelier than a
    query word so written); ``--`` ends the options, as usual."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        return super().parse_args(ctx, self._reorder(ctx, list(args)))

    def _reorder(self, ctx: click.Context, args: list[str]) -> list[str]:
        takes_value: dict[str, bool] = {}
        for param in self.get_params(ctx):
            if isinstance(param, click.Option):
                for name in [*param.opts, *param.secondary_opts]:
                    takes_value[name] = not (param.is_flag or param.count)
        options: list[str] = []
        words: list[str] = []
        i = 0
        while i < len(args):
            arg = args[i]
            i += 1
            if arg == "--":
                words.extend(args[i:])
                break
            if arg.startswith("--"):
                name = arg.split("=", 1)[0]
                options.append(arg)
                if takes_value.get(name) and "=" not in arg and i < len(args):
                    options.append(args[i])
                    i += 1
                continue
            if arg.startswith("-") and len(arg) > 1:
                short, rest = arg[:2], arg[2:]
                if short in takes_value and takes_value[short]:
                    if not rest:  # -n 5
                        options.append(arg)
                        if i < len(args):
                            options.append(args[i])
                            i += 1
                        continue
                    if rest.isdigit():  # -n5
                        options.append(arg)
                        continue
                elif all(f"-{c}" in takes_value and not takes_value[f"-{c}"] for c in arg[1:]):
                    options.append(arg)  # -q, -ql: flags
                    continue
            words.append(arg)
        return [*options, "--", *words]
