"""Domain and storage. Imports no Qt."""
