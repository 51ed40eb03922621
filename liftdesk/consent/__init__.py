"""Consent: positions households take, voters as the law counts them, rules and the verdict."""
