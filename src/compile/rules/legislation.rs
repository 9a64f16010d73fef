//! Legislation cards: the laws, regulations and policies a document names,
//! and what it says each one does.

use super::*;

impl Extractor {
    pub(super) fn legislation(
        &mut self,
        block: &Block,
        line: u32,
        name: &str,
        text: &str,
        term: Option<&str>,
    ) {
        let mut context = text.to_string();
        // The list of examples the name sits in says nothing about it.
        if let Some(m) = EXAMPLES_PAREN
            .find_iter(text)
            .find(|m| m.as_str().contains(name))
        {
            context = format!("{}{}", &text[..m.start()], &text[m.end()..]);
        } else if term.is_none() {
            // Running text: only what the sentence says the law does.
            match law_predicate(text, name) {
                Some(said) => context = said,
                None => return,
            }
        }
        let mut context = text::plain(&context);
        for lead in ["Knowledge of ", "Understanding "] {
            if let Some(rest) = context.strip_prefix(lead) {
                context = capitalize(rest);
                break;
            }
        }
        if norm(&context) == norm(name) || words(&context) < 3 {
            match term {
                Some(term) => context = term.to_string(),
                None => return,
            }
        } else if let Some(term) = term
            && !text::contains_words(&context, term)
            && norm(term) != norm(name)
        {
            context = format!("{term}: {}", decapitalize(&context));
        }
        let Some(back) = text::trim_answer(&capitalize(&context), MAX_ANSWER_WORDS) else {
            return;
        };
        // A cut-off clause says nothing ("Gives certain people.").
        if norm(&back) == norm(name) || words(&back) < 4 {
            return;
        }
        self.law_card(block, line, name, back);
    }

    /// "What does the Wildlife Act 1981 do?" → what the document says.
    pub(super) fn law_card(&mut self, block: &Block, line: u32, name: &str, back: String) {
        // "Act" alone is a step or a verb, not a law.
        if words(name.trim_start_matches("The ")) < 2 {
            return;
        }
        // "the Care Act" in running text: one "the" on the card.
        let name_shown = name
            .strip_prefix("The ")
            .or_else(|| name.strip_prefix("the "))
            .unwrap_or(name);
        // "Regulation 9" under a heading naming its Regulations: "Regulation
        // 9 of the 2014 Regulations", so the card says which.
        let numbered;
        let name_shown = match regulations_over(block, name_shown, self.last_law.as_deref()) {
            Some(parent) => {
                numbered = format!("{name_shown} of {parent}");
                numbered.as_str()
            }
            None => name_shown,
        };
        let the = law_article(name_shown);
        let formal = !the.is_empty();
        // "the Food Hygiene Regulations 2006 do": the year is no noun.
        let head = name_shown
            .split(" of the ")
            .next()
            .unwrap_or(name_shown)
            .trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ');
        let verb = if is_plural(head)
            && (!formal || head.ends_with("Regulations"))
            && !head.starts_with("Regulation ")
        {
            "do"
        } else {
            "does"
        };
        // "Means that diets … must be respected": what the law means for
        // the subject; "Applies when …": when it applies. Neither is what
        // the law does in general.
        // "Regulation 12: safe care and treatment": the back is the rule's
        // name, asked as what the rule is about.
        let titled = name_shown.starts_with("Regulation ") && is_rule_title(&back);
        // (A numbered part's own card asks what it is about, not its parts.)
        let parts = if ["Article ", "Regulation ", "Section "]
            .iter()
            .any(|p| name_shown.starts_with(p))
        {
            Vec::new()
        } else {
            law_parts(&back)
        };
        let (front, back) = if titled {
            (format!("What is {name_shown} about?"), back)
        } else if let Some(rest) = strip_prefix_ci(&back, "Means that") {
            let front = if self.topic.is_empty() {
                format!("What {verb} {the}{name_shown} mean in practice?")
            } else {
                format!("What {verb} {the}{name_shown} mean for {}?", self.topic)
            };
            (front, capitalize(rest.trim_start()))
        } else if let Some(rest) = strip_prefix_ci(&back, "Applies") {
            let front = self.in_topic(&format!("when {verb} {the}{name_shown} apply?"));
            (front, capitalize(rest.trim_start()))
        } else if let Some((ask, answer)) = law_question(&back) {
            // "Places a duty on councils to …" → "What duty does the Act
            // place on councils?": the front asks what the back answers.
            let front = ask
                .replace("{does}", verb)
                .replace("{law}", &format!("{the}{name_shown}"));
            (front, answer)
        } else if !parts.is_empty() {
            // "Article 5 (liberty), Article 8 (private and family life)":
            // one card for each part the back names.
            for (part, ask, answer) in parts {
                let front = format!("Under {the}{name_shown}, {ask}");
                let cue = Cue::law(&format!("{name} {part}"));
                self.push(
                    block,
                    line,
                    Self::draft(CardKind::Legislation, cue, front, answer),
                );
            }
            return;
        } else if !self.topic.is_empty()
            && norm(self.topic.trim_start_matches("the ")) != norm(name_shown)
            && norm(&self.topic)
                .split(' ')
                .filter(|w| w.len() > 3 && !SMALL.contains(w))
                .any(|w| text::contains_words(&back, w))
        {
            // "… must consider health needs like diabetes": what the law
            // means for the subject, not all it does.
            (
                format!("What {verb} {the}{name_shown} mean for {}?", self.topic),
                back,
            )
        } else {
            (
                self.in_topic(&format!("what {verb} {the}{name_shown} do?")),
                back,
            )
        };
        self.push(
            block,
            line,
            Self::draft(CardKind::Legislation, Cue::law(name), front, back),
        );
    }
}

