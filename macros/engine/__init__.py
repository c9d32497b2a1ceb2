"""The adapter to MkDocs: the only room that imports the engine."""
