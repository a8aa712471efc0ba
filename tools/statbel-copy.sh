#!/usr/bin/env bash
# Makes the shipped copy of Statbel's data in data/reference/statbel/ from the published files in
# ../shared/reference/statbel/ (see data/reference/MANIFEST.md). Run it again only when the published files change;
# the atlas reads the copy, never ../shared. Needs unzip, sqlite3 and gzip; the output is byte-identical on re-runs.
#  - vat-nace-2019.csv.gz  the fact table TF_VAT_NACE_2019 as it is: one row per municipality (NIS 2019, '-----' abroad,
#                          'XXXXX' unknown) × legal form × NACE-BEL 2008 sub-class, counts as integers (published as REAL)
#  - nace-bel-2008.csv.gz  the NACE-BEL 2008 labels of TD_NACE (FR/NL/EN) at every level, one row per code
#  - legal-forms.csv       TD_LGL_PSN_VAT: the ten legal-form codes with their labels, as published
#  - population-YYYY.csv   the three population files, byte for byte
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SRC=${1:-"$ROOT/../shared/reference/statbel"}
OUT="$ROOT/data/reference/statbel"
for tool in unzip sqlite3 gzip; do command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 1; }; done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$OUT"

unzip -q -o "$SRC/vat-enterprises-2019/TF_VAT_NACE_SQ_2019.zip" -d "$work"
db="$work/TF_VAT_NACE_2019.sqlite"

# the counts are whole numbers stored as REAL: refuse to round anything
bad=$(sqlite3 "$db" "SELECT count(*) FROM TF_VAT_NACE_2019 WHERE MS_NUM_VAT <> CAST(MS_NUM_VAT AS INTEGER)
  OR MS_NUM_VAT_START <> CAST(MS_NUM_VAT_START AS INTEGER) OR MS_NUM_VAT_STOP <> CAST(MS_NUM_VAT_STOP AS INTEGER)")
[ "$bad" = 0 ] || { echo "$bad rows with a fractional count" >&2; exit 1; }

sqlite3 -csv -header "$db" "SELECT CD_REFNIS AS refnis, CD_LGL_PSN_VAT AS legal_form, CD_NACE AS nace,
  CAST(MS_NUM_VAT AS INTEGER) AS enterprises, CAST(MS_NUM_VAT_START AS INTEGER) AS registrations,
  CAST(MS_NUM_VAT_STOP AS INTEGER) AS cessations
  FROM TF_VAT_NACE_2019 ORDER BY refnis, nace, legal_form" | tr -d '\r' | gzip -9 -n > "$OUT/vat-nace-2019.csv.gz"

# TD_NACE has one row per sub-class with the label of each level written 'code label' ('01.11 Culture de céréales …');
# the unknown activity XXXXX has only a section-level text. English sub-class labels are mostly the bare code: left empty.
sqlite3 -csv -header "$db" > "$work/nace.csv" <<'SQL'
WITH lv(level, rank, fr, nl, en, section) AS (
  SELECT 'section', 1, TX_NACE_FR_LVL1, TX_NACE_NL_LVL1, TX_NACE_EN_LVL1, TX_NACE_FR_LVL1 FROM TD_NACE WHERE CD_NACE <> 'XXXXX'
  UNION SELECT 'division', 2, TX_NACE_FR_LVL2, TX_NACE_NL_LVL2, TX_NACE_EN_LVL2, TX_NACE_FR_LVL1 FROM TD_NACE WHERE CD_NACE <> 'XXXXX'
  UNION SELECT 'group', 3, TX_NACE_FR_LVL3, TX_NACE_NL_LVL3, TX_NACE_EN_LVL3, TX_NACE_FR_LVL1 FROM TD_NACE WHERE CD_NACE <> 'XXXXX'
  UNION SELECT 'class', 4, TX_NACE_FR_LVL4, TX_NACE_NL_LVL4, TX_NACE_EN_LVL4, TX_NACE_FR_LVL1 FROM TD_NACE WHERE CD_NACE <> 'XXXXX'
), coded AS (
  SELECT level, rank, replace(substr(fr, 1, instr(fr, ' ') - 1), '.', '') AS code, substr(section, 1, 1) AS section,
         trim(substr(fr, instr(fr, ' ') + 1)) AS fr, trim(substr(nl, instr(nl, ' ') + 1)) AS nl,
         CASE WHEN instr(trim(en), ' ') = 0 THEN '' ELSE trim(substr(trim(en), instr(trim(en), ' ') + 1)) END AS en
  FROM lv
  UNION ALL
  SELECT 'subclass', 5, CD_NACE, substr(TX_NACE_FR_LVL1, 1, 1),
         trim(substr(TX_NACE_FR_LVL5, instr(TX_NACE_FR_LVL5, ' ') + 1)), trim(substr(TX_NACE_NL_LVL5, instr(TX_NACE_NL_LVL5, ' ') + 1)),
         CASE WHEN instr(trim(TX_NACE_EN_LVL5), ' ') = 0 THEN '' ELSE trim(substr(trim(TX_NACE_EN_LVL5), instr(trim(TX_NACE_EN_LVL5), ' ') + 1)) END
  FROM TD_NACE WHERE CD_NACE <> 'XXXXX'
  UNION ALL
  SELECT 'unknown', 6, CD_NACE, '', trim(TX_NACE_FR_LVL1), trim(TX_NACE_NL_LVL1), trim(TX_NACE_EN_LVL1) FROM TD_NACE WHERE CD_NACE = 'XXXXX'
)
SELECT level, code, section, fr, nl, en FROM coded ORDER BY rank, code;
SQL
tr -d '\r' < "$work/nace.csv" | gzip -9 -n > "$OUT/nace-bel-2008.csv.gz"

sqlite3 -csv -header "$db" "SELECT CD_LGL_PSN_VAT AS code, TX_LGL_PSN_VAT_FR_LVL1 AS fr, TX_LGL_PSN_VAT_NL_LVL1 AS nl,
  TX_LGL_PSN_VAT_EN_LVL1 AS en FROM TD_LGL_PSN_VAT ORDER BY code" | tr -d '\r' > "$OUT/legal-forms.csv"

for year in 2018 2019 2020; do
  cp "$SRC/population/belgian_municipalities_$year.csv" "$OUT/population-$year.csv"
done
chmod 644 "$OUT"/*
ls -l "$OUT"
