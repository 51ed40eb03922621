"""Roster import figures: an office-style .xlsx of a whole building (title, notes, footers) checked,
imported into a fresh database, imported again (nothing changes), exported. Prints; asserts nothing.

    python benchmarks/bench_roster.py [--rooms 240]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from openpyxl import Workbook  # noqa: E402

from liftdesk.io import roster  # noqa: E402
from liftdesk.store import open_store  # noqa: E402

ADDRESS = "西村街道/西湾社区/西湾东小区/西湾东1号/1单元"


def make(path: Path, rooms: int) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["西湾东1号 加装电梯业主意见统计表（2024年3月）"])
    ws.append(["社区：西湾社区", None, "填报日期：2024-03-15"])
    ws.append(["序号", "房号", "所在楼层", "建筑面积（㎡）", "产权人", "联系电话", "是否同意", "是否签字", "日期"])
    per_floor = max(1, rooms // 30)
    for n in range(rooms):
        floor, r = n // per_floor + 1, n % per_floor + 1
        name = "王芳" if n % 17 == 0 else f"业主{n}"
        ws.append([n + 1, float(f"{floor}{r:02d}"), floor, 60 + n % 20 + 0.5, f"{name}、共有人{n}",
                   f"138{n:08d}" if n % 3 else None, "同意" if n % 4 else "不同意", "是" if n % 2 else "否",
                   "2024-03-01"])
    ws.append(["合计", None, None, f"=SUM(D4:D{rooms + 3})"])
    ws.append(["制表人：张伟", None, "审核：李主任"])
    wb.save(path)
    return path


def timed(label: str, fn):
    started = time.perf_counter()
    value = fn()
    print(f"{label:<34} {(time.perf_counter() - started) * 1000:8.1f} ms")
    return value


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rooms", type=int, default=240)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        src = make(folder / "roster.xlsx", args.rooms)
        store = open_store(folder / "s.db")
        plan = timed(f"check {args.rooms} rows", lambda: roster.plan_import(src, max_floors=None))
        first = timed("import into a new unit", lambda: roster.apply_import(store, plan, ADDRESS, create=True))
        again = timed("import the same roster again", lambda: roster.apply_import(store, roster.plan_import(src),
                                                                                 ADDRESS))
        unit = roster.resolve_unit_strict(store, ADDRESS)
        timed("export the unit's roster", lambda: roster.export_roster(store, unit, folder / "out.xlsx"))
        print(first.summary())
        print(again.summary(), f"（记录意见 {again.positions} 条）")
        print(f"look-alike names listed: {len(plan.lookalikes)}")
        store.close()


if __name__ == "__main__":
    main()
