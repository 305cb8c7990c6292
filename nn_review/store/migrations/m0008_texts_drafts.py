"""Schema v8: texts rendered per language, experts deactivated, panel opinion drafts (issue 15).

* ``findings.message_json`` — the finding's message as a message id with parameters
  (``nn_review.i18n.Msg`` JSON) so it shows in the UI language; ``message`` keeps the Chinese
  text (older rows have only that, and the CLI and reports print it).
* ``experts.active`` — 0 once the secretary deactivated (停用) the expert in the app: kept in the
  roster (past reviews, panels and key pins refer to the row) but never drawn nor added to a panel.
* ``consensus_drafts`` — the 专家组意见 being typed on the results page, one per application,
  kept until the consensus is recorded (never lost on a row change, a crash or a restart).

Frozen DDL: never edit a released migration; add a new one."""

SQL = """
ALTER TABLE findings ADD COLUMN message_json TEXT NOT NULL DEFAULT '';

ALTER TABLE experts ADD COLUMN active BOOLEAN NOT NULL DEFAULT 1;

CREATE TABLE consensus_drafts (
	id INTEGER NOT NULL,
	application_pk INTEGER NOT NULL,
	text TEXT NOT NULL,
	author VARCHAR(100) NOT NULL,
	updated_at DATETIME NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (application_pk),
	FOREIGN KEY(application_pk) REFERENCES applications (id) ON DELETE CASCADE
)
"""
