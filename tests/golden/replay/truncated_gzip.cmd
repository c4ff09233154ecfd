replay tests/golden/replay/truncated.jsonl.gz
