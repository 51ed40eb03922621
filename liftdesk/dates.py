"""Dates as the domain stores them: ISO 8601 text. Facts (a visit, a stage, a diary entry) cannot
lie in the future; plans (a follow-up's due date, a term's end) may."""

from __future__ import annotations

from datetime import date

from .i18n import ValidationError


def any_day(value: object) -> str:
    try:
        return date.fromisoformat(str(value).strip()[:10]).isoformat()
    except ValueError:
        raise ValidationError("date.invalid", value=value) from None


def past_day(value: object) -> str:
    """A day that has happened: today or earlier."""
    day = any_day(value)
    if day > date.today().isoformat():
        raise ValidationError("date.future", value=value)
    return day
