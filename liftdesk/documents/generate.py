"""Making documents: resolve the target, build, check the fonts cover every character, render,
write atomically, and record what was printed (serial, households, content hash, who).

A batch (every unit under a street, or the units an overview shows) pays the fixed costs once:
fonts are registered once per process, files are renamed into place without an fsync each (the
folder is synced once), and the printed-document records of the whole batch are one commit. A
unit that cannot be printed never stops the batch: it is listed in the summary with the reason."""

from __future__ import annotations

import contextlib
import re
import signal
import sqlite3
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

from liftdesk.places import places
from liftdesk.errors import LiftDeskError, ValidationError
from liftdesk.i18n import t
from ..store import Store
from . import consent_form, consent_letters, cost_agreement, diary_doc, minutes, notice, printed, proxy_form, signin
from . import objection_record, parallel, upkeep_record, visit_list
from liftdesk.common.document_kinds import KIND_NAMES
from liftdesk.documents.context import Document
from .fonts import MissingGlyph, check_coverage
from .template import PageInfo, render_sections, sync_folder, write_atomic

UNIT_KINDS = {"consent-form": consent_form.build, "consent-letters": consent_letters.build,
              "notice": notice.build, "diary": diary_doc.build, "proxy-form": proxy_form.build,
              "cost-agreement": cost_agreement.build, "visit-list": visit_list.build,
              "upkeep-record": upkeep_record.build, "objection-record": objection_record.build}
MEETING_KINDS = {"signin": signin.build, "minutes": minutes.build}
KINDS = tuple(UNIT_KINDS) + tuple(MEETING_KINDS)


@dataclass(frozen=True)
class Printed:
    path: Path
    serial: str
    pages: int
    kind: str
    serials: tuple[str, ...] = ()  # every part's serial (a letter per household), the first is `serial`


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


class Serials:
    """Serial numbers for one run: the database's highest once per kind, then counted in memory,
    so a batch whose records are committed together never hands out a serial twice."""

    def __init__(self, store: Store, today: date | None = None):
        self.store, self.today = store, today
        self._next: dict[str, tuple[str, int]] = {}

    def new(self, kind: str) -> str:
        if kind not in self._next:
            first = printed.new_serial(self.store, kind, self.today)
            stem, n = first.rsplit("-", 1)
            self._next[kind] = (stem, int(n))
        stem, n = self._next[kind]
        self._next[kind] = (stem, n + 1)
        return f"{stem}-{n:04d}"


@dataclass
class _Prepared:
    doc: Document
    sections: list  # (PageInfo, story) per part
    serials: list[str]


def _prepare(doc: Document, serials: Serials, today: date | None) -> _Prepared:
    check_coverage(doc.texts)
    on = (today or date.today()).isoformat()
    parts = doc.all_parts()
    numbers = [serials.new(doc.kind) for _ in parts]
    return _Prepared(doc, [(PageInfo(doc.title, doc.project_line, n, on), p.story) for n, p in zip(numbers, parts)],
                     numbers)


def _record(store: Store, prep: _Prepared, pages: list[int], printed_by: str) -> None:
    d = prep.doc
    for part, serial, n in zip(d.all_parts(), prep.serials, pages):
        printed.record(store, d.kind, serial, part.content, n, printed_by, d.unit_id, d.project_id, d.meeting_id,
                       part.household_ids)
    if d.on_recorded is not None:  # e.g. the cost agreement's snapshot, in the same transaction
        d.on_recorded(store, prep.serials[0])


def print_document(store: Store, kind: str, target: str, out: str | Path, printed_by: str = "",
                   today: date | None = None) -> Printed:
    doc = build(store, kind, target)
    return _emit(store, doc, Path(out), printed_by, today)


def _emit(store: Store, doc: Document, out: Path, printed_by: str, today: date | None) -> Printed:
    prep = _prepare(doc, Serials(store, today), today)
    data, pages = render_sections(prep.sections)
    path = write_atomic(out, data, sync=True)
    try:
        with store.db.atomic():
            _record(store, prep, pages, printed_by)
    except Exception:
        path.unlink(missing_ok=True)  # no record, no file: the two never disagree
        raise
    return Printed(path, prep.serials[0], sum(pages), doc.kind, tuple(prep.serials))


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')


def safe_file_name(name: str) -> str:
    """A place name becomes part of a file name: characters no file system takes become "_"."""
    cleaned = _UNSAFE.sub("_", name).strip(" .")
    return cleaned or "_"


def inside(folder: Path, name: str) -> Path:
    """The batch's file, refused if it would land anywhere but directly in the chosen folder."""
    target = (folder / name).resolve()
    if target.parent != folder.resolve() or name in (".", ".."):
        raise ValidationError("document.outside_folder", name=name)
    return folder / name


@dataclass
class BatchResult:
    printed: list[Printed]
    skipped: list[str]
    seconds: float
    cancelled: bool = False
    failed: list[tuple[str, str]] = field(default_factory=list)  # (where, why) of units not printed
    combined: Path | None = None

    @property
    def pages(self) -> int:
        return sum(p.pages for p in self.printed)

    def summary(self) -> str:
        text = t("document.batch", done=len(self.printed), skipped=len(self.skipped), pages=self.pages,
                 seconds=self.seconds)
        if self.failed:
            text += t("document.batch_failed", n=len(self.failed),
                      items="；".join(f"{where}：{why}" for where, why in self.failed))
        return text


def _file_name(unit: places.UnitListing, kind: str) -> str:
    a = unit.address
    return safe_file_name(f"{a.community}-{a.estate}-{a.building}{a.unit}-{KIND_NAMES[kind]}.pdf")


