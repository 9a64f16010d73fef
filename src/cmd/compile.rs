//! `srs compile PATH... [--out FILE] [--deck NAME] [--verbose]`: finds the
//! study documents under the paths, compiles them into one deck file, and
//! prints a summary (cards per kind per document, what was skipped). The
//! deck goes to `--out` (written whole or not at all) or to stdout, and
//! then the summary goes to stderr.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};
use rayon::prelude::*;

use super::Context;
use crate::cli::CompileArgs;
use crate::compile::{self, Input};

/// Compiles this many files or more with a progress bar (on a terminal).
const PROGRESS_FROM: usize = 20;
/// Bytes looked at to tell a binary file.
const SNIFF: usize = 8_192;

pub fn run(args: &CompileArgs, _ctx: &Context, out: &mut dyn Write) -> Result<()> {
    compile::compile_patterns();
    let mut warnings: Vec<String> = Vec::new();
    let mut files: Vec<PathBuf> = Vec::new();
    for path in &args.paths {
        collect(path, true, &mut files, &mut warnings);
    }
    let progress = super::progress_bar(
        files.len(),
        PROGRESS_FROM,
        "reading {bar:30} {pos}/{len} {wide_msg}",
    );
    // Read on every core: a course of a thousand files spent a tenth of
    // its time reading them one after another, with the cores idle.
    let read: Vec<_> = files
        .par_iter()
        .map(|file| {
            progress.set_message(file.display().to_string());
            let read = read_document(file);
            progress.inc(1);
            read
        })
        .collect();
    progress.finish_and_clear();
    let mut documents: Vec<(String, String)> = Vec::with_capacity(files.len());
    for (file, read) in files.iter().zip(read) {
        match read {
            Ok((text, note)) => {
                if let Some(note) = note {
                    warnings.push(format!("{}: {note}", file.display()));
                }
                documents.push((file_name(file), text));
            }
            Err(why) => warnings.push(format!("skipped {}: {why}", file.display())),
        }
    }
    for w in &warnings {
        eprintln!("warning: {w}");
    }
    if documents.is_empty() {
        bail!(
            "no study documents to compile in {} (give .md, .markdown, .txt or extension-less text files)",
            args.paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let inputs: Vec<Input<'_>> = documents
        .iter()
        .map(|(name, text)| Input { name, text })
        .collect();
    // The summary lists the drafts dropped only when verbose.
    let dropped = if args.verbose {
        compile::Dropped::Listed
    } else {
        compile::Dropped::Counted
    };
    // No --deck: a folder given alone names the deck.
    let deck_name = args.deck.clone().or_else(|| folder_name(&args.paths));
    let compiled = compile::compile_with(&inputs, deck_name.as_deref(), dropped);
    let summary = summary(&compiled, args.verbose);
    if compiled.deck.cards.is_empty() {
        eprint!("{summary}");
        bail!("no cards could be compiled from the documents given");
    }
    let json = compiled.deck.to_json();
    match &args.out {
        Some(path) => {
            crate::export::atomic::write(path, |file, scratch| {
                file.write_all(json.as_bytes()).map_err(|e| scratch.io(e))
            })
            .with_context(|| format!("cannot write the deck file {}", path.display()))?;
            write!(out, "{summary}")?;
            writeln!(
                out,
                "wrote {} cards of deck \"{}\" to {}",
                compiled.deck.cards.len(),
                compiled.deck.name,
                path.display()
            )?;
        }
        None => {
            out.write_all(json.as_bytes())?;
            eprint!("{summary}");
        }
    }
    Ok(())
}

/// Adds the documents at `path` (recursively for a directory).
fn collect(path: &Path, given: bool, files: &mut Vec<PathBuf>, warnings: &mut Vec<String>) {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) => {
            warnings.push(format!("skipped {}: {}", path.display(), io_reason(&e)));
            return;
        }
    };
    if meta.is_dir() {
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(path) {
            Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(e) => {
                warnings.push(format!("skipped {}: {}", path.display(), io_reason(&e)));
                return;
            }
        };
        entries.sort();
        let before = files.len();
        for entry in entries {
            let hidden = entry
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if !hidden {
                collect(&entry, false, files, warnings);
            }
        }
        if given && files.len() == before {
            warnings.push(format!(
                "{}: no study documents in this directory",
                path.display()
            ));
        }
        return;
    }
    let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase());
    match ext.as_deref() {
        None | Some("md" | "markdown" | "txt" | "text") => files.push(path.to_path_buf()),
        Some(other) => warnings.push(format!(
            "skipped {}: .{other} is not a study document (.md, .markdown, .txt)",
            path.display()
        )),
    }
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

/// The text of a document, and a note when it had to be decoded lossily.
fn read_document(path: &Path) -> Result<(String, Option<String>), String> {
    let mut bytes = std::fs::read(path).map_err(|e| io_reason(&e))?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("the file is empty".to_string());
    }
    if bytes[..bytes.len().min(SNIFF)].contains(&0) {
        return Err("a binary file, not text".to_string());
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok((unix_lines(text), None)),
        Err(e) => {
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            Ok((
                unix_lines(text),
                Some("not valid UTF-8; undecodable bytes were replaced".to_string()),
            ))
        }
    }
}

/// `text` with Windows line ends (`\r\n`) made `\n`, copied only when it
/// has any.
fn unix_lines(text: String) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Cards per kind per document, and what was skipped.
fn summary(compiled: &compile::Compiled, verbose: bool) -> String {
    let mut s = String::new();
    for report in &compiled.reports {
        let kinds: Vec<String> = report
            .cards
            .iter()
            .map(|(kind, n)| format!("{n} {kind}"))
            .collect();
        let kinds = if kinds.is_empty() {
            "no cards".to_string()
        } else {
            kinds.join(", ")
        };
        s.push_str(&format!(
            "{} ({}): {} cards: {kinds}; {} lines skipped, {} drafts dropped\n",
            report.file,
            report.kind,
            report.total(),
            report.skipped.len(),
            report.dropped_total
        ));
        if verbose {
            for skip in report.skipped.iter().chain(&report.dropped) {
                s.push_str(&format!(
                    "  {}:{}: {}: {}\n",
                    report.file, skip.line, skip.reason, skip.text
                ));
            }
        }
    }
    s.push_str(&format!(
        "{} cards from {} documents\n",
        compiled.deck.cards.len(),
        compiled.reports.len()
    ));
    s
}

/// The deck name a single folder gives ("care-notes" → "Care notes"), if
/// the paths are one folder.
fn folder_name(paths: &[std::path::PathBuf]) -> Option<String> {
    let [path] = paths else { return None };
    if !path.is_dir() {
        return None;
    }
    let path = std::fs::canonicalize(path).ok()?;
    let name = path.file_name()?.to_string_lossy().replace(['-', '_'], " ");
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut chars = name.chars();
    let first = chars.next()?;
    Some(first.to_uppercase().chain(chars).collect())
}
