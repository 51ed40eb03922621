"""The schema, only through versioned migrations. Append new migrations; never edit old ones."""

from __future__ import annotations

import re
from functools import lru_cache

from sqlite_utils import Database, Migrations

migrations = Migrations("liftdesk")

# Every user-data table carries these: stations merge by id, last writer and HLC stamp.
COMMON = """id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    station_id TEXT NOT NULL,
    hlc TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0"""

USER_TABLES: dict[str, str] = {
    "district": """name TEXT NOT NULL,
        consent_scope TEXT NOT NULL DEFAULT 'unit',
        rule_preset TEXT NOT NULL DEFAULT 'civil-code-278',
        written_only INTEGER NOT NULL DEFAULT 1,
        timezone TEXT NOT NULL DEFAULT 'Asia/Shanghai'""",
    "street": """district_id TEXT NOT NULL REFERENCES district(id),
        name TEXT NOT NULL,
        seq INTEGER NOT NULL DEFAULT 0""",
    "community": """street_id TEXT NOT NULL REFERENCES street(id),
        name TEXT NOT NULL""",
    "estate": """community_id TEXT NOT NULL REFERENCES community(id),
        name TEXT NOT NULL""",
    "building": """estate_id TEXT NOT NULL REFERENCES estate(id),
        name TEXT NOT NULL,
        floors INTEGER NOT NULL,
        seq INTEGER NOT NULL DEFAULT 0""",
    "unit": """building_id TEXT NOT NULL REFERENCES building(id),
        name TEXT NOT NULL,
        seq INTEGER NOT NULL DEFAULT 0,
        eligible INTEGER NOT NULL DEFAULT 1""",
    "household": """unit_id TEXT NOT NULL REFERENCES unit(id),
        room TEXT NOT NULL,
        floor INTEGER NOT NULL,
        area_x100 INTEGER NOT NULL,
        occupancy TEXT NOT NULL DEFAULT 'owner'""",
    "person": """name TEXT NOT NULL,
        phone TEXT NOT NULL DEFAULT '',
        id_ref TEXT NOT NULL DEFAULT ''""",
    "ownership": """household_id TEXT NOT NULL REFERENCES household(id),
        person_id TEXT NOT NULL REFERENCES person(id),
        role TEXT NOT NULL DEFAULT 'owner',
        signer INTEGER NOT NULL DEFAULT 0""",
    "project": """unit_id TEXT REFERENCES unit(id),
        building_id TEXT REFERENCES building(id),
        name TEXT NOT NULL""",
    "stage_event": """project_id TEXT NOT NULL REFERENCES project(id),
        stage TEXT NOT NULL,
        on_date TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        details TEXT NOT NULL DEFAULT '{}',
        recorded_by TEXT""",
    "team": """street_id TEXT REFERENCES street(id),
        community_id TEXT REFERENCES community(id),
        name TEXT NOT NULL,
        kind TEXT NOT NULL DEFAULT '帮帮团'""",
    "helper": """team_id TEXT REFERENCES team(id),
        name TEXT NOT NULL,
        phone TEXT NOT NULL DEFAULT '',
        role TEXT NOT NULL DEFAULT 'volunteer'""",
}

# The tables migration 0001 created; later migrations add their own. Never change this list.
INITIAL_TABLES = ("district", "street", "community", "estate", "building", "unit", "household", "person",
                  "ownership", "project", "stage_event", "team", "helper")

INDEXES = [
    "street(district_id)", "community(street_id)", "estate(community_id)", "building(estate_id)",
    "unit(building_id)", "household(unit_id)", "household(room)", "person(name)", "person(phone)",
    "ownership(household_id)", "ownership(person_id)", "project(unit_id)", "project(building_id)",
    "stage_event(project_id)", "helper(team_id)", "change_log(hlc)", "change_log(tbl, record_id)",
]


def _run(db: Database, sql: str) -> None:
    for statement in sql.split(";"):
        if statement.strip():
            db.execute(statement)


