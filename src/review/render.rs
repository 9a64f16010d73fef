//! How a card reads, independent of where it is shown: the question (a
//! cloze shows its gap), the answer (a cloze shows the filled sentence), a
//! multiple-choice question's numbered options, the grade keys with the
//! interval each would give, and word wrapping to a width.
//!
//! Text is built from [`Span`]s carrying a [`Tone`]; the screen turns tones
//! into terminal styles, the plain mode ignores them.

use scheduler::{Day, Preview, Quality};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::deck::CardKind;
use crate::store::StoredCard;

/// How a piece of text should stand out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Ordinary text.
    Plain,
    /// Secondary text (deck, tags, hints).
    Dim,
    /// The gap or the filled-in text of a cloze; headings.
    Strong,
    /// A right choice.
    Right,
    /// A wrong choice.
    Wrong,
}

/// A piece of text in one tone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// The text.
    pub text: String,
    /// Its tone.
    pub tone: Tone,
}

impl Span {
    /// A span of `text` in `tone`. The text is passed through
    /// [`crate::term::clean`], so nothing from a deck reaches the terminal
    /// as a control sequence.
    pub fn new(text: impl Into<String>, tone: Tone) -> Span {
        let text = text.into();
        let text = match crate::term::clean(&text) {
            std::borrow::Cow::Borrowed(_) => text,
            std::borrow::Cow::Owned(cleaned) => cleaned,
        };
        Span { text, tone }
    }

    /// Plain text.
    pub fn plain(text: impl Into<String>) -> Span {
        Span::new(text, Tone::Plain)
    }
}

/// One line of spans.
pub type Line = Vec<Span>;

/// The text of a line without tones.
pub fn line_text(line: &[Span]) -> String {
    line.iter().map(|s| s.text.as_str()).collect()
}

/// The grading scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scale {
    /// `1` again, `2` hard, `3` good, `4` easy.
    #[default]
    Four,
    /// `0`–`5`: the SM-2 qualities.
    Sm2,
}

impl Scale {
    /// The keys of this scale with their qualities.
    pub fn keys(self) -> Vec<(char, Quality)> {
        match self {
            Scale::Four => vec![
                ('1', Quality::AGAIN),
                ('2', Quality::HARD),
                ('3', Quality::GOOD),
                ('4', Quality::EASY),
            ],
            Scale::Sm2 => Quality::ALL
                .into_iter()
                .map(|q| (char::from(b'0' + q.value()), q))
                .collect(),
        }
    }

    /// The quality a key press gives, if any.
    pub fn quality(self, key: char) -> Option<Quality> {
        self.keys()
            .into_iter()
            .find(|(k, _)| *k == key)
            .map(|(_, q)| q)
    }
}

/// An interval in days, short: "1d", "17d", "1.5mo", "2.1y".
pub fn short_interval(days: i64) -> String {
    if days <= 0 {
        "today".into()
    } else if days < 30 {
        format!("{days}d")
    } else if days < 365 {
        format!("{:.1}mo", days as f64 / 30.4)
    } else {
        format!("{:.1}y", days as f64 / 365.25)
    }
}

/// The name of a quality on the review screen.
pub fn quality_name(quality: Quality) -> String {
    match quality.name() {
        Some(name) => name.to_string(),
        None => match quality.value() {
            0 => "blackout".into(),
            _ => "almost".into(),
        },
    }
}

/// Each grade key labelled with the time until the card is next due:
/// `("3", "good · 6d")`.
pub fn grade_labels(scale: Scale, preview: &Preview, today: Day) -> Vec<(char, String)> {
    scale
        .keys()
        .into_iter()
        .map(|(key, quality)| {
            let days = preview
                .get(quality)
                .state
                .due
                .map_or(0, |due| due.days_since(today));
            (
                key,
                format!("{} · {}", quality_name(quality), short_interval(days)),
            )
        })
        .collect()
}

/// The deck and tags line.
pub fn header(card: &StoredCard) -> String {
    let mut text = card.deck.clone();
    if !card.card.tags.is_empty() {
        text.push_str(" · ");
        text.push_str(&card.card.tags.join(" "));
    }
    text
}

