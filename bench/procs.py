"""Processes for the benchmark: started in their own process groups, sampled from /proc, always stopped.

Memory is the VmRSS of a server's whole process tree (the process and its descendants), read from
/proc/<pid>/status; CPU time is utime + stime from /proc/<pid>/stat. psutil is not needed. The parsers are
pure functions of the file text. The free port and the process-group start/stop are bot.services.procs'.
"""

from __future__ import annotations

import json
import os
import subprocess
import threading
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

from bot.services.procs import start_group, stop_group

PROC = Path("/proc")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


# --- pure parsers -----------------------------------------------------------------------------------------
def parse_vmrss_kb(status_text: str) -> Optional[int]:
    """The VmRSS line of /proc/<pid>/status in kB (None for kernel threads and zombies, which have none)."""
    for line in status_text.splitlines():
        if line.startswith("VmRSS:"):
            parts = line.split()
            return int(parts[1]) if len(parts) >= 2 and parts[1].isdigit() else None
    return None


def parse_stat(stat_text: str) -> Tuple[int, int]:
    """(ppid, utime + stime in clock ticks) from /proc/<pid>/stat; the command name may hold spaces and ')'."""
    after_name = stat_text[stat_text.rindex(")") + 2 :].split()
    # fields after the name start at field 3 (state): ppid is field 4, utime 14, stime 15 (1-based)
    ppid = int(after_name[1])
    ticks = int(after_name[11]) + int(after_name[12])
    return ppid, ticks


def descendants(root: int, parents: Mapping[int, int]) -> List[int]:
    """root and every process below it, given a map pid -> ppid."""
    children: Dict[int, List[int]] = {}
    for pid, ppid in parents.items():
        children.setdefault(ppid, []).append(pid)
    found, stack = [], [root]
    while stack:
        pid = stack.pop()
        if pid in found:
            continue
        found.append(pid)
        stack.extend(children.get(pid, ()))
    return found


# --- reading /proc -----------------------------------------------------------------------------------------
def _read(path: Path) -> Optional[str]:
    """The file's text, or None if it cannot be read."""
    try:
        return path.read_text()
    except (OSError, ValueError):
        return None


def process_table() -> Dict[int, Tuple[int, int]]:
    """pid -> (ppid, cpu ticks) for every process we can see."""
    table: Dict[int, Tuple[int, int]] = {}
    for entry in PROC.iterdir():
        if entry.name.isdigit():
            text = _read(entry / "stat")
            if text:
                try:
                    table[int(entry.name)] = parse_stat(text)
                except (ValueError, IndexError):
                    continue
    return table


def tree_usage(root: int, table: Optional[Dict[int, Tuple[int, int]]] = None) -> Tuple[int, float]:
    """(RSS in bytes, CPU seconds) of a process tree; (0, 0.0) once it has gone."""
    table = process_table() if table is None else table
    if root not in table:
        return 0, 0.0
    pids = descendants(root, {pid: ppid for pid, (ppid, _) in table.items()})
    rss_kb = sum(parse_vmrss_kb(_read(PROC / str(pid) / "status") or "") or 0 for pid in pids)
    cpu = sum(table[pid][1] for pid in pids if pid in table) / CLOCK_TICKS
    return rss_kb * 1024, cpu


class UsageSampler:
    """Polls the RSS of named process trees in a background thread and keeps each peak and the peak of the sum."""

    def __init__(self, interval: float = 0.5) -> None:
        """A sampler of no trees yet, polling every `interval` seconds once started."""
        self.interval = interval
        self.roots: Dict[str, int] = {}
        self.peak: Dict[str, int] = {}
        self.peak_total = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rss-sampler", daemon=True)

    def watch(self, name: str, pid: int) -> None:
        """Sample the process tree rooted at pid under name."""
        with self._lock:
            self.roots[name] = pid
            self.peak.setdefault(name, 0)

    def start(self) -> "UsageSampler":
        """Start sampling in the background."""
        self._thread.start()
        return self

    def sample(self) -> Dict[str, Tuple[int, float]]:
        """One sample now: name -> (RSS bytes, CPU seconds); also updates the peaks."""
        table = process_table()
        with self._lock:
            usage = {name: tree_usage(pid, table) for name, pid in self.roots.items()}
            for name, (rss, _) in usage.items():
                self.peak[name] = max(self.peak.get(name, 0), rss)
            self.peak_total = max(self.peak_total, sum(rss for rss, _ in usage.values()))
        return usage

    def cpu_seconds(self) -> Dict[str, float]:
        """CPU seconds used so far by each watched tree."""
        return {name: cpu for name, (_, cpu) in self.sample().items()}

    def _run(self) -> None:
        """Sample until stopped (the background thread)."""
        while not self._stop.is_set():
            try:
                self.sample()
            except Exception:  # never let sampling kill the benchmark
                pass
            self._stop.wait(self.interval)

    def stop(self) -> None:
        """Stop sampling and wait for the thread."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)


# --- starting and stopping ---------------------------------------------------------------------------------
@dataclass
class Service:
    """A server process running in its own process group, its output in a log file."""

    name: str
    process: subprocess.Popen
    log: Path
    started: float  # time.monotonic() just before it was started

    def alive(self) -> bool:
        """Whether the process is still running."""
        return self.process.poll() is None

    def log_tail(self, chars: int = 3000) -> str:
        """The last `chars` characters of the service's log."""
        return (_read(self.log) or "")[-chars:]


