"""The law as data: dated legal parameters with their citations."""