impl Extractor {
    /// A law named in a sentence of its own ("4.2 Management of … Regulations
    /// 1999 (MHSWR).") and described by the next ("These require employers
    /// to …"): what the law does, from the description.
    pub(super) fn law_then_description(
        &mut self,
        block: &Block,
        line: u32,
        sentence: &str,
        next: &str,
    ) {
        let Some(name) = laws_in(sentence).into_iter().next() else {
            return;
        };
        if words(sentence) > words(&name) + 3 {
            return;
        }
        let next = text::strip_lead_in(next);
        let Some((pronoun, rest)) = next.split_once(' ') else {
            return;
        };
        // The short name the sentence gives in brackets stands for the law.
        let short = acronyms_in(sentence).into_iter().next().map(|(a, _)| a);
        let rest = match pronoun {
            "This" | "It" if rest.starts_with("is ") || rest.starts_with("was ") => {
                format!("It {rest}")
            }
            "This" | "It" | "These" | "They" => capitalize(rest),
            p if short.as_deref() == Some(p) => capitalize(rest),
            _ => return,
        };
        if words(&rest) < 4 {
            return;
        }
        let described = format!("{name} {}", decapitalize(&rest));
        self.legislation(block, line, &name, &described, None);
    }
}

/// "the " before a formal law's name ("the Food Safety Act 1990"), none
/// before a name that is its own ("UK GDPR", "GDPR").
pub(crate) fn law_article(name: &str) -> &'static str {
    // ("Section 2 of the Mental Health Act" has its own article.)
    if ACT.find(name).is_some_and(|m| m.start() > 0)
        && !name.starts_with("UK")
        && !name.contains(" of the ")
    {
        "the "
    } else {
        ""
    }
}

pub(crate) static ACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(Act|Regulations?|Directive|Charter|Convention|GDPR)(?-u:\b)(\s+\(?[0-9]{4}\)?)?",
    )
    .expect("valid pattern")
});

