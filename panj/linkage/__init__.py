"""Privacy-preserving record linkage: find shared cases without sharing identities."""
