//! Definition cards: a term with its meaning, from a `Term: meaning` item,
//! a "what is it?" label, or a sentence that defines ("X means …"), and
//! no reverse card (one card per fact).

use super::*;

impl Extractor {
    pub(super) fn heading_definition(&mut self, block: &Block, item: &Item) {
        let Some(term) = block.section.last() else {
            return;
        };
        let term = question_term(term);
        self.definition(block, item.line, &term, &item.text, "what is");
        self.in_passing(block, &term, item.line);
    }

    /// A definition card (one per term; no reverse).
    pub(super) fn definition(
        &mut self,
        block: &Block,
        line: u32,
        term: &str,
        text: &str,
        ask: &str,
    ) {
        // "Dawn Okafor is a workforce development lead": the author's
        // note, not the subject.
        if self.authors.contains(&norm(term)) {
            return;
        }
        // "L – Line up the funding": a memory aid's letter, no term.
        if term.trim().chars().filter(|c| c.is_alphanumeric()).count() <= 1 {
            return;
        }
        // "Q&A: Common questions", "Unit link: 3.2": the page's layout
        // and record, no term of the subject.
        if [
            "q a",
            "qa",
            "related",
            "your score",
            "faq",
            "faqs",
            "unit link",
            "unit links",
            "links",
            "link",
            "links to",
            "note",
            "notes",
            "tip",
            "tips",
            "top tip",
            "summary",
            "contents",
            "answers",
            "answer",
            "answer key",
            "answer keys",
            "tutor note",
            "tutor tip",
            "assessor tip",
            "exam tip",
            "final thoughts",
            "final thought",
            "useful contacts",
            "contacts",
            "a word of caution",
            "word of caution",
            "key point",
            "key points",
            "in summary",
            "conclusion",
            // "Guided study time: approx. 6 hours   Version 2.1": the
            // course's record.
            "guided study time",
            "guided learning",
            "guided learning hours",
            "study time",
            "estimated time",
            "estimated study time",
            "version",
            "last reviewed",
            "last updated",
            "unit code",
            "credits",
            // The document's own name, and a nation as a heading over its
            // laws ("Northern Ireland – Fire and Rescue Services Order").
            "study guide",
            "learner study guide",
            "learner copy",
            "learner guide",
            "revision notes",
            "revision sheet",
            "workbook",
            "england",
            "wales",
            "scotland",
            "northern ireland",
            "uk",
            "united kingdom",
            // A page's controls and its reading progress.
            "progress",
            "your progress",
            "text size",
            "tab",
            "previous",
            "next",
            "quick check",
            // A case study's own lesson, told of its people.
            "learning point",
            "learning points",
            "changes made",
        ]
        .contains(&norm(term).as_str())
            || is_page_box(term)
        {
            return;
        }
        // "Brand matters: different brands are not interchangeable": a
        // callout's label, asked as why it matters ("An NHS programme …"
        // is a name's meaning, and stays one).
        let bare = no_stop(term.trim());
        if let Some(what) = bare
            .strip_suffix(" matters")
            .map(|w| (w, "does"))
            .or_else(|| bare.strip_suffix(" matter").map(|w| (w, "do")))
            && (1..=3).contains(&words(what.0))
            && !["what", "it", "this", "that", "why", "how"].contains(&what.0.to_lowercase().as_str())
            && !["A ", "An ", "The "].iter().any(|a| text.trim_start().starts_with(a))
            // "Language matters: avoid words like …": advice, no reason.
            && !INSTRUCTIONS.contains(
                &text
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .to_lowercase()
                    .as_str(),
            )
            && !text.trim_start().starts_with("Any ")
            && words(text) >= 5
        {
            let (what, verb) = what;
            let Some(back) = text::trim_answer(&capitalize(text.trim()), MAX_ANSWER_WORDS) else {
                return;
            };
            let front = self.in_topic(&format!("why {verb} {} matter?", self.shown(what)));
            self.push(
                block,
                line,
                Self::draft(CardKind::Basic, Cue::term(term), front, back),
            );
            return;
        }
        // "8. THE CARE WORKER'S ROLE - WHAT YOU DO": a heading in
        // capitals with its subtitle, no term and gloss.
        if words(text) >= 2
            && text
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
            && term
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
        {
            return;
        }
        // "Nerves – peripheral neuropathy = loss of feeling": the term is
        // the one the gloss names.
        if let Some((inner, rest)) = text.split_once(" = ")
            && (1..=4).contains(&words(inner))
            && words(rest) >= 3
        {
            let rest = capitalize(rest.trim());
            return self.definition(block, line, inner.trim(), &rest, ask);
        }
        let term = text::strip_outline_number(no_stop(term).trim().trim_end_matches('?'));
        // "CARE ACT 2014": capitals for emphasis, not an acronym ("BS 8484"
        // is a code: one word of letters).
        let titled;
        let code =
            |w: &str| w.chars().any(|c| c.is_ascii_digit()) && w.chars().any(char::is_alphabetic);
        let term = if term
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .count()
            >= 2
            && !term.split_whitespace().any(code)
            && term
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(|c| c.is_uppercase())
        {
            titled = term
                .split_whitespace()
                .map(|w| {
                    let lower = w.to_lowercase();
                    if SMALL.contains(&lower.as_str()) {
                        lower
                    } else {
                        capitalize(&lower)
                    }
                })
                .collect::<Vec<_>>()
                .join(" ");
            titled.as_str()
        } else {
            term
        };
        // With its article, "the main law" is a placeholder, not a term.
        if !is_term(term) {
            return;
        }
        // "A fall is …": the front keeps the article ("what is a fall?").
        let article = ["A ", "An "]
            .iter()
            .find(|a| term.starts_with(**a))
            .map(|a| a.trim().to_lowercase());
        let term = ["A ", "An ", "The "]
            .iter()
            .find_map(|a| term.strip_prefix(a))
            .unwrap_or(term);
        // A question word or a number is no term ("what is what?"), nor a
        // phrase cut after a small word ("communicate … by any"), nor the
        // name of a place (a case study's setting is context).
        let wh = ["what", "who", "why", "how", "when", "where", "which"];
        let last = term.split_whitespace().last().unwrap_or("").to_lowercase();
        let first_lower = term.split_whitespace().next().unwrap_or("").to_lowercase();
        if wh.contains(&term.to_lowercase().as_str())
            || wh.contains(&first_lower.as_str())
            || first_lower == "figure"
            // "Unless there is …": a clause cut at its conjunction.
            || ["unless", "if", "although", "because", "whereas", "until", "once"]
                .contains(&first_lower.as_str())
            || term.starts_with(|c: char| c.is_ascii_digit())
            || SMALL.contains(&last.as_str())
            || ["any", "some", "all", "every", "each", "no", "by"].contains(&last.as_str())
            || is_place_name(term)
            || self.is_setting(term)
            || has_code(term)
        {
            return;
        }
        // An instruction is no term ("Check the labels", "Decide who …"),
        // nor is "Example"; a question is no meaning ("Lifting – how heavy?"),
        // unless it is the whole test the term names ("Stage 1: Is there …?").
        let second = term.split_whitespace().nth(1).unwrap_or("").to_lowercase();
        let first_word = term.split_whitespace().next().unwrap_or("").to_lowercase();
        if INSTRUCTIONS.contains(&first_word.as_str()) && term.contains(' ') {
            return;
        }
        // A case study's setting or people are context, never a term
        // ("Elmwood Home Care is a small agency …").
        let named = term
            .split_whitespace()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()));
        if named && block.section.iter().any(|h| is_case_study(h)) {
            return;
        }
        // "Version 2.3 – reviewed …", "none lost, 2 = …": a document's
        // own record or a fragment of a key, not a term.
        if [
            "version",
            "issue",
            "page",
            "updated",
            "reviewed",
            "published",
            "date",
        ]
        .contains(&first_word.as_str())
            || term.contains(',')
        {
            return;
        }
        if ["the", "a", "an", "who", "what", "how", "whether", "if"].contains(&second.as_str())
            // Nor a label that only says what follows ("Acronym – SOWER",
            // "Remember – …").
            || [
                "example", "examples", "acronym", "mnemonic", "memory aid", "remember", "note",
                "tip", "top tip", "hint",
            ]
            .contains(&term.to_lowercase().as_str())
            || (text.contains('?') && !is_yes_no_question(text))
        {
            return;
        }
        // "Mulch – a mulch is a layer of …": the gloss says the term again
        // before its meaning.
        let restated = restated_meaning(term, text);
        let text = restated.as_deref().unwrap_or(text);
        let unnamed = without_naming_tail(term, text);
        let text = unnamed.as_deref().unwrap_or(text);
        // A condition or a pronoun is no meaning ("If the plan is unclear, …").
        let opener = text.split_whitespace().next().unwrap_or("").to_lowercase();
        // Nor is a consequence ("Staff turnover means that new workers …").
        if ["if", "they", "it", "this", "these", "he", "she", "that"].contains(&opener.as_str()) {
            return;
        }
        // Examples are no definition ("Injection: e.g. insulin …"), and a
        // syllabus line is no term ("Pruning: knowledge of …").
        let lower = text.trim_start().to_lowercase();
        if [
            "e.g",
            "eg ",
            "such as",
            "including",
            "for example",
            "understanding ",
            "knowledge of ",
            "skills in ",
            "ability to ",
            "awareness of ",
        ]
        .iter()
        .any(|p| lower.starts_with(p))
        {
            return;
        }
        // A comparison is no meaning ("Depression is more than feeling
        // sad"), nor is a term with an adverb in it ("Confidentiality also
        // matters").
        if ["more ", "less ", "not ", "one of ", "about "]
            .iter()
            .any(|p| lower.starts_with(p))
            || term
                .split_whitespace()
                .any(|w| ["also", "still", "too"].contains(&w))
        {
            return;
        }
        // A superlative is a fact the term answers ("Suicide is the biggest
        // killer of …" → "What is the biggest killer of …?" → "Suicide").
        if let Some(rest) = lower.strip_prefix("the ")
            && rest.split_whitespace().take(3).any(|w| {
                w.ends_with("est") && w.len() > 4
                    || [
                        "most",
                        "main",
                        "leading",
                        "commonest",
                        "largest",
                        "best",
                        "worst",
                        "least",
                    ]
                    .contains(&w)
            })
        {
            let fact = text.trim();
            let fact = fact.split([';', '(']).next().unwrap_or(fact).trim();
            let fact = fact.split(", which").next().unwrap_or(fact);
            let fact = fact.split(", where").next().unwrap_or(fact);
            let fact = fact.split(", and ").next().unwrap_or(fact);
            let fact = no_stop(fact);
            let fact = fact.split(" because ").next().unwrap_or(fact);
            // "The most severe form" of what? Only a superlative with its
            // object ("… killer of men under 50") stands alone.
            let has_object = fact
                .split_whitespace()
                .skip(2)
                .any(|w| ["of", "in", "for"].contains(&w));
            if words(fact) <= MAX_ANSWER_WORDS && has_object {
                let front = self.in_topic(&format!("what is {}?", decapitalize(fact)));
                let answer = capitalize(&self.shown(term));
                self.push(
                    block,
                    line,
                    Self::draft(CardKind::Basic, Cue::term(term), front, answer),
                );
            }
            return;
        }
        // A judgement of the term is no meaning ("Over-watering is a
        // common cause of root rot"), and "Not every weed is …" names no
        // term.
        if is_judgement(text) || first_lower == "not" {
            return;
        }
        let Some(back) = text::trim_answer(&capitalize(text.trim()), MAX_ANSWER_WORDS) else {
            return;
        };
        // "Stroke is a medical emergency": a class, not what the term
        // means; a term list's short gloss ("Oral – swallowed") is one.
        let opener = back.split_whitespace().next().unwrap_or("").to_lowercase();
        if ask == "what is"
            && opener.len() > 4
            && PROPERTY_ENDINGS.iter().any(|s| opener.ends_with(s))
        {
            return;
        }
        const LINKS: &[&str] = &[
            "that", "which", "who", "where", "when", "in", "of", "to", "for", "by", "with",
            "after", "before", "from", "on", "caused", "used", "made", "so",
        ];
        if ask == "what is"
            && words(&back) <= 6
            && !back.chars().any(|c| c.is_ascii_digit())
            && !back.split_whitespace().any(|w| {
                LINKS.contains(
                    &w.to_lowercase()
                        .trim_matches(|c: char| !c.is_alphanumeric()),
                )
            })
        {
            return;
        }
        // "Lack of insulin", "Diagnosis of diabetes": a relation, not a
        // term; "NICE guidelines – NG17 …": codes, not a meaning.
        let relational = {
            let t = term.to_lowercase();
            let mut w = t.split_whitespace();
            let head = w.next().unwrap_or("").to_string();
            w.next() == Some("of")
                && [
                    "lack",
                    "loss",
                    "use",
                    "role",
                    "diagnosis",
                    "signs",
                    "causes",
                    "symptoms",
                    "treatment",
                    "risk",
                    "risks",
                    "benefits",
                    "types",
                    "effects",
                    "impact",
                ]
                .contains(&head.as_str())
        };
        if relational || back.split_whitespace().next().is_some_and(has_code) {
            return;
        }
        // "Tired – feeling more tired than usual" says the word again;
        // "Remember: …" is a prompt, not a term.
        let lower_term = term.to_lowercase();
        if !term.contains(' ')
            && back
                .to_lowercase()
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w == lower_term || w.strip_suffix('s') == Some(&lower_term))
            || NOT_TERMS.contains(&lower_term.as_str())
            || is_place_label(&lower_term)
        {
            return;
        }
        // "Polyuria – passing large amounts of urine; polydipsia means
        // excessive thirst": one term per card.
        let back = match back.split_once("; ") {
            Some((head, tail))
                if [" means ", " is ", " refers to "]
                    .iter()
                    .any(|v| tail.contains(v))
                    && words(head) >= 3 =>
            {
                close(head)
            }
            _ => back,
        };
        // "Responses: social prescribing, befriending and technology": a
        // list of members, not a meaning.
        // "Stairs, pets, smoking, weapons or firearms kept in the house":
        // the last member may run on.
        // (What a bracket adds to a member is no member: "bath water
        // (mixing valves stop it going above 44 °C), radiators, …".)
        let unbracketed: String = back
            .split('(')
            .enumerate()
            .map(|(i, part)| {
                if i == 0 {
                    part
                } else {
                    part.split_once(')').map_or("", |(_, after)| after)
                }
            })
            .collect();
        let items: Vec<&str> = unbracketed
            .trim_end_matches('.')
            .split([',', ';'])
            .flat_map(|p| p.split(" and "))
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        let short = |ps: &[&str]| ps.iter().all(|p| words(p) <= 3);
        if (items.len() >= 4 && short(&items[..items.len() - 1])
            || items.len() >= 3 && short(&items[..items.len() - 1]) && words(items[2]) <= 4)
            && !items.iter().any(|p| {
                p.split_whitespace()
                    .any(|w| ["is", "are", "of", "to", "that", "which", "can", "may"].contains(&w))
            })
        {
            return;
        }
        // Under a label, "any history of falls" or "whether it can be done
        // alone" says what to look at, not what the label means; nor does
        // an instruction or a clause of its own (see the function).
        let opener = back.split_whitespace().next().unwrap_or("").to_lowercase();
        if ask == "meant"
            && (opener == "whether"
                || opener == "any" && back.matches(',').count() >= 2
                || !ACT.is_match(term)
                    && (is_instruction_or_clause(&back, term.contains(' '))
                        || !is_numbered_label(term) && is_own_statement(&back)))
        {
            return;
        }
        // "Site reaction is where … the nurse will need to …" cut to "The
        // nurse will need to …": what to do, not what it is.
        let modal = back.split_whitespace().take(6).any(|w| {
            ["can", "could", "may", "might", "will", "would"].contains(&w.to_lowercase().as_str())
        });
        if ["what is", "defines"].contains(&ask)
            && modal
            && !ACT.is_match(term)
            && is_own_statement(&back)
        {
            return;
        }
        // "Medicines that treat them": a short back leaning on the sentence
        // before.
        if words(&back) <= 6
            && back
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| ["them", "they", "he", "she", "him", "her"].contains(&w))
        {
            return;
        }
        // "The court set out what.", "When a person … is.": a back cut
        // before its end.
        let last = back
            .trim_end_matches(['.', ' '])
            .rsplit(' ')
            .next()
            .unwrap_or("")
            .to_lowercase();
        // (A preposition may end a whole clause: "… what they agree to.")
        if [
            "the", "a", "an", "and", "or", "but", "that", "what", "which", "who", "whom", "whose",
            "is", "are", "was", "were", "has", "have", "of",
        ]
        .contains(&last.as_str())
        {
            return;
        }
        // A pointer is no meaning ("Security: the final feature.").
        let pointer = [
            "final",
            "first",
            "last",
            "next",
            "following",
            "above",
            "below",
        ];
        if words(&back) <= 4 && back.split_whitespace().any(|w| pointer.contains(&w)) {
            return;
        }
        // "Works in the same way for …" leans on the line before; "Leaf
        // blower – blows leaves" says the name again.
        let lower_back = back.to_lowercase();
        // (Only a gloss that opens on a verb: "Leaf mould – a compost
        // made from leaves" is a definition.)
        let stem = |w: &str| w.chars().take(4).collect::<String>();
        let opens_on_verb = lower_back
            .split_whitespace()
            .next()
            .is_some_and(|w| w.len() >= 4 && w.ends_with('s') && !w.ends_with("ss"));
        let says_name = words(&back) <= 6
            && term.contains(' ')
            && opens_on_verb
            && lower_back.split_whitespace().any(|b| {
                b.len() >= 4
                    && term
                        .to_lowercase()
                        .split_whitespace()
                        .any(|t| t.len() >= 4 && stem(t) == stem(b))
            });
        if says_name
            || [
                "works in the same way",
                "the same as",
                "same as",
                "as above",
                "similar to",
            ]
            .iter()
            .any(|p| lower_back.starts_with(p))
        {
            return;
        }
        // "Colour: red, credit card sized", "Diagnosis: the short test": an
        // attribute of something named before, no term of its own.
        let attribute = [
            "colour",
            "color",
            "size",
            "shape",
            "cost",
            "price",
            "weight",
            "length",
            "duration",
            "frequency",
            "dose",
            "timing",
            "diagnosis",
            "treatment",
            "treatments",
            "cause",
            "causes",
            "location",
            "site",
            // "Helps: soapy water, ladybirds …": what eases the heading's
            // problem, no term.
            "helps",
            "what helps",
            "signs",
            "symptoms",
            "risks",
            // "Aim: keep the roots moist" under a tab: the tab's purpose.
            "aim",
            "aims",
            "goal",
            "goals",
            "purpose",
            // "The person is a volunteer …": who, no term.
            "person",
            "the person",
            "patient",
            "the patient",
            "resident",
            "individual",
        ]
        .contains(&norm(term).as_str());
        // "Timing: Is the soil dry at a finger's depth? …" asks its reader;
        // "Water is then given to the pots" says what is done with it.
        let first_sentence = back.split(['.', '!']).next().unwrap_or("");
        // ("Stage 1: Is the soil waterlogged …?" is the test's own question.)
        let asks = first_sentence.contains('?') && !is_numbered_label(term);
        let done_with = lower_back
            .split_whitespace()
            .next()
            .is_some_and(|w| ["then", "now", "also", "still", "later"].contains(&w));
        if words(term) == 0
            || words(term) > 8
            || attribute
            || asks
            || done_with
            // (A report's title, "Pruning: Too Late?", is no term.)
            || term.contains('?')
            || text::contains_words(&back, term) && words(&back) <= words(term) + 2
            || !is_term(term)
        {
            return;
        }
        if is_numbered_label(term) {
            // "Stage 1: Is there an impairment…?": the label needs its
            // context, and has no reverse.
            let front = self.in_topic(&format!("what is {}?", decapitalize(term)));
            self.push(
                block,
                line,
                Self::draft(CardKind::Definition, Cue::term(term), front, back),
            );
            return;
        }
        let shown = self.shown(term);
        let shown = match &article {
            Some(a) if shown.starts_with(|c: char| c.is_lowercase()) && !is_plural(term) => {
                format!("{a} {shown}")
            }
            // "The Royal Horticultural Society is …": a name keeps its article.
            _ if self.the_names.contains(&norm(term))
                && shown.starts_with(|c: char| c.is_uppercase()) =>
            {
                format!("the {shown}")
            }
            _ => shown,
        };
        // "Kitchen safety and hygiene: checking, cleaning, storing …": two
        // syllabus headings joined, glossed by a list of activities.
        let gerund = back
            .split_whitespace()
            .next()
            .is_some_and(|w| w.trim_end_matches(',').ends_with("ing"));
        if term.contains(" and ") && gerund {
            return;
        }
        // A pointer needs the sentence before ("Diversity: valuing these
        // differences").
        if back
            .split_whitespace()
            .take(3)
            .any(|w| ["these", "those", "this"].contains(&w.to_lowercase().as_str()))
        {
            return;
        }
        // A law's meaning is what it does: a legislation card.
        if ACT.is_match(term) && laws_in(term).len() == 1 && words(term) >= 2 {
            self.law_card(block, line, term, back);
            return;
        }
        // "Typical target before meals – 4–7 mmol/L": a value, asked for.
        let value = back.starts_with(|c: char| c.is_ascii_digit()) && term.contains(' ');
        // "Hepatitis B – up to 1 in 3" under "the risk of infection is:": a
        // figure for the term, which "what is meant by …?" misreads.
        let approximate = [
            "up to ",
            "about ",
            "around ",
            "approximately ",
            "roughly ",
            "at least ",
            "less than ",
            "more than ",
            "fewer than ",
        ]
        .iter()
        .any(|p| back.to_lowercase().starts_with(p));
        if approximate && ask == "meant" {
            return;
        }
        let question = match ask {
            _ if value => format!("what is the {shown}?"),
            "meant" => format!("what is meant by {shown}?"),
            "involve" | "describe" => format!("what does {shown} {ask}?"),
            _ => {
                let verb = if is_plural(term) { "are" } else { "is" };
                format!("what {verb} {shown}?")
            }
        };
        // A label in a list under "Types of soil" or "The three Rs" is
        // asked in that list's own terms: "what is sandy soil?", "In the
        // three Rs, what is meant by reuse?".
        let local = (ask == "meant" && !value)
            .then(|| self.list_subject(block, term))
            .flatten();
        // "Surveyor – measures the plot and …": what the term does, not
        // what it means, in a list of roles too.
        // ("District nurse: catheter changes, wound care": a role's duties
        // are what it does, whatever word they open on.)
        let does = ["meant", "what is"].contains(&ask)
            && !value
            && (opens_on_agent_verb(&back) || is_role(term) && !starts_with_article(&back));
        // Reviewers kept 2 of 17 "what is meant by class 2?" (a label
        // numbered among its siblings, which the front does not name) and
        // none of 16 glosses in two halves joined by a dash ("Medium – 18
        // to 24 mmHg"), when the gloss opens on no article.
        let article = back
            .split_whitespace()
            .next()
            .is_some_and(|w| ["a", "an", "the"].contains(&w.to_lowercase().as_str()));
        let numbered = term.split_whitespace().any(|w| {
            w.starts_with(|c: char| c.is_ascii_digit())
                && w.chars().all(|c| c.is_ascii_digit() || "–-".contains(c))
        });
        // "Self help – exercise, less caffeine, a sleep routine, peer
        // support": a list of examples under a label, no meaning.
        // (Examples in brackets belong to a meaning: "Swallowed
        // (tablets, capsules, liquids)".)
        let mut unbracketed = String::with_capacity(back.len());
        let mut depth = 0usize;
        for c in back.chars() {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                _ if depth == 0 => unbracketed.push(c),
                _ => {}
            }
        }
        let parts: Vec<&str> = unbracketed.split([',', ';']).map(str::trim).collect();
        let examples = parts.len() >= 3 && parts.iter().all(|p| words(p) <= 5);
        let other = term.to_lowercase().starts_with("other ");
        if ask == "meant"
            && !value
            && !does
            && !article
            && (numbered || back.contains(" – ") || examples || other)
        {
            return;
        }
        let (question, scoped) = match local {
            _ if does => (what_it_does(term, &shown), false),
            Some(local) => local,
            None => (question, false),
        };
        // A term the paragraph on a law defines is the law's: "Under the
        // Equality Act 2010, what is direct discrimination?"
        let front = match &self.law_scope {
            Some(law)
                if !norm(law).contains(&norm(term))
                    && !norm(term).contains(&norm(law))
                    && !norm(&back).contains(&norm(law)) =>
            {
                format!("Under {}{law}, {question}", law_article(law))
            }
            _ if scoped => question,
            // "In roses and their pests, what are roses?" asks in circles.
            _ if mentions_normed(&self.topic_norm, &norm(term)) => capitalize(&question),
            _ => self.in_topic(&question),
        };
        let cue = Cue::term(term);
        self.push(
            block,
            line,
            Self::draft(CardKind::Definition, cue.clone(), front, back.clone()),
        );
        // No reverse ("which term means …?"): reviewers dropped every one as
        // a second card spent on the same fact.
    }

    /// "Ordering seed: no later than the end of January" under "Timescales":
    /// "what is the time limit for ordering seed?"; an item with no
    /// time in it asks nothing.
    pub(super) fn time_limit(&mut self, block: &Block, item: &Item) {
        self.in_passing(block, &item.text, item.line);
        let Some((term, limit)) = split_term(&item.text) else {
            return;
        };
        let lower = limit.trim().to_lowercase();
        let timed = lower.chars().any(|c| c.is_ascii_digit())
            || [
                "within",
                "by ",
                "no later",
                "before",
                "after",
                "immediately",
                "same day",
            ]
            .iter()
            .any(|t| lower.contains(t));
        if !timed || !(1..=6).contains(&words(term)) {
            return;
        }
        let Some(back) = text::trim_answer(limit.trim(), MAX_ANSWER_WORDS) else {
            return;
        };
        let front = self.in_topic(&format!(
            "what is the time limit for {}?",
            lower_title(&self.shown(term.trim()))
        ));
        self.push(
            block,
            item.line,
            Self::draft(CardKind::Basic, Cue::term(term), front, capitalize(&back)),
        );
    }

    pub(super) fn term_item(&mut self, block: &Block, item: &Item) {
        // "Myth 2: “…” In fact …" is a myth with its truth (a label
        // without its number is the misconception rules' own).
        if let Some((label, rest)) = item.text.split_once(':')
            && label.trim_end().ends_with(|c: char| c.is_ascii_digit())
            && is_myth_label(label)
        {
            let myth = Item {
                text: rest.trim().to_string(),
                ..item.clone()
            };
            self.misconception(block, &myth);
            return;
        }
        if let Some((term, def)) = split_term(&item.text) {
            // "Rule 9 – Crop rotation: move each crop every year": the
            // rule's name goes with what it says, not into the question.
            let named;
            let (term, def) = match term.split_once(" – ").or_else(|| term.split_once(" - ")) {
                Some((rule, name))
                    if ACT.is_match(rule)
                        && rule.ends_with(|c: char| c.is_ascii_alphanumeric())
                        && rule.contains(|c: char| c.is_ascii_digit())
                        && (1..=5).contains(&words(name)) =>
                {
                    named = format!("{}: {def}", name.trim());
                    (rule.trim(), named.as_str())
                }
                _ => (term, def),
            };
            if let Some(acronym) = acronym_of_term(term, def) {
                self.acronym_card(block, item.line, &acronym.0, &acronym.1);
            }
            if !laws_in(term).is_empty() || ACT.is_match(term) {
                self.legislation(block, item.line, term, def, Some(term));
            } else if item.number.is_some() && words(term) <= 3 && is_whole_sentence(def) {
                // "1. Recognise – the possibility … is recognised": a
                // numbered step or principle said as a sentence names its
                // label, it does not define a word.
            } else {
                self.definition(block, item.line, term, def, "meant");
            }
            self.term_list(block, item, term, def);
            self.rest_of_definition(block, item.line, term, def);
            // What the definition mentions in passing: each acronym once
            // (a second card for one would repeat the first), each law
            // without the term and then with it.
            for (acronym, expansion) in acronyms_in(def) {
                self.acronym_card(block, item.line, &acronym, &expansion);
            }
            // A law named in what another law says is only name-dropped
            // ("Rule 9 – … in line with the Plant Health Act").
            let laws = if ACT.is_match(term) {
                Vec::new()
            } else {
                laws_in(def)
            };
            for with_term in [None, Some(term)] {
                for name in &laws {
                    self.legislation(block, item.line, name, def, with_term);
                }
            }
        } else {
            self.prose(block, &item.text, item.line, 1);
        }
    }

    /// The question for a label in a list whose heading gives it its
    /// meaning: a kind under "Types of X" ("Sandy" → "what is sandy
    /// soil?"), or a member of a named set ("The three Rs" → "In the three
    /// Rs, what is meant by reuse?", which names its own subject: the
    /// flag). None under other headings.
    fn list_subject(&self, block: &Block, term: &str) -> Option<(String, bool)> {
        if !matches!(block.body, Body::List(_)) {
            return None;
        }
        let heading = block.section.last()?;
        let heading = text::strip_outline_number(
            heading
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .trim_end_matches([':', ' ']),
        );
        let lower = heading.to_lowercase();
        let lower_term = term.to_lowercase();
        // "Types of soil" over "Sandy – drains fast …": the kind with its noun.
        if super::prose::is_kinds_heading(heading)
            && let Some((_, noun)) = lower.split_once(" of ")
            && let noun = noun.split_whitespace().collect::<Vec<_>>()
            && (1..=3).contains(&noun.len())
            && !lower.contains(|c: char| c.is_ascii_digit())
        {
            const ADJECTIVE: [&str; 8] = ["ic", "al", "ive", "ous", "ary", "ar", "ed", "ent"];
            let (last, init) = noun.split_last()?;
            let one = text::singular(last);
            let noun = init
                .iter()
                .copied()
                .chain([one.as_str()])
                .collect::<Vec<_>>()
                .join(" ");
            let single = !term.contains(' ') && term.chars().all(char::is_alphabetic);
            return (single
                && term.len() > 4
                && ADJECTIVE.iter().any(|e| lower_term.ends_with(e))
                && !lower_term.contains(&one))
            .then(|| (format!("what is {lower_term} {noun}?"), false));
        }
        // "The three Rs", "The hierarchy of waste": a named set, counted
        // or named by a word for a set; in the heading, or in the label
        // over the list ("The four key characteristics of need that the
        // team must consider:").
        let label = match &block.body {
            Body::List(list) => list
                .label
                .as_deref()
                .or(Some(self.list_lead.as_str()).filter(|l| !l.is_empty()))
                .map(|l| {
                    let l = l.trim().trim_end_matches([':', ' ']);
                    [" that ", " which ", " you ", " to "]
                        .iter()
                        .filter_map(|c| l.find(c))
                        .min()
                        .map_or(l, |at| &l[..at])
                })
                // (A set named by more than its count, "The four key
                // characteristics of need"; not "The two types", nor a
                // sentence, "The report split it into two".)
                .filter(|l| {
                    words(l) >= 4
                        && !l.split_whitespace().any(|w| {
                            ["it", "they", "them", "this"].contains(&w.to_lowercase().as_str())
                        })
                }),
            _ => None,
        };
        std::iter::once(heading)
            .chain(label)
            .find_map(|named| self.named_set(named, term))
            .map(|front| (front, true))
    }

    /// "In the three Rs, what is meant by reuse?": a term of a set that
    /// `heading` names, counted or named by a word for a set.
    fn named_set(&self, heading: &str, term: &str) -> Option<String> {
        let lower = heading.to_lowercase();
        let ws: Vec<&str> = lower.split_whitespace().collect();
        let lower_term = term.to_lowercase();
        const SETS: [&str; 10] = [
            "hierarchy",
            "model",
            "framework",
            "cycle",
            "scale",
            "principles",
            "rights",
            "pillars",
            "standards",
            "steps",
        ];
        const COUNTS: [&str; 9] = [
            "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        ];
        let named_set = ws.first() == Some(&"the")
            && ws.iter().any(|w| {
                SETS.contains(w) || COUNTS.contains(w) || w.contains(|c: char| c.is_ascii_digit())
            })
            && (3..=7).contains(&ws.len())
            && !heading.contains('?')
            && !ws.iter().any(|w| {
                [
                    "what", "why", "how", "when", "who", "rest", "other", "role", "law", "laws",
                    "and",
                ]
                .contains(w)
            })
            && !lower.contains(&lower_term);
        // "THE FIVE RULES" in sentence case; "the 3 Rs" keeps its letter.
        let set = text::sentence_case(heading)
            .split_whitespace()
            .map(|w| {
                let letter = w.len() == 2
                    && w.starts_with(|c: char| c.is_ascii_uppercase())
                    && w.ends_with('s');
                let code = w.chars().filter(char::is_ascii_uppercase).count() >= 2;
                if letter || code {
                    w.to_string()
                } else {
                    w.to_lowercase()
                }
            })
            .collect::<Vec<_>>()
            .join(" ");
        named_set.then(|| format!("In {set}, what is meant by {}?", self.shown(term)))
    }

    /// A definition that lists its parts ("six linked stages – a, b, c…")
    /// becomes a list card (or one cloze per part) under the term.
    pub(super) fn term_list(&mut self, block: &Block, item: &Item, term: &str, def: &str) {
        let Some(items) = enumeration(def) else {
            return;
        };
        let list = List {
            label: Some(term.to_string()),
            ordered: false,
            items: items
                .iter()
                .map(|&(a, b)| Item {
                    text: def[a..b].to_string(),
                    line: item.line,
                    number: None,
                })
                .collect(),
            grouped: false,
        };
        self.members(block, &list);
    }

    /// What a long definition says after the part its card kept: a cloze
    /// of the rest, when it has a key term.
    pub(super) fn rest_of_definition(&mut self, block: &Block, line: u32, term: &str, def: &str) {
        let kept = text::trim_answer(def, MAX_ANSWER_WORDS).unwrap_or_default();
        let kept = no_stop(&kept);
        let Some(rest) = def.get(kept.len()..) else {
            return;
        };
        let rest = rest.trim_start_matches(|c: char| !c.is_alphanumeric());
        if words(rest) < 6 || !def.starts_with(kept) {
            return;
        }
        let subject = capitalize(term);
        let sentence = close(&capitalize(rest));
        if let Some((start, end)) = self.gap(&sentence) {
            let gap = sentence[start..end].trim().to_string();
            if words(&gap) == 0 || words(&gap) > 6 || text::contains_words(term, &gap) {
                return;
            }
            let front = format!("{subject}: {}[...]{}", &sentence[..start], &sentence[end..]);
            if words(&front) > MAX_FRONT_WORDS {
                return;
            }
            let mut draft = Self::draft(
                CardKind::Cloze,
                Cue::rest_of_definition(term, &gap),
                front,
                gap.clone(),
            );
            draft.cloze = Some(format!(
                "{subject}: {}{{{{c1::{gap}}}}}{}",
                &sentence[..start],
                &sentence[end..]
            ));
            self.push(block, line, draft);
        }
    }
}

