-- Passkeys (WebAuthn) of the accounts: the credential's public key, counter and flags, as in the SQLite store
-- (src/Atlas.Core/Curation/CurationSchema.cs). A curation node adds one, updates its counter at each sign-in with
-- it, and removes one at its owner's request.
CREATE TABLE IF NOT EXISTS curation_passkeys (
    credential_id text PRIMARY KEY,             -- base64url, as WebAuthn names the credential
    account_id    bigint NOT NULL REFERENCES curation_accounts (id),
    name          text NOT NULL,
    data          text NOT NULL,                -- the public key, counter and flags (JSON): no secret is kept
    created_at    text NOT NULL
);
CREATE INDEX IF NOT EXISTS curation_passkeys_account ON curation_passkeys (account_id);
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'atlas_curator') THEN
        GRANT INSERT, UPDATE, DELETE ON curation_passkeys TO atlas_curator;
    END IF;
END $$;
