"""`python -m tui`: the same entry point as the `timeline` console script."""

from tui.entry import run

if __name__ == "__main__":
    run()
