"""Checking claims: quotes, verdicts, the checker and the finished report."""
