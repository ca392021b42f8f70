"""The rule pack: rule schema, conditions in three-valued logic, and loading with strict checks."""
