"""Name reconciliation: pure functions over names, no spaCy (see names.py and cluster.py)."""
