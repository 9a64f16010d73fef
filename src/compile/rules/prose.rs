//! Prose: the sentences of a paragraph, each handed to the rule that can
//! make a card of it (definitions, inline lists, misconceptions, clozes).

use super::*;

impl Extractor {
    /// Running text: definitions first, then cloze cards for key sentences
    /// (at most `max_cloze` from this text).
    pub(super) fn prose(&mut self, block: &Block, text: &str, line: u32, max_cloze: usize) {
        // A story is told by its paragraph: "Janet was appointed …" after
        // "Marcus Obi, a social worker, visited" is the story's too.
        let story = match &block.body {
            Body::Paragraph(paragraph) => tells_a_story(paragraph) || names_someone(paragraph),
            _ => false,
        };
        // "Misconception: “Everyone knows how to …” In fact …": a myth
        // and its truth, labelled as such.
        if let Some((label, rest)) = text.split_once(':')
            && is_myth_label(label)
        {
            let item = Item {
                text: rest.trim().to_string(),
                line,
                number: None,
            };
            self.misconception(block, &item);
            return;
        }
        // Under "Common misconceptions": "X “Pruning kills roses.” ->
        // Pruning renews them." (a cross, a quoted myth and its truth).
        if matches!(block.body, Body::Paragraph(_))
            && block
                .section
                .last()
                .is_some_and(|h| is_misconception_section(h))
        {
            let bare = text
                .trim_start_matches(['X', 'x', '✗', '✘', '❌', '×'])
                .trim_start();
            if bare.len() < text.len()
                && bare.starts_with(['"', '“'])
                && quoted_myth(bare).is_some()
            {
                let item = Item {
                    text: bare.to_string(),
                    line,
                    number: None,
                };
                self.misconception(block, &item);
                return;
            }
        }
        let sentences = text::sentences(text);
        // "The Act describes several types of prohibited conduct. Direct
        // discrimination is …": the paragraph's terms are the law's.
        let outer_scope = self.law_scope.take();
        if matches!(block.body, Body::Paragraph(_))
            && let Some(first) = sentences.first()
        {
            let named = laws_in(first);
            self.law_scope = match &named[..] {
                [law] if !first.starts_with("Under ") => Some(law.clone()),
                [] if ["The Act ", "the Act ", "this Act ", "This Act "]
                    .iter()
                    .any(|a| first.contains(a)) =>
                {
                    self.last_law.clone()
                }
                _ => None,
            };
            if let Some(law) = laws_in(text).pop() {
                self.last_law = Some(law);
            }
        }
        self.prose_sentences(block, &sentences, text, line, max_cloze, story);
        self.law_scope = outer_scope;
    }

    fn prose_sentences(
        &mut self,
        block: &Block,
        sentences: &[String],
        text: &str,
        line: u32,
        max_cloze: usize,
        story: bool,
    ) {
        let mut clozes = 0;
        let mut answered = usize::MAX;
        // "The gauge shows 84%, but the tank is full. What do you do
        // first?": the sentences before a closing question set its scene,
        // and a gap in them asks for the scene's own numbers.
        let scene = match sentences.last() {
            Some(last) if sentences.len() >= 2 && last.trim_end().ends_with('?') => {
                sentences.len() - 1
            }
            _ => 0,
        };
        for (i, raw) in sentences.iter().enumerate() {
            if i == answered {
                continue;
            }
            if let Some((question, answer)) = list::inline_answer(raw) {
                answered = i + 1;
                self.qa(block, line, text::strip_outline_number(question), answer);
                continue;
            }
            // "How often …? – At least every six months.": a question the
            // document answers on the same line.
            if raw.ends_with('?')
                && let Some(next) = sentences.get(i + 1)
                && let Some(answer) = ["– ", "- ", "— "].iter().find_map(|d| next.strip_prefix(d))
            {
                answered = i + 1;
                self.qa(block, line, text::strip_outline_number(raw), answer);
                continue;
            }
            if let Some((question, answer)) = ["? – ", "? - ", "? — "]
                .iter()
                .find_map(|d| raw.split_once(d))
                .filter(|(q, a)| words(q) >= 3 && words(a) >= 1)
            {
                let question = format!("{}?", text::strip_outline_number(question));
                self.qa(block, line, &question, answer);
                continue;
            }
            // A key term opening its paragraph: "Baseline – the set of
            // observations …", "Sepsis – sepsis is a …", "Septic shock –
            // this is the most severe form …".
            if i == 0
                && matches!(block.body, Body::Paragraph(_))
                && let Some((term, gloss)) = split_term(raw)
                && raw.find(term) == Some(0)
                && term.chars().count() >= 3
                && (1..=4).contains(&words(term))
                && !term.ends_with(':')
                && words(gloss) >= 4
                && !is_attribute_label(term, gloss)
                && self.term_gloss(block, line, term, gloss)
            {
                continue;
            }
            // An essay paragraph that opens with a short label sentence
            // ("Clear labelling. Every bottle must show…").
            if i == 0
                && self.kind == crate::compile::document::DocKind::Essay
                && sentences.len() > 1
                && (2..=7).contains(&words(raw))
                && is_label(no_stop(raw))
                && raw.ends_with('.')
                && !is_pointing(raw)
                && !is_clause(&format!("x {raw}"))
                // "Confidentiality also matters." is a clause, not a label.
                && !raw.split_whitespace().any(|w| ["also", "too", "still"].contains(&w))
                && raw.chars().next().is_some_and(char::is_uppercase)
            {
                let term = no_stop(raw);
                let rest = text::strip_lead_in(&sentences[1]);
                // "Living alone. This does not …" points back; "Really
                // helpful, thanks." is a reader's comment, not a label.
                let adverb = term
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| w.len() > 4 && w.to_lowercase().ends_with("ly"));
                if !text::contains_words(&rest, term)
                    && !is_pointing(&rest)
                    && !adverb
                    && let Some(back) = text::trim_answer(&rest, MAX_ANSWER_WORDS)
                {
                    let front = self.in_topic(&format!("what does “{term}” involve?"));
                    self.push(
                        block,
                        line,
                        Self::draft(CardKind::Definition, Cue::term(term), front, close(&back)),
                    );
                }
                continue;
            }
            if i == 0
                && let Some((term, rest)) = pseudo_heading(raw)
                && is_label(term)
                && !text::contains_words(rest, term)
            {
                let front = self.in_topic(&format!("what does “{term}” involve?"));
                if let Some(back) = text::trim_answer(&capitalize(rest), MAX_ANSWER_WORDS) {
                    self.push(
                        block,
                        line,
                        Self::draft(CardKind::Definition, Cue::term(term), front, close(&back)),
                    );
                }
            }
            // "3.2 Moving and positioning means …": the outline number is
            // the page's, not the sentence's.
            let raw = if i == 0 {
                text::strip_outline_number(raw)
            } else {
                raw.as_str()
            };
            let sentence = text::strip_lead_in(&strip_pseudo_heading(raw));
            // What the course says about itself is no subject knowledge
            // ("Learners should be able to …", "This unit covers …").
            if is_about_the_course(&sentence) {
                continue;
            }
            // The sentence after a rule may give its reason ("Do not give
            // aspirin. Some strokes are caused by bleeding …").
            let reason = sentences.get(i + 1).map(String::as_str).filter(|next| {
                words(next) <= MAX_ANSWER_WORDS
                    && !next.ends_with('?')
                    && [" can ", " could ", " may ", " might ", " would ", "because"]
                        .iter()
                        .any(|w| next.contains(w))
            });
            // "Never tip oil into a drain": where, before the never rules.
            if sentence.starts_with("Never ")
                && !story
                && reason.is_none()
                && ![" – ", " - ", " — ", " because ", " as "]
                    .iter()
                    .any(|d| sentence.contains(d))
                && self.instruction_manner(block, line, &sentence)
            {
                continue;
            }
            if self.never_rule(block, line, &sentence, reason) {
                continue;
            }
            if self.which_means(block, line, &sentence) {
                continue;
            }
            if self.denial(block, line, &sentence) {
                continue;
            }
            // "It can spread by…" after "Norovirus is common…": the
            // pronoun stands for the subject before it.
            let sentence = match (
                i,
                resolve_pronoun(&sentence, i.checked_sub(1).map(|p| sentences[p].as_str())),
            ) {
                (_, Some(resolved)) => resolved,
                _ => sentence,
            };
            // "The person is restless and agitated." under "Hyperactive
            // delirium", under "Types of delirium": the first sentence under
            // a kind's own heading says what that kind is.
            if i == 0
                && matches!(block.body, Body::Paragraph(_))
                && let [.., parent, title] = &block.section[..]
                && is_kinds_heading(parent)
                && (1..=5).contains(&words(title))
                && is_term(text::strip_outline_number(title))
                && (5..=MAX_ANSWER_WORDS).contains(&words(&sentence))
                && !sentence.ends_with('?')
                && !self.mentions_term_first(&sentence, title)
            {
                let title = text::strip_outline_number(title).to_string();
                self.definition(block, line, &title, &close(&sentence), "meant");
                continue;
            }
            // "Feeling safe, warm and reassured." under the tab "Comfort":
            // a gloss of its heading, opening with a gerund.
            if i == 0
                && matches!(block.body, Body::Paragraph(_))
                && let Some(title) = block.section.last()
                && (1..=3).contains(&words(title))
                && is_term(title)
                // ("Measuring for stockings" is a task, no term: "Measuring
                // points for …" under it is the table's caption.)
                && !(words(title) >= 2
                    && title
                        .split_whitespace()
                        .next()
                        .is_some_and(|w| w.len() > 5 && w.to_lowercase().ends_with("ing")))
                && is_gloss(&sentence)
            {
                let title = title.clone();
                self.definition(block, line, &title, &close(&sentence), "what is");
                continue;
            }
            // "Implied consent is shown through…" under the tab "Implied consent".
            if let Some(title) = block.section.last()
                && let Some(rest) = strip_prefix_ci(&sentence, title)
                && let Some(def) = ["is ", "are ", "means ", "refers to "]
                    .iter()
                    .find_map(|v| rest.trim_start().strip_prefix(v))
                && words(def) >= 4
                // "Masking is exhausting and …" says how it is, not what.
                && (["a ", "an ", "the ", "when ", "where "]
                    .iter()
                    .any(|a| def.starts_with(a))
                    || is_bare_gloss(def))
            {
                let title = title.clone();
                self.definition(block, line, &title, &close(&capitalize(def)), "what is");
                continue;
            }
            // "Glaucoma damages the optic nerve, …" under the tab
            // "Glaucoma": what the heading's thing does.
            if i == 0
                && let Some(title) = block.section.last()
                && (1..=4).contains(&words(title))
                && is_term(text::strip_outline_number(title))
                && self.what_it_does(block, line, &sentence, text::strip_outline_number(title))
            {
                continue;
            }
            // "A non-slip mat stops the plate sliding.": a key term of the
            // document opening the sentence, and what it does.
            if !story
                && let Some(term) = self.leading_key_term(&sentence)
                && self.what_it_does(block, line, &sentence, &term)
            {
                continue;
            }
            self.in_passing(block, &sentence, line);
            // "use a net if birds strip the fruit" under "Do not:" is
            // the lead's, which may forbid it.
            let led = matches!(block.body, Body::List(_)) && text.starts_with(char::is_lowercase);
            if !story && !led && self.conditional_rule(block, line, &sentence) {
                continue;
            }
            if self.duty(block, line, &sentence) {
                continue;
            }
            if let Some(next) = sentences.get(i + 1) {
                self.law_then_description(block, line, &sentence, next);
            }
            if let Some(caps) = KNOWN_AS.captures(&sentence)
                && i > 0
            {
                // "… without coughing. This is known as silent aspiration,
                // so …": the term is asked for what the sentence before says
                // (a "which term describes …?" front quotes the page).
                let term = caps[1].split([',', ';']).next().unwrap_or("").trim();
                let before = text::strip_lead_in(&sentences[i - 1]);
                if words(&before) <= 30 && !is_pointing(&before) && !term.is_empty() {
                    let description = close(&capitalize(&before));
                    self.definition(block, line, term, &description, "meant");
                }
                continue;
            }
            if let Some((term, meaning)) = term_known_as(&sentence) {
                let meaning = close(&capitalize(meaning));
                self.definition(block, line, term, &meaning, "what is");
                continue;
            }
            if let Some((description, term)) = known_as_inline(&sentence) {
                let description = close(&capitalize(description));
                self.definition(block, line, term, &description, "meant");
                continue;
            }
            // A list item in lower case goes on from its lead: "help with
            // cash because of age" is no instruction with its reason.
            let lead_on =
                matches!(block.body, Body::List(_)) && text.starts_with(char::is_lowercase);
            if !story && self.reasoned_rule(block, line, &sentence, lead_on) {
                continue;
            }
            if !story && !lead_on && self.manner_rule(block, line, &sentence) {
                continue;
            }
            if !story && !lead_on && self.instruction_manner(block, line, &sentence) {
                continue;
            }
            if is_pointing(&sentence) || sentence.ends_with('?') || mentions_figure(&sentence) {
                continue;
            }
            // The appositive's length is checked here, not in the pattern:
            // a bounded repeat of a Unicode class is slow to compile.
            if let Some(caps) = APPOSITIVE.captures(&sentence)
                && caps[1].chars().count() <= 124
                && let Some(whole) = caps.get(0)
            {
                let term = noun_before(&sentence[..whole.start()]);
                if let Some(term) = term {
                    self.definition(block, line, &term, &caps[1], "what is");
                }
            }
            // "the seat or sling is the right type …" under "Before each
            // use check:": a checklist's item states a check, not what a
            // term means.
            let checked = matches!(block.body, Body::List(_)) && text.starts_with("the ");
            if !checked
                && let Some(caps) = DEFINES
                    .captures(no_stop(&sentence))
                    .or_else(|| IS_A.captures(no_stop(&sentence)))
                    .or_else(|| IS_A_LOWER.captures(no_stop(&sentence)))
                    .or_else(|| {
                        // "The model is popular with …": a word named before,
                        // described, not defined.
                        let anaphoric = |c: &regex::Captures| {
                            c[1].strip_prefix("The ").is_some_and(|w| !w.contains(' '))
                        };
                        IS_BARE
                            .captures(no_stop(&sentence))
                            .filter(|c| is_bare_gloss(&c[3]) && !anaphoric(c))
                    })
            {
                // The article the sentence gives its term ("A fall is …").
                let term = match ["A ", "An "].iter().find(|a| sentence.starts_with(**a)) {
                    Some(a) if sentence[a.len()..].starts_with(&caps[1]) => {
                        format!("{a}{}", &caps[1])
                    }
                    _ => caps[1].to_string(),
                };
                let verb = &caps[2];
                // "Ask ten gardeners what compost means …": a clause with a
                // question word in it is no term.
                let clause = term.split_whitespace().skip(1).any(|w| {
                    [
                        "what", "which", "who", "how", "why", "where", "when", "whether",
                    ]
                    .contains(&w.to_lowercase().as_str())
                });
                if !is_pointing(&term) && words(&term) <= 6 && !term.contains(',') && !clause {
                    let def = if matches!(
                        verb,
                        "is" | "are" | "means" | "refers to" | "is defined as" | "is the term for"
                    ) {
                        caps[3].to_string()
                    } else if verb.ends_with(" when") {
                        // "Shear happens when the skin …": what it is, when.
                        format!("when {}", &caps[3])
                    } else {
                        // "The WHO describes mental health as …": how X
                        // describes it.
                        if verb == "describes"
                            && let Some((object, how)) = caps[3].split_once(" as ")
                            && words(object) <= 5
                        {
                            // A name keeps its capitals and its article.
                            let named = term.split_whitespace().all(|w| {
                                w.starts_with(|c: char| c.is_uppercase()) || SMALL.contains(&w)
                            });
                            let who = if !named {
                                self.shown(&term)
                            } else if sentence.starts_with("The ") {
                                format!("the {term}")
                            } else {
                                term.clone()
                            };
                            let front =
                                self.in_topic(&format!("how does {who} describe {object}?"));
                            let back = close(&capitalize(how));
                            if let Some(back) = text::trim_answer(&back, MAX_ANSWER_WORDS) {
                                self.push(
                                    block,
                                    line,
                                    Self::draft(
                                        CardKind::Definition,
                                        Cue::term(&term),
                                        front,
                                        back,
                                    ),
                                );
                            }
                            continue;
                        }
                        // "X involves Y": what does X involve? Y.
                        let ask = if verb == "describes" {
                            "describe"
                        } else {
                            "involve"
                        };
                        let def = close(&capitalize(&caps[3]));
                        self.definition(block, line, &term, &def, ask);
                        continue;
                    };
                    // "X means Y" says it is a definition; "X is Y" may
                    // only say what kind of thing X is.
                    let ask = if verb == "is" || verb == "are" {
                        "what is"
                    } else {
                        "defines"
                    };
                    self.definition(block, line, &term, &close(&capitalize(&def)), ask);
                    continue;
                }
            }
            if self.inline_list(block, line, &sentence) {
                continue;
            }
            if clozes < max_cloze && i >= scene && self.cloze(block, line, &sentence, story) {
                clozes += 1;
            }
        }
    }
}

