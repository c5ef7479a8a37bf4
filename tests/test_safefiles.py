"""An index's own small files are replaced whole: Ctrl-C during the write waits for it, even when the signal
is handed to another thread (a file watcher's), and no temporary file is left behind."""

from __future__ import annotations

import os
import signal
import threading

import pytest

from searchidx import safefiles


def test_ctrl_c_from_another_thread_waits_for_the_write_to_finish(tmp_path, monkeypatch):
    target = tmp_path / "searchidx-checksums.json"
    target.write_text("old", encoding="utf-8")
    real_mkstemp = safefiles.tempfile.mkstemp
    go, sent = threading.Event(), threading.Event()

    def send_ctrl_c():
        # A thread started before the write, as a file watcher's is: the signal is not blocked in it.
        go.wait()
        os.kill(os.getpid(), signal.SIGINT)
        sent.set()

    sender = threading.Thread(target=send_ctrl_c)
    sender.start()

    def mkstemp_then_ctrl_c(*args, **kwargs):
        made = real_mkstemp(*args, **kwargs)
        go.set()  # Ctrl-C arrives once the temporary file exists; Python raises it here at its next steps
        sent.wait()
        for _ in range(1000):
            pass
        return made

    monkeypatch.setattr(safefiles.tempfile, "mkstemp", mkstemp_then_ctrl_c)
    with pytest.raises(KeyboardInterrupt):
        safefiles.write_atomically(target, "new")
    sender.join()
    assert target.read_text(encoding="utf-8") == "new"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
