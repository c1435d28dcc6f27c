"""Language-aware text work with spaCy: sentences, speakers, lemmas, search, autocoding.

spaCy loads lazily (the French model takes seconds): nothing here imports it until a
pipeline is asked for.
"""
