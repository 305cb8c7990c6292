"""Schema v5: panel consensus records what it was decided on.

``consensus.basis_hash`` is the hash of the scores (grades, recusals, recommendations, form
and rule) the consensus was recorded against: when a later score import changes them, the
consensus is shown as stale and must be confirmed again before the session can be finalised.
``consensus.author_role`` says whether the panel leader entered it or the secretary on the
leader's behalf.

Frozen DDL: never edit a released migration; add a new one."""

SQL = """
ALTER TABLE consensus ADD COLUMN basis_hash VARCHAR(64) NOT NULL DEFAULT '';

ALTER TABLE consensus ADD COLUMN author_role VARCHAR(16) NOT NULL DEFAULT ''
"""
