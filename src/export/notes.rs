//! Cards → Anki notes: which note type each card gets, its fields as HTML,
//! its GUID, deck path, tags, modification time and card ordinals.
//!
//! Everything here is pure and deterministic: the same cards always give
//! the same notes, so re-exporting an unchanged collection changes nothing
//! a learner's Anki would notice.
//!
//! Identity rules (Anki matches notes by GUID and updates one only when the
//! incoming `mod` is strictly newer):
//! - the GUID is a hash of the card id (of the forward card for a folded
//!   pair), never of its text;
//! - the note type follows from the card's kind alone, so editing a card
//!   never moves its note to another type (Anki would call that
//!   "conflicting");
//! - `mod` is the newest content change of the note's cards; the store
//!   makes every change strictly newer than the last, even within a second;
//! - no field holds a line number, so moving a fact within its document
//!   changes no note;
//! - a fact's two directions are one note with two cards (siblings, which
//!   Anki buries from each other), and a direction once exported never
//!   loses its text (see [`Plan`]): Anki never deletes a card on import, and
//!   an emptied one would show "The front of this card is blank".

use std::borrow::Cow;

use rustc_hash::FxHashMap;
use sha1::{Digest, Sha1};

use crate::deck::{Card, CardKind};
use crate::store::StoredCard;

/// The note types srs writes. Their ids, field lists and template lists are
/// fixed forever (see `apkg.rs`); a new layout needs a new variant and id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NoteType {
    /// Front, Back, Source; one card.
    Basic,
    /// Front, Back, Reverse Front, Reverse Back, Source; the second card
    /// exists only when the reverse fields are filled.
    Reversible,
    /// Text (with `{{cN::…}}` deletions), Source; one card per deletion
    /// number.
    Cloze,
    /// Question, Options, Answer, Source; one card.
    Mcq,
}

impl NoteType {
    /// Every note type, in a fixed order.
    pub const ALL: [NoteType; 4] = [
        NoteType::Basic,
        NoteType::Reversible,
        NoteType::Cloze,
        NoteType::Mcq,
    ];

    /// The field names, in order. Never change these for an existing type.
    pub fn fields(self) -> &'static [&'static str] {
        match self {
            NoteType::Basic => &["Front", "Back", "Source"],
            NoteType::Reversible => &["Front", "Back", "Reverse Front", "Reverse Back", "Source"],
            NoteType::Cloze => &["Text", "Source"],
            NoteType::Mcq => &["Question", "Options", "Answer", "Source"],
        }
    }

    /// The note type for a card of this kind. Depends on the kind only, so
    /// a card's note never changes type when its text changes.
    fn for_kind(kind: CardKind) -> NoteType {
        match kind {
            CardKind::Definition
            | CardKind::Acronym
            | CardKind::Legislation
            | CardKind::OrderedItem => NoteType::Reversible,
            CardKind::Mcq => NoteType::Mcq,
            CardKind::Cloze => NoteType::Cloze,
            CardKind::Basic | CardKind::ListMember | CardKind::Misconception => NoteType::Basic,
        }
    }
}

/// Bumped whenever the way fields are rendered changes, so that every note
/// of an earlier export is updated once (epoch seconds; 2026-12-01, when the
/// line number left the Source field). It must stay in the past: a note's
/// `mod` is never below it.
pub const RENDER_EPOCH: i64 = 1_796_083_200;

/// One Anki note and the cards it should have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// Which note type.
    pub note_type: NoteType,
    /// Stable identity, from the (forward) card id.
    pub guid: String,
    /// Field values as HTML, in the note type's order.
    pub fields: Vec<String>,
    /// Tags, without spaces.
    pub tags: Vec<String>,
    /// The Anki deck: the srs deck's name as written.
    pub deck: String,
    /// Last content change, epoch seconds.
    pub modified: i64,
    /// When the (forward) card was added, epoch seconds.
    pub added: i64,
    /// Card ordinals: template index, or cloze number − 1.
    pub ords: Vec<u16>,
}

/// What [`build_notes`] made: notes in deck order, and how many cards were
/// folded into another card's note or changed type.
#[derive(Debug, Default)]
pub struct Notes {
    /// The notes, in the order new cards should be introduced.
    pub notes: Vec<Note>,
    /// Reverse cards folded into their forward card's note.
    pub folded: usize,
    /// Cloze cards without a usable deletion, written as Basic notes.
    pub cloze_as_basic: usize,
}

