"""Benchmarks run as ratios against a floor measured in the same run: ``python -m benchmarks``.

See ``benchmarks/README.md``. Nothing here is imported by the application.
"""
