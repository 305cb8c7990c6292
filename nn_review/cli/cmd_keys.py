"""CLI verbs of the signer and the secretary's keys: ``signer show|set``, ``keys show|backup|restore``."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .support import guarded, out


def register(cmds) -> None:
    top = cmds.top
    g = top.add_parser("signer", help="签名人资料（真实姓名、职务、单位：写入签名证书）").add_subparsers(
        dest="action", required=True)
    p = g.add_parser("show", help="显示签名人资料与签名证书（含已停用的）")
    p.set_defaults(handler=guarded(_signer_show))
    p = g.add_parser("set", help="设置签名人资料（更改后，下次签名时重新签发证书，旧证书保留）")
    p.add_argument("--name", required=True, help="真实姓名")
    p.add_argument("--title", required=True, help="职务，如 科员")
    p.add_argument("--unit", required=True, help="单位，如 南宁市科学技术局")
    p.set_defaults(handler=guarded(_signer_set))

    k = top.add_parser("keys", help="评审秘书的私钥：位置、备份与恢复（换电脑用）").add_subparsers(
        dest="action", required=True)
    p = k.add_parser("show", help="显示各密钥保存在哪里及其指纹")
    p.set_defaults(handler=guarded(_keys_show))
    p = k.add_parser("backup", help="把评审秘书的密钥与证书备份到一个口令保护的文件")
    p.add_argument("--out", type=Path, required=True, help="备份文件（建议 .nnkeys）")
    p.set_defaults(handler=guarded(_keys_backup))
    p = k.add_parser("restore", help="在新电脑上从备份恢复密钥（指纹不变，专家已登记的指纹继续有效）")
    p.add_argument("file", type=Path)
    p.add_argument("--force", action="store_true", help="本机已有不同的密钥时仍用备份替换")
    p.set_defaults(handler=guarded(_keys_restore))


def _store(args):
    from .support import open_cli_store
    return open_cli_store(args)


def _when(dt) -> str:
    from ..zhfmt import local_time_with_offset
    return local_time_with_offset(dt)


def _signer_show(args) -> int:
    from ..signer import certificates, get_profile
    store = _store(args)
    p = get_profile(store)
    if p is None:
        out(f"（{store.actor}）尚未填写签名人资料：请运行 nn-review signer set --name 姓名 --title 职务 --unit 单位")
    else:
        out(f"签名人：{p.name}\n职务：{p.title}\n单位：{p.unit}\n（本机用户 {store.actor}，更新于 {_when(p.updated_at)}）")
    certs = certificates(store)
    if certs:
        out("签名证书：")
        for c in certs:
            state = f"已停用 {_when(c.retired_at)}" if c.retired_at else "当前使用"
            out(f"  [{state}] {c.subject}  指纹 {c.fingerprint}  签发 {_when(c.created_at)}")
    return 0


def _signer_set(args) -> int:
    from ..signer import certificates, set_profile
    store = _store(args)
    p = set_profile(store, args.name, args.title, args.unit)
    out(f"已保存签名人资料：{p.name}（{p.title}，{p.unit}）")
    if any(c.retired_at is None for c in certificates(store)):
        out("下次签名时将按新资料重新签发签名证书；旧证书保留，已签名的评审表仍可验证。")
    return 0


def _keys_show(args) -> int:
    from ..secretary_keys import key_dir, key_report
    store = _store(args)
    out(f"评审秘书 {store.actor} 的密钥（存储目录 {key_dir(store)}）：")
    for k in key_report(store):
        out(f"  {k.what}\n    保存方式：{k.storage}\n    位置：{k.location}\n    指纹：{k.fingerprint}")
        for d in k.details:
            out(f"    {d}")
    return 0


def _backup_passphrase(confirm: bool) -> str:
    from ..keys import KeyStoreError
    from ..secretary_keys import BACKUP_ENV
    if os.environ.get(BACKUP_ENV):
        return os.environ[BACKUP_ENV]
    if not (sys.stdin and sys.stdin.isatty()):
        raise KeyStoreError(f"需要备份口令：请在终端中运行，或用环境变量 {BACKUP_ENV} 提供")
    import getpass
    value = getpass.getpass("备份文件口令：")
    if confirm and getpass.getpass("请再输入一次：") != value:
        raise KeyStoreError("两次输入的口令不一致")
    return value


def _keys_backup(args) -> int:
    from ..secretary_keys import backup
    store = _store(args)
    info = backup(store, args.out, _backup_passphrase(confirm=True))
    out(f"已备份评审秘书 {info.actor} 的密钥到 {info.path}（口令保护）")
    out(f"  评审包签名密钥指纹：{info.ed25519_fingerprint}")
    out(f"  PDF 签名私钥指纹：{info.pdf_fingerprint}（证书 {info.certificates} 份）")
    out("请把备份文件与口令分开保管。")
    return 0


def _keys_restore(args) -> int:
    from ..secretary_keys import restore
    store = _store(args)
    info = restore(store, args.file, _backup_passphrase(confirm=False), force=args.force)
    out(f"已从 {info.path} 恢复评审秘书的密钥到本机（用户 {info.actor}）")
    out(f"  评审包签名密钥指纹：{info.ed25519_fingerprint}（专家已登记的指纹继续有效）")
    out(f"  PDF 签名私钥指纹：{info.pdf_fingerprint}（证书 {info.certificates} 份）")
    return 0
