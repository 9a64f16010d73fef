//! Integration tests for `srs export`.
