//! What to study next, and the review screen.
