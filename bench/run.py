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
import asyncio
import hashlib
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional

from bench import report, scripts, starter
from bench.load import LoadResult, run_load, turns_as_dicts
from bench.procs import (
    Services, UsageSampler, free_port, load_average, run_timed, start_service, wait_first_reply,
)

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
BIN = Path(sys.executable).parent
RASA = BIN / "rasa"
MB = 1_000_000

FULL = dict(users=20, turns=10, conversations=3, single_conversations=8, warmup=3)
QUICK = dict(users=3, turns=5, conversations=1, single_conversations=2, warmup=1)


def say(message: str) -> None:
    print(f"bench: {message}", flush=True)


def parse_args(argv: Optional[List[str]] = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n\n")[0])
    load = parser.add_argument_group("load (defaults: full run; --quick: a small smoke run)")
    load.add_argument("--users", type=int, help=f"concurrent conversations (default {FULL['users']})")
    load.add_argument("--turns", type=int, help=f"turns per conversation (default {FULL['turns']})")
    load.add_argument("--conversations", type=int, help=f"conversations per user at N users (default {FULL['conversations']})")
    load.add_argument("--single-conversations", type=int, help=f"conversations of the single-user run (default {FULL['single_conversations']})")
    load.add_argument("--warmup", type=int, help=f"warm-up turns per user before measuring, not recorded (default {FULL['warmup']})")
    load.add_argument("--signed-in-share", type=float, default=0.5, help="share of our conversations from signed-in learners (0.5)")
    load.add_argument("--think-ms", type=float, default=0.0, help="pause between a reply and the next turn (0: closed loop)")
    load.add_argument("--seed", type=int, default=20260901, help="seed of the conversation scripts")
    parser.add_argument("--quick", action="store_true", help="smoke run: few users and turns, no training of ours, reuse a cached starter bot")
    parser.add_argument("--bots", default="ours,starter", help="which bots to serve and load: ours,starter (default both)")
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "ibers.tar.gz", help="our trained model")
    parser.add_argument("--no-train", action="store_true", help="do not measure our training time")
    parser.add_argument("--starter-dir", type=Path, help="keep the trained starter bot here and reuse it next time")
    parser.add_argument("--starter-tracker", choices=("sql", "memory"), default="sql", help="starter's tracker store (sql: SQLite like ours)")
    bounds = parser.add_argument_group("time bounds (seconds)")
    bounds.add_argument("--train-timeout", type=float, default=1800)
    bounds.add_argument("--startup-timeout", type=float, default=300)
    bounds.add_argument("--request-timeout", type=float, default=30)
    bounds.add_argument("--max-load-seconds", type=float, default=600, help="per load run; users stop starting turns after it")
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


