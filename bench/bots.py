"""Serving and measuring each bot for `make bench` (bench/run.py): our assistant and Rasa's starter bot.

Ours is started as `make serve` starts it (bot.services.commands: `rasa run actions` and
`python -m bot.rasa_server run`), but on loopback with credentials.yml and no CORS; the starter bot keeps plain
`rasa run` (bench/starter.py). Each is warmed up, loaded with N users, then run with a single user.
"""

from __future__ import annotations

import argparse
import asyncio
import secrets
import sys
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional

from bench import scripts, starter
from bench.load import LoadResult, run_load, turns_as_dicts
from bench.procs import Services, UsageSampler, load_average, run_timed, start_service, wait_first_reply
from bot import settings
from bot.services.commands import commands as service_commands
from bot.services.procs import free_port
from bot.settings import Ports

ROOT = settings.ROOT
BIN = Path(sys.executable).parent
RASA = BIN / "rasa"
MB = 1_000_000


def say(message: str) -> None:
    """Print a progress line."""
    print(f"bench: {message}", flush=True)


def base_env() -> Dict[str, str]:
    """The environment of every process started: ours, quietened."""
    env = dict(settings.environment())
    env.update(
        TF_CPP_MIN_LOG_LEVEL="2",
        RASA_TELEMETRY_ENABLED="false",
        SQLALCHEMY_SILENCE_UBER_WARNING="1",
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


# --- measuring one running bot ------------------------------------------------------------------------------
def measure(
    bot: str,
    webhook: str,
    args: argparse.Namespace,
    sampler: UsageSampler,
    metadata_for: Callable[[Optional[str]], Optional[dict]],
) -> Dict[str, Any]:
    """Warm-up, the N-user load and the single-user run against one served bot."""
    options = {"signed_in_share": args.signed_in_share} if bot == "ours" else {}
    common = dict(
        metadata_for=metadata_for,
        request_timeout=args.request_timeout,
        max_seconds=args.max_load_seconds,
        think_seconds=args.think_ms / 1000.0,
    )
    if args.warmup:
        say(f"{bot}: warm-up, {args.users} users × {args.warmup} turns")
        asyncio.run(
            run_load(
                webhook, scripts.plan(bot, args.users, 1, args.warmup, args.seed + 1, **options), tag="warmup", **common
            )
        )
    figures: Dict[str, Any] = {"load_average_before": load_average()}
    load_plan = scripts.plan(bot, args.users, args.conversations, args.turns, args.seed, **options)
    say(f"{bot}: load, {args.users} users × {args.conversations} conversations × {args.turns} turns")
    cpu_before = sampler.cpu_seconds()
    load: LoadResult = asyncio.run(run_load(webhook, load_plan, tag="load", **common))
    cpu_after = sampler.cpu_seconds()
    figures["load"] = load.summary()
    figures["load"]["kinds_planned"] = scripts.kind_counts([c for user in load_plan for c in user])
    if load.turns:
        per_server = {
            name: 1000.0 * (cpu_after.get(name, 0.0) - cpu_before.get(name, 0.0)) / len(load.turns)
            for name in cpu_after
        }
        figures["cpu_ms_per_turn_by_server"] = per_server
        figures["cpu_ms_per_turn"] = sum(per_server.values())
    say(f"{bot}: {_one_line(figures['load'])}")
    if figures.get("cpu_ms_per_turn_by_server"):
        say(
            f"{bot}: server CPU per turn: "
            + ", ".join(f"{n} {v:.0f} ms" for n, v in figures["cpu_ms_per_turn_by_server"].items())
        )
    single_plan = scripts.plan(bot, 1, args.single_conversations, args.turns, args.seed + 2, **options)
    say(f"{bot}: single user, {args.single_conversations} conversations × {args.turns} turns")
    single = asyncio.run(run_load(webhook, single_plan, tag="single", **common))
    figures["single"] = single.summary()
    say(f"{bot}: {_one_line(figures['single'])}")
    figures["load_average_after"] = load_average()
    figures["turn_records"] = {"load": turns_as_dicts(load), "single": turns_as_dicts(single)}
    return figures


def _one_line(summary: Dict[str, Any]) -> str:
    """A load summary in one line: turns, errors, latency percentiles, throughput."""
    lat = summary["latency_ms"]
    p = lambda v: "—" if v is None else f"{v:.0f}"  # noqa: E731
    tps = summary["throughput_tps"]
    return (
        f"{summary['turns']} turns, {summary['errors']} errors, {summary['unexpected']} unexpected; "
        f"p50 {p(lat['p50'])} ms, p95 {p(lat['p95'])} ms, p99 {p(lat['p99'])} ms; "
        f"{'—' if tps is None else f'{tps:.1f}'} turns/s"
    )


def _peaks(sampler: UsageSampler, names: List[str]) -> Dict[str, Optional[float]]:
    """The peak RSS in MB of each named server and of their sum."""
    peaks: Dict[str, Optional[float]] = {name: sampler.peak.get(name, 0) / MB for name in names}
    peaks["total"] = sampler.peak_total / MB
    return peaks


# --- our assistant ------------------------------------------------------------------------------------------
def train_ours(args: argparse.Namespace, tmp: Path, logs: Path) -> float:
    """Wall time of `rasa train --force` into a temporary folder, with a fresh training cache."""
    out = tmp / "train-ours"
    env = base_env()
    env["RASA_CACHE_DIRECTORY"] = str(out / "cache")
    command = [
        str(RASA),
        "train",
        "--force",
        "--fixed-model-name",
        "bench-ibers",
        "--out",
        str(out / "models"),
        "--quiet",
    ]
    say("ours: training (rasa train --force into a temporary folder; the repo's model is untouched) ...")
    seconds = run_timed(command, ROOT, env, logs / "train-ours.log", args.train_timeout)
    say(f"ours: trained in {seconds:.1f} s")
    return seconds


def ours_commands(ports: Ports, token: str, env: Dict[str, str], model: Path) -> Dict[str, List[str]]:
    """The action server and our Rasa server as `make serve` starts them, on loopback, credentials.yml, no CORS."""
    every = service_commands(
        ports, token, env, model=model, credentials=settings.CREDENTIALS_FILE, interface="127.0.0.1", cors=False
    )
    return {name: every[name] for name in ("actions", "rasa")}


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
        ACTION_PORT=str(action_port),
        RASA_PORT=str(rasa_port),
        SANIC_HOST="127.0.0.1",
        BOT_JWT_SECRET=secret,
        BOT_DB_URL=f"sqlite:///{work / 'bot.db'}",
        BOT_TRACKER_DB=str(work / "tracker.db"),
    )
    say("ours: seeding a fresh enrolment database (python -m bot setup)")
    run_timed([sys.executable, "-m", "bot", "setup"], ROOT, env, logs / "ours-setup.log", 300)
    identity = IdentitySettings.from_env({"BOT_JWT_SECRET": secret})
    tokens = {
        learner: {"token": mint_token(learner, "learner", identity, ttl_seconds=6 * 3600)}
        for learner in scripts.SEED_LEARNERS
    }
    commands = ours_commands(Ports(rasa=rasa_port, action=action_port, web=0), api_token, env, args.model.resolve())
    sampler = UsageSampler().start()
    try:
        say(f"ours: starting the action server (:{action_port}) and the Rasa server (:{rasa_port})")
        started = {
            name: services.add(start_service(f"ours-{name}", cmd, ROOT, env, logs)) for name, cmd in commands.items()
        }
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
    """Create and train Rasa's starter bot (or reuse the one in --starter-dir)."""
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


def bench_starter(
    args: argparse.Namespace, prepared: starter.Starter, tmp: Path, logs: Path, services: Services
) -> Dict[str, Any]:
    """Serve the starter bot, measure it, stop it."""
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
