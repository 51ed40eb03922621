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
from ..store.ids import is_id
from . import consent_form, consent_letters, cost_agreement, diary_doc, minutes, notice, printed, proxy_form, signin
from . import objection_record, parallel, upkeep_record, visit_list
from liftdesk.common.document_kinds import KIND_NAMES
from liftdesk.documents.context import Document
from .fonts import MissingGlyph, check_coverage
from liftdesk.common.outputs import check_batch_files, check_output, check_output_folder
from liftdesk.store.backup import protected_paths
from . import staging
from .template import PageInfo, render_sections, sync_folder

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
    if is_id(target.strip()):
        raise ValidationError("document.needs_unit", document=KIND_NAMES[kind])
    return UNIT_KINDS[kind](store, places.resolve_unit(store, target))


class Serials:
    """Serial numbers for one run, reserved from the database before anything is rendered: one
    block per kind (EXPECT numbers, one write transaction), a further block only if a run needs
    more. Numbers reserved and not used are gaps, never repeats."""

    def __init__(self, store: Store, today: date | None = None, expect: int = 1):
        self.store, self.today, self.expect = store, today, max(1, expect)
        self._blocks: dict[str, tuple[str, int, int]] = {}  # kind → (stem, next, end)

    def new(self, kind: str) -> str:
        stem, n, end = self._blocks.get(kind, ("", 0, 0))
        if n >= end:
            stem, n = printed.reserve_serials(self.store, kind, self.expect, self.today)
            end = n + self.expect
        self._blocks[kind] = (stem, n + 1, end)
        return printed.format_serial(stem, n)


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
    """One document into OUT (the face has checked the path with common.outputs; the core refuses
    the database, its backups and devices here too)."""
    out = check_output(out, protected=protected_paths(store.path), force=True)
    doc = build(store, kind, target)
    staging.sweep(out.parent, _serial_recorded(store))  # a killed run's hidden files
    return _emit(store, doc, out, printed_by, today)


def _emit(store: Store, doc: Document, out: Path, printed_by: str, today: date | None) -> Printed:
    prep = _prepare(doc, Serials(store, today, expect=len(doc.all_parts())), today)
    data, pages = render_sections(prep.sections)
    staged = staging.stage(out, data, prep.serials[0], sync=True)
    try:
        with _ctrl_c_waits(), store.db.atomic():
            _record(store, prep, pages, printed_by)
    except BaseException:
        staging.discard([staged])  # no record, no file: the two never disagree
        raise
    path = staging.publish(staged)
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
                workers: int | None = None, replace: bool = False) -> BatchResult:
    """One PDF per unit under a street, community, estate or building (only UNIT_IDS if given, e.g.
    the units an overview's filter shows), or all in one COMBINED file. Units with no households are
    skipped and listed; a unit that fails (a character no font has) is listed with the reason and the
    rest still print; a cancel stops between units (every file written is complete and recorded).
    One file per unit renders on WORKERS processes (default: one per core, see `parallel`).

    The batch's serials are reserved before it renders (two batches at once get disjoint ranges);
    its files are written hidden and appear under their names only once their records are
    committed; if the commit fails, they are removed and the error says so. An existing file is
    replaced only with REPLACE (checked before anything is written)."""
    try:
        return _print_batch(store, kind, under, folder, printed_by, progress, cancelled, unit_ids, combined, today,
                            workers, replace)
    except sqlite3.DatabaseError:
        store.db.confirm_sound()  # a damaged page met before the background check ended: its refusal
        raise


def existing_batch_files(store: Store, kind: str, under: str, folder: str | Path,
                         unit_ids: list[str] | None = None) -> list[Path]:
    """The files a batch into FOLDER would replace (the GUI asks before it passes replace=True)."""
    units = places.list_units(store, under)
    if unit_ids is not None:
        units = [u for u in units if u.id in set(unit_ids)]
    return [Path(folder) / name for name in (_file_name(u, kind) for u in units) if (Path(folder) / name).exists()]


def _files_of(done: list) -> list[staging.Staged]:
    return list({id(item[3]): item[3] for item in done}.values())  # a combined file is one for all