@migrations(name="0001_initial")
def m0001_initial(db: Database) -> None:
    _run(db, "CREATE TABLE liftdesk_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    for table in INITIAL_TABLES:
        db.execute(f"CREATE TABLE {table} (\n    {COMMON},\n    {USER_TABLES[table]}\n)")
    db.execute(
        """CREATE TABLE change_log (
            seq INTEGER PRIMARY KEY,
            tbl TEXT NOT NULL,
            record_id TEXT NOT NULL,
            op TEXT NOT NULL,
            field TEXT,
            old TEXT,
            new TEXT,
            at TEXT NOT NULL,
            hlc TEXT NOT NULL,
            station_id TEXT NOT NULL,
            actor TEXT NOT NULL DEFAULT ''
        )"""
    )
    for n, target in enumerate(INDEXES):
        db.execute(f"CREATE INDEX idx_{n:02d}_{target.split('(')[0]} ON {target}")


def known_migration_names() -> list[str]:
    return [m.name for m in migrations._migrations]


USER_TABLES["position"] = """household_id TEXT NOT NULL REFERENCES household(id),
        position TEXT NOT NULL,
        condition TEXT NOT NULL DEFAULT '',
        on_date TEXT NOT NULL,
        method TEXT NOT NULL,
        respondent TEXT NOT NULL,
        respondent_name TEXT NOT NULL DEFAULT '',
        proxy_ref TEXT NOT NULL DEFAULT '',
        recorded_by TEXT NOT NULL DEFAULT '',
        reason TEXT NOT NULL DEFAULT '',
        written INTEGER NOT NULL DEFAULT 0,
        form_no TEXT NOT NULL DEFAULT '',
        meeting_id TEXT"""


@migrations(name="0002_positions")
def m0002_positions(db: Database) -> None:
    db.execute(f"CREATE TABLE position (\n    {COMMON},\n    {USER_TABLES['position']}\n)")
    # Covering indexes: the consent overview reads every household, owner and deciding record.
    db.execute("CREATE INDEX idx_position_current ON position(household_id, deleted, written, respondent,"
               " on_date, hlc, position)")
    db.execute("CREATE INDEX idx_household_ballot ON household(deleted, unit_id, id, room, floor, area_x100)")
    db.execute("CREATE INDEX idx_ownership_ballot ON ownership(deleted, household_id, person_id)")
    db.execute("CREATE INDEX idx_person_search ON person(deleted, name, phone)")


USER_TABLES.update({
    "group_member": """project_id TEXT NOT NULL REFERENCES project(id),
        household_id TEXT REFERENCES household(id),
        helper_id TEXT REFERENCES helper(id),
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        from_date TEXT NOT NULL,
        to_date TEXT""",
    "meeting": """project_id TEXT NOT NULL REFERENCES project(id),
        kind TEXT NOT NULL,
        starts_at TEXT NOT NULL,
        ends_at TEXT NOT NULL,
        place TEXT NOT NULL DEFAULT '',
        topic TEXT NOT NULL DEFAULT '',
        agenda TEXT NOT NULL DEFAULT '[]',
        minutes TEXT NOT NULL DEFAULT '',
        decisions TEXT NOT NULL DEFAULT ''""",
    "attendance": """meeting_id TEXT NOT NULL REFERENCES meeting(id),
        household_id TEXT REFERENCES household(id),
        helper_id TEXT REFERENCES helper(id),
        name TEXT NOT NULL DEFAULT '',
        role TEXT NOT NULL""",
    "followup": """meeting_id TEXT REFERENCES meeting(id),
        project_id TEXT NOT NULL REFERENCES project(id),
        text TEXT NOT NULL,
        owner TEXT NOT NULL DEFAULT '',
        due_date TEXT NOT NULL,
        done_on TEXT""",
    "diary_entry": """project_id TEXT NOT NULL REFERENCES project(id),
        on_date TEXT NOT NULL,
        text TEXT NOT NULL,
        author TEXT NOT NULL DEFAULT ''""",
})


@migrations(name="0003_meetings_diary")
def m0003_meetings_diary(db: Database) -> None:
    for table in ("group_member", "meeting", "attendance", "followup", "diary_entry"):
        db.execute(f"CREATE TABLE {table} (\n    {COMMON},\n    {USER_TABLES[table]}\n)")
    for target in ("group_member(project_id)", "meeting(project_id, starts_at)", "attendance(meeting_id)",
                   "followup(project_id)", "followup(due_date)", "diary_entry(project_id, on_date)",
                   "stage_event(project_id, on_date)", "position(meeting_id)"):
        name = "idx_" + target.replace("(", "_").replace(", ", "_").rstrip(")")
        db.execute(f"CREATE INDEX {name} ON {target}")


USER_TABLES["printed_document"] = """kind TEXT NOT NULL,
        serial TEXT NOT NULL,
        unit_id TEXT REFERENCES unit(id),
        project_id TEXT REFERENCES project(id),
        meeting_id TEXT REFERENCES meeting(id),
        household_ids TEXT NOT NULL DEFAULT '[]',
        content_hash TEXT NOT NULL,
        printed_by TEXT NOT NULL DEFAULT '',
        pages INTEGER NOT NULL DEFAULT 0"""


@migrations(name="0004_printed_documents")
def m0004_printed_documents(db: Database) -> None:
    db.execute(f"CREATE TABLE printed_document (\n    {COMMON},\n    {USER_TABLES['printed_document']}\n)")
    db.execute("CREATE UNIQUE INDEX idx_printed_serial ON printed_document(serial)")
    db.execute("CREATE INDEX idx_printed_project ON printed_document(project_id)")


USER_TABLES.update({
    "lift_plan": """project_id TEXT NOT NULL REFERENCES project(id),
        version INTEGER NOT NULL,
        position TEXT NOT NULL DEFAULT '',
        entry TEXT NOT NULL DEFAULT '',
        load_kg INTEGER NOT NULL DEFAULT 0,
        stops INTEGER NOT NULL DEFAULT 0,
        design_firm TEXT NOT NULL DEFAULT '',
        maker TEXT NOT NULL DEFAULT '',
        summary TEXT NOT NULL DEFAULT '',
        estimate_fen INTEGER NOT NULL DEFAULT 0,
        change_note TEXT NOT NULL DEFAULT '',
        material INTEGER NOT NULL DEFAULT 0,
        attachments TEXT NOT NULL DEFAULT '[]',
        on_date TEXT NOT NULL,
        recorded_by TEXT NOT NULL DEFAULT ''""",
    "funding_plan": """project_id TEXT NOT NULL REFERENCES project(id),
        total_fen INTEGER NOT NULL DEFAULT 0,
        subsidy_fen INTEGER NOT NULL DEFAULT 0,
        subsidy_status TEXT NOT NULL DEFAULT '',
        subsidy_applied_on TEXT NOT NULL DEFAULT '',
        subsidy_approved_on TEXT NOT NULL DEFAULT '',
        subsidy_credited_on TEXT NOT NULL DEFAULT '',
        maintenance_fund_fen INTEGER NOT NULL DEFAULT 0,
        provident_fund_fen INTEGER NOT NULL DEFAULT 0,
        other_fen INTEGER NOT NULL DEFAULT 0,
        other_note TEXT NOT NULL DEFAULT '',
        scheme TEXT NOT NULL DEFAULT 'guangzhou-2025',
        coefficients TEXT NOT NULL DEFAULT '{}',
        yearly_maintenance_fen INTEGER NOT NULL DEFAULT 0,
        yearly_electricity_fen INTEGER NOT NULL DEFAULT 0,
        running_scheme TEXT NOT NULL DEFAULT '',
        account_name TEXT NOT NULL DEFAULT '',
        account_bank TEXT NOT NULL DEFAULT '',
        account_no TEXT NOT NULL DEFAULT '',
        manager TEXT NOT NULL DEFAULT '',
        schedule TEXT NOT NULL DEFAULT ''""",
    "share_override": """project_id TEXT NOT NULL REFERENCES project(id),
        household_id TEXT NOT NULL REFERENCES household(id),
        amount_fen INTEGER NOT NULL,
        reason TEXT NOT NULL""",
    "cost_agreement": """project_id TEXT NOT NULL REFERENCES project(id),
        plan_version INTEGER,
        scheme_json TEXT NOT NULL,
        owners_part_fen INTEGER NOT NULL,
        shares_json TEXT NOT NULL,
        on_date TEXT NOT NULL,
        serial TEXT NOT NULL DEFAULT ''""",
    "payment": """project_id TEXT NOT NULL REFERENCES project(id),
        household_id TEXT NOT NULL REFERENCES household(id),
        amount_fen INTEGER NOT NULL,
        paid_on TEXT NOT NULL,
        receipt_no TEXT NOT NULL DEFAULT '',
        method TEXT NOT NULL DEFAULT '',
        reason TEXT NOT NULL DEFAULT '',
        recorded_by TEXT NOT NULL DEFAULT ''""",
})


@migrations(name="0012_money")
def m0012_money(db: Database) -> None:
    for table in ("lift_plan", "funding_plan", "share_override", "cost_agreement", "payment"):
        db.execute(f"CREATE TABLE {table} (\n    {COMMON},\n    {USER_TABLES[table]}\n)")
    db.execute("CREATE INDEX idx_lift_plan_project ON lift_plan(project_id, version)")
    db.execute("CREATE INDEX idx_funding_plan_project ON funding_plan(project_id)")
    db.execute("CREATE INDEX idx_share_override_project ON share_override(project_id)")
    db.execute("CREATE INDEX idx_cost_agreement_project ON cost_agreement(project_id)")
    db.execute("CREATE INDEX idx_payment_project ON payment(project_id, household_id)")
    db.execute("ALTER TABLE position ADD COLUMN plan_version INTEGER")


# A retraction withdraws an append-only fact (a position, a stage event, a diary entry, an
# attendance, a printed document, a payment) without editing it: it is itself an append-only
# fact, so it merges by union at the district. A fact's `deleted` column is a cache of "a live
# retraction targets it"; a retraction can itself be retracted (redo), see liftdesk/history/retractions.py.
USER_TABLES["retraction"] = """target_tbl TEXT NOT NULL,
        target_id TEXT NOT NULL,
        action_id TEXT,
        reason TEXT NOT NULL DEFAULT ''"""


@migrations(name="0009_undo_actions")
def m0009_undo_actions(db: Database) -> None:
    """One user action = one undo step: change-log rows carry the id of the action that wrote
    them; `user_action` is this station's undo/redo stack (local, never synced)."""
    db.execute("ALTER TABLE change_log ADD COLUMN action_id TEXT")
    db.execute("CREATE INDEX idx_change_log_action ON change_log(action_id)")
    db.execute("""CREATE TABLE user_action (
            id TEXT PRIMARY KEY,
            seq INTEGER NOT NULL,
            kind TEXT NOT NULL DEFAULT 'do',
            label_key TEXT NOT NULL,
            label_params TEXT NOT NULL DEFAULT '{}',
            unit_id TEXT,
            target TEXT,
            state TEXT NOT NULL DEFAULT 'done',
            at TEXT NOT NULL,
            station_id TEXT NOT NULL,
            actor TEXT NOT NULL DEFAULT ''
        )""")
    db.execute("CREATE INDEX idx_user_action_stack ON user_action(station_id, kind, state, seq)")
    db.execute(f"CREATE TABLE retraction (\n    {COMMON},\n    {USER_TABLES['retraction']}\n)")
    db.execute("CREATE INDEX idx_retraction_target ON retraction(target_tbl, target_id, deleted)")


@migrations(name="0010_sync")
def m0010_sync(db: Database) -> None:
    """Sync bookkeeping, local to each database (never itself synced): pinned stations, files
    seen and sent, the field versions that decide merges, open conflicts, rows held for review."""
    _run(db, """
        CREATE TABLE sync_station (
            station_id TEXT PRIMARY KEY, name TEXT NOT NULL DEFAULT '', scope TEXT NOT NULL DEFAULT '',
            sign_key TEXT NOT NULL, box_key TEXT NOT NULL, fingerprint TEXT NOT NULL,
            pinned_at TEXT NOT NULL, revoked INTEGER NOT NULL DEFAULT 0, district_hlc_seen TEXT NOT NULL DEFAULT '');
        CREATE TABLE sync_file (
            id INTEGER PRIMARY KEY, direction TEXT NOT NULL, kind TEXT NOT NULL, station_id TEXT NOT NULL,
            file_no INTEGER NOT NULL, seq_after INTEGER NOT NULL, seq_upto INTEGER NOT NULL,
            at TEXT NOT NULL, sha256 TEXT NOT NULL, counts TEXT NOT NULL DEFAULT '{}', name TEXT NOT NULL DEFAULT '');
        CREATE INDEX idx_sync_file_station ON sync_file(station_id, file_no);
        CREATE TABLE sync_range (
            station_id TEXT NOT NULL, seq_after INTEGER NOT NULL, seq_upto INTEGER NOT NULL,
            PRIMARY KEY (station_id, seq_after, seq_upto)) WITHOUT ROWID;
        CREATE TABLE sync_version (
            tbl TEXT NOT NULL, record_id TEXT NOT NULL, field TEXT NOT NULL, hlc TEXT NOT NULL,
            bases TEXT NOT NULL, value TEXT, station_id TEXT NOT NULL, at TEXT NOT NULL,
            PRIMARY KEY (tbl, record_id, field, hlc)) WITHOUT ROWID;
        CREATE TABLE sync_conflict (
            id TEXT PRIMARY KEY, tbl TEXT NOT NULL, record_id TEXT NOT NULL, field TEXT NOT NULL,
            leaves TEXT NOT NULL, opened_at TEXT NOT NULL, resolved_at TEXT, resolved_value TEXT,
            resolved_by TEXT);
        CREATE INDEX idx_sync_conflict_field ON sync_conflict(tbl, record_id, field, resolved_at);
        CREATE TABLE sync_held (
            station_id TEXT NOT NULL, seq INTEGER NOT NULL, reason TEXT NOT NULL, change TEXT NOT NULL,
            at TEXT NOT NULL, PRIMARY KEY (station_id, seq)) WITHOUT ROWID""")


@migrations(name="0140_sync_held_decisions")
def m0140_sync_held_decisions(db: Database) -> None:
    """Issue 23: a held row the district rejects stays, marked with who decided and when (a
    released row is applied and leaves; its change log carries the undo step)."""
    _run(db, """
        ALTER TABLE sync_held ADD COLUMN decided TEXT NOT NULL DEFAULT '';
        ALTER TABLE sync_held ADD COLUMN decided_at TEXT;
        ALTER TABLE sync_held ADD COLUMN decided_by TEXT""")


@migrations(name="0006_accounts")
def m0006_accounts(db: Database) -> None:
    """Station logins (station lock): local to this database, never synced, never in the change log.
    The lock settings themselves live in liftdesk_meta."""
    db.execute("""CREATE TABLE account (
        name TEXT PRIMARY KEY,
        pw_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        last_login TEXT
    )""")


@migrations(name="0011_meeting_chair_recorder")
def m0011_meeting_chair_recorder(db: Database) -> None:
    """Who chaired a meeting and who took the minutes: printed on the minutes with their signatures."""
    have = {row[1] for row in db.execute("PRAGMA table_info(meeting)").fetchall()}
    for column in ("chair", "recorder"):
        if column not in have:
            db.execute(f"ALTER TABLE meeting ADD COLUMN {column} TEXT NOT NULL DEFAULT ''")


# Pinyin search keys (gui): derived from person.name, never synced or logged. Triggers mark a person
# stale in the same transaction as any insert or rename (and drop the old keys at once, so a purged
# name leaves nothing behind); liftdesk.places.search computes stale keys before it searches.
@migrations(name="0013_search")
def m0013_search(db: Database) -> None:
    for statement in (
        "CREATE TABLE person_search (person_id TEXT PRIMARY KEY, initials TEXT NOT NULL DEFAULT '',"
        " full TEXT NOT NULL DEFAULT '') WITHOUT ROWID",
        "CREATE TABLE person_search_stale (person_id TEXT PRIMARY KEY) WITHOUT ROWID",
        "CREATE TRIGGER person_search_new AFTER INSERT ON person BEGIN"
        " INSERT OR IGNORE INTO person_search_stale (person_id) VALUES (NEW.id); END",
        "CREATE TRIGGER person_search_renamed AFTER UPDATE OF name ON person BEGIN"
        " DELETE FROM person_search WHERE person_id = NEW.id;"
        " INSERT OR IGNORE INTO person_search_stale (person_id) VALUES (NEW.id); END",
        "INSERT OR IGNORE INTO person_search_stale (person_id) SELECT id FROM person",
    ):
        db.execute(statement)


_FK_RE = re.compile(r"(\w+)\s+TEXT[^,]*?REFERENCES\s+(\w+)\(id\)")


@lru_cache(maxsize=None)
def foreign_keys(table: str) -> list[tuple[str, str]]:
    """(column, parent table) in declared order; the first non-empty one leads towards a place."""
    return _FK_RE.findall(USER_TABLES.get(table, ""))


# Issue 25: facts a district sets for itself and two household facts published templates carry.
DISTRICT_SETTING_COLUMNS = {
    "notice_days": "INTEGER NOT NULL DEFAULT 10",
    "notice_day_kind": "TEXT NOT NULL DEFAULT 'working'",
    "office_address": "TEXT NOT NULL DEFAULT ''",
    "office_phone": "TEXT NOT NULL DEFAULT ''",
    "cost_preset": "TEXT NOT NULL DEFAULT ''",
}
HOUSEHOLD_FACT_COLUMNS = {
    "occupied": "INTEGER NOT NULL DEFAULT 0",  # the lift occupies part of this flat (占用专有部分)
    "property_cert": "TEXT NOT NULL DEFAULT ''",  # 不动产权证号, optional
}


@migrations(name="0060_district_settings_household_facts")
def m0060_district_settings_household_facts(db: Database) -> None:
    """The 公示 period, the office and the cost preset per district; 占用专有部分 and 不动产权证号 per household."""
    for table, columns in (("district", DISTRICT_SETTING_COLUMNS), ("household", HOUSEHOLD_FACT_COLUMNS)):
        have = {row[1] for row in db.execute(f"PRAGMA table_info({table})").fetchall()}
        for column, declaration in columns.items():
            if column not in have:
                db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {declaration}")


# A sale (过户): the date a flat passed to new owners. Positions recorded before it are the previous
# owners' and no longer count for consent (they stay in the history). Where a flat's area came
# from (产权面积, 测绘面积 or 合同面积: the law's order), and an owner's further phone numbers.
USER_TABLES["ownership_transfer"] = """household_id TEXT NOT NULL REFERENCES household(id),
        on_date TEXT NOT NULL,
        previous TEXT NOT NULL DEFAULT '',
        reason TEXT NOT NULL DEFAULT ''"""


@migrations(name="0040_transfers_area_source")
def m0040_transfers_area_source(db: Database) -> None:
    db.execute(f"CREATE TABLE ownership_transfer (\n    {COMMON},\n    {USER_TABLES['ownership_transfer']}\n)")
    db.execute("CREATE INDEX idx_ownership_transfer ON ownership_transfer(household_id, deleted, on_date, hlc)")
    have = {row[1] for row in db.execute("PRAGMA table_info(household)").fetchall()}
    if "area_source" not in have:
        db.execute("ALTER TABLE household ADD COLUMN area_source TEXT NOT NULL DEFAULT ''")
    have = {row[1] for row in db.execute("PRAGMA table_info(person)").fetchall()}
    if "other_phones" not in have:
        db.execute("ALTER TABLE person ADD COLUMN other_phones TEXT NOT NULL DEFAULT ''")


# Serial numbers handed out (issue 20): the highest number reserved per stem (kind, day, station),
# local to this database and never synced. A batch reserves its whole range in one transaction
# before it renders, so two batches at once get disjoint ranges; numbers are integers (no 9,999
# limit, no text ordering).
@migrations(name="0030_serial_counter")
def m0030_serial_counter(db: Database) -> None:
    db.execute("CREATE TABLE IF NOT EXISTS serial_counter (stem TEXT PRIMARY KEY, last INTEGER NOT NULL)"
               " WITHOUT ROWID")


# After handover (issue 26): the lift's upkeep, its running costs and bills, objections during the
# public notice, projects that cover several units and the district's yearly targets. Every table
# but the targets holds append-only facts (withdrawn by retraction, merged by union); a target is
# a setting whose fields are edited (versioned, conflicts when two places edit it).
USER_TABLES.update({
    "upkeep_party": """project_id TEXT NOT NULL REFERENCES project(id),
        role TEXT NOT NULL,
        name TEXT NOT NULL,
        contact TEXT NOT NULL DEFAULT '',
        contract_no TEXT NOT NULL DEFAULT '',
        from_date TEXT NOT NULL,
        to_date TEXT NOT NULL DEFAULT '',
        recorded_by TEXT NOT NULL DEFAULT ''""",
    "upkeep_visit": """project_id TEXT NOT NULL REFERENCES project(id),
        on_date TEXT NOT NULL,
        company TEXT NOT NULL,
        findings TEXT NOT NULL DEFAULT '',
        recorded_by TEXT NOT NULL DEFAULT ''""",
    "upkeep_inspection": """project_id TEXT NOT NULL REFERENCES project(id),
        on_date TEXT NOT NULL,
        result TEXT NOT NULL,
        next_due TEXT NOT NULL,
        certificate_no TEXT NOT NULL DEFAULT '',
        recorded_by TEXT NOT NULL DEFAULT ''""",
    "upkeep_insurance": """project_id TEXT NOT NULL REFERENCES project(id),
        insurer TEXT NOT NULL,
        policy_no TEXT NOT NULL DEFAULT '',
        cover TEXT NOT NULL DEFAULT '',
        starts_on TEXT NOT NULL,
        ends_on TEXT NOT NULL,
        recorded_by TEXT NOT NULL DEFAULT ''""",
    "upkeep_fault": """project_id TEXT NOT NULL REFERENCES project(id),
        on_date TEXT NOT NULL,
        stopped_hours INTEGER NOT NULL DEFAULT 0,
        cause TEXT NOT NULL DEFAULT '',
        repair TEXT NOT NULL DEFAULT '',
        recorded_by TEXT NOT NULL DEFAULT ''""",
    "running_cost": """project_id TEXT NOT NULL REFERENCES project(id),
        year INTEGER NOT NULL,
        kind TEXT NOT NULL,
        amount_fen INTEGER NOT NULL,
        on_date TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        recorded_by TEXT NOT NULL DEFAULT ''""",
    "running_bill": """project_id TEXT NOT NULL REFERENCES project(id),
        household_id TEXT NOT NULL REFERENCES household(id),
        year INTEGER NOT NULL,
        amount_fen INTEGER NOT NULL,
        issued_on TEXT NOT NULL,
        recorded_by TEXT NOT NULL DEFAULT ''""",
    "running_payment": """project_id TEXT NOT NULL REFERENCES project(id),
        household_id TEXT NOT NULL REFERENCES household(id),
        year INTEGER NOT NULL,
        amount_fen INTEGER NOT NULL,
        paid_on TEXT NOT NULL,
        receipt_no TEXT NOT NULL DEFAULT '',
        method TEXT NOT NULL DEFAULT '',
        reason TEXT NOT NULL DEFAULT '',
        recorded_by TEXT NOT NULL DEFAULT ''""",
    "objection": """project_id TEXT NOT NULL REFERENCES project(id),
        household_id TEXT REFERENCES household(id),
        received_on TEXT NOT NULL,
        from_name TEXT NOT NULL,
        content TEXT NOT NULL,
        recorded_by TEXT NOT NULL DEFAULT ''""",
    "objection_step": """objection_id TEXT NOT NULL REFERENCES objection(id),
        meeting_id TEXT REFERENCES meeting(id),
        on_date TEXT NOT NULL,
        outcome TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL DEFAULT '',
        recorded_by TEXT NOT NULL DEFAULT ''""",
    "project_unit": """project_id TEXT NOT NULL REFERENCES project(id),
        unit_id TEXT NOT NULL REFERENCES unit(id)""",
    "street_target": """street_id TEXT NOT NULL REFERENCES street(id),
        year INTEGER NOT NULL,
        started INTEGER NOT NULL DEFAULT 0,
        handed_over INTEGER NOT NULL DEFAULT 0""",
})

AFTER_HANDOVER_TABLES = ("upkeep_party", "upkeep_visit", "upkeep_inspection", "upkeep_insurance", "upkeep_fault",
                         "running_cost", "running_bill", "running_payment", "objection", "objection_step",
                         "project_unit", "street_target")


@migrations(name="0070_after_handover")
def m0070_after_handover(db: Database) -> None:
    for table in AFTER_HANDOVER_TABLES:
        db.execute(f"CREATE TABLE {table} (\n    {COMMON},\n    {USER_TABLES[table]}\n)")
    for target in ("upkeep_party(project_id, role)", "upkeep_visit(project_id, on_date)",
                   "upkeep_inspection(project_id, on_date)", "upkeep_insurance(project_id, ends_on)",
                   "upkeep_fault(project_id, on_date)", "running_cost(project_id, year)",
                   "running_bill(project_id, year, household_id, deleted, amount_fen, issued_on)",
                   "running_payment(project_id, year, household_id, deleted, amount_fen)",
                   "objection(project_id)", "objection_step(objection_id)", "project_unit(unit_id)",
                   "project_unit(project_id)", "street_target(street_id, year)"):
        name = "idx_" + target.replace("(", "_").replace(", ", "_").rstrip(")")
        db.execute(f"CREATE INDEX {name} ON {target}")


@migrations(name="0020_sync_trust")
def m0020_sync_trust(db: Database) -> None:
    """Issue 19: a station is accepted by a person before its first file is applied (`accepted`,
    files waiting in `sync_pending`); a station's sequence numbers belong to an epoch (a restore or
    a copy starts a new one), so ranges and files carry it."""
    _run(db, """
        ALTER TABLE sync_station ADD COLUMN accepted INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE sync_station ADD COLUMN epoch TEXT NOT NULL DEFAULT '';
        ALTER TABLE sync_station ADD COLUMN epoch_base_hlc TEXT NOT NULL DEFAULT '';
        ALTER TABLE sync_file ADD COLUMN epoch TEXT NOT NULL DEFAULT '';
        CREATE TABLE sync_pending (
            id INTEGER PRIMARY KEY, station_id TEXT NOT NULL, data BLOB NOT NULL, sha256 TEXT NOT NULL,
            at TEXT NOT NULL);
        CREATE TABLE sync_range_epoch (
            station_id TEXT NOT NULL, epoch TEXT NOT NULL DEFAULT '', seq_after INTEGER NOT NULL,
            seq_upto INTEGER NOT NULL, PRIMARY KEY (station_id, epoch, seq_after, seq_upto)) WITHOUT ROWID;
        INSERT INTO sync_range_epoch (station_id, epoch, seq_after, seq_upto)
            SELECT station_id, '', seq_after, seq_upto FROM sync_range;
        DROP TABLE sync_range;
        ALTER TABLE sync_range_epoch RENAME TO sync_range""")


@migrations(name="0130_drop_prefix_index")
def m0130_drop_prefix_index(db: Database) -> None:
    """Issue 24: stage_event(project_id) is a prefix of stage_event(project_id, on_date), which
    serves every lookup it served; one index less to write and keep."""
    db.execute("DROP INDEX IF EXISTS idx_13_stage_event")


@lru_cache(maxsize=None)
def referencing(table: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(child table, its columns) whose foreign keys point at `table`: what hangs on one of its rows."""
    found = ((child, tuple(col for col, parent in foreign_keys(child) if parent == table)) for child in USER_TABLES)
    return tuple((child, cols) for child, cols in found if cols)


def _hex_digit(expr: str) -> str:
    return f"(instr('0123456789abcdef', {expr}) - 1)"


# Migrations after which the file is rewritten (VACUUM, store/connection.py): they free much of it.
COMPACTING = {"0110_compact_change_log", "0151_compact_stamps", "0153_log_names"}


@migrations(name="0110_compact_change_log")
def m0110_compact_change_log(db: Database) -> None:
    """Issue 24: the change log in compact rows (liftdesk/store/changelog.py says what is kept and
    why), read through a view of the old columns. An insert's content is dropped wherever the record
    and the later changes' old values give it back exactly; the rest keep theirs."""
    import json
    import logging

    from . import changelog

    log = logging.getLogger(__name__)
    stamp = "[0-9]" * 13 + "-" + "[0-9a-f]" * 4 + "-?*"
    bad = db.execute(f"SELECT count(*) FROM change_log WHERE hlc NOT GLOB '{stamp}'").fetchone()[0]
    if bad:
        raise ValueError(f"change_log: {bad} stamp(s) not in the HLC format")
    total = db.execute("SELECT count(*) FROM change_log").fetchone()[0]
    log.info("compacting the change log: %d rows", total)
    _run(db, f"""{changelog.STATION_SQL};
        {changelog.TABLE_SQL_V1};
        INSERT OR IGNORE INTO log_station (station_id) SELECT DISTINCT station_id FROM change_log;
        INSERT OR IGNORE INTO log_station (station_id) SELECT DISTINCT substr(hlc, 20) FROM change_log""")
    counter = " + ".join(f"{_hex_digit(f'substr(c.hlc, {15 + i}, 1)')} * {16 ** (3 - i)}" for i in range(4))
    db.execute(f"""INSERT INTO change_entry (seq, {changelog.COLUMNS_V1})
        SELECT c.seq, c.tbl, c.record_id, c.op, c.field, c.old, CASE WHEN c.op = 'insert' THEN NULL ELSE c.new END,
            (CAST(substr(c.hlc, 1, 13) AS INTEGER) << 16) | ({counter}),
            s.n, CASE WHEN h.n = s.n THEN NULL ELSE h.n END, c.actor, c.action_id
        FROM change_log c JOIN log_station s ON s.station_id = c.station_id
            JOIN log_station h ON h.station_id = substr(c.hlc, 20) ORDER BY c.seq""")
    log.info("compacting the change log: rows copied, checking inserts")
    for (table,) in db.execute("SELECT DISTINCT tbl FROM change_log WHERE op = 'insert'").fetchall():
        kept, done = [], 0
        rows = db.execute("SELECT seq, record_id, new FROM change_log WHERE tbl = ? AND op = 'insert' ORDER BY seq",
                          [table]).fetchall()
        for i in range(0, len(rows), 5000):
            chunk = rows[i:i + 5000]
            present = bool(db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                                      [table]).fetchone())
            contents = changelog.insert_contents(db, table, [(rid, seq) for seq, rid, _ in chunk]) if present else {}
            for seq, rid, new in chunk:
                if new is None:
                    continue
                try:
                    payload = json.loads(new)
                except ValueError:
                    payload = None
                now = contents.get(rid)
                if not (isinstance(payload, dict) and now is not None
                        and all(k in now and now[k] == v and type(now[k]) is type(v) for k, v in payload.items())):
                    kept.append((new, seq))
            done += len(chunk)
        db.conn.executemany("UPDATE change_entry SET new = ? WHERE seq = ?", kept)
        log.info("compacting the change log: %s, %d inserts, %d keep their content", table, done, len(kept))
    _run(db, f"""DROP TABLE change_log;
        {changelog.VIEW_SQL_V1};
        {';'.join(changelog.INDEX_SQL_V1)}""")


# Issue 24: search over 1.3 M people. `search_doc` holds, per person, what a search matches (name,
# phone, pinyin keys, and the one- and two-character pieces of these for queries shorter than a
# trigram); two FTS5 indexes read it as external content: `search_fts` (trigram, case-sensitive, so
# a match is exactly `instr`) and `search_gram` (the short pieces as words). A person's document is
# dropped by trigger in the same transaction as any insert, rename, new phone or delete (an erased
# name leaves the index at once) and marked stale; liftdesk.places.search writes stale documents
# again before it searches, or in the background. Derived data: never synced or logged.
def _run_whole(db: Database, sql: str) -> None:
    """Like _run, for statements that hold ";" themselves (a trigger's body): split where complete."""
    import sqlite3

    statement = ""
    for line in sql.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement.strip().rstrip(";"))
            statement = ""


