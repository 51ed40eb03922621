"""A merge never runs without its backup: the district copies its file before a station's file,
a release of held rows or a receipt changes anything, and a copy that cannot be made stops the
merge with the store's refusal (round two skipped it silently if the helper was ever renamed)."""

from __future__ import annotations

import pytest

from liftdesk.errors import StoreError
from liftdesk.people import ownership
from liftdesk.store import backup
from liftdesk.sync import receipts

from tests.sync_helpers import World, snapshot


def _station_with_a_change(tmp_path):
    w = World(tmp_path)
    s = w.add_station("长庆站")
    ownership.add_owner(s, w.ids["households"][0], ownership.add_person(s, "张三", "13912345678"))
    return w, w.export("长庆站")


def test_an_import_makes_its_backup_first(tmp_path, monkeypatch):
    monkeypatch.setattr(backup, "BATCHED", {})  # every import its own backup (a batch shares one: test_backup_zstd)
    w, data = _station_with_a_change(tmp_path)
    before = {b.path for b in backup.list_backups(w.district.path)}
    w.deliver(data)
    made = [b for b in backup.list_backups(w.district.path) if b.path not in before]
    assert [b.path.name.endswith("-sync-import.db.zst") for b in made] == [True]
    w.close()


def test_no_backup_no_merge(tmp_path, monkeypatch):
    w, data = _station_with_a_change(tmp_path)
    before = snapshot(w.district)

    def refuse(store, reason):
        raise StoreError("backup.cannot_write", path="backups", reason="disk full")

    monkeypatch.setattr(backup, "backup_before", refuse)
    with pytest.raises(StoreError):
        w.deliver(data)
    assert snapshot(w.district) == before
    data_receipt, _ = receipts.make_receipt(w.district, w.stations["长庆站"].station_id)
    station_before = snapshot(w.stations["长庆站"])
    with pytest.raises(StoreError):
        receipts.apply_receipt(w.stations["长庆站"], data_receipt)
    assert snapshot(w.stations["长庆站"]) == station_before
    w.close()


def test_a_backup_folder_that_cannot_be_written_stops_the_import(tmp_path):
    w, data = _station_with_a_change(tmp_path)
    folder = backup.backup_folder(w.district.path)
    if folder.exists():
        for f in folder.iterdir():
            f.unlink()
        folder.rmdir()
    folder.write_text("a file where the backup folder should be")
    before = snapshot(w.district)
    with pytest.raises(StoreError):
        w.deliver(data)
    assert snapshot(w.district) == before
    w.close()
