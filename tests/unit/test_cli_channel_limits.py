"""`python -m bot channel-limits`: staff see the paid channels' reply caps and when they were reached."""

from __future__ import annotations

from bot.admin import main


def test_staff_see_the_configured_caps(monkeypatch, capsys):
    monkeypatch.setenv("BOT_PAID_REPLIES_PER_SENDER_HOUR", "7")
    monkeypatch.setenv("BOT_PAID_REPLIES_PER_HOUR", "90")
    assert main(["channel-limits"]) == 0
    assert "7 replies per sender per hour, 90 per hour in all" in capsys.readouterr().out


def test_staff_see_each_time_a_cap_was_reached(monkeypatch, capsys, tmp_path):
    log = tmp_path / "channel_limits.log"
    log.write_text('{"at": "2026-12-03T09:00:00Z", "channel": "twilio", "cap": "sender", "sender": "+44...01"}\n')
    monkeypatch.setattr("bot.settings.CHANNEL_LIMITS_LOG", log)
    assert main(["channel-limits"]) == 0
    out = capsys.readouterr().out
    assert "2026-12-03T09:00:00Z  twilio  sender cap reached  +44...01" in out