/// Names of Acts, regulations and named policies in a text.
pub fn laws_in(text: &str) -> Vec<String> {
    // A name ends in one of these words, or is given in brackets: one
    // pass over the text finds whether there can be one.
    static MARKERS: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::new([
            "Act",
            "Regulation",
            "Directive",
            "Charter",
            "Convention",
            "GDPR",
            "(",
        ])
        .expect("valid built-in markers")
    });
    /// Words in a law's name, at most: the walk back from its last word
    /// stops here, so that a long run of capitalised words stays linear.
    const MAX_NAME_WORDS: usize = 16;
    let mut out: Vec<String> = Vec::new();
    let mut seen: FxHashSet<String> = FxHashSet::default();
    if !MARKERS.is_match(text) {
        return out;
    }
    let tokens: Vec<(usize, &str)> = text::word_offsets(text).collect();
    for m in ACT.find_iter(text) {
        // Walk back over capitalised words and connectors, from the word
        // the match starts in (found by binary search: offsets ascend).
        let Some(idx) = tokens
            .partition_point(|(s, _)| *s <= m.start())
            .checked_sub(1)
        else {
            continue;
        };
        let mut first = idx;
        while first > 0 && idx - first < MAX_NAME_WORDS {
            let w = tokens[first - 1]
                .1
                .trim_matches(|c: char| "(“‘\"'".contains(c));
            let bare = w.trim_end_matches([',', ';', ':']);
            // "Reporting of Injuries, Diseases and …": a comma after a
            // capitalised word inside a name.
            let comma_in_name = w.ends_with(',')
                && bare.len() + 1 == w.len()
                && bare.chars().next().is_some_and(char::is_uppercase)
                && !bare.chars().any(|c| c.is_ascii_digit())
                && !ACT.is_match(bare)
                && tokens[first..=idx].iter().any(|(_, t)| *t == "and");
            if bare.len() != w.len() && !comma_in_name {
                break;
            }
            let capital = bare.chars().next().is_some_and(char::is_uppercase);
            // ("Protection from Eviction Act": "from" inside a name, after
            // a capitalised word.)
            let connector = ["of", "and", "for", "on", "in", "to", "the", "at", "etc."]
                .contains(&w)
                || w == "from"
                    && first >= 2
                    && tokens[first - 2]
                        .1
                        .trim_start_matches(|c: char| "(“‘\"'".contains(c))
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase);
            if !(capital || connector) {
                break;
            }
            first -= 1;
        }
        while first < idx
            && ["of", "and", "for", "on", "in", "to", "the", "The"].contains(&tokens[first].1)
        {
            first += 1;
        }
        if first == idx && !m.as_str().starts_with("GDPR") {
            continue;
        }
        let start = tokens[first].0;
        let start = start
            + text[start..]
                .find(|c: char| c.is_alphanumeric())
                .unwrap_or(0);
        let name = text[start..m.end()]
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .to_string();
        let mut name = name.replace(['(', ')'], "");
        for lead in [
            "Under ", "In ", "By ", "From ", "With ", "Within ", "Through ", "Of ", "And ",
        ] {
            if let Some(rest) = name.strip_prefix(lead) {
                name = rest.trim_start_matches("the ").to_string();
            }
        }
        // "This Act", "Each Regulation": a pointer, not a name.
        let pointer = name.split_whitespace().next().is_some_and(|w| {
            [
                "This", "That", "These", "Those", "Each", "Every", "Any", "Which", "Our", "Its",
            ]
            .contains(&w)
        });
        if words(&name) >= 2 && !pointer && seen.insert(name.clone()) {
            out.push(name);
        }
    }
    // Named policies given as examples of legislation or guidance.
    let lower = text.to_lowercase();
    if ["legislation", "polic", "guidance", "framework", "law"]
        .iter()
        .any(|k| lower.contains(k))
    {
        for caps in EXAMPLES_PAREN.captures_iter(text) {
            for part in caps[1].split(',') {
                let part = part.trim().trim_start_matches("and ").trim();
                let capitalised = part
                    .split_whitespace()
                    .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                    .count();
                if words(part) >= 2
                    && capitalised * 2 >= words(part)
                    && seen.insert(part.to_string())
                {
                    out.push(part.to_string());
                }
            }
        }
    }
    out
}

/// Whether a law's back is only its title ("Safe care and treatment"):
/// short, with no verb that would say what the law does.
fn is_rule_title(back: &str) -> bool {
    let padded = format!(" {} ", no_stop(back).to_lowercase());
    words(back) <= 10
        // "Water use: no hosepipes in August" names the rule and says it.
        && !back.contains(':')
        && ![
            " must ", " should ", " is ", " are ", " requires ", " require ", " means ", " can ",
            " has ", " have ", " will ", " may ",
        ]
        .iter()
        .any(|v| padded.contains(v))
}

/// The Regulations a numbered regulation belongs to, from the headings
/// over it or else the law the text named last: "the 2014 Regulations"
/// (or their whole name when it has no year). `None` when the name is no
/// numbered regulation or neither names any Regulations.
fn regulations_over(block: &Block, name: &str, last_law: Option<&str>) -> Option<String> {
    let rest = name.strip_prefix("Regulation ")?;
    let after = rest.trim_start_matches(|c: char| c.is_ascii_alphanumeric());
    // "Regulation 9", "Regulation 9 (person-centred care)"; not a name run
    // on after the number.
    if !rest.starts_with(|c: char| c.is_ascii_digit())
        || !(after.is_empty() || after.starts_with(" ("))
    {
        return None;
    }
    // (Else the Regulations the text named last: "… the 2014 Regulations,
    // which contain the standards: – Regulation 12: safe care".)
    let parent = block
        .section
        .iter()
        .rev()
        .flat_map(|h| laws_in(h))
        .find(|l| l.contains("Regulations"))
        .or_else(|| {
            last_law
                .filter(|l| l.contains("Regulations"))
                .map(str::to_string)
        })?;
    let parent = parent.strip_prefix("The ").unwrap_or(&parent);
    Some(match parent.rsplit_once(' ') {
        Some((_, year)) if year.len() == 4 && year.chars().all(|c| c.is_ascii_digit()) => {
            format!("the {year} Regulations")
        }
        _ => format!("the {parent}"),
    })
}

