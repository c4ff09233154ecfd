parse -f tests/golden/parse/does_not_exist.sql
