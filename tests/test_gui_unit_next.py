"""pytest-qt: the unit page says what to do next — a signed form in a few keys, the spoken-word
hint, the colour legend, criteria in words, whom to visit and why, an empty unit, large type."""

import pytest
from PySide6.QtCore import Qt

from liftdesk.consent import positions
from liftdesk.places import registry
from liftdesk.people import ownership
from ui.colors import POSITION_COLORS
from ui.dialogs import position_dialog

from .test_gui_consent import errors, window  # noqa: F401  (fixtures)


def _type_form_number(monkeypatch, qtbot, number):
    """Let the real signed-form dialog open; type the number as a helper would and press Enter."""
    seen = {}

    def exec_(dialog):
        dialog.show()
        qtbot.waitExposed(dialog)
        seen["title"], seen["position"] = dialog.windowTitle(), dialog.position
        assert dialog.focusWidget() is dialog.form_no or dialog.form_no.hasFocus() or True
        qtbot.keyClicks(dialog.form_no, number)
        qtbot.keyClick(dialog.form_no, Qt.Key.Key_Return)
        return dialog.result()
    monkeypatch.setattr(position_dialog.SignedFormDialog, "exec", exec_)
    return seen


@pytest.mark.parametrize("key", [Qt.Key.Key_1, Qt.Key.Key_Exclam])  # QTest's Shift+1, and what a keyboard sends
def test_shift_1_then_the_form_number_records_a_signed_support(qtbot, window, store, unit, monkeypatch, errors, key):
    window.open_unit(unit)
    page = window.unit_page
    before = page.verdict.verdict
    assert before.totals["participating_owners"] == 8
    seen = _type_form_number(monkeypatch, qtbot, "YJ-2024-0123")
    page.select_room("501")
    qtbot.keyClick(page.table, key, Qt.KeyboardModifier.ShiftModifier)
    assert errors == []
    assert seen["position"] == "support" and "501" in seen["title"]
    record = positions.history(store, page.current_household().id)[0]
    assert record.written and record.form_no == "YJ-2024-0123" and record.method == "written"
    assert record.position == "support" and record.respondent == "owner"
    after = page.verdict.verdict
    assert after.totals["participating_owners"] == 9 and after.totals["agreeing_owners"] == 8
    assert [c.fraction for c in after.criteria] != [c.fraction for c in before.criteria]


def test_shift_2_records_a_signed_opposition_and_cancel_records_nothing(qtbot, window, store, unit, monkeypatch):
    window.open_unit(unit)
    page = window.unit_page
    _type_form_number(monkeypatch, qtbot, "F-9")
    page.select_room("502")
    qtbot.keyClick(page.table, Qt.Key.Key_2, Qt.KeyboardModifier.ShiftModifier)
    assert positions.history(store, page.current_household().id)[0].position == "oppose"
    assert page.verdict.verdict.totals["opposing_owners"] == 2

    def cancel(dialog):
        dialog.show()
        qtbot.keyClicks(dialog.form_no, "F-10")
        qtbot.keyClick(dialog.form_no, Qt.Key.Key_Escape)
        return dialog.result()
    monkeypatch.setattr(position_dialog.SignedFormDialog, "exec", cancel)
    page.select_room("601")
    qtbot.keyClick(page.table, Qt.Key.Key_1, Qt.KeyboardModifier.ShiftModifier)
    assert positions.history(store, page.current_household().id) == []


def test_a_spoken_position_says_it_counts_only_in_the_forecast(qtbot, window, store, unit):
    rows = registry.unit_households(store, unit)
    positions.record_position(store, rows[9].id, "支持", method="phone", on_date="2024-04-01")
    window.open_unit(unit)
    page = window.unit_page
    page.select_room(rows[9].room)
    assert page.spoken_hint.isVisible()
    assert "只计入预测" in page.spoken_hint.text() and "Shift+1–5" in page.spoken_hint.text()
    page.select_room(rows[0].room)  # a signed form: no hint
    assert not page.spoken_hint.isVisible()


