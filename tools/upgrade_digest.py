"""A digest of what a database holds, for comparing a file before and after a schema upgrade
(issue 24's compact change log): every user table's live and deleted row counts, every unit's
verdict (status and totals), the district's yearly report and the history count.

Run it with the code whose view you want (old checkout or new) from that checkout's folder:

    python tools/upgrade_digest.py FILE.db > digest.json

Read-only: the file is opened as the CLI's read-only commands open it.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path.cwd()))

from liftdesk.consent import evaluation  # noqa: E402
from liftdesk.reports import stats  # noqa: E402
from liftdesk.store import open_store  # noqa: E402
from liftdesk.store.schema import USER_TABLES  # noqa: E402


def digest(path: Path) -> dict:
    store = open_store(path, create=False, readonly=True)
    try:
        db = store.db
        counts = {t: db.execute(f"SELECT deleted, count(*) FROM {t} GROUP BY deleted ORDER BY deleted").fetchall()
                  for t in sorted(USER_TABLES)}
        units = [r[0] for r in db.execute("SELECT id FROM unit WHERE deleted = 0 ORDER BY id")]
        verdicts = hashlib.sha256()
        statuses: dict[str, int] = {}
        for uid in units:
            v = evaluation.unit_verdict(store, uid)
            key = "passed" if v.passed else "achievable" if v.achievable else "not achievable"
            verdicts.update(json.dumps([uid, v.passed, v.achievable, sorted(v.totals.items())]).encode())
            statuses[key] = statuses.get(key, 0) + 1
        table = stats.yearly_table(store, "handover").as_json()
        history = db.execute("SELECT count(*) FROM change_log").fetchone()[0]
        return {"counts": {t: [list(r) for r in c] for t, c in counts.items()}, "units": len(units),
                "verdict_statuses": statuses, "verdicts_sha256": verdicts.hexdigest(),
                "report_sha256": hashlib.sha256(json.dumps(table, sort_keys=True).encode()).hexdigest(),
                "change_log_rows": history}
    finally:
        store.close()


if __name__ == "__main__":
    print(json.dumps(digest(Path(sys.argv[1])), ensure_ascii=False, indent=1, sort_keys=True))