/// Which cards become notes: every card except reverse cards folded into
/// their forward card's note. A forward card whose reverse vanished from
/// its deck file keeps that reverse's last text ("retired"): Anki made a
/// card of it, which an import cannot delete, and which would otherwise
/// show "The front of this card is blank".
#[derive(Debug)]
pub struct Plan<'a> {
    cards: &'a [StoredCard],
    retired: &'a [StoredCard],
    /// For each card: `None` when folded into another card's note, else the
    /// index of its reverse card (`usize::MAX` for none; from `cards.len()`
    /// on, a retired reverse).
    partner: Vec<Option<usize>>,
    /// How many reverse cards were folded.
    pub folded: usize,
}

impl<'a> Plan<'a> {
    /// Plans the notes for cards already filtered and in deck order. A
    /// reverse card folds into its forward card when that card is exported,
    /// is a reversible kind, is not itself a reverse, and has no earlier
    /// reverse.
    pub fn new(cards: &'a [StoredCard]) -> Plan<'a> {
        Plan::with_retired(cards, &[])
    }

    /// [`Plan::new`], and a forward card left without a reverse takes its
    /// retired one from `retired` (reverse cards that vanished from their
    /// deck file).
    pub fn with_retired(cards: &'a [StoredCard], retired: &'a [StoredCard]) -> Plan<'a> {
        let index: FxHashMap<&str, usize> = cards
            .iter()
            .enumerate()
            .map(|(i, c)| (c.card.id.as_str(), i))
            .collect();
        let mut partner: Vec<Option<usize>> = vec![Some(usize::MAX); cards.len()];
        let mut folded = 0;
        for (i, stored) in cards.iter().enumerate() {
            let Some(target) = &stored.card.reverse_of else {
                continue;
            };
            let Some(&f) = index.get(target.as_str()) else {
                continue;
            };
            let forward = &cards[f].card;
            if f == i
                || forward.reverse_of.is_some()
                || NoteType::for_kind(forward.kind) != NoteType::Reversible
                || partner[f] != Some(usize::MAX)
            {
                continue;
            }
            partner[f] = Some(i);
            partner[i] = None;
            folded += 1;
        }
        for (j, old) in retired.iter().enumerate() {
            let Some(target) = &old.card.reverse_of else {
                continue;
            };
            let Some(&f) = index.get(target.as_str()) else {
                continue;
            };
            let forward = &cards[f].card;
            if forward.reverse_of.is_none()
                && NoteType::for_kind(forward.kind) == NoteType::Reversible
                && partner[f] == Some(usize::MAX)
            {
                partner[f] = Some(cards.len() + j);
            }
        }
        Plan {
            cards,
            retired,
            partner,
            folded,
        }
    }

    /// Each note's card and its folded reverse, in deck order.
    pub fn notes(&self) -> impl Iterator<Item = (&'a StoredCard, Option<&'a StoredCard>)> + '_ {
        let (cards, retired) = (self.cards, self.retired);
        self.partner
            .iter()
            .enumerate()
            .filter_map(move |(i, partner)| {
                partner.map(|p| {
                    let reverse = match p {
                        usize::MAX => None,
                        p if p < cards.len() => Some(&cards[p]),
                        p => Some(&retired[p - cards.len()]),
                    };
                    (&cards[i], reverse)
                })
            })
    }
}

/// Turns cards (already filtered, in deck order) into notes.
pub fn build_notes(cards: &[StoredCard]) -> Notes {
    let plan = Plan::new(cards);
    let mut out = Notes {
        notes: Vec::with_capacity(cards.len()),
        folded: plan.folded,
        cloze_as_basic: 0,
    };
    for (stored, reverse) in plan.notes() {
        let note = build_note(stored, reverse, deck_name(&stored.deck));
        if is_cloze_as_basic(stored, &note) {
            out.cloze_as_basic += 1;
        }
        out.notes.push(note);
    }
    out
}

/// Whether a cloze card had to be written as a Basic note.
pub fn is_cloze_as_basic(stored: &StoredCard, note: &Note) -> bool {
    stored.card.kind == CardKind::Cloze && note.note_type != NoteType::Cloze
}

