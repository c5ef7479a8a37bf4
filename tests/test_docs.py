"""README stays true: every command has help and is documented; the set-up and API example run."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from click.testing import CliRunner

from searchidx.cli.main import main
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_has_help_and_is_in_readme():
    for name, command in main.commands.items():
        assert command.help and command.help.strip(), name
        assert f"searchidx {name}" in README, f"`searchidx {name}` is not in README"
        result = CliRunner().invoke(main, [name, "--help"])
        assert result.exit_code == 0 and "Usage:" in result.output


def _code_blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", README, flags=re.S)


def test_readme_set_up_commands_are_the_ones_ci_runs():
    commands = _code_blocks("sh")
    assert "searchidx search" in commands[0]
    assert "pytest" in commands[1]
    assert "-m pytest -q" in (ROOT / ".ci" / "run").read_text()


def test_readme_main_job_runs(tmp_path):
    """The first command's search, as a new user runs it: in a fresh folder with seeds/ and no index."""
    (tmp_path / "seeds").mkdir()
    seed = next((ROOT / "seeds").glob("*.txt"))
    (tmp_path / "seeds" / seed.name).write_bytes(seed.read_bytes())
    env = {k: v for k, v in os.environ.items() if k != "SEARCHIDX_INDEX"}
    out = subprocess.run([sys.executable, "-m", "searchidx.cli", "search", "closed nexus"], cwd=tmp_path,
                         capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.count("closed nexus") == 1
    assert "Wolfgang Schomburg" in out.stdout


def test_readme_python_example_runs(tmp_path):
    example = next(b for b in _code_blocks("python") if "/tmp/searchidx-example" in b).replace("/tmp/searchidx-example", str(tmp_path / "ix"))
    out = subprocess.run([sys.executable, "-c", example], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "1 added" in out.stdout
    assert "Leila Nadya Sadat" in out.stdout


def _documented() -> str:
    return README + "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").glob("*.md")))


def test_every_option_is_documented():
    """Every option of every command is in README or a page of docs/."""
    text = _documented()
    params = [("searchidx", p) for p in main.params]
    params += [(name, p) for name, command in main.commands.items() for p in command.params]
    for where, param in params:
        for opt in getattr(param, "opts", []):
            if opt.startswith("--") and opt not in ("--help", "--version"):
                assert f"`{opt}" in text or f"{opt} " in text or f"{opt}`" in text, f"{where} {opt} is not documented"


def test_search_help_and_readme_name_the_same_query_fields():
    help_text = CliRunner().invoke(main, ["search", "--help"]).output
    table = README.split("### Query language", 1)[1].split("\n\n", 2)[1]
    fields = set(re.findall(r"`(?:-)?([a-z]+):", table))
    named = help_text.split("Options:")[0].split("field:value", 1)[1].split("(", 1)[1].split(")", 1)[0]
    in_help = set(re.findall(r"\b([a-z]+):", named))
    assert fields and fields == in_help, (fields, in_help)
