"""Closed-loop load over Rasa's REST channel: N simulated users, each sending its next turn only after the reply.

Each user works through its planned conversations (bench.scripts.plan) one after the other, with a fresh
sender id per conversation. Per turn we record the latency (request sent to reply body read), the HTTP status,
whether the reply was empty and whether it passed the script's soft checks. An error is a non-200 status, a
timeout or connection failure, or an empty reply. Everything is bounded: a per-request timeout and a deadline
for the whole run, after which users stop starting new turns.
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from dataclasses import asdict, dataclass, field
from typing import Callable, Dict, List, Optional, Sequence

import aiohttp

from bench.scripts import Turn
from bench.stats import latency_summary_ms, throughput

MetadataFor = Callable[[Optional[str]], Optional[dict]]


@dataclass
class TurnResult:
    """What happened to one turn."""

    user: int
    conversation: int
    turn: int
    kind: str
    started: float  # seconds since the run began
    latency: float  # seconds
    status: Optional[int]
    error: Optional[str]  # None when the turn succeeded
    unexpected: bool = False

    @property
    def ok(self) -> bool:
        """Whether the turn succeeded."""
        return self.error is None


@dataclass
class LoadResult:
    """All turns of one run and how long it took."""

    users: int
    wall_seconds: float
    turns: List[TurnResult] = field(default_factory=list)
    planned_turns: int = 0
    timed_out: bool = False

    def summary(self) -> dict:
        """The figures the report uses: latency of successful turns, throughput, errors, by kind."""
        ok = [t for t in self.turns if t.ok]
        errors = [t for t in self.turns if not t.ok]
        kinds: Dict[str, dict] = {}
        for kind in sorted({t.kind for t in self.turns}):
            of_kind = [t for t in self.turns if t.kind == kind]
            kinds[kind] = {
                "turns": len(of_kind),
                "errors": sum(1 for t in of_kind if not t.ok),
                "unexpected": sum(1 for t in of_kind if t.unexpected),
                "latency_ms": latency_summary_ms([t.latency for t in of_kind if t.ok]),
            }
        error_kinds: Dict[str, int] = {}
        for turn in errors:
            error_kinds[turn.error or "?"] = error_kinds.get(turn.error or "?", 0) + 1
        return {
            "users": self.users,
            "planned_turns": self.planned_turns,
            "turns": len(self.turns),
            "ok": len(ok),
            "errors": len(errors),
            "error_kinds": error_kinds,
            "unexpected": sum(1 for t in self.turns if t.unexpected),
            "wall_s": self.wall_seconds,
            "throughput_tps": throughput(len(ok), self.wall_seconds),
            "latency_ms": latency_summary_ms([t.latency for t in ok]),
            "by_kind": kinds,
            "timed_out": self.timed_out,
        }


def _reply_text(replies: object) -> str:
    """All reply texts of a webhook answer, joined ("" for anything else)."""
    if not isinstance(replies, list):
        return ""
    return "\n".join(str(r.get("text", "")) for r in replies if isinstance(r, dict))


async def _send(session: aiohttp.ClientSession, url: str, sender: str, turn: Turn, metadata: Optional[dict]) -> tuple:
    """(status, error or None, reply text) of one turn."""
    body: dict = {"sender": sender, "message": turn.text}
    if metadata:
        body["metadata"] = metadata
    try:
        async with session.post(url, json=body) as response:
            payload = await response.read()
            if response.status != 200:
                return response.status, f"http {response.status}", ""
            try:
                replies = json.loads(payload or b"[]")
            except ValueError:
                return response.status, "invalid json", ""
            if not isinstance(replies, list) or not replies:
                return response.status, "empty reply", ""
            return response.status, None, _reply_text(replies)
    except asyncio.TimeoutError:
        return None, "timeout", ""
    except aiohttp.ClientError as exc:
        return None, f"connection: {type(exc).__name__}", ""


async def run_load(
    url: str,
    plan: Sequence[Sequence[Sequence[Turn]]],
    metadata_for: MetadataFor = lambda learner: None,
    request_timeout: float = 30.0,
    max_seconds: float = 600.0,
    think_seconds: float = 0.0,
    tag: str = "load",
) -> LoadResult:
    """Run every user's conversations concurrently against the REST webhook `url`; see the module docstring."""
    run_id = uuid.uuid4().hex[:8]
    results: List[TurnResult] = []
    planned = sum(len(c) for user in plan for c in user)
    began = time.monotonic()
    deadline = began + max_seconds
    timed_out = False

    async def user(index: int, conversations: Sequence[Sequence[Turn]], session: aiohttp.ClientSession) -> None:
        """One simulated user: their conversations in turn, until the plan or the time runs out."""
        nonlocal timed_out
        for c_index, conversation in enumerate(conversations):
            sender = f"bench-{tag}-{run_id}-u{index}-c{c_index}"
            for t_index, turn in enumerate(conversation):
                if time.monotonic() >= deadline:
                    timed_out = True
                    return
                start = time.monotonic()
                status, error, text = await _send(session, url, sender, turn, metadata_for(turn.learner))
                latency = time.monotonic() - start
                results.append(
                    TurnResult(
                        user=index,
                        conversation=c_index,
                        turn=t_index,
                        kind=turn.kind,
                        started=start - began,
                        latency=latency,
                        status=status,
                        error=error,
                        unexpected=error is None and not turn.reply_is_expected(text),
                    )
                )
                if think_seconds:
                    await asyncio.sleep(think_seconds)

    timeout = aiohttp.ClientTimeout(total=request_timeout)
    connector = aiohttp.TCPConnector(limit=max(1, len(plan)), force_close=False)
    async with aiohttp.ClientSession(timeout=timeout, connector=connector) as session:
        await asyncio.gather(*(user(i, convs, session) for i, convs in enumerate(plan)))
    return LoadResult(
        users=len(plan),
        wall_seconds=time.monotonic() - began,
        turns=results,
        planned_turns=planned,
        timed_out=timed_out,
    )


def turns_as_dicts(result: LoadResult) -> List[dict]:
    """Per-turn records for the JSON file."""
    return [asdict(t) for t in result.turns]
