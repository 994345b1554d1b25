"""Audit: prove the log is intact (verify), move it (export/import), rebuild and explain views."""
