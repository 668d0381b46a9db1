"""CLI commands, one module each; registered in events/cli.py."""