@migrations(name="0120_search_index")
def m0120_search_index(db: Database) -> None:
    _run_whole(db, """
        DROP TRIGGER IF EXISTS person_search_renamed;
        DROP TABLE IF EXISTS person_search;
        CREATE TABLE search_doc (
            docid INTEGER PRIMARY KEY, person_id TEXT NOT NULL UNIQUE, name TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '', initials TEXT NOT NULL DEFAULT '', full TEXT NOT NULL DEFAULT '',
            grams TEXT NOT NULL DEFAULT '');
        CREATE VIRTUAL TABLE search_fts USING fts5(name, phone, initials, full, content='search_doc',
            content_rowid='docid', tokenize='trigram case_sensitive 1', columnsize=0);
        CREATE VIRTUAL TABLE search_gram USING fts5(grams, content='search_doc', content_rowid='docid',
            tokenize='unicode61 remove_diacritics 0', detail='none', columnsize=0);
        CREATE TRIGGER search_doc_ai AFTER INSERT ON search_doc BEGIN
            INSERT INTO search_fts (rowid, name, phone, initials, full)
                VALUES (NEW.docid, NEW.name, NEW.phone, NEW.initials, NEW.full);
            INSERT INTO search_gram (rowid, grams) VALUES (NEW.docid, NEW.grams); END;
        CREATE TRIGGER search_doc_ad AFTER DELETE ON search_doc BEGIN
            INSERT INTO search_fts (search_fts, rowid, name, phone, initials, full)
                VALUES ('delete', OLD.docid, OLD.name, OLD.phone, OLD.initials, OLD.full);
            INSERT INTO search_gram (search_gram, rowid, grams) VALUES ('delete', OLD.docid, OLD.grams); END;
        CREATE TRIGGER search_doc_au AFTER UPDATE ON search_doc BEGIN
            INSERT INTO search_fts (search_fts, rowid, name, phone, initials, full)
                VALUES ('delete', OLD.docid, OLD.name, OLD.phone, OLD.initials, OLD.full);
            INSERT INTO search_gram (search_gram, rowid, grams) VALUES ('delete', OLD.docid, OLD.grams);
            INSERT INTO search_fts (rowid, name, phone, initials, full)
                VALUES (NEW.docid, NEW.name, NEW.phone, NEW.initials, NEW.full);
            INSERT INTO search_gram (rowid, grams) VALUES (NEW.docid, NEW.grams); END;
        CREATE TRIGGER person_search_changed AFTER UPDATE OF name, phone ON person BEGIN
            DELETE FROM search_doc WHERE person_id = NEW.id;
            INSERT OR IGNORE INTO person_search_stale (person_id) VALUES (NEW.id); END;
        CREATE TRIGGER person_search_gone AFTER DELETE ON person BEGIN
            DELETE FROM search_doc WHERE person_id = OLD.id;
            DELETE FROM person_search_stale WHERE person_id = OLD.id; END;
        INSERT OR IGNORE INTO person_search_stale (person_id) SELECT id FROM person;
        CREATE TABLE search_place_stamp (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL);
        INSERT INTO search_place_stamp (id, n) VALUES (1, 0);""")
    # Every unit's address is held in memory by the search; it is read again only when a place
    # changes (not after every write: at 100,000 units that costs seconds).
    for table in ("street", "community", "estate", "building", "unit"):
        for event in ("INSERT", "UPDATE", "DELETE"):
            db.execute(f"CREATE TRIGGER search_places_{table}_{event.lower()} AFTER {event} ON {table} BEGIN"
                       " UPDATE search_place_stamp SET n = n + 1; END")


