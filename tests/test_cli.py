"""The CLI verbs: package check (exit codes, --json schema), session create/import/checks, guide."""

import json
import subprocess
import sys

import pytest

from nn_review.cli import main

from .helpers import manifest, write_package


def run(capsys, *argv):
    code = main(list(map(str, argv)))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def packages(tmp_path):
    passing = manifest(application_id="P-1", guide_item=1, direction=1, title="新能源汽车整车智能热管理系统",
                       indicators={"invention_patent_applications": 4, "new_revenue": 8000})
    failing = manifest(application_id="F-1", guide_item=1, direction=1, title="另一个整车项目",
                       indicators={"invention_patent_applications": 4, "new_revenue": 100})
    failing["applicant"] = dict(failing["applicant"], credit_code="91350100M000100Y43", name="另一家公司")
    refused = manifest(application_id="R-1")
    refused["applicant"]["credit_code"] = "91450100MA5K3B7Q1A"
    return {"pass": write_package(tmp_path, passing), "fail": write_package(tmp_path, failing),
            "refused": write_package(tmp_path, refused)}


def test_package_check_exit_codes(capsys, packages):
    code, out, _ = run(capsys, "package", "check", packages["pass"])
    assert code == 0 and "[通过] P-1" in out
    code, out, _ = run(capsys, "package", "check", packages["pass"], packages["fail"])
    assert code == 1 and "[不通过] F-1" in out and "I01.R" in out and "100" in out
    code, out, _ = run(capsys, "package", "check", packages["pass"], packages["refused"])
    assert code == 2 and "[拒收]" in out and "校验位" in out and "applicant.credit_code" in out


def test_package_check_json_is_stable(capsys, packages):
    code, out, _ = run(capsys, "package", "check", "--json", *packages.values())
    rep = json.loads(out)
    assert code == 2
    assert rep["format"] == "nn-review/check-report/1" and rep["guide_edition"] == "nanning-seed"
    assert rep["summary"] == {"total": 3, "refused": 1, "pass": 1, "fail": 1, "attention": 0}
    by_id = {p["application_id"]: p for p in rep["packages"]}
    assert set(by_id[None]["refusal"]) == {"code", "field", "message"}
    f = next(x for x in by_id["F-1"]["findings"] if x["status"] == "fail")
    assert set(f) == {"rule_id", "scope", "severity", "status", "declared", "threshold", "message", "source_text"}
    assert f["source_text"]  # the guide sentence it came from


def test_package_check_nothing_found(capsys, tmp_path):
    code, _out, err = run(capsys, "package", "check", tmp_path)
    assert code == 2 and "没有找到申报包" in err


def test_session_workflow(capsys, tmp_path, packages):
    store = tmp_path / "store"
    code, out, _ = run(capsys, "--store", store, "session", "create", "2025年度评审", "--start", "2025-09-01")
    assert code == 0 and "已创建评审批次 1" in out
    code, out, _ = run(capsys, "--store", store, "session", "import", *packages.values())
    assert code == 2 and "[已导入]" in out and "[拒收]" in out and "已导入 2，拒收 1" in out
    code, out, _ = run(capsys, "--store", store, "session", "import", packages["pass"])
    assert code == 0 and "[重复]" in out
    code, out, _ = run(capsys, "--store", store, "session", "checks", "--json")
    rep = json.loads(out)
    assert code == 1 and rep["summary"]["total"] == 2 and rep["summary"]["fail"] == 1
    code, out, _ = run(capsys, "--store", store, "session", "list")
    assert "2025年度评审" in out and "2 个申报包" in out
    code, out, _ = run(capsys, "--store", store, "session", "remove", "F-1")
    assert code == 0
    code, out, _ = run(capsys, "--store", store, "session", "checks")
    assert code == 0 and "共 1 个：通过 1" in out


def test_session_errors_are_clear(capsys, tmp_path):
    code, _out, err = run(capsys, "--store", tmp_path / "s", "session", "checks")
    assert code == 2 and "还没有评审批次" in err
    code, _out, err = run(capsys, "--store", tmp_path / "s", "session", "create", "x", "--guide", "nope")
    assert code == 2 and "没有指南版本" in err


def test_guide_list_and_show(capsys, tmp_path):
    code, out, _ = run(capsys, "--store", tmp_path / "s", "guide", "list")
    assert code == 0 and "nanning-seed" in out and "项目38" in out and "科技基地专项" in out
    code, out, _ = run(capsys, "--store", tmp_path / "s", "guide", "show", "15")
    assert code == 0 and out.startswith("项目15") and "方向1" in out and "申报要求" in out
    code, out, _ = run(capsys, "--store", tmp_path / "s", "guide", "show", "11", "--json")
    assert json.loads(out)["number"] == 11
    code, _out, err = run(capsys, "--store", tmp_path / "s", "guide", "show", "39")
    assert code == 2 and "没有项目39" in err


def test_guide_import_refuses_bad_file(capsys, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "nn-guide/1", "edition": "x", "version": "1", "title": "t",
                               "plan_types": [], "items": [{"number": 2}]}), encoding="utf-8")
    code, _out, err = run(capsys, "--store", tmp_path / "s", "guide", "import", bad)
    assert code == 2 and "$.items[0]" in err


def test_console_script_version():
    r = subprocess.run([sys.executable, "-m", "nn_review.cli", "--version"], capture_output=True, text=True)
    assert r.returncode == 0 and r.stdout.startswith("nn-review ")


def test_output_piped_to_a_reader_that_quits_ends_quietly(tmp_path):
    """`nn-review … | head -1`: the reader closes the pipe; no BrokenPipeError traceback, the
    status a shell gives a command stopped by SIGPIPE (issue 13)."""
    import os
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [os.getcwd(), os.environ.get("PYTHONPATH")])))
    store = tmp_path / "s"
    assert main(["--store", str(store), "guide", "list"]) == 0  # the store exists: the child only reads
    cmd = [sys.executable, "-m", "nn_review.cli", "--store", str(store), "guide", "show", "15", "--json"]
    # The reader is gone before the command writes anything (deterministic EPIPE on the first flush).
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    p.stdout.close()
    err = p.stderr.read().decode()
    assert p.wait(timeout=120) == 141, err
    assert "Traceback" not in err and "BrokenPipe" not in err, err
    # The same through a real shell pipeline into head, with more output than a pipe buffer holds.
    big = [sys.executable, "-m", "nn_review.cli", "--store", str(store), "guide", "list"]
    r = subprocess.run(" ".join(f"'{a}'" for a in big) + " | head -c 10 >/dev/null; echo \"${PIPESTATUS[0]}\"",
                       shell=True, executable="/bin/bash", capture_output=True, text=True, env=env, timeout=120)
    assert "Traceback" not in r.stderr and "BrokenPipe" not in r.stderr, r.stderr
    assert r.stdout.strip() in {"0", "141"}
