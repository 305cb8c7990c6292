"""Signing with a hardware token (UKey) through PKCS#11: the secretary's own CA-issued key, or
the panel leader's own key when the leader signs in person on the secretary's machine.

A token is opened by the vendor's PKCS#11 library (path), chosen by its label or slot; the key by
its label or id (or the only signing key on the token), the certificate is the one with the key's
id (or label, or public key). The CA certificates on the token that issued it go into the
signature. The PIN is asked when the token has been found (a callable), or taken from
``$NN_REVIEW_PKCS11_PIN`` for scripted use; it is used to log in and then dropped — never
stored, logged, audited or put into a message.

:class:`TokenIdentity` is used by :func:`nn_review.pdf.signing.sign_pdf` like the file
identity: ``role``, ``name`` (the certificate's CN), ``certificate`` (cryptography), the
``fingerprint`` and ``make_signer()`` (pyHanko's ``PKCS11Signer``). Close it (or use ``with``)
when done: that ends the session and logs out of the token.

The certificates used are recorded and the leader's pinned in :mod:`.token_pins`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from ..certs import certificate_fingerprint, subject_text
from ..keys import KeyStoreError

PIN_ENV = "NN_REVIEW_PKCS11_PIN"
ROLE_ZH = {"secretary": "评审秘书", "leader": "专家组组长"}

# where the SoftHSM2 / common UKey libraries are usually installed (used as a default hint only)
SOFTHSM_LIBS = ("/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
                "/usr/local/lib/softhsm/libsofthsm2.so", "/opt/homebrew/lib/softhsm/libsofthsm2.so")

Pin = str | Callable[[str], str] | None


class TokenError(KeyStoreError):
    """A token problem the user can act on; the message is Chinese, ``code`` is stable for tests/UI."""

    def __init__(self, message: str, code: str = "pkcs11.error"):
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class TokenSpec:
    library: str
    token_label: str | None = None
    slot: int | None = None          # index in the library's slot list (as pkcs11-tool -L numbers them) or slot id
    key_label: str | None = None
    key_id: bytes | None = None


@dataclass(frozen=True)
class TokenInfo:
    index: int
    slot_id: int
    label: str
    serial: str
    manufacturer: str
    initialized: bool


fingerprint_of = certificate_fingerprint  # as SigningIdentity.fingerprint


def common_name(name: x509.Name) -> str:
    cn = name.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(cn[0].value) if cn else name.rfc4514_string()


# -- the library and the token ---------------------------------------------------------------

def _load(library: str):
    try:
        import pkcs11
    except ImportError:  # pragma: no cover - a dependency of the package
        raise TokenError("未安装 python-pkcs11，无法使用 UKey 签名（pip install python-pkcs11）",
                         "pkcs11.no_module") from None
    path = Path(library).expanduser()
    if not str(library).strip() or not path.exists():
        raise TokenError(f"找不到 PKCS#11 库文件：{library}。请填写 UKey 驱动自带的 PKCS#11 库的完整路径"
                         f"（Windows 下通常是驱动目录中的 *.dll，Linux 下是 *.so）", "pkcs11.lib_missing")
    if not path.is_file():
        raise TokenError(f"PKCS#11 库路径 {library} 不是文件", "pkcs11.lib_missing")
    try:
        return pkcs11.lib(str(path))
    except pkcs11.PKCS11Error as e:
        raise TokenError(f"文件 {library} 不是可用的 PKCS#11 库（无法加载：{e}）。请确认填写的是 UKey 驱动中的 "
                         f"PKCS#11 库，而不是其他文件", "pkcs11.lib_invalid") from None


def _text(value) -> str:
    return (value or "").strip() if isinstance(value, str) else str(value or "")


def list_tokens(library: str) -> list[TokenInfo]:
    """The slots of ``library`` that hold a token (for the dialog and the error messages)."""
    import pkcs11
    lib = _load(library)
    out = []
    try:
        for i, slot in enumerate(lib.get_slots()):  # i: the position pkcs11-tool -L shows
            if not slot.flags & pkcs11.SlotFlag.TOKEN_PRESENT:
                continue
            try:
                t = slot.get_token()
            except pkcs11.PKCS11Error:
                continue
            out.append(TokenInfo(i, slot.slot_id, _text(t.label), _text(t.serial.decode("ascii", "replace")
                                                                          if isinstance(t.serial, bytes) else t.serial),
                                 _text(t.manufacturer_id), bool(t.flags & pkcs11.TokenFlag.TOKEN_INITIALIZED)))
    except pkcs11.PKCS11Error as e:
        raise TokenError(f"读取 PKCS#11 库 {library} 的槽位失败：{e}", "pkcs11.slots") from None
    return out


def _describe(tokens: list[TokenInfo]) -> str:
    usable = [t for t in tokens if t.initialized]
    if not usable:
        return "当前没有检测到已初始化的 UKey"
    return "当前可用：" + "、".join(f"槽位 {t.index}“{t.label}”" for t in usable)


def _find_token(lib, spec: TokenSpec):
    import pkcs11
    tokens = list_tokens(spec.library)
    slots = lib.get_slots()
    chosen = None
    if spec.slot is not None:
        for t in tokens:
            if spec.slot in (t.index, t.slot_id):
                chosen = t
                break
        if chosen is None:
            raise TokenError(f"槽位 {spec.slot} 中没有 UKey；{_describe(tokens)}", "pkcs11.no_token")
        if spec.token_label and chosen.label != spec.token_label:
            raise TokenError(f"槽位 {spec.slot} 中的 UKey 标签是“{chosen.label}”，不是“{spec.token_label}”",
                             "pkcs11.no_token")
    elif spec.token_label:
        found = [t for t in tokens if t.label == spec.token_label]
        if not found:
            raise TokenError(f"找不到标签为“{spec.token_label}”的 UKey，请确认已插入；{_describe(tokens)}",
                             "pkcs11.no_token")
        chosen = found[0]
    else:
        usable = [t for t in tokens if t.initialized]
        if not usable:
            raise TokenError(f"没有检测到 UKey（PKCS#11 库 {spec.library}）；请插入 UKey 后重试", "pkcs11.no_token")
        if len(usable) > 1:
            raise TokenError(f"插入了多个 UKey，请用标签或槽位指明使用哪一个；{_describe(tokens)}", "pkcs11.many_tokens")
        chosen = usable[0]
    if not chosen.initialized:
        raise TokenError(f"槽位 {chosen.index} 中的 UKey 尚未初始化（没有证书和私钥）", "pkcs11.no_token")
    slot = next(s for s in slots if s.slot_id == chosen.slot_id)
    try:
        return slot.get_token()
    except (pkcs11.TokenNotPresent, pkcs11.DeviceRemoved):
        raise TokenError(f"UKey“{chosen.label}”已被拔出，请重新插入后重试", "pkcs11.no_token") from None


def _login(token, pin: Pin):
    import pkcs11
    label = _text(token.label)
    if pin is None:
        pin = os.environ.get(PIN_ENV)
    if callable(pin):
        pin = pin(label)
    if not pin:
        raise TokenError(f"未输入 UKey“{label}”的 PIN", "pkcs11.no_pin")
    try:
        return token.open(user_pin=pin)
    except pkcs11.PinIncorrect:
        hint = ""
        try:  # fresh token info: some tokens report the remaining tries
            flags = token.slot.get_token().flags
            if flags & pkcs11.TokenFlag.USER_PIN_FINAL_TRY:
                hint = "再输错一次 PIN 将被锁定！"
            elif flags & pkcs11.TokenFlag.USER_PIN_COUNT_LOW:
                hint = "剩余尝试次数不多，请谨慎输入。"
            elif flags & pkcs11.TokenFlag.USER_PIN_LOCKED:
                raise TokenError(_locked(label), "pkcs11.pin_locked") from None
        except pkcs11.PKCS11Error:
            pass
        raise TokenError(f"UKey“{label}”的 PIN 错误。{hint}", "pkcs11.pin_incorrect") from None
    except pkcs11.PinLocked:
        raise TokenError(_locked(label), "pkcs11.pin_locked") from None
    except pkcs11.PinExpired:
        raise TokenError(f"UKey“{label}”的 PIN 已过期，请先用 UKey 管理工具修改 PIN", "pkcs11.pin_expired") from None
    except (pkcs11.PinLenRange, pkcs11.PinInvalid):
        raise TokenError(f"UKey“{label}”的 PIN 长度或格式不符合要求", "pkcs11.pin_invalid") from None
    except (pkcs11.TokenNotPresent, pkcs11.DeviceRemoved):
        raise TokenError(f"UKey“{label}”已被拔出，请重新插入后重试", "pkcs11.no_token") from None
    except pkcs11.PKCS11Error as e:
        raise TokenError(f"无法登录 UKey“{label}”：{type(e).__name__} {e}", "pkcs11.login") from None


def _locked(label: str) -> str:
    return (f"UKey“{label}”的 PIN 已被锁定（输错次数过多），无法签名。请用 UKey 管理工具以管理员 PIN（SO PIN）"
            f"解锁，或联系发证机构")


# -- key, certificate, chain -----------------------------------------------------------------

def _attr(obj, attribute, default=None):
    try:
        return obj[attribute]
    except Exception:  # attribute absent or sensitive on this token
        return default


def _find_key(session, spec: TokenSpec, token_label: str):
    from pkcs11 import Attribute, ObjectClass
    query = {Attribute.CLASS: ObjectClass.PRIVATE_KEY}
    keys = [k for k in session.get_objects(query) if _attr(k, Attribute.SIGN, True)]
    names = "、".join(f"“{_attr(k, Attribute.LABEL, '') or '（无标签）'}”" for k in keys) or "（没有）"
    chosen = keys
    if spec.key_label is not None:
        chosen = [k for k in chosen if _attr(k, Attribute.LABEL) == spec.key_label]
    if spec.key_id is not None:
        chosen = [k for k in chosen if _attr(k, Attribute.ID) == spec.key_id]
    what = (f"标签为“{spec.key_label}”的" if spec.key_label is not None else "") + \
           (f"编号为 {spec.key_id.hex()} 的" if spec.key_id is not None else "")
    if not chosen:
        raise TokenError(f"UKey“{token_label}”上找不到{what}签名私钥；现有私钥：{names}", "pkcs11.no_key")
    if len(chosen) > 1:
        raise TokenError(f"UKey“{token_label}”上有多个{what}签名私钥（{names}），请用密钥标签或编号指明",
                         "pkcs11.many_keys")
    return chosen[0]


def _token_certificates(session) -> list[tuple[object, x509.Certificate]]:
    from pkcs11 import Attribute, ObjectClass
    out = []
    for obj in session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE}):
        der = _attr(obj, Attribute.VALUE)
        if der:
            try:
                out.append((obj, x509.load_der_x509_certificate(bytes(der))))
            except ValueError:
                continue  # not an X.509 certificate we can read
    return out


def _find_certificate(key, certs, token_label: str) -> x509.Certificate:
    from pkcs11 import Attribute
    kid, klabel = _attr(key, Attribute.ID), _attr(key, Attribute.LABEL)
    for attribute, value in ((Attribute.ID, kid), (Attribute.LABEL, klabel)):
        if value:
            match = [c for obj, c in certs if _attr(obj, Attribute.ID if attribute == Attribute.ID else
                                                      Attribute.LABEL) == value]
            if len(match) == 1:
                return match[0]
    modulus = _attr(key, Attribute.MODULUS)
    if modulus:
        n = int.from_bytes(bytes(modulus), "big")
        match = [c for _obj, c in certs if getattr(c.public_key().public_numbers(), "n", None) == n]
        if match:
            return match[0]
    raise TokenError(f"UKey“{token_label}”上找不到与私钥“{klabel or (kid.hex() if kid else '')}”对应的证书",
                     "pkcs11.no_cert")


def _issuer_chain(cert: x509.Certificate, certs: list[x509.Certificate]) -> list[x509.Certificate]:
    """The certificates on the token that issued ``cert``, up to the root (signatures checked)."""
    chain, current = [], cert
    while current.issuer != current.subject and len(chain) < 8:
        parent = None
        for c in certs:
            if c.subject == current.issuer and c != current:
                try:
                    current.verify_directly_issued_by(c)
                except Exception:
                    continue
                parent = c
                break
        if parent is None or parent in chain:
            break
        chain.append(parent)
        current = parent
    return chain


def _check_algorithm(cert: x509.Certificate, label: str) -> None:
    """PDF (PAdES) signatures and their readers take RSA and ECDSA keys; SM2 (国密) ones are refused here
    rather than as an obscure failure inside the signing."""
    from cryptography.hazmat.primitives.asymmetric import ec
    try:
        key = cert.public_key()
        ok = isinstance(key, rsa.RSAPublicKey) or (isinstance(key, ec.EllipticCurvePublicKey)
                                                   and key.curve.name in ("secp256r1", "secp384r1", "secp521r1"))
    except Exception:  # an algorithm cryptography does not know (e.g. SM2)
        ok = False
    if not ok:
        raise TokenError(f"UKey“{label}”中的证书（{common_name(cert.subject)}）使用的密钥算法不能用于 PDF 签名"
                         f"（如 SM2 国密证书）；请使用 RSA 或 ECDSA（P-256/384/521）证书，可向发证机构申请",
                         "pkcs11.algorithm")


# -- the identity ------------------------------------------------------------------------------

@dataclass(eq=False)
class TokenIdentity:
    role: str
    owner_id: str
    name: str
    certificate: x509.Certificate
    chain: list[x509.Certificate]
    token_label: str
    library: str
    _session: object = field(repr=False)
    _key: object = field(repr=False)
    storage: str = "pkcs11"
    created: bool = False
    notice: str = ""

    @property
    def fingerprint(self) -> str:
        return fingerprint_of(self.certificate)

    @property
    def role_zh(self) -> str:
        return ROLE_ZH.get(self.role, self.role)

    @property
    def location(self) -> str:
        return f"UKey“{self.token_label}”（{self.library}）"

    @property
    def subject(self) -> str:
        return subject_text(self.certificate.subject)

    @property
    def issuer(self) -> str:
        return common_name(self.certificate.issuer)

    @property
    def stamp_note(self) -> str:
        """The last line of the visible signature box."""
        if self.certificate.issuer == self.certificate.subject:
            return "证书：UKey 自签名证书"
        issuer = self.issuer if len(self.issuer) <= 18 else self.issuer[:17] + "…"  # fits the box
        return f"证书：{issuer} 签发（UKey）"

    @property
    def cert_pem(self) -> str:
        return self.certificate.public_bytes(serialization.Encoding.PEM).decode("ascii")

    def make_signer(self):
        """pyHanko's PKCS#11 signer on the open session, with the CA chain found on the token."""
        from asn1crypto import x509 as asn1_x509
        from pkcs11 import Attribute
        from pyhanko.sign.pkcs11 import PKCS11Signer

        def asn1(c: x509.Certificate):
            return asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER))
        kid, klabel = _attr(self._key, Attribute.ID), _attr(self._key, Attribute.LABEL)
        signer = PKCS11Signer(self._session, signing_cert=asn1(self.certificate),
                              ca_chain=[asn1(c) for c in self.chain], key_id=kid or None,
                              key_label=None if kid else klabel)
        signer._key_handle, signer._loaded = self._key, True  # the key found above; no second lookup
        return signer

    def close(self) -> None:
        """End the session and log out (C_Finalize); the library reloads on next use."""
        session, self._session = self._session, None
        if session is None:
            return
        try:
            session.close()
        except Exception:
            pass
        try:
            import pkcs11
            lib = pkcs11.lib(self.library)
            lib.finalize()
        except Exception:
            pass

    def __enter__(self) -> TokenIdentity:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_token_identity(spec: TokenSpec, role: str, owner_id: str, *, pin: Pin = None) -> TokenIdentity:
    """Open the token of ``spec``, log in with ``pin`` (str, callable(token label) → str, or None for
    ``$NN_REVIEW_PKCS11_PIN``), and find the signing key and its certificate."""
    import pkcs11
    if role not in ROLE_ZH:
        raise TokenError(f"无效的签名身份：{role!r}", "pkcs11.role")
    lib = _load(spec.library)
    token = _find_token(lib, spec)
    label = _text(token.label)
    session = _login(token, pin)
    try:
        key = _find_key(session, spec, label)
        certs = _token_certificates(session)
        cert = _find_certificate(key, certs, label)
        now = datetime.now(timezone.utc)
        if cert.not_valid_after_utc < now:
            raise TokenError(f"UKey“{label}”中的证书（{common_name(cert.subject)}）已于 "
                             f"{cert.not_valid_after_utc.astimezone():%Y-%m-%d} 过期，请到发证机构更新证书",
                             "pkcs11.cert_expired")
        if cert.not_valid_before_utc > now:
            raise TokenError(f"UKey“{label}”中的证书（{common_name(cert.subject)}）自 "
                             f"{cert.not_valid_before_utc.astimezone():%Y-%m-%d %H:%M} 起才生效；请检查本机时间",
                             "pkcs11.cert_not_yet_valid")
        _check_algorithm(cert, label)
        chain = _issuer_chain(cert, [c for _o, c in certs])
    except TokenError:
        session.close()
        raise
    except pkcs11.PKCS11Error as e:
        session.close()
        raise TokenError(f"读取 UKey“{label}”失败：{type(e).__name__} {e}", "pkcs11.read") from None
    return TokenIdentity(role, owner_id, common_name(cert.subject), cert, chain, label, spec.library, session, key)
