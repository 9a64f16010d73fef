//! Unit tests of the markdown reader.

use super::*;
use crate::compile::document::Mcq;

type ListView = (Vec<String>, Option<String>, Vec<String>, bool, bool);

fn lists(doc: &Document) -> Vec<ListView> {
    doc.blocks
        .iter()
        .filter_map(|b| match &b.body {
            Body::List(l) => Some((
                b.section.to_vec(),
                l.label.clone(),
                l.items.iter().map(|i| i.text.clone()).collect(),
                l.ordered,
                l.grouped,
            )),
            _ => None,
        })
        .collect()
}

#[test]
fn labels_checks_numbers_and_nesting() {
    let text = "# UNIT 9: HAND HYGIENE\n\n**Level:** 2\n\n## 🧼 WHEN TO WASH\n\n### Moments:\n\n**Before:**\n- Touching a patient\n- Clean tasks\n\n**After:**\n- Body fluid exposure\n- Touching surroundings\n\n### Good Practice:\n\n✅ Bare below the elbows  \n✅ Nails short  \n\n### Steps:\n1. Wet hands\n2. Apply soap\n   - Enough to cover\n   - All surfaces\n3. Rinse\n\n## 📚 FURTHER READING\n\n- Some guidance\n";
    let doc = read(text);
    assert_eq!(doc.title.as_deref(), Some("Unit 9: hand hygiene"));
    let l = lists(&doc);
    assert_eq!(l[0].1.as_deref(), Some("Before"));
    assert_eq!(l[0].0, ["When to wash", "Moments"]);
    assert!(l[0].4 && l[1].4, "sibling groups: {l:?}");
    assert_eq!(l[2].1.as_deref(), Some("Good Practice"));
    assert_eq!(l[2].2, ["Bare below the elbows", "Nails short"]);
    let steps = l.iter().find(|x| x.1.as_deref() == Some("Steps")).unwrap();
    assert!(steps.3);
    assert_eq!(steps.2, ["Wet hands", "Apply soap", "Rinse"]);
    let nested = l
        .iter()
        .find(|x| x.1.as_deref() == Some("Apply soap"))
        .unwrap();
    assert_eq!(nested.2, ["Enough to cover", "All surfaces"]);
    assert!(doc.skipped.iter().any(|s| s.reason == "reading list"));
    assert!(doc.skipped.iter().any(|s| s.reason == "document metadata"));
    assert!(!l.iter().any(|x| x.2.iter().any(|i| i.contains("guidance"))));
}

#[test]
fn a_label_glued_under_an_item_starts_the_next_list() {
    let text =
        "# T\n\n## Types\n\n**Physical:**\n- Bruises\n- Flinching\n**Sexual:**\n- Pain\n- Fear\n";
    let l = lists(&read(text));
    assert_eq!(l.len(), 2, "{l:?}");
    assert_eq!(l[0].1.as_deref(), Some("Physical"));
    assert_eq!(l[0].2, ["Bruises", "Flinching"]);
    assert_eq!(l[1].1.as_deref(), Some("Sexual"));
    assert_eq!(l[1].2, ["Pain", "Fear"]);
    assert!(l[0].4 && l[1].4);
}

#[test]
fn numbered_headings_become_an_ordered_list() {
    let text = "# T\n\n## RULES\n\n### 1. First One\n- a\n- b\n\n### 2. Second One\n- c\n- d\n";
    let doc = read(text);
    let l = lists(&doc);
    let ordered = l.iter().find(|x| x.3).unwrap();
    assert_eq!(ordered.1.as_deref(), Some("Rules"));
    assert_eq!(ordered.2, ["First One", "Second One"]);
    let first = l
        .iter()
        .find(|x| x.1.as_deref() == Some("First One"))
        .unwrap();
    assert!(first.4, "sibling lists under numbered headings are groups");
}

#[test]
fn what_is_it_label_and_table() {
    let text = "# T\n\n## PARTS\n\n### Team Huddle:\n\n**What is it?**\nA short daily meeting.\n\n| Term | Meaning |\n|---|---|\n| PPE | Protective kit |\n";
    let doc = read(text);
    let l = lists(&doc);
    assert_eq!(l[0].1.as_deref(), Some("What is it?"));
    assert_eq!(l[0].2, ["A short daily meeting."]);
    assert!(doc.blocks.iter().any(
        |b| matches!(&b.body, Body::Table { rows, .. } if rows[0].1 == ["PPE", "Protective kit"])
    ));
}

#[test]
fn deep_nesting_does_not_overflow() {
    let mut text = String::from("# T\n\n");
    for depth in 0..2000 {
        text.push_str(&"  ".repeat(depth));
        text.push_str("- item\n");
    }
    let doc = read(&text);
    assert!(!doc.blocks.is_empty());
}

fn mcqs(doc: &Document) -> Vec<(Vec<String>, u32, Mcq)> {
    doc.blocks
        .iter()
        .filter_map(|b| match &b.body {
            Body::Mcq(m) => Some((b.section.to_vec(), b.line, m.clone())),
            _ => None,
        })
        .collect()
}

