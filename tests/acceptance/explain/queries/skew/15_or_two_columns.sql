-- OR of two restrictions on different columns.
SELECT count(*) FROM accounts WHERE country = 'NZ' OR plan = 'team';
