"""AMW kennisbank: the catalogue, the site made from it, and the adapter to the site engine.

Three rooms, one way in: data/modules.yaml -> catalogue/ (model, loading and validation,
registry of record kinds, views, durations: knows nothing of pages or engines) -> site/ (pages,
Markdown, figures, JSON-LD, open data: engine-free) -> engine/ (the MkDocs hooks and the
mkdocs-macros entry point: the only code that imports the engine).
"""
