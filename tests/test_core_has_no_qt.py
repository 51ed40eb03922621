import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_no_module_under_liftdesk_imports_qt():
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "liftdesk").rglob("*.py")
                 if re.search(r"^\s*(from|import)\s+(PySide6|PyQt\d|shiboken6)", p.read_text(encoding="utf-8"), re.M)]
    assert offenders == []


def test_importing_the_whole_core_loads_no_qt():
    modules = sorted(".".join(p.relative_to(ROOT).with_suffix("").parts)
                     for p in (ROOT / "liftdesk").rglob("*.py") if p.name != "__init__.py")
    code = ("import sys\n" + "".join(f"import {m}\n" for m in modules)
            + "print(any(m.startswith(('PySide6', 'shiboken6')) for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
