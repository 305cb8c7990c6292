"""Hostile and awkward roster workbooks (issue 12, item 7): a refusal naming the file (and the
sheet and cell when known), never a traceback, nothing written; formulas and merged cells are
reported, not read as empty."""

import time
import zipfile

import openpyxl
import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from nn_review.cli import main
from nn_review.roster.errors import RosterError
from nn_review.roster.experts import list_experts
from nn_review.roster.sheet_cells import SheetCells
from nn_review.roster.xlsx import MAX_EXPERTS, import_roster
from nn_review.store import StoreError
from nn_review.store.models import AuditEvent, Expert

from .fuzzing import bounded_memory
from .roster_files import (HEAD, MAIN, VALID, bomb_member, members_of, raw, raw_zip, row_xml, shared_xml, sheet_xml,
                           workbook, workbook_bytes)
from .test_roster import new_store

LAUGHS = """<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
"""


@pytest.fixture
def store(tmp_path):
    s = new_store(tmp_path)
    import_roster(s, workbook(tmp_path / "first.xlsx", VALID[:1]))
    yield s
    s.close()


def counts(store):
    with store.read() as s:
        return (s.scalar(select(func.count()).select_from(Expert)),
                s.scalar(select(func.count()).select_from(AuditEvent)))


def refused(store, path, *needles, seconds=10.0):
    """Import ``path``: a RosterError naming the file and every needle, quickly, and the store unchanged."""
    before = counts(store)
    start = time.monotonic()
    with pytest.raises(RosterError) as info:
        import_roster(store, path)
    assert time.monotonic() - start < seconds
    message = str(info.value)
    assert path.name in message, message
    for needle in needles:
        assert needle in message, message
    assert counts(store) == before
    return message


def imported_text(store) -> str:
    return repr([e for e in list_experts(store)])


# -- XML: entities, external entities, shared strings -------------------------------------

def test_openpyxl_parses_with_defusedxml():
    assert openpyxl.xml.DEFUSEDXML is True


