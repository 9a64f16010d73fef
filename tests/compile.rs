//! Integration tests for `srs compile`.
