"""Checkpoint folders of servers that died (kill -9) are removed when a server starts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from stancegraph.api.workers import remove_orphaned_checkpoints


def test_only_the_folders_of_dead_servers_are_removed(tmp_path: Path) -> None:
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(gone.stdout)
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        dead = tmp_path / f".sparql-snapshots-{dead_pid}-x1"
        (dead / "g0").mkdir(parents=True)
        (dead / "g0" / "000001.sst").write_bytes(b"data")
        alive = tmp_path / f".sparql-snapshots-{running.pid}-x2"
        alive.mkdir()
        legacy = tmp_path / ".sparql-snapshots-abcdef"  # not ours to judge: no pid in the name
        legacy.mkdir()
        store = tmp_path / "store"
        store.mkdir()
        assert remove_orphaned_checkpoints(tmp_path) == [dead]
        assert not dead.exists() and alive.is_dir() and legacy.is_dir() and store.is_dir()
    finally:
        running.kill()
        running.wait()
