parse -f tests/golden/parse/ddl.sql
