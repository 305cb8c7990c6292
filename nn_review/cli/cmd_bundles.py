"""CLI verbs of the exchange: ``session bundles|import-scores|returns|repin-key`` and ``bundle open``.

Services are imported inside the handlers so building the parser stays cheap.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .support import guarded as _guarded
from .support import json_text as _json_text
from .support import out as _out
from .support import out_json as _out_json
from .support import parse_date
from .support import resolve_panel_id
from .support import session_context as _ctx


def register(cmds) -> None:
    top, session = cmds.top, cmds.session
    p = session.add_parser("bundles", help="为评审组每位专家制作加密评审包和任务通知书（密码只显示这一次）")
    p.add_argument("--panel", required=True, help="评审组名称或编号")
    p.add_argument("--out", type=Path, required=True, help="评审包（.nnrb）的文件夹：拷入 U 盘交给专家")
    p.add_argument("--letters", type=Path, required=True,
                   help="任务通知书（PDF，载有密码）的文件夹：留在本机打印或单独交付；不能在 --out 之内，也不能包含它")
    p.add_argument("--deadline", type=parse_date, help="评分交回截止日期 YYYY-MM-DD")
    _session_arg(p, _bundles)
    p = session.add_parser("import-scores", help="导入专家交回的评分文件（.nnscore，文件或文件夹）")
    p.add_argument("files", nargs="+", type=Path)
    p.add_argument("--json", action="store_true")
    _session_arg(p, _import_scores)
    p = session.add_parser("returns", help="各专家评分文件的交回情况")
    p.add_argument("--json", action="store_true")
    _session_arg(p, _returns)
    p = session.add_parser("repin-key", help="与专家核实后，为其重新登记签名密钥（更换电脑等）")
    p.add_argument("expert", help="专家编号、专家库编号或姓名")
    p.add_argument("--fingerprint", required=True, help="专家端显示的新密钥指纹")
    p.add_argument("--reason", required=True, help="重新登记的理由（记入审计）")
    p.set_defaults(handler=_repin)
    p = session.add_parser("repin-cert", help="与专家核实后，为其重新登记 PDF 签名证书（更换电脑等）")
    p.add_argument("expert", help="专家编号、专家库编号或姓名")
    p.add_argument("--fingerprint", required=True, help="专家端显示的新 PDF 证书指纹")
    p.add_argument("--reason", required=True, help="重新登记的理由（记入审计）")
    p.set_defaults(handler=_repin_cert)

    b = top.add_parser("bundle", help="评审包（专家端辅助）").add_subparsers(dest="action", required=True)
    p = b.add_parser("open", help="验证签名、解密评审包并取出申报材料")
    p.add_argument("file", type=Path)
    p.add_argument("--password", required=True, help="任务通知书上的密码")
    p.add_argument("--out", type=Path, required=True, help="取出材料的文件夹")
    p.add_argument("--trust", metavar="FINGERPRINT", help="任务通知书上的秘书密钥指纹（强烈建议提供）")
    p.set_defaults(handler=_open)


def _session_arg(p, handler) -> None:
    p.add_argument("--session", help="批次编号或名称（默认：最新批次）")
    p.set_defaults(handler=handler)



def _expert(store, ref: str):
    from sqlalchemy import or_, select

    from ..store.models import Expert
    from ..formats.errors import ExchangeError
    with store.read() as s:
        rows = s.scalars(select(Expert).where(or_(Expert.roster_key == ref, Expert.name == ref,
                                                  Expert.id == (int(ref) if ref.isdigit() else -1)))).all()
    if len(rows) != 1:
        raise ExchangeError(f"找不到唯一的专家 {ref!r}" + ("（重名，请用专家编号）" if rows else ""), "expert.missing")
    return rows[0]


@_guarded
def _bundles(args) -> int:
    from ..exchange.handout import check_handout_folders, prepare_handout, shared_drive_warning

    check_handout_folders(args.out, args.letters)  # before the store is opened: nothing made, nothing written
    store, sid = _ctx(args)
    panel_id = resolve_panel_id(store, sid, args.panel)
    warning = shared_drive_warning(args.out, args.letters)
    if warning is not None:
        print(f"警告：{warning}", file=sys.stderr)

    def progress(done: int, total: int, name: str) -> None:
        if sys.stderr.isatty() and total:
            print(f"\r{done}/{total}  {name[:40]:<40}", end="", file=sys.stderr, flush=True)

    # Same path as the GUI: bundles (all or nothing), then one letter each; a failed letter is
    # reported per bundle, never at the cost of the passwords (they exist nowhere else).
    items = prepare_handout(store, panel_id, args.out, letters_dir=args.letters, deadline=args.deadline,
                            progress=progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    _out(f"已为评审组“{args.panel}”制作 {len(items)} 个评审包（{args.out}）：")
    for h in items:
        i = h.bundle
        _out(f"  {i.expert_name}  {i.file_name}  {i.app_count} 项  密码 {i.password}")
    _out(f"秘书签名密钥指纹：{items[0].bundle.secretary_fingerprint}")
    _out("密码只显示这一次，并写在各专家的任务通知书中；存储中不保存密码。")
    if items[0].bundle.key_notice:  # the technical sentence (folder, backup command) suits the terminal
        print(f"注意：{items[0].bundle.key_notice_detail or items[0].bundle.key_notice}", file=sys.stderr)
    for note in dict.fromkeys(n for h in items for n in h.bundle.notes):  # formal check, once each
        print(f"注意：{note}", file=sys.stderr)
    _out(f"任务通知书（载有密码）在 {args.letters}：")
    for h in items:
        if h.letter_error:
            print(f"错误：{h.letter_error}", file=sys.stderr)
        else:
            _out(f"  任务通知书：{h.letter.name}")
    _out(f"评审包文件夹 {args.out} 可拷入 U 盘交给专家；任务通知书请打印或单独交付，不要与评审包一同发送。")
    if warning is not None:  # again at the end, where the secretary reads
        print(f"警告：{warning}", file=sys.stderr)
    return 1 if any(h.letter_error for h in items) else 0


def _printable(text: str) -> str:
    """A file name that is not valid UTF-8 (surrogate-escaped by the OS layer) shown as ``\\udcff``
    instead of failing the print."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


