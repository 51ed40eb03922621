"""Every refused file: a clear Chinese error from the catalogue, and the database unchanged."""

from __future__ import annotations

import io
import json
import tarfile
import zipfile
import zlib

import pytest

from liftdesk.places import registry
from liftdesk.people import ownership
from liftdesk.errors import LiftDeskError
from liftdesk.i18n import t
from liftdesk.store import open_store
from liftdesk.sync import bundle, crypto, enrol, exchange, ledger, receipts, status
from liftdesk.sync.held import list_held, release_held, station_keys

from tests.sync_helpers import World, forge, snapshot


@pytest.fixture
def world(tmp_path):
    w = World(tmp_path)
    s = w.add_station("长庆站")
    hid = w.ids["households"][0]
    registry.update_household(s, hid, "area", "65")
    ownership.add_owner(s, hid, ownership.add_person(s, "王芳", "13812345678"))
    yield w
    w.close()


def refused(world, data: bytes, key: str | None = None, store=None, fn=None):
    store = store or world.district
    before = snapshot(store)
    with pytest.raises(LiftDeskError) as info:
        (fn or (lambda d: world.deliver(d)))(data)
    assert snapshot(store) == before
    if key:
        assert info.value.key == key
    text = str(info.value)
    assert "数据库未作任何修改" in text or info.value.key in ("sync.bad_passphrase",), text
    return info.value


def test_good_file_applies(world):
    result = world.deliver(world.export("长庆站"))
    assert result.counts.as_json() == {"new": 2, "updated": 1, "conflicts": 0, "held": 0, "rejected": 0}


