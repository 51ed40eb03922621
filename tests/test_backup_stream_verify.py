"""A backup larger than MEMORY_VERIFY_LIMIT (#24: 15× city) is verified without writing it back to
disk: the snapshot is quick-checked before it is removed and the .zst is decompressed into nothing
(frame checksum, length, SQLite header). A corrupted or truncated backup is still refused and
removed. The limit is made tiny so the small fixture takes the large-file path."""

import pytest

from liftdesk.errors import StoreError
from liftdesk.store import backup, checks


@pytest.fixture
def large(monkeypatch):
    monkeypatch.setattr(backup, "MEMORY_VERIFY_LIMIT", 1)
    streamed = []
    real = backup._verify_stream
    monkeypatch.setattr(backup, "_verify_stream", lambda *a: streamed.append(a[0]) or real(*a))
    return streamed


def _flip_middle(path):
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x55
    path.write_bytes(bytes(data))


def _truncate(path):
    path.write_bytes(path.read_bytes()[:-7])


def _damage_snapshot(path):  # the bytes compressed were sound; the snapshot's check must still run (when
    # the source was not checked in full exactly as it was copied: see the test below)
    snap = next(p for p in path.parent.iterdir() if ".snapshot." in p.name)
    data = bytearray(snap.read_bytes())
    data[4096:8192] = b"\xff" * 4096
    snap.write_bytes(bytes(data))


def test_a_large_backup_is_verified_streamed_and_restores(store, unit, db_path, large):
    made = backup.make_backup(db_path, "manual")
    assert large == [made]
    assert not [p for p in made.parent.iterdir() if p.name.endswith(".part")]
    assert backup.preview(made)["counts"]["unit"] == 1


@pytest.mark.parametrize("damage", [_flip_middle, _truncate, _damage_snapshot])
def test_a_corrupted_large_backup_is_refused_and_removed(store, unit, db_path, large, monkeypatch, damage):
    real = backup._write_compressed

    def then_damaged(src, dest, seal=None):
        made = real(src, dest, seal)
        damage(made)
        return made

    monkeypatch.setattr(backup, "_write_compressed", then_damaged)
    if damage is _damage_snapshot:
        monkeypatch.setattr(checks, "checked_as", lambda *args, **kwargs: False)
    with pytest.raises(StoreError) as err:
        backup.make_backup(db_path, "manual")
    assert err.value.key == "backup.bad" and backup.list_backups(db_path) == []
    assert not [p for p in backup.backup_folder(db_path).iterdir() if p.name.endswith(".part")]


def test_the_cli_backup_of_a_large_file_is_refused_when_corrupted(store, unit, db_path, large, monkeypatch,
                                                                  tmp_path):
    real = backup._write_compressed
    monkeypatch.setattr(backup, "_write_compressed",
                        lambda src, dest, seal=None: (_flip_middle(real(src, dest, seal)), dest)[1])
    target = tmp_path / "out.db.zst"
    with pytest.raises(StoreError):
        backup.write_backup(db_path, target, verify=True)
    assert not target.exists()
