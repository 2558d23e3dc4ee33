"""Sub-commands of ``safesteps``, kept out of ``app/cli.py`` so each stays small."""