#[test]
fn lettered_questions_are_read_whole_and_hidden_from_the_lists() {
    let text = "# Sheet\n\n## Quiz\n\n**1. Which of these stops germs spreading?**\n\nA) Hand washing\nB) Sharing towels\n\n**Answer: A**\n\n### Question 2\n\nWhich colour bag holds clinical waste?\n\n- a) Black\n- b) Orange\n\n*Answer:* b) Orange\nExplanation: orange bags go for treatment before disposal.\n\n## After\n\n- One\n- Two\n";
    let doc = read(text);
    let found = mcqs(&doc);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].0, ["Quiz"]);
    assert_eq!(found[0].1, 5);
    assert_eq!(found[0].2.question, "Which of these stops germs spreading?");
    assert_eq!(found[0].2.options, ["Hand washing", "Sharing towels"]);
    assert_eq!(found[0].2.correct, [0]);
    // "Question 2" only numbers the question: it is not a section.
    assert_eq!(found[1].0, ["Quiz"]);
    assert_eq!(found[1].1, 14);
    assert_eq!(found[1].2.correct, [1]);
    assert!(doc.blocks.iter().any(|b| b.line == 20
        && b.body == Body::Paragraph("Orange bags go for treatment before disposal.".into())));
    // The options are no list; the list after the quiz keeps its lines.
    let l = lists(&doc);
    assert_eq!(l.len(), 1, "{l:?}");
    assert_eq!(l[0].2, ["One", "Two"]);
    let after = doc.blocks.iter().find(|b| matches!(b.body, Body::List(_)));
    assert_eq!(after.map(|b| b.line), Some(24));
}

#[test]
fn a_question_without_a_key_stays_text() {
    let text = "# Sheet\n\n## Ask yourself\n\nWhy does hand washing matter so much?\n\n- It removes germs\n- It protects others\n";
    let doc = read(text);
    assert!(mcqs(&doc).is_empty());
    assert_eq!(lists(&doc).len(), 1);
}

#[test]
fn a_bold_term_line_is_a_definition_item() {
    assert_eq!(
        bold_term("**Pathogen:** a germ that can cause disease."),
        Some("Pathogen: a germ that can cause disease.".into())
    );
    assert_eq!(
        bold_term("**Pathogen**: a germ that can cause disease."),
        Some("Pathogen: a germ that can cause disease.".into())
    );
    assert_eq!(bold_term("**Pathogen:** germ"), None);
    assert_eq!(bold_term("**Important** things happen here"), None);
    let doc = read("# T\n\n## Terms\n\n**Pathogen:** a germ that can cause disease.\n");
    assert!(doc.blocks.iter().any(|b| matches!(&b.body,
        Body::List(l) if l.label.is_none()
            && l.items[0].text == "Pathogen: a germ that can cause disease.")));
}

#[test]
fn a_line_after_a_hard_break_keeps_its_own_line_number() {
    let text = "# Kitchen\n\n## Rules\n\n✅ Knives in the block  \n✅ Ovens cleaned on Friday\\\n✅ Floors mopped at night\n";
    let doc = read(text);
    let lines: Vec<u32> = doc
        .blocks
        .iter()
        .flat_map(|b| match &b.body {
            Body::List(l) => l.items.iter().map(|i| i.line).collect(),
            _ => Vec::new(),
        })
        .collect();
    assert_eq!(lines, [5, 6, 7], "{:?}", doc.blocks);
}

#[test]
fn lines_that_each_end_a_sentence_are_paragraphs_with_their_own_lines() {
    let doc = read(
        "# Garden\n\n## Soil\n\nLoam holds water well.  \nClay drains slowly.\nSand warms up early in spring.\n\nCompost feeds the soil\nand keeps it moist.\n",
    );
    let paragraphs = doc.paragraphs();
    assert_eq!(
        paragraphs,
        vec![
            (5, "Loam holds water well."),
            (6, "Clay drains slowly."),
            (7, "Sand warms up early in spring."),
            // A sentence wrapped over two lines stays one paragraph.
            (9, "Compost feeds the soil and keeps it moist."),
        ]
    );
}

#[test]
fn readers_comments_under_the_page_are_skipped_to_its_end() {
    let mut text = String::from("# Garden\n\n## Soil\n\n");
    for i in 0..8 {
        text.push_str(&format!("Bed {i} needs compost every spring.\n\n"));
    }
    text.push_str("3 Comments\n\nSam K · 2 days ago\nOur allotment mulches every 5 weeks.\nReply · Like (4)\n");
    let doc = read(&text);
    assert!(
        doc.blocks.iter().all(|b| match &b.body {
            Body::Paragraph(p) => !p.contains("allotment") && !p.contains("Comments"),
            _ => true,
        }),
        "{:?}",
        doc.blocks
    );
    assert!(
        doc.skipped
            .iter()
            .any(|s| s.reason == "comments" && s.text.contains("allotment")),
        "{:?}",
        doc.skipped
    );
}

#[test]
fn a_numbered_quiz_is_paired_with_its_key_below() {
    let doc = read(
        "# Garden\n\n## Soil\n\nLoam holds water well.\n\n## Quiz\n\nQ1. What holds water well?\nQ2. How deep should bulbs go?\n\n**Answer key** (click to reveal)\n\n1. Loam\n2. Twice their height\n",
    );
    let qa: Vec<(u32, &str, &str)> = doc
        .blocks
        .iter()
        .filter_map(|b| match &b.body {
            Body::Qa { question, answer } => Some((b.line, question.as_str(), answer.as_str())),
            _ => None,
        })
        .collect();
    assert_eq!(
        qa,
        vec![
            (9, "What holds water well?", "Loam"),
            (10, "How deep should bulbs go?", "Twice their height"),
        ]
    );
    // The key is no list of its own.
    assert!(lists(&doc).is_empty(), "{:?}", lists(&doc));
}
