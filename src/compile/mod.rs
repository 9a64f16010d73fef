//! Documents → cards.
