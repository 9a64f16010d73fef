//! The `srs` binary: parse the command line, run it, and turn any error
//! into one line on stderr and a non-zero exit status.

use std::io::{self, Write};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use clap::Parser;
use srs::cli::Cli;

// The compiler and the exporter make millions of short strings; mimalloc
// serves them in about half the instructions of the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // A write past the file-size limit (`ulimit -f`) must fail with an
    // error we can report and roll back, not kill the process mid-write.
    let _ = signal_hook::flag::register(
        signal_hook::consts::SIGXFSZ,
        Arc::new(AtomicBool::new(false)),
    );
    let cli = Cli::parse();
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let result = srs::cmd::run(cli, &mut out).and_then(|()| Ok(out.flush()?));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            let _ = writeln!(io::stderr(), "srs: error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        let io_kind = cause.downcast_ref::<io::Error>().map(io::Error::kind);
        // JSON written straight to stdout fails with serde_json's error,
        // whose source is not the `io::Error` itself.
        let json_kind = || {
            cause
                .downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind)
        };
        io_kind.or_else(json_kind) == Some(io::ErrorKind::BrokenPipe)
    })
}
