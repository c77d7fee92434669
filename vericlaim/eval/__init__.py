"""Measurement: metrics and benchmark runners that use the public API."""