pub(crate) static COMPLEMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:is|are|was|were|remains|becomes|means) ([a-z][0-9A-Za-z_-]*(?: [a-z][0-9A-Za-z_-]*)?)\.?$")
        .expect("valid pattern")
});

/// Words that, starting a sentence, point back at something the card
/// would not show.
pub(crate) static POINTING: Words = Words::new(&[
    "it",
    "they",
    "their",
    "this",
    "these",
    "those",
    "he",
    "she",
    "his",
    "her",
    "its",
    "such",
    "both",
    "here",
    "there",
    "that",
    "them",
    "then",
    "also",
    "however",
    "therefore",
    "thus",
    "as",
    "each",
    "so",
    "but",
    "and",
    "or",
    "finally",
    "which",
    "who",
]);

/// The term and text of a paragraph that opens with a pseudo-heading
/// ("Apology- the regulation requires…").
pub(crate) fn pseudo_heading(sentence: &str) -> Option<(&str, &str)> {
    let pos = sentence.find("- ")?;
    let term = sentence[..pos].trim();
    let rest = sentence[pos + 2..].trim();
    let first = term.chars().next()?;
    (pos > 0
        && !sentence[..pos].ends_with(' ')
        && first.is_uppercase()
        && (1..=4).contains(&words(term))
        && words(rest) >= 5)
        .then_some((term, rest))
}

/// "Hand hygiene- the single most important step is…" → "the single most
/// important step is…": a pseudo-heading glued to the start of a paragraph.
pub(crate) fn strip_pseudo_heading(sentence: &str) -> String {
    if let Some(pos) = sentence.find("- ")
        && pos > 0
        && !sentence[..pos].ends_with(' ')
        && words(&sentence[..pos]) <= 4
        && words(&sentence[pos + 2..]) >= 5
    {
        return capitalize(sentence[pos + 2..].trim());
    }
    sentence.to_string()
}

/// The noun phrase just before a comma ("… such as hand gels, which").
pub(crate) fn noun_before(text: &str) -> Option<String> {
    let mut picked: Vec<&str> = Vec::new();
    for w in text.split_whitespace().rev() {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        if picked.is_empty() && w.starts_with('(') && w.trim_end_matches([',', '.']).ends_with(')')
        {
            // "Public Sector Equality Duty (PSED), which…": skip the acronym.
            continue;
        }
        if SMALL.contains_lower(bare)
            || ["should", "not", "must", "can", "may", "will"].contains(&bare)
            || bare.is_empty()
            || picked.len() >= 5
        {
            break;
        }
        picked.push(bare);
    }
    picked.reverse();
    (!picked.is_empty()).then(|| picked.join(" "))
}

