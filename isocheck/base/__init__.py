"""What every stage shares: the one input error, atomic output files, calendar arithmetic."""
