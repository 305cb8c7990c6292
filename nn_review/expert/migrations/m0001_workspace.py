"""Expert workspace schema v1: bundles held, draft reviews, undo log, exports, UI state.

Frozen DDL: never edit a released migration; add a new one."""

SQL = """
CREATE TABLE meta (
	key VARCHAR(64) NOT NULL,
	value TEXT NOT NULL,
	PRIMARY KEY (key)
);

CREATE TABLE bundles (
	bundle_id VARCHAR(64) NOT NULL,
	file_name VARCHAR(260) NOT NULL,
	file_sha256 VARCHAR(64) NOT NULL,
	session_id INTEGER NOT NULL,
	session_name TEXT NOT NULL,
	expert_id INTEGER NOT NULL,
	expert_name TEXT NOT NULL,
	secretary_fingerprint VARCHAR(64) NOT NULL,
	created_at VARCHAR(20) NOT NULL,
	deadline VARCHAR(10),
	band_mode BOOLEAN NOT NULL,
	app_count INTEGER NOT NULL,
	forms_json TEXT NOT NULL,
	content BLOB,
	edit_seq INTEGER NOT NULL DEFAULT 0,
	added_at VARCHAR(20) NOT NULL,
	superseded_by VARCHAR(64),
	removed_at VARCHAR(20),
	PRIMARY KEY (bundle_id)
);

CREATE TABLE reviews (
	bundle_id VARCHAR(64) NOT NULL,
	application_id VARCHAR(40) NOT NULL,
	position INTEGER NOT NULL,
	guide_item INTEGER,
	grades_json TEXT NOT NULL DEFAULT '{}',
	opinion TEXT NOT NULL DEFAULT '',
	recommendation VARCHAR(32),
	recused BOOLEAN NOT NULL DEFAULT 0,
	recusal_reason TEXT NOT NULL DEFAULT '',
	completed BOOLEAN NOT NULL DEFAULT 0,
	updated_at VARCHAR(20),
	PRIMARY KEY (bundle_id, application_id),
	FOREIGN KEY(bundle_id) REFERENCES bundles (bundle_id) ON DELETE CASCADE
);

CREATE TABLE actions (
	id INTEGER NOT NULL,
	bundle_id VARCHAR(64) NOT NULL,
	application_id VARCHAR(40) NOT NULL,
	field VARCHAR(40) NOT NULL,
	kind VARCHAR(8) NOT NULL,
	before_json TEXT NOT NULL,
	after_json TEXT NOT NULL,
	undone BOOLEAN NOT NULL DEFAULT 0,
	at VARCHAR(20) NOT NULL,
	PRIMARY KEY (id),
	FOREIGN KEY(bundle_id) REFERENCES bundles (bundle_id) ON DELETE CASCADE
);

CREATE INDEX ix_actions_bundle ON actions (bundle_id, id);

CREATE TABLE exports (
	id INTEGER NOT NULL,
	bundle_id VARCHAR(64) NOT NULL,
	revision INTEGER NOT NULL,
	state VARCHAR(10) NOT NULL,
	partial BOOLEAN NOT NULL DEFAULT 0,
	reviewed INTEGER NOT NULL DEFAULT 0,
	total INTEGER NOT NULL DEFAULT 0,
	edit_seq INTEGER NOT NULL DEFAULT 0,
	path TEXT,
	sha256 VARCHAR(64),
	key_fingerprint VARCHAR(64),
	content BLOB,
	titles_json TEXT,
	created_at VARCHAR(20) NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (bundle_id, revision),
	FOREIGN KEY(bundle_id) REFERENCES bundles (bundle_id)
);

CREATE TABLE ui_state (
	bundle_id VARCHAR(64) NOT NULL,
	application_id VARCHAR(40) NOT NULL,
	state_json TEXT NOT NULL,
	PRIMARY KEY (bundle_id, application_id),
	FOREIGN KEY(bundle_id) REFERENCES bundles (bundle_id) ON DELETE CASCADE
)
"""
