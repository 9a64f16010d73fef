//! One integration-test binary driving the real `srs` executable.

mod util;

mod collection;
mod compile;
mod curate;
mod export;
mod faults;
mod hardening;
mod review;
mod soak;
