"""Every document kind read back with pdftotext; serials, masking, rare characters, bad input."""

import json
import shutil
import subprocess
from datetime import date

import pytest

from liftdesk.projects import meetings, projects
from liftdesk.consent import positions
from liftdesk.places import registry
from liftdesk.people import ownership
from liftdesk.documents import generate, printed
from liftdesk.documents.masking import mask_name, mask_names, mask_phone
from liftdesk.errors import LiftDeskError, ValidationError

from .test_cli_and_demo import cli

ADDRESS = "长庆街道/王马社区/遥祥寺巷小区/6幢/1单元"
pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


def text_of(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture
def filled(store, unit):
    rows = registry.unit_households(store, unit)
    names = ["黄杞财", "李美玲", "王堃", "张喆", "陈㐀华", "赵丽", "孙强", "周敏", "吴伟", "郑洁", "冯涛", "欧阳明月"]
    for row, name in zip(rows, names):
        ownership.set_owners(store, row.id, [name], f"1381234{row.room}0"[:11])
    for row in rows[:9]:
        positions.record_position(store, row.id, "支持", on_date="2024-03-01", written=True, form_no="F")
    project = projects.create_project(store, unit)
    projects.record_stage(store, project, "survey", "2024-01-05")
    meeting = meetings.add_meeting(store, project, "consult", "2024-02-01 19:00", "2024-02-01 20:30", "社区会议室",
                                   "协商加装方案", ["方案介绍", "费用分摊"], "业主充分讨论", "同意平层入户方案")
    for row in rows[:4]:
        meetings.add_attendee(store, meeting, "owner", household_id=row.id)
    meetings.add_followup(store, meeting, "联系设计院出图", "王组长", "2024-02-10")
    return {"project": project, "meeting": meeting, "rows": rows}


def test_masking():
    assert mask_name("黄杞财") == "黄*财" and mask_name("王芳") == "王*" and mask_name("欧阳明月") == "欧**月"
    assert mask_names("李美玲、王建国") == "李*玲、王*国"
    assert mask_phone("13812341234") == "*******1234" and mask_phone("") == ""


@pytest.mark.parametrize("kind,expected", [
    ("consent-form", ["加装电梯业主意见征询表", "黄杞财", "同意", "不同意", "弃权", "民法典第278条", "代签"]),
    ("consent-letters", ["加装电梯书面同意书", "黄杞财", "同意加装电梯", "101 室"]),
    ("proxy-form", ["授权委托书", "委托人", "受托人", "黄杞财"]),
    ("diary", ["电梯日记", "意愿摸底", "协商加装方案"]),
])
def test_unit_documents_read_back(store, unit, filled, tmp_path, kind, expected):
    out = tmp_path / f"{kind}.pdf"
    done = generate.print_document(store, kind, ADDRESS, out, printed_by="王社工")
    text = text_of(out)
    for word in expected:
        assert word in text, word
    assert all(serial in text for serial in done.serials) and done.serial == done.serials[0]
    per_part = done.pages // len(done.serials)  # a letter or proxy form per household: "第 1/1 页" each
    assert text.count(f"第 1/{per_part} 页") == len(done.serials)
    record = printed.find(store, done.serial)
    assert record.printed_by == "王社工" and record.pages == per_part and len(record.content_hash) == 64
    assert not list(tmp_path.glob("*.part"))


def test_rare_name_characters_render(store, unit, filled, tmp_path):
    text = text_of(generate.print_document(store, "consent-form", ADDRESS, tmp_path / "f.pdf").path)
    assert "王堃" in text and "张喆" in text and "陈㐀华" in text


def test_notice_masks_names_and_phones(store, unit, filled, tmp_path):
    text = text_of(generate.print_document(store, "notice", ADDRESS, tmp_path / "n.pdf").path)
    assert "黄*财" in text and "欧**月" in text and "*******" in text
    for row in registry.unit_households(store, unit):
        assert row.phones and row.phones not in text
    for full in ("黄杞财", "李美玲", "欧阳明月"):
        assert full not in text
    assert "公示期" in text and "参与表决面积" in text and "居民委员会" in text


def test_meeting_documents(store, unit, filled, tmp_path):
    text = text_of(generate.print_document(store, "signin", filled["meeting"], tmp_path / "s.pdf").path)
    assert "签到表" in text and "黄杞财" in text and "志愿者" in text and "社区会议室" in text
    text = text_of(generate.print_document(store, "minutes", filled["meeting"], tmp_path / "m.pdf").path)
    for word in ("会议纪要", "同意平层入户方案", "联系设计院出图", "出席（4 人）", "方案介绍"):
        assert word in text


def test_a_character_no_bundled_font_has_is_reported_and_nothing_is_written(store, unit, filled, tmp_path):
    ownership.set_owners(store, filled["rows"][1].id, ["\U00030000先生"], "")  # CJK Extension G: no bundled font
    out = tmp_path / "f.pdf"
    with pytest.raises(LiftDeskError) as err:
        generate.print_document(store, "consent-form", ADDRESS, out)
    message = str(err.value)
    assert "U+30000" in message and "102" in message and "\U00030000先生" in message and "字库缺字" in message
    assert not out.exists() and not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob(".*part"))
    assert store.db.execute("SELECT count(*) FROM printed_document").fetchone()[0] == 0