/// The sentence with a leading "It"/"They" replaced by the subject of the
/// sentence before, when that subject is a short noun phrase.
pub(crate) fn resolve_pronoun(sentence: &str, previous: Option<&str>) -> Option<String> {
    static VERBS: Words = Words::new(&[
        "can", "is", "are", "has", "have", "must", "should", "will", "may", "was", "were", "occur",
        "occurs", "means", "involves", "helps", "help", "need", "needs", "could",
    ]);
    let (pronoun, rest) = sentence.split_once(' ')?;
    if !["It", "They"].contains(&pronoun) {
        return None;
    }
    let previous = text::strip_lead_in(previous?);
    let words_before: Vec<&str> = previous
        .split_whitespace()
        .take_while(|w| !VERBS.contains_lower(w))
        .collect();
    if words_before.is_empty() || words_before.len() > 4 || is_pointing(&previous) {
        return None;
    }
    let subject = words_before.join(" ");
    if subject.contains(',') || words_before.len() == previous.split_whitespace().count() {
        return None;
    }
    Some(format!("{subject} {rest}"))
}

pub(crate) fn is_pointing(sentence: &str) -> bool {
    let lower = sentence.trim_start().to_lowercase();
    if [
        "if so",
        "if not",
        "in this case",
        "in that case",
        "in these cases",
        "as above",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
    {
        return true;
    }
    let first = sentence
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    POINTING.contains(&first.as_str())
}

pub(crate) fn mentions_figure(sentence: &str) -> bool {
    static FIGURES: LazyLock<AhoCorasick> = LazyLock::new(|| {
        text::keyword_matcher(&[
            "diagram",
            "figure",
            "the table",
            "chart",
            "picture",
            "image",
            "below",
            "above",
            "shown",
        ])
    });
    FIGURES.is_match(sentence)
}

/// A sentence that glosses a heading rather than saying something of its
/// own: it opens with a gerund ("Feeling safe and reassured", "Having
/// bonds with other people") and is short.
pub(crate) fn is_gloss(sentence: &str) -> bool {
    let mut words_ = sentence.split_whitespace();
    let first = words_.next().unwrap_or("");
    // "Lifting Operations …" is a name, not a gerund phrase.
    let second_lower = words_
        .next()
        .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()));
    second_lower
        && first.len() > 5
        && first.ends_with("ing")
        && first.starts_with(|c: char| c.is_uppercase())
        && !["During", "Nothing", "Something", "Everything", "According"].contains(&first)
        && (4..=20).contains(&words(sentence))
        // "Pruning is more than …" is a clause about the gerund, not a gloss.
        && !sentence
            .split_whitespace()
            .any(|w| ["is", "are", "was", "were", "can", "must", "should"].contains(&w))
}

/// A label rather than a sentence: three words at most ("Written
/// follow-up"), or Title Case ("Duty Of Candour Explained"); not "Records
/// also protect the individual".
pub(crate) fn is_label(text: &str) -> bool {
    words(text) <= 3
        || text
            .split_whitespace()
            .filter(|w| w.len() >= 4)
            .all(|w| w.starts_with(|c: char| c.is_uppercase()))
}

/// Whether a sentence speaks about the course rather than its subject: a
/// learning outcome, or the unit, guide or module describing itself.
pub(crate) fn is_about_the_course(sentence: &str) -> bool {
    static PHRASES: LazyLock<AhoCorasick> = LazyLock::new(|| {
        text::keyword_matcher(&[
            "learners should",
            "learners must",
            "learners will",
            "learners need",
            "by the end of this",
            "you will be able to",
            "this unit ",
            "this module ",
            "this guide ",
            "this study guide",
            "this course ",
            "this workbook",
            "this lesson",
            "you will learn",
            "in your answer",
            "in the exam",
            "gain marks",
        ])
    });
    PHRASES.is_match(sentence)
}

impl Extractor {
    /// A rule that forbids ("Never X without Y", "Never X (the term)"):
    /// "what must you have before you X? → Y", or "what is the term, and
    /// is it allowed? → X – never allowed". True when a card was made.
    pub(super) fn never_rule(
        &mut self,
        block: &Block,
        line: u32,
        sentence: &str,
        reason: Option<&str>,
    ) -> bool {
        let s = no_stop(sentence.trim());
        let Some(rest) = ["Never ", "Do not ", "Don't ", "Don’t "]
            .iter()
            .find_map(|p| s.strip_prefix(p))
        else {
            return false;
        };
        if rest.contains(';') || words(rest) < 2 {
            return false;
        }
        if let Some((act, need)) = rest.split_once(" without ")
            && (2..=10).contains(&words(act))
            && (2..=MAX_ANSWER_WORDS).contains(&words(need))
            && !need.contains(',')
            && !act.contains(',')
        {
            let front = self.in_topic(&format!("what must you have before you {act}?"));
            let back = close(&capitalize(need));
            self.push(
                block,
                line,
                Self::draft(
                    CardKind::Basic,
                    Cue::term(&format!("before:{act}")),
                    front,
                    back,
                ),
            );
            return true;
        }
        if let Some(open) = rest.rfind(" (")
            && rest.ends_with(')')
        {
            let term = &rest[open + 2..rest.len() - 1];
            let act = &rest[..open];
            let lower = term
                .chars()
                .all(|c| c.is_lowercase() || c == ' ' || c == '-');
            if lower
                && (1..=3).contains(&words(term))
                && (3..=MAX_ANSWER_WORDS).contains(&words(act))
                && !["e.g", "eg", "such", "see", "for"]
                    .iter()
                    .any(|w| term.starts_with(w))
            {
                let front = self.in_topic(&format!("what is {term}, and is it allowed?"));
                let back = format!("{} – never allowed.", capitalize(act));
                self.push(
                    block,
                    line,
                    Self::draft(CardKind::Definition, Cue::term(term), front, back),
                );
                return true;
            }
        }
        // "Do not give aspirin, because …" → "Why should you not give
        // aspirin?", when the sentence gives a reason.
        self.prohibition(block, line, rest, reason)
    }

    /// A rule that forbids an act for a reason, asked for the reason: "In
    /// stroke care, why should you not give the person aspirin?" → "Some
    /// strokes are caused by bleeding …". True when a card was made.
    pub(super) fn prohibition(
        &mut self,
        block: &Block,
        line: u32,
        act: &str,
        reason: Option<&str>,
    ) -> bool {
        let act = no_stop(act.trim());
        // "put anything in their mouth - a person cannot swallow …": the
        // reason after a dash or "because".
        let (act, own_reason) = match [" - ", " – ", " — ", ", because "]
            .iter()
            .find_map(|sep| act.split_once(sep))
        {
            Some((a, r)) if words(a) >= 2 => (a.trim(), Some(r.trim())),
            _ => (act, None),
        };
        // "Don't worry about …", "Don't forget to …": advice to the
        // reader, not a rule of practice.
        let first = act.split_whitespace().next().unwrap_or("").to_lowercase();
        // "Never stretch it": what "it" is was said before.
        let pointing = act.split_whitespace().any(|w| {
            ["it", "this", "these", "that", "those"]
                .contains(&w.trim_matches(|c: char| !c.is_alphanumeric()))
        });
        if !(2..=14).contains(&words(act))
            || pointing
            || act.contains(';')
            || act.ends_with(':')
            || [
                "worry", "forget", "panic", "be", "feel", "think", "just", "miss",
            ]
            .contains(&first.as_str())
        {
            return false;
        }
        // The person the rule is about, named: "give them food" → "give
        // the person food".
        let asked: Vec<String> = act
            .split_whitespace()
            .map(|w| {
                let bare = w.trim_end_matches([',', '.', ';', ':']);
                let tail = &w[bare.len()..];
                match bare {
                    "them" | "him" | "her" => format!("the person{tail}"),
                    "their" | "his" => format!("the person's{tail}"),
                    _ => w.to_string(),
                }
            })
            .collect();
        let asked = decapitalize(&asked.join(" "));
        // The situation the rule is for, from its heading: "If someone is
        // scalded, should you use ice, creams or butter?"
        let situation = block.section.iter().rev().take(2).find_map(|h| {
            let h = text::strip_outline_number(h);
            sequence::what_to_do(&h.to_lowercase())
                .or_else(|| is_condition(h).then(|| decapitalize(no_stop(h.trim_end_matches(':')))))
        });
        // Only the reason is worth asking: "should you …? → No" gives its
        // answer away (reviewers kept none of 29 such cards), and an
        // instruction after the rule ("… – ask them") is no reason.
        let Some(why) = own_reason
            .or(reason)
            .filter(|r| (2..=MAX_ANSWER_WORDS).contains(&words(r)))
            .filter(|r| !is_instruction(r))
        else {
            return false;
        };
        let front = match situation {
            Some(when) => self.in_topic(&format!("{when}, why should you not {asked}?")),
            None => self.in_action(block, &format!("why should you not {asked}?")),
        };
        if words(&front) > MAX_FRONT_WORDS {
            return false;
        }
        let back = close(&capitalize(no_stop(why)));
        self.push(
            block,
            line,
            Self::draft(
                CardKind::Basic,
                Cue::term(&format!("never:{act}")),
                front,
                back,
            ),
        );
        true
    }
}

/// "Which TWO actions are correct? Select two options." (or the quiz's
/// "Question 2 of 3") over its options: an option is no rule, right or
/// wrong.
fn is_quiz_options(block: &Block) -> bool {
    let Body::List(list) = &block.body else {
        return false;
    };
    list.label.as_deref().is_some_and(|l| {
        let l = l.to_lowercase();
        l.ends_with('?')
            || l.starts_with("select ")
            || l.starts_with("choose ")
            || (l.starts_with("question ") && text::has_counter(&l))
    })
}

