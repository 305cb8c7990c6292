"""Expert roster (专家库), conflicts of interest (回避), panels (评审组), random draw and assignment.

Domain core only (no Qt): every function takes a ``Store`` and runs one transaction per user
action, raising ``StoreError`` with a Chinese message.

Names are re-exported lazily: importing the package (or one light module of it) does not pull in
SQLAlchemy and openpyxl.
"""

from importlib import import_module

_EXPORTS = {
    "conflicts": ["add_conflict", "conflict_matrix", "conflict_reasons", "detect_conflicts", "dismiss_conflict",
                  "reinstate_conflict"],
    "errors": ["RosterError"],
    "draw": ["draw_experts", "draw_record", "draw_record_text", "list_draws"],
    "edit": ["RosterEditError", "add_expert", "set_expert_active", "update_expert"],
    "experts": ["ExpertInfo", "inactive_ids", "list_experts", "resolve_expert"],
    "identity": ["PersonError", "list_duplicates", "same_person", "suspected_duplicates"],
    "merge": ["merge_experts"],
    "phones": ["normalize_phone"],
    "normalize": ["normalize_person", "normalize_unit"],
    "panels": ["add_members", "assign", "create_panel", "delete_panel", "expert_assignments", "get_panel",
               "list_panels", "panel_assignments", "remove_member", "resolve_panel", "set_leader",
               "set_panel_applications", "validate_panel"],
    "xlsx": ["export_roster", "import_roster", "save_template"],
}
_WHERE = {name: module for module, names in _EXPORTS.items() for name in names}
__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name in _WHERE:
        return getattr(import_module(f".{_WHERE[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
