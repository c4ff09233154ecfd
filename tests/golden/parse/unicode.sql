SELECT "prénom", "名前", 'ü' AS "größe" FROM "Kunden" WHERE "prénom" = 'Zoë';
SELECT 'é' FORM t;
