"""Documents that fit real paper and real names (issue #13), read back with poppler's tools:
one-page forms, a signature per co-owner, a serial per letter, minutes naming who came, masking on
the public notice, rare characters in the fallback font, long values, a street's batch."""

import json
import re
import shutil
import subprocess
from datetime import date

import pytest
from hypothesis import given, settings, strategies as st

from liftdesk.store import records
from liftdesk.projects import meetings, projects
from liftdesk.consent import positions
from liftdesk.places import registry
from liftdesk.people import ownership
from liftdesk.documents import generate, printed
from liftdesk.documents.masking import mask_name, mask_phone
from liftdesk.documents.notice import notice_period

from .test_cli_and_demo import cli

ADDRESS = "长庆街道/王马社区/遥祥寺巷小区/6幢/1单元"
pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


def text_of(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def pages_of(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def fonts_of(path) -> str:
    return subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout


def name_all(store, unit_id, co_owned_index: int = 3) -> list:
    rows = registry.unit_households(store, unit_id)
    for n, row in enumerate(rows):
        names = [f"业主{n:02d}"] + (["刘秀英"] if n == co_owned_index else [])
        ownership.set_owners(store, row.id, names, "")
    return registry.unit_households(store, unit_id)


def seven_floor_unit(store) -> tuple[str, str]:
    estate = store.db.execute("SELECT id FROM estate").fetchone()[0]
    building = registry.add_building(store, estate, "7幢", 7)
    unit_id = registry.add_unit(store, building, "1单元")
    registry.quick_create_households(store, unit_id, 7, 2, "60")
    return unit_id, "长庆街道/王马社区/遥祥寺巷小区/7幢/1单元"


def test_12_and_14_household_consent_forms_are_one_page_with_a_signature_row_per_co_owner(store, unit, tmp_path):
    name_all(store, unit)
    twelve = generate.print_document(store, "consent-form", ADDRESS, tmp_path / "12.pdf")
    unit14, address14 = seven_floor_unit(store)
    name_all(store, unit14)
    fourteen = generate.print_document(store, "consent-form", address14, tmp_path / "14.pdf")
    assert pages_of(twelve.path) == 1 and pages_of(fourteen.path) == 1
    text = text_of(fourteen.path)
    assert "业主03" in text and "刘秀英" in text  # the co-owner has a sub-row of her own
    assert text.count("委托书号") == 15  # a 代签 cell per signature row: 14 flats + 1 co-owner
    for header in ("同意", "不同意", "弃权", "理由", "签名", "代签", "专有面积"):
        assert header in text
    assert "＿" not in text and "第 1/1 页" in text
    words = {}
    bbox = subprocess.run(["pdftotext", "-bbox", str(fourteen.path), "-"], capture_output=True, text=True).stdout
    for m in re.finditer(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]+)<', bbox):
        words.setdefault(m.group(3), (float(m.group(1)), float(m.group(2))))
    pitch = words["刘秀英"][1] - words["业主03"][1]  # a co-owner's own signature row, ≥ 10 mm high
    assert pitch >= 10 * 72 / 25.4 - 0.1
    assert (words["日期"][0] - words["签名"][0]) >= (25 + 14) / 2 * 72 / 25.4 - 3  # signature column ≥ 25 mm


def test_a_long_unit_continues_with_the_header_repeated(store, unit, tmp_path):
    estate = store.db.execute("SELECT id FROM estate").fetchone()[0]
    building = registry.add_building(store, estate, "9幢", 9)
    big = registry.add_unit(store, building, "1单元")
    registry.quick_create_households(store, big, 9, 3, "60")
    done = generate.print_document(store, "consent-form", "长庆街道/王马社区/遥祥寺巷小区/9幢/1单元", tmp_path / "f.pdf")
    pages = text_of(done.path).split("\f")
    assert pages_of(done.path) == 2
    assert all("不同意" in p and "代签" in p for p in pages[:2])
    assert "第 2/2 页" in pages[1]


def test_each_letter_has_its_own_serial_that_opens_its_own_household(store, unit, tmp_path):
    rows = name_all(store, unit)
    done = generate.print_document(store, "consent-letters", ADDRESS, tmp_path / "letters.pdf")
    assert len(done.serials) == 12 == len(set(done.serials)) and pages_of(done.path) == 12
    pages = text_of(done.path).split("\f")
    for row, serial, page in zip(rows, done.serials, pages):
        assert serial in page and "第 1/1 页" in page and f"{row.room} 室" in page
        doc, receipt = printed.receipt_rows(store, serial)
        assert [r.household_id for r in receipt] == [row.id]  # the returned letter opens its own household
    co_owned = pages[3]
    assert "业主03" in co_owned and "刘秀英" in co_owned and co_owned.count("身份证件号") >= 1
    printed.record_receipt(store, done.serials[5], {rows[5].id: "support"})
    rec = positions.history(store, rows[5].id)[0]
    assert rec.written and rec.form_no == done.serials[5]
    with pytest.raises(Exception):
        printed.record_receipt(store, done.serials[5], {rows[6].id: "support"})  # not this letter's household


@pytest.fixture
def meeting(store, unit):
    rows = name_all(store, unit)
    project = projects.create_project(store, unit)
    meeting_id = meetings.add_meeting(store, project, "vote", "2026-03-01 19:00", "2026-03-01 20:30", "社区会议室",
                                      "表决加装方案", ["表决"], chair="王组长", recorder="李记录")
    meetings.add_attendee(store, meeting_id, "owner", household_id=rows[0].id)
    meetings.add_attendee(store, meeting_id, "tenant", household_id=rows[1].id, name="陈文军")
    meetings.add_attendee(store, meeting_id, "proxy", household_id=rows[2].id)  # no name recorded
    for row, choice in zip(rows[:3], ("support", "support", "oppose")):
        positions.record_position(store, row.id, choice, on_date="2026-03-01", method="meeting",
                                  meeting_id=meeting_id)
    return {"id": meeting_id, "rows": rows}


def test_minutes_name_the_tenant_chair_recorder_and_the_tally(store, meeting, tmp_path):
    text = text_of(generate.print_document(store, "minutes", meeting["id"], tmp_path / "m.pdf").path)
    flat = re.sub(r"\s+", "", text)
    assert "业主表决会会议纪要" in flat
    assert "陈文军（102租户）" in flat and "业主01" not in flat  # the tenant, not the owner of 102
    assert "姓名未登记（201代理人）" in flat and "业主02" not in flat
    assert "王组长" in text and "李记录" in text and "主持人（签名）" in text and "记录人（签名）" in text
    assert re.search(r"支持\s+2\s+120\.00", text) and re.search(r"反对\s+1\s+60\.00", text)


def test_chair_and_recorder_are_editable_fields(store, meeting):
    meetings.update_meeting(store, meeting["id"], chair="张主任", recorder="")
    m = meetings.get_meeting(store, meeting["id"])
    assert (m.chair, m.recorder) == ("张主任", "")


def test_signin_sheet_has_tall_rows_own_name_column_and_walk_in_rows(store, meeting, tmp_path):
    done = generate.print_document(store, "signin", meeting["id"], tmp_path / "s.pdf")
    text = text_of(done.path)
    assert "到会人姓名" in text and "写本人姓名" in text and "志愿者" in text
    assert done.pages == 2 and pages_of(done.path) == 2  # 12 households + walk-in rows run onto page 2
    assert text.split("\f")[1].count("代理人") >= 4  # the blank rows continue with the header repeated


PHONES = ["13912345678", "0571-88001234", "0571 8800123", "+86 139-1234-5678", "88001234", "8800123", "110", "12345"]


def test_notice_masks_every_phone_and_every_name(store, unit, tmp_path):
    rows = registry.unit_households(store, unit)
    names = ["王", "王芳", "黄杞财", "欧阳明月", "李", "张三", "赵四五", "司马相如"]
    for row, name, phone in zip(rows, names, PHONES):
        ownership.set_owners(store, row.id, [name])
        # written straight to the record: short numbers ("110") predate the phone rule or came by sync
        person = store.db.execute("SELECT person_id FROM ownership WHERE household_id = ? AND deleted = 0",
                                  [row.id]).fetchone()[0]
        records.update(store, "person", person, {"phone": phone})
    done = generate.print_document(store, "notice", ADDRESS, tmp_path / "n.pdf")
    text = text_of(done.path)
    flat = re.sub(r"\s+", "", text)
    for phone in PHONES:
        digits = re.sub(r"\D", "", phone)
        shown = [r for r in re.findall(r"[\d*+()\-]{3,}", flat) if "*" in r]
        assert digits not in re.sub(r"\D", "", flat.replace(done.serial, "")) or len(digits) <= 4
        assert mask_phone(phone).replace(" ", "") in flat
        assert shown
    for masked in ("*", "王*", "黄*财", "欧**月", "张*", "赵*五", "司**如"):
        assert masked in flat
    for name in ("王芳", "黄杞财", "欧阳明月", "张三", "司马相如"):
        assert name not in flat
    assert "880012" not in flat and "139123" not in flat and "1391234" not in flat


@given(st.lists(st.sampled_from("0123456789"), min_size=5, max_size=15), st.sampled_from(["", "-", " ", "+"]))
@settings(max_examples=80, deadline=None)
def test_a_masked_phone_shows_at_most_its_last_four_digits(digits, sep):
    phone = sep.join(["".join(digits[:3]), "".join(digits[3:])])
    masked = mask_phone(phone)
    shown = re.sub(r"\D", "", masked)
    assert shown == "".join(digits)[-4:] and len(masked) == len(phone)
    assert re.sub(r"\D", "", mask_phone("".join(digits[:4]))) == ""  # four digits or fewer: nothing shown


def test_masked_names_of_one_to_four_characters():
    assert [mask_name(n) for n in ("王", "王芳", "黄杞财", "欧阳明月")] == ["*", "王*", "黄*财", "欧**月"]


def test_notice_period_starts_the_next_working_day_and_counts_chinese_working_days():
    # 2026 National Day: Oct 1–7 off, Sat Oct 10 is an adjusted workday.
    assert notice_period(date(2026, 9, 30), 10) == (date(2026, 10, 8), date(2026, 10, 20))
    assert notice_period(date(2026, 11, 20), 10) == (date(2026, 11, 23), date(2026, 12, 4))  # a Friday


def test_notice_has_office_seal_issuer_and_date(store, unit, tmp_path, monkeypatch):
    from liftdesk.common.settings import Settings

    settings = Settings()
    settings.set("notice_office_address", "王马巷 12 号社区服务中心")
    settings.set("notice_office_phone", "0571-87001234")
    text = re.sub(r"\s+", "", text_of(generate.print_document(store, "notice", ADDRESS, tmp_path / "n.pdf").path))
    assert "王马巷12号社区服务中心" in text and "0571-87001234" in text  # the office's phone is not masked
    assert "盖章" in text and "发布单位" in text and f"发布日期：{date.today().isoformat()}" in text
    assert "个工作日" in text


def test_rare_extension_b_name_prints_in_the_embedded_fallback_font(store, unit, tmp_path):
    rows = name_all(store, unit)
    ownership.set_owners(store, rows[1].id, ["张𠀀"], "")
    for kind in ("consent-form", "consent-letters", "proxy-form"):
        done = generate.print_document(store, kind, ADDRESS, tmp_path / f"{kind}.pdf")
        fonts = fonts_of(done.path)
        assert "WenQuanYiZenHei" in fonts
        assert re.search(r"\+HanaMinB\S*\s+TrueType\s+\S+\s+yes\s+yes", fonts), fonts  # embedded subset
    text = text_of(tmp_path / "consent-form.pdf")
    assert "张𠀀" in text


def test_no_layout_error_for_a_2000_character_value(store, unit, tmp_path):
    rows = name_all(store, unit)
    long = "很长的备注" * 400
    ownership.set_owners(store, rows[0].id, [long[:50]], "")  # names are limited to 50 characters
    project = projects.create_project(store, unit)
    projects.record_stage(store, project, "survey", "2026-01-04")
    projects.record_stage(store, project, "design", "2026-01-05", reason=long)
    from liftdesk.projects import diary

    diary.add_entry(store, project, "2026-01-06", long)
    meeting_id = meetings.add_meeting(store, project, "consult", "2026-02-01 19:00", "2026-02-01 20:00", long[:2000],
                                      long[:2000], [long[:2000]], long, long, chair=long[:2000], recorder=long[:2000])
    meetings.add_attendee(store, meeting_id, "tenant", household_id=rows[1].id, name=long[:100])  # a name: ≤ 100
    for kind in (k for k in generate.KINDS if k != "cost-agreement"):  # that one needs a funding plan
        target = meeting_id if kind in generate.MEETING_KINDS else ADDRESS
        done = generate.print_document(store, kind, target, tmp_path / f"{kind}.pdf")
        assert pages_of(done.path) >= 1 and "＿" not in text_of(done.path)


def test_a_street_batch_prints_the_rest_when_one_name_cannot_be_printed(store, unit, tmp_path):
    building = store.db.execute("SELECT id FROM building").fetchone()[0]
    second = registry.add_unit(store, building, "2单元")
    registry.quick_create_households(store, second, 6, 2)
    third = registry.add_unit(store, building, "3单元")
    registry.quick_create_households(store, third, 6, 2)
    bad_row = registry.unit_households(store, second)[1]
    ownership.set_owners(store, bad_row.id, ["张\U00030000"], "")
    ownership.set_owners(store, registry.unit_households(store, third)[0].id, ["王𠀀"], "")  # fallback: prints
    result = generate.print_batch(store, "consent-form", "长庆街道", tmp_path / "out")
    assert len(result.printed) == 2 and len(result.failed) == 1
    where, why = result.failed[0]
    assert "2单元" in where and "102" in where and "张\U00030000" in where and "字库缺字" in why
    summary = result.summary()
    assert summary.startswith("已生成 2 份") and "1 份未生成" in summary and "2单元 102 张\U00030000" in summary
    assert len(list((tmp_path / "out").glob("*.pdf"))) == 2
    assert store.db.execute("SELECT count(*) FROM printed_document").fetchone()[0] == 2


def test_cli_batch_to_a_folder_and_combined(small_district, tmp_path):
    street = json.loads(cli("--db", small_district, "units", "--under", "半山街道", "--json").stdout)
    out = cli("--db", small_district, "print", "consent-form", "--all", "半山街道", "--combined",
              tmp_path / "street.pdf")
    m = re.search(r"已生成 (\d+) 份.*共 (\d+) 页", out.stdout)
    units, pages = int(m.group(1)), int(m.group(2))
    assert units == len(street) >= 30 and pages >= units and pages_of(tmp_path / "street.pdf") == pages
    assert not list(tmp_path.glob("*.part"))
    community = street[0]["community"]
    out = cli("--db", small_district, "print", "consent-letters", "--all", f"半山街道/{community}",
              "-o", tmp_path / "letters")
    files = list((tmp_path / "letters").glob("*.pdf"))
    assert files and len(files) == sum(1 for u in street if u["community"] == community)
    assert f"已生成 {len(files)} 份" in out.stdout
    bad = cli("--db", small_district, "print", "consent-form", "--all", "半山街道", check=False)
    assert bad.returncode == 2 and "-o" in bad.stderr


def test_the_agreement_prints_rare_characters_and_ampersands_as_written(store, unit, tmp_path):
    from liftdesk.money import funding
    from liftdesk.projects import liftplan

    name_all(store, unit)
    project = projects.create_project(store, unit)
    liftplan.add_version(store, project, summary="楼后加装 630kg 电梯", position="back", entry="half", load_kg=630,
                         stops=7, estimate_fen=56_000_000)
    funding.save_funding_plan(store, project, total_fen=56_000_000, subsidy_fen=20_000_000, subsidy_status="credited",
                              subsidy_credited_on="2024-03-01", account_name="A&B 集体账户", manager="张𠀀")
    done = generate.print_document(store, "cost-agreement", ADDRESS, tmp_path / "a.pdf")
    text = text_of(done.path)
    assert "张𠀀" in text and "A&B 集体账户" in text and "&amp;" not in text and "<font" not in text
