//! `srs config [KEY [VALUE]]`.

use std::io::Write;

use anyhow::{Result, anyhow};

use super::Context;
use crate::cli::ConfigArgs;
use crate::store::Setting;

pub fn run(args: &ConfigArgs, ctx: &Context, out: &mut dyn Write) -> Result<()> {
    let mut store = ctx.open_store()?;
    let Some(key) = &args.key else {
        let settings = store.settings()?;
        for setting in Setting::ALL {
            writeln!(out, "{} = {}", setting.key(), settings.get(setting))?;
        }
        return Ok(());
    };
    let setting: Setting = key.parse().map_err(|e: String| anyhow!(e))?;
    if let Some(value) = &args.value {
        let value = setting.parse_value(value).map_err(|e| anyhow!(e))?;
        store.set_setting(setting, value)?;
    }
    writeln!(
        out,
        "{} = {}",
        setting.key(),
        store.settings()?.get(setting)
    )?;
    Ok(())
}
