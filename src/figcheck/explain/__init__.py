"""Explaining one verdict: derivation, reason, number line and what it would take."""
