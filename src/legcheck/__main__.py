"""`python -m legcheck` runs the command line."""

from legcheck.cli import main

main()
