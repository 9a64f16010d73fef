//! Which kind of document a text is, from its content alone.

use super::document::DocKind;
use super::read::{noise, questions};
use regex::Regex;
use std::sync::LazyLock;

/// "9 min, 40 sec read" inside a byline ("By … | Updated … | 9 min read").
static READ_IN_BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b\d+ ?min(?:ute)?s?(?:,? \d+ ?sec(?:ond)?s?)? read\b").expect("valid pattern")
});

/// Tells the kind of a document from its content (never its name).
pub fn detect(text: &str) -> DocKind {
    let mut headings = 0usize;
    let mut table_rules = 0usize;
    let mut bold = 0usize;
    let mut bullets = 0usize;
    let mut long_lines = 0usize;
    let mut nonblank = 0usize;
    // "SECTION 3. KEY TERMS": a guide's headings; web essays set theirs in
    // Title Case.
    let mut shouted = 0usize;
    // Words in all lines, and in lines of 30 words or more (an essay's
    // paragraphs); lines wrapped mid-sentence (a hard-wrapped text).
    let (mut all_words, mut long_words, mut wrapped) = (0usize, 0usize, 0usize);
    let mut lines = text.lines().take(5_000).peekable();
    while let Some(line) = lines.next() {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        let n = t.split_whitespace().count();
        all_words += n;
        if n >= 30 {
            long_words += n;
        }
        if n >= 8
            && !t.ends_with(['.', ':', '?', '!', ';'])
            && lines.peek().is_some_and(|next| {
                // "b) agreeing a plan" is an item, not a wrapped line.
                let first = next.split_whitespace().next().unwrap_or("");
                first.starts_with(char::is_lowercase) && !first.ends_with([')', '.'])
            })
        {
            wrapped += 1;
        }
        nonblank += 1;
        if is_md_heading(t) {
            headings += 1;
        } else if is_table_rule(t) {
            table_rules += 1;
        }
        if t.contains("**") || t.contains("__") {
            bold += 1;
        }
        if t.starts_with("- ") || t.starts_with("* ") || t.starts_with("• ") {
            bullets += 1;
        }
        if t.split_whitespace().nth(60).is_some() {
            long_lines += 1;
        }
        if is_shouted_heading(t, n) {
            shouted += 1;
        }
    }
    // One answer key or one line of interface text makes e-learning: the
    // patterns run only when the document is not Markdown, and only until
    // the first such line. A guide in shouted sections may key its own
    // quiz ("Answers: a) … b) …"): only interface text makes it a page.
    let e_learning = || {
        text.lines().take(5_000).map(str::trim).any(|t| {
            !t.is_empty()
                && (shouted < 5 && questions::answer_key(t).is_some()
                    || noise::noise_reason(t) == Some(noise::NoiseReason::Interface)
                        && !noise::is_page_counter(t))
        })
    };
    let reading_time = || {
        text.lines()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .take(15)
            .any(|t| {
                noise::noise_reason(t) == Some(noise::NoiseReason::ReadingTime)
                    || t.contains(" read") && READ_IN_BYLINE.is_match(t)
            })
    };
    let tables_and_headings = headings + table_rules;
    if headings >= 2 || (tables_and_headings >= 1 && bold >= 2) || bold >= 4 {
        DocKind::Markdown
    } else if tables_and_headings >= 2 && !e_learning() {
        // Pipe tables without headings or bold: a sheet still, unless the
        // page's buttons say it was saved from a course (its tables are
        // read there too).
        DocKind::Markdown
    } else if shouted >= 5 && reading_time() {
        // "⚖️ THE LAW AND GUIDANCE": a guide's headings in capitals, even
        // when its site prints a reading time in the header.
        DocKind::StudyGuide
    } else if reading_time() {
        // "4 min, 35 sec read": an essay site's header, whatever the
        // lists, short lines and buttons of its page.
        DocKind::Essay
    } else if e_learning() {
        DocKind::ELearning
    } else if bullets >= 4 && bullets * 5 >= nonblank || shouted >= 5 {
        DocKind::StudyGuide
    } else if long_words * 10 < all_words * 6 && wrapped < 3 {
        // Mostly short lines, each whole: a guide's entries, not an
        // essay's paragraphs.
        DocKind::StudyGuide
    } else if long_lines >= 1 || nonblank > 0 {
        DocKind::Essay
    } else {
        DocKind::StudyGuide
    }
}

/// A heading in capitals of 2 to 10 words ("SECTION 4. THE LAW").
fn is_shouted_heading(t: &str, words: usize) -> bool {
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    let upper = t.chars().filter(|c| c.is_uppercase()).count();
    (2..=10).contains(&words) && letters >= 6 && upper * 10 >= letters * 9
}

/// The rule under a Markdown table's header, `|---|:--:|`: as sure a sign
/// of Markdown as a heading.
pub(crate) fn is_table_rule(t: &str) -> bool {
    // Most lines fail the first test at their first character.
    t.bytes()
        .all(|b| matches!(b, b'|' | b'-' | b':' | b' ' | b'\t'))
        && t.contains('|')
        && t.bytes().filter(|&b| b == b'-').count() >= 3
}

