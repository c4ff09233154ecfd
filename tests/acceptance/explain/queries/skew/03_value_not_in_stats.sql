-- Equality with a value absent from the MCV list (the rest of the distinct values share the remainder).
SELECT * FROM accounts WHERE country = 'XX';
