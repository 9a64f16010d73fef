//! The checks a draft passes to become a card: sizes, leaks of the answer
//! into the question, markup left over.

use super::card::{self, Draft};
use super::text;
use crate::deck::CardKind;

/// Why a draft is not made a card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DropReason {
    /// The question or the answer is empty.
    EmptySide,
    /// Markdown markers or emoji left in the text.
    Markup,
    /// The answer is longer than a learner can recall.
    AnswerTooLong,
    /// The question is longer than a card can hold.
    QuestionTooLong,
    /// The question holds its own answer.
    AnswerGivenAway,
    /// The answer is only symbols.
    AnswerHasNoWords,
    /// An earlier card, of any document, asks the same question.
    Repeated,
}

impl DropReason {
    /// The reason as reports print it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::EmptySide => "empty side",
            Self::Markup => "markup left in the text",
            Self::AnswerTooLong => "answer too long",
            Self::QuestionTooLong => "question too long",
            Self::AnswerGivenAway => "answer given away in the question",
            Self::AnswerHasNoWords => "answer has no words",
            Self::Repeated => "same question as an earlier card",
        }
    }
}

/// Why a draft is not fit to be a card, if it is not.
pub fn check(draft: &Draft) -> Result<(), DropReason> {
    check_normed(draft, &text::norm(&draft.front))
}

/// [`check`], given the draft's question through [`text::norm`] (which
/// reads a gap, `[...]`, as a word break).
pub(crate) fn check_normed(draft: &Draft, front_norm: &str) -> Result<(), DropReason> {
    let front = draft.front.trim();
    let back = draft.back.trim();
    if front.is_empty() || back.is_empty() {
        return Err(DropReason::EmptySide);
    }
    let leftover = |s: &str| text::has_doubled_marker(s) || text::has_emoji(s);
    if leftover(front) || leftover(back) {
        return Err(DropReason::Markup);
    }
    let max_back = if draft.kind == CardKind::Mcq {
        card::MAX_FRONT_WORDS
    } else {
        card::MAX_ANSWER_WORDS + text::SLACK
    };
    if text::words(back) > max_back {
        return Err(DropReason::AnswerTooLong);
    }
    if text::words(front) > card::MAX_FRONT_WORDS {
        return Err(DropReason::QuestionTooLong);
    }
    let back_norm = text::norm(back);
    if text::contains_normed(front_norm, &back_norm) {
        return Err(DropReason::AnswerGivenAway);
    }
    if back_norm.is_empty() {
        return Err(DropReason::AnswerHasNoWords);
    }
    Ok(())
}

/// The first `n` characters of `s` (all of it when shorter), sliced
/// rather than collected character by character: a big course drops
/// hundreds of thousands of repeated questions, each listed this way.
pub(crate) fn first_chars(s: &str, n: usize) -> &str {
    if s.len() <= n {
        return s;
    }
    s.char_indices().nth(n).map_or(s, |(cut, _)| &s[..cut])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hygiene_rejects_leaks_and_leftovers() {
        let mut d = Draft {
            kind: CardKind::Basic,
            cue: crate::compile::card::Cue::term("x"),
            front: "In care, what is consent?".into(),
            back: "Consent".into(),
            line: 1,
            section: Default::default(),
            cloze: None,
            options: vec![],
            correct: vec![],
            reverse_of: None,
        };
        assert_eq!(check(&d), Err(DropReason::AnswerGivenAway));
        d.back = "**Agreement**".into();
        assert_eq!(check(&d), Err(DropReason::Markup));
        d.back = "Agreement to care".into();
        assert_eq!(check(&d), Ok(()));
        d.back = "word ".repeat(40);
        assert_eq!(check(&d), Err(DropReason::AnswerTooLong));
    }

    #[test]
    fn first_chars_cuts_at_a_character() {
        assert_eq!(first_chars("Care › Team", 6), "Care ›");
        assert_eq!(first_chars("Care", 80), "Care");
        assert_eq!(first_chars("ééé", 2), "éé");
        assert_eq!(first_chars("", 3), "");
        let long = "Which term means: ".repeat(9);
        assert_eq!(
            first_chars(&long, 80),
            long.chars().take(80).collect::<String>()
        );
    }
}
