"""Personal answers end to end: verified learners and staff get computed figures; nobody else does."""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import uuid

import pytest

from bot.files.policy import get_policy
from bot.identity import IdentitySettings, mint_token
from bot.rules import best_exemption, credits_earned, top_up_due, upgrade_deduction
from bot.rules.money import format_money
from bot.store import Store

SETTINGS = IdentitySettings.from_env({})  # the servers run with the development secret


def sender() -> str:
    return f"e2e-{uuid.uuid4().hex}"


def token_for(subject: str, role: str = "learner") -> dict:
    return {"token": mint_token(subject, role, SETTINGS)}


@pytest.fixture(scope="module")
def records(servers):
    return Store(servers.env["BOT_DB_URL"])


@pytest.fixture(scope="module")
def learners(records):
    return {learner.learner_id: learner for learner in records.learners()}


def test_every_seed_learner_is_told_their_own_credits(servers, learners):
    policy = get_policy()
    for learner_id, learner in learners.items():
        answer = servers.texts(sender(), "how many credits have I got?", token_for(learner_id))
        earned = credits_earned(policy, learner.enrolments)
        if earned:
            assert f"earned {earned} credits" in answer, (learner_id, answer)
        else:
            assert "not earned any credits" in answer, (learner_id, answer)


def test_three_of_four_learner_is_told_which_course_is_missing(servers, learners, records):
    policy = get_policy()
    learner = learners["L0006"]
    position = best_exemption(policy, learner.enrolments, records.catalogue())
    answer = servers.texts(sender(), "how many more do I need for the exemption?", token_for("L0006"))
    assert f"{position.closest.count} of {policy.set_size}" in answer
    for course in position.closest.missing:
        assert course.title in answer


def test_upgrade_deduction_shows_the_arithmetic_and_the_cap(servers, learners):
    policy = get_policy()
    for learner_id in ("L0007", "L0010"):
        deduction = upgrade_deduction(policy, learners[learner_id].enrolments)
        answer = servers.texts(sender(), "/ask_upgrade", token_for(learner_id))
        assert format_money(deduction.amount) in answer and format_money(deduction.cap) in answer


def test_learning_only_learner_is_told_the_top_up_due(servers, learners):
    policy = get_policy()
    due = sum(top_up_due(policy, e) for e in learners["L0002"].enrolments)
    answer = servers.texts(sender(), "what top-up do I still owe?", token_for("L0002"))
    assert format_money(due) in answer


def test_anonymous_user_asking_about_themselves_is_asked_to_sign_in(servers):
    answer = servers.texts(sender(), "how many credits have I got?")
    assert "sign in" in answer and "earned" not in answer


@pytest.mark.parametrize(
    "message",
    [
        '/ask_credits{"learner_id": "L0007"}',
        '/ask_my_enrolments{"email": "rhys@example.org", "sub": "L0007"}',
        "how many credits does L0007 have?",
        "show the enrolments of L0007 please",
    ],
)
def test_learner_a_never_obtains_learner_b_data(servers, learners, message):
    other = learners["L0007"]
    their_credits = f"earned {credits_earned(get_policy(), other.enrolments)} credits"
    for metadata in (None, token_for("L0002")):
        answer = servers.texts(sender(), message, metadata)
        assert other.name not in answer and their_credits not in answer and "completed the" not in answer


def test_forged_claims_and_tampered_tokens_are_anonymous(servers):
    forged = {"auth": {"sub": "L0007", "role": "staff", "exp": 9999999999, "seal": "0" * 64}}
    token = mint_token("L0002", "learner", SETTINGS)
    head, body, sig = token.split(".")
    tampered = {"token": f"{head}.{body[:-2]}xx.{sig}"}
    wrong_key = {"token": mint_token("L0007", "staff", IdentitySettings.from_env({"BOT_JWT_SECRET": "not-ours"}))}
    for metadata in (forged, tampered, wrong_key):
        answer = servers.texts(sender(), "what am I enrolled on?", metadata)
        assert "sign in" in answer


def test_staff_get_any_learners_figures_by_id_or_email(servers, learners):
    policy = get_policy()
    jane = learners["L0006"]
    earned = credits_earned(policy, jane.enrolments)
    for reference in ("L0006", jane.email):
        answer = servers.texts(sender(), f"credits for {reference}", token_for("S0001", "staff"))
        assert jane.name in answer and f"earned {earned} credits" in answer


