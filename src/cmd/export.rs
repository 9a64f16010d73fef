//! `srs export`.

use std::io::Write;

use anyhow::{Result, bail};

use super::Context;

pub fn run(_args: &crate::cli::ExportArgs, _ctx: &Context, _out: &mut dyn Write) -> Result<()> {
    bail!("srs export is being built")
}
