-- An enum column: the rarest label.
SELECT count(*) FROM accounts WHERE plan = 'enterprise';
