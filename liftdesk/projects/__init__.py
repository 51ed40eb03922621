"""Lift projects: stages, meetings, the lift plan, the diary and what is due today."""
