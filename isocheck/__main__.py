"""Allows ``python -m isocheck``."""

from isocheck.cli import main

if __name__ == "__main__":
    main()
