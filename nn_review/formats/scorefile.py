"""Score files (``.nnscore``, format ``nnscore/1``): an expert's reviews going back to the secretary.

The file is one canonical JSON object: the *body* fields, plus ``hmac`` (HMAC-SHA256 keyed
with the bundle's secret over the canonical body: proves the writer opened that bundle),
``expert_public_key`` and ``signature`` (Ed25519 over context + canonical body + hmac:
proves which key wrote it; the secretary pins that key at first import). See docs/formats.md §2.
A reader takes the file only in that canonical form, byte for byte (``scores.not_canonical``:
a re-laid-out copy is refused, issue 20; why: docs/formats.md §2.1).
"""

from __future__ import annotations

import hashlib
import hmac as hmac_mod
import os
import re
import uuid
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Mapping

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ..forms import MAX_TEXT_CHARS, validate_review
from ..jsonlimits import JSONLimitError, loads_bounded
from ..keys import SigningKey, fingerprint, public_key_b64, public_key_from_b64
from .canonical import b64d, b64e, canonical_json, parse_stamp, utc_stamp
from .errors import ExchangeError

FORMAT = "nnscore/1"
SUFFIX = ".nnscore"
SIG_CONTEXT = b"nnscore/1 signature\n"
MAX_SIZE = 16 * 1024 * 1024
# Limits (docs/formats.md §2.6): checked before and while parsing, so a hostile file is refused
# with the field named, never a RecursionError/OverflowError. Real files are far inside them
# (nesting 5: file → reviews → review → grades → grade).
MAX_DEPTH = 16
MAX_VALUES = 500_000                  # JSON tokens in the whole file: containers, strings (keys too), commas
MAX_TEXT = MAX_TEXT_CHARS             # characters: opinion, comment, recusal reason (and any string)
MAX_SHORT = 64                        # characters: bundle id, application id, criterion id, grade, recommendation
MAX_REVIEWS = 2_000
MAX_GRADES = 100                      # criteria per review (form criterion ids are c1–c99)
MAX_INT = 2 ** 31 - 1                 # session_id, expert_id, revision: 1 … MAX_INT
TIME_RANGE = (datetime(2000, 1, 1), datetime(2100, 1, 1))   # timestamps: [from, to)
BODY_KEYS = ("format", "bundle_id", "session_id", "expert_id", "revision", "created_at", "reviews")
# Optional body fields (signed like the rest when present; files without them stay valid):
# ``pdf_certificate`` — PEM of the expert's PDF-signing X.509 certificate (pinned at import).
OPTIONAL_BODY_KEYS = ("pdf_certificate",)
MAX_CERT_PEM = 16 * 1024
TRAILER_KEYS = ("hmac", "expert_public_key", "signature")
REVIEW_TYPES = {"application_id": str, "recused": bool, "recusal_reason": str, "grades": dict, "opinion": str,
                "recommendation": (str, type(None)), "updated_at": str}
GRADE_TYPES = {"grade": str, "points": (str, type(None)), "comment": str}
_POINTS = re.compile(r"-?[0-9]{1,3}(\.[0-9]{1,4})?")   # ASCII digits only (\d would take "８７")
_STAMP = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")


@dataclass(frozen=True)
class ScoreFile:
    body: dict[str, Any]
    hmac: str
    public_key: str      # base64 raw Ed25519
    signature: str       # base64
    fingerprint: str
    sha256: str          # of the file bytes
    name: str = ""

    @property
    def bundle_id(self) -> str:
        return self.body["bundle_id"]

    @property
    def session_id(self) -> int:
        return self.body["session_id"]

    @property
    def expert_id(self) -> int:
        return self.body["expert_id"]

    @property
    def revision(self) -> int:
        return self.body["revision"]

    @property
    def reviews(self) -> list[dict[str, Any]]:
        return self.body["reviews"]

    @property
    def pdf_certificate(self) -> str | None:
        return self.body.get("pdf_certificate")


