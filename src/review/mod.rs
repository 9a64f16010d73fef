//! The daily review: the pure session logic ([`session`]), how cards read
//! on screen ([`render`]), and the full-screen terminal ([`screen`]).

pub mod render;
pub mod screen;
pub mod session;

pub use session::{LeechAction, Session, SessionOptions, Summary};
