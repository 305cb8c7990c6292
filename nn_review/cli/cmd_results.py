"""CLI verbs of the results: ``session merge|consensus|draft|finalise|reopen|report|export|accept-signed|sign``.

Services are imported inside the handlers so building the parser stays cheap. Refusals are ``ResultsError`` (a ``StoreError``): the
common runner prints them and exits 2.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path

from .support import guarded as _guarded
from .support import out as _out
from .support import out_json as _out_json
from .support import resolve_panel_id
from .support import session_context as _ctx


def register(cmds) -> None:
    session = cmds.session
    p = session.add_parser("merge", help="汇总专家评分：各项目得分、排名、推荐意见统计、分歧提示、评分者一致性")
    p.add_argument("--panel", help="评审组名称或编号（默认：全部评审组）")
    p.add_argument("--json", action="store_true", help="输出 nn-results/1 JSON（见 docs/results-json.md）")
    _session_arg(p, _merge)

    p = session.add_parser("consensus", help="录入专家组意见与最终推荐意见（表B：最终等次）")
    p.add_argument("application_id", help="申报编号")
    p.add_argument("--opinion", help="专家组意见全文")
    p.add_argument("--opinion-file", type=Path, help="从 UTF-8 文本文件读取专家组意见")
    p.add_argument("--recommendation", help="support / support_if_revised / reject（或中文：建议支持、修改后支持、不建议支持）")
    p.add_argument("--level", help="表B 等次：优秀 / 良好 / 合格 / 整改 / 撤销")
    p.add_argument("--reason", default="", help="最终结论与计算结果不同时的理由（必填）")
    p.add_argument("--by", choices=["leader", "secretary"], default="leader",
                   help="录入人：leader 组长（默认），secretary 秘书代组长")
    p.add_argument("--clear", action="store_true", help="撤销已录入的专家组意见（须 --reason）")
    _session_arg(p, _consensus)

    p = session.add_parser("draft", help="专家组意见草稿（录入前保存的文字；录入专家组意见后自动删除）")
    drafts = p.add_subparsers(dest="draft_action", required=True)
    d = drafts.add_parser("show", help="显示草稿（不给申报编号：列出本批次全部草稿）")
    d.add_argument("application_id", nargs="?", help="申报编号")
    d.add_argument("--json", action="store_true")
    _session_arg(d, _draft_show)
    d = drafts.add_parser("save", help="保存草稿（文字为空则删除草稿）")
    d.add_argument("application_id", help="申报编号")
    d.add_argument("--text", help="草稿全文")
    d.add_argument("--text-file", type=Path, help="从 UTF-8 文本文件读取草稿")
    _session_arg(d, _draft_save)
    d = drafts.add_parser("clear", help="删除草稿")
    d.add_argument("application_id", help="申报编号")
    _session_arg(d, _draft_clear)

    p = session.add_parser("finalise", help="定稿：锁定批次（之后所有修改均被拒绝）")
    _session_arg(p, _finalise)
    p = session.add_parser("reopen", help="重新开启已定稿的批次（须写明理由；此后打印的评审表版本号加一）")
    p.add_argument("--reason", required=True)
    _session_arg(p, _reopen)

    p = session.add_parser("report", help="生成评审结果汇总表、项目评审意见表和个人评分表（PDF）")
    p.add_argument("--out", type=Path, required=True, help="输出文件夹")
    p.add_argument("--sign", action="store_true", help="由评审秘书加 PDF 数字签名（须先用 nn-review signer set "
                                                       "填写签名人资料；证书首次使用时自动生成）")
    p.add_argument("--panel", help="只生成该评审组（名称或编号）")
    p.add_argument("--no-personal", action="store_true", help="不生成专家个人评分表")
    _token_args(p)
    _session_arg(p, _report)

    p = session.add_parser("export", help="导出评审结果：Excel（.xlsx）和/或 JSON")
    p.add_argument("--xlsx", type=Path, help="Excel 文件")
    p.add_argument("--json", type=Path, dest="json_file", help="JSON 文件（nn-results/1）")
    p.add_argument("--panel", help="只导出该评审组（名称或编号）")
    _session_arg(p, _export)

    p = session.add_parser("accept-signed", help="导入组长在本人电脑上签署的结果表：核验组长证书、原有签名和发出的结果表后入档")
    p.add_argument("files", nargs="+", type=Path, help="组长签署后的结果表 PDF")
    p.add_argument("--json", action="store_true")
    _session_arg(p, _accept_signed)

    p = session.add_parser("sign", help="为已生成的评审结果 PDF 追加评审秘书的数字签名，原有签名保持有效"
                                        "（组长在本人电脑上用 nn-review expert countersign 加签）")
    p.add_argument("files", nargs="+", type=Path)
    p.add_argument("--as", dest="role", choices=["leader", "secretary"], default="secretary",
                   help="secretary（默认）；leader 仅限组长本人的 UKey（--pkcs11-lib）")
    p.add_argument("--panel", help="组长签名时：评审组名称或编号")
    _token_args(p)
    p.add_argument("--repin-reason", default="", help="组长 UKey 证书与已登记的不同时：重新登记的理由")
    _session_arg(p, _sign)


def _token_args(p) -> None:
    g = p.add_argument_group("UKey（PKCS#11）签名", "用 UKey 中 CA 签发的证书签名；PIN 在找到 UKey 后询问"
                             "（脚本运行时取环境变量 NN_REVIEW_PKCS11_PIN），不会保存")
    g.add_argument("--pkcs11-lib", metavar="PATH", help="UKey 驱动的 PKCS#11 库文件（.dll / .so / .dylib）")
    which = g.add_mutually_exclusive_group()
    which.add_argument("--token-label", metavar="L", help="UKey（令牌）标签")
    which.add_argument("--slot", type=int, metavar="N", help="槽位序号（或槽位 ID）")
    g.add_argument("--key-label", metavar="K", help="私钥/证书标签（UKey 中只有一个签名私钥时可省略）")
    g.add_argument("--key-id", metavar="HEX", help="私钥/证书编号（十六进制）")


def _session_arg(p, handler) -> None:
    p.add_argument("--session", help="批次编号或名称（默认：最新批次）")
    p.set_defaults(handler=_guarded(handler))


def _panels(store, sid: int, ref: str | None) -> list[int] | None:
    if ref is None:
        return None
    return [resolve_panel_id(store, sid, ref)]


@functools.cache
def _bar():
    return sys.stderr.isatty()


def _progress(done: int, total: int, name: str) -> None:
    if _bar() and total:
        print(f"\r{done}/{total}  {name[:40]:<40}", end="", file=sys.stderr, flush=True)


def _merge(args) -> int:
    from ..forms import display
    from ..results.merge import session_results
    store, sid = _ctx(args)
    pids = _panels(store, sid, args.panel)
    if args.json:
        from ..results.export import results_json
        _out_json(results_json(store, sid, pids))
        return 0
    for pr in session_results(store, sid, pids):
        _out(f"评审组“{pr.panel_name}”（{pr.form.title}；{pr.rule.text}）"
             f"  [{'已定稿' if pr.finalised else '未定稿'}，第 {pr.sheet_version} 版，数据校验码 {pr.data_hash[:12]}]")
        names = "  ".join(e.name for e in pr.experts)
        _out(f"  排名  申报编号          得分    规则            专家总分（{names}）")
        for g in pr.items:
            _out(f" {g.heading}")
            for a in g.applications:
                rank = f"{a.rank_item}/{a.rank_overall}" if a.rank_overall else "—"
                score = display(a.score.value) if a.score.value is not None else "—"
                cells = " ".join(f"{c.cell:>6}" for c in a.experts)
                flags = f"  分歧 {len(a.flags)}" if a.flags else ""
                _out(f"  {rank:<5} {a.application_id:<16} {score:>6}  {a.method_zh:<14} {cells}"
                     f"  {a.rec_counts_text if not a.form.levels else a.level_zh(a.computed_level)}"
                     f"  → {a.conclusion_text}{flags}")
        excluded = [(a, c) for a in pr.applications for c in a.excluded]
        if excluded:
            _out("  不计入的评分（保留备查）：")
            for a, c in excluded:
                _out(f"    {a.application_id} {c.name}：原总分 {display(c.total) if c.total is not None else '—'}，"
                     f"不计入{c.exclusion_note}")
        if pr.flags:
            _out("  分歧提示：")
            for f in pr.flags:
                _out(f"    [{f.kind_zh}] {f.application_id}：{f.message}{'（已讨论）' if f.resolved else ''}")
        _out("  评分者一致性：")
        for s in pr.severity:
            md = "—" if s.mean_deviation is None else display(s.mean_deviation)
            _out(f"    {s.name}：宽严度 {md}（{s.n} 个项目）")
        _out(f"    {pr.kendall.explanation}")
    return 0


def _consensus(args) -> int:
    from ..results.consensus import clear_consensus, set_consensus
    store, sid = _ctx(args)
    if args.clear:
        clear_consensus(store, sid, args.application_id, args.reason)
        _out(f"已撤销申报 {args.application_id} 的专家组意见")
        return 0
    text = args.opinion
    if args.opinion_file:
        text = args.opinion_file.read_text(encoding="utf-8-sig")
    if not text:
        print("错误：请用 --opinion 或 --opinion-file 给出专家组意见", file=sys.stderr)
        return 2
    a = set_consensus(store, sid, args.application_id, opinion=text, recommendation=args.recommendation,
                      level=args.level, reason=args.reason, by=args.by)
    final = a.level_zh(a.final_level) if a.form.levels else a.recommendation_zh(a.final_recommendation)
    _out(f"已录入 {a.application_id} 的专家组意见：{final}（录入：{a.consensus.author}）")
    if a.consensus.override_reason:
        _out(f"  与计算结果不同的理由：{a.consensus.override_reason}")
    return 0


def _draft_show(args) -> int:
    from ..results.drafts import get_draft, session_drafts
    store, sid = _ctx(args)
    if args.application_id:
        d = get_draft(store, sid, args.application_id)
        drafts = [d] if d is not None else []
    else:
        drafts = session_drafts(store, sid)
    if args.json:
        _out_json([d.to_json() for d in drafts])
        return 0
    if not drafts:
        _out(f"申报 {args.application_id} 没有专家组意见草稿" if args.application_id else "本批次没有专家组意见草稿")
        return 0
    for d in drafts:
        _out(f"{d.application_id}（{d.author}，{d.local_time:%Y-%m-%d %H:%M}）")
        _out("  " + d.text.replace("\n", "\n  "))
    return 0


def _draft_save(args) -> int:
    from ..results.drafts import save_draft
    store, sid = _ctx(args)
    if args.text is None and args.text_file is None:
        print("错误：请用 --text 或 --text-file 给出草稿（空文字即删除草稿）", file=sys.stderr)
        return 2
    text = args.text_file.read_text(encoding="utf-8-sig") if args.text_file else args.text
    d = save_draft(store, sid, args.application_id, text)
    _out(f"已保存 {args.application_id} 的专家组意见草稿（{len(d.text)} 个字符）" if d
         else f"{args.application_id} 的草稿为空或与已录入的意见相同，已删除草稿")
    return 0


def _draft_clear(args) -> int:
    from ..results.drafts import clear_draft
    store, sid = _ctx(args)
    had = clear_draft(store, sid, args.application_id)
    _out(f"已删除 {args.application_id} 的专家组意见草稿" if had else f"申报 {args.application_id} 没有草稿")
    return 0


def _finalise(args) -> int:
    from ..results.consensus import finalise
    store, sid = _ctx(args)
    rep = finalise(store, sid)
    _out(f"批次已定稿（第 {rep.sheet_version} 版，{rep.applications} 个申报项目）；此后所有修改均被拒绝。")
    for name, h in rep.panels.items():
        _out(f"  {name}：数据校验码 {h[:12]}")
    return 0


def _reopen(args) -> int:
    from ..results.consensus import reopen
    store, sid = _ctx(args)
    v = reopen(store, sid, args.reason)
    _out(f"批次已重新开启（理由已记入审计）；此后打印的评审表为第 {v} 版。")
    return 0


def _report(args) -> int:
    from ..results.reports import write_reports
    store, sid = _ctx(args)
    token = None
    if args.pkcs11_lib:
        if not args.sign:
            print("错误：--pkcs11-lib 用于签名，请同时给出 --sign", file=sys.stderr)
            return 2
        from ..results.token_pins import record_secretary_certificate
        token = _open_token(args, "secretary", store.actor)
    try:
        if token is not None:
            _out(f"使用 UKey“{token.token_label}”中的证书签名：{token.subject}（{token.issuer} 签发），"
                 f"指纹 {token.fingerprint}")
            record_secretary_certificate(store, token)
        res = write_reports(store, sid, args.out, sign=args.sign, panel_ids=_panels(store, sid, args.panel),
                            progress=_progress, personal=not args.no_personal, identity=token)
    finally:
        if token is not None:
            token.close()
    if _bar():
        print(file=sys.stderr)
    _out(f"已生成 {len(res.summaries)} 份评审结果汇总表、{len(res.sheets)} 份项目评审意见表、"
         f"{len(res.personal)} 份个人评分表（{res.out_dir}）")
    for p in res.summaries:
        _out(f"  {p}")
    if res.signed:
        _out(f"已由 {res.signer} 加 PDF 数字签名，密钥指纹 {res.fingerprint}")
    if res.notice:
        print(f"注意：{res.notice}", file=sys.stderr)
    return 0


def _export(args) -> int:
    from ..results.export import write_json, write_xlsx
    store, sid = _ctx(args)
    if not args.xlsx and not args.json_file:
        print("错误：请指定 --xlsx 文件 和/或 --json 文件", file=sys.stderr)
        return 2
    pids = _panels(store, sid, args.panel)
    if args.xlsx:
        _out(f"已导出 Excel：{write_xlsx(store, sid, args.xlsx, pids)}")
    if args.json_file:
        _out(f"已导出 JSON：{write_json(store, sid, args.json_file, pids)}")
    return 0


def _accept_signed(args) -> int:
    from ..results.accept import accept_signed_files
    store, sid = _ctx(args)
    results = accept_signed_files(store, sid, args.files)
    if args.json:
        _out_json([r.to_json() for r in results])
    else:
        for r in results:
            _out(f"[{'已入档' if r.outcome == 'accepted' else '拒收'}] {r.file}  {r.message}")
            if r.filed:
                _out(f"  存档：{r.filed}（只读）")
        n = sum(r.outcome == "accepted" for r in results)
        _out(f"已入档 {n}，拒收 {len(results) - n}")
    return 0 if results and all(r.outcome == "accepted" for r in results) else 2


def _sign(args) -> int:
    from ..results.reports import sign_existing
    store, sid = _ctx(args)
    pid = None
    if args.role == "leader" and not getattr(args, "pkcs11_lib", None):
        from ..results.identity import LEADER_SIGNS_ELSEWHERE
        print(f"错误：{LEADER_SIGNS_ELSEWHERE}", file=sys.stderr)
        return 2
    if args.role == "leader":
        from ..results.merge import session_panels
        pids = _panels(store, sid, args.panel) or session_panels(store, sid)
        if len(pids) != 1:
            print("错误：本批次有多个评审组，组长签名请用 --panel 指明评审组", file=sys.stderr)
            return 2
        pid = pids[0]
    if args.pkcs11_lib:
        return _sign_token(args, store, pid)
    ident = sign_existing(store, args.files, as_role=args.role, panel_id=pid)
    _out(f"已由 {ident.name}（{ident.role_zh}）为 {len(args.files)} 个文件加签，密钥指纹 {ident.fingerprint}")
    if ident.notice:
        print(f"注意：{ident.notice}", file=sys.stderr)
    return 0


# -- UKey (PKCS#11) -----------------------------------------------------------------------------

def _open_token(args, role: str, owner: str):
    from ..results.pkcs11_signer import PIN_ENV, TokenError, TokenSpec, open_token_identity
    try:
        key_id = bytes.fromhex(args.key_id) if args.key_id else None
    except ValueError:
        raise TokenError(f"--key-id 应为十六进制编号（如 01 或 a1b2），实际为 {args.key_id!r}", "pkcs11.key_id") from None
    spec = TokenSpec(str(args.pkcs11_lib), args.token_label, args.slot, args.key_label, key_id)

    def ask(label: str) -> str:
        import os
        if os.environ.get(PIN_ENV):
            return os.environ[PIN_ENV]
        if not sys.stdin.isatty():
            raise TokenError(f"需要 UKey“{label}”的 PIN：请在终端中运行，或设置环境变量 {PIN_ENV}", "pkcs11.no_pin")
        import getpass
        return getpass.getpass(f"请输入 UKey“{label}”的 PIN（不回显）：")
    return open_token_identity(spec, role, owner, pin=ask)


def _confirm_leader(check, ident) -> bool:
    """Show the certificate that is about to be pinned as the leader's; ask when interactive."""
    first = check.status == "new"
    _out(f"{'首次登记' if first else '重新登记'}组长 {check.leader_name}（{check.roster_key}）的 UKey 证书：")
    _out(f"  证书主体：{ident.subject}")
    _out(f"  签发机构：{ident.issuer}")
    _out(f"  有效期至：{ident.certificate.not_valid_after_utc.astimezone():%Y-%m-%d}")
    _out(f"  证书指纹：{ident.fingerprint}")
    if not first:
        _out(f"  原登记证书：{check.pinned_subject}，指纹 {check.pinned_fingerprint}")
    if not check.name_matches:
        print(f"注意：证书姓名“{ident.name}”与组长姓名“{check.leader_name}”不一致", file=sys.stderr)
    if sys.stdin.isatty():
        answer = input("请与组长核对以上证书信息。确认登记并签名？[y/N] ").strip().lower()
        return answer in ("y", "yes", "是")
    if not check.name_matches:
        print("错误：非交互运行时不登记姓名不一致的组长证书", file=sys.stderr)
        return False
    return True


def _sign_token(args, store, pid) -> int:
    from ..results.token_pins import panel_leader, sign_with_token
    owner = panel_leader(store, pid)[0] if args.role == "leader" else store.actor
    with _open_token(args, args.role, owner) as ident:
        res = sign_with_token(store, args.files, ident, panel_id=pid, repin_reason=args.repin_reason,
                              confirm=_confirm_leader)
        _out(f"已由 {ident.name}（{ident.role_zh}，UKey“{ident.token_label}”）为 {len(res.files)} 个文件加签，"
             f"证书指纹 {ident.fingerprint}")
        if res.pinned:
            _out(f"已登记组长 {res.check.leader_name} 的证书"
                 f"{'（首次使用）' if res.check.status == 'new' else '（重新登记，理由已记入审计）'}")
    return 0
