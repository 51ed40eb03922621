"""Position records: what each household thinks, dated and append-only. A mistaken record is
corrected by a newer one; history is never overwritten."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from liftdesk.projects import liftplan
from liftdesk.common.dates import past_day
from liftdesk.errors import ValidationError
from liftdesk.history import actions
from liftdesk.i18n import language, t
from liftdesk.store import Store, records

POSITIONS = {  # code: (zh, en)
    "support": ("支持", "support"),
    "oppose": ("反对", "oppose"),
    "abstain": ("弃权", "abstain"),
    "none": ("未表态", "no answer"),
    "conditional": ("有条件支持", "conditional support"),
}
METHODS = {"visit": ("上门", "visit"), "phone": ("电话", "phone"), "meeting": ("会议", "meeting"),
           "written": ("书面", "written form"), "wechat": ("微信", "WeChat"),
           # a roster row without a date: recorded on the day of the import, older than any form of that day
           "roster": ("名册（未注日期）", "roster (undated)")}
RESPONDENTS = {"owner": ("业主", "owner"), "co-owner": ("共有人", "co-owner"),
               "proxy": ("受托人", "proxy"), "family": ("家属", "family member"), "tenant": ("租户", "tenant")}
VOTING_RESPONDENTS = ("owner", "co-owner", "proxy")
PARTICIPATING = ("support", "oppose", "abstain", "conditional")

_WORDS = {zh: code for code, (zh, _) in POSITIONS.items()} | {en: code for code, (_, en) in POSITIONS.items()}
_WORDS |= {"同意": "support", "不同意": "oppose", "有条件": "conditional", "": "none", "未答复": "none"}


def label(table: dict, code: str) -> str:
    zh, en = table.get(code, (code, code))
    return en if language() == "en" else zh


def position_code(word: str) -> str:
    text = str(word).strip()
    code = text if text in POSITIONS else _WORDS.get(text)
    if code is None:
        raise ValidationError("position.invalid", value=word)
    return code


@dataclass(frozen=True)
class PositionRecord:
    id: str
    household_id: str
    position: str
    condition: str
    on_date: str
    method: str
    respondent: str
    respondent_name: str
    proxy_ref: str
    recorded_by: str
    reason: str
    written: bool
    form_no: str
    meeting_id: str | None
    created_at: str

    @property
    def is_vote(self) -> bool:
        return self.respondent in VOTING_RESPONDENTS


def record_position(store: Store, household_id: str, position: str, *, on_date: str | None = None,
                    method: str = "visit", respondent: str = "owner", respondent_name: str = "",
                    proxy_ref: str = "", recorded_by: str = "", reason: str = "", condition: str = "",
                    written: bool = False, form_no: str = "", meeting_id: str | None = None,
                    unit_id: str | None = None, plan_version: int | None = None) -> str:
    """Append one position record, one named undo step. `unit_id`, when given, is the unit the helper is working on:
    a household outside it is refused."""
    household = records.get(store, "household", household_id)
    if household["deleted"]:
        raise ValidationError("record.not_found", table="household", id=household_id)
    if unit_id is not None and household["unit_id"] != unit_id:
        raise ValidationError("position.outside_unit")
    code = position_code(position)
    if method not in METHODS:
        raise ValidationError("method.invalid", value=method)
    if respondent not in RESPONDENTS:
        raise ValidationError("respondent.invalid", value=respondent)
    if respondent == "proxy" and not proxy_ref.strip():
        raise ValidationError("proxy.ref_missing")
    if written and respondent not in VOTING_RESPONDENTS:
        raise ValidationError("written.not_a_vote")
    if code == "conditional" and not condition.strip():
        raise ValidationError("condition.missing")
    # a signed form is named as such (and by its position) so a mis-keyed 反对 is found in the Edit menu
    step = (("action.signed_form", {"position": label(POSITIONS, code)}) if written else ("action.position", {}))
    with actions.action(store, step[0], unit_id=household["unit_id"], room=household["room"], **step[1]):
        return records.insert(store, "position", {
            "household_id": household_id, "position": code, "condition": condition.strip(),
            "on_date": past_day(on_date or date.today().isoformat()), "method": method,
            "respondent": respondent, "respondent_name": respondent_name.strip(), "proxy_ref": proxy_ref.strip(),
            "recorded_by": recorded_by.strip(), "reason": reason.strip(), "written": 1 if written else 0,
            "form_no": form_no.strip(), "meeting_id": meeting_id,
            # a signed form is for the plan shown on it: the current version unless the form says otherwise
            "plan_version": (plan_version or liftplan.version_for_household(store, household_id)) if written
            else None})


def record_signed_form(store: Store, household_id: str, position: str, form_no: str, **details) -> str:
    """A signed paper form typed in by hand: its number is what finds the paper again, so it is
    required (a roster import only knows 书面 是/否 and goes through `record_position`)."""
    if not str(form_no).strip():
        raise ValidationError("form_no.missing")
    details.setdefault("method", "written")
    return record_position(store, household_id, position, written=True, form_no=form_no, **details)


_COLUMNS = ("id, household_id, position, condition, on_date, method, respondent, respondent_name, proxy_ref,"
            " recorded_by, reason, written, form_no, meeting_id, created_at")


def _record(row: tuple) -> PositionRecord:
    values = list(row)
    values[11] = bool(values[11])
    return PositionRecord(*values)


def history(store: Store, household_id: str) -> list[PositionRecord]:
    """Newest first: what the helper wants to see at the door."""
    rows = store.db.execute(
        f"SELECT {_COLUMNS} FROM position WHERE household_id = ? AND deleted = 0 ORDER BY on_date DESC, hlc DESC",
        [household_id]).fetchall()
    return [_record(r) for r in rows]


def describe(rec: PositionRecord) -> str:
    parts = [rec.on_date, label(POSITIONS, rec.position)]
    if rec.condition:
        parts.append(f"（{rec.condition}）")
    parts.append(label(METHODS, rec.method))
    who = label(RESPONDENTS, rec.respondent) + (f" {rec.respondent_name}" if rec.respondent_name else "")
    parts.append(who)
    if rec.written:
        parts.append(t("position.written_form", form=rec.form_no or "—"))
    return " · ".join(parts)


def latest_in_unit(store: Store, unit_id: str) -> dict[str, PositionRecord]:
    """Each household's latest record of any kind (vote or intention): what the roster shows."""
    rows = store.db.execute(
        f"""SELECT {', '.join('p.' + c.strip() for c in _COLUMNS.split(','))}, max(p.on_date || p.hlc)
            FROM position p JOIN household h ON h.id = p.household_id
            WHERE h.unit_id = ? AND h.deleted = 0 AND p.deleted = 0 AND NOT {_ended()} GROUP BY p.household_id""",
        [unit_id]).fetchall()
    return {r[1]: _record(r[:-1]) for r in rows}


def _ended() -> str:
    """SQL: position p is the previous owners' (a sale, 过户, came after it)."""
    from liftdesk.people.ownership import ENDED_SQL

    return ENDED_SQL.format(p="p")


def live_history(store: Store, household_id: str) -> list[PositionRecord]:
    """history() without the records a sale (过户) ended: what still speaks for the flat's owners."""
    rows = store.db.execute(
        f"SELECT {_COLUMNS} FROM position p WHERE household_id = ? AND deleted = 0 AND NOT {_ended()}"
        " ORDER BY on_date DESC, hlc DESC", [household_id]).fetchall()
    return [_record(r) for r in rows]
