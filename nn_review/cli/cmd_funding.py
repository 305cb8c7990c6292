"""CLI verbs of the funding plan (issue 21): ``funding plan|budget|param|approve|adjust|confirm``.

CONTRACT: the plan task fills this in (``cmds.funding`` is the ``funding`` group).
"""

from __future__ import annotations


def register(cmds) -> None:
    pass
