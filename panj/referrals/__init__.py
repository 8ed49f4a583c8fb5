"""Referrals within a country and across the border, gated by consent and agreements."""
