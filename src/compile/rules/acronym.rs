//! Acronym cards: an acronym spelled by a list ("A – Accept …"), and
//! acronyms defined in passing ("long form (SHORT)").

use super::*;

impl Extractor {
    /// Acts and acronyms mentioned anywhere in a piece of text.
    pub(super) fn in_passing(&mut self, block: &Block, text: &str, line: u32) {
        self.in_passing_with_term(block, text, line, None);
    }

    pub(super) fn in_passing_with_term(
        &mut self,
        block: &Block,
        text: &str,
        line: u32,
        term: Option<&str>,
    ) {
        for (acronym, expansion) in acronyms_in(text) {
            self.acronym_card(block, line, &acronym, &expansion);
        }
        for name in laws_in(text) {
            self.legislation(block, line, &name, text, term);
        }
    }

    /// The acronyms a heading spells out ("Safe Working Load (SWL)").
    pub(super) fn heading_acronyms(&mut self, line: u32, section: &std::sync::Arc<[String]>) {
        let Some(heading) = section.last() else {
            return;
        };
        let found = acronyms_in(heading);
        if found.is_empty() {
            return;
        }
        let block = Block {
            section: section.clone(),
            line,
            body: Body::Paragraph(heading.clone()),
        };
        for (acronym, expansion) in found {
            self.acronym_card(&block, line, &acronym, &expansion);
        }
    }

    pub(super) fn acronym_card(
        &mut self,
        block: &Block,
        line: u32,
        acronym: &str,
        expansion: &str,
    ) {
        // "In bloodborne viruses, what does BBV stand for?" prints its
        // answer: the acronym of the deck's own subject asks nothing.
        if self.names_the_topic(expansion) {
            return;
        }
        let front = self.in_topic(&format!("what does {acronym} stand for?"));
        let back = capitalize(expansion);
        self.push(
            block,
            line,
            Self::draft(CardKind::Acronym, Cue::acronym(acronym), front, back),
        );
    }

    /// Whether every word of `expansion` is one of the topic's ("Sickle
    /// cell disease" in "sickle cell", "Bloodborne virus" in "bloodborne
    /// viruses").
    fn names_the_topic(&self, expansion: &str) -> bool {
        let topic: Vec<&str> = self.topic_norm.split(' ').collect();
        let wanted: Vec<String> = norm(expansion)
            .split(' ')
            .filter(|w| !w.is_empty() && !SMALL.contains(w))
            .map(str::to_string)
            .collect();
        // (A one-word expansion the topic holds, "Dementia" in "dementia
        // care", is still the topic.)
        !wanted.is_empty()
            && wanted.iter().all(|w| {
                topic.iter().any(|t| {
                    !t.is_empty()
                        && (t.starts_with(w.as_str()) || w.starts_with(t))
                        && t.len().min(w.len()) >= 3
                })
            })
    }

