"""Stage 2b, split plain text (a browser copy of a page) into blocks, one per line."""
