"""The entities task: people, organisations, places and works, with clean names and roles.

`component` (the `extract_entities` spaCy component) ties the pure steps together:
`truecase` (headlines and capitals re-cased for NER), `surface` (clean name pieces),
`introduced` (names the text introduces with a role), `consistency` (a name found once is
found everywhere), `roles` (descriptors), `labels` (one label per entity from the text's evidence).
"""