    /// The cards of a list spelling `acronym`, one per letter, in the
    /// context of `named` (the line naming the acronym) or else the
    /// block's heading.
    pub(super) fn acronym_expansion(
        &mut self,
        block: &Block,
        list: &List,
        acronym: &str,
        named: Option<&str>,
    ) {
        // The heading, unless it is only the acronym ("Tile" for TILE).
        // "Primary survey – DR ABC" is "primary survey" beside the acronym.
        let trimmed = named.or(block.section.last().map(String::as_str)).map(|s| {
            let lower = s.to_lowercase();
            let tail = acronym.to_lowercase();
            // ("The link with sepsis" names no SEPSIS of its own: "the
            // link with" is no name; "Escalating concerns with" is one.)
            let phrase = |head: &str| {
                let content: Vec<&str> = head
                    .split_whitespace()
                    .filter(|w| !SMALL.contains_lower(w))
                    .collect();
                head.split_whitespace()
                    .last()
                    .is_some_and(|w| SMALL.contains_lower(w))
                    && content.len() <= 1
                    && !content.iter().any(|w| w.to_lowercase().ends_with("ing"))
            };
            match lower.strip_suffix(&tail) {
                Some(head) if !head.trim().is_empty() && !phrase(head) => s[..head.len()]
                    .trim_end()
                    .trim_end_matches(['–', '-', ':', '—'])
                    .trim_end()
                    .to_string(),
                _ => s.to_string(),
            }
        });
        // "Risk assessment: remember", "MNEMONIC – spotting mania", "Pre-use
        // checks: what you do every time": the part that names what the
        // letters are for, without the words that only say it is a memory aid.
        let trimmed = trimmed.map(|s| mnemonic_purpose(&s, acronym).unwrap_or(s));
        // "Memory aid: SOIL for healthy roots": what follows the acronym
        // says what it is for.
        let trimmed = trimmed.map(|s| {
            [" to ", " for "]
                .iter()
                .find_map(|w| s.split_once(&format!("{acronym}{w}")))
                .map(|(_, rest)| rest.trim().trim_end_matches([':', '.']).to_string())
                .filter(|rest| (1..=5).contains(&words(rest)))
                .unwrap_or(s)
        });
        // "Before you dig: a simple soil routine": the part
        // after the colon names what the letters are (its article dropped).
        let trimmed = trimmed.map(|s| match s.split_once(": ") {
            Some((_, tail)) => match tail.trim().split_once(' ') {
                Some((article, rest))
                    if ["the", "a", "an"].contains(&article.to_lowercase().as_str())
                        && !rest.trim().is_empty() =>
                {
                    rest.trim().to_string()
                }
                _ => s,
            },
            None => s,
        });
        let context = trimmed
            .as_ref()
            .filter(|s| {
                // Nor a question ("Dementia or delirium?") or a prompt
                // ("Remember it"), which read as a second question.
                let n = norm(s);
                !n.is_empty()
                    && !s.trim_end().ends_with('?')
                    && ![
                        "remember",
                        "remember it",
                        "remember this",
                        "mnemonic",
                        "memory aid",
                        "acronym",
                        "tip",
                        "top tip",
                    ]
                    .contains(&n.as_str())
            })
            .filter(|s| {
                // Not the acronym itself, nor a page's counter ("Knowledge
                // check 2 of 3").
                !text::has_counter(s)
                    && !s
                        .split(|c: char| !c.is_alphanumeric() && c != '-')
                        .any(|w| {
                            w.replace('-', "")
                                .eq_ignore_ascii_case(&acronym.replace('-', ""))
                        })
            })
            .map(|s| {
                // "SECTION 4 SPOTTING PESTS WITH" (SLUG cut off its
                // end): no counter, no dangling small word.
                let heading = text::plain_heading(s);
                let mut ws: Vec<&str> = heading.split_whitespace().collect();
                while ws.len() > 1
                    && ws
                        .last()
                        .is_some_and(|w| SMALL.contains_lower(w) || w.eq_ignore_ascii_case("using"))
                {
                    ws.pop();
                }
                format!(" ({})", self.shown(&ws.join(" ")))
            })
            .unwrap_or_default();
        // ("STOP-LAW": a hyphen is no letter.)
        let letters: Vec<char> = acronym
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect();
        for (i, item) in list.items.iter().enumerate() {
            let letter = letters[i];
            let repeated = letters.iter().filter(|&&c| c == letter).count() > 1;
            let which = if repeated {
                format!(
                    "the {} {letter}",
                    ordinal(letters[..=i].iter().filter(|&&c| c == letter).count())
                )
            } else {
                letter.to_string()
            };
            let back = expansion_text(&item.text);
            let front = format!("In {acronym}{context}, what does {which} stand for?");
            self.push(
                block,
                item.line,
                Self::draft(
                    CardKind::Acronym,
                    Cue::acronym_letter(acronym, i),
                    front,
                    back,
                ),
            );
        }
        // The letters are asked one by one: a card for the whole, here or
        // anywhere else in the document, asks the same again.
        let whole = Cue::acronym(acronym);
        self.drafts
            .retain(|d| !(d.kind == CardKind::Acronym && d.cue == whole));
        self.cues.insert(cue_key(CardKind::Acronym, &whole));
    }
}

pub(crate) static ACRONYM_PAREN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(([A-Z][A-Za-z]{0,2}[A-Z]{1,6})(s?)\)").expect("valid pattern"));

/// "Situation - What's happening?" → "Situation: what's happening?"
pub(crate) fn expansion_text(item: &str) -> String {
    for sep in [" - ", " – ", " — ", ": ", "- "] {
        if let Some((head, tail)) = item.split_once(sep) {
            // "S – Sound the alert": the letter is the front's; the back
            // is what it stands for.
            if head.trim().chars().count() == 1 {
                return capitalize(tail.trim());
            }
            return format!("{}: {}", head.trim(), decapitalize(tail.trim()));
        }
    }
    item.trim().to_string()
}

