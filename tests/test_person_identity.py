"""A person is the same person only on evidence: the same ID reference, or the same name with the
same non-empty phone. A name alone proves nothing."""

import json

from liftdesk.consent import evaluation, positions
from liftdesk.places import registry
from liftdesk.people import ownership
from liftdesk.io import roster
from liftdesk.store import open_store

from .test_cli_and_demo import cli
from .test_roster_import import write_csv

HEADER = ["房号", "楼层", "面积", "业主", "电话", "意见", "书面"]
ADDRESS = "长庆街道/王马社区/遥祥寺巷小区/8幢/1单元"


def _hand_made_unit(store, building, name, owners):
    """2 floors × 2 rooms of 60 m²; owners by room; 101, 102, 201 sign 支持 and 202 signs 反对."""
    unit = registry.add_unit(store, building, name)
    rows = registry.quick_create_households(store, unit, 2, 2, "60")
    for household, owner, word in zip(rows, owners, ("支持", "支持", "支持", "反对")):
        ownership.set_owners(store, household, [owner])
        positions.record_position(store, household, word, on_date="2024-03-01", written=True)
    return unit


def test_two_wang_fang_without_phones_stay_two_people_and_the_verdict_holds(store, unit):
    building = store.db.execute("SELECT building_id FROM unit WHERE id = ?", [unit]).fetchone()[0]
    # by hand: 4 voters, all took part; agreeing area 180/240 = 3/4 and owners 3/4 → passes.
    # Were the two 王芳 one voter: 3 voters, 2 agreeing → 2/3 < 3/4 → fails.
    mine = _hand_made_unit(store, building, "2单元", ["王芳", "王芳", "张伟", "李娜"])
    _hand_made_unit(store, building, "3单元", ["王芳", "赵敏", "周杰", "吴刚"])  # a third 王芳 next door
    assert store.db.execute("SELECT count(*) FROM person WHERE name = '王芳' AND deleted = 0").fetchone()[0] == 3
    verdict = evaluation.unit_verdict(store, mine)
    assert verdict.totals["total_owners"] == 4
    assert verdict.passed is True


def test_the_same_name_and_phone_or_id_ref_is_one_person(store, unit):
    a, b, c = registry.unit_households(store, unit)[:3]
    ownership.set_owners(store, a.id, ["黄杞财 138-1234-5678"])
    ownership.set_owners(store, b.id, ["黄杞财"], "13812345678")
    ownership.set_owners(store, c.id, ["黄杞财"], "13900000000")  # another phone: another person
    people = store.db.execute("SELECT phone FROM person WHERE name = '黄杞财' ORDER BY id").fetchall()
    assert [p[0] for p in people] == ["138-1234-5678", "13900000000"]
    first = ownership.add_person(store, "李美玲", "", "ID-1")
    assert ownership.find_or_add_person(store, "李美玲", "", "ID-1") == first
    assert ownership.find_or_add_person(store, "李美玲") != first


def test_setting_the_same_owners_again_writes_nothing_and_keeps_the_person(store, unit):
    h = registry.unit_households(store, unit)[0]
    ownership.set_owners(store, h.id, ["王芳", "王小明 13811110001"])
    before = store.db.execute("SELECT count(*) FROM change_log").fetchone()[0]
    ownership.set_owners(store, h.id, ["王芳", "王小明"])  # a roster without the phone changes nothing
    ownership.set_owners(store, h.id, [("王芳", ""), ("王小明", "13811110001")])
    assert store.db.execute("SELECT count(*) FROM change_log").fetchone()[0] == before
    row = registry.unit_households(store, unit)[0]
    assert (row.owners, row.phones) == ("王芳、王小明", "13811110001")


def test_co_owners_carry_their_own_phones_in_a_roster(tmp_path):
    src = write_csv(tmp_path / "r.csv", [HEADER,
                                         ["101", "1", "60", "王建国 13811110001、王小明", "", "支持", "是"],
                                         ["102", "1", "60", "李娜、王小明（13922220002）", "13700000000", "", "否"],
                                         ["201", "2", "60", "周杰、吴刚", "13600000001、13600000002", "", "否"]],
                    "utf-8")
    plan = roster.plan_import(src)
    assert [(r.owners, r.phones) for r in plan.good] == [
        (("王建国", "王小明"), ("13811110001", "")),
        (("李娜", "王小明"), ("13700000000", "13922220002")),
        (("周杰", "吴刚"), ("13600000001", "13600000002"))]
    # 王小明 of 101 has no phone, so nothing proves he is 王小明 of 102
    assert [(x.name, x.rooms) for x in plan.lookalikes] == [("王小明", ("101", "102"))]


