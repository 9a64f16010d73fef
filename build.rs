//! Writes the list of common misspellings the compiler puts right (from
//! the `typos` project's `typos-dict`) as one text of sorted
//! `misspelling\tcorrection` lines and a table of where each line starts:
//! plain numbers, which the binary loads without relocating them.

use std::fmt::Write as _;
use std::path::PathBuf;

/// The fewest letters of a misspelling kept (the compiler's own rule).
const MIN_LETTERS: usize = 6;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let lower = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase());
    let mut pairs: Vec<(String, &str)> = typos_dict::WORD
        .map
        .entries()
        .filter_map(|(typo, right)| {
            let typo = typo.into_inner().to_ascii_lowercase();
            // One correction only: "regulary" may be "regular" or
            // "regularly".
            let [right] = right else { return None };
            (typo.len() >= MIN_LETTERS && lower(&typo) && lower(right)).then_some((typo, *right))
        })
        .collect();
    pairs.sort_unstable();
    pairs.dedup_by(|a, b| a.0 == b.0);
    let mut text = String::new();
    let mut starts = String::new();
    for (typo, right) in &pairs {
        write!(starts, "{},", text.len()).expect("write to a string");
        writeln!(text, "{typo}\t{right}").expect("write to a string");
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("misspellings.txt"), &text).expect("write misspellings.txt");
    let table = format!(
        "/// Where each line of [`TEXT`] starts.\npub(super) static STARTS: [u32; {}] = [{starts}];\n",
        pairs.len()
    );
    std::fs::write(out.join("misspellings.rs"), table).expect("write misspellings.rs");
}