@dataclass(frozen=True)
class ScoreFileInfo:
    path: Path
    sha256: str
    revision: int
    key_fingerprint: str


def body_mac(body: Mapping[str, Any], secret: bytes) -> str:
    return hmac_mod.new(secret, canonical_json(body), hashlib.sha256).hexdigest()


def _message(body: Mapping[str, Any], mac: str) -> bytes:
    return SIG_CONTEXT + canonical_json(body) + mac.encode("ascii")


def seal(body: Mapping[str, Any], secret: bytes, private_key: Ed25519PrivateKey) -> dict[str, Any]:
    """The complete file object for ``body`` (HMAC, public key, signature added)."""
    mac = body_mac(body, secret)
    return dict(body, hmac=mac, expert_public_key=public_key_b64(private_key.public_key()),
                signature=b64e(private_key.sign(_message(body, mac))))


# -- reading ------------------------------------------------------------------------------

def _show(value: Any, limit: int = 40) -> str:
    """A value for a message: repr, cut short (fields may hold 20,000 characters)."""
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "…"


def _key(key: str, limit: int = 40) -> str:
    """An untrusted key as part of a field path in a message (cut short)."""
    return key if len(key) <= limit else key[:limit] + "…"


def _malformed(name: str, fld: str, msg: str) -> ExchangeError:
    return ExchangeError(f"{name}：字段 {fld} {msg}", "scores.malformed", fld)


def _typed(name: str, obj: Mapping, key: str, types, where: str) -> Any:
    fld = f"{where}.{key}" if where else key
    if key not in obj:
        raise _malformed(name, fld, "缺失")
    val = obj[key]
    bad_int = types is int and isinstance(val, bool)
    if bad_int or not isinstance(val, types):
        raise _malformed(name, fld, f"类型错误（实际为 {type(val).__name__}）")
    return val


def _int(name: str, obj: Mapping, key: str) -> int:
    val = _typed(name, obj, key, int, "")
    if not 1 <= val <= MAX_INT:
        raise _malformed(name, key, f"应为 1–{MAX_INT} 之间的整数，实际为 {_show(val)}")
    return val


def _short(name: str, fld: str, val: str) -> str:
    if not 0 < len(val) <= MAX_SHORT:
        raise _malformed(name, fld, f"应为 1–{MAX_SHORT} 个字符，实际 {len(val)} 个")
    return val


def _stamp(name: str, fld: str, text: str) -> None:
    try:
        if not _STAMP.fullmatch(text):
            raise ValueError(text)
        at = parse_stamp(text)
    except ValueError:
        raise _malformed(name, fld, f"应为 YYYY-MM-DDTHH:MM:SSZ，实际为 {_show(text)}") from None
    if not TIME_RANGE[0] <= at < TIME_RANGE[1]:
        raise _malformed(name, fld, f"的时间不可信（{text}，应在 {TIME_RANGE[0].year}–{TIME_RANGE[1].year - 1} 年之间）")


def _parse(raw: bytes, name: str) -> Any:
    """The JSON object within the limits; anything else is a refusal naming the file (and field)."""
    if len(raw) > MAX_SIZE:
        raise ExchangeError(f"{name} 过大（{len(raw)} 字节，评分文件最大 {MAX_SIZE} 字节），不是评分文件",
                            "scores.not_score_file")
    try:
        return loads_bounded(raw, max_bytes=MAX_SIZE, max_depth=MAX_DEPTH, max_values=MAX_VALUES,
                             max_string=MAX_TEXT, max_items=MAX_REVIEWS, max_int_digits=30, allow_floats=False)
    except JSONLimitError as e:
        if e.path is None:  # not JSON, or not a shape any score file has
            raise ExchangeError(f"{name} 不是评分文件（{e.message}）", "scores.not_score_file") from None
        raise ExchangeError(f"{name}：{e.message}", "scores.malformed", e.path) from None


