//! Integration tests for `srs review`.
