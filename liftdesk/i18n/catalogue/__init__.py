"""The message catalogue, one module per domain; liftdesk.i18n merges them under one t()."""