/// Whether a gloss opens on what its term does ("Measures the plot …",
/// "Provides tools on loan"): a verb of the third person from a closed
/// list, since a plural noun ends the same way ("Tools and seeds").
pub(super) fn opens_on_agent_verb(back: &str) -> bool {
    const AGENT_VERBS: &[&str] = &[
        "provides",
        "supports",
        "manages",
        "carries",
        "arranges",
        "diagnoses",
        "oversees",
        "assesses",
        "advises",
        "helps",
        "offers",
        "treats",
        "prescribes",
        "monitors",
        "coordinates",
        "co-ordinates",
        "leads",
        "runs",
        "gives",
        "visits",
        "delivers",
        "investigates",
        "regulates",
        "inspects",
        "registers",
        "plans",
        "teaches",
        "trains",
        "measures",
        "detects",
        "protects",
        "prevents",
        "funds",
        "pays",
        "represents",
        "collects",
        "controls",
        "removes",
        "kills",
        "enables",
        "produces",
        "sets",
        "works",
        "checks",
        "organises",
        "organizes",
        "oversees",
        "issues",
        "approves",
        "decides",
        "promotes",
        "handles",
        "maintains",
        "reviews",
        "shows",
        "keeps",
        "reduces",
        "lowers",
        "raises",
        "increases",
        "follows",
        "explains",
        "records",
        "puts",
        "alerts",
        "tests",
        "damages",
        "stores",
    ];
    back.split_whitespace()
        .next()
        .is_some_and(|w| AGENT_VERBS.contains(&w.to_lowercase().as_str()))
}

