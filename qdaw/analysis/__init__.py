"""Counting and tabulating coded segments (SQL aggregation, pandas shaping)."""
