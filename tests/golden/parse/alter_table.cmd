parse -f tests/golden/parse/alter_table.sql
