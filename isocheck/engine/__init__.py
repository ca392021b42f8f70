"""Stage 3, engine: durable-rules (contained), the reference evaluator, evaluation into findings."""
