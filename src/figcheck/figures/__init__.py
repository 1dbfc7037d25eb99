"""Reading what is written: number words, figures, readings, intervals, units."""