def test_import_lists_look_alikes_and_merges_them_on_request(tmp_path):
    db = tmp_path / "s.db"
    rows = [HEADER, ["101", "1", "60", "王芳", "", "支持", "是"], ["102", "1", "60", "王芳", "", "支持", "是"],
            ["201", "2", "60", "张伟", "", "支持", "是"], ["202", "2", "60", "李娜", "", "反对", "是"]]
    src = write_csv(tmp_path / "r.csv", rows, "gbk")
    out = cli("--db", db, "import-roster", src, "--unit", ADDRESS, "--create")
    assert "同名业主“王芳”出现在 101、102" in out.stdout and "按 2 人计" in out.stdout
    verdict = json.loads(cli("--db", db, "consent", ADDRESS, "--json").stdout)
    assert verdict["totals"]["total_owners"] == 4 and verdict["passed"] is True
    bad = cli("--db", db, "import-roster", src, "--unit", ADDRESS, "--merge", "张伟", check=False)
    assert bad.returncode == 2 and "没有可合并的同名业主“张伟”" in bad.stderr
    out = cli("--db", db, "import-roster", src, "--unit", ADDRESS, "--merge", "王芳")
    assert "已合并同名业主 1 人" in out.stdout
    verdict = json.loads(cli("--db", db, "consent", ADDRESS, "--json").stdout)
    assert verdict["totals"]["total_owners"] == 3 and verdict["passed"] is False
    store = open_store(db)
    assert store.db.execute("SELECT count(*) FROM person WHERE name = '王芳' AND deleted = 0").fetchone()[0] == 1
    store.close()


def test_look_alikes_are_listed_and_merged_afterwards(tmp_path):
    db = tmp_path / "s.db"
    rows = [HEADER, ["101", "1", "60", "王芳", "", "支持", "是"], ["102", "1", "60", "王芳", "", "支持", "是"],
            ["201", "2", "60", "王芳", "13700000000", "支持", "是"], ["202", "2", "60", "王芳", "13900000000", "反对", "是"]]
    cli("--db", db, "import-roster", write_csv(tmp_path / "r.csv", rows, "gbk"), "--unit", ADDRESS, "--create")
    listed = json.loads(cli("--db", db, "merge-owners", "长庆街道", "--json").stdout)
    assert listed == [{"name": "王芳", "people": 4, "places": ["8幢1单元101", "8幢1单元102", "8幢1单元201",
                                                               "8幢1单元202"]}]
    assert "101、102、201、202（现按 4 人计" in cli("--db", db, "merge-owners", ADDRESS).stdout
    out = cli("--db", db, "merge-owners", ADDRESS, "--name", "王芳")
    assert "已合并同名业主 2 人" in out.stdout  # 101 and 102 join 201's 王芳; 202's other phone stays apart
    store = open_store(db)
    phones = store.db.execute("SELECT phone FROM person WHERE name = '王芳' AND deleted = 0 ORDER BY phone").fetchall()
    assert [p[0] for p in phones] == ["13700000000", "13900000000"]
    store.close()
    assert json.loads(cli("--db", db, "merge-owners", ADDRESS, "--json").stdout) == []
    bad = cli("--db", db, "merge-owners", ADDRESS, "--name", "王芳", check=False)
    assert bad.returncode == 2 and "没有可合并的同名业主" in bad.stderr


def test_an_id_number_column_is_evidence_in_a_roster(tmp_path, store):
    header = ["房号", "面积", "业主", "身份证号"]
    rows = [header, ["101", "60", "王芳", "330106195001011234"], ["102", "60", "王芳", "330106 195001011234"],
            ["201", "60", "王芳", "330106196202025678"], ["202", "60", "李娜、王小明", "、330106197003034321"]]
    plan = roster.plan_import(write_csv(tmp_path / "r.csv", rows, "utf-8"))
    assert plan.ok and plan.lookalikes == []  # the numbers settle who is who
    assert plan.good[3].id_refs == ("", "330106197003034321")
    roster.apply_import(store, plan, ADDRESS, create=True)
    people = store.db.execute("SELECT id_ref FROM person WHERE name = '王芳' AND deleted = 0 ORDER BY id").fetchall()
    assert len(people) == 2 and all(p[0].endswith("****1234") or p[0].endswith("****5678") for p in people)
    before = store.db.execute("SELECT count(*) FROM change_log").fetchone()[0]
    roster.apply_import(store, roster.plan_import(tmp_path / "r.csv"), ADDRESS)
    assert store.db.execute("SELECT count(*) FROM change_log").fetchone()[0] == before
    bad = write_csv(tmp_path / "b.csv", [header, ["101", "60", "王芳", "1、2"]], "utf-8")
    assert "证件号比业主多" in roster.plan_import(bad).bad[0][1]
