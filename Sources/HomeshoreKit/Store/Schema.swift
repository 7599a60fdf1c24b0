import GRDB

/// The database schema, as a list of migrations applied in order; a migration once released is never edited.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: offers and crawl runs") { db in
            try db.execute(sql: """
                CREATE TABLE offers (
                    id INTEGER PRIMARY KEY,
                    source TEXT NOT NULL,
                    key TEXT NOT NULL,
                    url TEXT NOT NULL,
                    source_id TEXT,
                    title TEXT,
                    employer TEXT,
                    location TEXT,
                    postal_code TEXT,
                    remote TEXT,
                    employment_type TEXT NOT NULL DEFAULT '',
                    contract TEXT,
                    salary_min REAL,
                    salary_max REAL,
                    salary_period TEXT,
                    currency TEXT,
                    salary_text TEXT,
                    posted TEXT,
                    valid_through TEXT,
                    description TEXT,
                    content_hash TEXT NOT NULL,
                    first_seen TEXT NOT NULL,
                    last_seen TEXT NOT NULL,
                    first_run INTEGER,
                    last_run INTEGER,
                    UNIQUE (source, key)
                );
                CREATE INDEX offers_first_seen ON offers (first_seen);
                CREATE TABLE crawl_runs (
                    id INTEGER PRIMARY KEY,
                    started_at TEXT NOT NULL,
                    finished_at TEXT,
                    status TEXT NOT NULL
                );
                CREATE TABLE crawl_sources (
                    run_id INTEGER NOT NULL REFERENCES crawl_runs (id) ON DELETE CASCADE,
                    source TEXT NOT NULL,
                    status TEXT NOT NULL,
                    pages INTEGER NOT NULL DEFAULT 0,
                    bytes INTEGER NOT NULL DEFAULT 0,
                    offers_seen INTEGER NOT NULL DEFAULT 0,
                    offers_new INTEGER NOT NULL DEFAULT 0,
                    offers_updated INTEGER NOT NULL DEFAULT 0,
                    errors INTEGER NOT NULL DEFAULT 0,
                    message TEXT,
                    PRIMARY KEY (run_id, source)
                );
                CREATE TABLE crawl_errors (
                    id INTEGER PRIMARY KEY,
                    run_id INTEGER NOT NULL REFERENCES crawl_runs (id) ON DELETE CASCADE,
                    source TEXT NOT NULL,
                    url TEXT,
                    message TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("v2: crawl politeness figures") { db in
            try db.execute(sql: """
                ALTER TABLE crawl_sources ADD COLUMN not_modified INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE crawl_sources ADD COLUMN disallowed INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE crawl_sources ADD COLUMN blocked TEXT;
                ALTER TABLE crawl_sources ADD COLUMN broken TEXT;
                """)
        }
        migrator.registerMigration("v3: offer facets") { db in
            // Facets are derived from the offer's own columns; rows saved before this migration get theirs at their
            // next save (and are computed on read meanwhile). Lists are stored as `|a|b|` so that `instr` finds `|a|`.
            try db.execute(sql: """
                ALTER TABLE offers ADD COLUMN facets TEXT;
                ALTER TABLE offers ADD COLUMN facet_remote TEXT;
                ALTER TABLE offers ADD COLUMN facet_contracts TEXT;
                ALTER TABLE offers ADD COLUMN pay_min REAL;
                ALTER TABLE offers ADD COLUMN pay_max REAL;
                ALTER TABLE offers ADD COLUMN pay_period TEXT;
                ALTER TABLE offers ADD COLUMN pay_per_act INTEGER;
                ALTER TABLE offers ADD COLUMN hours TEXT;
                ALTER TABLE offers ADD COLUMN channels TEXT;
                ALTER TABLE offers ADD COLUMN tasks TEXT;
                CREATE INDEX offers_facet_remote ON offers (facet_remote);
                CREATE INDEX offers_pay_period ON offers (pay_period);
                """)
        }
        migrator.registerMigration("v4: reviews and employers") { db in
            // One row per employer, keyed on its normalised name (EmployerResolver.key); aliases from sources.yaml
            // map other keys onto it. Offers get their employer at save time; older offers at their next save.
            try db.execute(sql: """
                CREATE TABLE employers (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    key TEXT NOT NULL UNIQUE
                );
                CREATE TABLE employer_aliases (
                    key TEXT PRIMARY KEY,
                    alias TEXT NOT NULL,
                    employer_id INTEGER NOT NULL REFERENCES employers (id) ON DELETE CASCADE
                );
                CREATE TABLE reviews (
                    id INTEGER PRIMARY KEY,
                    source TEXT NOT NULL,
                    key TEXT NOT NULL,
                    employer_id INTEGER NOT NULL REFERENCES employers (id),
                    url TEXT NOT NULL,
                    review_id TEXT,
                    author TEXT,
                    role TEXT,
                    role_text TEXT,
                    date TEXT,
                    stars REAL,
                    title TEXT,
                    text TEXT,
                    language TEXT,
                    sentiment REAL NOT NULL,
                    analysis TEXT NOT NULL,
                    first_seen TEXT NOT NULL,
                    last_seen TEXT NOT NULL,
                    UNIQUE (source, key)
                );
                CREATE INDEX reviews_employer ON reviews (employer_id);
                CREATE TABLE aggregate_ratings (
                    source TEXT PRIMARY KEY,
                    employer_id INTEGER NOT NULL REFERENCES employers (id),
                    rating REAL NOT NULL,
                    count INTEGER,
                    name TEXT,
                    seen TEXT NOT NULL
                );
                ALTER TABLE offers ADD COLUMN employer_id INTEGER REFERENCES employers (id);
                CREATE INDEX offers_employer ON offers (employer_id);
                ALTER TABLE crawl_sources ADD COLUMN reviews_seen INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE crawl_sources ADD COLUMN reviews_new INTEGER NOT NULL DEFAULT 0;
                """)
        }
        migrator.registerMigration("v5: offer groups") { db in
            // Every offer belongs to one group of copies of the same job (its id is the id of the group's first
            // offer). dedup_keys holds each offer's blocking keys (LSH bands of its description's MinHash, and its
            // title words within employer and place) so that a nightly run compares new offers with stored ones
            // without recomputing them. Keys are unsigned 64-bit hashes stored with the same bits as INTEGER.
            try db.execute(sql: """
                ALTER TABLE offers ADD COLUMN employer_ref TEXT;
                CREATE TABLE offer_groups (
                    offer_id INTEGER PRIMARY KEY REFERENCES offers (id) ON DELETE CASCADE,
                    group_id INTEGER NOT NULL
                );
                CREATE INDEX offer_groups_group ON offer_groups (group_id);
                CREATE TABLE dedup_keys (
                    key INTEGER NOT NULL,
                    offer_id INTEGER NOT NULL,
                    PRIMARY KEY (key, offer_id)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v6: digest and marks") { db in
            try db.execute(sql: """
                CREATE TABLE digests (
                    id INTEGER PRIMARY KEY,
                    written_at TEXT NOT NULL,
                    since TEXT,
                    format TEXT NOT NULL,
                    destination TEXT NOT NULL,
                    delivered INTEGER NOT NULL DEFAULT 0,
                    offers_shown INTEGER NOT NULL DEFAULT 0,
                    newest_first_seen TEXT
                );
                CREATE TABLE offer_marks (
                    offer_id INTEGER PRIMARY KEY REFERENCES offers (id) ON DELETE CASCADE,
                    mark TEXT NOT NULL,
                    at TEXT NOT NULL
                );
                CREATE TABLE blocked_employers (
                    name TEXT PRIMARY KEY,
                    shown TEXT NOT NULL,
                    at TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("v7: offer facets version") { db in
            // NULL: facets made before versions were recorded; computed again at the next save.
            try db.execute(sql: "ALTER TABLE offers ADD COLUMN facets_version INTEGER")
        }
        migrator.registerMigration("v8: dedup features") { db in
            // What grouping computes of an offer's description (DedupFeatures.text): its content words' hashes and
            // the LSH band keys of its MinHash signature, as little-endian 64-bit integers, so that a nightly run
            // reads the stored offers it compares instead of hashing their texts again. A row is used only while
            // the offer's content_hash and the rules' version (DedupFeatures.textRulesVersion) are the ones it was
            // computed from; offers grouped before this migration get theirs the next time they are compared.
            try db.execute(sql: """
                CREATE TABLE dedup_features (
                    offer_id INTEGER PRIMARY KEY REFERENCES offers (id) ON DELETE CASCADE,
                    content_hash TEXT NOT NULL,
                    rules INTEGER NOT NULL,
                    words BLOB NOT NULL,
                    bands BLOB NOT NULL
                );
                """)
        }
        migrator.registerMigration("v9: last outcome per source") { db in
            // `lastOutcomes` (every crawl, nightly and `sources list`) asks each source's latest run: without this
            // index that was a scan of all runs' rows per row, growing with the square of the runs kept.
            try db.execute(sql: "CREATE INDEX crawl_sources_by_source ON crawl_sources (source, run_id)")
        }
        migrator.registerMigration("v10: dedup features of the offer's fields") { db in
            // Besides the description's words and bands, what grouping computes of the offer's other hashed
            // fields (DedupFeatures.Kept): its employer's name folded (before aliases, which sources.yaml may
            // change; NULL without a name), town, postal code and title words (separated by spaces), so that the
            // stored offers a nightly run compares are not worked out from their texts again. Same validity rule
            // as v8 (content_hash and rules). Rows made before lack them: dropped, made again the next time each
            // offer is compared (or at the next regrouping).
            try db.execute(sql: """
                DROP TABLE dedup_features;
                CREATE TABLE dedup_features (
                    offer_id INTEGER PRIMARY KEY REFERENCES offers (id) ON DELETE CASCADE,
                    content_hash TEXT NOT NULL,
                    rules INTEGER NOT NULL,
                    employer TEXT,
                    town TEXT NOT NULL,
                    postcode TEXT NOT NULL,
                    title TEXT NOT NULL,
                    words BLOB NOT NULL,
                    bands BLOB NOT NULL
                );
                """)
        }
        migrator.registerMigration("v11: dedup features of the offer's row") { db in
            // What grouping reads of the offer's row besides its texts (its employer's reference and facet columns)
            // kept with its features too, so that the stored offers a nightly run compares are read from this
            // table alone, never from `offers` (whose rows hold descriptions and facets JSON: to reach the facet
            // columns, SQLite walked past both). `facets` is 0 when the offer had no facets (saved before v3): its
            // terms come from the whole offer, so it is still read from `offers`. Small columns first, the word
            // hashes then the band keys last (a candidate needs no band keys). Triggers drop an offer's row when
            // anything it was made from changes (or an offer is inserted under the id of a row left behind), so a
            // row that exists was made from the offer as it is; rows of v10 still matching their offer are kept.
            try db.execute(sql: """
                CREATE TABLE dedup_features_v11 (
                    offer_id INTEGER PRIMARY KEY REFERENCES offers (id) ON DELETE CASCADE,
                    content_hash TEXT NOT NULL,
                    rules INTEGER NOT NULL,
                    facets INTEGER NOT NULL,
                    employer_ref TEXT,
                    remote TEXT,
                    contracts TEXT,
                    pay_min REAL,
                    pay_max REAL,
                    pay_period TEXT,
                    hours TEXT,
                    employer TEXT,
                    town TEXT NOT NULL,
                    postcode TEXT NOT NULL,
                    title TEXT NOT NULL,
                    words BLOB NOT NULL,
                    bands BLOB NOT NULL
                );
                INSERT INTO dedup_features_v11
                SELECT f.offer_id, f.content_hash, f.rules, o.facets IS NOT NULL, o.employer_ref, o.facet_remote,
                    o.facet_contracts, o.pay_min, o.pay_max, o.pay_period, o.hours, f.employer, f.town, f.postcode,
                    f.title, f.words, f.bands
                FROM dedup_features f JOIN offers o ON o.id = f.offer_id AND o.content_hash = f.content_hash;
                DROP TABLE dedup_features;
                ALTER TABLE dedup_features_v11 RENAME TO dedup_features;
                CREATE TRIGGER dedup_features_offer_inserted AFTER INSERT ON offers
                BEGIN
                    DELETE FROM dedup_features WHERE offer_id = NEW.id;
                END;
                CREATE TRIGGER dedup_features_offer_changed
                AFTER UPDATE OF content_hash, employer_ref, facets, facet_remote, facet_contracts, pay_min, pay_max,
                    pay_period, hours, title, employer, location, postal_code, description ON offers
                WHEN OLD.content_hash IS NOT NEW.content_hash OR OLD.employer_ref IS NOT NEW.employer_ref
                    OR (OLD.facets IS NULL) <> (NEW.facets IS NULL) OR OLD.facet_remote IS NOT NEW.facet_remote
                    OR OLD.facet_contracts IS NOT NEW.facet_contracts OR OLD.pay_min IS NOT NEW.pay_min
                    OR OLD.pay_max IS NOT NEW.pay_max OR OLD.pay_period IS NOT NEW.pay_period
                    OR OLD.hours IS NOT NEW.hours OR OLD.title IS NOT NEW.title OR OLD.employer IS NOT NEW.employer
                    OR OLD.location IS NOT NEW.location OR OLD.postal_code IS NOT NEW.postal_code
                    OR OLD.description IS NOT NEW.description
                BEGIN
                    DELETE FROM dedup_features WHERE offer_id = NEW.id;
                END;
                """)
        }
        migrator.registerMigration("v12: recent dedup keys") { db in
            // A nightly step's new keys go into this small table instead of dedup_keys: its 40,000 keys, random,
            // rewrote nearly every page of dedup_keys (2,000,000 keys at 100,000 offers) and checkpointed them all.
            // They are merged into dedup_keys in one sorted pass once there are enough of them (see assignGroups).
            try db.execute(sql: """
                CREATE TABLE dedup_keys_recent (
                    key INTEGER NOT NULL,
                    offer_id INTEGER NOT NULL,
                    PRIMARY KEY (key, offer_id)
                ) WITHOUT ROWID;
                """)
        }
        return migrator
    }
}
