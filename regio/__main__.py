"""Run the command line interface: ``python -m regio``."""

from regio.cli import main

if __name__ == "__main__":  # pragma: no cover
    main()
