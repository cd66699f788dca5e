"""`make bench`: benchmark our assistant against Rasa's starter bot and print a side-by-side table.

Steps (each bounded in time, everything on 127.0.0.1, every process stopped at the end, even on errors):
 1. our training time: `rasa train --force` into a temporary folder (the repo's model is not touched);
 2. the starter bot: `rasa init --no-prompt` into a temporary folder, which trains it (timed);
 3. our assistant as in production: models/ibers.tar.gz, a freshly seeded SQLite enrolment database, the SQL
    tracker store on SQLite, the action server and the Rasa server on free ports; cold start is process start
    to first answer; then a warm-up, the closed-loop load with N users and a single-user run;
 4. the starter bot served the same way (no action server; SQL tracker store on SQLite by default);
 5. the table and the issue's goals (reported, not asserted), also written to bench/results/.

Run `python -m bench.run --help` for the options; `--quick` is a small smoke run.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional

from bench import report
from bench.bots import bench_ours, bench_starter, prepare_starter, say, train_ours
from bench.procs import Services, load_average
from bot import settings

ROOT = settings.ROOT
RESULTS = ROOT / "bench" / "results"

FULL = dict(users=20, turns=10, conversations=3, single_conversations=8, warmup=3)
QUICK = dict(users=3, turns=5, conversations=1, single_conversations=2, warmup=1)


def parse_args(argv: Optional[List[str]] = None) -> argparse.Namespace:
    """The command line's options, with the defaults of a full or a --quick run."""
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n\n")[0])
    load = parser.add_argument_group("load (defaults: full run; --quick: a small smoke run)")
    load.add_argument("--users", type=int, help=f"concurrent conversations (default {FULL['users']})")
    load.add_argument("--turns", type=int, help=f"turns per conversation (default {FULL['turns']})")
    load.add_argument(
        "--conversations", type=int, help=f"conversations per user at N users (default {FULL['conversations']})"
    )
    load.add_argument(
        "--single-conversations",
        type=int,
        help=f"conversations of the single-user run (default {FULL['single_conversations']})",
    )
    load.add_argument(
        "--warmup", type=int, help=f"warm-up turns per user before measuring, not recorded (default {FULL['warmup']})"
    )
    load.add_argument(
        "--signed-in-share", type=float, default=0.5, help="share of our conversations from signed-in learners (0.5)"
    )
    load.add_argument(
        "--think-ms", type=float, default=0.0, help="pause between a reply and the next turn (0: closed loop)"
    )
    load.add_argument("--seed", type=int, default=20260901, help="seed of the conversation scripts")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="smoke run: few users and turns, no training of ours, reuse a cached starter bot",
    )
    parser.add_argument(
        "--bots", default="ours,starter", help="which bots to serve and load: ours,starter (default both)"
    )
    parser.add_argument("--model", type=Path, default=settings.MODEL, help="our trained model")
    parser.add_argument("--no-train", action="store_true", help="do not measure our training time")
    parser.add_argument("--starter-dir", type=Path, help="keep the trained starter bot here and reuse it next time")
    parser.add_argument(
        "--starter-tracker",
        choices=("sql", "memory"),
        default="sql",
        help="starter's tracker store (sql: SQLite like ours)",
    )
    bounds = parser.add_argument_group("time bounds (seconds)")
    bounds.add_argument("--train-timeout", type=float, default=1800)
    bounds.add_argument("--startup-timeout", type=float, default=300)
    bounds.add_argument("--request-timeout", type=float, default=30)
    bounds.add_argument(
        "--max-load-seconds", type=float, default=600, help="per load run; users stop starting turns after it"
    )
    parser.add_argument("--results-dir", type=Path, default=RESULTS)
    parser.add_argument("--keep-tmp", action="store_true", help="keep the temporary folder (databases, trained models)")
    args = parser.parse_args(argv)
    for key, value in (QUICK if args.quick else FULL).items():
        if getattr(args, key) is None:
            setattr(args, key, value)
    if args.quick:
        args.no_train = True
        args.starter_dir = args.starter_dir or args.results_dir / "starter-project"
    args.bots = [b.strip() for b in args.bots.split(",") if b.strip()]
    if not set(args.bots) <= {"ours", "starter"} or not args.bots:
        parser.error("--bots takes ours, starter or ours,starter")
    for key in ("users", "turns", "conversations", "single_conversations"):
        if getattr(args, key) < 1:
            parser.error(f"--{key.replace('_', '-')} must be at least 1")
    if args.warmup < 0:
        parser.error("--warmup must be 0 or more")
    return args


