-- = ANY (ARRAY[...]) over a low-cardinality text column.
SELECT count(*) FROM events WHERE user_agent = ANY (ARRAY['curl/8.4', 'Googlebot/2.1']);
