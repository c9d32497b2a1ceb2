"""The domain: model, loading and validation, the registry of record kinds, views, durations."""
