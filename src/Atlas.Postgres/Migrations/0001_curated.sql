-- The curated data: entities, facts, the full-text index and the seed's meta values. Like the SQLite store, these
-- tables are a cache of the data files, replaced whole by each seed (one transaction); the schema itself is versioned
-- by these scripts (DbUp records each one in schemaversions).

-- folding accents before the stemmer: "réseaux" and "reseaux" meet, as in SQLite's remove_diacritics
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TEXT SEARCH CONFIGURATION atlas_simple (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION atlas_simple ALTER MAPPING FOR hword, hword_part, word, asciiword, asciihword, hword_asciipart WITH unaccent, simple;
CREATE TEXT SEARCH CONFIGURATION atlas_fr (COPY = french);
ALTER TEXT SEARCH CONFIGURATION atlas_fr ALTER MAPPING FOR hword, hword_part, word, asciiword, asciihword, hword_asciipart WITH unaccent, french_stem;
CREATE TEXT SEARCH CONFIGURATION atlas_nl (COPY = dutch);
ALTER TEXT SEARCH CONFIGURATION atlas_nl ALTER MAPPING FOR hword, hword_part, word, asciiword, asciihword, hword_asciipart WITH unaccent, dutch_stem;
CREATE TEXT SEARCH CONFIGURATION atlas_en (COPY = english);
ALTER TEXT SEARCH CONFIGURATION atlas_en ALTER MAPPING FOR hword, hword_part, word, asciiword, asciihword, hword_asciipart WITH unaccent, english_stem;

CREATE TABLE meta (
    key   text PRIMARY KEY,
    value text NOT NULL
);

CREATE TABLE entities (
    id       text PRIMARY KEY,
    type     text NOT NULL,                 -- place, sector, technology, organisation, programme, source
    kind     text NOT NULL,                 -- the finer kind: city, municipality, university, label ...
    seq      integer NOT NULL,              -- order in the data files
    document text NOT NULL                  -- the entity with every field of its type (EntityDocument)
);

CREATE TABLE facts (
    id           text PRIMARY KEY,
    seq          bigint NOT NULL,           -- order in the data files, which follows the source
    subject_id   text NOT NULL,
    predicate    text NOT NULL,
    object_id    text,
    context      text NOT NULL,             -- JSON array of entity ids
    statement_fr text,
    statement_nl text,
    statement_en text,
    value        text,                      -- decimal as text, exactly as curated
    unit         text,
    qualifier    text,
    period       text,
    indicator    text,
    source_id    text NOT NULL,
    section      text,
    passage      text,
    url          text,
    "row"        bigint,
    phrase       text NOT NULL,
    status       text NOT NULL,
    evidence     text NOT NULL,             -- JSON array of the ids of the facts that show the status
    role         text NOT NULL,
    note_fr      text,
    note_nl      text,
    note_en      text,
    file         text NOT NULL,
    line         bigint NOT NULL
);
CREATE INDEX facts_subject ON facts (subject_id, seq);

-- one document per entity and per fact; names weigh most, then aliases, then the text (statements in three
-- languages), which is stemmed in each language besides its plain words
CREATE TABLE search (
    entity_id text NOT NULL,                -- the entity a hit leads to (a fact leads to its subject)
    fact_id   text,                         -- set when the document is a fact
    names     text NOT NULL,
    aliases   text NOT NULL,
    body      text NOT NULL,
    document  tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('atlas_simple', names), 'A') ||
        setweight(to_tsvector('atlas_simple', aliases), 'B') ||
        setweight(to_tsvector('atlas_simple', body) || to_tsvector('atlas_fr', body) ||
                  to_tsvector('atlas_nl', body) || to_tsvector('atlas_en', body), 'C')) STORED
);
CREATE INDEX search_document ON search USING gin (document);
