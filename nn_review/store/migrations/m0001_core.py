"""Schema v1: guide editions, review sessions, applications, documents, findings, audit.

Frozen DDL: never edit a released migration; add a new one."""

SQL = """
CREATE TABLE guide_editions (
	id INTEGER NOT NULL,
	edition VARCHAR(64) NOT NULL,
	version VARCHAR(32) NOT NULL,
	title VARCHAR(200) NOT NULL,
	sha256 VARCHAR(64) NOT NULL,
	content_json TEXT NOT NULL,
	imported_at DATETIME NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (edition, version),
	UNIQUE (sha256)
);

CREATE TABLE review_sessions (
	id INTEGER NOT NULL,
	name VARCHAR(200) NOT NULL,
	start_date DATE,
	end_date DATE,
	guide_edition_id INTEGER NOT NULL,
	form_template VARCHAR(64) NOT NULL,
	aggregation_rule VARCHAR(64) NOT NULL,
	band_mode BOOLEAN NOT NULL,
	state VARCHAR(16) NOT NULL,
	sheet_version INTEGER NOT NULL,
	created_at DATETIME NOT NULL,
	PRIMARY KEY (id),
	FOREIGN KEY(guide_edition_id) REFERENCES guide_editions (id)
);

CREATE TABLE applications (
	id INTEGER NOT NULL,
	session_id INTEGER NOT NULL,
	application_id VARCHAR(40) NOT NULL,
	kind VARCHAR(32) NOT NULL,
	guide_edition VARCHAR(64) NOT NULL,
	guide_item INTEGER,
	direction INTEGER,
	title VARCHAR(200) NOT NULL,
	applicant_name VARCHAR(200) NOT NULL,
	applicant_credit_code VARCHAR(18) NOT NULL,
	requested FLOAT NOT NULL,
	self_funded FLOAT NOT NULL,
	period_start DATE NOT NULL,
	period_end DATE NOT NULL,
	manifest_json TEXT NOT NULL,
	warnings_json TEXT NOT NULL,
	source_name VARCHAR(260) NOT NULL,
	source_sha256 VARCHAR(64) NOT NULL,
	source_size INTEGER NOT NULL,
	check_status VARCHAR(16) NOT NULL,
	imported_at DATETIME NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (session_id, application_id),
	FOREIGN KEY(session_id) REFERENCES review_sessions (id) ON DELETE CASCADE
);

CREATE INDEX ix_applications_session_id ON applications (session_id);

CREATE TABLE audit_events (
	id INTEGER NOT NULL,
	at DATETIME NOT NULL,
	actor VARCHAR(100) NOT NULL,
	action VARCHAR(64) NOT NULL,
	session_id INTEGER,
	details_json TEXT NOT NULL,
	PRIMARY KEY (id),
	FOREIGN KEY(session_id) REFERENCES review_sessions (id) ON DELETE SET NULL
);

CREATE TABLE documents (
	id INTEGER NOT NULL,
	application_pk INTEGER NOT NULL,
	position INTEGER NOT NULL,
	path VARCHAR(260) NOT NULL,
	kind VARCHAR(32) NOT NULL,
	title VARCHAR(200) NOT NULL,
	sha256 VARCHAR(64) NOT NULL,
	size INTEGER NOT NULL,
	page_count INTEGER NOT NULL,
	blob VARCHAR(200) NOT NULL,
	PRIMARY KEY (id),
	FOREIGN KEY(application_pk) REFERENCES applications (id) ON DELETE CASCADE
);

CREATE INDEX ix_documents_application_pk ON documents (application_pk);

CREATE INDEX ix_documents_sha256 ON documents (sha256);

CREATE TABLE findings (
	id INTEGER NOT NULL,
	application_pk INTEGER NOT NULL,
	position INTEGER NOT NULL,
	rule_id VARCHAR(64) NOT NULL,
	scope VARCHAR(16) NOT NULL,
	severity VARCHAR(16) NOT NULL,
	status VARCHAR(16) NOT NULL,
	declared TEXT NOT NULL,
	threshold TEXT NOT NULL,
	message TEXT NOT NULL,
	source_text TEXT NOT NULL,
	PRIMARY KEY (id),
	FOREIGN KEY(application_pk) REFERENCES applications (id) ON DELETE CASCADE
);

CREATE INDEX ix_findings_application_pk ON findings (application_pk);
"""
