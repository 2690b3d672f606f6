-- The first figures schema (src/figures/store.py at commit 3a1c35e, made by SQLModel's create_all
-- before schema versions existed) on sqlite, with a few rows. Generated once from that file with
-- SQLAlchemy's CreateTable; frozen: never edit. tests/test_migrations.py upgrades a database made from it.

CREATE TABLE flags (
	id VARCHAR NOT NULL, 
	kind VARCHAR NOT NULL, 
	subject VARCHAR, 
	entity VARCHAR, 
	measure VARCHAR, 
	severity FLOAT NOT NULL, 
	explanation VARCHAR NOT NULL, 
	first_seen DATETIME NOT NULL, 
	PRIMARY KEY (id)
);

CREATE TABLE outlets (
	name VARCHAR NOT NULL, 
	PRIMARY KEY (name)
);

CREATE TABLE verdicts (
	id INTEGER NOT NULL, 
	flag_id VARCHAR NOT NULL, 
	claim_ids VARCHAR NOT NULL, 
	verdict VARCHAR NOT NULL, 
	note VARCHAR, 
	reviewer VARCHAR, 
	decided_at DATETIME NOT NULL, 
	PRIMARY KEY (id)
);

CREATE INDEX ix_verdicts_flag_id ON verdicts (flag_id);

CREATE TABLE articles (
	id VARCHAR NOT NULL, 
	outlet VARCHAR, 
	published DATE, 
	url VARCHAR, 
	title VARCHAR, 
	author VARCHAR, 
	origin VARCHAR, 
	text VARCHAR NOT NULL, 
	ingested_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(outlet) REFERENCES outlets (name)
);

CREATE INDEX ix_articles_outlet ON articles (outlet);

CREATE INDEX ix_articles_published ON articles (published);

CREATE TABLE claims (
	id VARCHAR NOT NULL, 
	article_id VARCHAR NOT NULL, 
	start INTEGER NOT NULL, 
	"end" INTEGER NOT NULL, 
	span VARCHAR NOT NULL, 
	sentence VARCHAR NOT NULL, 
	value FLOAT, 
	low FLOAT, 
	high FLOAT, 
	qualifier VARCHAR NOT NULL, 
	unit VARCHAR, 
	entity VARCHAR, 
	subject VARCHAR, 
	attributed_to VARCHAR, 
	claimant_chain VARCHAR NOT NULL, 
	as_of DATE, 
	as_of_precision VARCHAR NOT NULL, 
	measure VARCHAR, 
	modality VARCHAR NOT NULL, 
	is_change BOOLEAN NOT NULL, 
	location VARCHAR, 
	pragmatic_low FLOAT, 
	pragmatic_high FLOAT, 
	PRIMARY KEY (id), 
	FOREIGN KEY(article_id) REFERENCES articles (id)
);

CREATE INDEX ix_claims_article_id ON claims (article_id);

CREATE INDEX ix_claims_as_of ON claims (as_of);

CREATE INDEX ix_claims_subject ON claims (subject);

CREATE TABLE mentions (
	id VARCHAR NOT NULL, 
	article_id VARCHAR NOT NULL, 
	start INTEGER NOT NULL, 
	"end" INTEGER NOT NULL, 
	span VARCHAR NOT NULL, 
	reason VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(article_id) REFERENCES articles (id)
);

CREATE INDEX ix_mentions_article_id ON mentions (article_id);

CREATE TABLE flag_claims (
	flag_id VARCHAR NOT NULL, 
	claim_id VARCHAR NOT NULL, 
	PRIMARY KEY (flag_id, claim_id), 
	FOREIGN KEY(flag_id) REFERENCES flags (id), 
	FOREIGN KEY(claim_id) REFERENCES claims (id)
);

INSERT INTO outlets (name) VALUES ('Euromaidan Press');
INSERT INTO outlets (name) VALUES ('Newsweek');
INSERT INTO articles (id, outlet, published, url, title, author, origin, text, ingested_at) VALUES ('old-1', 'Euromaidan Press', '2024-10-21', 'https://example.org/1', 'Troops', NULL, 'old.jsonl:1', 'Seoul says 12,000 troops were sent.', '2024-10-22 08:00:00.000000');
INSERT INTO articles (id, outlet, published, url, title, author, origin, text, ingested_at) VALUES ('old-2', 'Newsweek', '2024-10-23', 'https://example.org/2', 'Troops', NULL, 'old.jsonl:2', 'Kyiv says 11,000 troops were sent.', '2024-10-23 09:00:00.000000');
INSERT INTO claims (id, article_id, start, "end", span, sentence, value, low, high, qualifier, unit, entity, subject, attributed_to, claimant_chain, as_of, as_of_precision, measure, modality, is_change, location, pragmatic_low, pragmatic_high) VALUES ('c-old-1', 'old-1', 11, 17, '12,000', 'Seoul says 12,000 troops were sent.', 12000, 12000, 12000, 'exact', NULL, 'troops', 'North Korea', 'Seoul', 'Seoul', '2024-10-21', 'day', 'deployed', 'actual', FALSE, NULL, NULL, NULL);
INSERT INTO claims (id, article_id, start, "end", span, sentence, value, low, high, qualifier, unit, entity, subject, attributed_to, claimant_chain, as_of, as_of_precision, measure, modality, is_change, location, pragmatic_low, pragmatic_high) VALUES ('c-old-2', 'old-2', 10, 16, '11,000', 'Kyiv says 11,000 troops were sent.', 11000, 11000, 11000, 'exact', NULL, 'troops', 'North Korea', 'Kyiv', 'Kyiv', '2024-10-23', 'day', 'deployed', 'actual', FALSE, NULL, NULL, NULL);
INSERT INTO mentions (id, article_id, start, "end", span, reason) VALUES ('m-old-1', 'old-1', 0, 5, 'Seoul', 'no figure');
INSERT INTO flags (id, kind, subject, entity, measure, severity, explanation, first_seen) VALUES ('f-old-1', 'cross_source', 'North Korea', 'troops', 'deployed', 0.0833, '12,000 vs 11,000', '2024-10-24 10:00:00.000000');
INSERT INTO flag_claims (flag_id, claim_id) VALUES ('f-old-1', 'c-old-1');
INSERT INTO flag_claims (flag_id, claim_id) VALUES ('f-old-1', 'c-old-2');
INSERT INTO verdicts (flag_id, claim_ids, verdict, note, reviewer, decided_at) VALUES ('f-old-1', 'c-old-1,c-old-2', 'confirmed', 'different dates', 'desk', '2024-10-25 11:00:00.000000');