def read_score_file(raw: bytes, name: str = "评分文件") -> ScoreFile:
    """Parse and check the structure and limits (which field is wrong); no cryptographic check yet.

    Refuses with :class:`ExchangeError` only — whatever the bytes are.
    """
    obj = _parse(raw, name)
    if not isinstance(obj, dict) or obj.get("format") != FORMAT:
        got = obj.get("format") if isinstance(obj, dict) else type(obj).__name__
        raise ExchangeError(f"{name} 不是评分文件（format 应为 {FORMAT!r}，实际为 {_show(got)}）",
                            "scores.not_score_file", "format")
    unknown = sorted(set(obj) - set(BODY_KEYS) - set(OPTIONAL_BODY_KEYS) - set(TRAILER_KEYS))
    if unknown:
        raise _malformed(name, _key(unknown[0]), "是未知字段")
    _short(name, "bundle_id", _typed(name, obj, "bundle_id", str, ""))
    for key in ("session_id", "expert_id", "revision"):
        _int(name, obj, key)
    for key in ("created_at", "hmac", "expert_public_key", "signature"):
        _typed(name, obj, key, str, "")
    _stamp(name, "created_at", obj["created_at"])
    if not re.fullmatch(r"[0-9a-f]{64}", obj["hmac"]):
        raise _malformed(name, "hmac", "应为 64 个小写十六进制字符")
    try:
        pub = public_key_from_b64(obj["expert_public_key"])
    except ValueError:
        raise _malformed(name, "expert_public_key", "不是有效的 Ed25519 公钥") from None
    try:
        b64d(obj["signature"], 64)
    except ValueError:
        raise _malformed(name, "signature", "应为 64 字节签名的 base64") from None
    reviews = _typed(name, obj, "reviews", list, "")
    if len(reviews) > MAX_REVIEWS:
        raise _malformed(name, "reviews", f"过多（{len(reviews)} 项，最多 {MAX_REVIEWS} 项）")
    seen: set[str] = set()
    for i, r in enumerate(reviews):
        where = f"reviews[{i}]"
        if not isinstance(r, dict):
            raise _malformed(name, where, "应为对象")
        extra = sorted(set(r) - set(REVIEW_TYPES))
        if extra:
            raise _malformed(name, f"{where}.{_key(extra[0])}", "是未知字段")
        for key, types in REVIEW_TYPES.items():
            _typed(name, r, key, types, where)
        aid = _short(name, f"{where}.application_id", r["application_id"])
        if aid in seen:
            raise _malformed(name, f"{where}.application_id", f"重复：{_show(aid)}")
        seen.add(aid)
        if r["recommendation"] is not None:
            _short(name, f"{where}.recommendation", r["recommendation"])
        _stamp(name, f"{where}.updated_at", r["updated_at"])
        if len(r["grades"]) > MAX_GRADES:
            raise _malformed(name, f"{where}.grades", f"的指标过多（{len(r['grades'])} 项，最多 {MAX_GRADES} 项）")
        for cid, g in r["grades"].items():
            gw = f"{where}.grades.{_key(cid)}"
            if not 0 < len(cid) <= MAX_SHORT:
                raise _malformed(name, f"{where}.grades", f"含长度不符的指标编号（应为 1–{MAX_SHORT} 个字符）")
            if not isinstance(g, dict):
                raise _malformed(name, gw, "应为对象 {grade, points?, comment}")
            extra = sorted(set(g) - set(GRADE_TYPES))
            if extra:
                raise _malformed(name, f"{gw}.{_key(extra[0])}", "是未知字段")
            _short(name, f"{gw}.grade", _typed(name, g, "grade", str, gw))
            _typed(name, g, "comment", str, gw)
            if g.get("points") is not None and not _POINTS.fullmatch(_typed(name, g, "points", str, gw)):
                raise _malformed(name, f"{gw}.points", f"应为十进制数字文本（如 \"87.5\"），实际为 {_show(g['points'])}")
    if "pdf_certificate" in obj:
        _check_certificate(name, _typed(name, obj, "pdf_certificate", str, ""))
    _check_canonical(name, raw, obj)
    body = {k: obj[k] for k in BODY_KEYS + OPTIONAL_BODY_KEYS if k in obj}
    return ScoreFile(body, obj["hmac"], obj["expert_public_key"], obj["signature"], fingerprint(pub),
                     hashlib.sha256(raw).hexdigest(), name)


