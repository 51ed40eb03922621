"""LibreOffice beside LiftDesk: a street's consent forms (加装电梯业主意见征询表) converted from .docx
to PDF by `soffice --headless`, and the same street printed by LiftDesk itself. Prints; asserts
nothing. Exits with one line (status 0) when LibreOffice, python-docx or pdfinfo is missing.

    apt-get install -y --no-install-recommends libreoffice-writer-nogui     # soffice (+ poppler-utils)
    python3 -m venv /tmp/lobench-venv && /tmp/lobench-venv/bin/pip install python-docx
    .venv/bin/python benchmarks/bench_libreoffice.py --db demo.db [--street 康桥街道]

python-docx is only needed here, so it is not one of LiftDesk's dependencies. The script first tries
`import docx`; if that fails it appends `--docx-site PATH` (default: the site-packages of
/tmp/lobench-venv, as made above) to sys.path and tries again. Appended, not prepended: LiftDesk's
own packages still win. Any venv of the same Python minor version will do (lxml is compiled).

What it does:
1. copies --db to a temporary folder (the original is never opened) and, from that copy opened
   read-only, writes one .docx per unit under --street with the form LiftDesk prints: title, address
   and project line, plan line, rule line, then a table with one row per household — 房号, 产权人,
   专有面积, 同意/不同意/弃权 (tick boxes), 理由, 签名, 日期, 代签 — a co-owner adding a row, the
   household's own cells merged across its rows, the header repeated on each page. The text is set
   in the font LiftDesk bundles (WenQuanYi Zen Hei), made visible to LibreOffice through a private
   fontconfig file, so both sides draw and embed the same font. (Not reproduced: the QR code and the
   per-copy serial in LiftDesk's header; the .docx has the project line and page x/y instead.)
2. times as whole processes, each with a fresh LibreOffice profile (-env:UserInstallation, so every
   measurement pays the same first-start cost), after one untimed warm-up conversion that fills the
   fontconfig cache and the OS file cache:
   a. the whole street in ONE `soffice --convert-to pdf --outdir OUT *.docx` (batch);
   b. one form alone (cold start), --repeat times: the median and the fastest;
   c. LiftDesk's `main.py --db COPY print consent-form --all STREET -o FOLDER` (it records what it
      prints, in the copy).
   Pages are counted with pdfinfo. The two sides paginate differently, so forms/s is printed too:
   it compares the same work. CPU is user+sys of the child processes (soffice's own helpers
   included), the figure that holds when the machine is shared.
"""

from __future__ import annotations

import argparse
import glob
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_DOCX_SITE = "/tmp/lobench-venv/lib/python3.*/site-packages"
FONT_FAMILY = "WenQuanYi Zen Hei"  # liftdesk.common.resources.CJK_FONT_FAMILY; the file is in resources/fonts
TIMEOUT = 3600  # seconds for one soffice or LiftDesk run


def import_docx(site: str | None):
    try:
        import docx  # noqa: F401
        return docx
    except ImportError:
        pass
    for path in sorted(glob.glob(site or DEFAULT_DOCX_SITE)):
        if path not in sys.path:
            sys.path.append(path)
    try:
        import docx  # noqa: F811
        return docx
    except ImportError:
        return None


# ---------------------------------------------------------------------------------------------- .docx


