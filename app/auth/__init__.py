"""Who is calling and what they may do: API keys, OIDC bearer tokens, roles and permissions."""
