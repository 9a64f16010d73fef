//! What a document is about, as fronts name it, and the deck's name when
//! none is given.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use super::document;
use super::text::{self, Words};
use rustc_hash::FxHashMap;
use text::FUNCTION_WORDS as STOP;

/// What a document is about, as fronts name it ("food hygiene"):
/// its title when short, else its most repeated key phrase. The title is
/// the document's own when the body is about it; else the first line of the
/// opening that names the body's subject (a breadcrumb's last step, a
/// "Unit: …" line), never a provider's or site's name.
pub fn topic(doc: &document::Document, text: &str) -> String {
    // ("Supporting people with a learning disabilty": spelled right.)
    let subject = as_body_spells(&text::mend_spelling(&subject(doc, text)), text);
    // "mental capacity act" from a title in capitals: the law the body
    // names, with its year ("the Mental Capacity Act 2005").
    if text::norm(&subject).ends_with(" act") {
        let wanted = text::norm(subject.trim_start_matches("the "));
        let law = crate::compile::rules::laws_in(opening(text))
            .into_iter()
            .find(|law| text::norm(law).starts_with(&wanted));
        if let Some(law) = law {
            return format!("the {law}");
        }
    }
    // A title in capitals lost a law's capitals: the body spells the name
    // ("EQUALITY ACT 2010 AND …" → "Equality Act 2010 and …").
    if subject.bytes().any(|b| b.is_ascii_digit()) {
        let laws = crate::compile::rules::laws_in(opening(text));
        return with_names(subject, &laws);
    }
    subject
}

