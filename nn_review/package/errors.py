"""Why a package is not imported: refused (container or schema error) or cancelled by the user.

A refusal is not a failed formal check: it means the package could not be read at all,
and nothing of it was kept.
"""

from __future__ import annotations

from ..textsafe import for_terminal


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

    def __init__(self, file: str, field: str | None, code: str, message: str):
        message = for_terminal(message)
        super().__init__(file, field, code, message)
        self.file = file
        self.field = field
        self.code = code
        self.message = message

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
