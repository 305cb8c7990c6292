"""Every .xlsx the app writes keeps text as text (issue 12, item 10): a title ``=HYPERLINK(…)``,
an applicant ``=1+1`` or a roster name starting with ``=`` is never a live formula."""

import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from nn_review import xlsxsafe
from nn_review.cli import main
from nn_review.demo.roster import write_roster_xlsx
from nn_review.roster.experts import list_experts
from nn_review.roster.xlsx import export_roster, import_roster, save_template
from nn_review.store import models as M

from .exchange_fixtures import no_real_keyring  # noqa: F401
from .results_fixtures import make_world, retitle, return_scores, review
from .roster_files import workbook

HOSTILE = ['=HYPERLINK("http://evil.example/x","点击查看")', "=1+1", "+1+1", "-2+3", "@SUM(A1:A9)",
           "=cmd|' /C calc'!A0", "\t=1+1", "\r=1+1"]
ROOT = Path(__file__).resolve().parents[1]


def formulas(path: Path) -> list[str]:
    """The <f> elements of every sheet of the saved file."""
    with zipfile.ZipFile(path) as z:
        return [m for n in z.namelist() if n.startswith("xl/worksheets/")
                for m in re.findall(r"<(?:\w+:)?f[ >/][^<]*", z.read(n).decode("utf-8"))]


def cells_with(path: Path, texts) -> dict[str, list]:
    """Every cell whose value is one of ``texts``: text → [cell, …]."""
    found: dict[str, list] = {}
    for ws in load_workbook(path).worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.value in texts:
                    found.setdefault(c.value, []).append(c)
    return found


def assert_literal(path: Path, texts) -> None:
    assert formulas(path) == []
    found = cells_with(path, texts)
    assert set(found) == set(texts), set(texts) - set(found)
    for cells in found.values():
        assert all(c.data_type == "s" for c in cells)
        assert all(c.quotePrefix for c in cells)  # Excel shows it as typed, even after an edit


def test_session_export_xlsx(tmp_path, capsys):
    names = ("=1+1", "王建国", "@SUM(A1:A9)")
    w = make_world(tmp_path, n_apps=2, experts=names)
    a1, a2 = w.app_ids
    retitle(w, {a1: HOSTILE[0], a2: "-2+3"})
    with w.store.write() as s:
        s.get(M.Application, w.apps[a1]).applicant_name = "=1+1"
        s.get(M.Application, w.apps[a2]).applicant_name = "\t=1+1"
        s.get(M.ReviewSession, w.sid).name = "=cmd|' /C calc'!A0"
        s.get(M.Panel, w.panel_id).name = "+1+1"
    return_scores(w, tmp_path, {n: [review(a1, "ABBBBB"), review(a2, "BBBBBB")] for n in names})
    out = tmp_path / "results.xlsx"
    assert main(["--store", str(w.store.root), "session", "export", "--xlsx", str(out)]) == 0
    capsys.readouterr()
    assert_literal(out, {HOSTILE[0], "=1+1", "-2+3", "\t=1+1", "@SUM(A1:A9)"})
    # the title line of the panel sheet carries the session and panel names, as text
    ws = load_workbook(out).worksheets[0]
    assert ws["A1"].value.startswith("=cmd|' /C calc'!A0 · +1+1") and ws["A1"].data_type == "s"
    # numbers stay numbers
    assert any(isinstance(c.value, (int, float)) and c.data_type == "n" for row in ws.iter_rows(min_row=6) for c in row)


def test_roster_export_and_reimport(tmp_path):
    from .test_roster import new_store
    store = new_store(tmp_path)
    rows = [[f"ZJ-{i}", name, unit, None, title] for i, (name, unit, title) in
            enumerate([("=1+1", HOSTILE[0], "+1+1"), ("-2+3", "@SUM(A1:A9)", "=cmd|' /C calc'!A0")])]
    rep = import_roster(store, workbook(tmp_path / "in.xlsx", rows))
    assert rep.added == 2, rep.errors
    before = list_experts(store)
    export_roster(store, tmp_path / "out.xlsx")
    assert_literal(tmp_path / "out.xlsx", {"=1+1", HOSTILE[0], "+1+1", "-2+3", "@SUM(A1:A9)", "=cmd|' /C calc'!A0"})
    rep = import_roster(store, tmp_path / "out.xlsx")  # what was exported reads back unchanged, not as formulas
    assert (rep.unchanged, rep.errors, rep.warnings) == (2, [], [])
    assert list_experts(store) == before
    store.close()


def test_template_and_demo_roster_have_no_formulas(tmp_path):
    save_template(tmp_path / "t.xlsx")
    write_roster_xlsx(tmp_path / "demo.xlsx")
    assert formulas(tmp_path / "t.xlsx") == formulas(tmp_path / "demo.xlsx") == []


def test_helper_keeps_numbers_and_escapes_what_xml_cannot_hold(tmp_path):
    wb = Workbook()
    ws = wb.active
    xlsxsafe.append(ws, ["=1+1", 3, 2.5, None, "普通文字", "a\x01b\x1bc", "x" * 40_000])
    xlsxsafe.cell(ws, 2, 1, "=A1")
    wb.save(tmp_path / "h.xlsx")
    assert formulas(tmp_path / "h.xlsx") == []
    ws = load_workbook(tmp_path / "h.xlsx").active
    assert [c.value for c in ws[1]][:6] == ["=1+1", 3, 2.5, None, "普通文字", "a\\x01b\\ec"]
    assert ws["B1"].data_type == "n" and not ws["E1"].quotePrefix
    assert len(ws["G1"].value) == xlsxsafe.EXCEL_MAX_TEXT and "已截去" in ws["G1"].value
    assert ws["A2"].value == "=A1" and ws["A2"].data_type == "s"


def test_every_xlsx_writer_goes_through_xlsxsafe():
    """A new writer must use the helper: any module that builds an openpyxl Workbook imports xlsxsafe."""
    writers = [p for d in ("nn_review", "ui") for p in (ROOT / d).rglob("*.py")
               if re.search(r"\bWorkbook\(", p.read_text("utf-8")) and p.name != "xlsxsafe.py"]
    assert writers, "no writer found: the scan is broken"
    assert [str(p.relative_to(ROOT)) for p in writers if "xlsxsafe" not in p.read_text("utf-8")] == []


@pytest.mark.skipif(not __import__("shutil").which("soffice"), reason="LibreOffice not installed")
def test_libreoffice_shows_the_text(tmp_path):
    import subprocess
    wb = Workbook()
    xlsxsafe.append(wb.active, ["=1+1", '=HYPERLINK("http://evil.example/x","点击")', 7])
    wb.save(tmp_path / "lo.xlsx")
    subprocess.run(["soffice", "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", str(tmp_path), str(tmp_path / "lo.xlsx")],
                   check=True, capture_output=True, timeout=120, env={**__import__("os").environ, "HOME": str(tmp_path)})
    line = (tmp_path / "lo.csv").read_text("utf-8").strip()
    assert line == '=1+1,"=HYPERLINK(""http://evil.example/x"",""点击"")",7'