/// The question a law's predicate answers, with its answer: "Places a
/// duty on councils to keep parks open." → ("What duty {does} {law} place
/// on councils?", "To keep parks open."); "Requires owners to …" → "What
/// {does} {law} require owners to do?"; "Protects trees from …" → "What
/// {does} {law} protect trees from?"; "Makes it an offence to …" → "What
/// {does} {law} make an offence?"; "Allows wardens to …", "Gives
/// tenants the right to …". `None` for any other predicate, which is
/// asked as what the law does.
pub(crate) fn law_question(back: &str) -> Option<(String, String)> {
    let back = no_stop(back);
    let (verb, rest) = back.split_once(' ')?;
    let verb = verb.to_lowercase();
    // "Says you must assume …": what it says someone must do.
    if ["says", "states", "means"].contains(&verb.as_str()) {
        let said = rest.strip_prefix("that ").unwrap_or(rest);
        return must_question(&capitalize(said));
    }
    if let Some(asked) = must_question(back) {
        return Some(asked);
    }
    // Who the law binds: a short noun phrase, no clause.
    let who_ok = |who: &str| (1..=6).contains(&words(who)) && !who.contains([',', ';', '(']);
    // "… from being treated unfairly for doing so": an answer that points
    // back at the sentence it was cut from.
    let answer = |a: &str| {
        let a = a.trim();
        let points = no_stop(a).ends_with(" so")
            || a.split_whitespace()
                .any(|w| ["this", "these", "those"].contains(&w));
        (words(a) >= 2 && !points).then(|| close(&capitalize(a)))
    };
    match verb.as_str() {
        "places" | "place" | "puts" | "put" => {
            let rest = rest.strip_prefix("a ").unwrap_or(rest);
            let (duty, tail) = rest.split_once(" on ")?;
            if !["duty", "legal duty", "general duty", "statutory duty"].contains(&duty) {
                return None;
            }
            let (who, what) = tail.split_once(" to ")?;
            if !who_ok(who) || what.contains(", and ") || what.contains(" and a duty") {
                return None;
            }
            let base = if verb.starts_with("pu") {
                "put"
            } else {
                "place"
            };
            Some((
                format!("What {duty} {{does}} {{law}} {base} on {who}?"),
                answer(&format!("to {what}"))?,
            ))
        }
        // "Requires owners to …", "Allows wardens to …": what it has them
        // do; "Protects trees from …": from what.
        "requires" | "require" | "allows" | "allow" | "protects" | "protect" => {
            let base = verb.trim_end_matches('s');
            let (split, ask) = if base == "protect" {
                (" from ", "from")
            } else {
                (" to ", "to do")
            };
            let (who, what) = rest.split_once(split)?;
            // "Requires risks to be assessed": a passive names no one.
            if !who_ok(who) || who.starts_with("that ") || what.starts_with("be ") {
                return None;
            }
            Some((
                format!("What {{does}} {{law}} {base} {who} {ask}?"),
                answer(what)?,
            ))
        }
        "makes" | "make" => {
            let rest = rest.strip_prefix("it ")?;
            let (what_kind, act) = ["an offence", "a criminal offence", "unlawful", "illegal"]
                .iter()
                .find_map(|k| Some((*k, rest.strip_prefix(k)?.strip_prefix(" to ")?)))?;
            Some((
                format!("What {{does}} {{law}} make {what_kind}?"),
                answer(&format!("to {act}"))?,
            ))
        }
        "gives" | "give" => {
            let (who, what) = rest.split_once(" the right to ")?;
            if !who_ok(who) {
                return None;
            }
            Some((
                format!("What right {{does}} {{law}} give {who}?"),
                answer(&format!("the right to {what}"))?,
            ))
        }
        _ => None,
    }
}

