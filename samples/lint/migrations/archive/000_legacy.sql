-- Excluded by .dbopt.toml: never linted.
CREATE TABLE legacy (code char(3), price money);
DELETE FROM legacy;
