"""Spreadsheet and CSV import/export."""