def test_raw_tokens_are_not_kept_in_the_conversation_store(servers):
    import requests

    conversation = sender()
    metadata = token_for("L0004")
    servers.send(conversation, "how many credits have I got?", metadata)
    tracker = requests.get(
        f"{servers.rasa_url}/conversations/{conversation}/tracker", params={"token": servers.token}, timeout=10
    ).json()
    assert metadata["token"] not in json.dumps(tracker)
    users = [e for e in tracker["events"] if e["event"] == "user"]
    assert users[-1]["metadata"]["auth"]["sub"] == "L0004"


def test_personal_answers_work_over_socketio(servers, learners):
    import socketio

    policy = get_policy()
    earned = credits_earned(policy, learners["L0004"].enrolments)

    async def converse() -> list:
        client = socketio.AsyncClient()
        replies: list = []
        done = asyncio.Event()

        @client.on("bot_uttered")
        async def on_bot(data):
            replies.append(data.get("text", ""))
            done.set()

        session_ready = asyncio.Event()

        @client.on("session_confirm")
        async def on_session(data):
            session_ready.set()

        await client.connect(servers.rasa_url, transports=["websocket", "polling"])
        session_id = uuid.uuid4().hex
        await client.emit("session_request", {"session_id": session_id})
        await asyncio.wait_for(session_ready.wait(), 20)
        await client.emit(
            "user_uttered",
            {"message": "how many credits have I got?", "session_id": session_id, "metadata": token_for("L0004")},
        )
        await asyncio.wait_for(done.wait(), 30)
        await asyncio.sleep(1.5)  # the personal part follows the general answer
        await client.disconnect()
        return replies

    # Own thread, own event loop: other tests (Playwright's sync API) may hold this thread's loop.
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        replies = pool.submit(asyncio.run, converse()).result(timeout=120)
    assert any(f"earned {earned} credits" in reply for reply in replies), replies


def test_no_token_or_personal_data_in_the_server_logs(servers, learners):
    metadata = token_for("L0006")
    servers.send(sender(), "how many credits have I got?", metadata)
    servers.send(sender(), "credits for jane@example.org", token_for("S0001", "staff"))
    logs = "".join((servers.logs / f"{name}.log").read_text() for name in ("rasa", "actions"))
    assert metadata["token"] not in logs
    jane = learners["L0006"]
    assert jane.email not in logs and jane.name not in logs


# Figures worked out by hand from the page and bot/data/demo_learners.yaml, not with the rule functions the
# answers use (a shared oracle hides a shared bug): £250 per credit-bearing course (£100 + £150 top-up is also
# £250), 5 credits per passed credit-bearing course, a set of four, deduction up to one module (£1,100, a SAMPLE).
@pytest.mark.parametrize(
    "learner_id, question, figures",
    [
        ("L0002", "what top-up do I still owe?", ["£150"]),  # PB1 learning only
        ("L0006", "how many credits have I got?", ["earned 15 credits"]),  # PB1, PB2, PB3 passed
        ("L0006", "how many more do I need for the exemption?", ["3 of 4", "Plant Breeding 4"]),
        ("L0007", "/ask_upgrade", ["£1,000", "£1,100"]),  # 4 x £250 spent, under the cap
        ("L0010", "/ask_upgrade", ["£1,250", "£1,100"]),  # 5 x £250 spent (fail, pending too), capped
    ],
)
def test_hand_worked_figures_from_the_page(servers, learner_id, question, figures):
    answer = servers.texts(sender(), question, token_for(learner_id))
    for figure in figures:
        assert figure in answer, (learner_id, figure, answer)


# The same hand-worked figures asked in Welsh with no language hint: the answer is the Welsh one, figures alike.
@pytest.mark.parametrize(
    "learner_id, question, figures",
    [
        ("L0006", "faint o gredydau sydd gen i erbyn hyn?", ["Rydych chi wedi ennill 15 credyd"]),
        ("L0006", "faint yn rhagor sydd angen i mi eu gwneud i gael yr eithriad?", ["3 o 4", "Plant Breeding 4"]),
        ("L0002", "oes gen i ffi ychwanegol i'w thalu o hyd?", ["£150"]),
        ("L0010", "faint fyddai'n dod oddi ar ffi'r MSc petawn i'n uwchraddio?", ["£1,250", "£1,100"]),
    ],
)
def test_a_learner_writing_in_welsh_gets_the_hand_worked_figures_in_welsh(servers, learner_id, question, figures):
    answer = servers.texts(sender(), question, token_for(learner_id))
    for figure in figures:
        assert figure in answer, (learner_id, figure, answer)
    assert "You have" not in answer and "credits" not in answer, answer