/// Whether a term names a person's role ("Tissue viability nurse",
/// "Garden adviser", "Tree surgeon").
fn is_role(term: &str) -> bool {
    static ROLES: Words = Words::new(&[
        "nurse",
        "nurses",
        "adviser",
        "advisor",
        "worker",
        "workers",
        "therapist",
        "manager",
        "officer",
        "coordinator",
        "co-ordinator",
        "practitioner",
        "doctor",
        "pharmacist",
        "physiotherapist",
        "dietitian",
        "dietician",
        "assistant",
        "assistants",
        "consultant",
        "surgeon",
        "specialist",
        "gardener",
    ]);
    words(term) <= 4
        && term
            .split_whitespace()
            .last()
            .is_some_and(|w| ROLES.contains_lower(w.trim_matches(|c: char| !c.is_alphanumeric())))
}

/// Whether a gloss opens as a definition does ("A nurse who …", "Someone
/// who …"), not on a role's duties.
fn starts_with_article(text: &str) -> bool {
    text.split_whitespace().next().is_some_and(|w| {
        [
            "a", "an", "the", "someone", "somebody", "anyone", "person", "people",
        ]
        .contains(&w.to_lowercase().as_str())
    })
}

/// "what does a surveyor do?", "what does the parks team do?", "what do
/// beekeepers do?": the term asked for what it does.
fn what_it_does(term: &str, shown: &str) -> String {
    const BODIES: &[&str] = &[
        "team",
        "sector",
        "service",
        "board",
        "commission",
        "council",
        "association",
        "society",
        "agency",
        "unit",
        "department",
        "office",
        "trust",
        "network",
        "panel",
    ];
    let head = term
        .split(" (")
        .next()
        .unwrap_or(term)
        .split_whitespace()
        .last()
        .unwrap_or("")
        .to_lowercase();
    if is_plural(term.split(" (").next().unwrap_or(term)) {
        return format!("what do {shown} do?");
    }
    let has_article = ["a ", "an ", "the "].iter().any(|a| shown.starts_with(a));
    let article = if has_article
        || shown.starts_with(|c: char| c.is_uppercase()) && !BODIES.contains(&head.as_str())
    {
        ""
    } else if BODIES.contains(&head.as_str()) {
        "the "
    } else if shown.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an "
    } else {
        "a "
    };
    // "Parks team" → "the parks team"; "Royal Society" keeps its capitals.
    let named = shown
        .split_whitespace()
        .skip(1)
        .any(|w| w.starts_with(|c: char| c.is_uppercase()));
    let shown = if article == "the " && !named {
        decapitalize(shown)
    } else {
        shown.to_string()
    };
    format!("what does {article}{shown} do?")
}

