"""Making documents: resolve the target, build, check the font covers every character, render,
write atomically, and record what was printed (serial, households, content hash, who)."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

from .. import places
from ..i18n import LiftDeskError, ValidationError
from ..store import Store
from . import consent_form, consent_letters, cost_agreement, diary_doc, minutes, notice, printed, proxy_form, signin
from . import visit_list
from .context import KIND_NAMES, Document
from .fonts import check_coverage
from .template import PageInfo, render, write_atomic

UNIT_KINDS = {"consent-form": consent_form.build, "consent-letters": consent_letters.build,
              "notice": notice.build, "diary": diary_doc.build, "proxy-form": proxy_form.build,
              "cost-agreement": cost_agreement.build, "visit-list": visit_list.build}
MEETING_KINDS = {"signin": signin.build, "minutes": minutes.build}
KINDS = tuple(UNIT_KINDS) + tuple(MEETING_KINDS)


@dataclass(frozen=True)
class Printed:
    path: Path
    serial: str
    pages: int
    kind: str


def build(store: Store, kind: str, target: str) -> Document:
    """TARGET: a unit address (or address/room for one household's proxy form), or a meeting id."""
    if kind not in KINDS:
        raise ValidationError("document.kind", value=kind, choices="、".join(KINDS))
    if kind in MEETING_KINDS:
        if not store.db.execute("SELECT 1 FROM meeting WHERE id = ? AND deleted = 0", [target]).fetchone():
            raise ValidationError("document.needs_meeting", document=KIND_NAMES[kind])
        return MEETING_KINDS[kind](store, target)
    if kind == "visit-list":  # one unit, or every unit 差 1–2 户 under a place
        return visit_list.build(store, target)
    parts = target.strip().strip("/").split("/")
    if kind == "proxy-form" and len(parts) == 6:
        unit_id = places.resolve_unit(store, "/".join(parts[:5]))
        row = store.db.execute("SELECT id FROM household WHERE unit_id = ? AND room = ? AND deleted = 0",
                               [unit_id, parts[5]]).fetchone()
        if row is None:
            raise ValidationError("address.not_found", address=target, part=parts[5])
        return proxy_form.build(store, unit_id, row[0])
    if re.fullmatch(r"[0-9a-f-]{36}", target.strip()):
        raise ValidationError("document.needs_unit", document=KIND_NAMES[kind])
    return UNIT_KINDS[kind](store, places.resolve_unit(store, target))


def print_document(store: Store, kind: str, target: str, out: str | Path, printed_by: str = "",
                   today: date | None = None) -> Printed:
    doc = build(store, kind, target)
    return _emit(store, doc, Path(out), printed_by, today)


def _emit(store: Store, doc: Document, out: Path, printed_by: str, today: date | None) -> Printed:
    check_coverage(doc.texts)
    serial = printed.new_serial(store, doc.kind, today)
    data, pages = render(PageInfo(doc.title, doc.project_line, serial, (today or date.today()).isoformat()), doc.story)
    path = write_atomic(out, data)
    try:
        with store.db.atomic():
            printed.record(store, doc.kind, serial, doc.content, pages, printed_by, doc.unit_id, doc.project_id,
                           doc.meeting_id, doc.household_ids)
            if doc.on_recorded is not None:
                doc.on_recorded(store, serial)
    except Exception:
        path.unlink(missing_ok=True)  # no record, no file: the two never disagree
        raise
    return Printed(path, serial, pages, doc.kind)


@dataclass
class BatchResult:
    printed: list[Printed]
    skipped: list[str]
    seconds: float
    cancelled: bool = False

    @property
    def pages(self) -> int:
        return sum(p.pages for p in self.printed)


def print_batch(store: Store, kind: str, under: str, folder: str | Path, printed_by: str = "",
                progress: Callable[[int, int], None] | None = None,
                cancelled: Callable[[], bool] | None = None) -> BatchResult:
    """One PDF per unit under a street, community, estate or building. Units with no households are
    skipped and listed; a cancel stops between files (every file written is complete)."""
    if kind not in UNIT_KINDS:
        raise ValidationError("document.needs_unit", document=KIND_NAMES.get(kind, kind))
    folder = Path(folder)
    units = places.list_units(store, under)
    started = time.perf_counter()
    result = BatchResult([], [], 0.0)
    for n, unit in enumerate(units):
        if cancelled and cancelled():
            result.cancelled = True
            break
        if progress:
            progress(n, len(units))
        try:
            doc = UNIT_KINDS[kind](store, unit.id)
        except LiftDeskError as exc:
            if exc.key in ("document.no_households", "project.none", "funding.none"):
                result.skipped.append(str(unit.address))
                continue
            raise
        a = unit.address
        name = f"{a.community}-{a.estate}-{a.building}{a.unit}-{KIND_NAMES[kind]}.pdf"
        result.printed.append(_emit(store, doc, folder / name, printed_by, None))
    if progress:
        progress(len(units), len(units))
    result.seconds = time.perf_counter() - started
    return result
