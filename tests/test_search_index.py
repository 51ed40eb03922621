"""The search index (migration 0120): the same answers as the scan it replaced, kept up to date by
triggers on every write (rename, new phone, delete, undo), and an erased name gone from the file."""

import random

import pytest

from liftdesk.history import actions, undo
from liftdesk.people import erasure, ownership
from liftdesk.places import registry, search
from liftdesk.store import open_store, records


def _scan_matches(store, person_words):
    """The search before the index (issue 24), kept as the reference: one pass over every person."""
    names = [(n, w) for n, w, columns in person_words if columns == ("name",)]
    phones = [(n, w) for n, w, columns in person_words if columns == ("phone",)]
    spelled = [(n, w) for n, w, columns in person_words if columns == ("initials", "full")]
    params = {f"w{n}": w for n, w in names + phones + spelled}
    parts = []
    conds = [(n, f"instr(name, :w{n}) > 0") for n, _ in names] + [(n, f"instr(phone, :w{n}) > 0") for n, _ in phones]
    if conds:
        mask = " + ".join(f"({c}) * {1 << n}" for n, c in conds)
        parts.append(f"SELECT id AS pid, {mask} AS mask FROM person WHERE deleted = 0 AND ("
                     + " OR ".join(c for _, c in conds) + ")")
    if spelled:
        conds = [(n, f"(instr(initials, :w{n}) > 0 OR instr(full, :w{n}) > 0)") for n, _ in spelled]
        mask = " + ".join(f"{c} * {1 << n}" for n, c in conds)
        parts.append(f"SELECT person_id AS pid, {mask} AS mask FROM search_doc WHERE "
                     + " OR ".join(c for _, c in conds))
    if not parts:
        return {}
    rows = store.db.execute(
        f"""WITH m AS ({' UNION ALL '.join(parts)})
            SELECT o.household_id, h.unit_id, h.floor, h.room, m.mask
            FROM m CROSS JOIN ownership o ON o.person_id = m.pid AND o.deleted = 0
            JOIN household h ON h.id = o.household_id AND h.deleted = 0
            JOIN person p ON p.id = m.pid AND p.deleted = 0""", params).fetchall()
    found = {}
    for household, unit, floor, room, mask in rows:
        entry = found.setdefault(household, [unit, floor, room, 0])
        entry[3] |= mask
    return found


def _queries(store):
    rng = random.Random(24)
    people = store.db.execute("SELECT p.name, p.phone FROM person p JOIN ownership o ON o.person_id = p.id"
                              " WHERE p.deleted = 0 AND o.deleted = 0 AND p.name != ''").fetchall()
    places = store.db.execute("SELECT e.name, b.name, h.room FROM household h JOIN unit u ON u.id = h.unit_id"
                              " JOIN building b ON b.id = u.building_id JOIN estate e ON e.id = b.estate_id").fetchall()
    queries = ["王", "张", "芳", "伟", "建国", "101", "602", "w", "wf", "zh", "an", "ng", "hq", "13", "1380",
               "王 101", "李 3幢", "a301", "·", "王·", "1幢 301", "王 602", "zh 1幢", "3单元", "601 602",
               "王 1380", "王 2幢 1单元", "w 13"]
    for name, phone in rng.sample(people, 12):
        initials, full = search.pinyin_keys(name)
        queries += [name, name[:1], name[1:], name[-2:], initials.split("|")[0], full.split("|")[0],
                    full.split("|")[0][:2], full.split("|")[0][2:6], initials.split("|")[0][:2].upper()]
        if phone:
            queries += [phone[-6:], phone[-4:], phone[3:5]]
    for estate, building, room in rng.sample(places, 6):
        queries += [f"{estate} {building} {room}", f"{estate}{building}{room}", f"{estate[:2]} {room}"]
    return queries


@pytest.mark.parametrize("dense", [search.DENSE, 0, 10**9, -1],
                         ids=["as-shipped", "always-walk", "never-walk", "rarest-word-first"])