/// The acronym a list spells out, letter by letter (`FAST` with items
/// Face, Arms, Speech, Time).
pub(crate) fn acronym_list(list: &List, heading: Option<&String>) -> Option<String> {
    let spells = |acronym: &str| {
        let acronym: String = acronym.chars().filter(|c| !c.is_whitespace()).collect();
        acronym.len() == list.items.len()
            && acronym.chars().zip(&list.items).all(|(letter, item)| {
                item.text
                    .chars()
                    .next()
                    .is_some_and(|c| c.eq_ignore_ascii_case(&letter))
            })
    };
    let capitals =
        |w: &str| w.len() >= 2 && w.len() <= 8 && w.chars().all(|c| c.is_ascii_uppercase());
    if let Some(acronym) = list.label.as_deref().and_then(|label| {
        let words: Vec<&str> = label.split(|c: char| !c.is_alphanumeric()).collect();
        words
            .iter()
            .filter(|w| capitals(w))
            .map(|w| w.to_string())
            // "DR ABC": two runs of capitals read as one.
            .chain(
                words
                    .windows(2)
                    .filter(|p| capitals(p[0]) && capitals(p[1]))
                    .map(|p| p.join(" ")),
            )
            .find(|acronym| spells(acronym))
    }) {
        return Some(acronym);
    }
    // A list under a one-word heading or label (`### TILE:`, which reads
    // "Tile" once the heading's capitals are undone) that the items' first
    // letters spell, three letters or more.
    let word = list
        .label
        .as_deref()
        .or(heading.map(String::as_str))?
        .trim();
    if word.len() >= 3
        && word.len() <= 8
        && word.chars().all(|c| c.is_ascii_alphabetic())
        && spells(word)
    {
        return Some(word.to_ascii_uppercase());
    }
    // "Primary survey – DR ABC" (its capitals undone): two short words at
    // the heading's end that the items spell together.
    let words: Vec<&str> = heading?
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let short = |w: &str| (1..=4).contains(&w.len()) && w.chars().all(|c| c.is_ascii_alphabetic());
    match words.as_slice() {
        [.., a, b] if short(a) && short(b) && spells(&format!("{a}{b}")) => Some(format!(
            "{} {}",
            a.to_ascii_uppercase(),
            b.to_ascii_uppercase()
        )),
        _ => None,
    }
}

/// An acronym term whose definition spells it out ("RHS: Royal
/// Horticultural Society, the charity…").
pub(crate) fn acronym_of_term(term: &str, def: &str) -> Option<(String, String)> {
    let acronym: String = term.chars().filter(|c| !c.is_whitespace()).collect();
    if acronym.len() < 2 || acronym.len() > 8 || !acronym.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let words: Vec<&str> = def.split_whitespace().take(acronym.len() + 4).collect();
    let expansion = expand(&acronym, &words)?;
    Some((acronym, expansion))
}

/// Acronyms defined in passing: "personal protective equipment (PPE)",
/// and the short form first: "an ABC chart – Antecedent, Behaviour,
/// Consequence".
pub fn acronyms_in(text: &str) -> Vec<(String, String)> {
    let mut out = short_form_first(text);
    if !text.contains('(') {
        return out;
    }
    for caps in ACRONYM_PAREN.captures_iter(text) {
        let (Some(whole), Some(acronym)) = (caps.get(0), caps.get(1)) else {
            continue;
        };
        let acronym = acronym.as_str();
        let upper: String = acronym.chars().filter(char::is_ascii_uppercase).collect();
        // Only the words just before the brackets: reading the whole text
        // before each match would make a long paragraph quadratic.
        let mut window: Vec<&str> = text[..whole.start()]
            .split_whitespace()
            .rev()
            .take(upper.len() + 5)
            .collect();
        window.reverse();
        // "… Regulations 1999 (MHSWR)": the year is not part of the name.
        while window
            .last()
            .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()))
        {
            window.pop();
        }
        // Try the shortest run of trailing words that spells the acronym.
        for start in (0..window.len()).rev() {
            if let Some(expansion) = expand(&upper, &window[start..]) {
                // "Intake (IN)", "Output (OUT)": a word's own first letters
                // in capitals, no acronym.
                let clipped = !expansion.contains(' ')
                    && expansion.to_lowercase().starts_with(&upper.to_lowercase());
                if !clipped {
                    out.push((acronym.to_string(), expansion));
                }
                break;
            }
        }
    }
    out
}