/// Verbs that open an instruction after a condition ("If the tap drips,
/// replace the washer"), beyond those that open any instruction.
const THEN_VERBS: &[&str] = &[
    "arrange", "inform", "refer", "dial", "escalate", "notify", "explain", "decline", "withdraw",
    "pass", "document", "treat", "monitor", "observe", "alert", "consider", "discuss", "involve",
    "request", "lean", "start", "repeat", "replace", "return", "isolate", "switch", "unplug",
    "discard", "throw", "reassure", "note", "write", "test", "measure", "weigh", "assess",
];

/// Words in a condition that stand for something named before ("if it
/// leaks", "if they refuse"): the card would not say what.
const CONDITION_POINTERS: &[&str] = &[
    "it", "its", "this", "that", "these", "those", "they", "them", "their", "he", "she", "him",
    "his", "her", "none", "nothing", "so", "not", "above", "below", "same", "one", "answer",
];

impl Extractor {
    /// A rule for a situation, asked for what to do in it: "If the hose
    /// splits, turn off the tap." (or "Turn off the tap if the hose
    /// splits.") → "what should you do if the hose splits?" → "Turn off
    /// the tap."; "If the soil is dry, the bed must be watered" → "what
    /// must happen if the soil is dry?". True when a card was made.
    pub(super) fn conditional_rule(&mut self, block: &Block, line: u32, sentence: &str) -> bool {
        if is_quiz_options(block) {
            return false;
        }
        let s = no_stop(sentence.trim());
        // "If …, …" and the lawyer's "Where …, …".
        let (condition, then) =
            if let Some(rest) = strip_prefix_ci(s, "if").or_else(|| strip_prefix_ci(s, "where")) {
                match rest.split_once(", ") {
                    Some((c, t)) => (c.trim(), t.trim()),
                    None => return false,
                }
            } else if let Some((act, c)) = s.split_once(" if ")
            && !act.contains([',', ';', ':'])
            && opens_on_instruction(act)
            // "look to see if …", "even if …": no condition of the act.
            && !act.rsplit(' ').next().is_some_and(|w| {
                ["see", "check", "know", "ask", "out", "whether", "even", "as", "only", "sure"]
                    .contains(&w.to_lowercase().as_str())
            })
            && !act.split_whitespace().next().is_some_and(|w| {
                ["always", "never", "do", "don't", "try", "remember", "make"]
                    .contains(&w.to_lowercase().as_str())
            }) {
                (c.trim(), act.trim())
            } else {
                return false;
            };
        let then = strip_prefix_ci(then, "then").map_or(then, str::trim);
        // "Where it appears to a council that a person may need help, it
        // must …": the council is the one the duty names, the rest is the
        // condition.
        let mut appears_to = None;
        let condition = match strip_prefix_ci(condition, "it appears").map(str::trim) {
            Some(rest) => match rest.split_once("that ") {
                Some((to, cond)) => {
                    appears_to = strip_prefix_ci(to.trim(), "to").map(str::trim);
                    cond.trim()
                }
                None => return false,
            },
            None => condition,
        };
        let cond_words = lower_words(condition);
        // "if any are present", "if both apply": a quantity standing for
        // the list before it.
        let standing_for = cond_words.len() >= 2
            && [
                "any", "all", "both", "some", "either", "neither", "several", "many",
            ]
            .contains(&cond_words[0].as_str())
            && [
                "are", "is", "of", "apply", "applies", "were", "occur", "happen",
            ]
            .contains(&cond_words[1].as_str());
        if standing_for
            || !(3..=16).contains(&cond_words.len())
            || cond_words.iter().any(|w| CONDITION_POINTERS.contains(&w.as_str()))
            || condition.contains(['(', ')', ':', ';', '?', '"', '“', '”', '–', '—'])
            || condition.contains(" - ")
            // "if you are unsure", "if in doubt": advice for any doubt.
            || cond_words.len() <= 5
                && cond_words.iter().any(|w| ["unsure", "doubt", "sure"].contains(&w.as_str()))
            // "… or they do not feel better, call …": one condition only.
            || then.starts_with("or ")
            || then.starts_with("and ")
        {
            return false;
        }
        let lower_then = then.to_lowercase();
        // "repeat step 2", "as above": the answer points at the page.
        if lower_then.split_whitespace().any(|w| {
            ["step", "steps", "above", "below", "again"].contains(&w.trim_end_matches([',', '.']))
        }) || !(2..=MAX_ANSWER_WORDS).contains(&words(then))
        {
            return false;
        }
        let own = ["you should", "you must", "you need to"]
            .iter()
            .find_map(|p| strip_prefix_ci(then, p).map(str::trim));
        let first = lower_then.split_whitespace().next().unwrap_or("");
        let ask = if let Some(act) = own {
            (!act.starts_with("not ") && !act.starts_with("be "))
                .then_some(("what should you do", capitalize(act)))
        } else if opens_on_instruction(then)
            || THEN_VERBS.contains(&first)
            || (is_instruction(then) && !first.ends_with('s'))
        {
            Some(("what should you do", capitalize(then)))
        } else if let Some((agent, duty)) = duty_of(
            &appears_to.map_or_else(|| cond_words.clone(), lower_words),
            then,
        ) {
            // "…, the council must carry out an assessment": what the
            // one named must do.
            return self.rule_card(
                block,
                line,
                &format!("if:{condition}"),
                self.in_topic(&format!("what must {agent} do if {condition}?")),
                &close(&duty),
            );
        } else {
            // "a best interests decision must be made": what must happen.
            let tokens: Vec<&str> = lower_then.split_whitespace().collect();
            tokens
                .iter()
                .position(|w| ["must", "should"].contains(w))
                .filter(|&m| {
                    (2..=6).contains(&m)
                        && ["a", "an", "the"].contains(&tokens[0])
                        && tokens.get(m + 1) == Some(&"be")
                        && tokens.get(m + 2).is_some_and(|w| w.ends_with("ed"))
                        && !tokens[..m].iter().any(|w| w.contains(','))
                })
                .map(|m| {
                    (
                        if tokens[m] == "must" {
                            "what must happen"
                        } else {
                            "what should happen"
                        },
                        capitalize(then),
                    )
                })
        };
        let Some((what, back)) = ask else {
            return false;
        };
        // "…; if it fails, …": the answer ends where the next case starts.
        let back = match back.split_once("; ") {
            Some((head, next))
                if ["if ", "otherwise", "unless "]
                    .iter()
                    .any(|w| next.starts_with(w)) =>
            {
                head.to_string()
            }
            _ => back,
        };
        let front = self.in_topic(&format!("{what} if {condition}?"));
        self.rule_card(
            block,
            line,
            &format!("if:{condition}"),
            front,
            &close(&back),
        )
    }

    /// A rule's card, when its front is short enough and its answer can
    /// be trimmed to size. True when a card was made.
    fn rule_card(
        &mut self,
        block: &Block,
        line: u32,
        cue: &str,
        front: String,
        back: &str,
    ) -> bool {
        if words(&front) > MAX_FRONT_WORDS {
            return false;
        }
        let Some(back) = text::trim_answer(back, MAX_ANSWER_WORDS) else {
            return false;
        };
        self.push(
            block,
            line,
            Self::draft(CardKind::Basic, Cue::term(cue), front, back),
        );
        true
    }

    /// A rule of practice that says how, how often, when or where a thing
    /// is done, asked for that: "Seedlings should be watered from below." →
    /// "How should seedlings be watered?" → "From below." True when a card
    /// was made.
    pub(super) fn manner_rule(&mut self, block: &Block, line: u32, sentence: &str) -> bool {
        let sentence = no_stop(sentence.trim());
        if is_quiz_options(block) || sentence.contains([';', ':', '?', '(']) {
            return false;
        }
        let lower = sentence.to_ascii_lowercase();
        let Some((at, modal)) = [
            " should always be ",
            " must always be ",
            " should be ",
            " must be ",
            " needs to be ",
            " need to be ",
        ]
        .iter()
        .filter_map(|m| lower.find(m).map(|at| (at, *m)))
        .min_by_key(|(at, m)| (*at, usize::MAX - m.len())) else {
            return false;
        };
        let subject = &sentence[..at];
        let first = subject.split_whitespace().next().unwrap_or("");
        // The thing the rule is about, named in a few words at the start of
        // the sentence: not "It", "You", nor a scene ("If …, the lid").
        if !(1..=5).contains(&words(subject))
            || subject.contains(',')
            || !first.starts_with(|c: char| c.is_uppercase())
            || POINTING.contains_lower(first)
            || SCENE_OPENERS.contains_lower(first)
            || ["you", "we", "i", "staff", "everyone", "nothing", "anything", "some", "any"]
                .contains(&first.to_lowercase().as_str())
            // "NICE says surgery", "D) A person": a clause or an option
            // letter, no thing named.
            || subject.contains(')')
            || subject.split_whitespace().any(|w| {
                [
                    "says", "said", "states", "recommends", "advises", "suggests", "notes",
                    "explains", "that",
                ]
                .contains(&w.to_lowercase().as_str())
            })
        {
            return false;
        }
        let rest = &sentence[at + modal.len()..];
        let Some((done, how)) = rest.split_once(' ') else {
            return false;
        };
        let participle = done.len() > 3
            && done.chars().all(|c| c.is_ascii_lowercase())
            && (done.ends_with("ed")
                || [
                    "kept", "worn", "put", "given", "taken", "done", "made", "seen", "shown",
                    "written", "held", "sent", "left", "set", "thrown", "hung", "built", "fed",
                ]
                .contains(&done));
        if !participle {
            return false;
        }
        let Some((wh, how)) = manner(how, done) else {
            return false;
        };
        // "A walking stick", "Fibre" as the question names them; not "NICE".
        let shown = if first.chars().skip(1).all(|c| c.is_lowercase() || c == '-') {
            decapitalize(subject)
        } else {
            subject.to_string()
        };
        let front = self.in_topic(&format!("{wh} should {shown} be {done}?"));
        let back = close(&capitalize(how));
        self.rule_card(block, line, subject, front, &back)
    }

