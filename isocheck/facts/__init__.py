"""Stage 1, facts: reading a YAML or JSON fact file within isocheck's limits, the fact model, validation
messages and plausibility checks."""
