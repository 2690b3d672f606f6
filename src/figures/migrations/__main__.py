"""``python -m figures.migrations "message"``: autogenerate the next migration file."""
import sys

from figures.migrations import revision

if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit('usage: python -m figures.migrations "what changed"')
    revision(sys.argv[1])