/// The first 20,000 bytes of `text` (at a character boundary): where a
/// document's subject is named.
fn opening(text: &str) -> &str {
    let mut end = text.len().min(20_000);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// `subject` spelled as the body spells it in mid-sentence: a title in
/// capitals, or a phrase counted in lower case, lost a name's capitals
/// ("vte" → "VTE", "huntington's disease" → "Huntington's disease").
/// The whole phrase is looked for first, then each word that is not a
/// function word; a spelling wins only when the body writes it most often
/// (and at least twice) after a word in lower case, and a word alone only
/// when the body never writes it in lower case there.
fn as_body_spells(subject: &str, text: &str) -> String {
    if subject.is_empty() {
        return String::new();
    }
    let body = opening(text);
    let lower = body.to_ascii_lowercase();
    // The spelling the body gives `phrase` most often in mid-sentence.
    // (`None` when no spelling is written often enough; else the best
    // spelling, how often the lower-case one is written, and whether
    // "the" mostly comes before the best.)
    let spelled = |phrase: &str| -> Option<(&str, usize, bool)> {
        let wanted = phrase.to_ascii_lowercase();
        // Each spelling's count, and how often "the" comes before it.
        let mut votes: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        for (at, _) in lower.match_indices(wanted.as_str()) {
            let after = at + wanted.len();
            let bounded = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
            if !bounded(lower[..at].chars().next_back()) || !bounded(lower[after..].chars().next())
            {
                continue;
            }
            // After a word in lower case ("people with Huntington's
            // disease"), not in a heading's Title Case ("Fire Safety"),
            // and not the start of a longer name ("End of Life Care
            // Strategy").
            let before = body[..at].trim_end_matches([' ', '\t']);
            let mid = before.len() < at
                && before.rsplit([' ', '\t', '\n']).next().is_some_and(|w| {
                    w.starts_with(char::is_lowercase) && !w.ends_with(['.', '!', '?', ':'])
                });
            let next_name = body[after..]
                .strip_prefix(' ')
                .and_then(|rest| rest.chars().next())
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
            // (Nor a title's line: "Helping People With a Green Thumb".)
            let line_start = body[..at].rfind('\n').map_or(0, |i| i + 1);
            let line_end = body[after..].find('\n').map_or(body.len(), |i| after + i);
            let long: Vec<&str> = body[line_start..line_end]
                .split_whitespace()
                .filter(|w| w.len() >= 4)
                .collect();
            let title_line = long.len() >= 3
                && long
                    .iter()
                    .filter(|w| w.starts_with(char::is_uppercase))
                    .count()
                    * 5
                    >= long.len() * 3;
            if mid && !next_name && !title_line {
                let vote = votes.entry(&body[at..after]).or_default();
                vote.0 += 1;
                vote.1 += usize::from(before.to_ascii_lowercase().ends_with(" the"));
            }
        }
        let (best, (n, the)) = votes
            .iter()
            .max_by_key(|(spelling, (n, _))| (*n, std::cmp::Reverse(**spelling)))?;
        let in_lower_case = votes.get(wanted.as_str()).map_or(0, |v| v.0);
        // (Once is enough for a name of several words the body never
        // writes in lower case.)
        let enough = *n >= 2 || in_lower_case == 0 && wanted.contains(' ');
        enough.then_some((*best, in_lower_case, the * 2 > *n))
    };
    if let Some((whole, _, the)) = spelled(subject) {
        return if whole == subject.to_ascii_lowercase() {
            subject.to_string()
        } else if the && whole.starts_with(char::is_uppercase) {
            // A name the body writes after "the": "the Care Certificate".
            format!("the {whole}")
        } else {
            whole.to_string()
        };
    }
    subject
        .split(' ')
        .map(|w| {
            let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
            let lowered = bare.chars().all(|c| !c.is_uppercase());
            if bare.len() < 2 || !lowered || STOP.contains(bare) {
                return w.to_string();
            }
            // A word alone is a name only when the body never writes it
            // in lower case ("Health and Safety" is a name; "safety" is
            // a word).
            match spelled(bare) {
                Some((best, 0, _)) => w.replacen(bare, best, 1),
                _ => w.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `subject` with each of `names` spelled as given where it occurs
/// (ASCII case-blind).
fn with_names(mut subject: String, names: &[String]) -> String {
    for name in names {
        let at = subject
            .to_ascii_lowercase()
            .find(&name.to_ascii_lowercase());
        if let Some(at) = at
            && subject.is_char_boundary(at + name.len())
        {
            subject.replace_range(at..at + name.len(), name);
        }
    }
    subject
}

fn subject(doc: &document::Document, text: &str) -> String {
    let counts = word_counts(text);
    // A labelled line of the opening ("Unit: …", a breadcrumb) names the
    // subject better than a header above it (a provider's name); the
    // document's own title needs only to be about the body in part (a
    // sheet names "prevention" once, in its title).
    let (labelled, plain) = opening_titles(text, &counts);
    // An essay's own title names it; its site's breadcrumb ends on the
    // site's category ("Essays > Information Management").
    let essay_title = (doc.kind == document::DocKind::Essay)
        .then(|| doc.title.as_deref().and_then(subject_of))
        .flatten()
        .filter(|s| names_body_in_part(s, &counts))
        .or_else(|| {
            (doc.kind == document::DocKind::Essay)
                .then(|| doc.title.as_deref().and_then(|t| question_name(t, &counts)))
                .flatten()
        });
    // "Care Practice Today" … "From new starter …: apprenticeships …"
    // over "By Dawn Okafor, …": the line over a byline is the title.
    // (A breadcrumb's last step names it better still.)
    let title = essay_title
        .or(labelled)
        .or_else(|| {
            byline_title_line(text)
                .and_then(subject_of)
                .filter(|s| names_body_in_part(s, &counts))
        })
        .or_else(|| {
            doc.title
                .as_deref()
                .and_then(subject_of)
                .filter(|s| names_body_in_part(s, &counts))
        })
        .or(plain)
        // A page saved as Markdown with its title as a plain line among
        // the site's furniture ("Opening the Garden Door: Gardens and …").
        .or_else(|| {
            (doc.kind == document::DocKind::Markdown && doc.title.is_none())
                .then(|| title_case_opening(text))
                .flatten()
                .filter(|l| l.contains(": "))
                .and_then(subject_of)
                .filter(|s| names_body_in_part(s, &counts))
        });
    let phrase = key_phrase(text);
    // "Supporting people who hoard" → "people who hoard": the audience, not
    // the subject; the phrase the body repeats ("hoarding disorder") is.
    let audience = |t: &String| {
        let n = text::norm(t);
        [
            "people ",
            "person ",
            "adults ",
            "residents ",
            "older people ",
            "someone ",
        ]
        .iter()
        .any(|p| n.starts_with(p))
    };
    let title = match (title, &phrase) {
        (Some(t), Some(p)) if audience(&t) && p.contains(' ') => Some(p.clone()),
        (title, _) => title,
    };
    if let Some(title) = &title {
        let title_norm = text::norm(title);
        let title_words: BTreeSet<&str> = title_norm.split(' ').collect();
        // A key phrase made of the title's words reads better in a
        // question ("food hygiene" for "Hygiene of food"), when it keeps
        // every word of the title that is not a function word: a phrase cut
        // from the title ("wound" of "wound dressing care") is not it.
        let content = title_words.iter().filter(|w| !STOP.contains(w)).count();
        // ("Agency staff" is not "agency": a phrase shorter than its title
        // drops a word the title chose.)
        if let Some(p) = &phrase
            && p.split(' ').all(|w| title_words.contains(w))
            && p.split(' ').filter(|w| !STOP.contains(w)).count() >= content
            && p.split(' ').count() >= title_words.len().min(2)
        {
            return p.clone();
        }
        return decapitalize_name(title);
    }
    // A frequent phrase names the subject only when the opening or a
    // heading names it too ("water" is frequent on a bathing page; the
    // page is not about water).
    let named = |p: &String| {
        let opening: String = text.chars().take(1500).collect::<String>().to_lowercase();
        text::contains_words(&opening, p)
            || doc
                .blocks
                .iter()
                .flat_map(|b| b.section.iter())
                .any(|h| text::contains_words(&h.to_lowercase(), p))
    };
    synopsis_subject(doc)
        .or_else(|| opening_synopsis(text))
        .or(phrase.filter(named))
        .or_else(|| {
            let title = doc.title.as_deref().filter(|t| !is_site_name(t))?;
            // (A whole long title is no subject to put on every front.)
            let subject = subject_of(title)
                .or_else(|| (text::words(title) <= 6).then(|| title.to_string()))?;
            Some(decapitalize_name(&subject))
        })
        .unwrap_or_default()
}

/// "By Sam Reed, head gardener | 4 min read": a byline names a person,
/// not "By the end of this page you will:".
pub(crate) fn is_byline(line: &str) -> bool {
    let t = line.trim();
    t.strip_prefix("By ")
        .is_some_and(|rest| rest.starts_with(char::is_uppercase))
        && !t.ends_with(['.', ':'])
}

/// The line over a byline ("By Sam Reed, head gardener | 4 min read") in
/// a page's opening: the article's title.
fn byline_title_line(text: &str) -> Option<&str> {
    let lines: Vec<&str> = text.lines().take(40).map(str::trim).collect();
    let byline = lines.iter().position(|t| is_byline(t))?;
    let title = lines[..byline]
        .iter()
        .rev()
        .find(|l| !l.is_empty())?
        .trim_start_matches('#')
        .trim();
    (text::words(title) <= 20
        && !title.ends_with('.')
        && !title.contains(" | ")
        && !title.contains(" > ")
        && !title.contains(" › "))
    .then_some(title)
}

/// The name a title's question asks about: "Should Allotments Allow
/// CCTV? …" → "CCTV", an acronym in the question the body repeats.
fn question_name(title: &str, counts: &FxHashMap<String, usize>) -> Option<String> {
    let (question, _) = title.split_once('?')?;
    question
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| {
            w.len() >= 2
                && w.chars().filter(|c| c.is_ascii_uppercase()).count() >= 2
                && !w.chars().any(char::is_lowercase)
        })
        .find(|w| counts.get(&w.to_lowercase()).is_some_and(|&n| n >= 3))
        .map(str::to_string)
}

/// The first line of a page's opening set in Title Case like a title:
/// four to twenty words, most long ones capitalised, and none of a
/// menu's, a breadcrumb's or a byline's marks.
fn title_case_opening(text: &str) -> Option<&str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(15)
        .skip(1)
        .find(|l| {
            let words: Vec<&str> = l.split_whitespace().collect();
            let long: Vec<&&str> = words.iter().filter(|w| w.chars().count() >= 4).collect();
            let capitalised = long
                .iter()
                .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
                .count();
            (4..=20).contains(&words.len())
                && !long.is_empty()
                && capitalised * 10 >= long.len() * 8
                && l.chars().any(char::is_lowercase)
                && !l.ends_with(['.', '…'])
                && !l.starts_with(['#', '[', '|', '>'])
                && ![" | ", " > ", " › ", " » ", "·", "By ", "Skip ", "©"]
                    .iter()
                    .any(|m| l.contains(m))
                && !is_site_name(words[0])
                // A title's joints ("Gardens and Outdoor Access for …"); a
                // menu bar ("Resources Glossary Help Exit Course") has none.
                && (l.contains(": ")
                    || words
                        .iter()
                        .any(|w| ["and", "for", "of", "in", "the", "to", "with", "at"].contains(w)))
                && !words.iter().any(|w| {
                    ["Menu", "Help", "Exit", "Login", "Log", "Search", "Glossary"]
                        .contains(w)
                })
        })
}

/// Common words no topic is made of ("after", "should", "your"), beside
/// the function words.
static COMMON: Words = Words::new(&[
    "after", "before", "about", "which", "when", "what", "who", "where", "why", "how", "there",
    "they", "them", "you", "your", "we", "our", "can", "will", "should", "must", "may", "more",
    "most", "also", "all", "any", "each", "every", "other", "some", "such", "only", "just", "no",
    "do", "does", "did", "out", "up", "over", "under", "between", "during", "these", "those",
    "here", "then", "very", "one", "two", "three", "page", "next", "back", "select", "click",
    "module", "progress", "complete",
]);

/// How often each word (lower case) occurs in the text.
fn word_counts(text: &str) -> FxHashMap<String, usize> {
    let mut counts: FxHashMap<String, usize> = FxHashMap::default();
    for w in text
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .take(20_000)
    {
        *counts.entry(w.to_lowercase()).or_default() += 1;
    }
    counts
}

/// Whether a subject names what the body is about: each of its words that
/// is neither a function word nor a generic one recurs, a plural counting
/// for its singular (a provider's name, "Northfield Training Centre", is
/// in the header only).
fn names_body(subject: &str, counts: &FxHashMap<String, usize>) -> bool {
    least_count(subject, counts).is_some_and(|n| n >= 3)
}

/// Whether any of a subject's own words recurs in the text.
fn names_body_in_part(subject: &str, counts: &FxHashMap<String, usize>) -> bool {
    let norm = text::norm(subject);
    let own: Vec<&str> = norm
        .split(' ')
        .filter(|w| w.len() >= 3 && !STOP.contains(w) && !GENERIC.contains(w))
        .collect();
    let recurring = own
        .iter()
        .filter(|w| counts.get(**w).copied().unwrap_or(0) >= 3)
        .count();
    recurring > 0
}

/// How often the rarest of a subject's own words (neither a function word
/// nor a generic one) occurs; `None` when it has none.
fn least_count(subject: &str, counts: &FxHashMap<String, usize>) -> Option<usize> {
    let norm = text::norm(subject);
    let one = |w: &str| counts.get(w).copied().unwrap_or(0);
    // "Managing" is named by "manage", "manages", "managed" too.
    let count = |w: &str| {
        let forms = one(w) + one(&format!("{w}s"));
        match w.strip_suffix("ing").filter(|stem| stem.len() >= 3) {
            Some(stem) => {
                forms
                    + one(stem)
                    + one(&format!("{stem}e"))
                    + one(&format!("{stem}es"))
                    + one(&format!("{stem}ed"))
                    + one(&format!("{stem}s"))
            }
            None => forms,
        }
    };
    norm.split(' ')
        .filter(|w| w.len() >= 3 && !STOP.contains(w) && !GENERIC.contains(w))
        .map(count)
        .min()
}

/// The subject a title line names, cleaned: no Markdown marks, no
/// parenthesis, no unit number or document-kind words ("Study guide:",
/// "revision notes", "Lesson 2:"), no subtitle when the whole is long, no
/// leading instruction verb and no trailing setting ("in a care home");
/// `None` unless one to five words are left.
pub(crate) fn subject_of(line: &str) -> Option<String> {
    // "Home › Practice › Activities & Wellbeing › Beyond bingo": when the
    // last step names no subject (a slogan), the step before it does.
    subject_of_line(line).or_else(|| {
        let cut = line.rfind(['>', '›', '»'])?;
        let head = &line[..cut];
        head.contains(['>', '›', '»'])
            .then(|| subject_of_line(head))
            .flatten()
    })
}

fn subject_of_line(line: &str) -> Option<String> {
    // "Module 3 of 4 | Page 1 of 9": a counter names no subject; "Lesson 4
    // of 7: Using hoists safely" names one after its colon.
    // ("Module 6 of 8 – Pruning roses": after a dash too.)
    if text::has_counter(line) {
        return [": ", " – ", " - ", " — "]
            .iter()
            .find_map(|sep| line.split_once(sep))
            .filter(|(head, tail)| text::has_counter(head) && !text::has_counter(tail))
            .and_then(|(_, tail)| subject_of(tail));
    }
    // "Gardening  ,  Tools": a page's tags, a space before each comma as
    // no sentence writes it.
    if line.contains(" , ") {
        return None;
    }
    // "CONTENTS: 1 Introduction | 2 Key terms | …": a table of contents
    // lists the body's sections, none of which is the subject.
    if text::norm(line).starts_with("contents")
        || line.matches(" | ").count() >= 2
            && line
                .split(" | ")
                .filter(|s| s.trim().starts_with(|c: char| c.is_ascii_digit()))
                .count()
                * 2
                >= line.matches(" | ").count()
    {
        return None;
    }
    let mut line = line.trim().trim_start_matches('#').replace("**", "");
    while let Some(open) = line.find('(') {
        let close = line[open..].find(')').map_or(line.len(), |c| open + c + 1);
        line.replace_range(open..close, "");
    }
    // A breadcrumb's last step that names a subject ("Home > Courses >
    // Food hygiene", "… | Food hygiene | Module 1": not "Module 1").
    let steps: Vec<&str> = if line.contains(" > ") {
        line.split(" > ").collect()
    } else if line.contains(" › ") || line.contains(" » ") {
        line.split(['›', '»']).collect()
    } else if line.matches(" | ").count() >= 2 {
        // "Home | Free Essays | Nursing | Blog | Order Custom Essay": a
        // site's menu from its home page, side by side, not a path into
        // one subject.
        let steps: Vec<&str> = line.split(" | ").collect();
        if steps.len() >= 4 && text::norm(steps[0]) == "home" {
            return None;
        }
        steps
    } else {
        vec![line.as_str()]
    };
    // "Adult Care Programme", "Study Guide 14", "Northgate Skills
    // Academy": the provider's places, not the subject.
    let provider = |s: &str| {
        let n = text::norm(s);
        n.split(' ').any(|w| {
            [
                "programme",
                "program",
                "diploma",
                "academy",
                "college",
                "training",
                "skills",
                "award",
                "qualification",
                "workbook",
                "handbook",
                "ltd",
                "limited",
            ]
            .contains(&w)
        }) || n.contains("study guide")
            || n.contains("learner guide")
            // "For learner use only", "Version 2.3": the document's record.
            || n.starts_with("for ")
            || n.starts_with("version ")
    };
    let step = steps
        .iter()
        .rev()
        .map(|s| s.trim())
        .filter(|s| steps.len() == 1 || !provider(s))
        // ("… › Revision Notes": a kind of page, not its subject.)
        .filter(|s| {
            steps.len() == 1
                || !text::norm(s)
                    .split(' ')
                    .all(|w| KIND_WORDS.contains(w) || w.chars().all(|c| c.is_ascii_digit()))
        })
        .find(|s| {
            // "Module 1", "My courses", "Help": a place in the site.
            text::norm(s).split(' ').any(|w| {
                w.chars().any(char::is_alphabetic)
                    && !w.chars().any(|c| c.is_ascii_digit())
                    && ![
                        "module",
                        "unit",
                        "lesson",
                        "page",
                        "section",
                        "part",
                        "chapter",
                        "topic",
                        "course",
                        "courses",
                        "my",
                        "home",
                        "menu",
                        "level",
                        "of",
                        "help",
                        "dashboard",
                        "log",
                        "out",
                        "in",
                        "certificates",
                        "profile",
                        "settings",
                        "search",
                        "contact",
                        "account",
                        "learning",
                        "online",
                        "sign",
                        "register",
                        "basket",
                        "cart",
                        "faq",
                        "about",
                        "news",
                        "resources",
                        "library",
                        "messages",
                        "notifications",
                        // A site's section for a kind of page.
                        "essays",
                        "essay",
                        "articles",
                        "article",
                        "blog",
                        "posts",
                        "examples",
                    ]
                    .contains(&w)
            })
        });
    // A menu of the site's own places names no subject.
    let line = match step {
        Some(step) => step.to_string(),
        None if steps.len() > 1 => return None,
        None => line.trim().to_string(),
    };
    // ("14.3 Polypharmacy": a breadcrumb's section number is no word of
    // the subject.)
    let mut subject = strip_kind_words(&title_subject(text::strip_outline_number(&line)));
    if text::words(&subject) > 5
        && let Some((head, tail)) = subject.split_once(": ")
    {
        // "UNIT 9: SKIN TEARS AND …", "Study guide: The …": the label is
        // no subject, the rest is.
        let label_only = text::norm(head).split(' ').all(|w| {
            KIND_WORDS.contains(w)
                || w.chars().all(|c| c.is_ascii_digit())
                || [
                    "unit", "module", "lesson", "topic", "section", "part", "chapter", "element",
                ]
                .contains(&w)
        });
        // "Opening the Garden Door: Gardens and Outdoor Access …": a
        // head phrased as a slogan (a gerund, a preposition, a question)
        // names no subject; the rest does.
        // ("Visiting and Contact in Care Homes: …" names its subject;
        // "Opening the Garden Door", a gerund and its article, does not.)
        let ws: Vec<String> = head.split_whitespace().map(str::to_lowercase).collect();
        // ("Low beds versus bed rails: restraint-free night care": a
        // debate's sides; the rest names the subject.)
        // ("From new starter to registered manager: apprenticeships …": a
        // journey's ends, likewise.)
        // ("\"Please listen to us\": what the training asks": a quotation.)
        let quoted =
            head.starts_with(['"', '“', '‘', '\'']) && head.ends_with(['"', '”', '’', '\'']);
        let slogan = quoted
            || ws.len() >= 2 && ws[0] == "beyond"
            || ws.len() >= 4 && ws[0] == "from" && ws.contains(&"to".to_string())
            || ws.iter().any(|w| w == "versus" || w == "vs")
            || ws.len() >= 3
                && (head.contains('?')
                    || ws[0].len() > 4
                        && ws[0].ends_with("ing")
                        && ["the", "a", "an", "your", "our", "their"].contains(&ws[1].as_str()));
        subject = if label_only || slogan { tail } else { head }
            .trim()
            .to_string();
    }
    // "Positive Behaviour Support for people with learning disabilities
    // and autistic people": a long title's audience after "for".
    // ("Sun Safety and Skin Cancer Awareness for Care Workers": without
    // the course's own word.)
    if text::words(&subject) > 6
        // (" FOR " in a title in capitals.)
        && let Some(at) = subject.to_ascii_lowercase().find(" for ")
        && let head = &subject[..at]
        && let head = without_kind_word_at_end(head.trim())
        && (2..=5).contains(&text::words(head))
    {
        subject = head.to_string();
        // ("Blight & caring for a garden after …": "for" is the activity's;
        // the subject is the name before it.)
        let ws: Vec<&str> = subject.split_whitespace().collect();
        if let [name @ .., join, gerund] = ws.as_slice()
            && !name.is_empty()
            && ["&", "and"].contains(join)
            && gerund.len() > 4
            && gerund.to_lowercase().ends_with("ing")
        {
            subject = name.join(" ");
        }
    }
    // "Foot, hand & nail care – older people and people with diabetes":
    // a long title's subtitle after a dash.
    if text::words(&subject) > 6
        && let Some((head, _)) = subject
            .split_once(" – ")
            .or_else(|| subject.split_once(" - "))
        && (1..=6).contains(&text::words(head))
    {
        subject = head.trim().to_string();
    }
    let subject = strip_setting(&noun_title(&text::sentence_case(&subject)));
    // A provider's name ("Greenfield College") is the page's, not its
    // subject; so is a qualification's level ("Level 3 Garden Care").
    let normed = text::norm(&subject);
    let level = normed.strip_prefix("level").map(str::trim_start);
    if level.is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
        || normed.split(' ').any(|w| {
            [
                "college",
                "academy",
                "university",
                "institute",
                "ltd",
                "limited",
                "plc",
            ]
            .contains(&w)
        })
    {
        return None;
    }
    let subject = subject.trim_matches(|c: char| !c.is_alphanumeric());
    // "GardenHub", "Gardeners.co.uk": a site's name, one word in two
    // capitals or an address; "Beyond bingo", a slogan.
    if is_site_name(subject) || text::norm(subject).starts_with("beyond ") {
        return None;
    }
    let subject = match subject.split_once(' ') {
        Some((the, rest)) if the.eq_ignore_ascii_case("the") => text::capitalize(rest),
        _ => subject.to_string(),
    };
    // "Pruning fruit trees and training climbing roses": a long pair is
    // named by its first part (not a law's name: "… and … Act").
    // ("… And …" in a Title Case title too.)
    let split_and = |s: &str| -> Option<(String, String)> {
        let at = s.to_ascii_lowercase().find(" and ")?;
        Some((s[..at].to_string(), s[at + 5..].to_string()))
    };
    let subject = match split_and(&subject) {
        // "Fatigue, shift work and wellbeing of care workers": a list
        // keeps its last item, without what it is of.
        Some((head, tail))
            if text::words(&subject) > 6
                && head.contains(',')
                && let Some(last) = tail
                    .to_ascii_lowercase()
                    .split(" of ")
                    .next()
                    .map(|l| l.trim().trim_start_matches("the ").to_string())
                && (1..=2).contains(&text::words(&last))
                && !crate::compile::rules::ACT.is_match(&subject) =>
        {
            let tail = tail.trim();
            let tail = tail
                .strip_prefix("the ")
                .or_else(|| tail.strip_prefix("The "))
                .unwrap_or(tail);
            format!("{} and {}", head.trim(), tail[..last.len()].trim())
        }
        // (Not "Low beds, sensors": a list cut short.)
        Some((head, tail))
            if text::words(&subject) > 6
                && (2..=5).contains(&text::words(&head))
                && !head.contains(',')
                && text::words(&tail) >= 2
                && !crate::compile::rules::ACT.is_match(&subject) =>
        {
            head.trim().to_string()
        }
        // "Seed and Plug Plants and Watering In Cold Frames": a one-word
        // head shares its noun with the next part ("seed and plug plants").
        Some((head, tail))
            if text::words(&subject) > 6
                && text::words(&head) == 1
                && !crate::compile::rules::ACT.is_match(&subject) =>
        {
            match split_and(&tail) {
                Some((second, rest))
                    if (1..=4).contains(&text::words(&second)) && text::words(&rest) >= 2 =>
                {
                    format!("{} and {}", head.trim(), second.trim())
                }
                _ => subject,
            }
        }
        _ => subject,
    };
    // ("Agency staff in care homes and …": the setting of the part kept.)
    let subject = strip_setting(&subject);
    let subject = of_subject(&subject).unwrap_or(subject);
    // "What actually gets men involved": a question's clause, no subject.
    let clause = text::norm(&subject).split(' ').next().is_some_and(|w| {
        [
            "what", "how", "why", "when", "where", "who", "which", "should", "can", "do", "does",
            "is", "are",
        ]
        .contains(&w)
    });
    let field = is_field(&subject);
    ((1..=6).contains(&text::words(&subject)) && !field && !clause).then_some(subject)
}

/// "Adult Care", "Health and Social Care": the field, not a subject.
pub(crate) fn is_field(s: &str) -> bool {
    text::norm(s)
        .split(' ')
        .all(|w| STOP.contains(w) || GENERIC.contains(w) || SETTINGS.contains(w))
}

/// A title still too long to be a subject, split at its "of": "Safe use
/// of bed pans, urinals and commodes" says what the page does with its
/// subject before "of" (the part after it is the subject), "Seasonal
/// pruning of apple trees in small gardens" names its subject before "of".
fn of_subject(title: &str) -> Option<String> {
    if text::words(title) <= 6 {
        return None;
    }
    let at = title.to_ascii_lowercase().find(" of ")?;
    let (head, tail) = (&title[..at], &title[at + 4..]);
    // (In Title Case too: "The Role Of The Key Worker In Care Homes".)
    let tail = strip_setting(&text::sentence_case(tail));
    let tail = tail
        .strip_prefix("the ")
        .or_else(|| tail.strip_prefix("The "))
        .unwrap_or(&tail);
    let aspect = text::norm(head).split(' ').all(|w| {
        STOP.contains(w)
            || [
                "safe",
                "safely",
                "safer",
                "use",
                "using",
                "role",
                "importance",
                "principles",
                "introduction",
                "overview",
                "basics",
                "essentials",
                "management",
                "handling",
                "good",
                "effective",
                "practice",
                "care",
            ]
            .contains(&w)
    });
    if aspect && (2..=6).contains(&text::words(tail)) {
        Some(text::capitalize(tail.trim()))
    } else if !aspect && (2..=3).contains(&text::words(head)) {
        Some(head.trim().to_string())
    } else {
        None
    }
}

/// "GardenHub", "Gardeners.co.uk": a site's name, one word in two
/// capitals or an address.
pub(crate) fn is_site_name(s: &str) -> bool {
    s.split_whitespace().any(|w| {
        let lower = w.to_lowercase();
        [".co.uk", ".com", ".org", ".net", ".uk"]
            .iter()
            .any(|d| lower.contains(d))
    }) || !s.trim().contains(' ')
        && s.chars()
            .zip(s.chars().skip(1))
            .any(|(a, b)| a.is_lowercase() && b.is_uppercase())
}

/// A title without document-kind words at either end: "Medication
/// revision notes" → "Medication", "Module 4 Food hygiene" → "Food
/// hygiene".
/// Words that name a kind of document, not its subject.
static KIND_WORDS: Words = Words::new(&[
    "revision",
    "sheet",
    "notes",
    "guide",
    "study",
    "handout",
    "factsheet",
    "worksheet",
    "recap",
    "summary",
    "overview",
    "quiz",
    "e-learning",
    "elearning",
    "essay",
    "module",
    "unit",
    "lesson",
    "chapter",
    "workbook",
    "learner",
    "resource",
    "pack",
    // "Fire safety awareness", "Food hygiene essentials": what a course
    // is called, not its subject.
    "awareness",
    "essentials",
    "basics",
]);

/// A title without a document-kind word at its end ("… Awareness"), a
/// year kept ("… Act 1981").
fn without_kind_word_at_end(title: &str) -> &str {
    match title.rsplit_once(' ') {
        Some((head, last)) if KIND_WORDS.contains_lower(last) => head.trim_end(),
        _ => title,
    }
}

fn strip_kind_words(title: &str) -> String {
    let kind = |w: &&str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        w.is_empty() || w.bytes().all(|b| b.is_ascii_digit()) || KIND_WORDS.contains_lower(w)
    };
    let words: Vec<&str> = title.split_whitespace().collect();
    let start = words.iter().position(|w| !kind(w)).unwrap_or(words.len());
    let end = words
        .iter()
        .rposition(|w| !kind(w))
        .map_or(start, |e| e + 1);
    if start >= end {
        return title.to_string();
    }
    words[start..end].join(" ")
}

/// A subject without a trailing setting: "Foot care in a nursing home" →
/// "Foot care" (the setting is every document's).
/// Words of the places and people care is given in ("in adult care
/// services", "in later life").
static SETTINGS: Words = Words::new(&[
    "care", "home", "homes", "setting", "settings", "service", "services", "adult", "adults",
    "older", "elderly", "later", "life", "young", "children",
]);

fn strip_setting(subject: &str) -> String {
    let words: Vec<&str> = subject.split_whitespace().collect();
    if let Some(at) = words
        .iter()
        .rposition(|w| ["in", "within"].contains(&w.to_lowercase().as_str()))
        && at >= 2
        && words.len() - at <= 7
    {
        // Most of the words after "in" are the field's own ("in adult
        // care services", misspelt or not).
        let tail = &words[at + 1..];
        let common = tail
            .iter()
            .filter(|w| {
                let w = w.to_lowercase();
                STOP.contains(&w.as_str()) || GENERIC.contains(&w.as_str()) || SETTINGS.contains(&w)
            })
            .count();
        // (Half is enough: "in care settingss", misspelt.)
        if common * 2 >= tail.len() {
            return words[..at].join(" ");
        }
    }
    // "… for adult social care workers": the audience, not the subject.
    static AUDIENCE: Words = Words::new(&[
        "workers",
        "worker",
        "staff",
        "carers",
        "learners",
        "students",
        "practitioners",
        "professionals",
        "managers",
        "beginners",
        "everyone",
        "volunteers",
        "families",
        "parents",
        "visitors",
    ]);
    if let Some(at) = words.iter().rposition(|w| w.eq_ignore_ascii_case("for"))
        && at >= 2
        && words.len() - at <= 6
        && words.last().is_some_and(|w| AUDIENCE.contains_lower(w))
    {
        return words[..at].join(" ");
    }
    subject.to_string()
}

/// The titles a document names in its opening lines (up to its first
/// sentence or its table of contents): the first breadcrumb or labelled
/// line ("Unit: …", "Lesson 3: …", a Markdown title) whose subject the body
/// is about, and among the other short lines of two words or more, the one
/// the body is most about.
fn opening_titles(
    text: &str,
    counts: &FxHashMap<String, usize>,
) -> (Option<String>, Option<String>) {
    // An essay site's tag strip sits right above its reading time
    // ("Gardening  |  Pests  |  Roses" over "4 min read"): the site's
    // sections, not the page's subject.
    let tags: Vec<&str> = {
        let nonblank: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .take(40)
            .collect();
        nonblank
            .windows(2)
            .filter(|w| {
                crate::compile::read::noise::noise_reason(w[1])
                    == Some(crate::compile::read::noise::NoiseReason::ReadingTime)
            })
            .map(|w| w[0])
            .collect()
    };
    // The opening runs to the first sentence of the body; a long first
    // line is a page's preview, not its title.
    let mut lines = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.chars().all(|c| "=-_*#~".contains(c)))
        .filter(|l| !tags.contains(l))
        // "Search the site...": a search box, not the opening's end.
        .filter(|l| !(l.to_lowercase().starts_with("search") && l.ends_with(['.', '…'])))
        // A cookie notice or a button bar above the title is the site's.
        .filter(|l| {
            // ("Module 6 of 8 – Pruning roses" is a counter to the reader,
            // and the page's title here.)
            (crate::compile::read::noise::noise_reason(l).is_none()
                || text::has_counter(l) && subject_of(l).is_some())
                && !l.to_lowercase().contains("cookies")
        })
        .peekable();
    // (A site's bar of links is long too, and no preview.)
    if lines.peek().is_some_and(|l| {
        text::words(l) > 14
            && !l.contains(" > ")
            && !l.contains(" › ")
            && !l.contains(" » ")
            && l.matches(" | ").count() < 2
    }) {
        lines.next();
    }
    // The opening ends where the page starts a list: its outcomes ("Learning
    // outcomes", "By the end of this module you will be able to:") are
    // what the reader will do, not the page's title.
    let opening: Vec<&str> = lines
        .take(15)
        .take_while(|l| {
            !(crate::compile::read::is_reading_list(l.trim_end_matches(':'))
                || l.ends_with(':') && text::words(l) > 3)
        })
        .take_while(|l| {
            l.contains(" > ")
                || l.contains(" › ")
                || l.contains(" » ")
                || l.matches(" | ").count() >= 2
                || (text::words(l) <= 14
                    && !l.ends_with(['.', '?', '!'])
                    && !text::norm(l).ends_with("contents"))
        })
        .filter(|l| !l.ends_with(':'))
        .collect();
    // "Module 6 > Lesson 1 > How viruses spread": a breadcrumb ending on
    // a lesson names the lesson, one part of the page's subject; it
    // competes with the plain lines.
    let lesson_crumb = |l: &str| {
        let steps: Vec<String> = l.split(['>', '›', '»']).map(text::norm).collect();
        // ("… > Module 5: Equipment > Lesson 5.3": a crumb ending on a
        // lesson's number names only the module, as weak.)
        let bare_lesson = steps.last().is_some_and(|s| {
            let mut w = s.split(' ');
            matches!(
                w.next(),
                Some("lesson" | "page" | "section" | "part" | "screen" | "slide")
            ) && w.all(|n| n.chars().all(|c| c.is_ascii_digit()))
        });
        steps.len() >= 2 && bare_lesson
            || steps.len() >= 2
                && {
                    let mut w = steps[steps.len() - 2].split(' ');
                    matches!(
                        (w.next(), w.next(), w.next()),
                        (Some("lesson" | "page" | "section" | "part" | "screen" | "slide"), Some(n), None)
                            if n.chars().all(|c| c.is_ascii_digit())
                    )
                }
    };
    let strong = |l: &&str| {
        !lesson_crumb(l)
            && (l.contains(" > ")
                || l.contains(" › ")
                || l.contains(" » ")
                || l.matches(" | ").count() >= 2
                || (l.starts_with("# ") || l.starts_with("#\t"))
                || l.split_once(':').is_some_and(|(head, _)| {
                    // "Unit:", "Topic:", "Module 4:"; not "Links to:", "Type:",
                    // "Level:" (the sheet's own record).
                    let head = text::norm(&head.replace('*', ""));
                    (1..=3).contains(&text::words(&head))
                        && head.split(' ').all(|w| {
                            w.chars().all(|c| c.is_ascii_digit())
                                || [
                                    "unit",
                                    "topic",
                                    "module",
                                    "course",
                                    "subject",
                                    "title",
                                    "lesson",
                                    "element",
                                    "section",
                                    "chapter",
                                    "qualification",
                                    "area",
                                ]
                                .contains(&w)
                        })
                }))
    };
    // A breadcrumb ("Course > Module 3: …") names the page better than a
    // bar of links ("Academy | My courses | Help | Sign out"), which is
    // most often the site's menu.
    let bar = |l: &&&str| l.matches(" | ").count() >= 2 && !l.contains(" > ") && !l.contains(" › ");
    let strong_title = opening
        .iter()
        .filter(|l| strong(l) && !bar(l))
        .chain(opening.iter().filter(|l| strong(l) && bar(l)))
        .find_map(|l| subject_of(l).filter(|s| names_body(s, counts)));
    // Among plain short lines (a site's name, a course's, the page's), the
    // one whose words the body repeats most.
    // (Not a numbered line: a table of contents lists the body's headings.)
    // ("CARE PRACTICE WEEKLY" on a page with a breadcrumb: a masthead in
    // capitals is the magazine's name; the breadcrumb names the page.)
    let crumbs = opening
        .iter()
        .any(|l| l.contains(" > ") || l.contains(" › ") || l.contains(" » "));
    let masthead = |l: &str| {
        crumbs
            && text::words(l) <= 4
            && l.chars().any(char::is_alphabetic)
            && !l.chars().any(char::is_lowercase)
    };
    let plain = opening
        .iter()
        .filter(|l| !strong(l) && !l.starts_with(|c: char| c.is_ascii_digit()) && !masthead(l))
        .filter_map(|l| subject_of(l))
        .filter(|s| s.split_whitespace().count() >= 2 && names_body(s, counts))
        .max_by_key(|s| least_count(s, counts));
    (strong_title, plain)
}

/// The subject of the text's first line when it opens on a sentence that
/// names the topic (a page's preview: "Safe bathing of residents is …").
fn opening_synopsis(text: &str) -> Option<String> {
    let first = text.lines().find(|l| !l.trim().is_empty())?;
    synopsis_subject(&document::read(first))
}

/// A unit title as a subject ("Administer medication safely" →
/// "Medication"): without a leading instruction verb or a trailing adverb,
/// so that fronts read "In medication, …".
/// "Administer medication safely" → "Administer medication": the manner
/// words at a title's end go.
fn drop_trailing_adverbs(words: &mut Vec<&str>) {
    while words.len() > 1
        && words
            .last()
            .is_some_and(|w| w.to_lowercase().ends_with("ly"))
    {
        words.pop();
    }
}

pub(crate) fn noun_title(title: &str) -> String {
    static VERBS: Words = Words::new(&[
        "administer",
        "support",
        "promote",
        "understand",
        "work",
        "provide",
        "implement",
        "contribute",
        "develop",
        "manage",
        "move",
        "handle",
        "prepare",
        "assist",
        "maintain",
        "respond",
        "communicate",
        "plan",
        "use",
        "apply",
        "deliver",
        "ensure",
        "monitor",
        "review",
        "undertake",
        "recognise",
        "recognize",
        "recognising",
        "recognizing",
        "using",
        "identify",
        "identifying",
        "preventing",
        "reporting",
        "introduction",
        "supporting",
        "helping",
        "meeting",
        "responding",
        "providing",
        "delivering",
        "enabling",
        "assisting",
        "understanding",
        "promoting",
        "managing",
        "administering",
        "giving",
    ]);
    let mut words: Vec<&str> = title.split_whitespace().collect();
    // "Putting on and taking off PPE": activities with a particle ("on",
    // "off", "up") go; what they are done to stays.
    const PARTICLES: &[&str] = &["on", "off", "up", "out", "down", "away"];
    let mut cut = 0;
    while words.len() > cut + 2
        && words[cut].to_lowercase().ends_with("ing")
        && words[cut].len() > 4
        && PARTICLES.contains(&words[cut + 1].to_lowercase().as_str())
    {
        cut += 2;
        if words.len() > cut + 1 && words[cut].eq_ignore_ascii_case("and") {
            cut += 1;
        }
    }
    if cut > 0 && cut < words.len() && !words[cut].to_lowercase().ends_with("ing") {
        words.drain(..cut);
    }
    let verb = |w: &&str| VERBS.contains_lower(w);
    // "Supporting LGBTQ+ people in care services": the people are whom
    // the work is for, not what the terms belong to ("In LGBTQ+ people,
    // what is gender identity?" says what is not so), so the activity
    // stays.
    let group = words
        .iter()
        .skip(1)
        .take_while(|w| {
            // ("Preventing and managing aggression from people …": the
            // people are not whom the work is for.)
            ![
                "in", "at", "within", "across", "who", "with", "from", "and", "of", "to",
            ]
            .contains(&w.to_lowercase().as_str())
        })
        .last()
        .is_some_and(|w| {
            let w = w.to_lowercase();
            ["people", "adults", "residents", "patients", "men", "women", "families", "children"]
                .contains(&w.as_str())
                // "carers", "workers", "users", "learners"
                || (w.len() > 5 && w.ends_with("ers"))
        });
    if group
        && words.len() > 2
        && words[0].to_lowercase().ends_with("ing")
        && !GENERIC.contains_lower(words[1])
    {
        return text::capitalize(&words.join(" "));
    }
    if words.len() > 1 && words.first().is_some_and(verb) {
        let used = ["use", "using"].contains(&words[0].to_lowercase().as_str());
        words.remove(0);
        // "Using a nebuliser safely" → "Nebuliser use": one thing used is
        // no field to put "In …," before ("In a nebuliser, …").
        if used
            && words.len() >= 2
            && ["a", "an", "the"].contains(&words[0].to_lowercase().as_str())
        {
            words.remove(0);
            drop_trailing_adverbs(&mut words);
            let named = words.join(" ");
            return text::capitalize(&format!("{} use", named.to_lowercase()));
        }
        // "Move and position …": a second instruction verb.
        if words.len() > 2 && words[0].eq_ignore_ascii_case("and") {
            words.drain(..2);
        }
        if words
            .first()
            .is_some_and(|w| ["to", "of"].contains(&w.to_lowercase().as_str()))
        {
            words.remove(0);
        }
    }
    drop_trailing_adverbs(&mut words);
    // "Domestic abuse of adults": whom it happens to is the audience.
    if words.len() > 2
        && words[words.len() - 2].eq_ignore_ascii_case("of")
        && ["adults", "people", "residents", "patients", "individuals"]
            .contains(&words[words.len() - 1].to_lowercase().as_str())
    {
        words.truncate(words.len() - 2);
    }
    // "Individuals with diabetes" → "Diabetes": who is supported is not
    // the subject; what they live with is.
    if words.len() > 2 && GENERIC.contains_lower(words[0]) && words[1].eq_ignore_ascii_case("with")
    {
        // ("People with a stoma": one thing they live with stays theirs,
        // asked "For people with a stoma, …".)
        if words.len() == 4 && ["a", "an"].contains(&words[2].to_lowercase().as_str()) {
            return text::capitalize(&format!("people with {} {}", words[2], words[3]));
        }
        words.drain(..2);
        // ("People with a learning disability to have good health" →
        // "Learning disability": what they live with, without the article
        // or what they are helped to do.)
        if let Some(to) = words
            .iter()
            .skip(1)
            .position(|w| w.eq_ignore_ascii_case("to"))
        {
            words.truncate(to + 1);
        }
        if words.len() > 2 && ["a", "an"].contains(&words[0].to_lowercase().as_str()) {
            words.remove(0);
        }
    }
    // "People living with diabetes" → "Diabetes", likewise.
    if words.len() > 3
        && GENERIC.contains_lower(words[0])
        && words[1].eq_ignore_ascii_case("living")
        && words[2].eq_ignore_ascii_case("with")
    {
        words.drain(..3);
    }
    // "Individuals to manage their own money" → "Managing money": what
    // they are helped to do, as an activity.
    if words.len() > 2 && GENERIC.contains_lower(words[0]) && words[1].eq_ignore_ascii_case("to") {
        let verb = words[2].to_lowercase();
        let gerund = match verb.strip_suffix('e') {
            Some(stem) if !stem.ends_with('e') => format!("{stem}ing"),
            _ => format!("{verb}ing"),
        };
        let rest: Vec<&str> = words[3..]
            .iter()
            .copied()
            .filter(|w| !["their", "own", "his", "her", "its"].contains(&w.to_lowercase().as_str()))
            .collect();
        return text::capitalize(
            &[gerund.as_str()]
                .into_iter()
                .chain(rest)
                .collect::<Vec<_>>()
                .join(" "),
        );
    }
    text::capitalize(&words.join(" "))
}

/// The subject of a document's opening sentence when it names the topic
/// ("Infection prevention and control covers…"): two to four words before
/// the first verb, not a pronoun, not only generic words.
pub(crate) fn synopsis_subject(doc: &document::Document) -> Option<String> {
    static VERBS: Words = Words::new(&[
        "is",
        "are",
        "covers",
        "supports",
        "enables",
        "involves",
        "means",
        "explores",
        "describes",
        "refers",
        "focuses",
        "looks",
        "examines",
        "concerns",
        "sets",
        "protects",
        "aims",
        "ensures",
        "requires",
        "helps",
        "includes",
        "relates",
        "underpins",
        "applies",
    ]);
    let text = doc.blocks.iter().find_map(|b| match &b.body {
        document::Body::Paragraph(text) => Some(text),
        _ => None,
    })?;
    let first = text::sentences(text).into_iter().next()?;
    let words: Vec<&str> = first.split_whitespace().collect();
    let verb = words.iter().position(|w| VERBS.contains_lower(w))?;
    let mut subject = &words[..verb];
    // "Safe moving and handling of people is …" → "Safe moving and handling".
    if let Some(of) = subject.iter().position(|w| *w == "of")
        && of >= 2
    {
        subject = &subject[..of];
    }
    let lowered: Vec<String> = subject.iter().map(|w| text::norm(w)).collect();
    let generic = lowered
        .iter()
        .all(|w| GENERIC.contains(&w.as_str()) || STOP.contains(&w.as_str()));
    let pointing = [
        "this", "these", "it", "they", "your", "you", "there", "the", "a", "an",
    ]
    .contains(&lowered.first()?.as_str());
    let clean = subject
        .iter()
        .all(|w| w.chars().all(|c| c.is_alphanumeric() || c == '-'));
    ((2..=4).contains(&subject.len()) && !generic && !pointing && clean)
        .then(|| decapitalize_name(&subject.join(" ")))
}

/// What a title is about, without its unit number or the half that names
/// the kind of document: "Unit 9: Food hygiene" → "Food hygiene",
/// "Infection control: revision sheet" → "Infection control".
pub(crate) fn title_subject(title: &str) -> String {
    let title = strip_document_kind(title);
    let title = title.as_str();
    let lower = title.to_lowercase();
    for lead in [
        "unit", "module", "topic", "chapter", "lesson", "section", "week", "part",
    ] {
        if lower.starts_with(lead)
            && let Some((_, rest)) = title.split_once([':', '-', '–'])
            && text::words(rest) >= 1
        {
            return rest.trim().to_string();
        }
    }
    title.to_string()
}

/// A title without the half that only names the kind of document:
/// "Infection control: revision sheet" and "Quick quiz – Infection
/// control" are both about "Infection control".
pub(crate) fn strip_document_kind(title: &str) -> String {
    static KIND_WORDS: Words = Words::new(&[
        "revision",
        "sheet",
        "notes",
        "note",
        "guide",
        "study",
        "quiz",
        "quick",
        "summary",
        "check",
        "your",
        "understanding",
        "knowledge",
        "overview",
        "test",
        "self-test",
        "questions",
        "answers",
        "handout",
        "factsheet",
        "facts",
        "key",
        "points",
        "worksheet",
        "recap",
        "and",
        "level",
    ]);
    let is_kind = |side: &str| {
        side.split_whitespace().all(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
            w.is_empty() || w.bytes().all(|b| b.is_ascii_digit()) || KIND_WORDS.contains_lower(w)
        })
    };
    for sep in [": ", " - ", " – ", " — ", " | "] {
        if let Some((head, tail)) = title.split_once(sep) {
            let (head, tail) = (head.trim(), tail.trim());
            if text::words(head) >= 1 && text::words(tail) >= 1 {
                if is_kind(tail) {
                    return head.to_string();
                }
                if is_kind(head) {
                    return tail.to_string();
                }
            }
        }
    }
    title.to_string()
}

