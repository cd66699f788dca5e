"""bench.procs: /proc parsing, process trees, and that started groups are really stopped."""

from __future__ import annotations

import os
import sys
import time

import pytest

from bench.procs import Services, descendants, parse_stat, parse_vmrss_kb, run_timed, start_service, tree_usage

STATUS = "Name:\tpython3.10\nState:\tS (sleeping)\nVmPeak:\t 1000 kB\nVmRSS:\t  123456 kB\nThreads:\t4\n"


def test_vmrss_is_read_in_kilobytes_and_missing_for_kernel_threads():
    assert parse_vmrss_kb(STATUS) == 123456
    assert parse_vmrss_kb("Name:\tkworker/0:1\nState:\tI (idle)\n") is None


def test_stat_parsing_copes_with_spaces_and_parentheses_in_the_name():
    fields = " ".join(["S", "42"] + ["0"] * 9 + ["150", "50"] + ["0"] * 30)
    assert parse_stat(f"1234 (rasa (main) x) {fields}") == (42, 200)


def test_descendants_walk_the_whole_tree_and_nothing_else():
    parents = {1: 0, 10: 1, 11: 10, 12: 10, 13: 11, 20: 1, 21: 20}
    assert sorted(descendants(10, parents)) == [10, 11, 12, 13]
    assert descendants(99, parents) == [99]


def test_tree_usage_of_this_process_is_plausible():
    rss, cpu = tree_usage(os.getpid())
    assert 10 * 1024 * 1024 < rss < 8 * 1024**3 and cpu > 0


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="needs /proc")
def test_a_started_group_including_its_children_is_stopped(tmp_path):
    script = "import subprocess,sys,time; subprocess.Popen([sys.executable,'-c','import time; time.sleep(60)']); time.sleep(60)"
    services = Services()
    service = services.add(
        start_service("sleeper", [sys.executable, "-c", script], tmp_path, dict(os.environ), tmp_path)
    )
    time.sleep(0.5)
    group = os.getpgid(service.process.pid)
    assert group == service.process.pid
    services.stop_all()
    assert service.process.poll() is not None
    time.sleep(0.3)
    assert live_members(group) == []  # zombies left for init to reap do not count


def live_members(group: int) -> list:
    """Processes of a process group that are still running (not zombies)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    stat = handle.read()
            except OSError:
                continue
            state, _, pgrp = stat[stat.rindex(")") + 2 :].split()[:3]
            if int(pgrp) == group and state != "Z":
                found.append(int(entry))
    return found


def test_run_timed_reports_time_and_failures(tmp_path):
    assert run_timed([sys.executable, "-c", "pass"], tmp_path, dict(os.environ), tmp_path / "ok.log", 30) > 0
    with pytest.raises(RuntimeError, match="exited with 3"):
        run_timed(
            [sys.executable, "-c", "print('boom'); raise SystemExit(3)"],
            tmp_path,
            dict(os.environ),
            tmp_path / "bad.log",
            30,
        )
    with pytest.raises(RuntimeError, match="did not finish"):
        run_timed(
            [sys.executable, "-c", "import time; time.sleep(30)"],
            tmp_path,
            dict(os.environ),
            tmp_path / "slow.log",
            0.5,
        )