/// The words, cleaned, if their initials (and letters inside a word, in
/// order, for words like "Greenhouse") spell `letters`.
pub(crate) fn expand(letters: &str, words: &[&str]) -> Option<String> {
    let cleaned: Vec<String> = words
        .iter()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                .to_string()
        })
        .collect();
    let first = cleaned.first()?;
    if SMALL.contains_lower(first) || first.is_empty() {
        return None;
    }
    let letters: Vec<char> = letters.to_lowercase().chars().collect();
    if covers(&letters, &cleaned) {
        Some(cleaned.join(" "))
    } else {
        None
    }
}

pub(crate) fn covers(letters: &[char], words: &[String]) -> bool {
    match (letters.first(), words.first()) {
        (None, None) => true,
        (None, Some(_)) => false,
        (Some(_), None) => false,
        (Some(&l), Some(word)) => {
            let lower = word.to_lowercase();
            let rest = &words[1..];
            if SMALL.contains(&lower.as_str()) && covers(letters, rest) {
                return true;
            }
            if !lower.starts_with(l) {
                return false;
            }
            // A word covers its initial and, optionally, more letters that
            // appear later in it ("Greenhouse" covers G and H).
            let chars: Vec<char> = lower.chars().collect();
            let mut k = 1;
            let mut pos = 1;
            if covers(&letters[1..], rest) {
                return true;
            }
            while k < letters.len() {
                let Some(found) = chars[pos..].iter().position(|&c| c == letters[k]) else {
                    break;
                };
                pos += found + 1;
                k += 1;
                if covers(&letters[k..], rest) {
                    return true;
                }
            }
            false
        }
    }
}

/// "ABC chart – Antecedent, Behaviour, Consequence": an acronym, perhaps
/// a noun, a dash or colon, then the words it spells.
pub(crate) fn short_form_first(text: &str) -> Vec<(String, String)> {
    static SHORT_FIRST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?-u:\b)([A-Z]{2,6})(?: [a-z]+)? ?[–—:] ?([A-Z][a-z]+(?:-[a-z]+)*(?:,? (?:and )?[A-Z][a-z]+(?:-[a-z]+)*){1,7})")
            .expect("valid pattern")
    });
    if !text.contains(['–', '—', ':']) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for caps in SHORT_FIRST.captures_iter(text) {
        let (Some(acronym), Some(long)) = (caps.get(1), caps.get(2)) else {
            continue;
        };
        let acronym = acronym.as_str();
        let words: Vec<&str> = long
            .as_str()
            .split([',', ' '])
            .filter(|w| !w.is_empty() && *w != "and")
            .collect();
        // Exactly one word per letter, each starting with it.
        // The long form as written: "Antecedent, Behaviour, Consequence",
        // "Feel Smell and Look".
        if words.len() == acronym.len() && expand(acronym, &words).is_some() {
            out.push((acronym.to_string(), long.as_str().to_string()));
        }
    }
    out
}

/// The part of a mnemonic's heading that says what it is for: "risk
/// assessment" of "Risk assessment: remember", "spotting mania" of
/// "MNEMONIC – spotting mania", "pest control" of "a memory aid for pest
/// control" in "**Acronym – SLUGS** (a memory aid for pest control)";
/// empty when every part only says it is a memory aid ("A mnemonic to
/// remember"). None when there is nothing to take away.
fn mnemonic_purpose(heading: &str, acronym: &str) -> Option<String> {
    let aids = ["mnemonic", "memory aid", "remember", "acronym"];
    let parts: Vec<&str> = heading
        .split([':', '–', '—', '(', ')', '*'])
        .flat_map(|p| p.split(" - "))
        .map(str::trim)
        .filter(|p| !p.is_empty() && !p.eq_ignore_ascii_case(acronym))
        .collect();
    let said_aid = |p: &str| {
        let n = norm(p);
        aids.iter().any(|a| n.contains(a)) || ["tip", "top tip"].contains(&n.as_str())
    };
    // "What you do every time": how to use it, not what it is for.
    let how_to_use = |p: &str| norm(p).starts_with("what you ");
    if !parts.iter().any(|p| said_aid(p) || how_to_use(p)) {
        return None;
    }
    let purpose = parts.iter().find_map(|p| {
        if let Some((aid, rest)) = p.split_once(" for ")
            && said_aid(aid)
            && !said_aid(rest)
        {
            return Some(rest.trim().to_string());
        }
        (!said_aid(p) && !how_to_use(p)).then(|| p.to_string())
    });
    Some(purpose.unwrap_or_default())
}
