"""Places: the hierarchy district → household, addresses, a station's scope, search."""
