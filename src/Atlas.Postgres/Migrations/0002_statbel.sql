-- Statbel's VAT-registered enterprises (2019), NACE labels and population, seeded with the curated data.
CREATE TABLE statbel_vat (
    seat          text NOT NULL,            -- NIS code of today's municipality, or 'abroad' / 'unknown'
    nace          text NOT NULL,            -- NACE class (6201), or XXXXX: activity unknown
    enterprises   integer NOT NULL,
    registrations integer NOT NULL,
    cessations    integer NOT NULL
);
CREATE TABLE statbel_nace (
    code    text PRIMARY KEY,
    level   integer NOT NULL,
    section text NOT NULL,
    fr      text NOT NULL,
    nl      text NOT NULL,
    en      text NOT NULL
);
CREATE TABLE statbel_population (
    nis         text NOT NULL,
    year        integer NOT NULL,
    inhabitants bigint NOT NULL,
    PRIMARY KEY (nis, year)
);