@pytest.mark.parametrize("part", ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/workbook.xml"])
def test_billion_laughs_is_refused(store, tmp_path, part):
    docs = {"xl/worksheets/sheet1.xml": sheet_xml([["ZJ-9", raw('<c r="B2" t="inlineStr"><is><t>&lol9;</t></is></c>'),
                                                    "广西大学"]], doctype=LAUGHS),
            "xl/sharedStrings.xml": shared_xml(["&lol9;"], doctype=LAUGHS),
            "xl/workbook.xml": LAUGHS + '<workbook xmlns="%s"><sheets/></workbook>' % MAIN}
    path = workbook(tmp_path / "laughs.xlsx", VALID, parts={part: docs[part]})
    with bounded_memory(64):
        refused(store, path, part, "DTD", seconds=5)


@pytest.mark.parametrize("part", ["sheet", "strings"])
def test_billion_laughs_is_refused_by_the_sheet_reader_itself(tmp_path, part):
    """Second line, past the zip checks: the streamed parts refuse a DTD too, nothing is expanded."""
    if part == "sheet":
        data = workbook_bytes(sheet=sheet_xml([["ZJ-9", raw('<c r="B2" t="inlineStr"><is><t>&lol9;</t></is></c>')]],
                                              doctype=LAUGHS))
    else:
        data = workbook_bytes(VALID, parts={"xl/sharedStrings.xml": shared_xml(["&lol9;"], doctype=LAUGHS)})
    with bounded_memory(64), pytest.raises(RosterError, match="laughs.xlsx.*DTD"):
        list(SheetCells("laughs.xlsx", data, "专家库").rows())


def test_external_entity_is_refused_and_never_read(store, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    xxe = f'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
    cell = raw('<c r="B2" t="inlineStr"><is><t>&xxe;</t></is></c>')
    for i, parts in enumerate([{"xl/worksheets/sheet1.xml": sheet_xml([["ZJ-9", cell, "广西大学"]], doctype=xxe)},
                               {"xl/sharedStrings.xml": shared_xml(["&xxe;"], doctype=xxe),
                                "xl/worksheets/sheet1.xml": sheet_xml([["ZJ-9", raw('<c r="B2" t="s"><v>0</v></c>'),
                                                                        "广西大学"]])}]):
        refused(store, workbook(tmp_path / f"xxe{i}.xlsx", parts=parts), "DTD")
        assert "TOP-SECRET" not in imported_text(store)
    data = workbook_bytes(sheet=sheet_xml([["ZJ-9", cell, "广西大学"]], doctype=xxe))
    with pytest.raises(RosterError):
        list(SheetCells("xxe.xlsx", data, "专家库").rows())


@pytest.mark.parametrize("index", ["99", "-1", "abc", "1" * 400])
def test_bad_shared_string_index_is_refused_naming_the_cell(store, tmp_path, index):
    rows = [VALID[0], ["ZJ-9", raw(f'<c r="B3" t="s"><v>{index}</v></c>'), "广西大学"]]
    path = workbook(tmp_path / "sst.xlsx", rows, strings=["甲", "乙"])
    refused(store, path, "B3", "共享文本", "工作表“专家库”")


# -- sizes: zip bombs, members, rows ------------------------------------------------------

def test_zip_bomb_is_refused_before_unzipping(store, tmp_path):
    """A 1 MB file that unzips to 1 GiB (the trial's case), decided from the zip directory."""
    members = members_of(workbook_bytes(VALID))
    head, tail = sheet_xml(VALID).encode().split(b"</sheetData>")
    members["xl/worksheets/sheet1.xml"] = bomb_member(head, b" " * (1 << 20), 1024, b"</sheetData>" + tail)
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(raw_zip(members))
    assert path.stat().st_size < 2 * 1024 * 1024
    with zipfile.ZipFile(path) as z:  # a real bomb: a sound zip whose sheet unzips to 1 GiB
        assert z.getinfo("xl/worksheets/sheet1.xml").file_size > 1 << 30
    with bounded_memory(64):
        refused(store, path, "解压后", seconds=3)


def test_high_compression_ratio_is_refused(store, tmp_path):
    path = workbook(tmp_path / "ratio.xlsx", parts={"xl/worksheets/sheet1.xml": sheet_xml(VALID).replace(
        "</worksheet>", " " * (3 << 20) + "</worksheet>")})
    refused(store, path, "压缩比", "xl/worksheets/sheet1.xml")


def test_whole_parsed_part_has_a_small_limit(store, tmp_path):
    """openpyxl parses styles whole into objects (100,000 styles took minutes): 2 MB at most."""
    import random
    rnd = random.Random(1)
    filler = "".join(f'<xf numFmtId="{rnd.randrange(200)}" fontId="{rnd.randrange(99)}"/>' for _ in range(80_000))
    styles = f'<styleSheet xmlns="{MAIN}"><cellXfs>{filler}</cellXfs></styleSheet>'
    refused(store, workbook(tmp_path / "styles.xlsx", VALID, parts={"xl/styles.xml": styles}), "xl/styles.xml", "2 MB")


def test_too_many_members_is_refused(store, tmp_path):
    extra = {f"customXml/item{i}.xml": "<a/>" for i in range(1001)}
    refused(store, workbook(tmp_path / "many.xlsx", VALID, parts=extra), "压缩条目", "1000")


def _million(kind: str) -> str:
    if kind == "experts":  # two shared strings per row: 70 MB of XML
        body = "".join(f'<row r="{n}"><c r="A{n}" t="s"><v>0</v></c><c r="B{n}" t="s"><v>1</v></c></row>'
                       for n in range(2, 1_000_002))
    elif kind == "compact":  # rows without coordinates: 27 MB
        body = "<row><c><v>1</v></c></row>" * 1_000_000
    else:  # empty rows: 16 MB, under the size limits; the row count refuses it
        body = "".join(f'<row r="{n}"/>' for n in range(2, 1_000_002))
    return f'<worksheet xmlns="{MAIN}"><sheetData>{row_xml(1, HEAD)}{body}</sheetData></worksheet>'


@pytest.mark.parametrize("kind,needle", [("experts", "解压后"), ("compact", "解压后"), ("empty", "行")])
def test_a_million_rows_is_refused_quickly(store, tmp_path, kind, needle):
    path = workbook(tmp_path / f"million-{kind}.xlsx", sheet=_million(kind), strings=["王某", "广西大学"])
    with bounded_memory(128):
        refused(store, path, needle, seconds=10)  # 1,000,000 rows once took 5 GB and minutes


def test_more_experts_than_the_limit_is_refused_while_streaming(store, tmp_path):
    rows = [[f"ZJ-{n}", f"专家{n}", "广西大学"] for n in range(MAX_EXPERTS + 1)]
    path = workbook(tmp_path / "big.xlsx", rows)
    refused(store, path, f"最多 {MAX_EXPERTS} 位专家", f"第{MAX_EXPERTS + 2}行")


def test_exactly_the_limit_is_imported(tmp_path):
    store = new_store(tmp_path)
    rows = [[f"ZJ-{n}", f"专家{n}", "广西大学"] for n in range(MAX_EXPERTS)]
    rep = import_roster(store, workbook(tmp_path / "full.xlsx", rows))
    assert rep.added == MAX_EXPERTS and not rep.errors  # how long it takes: benchmarks/, not here
    store.close()


def test_a_large_shared_string_table_is_streamed_not_refused(store, tmp_path):
    """Big worksheets and shared strings have the streamed limit (20 MB), not the 2 MB of whole-parsed parts."""
    strings = [f"广西某某科技有限公司第{i}分公司" for i in range(120_000)]  # ~5 MB of XML
    rows = [[f"ZJ-S{n}", f"专家{n}", raw(f'<c r="C{n + 2}" t="s"><v>{n}</v></c>')] for n in range(3)]
    rep = import_roster(store, workbook(tmp_path / "sst.xlsx", rows, strings=strings))
    assert rep.added == 3 and not rep.errors
    assert [e.unit for e in list_experts(store) if e.roster_key == "ZJ-S2"] == ["广西某某科技有限公司第2分公司"]


def test_binary_parts_excel_writes_are_fine(store, tmp_path):
    """Printer settings (a DEVMODE with UTF-16 names), thumbnails and pictures are not XML: not held to XML rules."""
    parts = {"xl/printerSettings/printerSettings1.bin": "M\0i\0c\0r\0o\0".encode() + bytes(range(256)) * 20,
             "docProps/thumbnail.jpeg": b"\xff\xd8\xff\xe0" + bytes(3000), "xl/media/image1.png": b"\x89PNG" + bytes(500)}
    rep = import_roster(store, workbook(tmp_path / "bin.xlsx", VALID, parts=parts))
    assert rep.added == 1 and rep.unchanged == 1 and not rep.errors


@pytest.mark.parametrize("data,needle", [
    (b"\xd0\xcf\x11\xe0" + b"\0" * 600, "打开密码"),
    (b"PK\x03\x04 not really", "不是有效的 Excel"),
    (b"", "不是有效的 Excel"),
])
def test_not_a_workbook(store, tmp_path, data, needle):
    path = tmp_path / "x.xlsx"
    path.write_bytes(data)
    refused(store, path, needle)


def test_utf16_xml_is_refused(store, tmp_path):
    sheet = sheet_xml(VALID).replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    refused(store, workbook(tmp_path / "u16.xlsx", sheet=sheet), "UTF-8")


def test_content_far_right_is_refused(store, tmp_path):
    rows = [VALID[0], ["ZJ-9", "赵某", "广西大学"] + [None] * 70 + ["x"]]
    refused(store, workbook(tmp_path / "wide.xlsx", rows), "BV3", "64 列")


# -- formulas, error values, merged cells, hidden characters ------------------------------

def test_formula_without_result_is_a_row_error_naming_the_cell(store, tmp_path):
    rows = [VALID[0],
            ["ZJ-3", raw('<c r="B3"><f>CONCATENATE("王","某")</f></c>'), "广西大学"],
            ["ZJ-4", "赵某", raw('<c r="C4" t="str"><f>"广西"&amp;"大学"</f><v>广西大学</v></c>')],
            ["ZJ-5", "钱某", raw('<c r="C5" t="e"><f>#REF!+1</f><v>#REF!</v></c>')]]
    rep = import_roster(store, workbook(tmp_path / "f.xlsx", rows))
    by_row = {e.row: e for e in rep.errors}
    assert set(by_row) == {3, 5}
    assert by_row[3].column == "姓名" and "B3 是公式（=CONCATENATE(\"王\",\"某\")），没有计算结果" in by_row[3].message
    assert "选择性粘贴" in by_row[3].expected
    assert by_row[5].column == "工作单位" and "C5 是错误值 #REF!" in by_row[5].message
    # a formula with the result Excel saved: the result is imported, and said so
    assert [e.unit for e in list_experts(store) if e.roster_key == "ZJ-4"] == ["广西大学"]
    assert len(rep.warnings) == 1 and "C4" in rep.warnings[0] and "按 Excel 保存的计算结果“广西大学”" in rep.warnings[0]
    assert "1 条提示" in rep.summary_zh()


def test_formulas_written_by_openpyxl_have_no_result(store, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "专家库"
    ws.append(HEAD)
    ws.append(["ZJ-7", "=\"孙\"&\"某\"", "广西大学"])
    wb.save(tmp_path / "o.xlsx")
    rep = import_roster(store, tmp_path / "o.xlsx")
    assert rep.added == 0 and rep.errors[0].row == 2 and "B2 是公式" in rep.errors[0].message


def test_header_formula_without_result_is_refused(store, tmp_path):
    head = ["专家编号", "姓名", raw('<c r="C1"><f>"工作"&amp;"单位"</f></c>')]
    path = workbook(tmp_path / "hf.xlsx", sheet=sheet_xml([VALID[0]], head=head))
    refused(store, path, "C1", "公式")


def test_merged_header_cells_are_reported(store, tmp_path):
    merged = '<mergeCells count="2"><mergeCell ref="B1:C1"/><mergeCell ref="F1:G1"/></mergeCells>'
    path = workbook(tmp_path / "mh.xlsx", sheet=sheet_xml(VALID, extra=merged))
    refused(store, path, "合并单元格", "B1:C1", "F1:G1")


def test_merged_title_above_the_header_is_fine(store, tmp_path):
    rows = [HEAD] + VALID
    sheet = sheet_xml(rows, head=["2025年专家库"], extra='<mergeCells><mergeCell ref="A1:J1"/></mergeCells>')
    rep = import_roster(store, workbook(tmp_path / "title.xlsx", sheet=sheet))
    assert not rep.errors and rep.added == 1 and rep.unchanged == 1


def test_merged_data_cells_are_row_errors(store, tmp_path):
    rows = [VALID[0], ["ZJ-3", "孙某", "广西科学院"], ["ZJ-4", "周某"], ["ZJ-5", "吴某", "桂林学院"]]
    path = workbook(tmp_path / "md.xlsx", sheet=sheet_xml(rows, extra='<mergeCells><mergeCell ref="C3:C4"/></mergeCells>'))
    rep = import_roster(store, path)
    assert rep.skipped_rows == [3, 4] and rep.added == 1
    assert all(e.column == "工作单位" and "C3:C4 是合并单元格" in e.message for e in rep.errors)


def test_hidden_characters_and_long_text_are_row_errors(store, tmp_path):
    rows = [["ZJ-3", "王\u202e某", "广西大学"], ["ZJ-4", "李\u200b某", "广西大学"], ["ZJ-5", "赵某", "大" * 201],
            ["ZJ-6", "钱某", "广西大学", None, None, "新材料\n电子信息"]]
    rep = import_roster(store, workbook(tmp_path / "h.xlsx", rows))
    by_row = {e.row: e for e in rep.errors}
    assert set(by_row) == {2, 3, 4} and rep.added == 1
    assert "U+202E" in by_row[2].message and "U+200B" in by_row[3].message
    assert "201 个字符，超过 200 个" in by_row[4].message
    assert [e.fields for e in list_experts(store) if e.roster_key == "ZJ-6"] == [["新材料", "电子信息"]]


def test_refusal_through_the_cli_is_a_message(capsys, tmp_path):
    path = workbook(tmp_path / "laughs.xlsx", parts={"xl/sharedStrings.xml": shared_xml(["&lol9;"], doctype=LAUGHS)})
    code = main(["--store", str(tmp_path / "s"), "roster", "import", str(path)])
    out, err = capsys.readouterr()
    assert code == 2 and "DTD" in err and "Traceback" not in err + out


def test_roster_error_is_a_store_error():
    assert issubclass(RosterError, StoreError)  # every existing caller (UI, CLI) shows it as a refusal


@pytest.mark.skipif(not __import__("shutil").which("soffice"), reason="LibreOffice not installed")
def test_workbook_written_by_libreoffice(store, tmp_path):
    """Another writer than openpyxl: shared strings, styles, printer options, and a formula with its saved result."""
    import os
    import subprocess
    csv = tmp_path / "lo.csv"
    csv.write_text('专家编号,姓名*,工作单位*,手机\nZJ-7,王某某,"=""广西""&""大学""",13800000007\n', encoding="utf-8")
    subprocess.run(["soffice", "--headless", "--infilter=CSV:44,34,76,1,,0,false,false,false,false,false,-1",
                    "--convert-to", "xlsx", "--outdir", str(tmp_path), str(csv)],
                   check=True, capture_output=True, timeout=120, env={**os.environ, "HOME": str(tmp_path)})
    rep = import_roster(store, tmp_path / "lo.xlsx")
    assert rep.added == 1 and not rep.errors
    [e] = [e for e in list_experts(store) if e.roster_key == "ZJ-7"]
    assert (e.unit, e.phone) == ("广西大学", "13800000007")
    assert len(rep.warnings) == 1 and "C2" in rep.warnings[0]
