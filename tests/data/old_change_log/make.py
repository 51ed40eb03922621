"""Made the files beside it with the code BEFORE migration 0110 (the old change-log layout):
run from a checkout of that code, `python tests/data/old_change_log/make.py OUT_DIR`, then gzip
district.db and station.db. A district with one street, a station enrolled to it that added,
edited, deleted and erased people and recorded positions, and the station's last file, sealed to
the district (passphrase: tests/sync_helpers.PASSPHRASE), not yet imported."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path.cwd()))

from liftdesk.consent import positions  # noqa: E402
from liftdesk.people import erasure, ownership  # noqa: E402
from liftdesk.store import records  # noqa: E402
from tests.sync_helpers import World  # noqa: E402

out = Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
w = World(out)
s = w.add_station("长庆站")
hids = w.ids["households"]
keep = ownership.add_person(s, "欧阳慧敏", "13912345678")
ownership.add_owner(s, hids[0], keep, signer=True)
records.update(s, "person", keep, {"phone": "13900000001"})
records.update(s, "person", keep, {"name": "欧阳慧"})
gone = ownership.add_person(s, "李四", "13812345678")
ownership.add_owner(s, hids[1], gone)
positions.record_position(s, hids[0], "支持")
positions.record_position(s, hids[1], "反对")
positions.record_position(s, hids[2], "支持")
records.set_deleted(s, "household", hids[3], True)
records.update(s, "household", hids[4], {"area_x100": 9000})
erasure.purge_person(s, gone)
(out / "bundle.bin").write_bytes(w.export("长庆站", all_changes=True))
w.close()
for name in ("district.db", "长庆站.db"):
    for extra in ("-wal", "-shm"):
        (out / (name + extra)).unlink(missing_ok=True)
(out / "长庆站.db").rename(out / "station.db")