pub(crate) static DEFINES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:An? |The )?([A-Za-z][0-9A-Za-z_’'()-]*(?: [0-9A-Za-z_’'()-]+){0,6}) (means|refers to|is defined as|is the term for|describes|involves|happens when|occurs when) (.{8,})$")
        .expect("valid pattern")
});

pub(crate) static IS_A: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:An? |The )?([A-Z][0-9A-Za-z_’'-]*(?: [0-9A-Za-z_’'-]+){0,4})(?: \([A-Za-z][A-Za-z -]{1,30}\))? (is|are) ((?:a|an|the|when|where|any|anything|something|someone|how) .{8,})$")
        .expect("valid pattern")
});

/// "A hazard is anything that …": a lower-case term after an article.
/// "Tartar (also called calculus) is plaque that has hardened …": a gloss
/// without an article, taken only when [`is_bare_gloss`] agrees.
pub(crate) static IS_BARE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([A-Z][0-9A-Za-z_’'-]*(?: [0-9A-Za-z_’'-]+){0,3})(?: \([A-Za-z][A-Za-z -]{1,30}\))? (is|are) ([a-z][a-z-]* .{8,})$")
        .expect("valid pattern")
});

/// Whether a gloss without an article reads as a definition: a noun
/// phrase tied to what follows by a link word early on ("plaque that has
/// hardened", "dental treatment provided in the home"), not a judgement
/// ("important in older people", "greatest over bony areas").
pub(crate) fn is_bare_gloss(gloss: &str) -> bool {
    const JUDGEMENTS: &[&str] = &[
        "important",
        "essential",
        "vital",
        "key",
        "common",
        "rare",
        "often",
        "usually",
        "not",
        "very",
        "also",
        "more",
        "less",
        "part",
        "one",
        "still",
        "just",
        "only",
        "never",
        "always",
        "likely",
        "unlikely",
        "possible",
        "necessary",
        "available",
        "responsible",
        "due",
        "there",
        "here",
        "about",
        "everyone",
        "everybody",
        "best",
        "worse",
        "better",
        "free",
        "now",
        "currently",
        "sometimes",
        "high",
        "low",
        "rich",
        "good",
        "poor",
        "safe",
        "useful",
        "helpful",
        "harmful",
        "dangerous",
    ];
    const LINKS: &[&str] = &[
        "that", "which", "who", "where", "in", "of", "provided", "used", "caused", "made", "for",
        "by", "with", "from", "given", "carried", "produced", "found",
    ];
    let ws: Vec<&str> = gloss.split_whitespace().collect();
    let first = ws.first().copied().unwrap_or("");
    ws.len() >= 5
        && !JUDGEMENTS.contains(&first)
        && !first.ends_with("ly")
        && !first.ends_with("est")
        && !first.ends_with("ed")
        && !first.ends_with("ing")
        && !SMALL.contains(&first)
        && !cloze::is_verb_form(first)
        && !PROPERTY_ENDINGS.iter().any(|s| first.ends_with(s))
        && ws.iter().skip(1).take(4).any(|w| LINKS.contains(w))
}

