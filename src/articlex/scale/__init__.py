"""Many pages at once: worker processes, batch inputs (files, folders, WARC), outputs (JSONL, Parquet), Spark."""