def build_docx(ctx, path: Path) -> None:
    """One unit's consent form as a .docx, laid out like liftdesk/documents/consent_form.py."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt, RGBColor

    from liftdesk.documents.consent_form import COLUMNS
    from liftdesk.common.units import format_area

    doc = Document()
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.left_margin = sec.right_margin = sec.bottom_margin = Mm(16)
    sec.top_margin, sec.header_distance, sec.footer_distance = Mm(30), Mm(12), Mm(8)

    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = FONT_FAMILY, Pt(10.5)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT_FAMILY)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.space_before = Pt(0)

    def para(container, text, size=10.5, bold=False, align=None, after=0.0, color=None):
        p = container.add_paragraph()
        if align is not None:
            p.alignment = align
        p.paragraph_format.space_after = Pt(after)
        run = p.add_run(text)
        run.font.size, run.font.bold = Pt(size), bold
        if color:
            run.font.color.rgb = RGBColor.from_string(color)
        return p

    def field(paragraph, code):
        run = paragraph.add_run()
        for kind, text in (("begin", None), (None, code), ("separate", None), (None, "1"), ("end", None)):
            if kind:
                el = OxmlElement("w:fldChar")
                el.set(qn("w:fldCharType"), kind)
            else:
                el = OxmlElement("w:instrText" if text == code else "w:t")
                el.set(qn("xml:space"), "preserve")
                el.text = text
            run._r.append(el)

    head = sec.header.paragraphs[0]
    head.add_run(ctx.project_line).font.size = Pt(9)
    foot = sec.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    foot.add_run("第 ")
    field(foot, "PAGE")
    foot.add_run(" 页 / 共 ")
    field(foot, "NUMPAGES")
    foot.add_run(" 页")
    for run in foot.runs:
        run.font.size = Pt(9)

    a = ctx.address
    para(doc, "加装电梯业主意见征询表", 19, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=6)
    para(doc, f"地址：{a.street}{a.community}{a.estate}{a.building}{a.unit}　　项目：{ctx.project_name}")
    if ctx.plan:
        para(doc, f"方案概要：{ctx.plan}")
    else:
        para(doc, "方案概要（位置、载重、平层或半层入户）：" + "_" * 40, after=4)
    para(doc, f"适用规则：{ctx.rule_name}——{ctx.rule_summary}", after=5)

    rows = [[o.name for o in ctx.owners.get(h.id, [])] or [""] for h in ctx.households]
    table = doc.add_table(rows=1 + sum(len(r) for r in rows), cols=len(COLUMNS))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = [Mm(c.width / (72 / 25.4)) for c in COLUMNS]  # reportlab points → mm
    margins = OxmlElement("w:tblCellMar")  # 1.2 mm each side, as LiftDesk's grid (Word's default is 1.9)
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), "68")
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    tbl_pr = table._tbl.tblPr
    look = tbl_pr.find(qn("w:tblLook"))
    if look is not None:
        look.addprevious(margins)
    else:
        tbl_pr.append(margins)

    def set_cell(cell, text, size, align=WD_ALIGN_PARAGRAPH.CENTER):
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        lines = text.split("\n")
        p = cell.paragraphs[0]
        p.alignment = align
        for n, line in enumerate(lines):
            run = p.add_run(line)
            run.font.size = Pt(size)
            if n < len(lines) - 1:
                run.add_break()

    def row_props(row, cells, header=False, keep=False, height=None):
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:cantSplit"))
        if header:
            tr_pr.append(OxmlElement("w:tblHeader"))
        if height:
            row.height, row.height_rule = height, WD_ROW_HEIGHT_RULE.AT_LEAST
        for i, cell in enumerate(cells):
            cell.width = widths[i]
            if keep:  # keep a household's rows on one page
                cell.paragraphs[0].paragraph_format.keep_with_next = True

    # every cell looked up once: python-docx's table.cell() and row.cells walk the whole table
    table_rows = list(table.rows)
    grid = [row.cells for row in table_rows]
    row_props(table_rows[0], grid[0], header=True)
    for i, col in enumerate(COLUMNS):
        cell = grid[0][i]
        shade = OxmlElement("w:shd")
        shade.set(qn("w:val"), "clear")
        shade.set(qn("w:fill"), "E8EDF3")
        cell._tc.get_or_add_tcPr().append(shade)
        set_cell(cell, col.header, 9.5)

    r = 1
    for h, names in zip(ctx.households, rows):
        first = r
        for k, name in enumerate(names):
            row_props(table_rows[r], grid[r], keep=k < len(names) - 1, height=Mm(10))
            for i, col in enumerate(COLUMNS):
                if i == 1:
                    set_cell(grid[r][i], name, col.size)
                elif col.kind == "proxy":
                    set_cell(grid[r][i], "□代签人____\n委托书号____", 7, WD_ALIGN_PARAGRAPH.LEFT)
            r += 1
        for i, col in enumerate(COLUMNS):
            if col.per_owner:
                continue
            cell = grid[first][i]
            if len(names) > 1:  # the household's own cells span its co-owners' rows
                cell = cell.merge(grid[r - 1][i])
            if i == 0:
                set_cell(cell, f"{h.room}\n{h.floor}层", col.size)
            elif i == 2:
                set_cell(cell, format_area(h.area_x100), col.size)
            elif col.kind == "box":
                set_cell(cell, "□", 14)

    para(doc, "", after=3)
    para(doc, "说明：每户在“同意”“不同意”“弃权”中勾选一项；共有人各自签名。由他人代签的，勾选“代签”，"
              "写明代签人姓名和授权委托书编号，并附委托书。本表收回后按表上编号录入。", 9, color="444444")
    doc.save(str(path))


# ------------------------------------------------------------------------------------------- timing


class Run:
    def __init__(self, wall: float, cpu: float, files: int, pages: int):
        self.wall, self.cpu, self.files, self.pages = wall, cpu, files, pages


def timed(cmd: list[str], env: dict | None = None, cwd: Path | None = None) -> tuple[float, float]:
    """Wall and CPU (user + sys of every waited-for child) seconds of one whole process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=cwd, timeout=TIMEOUT)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[:4])} … failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    return int(next((line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")), "0"))


def pages_in(folder: Path) -> tuple[int, int]:
    pdfs = sorted(folder.glob("*.pdf"))
    return len(pdfs), sum(pdf_pages(p) for p in pdfs)


def soffice_env(tmp: Path) -> dict:
    """The usual environment plus a fontconfig file that adds LiftDesk's bundled fonts."""
    conf = tmp / "fonts.conf"
    conf.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
                    '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
                    f'  <dir>{ROOT / "resources" / "fonts"}</dir>\n</fontconfig>\n', encoding="utf-8")
    return dict(os.environ, FONTCONFIG_FILE=str(conf))


def convert(soffice: str, docs: list[Path], out: Path, profile: Path, env: dict) -> Run:
    """One soffice process converting `docs`, with a profile folder that does not exist yet."""
    out.mkdir(parents=True)
    wall, cpu = timed([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                       "--convert-to", "pdf", "--outdir", str(out), *map(str, docs)], env=env)
    files, pages = pages_in(out)
    if files != len(docs):
        print(f"  ! soffice made {files} PDFs of {len(docs)} .docx files")
    return Run(wall, cpu, files, pages)


def line(label: str, run: Run, forms: int) -> str:
    return (f"{label:44s} {forms:4d} forms {run.pages:5d} pages {run.wall:8.2f} s wall = "
            f"{run.pages / run.wall:7.1f} pages/s {forms / run.wall:7.1f} forms/s;  CPU {run.cpu:7.2f} s = "
            f"{run.pages / run.cpu:7.1f} pages/CPU-s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, required=True, help="a LiftDesk database (copied, never modified)")
    parser.add_argument("--street", default="康桥街道")
    parser.add_argument("--docx-site", metavar="PATH", default=None,
                        help=f"site-packages holding python-docx, if `import docx` fails (default {DEFAULT_DOCX_SITE})")
    parser.add_argument("--repeat", type=int, default=3, help="cold single-form runs (default 3)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (PDFs, .docx) and name it")
    args = parser.parse_args()

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("bench_libreoffice: skipped, soffice (LibreOffice) not found: apt-get install libreoffice-writer-nogui")
        return
    if import_docx(args.docx_site) is None:
        print("bench_libreoffice: skipped, python-docx not importable "
              "(pip install python-docx into a venv; see --docx-site)")
        return
    if not shutil.which("pdfinfo"):
        print("bench_libreoffice: skipped, pdfinfo not found: apt-get install poppler-utils")
        return

    from liftdesk.places import places
    from liftdesk.documents.context import unit_context
    from liftdesk.store import open_store

    tmp = Path(tempfile.mkdtemp(prefix="lobench-"))
    try:
        db = tmp / "bench.db"
        shutil.copy(args.db, db)
        t0 = time.perf_counter()
        store = open_store(db, readonly=True)
        docs_dir = tmp / "docx"
        docs_dir.mkdir()
        docs, skipped = [], 0
        for n, unit in enumerate(places.list_units(store, args.street)):
            if not unit.households:
                skipped += 1
                continue
            path = docs_dir / f"{n:04d}-{unit.address.short}-征询表.docx"
            build_docx(unit_context(store, unit.id, "consent-form"), path)
            docs.append(path)
        store.close()
        if not docs:
            print(f"bench_libreoffice: no unit with households under {args.street}")
            return
        print(f"{args.street}: {len(docs)} .docx forms made in {time.perf_counter() - t0:.1f} s "
              "(copy opened, forms written; not timed below)"
              f"{f' ({skipped} units without households left out)' if skipped else ''}")
        version = subprocess.run([soffice, "--version"], capture_output=True, text=True).stdout.strip()
        print(f"{version}; machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")

        env = soffice_env(tmp)
        convert(soffice, docs[:1], tmp / "warmup", tmp / "profile-warmup", env)  # untimed

        batch = convert(soffice, docs, tmp / "lo-batch", tmp / "profile-batch", env)
        print(line("LibreOffice, one soffice for the street", batch, len(docs)))

        singles = [convert(soffice, docs[:1], tmp / f"lo-single-{k}", tmp / f"profile-single-{k}", env)
                   for k in range(args.repeat)]
        walls = sorted(r.wall for r in singles)
        one, cpu = min(singles, key=lambda r: r.wall), statistics.median(r.cpu for r in singles)
        print(f"LibreOffice, one form alone (cold, fresh profile): {statistics.median(walls):.2f} s median of "
              f"{len(walls)} (fastest {walls[0]:.2f} s, slowest {walls[-1]:.2f} s), {one.pages} page(s) = "
              f"{one.pages / statistics.median(walls):.2f} pages/s; CPU {cpu:.2f} s")

        folder = tmp / "liftdesk"
        wall, cpu = timed([sys.executable, str(ROOT / "main.py"), "--db", str(db), "print", "consent-form",
                           "--all", args.street, "-o", str(folder)], cwd=ROOT)
        files, pages = pages_in(folder)
        print(line("LiftDesk, main.py print consent-form --all", Run(wall, cpu, files, pages), files))
        print(f"side by side: LiftDesk {pages / wall:.1f} pages/s ({files / wall:.1f} forms/s) vs LibreOffice batch "
              f"{batch.pages / batch.wall:.1f} pages/s ({batch.files / batch.wall:.1f} forms/s): "
              f"{(files / wall) / (batch.files / batch.wall):.1f}× the forms per second")
        if args.keep:
            print(f"kept: {tmp}")
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
