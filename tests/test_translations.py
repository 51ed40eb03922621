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
    assert (ROOT / "resources" / "translations" / "liftdesk_en.qm").stat().st_mtime >= 0


def test_core_catalogue_has_both_languages_with_the_same_fields():
    for key, entry in i18n.MESSAGES.items():
        assert set(entry) == {"zh", "en"}, key
        fields = lambda s: sorted(re.findall(r"{(\w+)", s))  # noqa: E731
        assert fields(entry["zh"]) == fields(entry["en"]), key


def test_glossary_is_valid_json():
    assert json.loads((ROOT / "resources" / "translations" / "en_glossary.json").read_text(encoding="utf-8"))
