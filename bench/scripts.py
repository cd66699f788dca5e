"""Conversation scripts for the load: what each simulated user says, turn by turn. Pure and seeded.

Our assistant gets a realistic mix of the page's questions: FAQ ("how much does it cost?"), catalogue ("when
does plant breeding 4 come out?"), the two-turn calculator ("I've done two with credits..." then "none") and
personal questions ("how many credits have I got?"). A share of the conversations come from signed-in seed
learners (their token goes with every turn, as the website would send it); the others ask the same personal
question anonymously and are asked to sign in. Every conversation has exactly `turns` turns.

Rasa's starter bot (`rasa init`) is driven with its own intents' phrasings (greet, mood_great, mood_unhappy,
affirm, deny, bot_challenge, goodbye) following its stories, with the same number of turns per conversation.

`expect` and `reject` are soft checks (case-insensitive substrings): a reply missing every `expect` or holding
any `reject` is counted as "unexpected", which shows whether the load exercised what it meant to. They are not
errors (errors are non-200 responses, timeouts and empty replies).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence, Tuple

SEED_LEARNERS = tuple(f"L{n:04d}" for n in range(1, 11))  # L0001..L0010 in bot/data/demo_learners.yaml


@dataclass(frozen=True)
class Turn:
    """One user message and what a sensible reply contains."""

    kind: str
    text: str
    learner: Optional[str] = None  # the signed-in seed learner whose token goes in the metadata
    expect: Tuple[str, ...] = ()
    reject: Tuple[str, ...] = ()

    def reply_is_expected(self, reply_text: str) -> bool:
        """Whether the joined reply text passes the soft checks."""
        lowered = reply_text.lower()
        if self.expect and not any(e.lower() in lowered for e in self.expect):
            return False
        return not any(r.lower() in lowered for r in self.reject)


Segment = Tuple[Turn, ...]  # turns that belong together (the calculator's question and answer)


def _t(kind: str, text: str, *expect: str, reject: Tuple[str, ...] = ()) -> Turn:
    """A turn with the texts a reply must contain (and must not)."""
    return Turn(kind=kind, text=text, expect=tuple(expect), reject=reject)


# --- our assistant ------------------------------------------------------------------------------------------
OURS_FAQ: Tuple[Segment, ...] = tuple(
    (turn,)
    for turn in (
        _t("faq", "how much does it cost?", "£100"),
        _t("faq", "how long does a microcredential take?", "weeks"),
        _t("faq", "what are microcredentials?", "short online courses"),
        _t("faq", "who are they aimed at?", "busy"),
        _t("faq", "how are they assessed?", "quizzes"),
        _t("faq", "can I use them towards an MSc?", "20 credits"),
        _t("faq", "how many microcredentials can I take?", "as many"),
        _t("faq", "what's the pass mark?", "pass mark"),
        _t("faq", "is the microcredential fee deducted from the MSc?", "deduct"),
        _t("faq", "hi", "hello"),
        _t("faq", "thanks", "welcome", "glad"),
    )
)
OURS_CATALOGUE: Tuple[Segment, ...] = tuple(
    (turn,)
    for turn in (
        _t("catalogue", "when does plant breeding 4 come out?", "Plant Breeding 4"),
        _t("catalogue", "is Genomics 2 open for booking?", "Genomics 2"),
        _t("catalogue", "tell me about Livestock Science 2", "Livestock Science 2"),
        _t("catalogue", "what courses do you have?", "Plant Breeding"),
    )
)
OURS_CALCULATOR: Tuple[Segment, ...] = tuple(
    (_t("calculator", first, "learning only"), _t("calculator", second, "£"))
    for first, second in (
        ("I've done two with credits, what would come off the MSc?", "none"),
        ("I've done two with credits, what would come off the MSc?", "1"),
        ("if I did 1 with credits what's taken off the masters fee?", "none"),
    )
)
SIGN_IN = "sign in"
# (text, what a signed-in learner's reply contains); an anonymous user is asked to sign in instead.
OURS_PERSONAL_QUESTIONS: Tuple[Tuple[str, Tuple[str, ...]], ...] = (
    ("how many credits have I got?", ("earned",)),
    ("how many more do I need for the exemption?", ("of 4", "not", "set")),
    ("what am I enrolled on?", ("enrol",)),
)
OURS_WEIGHTS = {"faq": 0.5, "catalogue": 0.2, "personal": 0.2, "calculator": 0.1}

# --- Rasa's starter bot ---------------------------------------------------------------------------------------
_GREET = _t("greet", "hello there", "how are you")
STARTER_SEGMENTS: Dict[str, Tuple[Segment, ...]] = {
    "happy": ((_GREET, _t("mood_great", "I am feeling very good", "carry on")),),
    "unhappy": (
        (_GREET, _t("mood_unhappy", "I am sad", "cheer you up"), _t("affirm", "yes", "carry on")),
        (_GREET, _t("mood_unhappy", "very sad", "cheer you up"), _t("deny", "no", "bye")),
    ),
    "bot_challenge": ((_t("bot_challenge", "are you a bot?", "I am a bot"),),),
    "goodbye": ((_t("goodbye", "bye", "bye"),),),
}
STARTER_WEIGHTS = {"happy": 0.3, "unhappy": 0.35, "bot_challenge": 0.2, "goodbye": 0.15}


def _personal_segment(rng: random.Random, learner: Optional[str]) -> Segment:
    """A question about the asker's own record, expecting sign-in when anonymous."""
    text, signed_in_expect = rng.choice(OURS_PERSONAL_QUESTIONS)
    if learner is None:
        return (_t("personal", text, SIGN_IN),)
    return (Turn(kind="personal", text=text, expect=signed_in_expect, reject=(SIGN_IN,)),)


