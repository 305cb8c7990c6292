"""CLI verbs of the funding outputs (issue 21): ``funding sheet|publish|public-list|objection|freeze``.

CONTRACT: the outputs task fills this in (``cmds.funding`` is the ``funding`` group).
"""

from __future__ import annotations


def register(cmds) -> None:
    pass
