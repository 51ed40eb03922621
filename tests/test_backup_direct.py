"""#24: a backup of a database whose WAL holds no frames is compressed straight from the file under a
held read transaction (no snapshot written and read back: 4.5 GB at 15×). Writes and checkpoints by
other connections meanwhile never reach the copy; a file whose full check is current is not
checked again, only the written backup's stream; with frames in the WAL, the snapshot path runs."""

import sqlite3

import pytest

from liftdesk.errors import StoreError
from liftdesk.places import registry
from liftdesk.store import backup, checks, open_store
from liftdesk.store.sqlite_file import check_integrity


@pytest.fixture
def closed_db(db_path):
    """A small database, closed: its WAL removed by the last connection out."""
    store = open_store(db_path, actor="tester")
    district = registry.default_district(store)
    street = registry.add_street(store, district, "长庆街道")
    estate = registry.add_estate(store, registry.add_community(store, street, "王马社区"), "遥祥寺巷小区")
    for n in range(1, 4):
        unit_id = registry.add_unit(store, registry.add_building(store, estate, f"{n}幢", 6), "1单元")
        registry.quick_create_households(store, unit_id, 6, 2, "60")
    store.close()
    assert not db_path.with_name(db_path.name + "-wal").exists()
    return db_path


@pytest.fixture
def snapshots(monkeypatch):
    taken = []
    real = backup._snapshot
    monkeypatch.setattr(backup, "_snapshot", lambda *args: taken.append(args) or real(*args))
    return taken


def _households(path) -> int:
    with backup.open_backup(path) as conn:
        return conn.execute("SELECT count(*) FROM household WHERE deleted = 0").fetchone()[0]


def test_an_idle_file_is_backed_up_without_a_snapshot_and_restores(closed_db, snapshots):
    made = backup.make_backup(closed_db, "manual")
    assert snapshots == []
    backup.check_backup(made, full=True)  # in rollback mode: it deserializes into memory
    assert _households(made) == 36
    assert not [p for p in made.parent.iterdir() if p.name.endswith(".part")]
    store = open_store(closed_db, actor="tester")
    store.db.execute("UPDATE household SET deleted = 1")
    store.db.conn.commit()
    store.close()
    backup.restore(closed_db, made)
    with sqlite3.connect(closed_db) as conn:
        assert conn.execute("SELECT count(*) FROM household WHERE deleted = 0").fetchone()[0] == 36


def test_writes_and_checkpoints_during_the_copy_never_reach_it(closed_db, snapshots, monkeypatch):
    writer = sqlite3.connect(closed_db, isolation_level=None)
    real = backup._held_image

    def writes_between_chunks(source, size):  # every chunk is read after another program's commits
        image = real(source, size)

        def chunks():
            for chunk in image.chunks():
                yield chunk
                writer.execute("UPDATE household SET deleted = 1")
                writer.execute("INSERT INTO liftdesk_meta (key, value) VALUES (hex(randomblob(8)), 'x')")
                writer.execute("PRAGMA wal_checkpoint(PASSIVE)")  # may not write into the file under our reader
        return backup._Image(image.size, chunks)

    monkeypatch.setattr(backup, "CHUNK", 4096)
    monkeypatch.setattr(backup, "_held_image", writes_between_chunks)
    try:
        made = backup.make_backup(closed_db, "manual")
    finally:
        writer.close()
    assert snapshots == []
    with backup.open_backup(made) as conn:
        assert check_integrity(conn, full=True) == []
    assert _households(made) == 36  # as it was when the copy began


def test_with_frames_in_the_wal_the_snapshot_is_taken(closed_db, snapshots):
    store = open_store(closed_db, actor="tester")
    try:
        store.db.execute("INSERT INTO liftdesk_meta (key, value) VALUES ('probe', 'x')")
        store.db.conn.commit()
        made = backup.make_backup(closed_db, "manual")
    finally:
        store.close()
    assert len(snapshots) == 1
    with backup.open_backup(made) as conn:  # the write still in the WAL is in the backup
        assert conn.execute("SELECT value FROM liftdesk_meta WHERE key = 'probe'").fetchone() == ("x",)


def test_a_file_checked_as_copied_is_not_checked_again_and_a_bad_backup_is_still_refused(closed_db, monkeypatch):
    backup.check_source(closed_db)  # the full check, remembered
    integrity = []
    real_check = backup.check_integrity
    monkeypatch.setattr(backup, "check_integrity", lambda conn, full=False: integrity.append(full) or
                        real_check(conn, full))
    made = backup.make_backup(closed_db, "manual")
    assert integrity == []  # neither the file nor the written backup quick-checked: its stream is verified
    made.unlink()

    monkeypatch.setattr(checks, "checked_as", lambda *args, **kwargs: False)
    backup.make_backup(closed_db, "manual", check=False)
    assert integrity == [False]  # not checked as copied: quick_check

    real = backup._write_compressed

    def then_flipped(src, dest, seal=None):
        made = real(src, dest, seal)
        data = bytearray(made.read_bytes())
        data[len(data) // 2] ^= 0x55
        made.write_bytes(bytes(data))
        return made

    monkeypatch.undo()
    monkeypatch.setattr(backup, "_write_compressed", then_flipped)
    before = backup.list_backups(closed_db)
    with pytest.raises(StoreError) as err:
        backup.make_backup(closed_db, "manual")
    assert err.value.key == "backup.bad" and backup.list_backups(closed_db) == before


def test_the_restore_dialogs_preview_checks_and_counts_with_one_decompression(closed_db, monkeypatch):
    made = backup.make_backup(closed_db, "manual")
    opened = []
    real = backup.open_backup
    monkeypatch.setattr(backup, "open_backup", lambda path, *a: opened.append(path) or real(path, *a))
    info = backup.checked_preview(made)
    assert info["counts"]["household"] == 36 and len(opened) == 1
    bad = made.with_name(made.name.replace("manual", "other"))
    bad.write_bytes(b"(\xb5/\xfd" + b"\x00" * 100)
    with pytest.raises(StoreError) as err:
        backup.checked_preview(bad)
    assert err.value.key == "backup.bad"
