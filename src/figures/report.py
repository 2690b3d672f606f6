"""Flags + claims -> the weekly discrepancy report (Markdown, HTML, CSV).

STUB: the report helper replaces this.
"""
