"""Hourly caps on replies for channels that cost money per message (Twilio SMS and WhatsApp).

Every spoofed or scripted message on SMS would make the university pay for a reply ("SMS pumping"). Each paid
output channel asks `ReplyCaps.decide` before sending a message: within the per-sender and the global cap the
message is sent; the first message over a cap is replaced by one clear notice (bot.answers.channels); after
that nothing more is sent to that sender until the hour has moved on. Every time a cap is reached one line is
appended to var/channel_limits.log (settings.CHANNEL_LIMITS_LOG), which staff read with
`python -m bot.rasa_server.channel_limits` (the caps, and the hours and senders that reached them).
The counts live in the Rasa process (one process serves the channels) and start again when it restarts.
"""

from __future__ import annotations

import enum
import json
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Deque, Dict, Optional, Sequence, Set

from bot import settings

HOUR_SECONDS = 3600.0
Clock = Callable[[], float]


class Decision(enum.Enum):
    """What to do with one outgoing message."""

    SEND = "send"
    NOTICE = "notice"  # send the limit notice instead, once
    DROP = "drop"


@dataclass
class ReplyCaps:
    """Sliding one-hour counts of sent replies, per sender and in all."""

    per_sender: int
    overall: int
    log_file: Optional[Path] = None
    clock: Clock = time.monotonic
    _sent: Dict[str, Deque[float]] = field(default_factory=dict)
    _all: Deque[float] = field(default_factory=deque)
    _noticed: Set[str] = field(default_factory=set)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def decide(self, channel: str, sender: str) -> Decision:
        """Count and allow the message, or say it must be the notice or nothing (the notice once per sender)."""
        with self._lock:
            now = self.clock()
            sent = self._sent.setdefault(sender, deque())
            _forget_before(sent, now - HOUR_SECONDS)
            _forget_before(self._all, now - HOUR_SECONDS)
            if len(sent) < self.per_sender and len(self._all) < self.overall:
                self._noticed.discard(sender)
                sent.append(now)
                self._all.append(now)
                return Decision.SEND
            if sender in self._noticed:
                return Decision.DROP
            self._noticed.add(sender)
            self._record(channel, sender, "sender" if len(sent) >= self.per_sender else "overall")
            return Decision.NOTICE

    def _record(self, channel: str, sender: str, cap: str) -> None:
        """Append the cap that was reached to the staff log (the sender's number is the channel's own id)."""
        if self.log_file is None:
            return
        entry = {"at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "channel": channel, "cap": cap}
        entry["sender"] = sender
        self.log_file.parent.mkdir(parents=True, exist_ok=True)
        with self.log_file.open("a", encoding="utf-8") as log:
            log.write(json.dumps(entry) + "\n")


def _forget_before(times: Deque[float], start: float) -> None:
    """Drop the times before `start` (the deque is in time order)."""
    while times and times[0] <= start:
        times.popleft()


_shared: Optional[ReplyCaps] = None


def shared_caps() -> ReplyCaps:
    """The Rasa process's caps, shared by SMS and WhatsApp, from the settings (made on first use)."""
    global _shared
    if _shared is None:
        per_sender, overall = settings.paid_reply_caps()
        _shared = ReplyCaps(per_sender, overall, settings.CHANNEL_LIMITS_LOG)
    return _shared


def staff_summary(log_file: Path, per_sender: int, overall: int) -> str:
    """The caps and every time one was reached, for staff."""
    lines = [f"Paid channels (SMS, WhatsApp): {per_sender} replies per sender per hour, {overall} per hour in all."]
    entries = log_file.read_text(encoding="utf-8").splitlines() if log_file.exists() else []
    if not entries:
        return "\n".join([*lines, "No cap has been reached."])
    for raw in entries:
        entry = json.loads(raw)
        lines.append(f"{entry['at']}  {entry['channel']}  {entry['cap']} cap reached  {entry['sender']}")
    return "\n".join(lines)


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Print the caps and the times they were reached."""
    per_sender, overall = settings.paid_reply_caps()
    print(staff_summary(settings.CHANNEL_LIMITS_LOG, per_sender, overall))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
