"""The figures in the docs are marked spans that tools/doc_figures.py rewrites (issue #23 item 6).
The demo is not rebuilt here: only the marks are checked, and rewriting is tried on a text."""

import importlib.util

from .conftest import ROOT

spec = importlib.util.spec_from_file_location("doc_figures", ROOT / "tools" / "doc_figures.py")
doc_figures = importlib.util.module_from_spec(spec)
spec.loader.exec_module(doc_figures)


def test_every_mark_in_the_docs_parses_and_is_a_known_figure():
    files = doc_figures.default_files()
    assert ROOT / "docs" / "cli.md" in files and ROOT / "README.md" in files
    texts = {f.name: f.read_text(encoding="utf-8") for f in files}
    assert [p for name, text in texts.items() for p in doc_figures.problems(text, name)] == []
    named = {figure for text in texts.values() for figure, _ in doc_figures.marks(text)}
    assert {"demo_size", "demo_units", "demo_households", "demo_lifts", "build_size"} <= named
    assert doc_figures.main(["--check"]) == 0


def test_a_broken_mark_is_reported():
    text = ("demo <!-- fig:demo_size -->417 MB<!-- /fig --> ok\n"
            "<!-- fig:demo_sise -->1<!-- /fig -->\n"
            "<!-- fig:demo_units -->6515\n"
            "<!-- fig:demo_lifts --><!-- /fig -->\n")
    found = doc_figures.problems(text, "x.md")
    assert [p.split(":")[1] for p in found] == ["2", "3", "4"]
    assert "unknown figure “demo_sise”" in found[0] and "does not pair" in found[1] and "empty" in found[2]


def test_rewriting_replaces_measured_figures_and_keeps_the_rest():
    text = "共 <!-- fig:demo_units -->1<!-- /fig --> 个单元，<!-- fig:build_size -->277 MB<!-- /fig --> 构建"
    new = doc_figures.rewrite(text, {"demo_units": "6515"})
    assert new == "共 <!-- fig:demo_units -->6515<!-- /fig --> 个单元，<!-- fig:build_size -->277 MB<!-- /fig --> 构建"
    assert doc_figures.rewrite(new, {"demo_units": "6515"}) == new
