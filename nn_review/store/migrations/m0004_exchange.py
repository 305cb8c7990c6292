"""Schema v4: review bundles (.nnrb), imported score files (.nnscore), expert key pins.

Frozen DDL: never edit a released migration; add a new one."""

SQL = """
CREATE TABLE bundles (
	id INTEGER NOT NULL,
	bundle_id VARCHAR(64) NOT NULL,
	session_id INTEGER NOT NULL,
	expert_id INTEGER NOT NULL,
	file_name VARCHAR(260) NOT NULL,
	sha256 VARCHAR(64) NOT NULL,
	app_count INTEGER NOT NULL,
	applications_json TEXT NOT NULL,
	forms_json TEXT NOT NULL,
	band_mode BOOLEAN NOT NULL,
	secret VARCHAR(64) NOT NULL,
	secretary_fingerprint VARCHAR(64) NOT NULL,
	created_at DATETIME NOT NULL,
	superseded_at DATETIME,
	PRIMARY KEY (id),
	UNIQUE (bundle_id),
	FOREIGN KEY(session_id) REFERENCES review_sessions (id) ON DELETE CASCADE,
	FOREIGN KEY(expert_id) REFERENCES experts (id)
);

CREATE INDEX ix_bundles_expert_id ON bundles (expert_id);

CREATE INDEX ix_bundles_session_id ON bundles (session_id);

CREATE TABLE score_imports (
	id INTEGER NOT NULL,
	bundle_id VARCHAR(64) NOT NULL,
	expert_id INTEGER NOT NULL,
	revision INTEGER NOT NULL,
	file_name VARCHAR(260) NOT NULL,
	file_sha256 VARCHAR(64) NOT NULL,
	key_fingerprint VARCHAR(64) NOT NULL,
	file_created_at VARCHAR(40) NOT NULL,
	imported_at DATETIME NOT NULL,
	reviews_json TEXT NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (bundle_id, revision),
	FOREIGN KEY(bundle_id) REFERENCES bundles (bundle_id) ON DELETE CASCADE,
	FOREIGN KEY(expert_id) REFERENCES experts (id)
);

CREATE INDEX ix_score_imports_bundle_id ON score_imports (bundle_id);

CREATE TABLE key_pins (
	id INTEGER NOT NULL,
	expert_id INTEGER NOT NULL,
	fingerprint VARCHAR(64) NOT NULL,
	public_key VARCHAR(64),
	source VARCHAR(16) NOT NULL,
	reason TEXT NOT NULL,
	bundle_id VARCHAR(64),
	actor VARCHAR(100) NOT NULL,
	pinned_at DATETIME NOT NULL,
	PRIMARY KEY (id),
	FOREIGN KEY(expert_id) REFERENCES experts (id)
);

CREATE INDEX ix_key_pins_expert_id ON key_pins (expert_id);
"""
