-- Coupon codes in use: a partial index on IS NOT NULL.
SELECT coupon_code, count(*) FROM purchases WHERE coupon_code IS NOT NULL GROUP BY coupon_code;