    /// An instruction that says when, how often or where to do a thing,
    /// asked for that: "Put the lid on before you carry the bucket." →
    /// "When should you put the lid on?"; "Never tip oil into a drain." →
    /// "Where should you never tip oil?" True when a card was made.
    pub(super) fn instruction_manner(&mut self, block: &Block, line: u32, sentence: &str) -> bool {
        let s = no_stop(sentence.trim());
        if is_quiz_options(block) || s.contains([';', ':', '?', '(']) {
            return false;
        }
        let (never, act) = match ["Never ", "Always "]
            .iter()
            .find_map(|p| s.strip_prefix(p).map(|r| (*p, r)))
        {
            Some((p, r)) => (p == "Never ", r),
            None => (false, s),
        };
        // (After "Never" the next word is the act's verb.)
        if !never && !opens_on_instruction(act) {
            return false;
        }
        let lower = act.to_ascii_lowercase();
        let triggers: &[&str] = if never {
            &[" into ", " in a ", " in the ", " on a ", " on the "]
        } else {
            &[
                " before ",
                " after ",
                " within ",
                " until ",
                " as soon as ",
                " whenever ",
                " every ",
                " at least ",
                " into ",
                " in a ",
                " in the ",
                " on a ",
                " on the ",
                " at ",
                " for ",
            ]
        };
        // The act runs to the first place, time or manner that reads as
        // one ("Put the lid on the bin before …": not "on the bin").
        let mut ats: Vec<usize> = triggers
            .iter()
            .flat_map(|t| lower.match_indices(t).map(|(at, _)| at))
            .collect();
        ats.sort_unstable();
        ats.into_iter()
            .any(|at| self.instruction_manner_at(block, line, act, at, never))
    }

    /// [`Self::instruction_manner`] with the act cut at byte `at`.
    fn instruction_manner_at(
        &mut self,
        block: &Block,
        line: u32,
        act: &str,
        at: usize,
        never: bool,
    ) -> bool {
        let (head, how) = (&act[..at], &act[at + 1..]);
        let verb = head.split_whitespace().next().unwrap_or("").to_lowercase();
        let head_lower = head.to_lowercase();
        // A whole act: no quotation, no condition, no "do not", and not cut
        // short on a small word ("take the yellow book to").
        // (A figure in the act is the fact to ask: "wait at least 30
        // minutes before breakfast" is asked for its 30 minutes.)
        if !(2..=12).contains(&words(head))
            || head.contains([',', '"', '“', '”'])
            || head.chars().any(|c| c.is_ascii_digit())
            // ("When should you tell them?", "where should you record their
            // preferences?": whose, the card does not say.)
            || names_by_pronoun(&head.split_whitespace().collect::<Vec<_>>())
            || ["do not ", "don't ", "don’t "]
                .iter()
                .any(|n| head_lower.starts_with(n))
            || [" if ", " when ", " unless ", " that ", " and put", " so "]
                .iter()
                .any(|w| head_lower.contains(w))
            || head_lower.rsplit(' ').next().is_some_and(|w| {
                [
                    "to", "and", "or", "the", "a", "an", "of", "is", "are", "it", "put", "with",
                    "about", "straight", "record", "check", "report", "sure", "for",
                ]
                .contains(&w)
            })
        {
            return false;
        }
        let Some((wh, how)) = manner(how, &verb) else {
            return false;
        };
        // A place is asked of what is kept or written down somewhere ("record
        // it on the chart"), or of what must never go there; a place inside
        // the thing checked ("check the dose on the chart matches …") is not.
        let places = [
            "store", "keep", "record", "place", "put", "dispose", "discard", "document", "write",
            "file", "hang", "empty", "pour", "tip",
        ];
        let clause_in = how
            .split_whitespace()
            .any(|w| ["matches", "match", "is", "are", "shows", "says"].contains(&w));
        if wh == "where" && (!(never || places.contains(&verb.as_str())) || clause_in) {
            return false;
        }
        if never && wh != "where" {
            return false;
        }
        // "Before use", "Every time", "In the mouth": a time or place any
        // learner would guess, without a figure, is no fact to learn.
        let short = if wh == "where" { 3 } else { 4 };
        if words(how) <= short && !how.chars().any(|c| c.is_ascii_digit()) {
            return false;
        }
        let never_word = if never { " never" } else { "" };
        let asked = format!("{wh} should you{never_word} {}?", decapitalize(head));
        // "Check the stems every day" under "Care of the climbing rose":
        // the thing "the" points at is the heading's ("In care of the
        // climbing rose, how often should you check the stems?").
        let front = match self.heading_for_the(block, head) {
            // (A heading naming an action leads as a time: "when chitting
            // the tubers, …".)
            Some(heading) if self.action_heading(block).is_none() => {
                format!("In {heading}, {asked}")
            }
            _ => self.in_action(block, &asked),
        };
        let back = close(&capitalize(how));
        self.rule_card(block, line, head, front, &back)
    }

    /// The block's heading, as a lead, when `act` points with "the" at a
    /// thing neither the heading nor the topic names ("check the stems"
    /// under "Care of the climbing rose"): a heading of two to five words
    /// that is no question and no instruction.
    fn heading_for_the(&self, block: &Block, act: &str) -> Option<String> {
        let lower = act.to_lowercase();
        let thing = lower.split(" the ").nth(1)?.split_whitespace().next()?;
        let heading = text::plain_heading(block.section.last()?);
        let heading = heading.trim_start_matches(|c: char| !c.is_alphanumeric());
        let first = heading.split_whitespace().next()?.to_lowercase();
        let plain = norm(heading);
        if !(2..=5).contains(&words(heading))
            || heading.contains(['?', ':', '(', '–', '-'])
            // (Nor a time or a condition, "Before you start", "If frost
            // comes", nor the page's own parts, "Step by step", "The
            // rules", "Quick check".)
            || [
                "what", "how", "why", "when", "which", "who", "where", "do", "don't", "always",
                "never", "top", "key", "your", "before", "after", "if", "during", "in", "on",
                "at", "step", "steps", "quick", "the", "a", "an", "first", "procedure",
                "for", "with", "our", "my",
            ]
            .contains(&first.as_str())
            || plain.split(' ').any(|w| {
                ["rules", "steps", "comparison", "summary", "checklist", "guide", "tips", "at"]
                    .contains(&w)
            })
            // ("Record the outcome": the thing is the event the act ends.)
            || ["record", "document", "write", "note", "log", "report"]
                .contains(&lower.split(' ').next().unwrap_or(""))
            || opens_on_instruction(heading)
            || plain.split(' ').any(|w| text::singular(w) == text::singular(thing))
            || self.mentions_topic(thing)
            || self.topic.is_empty()
        {
            return None;
        }
        Some(decapitalize(&self.shown(heading)))
    }

    /// A rule of practice that gives its reason, asked for the reason:
    /// The document's key term a sentence opens with (after an article),
    /// as the sentence spells it: the longest firm one.
    fn leading_key_term(&self, sentence: &str) -> Option<String> {
        let bare = ["The ", "A ", "An "]
            .iter()
            .find_map(|a| sentence.strip_prefix(a))
            .unwrap_or(sentence);
        let lowered = norm(bare);
        let first = lowered.split(' ').next()?;
        let best = self
            .key_index
            .get(first)?
            .iter()
            .map(|&i| norm(&self.key_terms[i]))
            .filter(|t| self.firm_terms.contains(t))
            .filter(|t| {
                lowered
                    .strip_prefix(t.as_str())
                    .is_some_and(|r| r.is_empty() || r.starts_with(' '))
            })
            .max_by_key(|t| t.len())?;
        let n = best.split(' ').count();
        let spelled: Vec<&str> = bare.split_whitespace().take(n).collect();
        (spelled.len() == n).then(|| spelled.join(" "))
    }

    /// "Glaucoma damages the optic nerve, usually because of raised
    /// pressure." under "Glaucoma" → "What does glaucoma damage?" → "The
    /// optic nerve, usually because of raised pressure." True when a card
    /// was made.
    fn what_it_does(&mut self, block: &Block, line: u32, sentence: &str, title: &str) -> bool {
        /// Verbs whose object is the fact: what the thing damages,
        /// causes, prevents.
        const DOES: &[&str] = &[
            "damages",
            "affects",
            "causes",
            "reduces",
            "increases",
            "prevents",
            "stops",
            "protects",
            "measures",
            "removes",
            "kills",
            "lowers",
            "raises",
            "blocks",
            "controls",
            "replaces",
            "destroys",
            "attacks",
            "narrows",
            "weakens",
            "carries",
            "produces",
            "detects",
            "records",
            "triggers",
            "spreads",
            "slows",
            "thins",
            "limits",
            "covers",
            "requires",
        ];
        // A law's own card says what it does.
        if !laws_in(title).is_empty() || ACT.is_match(title) {
            return false;
        }
        let sentence = no_stop(sentence.trim());
        let bare = ["The ", "A ", "An "]
            .iter()
            .find_map(|a| sentence.strip_prefix(a))
            .unwrap_or(sentence);
        let Some(rest) = strip_prefix_ci(bare, title) else {
            return false;
        };
        let Some((verb, object)) = rest.trim_start().split_once(' ') else {
            return false;
        };
        // "Slug pellets kill …": a plural thing's verb.
        let plural = !DOES.contains(&verb)
            && (DOES.contains(&format!("{verb}s").as_str())
                || DOES.contains(&format!("{verb}es").as_str())
                || verb.ends_with('y')
                    && DOES.contains(&format!("{}ies", &verb[..verb.len() - 1]).as_str()))
            && is_plural(title);
        if !rest.starts_with(' ') || !(DOES.contains(&verb) || plural) {
            return false;
        }
        // The object is the answer: a phrase, not a pronoun or a clause of
        // its own ("affects it", "causes people to …").
        // The object ends where a second verb of the thing starts ("the
        // blood vessels, opens the airways and reduces swelling").
        let mut object = object;
        for joint in [", and ", " and ", ", "] {
            let mut from = 0;
            while let Some(at) = object[from..].find(joint).map(|a| a + from) {
                let next = object[at + joint.len()..]
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .to_lowercase();
                if DOES.contains(&next.as_str())
                    || [
                        "is", "are", "was", "makes", "opens", "can", "may", "will", "has", "for",
                        "helps", "also", "so", "lets", "allows", "gives", "keeps", "plays", "play",
                        "have", "make", "help", "let", "allow", "give", "keep",
                    ]
                    .contains(&next.as_str())
                {
                    object = &object[..at];
                    break;
                }
                from = at + joint.len();
            }
        }
        let object = object.trim_end_matches([',', ' ']);
        let first = object.split_whitespace().next().unwrap_or("");
        if [
            "it", "them", "this", "that", "these", "those", "people", "you", "us", "him", "her",
            "out", "up", "off", "down", "in",
        ]
        .contains(&first.to_lowercase().as_str())
            || object.starts_with(['"', '“', '\''])
            || !(2..=MAX_ANSWER_WORDS).contains(&words(object))
            || object.contains('?')
        {
            return false;
        }
        let base = if plural {
            verb.to_string()
        } else if let Some(stem) = verb.strip_suffix("ies") {
            format!("{stem}y")
        } else if ["sses", "shes", "ches", "xes", "ses"]
            .iter()
            .any(|e| verb.ends_with(e))
            && !verb.ends_with("uses")
            && !verb.ends_with("ases")
        {
            verb[..verb.len() - 2].to_string()
        } else {
            verb.strip_suffix('s').unwrap_or(verb).to_string()
        };
        let shown = self.shown(title);
        let does = if plural { "do" } else { "does" };
        let front = self.in_topic(&format!("what {does} {shown} {base}?"));
        let back = close(&capitalize(object));
        self.push(
            block,
            line,
            Self::draft(
                CardKind::Basic,
                Cue::term(&format!("{title} {base}")),
                front,
                back,
            ),
        );
        true
    }

