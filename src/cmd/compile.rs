//! `srs compile PATH... [--out FILE] [--deck NAME] [--verbose]`: finds the
//! study documents under the paths, compiles them into one deck file, and
//! prints a summary (cards per kind per document, what was skipped). The
//! deck goes to `--out` (written whole or not at all) or to stdout, and
//! then the summary goes to stderr.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};
use rayon::prelude::*;

use super::Context;
use super::input::{self, io_reason};
use crate::cli::CompileArgs;
use crate::compile::{self, Input};

/// Compiles this many files or more with a progress bar (on a terminal).
const PROGRESS_FROM: usize = 20;
/// Bytes looked at to tell a binary file.
const SNIFF: usize = 8_192;

pub fn run(args: &CompileArgs, ctx: &Context, out: &mut dyn Write) -> Result<()> {
    compile::compile_patterns();
    // A tutor's edits file is never replaced by a deck.
    if let Some(out) = &args.out
        && out
            .file_name()
            .is_some_and(|n| n.to_string_lossy().ends_with(".edits.toml"))
    {
        bail!(
            "{} is named like a tutor's edits file (.edits.toml), which compile never writes; give the deck file a .json name",
            out.display()
        );
    }
    let mut warnings: Vec<String> = Vec::new();
    let mut files: Vec<PathBuf> = Vec::new();
    let mut seen = HashSet::new();
    // Each file's name as ids hash it: its path below the directory given.
    let mut names: Vec<String> = Vec::new();
    for path in &args.paths {
        collect(path, &mut seen, &mut files, &mut warnings);
        names.extend(files[names.len()..].iter().map(|f| name_below(path, f)));
    }
    // `--out` never replaces a document being read, nor the collection.
    for file in &files {
        crate::export::atomic::protect(file);
    }
    crate::export::atomic::protect(&ctx.db);
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
            progress.set_message(crate::term::clean_line(&file.display().to_string()).into_owned());
            let read = read_document(file, args.max_size);
            progress.inc(1);
            read
        })
        .collect();
    progress.finish_and_clear();
    let mut documents: Vec<(String, String)> = Vec::with_capacity(files.len());
    for ((file, name), read) in files.iter().zip(names).zip(read) {
        match read {
            Ok((text, note)) => {
                if let Some(note) = note {
                    warnings.push(format!("{}: {note}", file.display()));
                }
                documents.push((name, text));
            }
            Err(why) => warnings.push(format!("skipped {}: {why}", file.display())),
        }
    }
    for w in &warnings {
        super::warn(w);
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
    let mut compiled = compile::compile_with(&inputs, deck_name.as_deref(), dropped);
    let edits = super::curate::edits_for(args, &compiled.deck.name)?;
    if let Some((path, _)) = &edits {
        crate::export::atomic::protect(path);
    }
    let carried = identify(
        &mut compiled.deck,
        args.out.as_deref(),
        edits.as_ref().map(|(_, e)| e),
        args.max_size,
    );
    let mut summary = summary(&compiled, args.verbose);
    if carried > 0 {
        summary.push_str(&format!(
            "{carried} reworded cards keep their ids from the previous deck file\n"
        ));
    }
    // File names and skipped lines are the documents' text.
    let summary = crate::term::clean(&summary).into_owned();
    if compiled.deck.cards.is_empty() {
        super::to_stderr(&summary);
        bail!("no cards could be compiled from the documents given");
    }
    let compiled = super::curate::with_edits(edits, compiled)?;
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
                crate::term::clean_line(&compiled.deck.name),
                crate::term::clean_line(&path.display().to_string())
            )?;
        }
        None => {
            out.write_all(json.as_bytes())?;
            super::to_stderr(&summary);
        }
    }
    Ok(())
}

