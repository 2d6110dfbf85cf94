"""Check functions: each compares one aspect of base and revision and yields changes."""