    /// "Lids should be kept on bins because open bins draw rats." → "Why
    /// should lids be kept on bins?" → "Open bins draw rats." Also
    /// instructions ("Water in the morning, so that …") and "It is
    /// important to …". True when a card was made.
    pub(super) fn reasoned_rule(
        &mut self,
        block: &Block,
        line: u32,
        sentence: &str,
        lead_on: bool,
    ) -> bool {
        let sentence = no_stop(sentence.trim());
        if is_quiz_options(block) {
            return false;
        }
        // The reason, after the first "because" or "so that" ("just
        // because" denies a reason; it gives none).
        let Some((claim, marker, reason)) = [", because ", " because ", ", so that ", " so that "]
            .iter()
            .filter_map(|m| sentence.find(m).map(|at| (at, *m)))
            .min_by_key(|(at, _)| *at)
            .map(|(at, m)| (&sentence[..at], m, &sentence[at + m.len()..]))
        else {
            return false;
        };
        let lower_claim = claim.to_lowercase();
        if ["just", "merely", "simply", "only", "not", "partly", "for example", "e.g."]
            .iter()
            .any(|w| lower_claim.ends_with(&format!(" {w}")))
            || claim.contains([';', ':', '?'])
            // "… by association (e.g. treating a carer badly because …)":
            // the reason of an example inside brackets.
            || claim.matches('(').count() > claim.matches(')').count()
            || !(3..=MAX_ANSWER_WORDS).contains(&words(reason))
            || reason.contains('?')
            // "… passed on to, because": a claim cut short.
            || claim
                .rsplit(' ')
                .next()
                .is_some_and(|w| {
                    [
                        "to", "of", "the", "a", "an", "and", "or", "on", "with", "for", "in", "by",
                        "at", "from", "so",
                    ]
                    .contains(&w.trim_end_matches(',').to_lowercase().as_str())
                })
            // "Keep food covered and never wash chicken because …": the
            // reason is the last rule's only.
            || [" and never ", " and do not ", " and don't "]
                .iter()
                .any(|m| lower_claim.contains(m))
            // "… because the person asks for it, speak to your senior": an
            // instruction runs on after the reason.
            || reason.split(", ").skip(1).any(is_instruction)
            // "Watering must never stop because of a hosepipe ban": what
            // must not be the cause, not the rule's reason.
            || marker.trim_start_matches(',').trim() == "because"
                && reason.starts_with("of ")
                && [
                    " never ",
                    "must not ",
                    "should not ",
                    "cannot ",
                    "can't ",
                    "mustn't ",
                    "shouldn't ",
                ]
                .iter()
                .any(|n| lower_claim.contains(n))
        {
            return false;
        }
        // A clause before the rule sets its scene: "In hospital, …".
        let (scene, claim) = match claim.split_once(", ") {
            Some((scene, rest))
                if SCENE_OPENERS.contains_lower(scene.split(' ').next().unwrap_or("")) =>
            {
                (Some(scene), rest)
            }
            _ => (None, claim),
        };
        let tokens: Vec<&str> = claim.split_whitespace().collect();
        let lower: Vec<String> = tokens.iter().map(|w| w.to_lowercase()).collect();
        let question = if let Some(rest) =
            ["it is important to", "it is essential to", "it is vital to"]
                .iter()
                .find_map(|p| strip_prefix_ci(claim, p))
        {
            format!("why is it important to {}?", rest.trim())
        } else if let Some(m) = (0..lower.len()).find(|&i| {
            [
                "should", "must", "can", "cannot", "can't", "can’t", "is", "are",
            ]
            .contains(&lower[i].as_str())
                // "A watering can is …": the noun, not the verb.
                && !(lower[i] == "can"
                    && lower.get(i + 1).is_some_and(|w| ["is", "are", "was", "of"].contains(&w.as_str())))
        }) {
            // "Lids should be kept on bins" → "why should lids be kept on
            // bins?": the subject is named, never a pronoun.
            let subject = &tokens[..m];
            let rest = &tokens[m + 1..];
            // "You should respect this", "his intake should …": what the
            // pronoun stands for was said before.
            if !(1..=8).contains(&subject.len())
                || !(1..=16).contains(&rest.len())
                || points_back(rest)
                || names_by_pronoun(subject)
                || POINTING.contains_lower(subject[0])
                || SCENE_OPENERS.contains_lower(subject[0])
                // "Nil by mouth means the person must …": the subject holds
                // a clause.
                || subject.iter().any(|w| {
                    [
                        "when", "where", "whether", "which", "if", "shows", "happens", "occurs",
                        "means", "is", "are",
                    ]
                    .contains(&w.to_lowercase().as_str())
                })
                // "“Gardeners can't …": a quote opened and not closed.
                || subject.iter().map(|w| w.matches(['"', '“', '”']).count()).sum::<usize>() % 2 == 1
                // "The society (2019) says beds should …": the rule is
                // reported.
                || subject.iter().any(|w| {
                    w.contains([',', '(', ')'])
                        || ["says", "states", "advises", "recommends", "that", "and", "first"]
                            .contains(&w.to_lowercase().as_str())
                })
            {
                return false;
            }
            // "Clay is heavy because …" → "why is clay heavy?"; not "X is
            // a …" or "X is treating …" (a definition), nor "it is …".
            let be = ["is", "are"].contains(&lower[m].as_str());
            if be
                && (subject.len() > 5
                    || subject[0] == "It"
                    || !subject[0].starts_with(char::is_uppercase)
                    // "X is caused by …, so that …": a result, not a purpose.
                    || marker == ", so that "
                    // "Glaucoma happens when the nerve is …": the subject
                    // holds a clause.
                    || lower[..m].iter().any(|w| {
                        [
                            "when", "where", "whether", "which", "who", "that", "if", "shows",
                            "happens", "occurs", "means", "says",
                        ]
                        .contains(&w.as_str())
                    })
                    // "… are periods when …", "is a …", "is treating …": a
                    // definition.
                    || lower.get(m + 1).is_none_or(|w| {
                        ["a", "an", "the", "one", "not", "also"].contains(&w.as_str())
                            || w.ends_with("ing")
                    })
                    || lower[m + 1..].iter().take(3).any(|w| ["when", "where"].contains(&w.as_str()))
                    // "Replacement care is care arranged …": a definition.
                    || lower.get(m + 1).is_some_and(|w| lower[..m].contains(w)))
            {
                return false;
            }
            let subject = if subject[0] == "You" {
                "you".to_string()
            } else {
                let shown = self.shown(&subject.join(" "));
                // "Hearing aid users are …" → "why are hearing aid users …?"
                let first = subject[0];
                let named = subject
                    .get(1)
                    .is_some_and(|w| w.starts_with(char::is_uppercase))
                    && !["A", "An", "The"].contains(&first);
                if shown.starts_with(first)
                    && first.chars().skip(1).all(char::is_lowercase)
                    && !named
                {
                    decapitalize(&shown)
                } else {
                    shown
                }
            };
            match lower[m].as_str() {
                "cannot" | "can't" | "can’t" => {
                    format!("why can {subject} not {}?", rest.join(" "))
                }
                aux => format!("why {aux} {subject} {}?", rest.join(" ")),
            }
        } else if (2..=16).contains(&tokens.len()) {
            // "Water in the morning" → "why should you water in the
            // morning?"; "Never water at noon" → "why should you never …?"
            let (not, act) = match ["do not", "don't", "don’t", "never"]
                .iter()
                .find_map(|p| strip_prefix_ci(claim, p).map(|rest| (*p, rest.trim())))
            {
                Some(("never", rest)) => ("never ", rest),
                Some((_, rest)) => ("not ", rest),
                None => ("", claim),
            };
            let act = decapitalize(act);
            if (not.is_empty() && !opens_on_instruction(&act))
                || (lead_on && reason.starts_with("of "))
                || names_by_pronoun(&act.split_whitespace().collect::<Vec<_>>())
                || act.split_whitespace().any(|w| w == "that")
            {
                return false;
            }
            format!("why should you {not}{act}?")
        } else {
            return false;
        };
        // "In hospital, why should …?": the scene names the subject.
        let front = match scene {
            Some(scene) => format!("{scene}, {question}"),
            None if question.starts_with("why should you ") => self.in_action(block, &question),
            None => self.in_topic(&question),
        };
        let reason = reason.trim_end_matches('.');
        let back = if reason.starts_with("of ") {
            format!("Because {reason}.")
        } else if marker.contains("so that") {
            format!("So that {reason}.")
        } else {
            close(&capitalize(reason))
        };
        self.rule_card(block, line, &format!("why:{claim}"), front, &back)
    }
}