@_guarded
def _import_scores(args) -> int:
    from ..textsafe import for_terminal
    from ..exchange.scores_import import OUTCOME_ZH, import_score_files
    store, sid = _ctx(args)
    results = import_score_files(store, sid, args.files)
    if args.json:
        _out(_printable(_json_text([r.to_json() for r in results])))  # names may not be valid UTF-8
    else:
        for r in results:  # file names and messages carry the file's own text: no raw control characters
            where = f"{r.field}：" if r.field and r.outcome != "imported" else ""
            _out(_printable(f"[{OUTCOME_ZH[r.outcome]}] {for_terminal(r.file)}  {for_terminal(where + r.message)}"))
        n = sum(r.outcome == "imported" for r in results)
        failed = sum(r.outcome == "failed" for r in results)
        summary = f"已导入 {n}，拒收 {len(results) - n - failed}" + (f"，失败 {failed}" if failed else "")
        _out(summary if results else "没有找到评分文件（.nnscore）")
    return 2 if not results or any(r.outcome != "imported" for r in results) else 0


@_guarded
def _returns(args) -> int:
    from ..exchange.scores_import import STATUS_ZH, returns_overview
    from ..zhfmt import local_time_with_offset
    store, sid = _ctx(args)
    ov = returns_overview(store, sid)
    if args.json:
        _out_json(ov.to_json())
        return 0
    _out("专家交回情况：")
    for e in ov.experts:
        sent = e.file_name or "（尚未制作评审包）"
        rev = f"修订 {e.revision}，{local_time_with_offset(e.imported_at)}" if e.revision else ""
        rec = f"，回避 {e.recused}" if e.recused else ""
        _out(f"  [{STATUS_ZH[e.status]}] {e.name}  {e.returned}/{e.assigned} 项{rec}  {rev}  {sent}"
             + (f"  密钥 {e.key_fingerprint}" if e.key_fingerprint else ""))
    _out("申报项目：")
    for a in ov.applications:
        extra = "，".join(t for t in (f"另有回避 {a.recused} 位" if a.recused else "",
                                      f"未交回 {a.missing} 位" if a.missing else "",
                                      f"未分配专家交回 {a.unassigned} 份" if a.unassigned else "") if t)
        _out(f"  {a.application_id}  已交回 {a.returned}/{a.assigned}{f'（{extra}）' if extra else ''}  {a.title}")
    c = ov.counts
    _out(f"已返回 {c['received']}，部分返回 {c['partial']}，未返回 {c['missing']}")
    return 0


@_guarded
def _repin(args) -> int:
    from .support import open_cli_store as _store
    from ..exchange.scores_import import repin_expert_key
    store = _store(args)
    e = _expert(store, args.expert)
    fpr = repin_expert_key(store, e.id, args.fingerprint, args.reason)
    _out(f"已为专家“{e.name}”重新登记签名密钥 {fpr}（原密钥 {e.key_fingerprint or '未登记'}）")
    return 0


@_guarded
def _repin_cert(args) -> int:
    from .support import open_cli_store as _store
    from ..exchange.cert_pins import repin_certificate
    store = _store(args)
    e = _expert(store, args.expert)
    fpr = repin_certificate(store, e.id, args.fingerprint, args.reason)
    _out(f"已为专家“{e.name}”重新登记 PDF 签名证书 {fpr}；原证书已停用（仍用于核验旧的签署）")
    return 0


@_guarded
def _open(args) -> int:
    from ..formats.bundle import open_bundle
    from ..formats.canonical import canonical_json
    ob = open_bundle(args.file, args.password, trusted_secretary_fingerprint=args.trust, out_dir=args.out)
    (ob.root / "bundle.json").write_bytes(canonical_json(ob.data))
    _out(f"评审包 {ob.bundle_id}：批次“{ob.session['name']}”，专家 {ob.expert['name']}")
    for a in ob.applications:
        _out(f"  {a['application_id']}  {a['title']}（{len(a['documents'])} 个文档）")
    _out(f"材料已取出到 {ob.root}")
    _out(f"秘书签名密钥指纹：{ob.secretary_fingerprint}")
    if not args.trust:
        _out("请核对上面的指纹与任务通知书上的一致；不一致时请勿使用并联系评审秘书。")
    return 0