def _check_canonical(name: str, raw: bytes, obj: Mapping[str, Any]) -> None:
    """The file must be byte for byte the canonical JSON of its content (docs/formats.md §2.1): one
    content, one file, one SHA-256 (what the store records and compares for a replay). A file
    re-laid-out in an editor is refused with where it first differs and what changed."""
    canon = canonical_json(obj)
    if raw == canon:
        return
    at = next((i for i, (a, b) in enumerate(zip(raw, canon)) if a != b), min(len(raw), len(canon)))
    line = raw.count(b"\n", 0, at) + 1
    col = len(raw[raw.rfind(b"\n", 0, at) + 1:at].decode("utf-8", "replace")) + 1
    if raw.strip() == canon:
        how = "文件首尾多了空白或换行"
    elif b"\n" in raw.strip() or b": " in raw or b", " in raw:
        how = "加了换行、缩进或空格（重新排版过）"
    elif raw.startswith(b"\xef\xbb\xbf"):
        how = "开头多了 BOM"
    else:
        how = "键的顺序或字符的写法（如 \\u 转义）与规范 JSON 不同"
    raise ExchangeError(f"{name} 不是规范格式的评分文件：从第 {line} 行第 {col} 列（第 {at + 1} 字节）起与规范 JSON 不同，"
                        f"{how}。评分文件须与专家端导出的原文件逐字节一致，内容的签名覆盖的正是这一格式；"
                        "请导入原文件，或请专家重新导出", "scores.not_canonical")


def _check_certificate(name: str, pem: str) -> None:
    from cryptography import x509
    from cryptography.hazmat.primitives.asymmetric import rsa
    if len(pem) > MAX_CERT_PEM or "-----BEGIN CERTIFICATE-----" not in pem:
        raise _malformed(name, "pdf_certificate", "应为一个 PEM 格式的 X.509 证书")
    try:
        cert = x509.load_pem_x509_certificate(pem.encode("ascii"))
        key = cert.public_key()
    except (ValueError, UnicodeEncodeError, UnsupportedAlgorithm):
        raise _malformed(name, "pdf_certificate", "不是有效的 PEM 格式 X.509 证书") from None
    if not isinstance(key, rsa.RSAPublicKey) or key.key_size < 2048:
        raise _malformed(name, "pdf_certificate", "应为至少 2048 位的 RSA 证书")


def check_mac(sf: ScoreFile, secret: bytes) -> None:
    if not hmac_mod.compare_digest(body_mac(sf.body, secret), sf.hmac):
        raise ExchangeError(f"{sf.name} 的内容在专家签署后被改动（HMAC 校验失败），拒绝导入", "scores.hmac", "hmac")


def check_signature(sf: ScoreFile) -> None:
    try:
        public_key_from_b64(sf.public_key).verify(b64d(sf.signature, 64), _message(sf.body, sf.hmac))
    except InvalidSignature:
        raise ExchangeError(f"{sf.name} 的签名无效（内容与专家签名不符），拒绝导入", "scores.signature",
                            "signature") from None


def verify_score_file(source: str | Path | bytes, secret: bytes, *, name: str | None = None) -> ScoreFile:
    """Structure, then HMAC with the bundle secret, then the Ed25519 signature."""
    if isinstance(source, bytes):
        raw, name = source, name or "评分文件"
    else:
        path = Path(source)
        try:
            with open(path, "rb") as f:
                raw, name = f.read(MAX_SIZE + 1), name or path.name  # more than that is refused as too big
        except OSError as e:
            raise ExchangeError(f"无法读取 {path}：{e}", "file.io") from e
    sf = read_score_file(raw, name)
    check_mac(sf, secret)
    check_signature(sf)
    return sf


# -- writing (the expert's laptop) --------------------------------------------------------

