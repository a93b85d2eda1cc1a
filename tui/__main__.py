"""`python -m tui`: the same entry point as the `timeline` console script."""

from tui.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