/// Makes the compiled ids the deck's own and carries ids over from the
/// deck file being replaced (see [`crate::identity`]); cites each document
/// by its file name alone. Returns how many ids were carried over.
///
/// The previous cards are those of the deck file with the text they were
/// compiled with (an edited card's recorded compiled text, not the
/// tutor's), and the cards the edits file decided on that the deck file
/// leaves out (the dropped ones), with the compiled text their entry
/// records: so a reworded card keeps its id and its decision.
fn identify(
    deck: &mut crate::deck::Deck,
    previous: Option<&Path>,
    edits: Option<&crate::curate::Edits>,
    max_mb: u64,
) -> usize {
    crate::identity::namespace(deck);
    for card in &mut deck.cards {
        if let Some(source) = &mut card.source
            && let Some((_, name)) = source.file.rsplit_once('/')
        {
            source.file = name.to_string();
        }
    }
    // A previous file that cannot be read (or is no regular file: a pipe
    // is never read) is replaced as before.
    let previous = previous
        .filter(|path| std::fs::metadata(path).is_ok_and(|m| m.is_file()))
        .and_then(|path| input::read_text(path, max_mb).ok())
        .and_then(|text| crate::deck::Deck::from_json(&text, "").ok());
    let mut before = crate::deck::Deck {
        name: deck.name.clone(),
        description: String::new(),
        cards: Vec::new(),
        extra: Default::default(),
    };
    if let Some(previous) = previous {
        before.name = previous.name;
        // The tutor's own cards (no source) are never a compiled card's.
        for mut card in previous.cards.into_iter().filter(|c| c.source.is_some()) {
            let text = crate::curate::compiled_text(&card);
            card.front = text.front;
            card.back = text.back;
            before.cards.push(card);
        }
    }
    if let Some(edits) = edits {
        let known: HashSet<String> = before.cards.iter().map(|c| c.id.to_string()).collect();
        for (id, entry) in &edits.entries {
            if let Some(text) = &entry.compiled
                && !known.contains(id.as_str())
            {
                before.cards.push(crate::deck::Card::new(
                    id.as_str(),
                    crate::deck::CardKind::Basic,
                    text.front.as_str(),
                    text.back.as_str(),
                ));
            }
        }
    }
    crate::identity::carry_over(&before, deck)
}

/// A document's name for its ids: its path below `given` (with `/`) when
/// `given` is a directory, else its file name.
fn name_below(given: &Path, file: &Path) -> String {
    match file.strip_prefix(given) {
        Ok(below) if below.components().count() > 1 => below
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/"),
        _ => file_name(file),
    }
}

/// Adds the documents at `path` (recursively for a directory). Only
/// regular files are read; a directory is walked once, cycles skipped.
fn collect(
    path: &Path,
    seen: &mut HashSet<(u64, u64)>,
    files: &mut Vec<PathBuf>,
    warnings: &mut Vec<String>,
) {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) => {
            warnings.push(format!("skipped {}: {}", path.display(), io_reason(&e)));
            return;
        }
    };
    let found = input::walk(path, seen, warnings);
    let before = files.len();
    for file in found {
        // A file named on the command line is judged by the name given.
        let ext = if meta.is_dir() {
            file.extension().map(|e| e.to_string_lossy().to_lowercase())
        } else {
            path.extension().map(|e| e.to_string_lossy().to_lowercase())
        };
        match ext.as_deref() {
            None | Some("md" | "markdown" | "txt" | "text") => files.push(file),
            Some(other) => warnings.push(format!(
                "skipped {}: .{other} is not a study document (.md, .markdown, .txt)",
                file.display()
            )),
        }
    }
    if meta.is_dir() && files.len() == before {
        warnings.push(format!(
            "{}: no study documents in this directory",
            path.display()
        ));
    }
}

/// The text of a document, and a note when it had to be decoded lossily.
fn read_document(path: &Path, max_mb: u64) -> Result<(String, Option<String>), String> {
    let mut bytes = input::read_regular(path, max_mb).map_err(|e| e.to_string())?;
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
