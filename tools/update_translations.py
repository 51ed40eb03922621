"""Refresh the English translation: extract tr() strings (pyside6-lupdate), fill them from the
glossary beside the .ts file, compile the .qm (pyside6-lrelease). Run after changing GUI text."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "liftdesk_en.ts"
QM = TS.with_suffix(".qm")
GLOSSARY = ROOT / "resources" / "translations" / "en_glossary.json"


def main() -> int:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))
    subprocess.run(["pyside6-lupdate", *sources, "-no-obsolete", "-ts", str(TS)], cwd=ROOT, check=True)
    glossary = json.loads(GLOSSARY.read_text(encoding="utf-8"))
    tree = ET.parse(TS)
    missing = []
    for context in tree.iter("context"):
        for message in context.iter("message"):
            _fill(message, context.findtext("name"), glossary, missing)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run(["pyside6-lrelease", str(TS), "-qm", str(QM)], cwd=ROOT, check=True)
    for source in missing:
        print(f"no English yet: {source}", file=sys.stderr)
    return 1 if missing else 0


def _fill(message: ET.Element, context: str, glossary: dict[str, str], missing: list[str]) -> None:
    """A "Context|source" key in the glossary wins over a plain "source" key."""
    source = message.findtext("source")
    translation = message.find("translation")
    english = glossary.get(f"{context}|{source}", glossary.get(source))
    if english is not None:
        translation.text = english
        translation.attrib.pop("type", None)
    else:
        missing.append(f"{context}|{source}")


if __name__ == "__main__":
    sys.exit(main())
