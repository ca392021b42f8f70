"""Stage 2, subjects: what one finding is about, and the derived fields rules compare."""