/// A name as it reads inside a sentence: "Infection Prevention and
/// Control" → "infection prevention and control" (acronyms kept).
pub(crate) fn decapitalize_name(s: &str) -> String {
    // A law keeps its name: "the Mental Health Act 1983".
    let laws = crate::compile::rules::laws_in(s.trim());
    if let [law] = laws.as_slice()
        && text::norm(law) == text::norm(s)
    {
        return format!("the {law}");
    }
    // A law inside a longer subject keeps its capitals too: "Equality Act
    // 2010 and reasonable adjustments".
    with_names(
        text::decapitalize(&crate::compile::rules::lower_title(s.trim())),
        &laws,
    )
}

/// Words too common in this field to make a topic on their own.
pub(crate) static GENERIC: Words = Words::new(&[
    "health",
    "social",
    "care",
    "individual",
    "individuals",
    "people",
    "person",
    "service",
    "services",
    "support",
    "work",
    "worker",
    "workers",
    "setting",
    "settings",
    "staff",
    "role",
    "good",
    "important",
    "different",
    "need",
    "needs",
    "also",
    "must",
    "should",
    "can",
    "may",
    "will",
    "one",
    "two",
    "three",
    "other",
    "all",
    "each",
    "your",
    "their",
    "they",
    "them",
    "you",
    "who",
    "what",
    "how",
    "which",
    "when",
    "there",
    "these",
    "those",
    "such",
    "more",
    "most",
    "well",
    "use",
    "using",
    "used",
    "key",
    "level",
    "way",
    "ways",
    "within",
    "between",
    "example",
    "e",
    "g",
    "i",
    "including",
]);