def base_env() -> Dict[str, str]:
    env = dict(os.environ)
    env.update(
        TF_CPP_MIN_LOG_LEVEL="2", RASA_TELEMETRY_ENABLED="false", SQLALCHEMY_SILENCE_UBER_WARNING="1",
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


# --- measuring one running bot ------------------------------------------------------------------------------
def measure(
    bot: str, webhook: str, args: argparse.Namespace, sampler: UsageSampler, metadata_for: Callable[[Optional[str]], Optional[dict]],
) -> Dict[str, Any]:
    """Warm-up, the N-user load and the single-user run against one served bot."""
    options = {"signed_in_share": args.signed_in_share} if bot == "ours" else {}
    common = dict(metadata_for=metadata_for, request_timeout=args.request_timeout, max_seconds=args.max_load_seconds,
                  think_seconds=args.think_ms / 1000.0)
    if args.warmup:
        say(f"{bot}: warm-up, {args.users} users × {args.warmup} turns")
        asyncio.run(run_load(webhook, scripts.plan(bot, args.users, 1, args.warmup, args.seed + 1, **options), tag="warmup", **common))
    figures: Dict[str, Any] = {"load_average_before": load_average()}
    load_plan = scripts.plan(bot, args.users, args.conversations, args.turns, args.seed, **options)
    say(f"{bot}: load, {args.users} users × {args.conversations} conversations × {args.turns} turns")
    cpu_before = sampler.cpu_seconds()
    load: LoadResult = asyncio.run(run_load(webhook, load_plan, tag="load", **common))
    cpu_after = sampler.cpu_seconds()
    figures["load"] = load.summary()
    figures["load"]["kinds_planned"] = scripts.kind_counts([c for user in load_plan for c in user])
    if load.turns:
        per_server = {name: 1000.0 * (cpu_after.get(name, 0.0) - cpu_before.get(name, 0.0)) / len(load.turns) for name in cpu_after}
        figures["cpu_ms_per_turn_by_server"] = per_server
        figures["cpu_ms_per_turn"] = sum(per_server.values())
    say(f"{bot}: {_one_line(figures['load'])}")
    if figures.get("cpu_ms_per_turn_by_server"):
        say(f"{bot}: server CPU per turn: " + ", ".join(f"{n} {v:.0f} ms" for n, v in figures["cpu_ms_per_turn_by_server"].items()))
    single_plan = scripts.plan(bot, 1, args.single_conversations, args.turns, args.seed + 2, **options)
    say(f"{bot}: single user, {args.single_conversations} conversations × {args.turns} turns")
    single = asyncio.run(run_load(webhook, single_plan, tag="single", **common))
    figures["single"] = single.summary()
    say(f"{bot}: {_one_line(figures['single'])}")
    figures["load_average_after"] = load_average()
    figures["turn_records"] = {"load": turns_as_dicts(load), "single": turns_as_dicts(single)}
    return figures


def _one_line(summary: Dict[str, Any]) -> str:
    lat = summary["latency_ms"]
    p = lambda v: "—" if v is None else f"{v:.0f}"  # noqa: E731
    tps = summary["throughput_tps"]
    return (f"{summary['turns']} turns, {summary['errors']} errors, {summary['unexpected']} unexpected; "
            f"p50 {p(lat['p50'])} ms, p95 {p(lat['p95'])} ms, p99 {p(lat['p99'])} ms; "
            f"{'—' if tps is None else f'{tps:.1f}'} turns/s")


def _peaks(sampler: UsageSampler, names: List[str]) -> Dict[str, Optional[float]]:
    peaks: Dict[str, Optional[float]] = {name: sampler.peak.get(name, 0) / MB for name in names}
    peaks["total"] = sampler.peak_total / MB
    return peaks


# --- our assistant ------------------------------------------------------------------------------------------
def train_ours(args: argparse.Namespace, tmp: Path, logs: Path) -> float:
    """Wall time of `rasa train --force` into a temporary folder, with a fresh training cache."""
    out = tmp / "train-ours"
    env = base_env()
    env["RASA_CACHE_DIRECTORY"] = str(out / "cache")
    command = [str(RASA), "train", "--force", "--fixed-model-name", "bench-ibers", "--out", str(out / "models"), "--quiet"]
    say("ours: training (rasa train --force into a temporary folder; the repo's model is untouched) ...")
    seconds = run_timed(command, ROOT, env, logs / "train-ours.log", args.train_timeout)
    say(f"ours: trained in {seconds:.1f} s")
    return seconds


def bench_ours(args: argparse.Namespace, tmp: Path, logs: Path, services: Services) -> Dict[str, Any]:
    """Seed a fresh database, start the action and Rasa servers, measure, stop them."""
    from bot.identity import IdentitySettings, mint_token  # PyJWT only; no Rasa import

    if not args.model.exists():
        raise RuntimeError(f"{args.model} does not exist: run `make train` first")
    work = tmp / "ours"
    work.mkdir()
    rasa_port, action_port = free_port(), free_port()
    secret, api_token = secrets.token_urlsafe(32), secrets.token_urlsafe(16)
    env = base_env()
    env.pop("BOT_JWT_PUBLIC_KEY", None)
    env.update(
        ACTION_PORT=str(action_port), RASA_PORT=str(rasa_port), SANIC_HOST="127.0.0.1", BOT_JWT_SECRET=secret,
        BOT_DB_URL=f"sqlite:///{work / 'bot.db'}", BOT_TRACKER_DB=str(work / "tracker.db"),
    )
    say("ours: seeding a fresh enrolment database (python -m bot setup)")
    run_timed([sys.executable, "-m", "bot", "setup"], ROOT, env, logs / "ours-setup.log", 300)
    settings = IdentitySettings.from_env({"BOT_JWT_SECRET": secret})
    tokens = {learner: {"token": mint_token(learner, "learner", settings, ttl_seconds=6 * 3600)} for learner in scripts.SEED_LEARNERS}
    commands = {
        "actions": [str(RASA), "run", "actions", "--port", str(action_port), "--actions", "actions"],
        "rasa": [
            str(RASA), "run", "--model", str(args.model.resolve()), "--interface", "127.0.0.1", "--port", str(rasa_port),
            "--enable-api", f"--auth-token={api_token}", "--credentials", "credentials.yml", "--endpoints", "endpoints.yml",
        ],
    }
    sampler = UsageSampler().start()
    try:
        say(f"ours: starting the action server (:{action_port}) and the Rasa server (:{rasa_port})")
        started = {name: services.add(start_service(f"ours-{name}", cmd, ROOT, env, logs)) for name, cmd in commands.items()}
        for name, service in started.items():
            sampler.watch(name, service.process.pid)
        webhook = f"http://127.0.0.1:{rasa_port}/webhooks/rest/webhook"
        cold = wait_first_reply(webhook, "hi", started.values(), started["actions"].started, args.startup_timeout)
        say(f"ours: first answer {cold:.1f} s after the servers were started")
        figures = measure("ours", webhook, args, sampler, lambda learner: tokens.get(learner) if learner else None)
        figures["cold_start_s"] = cold
        sampler.sample()
        figures["rss_peak_mb"] = _peaks(sampler, ["rasa", "actions"])
        return figures
    finally:
        sampler.stop()
        services.stop_all()


# --- the starter bot ---------------------------------------------------------------------------------------
def prepare_starter(args: argparse.Namespace, tmp: Path, logs: Path) -> starter.Starter:
    directory = args.starter_dir.resolve() if args.starter_dir else tmp / "starter"
    reuse = args.starter_dir is not None
    if reuse and (directory / starter.STATE_FILE).exists():
        say(f"starter: reusing the trained starter bot in {directory}")
    else:
        say(f"starter: rasa init --no-prompt into {directory} (which trains it) ...")
    prepared = starter.prepare(directory, RASA, base_env(), logs / "starter-init.log", args.train_timeout, reuse)
    if prepared.training_s is not None:
        say(f"starter: trained in {prepared.training_s:.1f} s ({prepared.note})")
    return prepared


def bench_starter(args: argparse.Namespace, prepared: starter.Starter, tmp: Path, logs: Path, services: Services) -> Dict[str, Any]:
    work = tmp / "starter-serve"
    files = starter.serving_files(work, args.starter_tracker)
    port = free_port()
    command = starter.serve_command(RASA, prepared.model, port, secrets.token_urlsafe(16), files)
    sampler = UsageSampler().start()
    try:
        say(f"starter: starting the Rasa server (:{port}, tracker store: {args.starter_tracker})")
        service = services.add(start_service("starter-rasa", command, prepared.directory, base_env(), logs))
        sampler.watch("rasa", service.process.pid)
        webhook = f"http://127.0.0.1:{port}/webhooks/rest/webhook"
        cold = wait_first_reply(webhook, "hello", [service], service.started, args.startup_timeout)
        say(f"starter: first answer {cold:.1f} s after the server was started")
        figures = measure("starter", webhook, args, sampler, lambda learner: None)
        figures["cold_start_s"] = cold
        sampler.sample()
        figures["rss_peak_mb"] = dict(_peaks(sampler, ["rasa"]), actions=None)
        return figures
    finally:
        sampler.stop()
        services.stop_all()


# --- the whole run ------------------------------------------------------------------------------------------
def environment(args: argparse.Namespace) -> Dict[str, Any]:
    from importlib.metadata import PackageNotFoundError, version

    def git(*command: str) -> str:
        try:
            return subprocess.run(["git", *command], cwd=ROOT, capture_output=True, text=True, timeout=10).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return ""

    info: Dict[str, Any] = {
        "cpus": os.cpu_count(), "load_average_at_start": load_average(), "python": sys.version.split()[0],
        "git_commit": git("rev-parse", "HEAD"), "git_dirty": bool(git("status", "--porcelain")),
    }
    try:
        info["rasa"] = version("rasa")
    except PackageNotFoundError:
        info["rasa"] = None
    if args.model.exists():
        info["model"] = {
            "path": str(args.model), "modified": time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(args.model.stat().st_mtime)),
            "sha256": hashlib.sha256(args.model.read_bytes()).hexdigest()[:16],
        }
    return info