def test_bad_targets(store, unit, filled, tmp_path):
    empty = registry.add_unit(store, store.db.execute("SELECT id FROM building").fetchone()[0], "2单元")
    with pytest.raises(LiftDeskError, match="没有住户"):
        generate.print_document(store, "consent-form", ADDRESS.replace("1单元", "2单元"), tmp_path / "x.pdf")
    assert empty
    bare = meetings.add_meeting(store, filled["project"], "group", "2024-03-01 19:00", "2024-03-01 20:00")
    with pytest.raises(LiftDeskError, match="没有登记参会人"):
        generate.print_document(store, "minutes", bare, tmp_path / "m.pdf")
    with pytest.raises(ValidationError, match="需要会议编号"):
        generate.print_document(store, "signin", ADDRESS, tmp_path / "s.pdf")
    with pytest.raises(ValidationError, match="不存在"):
        generate.print_document(store, "flyer", ADDRESS, tmp_path / "s.pdf")
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    with pytest.raises(LiftDeskError, match="无法写入"):
        generate.print_document(store, "consent-form", ADDRESS, blocked / "f.pdf")
    assert not list(tmp_path.glob("**/*.pdf"))


def test_serials_are_unique_and_sequential(store, unit, filled, tmp_path):
    a = generate.print_document(store, "consent-form", ADDRESS, tmp_path / "a.pdf")
    b = generate.print_document(store, "consent-form", ADDRESS, tmp_path / "b.pdf")
    assert a.serial != b.serial and a.serial[:-4] == b.serial[:-4]
    assert a.serial.startswith(f"YJ-{date.today():%y%m%d}-")
    assert int(b.serial[-4:]) == int(a.serial[-4:]) + 1


def test_the_paper_to_record_loop(store, unit, filled, tmp_path):
    done = generate.print_document(store, "consent-form", ADDRESS, tmp_path / "f.pdf")
    doc, rows = printed.receipt_rows(store, done.serial.lower())  # typed in lower case still opens it
    assert [r.room for r in rows][:3] == ["101", "102", "201"] and rows[0].owners == "黄杞财"
    choices = {rows[9].household_id: "support", rows[10].household_id: "oppose"}
    printed.record_receipt(store, done.serial, choices, recorded_by="王社工")
    rec = positions.history(store, rows[9].household_id)[0]
    assert rec.written and rec.form_no == done.serial and rec.method == "written"
    _, again = printed.receipt_rows(store, done.serial)
    assert again[9].current == "support" and again[10].current == "oppose"
    with pytest.raises(ValidationError, match="找不到编号"):
        printed.receipt_rows(store, "YJ-000000-XXXX-0001")
    notice = generate.print_document(store, "notice", ADDRESS, tmp_path / "n.pdf")
    with pytest.raises(ValidationError, match="不是需要业主签字"):
        printed.receipt_rows(store, notice.serial)
    other = registry.add_household(store, registry.add_unit(store, store.db.execute(
        "SELECT id FROM building").fetchone()[0], "3单元"), "101", 1, "50")
    before = store.db.execute("SELECT count(*) FROM position").fetchone()[0]
    with pytest.raises(ValidationError):
        printed.record_receipt(store, done.serial, {rows[11].household_id: "support", other: "support"})
    assert store.db.execute("SELECT count(*) FROM position").fetchone()[0] == before


def test_print_cli_single_and_batch(small_district, tmp_path):
    units = json.loads(cli("--db", small_district, "units", "--under", "半山街道", "--json").stdout)
    address = units[0]["address"]
    out = cli("--db", small_district, "print", "consent-form", address, "-o", tmp_path / "one.pdf")
    assert "编号 YJ-" in out.stdout and "征询表" in text_of(tmp_path / "one.pdf")
    community = "/".join(address.split("/")[:2])
    out = cli("--db", small_district, "print", "consent-letters", "--all", community, "-o", tmp_path / "batch")
    files = list((tmp_path / "batch").glob("*.pdf"))
    n_units = sum(1 for u in units if u["address"].startswith(community + "/"))
    assert len(files) == n_units and f"已生成 {n_units} 份" in out.stdout
    bad = cli("--db", small_district, "print", "signin", address, "-o", tmp_path / "x.pdf", check=False)
    assert bad.returncode == 2 and "会议编号" in bad.stderr
