"""Properties of roster import (issue 21): an office's .xlsx — hidden rows, merged owner cells, tick
columns, shuffled columns — imports as its plain .csv does; and no history of app records and
imports ever makes an older record current."""

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from liftdesk.consent import evaluation, positions
from liftdesk.io import roster
from liftdesk.places import registry
from liftdesk.store import open_store

ADDRESS = "长庆街道/王马社区/遥祥寺巷小区/6幢/1单元"
WORDS = {"support": "支持", "oppose": "反对", "abstain": "弃权", "conditional": "有条件支持"}
TICKS = {"support": "同意", "oppose": "不同意", "abstain": "弃权", "conditional": "有条件"}
FEW = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                     HealthCheck.too_slow])

flat = st.fixed_dictionaries({
    "area": st.integers(4000, 9999),
    "owner": st.sampled_from(["王芳", "李娜", "张伟", "刘洋"]),
    "position": st.sampled_from([None, "support", "oppose", "abstain", "conditional"]),
    "written": st.booleans(),
    "hidden_before": st.booleans(),  # a hidden row (an old owner's line) above this one
})


def _imported(path: Path, merge_all: bool = True) -> tuple:
    """What a roster imports to: households (room, area, owners), positions, and the voters."""
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "s.db")
        try:
            plan = roster.plan_import(path)
            roster.apply_import(store, plan, ADDRESS, create=True, on_date="2024-03-01",
                                merge=[x.name for x in plan.lookalikes] if merge_all else ())
            unit = roster.resolve_unit_strict(store, ADDRESS)
            rows = [(h.room, h.area_x100, h.owners, [(r.position, r.written) for r in positions.history(store, h.id)])
                    for h in registry.unit_households(store, unit)]
            totals = evaluation.unit_verdict(store, unit).totals
            return rows, totals
        finally:
            store.close()


@FEW
@given(flats=st.lists(flat, min_size=1, max_size=7), order=st.permutations(range(5)), data=st.data())
def test_an_office_xlsx_imports_as_its_plain_csv(tmp_path, flats, order, data):
    rooms = [f"{n // 2 + 1}0{n % 2 + 1}" for n in range(len(flats))]
    # plain csv: one row per flat, the 意见 and 书面 columns, every owner cell written out
    csv_rows = [["房号", "面积", "业主", "意见", "书面"]]
    for room, f in zip(rooms, flats):
        said = WORDS[f["position"]] if f["position"] else ""
        csv_rows.append([room, f"{f['area'] / 100:.2f}", f["owner"], said, "是" if said and f["written"] else "否"])
    plain = tmp_path / "plain.csv"
    plain.write_text("\n".join(",".join(r) for r in csv_rows) + "\n", encoding="utf-8")
    # the office's xlsx: columns shuffled, ticks instead of 意见, hidden rows, merged owner cells
    columns = ["房号", "面积", "业主", "书面", "ticks"]
    columns = [columns[n] for n in order]
    header = [c for name in columns for c in (list(TICKS.values()) if name == "ticks" else [name])]
    wb = Workbook()
    ws = wb.active
    ws.append(header)
    lines = []  # (sheet row, flat index)
    for n, (room, f) in enumerate(zip(rooms, flats)):
        if f["hidden_before"]:  # an old owner's signed 反对, hidden: it must not count
            old = {"房号": f"9{n}9", "面积": 99, "业主": "旧业主", "书面": "是", "不同意": "✓"}
            ws.append([old.get(c) for c in header])
            ws.row_dimensions[ws.max_row].hidden = True
        mark = data.draw(st.sampled_from(["✓", "√", "☑", "是", "1", "X", "x", "×"]))
        values = {"房号": room, "面积": f["area"] / 100, "业主": f["owner"],
                  "书面": "是" if f["position"] and f["written"] else "否"}
        row = [values.get(c, mark if f["position"] and TICKS[f["position"]] == c else None) for c in header]
        ws.append(row)
        lines.append((ws.max_row, n))
    owner_column = header.index("业主") + 1
    for (row_a, a), (row_b, b) in zip(lines, lines[1:]):
        if row_b == row_a + 1 and flats[a]["owner"] == flats[b]["owner"] and data.draw(st.booleans()):
            ws.merge_cells(start_row=row_a, start_column=owner_column, end_row=row_b, end_column=owner_column)
    office = tmp_path / "office.xlsx"
    wb.save(office)
    assert _imported(office) == _imported(plain)


step = st.one_of(
    st.tuples(st.just("app"), st.sampled_from(["support", "oppose", "abstain"]), st.integers(1, 28), st.booleans()),
    st.tuples(st.just("import"), st.sampled_from(["support", "oppose", "abstain", "none"]),
              st.one_of(st.none(), st.integers(1, 28)), st.booleans()),
)


@FEW
@given(history=st.lists(step, min_size=1, max_size=8))
def test_no_history_of_app_records_and_imports_makes_an_older_record_current(tmp_path, history):
    with tempfile.TemporaryDirectory(dir=tmp_path) as folder:
        store = open_store(Path(folder) / "s.db")
        try:
            src = Path(folder) / "r.csv"
            src.write_text("房号,面积,业主\n101,60,甲\n", encoding="utf-8")
            roster.apply_import(store, roster.plan_import(src), ADDRESS, create=True)
            hid = registry.unit_households(store, roster.resolve_unit_strict(store, ADDRESS))[0].id
            for kind, position, day, written in history:
                before = positions.live_history(store, hid)
                if kind == "app":
                    positions.record_position(store, hid, position, on_date=f"2024-01-{day:02d}", written=written)
                    continue
                date_cell = f"2024-01-{day:02d}" if day else ""
                src.write_text(f"房号,面积,业主,意见,书面,日期\n101,60,甲,{positions.POSITIONS[position][0]},"
                               f"{'是' if written and position != 'none' else '否'},{date_cell}\n", encoding="utf-8")
                roster.apply_import(store, roster.plan_import(src), ADDRESS)
                after = positions.live_history(store, hid)
                if not before:
                    continue
                if day is None or date_cell < before[0].on_date:
                    assert after[0].id == before[0].id  # undated or older: the current record stays current
                assert after[0].on_date >= before[0].on_date
        finally:
            store.close()
