-- A range over an enum's sort order.
SELECT count(*) FROM accounts WHERE plan >= 'pro';
