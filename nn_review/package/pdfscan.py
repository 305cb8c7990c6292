"""What a document PDF carries beyond pages (issue 12): JavaScript, Launch actions, embedded
files, file-attachment annotations, an owner password. Found, never run or extracted.

The walk visits the object graph from the trailer, reading only dictionaries and arrays — no
stream is ever decoded — with a bound on the number of objects, so a hostile file costs at most
that. pypdf resolves ``#xx`` escapes in names (``/J#61vaScript`` is ``/JavaScript``) and reads
objects inside object streams, which a byte search would miss.
"""

from __future__ import annotations

from pypdf import PasswordType, PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

MAX_OBJECTS = 100_000

JAVASCRIPT, LAUNCH, EMBEDDED_FILES, FILE_ATTACHMENT, OWNER_PASSWORD, INCOMPLETE = (
    "javascript", "launch", "embedded_files", "file_attachment", "owner_password", "scan_incomplete")
FEATURES_ZH = {JAVASCRIPT: "JavaScript 脚本（/JS、/JavaScript）",
               LAUNCH: "启动外部程序或文件的动作（/Launch）",
               EMBEDDED_FILES: "嵌入文件（/EmbeddedFiles）",
               FILE_ATTACHMENT: "文件附件注释（/FileAttachment）",
               OWNER_PASSWORD: "所有者密码（打开无需密码，但设有权限限制）",
               INCOMPLETE: f"对象过多或结构异常，未能检查完（已检查 {MAX_OBJECTS} 个以内的对象）"}
_ORDER = list(FEATURES_ZH)


def active_content(reader: PdfReader, decrypted: PasswordType | None = None) -> list[str]:
    """Codes of what was found (in FEATURES_ZH order). ``decrypted``: the result of
    ``reader.decrypt("")`` for an encrypted file (opened with the empty user password)."""
    found: set[str] = set()
    if reader.is_encrypted and decrypted is not None and decrypted != PasswordType.NOT_DECRYPTED:
        found.add(OWNER_PASSWORD)  # opens without a password: only the owner password is set
    stack: list = [reader.trailer]
    seen: set[tuple[int, int]] = set()
    visited = 0
    while stack:
        obj = stack.pop()
        if isinstance(obj, IndirectObject):
            ref = (obj.idnum, obj.generation)
            if ref in seen:
                continue
            seen.add(ref)
            try:
                obj = obj.get_object()
            except Exception:  # a broken reference: nothing to see there
                continue
        visited += 1
        if visited > MAX_OBJECTS:
            found.add(INCOMPLETE)
            break
        if isinstance(obj, DictionaryObject):  # stream objects too: their dictionary only
            _inspect(obj, found)
            stack.extend(v for k, v in obj.items() if k != "/Encrypt")
        elif isinstance(obj, ArrayObject):
            stack.extend(obj)
    return [c for c in _ORDER if c in found]


def _inspect(d: DictionaryObject, found: set[str]) -> None:
    if "/JS" in d or "/JavaScript" in d:
        found.add(JAVASCRIPT)
    action = d.get("/S")
    if action == "/JavaScript":
        found.add(JAVASCRIPT)
    elif action == "/Launch":
        found.add(LAUNCH)
    if "/EmbeddedFiles" in d or d.get("/Type") == "/EmbeddedFile":
        found.add(EMBEDDED_FILES)
    if d.get("/Subtype") == "/FileAttachment":
        found.add(FILE_ATTACHMENT)
