"""Temporal expressions: finding them in text and normalising them to TIMEX3 values.

Pure Python, no spaCy: `grammar` finds candidate expressions, `anchoring` decides the reference
date and the day/month order of an article, `resolve` turns an expression into a TIMEX3 type and
value. The spaCy component in `extract.extractors.dates` ties them to a Doc.
"""