# --- the whole run ------------------------------------------------------------------------------------------
def environment(args: argparse.Namespace) -> Dict[str, Any]:
    """What the figures were measured on: machine, versions, commit and model."""
    from importlib.metadata import PackageNotFoundError, version

    def git(*command: str) -> str:
        """The output of a git command in the repository ("" if git fails)."""
        try:
            return subprocess.run(
                ["git", *command], cwd=ROOT, capture_output=True, text=True, timeout=10
            ).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return ""

    info: Dict[str, Any] = {
        "cpus": os.cpu_count(),
        "load_average_at_start": load_average(),
        "python": sys.version.split()[0],
        "git_commit": git("rev-parse", "HEAD"),
        "git_dirty": bool(git("status", "--porcelain")),
    }
    try:
        info["rasa"] = version("rasa")
    except PackageNotFoundError:
        info["rasa"] = None
    if args.model.exists():
        info["model"] = {
            "path": str(args.model),
            "modified": time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(args.model.stat().st_mtime)),
            "sha256": hashlib.sha256(args.model.read_bytes()).hexdigest()[:16],
        }
    return info


def _raise_interrupt(signum: int, frame: object) -> None:
    """Treat SIGTERM like Ctrl-C so everything is stopped the same way."""
    raise KeyboardInterrupt


def main(argv: Optional[List[str]] = None) -> int:
    """Run the whole benchmark, print the table and write the results; 0 if every phase ran."""
    args = parse_args(argv)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    started_at = time.strftime("%Y-%m-%d %H:%M:%S")
    logs = args.results_dir / "logs" / stamp
    logs.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="ibers-bench-"))
    services = Services()
    bots: Dict[str, Dict[str, Any]] = {"ours": {}, "starter": {}}
    failures: List[Dict[str, str]] = []
    env_info = environment(args)
    previous = signal.signal(signal.SIGTERM, _raise_interrupt)
    interrupted = False

    def attempt(phase: str, step: Callable[[], Any]) -> Any:
        """Run one phase; a failure is reported and recorded, and the run goes on."""
        try:
            return step()
        except Exception as exc:  # a failed phase is reported; the others still run
            say(f"{phase} failed: {exc}")
            failures.append({"phase": phase, "error": str(exc)[-4000:]})
            return None

    say(f"{args.users} users × {args.conversations} conversations × {args.turns} turns; logs in {logs}")
    if env_info.get("load_average_at_start"):
        say(
            f"load average now {env_info['load_average_at_start'][0]:.2f} on {env_info['cpus']} CPUs (other work skews the figures)"
        )
    try:
        if args.no_train and "ours" in args.bots:
            bots["ours"]["training_note"] = "not measured (--no-train or --quick)"
        elif "ours" in args.bots:
            bots["ours"]["training_s"] = attempt("train ours", lambda: train_ours(args, tmp, logs))
            bots["ours"]["training_note"] = "rasa train --force into a temporary folder, fresh cache, wall time"
        prepared = (
            attempt("prepare starter", lambda: prepare_starter(args, tmp, logs)) if "starter" in args.bots else None
        )
        if prepared is not None:
            bots["starter"].update(training_s=prepared.training_s, training_note=prepared.note)
        if "ours" in args.bots:
            bots["ours"].update(attempt("serve ours", lambda: bench_ours(args, tmp, logs, services)) or {})
        if prepared is not None:
            bots["starter"].update(
                attempt("serve starter", lambda: bench_starter(args, prepared, tmp, logs, services)) or {}
            )
    except KeyboardInterrupt:
        interrupted = True
        failures.append({"phase": "run", "error": "interrupted"})
        say("interrupted; stopping everything")
    finally:
        services.stop_all()
        signal.signal(signal.SIGTERM, previous)
        if args.keep_tmp:
            say(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    env_info["load_average_at_end"] = load_average()
    config = {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()}
    document = report.record(config, env_info, bots, failures, started_at, time.strftime("%Y-%m-%d %H:%M:%S"))
    paths = report.write_record(document, args.results_dir, stamp, latest=not interrupted)
    ours, theirs = bots["ours"], bots["starter"]
    print()
    print(report.format_table(report.build_rows(ours, theirs)))
    print()
    print(report.format_goals(report.evaluate_goals(ours, theirs)))
    print()
    for name, figures in bots.items():
        if figures.get("training_note"):
            print(f"{name} training time: {figures['training_note']}")
    loads = [env_info.get("load_average_at_start"), env_info.get("load_average_at_end")]
    if any(loads):
        print(
            "load average (1 min) at start / end: "
            + " / ".join("—" if avg is None else f"{avg[0]:.2f}" for avg in loads)
            + f" on {env_info.get('cpus')} CPUs; the load client shares the machine with the servers."
        )
    for failure in failures:
        print(f"FAILED {failure['phase']}: {failure['error'].splitlines()[0] if failure['error'] else ''}")
    also = f" (and {paths[1].name})" if len(paths) > 1 else " (latest.json left as it was: interrupted)"
    print(f"results: {paths[0]}{also}; logs: {logs}")
    if interrupted:
        return 130
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
