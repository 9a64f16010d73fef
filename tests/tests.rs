//! One integration-test binary driving the real `srs` executable.

mod util;

mod collection;
mod compile;
mod export;
mod review;
mod soak;
