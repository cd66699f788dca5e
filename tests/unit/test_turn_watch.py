"""A custom action that could not run leaves an apology with the enquiry route, never silence."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
import yaml
from rasa.core.actions.action import RemoteAction
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.files.policy import get_policy
from bot.identity import IdentitySettings, mint_token
from bot.rasa_server import patches, turn_watch
from bot.rasa_server.channels import guard
from bot.rasa_server.turn_watch import SUPPLEMENTARY_ACTIONS, TurnWatch
from bot.settings import action_timeout_seconds

SETTINGS = IdentitySettings.from_env({"BOT_JWT_SECRET": "unit-test-secret"})
RULES = Path(__file__).resolve().parents[2] / "data" / "rules.yml"


async def unreachable(self, output_channel, nlg, tracker, domain):
    """What Rasa's RemoteAction.run raises when the action server is down."""
    raise RuntimeError("Failed to execute custom action: connection refused")


FAILING_RUN = patches.hardened_run(unreachable, 1.0)  # the patched RemoteAction.run, its original failing


def action_context():
    """What Rasa passes to an action's run: an output channel, the NLG, a tracker and a domain."""
    from rasa.core.nlg import TemplatedNaturalLanguageGenerator
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.trackers import DialogueStateTracker

    domain = Domain.from_yaml("version: '3.1'\nslots:\n  language:\n    type: text\n    mappings: [{type: custom}]\n")
    tracker = DialogueStateTracker.from_events("c1", [], slots=domain.slots)
    return CollectingOutputChannel(), TemplatedNaturalLanguageGenerator(domain.responses), tracker, domain


async def fail_action(name: str) -> None:
    """Run a custom action through the patched RemoteAction.run while it fails; Rasa's processor swallows that."""
    try:
        await FAILING_RUN(RemoteAction(name, None), *action_context())
    except RuntimeError:
        pass  # Rasa 3.6 logs it and carries on (a session start falls back instead)


def run_turn(text, failing=(), metadata=None, crash=False):
    """Send one message through the guard while the named actions fail; return the replies."""

    async def on_new_message(message):
        await message.output_channel.send_text_message(message.sender_id, "general answer")
        for name in failing:
            await fail_action(name)
        if crash:
            raise RuntimeError("tracker store unavailable")

    output = CollectingOutputChannel()
    asyncio.run(guard(on_new_message, SETTINGS)(UserMessage(text, output, "c1", metadata=metadata)))
    return [reply["text"] for reply in output.messages]


def test_the_patched_run_records_the_failed_action_in_the_turn_and_re_raises():
    async def turn() -> TurnWatch:
        watch = turn_watch.start_turn()
        with pytest.raises(RuntimeError, match="connection refused"):
            await FAILING_RUN(RemoteAction("action_my_credits", None), None, None, None, None)
        return watch

    assert asyncio.run(turn()).failed_actions == ["action_my_credits"]


def test_a_catalogue_question_whose_action_failed_gets_an_apology_with_the_enquiry_route():
    replies = run_turn("when does plant breeding 4 come out?", failing=["action_release_date"])
    assert replies[0] == "general answer"
    assert "isn't responding" in replies[-1] and get_policy().contact.enquiry_email in replies[-1]


def test_a_signed_in_learner_missing_their_figures_gets_an_apology():
    token = {"token": mint_token("L0003", "learner", SETTINGS)}
    assert "isn't responding" in run_turn("how many credits is it worth?", ["action_my_credits"], token)[-1]


def test_an_anonymous_learner_asking_about_themselves_gets_an_apology():
    assert "isn't responding" in run_turn("how many credits have I got?", ["action_my_credits"])[-1]


def test_an_anonymous_general_question_already_answered_gets_no_apology():
    assert run_turn("how many credits is a microcredential worth?", ["action_my_credits"]) == ["general answer"]


def test_a_failed_session_start_alone_needs_no_apology():
    assert run_turn("how much does it cost?", ["action_session_start"]) == ["general answer"]


def test_a_turn_that_crashed_gets_an_apology():
    assert "isn't responding" in run_turn("how much does it cost?", crash=True)[-1]


def test_a_turn_where_nothing_failed_is_left_alone():
    assert run_turn("how much does it cost?") == ["general answer"]


def test_failures_outside_a_watched_turn_are_ignored():
    turn_watch.record_failure("action_my_credits")  # no turn in this context: nothing to record, nothing raised
    asyncio.run(fail_action("action_my_credits"))
    assert turn_watch.current() is None