/// The numbered parts of a law a back names, each with what it says:
/// "Article 5 (right to liberty); Article 8 private and family life" →
/// [("Article 5", "what right does Article 5 protect?", "The right to
/// liberty."), …]; "Section 2 for assessment" → "what is section 2 for?";
/// "Regulation 12 safe care and treatment" → "what is Regulation 12
/// about?"; "Regulation 18: notify CQC of …" → "what does Regulation 18
/// require?". Empty unless every part named can be asked.
pub(crate) fn law_parts(back: &str) -> Vec<(String, String, String)> {
    static PART: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(article|regulation|section)s? ([0-9]{1,3}[A-Z]?)\b")
            .expect("valid pattern")
    });
    let back = no_stop(back);
    let found: Vec<_> = PART.captures_iter(back).collect();
    let mut out = Vec::new();
    let mut prev_end = 0;
    for (i, caps) in found.iter().enumerate() {
        let whole = caps.get(0).map_or(0..0, |m| m.range());
        let part = format!("{} {}", capitalize(&caps[1].to_lowercase()), &caps[2]);
        let before = &back[prev_end..whole.start];
        let next = found
            .get(i + 1)
            .and_then(|c| c.get(0))
            .map_or(back.len(), |m| m.start());
        let content = if before.ends_with('(') && back[whole.end..].starts_with(')') {
            // "… the right to liberty (Article 5)": what comes before.
            let before = before.trim_end_matches('(').trim_end();
            // (" and " only before a right of its own: "private and
            // family life" is one.)
            let from = [
                ", ",
                "; ",
                "such as ",
                " and the ",
                " and to ",
                " and right",
            ]
            .iter()
            .filter_map(|k| {
                let skip = if k.starts_with(" and ") { 5 } else { k.len() };
                before.rfind(k).map(|i| i + skip)
            })
            .max()
            .unwrap_or(0);
            prev_end = whole.end + 1;
            before[from..].to_string()
        } else {
            // "Article 8 (…)", "Article 8: …", "Article 8 …", after a
            // list's break: what comes after, up to the next part.
            let lead = before.trim_end();
            let opens = lead.is_empty()
                || lead.ends_with([';', ','])
                || ["and", "or", "Eg", "E.g.", "Includes", "Protects"]
                    .iter()
                    .any(|w| lead == *w || lead.ends_with(&format!(" {w}")));
            if !opens {
                return Vec::new();
            }
            let after = back[whole.end..next].trim_start_matches([':', ',', '–', '-', ' ']);
            prev_end = next;
            match after.strip_prefix('(').and_then(|a| a.split_once(')')) {
                Some((inside, _)) => inside.to_string(),
                None => {
                    let after = text::before_first(after, &["; ", ". "]);
                    let after = after.trim_end_matches([',', ';', ' ']);
                    let after = after
                        .strip_suffix(" and")
                        .or_else(|| after.strip_suffix(" or"))
                        .unwrap_or(after);
                    after.trim_end_matches([',', ' ']).to_string()
                }
            }
        };
        let content = content.trim();
        let content = [
            "Protects ",
            "Includes ",
            "rights such as ",
            "such as ",
            "and ",
        ]
        .iter()
        .fold(content, |c, p| c.strip_prefix(p).unwrap_or(c))
        .trim();
        let Some((ask, answer)) = part_question(&part, content) else {
            return Vec::new();
        };
        out.push((part, ask, answer));
    }
    out
}

