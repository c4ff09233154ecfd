-- GROUP BY an eight-valued column.
SELECT kind, count(*) FROM events GROUP BY kind;
