"""The claims task: check-worthy statements with claimant, quantities, hedges and negation.

Pure modules: `checkworthiness` (the scoring model), `features` (its text features),
`quantities` (numbers with units), `rules` (claim types, hedges, negation). `component` (the
`extract_claims` spaCy component) ties them to a Doc; `items` names the records.
"""
