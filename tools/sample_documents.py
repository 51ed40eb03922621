"""Render one of each document kind for a 7 × 2 unit (a co-owned flat, an occupied flat, the office set,
a long plan, a funding plan), and a PNG of
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


PLAN = ("在楼梯间北侧加装一部无机房电梯，平层入户，每层停靠；张建国（电话13812345604）负责联系设计院。"
        "电梯井道采用钢结构玻璃幕墙，基坑深度约 1.5 米，需迁移燃气管道与雨水管，施工期间楼道照明由筹备组负责。") * 2


def sample_unit(store, households: int = 14) -> dict:
    from liftdesk.money import funding
    from liftdesk.people import ownership
    from liftdesk.places import district_settings, household_facts
    from liftdesk.projects import diary, liftplan

    district = registry.default_district(store)
    street = registry.add_street(store, district, "长庆街道")
    community = registry.add_community(store, street, "王马社区")
    estate = registry.add_estate(store, community, "遥祥寺巷小区")
    building = registry.add_building(store, estate, "6幢", 7)
    unit = registry.add_unit(store, building, "1单元")
    registry.quick_create_households(store, unit, households // 2, 2, "60")
    rows = registry.unit_households(store, unit)
    for n, row in enumerate(rows):
        phone = f"0571-8{n:03d}{row.room}"[:13] if n % 3 == 0 else f"1381234{row.room}0"[:11]
        names = [(NAMES[n % len(NAMES)], phone)] + ([("刘秀英", "")] if n == 3 else [])  # 202 is co-owned
        ownership.set_owners(store, row.id, names)
    household_facts.set_facts(store, rows[0].id, occupied=True, property_cert="浙（2019）杭州市不动产权第0000101号")
    district_settings.update(store, {"office_address": "王马巷 12 号社区服务中心二楼", "office_phone": "0571-87001234"})
    for row in rows[:10]:
        positions.record_position(store, row.id, "支持", on_date="2026-03-01", written=True, form_no="F")
    project = projects.create_project(store, unit)
    projects.record_stage(store, project, "survey", "2026-01-05")
    liftplan.add_version(store, project, summary=PLAN, position="back", design_firm="杭州某建筑设计院")
    meeting = meetings.add_meeting(store, project, "vote", "2026-03-01 19:00", "2026-03-01 20:30", "社区会议室",
                                   "业主表决加装方案", ["方案介绍", "费用分摊", "表决"], "业主充分讨论", "同意平层入户方案",
                                   chair="王组长", recorder="李社工")
    for row, choice in zip(rows[:5], ("support", "support", "support", "oppose", "abstain")):
        positions.record_position(store, row.id, choice, on_date="2026-03-01", method="meeting", meeting_id=meeting)
    positions.record_position(store, rows[9].id, "support", on_date="2026-03-01", method="meeting",
                              meeting_id=meeting, respondent="tenant", respondent_name="陈文军")
    for row in rows[:4]:
        meetings.add_attendee(store, meeting, "owner", household_id=row.id)
    meetings.add_attendee(store, meeting, "tenant", household_id=rows[9].id, name="陈文军")
    meetings.add_followup(store, meeting, "联系设计院出图", "王组长", "2026-03-10")
    diary.add_entry(store, project, "2026-03-02", "与设计院确认井道位置，燃气公司约定下周勘察。", "王社工")
    funding.save_funding_plan(store, project, total_fen=56_000_000, subsidy_fen=20_000_000, scheme="hangzhou")
    return {"unit": unit, "project": project, "meeting": meeting, "rows": rows}


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "documents"
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp())
    store = open_store(tmp / "sample.db")
    data = sample_unit(store)
    for kind in generate.KINDS:
        target = data["meeting"] if kind in generate.MEETING_KINDS else ADDRESS
        done = generate.print_document(store, kind, target, tmp / f"{kind}.pdf", printed_by="王社工")
        last = 1 if kind in ("consent-letters", "proxy-form") else done.pages  # one household's page is enough
        for page in range(1, last + 1):
            name = kind if last == 1 else f"{kind}-{page}"
            subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page), "-singlefile",
                            str(done.path), str(out / name)], check=True)
        print(f"{kind}: {done.pages} pages → {out / kind}*.png")
    store.close()


if __name__ == "__main__":
    main()