pub(crate) static IS_A_LOWER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^An? ([a-z][0-9A-Za-z_’'-]*(?: [0-9A-Za-z_’'-]+){0,3}) (is) ((?:a|an|the|any|anything|something|someone) .{8,})$")
        .expect("valid pattern")
});

pub(crate) static KNOWN_AS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:This|That|It|These|Such [0-9A-Za-z_]+) (?:is|are) (?:known as|called|referred to as|described as) [‘'“\x22]?([^’'”\x22.]+)[’'”\x22]?\.?$")
        .expect("valid pattern")
});

pub(crate) static APPOSITIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r",\s+which (?:is|are) (the (?:[^,]{6,}))(?:,|\.|$)").expect("valid pattern")
});

/// Whether most items read `Term: definition`.
pub(crate) fn is_term_list(list: &List) -> bool {
    let terms = list
        .items
        .iter()
        .filter(|i| split_term(&i.text).is_some())
        .count();
    terms >= 1 && terms * 2 > list.items.len()
}

/// `Term: definition` (or `Term - definition`) with a short term.
pub(crate) fn split_term(text: &str) -> Option<(&str, &str)> {
    // The term's first character is the text's: told before any search.
    let first = text.trim_start().chars().next()?;
    if !(first.is_uppercase() || first.is_ascii_digit()) {
        return None;
    }
    let (term, def) = text::split_once_at(text, ": ")
        .or_else(|| text::split_once_at(text, " - "))
        .or_else(|| text::split_once_at(text, " – "))
        // "Hazard = anything with the potential to cause harm."
        .or_else(|| text::split_once_at(text, " = "))?;
    let term = term.trim();
    let def = def.trim();
    let first = term.chars().next()?;
    (first.is_uppercase() || first.is_ascii_digit())
        .then_some(())
        .filter(|_| words(term) <= 8 && words(def) >= 3 && !term.ends_with('.'))
        .map(|_| (term, def))
}

