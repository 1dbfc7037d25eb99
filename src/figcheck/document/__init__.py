"""Working on whole documents: mentions, coverage and drafting."""
