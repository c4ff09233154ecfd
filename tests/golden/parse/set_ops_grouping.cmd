parse -f tests/golden/parse/set_ops_grouping.sql