def _commit_batch(store: Store, done: list, printed_by: str, out_folder: Path | None) -> None:
    """One commit for the whole batch's records, then the files appear under their names. If the
    commit fails, the hidden files are removed and the error says how many."""
    if not done:
        return
    done.sort(key=lambda item: item[0])
    files = _files_of(done)
    if out_folder is not None:
        sync_folder(out_folder)  # the hidden files are on disk before their records
    with _ctrl_c_waits():
        try:
            with store.db.atomic():
                for _, prep, pages, _staged in done:
                    _record(store, prep, pages, printed_by)
        except LiftDeskError as exc:
            raise LiftDeskError("document.batch_discarded", n=staging.discard(files), reason=str(exc)) from exc
        except BaseException:
            staging.discard(files)
            raise
        for staged in files:  # only now do the files appear under their names
            staging.publish(staged)
    if out_folder is not None:
        sync_folder(out_folder)


def _serial_recorded(store: Store) -> Callable[[str], bool]:
    return lambda serial: store.db.execute(
        "SELECT 1 FROM printed_document WHERE serial = ?", [serial]).fetchone() is not None


def _print_batch(store, kind, under, folder, printed_by, progress, cancelled, unit_ids, combined, today,
                 workers, replace) -> BatchResult:
    if kind not in UNIT_KINDS:
        raise ValidationError("document.needs_unit", document=KIND_NAMES.get(kind, kind))
    units = places.list_units(store, under)
    if unit_ids is not None:
        wanted = set(unit_ids)
        units = [u for u in units if u.id in wanted]
    protected = protected_paths(store.path)
    out_folder = None
    if combined:
        combined = check_output(combined, protected=protected, force=True)
        if combined.exists() and not replace:
            check_batch_files(combined.parent, [combined.name], protected=protected)
        staging.sweep(combined.parent, _serial_recorded(store))
    elif folder:
        out_folder = check_output_folder(folder, protected=protected, file_suffixes=(".pdf",))
        names = [_file_name(u, kind) for u in units]
        for name in names:
            inside(out_folder, name)
        check_batch_files(out_folder, names, protected=protected, force=replace)
        staging.sweep(out_folder, _serial_recorded(store))
    started = time.perf_counter()
    result = BatchResult([], [], 0.0)
    expect = sum(u.households for u in units) if kind == "consent-letters" else len(units)
    serials = Serials(store, today, expect=expect)
    done: list[tuple[int, _Prepared, list[int], staging.Staged]] = []
    finished = 0

    def tick() -> None:
        nonlocal finished
        finished += 1
        if progress:
            progress(finished, len(units))

    def refused(exc: LiftDeskError, unit: places.UnitListing) -> None:
        if exc.key in ("document.no_households", "project.none", "funding.none"):
            result.skipped.append(str(unit.address))
        elif exc.key in ("document.unwritable", "output.disk_full", "output.cannot_write"):
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
                first = prepared[pending[0][0]][1].serials[0]
                staged = staging.stage(combined, data, first, sync=True)
                at = 0
                for n, sections in pending:
                    prep = prepared[n][1]
                    mine = pages[at:at + len(sections)]
                    at += len(sections)
                    done.append((n, prep, mine, staged))
                    tick()
        else:
            rendered = parallel.render_many(jobs(), render_sections,
                                            parallel.worker_count(len(units)) if workers is None else workers)
            try:
                for n, data, pages, error in rendered:
                    unit, prep = prepared.pop(n)
                    if error is not None:
                        refused(error, unit)
                        continue
                    staged = staging.stage(inside(out_folder, _file_name(unit, kind)), data, prep.serials[0])
                    done.append((n, prep, pages, staged))
                    tick()
                    if all_prepared and not result.cancelled and cancelled and cancelled():
                        result.cancelled = True  # the last units render on: stop them too
                    if result.cancelled:
                        break
            finally:
                rendered.close()  # a cancel or an error stops the workers
    except KeyboardInterrupt:  # Ctrl+C: what is complete is recorded and kept, then the interrupt
        _commit_batch(store, done, printed_by, out_folder)
        raise
    except BaseException as exc:  # anything else: nothing of this batch is kept, and it says so
        removed = staging.discard(_files_of(done))
        if isinstance(exc, LiftDeskError):
            raise LiftDeskError("document.batch_discarded", n=removed, reason=str(exc)) from exc
        raise
    _commit_batch(store, done, printed_by, out_folder)
    result.printed = [Printed(staged.target, prep.serials[0], sum(pages), kind, tuple(prep.serials))
                      for _, prep, pages, staged in sorted(done, key=lambda item: item[0])]
    if combined and done:
        result.combined = combined
    if progress:
        progress(len(units), len(units))
    result.seconds = time.perf_counter() - started
    return result