def _fits(segments: Sequence[Segment], room: int) -> List[Segment]:
    """The segments no longer than `room` turns."""
    return [segment for segment in segments if len(segment) <= room]


def _weighted_kind(rng: random.Random, weights: Dict[str, float], allowed: Sequence[str]) -> str:
    """A kind of segment drawn by weight among those allowed."""
    kinds = [kind for kind in weights if kind in allowed]
    return rng.choices(kinds, weights=[weights[kind] for kind in kinds])[0]


def ours_conversation(
    rng: random.Random, turns: int, learners: Sequence[str] = SEED_LEARNERS, signed_in_share: float = 0.5
) -> List[Turn]:
    """One conversation of exactly `turns` turns with our assistant.

    Each conversation holds at least one FAQ, one personal question, one catalogue question and one calculator
    exchange when `turns` leaves room (in that order of priority); the rest is drawn by OURS_WEIGHTS, and the
    segments are shuffled. Signed-in conversations carry the learner on every turn.
    """
    if turns < 1:
        raise ValueError("a conversation needs at least one turn")
    learner = rng.choice(list(learners)) if learners and rng.random() < signed_in_share else None
    pools = {"faq": OURS_FAQ, "catalogue": OURS_CATALOGUE, "calculator": OURS_CALCULATOR}

    def segment(kind: str) -> Segment:
        """A segment of the given kind for this conversation's learner."""
        return _personal_segment(rng, learner) if kind == "personal" else rng.choice(pools[kind])

    segments: List[Segment] = []
    room = turns
    for kind in ("faq", "personal", "catalogue", "calculator"):
        chosen = segment(kind)
        if len(chosen) <= room:
            segments.append(chosen)
            room -= len(chosen)
    while room > 0:
        allowed = [k for k in OURS_WEIGHTS if k != "calculator" or room >= len(OURS_CALCULATOR[0])]
        chosen = segment(_weighted_kind(rng, OURS_WEIGHTS, allowed))
        segments.append(chosen)
        room -= len(chosen)
    rng.shuffle(segments)
    flat = [turn for seg in segments for turn in seg]
    return [Turn(t.kind, t.text, learner, t.expect, t.reject) for t in flat]


def starter_conversation(rng: random.Random, turns: int) -> List[Turn]:
    """One conversation of exactly `turns` turns with Rasa's starter bot, following its stories and rules."""
    if turns < 1:
        raise ValueError("a conversation needs at least one turn")
    flat: List[Turn] = []
    while len(flat) < turns:
        room = turns - len(flat)
        allowed = [kind for kind, options in STARTER_SEGMENTS.items() if _fits(options, room)]
        kind = _weighted_kind(rng, STARTER_WEIGHTS, allowed)
        flat.extend(rng.choice(_fits(STARTER_SEGMENTS[kind], room)))
    return flat


def plan(bot: str, users: int, conversations: int, turns: int, seed: int, **options: Any) -> List[List[List[Turn]]]:
    """For each user, their conversations, each a list of turns; the same seed gives the same plan."""
    if bot not in ("ours", "starter"):
        raise ValueError(f"unknown bot {bot!r}")
    rng = random.Random(f"{seed}:{bot}")
    make = ours_conversation if bot == "ours" else starter_conversation
    return [[make(rng, turns, **options) for _ in range(conversations)] for _ in range(users)]


def kind_counts(conversations: Sequence[Sequence[Turn]]) -> Dict[str, int]:
    """How many turns of each kind a set of conversations holds."""
    counts: Dict[str, int] = {}
    for conversation in conversations:
        for turn in conversation:
            counts[turn.kind] = counts.get(turn.kind, 0) + 1
    return counts