/// What a rule's complement says of the act (how often, when, where,
/// at what temperature, for how long or how), and the complement cut to
/// that manner; `None` when it says none of these. `done` is the act's
/// participle or verb ("stored", "put"), which some places belong to
/// ("based on", "taken out of use").
fn manner<'a>(how: &'a str, done: &str) -> Option<(&'static str, &'a str)> {
    // The answer is the manner, not a second rule run on after it
    // ("With the name, and lost dentures should be reported"; "Securely -
    // an alert was issued after …").
    let mut how = how.trim();
    for joint in [", and ", " and ", " - ", " – "] {
        let mut from = 0;
        while let Some(at) = how[from..].find(joint).map(|a| a + from) {
            let tail = &how[at + joint.len()..];
            // (Or an instruction after "and": "… after use and sign the chart".)
            let clause = tail.split_whitespace().take(6).any(|w| {
                ["should", "must", "can", "was", "were", "is", "are", "will"].contains(&w)
            }) || joint.contains("and")
                && opens_on_instruction(tail)
                // ("in a care and support assessment": a short noun phrase
                // ending the place, not an instruction.)
                && !(words(tail) <= 3
                    && !tail.contains(" and ")
                    && tail.split_whitespace().next().is_some_and(|w| {
                        !["never", "always", "do", "don't", "not", "then"]
                            .contains(&w.to_lowercase().as_str())
                    })
                    && tail.split_whitespace().nth(1).is_some_and(|w| {
                        ![
                            "the", "a", "an", "their", "it", "them", "all", "any", "your", "his",
                            "her", "its", "this", "that", "each", "every", "to", "up", "out",
                            "off", "down", "in", "on", "for", "with", "they", "you",
                        ]
                        .contains(&w.to_lowercase().as_str())
                    }));
            if clause || (joint.contains(['-', '–']) && words(tail) >= 6) {
                how = &how[..at];
                break;
            }
            from = at + joint.len();
        }
    }
    let how = how.trim_end_matches([',', ' ']);
    if !(2..=MAX_ANSWER_WORDS).contains(&words(how)) {
        return None;
    }
    let low = how.to_lowercase();
    let starts = |ps: &[&str]| ps.iter().any(|p| low.starts_with(p));
    // "within 24 hours", not "within reach".
    let numbered = |p: &str| {
        low.strip_prefix(p).is_some_and(|r| {
            r.starts_with(|c: char| c.is_ascii_digit())
                || [
                    "one ", "two ", "three ", "four ", "five ", "six ", "seven ", "ten ", "a ",
                ]
                .iter()
                .any(|n| r.starts_with(n))
        })
    };
    // "within 24 hours", "for 10 seconds": a time, not "within 14 units"
    // or "at least 3 metres".
    // "every 4 hours", "every time", "every use"; not "every chair".
    let every = |rest: &str| {
        rest.split(' ').next().is_some_and(|w| {
            w.starts_with(|c: char| c.is_ascii_digit())
                || [
                    "day", "week", "month", "year", "time", "use", "shift", "morning", "night",
                    "evening", "hour", "visit", "round", "meal", "contact", "few", "other",
                ]
                .iter()
                .any(|u| w.trim_matches(',').starts_with(u))
        })
    };
    let timed = {
        let units = [
            "second", "minute", "min", "hour", "day", "week", "month", "year", "time",
        ];
        let mut ws = low
            .split(' ')
            .skip(1)
            .skip_while(|w| ["least", "most", "about", "around"].contains(w));
        match (ws.next(), ws.next()) {
            (Some("once" | "twice" | "daily" | "weekly" | "monthly"), _) => true,
            (Some("every"), Some(next)) => every(next),
            // "at least 30 minutes" is a length of time, no frequency.
            (Some(_), _) if low.starts_with("at least ") => false,
            (Some(n), Some(unit)) => {
                (n.starts_with(|c: char| c.is_ascii_digit())
                    || ["one", "two", "three", "four", "five", "six", "ten", "a"].contains(&n))
                    && units.iter().any(|u| unit.starts_with(u))
            }
            _ => false,
        }
    };
    let wh = if low.strip_prefix("every ").is_some_and(every)
        || starts(&[
            "daily",
            "weekly",
            "monthly",
            "annually",
            "once ",
            "twice ",
            "each ",
            "regularly",
            "hourly",
            "at regular ",
        ])
        || starts(&["at least "]) && timed
    {
        "how often"
    } else if numbered("within ") && timed
        || starts(&[
            "before ",
            "after ",
            "until ",
            "as soon as ",
            "immediately",
            "straight away",
            "promptly",
            "whenever ",
            "at the end ",
            "at the start ",
        ])
    {
        "when"
    } else if (numbered("at ") || numbered("below ") || numbered("above ") || numbered("under "))
        && ["°c", "°f", "ºc", "degrees c", "degrees f", "celsius"]
            .iter()
            .any(|u| low.contains(u))
    {
        // "at 60°C", "below 25°C"
        "at what temperature"
    } else if numbered("for ") && !low.starts_with("for a ") && timed {
        "for how long"
    } else if ![
        "based",
        "involved",
        "interested",
        "reflected",
        "taken",
        "put",
    ]
    .contains(&done)
        && (starts(&["inside ", "away from ", "into "])
            || (starts(&["in a ", "in an ", "in the ", "on a ", "on the "])
                && !starts(&[
                    "in the same ",
                    "in the way",
                    "in the order",
                    "in the right ",
                ])))
    {
        "where"
    } else if low
        .split(' ')
        .next()
        .is_some_and(|w| w.len() > 4 && w.ends_with("ly") && !["only", "early"].contains(&w))
        || starts(&[
            "with ",
            "using ",
            "according to ",
            "in line with ",
            "from ",
            "without ",
        ])
    {
        "how"
    } else {
        return None;
    };
    Some((wh, how))
}

/// Whether a paragraph's "Label: text" heads no term with its meaning: an
/// attribute of something named before ("Typical pot: clay or plastic"), a
/// formula ("Ratio = water ÷ feed"), a case's answer ("Action: …") or list
/// of actions ("Care: water daily; stake the stem; feed in spring"), a
/// clause ("Does not count: …").
fn is_attribute_label(term: &str, gloss: &str) -> bool {
    static ATTRIBUTES: Words = Words::new(&[
        "typical",
        "usual",
        "normal",
        "ideal",
        "recommended",
        "suggested",
        "example",
    ]);
    // "Action:", "Care:" over a case's answer; "Does not count:" over
    // what does not.
    static LABELS: Words = Words::new(&[
        "action", "actions", "answer", "outcome", "result", "response", "plan", "care", "note",
    ]);
    static VERBS: Words = Words::new(&["does", "do", "is", "are", "can", "should", "must"]);
    let first = term.split_whitespace().next().unwrap_or("");
    ATTRIBUTES.contains_lower(first)
        || VERBS.contains_lower(first)
        || words(term) == 1 && LABELS.contains_lower(term)
        || gloss.contains(['÷', '×'])
        || gloss.split(';').filter(|p| !p.trim().is_empty()).count() >= 3
}

/// Whether words name someone or something only by a pronoun ("respect
/// this", "his intake", "clean them"): the card would not say who or what.
fn names_by_pronoun(words: &[&str]) -> bool {
    static PRONOUNS: Words = Words::new(&[
        "it", "its", "this", "these", "those", "them", "they", "their", "he", "she", "his", "her",
        "him",
    ]);
    words
        .iter()
        .any(|w| PRONOUNS.contains_lower(w.trim_matches(|c: char| !c.is_alphanumeric())))
}

/// Whether a rule's words point back at a thing named before ("respect
/// this", "check them"); "their plan" is the person's and may stay.
fn points_back(words: &[&str]) -> bool {
    static BACK: Words = Words::new(&["it", "this", "these", "those", "them", "they"]);
    words
        .iter()
        .any(|w| BACK.contains_lower(w.trim_matches(|c: char| !c.is_alphanumeric())))
}

/// Words that open a clause setting a rule's scene ("In hospital, …",
/// "After a fall, …").
static SCENE_OPENERS: Words = Words::new(&[
    "in", "after", "before", "when", "if", "during", "for", "under", "at", "on", "once", "while",
    "whenever",
]);

impl Extractor {
    /// A term and its gloss at the head of a paragraph. The gloss may
    /// restate the term ("sepsis is …") or point at it ("this is …"): then
    /// it is read as the sentence it is. True when a card was made.
    fn term_gloss(&mut self, block: &Block, line: u32, term: &str, gloss: &str) -> bool {
        let lower = gloss.to_lowercase();
        let term_lower = term.to_lowercase();
        let sentence = if let Some(rest) = ["this ", "it "]
            .iter()
            .find_map(|p| lower.strip_prefix(p).map(|_| &gloss[p.len()..]))
        {
            // "this is the most severe form …" → "Septic shock is the …"
            format!("{term} {rest}")
        } else if lower.starts_with(&term_lower) {
            capitalize(gloss)
        } else {
            // A gloss: what the term means.
            self.definition(block, line, term, &close(&capitalize(gloss)), "meant");
            return true;
        };
        let before = self.drafts.len();
        self.prose(block, &sentence, line, 1);
        self.drafts.len() > before
    }

