//! Unit tests of the plain reader.

use super::*;

#[test]
fn study_guide_sections_and_preview() {
    let text = "Hand hygiene stops the spread of infection in every care setti\nTopic Synopsis\nHand hygiene stops the spread of infection in every care setting, and all staff share it.\nKey Concepts\n- Five moments: The times when hands must be cleaned.\n- Bare below the elbows: No sleeves, watches or rings.\nCommon Mistakes\n- Thinking gloves replace hand washing; they do not.\n";
    let doc = read(text, DocKind::StudyGuide);
    assert_eq!(doc.skipped[0].reason, "truncated preview");
    let lists: Vec<_> = doc
        .blocks
        .iter()
        .filter_map(|b| match &b.body {
            Body::List(l) => Some((l.label.clone(), l.items.len(), b.section.to_vec())),
            _ => None,
        })
        .collect();
    assert_eq!(
        lists[0],
        (Some("Key Concepts".into()), 2, vec!["Key Concepts".into()])
    );
    assert_eq!(lists[1].0.as_deref(), Some("Common Mistakes"));
}

#[test]
fn mcq_with_key_before_options() {
    let text = "Which of these are types of abuse?\nChoose all that apply.\n1 and 3\nRemember - Not every accident is abuse.\nNeglect\nA fall\nFinancial abuse\nAbuse can happen anywhere and to anyone at all in our care.\n";
    let doc = read(text, DocKind::ELearning);
    let mcq = doc
        .blocks
        .iter()
        .find_map(|b| match &b.body {
            Body::Mcq(m) => Some(m.clone()),
            _ => None,
        })
        .expect("an mcq");
    assert_eq!(mcq.options, ["Neglect", "A fall", "Financial abuse"]);
    assert_eq!(mcq.correct, [0, 2]);
    assert!(
        doc.blocks
            .iter()
            .any(|b| b.body == Body::Paragraph("Not every accident is abuse.".into()))
    );
}

#[test]
fn mcq_with_key_after_options_and_tabs() {
    let text = "Which of these protect patients?\nGloves\nAprons\nPerfume\nAnswer: 1 and 2\nTo work safely staff must:\nSelect each card to find out more.\nWash hands\nHands carry most germs between patients and staff.\nWear PPE\nPPE is a barrier between you and the infection.\n";
    let doc = read(text, DocKind::ELearning);
    let mcq = doc.blocks.iter().find_map(|b| match &b.body {
        Body::Mcq(m) => Some(m.clone()),
        _ => None,
    });
    assert_eq!(mcq.unwrap().correct, [0, 1]);
    let tabs = doc.blocks.iter().find_map(|b| match &b.body {
        Body::List(l) if l.label.as_deref() == Some("To work safely staff must") => {
            Some(l.items.iter().map(|i| i.text.clone()).collect::<Vec<_>>())
        }
        _ => None,
    });
    assert_eq!(tabs.unwrap(), ["Wash hands", "Wear PPE"]);
    let para = doc
        .blocks
        .iter()
        .find(|b| matches!(&b.body, Body::Paragraph(p) if p.starts_with("PPE is")));
    assert_eq!(
        para.unwrap().section.last().map(String::as_str),
        Some("Wear PPE")
    );
}

/// Every list item of `doc`, with its line, in document order.
fn list_items(doc: &Document) -> Vec<(&str, u32)> {
    doc.blocks
        .iter()
        .filter_map(|b| match &b.body {
            Body::List(list) => Some(list.items.iter().map(|i| (i.text.as_str(), i.line))),
            _ => None,
        })
        .flatten()
        .collect()
}

