"""Expert roster: name normalisation, xlsx import/export/template, the v2→v3 migration, roster CLI."""

import sqlite3

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, inspect, select

from nn_review.cli import main
from nn_review.roster.normalize import normalize_person, normalize_unit, split_list
from nn_review.roster.experts import list_experts, resolve_expert
from nn_review.roster.xlsx import HEADERS, derived_key, export_roster, import_roster, save_template
from nn_review.services.guides import ensure_builtin_guides
from nn_review.services.importer import import_packages
from nn_review.store import StoreError, open_store
from nn_review.store.migrations import migrate
from nn_review.store.models import AuditEvent, Expert

from .helpers import PARTNER_CODE, write_package

# -- shared helpers (also used by test_conflicts.py and test_draw_assign.py) ---------------


def new_store(tmp_path):
    store = open_store(tmp_path / "store")
    ensure_builtin_guides(store)
    return store


def add_expert(store, key, name, unit, *, code=None, fields=("重点研发计划",), avoid_units=(), avoid_persons=()):
    with store.write() as s:
        e = Expert(roster_key=key, name=name, unit=unit, unit_credit_code=code, title="教授", phone="", email="")
        e.fields = list(fields)
        e.standing_conflicts = ([{"kind": "unit", "name": u} for u in avoid_units]
                                + [{"kind": "person", "name": p} for p in avoid_persons])
        s.add(e)
        s.flush()
        return e.id


def import_apps(store, sid, folder, manifests):
    folder.mkdir(exist_ok=True)
    rep = import_packages(store, sid, [write_package(folder, m) for m in manifests])
    assert {r.outcome for r in rep.results} == {"imported"}, [r.message for r in rep.results]


def write_rows(path, rows, headers=HEADERS):
    wb = Workbook()
    ws = wb.active
    ws.title = "专家库"
    ws.append(headers)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def expert_count(store):
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(Expert))


@pytest.fixture
def store(tmp_path):
    s = new_store(tmp_path)
    yield s
    s.close()


# -- normalisation ------------------------------------------------------------------------

@pytest.mark.parametrize("a,b", [
    ("广西某某信息科技有限公司", "广西某某信息科技有限责任公司"),
    ("广西某某（南宁）科技有限公司", "广西某某(南宁)科技有限公司"),
    ("广西某某【南宁】科技有限公司", "广西某某(南宁)科技有限公司"),
    ("广西某某[南宁]科技有限公司", "广西某某（南宁）科技有限公司"),
    ("广西 某某 科技有限公司", "广西某某科技有限公司"),
    ("广西某某科技有限公司\u3000", "广西某某科技有限公司"),
    ("ＡＢＣ科技有限公司", "ABC科技有限公司"),
    ("abc科技有限公司", "ABC科技有限责任公司"),
    ("南宁１号研究院", "南宁1号研究院"),
])
def test_unit_variants_are_equal(a, b):
    assert normalize_unit(a) == normalize_unit(b)


@pytest.mark.parametrize("a,b", [
    ("广西某某科技股份有限公司", "广西某某科技有限公司"),
    ("广西某某科技有限公司", "广西某某科技集团有限公司"),
    ("广西大学", "广西医科大学"),
])
def test_different_units_stay_different(a, b):
    assert normalize_unit(a) != normalize_unit(b)


@pytest.mark.parametrize("a,b", [("张 三", "张三"), ("买买提·艾力", "买买提艾力"), ("买买提・艾力", "买买提•艾力"),
                                 ("Ｌｉ Ｓｉ", "lisi"), ("\u3000王五 ", "王五")])
def test_person_variants_are_equal(a, b):
    assert normalize_person(a) == normalize_person(b)


def test_blank_names_and_lists():
    assert normalize_unit(None) == normalize_unit("  ") == "" and normalize_person(None) == ""
    assert split_list("科技重大专项；项目15、新材料, 电子信息，;") == ["科技重大专项", "项目15", "新材料", "电子信息"]


# -- xlsx ---------------------------------------------------------------------------------

ROW = ["ZJ-1", "王某某", "广西大学", PARTNER_CODE, "教授", "重点研发计划；项目15", "13800000001", "w@example.com",
       "某某公司；另一公司", "张三"]


