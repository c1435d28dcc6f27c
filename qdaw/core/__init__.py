"""The store: engine, transactions, models, the row-image journal (undo), revisions,
lookups. Imports no Qt and nothing above it."""