    /// "Dementia is progressive, which means the symptoms gradually get
    /// worse": what it means that the subject is so. True when a card was
    /// made.
    pub(super) fn which_means(&mut self, block: &Block, line: u32, sentence: &str) -> bool {
        let s = no_stop(sentence.trim());
        let Some((claim, meaning)) = s.split_once(", which means ") else {
            return false;
        };
        let meaning = meaning.strip_prefix("that ").unwrap_or(meaning).trim();
        let verb = claim.split(' ').skip(1).any(|w| {
            [
                "is", "are", "can", "has", "have", "was", "were", "should", "must", "may",
            ]
            .contains(&w)
        });
        if !claim.starts_with(|c: char| c.is_uppercase())
            || !(3..=10).contains(&words(claim))
            || !verb
            || is_pointing(claim)
            || claim.contains(',')
            || !(3..=MAX_ANSWER_WORDS).contains(&words(meaning))
        {
            return false;
        }
        let claim = decapitalize(claim);
        let front = self.in_topic(&format!("what does it mean that {claim}?"));
        self.push(
            block,
            line,
            Self::draft(
                CardKind::Basic,
                Cue::term(&format!("means:{claim}")),
                front,
                close(&capitalize(meaning)),
            ),
        );
        true
    }
}

impl Extractor {
    /// "Dementia is not a normal part of growing older." → "Is dementia a
    /// normal part of growing older? → No – …": a fact stated as a denial
    /// is asked as the question it answers. True when a card was made.
    pub(super) fn denial(&mut self, block: &Block, line: u32, sentence: &str) -> bool {
        const NEGATIONS: [(&str, &str); 4] = [
            (" is not ", "is"),
            (" are not ", "are"),
            (" does not ", "does"),
            (" do not ", "do"),
        ];
        let s = no_stop(sentence.trim());
        // "No. Dementia is not …": the answer to a question before it.
        let s = ["No. ", "Yes. "]
            .iter()
            .find_map(|p| s.strip_prefix(p))
            .unwrap_or(s);
        // The first clause of "X does not …, and Y is not …".
        let clause = text::before_first(
            s,
            &[
                ", and ",
                ", although ",
                ", but ",
                ", as ",
                ", because ",
                "; ",
            ],
        );
        // A denial alone ("X is not Y.") asked back is a coin toss with its
        // answer echoed: only one that goes on to say what is so, or why.
        if clause.len() == s.len() {
            return false;
        }
        let Some((subject, aux, rest)) = NEGATIONS
            .iter()
            .filter_map(|(neg, aux)| clause.find(neg).map(|p| (p, *neg, *aux)))
            .min_by_key(|(p, _, _)| *p)
            .map(|(p, neg, aux)| (&clause[..p], aux, &clause[p + neg.len()..]))
        else {
            return false;
        };
        // "A TMV reduces risk but does not remove it": a clause before the
        // denial is no subject.
        if subject.split_whitespace().any(|w| w == "but") {
            return false;
        }
        // "Many people over 75 do not use …" is no denial of a general
        // claim: asked as a question its answer would be wrong.
        let quantified = subject.split(' ').any(|w| {
            [
                "many",
                "some",
                "most",
                "few",
                "several",
                "lots",
                "often",
                "sometimes",
            ]
            .contains(&w.to_lowercase().as_str())
        });
        let relative = quantified
            || subject
                .split(' ')
                .any(|w| ["that", "which", "who", "where", "when", "if"].contains(&w));
        let first = rest.split(' ').next().unwrap_or("");
        if !subject.starts_with(|c: char| c.is_uppercase())
            || !(1..=8).contains(&words(subject))
            || subject.contains([',', '.'])
            || relative
            || is_pointing(subject)
            || ["only", "just", "always", "necessarily"].contains(&first)
            || !(2..=14).contains(&words(rest))
            || rest.contains(',')
            || words(s) > MAX_ANSWER_WORDS
        {
            return false;
        }
        let opener = subject.split(' ').next().unwrap_or("").to_lowercase();
        if [
            "it", "this", "that", "these", "those", "they", "he", "she", "there",
        ]
        .contains(&opener.as_str())
        {
            return false;
        }
        // "A signature …" → "a signature …" (an article is no acronym).
        let lower = |t: &str| match t.split_once(' ') {
            Some((w, r)) if ["A", "An", "The"].contains(&w) => format!("{} {r}", w.to_lowercase()),
            _ => decapitalize(t),
        };
        let front = self.in_topic(&format!("{aux} {} {rest}?", lower(subject)));
        let back = format!("No – {}", close(&lower(s)));
        self.push(
            block,
            line,
            Self::draft(
                CardKind::Basic,
                Cue::term(&format!("not:{clause}")),
                front,
                back,
            ),
        );
        true
    }
}

/// Whether a clause tells the reader what to do ("ask them", "use a
/// hoist") rather than why.
/// The verbs that open an instruction ("ask them", "use a hoist").
const INSTRUCTION_VERBS: &[&str] = &[
    "always",
    "never",
    "ensure",
    "make",
    "avoid",
    "check",
    "try",
    "remember",
    "don't",
    "do",
    "ask",
    "use",
    "call",
    "get",
    "tell",
    "keep",
    "stay",
    "encourage",
    "report",
    "follow",
    "wait",
    "sit",
    "let",
    "leave",
    "put",
    "give",
    "take",
    "speak",
    "seek",
    "contact",
    "offer",
    "support",
    "help",
    "record",
    "place",
    "move",
    "wash",
    "rinse",
    "add",
    "cover",
    "wear",
    "lay",
    "roll",
    "cool",
    "raise",
    "press",
    "apply",
    "remove",
    "lift",
    "turn",
    "open",
    "tilt",
    "clean",
    "dry",
    "hold",
    "stop",
    "send",
    "phone",
    "ring",
    "look",
    "listen",
    "stay",
];

/// Whether a clause opens on an instruction verb ("wear gloves …").
pub(crate) fn opens_on_instruction(clause: &str) -> bool {
    let first = clause
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    INSTRUCTION_VERBS.contains(&first.as_str())
}

/// Whether a clause tells the reader what to do ("ask them", "hold it by
/// a leaf") rather than why.
pub(crate) fn is_instruction(clause: &str) -> bool {
    // A verb and its object ("hold it by a leaf"), not a subject and its
    // verb ("drift can kill …", "the roots take over").
    const SUBJECTS: &[&str] = &[
        "is", "are", "was", "were", "can", "could", "does", "has", "have", "will", "should", "may",
        "it", "this", "that", "they", "there", "the", "a", "an", "some", "many", "most", "you",
        "your", "their", "he", "she", "we", "his", "her", "its", "these", "those", "people",
    ];
    const OBJECTS: &[&str] = &[
        "another", "more", "some", "it", "them", "the", "a", "an", "your", "their", "his", "her",
        "to", "up", "down", "out", "someone", "yourself", "him",
    ];
    let mut words = clause.split_whitespace().map(str::to_lowercase);
    let first = words.next().unwrap_or_default();
    let second = words.next().unwrap_or_default();
    INSTRUCTION_VERBS.contains(&first.as_str())
        || !SUBJECTS.contains(&first.as_str()) && OBJECTS.contains(&second.as_str())
}

/// "Types of delirium", "3. KINDS OF RESTRAINT", "Forms of abuse": a
/// heading over one heading per kind.
pub(crate) fn is_kinds_heading(heading: &str) -> bool {
    let h = norm(text::strip_outline_number(heading));
    [
        "types of ",
        "kinds of ",
        "forms of ",
        "the types of ",
        "the main types of ",
    ]
    .iter()
    .any(|p| h.starts_with(p))
        || h.split(' ').next_back().is_some_and(|w| w == "types")
}

impl Extractor {
    /// Whether a sentence opens with its heading's term ("Hyperactive
    /// delirium is …"): the definition rules read it as it is.
    fn mentions_term_first(&self, sentence: &str, title: &str) -> bool {
        let t = norm(text::strip_outline_number(title));
        let s = norm(sentence);
        s.starts_with(&t)
            || ["a ", "an ", "the "]
                .iter()
                .any(|a| s.strip_prefix(a).is_some_and(|r| r.starts_with(&t)))
    }
}

/// A text's words, lower case, without the punctuation around them.
fn lower_words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect()
}

/// "the council must carry out an assessment" → ("the council", "Carry
/// out an assessment"); "it must …" names the one the condition (its
/// `named` words) names first ("it appears to a council that …").
fn duty_of(named_words: &[String], then: &str) -> Option<(String, String)> {
    const PRONOUNS: &[&str] = &["it", "they", "he", "she"];
    const ENDS: &[&str] = &[
        "that", "who", "which", "may", "must", "is", "are", "has", "have", "to", "of", "in", "for",
        "with", "and", "or",
    ];
    let tokens: Vec<&str> = then.split_whitespace().collect();
    let m = tokens.iter().position(|w| w.eq_ignore_ascii_case("must"))?;
    if !(1..=4).contains(&m)
        || tokens[..m].iter().any(|w| w.contains(','))
        || tokens.get(m + 1).is_none_or(|w| {
            ["be", "not", "also", "still", "only"].contains(&w.to_lowercase().as_str())
        })
    {
        return None;
    }
    let subject: Vec<String> = tokens[..m].iter().map(|w| w.to_lowercase()).collect();
    // A noun phrase after its article: "a local authority" → "the local
    // authority".
    let named = |ws: &[String]| -> Option<String> {
        let at = ws
            .iter()
            .position(|w| ["a", "an", "the"].contains(&w.as_str()))?;
        let noun: Vec<&str> = ws[at + 1..]
            .iter()
            .map(String::as_str)
            .enumerate()
            // "the council refuses …": the noun ends before its verb.
            .take_while(|(i, w)| {
                !(ENDS.contains(w) || w.contains(',') || *i > 0 && w.ends_with('s'))
            })
            .map(|(_, w)| w)
            .take(4)
            .collect();
        (!noun.is_empty()).then(|| format!("the {}", noun.join(" ")))
    };
    let agent = if subject.len() == 1 && PRONOUNS.contains(&subject[0].as_str()) {
        named(named_words)?
    } else if ["a", "an", "the"].contains(&subject[0].as_str()) && subject.len() >= 2 {
        named(&subject)?
    } else {
        return None;
    };
    let duty = tokens[m + 1..].join(" ");
    (words(&duty) >= 2).then(|| (agent, capitalize(&duty)))
}