def test_truncated_file(world):
    data = world.export("长庆站")
    for n in (0, 5, 10, 40, len(data) // 2, len(data) - 1):
        err = refused(world, data[:n])
        assert err.key in ("sync.truncated", "sync.not_a_file", "sync.damaged")
    assert refused(world, data[:len(data) - 20]).key == "sync.truncated"  # the stored size notices


def test_one_flipped_byte_anywhere(world):
    data = world.export("长庆站")
    head = len(bundle.read_header(data)[1])
    positions = list(range(0, head)) + list(range(head, len(data), max(1, (len(data) - head) // 150)))
    positions.append(len(data) - 1)
    before = snapshot(world.district)
    for pos in positions:
        bad = bytearray(data)
        bad[pos] ^= 0x01
        with pytest.raises(LiftDeskError):
            world.deliver(bytes(bad))
    assert snapshot(world.district) == before
    world.deliver(data)  # the intact file still applies


def test_flipped_byte_in_plaintext_bundle(world):
    data = world.export("长庆站", plaintext=True)
    head = len(bundle.read_header(data)[1])
    for pos in (head + 3, head + 70, len(data) - 5):
        bad = bytearray(data)
        bad[pos] ^= 0x10
        assert refused(world, bytes(bad)).key in ("sync.bad_signature", "sync.checksum", "sync.damaged")


def test_bundle_for_another_districts_key(world, tmp_path):
    other = open_store(tmp_path / "other.db")
    other_public, _ = enrol.district_init(other, "another passphrase")
    other_keys = enrol.district_keys(other, "another passphrase")
    data = world.export("长庆站")
    before = snapshot(other)
    with pytest.raises(LiftDeskError) as info:
        exchange.import_bundle(other, data, other_keys)
    assert info.value.key == "sync.other_district" and snapshot(other) == before
    assert "另一个区" in str(info.value)
    other.close()


def test_replayed_bundle_from_another_district(world, tmp_path):
    """District B opens a station's file meant for it and re-seals it to district A: the signed
    manifest still names B, so A refuses."""
    other = open_store(tmp_path / "other.db")
    other_public, _ = enrol.district_init(other, "another passphrase")
    other_keys = enrol.district_keys(other, "another passphrase")
    st = open_store(tmp_path / "b-station.db")
    enrol.station_init(st, "B站", other_public)
    ownership.add_person(st, "李四", "13700000000")
    data = exchange.export_bundle(st).data
    header, head, body = bundle.read_header(data)
    inner = crypto.decrypt(crypto.open_key(other_keys.box_private, bytes.fromhex(header["epk"])),
                           bytes.fromhex(header["nonce"]), body, head)
    epk, key = crypto.seal_key(world.public.box_public)
    header = dict(header, recipient=world.public.key_id, epk=epk.hex(), nonce="00" * 12)
    new_head = bundle._head(header)
    forged = bundle.finish(new_head, crypto.encrypt(key, bytes(12), inner, new_head))
    assert refused(world, forged, "sync.replayed")
    st.close()
    other.close()


def test_unknown_key_signature(world):
    """A file that names the pinned station's key but was signed by another key."""
    s = world.stations["长庆站"]
    me = enrol.station_identity(s)
    impostor = crypto.KeyPair.generate()
    m = {"district_key": world.public.key_id, "station": me.manifest(), "file_no": 5, "seq_after": 0,
         "seq_upto": 0, "counts": {}, "changes": 0, "created_at": "x", "district_hlc_seen": ""}
    data = bundle.pack("bundle", m, {"changes": []}, impostor, world.public.box_public, world.public.key_id)
    assert refused(world, data, "sync.bad_signature")


def test_changed_station_key(world, tmp_path):
    s = world.stations["长庆站"]
    me = enrol.station_identity(s)
    new = crypto.KeyPair.generate()
    station = dict(me.manifest(), sign_key=new.sign_public.hex(), box_key=new.box_public.hex())
    m = {"district_key": world.public.key_id, "station": station, "file_no": 5, "seq_after": 0,
         "seq_upto": 0, "counts": {}, "changes": 0, "created_at": "x", "district_hlc_seen": ""}
    data = bundle.pack("bundle", m, {"changes": []}, new, world.public.box_public, world.public.key_id)
    err = refused(world, data, "sync.station_key_changed")
    assert "指纹" in str(err)


def test_revoked_station(world):
    data = world.export("长庆站")
    enrol.revoke(world.district, world.stations["长庆站"].station_id)
    assert "已被撤销" in str(refused(world, data, "sync.station_revoked"))


def test_newer_format_version(world):
    data = world.export("长庆站", plaintext=True)
    header, head, body = bundle.read_header(data)
    header["format"] = bundle.FORMAT + 1
    header["manifest"]["format"] = bundle.FORMAT + 1
    err = refused(world, bundle.finish(bundle._head(header), body), "sync.newer_format")
    assert "升级" in str(err)


@pytest.mark.parametrize("kind", ["zip", "tar"])
def test_archives_with_escaping_paths_are_not_bundles(world, tmp_path, kind):
    """The format has no archive entries at all; an archive (with ../ or absolute names) is
    refused before anything is read, and nothing is written anywhere."""
    buf = io.BytesIO()
    if kind == "zip":
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr("../../evil.txt", "x")
            z.writestr("/tmp/abs-evil.txt", "x")
    else:
        with tarfile.open(fileobj=buf, mode="w") as tf:
            for name in ("../../evil.txt", "/tmp/abs-evil.txt"):
                info = tarfile.TarInfo(name)
                info.size = 1
                tf.addfile(info, io.BytesIO(b"x"))
    listing = sorted(p.name for p in tmp_path.parent.iterdir())
    assert refused(world, buf.getvalue(), "sync.not_a_file")
    assert sorted(p.name for p in tmp_path.parent.iterdir()) == listing


def _bomb(world, declared: int | None) -> bytes:
    s = world.stations["长庆站"]
    me = enrol.station_identity(s)
    comp = zlib.compressobj(9)
    chunks = [comp.compress(b'{"changes":[')]
    block = b" " * (1 << 20)
    for _ in range(300):  # 300 MiB of spaces, ~300 KiB compressed
        chunks.append(comp.compress(block))
    chunks.append(comp.compress(b"]}") + comp.flush())
    compressed = b"".join(chunks)
    import hashlib
    m = {"district_key": world.public.key_id, "station": me.manifest(), "file_no": 5, "seq_after": 0,
         "seq_upto": 0, "counts": {}, "changes": 0, "created_at": "x", "district_hlc_seen": "", "format": 1,
         "kind": "bundle", "raw_size": declared, "raw_sha256": "0" * 64, "compressed_size": len(compressed),
         "compressed_sha256": hashlib.sha256(compressed).hexdigest()}
    inner = me.keys.sign(bundle.canonical(m)) + compressed
    header = {"format": 1, "kind": "bundle", "recipient": world.public.key_id, "sealed": False, "manifest": m}
    return bundle.finish(bundle._head(header, len(inner)), inner)


def test_decompression_bomb_is_capped(world):
    import resource
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert refused(world, _bomb(world, 4096), "sync.too_large")      # lies about its size: stops at 4 KiB
    assert refused(world, _bomb(world, 300 << 20), "sync.too_large")  # tells the truth: refused unread
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 200_000  # KiB: never inflated


def test_rows_referencing_missing_parents(world):
    s = world.stations["长庆站"]
    hlc = s.clock.tick()
    row = [1000, "household", "0190aaaa-0000-7000-8000-000000000001", "insert", None, None,
           json.dumps({"unit_id": "0190aaaa-0000-7000-8000-0000000000ff", "room": "101", "floor": 1, "area_x100": 6000, "occupancy": "owner"}),
           "2026-01-01T00:00:00.000Z", hlc, s.station_id, "x", None, []]
    err = refused(world, forge(s, [row], world.public), "sync.missing_parent")
    assert "上级记录" in str(err)


def test_same_id_different_content_same_clock(world):
    s = world.stations["长庆站"]
    data = world.export("长庆站")
    world.deliver(data)
    opened = exchange.open_bundle(world.district, data, world.keys)
    rows = opened.payload["changes"]
    insert = next(r for r in rows if r[3] == "insert" and r[1] == "person")
    values = json.loads(insert[6])
    values["name"] = "别人"
    insert[6] = json.dumps(values, ensure_ascii=False)
    insert[0] = 9000  # beyond what was received, so it is compared, not skipped
    err = refused(world, forge(s, [insert], world.public, file_no=50), "sync.same_clock_differs")
    assert "同一时钟" in str(err)


def test_wrong_passphrase(world, tmp_path, capsys):
    with pytest.raises(LiftDeskError) as info:
        enrol.district_keys(world.district, "not the passphrase")
    assert info.value.key == "sync.bad_passphrase" and "口令不对" in str(info.value)
    path = tmp_path / "b.liftsync"
    path.write_bytes(world.export("长庆站"))
    (tmp_path / "wrong.txt").write_text("nope nope nope", encoding="utf-8")
    (tmp_path / "wrong.txt").chmod(0o600)
    world.district.close()
    before = snapshot(open_store(tmp_path / "district.db"))
    from liftdesk.cli.main import main
    assert main(["--db", str(tmp_path / "district.db"), "import", str(path), "--passphrase-file",
                 str(tmp_path / "wrong.txt"), "--json"]) == 2
    assert "口令不对" in capsys.readouterr().err
    world.district = open_store(tmp_path / "district.db")
    assert snapshot(world.district) == before


def test_receipt_for_another_station(world):
    other = world.add_station("米市巷站", scope="米市巷街道")
    data, _ = receipts.make_receipt(world.district, world.stations["长庆站"].station_id)
    err = refused(world, data, "sync.other_station", store=other, fn=lambda d: receipts.apply_receipt(other, d))
    assert "另一个工作站" in str(err)


def test_out_of_scope_rows_are_held(world):
    s = world.stations["长庆站"]
    # a station writes into a street that is not its own: held for review, not applied
    oc = world.ids["other_community"]
    # (the station does not have that street; a forged row names it)
    hlc = s.clock.tick()
    row = [5000, "estate", "0190aaaa-0000-7000-8000-0000000000e1", "insert", None, None,
           json.dumps({"community_id": oc, "name": "越界小区"}, ensure_ascii=False),
           "2026-01-01T00:00:00.000Z", hlc, s.station_id, "x", None, []]
    result = world.deliver(forge(s, [row], world.public, file_no=60))
    assert result.counts.held == 1 and result.counts.new == 0
    assert world.district.db.execute("SELECT count(*) FROM estate WHERE name = '越界小区'").fetchone()[0] == 0
    assert status.stations(world.district)[0]["held"] == 1
    held = list_held(world.district)
    assert [(h["table"], h["reason"], h["op"]) for h in held] == [("estate", "scope", "insert")]
    # a person reviews it and lets it in
    counts = release_held(world.district, station_keys(world.district, s.station_id))
    assert counts.new == 1 and list_held(world.district) == []
    assert world.district.db.execute("SELECT count(*) FROM estate WHERE name = '越界小区'").fetchone()[0] == 1
    with pytest.raises(LiftDeskError):
        station_keys(world.district, s.station_id)


def test_catalogue_has_english_for_every_sync_message():
    from liftdesk.i18n.catalogue.sync import MESSAGES as SYNC_MESSAGES
    for key, entry in SYNC_MESSAGES.items():
        assert entry["zh"] and entry["en"], key
        assert t(key, **{k: 1 for k in ("n", "found", "supported", "kind", "name", "station", "pinned", "table",
                                         "id", "column", "path", "role", "value", "field", "new", "updated",
                                         "conflicts", "held", "rejected", "fingerprint", "file_no", "keyfile",
                                         "sheet", "changes", "size", "ack", "reason", "counts", "what", "old", "scope",
                                         "place", "room", "person", "household", "who", "area", "phone", "row",
                                         "detail", "other")})


def test_unwritable_target_and_missing_file(world, tmp_path, capsys):
    station = world.stations["长庆站"]
    with pytest.raises(LiftDeskError) as info:
        exchange.export_bundle(station, tmp_path / "no-such-folder" / "x.liftsync")
    assert info.value.key == "sync.cannot_write" and "换一个文件夹" in str(info.value)
    with pytest.raises(LiftDeskError) as info:
        ledger.read_file(tmp_path / "missing.liftsync")
    assert info.value.key == "sync.file_missing"
