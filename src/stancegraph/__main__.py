"""`python -m stancegraph` runs the command-line interface."""

from stancegraph.cli import main

main()
