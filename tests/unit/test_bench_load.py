"""bench.load against a tiny in-process fake of Rasa's REST webhook (no Rasa)."""

from __future__ import annotations

import asyncio

from aiohttp import web

from bench.load import run_load
from bench.scripts import Turn


async def fake_rasa(delay: float = 0.0) -> tuple:
    """A webhook that echoes, answers [] to 'silence', 500 to 'crash', and records metadata and concurrency."""
    seen = {"metadata": [], "in_flight": 0, "max_in_flight": 0, "senders": set()}

    async def webhook(request: web.Request) -> web.Response:
        body = await request.json()
        seen["metadata"].append(body.get("metadata"))
        seen["senders"].add(body["sender"])
        seen["in_flight"] += 1
        seen["max_in_flight"] = max(seen["max_in_flight"], seen["in_flight"])
        try:
            await asyncio.sleep(delay)
        finally:
            seen["in_flight"] -= 1
        if body["message"] == "crash":
            return web.Response(status=500)
        if body["message"] == "silence":
            return web.json_response([])
        return web.json_response([{"recipient_id": body["sender"], "text": f"you said {body['message']}"}])

    app = web.Application()
    app.router.add_post("/webhooks/rest/webhook", webhook)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    return runner, f"http://127.0.0.1:{port}/webhooks/rest/webhook", seen


async def test_closed_loop_counts_turns_errors_and_unexpected_replies():
    runner, url, seen = await fake_rasa(delay=0.02)
    try:
        conversation = [
            Turn("faq", "hello", expect=("you said hello",)),
            Turn("faq", "crash"),
            Turn("faq", "silence"),
            Turn("personal", "credits", learner="L0004", expect=("something else",)),
        ]
        plan = [[conversation, conversation] for _ in range(3)]
        result = await run_load(url, plan, metadata_for=lambda learner: {"token": f"t-{learner}"} if learner else None)
    finally:
        await runner.cleanup()
    summary = result.summary()
    assert summary["turns"] == summary["planned_turns"] == 24
    assert summary["errors"] == 12 and summary["error_kinds"] == {"http 500": 6, "empty reply": 6}
    assert summary["unexpected"] == 6 and summary["ok"] == 12
    assert summary["latency_ms"]["count"] == 12 and summary["latency_ms"]["p50"] >= 20
    assert summary["throughput_tps"] > 0 and summary["by_kind"]["personal"]["unexpected"] == 6
    assert seen["max_in_flight"] == 3  # three users, each waiting for its reply before the next turn
    assert len(seen["senders"]) == 6  # a fresh sender per conversation
    assert {"token": "t-L0004"} in seen["metadata"] and None in seen["metadata"]


async def test_timeouts_are_errors_and_the_deadline_stops_new_turns():
    runner, url, _ = await fake_rasa(delay=0.3)
    try:
        slow = await run_load(url, [[[Turn("faq", "hi")]]], request_timeout=0.05)
        bounded = await run_load(url, [[[Turn("faq", "hi")] * 50]], max_seconds=0.5)
    finally:
        await runner.cleanup()
    assert slow.summary()["error_kinds"] == {"timeout": 1}
    assert bounded.timed_out and len(bounded.turns) < 50


async def test_a_server_that_is_not_there_gives_connection_errors():
    result = await run_load("http://127.0.0.1:9/webhooks/rest/webhook", [[[Turn("faq", "hi")]]], request_timeout=2)
    assert result.summary()["errors"] == 1 and result.turns[0].error.startswith("connection")
