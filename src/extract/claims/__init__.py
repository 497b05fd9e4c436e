"""Claims: check-worthiness scoring, quantities, hedges and claim types (pure, no spaCy)."""
