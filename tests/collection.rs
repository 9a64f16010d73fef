//! Integration tests for the collection and the plumbing commands.
