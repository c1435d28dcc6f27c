"""Reading transcripts from files into normalised text."""

from qdaw.ingest.readers import SUPPORTED_SUFFIXES, SourceText, read_source

__all__ = ["SUPPORTED_SUFFIXES", "SourceText", "read_source"]
