"""The demo district and the published table it reproduces."""
