"""A project's money: funding plan, cost shares, payments into the collective account."""