@migrations(name="0150_indexes_lead_with_parent")
def m0150_indexes_lead_with_parent(db: Database) -> None:
    """Issue 24: the covering indexes led with `deleted`, so a parent's rows (a unit's households, a
    household's owners) needed an index of their own too. Led with the parent, one index serves
    both. A person is looked up by name (reading the record anyway), never by phone (search has
    its own index): one narrow index instead of three."""
    for statement in (
            "DROP INDEX IF EXISTS idx_household_ballot",
            "CREATE INDEX idx_household_ballot ON household(unit_id, deleted, id, room, floor, area_x100, occupied)",
            "DROP INDEX IF EXISTS idx_05_household",
            "DROP INDEX IF EXISTS idx_ownership_ballot",
            "CREATE INDEX idx_ownership_ballot ON ownership(household_id, deleted, person_id)",
            "DROP INDEX IF EXISTS idx_09_ownership",
            "DROP INDEX IF EXISTS idx_person_search",
            "CREATE INDEX idx_person_search ON person(name)",
            "DROP INDEX IF EXISTS idx_07_person",
            "DROP INDEX IF EXISTS idx_08_person"):
        db.execute(statement)


@migrations(name="0151_compact_stamps")
def m0151_compact_stamps(db: Database) -> None:
    """Issue 24: every record's stamps as integers, read through generated columns
    (liftdesk/store/stamps.py). Indexes naming a stamp are dropped for the change and made again
    over the generated column, so they read as before."""
    from . import stamps

    conn = db.conn
    conn.create_function("liftdesk_moment_ms", 1, stamps.moment_ms, deterministic=True)
    conn.create_function("liftdesk_hlc_int", 1, stamps.hlc_int, deterministic=True)
    conn.create_function("liftdesk_hlc_station", 2, stamps.hlc_station, deterministic=True)
    for table in USER_TABLES:
        have = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        if "hlc_n" in have or "hlc" not in have:
            continue
        if conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is None and _compact_empty_table(conn, table):
            continue
        indexes = [(name, sql) for name, sql in conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL", [table])
            if {c for (_, _, c) in conn.execute(f"PRAGMA index_info({name})")} & set(stamps.GENERATED)]
        for name, _sql in indexes:
            conn.execute(f"DROP INDEX {name}")
        for column, kind in (("created_ms", "INTEGER"), ("hlc_n", "INTEGER"), ("hlc_station", "TEXT")):
            conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
        conn.execute(f"UPDATE {table} SET created_ms = nullif(liftdesk_moment_ms(created_at), liftdesk_hlc_int(hlc) >> 16),"
                     " hlc_n = liftdesk_hlc_int(hlc),"
                     " hlc_station = liftdesk_hlc_station(hlc, station_id)")
        for column in stamps.GENERATED:
            conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        for column, expression in stamps.GENERATED.items():
            conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} TEXT GENERATED ALWAYS AS ({expression}) VIRTUAL")
        for _name, sql in indexes:
            conn.execute(sql)


