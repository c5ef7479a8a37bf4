"""The command line: a thin layer over the library (commands in `main`, formatting in `output`)."""

from searchidx.cli.main import main

__all__ = ["main"]
