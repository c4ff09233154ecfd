-- BETWEEN on a nullable integer (a range pair; NULLs excluded).
SELECT account_id, birth_year FROM accounts WHERE birth_year BETWEEN 1960 AND 1965;
