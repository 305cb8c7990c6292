"""Schema v3: expert draws (随机抽取记录) and the parameters of a panel's last assignment.

Frozen DDL: never edit a released migration; add a new one."""

SQL = """
ALTER TABLE panels ADD COLUMN reviewers_per_app INTEGER;

ALTER TABLE panels ADD COLUMN assign_seed VARCHAR(40);

CREATE TABLE draws (
	id INTEGER NOT NULL,
	session_id INTEGER NOT NULL,
	panel_id INTEGER,
	panel_name VARCHAR(200) NOT NULL,
	seed VARCHAR(40) NOT NULL,
	requested INTEGER NOT NULL,
	params_json TEXT NOT NULL,
	candidates_json TEXT NOT NULL,
	excluded_json TEXT NOT NULL,
	drawn_json TEXT NOT NULL,
	fallback BOOLEAN NOT NULL,
	note TEXT NOT NULL,
	actor VARCHAR(100) NOT NULL,
	created_at DATETIME NOT NULL,
	PRIMARY KEY (id),
	FOREIGN KEY(session_id) REFERENCES review_sessions (id) ON DELETE CASCADE,
	FOREIGN KEY(panel_id) REFERENCES panels (id) ON DELETE SET NULL
);

CREATE INDEX ix_draws_session_id ON draws (session_id);
"""
