//! Text on its way to a terminal. A deck, a document or a file name is
//! someone else's text: an escape sequence in it could clear the screen,
//! fake a hyperlink (OSC 8) or set the clipboard (OSC 52). [`clean`] is
//! the one function every command and screen passes such text through
//! before printing it (JSON output is escaped by serde and needs nothing).

use std::borrow::Cow;

/// `text` made safe to print: C0 control characters (except the newline)
/// and DEL become their visible Unicode pictures (`ESC` → `␛`), a tab
/// becomes a space, C1 controls (U+0080–U+009F, among them the one-byte
/// CSI) become `�`, and the invisible bidirectional controls that can
/// reorder what a line appears to say (U+061C, U+200E–U+200F,
/// U+202A–U+202E, U+2066–U+2069) are dropped. Text with none of these is
/// returned as it is, without copying.
pub fn clean(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_cleaning) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push('\n'),
            '\t' => out.push(' '),
            '\u{0}'..='\u{1f}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}')),
            '\u{7f}' => out.push('\u{2421}'),
            '\u{80}'..='\u{9f}' => out.push('\u{fffd}'),
            c if is_bidi_control(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// [`clean`], with newlines shown as `␤` too: for text that must stay on
/// one line (a card id, a file name, an error message).
pub fn clean_line(text: &str) -> Cow<'_, str> {
    match clean(text) {
        Cow::Borrowed(t) if !t.contains('\n') => Cow::Borrowed(t),
        cleaned => Cow::Owned(cleaned.replace('\n', "\u{2424}")),
    }
}

fn needs_cleaning(c: char) -> bool {
    (c.is_control() && c != '\n') || is_bidi_control(c)
}

fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed_unchanged() {
        let text = "In ABCDE, what does “A” stand for? — 5 ✓ café\nsecond line";
        assert!(matches!(clean(text), Cow::Borrowed(t) if t == text));
    }

    #[test]
    fn escape_sequences_are_made_visible() {
        // Clear screen, an OSC 8 hyperlink and an OSC 52 clipboard write.
        let hostile = "\x1b[2J\x1b]8;;http://evil\x07click\x1b]8;;\x07 \x1b]52;c;cm0gLXJm\x07";
        let cleaned = clean(hostile);
        assert!(!cleaned.chars().any(|c| c.is_control()), "{cleaned:?}");
        assert_eq!(cleaned, "␛[2J␛]8;;http://evil␇click␛]8;;␇ ␛]52;c;cm0gLXJm␇");
    }

    #[test]
    fn c1_controls_del_tab_and_carriage_return() {
        assert_eq!(clean("a\u{9b}31mb"), "a\u{fffd}31mb");
        assert_eq!(clean("a\u{85}b\u{7f}"), "a\u{fffd}b\u{2421}");
        assert_eq!(clean("a\tb\rc\0"), "a b\u{240d}c\u{2400}");
    }

    #[test]
    fn bidirectional_overrides_are_dropped() {
        assert_eq!(clean("abc\u{202e}fed\u{202c}"), "abcfed");
        assert_eq!(clean("\u{2066}x\u{2069}\u{200f}\u{061c}"), "x");
    }

    #[test]
    fn newlines_are_kept_or_shown() {
        assert_eq!(clean("a\nb"), "a\nb");
        assert_eq!(clean_line("a\nb\x1b"), "a\u{2424}b\u{241b}");
        assert!(matches!(clean_line("plain"), Cow::Borrowed("plain")));
    }

    #[test]
    fn cleaning_twice_changes_nothing() {
        let once = clean("\x1b[31m\u{9b}\u{202e}x\t").into_owned();
        assert_eq!(clean(&once), once);
    }
}