def test_import_export_round_trip_is_noop(store, tmp_path):
    rows = [ROW, ["", "李某", "广西某某信息科技有限公司", "", "高级工程师", "科技重大专项、新材料", 13900000002, "", "", ""],
            ["ZJ-3", "赵某", "南宁师范大学", None, None, None, None, None, None, None]]
    rep = import_roster(store, write_rows(tmp_path / "in.xlsx", rows))
    assert (rep.added, rep.updated, rep.unchanged, rep.errors) == (3, 0, 0, [])
    experts = {e.name: e for e in list_experts(store)}
    assert experts["王某某"].avoid_units == ["某某公司", "另一公司"] and experts["王某某"].avoid_persons == ["张三"]
    assert experts["李某"].phone == "13900000002"  # a number cell read back as text
    assert experts["李某"].roster_key == derived_key("李某", "13900000002", "") != derived_key("李某", "", "x")
    assert experts["李某"].fields == ["科技重大专项", "新材料"]
    assert experts["赵某"].unit_credit_code is None

    assert export_roster(store, tmp_path / "out.xlsx") == 3
    rep2 = import_roster(store, tmp_path / "out.xlsx")
    assert (rep2.added, rep2.updated, rep2.unchanged, rep2.errors) == (0, 0, 3, [])
    assert {e.name: e for e in list_experts(store)} == experts

    ws = load_workbook(tmp_path / "out.xlsx")["专家库"]
    assert [c.value for c in ws[1]] == HEADERS and ws[1][0].font.bold and ws.freeze_panes == "A2"
    assert ws.column_dimensions["C"].width > 20


def test_reimport_without_key_updates_same_expert(store, tmp_path):
    first = ["", "李某", "广西大学", "", "副教授", "", "139 0000 0002", "", "", ""]
    import_roster(store, write_rows(tmp_path / "a.xlsx", [first]))
    second = ["", "李 某", "广西大学", "", "教授", "", "13900000002", "", "", ""]  # same person, typed differently
    rep = import_roster(store, write_rows(tmp_path / "b.xlsx", [second]))
    assert (rep.added, rep.updated) == (0, 1)
    assert [(e.name, e.title) for e in list_experts(store)] == [("李某", "教授")]


def test_row_errors_name_row_and_column_and_other_rows_import(store, tmp_path):
    rows = [ROW,
            ["ZJ-2", "钱某", "广西大学", "91450100MA5K3B7Q1A", "", "", "", "", "", ""],   # bad check digit
            ["ZJ-3", "孙某", "广西大学", "", "", "", "", "not-an-email", "", ""],
            ["ZJ-4", "", "广西大学", "", "", "", "", "", "", ""],                         # missing name
            ["ZJ-1", "周某", "广西大学", "", "", "", "", "", "", ""]]                     # duplicate key
    rep = import_roster(store, write_rows(tmp_path / "bad.xlsx", rows))
    assert rep.added == 1 and rep.skipped_rows == [3, 4, 5, 6]
    by_row = {e.row: e for e in rep.errors}
    assert by_row[3].column == "单位统一社会信用代码" and "校验位" in by_row[3].message
    assert "18位统一社会信用代码" in by_row[3].expected
    assert by_row[4].column == "电子邮箱" and "not-an-email" in by_row[4].message
    assert by_row[5].column == "姓名" and "必填" in by_row[5].expected
    assert by_row[6].column == "专家编号" and "第2行" in by_row[6].message
    assert "第3行“单位统一社会信用代码”" in by_row[3].text()
    assert "其余行已导入" in rep.summary_zh() and "3、4、5、6" in rep.summary_zh()
    assert [e.roster_key for e in list_experts(store)] == ["ZJ-1"]


def test_refused_files_write_nothing(store, tmp_path):
    import_roster(store, write_rows(tmp_path / "ok.xlsx", [ROW]))
    with store.read() as s:
        audits = s.scalar(select(func.count()).select_from(AuditEvent))
    fake = tmp_path / "fake.xlsx"
    fake.write_text("姓名,工作单位\n王某,广西大学\n", encoding="utf-8")
    with pytest.raises(StoreError, match="不是有效的 Excel 工作簿"):
        import_roster(store, fake)
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(StoreError, match="另存为 .xlsx"):
        import_roster(store, old)
    no_unit = write_rows(tmp_path / "nounit.xlsx", [["ZJ-9", "吴某"]], headers=["专家编号", "姓名"])
    with pytest.raises(StoreError, match="缺少必填列：工作单位"):
        import_roster(store, no_unit)
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(AuditEvent)) == audits
    assert expert_count(store) == 1


def test_absent_optional_column_keeps_values(store, tmp_path):
    import_roster(store, write_rows(tmp_path / "a.xlsx", [ROW]))
    rep = import_roster(store, write_rows(tmp_path / "b.xlsx", [["ZJ-1", "王某某", "广西大学", "研究员"]],
                                          headers=["专家编号", "姓名*", "工作单位*", "职称"]))
    assert rep.updated == 1
    e = list_experts(store)[0]
    assert e.title == "研究员" and e.phone == "13800000001" and e.avoid_persons == ["张三"]