def test_the_index_answers_as_the_scan_did(small_district, monkeypatch, dense):
    """Whichever way a query goes (index lookups, the walk down the tree for dense hits, or the
    households of a query's rarest word checked for the others)."""
    store = open_store(small_district)
    try:
        queries = _queries(store)
        monkeypatch.setattr(search, "DENSE", dense if dense >= 0 else 10**9)
        if dense == 0:  # the walk, however long it is
            monkeypatch.setattr(search, "WALK_MIN", 10**9)
            monkeypatch.setattr(search, "_walk_rows", lambda *args: 0)
        if dense == -1:  # the rarest word first whenever a query has several words
            monkeypatch.setattr(search, "WALK_COST", 10**6)
        indexed = [search.search_households(store, q) for q in queries]
        indexed += [search.search_households(store, q, limit=7, offset=3) for q in queries]
        monkeypatch.setattr(search, "_person_matches", _scan_matches)
        monkeypatch.setattr(search, "_driven", lambda *args: None)
        monkeypatch.setattr(search, "DENSE", 10**9)
        scanned = [search.search_households(store, q) for q in queries]
        scanned += [search.search_households(store, q, limit=7, offset=3) for q in queries]
        queries = queries * 2
        assert sum(map(len, scanned)) > 500  # the queries find plenty
        for query, got, want in zip(queries, indexed, scanned):
            assert got == want, query
    finally:
        store.close()


def _docs(store, person_id):
    search.refresh_keys(store)
    return store.db.execute("SELECT name, phone, initials FROM search_doc WHERE person_id = ?",
                            [person_id]).fetchall()


def test_every_write_of_a_person_reaches_the_index(store, unit):
    rows = registry.unit_households(store, unit)
    ownership.set_owners(store, rows[2].id, ["黄杞财"], "13812345678")
    person = store.db.execute("SELECT id FROM person WHERE name = '黄杞财'").fetchone()[0]
    assert _docs(store, person) == [("黄杞财", "13812345678", "hqc")]
    records.update(store, "person", person, {"phone": "13900002222"})
    # the old document leaves in the write's own transaction, before any search
    assert store.db.execute("SELECT count(*) FROM search_doc WHERE person_id = ?", [person]).fetchone()[0] == 0
    assert [h.room for h in search.search_households(store, "0002222")] == ["201"]
    assert search.search_households(store, "2345678") == []
    with actions.action(store, "action.edit_household", room="201", field="业主"):
        records.update(store, "person", person, {"name": "王芳"})
    assert [h.room for h in search.search_households(store, "王芳")] == ["201"]
    assert search.search_households(store, "杞财") == [] and search.search_households(store, "hqc") == []
    undo.undo(store)  # undo writes the old name back: the index follows
    assert [h.room for h in search.search_households(store, "hqc")] == ["201"]
    assert [h.room for h in search.search_households(store, "杞")] == ["201"]
    # the indexes agree with their documents (an FTS5 external-content check)
    for table in ("search_fts", "search_gram"):
        store.db.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 1)")


def test_pages_follow_one_another(small_district):
    store = open_store(small_district)
    try:
        everything = search.search_households(store, "1", limit=10_000) or search.search_households(store, "王", limit=10_000)
        assert len(everything) > 30
        pages = [search.search_households(store, "王", limit=10, offset=k) for k in range(0, 40, 10)]
        assert [h for page in pages for h in page] == search.search_households(store, "王", limit=40)
    finally:
        store.close()


def test_an_erased_name_leaves_the_index_and_the_file(tmp_path, unit, store):
    rows = registry.unit_households(store, unit)
    ownership.set_owners(store, rows[2].id, ["黄杞财"], "13812345678")
    person = store.db.execute("SELECT id FROM person WHERE name = '黄杞财'").fetchone()[0]
    assert [h.room for h in search.search_households(store, "黄杞财")] == ["201"]
    erasure.purge_person(store, person)
    assert search.search_households(store, "黄杞财") == [] and search.search_households(store, "hqc") == []
    assert search.search_households(store, "杞") == [] and search.search_households(store, "2345678") == []
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = store.path.read_bytes()
    for secret in ("黄杞财", "杞财", "13812345678", "huangqicai"):
        assert secret.encode() not in raw, secret


