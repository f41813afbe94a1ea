"""Marseille immunology ecosystem: the curated dataset and the logic behind the dashboard.

The dataset's release version and date live in data/datapackage.json (see ecosystem.release);
the code's version, in pyproject.toml.
"""
