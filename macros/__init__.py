"""AMW kennisbank: load, validate and render data/modules.yaml.

Flow: data/modules.yaml -> loader.py (validate, report) -> model.py (typed records)
-> catalog.py (lookups, durations) -> pages.py + templates/ (generated pages), opendata.py
(JSON/CSV/schema), main.py (macros for hand-written pages); hooks.py wires it into MkDocs.
"""
