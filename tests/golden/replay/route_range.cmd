replay samples/traces/shop.jsonl --top 1 --route strategy=range,key=customer_id --range-splits tests/golden/replay/splits.txt --max-skew 1.5
