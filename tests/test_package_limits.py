"""Issue 12 item 6: numbers, strings and nesting in manifest.json have limits; out of range is a
refusal naming the field — the same one in `package check` and `session import`, and one bad
package never stops a batch."""

from __future__ import annotations

import json
import math
import zipfile

import pytest
from sqlalchemy import select

from nn_review.cli import main
from nn_review.package import PackageRefused, read_package, validate_manifest
from nn_review.store import open_store
from nn_review.store.models import Application

from .helpers import manifest, write_package
from .pkgtools import build_package, consortium_manifest, example_manifest, manifest_bytes, write_zip, \
    EXAMPLE_FILES

HUGE = int("9" * 400)


def run(capsys, *argv):
    code = main(list(map(str, argv)))
    out, err = capsys.readouterr()
    return code, out, err


def _huge_budget():
    m = manifest(application_id="B-HUGE")
    m["budget"]["requested"] = HUGE
    return m


def _huge_item():
    return manifest(application_id="C-ITEM", guide_item=10 ** 23)


BAD = [("budget", _huge_budget, "manifest.budget.requested", "100000000"),
       ("guide_item", _huge_item, "manifest.guide_item", "1–999")]


@pytest.mark.parametrize("make, field, limit", [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_package_check_refuses_out_of_range(capsys, tmp_path, make, field, limit):
    pkg = write_package(tmp_path, make())
    code, out, err = run(capsys, "package", "check", pkg)
    assert code == 2, out + err
    assert "[拒收]" in out and field in out and limit in out and "manifest.range" in out
    assert "Traceback" not in err and "9" * 100 not in out  # the 400 digits are not echoed back


@pytest.mark.parametrize("make, field, limit", [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_session_import_refuses_out_of_range(capsys, tmp_path, make, field, limit):
    pkg = write_package(tmp_path, make())
    store = tmp_path / "store"
    assert run(capsys, "--store", store, "session", "create", "批次")[0] == 0
    code, out, err = run(capsys, "--store", store, "session", "import", pkg)
    assert code == 2, out + err
    assert "[拒收]" in out and field in out and limit in out
    assert "写入存储失败" not in out and "[失败]" not in out


def test_batch_with_bad_packages_in_the_middle_imports_and_checks_the_others(capsys, tmp_path):
    first = write_package(tmp_path, manifest(application_id="A-1"), name="1.nnpkg")
    bad1 = write_package(tmp_path, _huge_budget(), name="2.nnpkg")
    bad2 = write_package(tmp_path, _huge_item(), name="3.nnpkg")
    last = write_package(tmp_path, manifest(application_id="E-5"), name="4.nnpkg")
    store = tmp_path / "store"
    assert run(capsys, "--store", store, "session", "create", "批次")[0] == 0
    code, out, err = run(capsys, "--store", store, "session", "import", first, bad1, bad2, last)
    assert code == 2 and "已导入 2，拒收 2" in out, out + err
    st = open_store(store)
    with st.read() as s:
        rows = {a.application_id: a.check_status for a in s.scalars(select(Application))}
    assert set(rows) == {"A-1", "E-5"}
    assert "unchecked" not in rows.values(), rows


# -- the ranges, one by one (validate_manifest is what both verbs call) -----------------------

def refusal(m) -> PackageRefused:
    with pytest.raises(PackageRefused) as ei:
        validate_manifest(m, "x.nnpkg")
    return ei.value


def at(m, path, value):
    keys = [int(k) if k.isdigit() else k for k in path.split(".")]
    obj = m
    for k in keys[:-1]:
        obj = obj[k]
    obj[keys[-1]] = value
    return m


RANGE_CASES = [
    ("budget_huge_int", example_manifest, "budget.requested", HUGE, "manifest.budget.requested"),
    ("budget_1e13", example_manifest, "budget.self_funded", 1e13, "manifest.budget.self_funded"),
    ("budget_inf", example_manifest, "budget.requested", math.inf, "manifest.budget.requested"),
    ("budget_nan", example_manifest, "budget.requested", math.nan, "manifest.budget.requested"),
    ("item_zero", example_manifest, "guide_item", 0, "manifest.guide_item"),
    ("item_huge", example_manifest, "guide_item", 10 ** 23, "manifest.guide_item"),
    ("item_negative", example_manifest, "guide_item", -3, "manifest.guide_item"),
    ("direction_huge", example_manifest, "direction", 2 ** 63, "manifest.direction"),
    ("direction_zero", example_manifest, "direction", 0, "manifest.direction"),
    ("revenue_huge", example_manifest, "indicators.new_revenue", 10 ** 9, "manifest.indicators.new_revenue"),
    ("patents_huge", example_manifest, "indicators.ip_grants", 10 ** 7, "manifest.indicators.ip_grants"),
    ("unknown_indicator_huge", example_manifest, "indicators.future_count", HUGE,
     "manifest.indicators.future_count"),
    ("unknown_field_huge", example_manifest, "future", {"x": [1, -HUGE]}, "manifest.future.x[1]"),
    ("unknown_field_nan", example_manifest, "future", math.nan, "manifest.future"),
    ("year_early", example_manifest, "period.start", "1899-01-01", "manifest.period.start"),
    ("year_late", example_manifest, "period.end", "9999-12-31", "manifest.period.end"),
    ("leader_revenue", consortium_manifest, "consortium.leader_revenue_last_year", 10 ** 30,
     "manifest.consortium.leader_revenue_last_year"),
    ("rd_staff", consortium_manifest, "consortium.leader_rd_staff", 10 ** 8, "manifest.consortium.leader_rd_staff"),
]


@pytest.mark.parametrize("base, path, value, field", [c[1:] for c in RANGE_CASES], ids=[c[0] for c in RANGE_CASES])
def test_out_of_range_is_refused_with_field_and_range(base, path, value, field):
    e = refusal(at(base(), path, value))
    assert e.field == field, str(e)
    assert e.code in ("manifest.range", "manifest.field"), str(e)
    assert len(e.message) < 400 and "9" * 50 not in e.message, e.message


def test_bool_where_int_expected_and_ranges_at_the_edges():
    assert refusal(at(example_manifest(), "guide_item", True)).field == "manifest.guide_item"
    assert refusal(at(example_manifest(), "direction", False)).field == "manifest.direction"
    ok = at(example_manifest(), "budget.requested", 100_000_000)
    assert validate_manifest(ok, "x")["budget"]["requested"] == 100_000_000
    assert validate_manifest(at(example_manifest(), "guide_item", 999), "x")["guide_item"] == 999


def test_huge_strings_and_lists_are_refused():
    assert refusal(at(example_manifest(), "applicant.name", "某" * 201)).field == "manifest.applicant.name"
    e = refusal(at(example_manifest(), "future_note", "x" * 20_001))
    assert e.field == "manifest.future_note" and e.code == "manifest.range"
    e = refusal(at(example_manifest(), "members", [{"name": f"人{i}"} for i in range(10_001)]))
    assert e.field == "manifest.members" and e.code == "manifest.range"


@pytest.mark.parametrize("text", ["[" * 100_000, '{"a":' * 50_000, '{"format": "nnpkg/1", "x": ' + "[" * 40 + "]" * 40 + "}"])
def test_deeply_nested_manifest_is_refused_before_parsing(tmp_path, text):
    pkg = write_zip(tmp_path / "deep.nnpkg", [("manifest.json", text.encode()), *EXAMPLE_FILES.items()],
                    compression=zipfile.ZIP_STORED)  # deflated, "[" × 100,000 is a bomb by ratio
    work = tmp_path / "w"
    with pytest.raises(PackageRefused) as ei:
        read_package(pkg, work)
    assert ei.value.code == "manifest.too_deep" and ei.value.field == "manifest.json", str(ei.value)
    assert "20" in ei.value.message


def test_non_standard_json_numbers_are_refused(tmp_path):
    for literal in ("NaN", "Infinity", "-Infinity", "1e400"):
        text = manifest_bytes(example_manifest()).decode().replace('"requested": 100.0', f'"requested": {literal}')
        pkg = write_zip(tmp_path / "n.nnpkg", [("manifest.json", text.encode()), *EXAMPLE_FILES.items()])
        with pytest.raises(PackageRefused) as ei:
            read_package(pkg, tmp_path / "w")
        assert ei.value.code in ("manifest.json", "manifest.field", "manifest.range"), literal
        assert ei.value.field in ("manifest.json", "manifest.budget.requested"), literal


def test_the_example_and_a_consortium_still_read(tmp_path):
    read_package(build_package(tmp_path / "a.nnpkg"), tmp_path / "w")
    read_package(build_package(tmp_path / "c.nnpkg", consortium_manifest()), tmp_path / "w2")
    assert json.loads(manifest_bytes(example_manifest()))["guide_item"] == 15
