replay samples/traces/shop.jsonl --pool max=20,mxa_idle=3
