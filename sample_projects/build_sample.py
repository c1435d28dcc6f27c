"""Build sample_projects/referents.qdaw from the sources in sample_projects/referents/."""

import sys

from qdaw.sample import SAMPLE_PROJECT, build_sample

if __name__ == "__main__":
    # Indexed, so that sentences, speakers, lemmas and search work from the first minute.
    path = build_sample(sys.argv[1] if len(sys.argv) > 1 else SAMPLE_PROJECT, index=True)
    print(f"Built {path}")