/// The document's most repeated phrase of two or three words that is
/// neither generic nor a name.
pub(crate) fn key_phrase(text: &str) -> Option<String> {
    /// A word of the document, interned: phrases are counted as tuples of
    /// these indexes, and only the few frequent ones are spelled out.
    struct Word<'a> {
        text: Cow<'a, str>,
        /// A function word or a generic one ("care", "support").
        weak: bool,
        stop: bool,
        digit: bool,
    }
    const NONE: u32 = u32::MAX;
    let mut index: FxHashMap<Cow<'_, str>, u32> = FxHashMap::default();
    let mut vocabulary: Vec<Word<'_>> = Vec::new();
    let words: Vec<u32> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .map(|w| w.trim_matches(['-', '\'']))
        .filter(|w| !w.is_empty())
        .take(20_000)
        .map(|w| {
            let lower = if w.chars().any(char::is_uppercase) {
                Cow::Owned(w.to_lowercase())
            } else {
                Cow::Borrowed(w)
            };
            if let Some(&id) = index.get(&lower) {
                return id;
            }
            let id = vocabulary.len() as u32;
            let stop = STOP.contains(lower.as_ref()) || COMMON.contains(lower.as_ref());
            vocabulary.push(Word {
                weak: stop || GENERIC.contains(lower.as_ref()),
                stop,
                digit: lower.chars().any(|c| c.is_ascii_digit()),
                text: lower.clone(),
            });
            index.insert(lower, id);
            id
        })
        .collect();
    let word = |id: u32| &vocabulary[id as usize];
    let spell = |phrase: &[u32; 3]| -> String {
        let mut out = String::new();
        for &id in phrase.iter().filter(|&&id| id != NONE) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&word(id).text);
        }
        out
    };
    // Phrases in the opening lines (title, synopsis) count double.
    let opening: String = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(2)
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let mut counts: FxHashMap<[u32; 3], usize> = FxHashMap::default();
    for n in 2..=3 {
        for window in words.windows(n) {
            if word(window[0]).stop || word(window[n - 1]).stop {
                continue;
            }
            if window.iter().all(|&w| word(w).weak) {
                continue;
            }
            if window.iter().any(|&w| word(w).digit) {
                continue;
            }
            if n == 3 && word(window[1]).stop && word(window[1]).text != "of" {
                continue;
            }
            let mut key = [NONE; 3];
            key[..n].copy_from_slice(window);
            *counts.entry(key).or_default() += 1;
        }
    }
    // The most repeated single word, for one-word topics ("consent").
    let mut single: FxHashMap<u32, usize> = FxHashMap::default();
    for &w in &words {
        let entry = word(w);
        if entry.text.len() >= 5 && !entry.weak {
            *single.entry(w).or_default() += 1;
        }
    }
    let top = single.iter().max_by(|a, b| {
        a.1.cmp(b.1)
            .then_with(|| word(*b.0).text.cmp(&word(*a.0).text))
    });
    if let Some((&top, &n)) = top
        && n >= 8
    {
        let best_with = counts
            .iter()
            .filter(|(p, _)| p.contains(&top))
            .map(|(_, c)| *c)
            .max()
            .unwrap_or(0);
        if best_with * 3 < n {
            return Some(word(top).text.to_string());
        }
    }
    // A phrase scores its count × (length + 1), doubled when the opening
    // lines hold it; the best score wins, and the first spelling among
    // equals. Spelling a phrase and looking for it in the opening cost
    // more than all the counting, so phrases go best base score first and
    // stop when even a doubled score can no longer reach the best (a tie
    // could still win on its spelling, so ties go on).
    let mut frequent: Vec<([u32; 3], usize)> = counts
        .into_iter()
        .filter(|(_, c)| *c >= 3)
        .map(|(p, c)| {
            let length = p.iter().filter(|&&id| id != NONE).count();
            (p, c * (length + 1))
        })
        .collect();
    frequent.sort_unstable_by_key(|&(_, base)| std::cmp::Reverse(base));
    let mut best: Option<(String, usize)> = None;
    for (p, base) in frequent {
        if best.as_ref().is_some_and(|(_, score)| base * 2 < *score) {
            break;
        }
        let phrase = spell(&p);
        let score = if opening.contains(phrase.as_str()) {
            base * 2
        } else {
            base
        };
        let wins = best
            .as_ref()
            .is_none_or(|(b, s)| score > *s || (score == *s && phrase < *b));
        if wins {
            best = Some((phrase, score));
        }
    }
    best.map(|(phrase, _)| phrase)
}