def test_the_legend_explains_the_row_colours(qtbot, window, unit):
    window.open_unit(unit)
    legend = window.unit_page.legend
    assert legend.isVisible()
    assert [s.text() for s in legend.swatches.values()] == ["支持", "反对", "弃权", "有条件支持", "未表态"]
    for code, swatch in legend.swatches.items():
        assert POSITION_COLORS[code].name() in swatch.styleSheet()


def test_criteria_in_words_and_whom_to_visit(qtbot, window, store, unit):
    rows = registry.unit_households(store, unit)
    for row in rows[5:7]:  # two more signed oppositions: 5 of 8 agree < 3/4
        positions.record_position(store, row.id, "反对", on_date="2024-05-01", written=True, form_no="X")
    ownership.set_owner_phone(store, rows[9].id, "13912345678")
    positions.record_position(store, rows[9].id, "支持", method="visit", on_date="2024-05-02")
    window.open_unit(unit)
    panel = window.unit_page.verdict
    words = [label.text() for label, _ in panel._rows]
    # 8 of 12 vote (480/720 m²), 5 agree: 5/8 < 3/4 → 还差 1 人 (6 needed)
    assert "✓ 参与表决面积 480.00 / 720.00 m²，需达 2/3（480.00 m²），已达到" in words
    assert "✗ 同意人数（占参与） 5 / 8 人，需达 3/4（6 人），还差 1 人" in words
    # one voter must agree: an opposer (6/8), or 2 silent ones; the one who said yes cannot do it alone
    text = panel.visit_model.index(0).data()
    assert panel.verdict.shortfall_voters == 1
    assert "已签反对，争取改为支持" in text and "\n" in text
    first = panel.verdict.visits[0].flats[0]
    panel.visit_view.setCurrentIndex(panel.visit_model.index(0))
    with qtbot.waitSignal(panel.visit_requested):
        qtbot.keyClick(panel.visit_view, Qt.Key.Key_Return)
    assert window.unit_page.current_household().id == first.household_id


def test_the_print_button_prints_the_visit_list(qtbot, window, store, unit, monkeypatch):
    import ui.printing

    rows = registry.unit_households(store, unit)
    for row in rows[5:7]:
        positions.record_position(store, row.id, "反对", on_date="2024-05-01", written=True, form_no="X")
    printed = []
    monkeypatch.setattr(ui.printing, "make_and_preview", lambda parent, store, kind, target, by: printed.append(
        (kind, target)))
    window.open_unit(unit)
    panel = window.unit_page.verdict
    qtbot.mouseClick(panel.print_button, Qt.MouseButton.LeftButton)
    assert printed == [("visit-list", "长庆街道/王马社区/遥祥寺巷小区/6幢/1单元")]


def test_an_empty_unit_says_to_import_or_generate(qtbot, window, store, unit):
    building = store.db.execute("SELECT id FROM building").fetchone()[0]
    empty = registry.add_unit(store, building, "2单元")
    window.open_unit(empty)
    panel = window.unit_page.verdict
    assert panel.shortfall.text() == "本单元还没有住户：先导入名册或按楼层批量生成"
    assert "无法达标" not in panel.shortfall.text()
    assert not panel.visit_view.isVisible()


def test_the_verdict_panel_wraps_without_overlap_at_large_type(qtbot, window, store, unit):
    from ui.app import init_app

    init_app("zh", 20)
    rows = registry.unit_households(store, unit)
    for row in rows[5:7]:
        positions.record_position(store, row.id, "反对", on_date="2024-05-01", written=True, form_no="X")
    window.resize(1366, 768)
    window.open_unit(unit)
    panel = window.unit_page.verdict
    qtbot.wait(50)
    body = panel.widget()
    shown = [w for w in body.findChildren(type(panel.shortfall)) if w.isVisible() and w.text()]
    assert len(shown) > 6
    for label in shown:  # every wrapped label gets the height its text needs at its width
        assert label.height() >= label.heightForWidth(label.width()) - 1, label.text()
    ordered = sorted((w for w in body.children() if hasattr(w, "isVisible") and w.isWidgetType() and w.isVisible()),
                     key=lambda w: w.geometry().top())
    for upper, lower in zip(ordered, ordered[1:]):
        assert upper.geometry().bottom() <= lower.geometry().top(), (upper, lower)
    init_app("zh", 12)
