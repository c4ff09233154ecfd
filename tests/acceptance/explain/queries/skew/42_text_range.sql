-- A text range on a Zipf column (histogram and MCVs both count).
SELECT count(*) FROM accounts WHERE last_name >= 'S' AND last_name < 'T';
