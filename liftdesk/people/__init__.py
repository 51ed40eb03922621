"""People: households' owners and residents, their personal data and its erasure, helper teams, station logins."""