/// The deck's name when nothing names it.
pub(crate) const DEFAULT_DECK_NAME: &str = "Compiled deck";

/// The deck's name when none is given: the one document's title, or the
/// topic most documents share (`topics` holds each document's own, empty
/// when it has none).
pub(crate) fn default_name(topics: &[String], only_title: Option<&str>) -> String {
    if topics.len() == 1
        && let Some(title) = only_title
    {
        return text::capitalize(&text::sentence_case(&title_subject(title)));
    }
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for t in topics.iter().filter(|t| !t.is_empty()) {
        *counts.entry(t.as_str()).or_default() += 1;
    }
    // A topic names the deck only when the documents share it: most of
    // them (six documents on six topics are no deck about the first).
    counts
        .into_iter()
        .max_by_key(|(t, n)| (*n, std::cmp::Reverse(*t)))
        .filter(|(_, n)| topics.len() == 1 || (*n >= 2 && *n * 2 > topics.len()))
        .map(|(t, _)| title_case(t))
        .unwrap_or_else(|| DEFAULT_DECK_NAME.to_string())
}

pub(crate) fn title_case(s: &str) -> String {
    s.split_whitespace()
        .enumerate()
        .map(|(i, w)| {
            if i > 0 && STOP.contains(&w) {
                w.to_string()
            } else {
                text::capitalize(w)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_markdown_pages_plain_title_beats_its_slogan_and_its_frequent_word() {
        let text = "Why the shed door matters: for many growers the shed is the only dry place on the plot, yet too many\nSkip to main content\nGrowNotes   Home | News | Log in\nOpening the Shed Door: Sheds and Tool Care for Allotment Holders\nBy Sam Reed | 6 min read\n\n## Why sheds matter\n\nA shed keeps tools dry. Tool care starts in the shed: sheds with racks keep tool care simple.\n\n## Tool care\n\nOil the blades of every tool after use. Sheds and tool care go together on every plot.\n";
        let doc = crate::compile::document::read(text);
        assert_eq!(doc.kind, document::DocKind::Markdown);
        assert_eq!(topic(&doc, text), "sheds and tool care");
    }

    #[test]
    fn a_title_in_capitals_gives_a_law_back_its_capitals() {
        let laws = crate::compile::rules::laws_in("The Garden Boundaries Act 2001 limits hedges.");
        assert_eq!(
            with_names("garden boundaries act 2001 and hedge heights".into(), &laws),
            "Garden Boundaries Act 2001 and hedge heights"
        );
    }

    #[test]
    fn a_law_inside_a_subject_keeps_its_capitals() {
        assert_eq!(
            decapitalize_name("Garden Boundaries Act 2001 And Hedge Heights"),
            "Garden Boundaries Act 2001 and hedge heights"
        );
        assert_eq!(
            decapitalize_name("Garden Boundaries Act 2001"),
            "the Garden Boundaries Act 2001"
        );
    }

    #[test]
    fn a_unit_title_without_its_instruction_verb() {
        assert_eq!(noun_title("Using a Wheelbarrow Safely"), "Wheelbarrow use");
        assert_eq!(noun_title("Administer medication safely"), "Medication");
        assert_eq!(
            noun_title("Understand the role of the carer"),
            "The role of the carer"
        );
        assert_eq!(noun_title("Food hygiene"), "Food hygiene");
        assert_eq!(noun_title("People with a green thumb"), "Green thumb");
        assert_eq!(
            noun_title("People with a green thumb to grow more"),
            "Green thumb"
        );
        assert_eq!(noun_title("People with a shed"), "People with a shed");
        assert_eq!(
            noun_title("Preventing and managing damage from people with dogs"),
            "Damage from people with dogs"
        );
        assert_eq!(
            noun_title("Recognising and reporting theft of adults"),
            "Theft"
        );
        assert_eq!(noun_title("Slug damage of adults"), "Slug damage");
        assert_eq!(
            noun_title("Administering seed dressings and root dips"),
            "Seed dressings and root dips"
        );
        assert_eq!(
            default_name(&["food".into(), "skin".into()], None),
            "Compiled deck"
        );
        assert_eq!(
            default_name(&["food".into(), "food".into(), "skin".into()], None),
            "Food"
        );
    }

    #[test]
    fn a_subject_is_spelled_as_the_body_spells_it_mid_sentence() {
        // A title in capitals lost an acronym's and a name's capitals.
        let body = "Plots with RHS approval and beds of Bramley's seedling grow well. \
            Keep RHS notes. We grow Bramley's seedling under glass; the RHS judges visit.\n";
        assert_eq!(as_body_spells("rhs", body), "RHS");
        assert_eq!(
            as_body_spells("bramley's seedling", body),
            "Bramley's seedling"
        );
        // A name written after "the" keeps it: "In the Garden Charter, …".
        let charter = "Growers follow the Garden Charter on every plot. All of us \
            signed the Garden Charter last year, and the Garden Charter says so.\n";
        assert_eq!(
            as_body_spells("garden charter", charter),
            "the Garden Charter"
        );
        // A word the body also writes in lower case stays so, though a
        // longer name capitalises it ("Health and Safety at …").
        let safety = "Read the Plot Health and Safety at Work notes. Tool safety is \
            simple: blade safety first, and Safety at the gate.\n";
        assert_eq!(as_body_spells("tool safety", safety), "tool safety");
        // A heading's Title Case is no spelling: "Shed Care".
        let heading = "## Shed Care And Tools\nEvery Shed Care Plan starts dry.\n";
        assert_eq!(as_body_spells("shed care", heading), "shed care");
        let titles = "Helping People With a Green Thumb to Grow More\n\
            Helping People With a Green Thumb to Grow More\nA green thumb helps.\n";
        assert_eq!(as_body_spells("green thumb", titles), "green thumb");
    }

    #[test]
    fn a_law_named_in_capitals_is_the_law_the_body_names() {
        let text = "# UNIT 4: UNDERSTANDING THE HEDGEROWS ACT 1997\n\n\
            The Hedgerows Act 1997 protects old hedges. Under the Hedgerows Act 1997 a \
            farmer must give notice before removing a hedge. Hedges matter.\n\n\
            ## Notice\n\nThe Act requires notice. Hedges and notice and hedges.\n";
        assert_eq!(topic_of(text), "the Hedgerows Act 1997");
        assert_eq!(
            crate::compile::rules::topic_lead(&topic_of(text)),
            "Under the Hedgerows Act 1997"
        );
        assert_eq!(
            crate::compile::rules::topic_lead("hedge care"),
            "In hedge care"
        );
    }

    /// The topic of a document given as text.
    fn topic_of(text: &str) -> String {
        topic(&document::read(text), text)
    }

    #[test]
    fn a_crumb_ending_on_the_kind_of_page_and_a_title_of_caring_for_someone() {
        let page = "Home › My Courses › Garden Skills › Revision Notes\n[ Log in ]  [ Help ]\n\n\
            # BLIGHT & CARING FOR A GARDEN AFTER A WET SUMMER – REVISION NOTES\n\n\
            Blight is a disease of potatoes. Blight spreads in wet weather. Blight spores \
            travel on the wind. Blight leaves brown patches. Cut blight stems down.\n";
        assert_eq!(topic_of(page), "blight");
    }

    #[test]
    fn an_essays_own_title_beats_its_sites_furniture() {
        let text = "GrowHub - Free Essays & Study Help for Gardeners\n\
            Home  |  Essays  |  Notes  |  Log in\n\
            Search 9,000+ essays...\n\n\
            This website uses cookies to personalise content and ads and to analyse our traffic here.\n\
            [ Accept all ]   [ Reject ]\n\n\
            Home > Essays > Growing > Garden Management\n\n\
            Raised Beds In Small Gardens And Their Effect On The Harvest Of Vegetables\n\
            By Sam Reed | Updated 3 May 2025 | 6 min, 20 sec read\n\n\
            Raised beds warm up early in spring, so the beds give an early harvest. \
            Beds drain well after rain, and beds are easy to reach from a path. \
            Small gardens suit beds. Beds need compost each year, and the harvest repays it.\n";
        assert_eq!(topic_of(text), "raised beds in small gardens");
    }

    #[test]
    fn the_pages_learning_outcomes_are_no_title() {
        // The module's title is long ("Safe use of …"); its outcomes are
        // short lines below it that the body repeats.
        let text = "Module 4: Safe use of ladders, steps and trestles in the orchard\n            Learning outcomes\n            By the end of this module you will be able to:\n            choose between ladders and steps\n            pick fruit from high branches safely\n            Ladders reach the high branches. Steps suit low branches. Trestles hold planks. \
            Pick fruit from high branches with a helper. Ladders need a firm base. \
            Steps need a level base. Trestles need a level base. Fruit bruises when dropped.\n";
        assert_eq!(topic_of(text), "ladders, steps and trestles");
        let text = "Orchard work at height\n\
            Learning outcomes\n\
            By the end of this page you will be able to:\n\
            pick fruit from high branches safely\n\
            Orchard work at height needs care. Pick fruit from high branches with a helper. \
            Fruit on high branches bruises. Orchard ladders reach high branches. \
            Work at height in the orchard needs a firm base. Pick fruit gently.\n";
        assert_eq!(topic_of(text), "orchard work at height");
        assert_eq!(
            of_subject("Seasonal pruning of apple trees in small gardens").as_deref(),
            Some("Seasonal pruning")
        );
        assert_eq!(of_subject("Pruning of roses"), None);
    }

    #[test]
    fn a_labelled_unit_line_beats_a_providers_header() {
        let text = "Oakmoor Learning Partners\n\nUNIT: KITCHEN HYGIENE IN A CARE HOME\n\n\
            Kitchen hygiene keeps food safe to eat. Good kitchen hygiene starts with clean hands. \
            Kitchen hygiene also means clean boards and cloths. Wipe every surface after use.\n";
        assert_eq!(topic_of(text), "kitchen hygiene");
    }

    #[test]
    fn a_pages_breadcrumb_beats_a_list_label_deep_in_the_body() {
        let mut text = String::from(
            "Skip to main content\nLearnHub Portal\nHome\n\
             Home > My courses > Induction > Lesson 2: Sleep and rest\n\
             Sleep and rest help the body recover. Poor sleep affects mood and rest.\n",
        );
        for n in 0..6 {
            text.push_str(&format!(
                "Snacks: fruit {n}, toast, oat biscuits, yoghurt\nSnacks at night can disturb sleep and rest.\n"
            ));
        }
        assert_eq!(topic_of(&text), "sleep and rest");
    }

    #[test]
    fn a_title_keeps_its_whole_noun_phrase() {
        let mut text = String::from("# WOUND DRESSING CARE – REVISION SHEET\n\n");
        for _ in 0..4 {
            text.push_str(
                "A wound heals from the edges. Keep the wound clean. A dressing covers the wound. \
                 Change the dressing when wet. Check the wound every day.\n\n",
            );
        }
        assert_eq!(topic_of(&text), "wound dressing care");
    }

    #[test]
    fn an_essay_headline_without_its_verb_subtitle_or_setting() {
        let body = "Oral health matters to everyone who needs help with daily tasks, \
            and oral health is easy to overlook.";
        let text = format!(
            "{}\nPromoting Oral Health In Adult Social Care: Teeth, Gums and Dentures\n\n\
             Health And Social Care\n\n{body} Poor oral health causes pain. \
             Good oral health needs a routine.\n",
            &body[..60]
        );
        assert_eq!(topic_of(&text), "oral health");
        assert_eq!(
            subject_of("Fire drills in a nursing home").as_deref(),
            Some("Fire drills")
        );
    }

    #[test]
    fn document_kind_words_leave_the_subject() {
        assert_eq!(
            strip_kind_words("Oral Health Revision Notes"),
            "Oral Health"
        );
        assert_eq!(strip_kind_words("Module 4 Food hygiene"), "Food hygiene");
        assert_eq!(strip_kind_words("Study guide"), "Study guide");
        assert_eq!(
            subject_of("Learner Study Guide: Hand Washing (Level 2)").as_deref(),
            Some("Hand Washing")
        );
    }

    #[test]
    fn a_table_of_contents_names_no_topic() {
        let text = "Contents\n1. Bathing routines and water safety\n2. Skin checks\n\n\
            Bathing routines keep skin healthy. A bathing routine respects privacy. \
            Bathing is a personal task. Water safety matters in bathing.\n";
        assert_ne!(topic_of(text), "bathing routines and water safety");
    }

    #[test]
    fn topic_from_title_or_key_phrase() {
        let doc = document::read(
            "Duty of care means acting in the interests of others. The duty of care applies to all staff. Breaching the duty of care harms trust.",
        );
        assert_eq!(
            topic(
                &doc,
                "Duty of care means x. The duty of care y. Breach the duty of care z."
            ),
            "duty of care"
        );
        let doc = document::read(
            "End of life care supports people in their last months of life. Death is near. Death is hard. Death comes.",
        );
        assert_eq!(
            topic(&doc, "Death is near. Death is hard. Death comes. Death."),
            "end of life care"
        );
        assert_eq!(title_subject("Unit 9: Food hygiene"), "Food hygiene");
        assert_eq!(
            title_subject("Infection Prevention and Control: Revision Sheet"),
            "Infection Prevention and Control"
        );
        assert_eq!(
            title_subject("Nutrition and Hydration: Check Your Understanding"),
            "Nutrition and Hydration"
        );
        assert_eq!(
            title_subject("Quick quiz – Safeguarding adults"),
            "Safeguarding adults"
        );
        assert_eq!(
            title_subject("Consent: the key points of the law"),
            "Consent: the key points of the law"
        );
    }

    #[test]
    fn a_counter_names_no_subject() {
        assert_eq!(subject_of("Module 3 of 4 | Page 1 of 9"), None);
        assert_eq!(subject_of("Lesson 2 of 5"), None);
    }

    #[test]
    fn a_cookie_notice_does_not_end_the_opening() {
        let page = "Skip to main content\nGrowLearn Online\nWe use cookies to make this site work and to understand how you use it. By continuing you agree.\nMenu\nModule 2: Putting up and taking down trellis\nLesson 1 of 4\nA trellis holds climbing plants. Fix the trellis to the wall with spacers. Check the trellis every spring. Gloves protect your hands from splinters, and gloves should be worn for every job. Old gloves tear. Wash gloves.\n";
        assert_eq!(topic_of(page), "trellis");
    }

    #[test]
    fn activities_with_a_particle_leave_what_they_are_done_to() {
        assert_eq!(noun_title("Putting on and taking off gloves"), "Gloves");
        assert_eq!(noun_title("Setting up a raised bed"), "A raised bed");
        assert_eq!(noun_title("Hearing loss"), "Hearing loss");
        assert_eq!(noun_title("Working in gardens"), "Working in gardens");
        assert_eq!(noun_title("Moving and handling"), "Moving and handling");
    }

    #[test]
    fn a_counter_before_a_colon_leaves_the_subject_after_it() {
        assert_eq!(
            subject_of("Lesson 4 of 7: Using ladders safely").as_deref(),
            Some("Ladders")
        );
        assert_eq!(subject_of("Lesson 4 of 7 | Page 2 of 9"), None);
        assert_eq!(
            subject_of("Module 6 of 8 – Pruning roses").as_deref(),
            Some("Pruning roses")
        );
        assert_eq!(
            subject_of("STUDY GUIDE 12:  PRUNING FRUIT TREES AND TRAINING CLIMBING ROSES")
                .as_deref(),
            Some("Pruning fruit trees")
        );
        assert_eq!(
            subject_of("GREENFIELD COLLEGE - HORTICULTURE DISTANCE LEARNING"),
            None
        );
        assert_eq!(
            subject_of("Unit 14: Companion Planting for people with small gardens and allotments")
                .as_deref(),
            Some("Companion Planting")
        );
        assert_eq!(
            subject_of("Level 2 Diploma   |   Version 2.3   |   For learner use only"),
            None
        );
    }

    #[test]
    fn the_field_alone_names_no_subject() {
        assert_eq!(
            subject_of("Health And Social Care | Adult Care | Level 3 Diploma"),
            None
        );
        assert_eq!(subject_of("Adult Care"), None);
        assert_eq!(
            subject_of("# 🌱 SOIL & PH7 TESTING – REVISION SHEET").as_deref(),
            Some("Soil & PH7 testing")
        );
    }

    #[test]
    fn a_table_of_contents_names_no_subject() {
        assert_eq!(
            subject_of("CONTENTS:  1 Introduction | 2 Key terms | 3 Tools | 6 Legislation |"),
            None
        );
        assert_eq!(subject_of("1 Soil | 2 Seeds | 3 Watering | 4 Pests"), None);
        assert_eq!(
            noun_title("Recognising and Responding to Pests of Roses"),
            "Pests of Roses"
        );
    }

    #[test]
    fn supporting_a_group_of_people_keeps_the_activity() {
        assert_eq!(
            subject_of("Supporting Young Gardeners In Settings - An Essay").as_deref(),
            Some("Supporting Young Gardeners")
        );
        assert_eq!(
            noun_title("Supporting older people in care homes"),
            "Supporting older people in care homes"
        );
        assert_eq!(
            noun_title("Supporting individuals with diabetes"),
            "Diabetes"
        );
        assert_eq!(
            noun_title("Supporting people living with root rot"),
            "Root rot"
        );
    }

    #[test]
    fn meeting_needs_is_about_the_needs() {
        let essay = "Meeting the watering needs of houseplants is not an optional extra for any gardener who wants healthy plants all year round in every season.\nMeeting Watering Needs In Care Settingss\n\nHealth And Social Care\n\nWatering needs change with the season. Houseplants have watering needs that differ. Check watering needs weekly.\n";
        assert_eq!(topic_of(essay), "watering needs");
    }

    #[test]
    fn a_guide_to_a_law_for_an_audience_is_about_the_law() {
        let text = "This study guide covers the Wildlife and Countryside Act 1981 and what it means for gardeners.\nOAKMOOR LEARNING - LEVEL 2 DIPLOMA IN GARDENING\nStudy Guide: The Wildlife and Countryside Act 1981 for Garden Volunteers\nVersion 2.1  |  For learner use only  |  Page 1 of 4\n\nThe Wildlife and Countryside Act 1981 protects nesting birds. Under the Wildlife and Countryside Act 1981 you must not disturb a nest. The Wildlife and Countryside Act 1981 also protects bats.\n";
        assert_eq!(topic_of(text), "the Wildlife and Countryside Act 1981");
    }

    #[test]
    fn a_providers_bar_names_no_subject_and_a_helping_title_names_the_activity() {
        let guide = "Oakmoor Skills Academy  |  Garden Programme  |  Study Guide 9\nPRUNING ROSES AND CLIMBERS\nLevel 2 - Unit support material\n\nPruning roses keeps them healthy. Roses and climbers need pruning in winter. Climbers grow fast. Pruning roses needs clean blades.\n";
        assert_eq!(topic_of(guide), "pruning roses and climbers");
        let essay = "Helping People To Grow Their Own Vegetables: Allotments, Raised Beds and Pots\nHelping People To Grow Their Own Vegetables At Home\n\nShare on Facebook   Tweet\n\nGrowing vegetables is good for everyone. People grow vegetables in pots. A person who grows vegetables eats more of them. Grow what you like to eat.\n";
        assert_eq!(topic_of(essay), "growing vegetables");
    }

    #[test]
    fn an_essays_tag_line_is_no_subject_and_a_title_case_pair_is_cut() {
        let text = "Growers across the UK raise seed and plug plants under glass, but the way they water th\nSeed And Plug Plants And Watering In Cold Framess\n\nGardening  ,  Greenhouses\n4 min read\n\n  1. Introduction\n\nSeed and plug plants need steady warmth. Plug plants are sold in trays. Seed trays dry out fast, so plug plants and seed trays are checked daily. Water plug plants from below.\n";
        assert_eq!(topic_of(text), "seed and plug plants");
    }

    #[test]
    fn an_essay_sites_tag_strip_over_its_reading_time_is_no_subject() {
        let text = "Roses suit small gardens and reward a little care, which is why so many\nPruning Roses In Small Gardens: When And Howw\n\nGardening  |  Pests  |  Greenhouses\n5 min read\n\nPruning roses in small gardens is simple. Roses are pruned in late winter. Greenhouses need care too, and greenhouses get pests. Greenhouses are warm.\n";
        assert_eq!(topic_of(text), "pruning roses in small gardens");
    }

    #[test]
    fn a_breadcrumbs_section_for_essays_is_no_subject() {
        let text = "Home » Gardening » Fruit Growing » Essays\n\nPruning Apple Trees in Winter: Why and How\n\nGardening\n4 min read\n\nPruning apple trees keeps them fruiting. Apple trees are pruned in winter. Fruit growing needs patience, and apple trees reward it.\n";
        assert_ne!(topic_of(text), "essays");
    }

    #[test]
    fn a_breadcrumb_with_bars_names_its_subject_not_the_module() {
        let text = "Skip to main content\nGardenLearn | My courses | Pruning Fruit Trees (Level 2) | Module 1\nMenu\nModule 1 of 4: Why we prune\nPruning fruit trees keeps them healthy. After pruning, trees crop better. Prune apple trees after leaf fall. After that, feed the trees. After rain, check the cuts. Pruning fruit trees needs clean tools.\n";
        assert_eq!(topic_of(text), "pruning fruit trees");
    }

    #[test]
    fn a_unit_label_a_six_word_title_and_an_arrowed_breadcrumb() {
        let sheet = "# UNIT 4: DAILY HAND AND NAIL CARE ROUTINES IN OLDER PEOPLE\n\n## Why it matters\n\nHand care keeps skin whole. Nail care stops snags. Daily routines help. Hand and nail care routines need time. Nail care needs clean tools.\n";
        assert_eq!(topic_of(sheet), "daily hand and nail care routines");
        let page = "Skip to main content\nGarden School › Module 2: Fruit Trees › Lesson 3\nPruning in winter\nProgress: 0% complete\nFruit trees are pruned in winter. Fruit trees rest then. Fruit trees heal fast.\n";
        assert_eq!(topic_of(page), "fruit trees");
    }

    #[test]
    fn a_menu_bar_before_a_breadcrumb_and_a_long_audience() {
        let page = "Skip to main content\nGrowWell Academy | My courses | Help | Sign out\nHome Growing > Module 3: Growing tomatoes under glass\nModule 3 of 6  |  Lesson 1 of 5\nGrowing tomatoes under glass needs warmth. Signs of blight show on tomatoes. Sign up the plants. Growing tomatoes under glass takes daily water. Growing tomatoes under glass crops early. Signs of stress: curled leaves.\n";
        assert_eq!(topic_of(page), "growing tomatoes under glass");
        let sheet = "# UNIT 2: HAND CARE AND NAIL CARE IN OLDER PEOPLE & PEOPLE WITH ARTHRITIS\n\n## Why\n\nHand care keeps skin whole. Nail care stops snags. Hand care and nail care go together. Nail care needs clean tools.\n";
        assert_eq!(topic_of(sheet), "hand care and nail care");
    }

    #[test]
    fn a_sites_menu_from_home_names_no_subject() {
        assert_eq!(
            subject_of("Home  |  Free Essays  |  Gardening  |  Blog  |  Order Custom Essay"),
            None
        );
        // A path into one subject still names it.
        assert_eq!(
            subject_of("GardenLearn | My courses | Pruning Fruit Trees | Module 1").as_deref(),
            Some("Pruning Fruit Trees")
        );
    }

    #[test]
    fn a_record_line_is_no_subject_and_a_subtitle_goes() {
        let sheet = "# UNIT 3: LAWN, HEDGE & BORDER CARE – SMALL GARDENS AND GARDENS WITH SLOPES\n\n**Type:** Revision sheet\n**Links to:** Pest control, safety, tools (mowers)\n\n## Why\n\nLawn care takes time. Hedge care needs tools. Border care needs tools. Lawn, hedge and border care go together. Safety with tools. Safety first. Pest control matters.\n";
        assert_eq!(topic_of(sheet), "lawn, hedge & border care");
    }

    #[test]
    fn a_courses_own_word_and_a_last_lessons_phrase_name_no_subject() {
        // The title names the subject with the course's word for itself
        // ("Awareness") and its audience; the last lesson's title holds the
        // page's most repeated phrase.
        let page = "GrowWell Learning\nRose Pruning and Blackspot Awareness for Garden Volunteers\nLesson 1 of 3 – Why pruning matters\nProgress: 0% complete\nRose pruning keeps plants open. Blackspot spreads in wet leaves. Rose pruning removes blackspot.\nLesson 3 of 3 – Getting the balance right: winter feeding\nWinter feeding helps roots. Winter feeding uses bone meal. Winter feeding is done once. Winter feeding waits for frost to pass. Winter feeding is cheap.\n";
        assert_eq!(topic_of(page), "rose pruning and blackspot");
    }

    #[test]
    fn a_long_bar_of_links_first_is_no_preview() {
        let page = "Skip to main content\nGardenLearn Online Academy for Home Growers | My courses | Pruning Fruit Trees (Level 2) | Module 1\nMenu\nWelcome to this module.\nPruning fruit trees keeps apple trees healthy. Apple trees crop better after pruning. Apple trees are pruned after leaf fall. Pruning fruit trees needs clean tools. Apple trees in allotments need fences. Apple trees rest in winter.\n";
        assert_eq!(topic_of(page), "pruning fruit trees");
        let counts = word_counts(page);
        assert_eq!(
            opening_titles(page, &counts).0.as_deref(),
            Some("Pruning Fruit Trees")
        );
    }

    #[test]
    fn an_essays_skip_link_is_not_its_title() {
        let text = "Skip to main content\n\nPruning Roses in Small Gardens\n\nPruning roses in small gardens is simple. Roses are pruned in late winter. Small gardens need compact roses.\n";
        let doc = crate::compile::read::plain::read(text, crate::compile::document::DocKind::Essay);
        assert_eq!(doc.title.as_deref(), Some("Pruning Roses in Small Gardens"));
    }

    #[test]
    fn an_essays_title_is_not_its_cut_tab_title_nor_its_magazines_name() {
        let essay = |text: &str| {
            crate::compile::read::plain::read(text, crate::compile::document::DocKind::Essay).title
        };
        let cut = "ing Roses in Small Gardens: Help or Hindrance? | Free Essay Exampl\n\
            Pruning Roses in Small Gardens: Help or Hindrance?\n\nGardening\n3 min read\n\n\
            1. Introduction\n\nPruning roses is simple. Roses are pruned in late winter.\n";
        assert_eq!(
            essay(cut).as_deref(),
            Some("Pruning Roses in Small Gardens: Help or Hindrance?")
        );
        let magazine = "e shed of most allotments at noon and you will see the same picture\n\
            Skip to content\nSearch...\n\nALLOTMENT PRACTICE WEEKLY\n\n\
            Beyond Digging: what gets children involved in allotment life\n\
            By Sam Reed | 14 March 2024 | 9 min read\n\n\
            Children dig when they are given their own beds. Beds for children need short paths.\n";
        assert_eq!(
            essay(magazine).as_deref(),
            Some("Beyond Digging: what gets children involved in allotment life")
        );
    }

    #[test]
    fn a_crumb_ending_on_a_lessons_number_yields_to_the_lessons_own_title() {
        let page = "Skip to main content\nHome > My Courses > Garden Skills > Module 5: Tools > Lesson 5.3\n\
            Lesson 5.3: Using a wheelbarrow safely\nProgress: 50%\n\n\
            A wheelbarrow moves soil. Load a wheelbarrow low. Tools live in the shed. \
            Push a wheelbarrow on boards. Tools are oiled. A wheelbarrow tyre is checked. \
            Clean tools last longer, and sharp tools cut cleanly. Tools go back on hooks.\n";
        assert_eq!(topic_of(page), "wheelbarrow use");
    }

    #[test]
    fn the_line_over_a_byline_is_the_title_and_a_journeys_ends_are_no_subject() {
        let text = "ts have become a steady way into growing, and for a growing number of allotments\n\
            Plot Practice Today\nMenu    Home    News    Log in\nSearch this site...\n\n\
            | Level | Name |\n|---|---|\n| 2 | Plot holder |\n\n\
            From first seed to head gardener: apprenticeships in horticulture\n\n\
            By Dawn Reed, head gardener at a community garden\n8 min read\n\n\
            Apprenticeships in horticulture pay a wage. Apprenticeships last a year. \
            Horticulture apprenticeships end with an assessment. Plot work counts.\n";
        let doc = document::read(text);
        assert_eq!(topic(&doc, text), "apprenticeships in horticulture");
    }

    #[test]
    fn a_question_titles_acronym_is_its_subject() {
        let text = "Should Allotments Allow CCTV? Balancing Safety, Privacy and Trust on the Plot\n\n\
            Gardening\n4 min read\n\n1. Introduction\n\n\
            Cameras on plots are common now. CCTV deters theft, but CCTV also films neighbours. \
            Cameras need signs. Most committees that use CCTV keep footage for a month. Cameras \
            cost money, and cameras break. Cameras, cameras and more cameras.\n";
        let doc = crate::compile::read::plain::read(text, document::DocKind::Essay);
        assert_eq!(topic(&doc, text), "CCTV");
    }

    #[test]
    fn a_quotation_a_section_number_and_a_slogan_step_name_no_subject() {
        assert_eq!(
            subject_of("\"Please water us\": what the allotment asks of every gardener"),
            None
        );
        assert_eq!(
            subject_of("Home > Courses > Unit 14: Garden Care > 14.3 Composting").as_deref(),
            Some("Composting")
        );
        assert_eq!(
            subject_of("Home > Practice > Raised beds > Beyond digging").as_deref(),
            Some("Raised beds")
        );
        // A masthead in capitals and a search box over the breadcrumb: the
        // breadcrumb names the page.
        let text = "When the first allotments opened in the town, few people could have guessed how many families would one day depend on them.\n\
            GARDEN PRACTICE TODAY\n\
            Home | News | Practice | Events | Subscribe | Log in\n\
            Search the site...\n\
            Home > Practice > Raised beds and composting > Essays\n\n\
            \"Please water us\": what the allotment asks of every gardener\n\
            By Sam Green, head gardener\n\n\
            Raised beds warm up early in spring. Composting in raised beds feeds the soil, and raised beds drain well. \
            Composting needs air and water; raised beds make composting easy.\n";
        let doc = crate::compile::read::plain::read(text, document::DocKind::Essay);
        assert_eq!(topic(&doc, text), "raised beds and composting");
    }

    #[test]
    fn a_debates_sides_and_a_cut_list_name_no_subject() {
        assert_eq!(
            subject_of(
                "Raised Beds, Pots and Grow Bags Versus Open Ground: No-Dig Growing in Allotments"
            )
            .as_deref(),
            Some("No-Dig Growing in Allotments")
        );
        assert_eq!(
            subject_of("Beyond Digging: what gets children involved"),
            None
        );
    }

    #[test]
    fn a_breadcrumb_ending_on_a_lesson_is_no_stronger_than_the_pages_title() {
        let page = "Skip to main content\nModule 2  >  Lesson 1  >  How aphids spread\nProgress: 0% complete\nPests of roses under glass\nThis lesson shows how aphids spread. Aphids spread on the wind. Pests of roses under glass include aphids and mites. Mites like dry air. Pests of roses under glass are checked weekly. Roses under glass need airflow.\n";
        assert_eq!(topic_of(page), "pests of roses under glass");
        assert_eq!(opening_titles(page, &word_counts(page)).0, None);
    }

    #[test]
    fn a_sites_name_is_no_subject() {
        assert_eq!(subject_of("GardenHub"), None);
        assert_eq!(subject_of("Gardeners.co.uk – Free Growing Guides"), None);
        assert_eq!(
            subject_of("Pruning roses").as_deref(),
            Some("Pruning roses")
        );
    }

    #[test]
    fn an_audience_is_no_subject() {
        let guide = "Supporting people who garden\nSUPPORTING PEOPLE WHO GARDEN\nStudy Guide\n\nTOPIC SYNOPSIS\nRaised bed gardening helps people who garden. Raised bed gardening suits wheelchairs. Raised bed gardening needs deep soil. Raised bed gardening is done at waist height.\n";
        assert_eq!(topic_of(guide), "raised bed gardening");
    }

    #[test]
    fn a_qualifications_level_is_no_subject() {
        assert_eq!(subject_of("Study Guide – Level 3 Garden Care"), None);
        assert_eq!(subject_of("LEVEL 2 HORTICULTURE"), None);
        // The body repeats "level" (a table of levels) more than the
        // title's words: the title still names the subject.
        let guide = "GROWING ROSES IN CLAY\nStudy Guide – Level 3 Garden Care (Roses option)\n\nGrowing roses in clay is easy. Growing roses needs grit in the clay. Clay holds water for growing roses.\n\n| Level | Rose |\n|---|---|\n| Level 1 | Shrub |\n| Level 2 | Climber |\n| Level 3 | Rambler |\n\nCare at each level keeps the garden level. Level ground drains badly; clay on level ground needs grit.\n";
        assert_eq!(topic_of(guide), "growing roses in clay");
    }
}
