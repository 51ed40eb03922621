"""Printed documents (reportlab, no Qt): consent forms, consent letters, sign-in sheets, minutes,
public notices, progress diaries and proxy forms, each with a serial and a QR code."""