def _points(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError("分值不能是布尔值")
    return str(Decimal(str(value)))


def normalize_review(review: Mapping[str, Any], now: str) -> dict[str, Any]:
    """Fill defaults and turn points into exact decimal strings (what gets signed)."""
    grades = {}
    for cid, g in (review.get("grades") or {}).items():
        g = {"grade": g} if isinstance(g, str) else dict(g)
        entry = {"grade": g.get("grade"), "comment": g.get("comment") or ""}
        if g.get("points") is not None:
            entry["points"] = _points(g["points"])
        grades[cid] = entry
    return {"application_id": review["application_id"], "recused": bool(review.get("recused", False)),
            "recusal_reason": review.get("recusal_reason") or "", "grades": grades,
            "opinion": review.get("opinion") or "", "recommendation": review.get("recommendation") or None,
            "updated_at": review.get("updated_at") or now}


def write_score_file(path: str | Path, opened_bundle, expert_private_key: Ed25519PrivateKey | SigningKey,
                     revision: int, reviews: list[Mapping[str, Any]], *, check: bool = True,
                     created_at: datetime | None = None, pdf_certificate: str | None = None) -> ScoreFileInfo:
    """Write a signed score file for an opened bundle (atomically: temp file, then rename).

    With ``check`` (the default) reviews of applications outside the bundle or with
    problems under the form are refused here, before anything is written.
    """
    path = Path(path)
    data, key = build_score_file(opened_bundle, expert_private_key, revision, reviews, check=check,
                                 created_at=created_at, pdf_certificate=pdf_certificate, name=path.name)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.part")
    try:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return ScoreFileInfo(path, hashlib.sha256(data).hexdigest(), revision, fingerprint(key.public_key()))


def build_score_file(opened_bundle, expert_private_key: Ed25519PrivateKey | SigningKey, revision: int,
                     reviews: list[Mapping[str, Any]], *, check: bool = True, created_at: datetime | None = None,
                     pdf_certificate: str | None = None, name: str = SUFFIX) -> tuple[bytes, Ed25519PrivateKey]:
    """The signed bytes of a score file (and the key that signed them), refused (ExchangeError)
    exactly as :func:`write_score_file` would refuse them; nothing is written."""
    key = expert_private_key.private_key if isinstance(expert_private_key, SigningKey) else expert_private_key
    if isinstance(revision, bool) or not isinstance(revision, int) or not 1 <= revision <= MAX_INT:
        raise ExchangeError(f"修订号应为 1–{MAX_INT} 之间的整数，实际为 {revision!r}", "scores.revision")
    now = utc_stamp(created_at)
    norm = [normalize_review(r, now) for r in reviews]
    if check:
        ids = {a["application_id"] for a in opened_bundle.applications}
        for r in norm:
            if r["application_id"] not in ids:
                raise ExchangeError(f"申报 {r['application_id']} 不在评审包内", "scores.unknown_application")
            problems = validate_review(opened_bundle.form_for(r["application_id"]), r, opened_bundle.band_mode)
            if problems:
                raise ExchangeError(f"申报 {r['application_id']} 的评分不完整：" + "；".join(map(str, problems)),
                                    "scores.invalid_review", problems[0].field)
    body = {"format": FORMAT, "bundle_id": opened_bundle.bundle_id, "session_id": opened_bundle.session["id"],
            "expert_id": opened_bundle.expert["id"], "revision": revision, "created_at": now, "reviews": norm}
    if pdf_certificate:
        body["pdf_certificate"] = pdf_certificate
    data = canonical_json(seal(body, opened_bundle.secret, key))
    try:  # never write a file the secretary's import would refuse as malformed (limits, §2.6)
        read_score_file(data, name)
    except ExchangeError as e:
        m = re.match(r"reviews\[(\d+)\]", e.field or "")
        which = f"申报 {norm[int(m.group(1))]['application_id']} 的评分超出评分文件的限制：" if m else ""
        raise ExchangeError(which + e.message, e.code, e.field) from None
    return data, key