def _raise_interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: Optional[List[str]] = None) -> int:
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
        try:
            return step()
        except Exception as exc:  # a failed phase is reported; the others still run
            say(f"{phase} failed: {exc}")
            failures.append({"phase": phase, "error": str(exc)[-4000:]})
            return None

    say(f"{args.users} users × {args.conversations} conversations × {args.turns} turns; logs in {logs}")
    if env_info.get("load_average_at_start"):
        say(f"load average now {env_info['load_average_at_start'][0]:.2f} on {env_info['cpus']} CPUs (other work skews the figures)")
    try:
        if args.no_train and "ours" in args.bots:
            bots["ours"]["training_note"] = "not measured (--no-train or --quick)"
        elif "ours" in args.bots:
            bots["ours"]["training_s"] = attempt("train ours", lambda: train_ours(args, tmp, logs))
            bots["ours"]["training_note"] = "rasa train --force into a temporary folder, fresh cache, wall time"
        prepared = attempt("prepare starter", lambda: prepare_starter(args, tmp, logs)) if "starter" in args.bots else None
        if prepared is not None:
            bots["starter"].update(training_s=prepared.training_s, training_note=prepared.note)
        if "ours" in args.bots:
            bots["ours"].update(attempt("serve ours", lambda: bench_ours(args, tmp, logs, services)) or {})
        if prepared is not None:
            bots["starter"].update(attempt("serve starter", lambda: bench_starter(args, prepared, tmp, logs, services)) or {})
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
        print("load average (1 min) at start / end: " + " / ".join("—" if l is None else f"{l[0]:.2f}" for l in loads)
              + f" on {env_info.get('cpus')} CPUs; the load client shares the machine with the servers.")
    for failure in failures:
        print(f"FAILED {failure['phase']}: {failure['error'].splitlines()[0] if failure['error'] else ''}")
    also = f" (and {paths[1].name})" if len(paths) > 1 else " (latest.json left as it was: interrupted)"
    print(f"results: {paths[0]}{also}; logs: {logs}")
    if interrupted:
        return 130
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
