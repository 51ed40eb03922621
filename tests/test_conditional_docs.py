"""How a signed 有条件支持 counts — as 支持 in the forecast, not as agreement in the legal verdict —
is said where people look: the docs (the helper's guide, the internals) and the unit page's colour legend (issue 21, item 12)."""

from liftdesk.consent import evaluation
from liftdesk.consent.rules import load_rule

from .conftest import ROOT


def test_the_forecast_and_the_verdict_differ_on_a_conditional_form_and_the_docs_say_so(qtbot):
    # three flats of 60 m²: two signed 支持, one 有条件支持. Forecast: 3/3 agree → passes. Verdict: 2/3 < 3/4
    # agree → not passed; without the conditional form 2/3 take part and 2/2 agree → passes: it depends on it
    ballots = [evaluation.Ballot("a", "101", 1, 6000, ("p1",), "support"),
               evaluation.Ballot("b", "102", 1, 6000, ("p2",), "support"),
               evaluation.Ballot("c", "201", 2, 6000, ("p3",), "conditional", conditional=True)]
    rule = load_rule("civil-code-278")
    assert evaluation.evaluate(ballots, rule, evaluation.FORECAST).passed
    legal = evaluation.evaluate(ballots, rule)
    assert not legal.passed and legal.depends_on_conditional
    internals = (ROOT / "docs" / "internals.md").read_text(encoding="utf-8")  # the README's details moved there (#23)
    assert "forecast (`--forecast`, the unit page's 预测 view) counts it as 支持" in internals
    assert "有条件支持在预测中按支持计，在法定结论中不计为同意" in (ROOT / "docs" / "使用说明.md").read_text(encoding="utf-8")
    from ui.app import init_app
    from ui.widgets.position_legend import PositionLegend

    init_app("zh", 12)
    legend = PositionLegend()
    qtbot.addWidget(legend)
    texts = [w.text() for w in legend.findChildren(type(legend.swatches["support"]))]
    tips = [legend.toolTip()] + [w.toolTip() for w in legend.findChildren(type(legend.swatches["support"]))]
    assert any("有条件支持在预测中按支持计，在法定结论中不计为同意" in text for text in texts + tips)
