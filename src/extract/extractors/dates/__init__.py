"""The dates task: temporal expressions found and normalised to TIMEX3 values.

Pure modules (no spaCy): `grammar` finds candidate expressions, `lexicon` holds the words,
`calendar` the arithmetic, `anchoring` decides the article's reference date and day/month
order, `narrative` follows the story's reference time, and `resolve` (one module per family)
turns an expression into a TIMEX3 type and value. `component` (the `extract_dates` spaCy
component) ties them to a Doc; `items` names the records.
"""
