"""Backups that cost seconds (#24 item 3): compressed with zstd, verified in memory, a full check
only when the source changed since it was last checked, one per sync import batch, retention by
count and total size; restore reads new .db.zst and old plain .db backups."""

from datetime import datetime, timedelta, timezone

import pytest

from liftdesk.errors import StoreError
from liftdesk.places import places, registry
from liftdesk.store import backup, checks, open_store


def test_a_backup_is_compressed_verified_and_restores_like_an_old_plain_one(store, unit, db_path, tmp_path):
    made = backup.make_backup(db_path, "manual")
    assert made.name.endswith(".db.zst")
    assert not [p for p in made.parent.iterdir() if p.name.endswith(".part")]  # no snapshot left behind
    with backup.open_backup(made) as conn:  # decompressed into memory
        assert conn.execute("SELECT count(*) FROM household").fetchone()[0] == 12
    old = backup._decompress_to(made, made.with_name("station-20200101T000000000000Z-manual.db"))
    assert made.stat().st_size * 3 < old.stat().st_size  # compressed
    building = store.db.execute("SELECT id FROM building").fetchone()[0]
    registry.add_unit(store, building, "2单元")
    store.close()
    for source in (made, old):
        assert backup.preview(source)["counts"]["unit"] == 1
        backup.restore(db_path, source)
        again = open_store(db_path)
        assert places.counts(again)["units"] == 1
        registry.add_unit(again, building, "2单元")
        again.close()


def test_the_source_is_checked_in_full_only_when_it_changed_since_its_last_check(store, unit, db_path,
                                                                                monkeypatch):
    ran = []
    real = checks.run_check
    monkeypatch.setattr(checks, "run_check", lambda path, full: ran.append(full) or real(path, full))
    backup.make_backup(db_path, "manual")
    backup.make_backup(db_path, "manual")
    assert ran == [True]  # the second found the file as checked
    registry.add_unit(store, store.db.execute("SELECT id FROM building").fetchone()[0], "2单元")
    backup.make_backup(db_path, "manual")
    assert ran == [True, True]


def test_a_damaged_source_or_a_bad_backup_leaves_no_backup(store, unit, db_path, monkeypatch):
    monkeypatch.setattr(checks, "run_check", lambda path, full: ["page 3: broken"])
    with pytest.raises(StoreError) as err:
        backup.make_backup(db_path, "manual")
    assert err.value.key == "backup.source_damaged" and backup.list_backups(db_path) == []
    monkeypatch.undo()

    def garbage(src, dest, seal=None):  # a compressor that writes nonsense: the verification must catch it
        dest.write_bytes(b"(\xb5/\xfd" + b"\x00" * 100)
        return dest

    monkeypatch.setattr(backup, "_write_compressed", garbage)
    with pytest.raises(StoreError) as err:
        backup.make_backup(db_path, "manual")
    assert err.value.key == "backup.bad" and backup.list_backups(db_path) == []


def test_one_backup_a_day_and_one_per_sync_import_batch(store, unit, db_path):
    assert backup.backup_if_due(db_path) is not None
    assert backup.backup_if_due(db_path) is None
    assert backup.backup_before(store, "sync-import") is not None
    assert backup.backup_before(store, "sync-import") is None  # the same batch
    assert backup.backup_before(store, "import") is not None  # a roster import: always its own
    assert backup.backup_before(store, "import") is not None
    later = datetime.now(timezone.utc) + backup.BATCH_WINDOW + timedelta(minutes=1)
    assert not any(b.taken_at > later for b in backup.list_backups(db_path))


def test_retention_keeps_the_total_under_the_size_cap_and_the_newest_always(store, unit, db_path):
    start = datetime(2026, 1, 1, 9, tzinfo=timezone.utc)
    one = backup.make_backup(db_path, "daily", now=start).stat().st_size
    for day in range(1, 40):
        backup.make_backup(db_path, "daily", now=start + timedelta(days=day), keep=10)
    folder = backup.backup_folder(db_path)
    kept = backup.list_backups(db_path, [folder])
    assert len(kept) > 10  # recent, and a day, week and month further back
    cap = one * 5 + one // 2
    backup.thin(db_path, folder, keep=10, max_bytes=cap)
    kept = backup.list_backups(db_path, [folder])
    assert sum(b.path.stat().st_size for b in kept) <= cap and len(kept) == 5
    assert kept[0].taken_at == start + timedelta(days=39)  # the newest
    backup.thin(db_path, folder, keep=10, max_bytes=1)
    assert [b.taken_at for b in backup.list_backups(db_path, [folder])] == [start + timedelta(days=39)]


def test_the_size_cap_is_a_setting_the_backup_dialog_changes(qtbot, store, unit, db_path):

    from liftdesk.common.settings import Settings
    from ui.app import init_app
    from ui.dialogs.backup_dialog import BackupDialog

    init_app("zh", 12)
    settings = Settings()
    assert settings.get("backup_max_mb") == 2048  # 2 GB by default
    dialog = BackupDialog(store, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.max_size.value() == 2
    dialog.max_size.setFocus()
    dialog.max_size.lineEdit().selectAll()
    qtbot.keyClicks(dialog.max_size.lineEdit(), "5")  # typed: the setting follows each key
    assert Settings().get("backup_max_mb") == 5 * 1024
