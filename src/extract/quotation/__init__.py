"""Quotation marks: pairing them into quoted spans, per paragraph, with recovery (pure)."""
