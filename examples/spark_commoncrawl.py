"""Extract the articles of Common Crawl WARC files with Apache Spark and write them as Parquet.

    # local test run, 2 cores
    python examples/spark_commoncrawl.py warc.paths articles/ --master "local[2]"

    # a cluster (articlex[spark,warc] installed on every executor, see docs/scale.md)
    spark-submit examples/spark_commoncrawl.py warc.paths s3a://my-bucket/articles/ \
        --prefix s3a://commoncrawl/

PATHS_FILE lists one WARC path per line (plain or .gz, like Common Crawl's `warc.paths.gz`);
`--prefix` is put before each path that has no scheme (Common Crawl lists paths relative to
its bucket). Local paths and fsspec URLs (s3a:// needs s3fs on the executors) are read.
The output is a Parquet dataset with one row per HTML page: the `articlex.scale.rows` columns.
"""

from __future__ import annotations

import argparse
import gzip
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from pyspark.sql import SparkSession

from articlex.options import Options
from articlex.scale.spark import extract_warcs


def read_paths(paths_file: Path, prefix: str = "") -> list[str]:
    """The WARC paths listed in PATHS_FILE (gzipped or not), PREFIX put before relative ones."""
    data = paths_file.read_bytes()
    text = gzip.decompress(data).decode() if data[:2] == b"\x1f\x8b" else data.decode()
    lines = [line.strip() for line in text.splitlines()]
    return [_with_prefix(line, prefix) for line in lines if line and not line.startswith("#")]


def _with_prefix(path: str, prefix: str) -> str:
    if not prefix or "://" in path or path.startswith("/"):
        return path
    return prefix.rstrip("/") + "/" + path


def run(spark: SparkSession, paths: list[str], output: str, *, options: Options) -> dict[str, int]:
    """Extract every page of PATHS, write OUTPUT as Parquet, and return row counts by outcome."""
    extract_warcs(spark, paths, options=options).write.mode("overwrite").parquet(output)
    totals = spark.read.parquet(output).selectExpr(
        "count(*) as pages",
        "count(error_kind) as failed",
        "count_if(size(paragraphs) > 0) as with_body",
    )
    return {name: int(value) for name, value in totals.first().asDict().items()}


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the arguments, run the job, print the counts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths_file", type=Path, help="file listing WARC paths, one per line (.gz allowed)")
    parser.add_argument("output", help="output Parquet folder (local path, s3a://, hdfs://)")
    parser.add_argument("--prefix", default="", help="put before relative paths, e.g. s3a://commoncrawl/")
    parser.add_argument("--master", help='Spark master for a run without spark-submit, e.g. "local[2]"')
    parser.add_argument("--no-decisions", action="store_true", help="leave the per-block decisions out")
    args = parser.parse_args(argv)
    if args.master and args.master.startswith("local"):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # local workers use this very Python
    builder = SparkSession.builder.appName("articlex-commoncrawl")
    spark = (builder.master(args.master) if args.master else builder).getOrCreate()
    try:
        paths = read_paths(args.paths_file, args.prefix)
        counts = run(spark, paths, args.output, options=Options(include_decisions=not args.no_decisions))
    finally:
        spark.stop()
    print(
        f"{len(paths)} WARC files: {counts['pages']} pages, {counts['with_body']} with a body, "
        f"{counts['failed']} failed -> {args.output}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
