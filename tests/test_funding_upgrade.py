"""A store of the release before issue 21 (schema v8, a session on guide v1 without funding rules)
upgrades to v9 with a backup, keeps its session, and its funding plan takes the rules from the
newest stored version of the same guide edition (v2, added on open) and says so."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from decimal import Decimal

from nn_review.demo.packages import write_demo_packages
from nn_review.funding.plan import funding_plan
from nn_review.guide import builtin_guide_files
from nn_review.services.guides import ensure_builtin_guides
from nn_review.services.importer import import_packages
from nn_review.store import open_store
from nn_review.store.migrations import LATEST, migrate


def _v1_guide_text() -> str:
    """The seed guide as release v1 had it: the same items and checks, no funding rules."""
    path = next(p for p in builtin_guide_files() if json.loads(p.read_text("utf-8"))["edition"] == "nanning-seed")
    data = json.loads(path.read_text("utf-8"))
    data["version"] = "1"
    for item in data["items"]:
        item.pop("funding", None)
        for d in item["directions"]:
            d.pop("funding", None)
    return json.dumps(data, ensure_ascii=False)


def test_a_v8_store_upgrades_and_its_v1_session_gets_the_v2_rules(tmp_path):
    root = tmp_path / "old"
    root.mkdir()
    db = root / "store.sqlite"
    migrate(db, target=8)
    text = _v1_guide_text()
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO guide_editions (edition, version, title, sha256, content_json, imported_at) "
                 "VALUES ('nanning-seed', '1', '南宁市科技计划项目申报指南', ?, ?, '2025-01-01 00:00:00')",
                 (hashlib.sha256(text.encode()).hexdigest(), text))
    conn.execute("INSERT INTO review_sessions (name, guide_edition_id, form_template, aggregation_rule, band_mode,"
                 " state, sheet_version, created_at) VALUES ('2025年度（v8 存储）', 1, 'form-a', 'mean', 0, 'open',"
                 " 1, '2025-01-01 00:00:00')")
    conn.commit()
    conn.close()

    store = open_store(root)
    try:
        assert sqlite3.connect(db).execute("PRAGMA user_version").fetchone()[0] == LATEST
        assert (root / "store.sqlite.v8.bak").exists()
        with store.engine.connect() as c:
            for table in ("funding_budgets", "funding_params", "funding_decisions", "funding_publicity",
                          "funding_objections"):
                assert c.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar() == 0
        ensure_builtin_guides(store)  # what opening the app does: v2 joins v1, the session keeps v1
        pkgs = [p for p in write_demo_packages(tmp_path / "pkgs", include_refused=False)
                if p.stem in ("NNKJ-2025-0114", "NNKJ-2025-0118")]  # items 24 and 28
        assert len(pkgs) == 2
        import_packages(store, 1, pkgs)
        plan = funding_plan(store, 1)
        assert plan.rules_source.startswith("nanning-seed v2"), plan.rules_source
        by_id = {ln.application_id: ln for sc in plan.scopes for ln in sc.lines}
        assert {ln.route for ln in by_id.values()} == {"rule"}
        assert all(ln.computed is not None and ln.computed.amount is not None and ln.computed.amount > Decimal(0)
                   for ln in by_id.values())
    finally:
        store.close()
