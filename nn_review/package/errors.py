"""Why a package is not imported: refused (container or schema error) or cancelled by the user.

A refusal is not a failed formal check: it means the package could not be read at all,
and nothing of it was kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..i18n import M, Msg, Problem, catalog, language, render
from ..textsafe import for_terminal

# What to do, by the kind of refusal: the applicant must fix the package, or send it again
# (damaged on the way), or the secretary checks the file itself.
_TODO = {"file.": "package.todo.file", "zip.not_zip": "package.todo.resend", "zip.corrupt": "package.todo.resend",
         "document.sha256": "package.todo.resend", "document.bad_pdf": "package.todo.resend",
         "manifest.format": "package.todo.update"}


def refusal_todo(code: str) -> Msg:
    return M(next((v for k, v in _TODO.items() if code == k or (k.endswith(".") and code.startswith(k))),
                  "package.todo.fix"))


def refusal_what(code: str) -> Msg:
    """The plain English-capable text of a refusal code (manifest.* codes named for a field →
    the generic manifest.field)."""
    key = f"package.refused.{code}"
    if key in catalog():
        return M(key)
    return M("package.refused.manifest.field" if code.startswith("manifest.") else "package.refused.other")


_PARTS = (("manifest.applicant", "package.where.applicant", False),
          ("manifest.partners[", "package.where.partner", True),
          ("manifest.consortium.members[", "package.where.consortium_member", True),
          ("manifest.consortium", "package.where.consortium", False),
          ("manifest.leader", "package.where.leader", False),
          ("manifest.members[", "package.where.member", True),
          ("manifest.documents[", "package.where.document", True),
          ("manifest.budget", "package.where.budget", False),
          ("manifest.period", "package.where.period", False),
          ("manifest.indicators", "package.where.indicators", False))


def field_words(field: str | None) -> Msg | None:
    """Which part of the application a manifest path names, in words ("partner 2"); None for others."""
    for prefix, key, numbered in _PARTS:
        if field and field.startswith(prefix):
            if not numbered:
                return M(key)
            index = field[len(prefix):].split("]", 1)[0]
            return M(key, n=int(index) + 1) if index.isdigit() else None
    return None


_DETAIL = re.compile(r"（详情：(.*)）")


@dataclass(frozen=True)
class RefusalProblem(Problem):
    """A refusal as the GUI shows it. Chinese: the reader's own sentence (specific: which field,
    found, expected) and the advice; other languages: the plain text of the code. The field path,
    the code (and in Chinese nothing else) go to the details line."""
    zh: str = ""
    where: Msg | None = None  # the part of the application (English: the Chinese sentence names it)

    def render(self, lang: str | None = None) -> str:
        if (lang or language()).startswith("zh") and self.zh:
            head = _DETAIL.sub("", self.zh)  # "（详情：File is not a zip file）" → the details line
        else:
            head = render(self.what if self.where is None else M("package.where", where=self.where, what=self.what),
                          lang)
        return head if self.todo is None else f"{head}\n{render(self.todo, lang)}"


def refusal_problem(code: str, field: str | None, message: str, msg: Msg | None = None) -> RefusalProblem:
    found = _DETAIL.search(message)
    detail = "; ".join(x for x in (f"field: {field}" if field else "", f"code: {code}",
                                   found.group(1) if found else "") if x)
    return RefusalProblem(msg or refusal_what(code), refusal_todo(code), detail=detail, zh=message,
                          where=field_words(field))


class PackageRefused(Exception):
    """A package that violates package-format.md.

    ``field`` locates the problem: a manifest path (``manifest.documents[1].sha256``, list
    indices 0-based) or a ZIP entry name; None when it concerns the whole file.
    ``code`` is a stable machine id (``zip.symlink``); ``message`` is Chinese and says
    what was found and what was expected. The message quotes entry names and values from the
    package, so it is made safe to show here, once (issue 12): a one-line text with control
    characters escaped (ESC → ``\\e``) and bidi/zero-width characters marked (``⟦U+202E⟧``).
    ``file`` and ``field`` stay as found (machine use; ``str()`` escapes them).
    """

    def __init__(self, file: str, field: str | None, code: str, message: str, msg: Msg | None = None):
        message = for_terminal(message)
        super().__init__(file, field, code, message)
        self.file = file
        self.field = field
        self.code = code
        self.message = message
        self.msg = msg  # a specific text for the GUI in any language; else the code's plain text

    @property
    def problem(self) -> RefusalProblem:
        """What the GUI shows (nn_review.i18n.text_of): plain words and advice, field and code apart."""
        return refusal_problem(self.code, self.field, self.message, self.msg)

    def __str__(self) -> str:
        parts = [self.file] + ([self.field] if self.field is not None else []) + [self.message]
        return ": ".join(map(for_terminal, parts))


class ImportCancelled(Exception):
    """The user cancelled while the package was being read; nothing was kept."""

    def __init__(self, file: str = ""):
        super().__init__(file)
        self.file = file

    def __str__(self) -> str:
        return f"{for_terminal(self.file)}: 用户取消，未导入" if self.file else "用户取消，未导入"
