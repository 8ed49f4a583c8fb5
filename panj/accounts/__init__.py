"""Users, memberships in organisations, roles and what each role may do."""
