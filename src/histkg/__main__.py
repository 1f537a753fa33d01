"""``python -m histkg`` runs the command-line interface."""

from histkg.cli import main

main()