@pytest.mark.parametrize("query", ["", "  "])
def test_an_empty_query_finds_nothing(store, query):
    assert search.search_households(store, query) == []


def test_an_erasure_that_arrived_by_sync_leaves_the_index_too(unit, store):
    rows = registry.unit_households(store, unit)
    ownership.set_owners(store, rows[2].id, ["黄杞财"], "13812345678")
    person = store.db.execute("SELECT id FROM person WHERE name = '黄杞财'").fetchone()[0]
    assert [h.room for h in search.search_households(store, "黄杞财")] == ["201"]
    store.db.execute("PRAGMA secure_delete = ON")  # as the import does for a file that carries a purge
    with store.db.atomic():
        erasure.erase_arrived(store, [person])
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert "黄杞财".encode() not in store.path.read_bytes()


def test_a_restored_backup_keeps_a_working_index(store, unit, db_path, tmp_path):
    """Restoring drops and recreates every table: the index's own tables come back with it."""
    import subprocess
    import sys

    from .conftest import ROOT

    rows = registry.unit_households(store, unit)
    ownership.set_owners(store, rows[2].id, ["黄杞财"], "13812345678")
    assert [h.room for h in search.search_households(store, "hqc")] == ["201"]
    store.close()
    env = {"HOME": str(tmp_path), "LIFTDESK_DATA_DIR": str(tmp_path / "data"), "PATH": "/usr/bin:/bin"}
    cli = [sys.executable, str(ROOT / "main.py"), "--db", str(db_path)]
    assert subprocess.run([*cli, "backup", "-o", str(tmp_path / "copy.db")], env=env, cwd=ROOT).returncode == 0
    later = open_store(db_path)
    ownership.set_owners(later, rows[3].id, ["王芳"], "")
    search.refresh_keys(later)
    later.close()
    out = subprocess.run([*cli, "restore", str(tmp_path / "copy.db")], env=env, cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    restored = open_store(db_path)
    try:
        assert [h.room for h in search.search_households(restored, "hqc")] == ["201"]
        assert search.search_households(restored, "王芳") == []
        for table in ("search_fts", "search_gram"):
            restored.db.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 1)")
    finally:
        restored.close()


def test_addresses_are_read_again_when_a_place_changes_and_only_then(store, unit, db_path):
    assert len(search.search_households(store, "遥祥寺巷小区")) == 12
    cached = search._units(store)
    ownership.set_owners(store, registry.unit_households(store, unit)[0].id, ["王芳"], "")
    assert search._units(store) is cached  # a household's write leaves the addresses as they were
    other = open_store(db_path)  # another connection (the app's, while the search thread reads)
    try:
        estate = other.db.execute("SELECT id FROM estate").fetchone()[0]
        records.update(other, "estate", estate, {"name": "新桥小区"})
    finally:
        other.close()
    assert search.search_households(store, "遥祥寺巷小区") == []
    assert len(search.search_households(store, "新桥小区")) == 12


@pytest.mark.parametrize("dense", [0, 10**9], ids=["walk", "index"])
def test_a_deleted_owner_is_not_found_either_way(store, unit, monkeypatch, dense):
    """The walk finds owners by their documents and checks the person only for its candidates:
    a person marked deleted (with the ownership left) is found by neither way."""
    rows = registry.unit_households(store, unit)
    ownership.set_owners(store, rows[2].id, ["黄杞财"], "13812345678")
    person = store.db.execute("SELECT id FROM person WHERE name = '黄杞财'").fetchone()[0]
    monkeypatch.setattr(search, "DENSE", dense)
    monkeypatch.setattr(search, "_walk_rows", lambda *args: 0)
    assert [h.room for h in search.search_households(store, "hq")] == ["201"]
    records.set_deleted(store, "person", person, True)
    assert search.search_households(store, "hq") == [] and search.search_households(store, "黄杞财") == []
