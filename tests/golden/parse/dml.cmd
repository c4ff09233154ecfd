parse -f tests/golden/parse/dml.sql
