parse -f tests/golden/parse/syntax_error_mid_file.sql
