"""Every command example of README.md and docs/cli.md runs as written (issue #23 item 4)."""

import re

import pytest

from liftdesk.cli.main import build_parser

from .conftest import ROOT
from .doc_examples import Example, Session, blocks_text, examples, run_all

CLI_DOC = ROOT / "docs" / "cli.md"
NOT_RUNNABLE = {  # they need what a run cannot make up: a recovery code, a conflict, held rows
    "district-recover", "resolve", "release-held", "reject-held"}


def test_readme_examples_run(tmp_path):
    assert run_all(ROOT / "README.md", tmp_path / "readme") >= 3


def test_cli_reference_examples_run(tmp_path):
    assert run_all(CLI_DOC, tmp_path / "cli") >= 40


def test_every_command_has_an_example_in_the_reference():
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    runnable, syntax = blocks_text(CLI_DOC, True), blocks_text(CLI_DOC, False)
    for command in sub.choices:
        if command in NOT_RUNNABLE:
            assert re.search(rf" {re.escape(command)} ", syntax), command
        else:
            assert re.search(rf"--db \S+ {re.escape(command)}\b", runnable), f"no runnable example of {command}"
        assert f"### {command}" in CLI_DOC.read_text(encoding="utf-8") or command in ("undo", "redo"), command


def test_every_screenshot_page_is_documented():
    from ui.app import SCREENSHOT_PAGES, build_parser as gui_parser
    page_help = next(a.help for a in gui_parser()._actions if a.dest == "page")
    listed = re.findall(r"[a-z][a-z-]+", page_help.split(":", 1)[1].split("or an address")[0])
    text = CLI_DOC.read_text(encoding="utf-8")
    pages = set(SCREENSHOT_PAGES) | set(listed)
    assert len(pages) > 25
    assert sorted(p for p in pages if not re.search(rf"(?<![\w-]){re.escape(p)}(?![\w-])", text)) == []


def test_a_broken_example_fails(tmp_path):
    """The runner is not fooled: a misspelt command or a missing address fails with the doc's line."""
    session = Session.start(tmp_path)
    with pytest.raises(AssertionError, match="README.md:7"):
        session.run(Example("README.md", 7, "liftdesk --db 演示.db infoo"))
    with pytest.raises(AssertionError, match="not a LiftDesk command"):
        session.run(Example("README.md", 8, "python main.py --db 演示.db info"))


def test_examples_are_found_in_bash_blocks_only(tmp_path):
    doc = tmp_path / "d.md"
    doc.write_text("```bash\n# a comment\nliftdesk --db a.db init\n```\n```text\nliftdesk X Y\n```\n", encoding="utf-8")
    assert [e.text for e in examples(doc)] == ["liftdesk --db a.db init"]
