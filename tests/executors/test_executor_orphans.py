"""Pool workers end with the process that started them, even when it is killed with SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

SCRIPT = """
import time
from lagebild.executors import LocalExecutor
from lagebild.ingest import make_article
from lagebild.pipeline import ArticlePipeline
executor = LocalExecutor(workers=2)
articles = [make_article(f"Text {n}.", "text", path=str(n)) for n in range(4)]
assert len(list(executor.map(ArticlePipeline([]), articles))) == 4
print(" ".join(str(pid) for pid in executor._pool._processes), flush=True)
time.sleep(60)
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat", encoding="ascii") as handle:  # a zombie is gone as well
        return handle.read().split(")")[-1].split()[0] != "Z"


def test_workers_exit_when_the_parent_is_killed():
    proc = subprocess.Popen([sys.executable, "-c", SCRIPT], stdout=subprocess.PIPE, text=True)
    workers = [int(p) for p in proc.stdout.readline().split()]
    assert workers and all(_alive(p) for p in workers)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 10
    while any(_alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(p) for p in workers)
