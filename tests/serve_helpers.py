"""For the serve tests: an index of the seed release plus releases written here (one full of markup and
script in its title, role, text and URL), and `searchidx serve` run over it as a real subprocess."""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.conftest import ROOT, SEED

#: The release that tries to run script in a page: title, role, text and URL carry markup, quotes and
#: javascript: addresses. Written as JSON with an HTML body, whose escaped markup the loader keeps as text.
XSS_RELEASE = {
    "title": "Council says \"<script>alert('title')</script>\" & <b>bold</b> plans",
    "date": "2024-03-05",
    "url": "javascript:alert('url')",
    "body": ("<p>BRUSSELS, March 5, 2024 - The council met about &lt;script&gt;alert('body')&lt;/script&gt; and "
             "<a href=\"javascript:alert('link')\">a link</a> today.</p>"
             "<p>\u201cWe will not accept &lt;img src=x onerror=alert('quote')&gt; in our town,\u201d said Jane "
             "O'Hara, the council's &lt;script&gt;alert('role')&lt;/script&gt; spokesperson.</p>"
             "<p>javascript:alert('para') is written in this paragraph, with \"quotes\" and 'single' ones.</p>"),
}
PLACES = ("BRUSSELS", "LISBON", "VIENNA")
#: Generated releases: enough for three pages of "harbour" hits, over six months and three places.
RELEASES = 24


def write_releases(folder: Path) -> None:
    """The seed, the script-laden release and `RELEASES` small ones. Each small one has a paragraph of its
    own (``harbour`` and a word of its own) and the same quote as the others (copies to fold)."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(SEED, folder / SEED.name)
    (folder / "xss.json").write_text(json.dumps(XSS_RELEASE), encoding="utf-8")
    for i in range(RELEASES):
        place = PLACES[i % len(PLACES)]
        month = 1 + i % 6
        (folder / f"harbour_{i:02d}.txt").write_text(
            f"Harbour board approves works, part {i}\n\n{place}, {_month_name(month)} {1 + i}, 2024\n\n"
            f"The harbour board approved the works on pier {i} today, numbered {i * 7 + 3} in its plan.\n\n"
            f"\"The harbour will be ready for the season,\" said Ana Costa, director of the harbour board.\n",
            encoding="utf-8")


def _month_name(m: int) -> str:
    return ["January", "February", "March", "April", "May", "June"][m - 1]


def build_index(folder: Path, index_dir: Path) -> None:
    from searchidx import Index

    report = Index.open(index_dir, create=True).sync([folder])
    assert not report.skipped, report.skipped


@dataclass
class Server:
    process: subprocess.Popen[str]
    url: str
    lines: list[str]

    def get(self, path: str, *, method: str = "GET", headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
        request = urllib.request.Request(self.url.rstrip("/") + path, method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
        except urllib.error.HTTPError as exc:
            return exc.code, {k.lower(): v for k, v in exc.headers.items()}, exc.read()

    def json(self, path: str) -> tuple[int, Any]:
        status, headers, body = self.get(path)
        assert headers["content-type"].startswith("application/json"), (path, headers["content-type"])
        return status, json.loads(body)

    def stop(self, sig: int = signal.SIGINT, timeout: float = 20) -> tuple[int, str]:
        """Send ``sig`` and wait: the exit code and what the server wrote on stderr after the first line."""
        if self.process.poll() is None:
            self.process.send_signal(sig)
        try:
            _, err = self.process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            _, err = self.process.communicate()
            raise AssertionError(f"the server did not stop within {timeout} s of signal {sig}") from None
        return self.process.returncode, "".join(self.lines[1:]) + err


def start_server(index_dir: Path, *args: str, timeout: float = 60) -> Server:
    """`python -m searchidx serve --index DIR --port 0` in a subprocess; waits for its first line (the
    address, with the free port it took)."""
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    process = subprocess.Popen([sys.executable, "-m", "searchidx", "serve", "--index", str(index_dir), "--port", "0",
                                *args], cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([process.stderr], [], [], 0.2)
        if ready:
            line = process.stderr.readline()
            if not line:
                break
            lines.append(line)
            if " at http://" in line:
                url = line.split(" at ", 1)[1].split()[0]
                return Server(process, url, lines)
        elif process.poll() is not None:
            break
    process.kill()
    out, err = process.communicate()
    raise AssertionError(f"searchidx serve did not start: {''.join(lines)}{err}")
