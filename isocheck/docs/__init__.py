"""Generated reference documents: the rule catalogue, the fact-file reference and schema, the init template."""
