"""The commands: argument parsing, exit codes and what each command prints."""
