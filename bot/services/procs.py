"""Starting and stopping services: a free port, and a process started in a new session (its own process group),
stopped by SIGTERM to the whole group, then SIGKILL after a grace period.

Used by `make serve` (bot.services.serve), the end-to-end and browser tests and the benchmark.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from pathlib import Path
from typing import IO, Any, Iterable, Mapping, Optional, Sequence, Union

Output = Union[None, int, IO[bytes], IO[str]]


def free_port() -> int:
    """A TCP port on 127.0.0.1 nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_group(
    command: Sequence[str],
    cwd: Path,
    env: Mapping[str, str],
    stdout: Output = None,
    stderr: Output = None,
    stdin: Output = None,
) -> subprocess.Popen[Any]:
    """Start a command in a new session, so it and its children form a process group of their own."""
    return subprocess.Popen(
        list(command), cwd=cwd, env=dict(env), stdout=stdout, stderr=stderr, stdin=stdin, start_new_session=True
    )


def _group(process: subprocess.Popen[Any]) -> Optional[int]:
    """The process's group id if it leads a group of its own (we only ever signal groups we created)."""
    try:
        pgid = os.getpgid(process.pid)
    except ProcessLookupError:
        return None
    return pgid if pgid == process.pid else None


def _signal_group(pgid: Optional[int], signum: int) -> None:
    """Send a signal to a process group, if there is one and it still exists."""
    if pgid is None:
        return
    try:
        os.killpg(pgid, signum)
    except ProcessLookupError:
        pass


def stop_groups(processes: Iterable[subprocess.Popen[Any]], grace: float = 15.0) -> None:
    """SIGTERM every process's group, wait up to `grace` seconds in all, then SIGKILL the groups; safe to call twice."""
    running = list(processes)
    groups = [_group(process) for process in running]
    for pgid in groups:
        _signal_group(pgid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    for process in running:
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            pass
    for process, pgid in zip(running, groups, strict=False):
        _signal_group(pgid, signal.SIGKILL)  # also any child left behind in the group
        if process.poll() is None:
            process.kill()
        process.wait(timeout=10)


def stop_group(process: subprocess.Popen[Any], grace: float = 15.0) -> None:
    """SIGTERM the process group, then SIGKILL it after the grace period; safe to call twice."""
    stop_groups([process], grace)
