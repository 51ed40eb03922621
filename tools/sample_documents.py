"""Render one of each document kind for a 12-household unit with a co-owned flat, and a PNG of
each kind's first page into docs/documents/ (pdftoppm). Used to look at the layouts.

    python tools/sample_documents.py [OUT_FOLDER]
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ["LIFTDESK_DATA_DIR"] = tempfile.mkdtemp()  # the sample's settings never touch the user's

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from liftdesk.projects import meetings, projects
from liftdesk.consent import positions
from liftdesk.places import registry  # noqa: E402
from liftdesk.documents import generate  # noqa: E402
from liftdesk.store import open_store  # noqa: E402

ADDRESS = "长庆街道/王马社区/遥祥寺巷小区/6幢/1单元"
NAMES = ["黄杞财", "李美玲", "王堃", "张喆", "陈㐀华", "赵丽", "孙强", "周敏", "吴伟", "郑洁", "冯涛", "欧阳明月"]


def sample_unit(store, households: int = 12) -> dict:
    district = registry.default_district(store)
    street = registry.add_street(store, district, "长庆街道")
    community = registry.add_community(store, street, "王马社区")
    estate = registry.add_estate(store, community, "遥祥寺巷小区")
    building = registry.add_building(store, estate, "6幢", 7)
    unit = registry.add_unit(store, building, "1单元")
    registry.quick_create_households(store, unit, households // 2, 2, "60")
    rows = registry.unit_households(store, unit)
    for n, row in enumerate(rows):
        names = [NAMES[n % len(NAMES)]] + (["刘秀英"] if n == 3 else [])  # 202 is co-owned
        registry.set_owners(store, row.id, names, f"0571-8{n:03d}{row.room}"[:13] if n % 3 == 0 else f"1381234{row.room}0"[:11])
    for row in rows[:9]:
        positions.record_position(store, row.id, "支持", on_date="2026-03-01", written=True, form_no="F")
    project = projects.create_project(store, unit)
    projects.record_stage(store, project, "survey", "2026-01-05")
    meeting = meetings.add_meeting(store, project, "vote", "2026-03-01 19:00", "2026-03-01 20:30", "社区会议室",
                                   "业主表决加装方案", ["方案介绍", "费用分摊", "表决"], "业主充分讨论", "同意平层入户方案",
                                   chair="王组长", recorder="李社工")
    for row, choice in zip(rows[:5], ("support", "support", "support", "oppose", "abstain")):
        positions.record_position(store, row.id, choice, on_date="2026-03-01", method="meeting", meeting_id=meeting)
    for row in rows[:4]:
        meetings.add_attendee(store, meeting, "owner", household_id=row.id)
    meetings.add_attendee(store, meeting, "tenant", household_id=rows[4].id, name="陈文军")
    meetings.add_followup(store, meeting, "联系设计院出图", "王组长", "2026-03-10")
    return {"unit": unit, "project": project, "meeting": meeting, "rows": rows}


def main() -> None:
    from liftdesk.common.settings import Settings

    Settings().set("notice_office_address", "王马巷 12 号社区服务中心二楼")
    Settings().set("notice_office_phone", "0571-87001234")
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "documents"
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp())
    store = open_store(tmp / "sample.db")
    data = sample_unit(store)
    for kind in (k for k in generate.KINDS if k != "cost-agreement"):  # needs a funding plan; shown elsewhere
        target = data["meeting"] if kind in generate.MEETING_KINDS else ADDRESS
        done = generate.print_document(store, kind, target, tmp / f"{kind}.pdf", printed_by="王社工")
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(done.path),
                        str(out / kind)], check=True)
        print(f"{kind}: {done.pages} pages → {out / kind}.png")
    store.close()


if __name__ == "__main__":
    main()