pub(crate) fn is_md_heading(t: &str) -> bool {
    let hashes = t.bytes().take_while(|&b| b == b'#').count();
    (1..=6).contains(&hashes) && t[hashes..].starts_with(' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_essay_sites_reading_time_beats_its_buttons() {
        let essay = "GardenHub\nPruning roses in winter\n4 min read\n\nRoses are pruned in late winter when the plants are dormant and the worst frosts have passed, so that new growth is not damaged.\n\nSelect each heading to find out more.\n";
        assert_eq!(detect(essay), DocKind::Essay);
    }

    #[test]
    fn a_course_page_with_pipe_tables_is_a_course_page() {
        let page = "Lesson 2 of 5: Watering\n\n| Plant | Water |\n|---|---|\n| Fern | Daily |\n\n| Tool | Use |\n|---|---|\n| Can | Seedlings |\n\nClick each card to turn it over.\n";
        assert_eq!(detect(page), DocKind::ELearning);
        let sheet = "Watering\n\n| Plant | Water |\n|---|---|\n| Fern | Daily |\n\n| Tool | Use |\n|---|---|\n| Can | Seedlings |\n";
        assert_eq!(detect(sheet), DocKind::Markdown);
    }

    #[test]
    fn a_guide_with_headings_in_capitals_stays_a_guide_despite_a_reading_time() {
        let guide = "Garden pests: study guide\n⏱ 12 min read   |   Progress: 2 of 6\n\n🐌 WHAT ARE SLUGS?\nSlugs eat seedlings at night.\n\n🌹 PRUNING ROSES\nPrune in late winter.\n\n🪴 POTTING ON\nUse fresh compost.\n\n💧 WATERING RULES\nWater the roots.\n\n✏️ QUICK QUIZ\n1. When are roses pruned?\n";
        assert_eq!(detect(guide), DocKind::StudyGuide);
    }

    #[test]
    fn a_reading_time_in_a_byline_makes_an_essay() {
        let essay = "Skip to main content\nGardenHub | Essays\nAccept all     Reject non-essential\nHome > Essays > Growing\nPruning Roses In Winter: Why And When\nBy Sam Reed | Updated 3 May 2025 | 6 min, 20 sec read    Download\n\nRoses are pruned in late winter when the plants are dormant and the worst frosts have passed, so that new growth is not damaged.\n\nSelect each heading to find out more.\n";
        assert_eq!(detect(essay), DocKind::Essay);
    }

    #[test]
    fn an_essay_sites_reading_time_makes_an_essay_of_a_listy_page() {
        let essay = "Roses in small gardens\n\nGardening\n4 min read\n\n1. Introduction\n\nRoses suit small gardens.\n\n- Climbers\n- Ramblers\n- Shrubs\n- Patio roses\n\nShare this post:\n";
        assert_eq!(detect(essay), DocKind::Essay);
    }

    #[test]
    fn a_guide_with_headings_in_capitals_is_a_guide_whatever_its_long_lines() {
        let entry = format!(
            "Mulch – {}",
            "a layer spread on the soil to keep it moist ".repeat(4)
        );
        let guide = format!(
            "PRUNING AND MULCHING\nLearner Study Guide\n\nSECTION 1. INTRODUCTION\n{entry}\n\nSECTION 2. KEY TERMS\n{entry}\n{entry}\n\nSECTION 3. TOOLS\n{entry}\n\nSECTION 4. SUMMARY\n{entry}\n"
        );
        assert_eq!(detect(&guide), DocKind::StudyGuide);
        // Its case study may key its own questions.
        let keyed = format!("{guide}\nAnswers: a) Mulch in spring. b) Prune in winter.\n");
        assert_eq!(detect(&keyed), DocKind::StudyGuide);
        // An essay's headings are set in Title Case.
        let essay = guide
            .replace("SECTION", "Section")
            .replace("PRUNING AND MULCHING", "Pruning and mulching")
            .replace("INTRODUCTION", "Introduction")
            .replace("KEY TERMS", "Key terms")
            .replace("TOOLS", "Tools")
            .replace("SUMMARY", "Summary");
        assert_eq!(detect(&essay), DocKind::Essay);
    }

    #[test]
    fn detects_each_kind_from_content() {
        assert_eq!(
            detect("# Title\n\n## Part\n\n**Label:**\n- one\n"),
            DocKind::Markdown
        );
        assert_eq!(
            detect("Intro\nWhich of these?\n1, 2 and 3\nA\nB\nC\n"),
            DocKind::ELearning
        );
        assert_eq!(
            detect("Topic\n- a: b\n- c: d\n- e: f\nMore\n- g\n- h\n"),
            DocKind::StudyGuide
        );
        assert_eq!(
            detect("# Vital signs\n\n| Sign | Range |\n|---|:---:|\n| Pulse | 60 to 100 |\n"),
            DocKind::Markdown
        );
        // A printed guide numbers its pages too.
        assert_eq!(
            detect(
                "Pruning\n- Cut above a bud.\n- Use clean blades.\n- Burn diseased wood.\n- Prune in winter.\n     Page 3 of 8\n"
            ),
            DocKind::StudyGuide
        );
        let essay = format!("A Title\n\n{}\n", "word ".repeat(80));
        assert_eq!(detect(&essay), DocKind::Essay);
    }
}