@contextlib.contextmanager
def _ctrl_c_waits():
    """Ctrl+C during the batch's one commit is taken after it: every file written is recorded,
    rather than the commit rolled back under written files. (Only the main thread gets signals.)"""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pressed: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda *_: pressed.append(1))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if pressed:
        raise KeyboardInterrupt


def _why(exc: LiftDeskError) -> tuple[str, str]:
    if isinstance(exc, MissingGlyph):
        return exc.where, t("document.glyph_short", chars="".join(exc.chars))
    return "", str(exc)


def print_batch(store: Store, kind: str, under: str, folder: str | Path | None, printed_by: str = "",
                progress: Callable[[int, int], None] | None = None,
                cancelled: Callable[[], bool] | None = None, unit_ids: list[str] | None = None,
                combined: str | Path | None = None, today: date | None = None,
                workers: int | None = None) -> BatchResult:
    """One PDF per unit under a street, community, estate or building (only UNIT_IDS if given, e.g.
    the units an overview's filter shows), or all in one COMBINED file. Units with no households are
    skipped and listed; a unit that fails (a character no font has) is listed with the reason and the
    rest still print; a cancel stops between units (every file written is complete and recorded).
    One file per unit renders on WORKERS processes (default: one per core, see `parallel`)."""
    try:
        return _print_batch(store, kind, under, folder, printed_by, progress, cancelled, unit_ids, combined, today,
                            workers)
    except sqlite3.DatabaseError:
        store.db.confirm_sound()  # a damaged page met before the background check ended: its refusal
        raise


def _print_batch(store, kind, under, folder, printed_by, progress, cancelled, unit_ids, combined, today,
                 workers) -> BatchResult:
    if kind not in UNIT_KINDS:
        raise ValidationError("document.needs_unit", document=KIND_NAMES.get(kind, kind))
    units = places.list_units(store, under)
    if unit_ids is not None:
        wanted = set(unit_ids)
        units = [u for u in units if u.id in wanted]
    started = time.perf_counter()
    result = BatchResult([], [], 0.0)
    serials = Serials(store, today)
    done: list[tuple[int, _Prepared, list[int]]] = []
    printed_list: list[tuple[int, Printed]] = []
    out_folder = Path(folder) if folder else None
    finished = 0

    def tick() -> None:
        nonlocal finished
        finished += 1
        if progress:
            progress(finished, len(units))

    def refused(exc: LiftDeskError, unit: places.UnitListing) -> None:
        if exc.key in ("document.no_households", "project.none", "funding.none"):
            result.skipped.append(str(unit.address))
        elif exc.key == "document.unwritable":
            raise exc
        else:
            where, why = _why(exc)
            result.failed.append((where or str(unit.address), why))
        tick()

    prepared: dict[int, tuple[places.UnitListing, _Prepared]] = {}
    all_prepared = False

    def jobs():
        """Prepared in this process (database reads, serials), one unit at a time, as rendering asks;
        a cancel is noticed here, before the next unit."""
        nonlocal all_prepared
        for n, unit in enumerate(units):
            if cancelled and cancelled():
                result.cancelled = True
                return
            try:
                prep = _prepare(UNIT_KINDS[kind](store, unit.id), serials, today)
            except LiftDeskError as exc:
                refused(exc, unit)
                continue
            prepared[n] = (unit, prep)
            yield n, prep.sections
        all_prepared = True

    if progress:
        progress(0, len(units))
    try:
        if combined:
            pending = list(jobs())
            if pending and not result.cancelled:
                data, pages = render_sections([s for _, sections in pending for s in sections])
                store.db.confirm_sound()
                path = write_atomic(Path(combined), data, sync=True)
                result.combined = path
                at = 0
                for n, sections in pending:
                    prep = prepared[n][1]
                    mine = pages[at:at + len(sections)]
                    at += len(sections)
                    done.append((n, prep, mine))
                    printed_list.append((n, Printed(path, prep.serials[0], sum(mine), kind, tuple(prep.serials))))
                    tick()
        else:
            held: list = []  # rendered while the file's deferred check still runs: written once it passes

            def write_held() -> None:
                for n, unit, prep, data, pages in held:
                    path = write_atomic(inside(out_folder, _file_name(unit, kind)), data)
                    done.append((n, prep, pages))
                    printed_list.append((n, Printed(path, prep.serials[0], sum(pages), kind, tuple(prep.serials))))
                held.clear()

            rendered = parallel.render_many(jobs(), render_sections,
                                            parallel.worker_count(len(units)) if workers is None else workers)
            try:
                for n, data, pages, error in rendered:
                    unit, prep = prepared.pop(n)
                    if error is not None:
                        refused(error, unit)
                        continue
                    held.append((n, unit, prep, data, pages))
                    if store.db.sound_yet():
                        write_held()
                    tick()
                    if all_prepared and not result.cancelled and cancelled and cancelled():
                        result.cancelled = True  # the last units render on: stop them too
                    if result.cancelled:
                        break
            finally:
                rendered.close()  # a cancel or an error stops the workers
            store.db.confirm_sound()
            write_held()
    finally:
        if done:
            done.sort(key=lambda item: item[0])
            with _ctrl_c_waits(), store.db.atomic():  # one commit for the whole batch's records
                for _, prep, pages in done:
                    _record(store, prep, pages, printed_by)
            if out_folder is not None and not combined:
                sync_folder(out_folder)
        result.printed = [p for _, p in sorted(printed_list, key=lambda item: item[0])]
    if progress:
        progress(len(units), len(units))
    result.seconds = time.perf_counter() - started
    return result
