"""Stage 5, explain: why a rule failed or passed, and the smallest change that would make it pass."""
