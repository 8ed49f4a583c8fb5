"""The network's shared learning and joint work: library, events, programmes, campaigns, news."""
