"""CLI verbs of the expert's side: ``nn-review expert [open|list|export|sheet|remove|key|gui]``.

``nn-review expert`` with no verb starts the expert GUI (``gui FILE.nnrb`` opens a bundle in
it: what a file association calls).

The workspace passphrase (only on machines without an OS keyring) is read from
``$NN_REVIEW_EXPERT_PASSPHRASE`` or asked for on the terminal; never given as an argument,
where other users could see it in the process list.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from .support import guarded as _guarded
from .support import gui_language
from .support import out as _out
from .support import out_json as _out_json

PASSPHRASE_ENV = "NN_REVIEW_EXPERT_PASSPHRASE"


def register(cmds) -> None:
    e = cmds.top.add_parser("expert", help="专家端：打开评审包、评分、导出签名评分文件（无子命令时启动专家端界面）")
    e.add_argument("--workspace", type=Path, help="专家工作区文件夹（默认：用户数据目录下的 expert-store）")
    e.set_defaults(handler=_gui, action=None, files=[])
    sub = e.add_subparsers(dest="action")

    def verb(name: str, help_: str, handler):
        p = sub.add_parser(name, help=help_)
        p.add_argument("--workspace", type=Path, default=argparse.SUPPRESS, help="专家工作区文件夹")
        p.set_defaults(handler=handler)
        return p

    p = verb("gui", "启动专家端界面（可同时打开评审包文件）", _gui)
    p.add_argument("files", nargs="*", type=Path)
    p = verb("open", "打开评审包：验证签名、解密并加密保存到工作区", _guarded(_open))
    p.add_argument("file", type=Path)
    p.add_argument("--password", required=True, help="任务通知书上的评审包密码")
    p.add_argument("--trust", metavar="FINGERPRINT", help="任务通知书上的秘书密钥指纹（首次使用时强烈建议提供）")
    p = verb("list", "列出工作区中的评审包和各申报的评审状态", _guarded(_list))
    p.add_argument("--json", action="store_true")
    p = verb("export", "校验并导出签名评分文件（.nnscore）", _guarded(_export))
    p.add_argument("--out", type=Path, required=True, help="输出文件夹（如 U 盘）")
    p.add_argument("--partial", action="store_true", help="允许部分交回（只含已完成和已回避的申报）")
    p.add_argument("--bundle", help="评审包编号（前 8 位即可；工作区只有一个评审包时可省略）")
    p = verb("sheet", "生成个人评分表 PDF", _guarded(_sheet))
    p.add_argument("--out", type=Path, required=True, help="PDF 文件路径")
    p.add_argument("--bundle")
    p = verb("remove", "导出后删除评审包的材料，只保留已签名的评分记录", _guarded(_remove))
    p.add_argument("--bundle", required=True)
    p = verb("key", "显示专家签名密钥指纹", _guarded(_key))
    p = verb("countersign", "组长签署评审结果表：核对秘书签名后，用本机的组长证书加 PDF 数字签名", _guarded(_countersign))
    p.add_argument("file", type=Path, help="评审秘书发来的结果表 PDF（已有秘书签名）")
    p.add_argument("--out", type=Path, help="签署后的 PDF（默认：原文件名加“-组长签署”）")
    p.add_argument("--expert", type=int, help="组长本人的专家编号（工作区有多位专家时）")




def _passphrase(state) -> str | None:
    if not state.needs_passphrase:
        return None
    env = os.environ.get(PASSPHRASE_ENV)
    if env:
        return env
    if not sys.stdin.isatty():
        from ..expert.errors import PassphraseRequired
        raise PassphraseRequired(state.creating)
    if state.creating:
        print(state.notice, file=sys.stderr)
        first = getpass.getpass("设置工作区口令（至少 8 个字符）：")
        if first != getpass.getpass("再次输入口令："):
            from ..expert.errors import WorkspaceError
            raise WorkspaceError("两次输入的口令不一致", "workspace.passphrase_mismatch")
        return first
    return getpass.getpass("专家工作区口令：")


def _workspace(args):
    from ..expert.workspace import open_workspace, workspace_state
    root = getattr(args, "workspace", None)
    state = workspace_state(root)
    ws = open_workspace(root, passphrase=_passphrase(state))
    if ws.key_notice:
        print(f"注意：{ws.key_notice}", file=sys.stderr)
        ws.acknowledge_key_notice()
    return ws


def _gui(args) -> int:
    from ui.expert.app import run_expert_gui
    return run_expert_gui(getattr(args, "workspace", None), files=list(getattr(args, "files", []) or []),
                          lang=gui_language(args))


def _open(args) -> int:
    ws = _workspace(args)
    try:
        r = ws.add_bundle(args.file, args.password, trusted_fingerprint=args.trust)
        b = r.bundle
        _out(f"已打开评审包 {args.file.name}：{b.session_name}，专家 {b.expert_name}，{b.app_count} 项申报")
        _out(f"秘书签名密钥指纹：{b.secretary_fingerprint}")
        _out(f"专家签名密钥指纹：{ws.signing_key(b.expert_id).fingerprint}")
        if r.carried_over:
            _out(f"已沿用旧评审包中 {r.carried_over} 项未变化申报的评分")
        if r.notice:
            print(f"注意：{r.notice}", file=sys.stderr)
    finally:
        ws.close()
    return 0


def _list(args) -> int:
    from ..expert.drafts import STATUS_ZH
    from ..expert.export import status_line
    ws = _workspace(args)
    try:
        out = []
        for b in ws.bundles():
            apps = [] if b.removed else [{"application_id": a.application_id, "title": a.title, "status": a.status}
                                         for a in ws.applications(b.bundle_id)]
            out.append({"bundle_id": b.bundle_id, "session": b.session_name, "expert": b.expert_name,
                        "applications": apps, "done": b.done, "total": b.app_count, "removed": b.removed,
                        "last_revision": b.last_revision, "changed_since_export": b.changed_since_export,
                        "superseded_by": b.superseded_by})
            if args.json:
                continue
            _out(f"{b.bundle_id[:8]}  {b.session_name}  专家 {b.expert_name}  [{status_line(ws, b.bundle_id)}]"
                 + ("  （已被新评审包取代）" if b.superseded_by else ""))
            for a in apps:
                _out(f"    {STATUS_ZH[a['status']]:<4} {a['application_id']}  {a['title']}")
        if args.json:
            _out_json(out)
        elif not out:
            _out("工作区中还没有评审包")
    finally:
        ws.close()
    return 0


def _export(args) -> int:
    ws = _workspace(args)
    try:
        b = ws.find_bundle(args.bundle)
        r = ws.export(b.bundle_id, args.out, partial=args.partial)
        _out(f"已导出评分文件 {r.path}（修订 r{r.revision}，{r.reviewed}/{r.total} 项"
             + ("，部分交回" if r.partial else "") + "）")
        _out(f"专家签名密钥指纹：{r.key_fingerprint}")
        _out(f"SHA-256：{r.sha256}")
    finally:
        ws.close()
    return 0


def _sheet(args) -> int:
    ws = _workspace(args)
    try:
        b = ws.find_bundle(args.bundle, include_removed=True)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_bytes(ws.score_sheet(b.bundle_id))
        _out(f"已生成个人评分表 {args.out}" + (
            f"（评审包材料已于 {b.removed_text} 删除，本表依据保留的已签名评分文件 r{b.last_revision}）"
            if b.removed else ""))
    finally:
        ws.close()
    return 0


def _countersign(args) -> int:
    from ..expert.countersign import countersign_file
    ws = _workspace(args)
    try:
        r = countersign_file(ws, args.file, args.out, expert_id=args.expert)
        for line in r.check.particulars:
            _out(line)
        _out(f"已由 {r.identity.name}（专家组组长）签署：{r.path}")
        _out(f"组长证书指纹：{r.identity.fingerprint}")
    finally:
        ws.close()
    return 0


def _remove(args) -> int:
    ws = _workspace(args)
    try:
        b = ws.find_bundle(args.bundle)
        ws.remove_bundle_data(b.bundle_id)
        _out(f"已删除评审包 {b.bundle_id[:8]} 的材料和评分草稿；已签名的评分记录保留（r{b.last_revision}）")
    finally:
        ws.close()
    return 0


def _key(args) -> int:
    ws = _workspace(args)
    try:
        storage = {"keyring": "系统钥匙串", "passphrase": "口令加密的密钥文件（工作区内）"}[ws.key_storage]
        _out(f"工作区：{ws.root}")
        _out(f"密钥保存方式：{storage}")
        pdf = {eid: fpr for eid, _name, fpr in ws.pdf_fingerprints()}
        for eid, name, fpr in ws.fingerprints():
            _out(f"  专家 {name}（编号 {eid}）：{fpr}")
            _out(f"    PDF 签名证书指纹：{pdf.get(eid, '（尚未生成）')}")
        if not ws.fingerprints():
            _out("  尚未打开评审包：打开第一个评审包时生成签名密钥")
    finally:
        ws.close()
    return 0
