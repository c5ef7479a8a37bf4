"""The docs stay true: every command and option is documented, README stays short, its set-up is what CI
runs, its main job and the Python examples run, and the links between the pages resolve."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import click
from click.testing import CliRunner

from searchidx.cli.main import main
from tests.conftest import ROOT

README_PATH = ROOT / "README.md"
README = README_PATH.read_text(encoding="utf-8")
DOC_PATHS = sorted((ROOT / "docs").glob("*.md"))
# Everything a user can read: README and docs/.
DOCS = README + "".join(p.read_text(encoding="utf-8") for p in DOC_PATHS)
CI = (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def _code_blocks(text: str, lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", text, flags=re.S)


def _section(text: str, heading: str) -> str:
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", text, flags=re.S | re.M)
    assert match, f"no '## {heading}' section"
    return match.group(1)


def _long_options(command: click.Command) -> list[str]:
    return [opt for param in command.params if isinstance(param, click.Option)
            for opt in param.opts + param.secondary_opts if opt.startswith("--") and opt != "--help"]


def test_every_command_has_help_and_is_documented():
    assert main.commands, "no commands found"
    for name, command in main.commands.items():
        assert command.help and command.help.strip(), name
        assert f"searchidx {name}" in README, f"`searchidx {name}` is not in README"
        result = CliRunner().invoke(main, [name, "--help"])
        assert result.exit_code == 0 and "Usage:" in result.output


def test_every_option_is_documented():
    def documented(opt: str) -> bool:  # the whole option, not a prefix of a longer one
        return re.search(rf"(?<![\w-]){re.escape(opt)}(?![\w-])", DOCS) is not None

    missing = [f"{name} {opt}" for name, command in main.commands.items() for opt in _long_options(command)
               if not documented(opt)]
    missing += [opt for opt in _long_options(main) if not documented(opt)]
    assert not missing, f"options not in README.md or docs/*.md: {missing}"


def test_shell_examples_use_real_commands_and_options():
    """Every `searchidx ...` line in a sh block of README or docs/ parses as the CLI would parse it."""
    examples = [line for block in _code_blocks(DOCS, "sh") for line in block.splitlines()
                if line.startswith("searchidx ")]
    assert len(examples) > 10
    for line in examples:
        args = shlex.split(re.sub(r"\s+# .*$", "", line).split(" | ")[0].split(" > ")[0])[1:]  # before a pipe or redirection  # a comment, not an id's #N
        command = main.commands.get(args[0])
        assert command is not None, line
        try:
            command.make_context(args[0], args[1:])
        except click.UsageError as exc:
            raise AssertionError(f"{line!r}: {exc}") from None


def test_readme_is_short():
    size = len(README_PATH.read_bytes())
    assert size < 12 * 1024, f"README.md is {size} bytes; keep it under 12 KB (reference goes to docs/)"


def test_readme_set_up_commands_are_the_ones_ci_runs():
    setup = _section(README, "Set-up")
    install, tests = _code_blocks(setup, "sh")  # exactly two commands
    assert "pip install -q -e '.[test]'" in install and "pip install -q -e '.[test]'" in CI
    assert "searchidx search" in install
    test_command = tests.strip().removeprefix(".venv/bin/")
    assert test_command == "python -m pytest -q"
    assert f'"$venv/bin/{test_command}' in CI or f"/bin/{test_command}" in CI


def test_readme_main_job_runs(tmp_path):
    """The first command's search, as a new user runs it: in a fresh folder with seeds/ and no index."""
    install = _code_blocks(_section(README, "Set-up"), "sh")[0]
    search = shlex.split(install.split(".venv/bin/searchidx ", 1)[1])
    assert search[0] == "search", install
    (tmp_path / "seeds").mkdir()
    seed = next((ROOT / "seeds").glob("*.txt"))
    (tmp_path / "seeds" / seed.name).write_bytes(seed.read_bytes())
    env = {k: v for k, v in os.environ.items() if k != "SEARCHIDX_INDEX"}
    out = subprocess.run([sys.executable, "-m", "searchidx.cli", *search], cwd=tmp_path,
                         capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.count("closed nexus") == 1
    assert "Wolfgang Schomburg" in out.stdout
    assert (tmp_path / "index" / "searchidx.json").exists()


def _run_python(code: str) -> list[str]:
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout.splitlines()


def test_readme_python_example_runs(tmp_path):
    example = next(b for b in _code_blocks(README, "python") if "/tmp/searchidx-example" in b)
    lines = _run_python(example.replace("/tmp/searchidx-example", str(tmp_path / "ix")))
    assert lines[0].startswith("1 added, 0 updated")
    assert lines[1:] and all("Leila Nadya Sadat" in line for line in lines[1:])


def test_python_api_examples_run(tmp_path):
    """docs/python-api.md's example, then its escape-hatch snippet on the same index."""
    page = (ROOT / "docs" / "python-api.md").read_text(encoding="utf-8")
    blocks = _code_blocks(page, "python")
    example = next(b for b in blocks if "/tmp/searchidx-api-example" in b)
    hatch = next(b for b in blocks if "index.engine.searcher()" in b)
    lines = _run_python((example + hatch).replace("/tmp/searchidx-api-example", str(tmp_path / "ix")))
    assert lines[1].startswith("1 added, 0 updated")
    assert lines[2] == "2 [('2023-08', 2)]"  # total and timeline of the filtered search
    assert re.match(r"[0-9a-f]{16}#\d+ Leila Nadya Sadat ", lines[3]), lines[3]
    assert lines[5] == "{'speaker': [('Leila Nadya Sadat', 2)], 'year': [('2023', 2)]}"
    assert "accountability" in lines
    assert any(line.startswith("QueryError: ") and "2023-02-30" in line for line in lines)
    assert lines[-2] == "True"  # index.check().ok
    paragraphs = int(lines[-4].split()[1])  # stats: releases paragraphs first_date
    assert int(lines[-1]) == paragraphs + 1  # Whoosh's documents: the paragraphs and the file record


def test_links_between_pages_resolve():
    broken = []
    for path in [README_PATH, ROOT / "CHANGELOG.md", *DOC_PATHS]:
        text = path.read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if re.match(r"[a-z]+:", target):
                continue
            file, _, anchor = target.partition("#")
            dest = (path.parent / file).resolve() if file else path
            if not dest.exists():
                broken.append(f"{path.name}: {target}")
            elif anchor and dest.suffix == ".md" and anchor not in _anchors(dest):
                broken.append(f"{path.name}: {target} (no such heading)")
    assert not broken, broken


def _anchors(path: Path) -> set[str]:
    """GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens."""
    headings = re.findall(r"^#+ (.+)$", path.read_text(encoding="utf-8"), flags=re.M)
    return {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-") for h in headings}


def test_search_help_and_docs_name_the_same_query_fields():
    help_text = CliRunner().invoke(main, ["search", "--help"]).output
    searching = (ROOT / "docs" / "searching.md").read_text(encoding="utf-8")
    table = searching.split("## Query language", 1)[1].split("\n\n", 2)[1]
    fields = set(re.findall(r"`(?:-)?([a-z]+):", table))
    named = help_text.split("Options:")[0].split("field:value", 1)[1].split("(", 1)[1].split(")", 1)[0]
    in_help = set(re.findall(r"\b([a-z]+):", named))
    assert in_help and in_help <= fields, (in_help - fields)  # the docs may name more (text:, id:)
