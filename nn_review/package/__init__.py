"""Application packages (``nnpkg/1``, see /spec/package-format.md): safe reading and validation.

Qt-free domain code: the UI and the CLI only call :func:`read_package`.
"""

from .errors import ImportCancelled, PackageRefused
from .manifest import validate_manifest
from .reader import LoadedPackage, PackageDocument, read_package
from .zipsafe import MAX_ENTRIES, MAX_MANIFEST_SIZE, MAX_RATIO, MAX_TOTAL_SIZE, Limits, safe_entries

__all__ = ["ImportCancelled", "LoadedPackage", "Limits", "MAX_ENTRIES", "MAX_MANIFEST_SIZE", "MAX_RATIO",
           "MAX_TOTAL_SIZE", "PackageDocument", "PackageRefused", "read_package", "safe_entries",
           "validate_manifest"]
