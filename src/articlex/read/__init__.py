"""Stage 1, read: bytes or text in, a decoded `Page` out (encoding found honestly, HTML or plain text decided)."""
