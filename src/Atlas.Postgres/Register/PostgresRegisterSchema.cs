namespace Atlas.Postgres;

/// <summary>
/// The register's tables on PostgreSQL: those of <see cref="Atlas.Register.RegisterSchema"/> (the same names,
/// columns and version, whole numbers as <c>bigint</c> as SQLite reads them), in a schema of their own that a full
/// import builds anew and swaps in. Not a migration: the register is made whole by each full import, and its meta
/// says which version of these tables it has.
/// </summary>
internal static class PostgresRegisterSchema
{
    /// <summary>The tables, created empty in the search path's first schema; keys and indexes come after the rows (<see cref="Keys"/>).</summary>
    public const string Tables = """
        CREATE TABLE meta (key text NOT NULL, value text NOT NULL);
        CREATE TABLE code (category text NOT NULL, code text NOT NULL, language text NOT NULL, description text NOT NULL);
        CREATE TABLE nace (
            version bigint NOT NULL, code text NOT NULL, level text NOT NULL, section text,
            label_fr text, label_nl text, label_en text
        );
        CREATE TABLE enterprise (
            number bigint NOT NULL, status text NOT NULL, juridical_situation text NOT NULL, type_of_enterprise text NOT NULL,
            juridical_form text, juridical_form_cac text, start_date text NOT NULL
        );
        CREATE TABLE establishment (number bigint NOT NULL, start_date text NOT NULL, enterprise bigint NOT NULL);
        CREATE TABLE branch (id bigint NOT NULL, start_date text NOT NULL, enterprise bigint NOT NULL);
        CREATE TABLE denomination (
            entity bigint NOT NULL, language bigint NOT NULL, type text NOT NULL, name text NOT NULL,
            -- the company-name search: accents folded, no stemming (names are not words of a language)
            document tsvector GENERATED ALWAYS AS (to_tsvector('public.atlas_simple', name)) STORED
        );
        CREATE TABLE address (
            entity bigint NOT NULL, type text NOT NULL, country_nl text, country_fr text, zipcode text,
            municipality_nl text, municipality_fr text, street_nl text, street_fr text, house_number text, box text,
            extra_address_info text, date_striking_off text, nis bigint
        );
        CREATE TABLE contact (entity bigint NOT NULL, entity_contact text NOT NULL, contact_type text NOT NULL, value text NOT NULL);
        CREATE TABLE activity (
            entity bigint NOT NULL, activity_group bigint NOT NULL, nace_version bigint NOT NULL, nace_code text NOT NULL,
            classification bigint NOT NULL
        );
        CREATE TABLE spec_counts (unit bigint NOT NULL, version bigint NOT NULL, nis bigint NOT NULL, class bigint NOT NULL, n bigint NOT NULL);
        """;

    /// <summary>Repeated activity rows (the register keeps one of each, as SQLite's key does), removed before the key is made; the count is reported.</summary>
    public const string DropRepeatedActivities = """
        DELETE FROM activity WHERE ctid IN (
            SELECT ctid FROM (
                SELECT ctid, row_number() OVER (PARTITION BY entity, nace_version, classification, activity_group, nace_code) AS n FROM activity
            ) repeated WHERE n > 1)
        """;

    /// <summary>Keys and indexes, made once the rows are in (far faster than keeping them up to date row by row).</summary>
    public const string Keys = """
        ALTER TABLE meta ADD PRIMARY KEY (key);
        ALTER TABLE code ADD PRIMARY KEY (category, code, language);
        ALTER TABLE nace ADD PRIMARY KEY (version, code);
        ALTER TABLE enterprise ADD PRIMARY KEY (number);
        ALTER TABLE establishment ADD PRIMARY KEY (number);
        ALTER TABLE branch ADD PRIMARY KEY (id);
        ALTER TABLE activity ADD PRIMARY KEY (entity, nace_version, classification, activity_group, nace_code);
        ALTER TABLE spec_counts ADD PRIMARY KEY (unit, version, nis, class);
        CREATE INDEX establishment_enterprise ON establishment (enterprise);
        CREATE INDEX branch_enterprise ON branch (enterprise);
        CREATE INDEX denomination_entity ON denomination (entity);
        CREATE INDEX address_entity ON address (entity);
        CREATE INDEX contact_entity ON contact (entity);
        """;

    public const string Search = "CREATE INDEX denomination_document ON denomination USING gin (document);";
}