/// When a note's content last changed: its newest card, never before
/// [`RENDER_EPOCH`].
pub fn note_modified(stored: &StoredCard, reverse: Option<&StoredCard>) -> i64 {
    let reverse = reverse.map_or(i64::MIN, |r| r.modified_at);
    stored.modified_at.max(reverse).max(RENDER_EPOCH)
}

/// The note for a card and its folded reverse, filed in `deck`.
pub fn build_note(stored: &StoredCard, reverse: Option<&StoredCard>, deck: String) -> Note {
    let card = &stored.card;
    let source = source_field(stored);
    let mut tags = clean_tags(&card.tags);
    let (note_type, fields, ords) = match NoteType::for_kind(card.kind) {
        NoteType::Reversible => {
            let (rfront, rback) = match reverse {
                Some(r) => {
                    for tag in clean_tags(&r.card.tags) {
                        if !tags.contains(&tag) {
                            tags.push(tag);
                        }
                    }
                    (html(&r.card.front), html(&r.card.back))
                }
                None => (String::new(), String::new()),
            };
            let ords = if rfront.is_empty() {
                vec![0]
            } else {
                vec![0, 1]
            };
            (
                NoteType::Reversible,
                vec![html(&card.front), html(&card.back), rfront, rback, source],
                ords,
            )
        }
        NoteType::Cloze => match cloze_text(card) {
            Some((text, ords)) => (NoteType::Cloze, vec![text, source], ords),
            None => basic(card, source),
        },
        NoteType::Mcq => (
            NoteType::Mcq,
            vec![
                html(&card.front),
                options_html(card),
                mcq_answer_html(card),
                source,
            ],
            vec![0],
        ),
        NoteType::Basic => basic(card, source),
    };
    Note {
        note_type,
        guid: guid(card.id.as_str()),
        fields,
        tags,
        deck,
        modified: note_modified(stored, reverse),
        added: stored.added_at,
        ords,
    }
}

fn basic(card: &Card, source: String) -> (NoteType, Vec<String>, Vec<u16>) {
    (
        NoteType::Basic,
        vec![html(&card.front), html(&card.back), source],
        vec![0],
    )
}

/// The note GUID for a card id: 64 bits of SHA-1 in base 62 (11 characters,
/// no whitespace or punctuation).
pub fn guid(card_id: &str) -> String {
    let digest = Sha1::new()
        .chain_update(b"srs note guid\0")
        .chain_update(card_id.as_bytes())
        .finalize();
    let mut value = u64::from_be_bytes([
        digest[0], digest[1], digest[2], digest[3], digest[4], digest[5], digest[6], digest[7],
    ]);
    const ALPHABET: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let mut text = [b'0'; 11];
    for slot in text.iter_mut().rev() {
        *slot = ALPHABET[(value % 62) as usize];
        value /= 62;
    }
    text.iter().map(|&b| b as char).collect()
}

