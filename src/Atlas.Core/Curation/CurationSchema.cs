namespace Atlas.Curation;

/// <summary>
/// The SQLite tables of the curation (the server's are in <c>Migrations/0005_curation.sql</c>, with the same columns).
/// Unlike the curated tables they are no cache of the data files: a rebuild of those never drops them. Times are
/// ISO 8601 text in UTC on both stores.
/// </summary>
public static class CurationSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS curation_accounts (
            id              INTEGER PRIMARY KEY,
            user_name       TEXT NOT NULL,
            normalized_name TEXT NOT NULL UNIQUE,
            role            TEXT NOT NULL,            -- contributor, editor, admin
            password_hash   TEXT NOT NULL,            -- ASP.NET Core Identity's hash, never the password
            security_stamp  TEXT NOT NULL,
            failed_count    INTEGER NOT NULL DEFAULT 0,
            lockout_end     TEXT,
            disabled_at     TEXT,
            created_at      TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS curation_tokens (
            id          INTEGER PRIMARY KEY,
            account_id  INTEGER NOT NULL REFERENCES curation_accounts (id),
            name        TEXT NOT NULL,
            hash        TEXT NOT NULL UNIQUE,         -- SHA-256 of the secret, which is shown once and never kept
            scopes      TEXT NOT NULL,                -- read, propose, edit, comma-separated
            created_at  TEXT NOT NULL,
            expires_at  TEXT NOT NULL,
            revoked_at  TEXT
        );
        CREATE TABLE IF NOT EXISTS curation_proposals (
            id            INTEGER PRIMARY KEY,
            kind          TEXT NOT NULL,              -- new, edit, retract
            fact_id       TEXT NOT NULL,              -- the id of the fact, or of the entity when entity_type is set
            base_etag     TEXT,                       -- the ETag of the fact or entity it changes, when proposed
            fact          TEXT NOT NULL,              -- the fact or entity after the change, in the data files' YAML
            reason        TEXT NOT NULL,
            author_id     INTEGER NOT NULL REFERENCES curation_accounts (id),
            status        TEXT NOT NULL,              -- pending, accepted, rejected
            reviewer      TEXT,
            review_reason TEXT,
            review_seq    INTEGER,                    -- the event of the review: accepted changes apply in this order
            created_at    TEXT NOT NULL,
            reviewed_at   TEXT,
            entity_type   TEXT                        -- null for a fact; place, sector, organisation … for an entity
        );
        CREATE INDEX IF NOT EXISTS curation_proposals_status ON curation_proposals (status, id);
        CREATE TABLE IF NOT EXISTS curation_passkeys (
            credential_id TEXT PRIMARY KEY,           -- base64url, as WebAuthn names the credential
            account_id    INTEGER NOT NULL REFERENCES curation_accounts (id),
            name          TEXT NOT NULL,
            data          TEXT NOT NULL,              -- the public key, counter and flags (JSON): no secret is kept
            created_at    TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS curation_passkeys_account ON curation_passkeys (account_id);
        CREATE TABLE IF NOT EXISTS curation_events (
            seq     INTEGER PRIMARY KEY,
            at      TEXT NOT NULL,
            actor   TEXT NOT NULL,
            action  TEXT NOT NULL,
            target  TEXT NOT NULL,                    -- fact:ID, entity:ID, account:NAME, token:ID, proposal:ID
            reason  TEXT,
            before  TEXT,
            after   TEXT
        );
        CREATE INDEX IF NOT EXISTS curation_events_target ON curation_events (target, seq);
        CREATE INDEX IF NOT EXISTS curation_events_action ON curation_events (action, seq);
        -- the history is append-only
        CREATE TRIGGER IF NOT EXISTS curation_events_no_update BEFORE UPDATE ON curation_events
            BEGIN SELECT RAISE(ABORT, 'the audit history is append-only'); END;
        CREATE TRIGGER IF NOT EXISTS curation_events_no_delete BEFORE DELETE ON curation_events
            BEGIN SELECT RAISE(ABORT, 'the audit history is append-only'); END;
        """;

    /// <summary>Adds to a database made by an earlier version what <see cref="Create"/> now makes (the tables are kept, never rebuilt).</summary>
    public static void Upgrade(System.Data.Common.DbConnection c)
    {
        if (!Dapper.SqlMapper.Query<string>(c, "SELECT name FROM pragma_table_info('curation_proposals')").Contains("entity_type"))
            Dapper.SqlMapper.Execute(c, "ALTER TABLE curation_proposals ADD COLUMN entity_type TEXT");
    }
}
