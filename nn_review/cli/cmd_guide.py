"""CLI verbs of the guide catalog: ``guide list|show|import``."""

from __future__ import annotations

import json
from pathlib import Path

from .support import err, out, out_json


def register(cmds) -> None:
    g = cmds.top.add_parser("guide", help="申报指南目录").add_subparsers(dest="action", required=True)
    g.add_parser("list", help="列出指南版本与项目").set_defaults(handler=_guide)
    gs = g.add_parser("show", help="显示一个指南项目（方向、申报要求、机器规则）")
    gs.add_argument("item", type=int)
    gs.add_argument("--edition", default="nanning-seed")
    gs.add_argument("--json", action="store_true")
    gs.set_defaults(handler=_guide)
    gi = g.add_parser("import", help="导入新的指南版本文件（JSON）")
    gi.add_argument("file", type=Path)
    gi.set_defaults(handler=_guide)


def _guide(args) -> int:
    from ..guide import builtin_guide_files, load_guide
    from ..paths import default_store
    from ..services import guides
    from .support import open_cli_store
    if args.action == "import":
        info = guides.import_guide(open_cli_store(args), args.file)
        out(f"已导入指南 {info.edition} v{info.version}：{info.title}（{info.items} 个项目）")
        return 0
    if args.store or default_store().exists():
        store = open_cli_store(args)
        editions = guides.list_editions(store)
        get = lambda e: guides.get_guide(store, e)  # noqa: E731
    else:
        files = [load_guide(p) for p in builtin_guide_files()]
        editions = files
        get = lambda e: guides.builtin_guide(e)  # noqa: E731
    if args.action == "list":
        for ed in editions:
            out(f"{ed.edition} v{ed.version}  {ed.title}")
            guide = get(ed.edition)
            for pt in guide.plan_types:
                out(f"  {pt.name}（项目{pt.first}–{pt.last}）")
                for item in guide.items[pt.first - 1:pt.last]:
                    rules = sum(r.is_machine for r in guide.requirements_for(item, None)) + sum(
                        r.is_machine and r.directions is not None for r in item.requirements)
                    out(f"    项目{item.number:<3}{item.title}  [方向 {len(item.directions)}，机器规则 {rules}]")
        return 0
    guide = get(args.edition)
    item = guide.item(args.item)
    if item is None:
        err(f"错误：指南 {guide.edition} 没有项目{args.item}（1–{len(guide.items)}）")
        return 2
    if args.json:
        out_json(guide.raw["items"][item.number - 1])
        return 0
    pt = guide.plan_type(item.plan_type)
    out(f"项目{item.number}：{item.title}（{pt.name}，指南 {guide.edition} v{guide.version}）")
    if item.intro:
        out(f"  {item.intro}")
    for d in item.directions:
        out(f"  方向{d.number}：{d.title}")
        out(f"      {d.text}")
    out("  申报要求：")
    for r in list(pt.requirements) + list(item.requirements):
        scope = f"（方向{'、'.join(map(str, r.directions))}）" if r.directions else ""
        kind = "机器规则" if r.is_machine else "人工核对"
        out(f"  [{r.id}] {kind}{scope} {r.text}")
        if r.rule:
            out(f"      规则：{json.dumps(r.rule, ensure_ascii=False)}")
    return 0
