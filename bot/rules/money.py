"""Money shown to people: integer pence in, pounds out (no amounts live here)."""

from __future__ import annotations

PENCE_PER_POUND = 100


def format_money(pence: int) -> str:
    """Render integer pence as pounds: whole pounds without pence, thousands separated."""
    sign = "-" if pence < 0 else ""
    pounds, rest = divmod(abs(pence), PENCE_PER_POUND)
    fraction = f".{rest:02d}" if rest else ""
    return f"{sign}£{pounds:,}{fraction}"


def pounds(pence: int) -> int | float:
    """Pence as a number of pounds: an int for whole pounds, else a float."""
    whole, rest = divmod(pence, PENCE_PER_POUND)
    return whole if not rest else pence / PENCE_PER_POUND
