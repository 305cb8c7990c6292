"""Schema v9: the funding plan, 公示 and 立项 (issue 21; docs/funding.md).

* ``funding_budgets`` — 财政预算控制数 per guide item or plan type of a session.
* ``funding_params`` — the figures of template rules ("具体申报事项另行通知") from the notice.
* ``funding_decisions`` — 核定金额 (panel), 核减/调整 (secretary), 秘书审核 of rule amounts; history.
* ``funding_publicity`` — the published 公示 list and, after the period, the frozen 立项 list.
* ``funding_objections`` — 异议 received during the 公示 and their outcome.

Frozen DDL: never edit a released migration; add a new one."""

SQL = """
CREATE TABLE funding_budgets (
	id INTEGER NOT NULL,
	session_id INTEGER NOT NULL,
	scope VARCHAR(40) NOT NULL,
	amount VARCHAR(32) NOT NULL,
	note TEXT NOT NULL,
	actor VARCHAR(100) NOT NULL,
	updated_at DATETIME NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (session_id, scope),
	FOREIGN KEY(session_id) REFERENCES review_sessions (id) ON DELETE CASCADE
);
CREATE INDEX ix_funding_budgets_session_id ON funding_budgets (session_id);
CREATE TABLE funding_params (
	id INTEGER NOT NULL,
	session_id INTEGER NOT NULL,
	guide_item INTEGER NOT NULL,
	direction INTEGER NOT NULL,
	param VARCHAR(40) NOT NULL,
	value VARCHAR(32) NOT NULL,
	source TEXT NOT NULL,
	actor VARCHAR(100) NOT NULL,
	updated_at DATETIME NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (session_id, guide_item, direction, param),
	FOREIGN KEY(session_id) REFERENCES review_sessions (id) ON DELETE CASCADE
);
CREATE INDEX ix_funding_params_session_id ON funding_params (session_id);
CREATE TABLE funding_decisions (
	id INTEGER NOT NULL,
	application_pk INTEGER NOT NULL,
	kind VARCHAR(16) NOT NULL,
	amount VARCHAR(32),
	reason TEXT NOT NULL,
	author VARCHAR(100) NOT NULL,
	author_role VARCHAR(16) NOT NULL,
	created_at DATETIME NOT NULL,
	PRIMARY KEY (id),
	FOREIGN KEY(application_pk) REFERENCES applications (id) ON DELETE CASCADE
);
CREATE INDEX ix_funding_decisions_application_pk ON funding_decisions (application_pk);
CREATE TABLE funding_publicity (
	id INTEGER NOT NULL,
	session_id INTEGER NOT NULL,
	state VARCHAR(16) NOT NULL,
	start_date DATE NOT NULL,
	end_date DATE NOT NULL,
	published_at DATETIME NOT NULL,
	list_json TEXT NOT NULL,
	list_sha256 VARCHAR(64) NOT NULL,
	frozen_at DATETIME,
	frozen_json TEXT,
	frozen_sha256 VARCHAR(64),
	actor VARCHAR(100) NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (session_id),
	FOREIGN KEY(session_id) REFERENCES review_sessions (id) ON DELETE CASCADE
);
CREATE TABLE funding_objections (
	id INTEGER NOT NULL,
	application_pk INTEGER NOT NULL,
	received_date DATE NOT NULL,
	text TEXT NOT NULL,
	outcome VARCHAR(16) NOT NULL,
	amount VARCHAR(32),
	reason TEXT NOT NULL,
	actor VARCHAR(100) NOT NULL,
	recorded_at DATETIME NOT NULL,
	decided_at DATETIME,
	PRIMARY KEY (id),
	FOREIGN KEY(application_pk) REFERENCES applications (id) ON DELETE CASCADE
);
CREATE INDEX ix_funding_objections_application_pk ON funding_objections (application_pk);
"""
