-- Two grouping columns, ordered by the aggregate.
SELECT l_shipmode, l_returnflag, count(*) AS lines, avg(l_discount)
FROM lineitem
WHERE l_receiptdate > date '1998-01-01'
GROUP BY l_shipmode, l_returnflag
ORDER BY lines DESC;