/// "What is hydration?" → "hydration"; other headings unchanged.
pub(crate) fn question_term(heading: &str) -> String {
    let h = heading.trim().trim_end_matches('?').trim();
    for lead in [
        "What is ",
        "What are ",
        "What does ",
        "What do ",
        "Who is ",
        "Who are ",
    ] {
        if let Some(rest) = strip_prefix_ci(h, lead.trim_end()) {
            let rest = rest.trim();
            let rest = rest.strip_suffix(" mean").unwrap_or(rest);
            if !rest.is_empty() {
                return rest.to_string();
            }
        }
    }
    h.to_string()
}

/// Whether a phrase can be a term to define: no pointing word, no leading
/// preposition, not a placeholder such as "the main law".
pub(crate) fn is_term(term: &str) -> bool {
    let lower = norm(term);
    let words_: Vec<&str> = lower.split(' ').collect();
    let first = words_.first().copied().unwrap_or("");
    static PREPOSITIONS: Words = Words::new(&[
        "at", "in", "on", "for", "with", "by", "from", "to", "of", "under", "if", "when", "before",
        "after", "during", "while", "because",
    ]);
    static VAGUE: Words = Words::new(&[
        "main", "key", "first", "most", "only", "other", "same", "next",
    ]);
    let pointing = words_
        .iter()
        .any(|w| ["this", "that", "these", "those", "it", "they", "here"].contains(w));
    let vague = first == "the" && words_.get(1).is_some_and(|w| VAGUE.contains(w));
    let quantifier = ["one", "another", "some", "many"].contains(&first);
    // "Mostly made in the soil – …": a clause cut from a bullet.
    let adverb = [
        "mostly",
        "usually",
        "often",
        "sometimes",
        "always",
        "never",
        "generally",
        "normally",
        "typically",
        "mainly",
        "also",
    ]
    .contains(&first);
    // "Short-term vs long-term": a comparison, not a term.
    let comparison = words_.iter().any(|w| ["vs", "v", "versus"].contains(w));
    !(pointing || vague || quantifier || adverb || comparison || PREPOSITIONS.contains(&first))
}

/// "Washing hands with soap for twenty seconds is known as ‘hand
/// hygiene’.": the description and the term it names, in one
/// sentence. The term is quoted, or three words at most.
pub(crate) fn known_as_inline(sentence: &str) -> Option<(&str, &str)> {
    const QUOTES: [char; 6] = ['‘', '’', '\'', '“', '”', '"'];
    let (description, named) = split_at_marker(
        sentence,
        &[
            " is known as ",
            " are known as ",
            " is called ",
            " are called ",
            " is referred to as ",
            " are referred to as ",
        ],
    )?;
    let description = description.trim();
    let named = ["an ", "a ", "the "]
        .iter()
        .find_map(|a| named.strip_prefix(a))
        .unwrap_or(named);
    let quoted = named.starts_with(QUOTES) && named.ends_with(QUOTES);
    let term = named.trim_matches(QUOTES).trim();
    let fits = !term.is_empty()
        && !term.contains([',', ';'])
        && words(term) <= if quoted { 5 } else { 3 }
        && (3..=30).contains(&words(description))
        && !is_pointing(description);
    fits.then_some((description, term))
}

/// "A common cause of root rot", "A real risk to seedlings", "A good
/// time to feed", "A sign of frost damage": what the text judges the term
/// to be, not what the term is. Reviewers kept 4 of 29 "what is" cards
/// with such an answer.
fn is_judgement(text: &str) -> bool {
    const JUDGING: &[&str] = &[
        "real",
        "common",
        "major",
        "key",
        "important",
        "useful",
        "good",
        "big",
        "particular",
        "frequent",
        "leading",
        "main",
        "significant",
        "vital",
        "essential",
        "crucial",
        "serious",
        "great",
        "clear",
        "strong",
        "helpful",
        "simple",
        "better",
        "best",
        "early",
    ];
    const JUDGED: &[&str] = &[
        "cause", "causes", "sign", "signs", "reason", "example", "source", "risk", "factor",
        "concern", "problem", "issue", "priority", "time", "way", "part", "warning",
    ];
    // What a text may call the term without judging it ("a sign of …").
    const POINTERS: &[&str] = &[
        "cause", "causes", "sign", "signs", "reason", "example", "source",
    ];
    let ws: Vec<String> = text
        .split_whitespace()
        .take(8)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    if !ws
        .first()
        .is_some_and(|a| ["a", "an", "the", "one"].contains(&a.as_str()))
    {
        return false;
    }
    let rest = &ws[1..];
    let judged = rest
        .iter()
        .take_while(|w| JUDGING.contains(&w.as_str()))
        .count();
    let Some(noun) = rest.get(judged).filter(|n| JUDGED.contains(&n.as_str())) else {
        return false;
    };
    let then = rest.get(judged + 1).map_or("", String::as_str);
    judged > 0
        || (POINTERS.contains(&noun.as_str()) && ["of", "to", "for", "that", "why"].contains(&then))
}

/// A sentence (without its full stop) either side of the first of
/// `markers` it holds, tried in order ("… is known as …").
fn split_at_marker<'s>(sentence: &'s str, markers: &[&str]) -> Option<(&'s str, &'s str)> {
    let s = no_stop(sentence.trim());
    markers
        .iter()
        .find_map(|m| s.find(m).map(|pos| (&s[..pos], &s[pos + m.len()..])))
}