/// Splits `text` around every `[...]`, which becomes a strong span.
fn with_gaps(text: &str) -> Line {
    let mut line = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("[...]") {
        if at > 0 {
            line.push(Span::plain(&rest[..at]));
        }
        line.push(Span::new("[...]", Tone::Strong));
        rest = &rest[at + 5..];
    }
    if !rest.is_empty() {
        line.push(Span::plain(rest));
    }
    line
}

/// The question side.
pub fn question(card: &StoredCard) -> Line {
    match card.card.kind {
        CardKind::Cloze => with_gaps(&card.card.front),
        _ => vec![Span::plain(&card.card.front)],
    }
}

/// A cloze's whole text with every deletion filled in and strong:
/// `{{c1::term}}` and `{{c1::term::hint}}` become `term`. Without markup, the
/// first `[...]` of the front is filled with the back.
pub fn cloze_filled(card: &StoredCard) -> Line {
    let Some(markup) = card.card.cloze.as_deref().filter(|m| m.contains("{{")) else {
        let front = &card.card.front;
        return match front.find("[...]") {
            Some(at) => {
                let mut line = Vec::new();
                if at > 0 {
                    line.push(Span::plain(&front[..at]));
                }
                line.push(Span::new(card.card.back.trim(), Tone::Strong));
                if at + 5 < front.len() {
                    line.push(Span::plain(&front[at + 5..]));
                }
                line
            }
            None => vec![Span::new(card.card.back.as_str(), Tone::Strong)],
        };
    };
    let mut line = Vec::new();
    let mut rest = markup;
    while let Some(open) = rest.find("{{") {
        let Some(close) = rest[open..].find("}}").map(|i| open + i) else {
            break;
        };
        if open > 0 {
            line.push(Span::plain(&rest[..open]));
        }
        let inner = &rest[open + 2..close];
        // c1::term or c1::term::hint
        let mut parts = inner.splitn(3, "::");
        let first = parts.next().unwrap_or_default();
        let term = if first.starts_with('c') && first[1..].chars().all(|c| c.is_ascii_digit()) {
            parts.next().unwrap_or_default()
        } else {
            inner
        };
        line.push(Span::new(term, Tone::Strong));
        rest = &rest[close + 2..];
    }
    if !rest.is_empty() {
        line.push(Span::plain(rest));
    }
    line
}

/// The answer side: a cloze's filled sentence, otherwise the back.
pub fn answer(card: &StoredCard) -> Line {
    match card.card.kind {
        CardKind::Cloze => cloze_filled(card),
        _ => vec![Span::plain(&card.card.back)],
    }
}

/// Whether the card lists options to pick from.
pub fn is_choice(card: &StoredCard) -> bool {
    !card.card.options.is_empty()
}

/// A multiple-choice question's options, numbered from 1. Before the
/// reveal, picked options are marked `>`; after it, right options `✓`,
/// wrong picks `✗`.
pub fn options(card: &StoredCard, picked: &[usize], revealed: bool) -> Vec<Line> {
    card.card
        .options
        .iter()
        .enumerate()
        .map(|(i, option)| {
            let is_picked = picked.contains(&i);
            let is_right = card.card.correct.contains(&i);
            let (mark, tone) = match (revealed, is_right, is_picked) {
                (false, _, true) => (">", Tone::Strong),
                (false, _, false) => (" ", Tone::Plain),
                (true, true, _) => ("✓", Tone::Right),
                (true, false, true) => ("✗", Tone::Wrong),
                (true, false, false) => (" ", Tone::Dim),
            };
            vec![Span::new(format!("{mark} {}. {option}", i + 1), tone)]
        })
        .collect()
}

/// The verdict on the learner's picks, once revealed; `None` when nothing
/// was picked.
pub fn choice_verdict(card: &StoredCard, picked: &[usize]) -> Option<Span> {
    if picked.is_empty() {
        return None;
    }
    let mut right: Vec<usize> = card.card.correct.clone();
    right.sort_unstable();
    let mut mine = picked.to_vec();
    mine.sort_unstable();
    Some(if mine == right {
        Span::new("Your choice is right.", Tone::Right)
    } else {
        Span::new("Your choice is wrong.", Tone::Wrong)
    })
}