/// The question one numbered part answers, from what the back says of it.
fn part_question(part: &str, content: &str) -> Option<(String, String)> {
    if !(1..=14).contains(&words(content))
        || content.starts_with("of ")
        || content
            .split_whitespace()
            .any(|w| ["this", "these", "those", "it"].contains(&w))
    {
        return None;
    }
    let kind = part.split(' ').next().unwrap_or("");
    let shown = if kind == "Section" {
        part.to_lowercase()
    } else {
        part.to_string()
    };
    let (first, rest) = content.split_once(' ').unwrap_or((content, ""));
    let against = |what: &str| {
        (
            format!("what does {shown} protect against?"),
            close(&capitalize(what)),
        )
    };
    match kind {
        "Article" => {
            let content = ["gives everyone ", "gives ", "protects ", "covers "]
                .iter()
                .fold(content, |c, p| c.strip_prefix(p).unwrap_or(c));
            if let Some(what) = content
                .strip_prefix("prohibits ")
                .or_else(|| content.strip_prefix("no "))
                .or_else(|| content.strip_prefix("freedom from "))
            {
                return Some(against(what));
            }
            for lead in ["the right not to be ", "right not to be "] {
                if let Some(what) = content.strip_prefix(lead) {
                    return Some(against(&format!("being {what}")));
                }
            }
            // ("Right to life", capitalised after a dash, is a right too.)
            let lower = content.to_lowercase();
            let right = if let Some(r) = ["the right ", "right "]
                .iter()
                .find(|p| lower.starts_with(*p))
                .map(|p| &content[p.len()..])
            {
                format!("the right {r}")
            } else if content.starts_with("to ") {
                format!("the right {content}")
            } else if content
                .split_whitespace()
                .next()
                .is_some_and(|w| w.ends_with('s'))
            {
                // "limits …": a verb this reading does not know.
                return None;
            } else {
                format!("the right to {content}")
            };
            Some((
                format!("what right does {shown} protect?"),
                close(&capitalize(&right)),
            ))
        }
        "Section" => {
            if let Some(what) = content.strip_prefix("for ") {
                return Some((format!("what is {shown} for?"), close(&capitalize(what))));
            }
            if let Some(what) = content.strip_prefix("sets out ") {
                return Some((
                    format!("what does {shown} set out?"),
                    close(&capitalize(what)),
                ));
            }
            if first.ends_with('s') && !rest.is_empty() && first != "safeguarding" {
                return None;
            }
            Some((
                format!("what does {shown} cover?"),
                close(&capitalize(content)),
            ))
        }
        _ => {
            if is_rule_title(content) && !content.starts_with(char::is_lowercase)
                || content.split_whitespace().count() <= 4
                    && !first.ends_with('s')
                    && !["notify", "keep", "tell", "report", "make", "provide"].contains(&first)
            {
                Some((
                    format!("what is {shown} about?"),
                    close(&capitalize(content)),
                ))
            } else if first.ends_with('s') {
                None
            } else {
                Some((
                    format!("what does {shown} require?"),
                    close(&capitalize(content)),
                ))
            }
        }
    }
}

/// Verbs whose object is what a law has someone do: "Employers must
/// provide first aid equipment" is asked "what must employers provide?".
static OBJECT_VERBS: Words = Words::new(&[
    "provide", "keep", "have", "assume", "make", "obtain", "gain", "appoint", "publish", "arrange",
    "offer", "record", "carry",
]);

/// "Employers must provide first aid kits" → ("Under {law}, what must
/// employers provide?", "First aid kits."); "You must act in their best
/// interests" → ("Under {law}, what must you do?", "Act in their best
/// interests."); "Premises must be clean and secure" → ("Under {law},
/// what must premises be?", "Clean and secure."). `None` for a passive
/// ("Care must be provided …"), a pronoun or a clause for a subject.
fn must_question(back: &str) -> Option<(String, String)> {
    let caps = DUTY.captures(back)?;
    let modal = &caps[2];
    if !modal.starts_with("must") {
        return None;
    }
    let who = &caps[1];
    let first = who.split(' ').next().unwrap_or("");
    if [
        "It", "This", "These", "They", "There", "That", "So", "Also", "Then",
    ]
    .contains(&first)
    {
        return None;
    }
    // Someone the law binds: people or bodies ("employers", "local
    // authorities", "staff", "you"), not a thing done ("Care must …").
    let last = who.rsplit(' ').next().unwrap_or(who).to_lowercase();
    let agent = last.ends_with('s')
        || [
            "you",
            "staff",
            "everyone",
            "employer",
            "provider",
            "individual",
            "person",
            "worker",
            "manager",
            "equipment",
        ]
        .contains(&last.as_str());
    if !agent {
        return None;
    }
    let who = if who.chars().skip(1).any(char::is_uppercase) {
        who.to_string()
    } else {
        decapitalize(who)
    };
    let not = if modal == "must" { "" } else { " not" };
    // One duty: up to the next clause, or the next "must".
    let what = text::before_first(
        &caps[3],
        &[
            "; ",
            ", so ",
            ", and ",
            ", but ",
            ". ",
            " and must ",
            " and should ",
            ", for example",
            ", e.g.",
            " – for example",
            " (e.g.",
        ],
    );
    let (verb, object) = what.split_once(' ')?;
    let (ask, answer) = if verb == "be" {
        // "must be clean": what it must be; "must be assumed": a passive.
        let next = object.split([' ', ',']).next().unwrap_or("");
        if next.ends_with("ed") || next.ends_with("en") || SMALL.contains(&next) {
            return None;
        }
        (format!("what must {who}{not} be?"), object.to_string())
    } else if not.is_empty() && OBJECT_VERBS.contains(&verb) {
        let (verb_shown, object) = match (verb, object.strip_prefix("out ")) {
            ("carry", Some(object)) => ("carry out", object),
            ("carry", None) => return None,
            _ => (verb, object),
        };
        // "have consent before giving medicine": the time goes on the front.
        match [" before ", " when "]
            .iter()
            .find_map(|k| object.split_once(k).map(|(o, c)| (o, k.trim(), c)))
        {
            Some((object, key, cond)) if words(cond) >= 2 => (
                format!("what must {who} {verb_shown} {key} {cond}?"),
                object.to_string(),
            ),
            _ => (format!("what must {who} {verb_shown}?"), object.to_string()),
        }
    } else {
        (format!("what must {who}{not} do?"), what.to_string())
    };
    if words(&answer) < 2
        || answer
            .split_whitespace()
            .any(|w| ["this", "these", "those"].contains(&w))
    {
        return None;
    }
    Some((format!("Under {{law}}, {ask}"), close(&capitalize(&answer))))
}

