catalog show --format json tests/golden/catalog/data/shop.json --table public.customers
