"""Interface texts in Vietnamese and English: the report's words and the input-problem catalogue."""
