replay samples/traces/shop.jsonl --time-scale -2
