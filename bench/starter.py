"""Rasa's own starter bot: `rasa init --no-prompt` into a folder, which also trains it there.

`rasa init --no-prompt` copies Rasa's initial project and trains it in the same process (it cannot be told not
to), so its wall time is the starter's training time, measured like ours: one CLI process, start to exit,
including Python and TensorFlow start-up (the copy itself takes milliseconds). The training cache goes into
the project folder, so nothing is reused from elsewhere.

Served for the benchmark with a REST-only credentials file (its own also lists the `rasa` channel, which
points at a Rasa Enterprise URL) and, by default, the same kind of tracker store as ours: SQL on a fresh SQLite
file. It has no custom actions, so no action server.
"""

from __future__ import annotations

import json
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Mapping, Optional

from bench.procs import run_timed

STATE_FILE = "bench-starter.json"


@dataclass(frozen=True)
class Starter:
    """A trained starter project."""

    directory: Path
    model: Path
    training_s: Optional[float]
    note: str


def newest_model(directory: Path) -> Optional[Path]:
    """The most recently trained model in the project's models/ folder, if any."""
    models = sorted((directory / "models").glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)
    return models[-1] if models else None


def prepare(directory: Path, rasa: Path, env: Mapping[str, str], log: Path, timeout: float, reuse: bool) -> Starter:
    """Create and train the starter project in `directory` (or, with reuse, take the one already there)."""
    state = directory / STATE_FILE
    if reuse and state.exists() and newest_model(directory):
        saved = json.loads(state.read_text())
        return Starter(
            directory, newest_model(directory), saved.get("training_s"), f"reused, trained {saved.get('trained_at')}"
        )
    directory.mkdir(parents=True, exist_ok=True)
    if any(directory.iterdir()):
        raise RuntimeError(f"{directory} is not empty and holds no trained starter bot; remove it or pick another")
    run_env = dict(env)
    run_env["RASA_CACHE_DIRECTORY"] = str(directory / ".rasa" / "cache")
    seconds = run_timed(
        [str(rasa), "init", "--no-prompt", "--init-dir", str(directory)], directory, run_env, log, timeout
    )
    shutil.rmtree(directory / ".rasa", ignore_errors=True)  # the training cache is not needed to serve
    model = newest_model(directory)
    if model is None:
        raise RuntimeError(f"rasa init finished but left no model in {directory / 'models'}; log: {log}")
    state.write_text(json.dumps({"training_s": seconds, "trained_at": time.strftime("%Y-%m-%d %H:%M:%S")}) + "\n")
    return Starter(directory, model, seconds, "rasa init --no-prompt (scaffold + training), wall time")


def serving_files(work: Path, tracker: str) -> Dict[str, Path]:
    """Credentials (REST only) and endpoints (SQL tracker store on SQLite, or none for in-memory) in `work`."""
    work.mkdir(parents=True, exist_ok=True)
    credentials = work / "starter-credentials.yml"
    credentials.write_text("rest:\n")
    files = {"credentials": credentials}
    if tracker == "sql":
        endpoints = work / "starter-endpoints.yml"
        endpoints.write_text(f"tracker_store:\n  type: SQL\n  dialect: sqlite\n  db: {work / 'starter-tracker.db'}\n")
        files["endpoints"] = endpoints
    return files


def serve_command(rasa: Path, model: Path, port: int, token: str, files: Mapping[str, Path]) -> List[str]:
    """`rasa run` for the starter bot, as ours is run (API on, token, loopback only)."""
    command = [
        str(rasa),
        "run",
        "--model",
        str(model),
        "--interface",
        "127.0.0.1",
        "--port",
        str(port),
        "--enable-api",
        f"--auth-token={token}",
        "--credentials",
        str(files["credentials"]),
    ]
    if "endpoints" in files:
        command += ["--endpoints", str(files["endpoints"])]
    return command
