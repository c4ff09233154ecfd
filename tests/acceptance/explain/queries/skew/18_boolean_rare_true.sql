-- A boolean that is rarely true.
SELECT count(*) FROM accounts WHERE is_staff;
