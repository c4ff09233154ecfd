parse --format json -f tests/golden/parse/syntax_error_mid_file.sql
