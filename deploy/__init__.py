"""A trial deployment: K app servers behind HAProxy, one PostgreSQL."""
