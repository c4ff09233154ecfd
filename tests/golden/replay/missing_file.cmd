replay /nonexistent/trace.jsonl
