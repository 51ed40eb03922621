"""The demo district: plausible places, households and projects that reproduce the published table (reports/published.py)."""
