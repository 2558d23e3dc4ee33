"""The pure rules engine: parse rule-set files, compile them once, evaluate checklists many times.

This package imports nothing from the web framework, the database layer or the rest of ``app`` and
reads no clock, environment or network: callers pass everything a decision depends on.
"""
