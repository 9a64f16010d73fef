//! `srs stats`.

use std::io::Write;

use anyhow::{Result, bail};

use super::Context;

pub fn run(_args: &crate::cli::StatsArgs, _ctx: &Context, _out: &mut dyn Write) -> Result<()> {
    bail!("srs stats is being built")
}