_TEXT_STAMP = re.compile(r"^\s*(?:created_at|updated_at|hlc) TEXT NOT NULL,[ \t]*\n", re.MULTILINE)


def compact_table_sql(sql: str) -> str | None:
    """An empty table's CREATE statement as 0151's ALTERs leave a full one: the text stamps out, the
    stored columns and then the generated ones last. None for a table not written as 0001 wrote it."""
    from . import stamps

    body, closing = sql.rstrip()[:-1], ")"
    stripped, removed = _TEXT_STAMP.subn("", body)
    if removed != 3:
        return None
    columns = ["created_ms INTEGER", "hlc_n INTEGER", "hlc_station TEXT"] + [
        f"{column} TEXT GENERATED ALWAYS AS ({expression}) VIRTUAL" for column, expression in stamps.GENERATED.items()]
    return stripped + ", " + ", ".join(columns) + closing


def _compact_empty_table(conn, table: str) -> bool:
    """A new database's tables are empty: made again whole, which costs a thousandth of nine ALTERs
    (each reads the whole schema again; 0.7 s for every new file). False: left for the ALTERs."""
    sql = compact_table_sql(conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                                         [table]).fetchone()[0])
    if sql is None:
        return False
    attached = [row[0] for row in conn.execute(
        "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL"
        " ORDER BY type, name", [table])]
    conn.execute(f"DROP TABLE {table}")
    conn.execute(sql)
    for statement in attached:
        conn.execute(statement)
    return True


