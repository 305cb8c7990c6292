"""The file formats the secretary's and the expert's side both speak (docs/formats.md).

* ``container`` — the ``nnrb/1`` container: header, AES-256-GCM payload, Ed25519 signature;
* ``bundle`` — reading a review bundle (``.nnrb``): one tar walk, to disk or to a sink;
* ``scorefile`` — score files (``.nnscore``): build, seal, read, verify;
* ``canonical`` — canonical JSON, base64, UTC time stamps; ``names`` — portable file names;
* ``errors`` — :class:`ExchangeError`, the refusal both sides show.

Nothing here touches a database: the secretary's operations on bundles and score files are in
``nn_review.exchange``, the expert's in ``nn_review.expert``.
"""

from .errors import ExchangeError

__all__ = ["ExchangeError"]
