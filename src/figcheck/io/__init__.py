"""Reading text files and writing outputs atomically."""