/// What a sentence says a law does: the predicate after the name ("The
/// Care Act 2014 places a duty on…" → "Places a duty on…"), or `None`
/// when the sentence is about something else.
pub(crate) fn law_predicate(text: &str, name: &str) -> Option<String> {
    static VERBS: Words = Words::new(&[
        "places",
        "makes",
        "requires",
        "sets",
        "gives",
        "protects",
        "says",
        "states",
        "covers",
        "introduced",
        "established",
        "means",
        "is",
        "was",
        "applies",
        "replaced",
        "brought",
        "created",
        "defines",
        "puts",
        "provides",
        "outlines",
        "requires",
        "lets",
        "allows",
        "made",
        "sets",
        "underpins",
        "governs",
        "ensures",
        "aims",
        "promotes",
        "prohibits",
        // The plural forms, for regulations ("These require …").
        "place",
        "make",
        "require",
        "set",
        "give",
        "protect",
        "cover",
        "apply",
        "put",
        "provide",
        "outline",
        "allow",
        "govern",
        "ensure",
        "promote",
        "prohibit",
        "are",
    ]);
    let pos = text.find(name)?;
    // "the duties that the Care Act 2014 places on …": the law's object
    // is before it, in another clause; what follows says nothing whole.
    let before = text[..pos].trim_end().to_lowercase();
    let before = before.strip_suffix("the").unwrap_or(&before).trim_end();
    if before.ends_with(" that") || before.ends_with(" which") {
        return None;
    }
    let mut after = text[pos + name.len()..].trim_start_matches(')');
    // "The Human Rights Act 1998, through Article 8, protects …": the
    // aside between the name and its verb.
    if let Some(aside) = after.strip_prefix(", ")
        && let Some((inner, rest)) = aside.split_once(", ")
        && (1..=4).contains(&words(inner))
        && !inner.contains(['.', ';'])
    {
        after = rest;
    }
    let after = after.trim_start_matches([')', ',', ' ']);
    let verb = after.split_whitespace().next()?.to_lowercase();
    if !VERBS.contains(&verb.as_str()) {
        return None;
    }
    // "…, and the Health and Safety at Work etc. Act 1974 says …": the
    // next law's clause is not this one's.
    let after = match after.find(", and the ") {
        Some(i) if after[i + 10..].starts_with(char::is_uppercase) => &after[..i],
        _ => after,
    };
    let clause = after.split(". ").next().unwrap_or(after);
    let clause = no_stop(clause);
    // "gives certain people, such as a personal representative, the right
    // to …": the examples set in commas are left out.
    let unexampled;
    let clause = match clause
        .find(", such as ")
        .or_else(|| clause.find(", for example "))
    {
        Some(start) => match clause[start + 2..].find(", ") {
            Some(len) => {
                // The comma after the aside stays before a new clause
                // ("…, although …") and goes inside one ("…, the right").
                let tail = &clause[start + 2 + len..];
                let next = tail[2..].split(' ').next().unwrap_or("");
                let joins = [
                    "although", "but", "and", "which", "while", "because", "so", "or",
                ];
                let tail = if joins.contains(&next) {
                    tail
                } else {
                    &tail[1..]
                };
                unexampled = format!("{}{}", &clause[..start], tail);
                unexampled.as_str()
            }
            None => clause,
        },
        None => clause,
    };
    // "… is the main law …" reads as an answer with its subject: "It is …".
    let answer = match verb.as_str() {
        "is" | "was" => format!("It {clause}"),
        _ => capitalize(clause),
    };
    (words(clause) >= 4).then(|| close(&answer))
}