def test_concurrent_turns_never_see_each_others_failures():
    async def turn(fails: bool) -> TurnWatch:
        watch = turn_watch.start_turn()
        await asyncio.sleep(0.01)
        if fails:
            await fail_action("action_release_date")
        await asyncio.sleep(0.01)
        return watch

    async def both():
        return await asyncio.gather(asyncio.create_task(turn(True)), asyncio.create_task(turn(False)))

    failing, fine = asyncio.run(both())
    assert failing.failed_actions == ["action_release_date"] and fine.failed_actions == []


@pytest.mark.parametrize("personal", [True, False])
def test_an_unsupplemented_failure_always_needs_an_apology(personal):
    assert TurnWatch(failed_actions=["action_enquire"]).needs_apology(personal)


def test_supplementary_actions_are_those_that_follow_a_general_answer_in_the_rules():
    rules = yaml.safe_load(RULES.read_text())["rules"]
    following = set()
    for rule in rules:
        steps = [step.get("action") for step in rule.get("steps", [])]
        for before, after in zip(steps, steps[1:], strict=False):
            if after and (after.startswith("action_my_") or after == "action_answer_faq") and before:
                following.add(after)
    assert following == SUPPLEMENTARY_ACTIONS


def run_remote(name: str):
    """Run a custom action against an action server that is not there (nothing listens on port 1)."""
    from rasa.utils.endpoints import EndpointConfig

    patches.install()
    action = RemoteAction(name, EndpointConfig("http://127.0.0.1:1/webhook"))
    return asyncio.run(action.run(*action_context()))


def test_an_unreachable_session_start_falls_back_to_rasas_built_in_one_so_rules_still_match():
    events = run_remote("action_session_start")
    assert [type(event).__name__ for event in events][0] == "SessionStarted"
    assert events[-1].action_name == "action_listen"


def test_any_other_unreachable_action_still_fails_as_rasa_expects():
    with pytest.raises(Exception, match="action_release_date"):
        run_remote("action_release_date")


def test_an_unreachable_action_is_recorded_in_the_watched_turn_and_a_session_start_too():
    async def turn() -> TurnWatch:
        watch = turn_watch.start_turn()
        await asyncio.to_thread(run_remote, "action_session_start")  # its own event loop, in a copy of this context
        with pytest.raises(Exception, match="action_release_date"):
            await asyncio.to_thread(run_remote, "action_release_date")
        return watch

    assert asyncio.run(turn()).failed_actions == ["action_session_start", "action_release_date"]


def test_a_rejection_is_rasas_form_flow_not_a_failure():
    from rasa.core.actions.action import ActionExecutionRejection

    async def rejects(self, output_channel, nlg, tracker, domain):
        raise ActionExecutionRejection("validate_enquiry_form")

    async def turn() -> TurnWatch:
        watch = turn_watch.start_turn()
        with pytest.raises(ActionExecutionRejection):
            await patches.hardened_run(rejects, 1.0)(
                RemoteAction("validate_enquiry_form", None), None, None, None, None
            )
        return watch

    assert asyncio.run(turn()).failed_actions == []


def test_a_custom_action_that_does_not_answer_in_time_fails_fast(monkeypatch):
    from rasa.core.actions import action as rasa_actions

    async def hangs(self, output_channel, nlg, tracker, domain):
        await asyncio.sleep(60)

    monkeypatch.setattr(rasa_actions.RemoteAction, "run", hangs)
    patches.install(timeout=0.05)
    action = rasa_actions.RemoteAction("action_release_date", None)
    with pytest.raises(Exception, match="did not answer within 0.05 s"):
        asyncio.run(action.run(None, None, None, None))


def test_a_timed_out_action_is_recorded_in_the_watched_turn():
    async def hangs(self, output_channel, nlg, tracker, domain):
        await asyncio.sleep(60)

    async def turn() -> TurnWatch:
        watch = turn_watch.start_turn()
        with pytest.raises(Exception, match="did not answer within 0.05 s"):
            await patches.hardened_run(hangs, 0.05)(RemoteAction("action_release_date", None), None, None, None, None)
        return watch

    assert asyncio.run(turn()).failed_actions == ["action_release_date"]


@pytest.mark.parametrize("value, seconds", [(None, 10.0), ("3", 3.0), ("0", 10.0), ("-1", 10.0), ("soon", 10.0)])
def test_the_action_timeout_comes_from_the_environment_with_a_sane_default(value, seconds):
    env = {} if value is None else {"BOT_ACTION_TIMEOUT_SECONDS": value}
    assert action_timeout_seconds(env) == seconds
