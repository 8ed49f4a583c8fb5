"""Countries, administrative areas, border crossings, organisations, offices and services."""