def start_service(name: str, command: Sequence[str], cwd: Path, env: Mapping[str, str], log_dir: Path) -> Service:
    """Start a command in a new session (its own process group), logging to log_dir/<name>.log."""
    log = log_dir / f"{name}.log"
    started = time.monotonic()
    with log.open("w") as out:
        process = start_group(command, cwd, env, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    return Service(name, process, log, started)


@dataclass
class Services:
    """Every service started so far, so a `finally` can stop them all."""

    running: List[Service] = field(default_factory=list)

    def add(self, service: Service) -> Service:
        """Remember a started service and return it."""
        self.running.append(service)
        return service

    def stop_all(self) -> None:
        """Stop every service, the last started first (errors ignored)."""
        while self.running:
            service = self.running.pop()
            try:
                stop_group(service.process)
            except Exception:
                pass


def run_timed(command: Sequence[str], cwd: Path, env: Mapping[str, str], log: Path, timeout: float) -> float:
    """Run a command to completion in its own process group and return its wall time in seconds.

    Raises RuntimeError (with the log's tail) on failure or timeout; the group is killed on any way out.
    """
    started = time.monotonic()
    with log.open("w") as out:
        process = start_group(command, cwd, env, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        code = process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        raise RuntimeError(f"{command[0]} {command[1]} did not finish within {timeout:.0f}s; log: {log}") from None
    finally:
        if process.poll() is None:
            stop_group(process, grace=5)
    elapsed = time.monotonic() - started
    if code != 0:
        tail = (_read(log) or "")[-3000:]
        raise RuntimeError(f"{' '.join(command[:2])} exited with {code}; log {log}:\n{tail}")
    return elapsed


def post_message(url: str, text: str, metadata: Optional[dict] = None, timeout: float = 5.0) -> Tuple[int, list]:
    """POST one message to a REST webhook: (status, replies)."""
    body = {"sender": f"bench-probe-{uuid.uuid4().hex[:12]}", "message": text}
    if metadata:
        body["metadata"] = metadata
    request = urllib.request.Request(url, json.dumps(body).encode(), {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return response.status, json.loads(response.read() or b"[]")


def wait_first_reply(
    webhook: str, text: str, services: Iterable[Service], started: float, timeout: float, poll: float = 0.25
) -> float:
    """Seconds from `started` (monotonic) until the webhook first answers 200 with a non-empty reply."""
    services = list(services)
    deadline = started + timeout
    while time.monotonic() < deadline:
        for service in services:
            if not service.alive():
                raise RuntimeError(
                    f"the {service.name} server exited with {service.process.returncode} while starting; "
                    f"log {service.log}:\n{service.log_tail()}"
                )
        try:
            status, replies = post_message(webhook, text)
            if status == 200 and replies:
                return time.monotonic() - started
        except (urllib.error.URLError, ConnectionError, OSError, ValueError):
            pass
        time.sleep(poll)
    tails = "\n".join(f"--- {s.name} ({s.log}):\n{s.log_tail(1500)}" for s in services)
    raise RuntimeError(f"no reply from {webhook} within {timeout:.0f}s\n{tails}")


def load_average() -> Optional[Tuple[float, float, float]]:
    """The 1, 5 and 15 minute load averages (other people's work shows up here)."""
    try:
        return os.getloadavg()
    except OSError:
        return None