/// Plain text as HTML: `& < > "` escaped, line breaks as `<br>`.
pub fn html(text: &str) -> String {
    let text = text.trim();
    if !text
        .bytes()
        .any(|b| matches!(b, b'&' | b'<' | b'>' | b'"') || b.is_ascii_control())
    {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("<br>"),
            '\r' => {}
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// The "where from" field: `file · Deck`, as HTML. No line number: a
/// fact that moves within its document is the same note.
fn source_field(stored: &StoredCard) -> String {
    match &stored.card.source {
        Some(s) => html(&format!("{} · {}", s.file, stored.deck)),
        None => html(&stored.deck),
    }
}

/// Tags as Anki stores them: no whitespace inside, no empties, no repeats.
fn clean_tags(tags: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(tags.len());
    for tag in tags {
        let tag: String = tag
            .trim()
            .chars()
            .map(|c| if c.is_whitespace() { '_' } else { c })
            .collect();
        if !tag.is_empty() && !out.contains(&tag) {
            out.push(tag);
        }
    }
    out
}

/// The Anki deck a card goes into: its srs deck, named as the tutor wrote
/// it. One deck, not one subdeck per section: Anki gathers new cards from
/// subdecks in alphabetical order, which is not the course's; the sections
/// are the cards' hierarchical tags (`deck::section::subsection`).
pub fn deck_name(deck: &str) -> String {
    let name = deck_component(deck);
    if name.is_empty() {
        "srs".to_string()
    } else {
        name
    }
}

/// One deck-name component: no `::`, no control characters, trimmed of
/// whitespace and colons (as Anki would).
fn deck_component(text: &str) -> String {
    let cleaned: String = text
        .replace("::", " ")
        .chars()
        .filter(|c| !c.is_control())
        .collect();
    cleaned
        .trim_matches(|c: char| c.is_whitespace() || c == ':')
        .to_string()
}

/// The cloze text (as HTML, with its deletions) and the card ordinals, or
/// `None` when the card has no usable deletion and must be written as a
/// Basic note instead.
///
/// Uses `card.cloze` when it holds a `{{cN::…}}` with N ≥ 1; otherwise
/// rebuilds the deletion from a front with one `[...]` gap and the back.
///
/// Cloze markup that the learner reads as text (it is in the card's
/// `front`, which shows only the card's own gap as `[...]`) is escaped, so
/// that Anki never takes it for another deletion.
fn cloze_text(card: &Card) -> Option<(String, Vec<u16>)> {
    if let Some(text) = &card.cloze {
        let mut text = Cow::Borrowed(text.as_str());
        if card.front.contains("{{") {
            for literal in literal_clozes(&card.front) {
                text = Cow::Owned(text.replace(literal, &escape_braces(literal)));
            }
        }
        let ords = cloze_ords(&text);
        if !ords.is_empty() {
            return Some((escape_braces_html(&html(&text), &text), ords));
        }
    }
    let gap = "[...]";
    let back = card.back.trim();
    if card.front.matches(gap).count() == 1
        && !back.is_empty()
        && !back.contains("}}")
        && !back.contains("::")
        && !back.contains("{{")
    {
        let front = escape_braces(&html(&card.front));
        let text = front.replacen(gap, &format!("{{{{c1::{}}}}}", html(back)), 1);
        return Some((text, vec![0]));
    }
    None
}

/// Each `{{…}}` of a text.
fn literal_clozes(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        let Some(len) = rest[start..].find("}}") else {
            break;
        };
        out.push(&rest[start..start + len + 2]);
        rest = &rest[start + len + 2..];
    }
    out
}

/// `{{` written so that Anki shows it and never reads it as markup.
fn escape_braces(text: &str) -> String {
    text.replace("{{", "{&#123;")
}

/// `html(text)` with the escapes [`escape_braces`] made in `text` kept
/// (`html` turns their `&` into `&amp;`).
fn escape_braces_html(html_text: &str, text: &str) -> String {
    if text.contains("{&#123;") {
        html_text.replace("{&amp;#123;", "{&#123;")
    } else {
        html_text.to_string()
    }
}

/// The distinct card ordinals (cloze number − 1) of a cloze text, sorted.
/// A deletion counts only if it is closed; numbers start at 1 and stop at
/// 500, as in Anki.
pub fn cloze_ords(text: &str) -> Vec<u16> {
    let mut ords: Vec<u16> = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(at) = text[i..].find("{{c") {
        let start = i + at + 3;
        let mut j = start;
        while j < bytes.len() && (bytes[j].is_ascii_digit() || bytes[j] == b',') {
            j += 1;
        }
        let closed = text[j..].starts_with("::") && text[j..].contains("}}");
        if j > start && closed {
            for number in text[start..j].split(',') {
                if let Ok(n) = number.parse::<u32>()
                    && (1..=500).contains(&n)
                {
                    let ord = (n - 1) as u16;
                    if !ords.contains(&ord) {
                        ords.push(ord);
                    }
                }
            }
        }
        i = start;
    }
    ords.sort_unstable();
    ords
}

/// The options of a multiple-choice card as an HTML list (lettered A, B…).
fn options_html(card: &Card) -> String {
    if card.options.is_empty() {
        return String::new();
    }
    let mut out = String::from("<ol class=\"options\" type=\"A\">");
    for option in &card.options {
        out.push_str("<li>");
        out.push_str(&html(option));
        out.push_str("</li>");
    }
    out.push_str("</ol>");
    out
}

/// The back of a multiple-choice card: every option, the correct ones
/// marked, then the answer text unless it only repeats a correct option.
fn mcq_answer_html(card: &Card) -> String {
    let back = card.back.trim();
    if card.options.is_empty() {
        return html(back);
    }
    let mut out = String::from("<ol class=\"options marked\" type=\"A\">");
    let mut correct_texts = Vec::new();
    for (i, option) in card.options.iter().enumerate() {
        if card.correct.contains(&i) {
            out.push_str("<li class=\"correct\"><span class=\"mark\">✓</span> ");
            correct_texts.push(option.trim().to_lowercase());
        } else {
            out.push_str("<li class=\"wrong\">");
        }
        out.push_str(&html(option));
        out.push_str("</li>");
    }
    out.push_str("</ol>");
    let back_lower = back.to_lowercase();
    let repeats = correct_texts.contains(&back_lower)
        || (!correct_texts.is_empty() && correct_texts.join("; ") == back_lower)
        || (!correct_texts.is_empty() && correct_texts.join(", ") == back_lower);
    if !back.is_empty() && !repeats {
        out.push_str("<div class=\"explain\">");
        out.push_str(&html(back));
        out.push_str("</div>");
    }
    out
}

/// A field's text for Anki's sort field and checksum: tags removed and the
/// entities [`html`] writes decoded.
pub fn strip_html(field: &str) -> String {
    if !field.contains(['<', '&']) {
        return field.to_string();
    }
    let mut out = String::with_capacity(field.len());
    let mut in_tag = false;
    for ch in field.chars() {
        match ch {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    if out.contains('&') {
        out = out
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&nbsp;", " ")
            .replace("&amp;", "&");
    }
    out
}

/// Anki's note checksum: the first 4 bytes of SHA-1 over the stripped first
/// field, big-endian.
pub fn checksum(first_field: &str) -> u32 {
    checksum_of_stripped(&strip_html(first_field))
}

/// [`checksum`] of a field already passed through [`strip_html`].
pub fn checksum_of_stripped(stripped: &str) -> u32 {
    let digest = Sha1::digest(stripped.as_bytes());
    u32::from_be_bytes([digest[0], digest[1], digest[2], digest[3]])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::{CardId, Source};
    use crate::store::Suspension;
    use scheduler::CardState;

    fn stored(card: Card, modified_at: i64) -> StoredCard {
        StoredCard {
            card,
            deck: "Partnership Working".into(),
            state: CardState::new(),
            suspension: Suspension::Active,
            buried_until: None,
            leech: false,
            modified_at,
            added_at: 1_700_000_000,
        }
    }

    fn card(id: &str, kind: CardKind, front: &str, back: &str) -> Card {
        Card::new(id, kind, front, back)
    }

    #[test]
    fn guid_is_stable_short_and_plain() {
        let g = guid("pw-sbar-s");
        assert_eq!(g, guid("pw-sbar-s"));
        assert_ne!(g, guid("pw-sbar-b"));
        assert_eq!(g.len(), 11);
        assert!(g.chars().all(|c| c.is_ascii_alphanumeric()), "{g}");
    }

    #[test]
    fn guid_ignores_text() {
        let a = build_notes(&[stored(card("x", CardKind::Basic, "Q", "A"), 1)]);
        let b = build_notes(&[stored(card("x", CardKind::Basic, "Q2", "A2"), 2)]);
        assert_eq!(a.notes[0].guid, b.notes[0].guid);
        assert_ne!(a.notes[0].fields, b.notes[0].fields);
    }

    #[test]
    fn escapes_html_and_keeps_line_breaks() {
        assert_eq!(
            html(" a < b & \"c\" > d\nnext "),
            "a &lt; b &amp; &quot;c&quot; &gt; d<br>next"
        );
        assert_eq!(strip_html(&html("a < b & c")), "a < b & c");
        assert_eq!(strip_html("x<br>y <b>z</b>"), "xy z");
    }

    #[test]
    fn checksum_matches_sha1_prefix() {
        // SHA-1("abc") = a9993e36…
        assert_eq!(checksum("abc"), 0xa999_3e36);
        assert_eq!(checksum("<b>abc</b>"), 0xa999_3e36);
    }

    #[test]
    fn cloze_ords_follow_anki() {
        assert_eq!(cloze_ords("The {{c1::cat}} sat"), [0]);
        assert_eq!(cloze_ords("{{c2::a}} {{c1::b}} {{c2::c}}"), [0, 1]);
        assert_eq!(cloze_ords("{{c1,3::a}}"), [0, 2]);
        assert_eq!(cloze_ords("{{c0::a}}"), Vec::<u16>::new());
        assert_eq!(cloze_ords("{{c1::never closed"), Vec::<u16>::new());
        assert_eq!(cloze_ords("no deletion"), Vec::<u16>::new());
        assert_eq!(cloze_ords("{{c::x}}"), Vec::<u16>::new());
        assert_eq!(cloze_ords("{{c1::a::hint}}"), [0]);
    }

    #[test]
    fn cloze_without_deletion_is_rebuilt_or_basic() {
        let mut with_markup = card("c1", CardKind::Cloze, "The [...] sat", "cat");
        with_markup.cloze = Some("The {{c1::cat}} sat on the {{c2::mat}}".into());
        let rebuilt = card("c2", CardKind::Cloze, "A [...] & B", "dog");
        let mut hopeless = card("c3", CardKind::Cloze, "No gap here", "cat");
        hopeless.cloze = Some("no deletion".into());
        let notes = build_notes(&[
            stored(with_markup, 1),
            stored(rebuilt, 1),
            stored(hopeless, 1),
        ]);
        let n = &notes.notes;
        assert_eq!(n[0].note_type, NoteType::Cloze);
        assert_eq!(n[0].ords, [0, 1]);
        assert_eq!(n[1].note_type, NoteType::Cloze);
        assert_eq!(n[1].fields[0], "A {{c1::dog}} &amp; B");
        assert_eq!(n[1].ords, [0]);
        assert_eq!(n[2].note_type, NoteType::Basic);
        assert_eq!(n[2].fields.len(), NoteType::Basic.fields().len());
        assert_eq!(notes.cloze_as_basic, 1);
    }

    #[test]
    fn literal_cloze_markup_in_card_text_is_no_deletion() {
        let mut with_markup = card("c1", CardKind::Cloze, "Write {{c2::x}} for a [...]", "gap");
        with_markup.cloze = Some("Write {{c2::x}} for a {{c1::gap}}".into());
        let rebuilt = card("c2", CardKind::Cloze, "Write {{c2::x}} for a [...]", "gap");
        let notes = build_notes(&[stored(with_markup, 1), stored(rebuilt, 1)]);
        for note in &notes.notes {
            assert_eq!(note.note_type, NoteType::Cloze);
            assert_eq!(note.ords, [0], "{:?}", note.fields);
            assert_eq!(cloze_ords(&note.fields[0]), [0]);
            assert_eq!(
                strip_html(&note.fields[0].replace("&#123;", "{")),
                "Write {{c2::x}} for a {{c1::gap}}"
            );
        }
    }

    #[test]
    fn reverse_folds_into_forward_note() {
        let forward = card("term", CardKind::Definition, "What is ABCDE?", "A tool");
        let mut reverse = card("term-r", CardKind::Definition, "Which tool…?", "ABCDE");
        reverse.reverse_of = Some(CardId::new("term"));
        reverse.tags = vec!["extra".into()];
        let notes = build_notes(&[stored(forward, 10), stored(reverse, 20)]);
        assert_eq!(notes.notes.len(), 1);
        assert_eq!(notes.folded, 1);
        let note = &notes.notes[0];
        assert_eq!(note.note_type, NoteType::Reversible);
        assert_eq!(note.guid, guid("term"));
        assert_eq!(note.ords, [0, 1]);
        assert_eq!(note.fields[2], "Which tool…?");
        assert_eq!(note.fields[3], "ABCDE");
        assert_eq!(note.modified, RENDER_EPOCH.max(20));
        assert!(note.tags.contains(&"extra".to_string()));
    }

    #[test]
    fn a_retired_reverse_keeps_its_text_in_the_note() {
        let forward = card("term", CardKind::Definition, "What is ABCDE?", "A tool");
        let mut old = card("term-r", CardKind::Definition, "Which tool…?", "ABCDE");
        old.reverse_of = Some(CardId::new("term"));
        let cards = [stored(forward, 10)];
        let retired = [stored(old, 5)];
        let plan = Plan::with_retired(&cards, &retired);
        let (_, reverse) = plan.notes().next().unwrap();
        let note = build_note(&cards[0], reverse, "D".into());
        assert_eq!(note.ords, [0, 1], "the card Anki has keeps a front");
        assert_eq!(note.fields[2], "Which tool…?");
        assert_eq!(plan.folded, 0);
    }

    #[test]
    fn a_lone_definition_has_one_card_and_same_type() {
        let notes = build_notes(&[stored(card("t", CardKind::Definition, "Q", "A"), 1)]);
        let note = &notes.notes[0];
        assert_eq!(note.note_type, NoteType::Reversible);
        assert_eq!(note.ords, [0]);
        assert_eq!(note.fields[2], "");
    }

    #[test]
    fn reverse_without_its_forward_stands_alone() {
        let mut reverse = card("r", CardKind::Definition, "Q", "A");
        reverse.reverse_of = Some(CardId::new("missing"));
        let mut self_ref = card("s", CardKind::Definition, "Q", "A");
        self_ref.reverse_of = Some(CardId::new("s"));
        let notes = build_notes(&[stored(reverse, 1), stored(self_ref, 1)]);
        assert_eq!(notes.notes.len(), 2);
        assert_eq!(notes.notes[0].guid, guid("r"));
        assert_eq!(notes.folded, 0);
    }

    #[test]
    fn mcq_marks_correct_options() {
        let mut mcq = card("m", CardKind::Mcq, "Which?", "B");
        mcq.options = vec!["A".into(), "B".into(), "C <x>".into()];
        mcq.correct = vec![1];
        let note = &build_notes(&[stored(mcq, 1)]).notes[0];
        assert_eq!(note.note_type, NoteType::Mcq);
        assert!(note.fields[1].contains("<li>C &lt;x&gt;</li>"));
        assert!(!note.fields[1].contains("correct"));
        assert!(
            note.fields[2].contains("<li class=\"correct\"><span class=\"mark\">✓</span> B</li>")
        );
        assert!(note.fields[2].contains("<li class=\"wrong\">A</li>"));
        assert!(!note.fields[2].contains("explain"), "back only repeats B");
    }

    #[test]
    fn source_field_names_file_and_deck_but_no_line() {
        let mut c = card("a", CardKind::Basic, "Q", "A");
        c.source = Some(Source {
            file: "notes.md".into(),
            line: 12,
        });
        let note = &build_notes(&[stored(c.clone(), 1)]).notes[0];
        assert_eq!(note.fields[2], "notes.md · Partnership Working");
        c.source.as_mut().unwrap().line = 13;
        let moved = &build_notes(&[stored(c, 1)]).notes[0];
        assert_eq!(moved, note, "a line moved changes nothing");
    }

    #[test]
    fn one_deck_named_as_written() {
        assert_eq!(
            deck_name("Exam Tips: Revision Strategies"),
            "Exam Tips: Revision Strategies"
        );
        assert_eq!(deck_name("A::B"), "A B");
        assert_eq!(deck_name(" "), "srs");
        let mut c = card("a", CardKind::Basic, "Q", "A");
        c.tags = vec!["partnership-working::communication::sbar".into()];
        let note = &build_notes(&[stored(c, 1)]).notes[0];
        assert_eq!(note.deck, "Partnership Working");
        assert_eq!(note.tags, ["partnership-working::communication::sbar"]);
    }

    #[test]
    fn an_ordered_item_and_its_reverse_are_one_note() {
        let forward = card(
            "p1",
            CardKind::OrderedItem,
            "What is principle 1?",
            "Empowerment",
        );
        let mut reverse = card(
            "p1-r",
            CardKind::OrderedItem,
            "Which principle is empowerment?",
            "Principle 1",
        );
        reverse.reverse_of = Some(CardId::new("p1"));
        let notes = build_notes(&[stored(forward, 1), stored(reverse, 1)]);
        assert_eq!(notes.notes.len(), 1);
        assert_eq!(notes.notes[0].note_type, NoteType::Reversible);
        assert_eq!(notes.notes[0].ords, [0, 1]);
    }

    #[test]
    fn modified_never_below_render_epoch_and_tags_clean() {
        let mut c = card("a", CardKind::Basic, "Q", "A");
        c.tags = vec!["a b".into(), "a_b".into(), " ".into(), "c".into()];
        let note = &build_notes(&[stored(c, 5)]).notes[0];
        assert_eq!(note.modified, RENDER_EPOCH);
        assert_eq!(note.tags, ["a_b", "c"]);
        let later = &build_notes(&[stored(
            card("a", CardKind::Basic, "Q", "A"),
            RENDER_EPOCH + 9,
        )])
        .notes[0];
        assert_eq!(later.modified, RENDER_EPOCH + 9);
    }
}