/// "Mulching is known as covering the soil with a layer of bark, and it
/// keeps …": a short term named first and what it means after "is known
/// as" (the other way round from [`known_as_inline`]). The meaning ends
/// where the sentence goes on to something else.
pub(crate) fn term_known_as(sentence: &str) -> Option<(&str, &str)> {
    let (subject, rest) = split_at_marker(
        sentence,
        &[
            " is known as ",
            " is also known as ",
            " are known as ",
            " is described as ",
            " is referred to as ",
        ],
    )?;
    let subject = subject.trim();
    let term = ["The ", "A ", "An "]
        .iter()
        .find_map(|a| subject.strip_prefix(a))
        .unwrap_or(subject);
    let end = [
        ", and ",
        ", so ",
        ", but ",
        ", while ",
        ", whereas ",
        "; ",
        ", which ",
        " – ",
        " - ",
        " because ",
    ]
    .iter()
    .filter_map(|m| rest.find(m))
    .min()
    .unwrap_or(rest.len());
    let meaning = rest[..end].trim();
    let fits = (1..=4).contains(&words(term))
        && subject.starts_with(|c: char| c.is_uppercase())
        && !term.contains([',', ';', '(', '“', '"'])
        && !is_pointing(subject)
        // Its own verb makes the subject a clause ("Rain that falls in
        // May is known as …").
        && !is_clause(term)
        && !term.split_whitespace().any(|w| {
            ["that", "which", "who", "when", "where", "if"].contains(&w.to_lowercase().as_str())
        })
        && words(meaning) >= 4
        && !meaning.starts_with(['‘', '’', '\'', '“', '”', '"']);
    fits.then_some((term, meaning))
}

/// A question that starts with its verb ("Is there …?", "Can the person …?").
fn is_yes_no_question(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("").to_lowercase();
    [
        "is", "are", "does", "do", "can", "has", "have", "was", "were",
    ]
    .contains(&first.as_str())
}

/// Whether a text is a sentence with its own subject and verb ("the needs
/// of families are explored"), not a noun phrase that may hold a relative
/// clause ("anything that is likely to cause harm").
pub(crate) fn is_whole_sentence(text: &str) -> bool {
    static FINITE: Words = Words::new(&[
        "is", "are", "was", "were", "takes", "take", "happens", "occurs",
    ]);
    static SUBORDINATE: Words = Words::new(&[
        "unless", "before", "after", "if", "until", "because", "while", "once",
    ]);
    let words: Vec<&str> = text.split_whitespace().collect();
    words.iter().enumerate().skip(1).any(|(i, w)| {
        FINITE.contains_lower(w)
            && !words[..i].iter().any(|p| SUBORDINATE.contains_lower(p))
            && !words[i.saturating_sub(3)..i].iter().any(|p| {
                ["that", "which", "who", "whom", "whose", "where", "when"]
                    .contains(&p.to_lowercase().trim_matches(','))
            })
    })
}

/// Whether a term holds a document code ("NICE CG179 pressure ulcers",
/// "QS89"): the title of a guideline, whose gloss is its subtitle.
fn has_code(term: &str) -> bool {
    term.split_whitespace().any(|w| {
        w.chars().any(|c| c.is_ascii_digit())
            && w.chars().filter(|c| c.is_ascii_uppercase()).count() >= 2
    })
}

/// Whether a label names a box of the page by what it is on the page
/// ("Note for clay soils", "Question for you", "Worked answer", "Good to
/// know", "Roses: extra facts", "Outcome at the spring check"), not a term
/// of the subject. ("Open questions" and "closed questions" are terms.)
fn is_page_box(label: &str) -> bool {
    static ANYWHERE: Words = Words::new(&[
        "note",
        "notes",
        "reflection",
        "reflections",
        "reminder",
        "reminders",
        "facts",
        "worked",
        "answer",
        "answers",
    ]);
    // ("Outcome" alone may be a law's term; "Outcome at the spring check"
    // is a case's.)
    // ("Exam favourite", "Exam focus": the course's, not the subject's.)
    static FIRST: Words = Words::new(&["question", "questions", "outcome", "exam"]);
    // (Hyphenated words stay whole: "reflection-in-action" is a term.)
    let words: Vec<String> = label
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let lower = words.join(" ");
    words.len() > 1 && FIRST.contains(&words[0])
        || words.iter().any(|w| ANYWHERE.contains(w))
        || ["good to know", "need to know", "did you know"].contains(&lower.as_str())
}

/// Labels that are prompts, headings or generic nouns, never a term to
/// define ("Remember: …", "Symptoms: …", "The law: …").
const NOT_TERMS: &[&str] = &[
    // A picture's caption: "Image: a bed of tulips".
    "image",
    "photo",
    "picture",
    "diagram",
    "video",
    "illustration",
    "remember",
    "note",
    "please note",
    "name",
    "the name",
    "question",
    "scenario",
    "tip",
    "top tip",
    "important",
    "warning",
    "caution",
    "key point",
    "hint",
    "reminder",
    "nb",
    "answer",
    "why",
    "how",
    "symptoms",
    "signs",
    "causes",
    "effects",
    "risks",
    "treatment",
    "types",
    "benefits",
    "law",
    "the law",
    "case study",
    "summary",
    "introduction",
    "overview",
    "background",
    "conclusion",
    "references",
    "example",
    "act",
    "others",
    "other",
    "correct answer",
    "feedback",
    "version",
    "notes",
    "myth",
    "fact",
    "figure",
    "answers",
    "study guide",
    "revision notes",
    "correct",
    "incorrect",
    "well done",
    "not quite",
    "key idea",
    "key ideas",
    "top tips",
    "did you know",
    "think about it",
    "reflect",
];

/// "Study guide 17", "SECTION 7", "Unit 4.2", a flip card's "Card 2
/// back": a place in the course, not a term.
fn is_place_label(lower_term: &str) -> bool {
    let words: Vec<&str> = lower_term.split_whitespace().collect();
    words
        .iter()
        .any(|w| w.starts_with(|c: char| c.is_ascii_digit()))
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_ascii_digit())
                || [
                    "study", "guide", "unit", "module", "section", "lesson", "part", "chapter",
                    "page", "week", "topic", "element", "step", "card", "front", "back", "flip",
                    "tab", "slide", "screen", "question", "of",
                ]
                .contains(w)
        })
}

/// First words that make a label an instruction, not a term ("Always say
/// who you are – …").
const INSTRUCTIONS: &[&str] = &[
    "always", "never", "ensure", "make", "avoid", "check", "try", "remember", "don't", "do",
    "keep", "stop", "be", "cut", "eat", "lose", "stay", "reduce", "limit",
];

/// Endings of an adjective or participle opening a back: a property of the
/// term ("voluntary, but …", "caused when …"), not what it is.
const PROPERTY_ENDINGS: &[&str] = &["ary", "ous", "ful", "ive", "able", "ible", "ed"];

/// The meaning in a gloss that names its term first: "A cold frame is a
/// box with a glass lid" → "A box with a glass lid".
fn restated_meaning(term: &str, gloss: &str) -> Option<String> {
    const VERBS: &[&str] = &[" is ", " are ", " means ", " refers to "];
    const STARTS: &[&str] = &[
        "a",
        "an",
        "the",
        "any",
        "one",
        "when",
        "where",
        "someone",
        "something",
        "how",
        "what",
    ];
    let (at, verb) = VERBS
        .iter()
        .filter_map(|v| gloss.find(v).map(|at| (at, *v)))
        .min_by_key(|(at, _)| *at)?;
    let (subject, rest) = (&gloss[..at], &gloss[at + verb.len()..]);
    let stem = |w: &str| w.to_lowercase().chars().take(5).collect::<String>();
    let term_stems: Vec<String> = term
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 4)
        .map(stem)
        .collect();
    let names_term = subject
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w.len() >= 4 && term_stems.contains(&stem(w)));
    let first = rest.split_whitespace().next()?.to_lowercase();
    (words(subject) <= 6
        && names_term
        && !subject.contains([',', ';', '('])
        && STARTS.contains(&first.as_str()))
    .then(|| capitalize(rest.trim()))
}

