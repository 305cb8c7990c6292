"""CLI verbs of the expert's side: ``nn-review expert [open|list|export|sheet|remove|key|gui|…]``
and the grading verbs (``show``, ``grade``, ``comment``, ``opinion``, ``recommendation``,
``recuse``, ``complete``, ``undo``, ``redo``): every action of the expert window, so the whole
round trip (open → grade → complete → export) can be scripted for support and tests.

``nn-review expert`` with no verb starts the expert GUI (``gui FILE.nnrb`` opens a bundle in
it: what a file association calls). Registered through ``nn_review.cli.PLUGINS``.

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


class _IntermixedParser(argparse.ArgumentParser):
    """A verb's parser that takes positionals after options too: ``comment B A --criterion c1 TEXT``
    (plain argparse gives an optional positional up once an option came first)."""

    _plain = False

    def parse_known_args(self, args=None, namespace=None):
        if self._plain:  # parse_known_intermixed_args calls back in here
            return super().parse_known_args(args, namespace)
        self._plain = True
        try:
            return self.parse_known_intermixed_args(args, namespace)
        finally:
            self._plain = False


def register(cmds) -> None:
    e = cmds.top.add_parser("expert", help="专家端：打开评审包、评分、导出签名评分文件（无子命令时启动专家端界面）")
    e.add_argument("--workspace", type=Path, help="专家工作区文件夹（默认：用户数据目录下的 expert-store）")
    e.set_defaults(handler=_gui, action=None, files=[])
    sub = e.add_subparsers(dest="action", parser_class=_IntermixedParser)

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
    _grading_verbs(verb)
    p = verb("countersign", "组长签署评审结果表：核对秘书签名后，用本机的组长证书加 PDF 数字签名", _guarded(_countersign))
    p.add_argument("file", type=Path, help="评审秘书发来的结果表 PDF（已有秘书签名）")
    p.add_argument("--out", type=Path, help="签署后的 PDF（默认：原文件名加“-组长签署”）")
    p.add_argument("--expert", type=int, help="组长本人的专家编号（工作区有多位专家时）")


def _grading_verbs(verb) -> None:
    """The grading actions of the expert window, one verb each."""
    def target(name: str, help_: str, handler, app: bool = True):
        p = verb(name, help_, _guarded(handler))
        p.add_argument("bundle", metavar="BUNDLE", help="评审包编号（前 8 位即可，见 expert list）")
        if app:
            p.add_argument("app", metavar="APP", help="申报编号（见 expert list）")
        p.add_argument("--json", action="store_true", help="以 JSON 输出结果（申报的评分草稿、状态、所缺内容）")
        return p

    def text_source(p, what: str):
        p.add_argument("text", nargs="?", metavar="TEXT", help=f"{what}（空字符串清除）")
        p.add_argument("--file", type=Path, help=f"从 UTF-8 文本文件读取{what}（- 为标准输入）")

    target("show", "显示一项申报的评分草稿：各指标等级与说明、专家意见、推荐意见、状态和所缺内容", _show)
    p = target("grade", "评定一项指标的等级（分段计分时可填分值，等级随分值确定）", _grade)
    p.add_argument("--criterion", required=True, metavar="CID", help="指标编号（如 c1，见 expert show）")
    p.add_argument("--grade", metavar="A-E", help="等级 A–E")
    p.add_argument("--points", metavar="P", help="分段计分：0–100 的分值（最多 4 位小数）")
    p.add_argument("--clear", action="store_true", help="清除该指标的等级和分值")
    p = target("comment", "填写一项指标的说明（评为 D、E 时必填）", _comment)
    p.add_argument("--criterion", required=True, metavar="CID", help="指标编号（如 c1）")
    text_source(p, "指标说明")
    p = target("opinion", "填写专家意见（总体评价）", _opinion)
    text_source(p, "专家意见")
    p = target("recommendation", "给出推荐意见（评审表所列之一，中文名称或英文编号均可）", _recommendation)
    p.add_argument("value", nargs="?", metavar="VALUE", help="推荐意见，如“建议支持”或 support")
    p.add_argument("--clear", action="store_true", help="清除推荐意见")
    p = target("recuse", "申请回避（须写明理由），或撤销回避（--withdraw，之前的评分恢复）", _recuse)
    p.add_argument("--reason", default="", help="回避理由（如：与申报单位存在利害关系）")
    p.add_argument("--withdraw", "--undo", dest="withdraw", action="store_true", help="撤销回避")
    target("complete", "校验并标记完成；不完整时列出所缺内容（退出码 2）", _complete)
    target("undo", "撤销本评审包最近一次评分操作", _undo, app=False)
    target("redo", "重做最近一次撤销的评分操作", _redo, app=False)


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


def open_cli_workspace(args):
    """The workspace named by ``--workspace`` (passphrase from the environment or the terminal)."""
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
    ws = open_cli_workspace(args)
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
    ws = open_cli_workspace(args)
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
    ws = open_cli_workspace(args)
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
    ws = open_cli_workspace(args)
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
    ws = open_cli_workspace(args)
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
    ws = open_cli_workspace(args)
    try:
        b = ws.find_bundle(args.bundle)
        ws.remove_bundle_data(b.bundle_id)
        _out(f"已删除评审包 {b.bundle_id[:8]} 的材料和评分草稿；已签名的评分记录保留（r{b.last_revision}）")
    finally:
        ws.close()
    return 0


def _key(args) -> int:
    ws = open_cli_workspace(args)
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


# -- grading (the expert window's actions) -------------------------------------------------------

def _on_bundle(args, act) -> int:
    """Open the workspace, find BUNDLE (and APP), run ``act(ws, bundle, application id)``, close."""
    ws = open_cli_workspace(args)
    try:
        b = ws.find_bundle(args.bundle)
        if b.removed:
            from ..expert.errors import WorkspaceError
            raise WorkspaceError(f"评审包 {b.bundle_id[:8]}（{b.session_name}）的材料和评分草稿已于 {b.removed_text} 删除，"
                                 f"只保留了已签名的评分记录（r{b.last_revision}）：不能再查看或修改评分；"
                                 "个人评分表仍可生成（nn-review expert sheet）", "workspace.removed")
        aid = _application_id(ws, b, args.app) if getattr(args, "app", None) is not None else None
        return act(ws, b, aid)
    finally:
        ws.close()


def _application_id(ws, b, ref: str) -> str:
    ids = [a["application_id"] for a in ws.bundle_data(b.bundle_id)["applications"]]
    hits = [i for i in ids if i == ref] or [i for i in ids if i.lower() == ref.strip().lower()]
    if len(hits) == 1:
        return hits[0]
    from ..expert.errors import WorkspaceError
    listed = "、".join(ids[:20]) + (f" 等 {len(ids)} 项" if len(ids) > 20 else "")
    raise WorkspaceError(f"评审包 {b.bundle_id[:8]}（{b.session_name}）中没有申报 {ref!r}；本评审包的申报：{listed}",
                         "workspace.no_application")


def _draft_view(ws, bundle_id: str, aid: str, d, problems) -> dict:
    """The draft as shown by ``expert show --json`` (and every grading verb's ``--json``)."""
    form, band = ws.form_for(bundle_id, aid), ws.band_mode(bundle_id)
    app = ws.application(bundle_id, aid)
    total, missing = d.total(form, band)
    criteria = []
    for c in form.criteria:
        e = d.grades.get(c.id) or {}
        criteria.append({"id": c.id, "name": c.name, "weight": str(c.weight), "grade": e.get("grade"),
                         "points": e.get("points"), "comment": e.get("comment") or ""})
    return {"bundle_id": bundle_id, "application_id": aid, "title": app["title"], "applicant": app.get("applicant") or "",
            "form": form.title, "band_mode": band, "status": d.status, "criteria": criteria, "opinion": d.opinion,
            "recommendation": d.recommendation, "recused": d.recused, "recusal_reason": d.recusal_reason,
            "subtotal": str(total), "ungraded": missing, "updated_at": d.updated_at,
            "problems": [{"field": p.field, "code": p.code, "message": p.message} for p in problems]}


def _edit_view(ws, edit) -> dict:
    done, total = edit.progress
    out = _draft_view(ws, edit.bundle.bundle_id, edit.application_id, edit.draft, edit.problems)
    out.update(saved=edit.saved_at is not None, progress={"done": done, "total": total}, can_undo=edit.can_undo,
               can_redo=edit.can_redo, last_revision=edit.bundle.last_revision,
               changed_since_export=edit.bundle.changed_since_export)
    if edit.change:
        out["change"] = {"application_id": edit.change.application_id, "field": edit.change.field}
    return out


def _show(args) -> int:
    from ..expert.drafts import STATUS_ZH
    from ..forms import display, han_count

    def act(ws, b, aid):
        d = ws.draft(b.bundle_id, aid)
        problems = ws.problems(b.bundle_id, aid)
        v = _draft_view(ws, b.bundle_id, aid, d, problems)
        if args.json:
            _out_json(v)
            return 0
        form = ws.form_for(b.bundle_id, aid)
        _out(f"{aid}  {v['title']}")
        if v["applicant"]:
            _out(f"申报单位：{v['applicant']}")
        _out(f"评审表：{form.title}" + ("（分段计分）" if v["band_mode"] else "") + f"；状态：{STATUS_ZH[d.status]}")
        if d.recused:
            _out(f"已申请回避，理由：{d.recusal_reason}")
        for c, row in zip(form.criteria, v["criteria"]):
            g = form.grade(row["grade"]) if row["grade"] else None
            mark = f"{g.grade}（{g.name}）" if g else "未评"
            if row["points"] is not None:
                mark += f" {row['points']} 分"
            _out(f"  {c.id} {c.name}（权重 {c.weight}）：{mark}" + (f"；说明：{row['comment']}" if row["comment"] else ""))
        _out(f"专家意见（{han_count(d.opinion)}/{form.opinion_min_chars} 字）：{d.opinion or '（未填写）'}")
        if form.recommendations:
            names = dict(form.recommendations)
            _out(f"推荐意见：{names.get(d.recommendation, d.recommendation) if d.recommendation else '（未选择）'}")
        if not d.recused:
            _out(f"合计 {display(d.total(form, v['band_mode'])[0])} 分" if not v["ungraded"] else
                 f"小计 {display(d.total(form, v['band_mode'])[0])} 分（{v['ungraded']} 项未评）")
        if problems:
            _out("尚不能标记完成，还缺：")
            for p in problems:
                _out(f"  • {p.message}")
        return 0
    return _on_bundle(args, act)


def _report(ws, edit, what: str, args, *, head: str | None = None) -> int:
    """Print what an edit did (or its ``--json`` view): ``已保存：APP what`` (``未改动`` when the value
    was stored already, or ``head`` as given), the status and the bundle's progress."""
    if args.json:
        _out_json(_edit_view(ws, edit))
        return 0
    from ..expert.drafts import STATUS_ZH
    done, total = edit.progress
    if head is None:
        head = f"已保存：{edit.application_id} {what}" if edit.saved_at else \
            f"未改动：{edit.application_id} {what}（与已保存的相同）"
    _out(f"{head}；状态：{STATUS_ZH[edit.status]}；本评审包已完成 {done}/{total}")
    if edit.saved_at and edit.bundle.last_revision and edit.bundle.changed_since_export:
        _out(f"注意：评审包已导出 r{edit.bundle.last_revision}，此后的修改须重新导出（expert export）才会交回")
    return 0


def _field_text(form, field: str) -> str:
    """``grade.c1`` → “c1 名称”的等级 (for undo/redo and notes)."""
    if "." in field:
        kind, cid = field.split(".", 1)
        c = form.criterion(cid)
        return f"指标 {cid}" + (f"“{c.name}”" if c else "") + ("的等级" if kind == "grade" else "的说明")
    return {"opinion": "专家意见", "recommendation": "推荐意见", "recusal": "回避"}.get(field, field)


def _grade(args) -> int:
    from ..expert.errors import WorkspaceError
    if args.clear and (args.grade or args.points):
        raise WorkspaceError("--clear 不能与 --grade 或 --points 同时使用", "workspace.grade")
    if not (args.clear or args.grade or args.points):
        raise WorkspaceError("请给出 --grade A–E、--points 分值（分段计分）或 --clear", "workspace.grade")

    def act(ws, b, aid):
        from ..expert.drafts import grade_for_points, normalize_points
        letter = args.grade.strip().upper() if args.grade else None
        form = ws.form_for(b.bundle_id, aid)
        if args.points is not None:
            if letter and ws.band_mode(b.bundle_id):  # both given: the points decide the grade; a contradiction is refused, not guessed
                try:
                    p = normalize_points(args.points)
                except ValueError:
                    p = None  # set_points names what is wrong with it
                if p is not None and grade_for_points(form, p) != letter:
                    raise WorkspaceError(f"分值 {p} 属于等级 {grade_for_points(form, p) or '（无）'}，"
                                         f"与 --grade {letter} 不符", "workspace.points")
            edit = ws.set_points(b.bundle_id, aid, args.criterion, args.points)
        else:
            edit = ws.set_grade(b.bundle_id, aid, args.criterion, letter)
        entry = edit.draft.get(f"grade.{args.criterion}")
        shown = (entry["grade"] or "（已清除）") + (f" {entry['points']} 分" if entry["points"] is not None else "")
        code = _report(ws, edit, f"{_field_text(form, 'grade.' + args.criterion)} {shown}", args)
        if not args.json:  # what this criterion still lacks (a D or E needs its reason: the form's rule)
            for p in edit.problems:
                if p.field.startswith(f"grades.{args.criterion}."):
                    _out(f"注意：{p.message}")
        return code
    return _on_bundle(args, act)


def _text_arg(args, what: str) -> str:
    from ..expert.errors import WorkspaceError
    if (args.text is None) == (args.file is None):
        raise WorkspaceError(f"请给出{what}：直接写在命令中，或用 --file 指定文本文件（二者选一）", "workspace.text")
    if args.file is None:
        return args.text
    try:
        raw = sys.stdin.buffer.read() if str(args.file) == "-" else args.file.read_bytes()
    except OSError as e:
        raise WorkspaceError(f"无法读取 {args.file}：{e.strerror or e}", "workspace.text") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise WorkspaceError(f"{args.file} 不是 UTF-8 编码的文本（第 {e.start + 1} 个字节起无法解码）",
                             "workspace.text") from None
    return text.replace("\r\n", "\n").rstrip("\n")


def _comment(args) -> int:
    text = _text_arg(args, "指标说明")

    def act(ws, b, aid):
        edit = ws.set_comment(b.bundle_id, aid, args.criterion, text)
        return _report(ws, edit, _field_text(ws.form_for(b.bundle_id, aid), f"comment.{args.criterion}"), args)
    return _on_bundle(args, act)


def _opinion(args) -> int:
    from ..forms import han_count
    text = _text_arg(args, "专家意见")

    def act(ws, b, aid):
        edit = ws.set_opinion(b.bundle_id, aid, text)
        need = ws.form_for(b.bundle_id, aid).opinion_min_chars
        return _report(ws, edit, f"专家意见（{han_count(text)}/{need} 字）", args)
    return _on_bundle(args, act)


def _recommendation(args) -> int:
    from ..expert.errors import WorkspaceError
    if args.clear == (args.value is not None):
        raise WorkspaceError("请给出推荐意见，或用 --clear 清除（二者选一）", "workspace.recommendation")

    def act(ws, b, aid):
        form = ws.form_for(b.bundle_id, aid)
        rid = None
        if not args.clear:
            want = args.value.strip()
            rid = next((r for r, name in form.recommendations if want in (r, name) or want.lower() == r.lower()), None)
            if rid is None:
                choices = "、".join(f"{name}（{r}）" for r, name in form.recommendations) or "（本评审表不设推荐意见）"
                raise WorkspaceError(f"推荐意见应为 {choices} 之一，实际为 {args.value!r}", "workspace.recommendation")
        edit = ws.set_recommendation(b.bundle_id, aid, rid)
        name = dict(form.recommendations).get(rid, "（已清除）")
        return _report(ws, edit, f"推荐意见 {name}", args)
    return _on_bundle(args, act)


def _recuse(args) -> int:
    def act(ws, b, aid):
        if args.withdraw:
            edit = ws.set_recusal(b.bundle_id, aid, False)
            return _report(ws, edit, "撤销回避（之前的评分恢复）", args)
        edit = ws.set_recusal(b.bundle_id, aid, True, args.reason)
        return _report(ws, edit, f"申请回避，理由：{edit.draft.recusal_reason}", args)
    return _on_bundle(args, act)


def _complete(args) -> int:
    from ..expert.errors import WorkspaceError

    def act(ws, b, aid):
        edit = ws.mark_complete(b.bundle_id, aid)
        if edit.problems:
            if args.json:
                _out_json(_edit_view(ws, edit))
            raise WorkspaceError(f"尚不能标记完成：申报 {aid} 还缺 {len(edit.problems)} 项：\n"
                                 + "\n".join(f"  • {p.message}" for p in edit.problems), "workspace.incomplete")
        head = (f"{aid} 已申请回避，无需标记完成" if edit.draft.recused else
                None if edit.saved_at else f"{aid} 本已标记完成")
        return _report(ws, edit, "标记完成", args, head=head)
    return _on_bundle(args, act)


def _replay(args, undo: bool) -> int:
    def act(ws, b, _aid):
        edit = ws.undo(b.bundle_id) if undo else ws.redo(b.bundle_id)
        if edit is None:
            err_text = "没有可撤销的评分操作" if undo else "没有可重做的评分操作"
            if args.json:
                _out_json(None)
            print(err_text, file=sys.stderr)
            return 1
        form = ws.form_for(b.bundle_id, edit.change.application_id)
        head = ("已撤销：" if undo else "已重做：") + f"{edit.application_id} {_field_text(form, edit.change.field)}"
        return _report(ws, edit, "", args, head=head)
    return _on_bundle(args, act)


def _undo(args) -> int:
    return _replay(args, True)


def _redo(args) -> int:
    return _replay(args, False)
