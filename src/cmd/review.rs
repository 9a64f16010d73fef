//! `srs review`.

use std::io::Write;

use anyhow::{Result, bail};

use super::Context;

pub fn run(_args: &crate::cli::ReviewArgs, _ctx: &Context, _out: &mut dyn Write) -> Result<()> {
    bail!("srs review is being built")
}
