-- IS NOT TRUE on a nullable boolean (false or NULL).
SELECT count(*) FROM accounts WHERE is_verified IS NOT TRUE;
