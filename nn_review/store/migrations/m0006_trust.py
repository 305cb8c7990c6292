"""Schema v6: what a signed result sheet rests on (issue 13).

* ``applications.formal_*`` — the secretary's formal-check decision (形式审查结论) per package:
  ``''`` none recorded yet, ``accepted`` (通过) or ``excluded`` (不予受理); the reason (required
  where it differs from the machine verdict), who and when. An excluded package never enters a
  panel or bundle and its returned reviews are not counted.
* ``manual_checks`` — the 核对清单: per package and manual requirement a tick with a note.
* ``signer_profiles`` — the real name, title and unit the signer's certificate carries (asked once
  before the first signature, per actor).
* ``signing_certificates`` — every PDF-signing certificate the store knows: the secretary's own
  (``created`` / ``pkcs11``; re-issued ones are retired, never deleted, so old sheets still verify)
  and each panel leader's pinned certificate (``first_use`` / ``repin`` with a reason), like the
  expert Ed25519 key pins of v4.
* ``issued_sheets`` — every result sheet the store issued (its SHA-256), so a sheet that comes back
  countersigned can be checked to be that very sheet and filed (``accepted_*``).

Frozen DDL: never edit a released migration; add a new one."""

SQL = """
ALTER TABLE applications ADD COLUMN formal_decision VARCHAR(16) NOT NULL DEFAULT '';

ALTER TABLE applications ADD COLUMN formal_reason TEXT NOT NULL DEFAULT '';

ALTER TABLE applications ADD COLUMN formal_actor VARCHAR(100) NOT NULL DEFAULT '';

ALTER TABLE applications ADD COLUMN formal_decided_at DATETIME;

CREATE TABLE manual_checks (
	id INTEGER NOT NULL,
	application_pk INTEGER NOT NULL,
	rule_id VARCHAR(64) NOT NULL,
	ticked BOOLEAN NOT NULL,
	note TEXT NOT NULL,
	actor VARCHAR(100) NOT NULL,
	updated_at DATETIME NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (application_pk, rule_id),
	FOREIGN KEY(application_pk) REFERENCES applications (id) ON DELETE CASCADE
);

CREATE INDEX ix_manual_checks_application_pk ON manual_checks (application_pk);

CREATE TABLE signer_profiles (
	id INTEGER NOT NULL,
	actor VARCHAR(100) NOT NULL,
	name VARCHAR(100) NOT NULL,
	title VARCHAR(100) NOT NULL,
	unit VARCHAR(200) NOT NULL,
	updated_at DATETIME NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (actor)
);

CREATE TABLE signing_certificates (
	id INTEGER NOT NULL,
	role VARCHAR(16) NOT NULL,
	owner VARCHAR(100) NOT NULL,
	expert_id INTEGER,
	fingerprint VARCHAR(64) NOT NULL,
	subject TEXT NOT NULL,
	cert_pem TEXT NOT NULL,
	source VARCHAR(16) NOT NULL,
	reason TEXT NOT NULL,
	actor VARCHAR(100) NOT NULL,
	created_at DATETIME NOT NULL,
	retired_at DATETIME,
	PRIMARY KEY (id),
	FOREIGN KEY(expert_id) REFERENCES experts (id)
);

CREATE INDEX ix_signing_certificates_owner ON signing_certificates (role, owner);

CREATE TABLE issued_sheets (
	id INTEGER NOT NULL,
	session_id INTEGER NOT NULL,
	panel_id INTEGER,
	kind VARCHAR(16) NOT NULL,
	ref VARCHAR(64) NOT NULL,
	file_name VARCHAR(260) NOT NULL,
	sheet_version INTEGER NOT NULL,
	sha256 VARCHAR(64) NOT NULL,
	data_hash VARCHAR(64) NOT NULL,
	issued_at DATETIME NOT NULL,
	accepted_sha256 VARCHAR(64),
	accepted_file VARCHAR(260),
	accepted_at DATETIME,
	PRIMARY KEY (id),
	FOREIGN KEY(session_id) REFERENCES review_sessions (id) ON DELETE CASCADE,
	FOREIGN KEY(panel_id) REFERENCES panels (id) ON DELETE SET NULL
);

CREATE INDEX ix_issued_sheets_session_id ON issued_sheets (session_id);

CREATE INDEX ix_issued_sheets_sha256 ON issued_sheets (sha256)
"""