@migrations(name="0152_narrow_indexes")
def m0152_narrow_indexes(db: Database) -> None:
    """Issue 24: indexes cut to what their queries read. No query is answered from
    idx_position_current alone any more (each reads the record too), so it keeps the columns that
    find a household's live and written records; most positions come from no meeting, and a
    household's room is looked up within its unit (idx_household_ballot) and, by search, on its
    own (idx_06_household stays)."""
    for statement in (
            "DROP INDEX IF EXISTS idx_position_current",
            "CREATE INDEX idx_position_current ON position(household_id, deleted, written)",
            "DROP INDEX IF EXISTS idx_position_meeting_id",
            "CREATE INDEX idx_position_meeting_id ON position(meeting_id) WHERE meeting_id IS NOT NULL"):
        db.execute(statement)


@migrations(name="0153_log_names")
def m0153_log_names(db: Database) -> None:
    """Issue 24: the change log's table, operation and actor as small integers into `log_name`
    (liftdesk/store/changelog.py); the view `change_log` reads as before."""
    from . import changelog

    _run(db, f"""{changelog.NAME_SQL};
        INSERT OR IGNORE INTO log_name (name) SELECT DISTINCT tbl FROM change_entry;
        INSERT OR IGNORE INTO log_name (name) SELECT DISTINCT op FROM change_entry;
        INSERT OR IGNORE INTO log_name (name) SELECT DISTINCT actor FROM change_entry WHERE actor != '';
        DROP VIEW change_log;
        ALTER TABLE change_entry RENAME TO change_entry_text;
        {changelog.TABLE_SQL};
        INSERT INTO change_entry (seq, {changelog.COLUMNS})
            SELECT c.seq, t.n, c.record_id, o.n, c.field, c.old, c.new, c.hlc, c.station, c.hlc_station, a.n, c.action_id
            FROM change_entry_text c JOIN log_name t ON t.name = c.tbl JOIN log_name o ON o.name = c.op
                LEFT JOIN log_name a ON a.name = c.actor ORDER BY c.seq;
        DROP TABLE change_entry_text;
        {changelog.VIEW_SQL};
        {';'.join(changelog.INDEX_SQL)}""")


@migrations(name="0155_log_station_index")
def m0155_log_station_index(db: Database) -> None:
    """Issue 24: the change log's index over every row's stamp (a twentieth of the file) served the
    clock's start, which now reads the highest stamp kept beside the log, and the lookups of one
    station's rows, which an index over the station (a third of the size) serves."""
    from . import changelog

    top = db.execute("SELECT hlc FROM change_log ORDER BY hlc_n DESC LIMIT 1").fetchone()
    if top is not None:
        db.execute("INSERT INTO liftdesk_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE"
                   " SET value = excluded.value", [changelog.TOP_KEY, top[0]])
    _run(db, f"""DROP INDEX IF EXISTS idx_change_entry_hlc;
        CREATE INDEX idx_change_entry_station ON change_entry(station);
        DROP VIEW change_log;
        {changelog.VIEW_SQL}""")