/// Display width of a string (East Asian wide characters count 2).
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// Wraps a line of spans to `width` columns, breaking at spaces; a word
/// longer than a line is split. Newlines in the text start new lines.
pub fn wrap(line: &[Span], width: usize) -> Vec<Line> {
    enum Token<'a> {
        Word(&'a str, Tone),
        Space(&'a str),
        Break,
    }
    let mut tokens = Vec::new();
    for span in line {
        for (n, segment) in span.text.split('\n').enumerate() {
            if n > 0 {
                tokens.push(Token::Break);
            }
            let mut rest = segment;
            while !rest.is_empty() {
                let blank = rest.starts_with(breaks);
                let end = rest
                    .find(|c: char| breaks(c) != blank)
                    .unwrap_or(rest.len());
                tokens.push(if blank {
                    Token::Space(&rest[..end])
                } else {
                    Token::Word(&rest[..end], span.tone)
                });
                rest = &rest[end..];
            }
        }
    }

    let width = width.max(1);
    let mut lines: Vec<Line> = vec![Vec::new()];
    let mut used = 0usize;
    let mut space = false;
    // At the start of a line of the text (not of a wrapped line), spaces
    // are kept: they indent.
    let mut line_start = true;
    for token in tokens {
        match token {
            Token::Break => {
                lines.push(Vec::new());
                used = 0;
                space = false;
                line_start = true;
            }
            Token::Space(blank) if line_start => {
                let indent = blank.chars().count().min(width.saturating_sub(used + 1));
                push(lines.last_mut(), &" ".repeat(indent), Tone::Plain);
                used += indent;
            }
            Token::Space(_) => space = used > 0,
            Token::Word(word, tone) => {
                line_start = false;
                let w = self::width(word);
                if used > 0 && used + usize::from(space) + w > width {
                    lines.push(Vec::new());
                    used = 0;
                } else if space {
                    push(lines.last_mut(), " ", Tone::Plain);
                    used += 1;
                }
                space = false;
                if used + w <= width {
                    push(lines.last_mut(), word, tone);
                    used += w;
                    continue;
                }
                // A word longer than the line: split it.
                let mut piece = String::new();
                for ch in word.chars() {
                    let cw = ch.width().unwrap_or(0);
                    if used + cw > width && used > 0 {
                        push(lines.last_mut(), &piece, tone);
                        piece.clear();
                        lines.push(Vec::new());
                        used = 0;
                    }
                    piece.push(ch);
                    used += cw;
                }
                push(lines.last_mut(), &piece, tone);
            }
        }
    }
    lines
}

/// Whether a line may break at `c`: any white space but the no-break
/// space, which holds a label ("3 good · 6d") together.
fn breaks(c: char) -> bool {
    c.is_whitespace() && c != NBSP
}

/// The no-break space.
pub const NBSP: char = '\u{a0}';

fn push(line: Option<&mut Line>, text: &str, tone: Tone) {
    let Some(line) = line else { return };
    if text.is_empty() {
        return;
    }
    match line.last_mut() {
        Some(last) if last.tone == tone => last.text.push_str(text),
        _ => line.push(Span::new(text, tone)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::Card;
    use scheduler::CardState;

    fn stored(card: Card) -> StoredCard {
        StoredCard::unreviewed(card, "Deck".into())
    }

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| line_text(l)).collect()
    }

    #[test]
    fn wraps_at_spaces_and_splits_long_words() {
        let line = vec![Span::plain("the quick brown fox jumps")];
        assert_eq!(texts(&wrap(&line, 10)), ["the quick", "brown fox", "jumps"]);
        assert_eq!(
            texts(&wrap(&[Span::plain("abcdefghij")], 4)),
            ["abcd", "efgh", "ij"]
        );
        assert_eq!(texts(&wrap(&[Span::plain("one\ntwo")], 20)), ["one", "two"]);
        assert_eq!(
            texts(&wrap(&[Span::plain("  x y\n  z")], 3)),
            ["  x", "y", "  z"]
        );
        assert_eq!(
            texts(&wrap(&[Span::plain("a b\u{a0}c")], 3)),
            ["a", "b\u{a0}c"]
        );
        for l in wrap(
            &[Span::plain("a long sentence that must wrap many times")],
            7,
        ) {
            assert!(width(&line_text(&l)) <= 7);
        }
    }

    #[test]
    fn wrapping_keeps_tones_and_spaces_between_spans() {
        let line = vec![
            Span::plain("The "),
            Span::new("gap", Tone::Strong),
            Span::plain(" is here."),
        ];
        let wrapped = wrap(&line, 80);
        assert_eq!(texts(&wrapped), ["The gap is here."]);
        assert_eq!(wrapped[0][1], Span::new("gap", Tone::Strong));
        let tight = wrap(&[Span::plain("a"), Span::new("b", Tone::Strong)], 80);
        assert_eq!(texts(&tight), ["ab"]);
    }

    #[test]
    fn wide_characters_count_double() {
        let wrapped = wrap(&[Span::plain("日本語 日本語")], 7);
        assert_eq!(texts(&wrapped), ["日本語", "日本語"]);
    }

    #[test]
    fn cloze_shows_gap_then_filled_sentence() {
        let mut card = Card::new(
            "c",
            CardKind::Cloze,
            "Consent must be [...] and informed.",
            "freely given",
        );
        card.cloze = Some("Consent must be {{c1::freely given::how?}} and informed.".into());
        let card = stored(card);
        let q = question(&card);
        assert_eq!(line_text(&q), "Consent must be [...] and informed.");
        assert!(q.contains(&Span::new("[...]", Tone::Strong)));
        let a = answer(&card);
        assert_eq!(line_text(&a), "Consent must be freely given and informed.");
        assert!(a.contains(&Span::new("freely given", Tone::Strong)));

        let bare = stored(Card::new("d", CardKind::Cloze, "[...] is key.", "Trust"));
        assert_eq!(line_text(&answer(&bare)), "Trust is key.");
    }

    #[test]
    fn mcq_options_and_marks() {
        let mut card = Card::new("m", CardKind::Mcq, "Pick the primes", "2 and 3");
        card.options = vec!["2".into(), "3".into(), "4".into()];
        card.correct = vec![0, 1];
        let card = stored(card);
        assert!(is_choice(&card));
        assert_eq!(
            texts(&options(&card, &[2], false)),
            ["  1. 2", "  2. 3", "> 3. 4"]
        );
        assert_eq!(
            texts(&options(&card, &[2], true)),
            ["✓ 1. 2", "✓ 2. 3", "✗ 3. 4"]
        );
        assert_eq!(choice_verdict(&card, &[2]).unwrap().tone, Tone::Wrong);
        assert_eq!(choice_verdict(&card, &[1, 0]).unwrap().tone, Tone::Right);
        assert!(choice_verdict(&card, &[]).is_none());
    }

    #[test]
    fn grade_labels_show_intervals() {
        let today = Day::new(100);
        let mut state = CardState::new();
        state.repetitions = 1;
        state.interval = 1;
        state.last_review = Some(Day::new(99));
        state.due = Some(today);
        let preview = scheduler::preview(&state, today);
        let labels = grade_labels(Scale::Four, &preview, today);
        assert_eq!(
            labels,
            vec![
                ('1', "again · 1d".to_string()),
                ('2', "hard · 6d".to_string()),
                ('3', "good · 6d".to_string()),
                ('4', "easy · 6d".to_string()),
            ]
        );
        assert_eq!(grade_labels(Scale::Sm2, &preview, today).len(), 6);
        assert_eq!(Scale::Four.quality('2'), Some(Quality::HARD));
        assert_eq!(Scale::Sm2.quality('2').unwrap().value(), 2);
        assert_eq!(Scale::Four.quality('5'), None);
        assert_eq!(short_interval(45), "1.5mo");
        assert_eq!(short_interval(800), "2.2y");
    }
}
