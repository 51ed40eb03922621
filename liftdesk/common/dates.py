"""Dates as the domain stores them: ISO 8601 text. Facts (a visit, a stage, a diary entry) cannot
lie in the future; plans (a follow-up's due date, a term's end) may."""

from __future__ import annotations

from datetime import date

from liftdesk.errors import ValidationError


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


DEFAULT_ZONE = "Asia/Shanghai"


def station_zone(store) -> str:
    """The district's time zone (district.timezone): what helpers read on their clocks."""
    row = store.db.execute("SELECT timezone FROM district WHERE deleted = 0 ORDER BY id LIMIT 1").fetchone()
    return row[0] if row and row[0] else DEFAULT_ZONE


def local_time(store, utc_iso: str) -> str:
    """'2026-11-21T16:05:09.123Z' → '2026-11-22 00:05' in the station's zone (stored times are UTC)."""
    return local_in_zone(utc_iso, station_zone(store))


def local_in_zone(utc_iso: str, zone_name: str | None = None, named: bool = False) -> str:
    """A stored UTC time as people read it: in ZONE_NAME (the district's zone; the computer's own
    zone when None), 'YYYY-MM-DD HH:MM', with the zone's name when NAMED ('… 00:05 (Asia/Shanghai)')."""
    from datetime import datetime, timedelta, timezone
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    if not utc_iso:
        return "—"
    try:
        moment = datetime.fromisoformat(str(utc_iso).replace("Z", "+00:00"))
    except ValueError:
        return str(utc_iso)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    if zone_name is None:
        local = moment.astimezone()
        label = local.tzname() or local.strftime("UTC%z")
    else:
        try:
            zone = ZoneInfo(zone_name)
        except (ZoneInfoNotFoundError, ValueError):  # no tz database (Windows without tzdata): China has no DST
            zone = timezone(timedelta(hours=8))
        local, label = moment.astimezone(zone), zone_name
    text = local.strftime("%Y-%m-%d %H:%M")
    return f"{text} ({zone_label(label)})" if named else text


BEIJING_ZONES = ("Asia/Shanghai", "Asia/Chongqing", "Asia/Harbin", "Asia/Urumqi", "PRC", "CST")


def zone_label(zone_name: str) -> str:
    """A zone's name as people say it: 北京时间 for China's zone, the zone's own name otherwise."""
    from liftdesk.i18n import t  # late: the catalogue is only needed when a time is shown

    return t("time.beijing") if zone_name in BEIJING_ZONES else zone_name