/// "Red spots on the leaves are known as rust": the meaning, without the
/// tail that names the term again ("; this is known as rust", ", called
/// rust").
fn without_naming_tail(term: &str, gloss: &str) -> Option<String> {
    // (ASCII lower case keeps the offsets that cut `gloss` below.)
    let lower = gloss.to_ascii_lowercase();
    let (at, marker) = [" known as ", " called ", " referred to as "]
        .iter()
        .filter_map(|m| lower.rfind(m).map(|at| (at, *m)))
        .max_by_key(|(at, _)| *at)?;
    let named = norm(&lower[at + marker.len()..]);
    let named = ["the ", "a ", "an "]
        .iter()
        .find_map(|a| named.strip_prefix(a))
        .unwrap_or(&named);
    let wanted = norm(term);
    if named != wanted && named.strip_suffix('s') != Some(wanted.as_str()) {
        return None;
    }
    // Back to where the naming clause starts: "… is known as", "…; this
    // is called", "…, also known as".
    let before = lower[..at].trim_end();
    let start = [
        " is also",
        " are also",
        " is",
        " are",
        ", also",
        " also",
        ",",
    ]
    .iter()
    .find_map(|v| before.strip_suffix(v).map(str::len))?;
    let head = lower[..start].trim_end();
    let head = [
        "; this",
        ". this",
        ", this",
        "; these",
        ". these",
        ", which",
        " – this",
        " - this",
    ]
    .iter()
    .find_map(|p| head.strip_suffix(p))
    .unwrap_or(head);
    let meaning = gloss[..head.len()].trim_end_matches([',', ';', ' ', '–', '-']);
    (words(meaning) >= 3).then(|| format!("{meaning}."))
}

/// What a label's gloss says about it rather than what it means: "Alcohol –
/// binge drinking can push the level up", "Records – good records are
/// written at once", "In about 1 in 10 gardens, the pest returns", "Is the
/// soil wet?", a quotation, or "Can tear the bark when removed".
fn is_own_statement(gloss: &str) -> bool {
    /// Words that make a verb of their own (a subject came before them).
    const FINITE: &[&str] = &[
        "is", "are", "was", "were", "has", "have", "had", "can", "could", "should", "must", "may",
        "might", "will", "would", "cannot",
    ];
    /// After "A …" or "The …", the verbs of a statement rather than of a
    /// description ("The bed is raised" describes; "The bed has wheels",
    /// "The bed can tip" state).
    const STATING: &[&str] = &[
        "can", "could", "should", "must", "may", "might", "will", "would", "cannot", "has", "have",
        "had",
    ];
    /// Words after which a verb belongs to a clause inside a noun phrase
    /// ("Damage that is caused by …", "Advice given when it is needed").
    const INNER: &[&str] = &[
        "that", "which", "who", "whom", "whose", "when", "where", "while", "if", "because", "as",
        "so", "to", "than", "like", "such", "for", "with", "without", "by", "after", "before",
        "until", "during", "once", "what", "how", "whether", "you", "we",
    ];
    /// A second determiner opens a clause inside the noun phrase ("The
    /// test a grower must pass").
    const DETERMINERS: &[&str] = &[
        "a", "an", "the", "their", "his", "her", "its", "your", "our",
    ];
    let gloss = gloss.trim();
    // A quotation ("“Cold and clammy – …”"), not a quoted word ("“as
    // needed” watering").
    let quoted = gloss.starts_with(['"', '“', '‘', '\''])
        && gloss[1..]
            .split(['"', '”', '’'])
            .next()
            .is_some_and(|q| words(q) >= 4);
    if gloss.ends_with('?') || quoted {
        return true;
    }
    // "4–7 cm (deeper in sandy soil)": a value.
    if gloss.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let raw: Vec<&str> = gloss.split_whitespace().take(8).collect();
    let ws: Vec<String> = raw
        .iter()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
                .to_lowercase()
        })
        .collect();
    let Some(first) = ws.first().map(String::as_str) else {
        return false;
    };
    let second = ws.get(1).map_or("", String::as_str);
    // A verb before the first comma ("Many tools, but each one is …" has
    // none).
    let clause = raw
        .iter()
        .position(|w| w.ends_with([',', ';', '.']))
        .map_or(ws.len(), |at| at + 1);
    let has_finite = ws[1..clause].iter().any(|w| FINITE.contains(&w.as_str()));
    // "Can tear the bark": what it may do; "Has never flowered": a
    // predicate that says what the term is.
    if ["can", "may", "must", "should", "will", "could"].contains(&first) {
        return true;
    }
    if FINITE.contains(&first) {
        return false;
    }
    // "In about 1 in 10 gardens, the pest returns" (but "Under the soil
    // surface" is where a thing is).
    if [
        "in", "at", "on", "during", "after", "before", "under", "within", "since",
    ]
    .contains(&first)
    {
        return has_finite || raw.iter().any(|w| w.ends_with(','));
    }
    if [
        "it",
        "they",
        "there",
        "you",
        "we",
        "because",
        "therefore",
        "also",
        "but",
        "however",
        "then",
        "usually",
        "often",
        "always",
        "never",
        "sometimes",
        "normally",
        "generally",
        "mostly",
        "typically",
    ]
    .contains(&first)
        // "Physically, stroking …".
        || ["ally,", "ously,", "ently,", "antly,"]
            .iter()
            .any(|e| raw[0].ends_with(e))
    {
        return true;
    }
    // "Some growers prune in May" (but "Anyone who grows …", "Most common
    // cause of …").
    if ["anyone", "everyone", "people"].contains(&first) {
        return second != "who";
    }
    if ["some", "most", "many", "all", "every", "each"].contains(&first) {
        // "Many tools, but each one …" names a set.
        let crowd = second.len() > 3
            && second.ends_with('s')
            && !raw.get(1).is_some_and(|w| w.ends_with(','));
        return has_finite || crowd || second == "people";
    }
    if [
        "when", "where", "what", "how", "why", "whether", "if", "while",
    ]
    .contains(&first)
    {
        return false;
    }
    // "A side effect is mistaken for …", "The soil is waterlogged":
    // what the term is said as a sentence; "The frost can kill …": a
    // statement about it.
    let verbs = if ["a", "an", "the"].contains(&first) {
        STATING
    } else {
        FINITE
    };
    let mut determiner = false;
    for (w, raw) in ws.iter().zip(&raw).skip(1) {
        if INNER.contains(&w.as_str()) {
            return false;
        }
        if verbs.contains(&w.as_str()) {
            return !determiner;
        }
        if raw.ends_with([',', ';', ':', '.']) || ["–", "-", "—"].contains(raw) {
            return false;
        }
        determiner |= DETERMINERS.contains(&w.as_str());
    }
    false
}

/// Whether a label's gloss tells what to do or says something happens,
/// rather than what the label means: an instruction ("Water – check the
/// soil before watering", "Tools – wash them after use") or a clause with
/// its own subject ("Frost pockets: tender plants can die overnight").
/// A clause glosses a one-word term well enough ("Photosynthesis – a
/// plant can make sugar from light"), so only a phrase is held to it.
fn is_instruction_or_clause(gloss: &str, phrase: bool) -> bool {
    /// Verbs that open an instruction and seldom open a noun phrase.
    const COMMANDS: &[&str] = &[
        "confirm",
        "compare",
        "measure",
        "wash",
        "wear",
        "ensure",
        "avoid",
        "keep",
        "tell",
        "ask",
        "dispose",
        "remove",
        "apply",
        "encourage",
        "explain",
        "inform",
        "contact",
        "seek",
        "follow",
        "listen",
        "speak",
        "stop",
        "write",
        "stay",
        "put",
        "take",
        "give",
        "check",
        "make",
        "never",
        "always",
        "don't",
        "do",
        "try",
        "remember",
        "let",
        "leave",
        "switch",
        "turn",
        "call",
        "ring",
        "phone",
        "report",
        "refer",
        "record",
        "observe",
        "reassure",
        "offer",
        "monitor",
        "rinse",
        "clean",
        "cover",
        "wipe",
        "flush",
        "squeeze",
        "wait",
    ];
    const MODALS: &[&str] = &[
        "can", "could", "may", "might", "must", "should", "will", "would", "cannot", "can't",
    ];
    let ws: Vec<String> = gloss
        .split_whitespace()
        .take(5)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
                .to_lowercase()
        })
        .collect();
    let Some(first) = ws.first() else {
        return false;
    };
    COMMANDS.contains(&first.as_str())
        // "Frost pockets: tender plants can die": a modal before any link word.
        || phrase
            && ws[1..]
                .iter()
                .take(2)
                .take_while(|w| !["that", "which", "who", "to"].contains(&w.as_str()))
                .any(|w| MODALS.contains(&w.as_str()))
        // "Roses – a keen grower may want to prune in March": what someone
        // may wish for, not what the term is.
        || ws.windows(2).any(|pair| {
            MODALS.contains(&pair[0].as_str())
                && ["want", "wish", "prefer", "choose", "like", "ask"].contains(&pair[1].as_str())
        })
}
