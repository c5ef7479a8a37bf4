"""`searchidx watch` in a subprocess: a new file, a file written slowly, a changed file, a deleted file, Ctrl-C."""

from __future__ import annotations

import signal
import subprocess
import time

from searchidx import Index
from tests.releases import make_releases, release_text, word
from tests.test_living import cli, env, wait_for


def test_watch_follows_new_changed_and_deleted_files(tmp_path):
    src = tmp_path / "src"
    make_releases(src, 2)
    folder = tmp_path / "ix"
    out, err = tmp_path / "out.txt", tmp_path / "err.txt"
    with out.open("w") as fout, err.open("w") as ferr:
        proc = subprocess.Popen(cli("watch", src, "--index", folder, "--settle", "0.6"), env=env(),
                                stdout=fout, stderr=ferr)
    try:
        wait_for(lambda: "watching" in err.read_text(), what="the catch-up sync")
        assert "2 added" in err.read_text()
        ix = Index.open(folder)

        # A new release, written in two parts with a pause: never indexed half-written.
        new = src / "new.txt"
        text = release_text(7)
        with new.open("w", encoding="utf-8") as fh:
            fh.write(text[:40])
            fh.flush()
            time.sleep(0.15)  # shorter than --settle: the file is still growing
            fh.write(text[40:])
        wait_for(lambda: ix.search(word(7)).total == 1, what="the new release")
        assert ix.search("council").total == 6  # complete, and only once
        assert f"added {new}" in out.read_text()

        # A changed release.
        new.write_text(release_text(7, "Fireworks followed."), encoding="utf-8")
        wait_for(lambda: ix.search("fireworks").total == 1, what="the change")
        assert ix.search("council").total == 6

        # A deleted release.
        (src / "rel_0000.txt").unlink()
        wait_for(lambda: ix.search(word(0)).total == 0, what="the deletion")
        wait_for(lambda: f"removed {src / 'rel_0000.txt'}" in out.read_text(), what="its line")
        assert out.read_text().splitlines()[:3] == [f"added {new}", f"updated {new}",
                                                   f"removed {src / 'rel_0000.txt'}"]
        # Each batch was committed without merging, for speed; once things are quiet, segments are merged.
        wait_for(lambda: len(Index.open(folder).engine.whoosh._segments()) == 1, what="the merge when idle")
    finally:
        proc.send_signal(signal.SIGINT)  # Ctrl-C
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:  # say what the watcher was doing (seen once in CI, not since)
            proc.kill()
            proc.wait()
            raise AssertionError(f"watch did not stop on Ctrl-C; its stderr: {err.read_text()[-2000:]!r}, "
                                 f"stdout: {out.read_text()[-500:]!r}") from None
    assert proc.returncode == 0
    assert "Traceback" not in err.read_text() and "stopped watching" in err.read_text()
    assert Index.open(folder).check().ok


def test_a_burst_of_releases_goes_into_few_commits(tmp_path):
    """The library generator: 20 releases copied in at once are indexed in a batch or two, not 20 commits."""
    import threading

    from searchidx.index.watch import watch

    src = tmp_path / "src"
    make_releases(src, 1)
    ix = Index.open(tmp_path / "ix", create=True)
    stop = threading.Event()
    batches = watch(ix, [src], settle=0.3, stop_event=stop)
    first = next(batches)
    assert first.initial and len(first.report.added) == 1
    make_releases(src, 20, start=1)
    added, commits = 0, 0
    timer = threading.Timer(60, stop.set)  # a deadline, should the files never show up
    timer.start()
    try:
        for batch in batches:
            assert batch.error is None
            added += len(batch.report.added)
            commits += 1
            if added == 20:
                break
    finally:
        stop.set()
        timer.cancel()
    assert added == 20 and commits <= 3
    assert ix.search("council").total == 42


def test_watch_query_alerts_on_matching_paragraphs_as_they_arrive(tmp_path):
    """`watch --query` in a subprocess: one JSON line per new matching paragraph, nothing for the rest."""
    import json

    src = tmp_path / "src"
    make_releases(src, 1)  # indexed by the catch-up sync: no alert for it
    folder = tmp_path / "ix"
    out, err = tmp_path / "out.txt", tmp_path / "err.txt"
    with out.open("w") as fout, err.open("w") as ferr:
        proc = subprocess.Popen(cli("watch", src, "--index", folder, "--settle", "0.3", "--query", "fireworks",
                                    "--query", "speaker:doe", "--json"), env=env(), stdout=fout, stderr=ferr)
    try:
        wait_for(lambda: "watching" in err.read_text(), what="the catch-up sync")
        (src / "quiet.txt").write_text(release_text(5).replace("Jane Doe", "Ann Roe"), encoding="utf-8")
        wait_for(lambda: f"added {src / 'quiet.txt'}" in err.read_text(), what="the quiet release")
        (src / "loud.txt").write_text(release_text(6, "Fireworks followed the vote."), encoding="utf-8")
        wait_for(lambda: len(out.read_text().splitlines()) >= 2, what="the alerts")
        time.sleep(0.5)
        alerts = [json.loads(line) for line in out.read_text().splitlines()]
        assert [(a["type"], a["query"], a["path"]) for a in alerts] == [
            ("alert", "fireworks", str((src / "loud.txt").resolve())),
            ("alert", "speaker:doe", str((src / "loud.txt").resolve()))]
        assert "Fireworks followed" in alerts[0]["text"] and alerts[1]["speaker"] == "Jane Doe"
        assert f"added {src / 'loud.txt'}" in err.read_text()  # the changes go to stderr
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=30)
    assert proc.returncode == 0 and "Traceback" not in err.read_text()


def test_watch_query_that_cannot_run_is_an_error_at_once(tmp_path):
    src = tmp_path / "src"
    make_releases(src, 1)
    result = subprocess.run(cli("watch", src, "--index", tmp_path / "ix", "--query", '"unbalanced'), env=env(),
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "unbalanced quote" in result.stderr


def test_watch_json_without_queries_writes_the_changes_as_json(tmp_path):
    import json

    src = tmp_path / "src"
    make_releases(src, 1)
    out, err = tmp_path / "out.txt", tmp_path / "err.txt"
    with out.open("w") as fout, err.open("w") as ferr:
        proc = subprocess.Popen(cli("watch", src, "--index", tmp_path / "ix", "--settle", "0.3", "--json"), env=env(),
                                stdout=fout, stderr=ferr)
    try:
        wait_for(lambda: "watching" in err.read_text(), what="the catch-up sync")
        (src / "new.txt").write_text(release_text(3), encoding="utf-8")
        wait_for(lambda: out.read_text().strip(), what="the change")
        assert json.loads(out.read_text().splitlines()[0]) == {"type": "added", "path": str(src / "new.txt")}
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=30)
    assert proc.returncode == 0
