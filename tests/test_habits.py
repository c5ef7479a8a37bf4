"""Terminal habits: exit codes, one-line errors, arguments anywhere, closed pipes, colour.

Exit codes, pipes and colour through a real subprocess (and a real pty for colour); the rest through
click's CliRunner."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys

import pytest
from click.testing import CliRunner

from searchidx.cli.main import main
from tests.conftest import ROOT
from tests.test_search import RELEASES, SEED

ESC = "\x1b["


@pytest.fixture(scope="module")
def ixdir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("rel")
    (folder / SEED.name).write_bytes(SEED.read_bytes())
    for name, text in RELEASES.items():
        (folder / name).write_text(text, encoding="utf-8")
    ix = tmp_path_factory.mktemp("ix") / "index"
    assert CliRunner().invoke(main, ["--index", str(ix), "build", str(folder)]).exit_code == 0
    return str(ix)


def env(**extra: str) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "TERM", "CLICOLOR_FORCE")}
    return {**base, "PYTHONPATH": str(ROOT), **extra}


def cli(*args: object) -> list[str]:
    return [sys.executable, "-m", "searchidx.cli", *map(str, args)]


def proc(*args: object, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(cli(*args), env=kw.pop("env", env()), capture_output=True, text=True, timeout=120, **kw)


def invoke(*args: object) -> object:
    return CliRunner().invoke(main, [str(a) for a in args])


# -- exit codes -----------------------------------------------------------------------------------

def test_exit_codes_like_ripgrep(ixdir, tmp_path):
    found = proc("search", "closed nexus", "--index", ixdir)
    assert found.returncode == 0 and "Wolfgang Schomburg" in found.stdout
    nothing = proc("search", "zyxwvut", "--index", ixdir)
    assert nothing.returncode == 1 and nothing.stdout == "" and "no matches" in nothing.stderr
    bad_query = proc("search", '"closed nexus', "--index", ixdir)
    assert bad_query.returncode == 2 and bad_query.stderr.count("\n") == 1
    assert bad_query.stderr.startswith("searchidx: error: unbalanced quote")
    missing = proc("search", "x", "--index", tmp_path / "none")
    assert missing.returncode == 2 and missing.stderr.startswith("searchidx: error: no index at")
    assert missing.stderr.count("\n") == 1


@pytest.mark.parametrize("args", [["search"], ["search", "x", "--bogus"], ["nosuchcommand"], ["search", "x", "-n", "many"],
                                  ["build", "--rebuild", "--lock-timeout"]])
def test_usage_errors_are_one_line_exit_2(ixdir, args):
    result = proc(*args, "--index", ixdir) if args[-1] != "--lock-timeout" else proc(*args)
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("searchidx: error: "), result.stderr
    assert "--help" in result.stderr and result.stdout == ""


def test_no_command_shows_the_help(ixdir):
    result = proc()
    assert result.returncode in (0, 2) and "Commands:" in result.stdout + result.stderr
    assert "searchidx: error" not in result.stderr and "\n  search " in result.stdout + result.stderr


def test_quiet_search_answers_by_exit_code(ixdir):
    hit = proc("search", "-q", "closed nexus", "--index", ixdir)
    assert (hit.returncode, hit.stdout, hit.stderr) == (0, "", "")
    miss = proc("search", "zyxwvut", "--quiet", "--index", ixdir)
    assert (miss.returncode, miss.stdout, miss.stderr) == (1, "", "")
    bad = proc("search", "-q", "foo:bar", "--index", ixdir)
    assert bad.returncode == 2 and "unknown field" in bad.stderr  # errors are still said


def test_show_and_remove_say_nothing_found_with_1(ixdir):
    assert invoke("show", "0123456789abcdef", "--index", ixdir).exit_code == 1
    assert invoke("show", "not an id#x", "--index", ixdir).exit_code == 2


# -- arguments ------------------------------------------------------------------------------------

def _ids(result) -> list[str]:
    return [json.loads(line)["id"] for line in result.stdout.splitlines()]


def test_a_query_may_start_with_a_minus(ixdir):
    plain = invoke("search", "council -budget", "--json", "--index", ixdir)
    leading = invoke("search", "-budget council", "--json", "--index", ixdir)
    assert plain.exit_code == leading.exit_code == 0, leading.output
    assert _ids(leading) == _ids(plain) and _ids(plain)
    # without quotes, one word a shell argument; a known option stays an option
    split = invoke("search", "-budget", "council", "-n", "1", "--json", "--index", ixdir)
    assert _ids(split) == _ids(plain)[:1]
    everything = invoke("search", "council", "--json", "-n", "50", "--index", ixdir)
    assert len(_ids(everything)) > len(_ids(plain))  # the minus did exclude


def test_options_before_or_after_the_query(ixdir):
    after = invoke("search", "iran", "-n", "2", "--json", "--index", ixdir)
    before = invoke("search", "--json", "-n2", "--index", ixdir, "iran")
    assert _ids(after) == _ids(before) and len(_ids(after)) == 2
    ended = invoke("search", "--json", "--index", ixdir, "--", "-n", "iran")  # after --, every word is the query
    assert ended.exit_code == 0 and _ids(ended) == _ids(invoke("search", "iran -n", "--json", "--index", ixdir))


def test_index_at_the_top_level(tmp_path):
    folder = tmp_path / "rel"
    folder.mkdir()
    (folder / SEED.name).write_bytes(SEED.read_bytes())
    ix = tmp_path / "ix"
    built = proc("--index", ix, "build", folder)
    assert built.returncode == 0, built.stderr
    assert (ix / "searchidx.json").exists()
    found = proc("--index", ix, "search", "closed nexus", "--json")
    assert found.returncode == 0 and json.loads(found.stdout)["speaker"] == "Wolfgang Schomburg"
    assert proc("--index", ix, "stats").returncode == 0


def test_engine_at_the_top_level_that_is_no_engine_url_is_one_line(ixdir):
    # Engines themselves: tests/test_engines.py.
    for args in (["--engine", "http://localhost:9200", "search", "x"], ["--engine", "http://localhost:9200", "stats"]):
        result = proc(*args)
        assert result.returncode == 2
        assert result.stderr.startswith("searchidx: error: --engine http://localhost:9200: not an engine URL")
        assert result.stderr.count("\n") == 1


# -- closed pipes ---------------------------------------------------------------------------------

def test_a_closed_pipe_ends_quietly_with_0(ixdir):
    # The reader is gone before the first line is written: every write meets a closed pipe.
    p = subprocess.Popen(cli("search", "iran OR council OR budget", "-n", "50", "-C", "3", "--index", ixdir),
                         env=env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    p.stdout.close()
    err = p.stderr.read().decode()
    assert p.wait(timeout=120) == 0, err
    assert "Traceback" not in err and "Broken pipe" not in err and "BrokenPipe" not in err


def test_head_of_a_search(ixdir):
    script = (f"{' '.join(cli('search', 'iran', '-n', '50', '-C', '5', '--index', ixdir))} | head -1;"
              " echo \"codes ${PIPESTATUS[*]}\"")
    out = subprocess.run(["bash", "-c", script], env=env(), capture_output=True, text=True, timeout=120)
    lines = out.stdout.splitlines()
    assert lines[-1] == "codes 0 0", out.stderr
    assert len(lines) == 2 and "Traceback" not in out.stderr


# -- colour ---------------------------------------------------------------------------------------

def in_pty(args: list[object], extra_env: dict[str, str]) -> str:
    """What the command writes to a real terminal (stdout and stderr on a pty)."""
    master, slave = pty.openpty()
    p = subprocess.Popen(cli(*args), env=env(**extra_env), stdout=slave, stderr=slave, stdin=subprocess.DEVNULL)
    os.close(slave)
    chunks = []
    while True:
        ready, _, _ = select.select([master], [], [], 120)
        if not ready:
            break
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the other side is closed
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    p.wait(timeout=120)
    return b"".join(chunks).decode("utf-8", "replace")


def test_colour_on_a_terminal_and_what_turns_it_off(ixdir):
    args = ["search", "closed nexus", "--index", ixdir]
    assert ESC in in_pty(args, {"TERM": "xterm"})
    assert ESC not in in_pty(args, {"TERM": "xterm", "NO_COLOR": "1"})
    assert ESC not in in_pty(args, {"TERM": "dumb"})
    assert ESC not in in_pty([*args, "--color", "never"], {"TERM": "xterm"})
    assert ESC not in in_pty(["--color", "never", *args], {"TERM": "xterm"})
    assert "closed nexus" in in_pty(args, {"TERM": "dumb"})


def test_colour_forced_on_a_pipe(ixdir):
    args = ["search", "closed nexus", "--index", ixdir]
    assert ESC not in proc(*args).stdout
    assert ESC in proc(*args, env=env(FORCE_COLOR="1")).stdout
    assert ESC not in proc(*args, env=env(FORCE_COLOR="0")).stdout
    assert ESC in proc(*args, "--color", "always").stdout
    assert ESC in proc("--color", "always", *args).stdout
    assert ESC not in proc(*args, "--color", "never", env=env(FORCE_COLOR="1")).stdout
