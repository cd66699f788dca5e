"""bench.report: the side-by-side table, the goals and the JSON record."""

from __future__ import annotations

import json

from bench.report import (
    MISSING,
    build_rows,
    evaluate_goals,
    fmt,
    fmt_errors,
    format_goals,
    format_table,
    record,
    write_record,
)


def figures(p50, p95, p99, tps, single_p95, rss, training, cold, errors=0, turns=600, users=20, actions=None):
    return {
        "load": {
            "users": users,
            "turns": turns,
            "errors": errors,
            "unexpected": 0,
            "throughput_tps": tps,
            "latency_ms": {"p50": p50, "p95": p95, "p99": p99},
        },
        "single": {"latency_ms": {"p50": single_p95 / 2, "p95": single_p95}},
        "rss_peak_mb": {"rasa": rss, "actions": actions, "total": rss + (actions or 0)},
        "training_s": training,
        "cold_start_s": cold,
        "cpu_ms_per_turn": 12.0,
    }


OURS = figures(40, 90, 120, 50.0, 60, 700, 150, 20, actions=150)
STARTER = figures(100, 200, 300, 20.0, 80, 900, 200, 25)


def test_rows_hold_both_bots_and_the_ratio():
    rows = {r.metric: r for r in build_rows(OURS, STARTER)}
    p95 = rows["latency p95 @ 20 users"]
    assert (p95.ours, p95.starter, p95.ratio) == (90, 200, 0.45)
    assert p95.ours_text == "90.0 ms" and p95.ratio_text == "0.45×"
    assert rows["throughput @ 20 users"].ratio == 2.5
    assert rows["peak RSS, action server"].starter_text == MISSING and rows["peak RSS, action server"].ratio is None
    assert rows["errors @ 20 users"].ours_text == "0 / 600 (0.0%)"
    assert rows["peak RSS, total"].ours == 850


def test_table_is_aligned_with_a_header_and_one_line_per_metric():
    rows = build_rows(OURS, STARTER)
    lines = format_table(rows).splitlines()
    assert lines[0].split(" | ")[0].strip() == "metric" and "ours/starter" in lines[0]
    assert len(lines) == len(rows) + 2
    assert len({len(line) for line in lines}) == 1  # every line equally wide
    assert any(line.startswith("training time") and "150.0 s" in line for line in lines)


def test_missing_figures_show_as_a_dash_not_an_error():
    rows = build_rows(OURS, {})
    assert all(r.starter_text == MISSING and r.ratio is None for r in rows)
    assert "—" in format_table(rows)


def test_goals_met_and_not_met():
    goals = {g.goal.split(" ")[0] + g.goal.split(" ")[1]: g for g in evaluate_goals(OURS, STARTER)}
    verdicts = [g.verdict for g in evaluate_goals(OURS, STARTER)]
    assert verdicts == ["met", "met", "met", "met", "met", "met"]
    slow = dict(OURS, training_s=301.0, cold_start_s=31.0, rss_peak_mb={"rasa": 1400, "actions": 200, "total": 1600})
    slow["single"] = {"latency_ms": {"p95": 100.5}}
    slow["load"] = dict(OURS["load"], throughput_tps=39.0, latency_ms={"p50": 1, "p95": 101, "p99": 1})
    assert [g.verdict for g in evaluate_goals(slow, STARTER)] == ["not met"] * 6
    assert goals  # names are printable


def test_goal_thresholds_are_inclusive():
    edge = dict(OURS, training_s=300.0, cold_start_s=30.0, rss_peak_mb={"total": 1500.0})
    edge["single"] = {"latency_ms": {"p95": 100.0}}
    edge["load"] = dict(OURS["load"], throughput_tps=40.0, latency_ms={"p95": 100.0})
    assert [g.verdict for g in evaluate_goals(edge, STARTER)] == ["met"] * 6


def test_goals_without_figures_are_not_applicable_and_other_user_counts_are_noted():
    goals = evaluate_goals({}, {})
    assert [g.verdict for g in goals] == ["n/a"] * 6
    few = figures(1, 2, 3, 4.0, 5, 6, 7, 8, users=3)
    text = format_goals(evaluate_goals(few, few))
    assert "at 3 users" in text and "goal stated at 20 users" in text


def test_formatting_of_units_and_errors():
    assert fmt(None, "ms") == MISSING
    assert fmt(12.345, "ms") == "12.3 ms" and fmt(12345, "ms") == "12,345 ms"
    assert fmt(1234.4, "MB") == "1,234 MB" and fmt(3.21, "turns/s") == "3.2 turns/s" and fmt(65.0, "s") == "65.0 s"
    assert fmt_errors({"turns": 200, "errors": 3}) == "3 / 200 (1.5%)"
    assert fmt_errors({}) == MISSING


def test_record_is_json_and_written_twice(tmp_path):
    document = record({"users": 20}, {"cpus": 2}, {"ours": OURS, "starter": STARTER}, [], "a", "b")
    assert [g["verdict"] for g in document["goals"]] == ["met"] * 6
    assert document["table"][0]["metric"] == "latency p50 @ 20 users"
    paths = write_record(document, tmp_path / "results", "20260101-120000")
    assert [p.name for p in paths] == ["bench-20260101-120000.json", "latest.json"]
    for path in paths:
        assert json.loads(path.read_text())["config"] == {"users": 20}
    partial = write_record(dict(document, config={"users": 3}), tmp_path / "results", "20260101-130000", latest=False)
    assert [p.name for p in partial] == ["bench-20260101-130000.json"]
    assert json.loads((tmp_path / "results" / "latest.json").read_text())["config"] == {"users": 20}
