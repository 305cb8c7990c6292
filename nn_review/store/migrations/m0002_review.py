"""Schema v2: experts, panels, assignments, conflicts, grades, opinions, recommendations, consensus.

Frozen DDL: never edit a released migration; add a new one."""

SQL = """
CREATE TABLE experts (
	id INTEGER NOT NULL,
	roster_key VARCHAR(64) NOT NULL,
	name VARCHAR(100) NOT NULL,
	unit VARCHAR(200) NOT NULL,
	unit_credit_code VARCHAR(18),
	title VARCHAR(100) NOT NULL,
	fields_json TEXT NOT NULL,
	phone VARCHAR(40) NOT NULL,
	email VARCHAR(200) NOT NULL,
	standing_conflicts_json TEXT NOT NULL,
	key_fingerprint VARCHAR(128),
	created_at DATETIME NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (roster_key)
);

CREATE TABLE panels (
	id INTEGER NOT NULL,
	session_id INTEGER NOT NULL,
	name VARCHAR(200) NOT NULL,
	leader_expert_id INTEGER,
	draw_json TEXT NOT NULL,
	PRIMARY KEY (id),
	FOREIGN KEY(session_id) REFERENCES review_sessions (id) ON DELETE CASCADE,
	FOREIGN KEY(leader_expert_id) REFERENCES experts (id)
);

CREATE INDEX ix_panels_session_id ON panels (session_id);

CREATE TABLE assignments (
	id INTEGER NOT NULL,
	panel_id INTEGER NOT NULL,
	expert_id INTEGER NOT NULL,
	application_pk INTEGER NOT NULL,
	created_at DATETIME NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (expert_id, application_pk),
	FOREIGN KEY(panel_id) REFERENCES panels (id) ON DELETE CASCADE,
	FOREIGN KEY(expert_id) REFERENCES experts (id),
	FOREIGN KEY(application_pk) REFERENCES applications (id) ON DELETE CASCADE
);

CREATE INDEX ix_assignments_panel_id ON assignments (panel_id);

CREATE TABLE conflicts (
	id INTEGER NOT NULL,
	session_id INTEGER NOT NULL,
	expert_id INTEGER NOT NULL,
	application_pk INTEGER NOT NULL,
	source VARCHAR(16) NOT NULL,
	reason TEXT NOT NULL,
	dismissed BOOLEAN NOT NULL,
	dismiss_reason TEXT NOT NULL,
	created_at DATETIME NOT NULL,
	PRIMARY KEY (id),
	FOREIGN KEY(session_id) REFERENCES review_sessions (id) ON DELETE CASCADE,
	FOREIGN KEY(expert_id) REFERENCES experts (id),
	FOREIGN KEY(application_pk) REFERENCES applications (id) ON DELETE CASCADE
);

CREATE INDEX ix_conflicts_session_id ON conflicts (session_id);

CREATE TABLE consensus (
	id INTEGER NOT NULL,
	application_pk INTEGER NOT NULL,
	text TEXT NOT NULL,
	final_recommendation VARCHAR(32),
	final_level VARCHAR(16),
	override_reason TEXT NOT NULL,
	author VARCHAR(100) NOT NULL,
	updated_at DATETIME NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (application_pk),
	FOREIGN KEY(application_pk) REFERENCES applications (id) ON DELETE CASCADE
);

CREATE TABLE grades (
	id INTEGER NOT NULL,
	expert_id INTEGER NOT NULL,
	application_pk INTEGER NOT NULL,
	criterion VARCHAR(32) NOT NULL,
	grade VARCHAR(1) NOT NULL,
	points FLOAT,
	comment TEXT NOT NULL,
	revision INTEGER NOT NULL,
	updated_at DATETIME NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (expert_id, application_pk, criterion),
	FOREIGN KEY(expert_id) REFERENCES experts (id),
	FOREIGN KEY(application_pk) REFERENCES applications (id) ON DELETE CASCADE
);

CREATE INDEX ix_grades_application_pk ON grades (application_pk);

CREATE TABLE opinions (
	id INTEGER NOT NULL,
	expert_id INTEGER NOT NULL,
	application_pk INTEGER NOT NULL,
	text TEXT NOT NULL,
	recused BOOLEAN NOT NULL,
	recusal_reason TEXT NOT NULL,
	revision INTEGER NOT NULL,
	updated_at DATETIME NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (expert_id, application_pk),
	FOREIGN KEY(expert_id) REFERENCES experts (id),
	FOREIGN KEY(application_pk) REFERENCES applications (id) ON DELETE CASCADE
);

CREATE INDEX ix_opinions_application_pk ON opinions (application_pk);

CREATE TABLE panel_applications (
	panel_id INTEGER NOT NULL,
	application_pk INTEGER NOT NULL,
	PRIMARY KEY (panel_id, application_pk),
	FOREIGN KEY(panel_id) REFERENCES panels (id) ON DELETE CASCADE,
	FOREIGN KEY(application_pk) REFERENCES applications (id) ON DELETE CASCADE
);

CREATE TABLE panel_members (
	panel_id INTEGER NOT NULL,
	expert_id INTEGER NOT NULL,
	PRIMARY KEY (panel_id, expert_id),
	FOREIGN KEY(panel_id) REFERENCES panels (id) ON DELETE CASCADE,
	FOREIGN KEY(expert_id) REFERENCES experts (id)
);

CREATE TABLE recommendations (
	id INTEGER NOT NULL,
	expert_id INTEGER NOT NULL,
	application_pk INTEGER NOT NULL,
	value VARCHAR(32) NOT NULL,
	revision INTEGER NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (expert_id, application_pk),
	FOREIGN KEY(expert_id) REFERENCES experts (id),
	FOREIGN KEY(application_pk) REFERENCES applications (id) ON DELETE CASCADE
);

CREATE INDEX ix_recommendations_application_pk ON recommendations (application_pk);
"""
