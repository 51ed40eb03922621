"""What was printed, for whom, when and by whom; and the way signed forms come back (录入回执):
a serial, typed or scanned from the QR code, opens the form and each choice becomes a signed
written position carrying that serial."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date

from liftdesk.errors import LiftDeskError, ValidationError
from liftdesk.consent.positions import record_position
from liftdesk.history import actions
from ..store import Store, records

PREFIX = {"consent-form": "YJ", "consent-letters": "TY", "signin": "QD", "minutes": "JY", "notice": "GS",
          "diary": "RJ", "proxy-form": "WT", "cost-agreement": "FT", "visit-list": "ZF",
          "upkeep-record": "WB", "objection-record": "YY"}
RETURNABLE = ("consent-form", "consent-letters")  # forms residents sign and hand back
CHOICES = ("support", "oppose", "abstain")


@dataclass(frozen=True)
class PrintedDocument:
    id: str
    kind: str
    serial: str
    unit_id: str | None
    project_id: str | None
    meeting_id: str | None
    household_ids: list[str]
    content_hash: str
    printed_by: str
    pages: int
    printed_at: str


def serial_stem(store: Store, kind: str, today: date | None = None) -> str:
    """YJ-261121-3F9A-: kind, date and station; the sequence number follows."""
    day = (today or date.today()).strftime("%y%m%d")
    return f"{PREFIX[kind]}-{day}-{store.station_id[-4:].upper()}-"


def format_serial(stem: str, n: int) -> str:
    """At least four digits (YJ-261121-3F9A-0007), more when needed (…-10000)."""
    return f"{stem}{n:04d}"


def reserve_serials(store: Store, kind: str, count: int, today: date | None = None) -> tuple[str, int]:
    """Reserve COUNT consecutive serial numbers in one write transaction (BEGIN IMMEDIATE): the
    numbers go past both the highest ever reserved and the highest recorded (compared as integers),
    so no two runs, at once or one after the other, ever get the same one. Returns (stem, first)."""
    stem = serial_stem(store, kind, today)
    with store.db.atomic():
        reserved = store.db.execute("SELECT last FROM serial_counter WHERE stem = ?", [stem]).fetchone()
        recorded = store.db.execute(
            "SELECT max(CAST(substr(serial, ?) AS INTEGER)) FROM printed_document WHERE substr(serial, 1, ?) = ?",
            [len(stem) + 1, len(stem), stem]).fetchone()[0]
        first = max(reserved[0] if reserved else 0, recorded or 0) + 1
        store.db.execute("INSERT INTO serial_counter (stem, last) VALUES (?, ?)"
                         " ON CONFLICT(stem) DO UPDATE SET last = excluded.last", [stem, first + max(1, count) - 1])
    return stem, first


def new_serial(store: Store, kind: str, today: date | None = None) -> str:
    """One serial, short enough to type from paper: YJ-261121-3F9A-0007."""
    stem, n = reserve_serials(store, kind, 1, today)
    return format_serial(stem, n)


def content_hash(content: object) -> str:
    return hashlib.sha256(json.dumps(content, ensure_ascii=False, sort_keys=True, default=str).encode()).hexdigest()


def record(store: Store, kind: str, serial: str, content: object, pages: int, printed_by: str = "",
           unit_id: str | None = None, project_id: str | None = None, meeting_id: str | None = None,
           household_ids: list[str] | None = None) -> str:
    return records.insert(store, "printed_document", {
        "kind": kind, "serial": serial, "unit_id": unit_id, "project_id": project_id, "meeting_id": meeting_id,
        "household_ids": json.dumps(household_ids or []), "content_hash": content_hash(content),
        "printed_by": printed_by.strip(), "pages": pages})


def find(store: Store, serial: str) -> PrintedDocument:
    row = store.db.execute(
        "SELECT id, kind, serial, unit_id, project_id, meeting_id, household_ids, content_hash, printed_by, pages,"
        " created_at FROM printed_document WHERE serial = ? AND deleted = 0", [serial.strip().upper()]).fetchone()
    if row is None:
        raise ValidationError("receipt.unknown_serial", serial=serial.strip())
    values = list(row)
    values[6] = json.loads(values[6])
    return PrintedDocument(*values)


def printed_for_project(store: Store, project_id: str) -> list[PrintedDocument]:
    serials = [r[0] for r in store.db.execute(
        "SELECT serial FROM printed_document WHERE project_id = ? AND deleted = 0 ORDER BY created_at", [project_id])]
    return [find(store, s) for s in serials]


@dataclass(frozen=True)
class ReceiptRow:
    household_id: str
    room: str
    floor: int
    owners: str
    current: str | None  # the position already recorded from this form, if any


def receipt_rows(store: Store, serial: str) -> tuple[PrintedDocument, list[ReceiptRow]]:
    doc = find(store, serial)
    if doc.kind not in RETURNABLE:
        raise ValidationError("receipt.not_returnable", serial=doc.serial)
    rows = []
    for household_id in doc.household_ids:
        room, floor = store.db.execute("SELECT room, floor FROM household WHERE id = ?", [household_id]).fetchone()
        owners = store.db.execute(
            "SELECT group_concat(p.name, '、') FROM ownership o JOIN person p ON p.id = o.person_id"
            " WHERE o.household_id = ? AND o.deleted = 0", [household_id]).fetchone()[0] or ""
        current = store.db.execute(
            "SELECT position FROM position WHERE household_id = ? AND form_no = ? AND written = 1 AND deleted = 0"
            " ORDER BY on_date DESC, hlc DESC LIMIT 1", [household_id, doc.serial]).fetchone()
        rows.append(ReceiptRow(household_id, room, floor, owners, current[0] if current else None))
    rows.sort(key=lambda r: (r.floor, r.room))
    return doc, rows


def record_receipt(store: Store, serial: str, choices: dict[str, str], on_date: str | None = None,
                   recorded_by: str = "", proxies: dict[str, str] | None = None) -> list[str]:
    """Each household's choice on the signed form → a signed written position with the serial.
    All or nothing: one named undo step ("录入回执 …")."""
    doc, rows = receipt_rows(store, serial)
    allowed = {r.household_id for r in rows}
    proxies = proxies or {}
    ids = []
    with actions.action(store, "action.receipt", unit_id=doc.unit_id, serial=doc.serial):
        for household_id, choice in choices.items():
            if household_id not in allowed:
                raise ValidationError("position.outside_unit")
            if choice not in CHOICES:
                raise ValidationError("position.invalid", value=choice)
            proxy = proxies.get(household_id, "")
            ids.append(record_position(store, household_id, choice, on_date=on_date, method="written",
                                       respondent="proxy" if proxy else "owner", proxy_ref=proxy,
                                       recorded_by=recorded_by, written=True, form_no=doc.serial))
    if not ids and choices:
        raise LiftDeskError("receipt.nothing")
    return ids
