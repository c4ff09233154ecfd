replay tests/golden/replay/empty.jsonl