/// "Employers must …", "Employees have a duty to …", "RIDDOR requires
/// employers to …": who, whether it is forbidden, and what.
static DUTY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:The|All|Every) )?([A-Z][a-z’'-]+(?: [a-z’'-]+){0,3}|You) (must not|must never|must|have a (?:legal |general )?duty to|has a (?:legal |general )?duty to|are required to|is required to) ([a-z].{12,})$")
        .expect("valid pattern")
});

static REQUIRES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:The |This |These |It |They )?(?:[A-Za-z0-9 .()’'-]{0,120}?)(?:requires?|obliges?) ((?:the )?[a-z][a-z’'-]+(?: [a-z’'-]+){0,3}) to ([a-z].{12,})$")
        .expect("valid pattern")
});

impl Extractor {
    /// What a law requires of whom, asked as "Under the X Act, what must
    /// employers do?": from a sentence under the law's own heading, or one
    /// that opens "Under the X Act, …". Returns whether a card was drafted.
    pub(super) fn duty(&mut self, block: &Block, line: u32, sentence: &str) -> bool {
        let sentence = no_stop(text::strip_outline_number(sentence.trim()));
        // "Under the Food Safety Act 1990, food businesses must …".
        let (law, rest) = match strip_prefix_ci(sentence, "Under")
            .and_then(|r| r.trim_start().split_once(", "))
            .and_then(|(head, rest)| Some((laws_in(head).into_iter().next()?, rest)))
        {
            Some((law, rest)) => (law, capitalize(rest)),
            None => match block
                .section
                .last()
                .and_then(|h| laws_in(h).into_iter().next())
            {
                Some(law) => (law, sentence.to_string()),
                None => return false,
            },
        };
        let (actor, not, what) = if let Some(caps) = DUTY.captures(&rest) {
            let not = caps[2].starts_with("must n");
            (caps[1].to_string(), not, caps[3].to_string())
        } else if let Some(caps) = REQUIRES.captures(&rest) {
            // Only the law itself, its short name or a pronoun requires.
            let subject = &rest[..caps.get(1).map_or(0, |m| m.start())];
            let names_law = ["The ", "This ", "These ", "It ", "They "]
                .iter()
                .any(|p| subject.starts_with(p) && words(subject) <= 3)
                || text::contains_words(subject, &law)
                || acronyms_in(&block.section.last().cloned().unwrap_or_default())
                    .iter()
                    .any(|(a, _)| subject.trim_end().ends_with(a.as_str()))
                || words(subject) <= 2;
            if !names_law {
                return false;
            }
            (
                caps[1].trim_start_matches("the ").to_string(),
                false,
                caps[2].to_string(),
            )
        } else {
            return false;
        };
        // Not a pronoun, nor a connective before the subject ("So services").
        let first = actor.split(' ').next().unwrap_or("");
        let not_actor = [
            "It",
            "This",
            "These",
            "They",
            "There",
            "That",
            "He",
            "She",
            "We",
            "So",
            "Thus",
            "Therefore",
            "Also",
            "However",
            "Then",
            "Now",
            "Staff",
            "Someone",
        ];
        if words(&actor) > 4
            || not_actor.contains(&first) && actor != "Staff"
            || actor.contains(',')
        {
            return false;
        }
        // "must be reported": a passive names no one the law binds.
        if what.starts_with("be ") {
            return false;
        }
        // "(for example by following the policy)": the example is not the duty.
        let what = match what.find(" (") {
            Some(i) if what[i..].contains(')') && what.trim_end().ends_with(')') => &what[..i],
            _ => what.as_str(),
        };
        let what = text::before_first(
            what,
            &[
                ", for example",
                " – for example",
                " - for example",
                ", e.g.",
                " – e.g.",
            ],
        );
        let Some(back) = text::trim_answer(&close(&capitalize(what)), MAX_ANSWER_WORDS) else {
            return false;
        };
        if words(&back) < 3 {
            return false;
        }
        let who = if actor == "You" {
            "you".to_string()
        } else {
            self.shown(&actor)
        };
        let name = law.strip_prefix("The ").unwrap_or(&law);
        let the = law_article(name);
        let not = if not { " not" } else { "" };
        let front = format!("Under {the}{name}, what must {who}{not} do?");
        let cue = Cue::duty(name, &actor, !not.is_empty());
        self.push(
            block,
            line,
            Self::draft(CardKind::Legislation, cue, front, back),
        );
        true
    }
}