fn mcqs(doc: &Document) -> Vec<Mcq> {
    doc.blocks
        .iter()
        .filter_map(|b| match &b.body {
            Body::Mcq(m) => Some(m.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn lettered_mcq_with_labelled_question_and_letter_key() {
    let text = "Quiz\n\nQuestion 1: Which of these is a barrier to communication?\nA) Background noise\nB) Eye contact\nC) Open questions\nAnswer: A\nExplanation: noise makes it hard to hear what is said.\n\nQ2. Which TWO protect a person's privacy?\n(b) Closing the curtains\n(a) Knocking before entering\n(c) Discussing care in the corridor\nAnswers: a and b\n";
    let doc = read(text, DocKind::ELearning);
    let found = mcqs(&doc);
    assert_eq!(found.len(), 2, "{:?}", doc.blocks);
    assert_eq!(
        found[0].question,
        "Which of these is a barrier to communication?"
    );
    assert_eq!(
        found[0].options,
        ["Background noise", "Eye contact", "Open questions"]
    );
    assert_eq!(found[0].correct, [0]);
    // Options are found by their letter, in whatever order they stand.
    assert_eq!(found[1].question, "Which TWO protect a person's privacy?");
    assert_eq!(found[1].correct, [0, 1]);
    assert!(
        doc.blocks
            .iter()
            .any(|b| b.body == Body::Paragraph("Noise makes it hard to hear what is said.".into()))
    );
}

fn qa(text: &str, bold_asks: bool) -> Option<(String, String, Vec<usize>)> {
    let raw: Vec<&str> = text.lines().collect();
    qa_at(&raw, 0, bold_asks, super::super::questions::bare)
}

#[test]
fn questions_with_their_answers() {
    let (q, a, used) = qa(
        "Q: What is a near miss?\nA: An error caught before it\nreached the person.\n\nNext part",
        false,
    )
    .unwrap();
    assert_eq!(q, "What is a near miss?");
    assert_eq!(a, "An error caught before it reached the person.");
    assert_eq!(used, [0, 1, 2]);
    // An answer that is a list, after `A:` or a line ending in `:`.
    let (_, a, _) = qa("Question: Which checks come first?\nA: Two checks:\n- The name\n- The date of birth\nMore text", false).unwrap();
    assert_eq!(a, "Two checks: The name; The date of birth");
    let (_, a, _) = qa(
        "Q3. Which checks come first?\n\n- The name\n- The date of birth\n",
        false,
    )
    .unwrap();
    assert_eq!(a, "The name; The date of birth");
    // A bold question in a sheet takes the paragraph after it.
    let (q, a, _) = qa(
        "**What is a controlled drug?**\nA medicine that the law controls.\n",
        true,
    )
    .unwrap();
    assert_eq!(
        (q.as_str(), a.as_str()),
        (
            "What is a controlled drug?",
            "A medicine that the law controls."
        )
    );
    assert!(
        qa(
            "**What is a controlled drug?**\nA medicine that the law controls.\n",
            false
        )
        .is_none()
    );
}

#[test]
fn what_is_not_a_question_with_its_answer() {
    // Unlabelled, in plain text.
    assert!(qa("What is a near miss?\nAn error caught in time.\n", false).is_none());
    // A bold question pointing back to its heading, or over a list.
    assert!(qa("**What is it?**\nA short daily meeting.\n", true).is_none());
    assert!(
        qa(
            "**What are the benefits of a huddle?**\n- Shared plans\n- Fewer errors\n",
            true
        )
        .is_none()
    );
    // Lettered options without a key.
    assert!(qa("Q: Which is right?\nA. The first\nB. The second\n", false).is_none());
    // Followed by another question.
    assert!(
        qa(
            "Q: Which is right?\nQ: Which is wrong?\nA: This one.\n",
            false
        )
        .is_none()
    );
}

#[test]
fn a_lone_number_after_the_instruction_is_a_one_answer_key() {
    let text = "Who should you tell first?\nChoose one answer and then select Submit.\n2\nRemember - Act on the same day.\nA friend\nYour line manager\nNobody\n";
    let doc = read(text, DocKind::ELearning);
    let mcq = mcqs(&doc).pop().expect("an mcq");
    assert_eq!(mcq.options, ["A friend", "Your line manager", "Nobody"]);
    assert_eq!(mcq.correct, [1]);
    // A number among the options is an option, not a key.
    let text = "How many days does the report take?\nAnswer: 2\n3\n15\n30\n";
    let doc = read(text, DocKind::ELearning);
    assert_eq!(mcqs(&doc).pop().expect("an mcq").options, ["3", "15", "30"]);
}

#[test]
fn a_key_naming_a_missing_letter_is_no_mcq() {
    let text = "Which of these is a barrier to communication?\nA) Background noise\nB) Eye contact\nAnswer: D\n";
    assert!(mcqs(&read(text, DocKind::ELearning)).is_empty());
}

#[test]
fn entries_under_references_are_skipped() {
    let text = "Whistleblowing\n\nStaff must raise concerns about poor care with their manager first, and they are protected by law when they do so.\n\nReferences\n\nBowers, J. and Lewis, J. (2012) Whistleblowing: Law and Practice. Oxford: OUP.\nCare Quality Commission (2019) Regulation 20: Duty of candour. London: CQC.\nhttps://www.example.org/speak-up\n\nA closing note that is not an entry stays with the text.\n";
    let doc = read(text, DocKind::Essay);
    let reading: Vec<u32> = doc
        .skipped
        .iter()
        .filter(|s| s.reason == "reading list")
        .map(|s| s.line)
        .collect();
    assert_eq!(reading, [5, 7, 8]);
    let paragraphs: Vec<&str> = doc
        .blocks
        .iter()
        .filter_map(|b| match &b.body {
            Body::Paragraph(p) => Some(p.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(paragraphs.len(), 2, "{paragraphs:?}");
    assert!(paragraphs[1].starts_with("A closing note"));
}

#[test]
fn essay_title_headings_and_noise() {
    let text = "Consent In Care Homes\n\n3 min read\n  1. What consent means\n\nConsent is a person's agreement to care (Smith, 2019). It must be informed.\n\n fragment here. \n\nShare this post:\n";
    let doc = read(text, DocKind::Essay);
    assert_eq!(doc.title.as_deref(), Some("Consent In Care Homes"));
    let para = doc
        .blocks
        .iter()
        .find(|b| matches!(b.body, Body::Paragraph(_)))
        .unwrap();
    assert_eq!(*para.section, ["What consent means"]);
    assert_eq!(
        para.body,
        Body::Paragraph("Consent is a person's agreement to care. It must be informed.".into())
    );
    let reasons: Vec<_> = doc.skipped.iter().map(|s| s.reason).collect();
    assert!(reasons.contains(&"reading-time line"), "{reasons:?}");
    assert!(reasons.contains(&"web page furniture"), "{reasons:?}");
    assert!(reasons.contains(&"fragment"), "{reasons:?}");
}

#[test]
fn a_numbered_title_case_line_is_a_section_title() {
    let doc = read(
        "Guide\n1. Topic Synopsis\nFood must be kept cold.\n2. Exam Tips & Revision Strategies\nLearn the terms.\n3. Washing Hands Well\n1. Wash your hands\n2. Dry them well\n",
        DocKind::StudyGuide,
    );
    let sections: Vec<String> = doc
        .blocks
        .iter()
        .map(|b| b.section.last().cloned().unwrap_or_default())
        .collect();
    assert!(
        sections.contains(&"Topic Synopsis".to_string()),
        "{sections:?}"
    );
    assert!(
        sections.contains(&"Exam Tips & Revision Strategies".to_string()),
        "{sections:?}"
    );
    // "1. Wash your hands" is an item of a list, not a title.
    assert!(
        doc.blocks
            .iter()
            .any(|b| matches!(&b.body, Body::List(l) if l.items.len() == 2))
    );
}

#[test]
fn wrapped_lines_are_joined_back() {
    let text = "Laws\n  - Widget Act 2001: makes it an offence to\n    sell a widget without a licence.\n  - Gadget Act 2002: short.\nA widget licence is issued by the local council for the area and\nlasts for one year from the day it is issued.\n\"Once the licence is issued, the widget is yours.\"\nA new line that stands on its own.\n";
    let doc = read(text, DocKind::StudyGuide);
    let items: Vec<String> = doc
        .blocks
        .iter()
        .filter_map(|b| match &b.body {
            Body::List(l) => Some(l.items.iter().map(|i| i.text.clone()).collect::<Vec<_>>()),
            _ => None,
        })
        .flatten()
        .collect();
    assert_eq!(
        items[0],
        "Widget Act 2001: makes it an offence to sell a widget without a licence."
    );
    assert_eq!(items[1], "Gadget Act 2002: short.");
    let paras = doc.paragraphs();
    assert_eq!(
        paras[0].1,
        "A widget licence is issued by the local council for the area and lasts for one year from the day it is issued."
    );
    assert_eq!(paras[2].1, "A new line that stands on its own.");
}

#[test]
fn a_numbered_line_alone_between_blank_lines_heads_an_essay_section() {
    let text = "Food in care homes\n\n1. Storage\n2. Cooking\n\n1. Storage\n\nRaw meat is kept on the lowest shelf of the fridge so that it cannot drip onto other food.\n";
    let doc = read(text, DocKind::Essay);
    let para = doc
        .blocks
        .iter()
        .find(|b| matches!(&b.body, Body::Paragraph(p) if p.starts_with("Raw meat")))
        .expect("the paragraph");
    assert_eq!(para.section.to_vec(), ["Storage"]);
}

#[test]
fn a_title_that_ends_on_a_small_word_is_wrapped_text() {
    let text = "Kitchen\n\nBlanching. Vegetables dipped briefly in boiling water before a\nfreezer is filled are said to be blanched by the cook.\n";
    let doc = read(text, DocKind::StudyGuide);
    let paras: Vec<(&str, Vec<String>)> = doc
        .blocks
        .iter()
        .filter_map(|b| match &b.body {
            Body::Paragraph(p) => Some((p.as_str(), b.section.to_vec())),
            _ => None,
        })
        .collect();
    assert_eq!(paras.len(), 1, "{paras:?}");
    assert!(paras[0].0.ends_with("blanched by the cook."), "{paras:?}");
    assert_eq!(paras[0].1, ["Kitchen"]);
}

#[test]
fn a_section_title_in_capitals_ends_the_tabs_of_an_intro_line() {
    // An intro line ending in ':' opens tabs on an e-learning page; a
    // section title in capitals (with its rule underneath) is the next
    // section, not one more tab under the intro.
    let text = "SECTION 2  AIMS\n=====\nBy the end you will be able to:\n  AIM1  Prune a rose\nSECTION 3  KEY WORDS\n=====\nMulch\n  Mulch is a layer of material spread over the soil.\nNext\n";
    let doc = read(text, DocKind::ELearning);
    let mulch = doc
        .blocks
        .iter()
        .find(|b| {
            b.body == Body::Paragraph("Mulch is a layer of material spread over the soil.".into())
        })
        .expect("the gloss");
    assert_eq!(mulch.section.to_vec(), ["Mulch"]);
}

#[test]
fn a_question_in_capitals_is_a_section_title() {
    assert_eq!(
        classify(
            "3. BACKGROUND – WHY DO ROSES NEED PRUNING EVERY YEAR?",
            DocKind::StudyGuide
        ),
        Line::Title("BACKGROUND – WHY DO ROSES NEED PRUNING EVERY YEAR?".into())
    );
}

#[test]
fn an_outline_number_is_no_word_of_a_title() {
    assert_eq!(
        classify(
            "4.2 Control of Pesticides and Herbicides in Gardens Regulations 1986 (COPR)",
            DocKind::StudyGuide
        ),
        Line::Title(
            "4.2 Control of Pesticides and Herbicides in Gardens Regulations 1986 (COPR)".into()
        )
    );
}

#[test]
fn step_lines_are_numbered_items() {
    assert_eq!(
        classify("Step 3 - Shake the can of spray well.", DocKind::ELearning),
        Line::Numbered(3, "Shake the can of spray well.".into())
    );
    assert_eq!(
        classify("Step 10: Put the lid back on.", DocKind::StudyGuide),
        Line::Numbered(10, "Put the lid back on.".into())
    );
}

#[test]
fn an_essays_lines_that_end_sentences_keep_their_own_lines() {
    let text = "Garden words\n\nIntro line that is long enough to be the opening sentence of this essay about gardens and words.\n\nMulch is a layer spread over the soil.\nCompost is rotted plant matter.\nA cutting is a piece of stem taken from a healthy plant in late summer, and\nit is placed in water until it grows roots.\n";
    let doc = read(text, DocKind::Essay);
    let lines = doc.paragraphs();
    assert!(
        lines.contains(&(5, "Mulch is a layer spread over the soil.")),
        "{lines:?}"
    );
    assert!(
        lines.contains(&(6, "Compost is rotted plant matter.")),
        "{lines:?}"
    );
    // A line wrapped mid-sentence is joined to the next.
    assert!(
        lines.contains(&(
            7,
            "A cutting is a piece of stem taken from a healthy plant in late summer, and it is placed in water until it grows roots."
        )),
        "{lines:?}"
    );
}

#[test]
fn memory_aid_letters_several_to_a_line_are_one_item_each() {
    let text = "Garden pests: study guide\n\nSlugs eat young leaves at night.\n\nMemory aid: SLUG\n   S - Search at dusk      L - Lift pots and boards\n   U - Use copper tape       G - Get a frog pond\n\nAphids suck the sap of roses.\n";
    let doc = read(text, DocKind::StudyGuide);
    let items = list_items(&doc);
    assert_eq!(
        items,
        [
            ("Search at dusk", 6),
            ("Lift pots and boards", 6),
            ("Use copper tape", 7),
            ("Get a frog pond", 7)
        ]
    );
}

#[test]
fn numbered_answers_run_together_on_a_line_are_one_item_each() {
    let text = "Rose pruning: revision\n\nCheck your answers\n1. February   2. Three buds   3. Secateurs\n";
    let doc = read(text, DocKind::StudyGuide);
    let items: Vec<(Option<u32>, &str)> = doc
        .blocks
        .iter()
        .filter_map(|b| match &b.body {
            Body::List(list) => Some(list.items.iter().map(|i| (i.number, i.text.as_str()))),
            _ => None,
        })
        .flatten()
        .collect();
    assert_eq!(
        items,
        [
            (Some(1), "February"),
            (Some(2), "Three buds"),
            (Some(3), "Secateurs")
        ]
    );
}

#[test]
fn readers_comments_under_a_page_are_skipped() {
    let text = "Pruning roses\n\nRoses are pruned in late winter, when the buds swell.\n\nCut each stem just above an outward-facing bud.\n\nSecateurs must be sharp and clean.\n\n2 Comments\n  Rosie_G - 2 weeks ago\n    Pruning means cutting back hard, my nan always said so.\n    Reply\n  Tom - 1 month ago\n    Great page\n";
    let doc = read(text, DocKind::Essay);
    let comments: Vec<u32> = doc
        .skipped
        .iter()
        .filter(|s| s.reason == "comments")
        .map(|s| s.line)
        .collect();
    assert_eq!(comments, [9, 10, 11, 12, 13, 14]);
    assert!(doc.blocks.iter().all(|b| b.line < 9));
}

#[test]
fn a_key_terms_list_in_two_columns_is_read_term_by_term() {
    let text = "Garden tools\n\nTools keep the garden tidy and safe to work in.\n\nKey terms\n  Secateurs        Short-bladed shears used to cut stems up to 2 cm thick\n  Dibber           -  a pointed stick that makes holes for seeds\n  Loppers          Long-handled cutters for branches, often\n                   with a ratchet for thick wood\n  S                = Sow thinly\n";
    let doc = read(text, DocKind::StudyGuide);
    let items = list_items(&doc);
    assert_eq!(
        items[..3],
        [
            (
                "Secateurs: Short-bladed shears used to cut stems up to 2 cm thick",
                6
            ),
            ("Dibber: a pointed stick that makes holes for seeds", 7),
            (
                "Loppers: Long-handled cutters for branches, often with a ratchet for thick wood",
                8
            ),
        ]
    );
    // A memory aid's letter is no term.
    assert!(items.iter().all(|(t, _)| !t.starts_with("S:")));
}

#[test]
fn a_key_terms_list_typed_with_dashes_is_read_term_by_term() {
    let text = "Garden tools\n\nTools keep the garden tidy and safe to work in.\n\nKEY TERMS\n\n\
        Mulch – a layer of material spread over the soil surface\n\
        Dibber - a pointed stick that makes holes for seeds\n\
        Loppers – long-handled cutters for thick branches\n\
        Hoe – a blade on a pole. It cuts weeds off at the root.\n\
        \x20                                               Page 5 of 7\n";
    let doc = read(text, DocKind::StudyGuide);
    let items = list_items(&doc);
    assert_eq!(
        items,
        [
            ("Mulch: a layer of material spread over the soil surface", 7),
            ("Dibber: a pointed stick that makes holes for seeds", 8),
            ("Loppers: long-handled cutters for thick branches", 9),
        ]
    );
}
