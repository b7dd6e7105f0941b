"""Stage 2a, split HTML into blocks.

The guard bounds what the parser builds, the splitter (the only door to selectolax) cuts the
visible text into blocks, hints and marks say what elements are named for, and the page's
machine-readable metadata (JSON-LD, microdata, `<meta>`) is interpreted here too.
"""
