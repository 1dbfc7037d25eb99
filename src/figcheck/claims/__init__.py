"""The claims file: its model, formulas and the TOML loader."""