def test_template_has_example_and_help(store, tmp_path):
    save_template(tmp_path / "t.xlsx")
    wb = load_workbook(tmp_path / "t.xlsx")
    assert wb.sheetnames == ["专家库", "说明"]
    ws = wb["专家库"]
    assert [c.value for c in ws[1]] == HEADERS and ws.max_row == 2 and ws[1][1].font.bold
    assert "专业领域" in [c.value for c in wb["说明"]["A"]]
    rep = import_roster(store, tmp_path / "t.xlsx")  # the template itself is a valid roster
    assert rep.added == 1 and not rep.errors


def test_resolve_expert(store):
    a = add_expert(store, "ZJ-1", "王某", "广西大学")
    add_expert(store, "ZJ-2", "李某", "广西大学")
    add_expert(store, "ZJ-3", "李某", "南宁学院")
    assert resolve_expert(store, "ZJ-1") == resolve_expert(store, "王某") == resolve_expert(store, str(a)) == a
    with pytest.raises(StoreError, match="2 位“李某”"):
        resolve_expert(store, "李某")
    with pytest.raises(StoreError, match="没有专家"):
        resolve_expert(store, "nobody")


# -- migration ----------------------------------------------------------------------------

def test_upgrade_v2_store_keeps_data(tmp_path):
    root = tmp_path / "old"
    root.mkdir()
    db = root / "store.sqlite"
    migrate(db, target=2)
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO guide_editions (edition, version, title, sha256, content_json, imported_at) "
                 "VALUES ('old-ed', '1', '旧指南', 'abc', '{\"items\": []}', '2025-01-01 00:00:00')")
    conn.execute("INSERT INTO review_sessions (name, guide_edition_id, form_template, aggregation_rule, band_mode,"
                 " state, sheet_version, created_at) VALUES ('v2 批次', 1, 'form-a', 'mean', 0, 'open', 1,"
                 " '2025-01-01 00:00:00')")
    conn.execute("INSERT INTO experts (roster_key, name, unit, title, fields_json, phone, email,"
                 " standing_conflicts_json, created_at) VALUES ('ZJ-OLD', '老专家', '广西大学', '教授', '[\"项目15\"]',"
                 " '', '', '[]', '2025-01-01 00:00:00')")
    conn.execute("INSERT INTO panels (session_id, name, draw_json) VALUES (1, '旧评审组', '{}')")
    conn.commit()
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    conn.close()

    store = open_store(root)
    assert "draws" in inspect(store.engine).get_table_names()
    assert [(e.roster_key, e.name, e.fields) for e in list_experts(store)] == [("ZJ-OLD", "老专家", ["项目15"])]
    from nn_review.roster.panels import list_panels
    [p] = list_panels(store, 1)
    assert (p.name, p.reviewers_per_app, p.assign_seed) == ("旧评审组", None, None)
    assert (root / "store.sqlite.v2.bak").exists()
    assert sqlite3.connect(db).execute("PRAGMA user_version").fetchone()[0] >= 3


# -- CLI ----------------------------------------------------------------------------------

def run(capsys, *argv):
    code = main(list(map(str, argv)))
    out, err = capsys.readouterr()
    return code, out, err


def test_roster_cli(capsys, tmp_path):
    st = tmp_path / "s"
    code, out, _ = run(capsys, "--store", st, "roster", "template", tmp_path / "t.xlsx")
    assert code == 0 and "模板" in out
    code, out, _ = run(capsys, "--store", st, "roster", "import", tmp_path / "t.xlsx")
    assert code == 0 and "新增 1" in out
    code, out, _ = run(capsys, "--store", st, "roster", "list")
    assert code == 0 and "ZJ-0001  王某某  广西大学" in out and "共 1 位专家" in out
    code, out, _ = run(capsys, "--store", st, "roster", "export", tmp_path / "e.xlsx")
    assert code == 0 and "已导出 1 位专家" in out
    write_rows(tmp_path / "bad.xlsx", [["ZJ-2", "钱某", "广西大学", "", "", "", "", "bad@", "", ""]])
    code, out, _ = run(capsys, "--store", st, "roster", "import", tmp_path / "bad.xlsx")
    assert code == 1 and "第2行“电子邮箱”" in out
    (tmp_path / "x.xlsx").write_text("no")
    code, _out, err = run(capsys, "--store", st, "roster", "import", tmp_path / "x.xlsx")
    assert code == 2 and "错误：" in err and "不是有效的 Excel" in err
