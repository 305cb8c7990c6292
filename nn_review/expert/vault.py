"""The expert's secrets: the workspace data key and the Ed25519 signing key per expert id.

Two storages, fixed when the workspace is created:

* ``keyring`` — the OS keyring (service ``nn-review``): the data key under
  ``expert-data:<workspace id>``, each signing key under ``expert:<expert id>``
  (docs/formats.md §2.3).
* ``passphrase`` — no usable keyring: the data key and the signing keys are files in the
  workspace (``datakey.nnkey``, ``keys/expert-<id>.nnkey``), each encrypted under a key
  derived from the expert's passphrase (scrypt → AES-256-GCM). Never a plaintext key.
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..i18n import M
from ..keys import (SERVICE, KeyStoreError, SigningKey, decode_private_key, encode_private_key, fingerprint,
                    keyring_or_reason, load_or_create_protected_key, open_with_passphrase, protected_key_file,
                    read_protected_key_public, seal_with_passphrase)
from .errors import PassphraseRequired, WorkspaceError

DATAKEY_FILE = "datakey.nnkey"
DATAKEY_FORMAT = "nn-datakey/1"
_DK_PREFIX = "aes256:"


def passphrase_notice(root: Path, reason: str) -> str:
    """The one-time explanation shown when the workspace is created without a keyring."""
    return (f"{reason or '本机没有可用的系统钥匙串'}，因此专家签名密钥和评审材料的加密密钥不能交由操作系统保管。"
            f"它们将以您设置的口令加密后保存在工作区文件夹 {root} 中（不会以明文保存）。"
            "每次启动评审系统时需输入此口令；口令无法找回——遗失后已打开的评审包需重新打开，"
            "签名密钥需向评审秘书重新登记。请牢记口令，不要写在电脑上。")


@dataclass
class Vault:
    root: Path
    workspace_id: str
    storage: str                     # "keyring" | "passphrase"
    data_key: bytes = field(repr=False)
    backend: object = field(default=None, repr=False)
    passphrase: str | None = field(default=None, repr=False)
    _keys: dict[int, SigningKey] = field(default_factory=dict, repr=False)

    @property
    def key_dir(self) -> Path:
        return self.root / "keys"

    def signing_key(self, expert_id: int) -> SigningKey:
        """The expert's key, created on first use (in the keyring, or passphrase-protected)."""
        if expert_id in self._keys:
            return self._keys[expert_id]
        owner = str(expert_id)
        if self.storage == "passphrase":
            key = load_or_create_protected_key("expert", owner, self.key_dir, self.passphrase or "",
                                               "本机没有可用的系统钥匙串")
        else:
            user = f"expert:{owner}"
            entry = f"系统钥匙串 {SERVICE} / {user}"
            try:
                stored = self.backend.get_password(SERVICE, user)
                if stored:
                    key = SigningKey(decode_private_key(stored, entry), "expert", owner, "keyring", entry, False)
                else:
                    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
                    new = Ed25519PrivateKey.generate()
                    self.backend.set_password(SERVICE, user, encode_private_key(new))
                    if self.backend.get_password(SERVICE, user) != encode_private_key(new):
                        raise KeyStoreError("写入后读回不一致")
                    key = SigningKey(new, "expert", owner, "keyring", entry, True)
            except KeyStoreError as e:
                raise WorkspaceError(f"无法从系统钥匙串取得专家签名密钥（{entry}）：{e}", "workspace.keyring") from e
            except Exception as e:  # locked or broken keyring daemon
                raise WorkspaceError(f"系统钥匙串不可用，无法取得专家签名密钥（{entry}）：{e}",
                                     "workspace.keyring") from e
        self._keys[expert_id] = key
        return key

    def known_fingerprint(self, expert_id: int) -> str | None:
        """The fingerprint of an existing key, without creating one."""
        if expert_id in self._keys:
            return self._keys[expert_id].fingerprint
        if self.storage == "passphrase":
            path = protected_key_file("expert", str(expert_id), self.key_dir)
            return fingerprint(read_protected_key_public(path)) if path.exists() else None
        try:
            stored = self.backend.get_password(SERVICE, f"expert:{expert_id}")
        except Exception:
            return None
        return fingerprint(decode_private_key(stored, "keyring").public_key()) if stored else None


