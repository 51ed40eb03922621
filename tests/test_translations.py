import ast
import json
import re
import xml.etree.ElementTree as ET

from liftdesk import i18n

from .conftest import ROOT

TS = ROOT / "resources" / "translations" / "liftdesk_en.ts"


def test_every_gui_string_has_an_english_translation():
    tree = ET.parse(TS)
    translated = {m.findtext("source") for m in tree.iter("message")
                  if m.find("translation").get("type") is None and (m.findtext("translation") or "").strip()}
    literals = set()
    for path in (ROOT / "ui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                args = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
                if node.func.attr == "tr" and args:
                    literals.add(args[0])
                elif node.func.attr == "translate" and len(args) >= 2:
                    literals.add(args[1])
    assert literals and literals <= translated, sorted(literals - translated)


def test_compiled_qm_holds_every_translation_of_the_ts():
    """The .qm the app loads is up to date: each finished .ts translation comes back from it
    (a .ts edited without rerunning tools/update_translations.py fails here)."""
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(TS.with_suffix(".qm")))
    stale = []
    count = 0
    for context in ET.parse(TS).iter("context"):
        name = context.findtext("name")
        for m in context.iter("message"):
            translation = m.find("translation")
            if translation.get("type") is not None or not (translation.text or "").strip():
                continue
            count += 1
            if translator.translate(name, m.findtext("source")) != translation.text:
                stale.append(f"{name}|{m.findtext('source')}")
    assert count > 100 and not stale, stale[:20]


def test_core_catalogue_has_both_languages_with_the_same_fields():
    for key, entry in i18n.MESSAGES.items():
        assert set(entry) == {"zh", "en"}, key
        fields = lambda s: sorted(re.findall(r"{(\w+)", s))  # noqa: E731
        assert fields(entry["zh"]) == fields(entry["en"]), key


def test_glossary_is_valid_json():
    assert json.loads((ROOT / "resources" / "translations" / "en_glossary.json").read_text(encoding="utf-8"))
