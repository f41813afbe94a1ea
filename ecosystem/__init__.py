"""Marseille immunology ecosystem: the curated dataset and the logic behind the dashboard."""

__version__ = "0.1.0"