def _dk_aad(workspace_id: str) -> str:
    return f"{DATAKEY_FORMAT}|{workspace_id}"


def choose_storage(keyring_backend=None) -> tuple[str, object, str]:
    """("keyring", backend, "") when the OS keyring is usable, else ("passphrase", None, reason)."""
    backend, reason = keyring_or_reason(keyring_backend)
    return ("keyring", backend, "") if backend is not None else ("passphrase", None, reason)


def create_vault(root: Path, workspace_id: str, storage: str, backend, passphrase: str | None) -> Vault:
    data_key = os.urandom(32)
    if storage == "keyring":
        user = f"expert-data:{workspace_id}"
        try:
            backend.set_password(SERVICE, user, _DK_PREFIX + base64.b64encode(data_key).decode("ascii"))
        except Exception as e:
            raise WorkspaceError(f"系统钥匙串拒绝保存工作区数据密钥（{SERVICE} / {user}）：{e}",
                                 "workspace.keyring") from e
        return Vault(root, workspace_id, storage, data_key, backend)
    if passphrase is None:
        raise PassphraseRequired(creating=True)
    try:
        sealed = seal_with_passphrase(data_key, passphrase, _dk_aad(workspace_id))
    except KeyStoreError as e:
        raise WorkspaceError(str(e), "workspace.passphrase_weak") from None
    path = root / DATAKEY_FILE
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump({"format": DATAKEY_FORMAT, "workspace_id": workspace_id, "sealed": sealed}, f)
        f.flush()
        os.fsync(f.fileno())
    return Vault(root, workspace_id, storage, data_key, None, passphrase)


def unlock_vault(root: Path, workspace_id: str, storage: str, backend, passphrase: str | None) -> Vault:
    if storage == "keyring":
        user = f"expert-data:{workspace_id}"
        if backend is None:
            raise WorkspaceError(f"此工作区的密钥保存在系统钥匙串中，但现在没有可用的系统钥匙串（{SERVICE} / {user}）",
                                 "workspace.keyring")
        try:
            stored = backend.get_password(SERVICE, user)
        except Exception as e:
            raise WorkspaceError(f"系统钥匙串不可用，无法取得工作区数据密钥：{e}", "workspace.keyring") from e
        if not stored or not stored.startswith(_DK_PREFIX):
            raise WorkspaceError(f"系统钥匙串中没有此工作区的数据密钥（{SERVICE} / {user}），无法解密已保存的评审材料",
                                 "workspace.keyring")
        return Vault(root, workspace_id, storage, base64.b64decode(stored[len(_DK_PREFIX):]), backend)
    if passphrase is None:
        raise PassphraseRequired(creating=False)
    path = root / DATAKEY_FILE
    try:
        obj = json.loads(path.read_text(encoding="utf-8"))
        if obj.get("format") != DATAKEY_FORMAT or obj.get("workspace_id") != workspace_id:
            raise ValueError("格式或工作区编号不符")
    except (OSError, ValueError) as e:
        raise WorkspaceError(f"工作区数据密钥文件 {path} 缺失或已损坏（{e}）", "workspace.datakey") from None
    try:
        data_key = open_with_passphrase(obj["sealed"], passphrase, _dk_aad(workspace_id), "工作区数据密钥")
    except KeyStoreError as e:
        if "口令错误" not in str(e):
            raise WorkspaceError(str(e), "workspace.datakey") from None
        raise WorkspaceError(f"口令错误，无法打开专家工作区 {root}（口令区分大小写）", "workspace.passphrase",
                             msg=M("expert.err.passphrase_wrong"), detail=str(root)) from None
    return Vault(root, workspace_id, storage, data_key, None, passphrase)
