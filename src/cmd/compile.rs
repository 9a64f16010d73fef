//! `srs compile`.

use std::io::Write;

use anyhow::{Result, bail};

use super::Context;

pub fn run(_args: &crate::cli::CompileArgs, _ctx: &Context, _out: &mut dyn Write) -> Result<()> {
    bail!("srs compile is being built")
}
