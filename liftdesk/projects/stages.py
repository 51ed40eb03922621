"""The stages of a lift project, in order. Stage events are append-only facts."""

from __future__ import annotations

from dataclasses import dataclass

from liftdesk.i18n import language


@dataclass(frozen=True)
class Stage:
    code: str
    zh: str
    en: str

    @property
    def label(self) -> str:
        return self.en if language() == "en" else self.zh


STAGES: tuple[Stage, ...] = (
    Stage("survey", "意愿摸底", "first survey"),
    Stage("group", "成立筹备组", "preparation group"),
    Stage("site_survey", "现场踏勘", "site survey"),
    Stage("design", "方案设计", "design"),
    Stage("consultation", "意见征询/签订协议", "consultation and agreement"),
    Stage("notice", "公示", "public notice"),
    Stage("approval", "审批", "approval"),
    Stage("subsidy", "补贴申请", "subsidy"),
    Stage("pipes", "管线迁改", "pipe relocation"),
    Stage("construction", "开工", "construction"),
    Stage("acceptance", "竣工验收", "acceptance"),
    Stage("handover", "交付使用", "handover"),
    Stage("maintenance", "维保", "maintenance"),
    Stage("paused", "暂停", "paused"),
    Stage("stopped", "终止", "stopped"),
)
BY_CODE = {s.code: s for s in STAGES}
ORDER = {s.code: n for n, s in enumerate(STAGES)}


def stage_label(code: str | None) -> str:
    return BY_CODE[code].label if code in BY_CODE else ""


def current_stage_sql(project: str, column: str = "stage") -> str:
    """The latest stage event's COLUMN of the project whose id is the SQL expression PROJECT (by
    date, then HLC): a seek on stage_event(project_id, on_date) per project shown, never a window
    over every stage event in the file."""
    return (f"(SELECT se.{column} FROM stage_event se WHERE se.project_id = {project} AND se.deleted = 0"
            f" ORDER BY se.on_date DESC, se.hlc DESC LIMIT 1)")


# The latest stage event per project, as a table (project_id, stage, on_date) for joins: one
# seek per project through current_stage_sql's order, not a window over every stage event.
CURRENT_STAGE_SQL = f"""
    SELECT se.project_id, se.stage, se.on_date FROM project pr
    JOIN stage_event se ON se.rowid = {current_stage_sql("pr.id", "rowid")}"""
