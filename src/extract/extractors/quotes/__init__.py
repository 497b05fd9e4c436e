"""The quotes task: direct, partial, mixed and indirect quotes, each tied to its speaker.

`marks` pairs quotation marks (pure), `cues` finds reporting verbs and media, `strategies`
lists the attribution strategies in the order they are tried, `speakers` resolves a source to
an entity with a confidence and a reason, `reported` finds reported speech without marks, and
`component` (the `extract_quotes` spaCy component) ties them to a Doc; `items` names the records.
"""
