//! Unit tests of the rules, on a few lines of text each.

use super::*;

/// Each draft's front with its back, in order.
fn front_backs(drafts: &[Draft]) -> Vec<(&str, &str)> {
    drafts
        .iter()
        .map(|d| (d.front.as_str(), d.back.as_str()))
        .collect()
}

/// The fronts of the drafts of one kind, in order.
fn fronts_of(drafts: &[Draft], kind: CardKind) -> Vec<&str> {
    drafts
        .iter()
        .filter(|d| d.kind == kind)
        .map(|d| d.front.as_str())
        .collect()
}

#[test]
fn steps_under_a_heading_of_errors_are_not_mistakes() {
    let doc = crate::compile::read::markdown::read(
        "# Medicines\n\n## Medication errors\n\n### Common mistakes to avoid\n\n- Signing the chart before the dose is given; sign only once it is taken\n- Crushing tablets for a resident, thus changing how the drug works\n\n### After an error\n\n**Report it:**\n- Tell your manager straight away\n- Contact the GP or the pharmacist\n",
    );
    let drafts = extract(&doc, "medicines");
    let mistakes = fronts_of(&drafts, CardKind::Misconception);
    assert_eq!(mistakes.len(), 2, "{mistakes:?}");
    assert!(
        mistakes
            .iter()
            .all(|f| !f.contains("manager") && !f.contains("GP"))
    );
    // The steps are not quizzed as a list ("name the 2 listed under …").
    assert!(
        !drafts.iter().any(|d| d.kind == CardKind::ListMember),
        "{drafts:#?}"
    );
}

#[test]
fn a_law_named_with_at_and_etc() {
    assert_eq!(
        laws_in("The Health and Safety at Work etc. Act 1974 is the main law."),
        ["Health and Safety at Work etc. Act 1974"]
    );
    // "from" inside a name, after a capitalised word; not a sentence's.
    assert_eq!(
        laws_in("- 4 weeks: notice to quit (Protection from Eviction Act 1977)"),
        ["Protection from Eviction Act 1977"]
    );
    assert_eq!(
        laws_in("Advice comes from the Wildlife Act 1981."),
        ["Wildlife Act 1981"]
    );
    assert_eq!(
        law_predicate(
            "The Food Safety Act 1990 is the main law on food in shops.",
            "Food Safety Act 1990"
        )
        .as_deref(),
        Some("It is the main law on food in shops.")
    );
}

#[test]
fn a_term_named_in_the_sentence_that_describes_it() {
    assert_eq!(
        known_as_inline("Washing hands with soap for twenty seconds is known as ‘hand hygiene’."),
        Some(("Washing hands with soap for twenty seconds", "hand hygiene"))
    );
    assert_eq!(
        known_as_inline("An event that was spotted before it did harm is known as a ‘near miss’."),
        Some(("An event that was spotted before it did harm", "near miss"))
    );
    assert_eq!(
        known_as_inline("A written plan for the person is called a care plan."),
        Some(("A written plan for the person", "care plan"))
    );
    // Pointing back, too short, or naming a whole clause.
    assert_eq!(known_as_inline("This is known as ‘hydration’."), None);
    assert_eq!(known_as_inline("It is called care."), None);
    assert_eq!(
        known_as_inline("The meeting is called when the risk is high and the family agree."),
        None
    );
}

#[test]
fn an_acronym_heading_spelled_by_its_list() {
    let doc = crate::compile::read::markdown::read(
        "# Moving people\n\n## Risk\n\n### TILE:\n\n- **T**ask - What movement is needed?\n- **I**ndividual - Who is moving and are they fit?\n- **L**oad - The person and their weight\n- **E**nvironment - Space, flooring and lighting\n",
    );
    let drafts = extract(&doc, "moving people");
    let acronyms: Vec<(&str, &str)> = drafts
        .iter()
        .filter(|d| d.kind == CardKind::Acronym)
        .map(|d| (d.front.as_str(), d.back.as_str()))
        .collect();
    // The letters only: a card for the whole would ask them again.
    assert_eq!(acronyms.len(), 4, "{acronyms:?}");
    assert_eq!(
        acronyms[0],
        (
            "In TILE, what does T stand for?",
            "Task: what movement is needed?"
        )
    );
    // A letter's words run to the colon: "Pass on", not "Pass".
    let doc = crate::compile::read::markdown::read(
        "# Medicines\n\n## Refusal\n\n**STOP:**\n- **S**top - Do not force it\n- **T**alk - Ask why\n- **O**ffer - Try again later\n- **P**ass on - Record it and tell the prescriber\n",
    );
    let p = extract(&doc, "medicines")
        .into_iter()
        .find(|d| d.kind == CardKind::Acronym && d.front.contains("does P stand"))
        .map(|d| d.back);
    assert_eq!(
        p.as_deref(),
        Some("Pass on: record it and tell the prescriber")
    );
    // A heading that the items do not spell is no acronym.
    let doc = crate::compile::read::markdown::read(
        "# T\n\n## Care\n\n- Cooking meals\n- Activities\n- Reading\n- Laundry\n",
    );
    assert!(
        !extract(&doc, "t")
            .iter()
            .any(|d| d.kind == CardKind::Acronym)
    );
}

#[test]
fn measures_and_thresholds_are_quantities() {
    for (text, want) in [
        (
            "Keep the greenhouse at 18°C or above overnight.",
            "18°C or above",
        ),
        ("Seedlings need 5–10 ml of water a day.", "5–10 ml"),
        ("Sap sugar of 4 to 7 mmol/L is normal.", "4 to 7 mmol/L"),
        ("A pond pump moves 2 litres a minute.", "2 litres"),
        ("Seeds sprout between 8°C and 20°C.", "8°C and 20°C"),
        ("Mix 10,000 ppm bleach for tools.", "10,000 ppm"),
        (
            "Compost holds between 40% and 60% water by weight.",
            "40% and 60%",
        ),
    ] {
        let (a, b) = super::quantity(text).expect(text);
        assert_eq!(&text[a..b], want, "{text:?}");
    }
    assert!(super::quantity("Plant 3 rows of beans.").is_none());
}

#[test]
fn quantities_are_found_as_the_single_pattern_found_them() {
    let quantity = Regex::new(r"(?-u:\b)(?:[0-9]+(?:\s*(?:[–-]|(?i-u:to))\s*[0-9]+)?|(?i-u:one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|sixty|ninety))\s+(?:(?i-u:working|calendar|clear)\s+)?(?i-u:seconds?|minutes?|hours?|days?|weeks?|months?|years?)(?-u:\b)|(?-u:\b)[0-9]+(?:\.[0-9]+)?\s*(?:%|(?i-u:per ?cent))").unwrap();
    let texts = [
        "Wash for 40–60 seconds.",
        "Within 72 HOURS of the breach",
        "Two Working Days later, 15 Per Cent, 3.5% and 10 to 12 weeks",
        "report it in ſeven days",
        "K\u{212A}ELVIN 5 ᴅays",
        "In November 2014 and March 2015 the Act",
        "since 1998, before December  2001 or in xMay 2003",
        "the Care Act 2014January 2015",
        "é\u{301}June 2020 ",
        "May 2019",
        "20145 and 1999x and 2000_",
        "café May 1999",
        "no numbers here",
        "",
        "The  Data Protection Act 2018 (GDPR) in May 2018",
    ];
    for text in texts {
        let want = quantity.find(text).map(|m| (m.start(), m.end()));
        assert_eq!(super::quantity(text), want, "{text:?}");
    }
}

#[test]
fn cue_keys_read_as_the_kind_and_cue_formatted() {
    for kind in [CardKind::Definition, CardKind::Cloze, CardKind::OrderedItem] {
        let cue = Cue::ordered("care", 1);
        assert_eq!(cue_key(kind, &cue), format!("{kind}:care:1"));
    }
}

#[test]
fn an_acronym_given_before_its_words() {
    assert_eq!(
        acronyms_in(
            "Use a behaviour chart (such as an ABC chart – Antecedent, Behaviour, Consequence) to look for patterns."
        ),
        [(
            "ABC".to_string(),
            "Antecedent, Behaviour, Consequence".to_string()
        )]
    );
    assert_eq!(
        acronyms_in("FAST: Face, Arms, Speech and Time."),
        [(
            "FAST".to_string(),
            "Face, Arms, Speech and Time".to_string()
        )]
    );
    // Words that do not spell it are no expansion.
    assert!(acronyms_in("NHS – Staff, Rules, Wards").is_empty());
}

#[test]
fn acronyms_in_passing() {
    assert_eq!(
        acronyms_in("by wearing personal protective equipment (PPE) at all times"),
        [(
            "PPE".to_string(),
            "personal protective equipment".to_string()
        )]
    );
    assert_eq!(
        acronyms_in("the number of urinary tract infections (UTIs) each month"),
        [("UTI".to_string(), "urinary tract infections".to_string())]
    );
    assert_eq!(
        acronyms_in("Body Mass Index (BMI)"),
        [("BMI".to_string(), "Body Mass Index".to_string())]
    );
    assert!(acronyms_in("Checks (BP, pulse, SpO2)").is_empty());
    // A word clipped to its first letters in capitals is no acronym.
    assert!(acronyms_in("### Watering (WAT):").is_empty());
    assert!(acronyms_in("Harvest (HAR) and Sowing (SOW)").is_empty());
    assert_eq!(
        acronyms_in("an Independent Mental Capacity Advocate (IMCA) must"),
        [(
            "IMCA".to_string(),
            "Independent Mental Capacity Advocate".to_string()
        )]
    );
}

#[test]
fn laws_and_policies() {
    assert_eq!(
        laws_in("Awareness of the law (e.g., Equality Act 2010, Food Safety Act 1990) and"),
        ["Equality Act 2010", "Food Safety Act 1990"]
    );
    assert_eq!(
        laws_in(
            "key guidance and rules (e.g., Eating Well for Older People, Equality Act 2010) that"
        ),
        ["Equality Act 2010", "Eating Well for Older People"]
    );
    assert_eq!(
        laws_in("including NICE standards, the Food Safety Act, and the Human Rights Act, and"),
        ["Food Safety Act", "Human Rights Act"]
    );
    assert_eq!(
        laws_in("under the Data Protection Act 2018 and UK GDPR"),
        ["Data Protection Act 2018", "UK GDPR"]
    );
    assert!(laws_in("This Act gives councils a duty to keep verges tidy.").is_empty());
}

#[test]
fn ordered_names() {
    assert_eq!(ordered_name("Five Moments (WHO)").0(3), "WHO moment 3");
    assert_eq!(
        ordered_name("Principles of Food Hygiene").0(1),
        "principle 1 of food hygiene"
    );
    assert_eq!(
        ordered_name("Resolving Conflicts").0(2),
        "step 2 of resolving conflicts"
    );
    assert_eq!(ordered_name("Learning Outcomes").0(4), "learning outcome 4");
    assert_eq!(
        ordered_name("Six Principles of Safeguarding (Care Act 2014)").0(1),
        "principle 1 of safeguarding"
    );
}

/// The dash is three bytes: the split once sliced inside it and panicked.
#[test]
fn a_misconception_split_at_a_dash() {
    let (m, s, r) =
        split_misconception("Thinking good posture makes lifting safe – it does not").unwrap();
    assert_eq!(
        (m, s, r.as_str()),
        (
            "Thinking good posture makes lifting safe",
            Split::Truth,
            "it does not"
        )
    );
}

#[test]
fn misconception_splits() {
    let (m, s, r) = split_misconception(
        "Thinking gloves replace hand washing; hands must still be washed afterwards",
    )
    .unwrap();
    assert_eq!(
        (m, s, r.as_str()),
        (
            "Thinking gloves replace hand washing",
            Split::Truth,
            "hands must still be washed afterwards"
        )
    );
    let (_, s, r) =
        split_misconception("Skipping the handover, thus putting residents at risk").unwrap();
    assert_eq!(
        (s, r.as_str()),
        (Split::Consequence, "putting residents at risk")
    );
    let (_, _, r) =
        split_misconception("Failing to label the bottle, leaving no way to trace it").unwrap();
    assert_eq!(r, "leaving no way to trace it");
}

#[test]
fn inline_lists() {
    let t = "Infection spreads through six linked stages – infectious agent, reservoir, portal of exit, mode of transmission, portal of entry and susceptible host – and breaking any one link stops it.";
    let items: Vec<&str> = enumeration(t)
        .unwrap()
        .iter()
        .map(|&(a, b)| &t[a..b])
        .collect();
    assert_eq!(
        items,
        [
            "infectious agent",
            "reservoir",
            "portal of exit",
            "mode of transmission",
            "portal of entry",
            "susceptible host"
        ]
    );
    let t = "staff may need to consider gloves, aprons or face masks.";
    let items: Vec<&str> = enumeration(t)
        .unwrap()
        .iter()
        .map(|&(a, b)| &t[a..b])
        .collect();
    assert_eq!(items, ["gloves", "aprons", "face masks"]);
    assert!(enumeration("Wash well and be kind.").is_none());
}

#[test]
fn names_and_gaps() {
    let s = "Maple Court care home sends samples to Northgate General Hospital.";
    let names: Vec<&str> = proper_nouns(s).iter().map(|&(a, b)| &s[a..b]).collect();
    assert_eq!(
        names,
        ["Maple Court care home", "Northgate General Hospital"]
    );
    let s = "Staff at Maple court care home refer clients to Northgate general hospital and the Eating Well for Older People guidance.";
    let names: Vec<&str> = proper_nouns(s).iter().map(|&(a, b)| &s[a..b]).collect();
    assert_eq!(
        names,
        [
            "Maple court care home",
            "Northgate general hospital",
            "Eating Well for Older People"
        ]
    );
    let s = "The Royal Horticultural Society runs shows.";
    let names: Vec<&str> = proper_nouns(s).iter().map(|&(a, b)| &s[a..b]).collect();
    assert_eq!(names, ["Royal Horticultural Society"]);
    assert_eq!(
        noun_before("should not be ignored as urinary tract infections"),
        Some("urinary tract infections".into())
    );
}

/// A Markdown sheet's lists, each with the reading the precedence gives it.
fn readings(sheet: &str) -> Vec<ListReading> {
    let doc = crate::compile::read::markdown::read(sheet);
    doc.blocks
        .iter()
        .filter_map(|b| match &b.body {
            Body::List(list) => Some(ListReading::of(b, list)),
            _ => None,
        })
        .collect()
}

#[test]
fn each_list_is_read_the_first_way_that_fits() {
    let sheet = "# Kitchen\n\n## Hygiene\n\n**What is it?**\n- Keeping food safe to eat.\n\n## Common mistakes\n\n- Thawing meat on the kitchen counter overnight\n- Using one board for raw and cooked food\n\n## FAST\n\n- **F**ace\n- **A**rms\n- **S**peech\n- **T**ime\n\n## Terms\n\n- Bacteria: tiny living things that can spoil food.\n- Spores: a resting form that survives heat.\n\n## Steps\n\n1. Wash your hands\n2. Put on an apron\n\n## Kit\n\n- Gloves\n- Aprons\n";
    assert_eq!(
        readings(sheet),
        [
            ListReading::HeadingDefinition,
            ListReading::Misconceptions,
            ListReading::Acronym("FAST".into()),
            ListReading::Terms,
            ListReading::Numbered,
            ListReading::Members,
        ]
    );
}

/// The drafts of a Markdown sheet.
fn sheet(md: &str, topic: &str) -> Vec<Draft> {
    extract(&crate::compile::read::markdown::read(md), topic)
}

/// The drafts of a plain-text document of the given kind.
fn plain(text: &str, kind: crate::compile::document::DocKind, topic: &str) -> Vec<Draft> {
    extract(&crate::compile::read::plain::read(text, kind), topic)
}

/// The drafts of a plain-text study guide.
fn guide(text: &str, topic: &str) -> Vec<Draft> {
    plain(text, crate::compile::document::DocKind::StudyGuide, topic)
}

/// The drafts of text saved from an e-learning page.
fn elearning(text: &str, topic: &str) -> Vec<Draft> {
    plain(text, crate::compile::document::DocKind::ELearning, topic)
}

fn fronts(drafts: &[Draft]) -> Vec<(CardKind, &str, &str)> {
    drafts
        .iter()
        .map(|d| (d.kind, d.front.as_str(), d.back.as_str()))
        .collect()
}

#[test]
fn a_list_is_a_set_only_when_the_document_counts_it() {
    assert!(counts("Three types of consent", 3));
    assert!(counts("The 4 stages", 4));
    assert!(!counts("Types of consent", 3));
    assert!(!counts("Three types of consent", 4));
    assert!(!counts("Seven rules", 7), "too many to recall as a set");
    let counted = sheet(
        "# Consent\n\n## Kinds\n\n**Three kinds of consent:**\n- Implied\n- Verbal\n- Written\n",
        "consent",
    );
    assert_eq!(
        fronts(&counted),
        [(
            CardKind::ListMember,
            "What are the three kinds of consent?",
            "Implied; Verbal; Written"
        )]
    );
    let open = sheet(
        "# Kitchen\n\n## Kit\n\n**Useful kit:**\n- Gloves\n- Aprons\n- Hair nets\n",
        "kitchen",
    );
    assert!(open.is_empty(), "{open:#?}");
}

#[test]
fn a_procedure_asks_what_comes_first_and_last_and_a_page_list_asks_nothing() {
    assert!(is_procedure("Steps to put on PPE"));
    assert!(is_procedure("How to wash your hands"));
    assert!(!is_procedure("Five Moments (WHO)"));
    let drafts = sheet(
        "# PPE\n\n## Putting it on\n\n**Steps to put on PPE:**\n1. Wash your hands\n2. Put on the apron\n3. Put on the gloves\n\n**Five moments:**\n1. Before touching a patient\n2. After touching a patient\n3. After body fluid exposure\n",
        "infection control",
    );
    assert_eq!(
        fronts(&drafts),
        [(
            CardKind::OrderedItem,
            "In infection control, what is the first step to put on PPE?",
            "Wash your hands"
        ),]
    );
}

#[test]
fn exam_tips_marking_points_outcomes_and_summaries_are_not_subject() {
    for heading in [
        "14. Exam Tips & Revision Strategies",
        "Learning Outcomes",
        "Examiner marking points",
        "Summary",
        "Key points",
        "3 Comments",
    ] {
        assert!(is_not_subject(heading), "{heading}");
    }
    for heading in ["Hand hygiene", "Key terms", "Common mistakes"] {
        assert!(!is_not_subject(heading), "{heading}");
    }
    let drafts = sheet(
        "# Food\n\n## Exam tips\n\n- Food poisoning (FP) is a term examiners like to see.\n\n## Terms\n\n- Allergen: a substance that can cause an allergic reaction.\n",
        "food",
    );
    assert!(
        drafts.iter().all(|d| !d.front.contains("FP")),
        "{drafts:#?}"
    );
    assert!(drafts.iter().any(|d| d.front.contains("allergen")));
}

#[test]
fn a_cloze_blanks_a_key_term_once_and_nothing_else() {
    let text = "Kitchen hygiene\n\nCross-contamination means the spread of germs from raw food to ready-to-eat food.\nStaff must store raw meat below cooked food so that cross-contamination cannot happen in the fridge.\nAlways keep the kitchen door closed when the oven is on and the staff are busy.\nCooked rice must go in the fridge within one hour of cooking.\nCooked pasta must also go in the fridge within one hour of cooking.\n";
    let drafts = guide(text, "kitchen hygiene");
    let clozes: Vec<&str> = drafts
        .iter()
        .filter(|d| d.kind == CardKind::Cloze)
        .map(|d| d.back.as_str())
        .collect();
    // The time limit, once (the pasta sentence repeats its answer); the
    // sentence with no key term ("keep the kitchen door closed") has no
    // card; the defined term is asked by its definition.
    assert_eq!(clozes, ["one hour"], "{drafts:#?}");
    assert!(drafts.iter().any(|d| d.kind == CardKind::Definition));
}

#[test]
fn a_question_answered_on_its_line_is_a_basic_card() {
    let drafts = guide(
        "Self-check\n\nHow often must a hoist be examined under the rules? – At least every six months.\n",
        "moving people",
    );
    assert_eq!(
        fronts(&drafts),
        [(
            CardKind::Basic,
            "In moving people, how often must a hoist be examined under the rules?",
            "At least every six months."
        )]
    );
}

#[test]
fn a_law_named_alone_is_described_by_the_next_sentence() {
    let drafts = guide(
        "Laws\n\n4.2 Food Hygiene Regulations 2006 (FHR). These require kitchens to keep written records of their checks.\n",
        "food safety",
    );
    assert!(
        fronts(&drafts).contains(&(
            CardKind::Legislation,
            "What do the Food Hygiene Regulations 2006 require kitchens to do?",
            "Keep written records of their checks."
        )),
        "{drafts:#?}"
    );
}

#[test]
fn definitions_in_prose_and_what_is_no_definition() {
    let drafts = guide(
        "Skin care\n\nShear happens when the skin stays still while the tissue underneath moves.\nA pressure ulcer is an injury to the skin caused by pressure over time.\n",
        "skin care",
    );
    let defs = fronts(&drafts);
    assert!(defs.contains(&(
        CardKind::Definition,
        "In skin care, what is shear?",
        "When the skin stays still while the tissue underneath moves."
    )));
    assert!(
        defs.iter()
            .any(|d| d.1 == "In skin care, what is a pressure ulcer?"),
        "{defs:#?}"
    );
    // Examples, a pointer or a condition are no meaning.
    let drafts = sheet(
        "# Kit\n\n## Terms\n\n- Injection: e.g. insulin, only if trained.\n- Security: the final feature.\n- Your manager: if the plan is unclear, ask them.\n",
        "kit",
    );
    assert!(
        drafts.iter().all(|d| d.kind != CardKind::Definition),
        "{drafts:#?}"
    );
}

#[test]
fn no_reverse_card_for_a_definition() {
    let drafts = sheet(
        "# Skin\n\n## Terms\n\n- Pressure ulcer: an injury to the skin caused by pressure.\n- Repositioning: involves moving the person every two hours.\n",
        "skin",
    );
    let reverses: Vec<&str> = drafts
        .iter()
        .filter(|d| d.reverse_of.is_some())
        .map(|d| d.back.as_str())
        .collect();
    assert!(reverses.is_empty(), "{drafts:#?}");
    assert!(drafts.iter().any(|d| d.back.contains("injury to the skin")));
}

#[test]
fn a_tab_gloss_defines_its_tab() {
    assert!(is_gloss("Feeling safe, warm and reassured."));
    assert!(!is_gloss(
        "Lifting Operations and Lifting Equipment Regulations 1998 (LOLER)."
    ));
    assert!(!is_gloss("During the night, check every hour."));
    assert!(names_a_person("Mr Clarke is 82 and lives alone."));
    assert!(!names_a_person("Ask Mrs or Mr to sign here."));
}

#[test]
fn what_the_course_says_about_itself_is_no_card() {
    assert!(is_about_the_course(
        "Learners should be able to describe hand hygiene."
    ));
    assert!(is_about_the_course(
        "This unit covers the safe storage of food."
    ));
    assert!(!is_about_the_course("Food must be stored below 8 degrees."));
    let drafts = guide(
        "Food\n\nLearners should be able to describe how food poisoning (FP) spreads.\n",
        "food",
    );
    assert!(drafts.is_empty(), "{drafts:#?}");
}

#[test]
fn a_law_defined_as_a_term_is_a_legislation_card() {
    let drafts = sheet(
        "# Rights\n\n## Laws\n\n- Equality Act 2010: the main law that protects people from unfair treatment.\n",
        "rights",
    );
    assert_eq!(
        fronts(&drafts),
        [(
            CardKind::Legislation,
            "In rights, what does the Equality Act 2010 do?",
            "The main law that protects people from unfair treatment."
        )]
    );
}

#[test]
fn groups_under_a_category_heading_ask_which_member_the_items_describe() {
    assert_eq!(
        category_name("Kinds of Fruit").as_deref(),
        Some("kind of fruit")
    );
    assert_eq!(
        category_name("Storage Principles").as_deref(),
        Some("storage principle")
    );
    // Groups of members give their answer away ("Methods" over "Written:
    // letters, emails").
    assert_eq!(category_name("Storage Methods"), None);
    assert_eq!(category_name("Key Partners"), None);
    // Only real categories: not the page's groupings of bullets.
    assert_eq!(category_name("Changes in Ageing Skin"), None);
    assert_eq!(category_name("Risk Factors"), None);
    assert_eq!(
        category_name("Sorting the Laundry"),
        None,
        "a heading of actions"
    );
    assert_eq!(category_name("Examples"), None, "a heading of attributes");
    let one_word = sheet(
        "# Kitchen\n\n## Food Storage\n\n### Stages\n\n**Chilling:**\n- Fridge\n- Cold room\n\n**Freezing:**\n- Chest freezer\n- Blast chiller\n",
        "kitchen",
    );
    assert_eq!(
        one_word.first().map(|d| d.front.as_str()),
        Some("In kitchen, which stage of food storage covers “fridge” and “cold room”?"),
        "{one_word:#?}"
    );
    let drafts = sheet(
        "# Kitchen\n\n## Waste Types\n\n**Food Waste:**\n- Peelings\n- Leftovers\n\n**Dry Recycling:**\n- Recycling bags\n- Cans\n- Clean cardboard\n\n## Cleaning the Kitchen\n\n**Daily Jobs:**\n- Wipe the worktops\n- Mop the floor\n\n**Weekly Jobs:**\n- Defrost the freezer\n- Clean the oven\n",
        "kitchen",
    );
    assert_eq!(
        fronts(&drafts),
        [
            (
                CardKind::ListMember,
                "In kitchen, which waste type covers “peelings” and “leftovers”?",
                "Food Waste"
            ),
            (
                CardKind::ListMember,
                // The item that names the answer is no cue.
                "In kitchen, which waste type covers “cans” and “clean cardboard”?",
                "Dry Recycling"
            ),
        ]
    );
}

#[test]
fn definitions_after_an_outline_number_an_article_or_before_an_acronym() {
    let drafts = guide(
        "Kitchen Guide\n\n1. Key Terms\n\n1.1 A spill kit is a box of absorbent pads kept near the fryer. A burn is any injury to the skin caused by heat.\n\nCore temperature (CT) is the heat at the centre of the thickest part of the food.\n",
        "kitchen",
    );
    let defs: Vec<(&str, &str)> = drafts
        .iter()
        .filter(|d| d.kind == CardKind::Definition)
        .map(|d| (d.front.as_str(), d.back.as_str()))
        .collect();
    assert!(
        defs.iter()
            .any(|(f, b)| f.contains("spill kit") && b.starts_with("A box")),
        "{defs:#?}"
    );
    assert!(defs.iter().any(|(f, _)| f.contains("burn")), "{defs:#?}");
    assert!(
        defs.iter()
            .any(|(f, b)| f.contains("core temperature") && b.starts_with("The heat")),
        "{drafts:#?}"
    );
}

#[test]
fn a_rule_that_forbids_asks_what_it_needs_or_names() {
    let drafts = guide(
        "Kitchen Guide\n\nNever use the slicer without a guard fitted by the supervisor.\n\nNever refill a bottle of cleaner with another product (topping up).\n\nNever run.\n",
        "kitchen",
    );
    assert_eq!(
        fronts(&drafts),
        [
            (
                CardKind::Basic,
                "In kitchen, what must you have before you use the slicer?",
                "A guard fitted by the supervisor."
            ),
            (
                CardKind::Definition,
                "In kitchen, what is topping up, and is it allowed?",
                "Refill a bottle of cleaner with another product – never allowed."
            ),
        ]
    );
}

#[test]
fn a_claim_with_which_means_asks_what_it_means() {
    let drafts = guide(
        "Kitchen Guide\n\nBleach is corrosive, which means it can burn skin and damage surfaces.\n\nThis is important, which means you should read it twice.\n",
        "kitchen",
    );
    assert_eq!(
        fronts(&drafts),
        [(
            CardKind::Basic,
            "In kitchen, what does it mean that bleach is corrosive?",
            "It can burn skin and damage surfaces."
        )]
    );
}

#[test]
fn what_a_law_does_past_an_aside_or_its_examples() {
    assert_eq!(
        law_predicate(
            "The Food Safety Act 1990, through section 7, makes it an offence to sell harmful food.",
            "Food Safety Act 1990"
        )
        .as_deref(),
        Some("Makes it an offence to sell harmful food.")
    );
    assert_eq!(
        law_predicate(
            "The Food Safety Act 1990 gives officers, such as environmental health officers, the power to enter premises.",
            "Food Safety Act 1990"
        )
        .as_deref(),
        Some("Gives officers the power to enter premises.")
    );
    let drafts = guide(
        "Kitchen Guide\n\nFood should be chilled quickly, which means within ninety minutes of cooking.\n",
        "kitchen",
    );
    assert_eq!(
        fronts(&drafts),
        [(
            CardKind::Basic,
            "In kitchen, what does it mean that food should be chilled quickly?",
            "Within ninety minutes of cooking."
        )]
    );
}

#[test]
fn a_denial_is_asked_as_the_question_it_answers() {
    let drafts = guide(
        "Kitchen Guide\n\nA clean cloth does not make a chopping board safe, and a rinse is not a wash.\n\nFood that is not labelled must be thrown away.\n\nThis is not easy.\n",
        "kitchen",
    );
    assert_eq!(
        fronts(&drafts)
            .into_iter()
            .filter(|(k, _, _)| *k == CardKind::Basic)
            .collect::<Vec<_>>(),
        [(
            CardKind::Basic,
            "In kitchen, does a clean cloth make a chopping board safe?",
            "No – a clean cloth does not make a chopping board safe, and a rinse is not a wash."
        )]
    );
}

#[test]
fn table_rows_need_a_subject_and_a_grammatical_verb() {
    let drafts = sheet(
        "# Kitchen\n\n## Laws\n\n| Law | What it means for cooks |\n|---|---|\n| Food Act 1990 | Food must be safe to eat |\n\n## Bands\n\n| Score | Rating |\n|---|---|\n| 1–4 | Low |\n| 5–9 | High |\n",
        "kitchen",
    );
    let fronts = fronts_of(&drafts, CardKind::Basic);
    assert_eq!(
        fronts,
        ["What does the Food Act 1990 mean for cooks?"],
        "{drafts:#?}"
    );
}

#[test]
fn no_definition_of_an_instruction_or_by_a_question() {
    let drafts = sheet(
        "# Kitchen\n\n## Steps\n\n- **Check the labels** – read every label before use\n- **Lifting** – how heavy? how far?\n- **Example** – a chef who burns a hand\n- **Blanching** – brief boiling of vegetables before freezing\n- **Stage 1** – Is the food within its date?\n",
        "kitchen",
    );
    let terms = fronts_of(&drafts, CardKind::Definition);
    assert_eq!(
        terms,
        [
            "In kitchen, what is meant by blanching?",
            "In kitchen, what is stage 1?"
        ],
        "{drafts:#?}"
    );
}

#[test]
fn no_cloze_on_a_sentence_that_leans_on_the_one_before() {
    use super::cloze::leans_on_before;
    assert!(leans_on_before(
        "Despite this, mould was found in the Food Standards Agency kitchen in 2019."
    ));
    assert!(leans_on_before(
        "If the answer is no, the chef is placed on the register."
    ));
    assert!(leans_on_before(
        "The Food Act also created the hygiene rating scheme."
    ));
    assert!(leans_on_before(
        "True or false: a chef must wear gloves at all times."
    ));
    assert!(!leans_on_before(
        "In England and Wales, food must be stored below 8°C."
    ));
    assert!(!leans_on_before(
        "The Food Act 1990 created the hygiene rating scheme."
    ));
}

#[test]
fn a_numbered_principle_said_as_a_sentence_defines_no_word() {
    assert!(super::definition::is_whole_sentence(
        "the food is checked and recorded twice a day"
    ));
    assert!(!super::definition::is_whole_sentence(
        "anything that is likely to spoil the food"
    ));
    assert!(!super::definition::is_whole_sentence(
        "assume a chef can cook unless it is shown otherwise"
    ));
    let drafts = guide(
        "Kitchen rules\n  1. Check – the food is checked and recorded twice a day.\n  2. Blanching – brief boiling of vegetables before freezing.\n",
        "kitchen",
    );
    let terms = fronts_of(&drafts, CardKind::Definition);
    assert_eq!(
        terms,
        ["In kitchen, what is meant by blanching?"],
        "{drafts:#?}"
    );
}

#[test]
fn a_short_form_first_keeps_its_hyphenated_words() {
    let found = super::acronym::short_form_first(
        "Plan each dish (FAST: Fresh, Affordable, Seasonal, Time-saving).",
    );
    assert_eq!(
        found,
        [(
            "FAST".to_string(),
            "Fresh, Affordable, Seasonal, Time-saving".to_string()
        )]
    );
}

#[test]
fn a_consequence_is_no_definition() {
    let drafts = guide(
        "Kitchen staffing\n\nStaff turnover means that new cooks may not know the menu well.\n",
        "kitchen",
    );
    assert!(
        drafts.iter().all(|d| d.kind != CardKind::Definition),
        "{drafts:#?}"
    );
}

#[test]
fn a_table_keyed_by_letters_spells_the_acronym_of_its_heading() {
    let drafts = sheet(
        "# Garden\n\n## Watering – DRIP\n\n| Letter | Stands for | In practice |\n|---|---|---|\n| **D** | Deep soak | Water to the roots |\n| **R** | Regular times | Morning or evening |\n| **I** | Inspect soil | Push a finger in |\n| **P** | Protect leaves | Aim at the base |\n",
        "gardening",
    );
    let acronyms = fronts_of(&drafts, CardKind::Acronym);
    assert_eq!(
        acronyms,
        [
            "In DRIP (watering), what does D stand for?",
            "In DRIP (watering), what does R stand for?",
            "In DRIP (watering), what does I stand for?",
            "In DRIP (watering), what does P stand for?",
        ]
    );
    assert!(!drafts.iter().any(|d| d.front.contains("DRIP stand for")));
    // No "D: in practice?" fragments.
    assert!(
        fronts_of(&drafts, CardKind::Basic).is_empty(),
        "{drafts:#?}"
    );
}

#[test]
fn table_rows_ask_in_whole_questions_or_not_at_all() {
    let drafts = sheet(
        "# Garden\n\n## Soil tests\n\n| Test | How it works | What the result means | Signs | In practice | When to use it | Meaning |\n|---|---|---|---|---|---|---|\n| Jar test | Shake soil in water and let it settle | More sand means faster drainage | Layers in the jar | Use a clear jar | Before planting | A way to see what soil is made of |\n\n## Two pests\n\n| Slugs | Aphids |\n|---|---|\n| Slime trails on paths, holes in leaves | Sticky leaves |\n",
        "gardening",
    );
    assert_eq!(
        fronts_of(&drafts, CardKind::Basic),
        [
            "In gardening, how does jar test work?",
            "In gardening, what does the Jar test result mean?",
            "In soil tests, what are the signs of jar test?",
            "In gardening, when should you use Jar test?",
            "In gardening, what is meant by Jar test?",
        ]
    );
}

#[test]
fn a_quoted_myth_is_asked_as_the_question_it_answers() {
    let drafts = sheet(
        "# Garden\n\n## Common myths\n\n- ❌ \"A wet summer means you never need to water pots\" → ✅ NO. Pots dry out in wind as well as sun\n- ❌ \"Worms harm the soil\" → ✅ they open it up and let air and water in\n- ❌ \"If it wilts, just water it more\" → ✅ wilting can mean too much water\n- ❌ \"Spray the roses at noon\" → ✅ the leaves scorch in the midday sun\n",
        "gardening",
    );
    assert_eq!(
        fronts(&drafts),
        [
            (
                CardKind::Misconception,
                "In gardening, is it true that a wet summer means you never need to water pots?",
                "No – pots dry out in wind as well as sun."
            ),
            (
                CardKind::Misconception,
                "In gardening, is it true that worms harm the soil?",
                "No – they open it up and let air and water in."
            ),
            (
                CardKind::Misconception,
                "In gardening, why is “If it wilts, just water it more” a myth?",
                "Wilting can mean too much water."
            ),
            (
                CardKind::Misconception,
                "In gardening, why is “Spray the roses at noon” a myth?",
                "The leaves scorch in the midday sun."
            ),
        ]
    );
}

#[test]
fn gaps_only_on_firm_terms_and_never_in_a_story() {
    let drafts = guide(
        "Garden Guide\n\n1. Compost\n\nCompost heaps need turning every two weeks so that air reaches the middle.\n\nTurning the compost heap keeps the whole pile warm, and compost heaps should sit on bare soil.\n\nThe Royal Horticultural Society (RHS) publishes advice for new gardeners on every kind of soil.\n\nGrowers may join the Soil Association, which runs a scheme that certifies organic produce.\n\nClarified that the rules cover every shared plot in the town.\n\nAt Elm Lane allotments, Priya turned her heap for three weeks before the first frost arrived.\n\nThe Act applies to allotments that are rented from a council for at least 12 months.\n",
        "gardening",
    );
    let clozes: Vec<&str> = drafts
        .iter()
        .filter(|d| d.kind == CardKind::Cloze)
        .map(|d| d.back.as_str())
        .collect();
    // A quantity; not a named body ("Soil Association": the sentence
    // seldom says what it does), not "compost heaps" (a repeated phrase),
    // not the story's quantity, not a sentence about "the Act" or a
    // bullet's tail without its subject ("Clarified that …").
    assert_eq!(clozes, ["two weeks"], "{drafts:#?}");
}

#[test]
fn a_story_is_told_by_a_single_name_in_mid_sentence() {
    assert!(cloze::tells_a_story(
        "Support was given by Marcus every day."
    ));
    assert!(cloze::tells_a_story("Hi Dan, the limit was lower then."));
    assert!(!cloze::tells_a_story(
        "The Care Quality Commission inspects services in England."
    ));
    assert!(!cloze::tells_a_story(
        "Report it under Section 7 within 10 days."
    ));
    assert!(!cloze::tells_a_story(
        "Which Act sets out the duty to promote wellbeing?"
    ));
    assert!(cloze::spelled_before(
        "LOLER",
        "Lifting Operations and Lifting Equipment Regulations 1998 ("
    ));
    assert!(!cloze::spelled_before(
        "CQC",
        "Providers registered with the"
    ));
}

#[test]
fn a_guideline_code_is_no_term_and_a_gloss_ends_with_a_stop_not_a_colon() {
    let drafts = sheet(
        "# Garden\n\n## Key terms\n\n- **RHS AB12 lawn care** – Sowing and feeding\n- **Mulch** – a layer spread on soil to keep it moist:\n",
        "gardening",
    );
    assert_eq!(
        fronts(&drafts),
        [(
            CardKind::Definition,
            "In gardening, what is meant by mulch?",
            "A layer spread on soil to keep it moist."
        )]
    );
}

#[test]
fn superlatives_comparisons_and_descriptions_are_not_definitions() {
    let drafts = guide(
        "Garden Guide\n\n1. Pests\n\nThe Garden Society describes a pest as any animal that damages plants grown for food or beauty.\n\nSlugs are the biggest cause of lost seedlings in spring, which is why beds are checked at dusk.\n\nPruning is more than cutting off dead stems with shears.\n",
        "gardening",
    );
    assert_eq!(
        fronts(&drafts),
        [
            (
                CardKind::Definition,
                "In gardening, how does the Garden Society describe a pest?",
                "Any animal that damages plants grown for food or beauty."
            ),
            (
                CardKind::Basic,
                "In gardening, what is the biggest cause of lost seedlings in spring?",
                "Slugs"
            ),
        ],
        "{drafts:#?}"
    );
}

#[test]
fn a_law_that_means_or_applies_is_asked_what_it_means_or_when() {
    let drafts = sheet(
        "# Garden\n\n## The law\n\n- **Wildlife and Countryside Act 1981** – means that nesting birds must not be disturbed\n- **Plant Health Act 1967** – applies when plants are moved between countries\n",
        "gardening",
    );
    let laws: Vec<(&str, &str)> = drafts
        .iter()
        .filter(|d| d.kind == CardKind::Legislation)
        .map(|d| (d.front.as_str(), d.back.as_str()))
        .collect();
    assert_eq!(
        laws,
        [
            (
                "What does the Wildlife and Countryside Act 1981 mean for gardening?",
                "Nesting birds must not be disturbed"
            ),
            (
                "In gardening, when does the Plant Health Act 1967 apply?",
                "When plants are moved between countries"
            ),
        ],
        "{drafts:#?}"
    );
}

#[test]
fn a_comparison_table_asks_one_card_per_row() {
    let drafts = sheet(
        "# Garden\n\n## Two lawns\n\n| | **Sown lawn** | **Turfed lawn** |\n|---|---|---|\n| Cost | Cheap | Dear |\n| How quick | Slow – months | Fast – days |\n| How spread | Seed | Rolls |\n| Walk on soon? | No | Yes, after two weeks |\n| Hardy? | No | Yes |\n| Weeds | Many at first | Few |\n| Colour / texture | Even | Patchy at first |\n",
        "gardening",
    );
    assert_eq!(
        fronts_of(&drafts, CardKind::Basic),
        [
            "In gardening, how do sown and turfed lawns differ in cost?",
            "In gardening, how quick are sown and turfed lawns?",
            "In gardening, are sown and turfed lawns hardy?",
            "In gardening, how do sown and turfed lawns differ in weeds?",
            "In gardening, how do sown and turfed lawns differ in colour or texture?",
        ],
        "{drafts:#?}"
    );
}

#[test]
fn glosses_that_are_no_definitions() {
    let drafts = sheet(
        "# Garden\n\n## Terms\n\n- **Roots** → **root rot** = decay of the roots caused by standing water\n- **Lack of light**: leaves turn pale and stems grow long\n- **Ideal soil pH for roses**: 6–6.5 on most soils\n- **Thirsty**: looking thirsty and limp\n- **Remember**: water in the morning\n- **Mulch**: a layer spread on soil; compost means rotted plant matter\n",
        "gardening",
    );
    assert_eq!(
        fronts(&drafts),
        [
            (
                CardKind::Definition,
                "In gardening, what is meant by root rot?",
                "Decay of the roots caused by standing water"
            ),
            (
                CardKind::Definition,
                "In gardening, what is the ideal soil pH for roses?",
                "6–6.5 on most soils"
            ),
            (
                CardKind::Definition,
                "In gardening, what is meant by mulch?",
                "A layer spread on soil."
            ),
        ],
        "{drafts:#?}"
    );
}

#[test]
fn no_card_from_a_story_an_example_an_answer_key_or_a_bare_class() {
    let drafts = guide(
        "Garden Guide\n\n1. Care\n\nA weed is a plant growing where it is not wanted.\n\nBindweed is a serious garden problem.\n\nFor example write \"leaves yellow for about 3 days\" in the diary.\n\nA: Any two of the 14 days of frost.\n\nThe RHS advice says to follow the RHS planting calendar for every region.\n\nWhy did Sam water his beans at noon?\nBecause the soil was dry.\n\nOnly plant it out after 10 days of hardening off.\n",
        "gardening",
    );
    let backs: Vec<&str> = drafts.iter().map(|d| d.back.as_str()).collect();
    // The weed definition, nothing else.
    assert_eq!(
        backs,
        ["A plant growing where it is not wanted."],
        "{drafts:#?}"
    );
    assert_eq!(
        cloze::strip_item_marker("a) Sow in spring."),
        "Sow in spring."
    );
    assert_eq!(
        cloze::strip_item_marker("(iv) Sow in spring."),
        "Sow in spring."
    );
    assert_eq!(
        cloze::strip_item_marker("Sow (late) in spring."),
        "Sow (late) in spring."
    );
}

#[test]
fn a_rule_that_forbids_is_asked_for_its_reason() {
    let drafts = guide(
        "Garden Guide\n\n1. Safety\n\nDo not spray weedkiller on a windy day. Drift can kill the plants next door.\n\nNever leave tools on the lawn – someone could trip over them.\n\nDon't worry about learning every Latin name.\n\nNever feed them bread.\n\nNever pull a seedling up by its stem – hold it by a leaf.\n",
        "gardening",
    );
    // "Should you …? → No" gives its answer away; a rule without a reason,
    // or with an instruction after it, gives no card.
    assert_eq!(
        fronts(&drafts),
        [
            (
                CardKind::Basic,
                "In gardening, why should you not spray weedkiller on a windy day?",
                "Drift can kill the plants next door."
            ),
            (
                CardKind::Basic,
                "In gardening, why should you not leave tools on the lawn?",
                "Someone could trip over them."
            ),
        ],
        "{drafts:#?}"
    );
    // Under a label that forbids, each item with a reason is such a rule.
    let listed = sheet(
        "# Garden\n\n## Pruning\n\n**Never:**\n- prune in a frost\n- cut below the graft - the rootstock takes over\n",
        "gardening",
    );
    assert_eq!(
        fronts_of(&listed, CardKind::Basic),
        ["In gardening, why should you not cut below the graft?"]
    );
}

#[test]
fn a_mnemonic_spelled_by_letter_lines_and_cross_marked_rules_in_plain_text() {
    let drafts = guide(
        "Garden Guide\n\n2. Planting\n\nRemember the acronym SOW when planting seeds:\n   S  -  Soak the seeds overnight.\n   O  -  Open the soil with a dibber.\n   W  -  Water gently after sowing.\n\nNEVER:\n   x  plant out before the last frost\n   x  water in full sun - the leaves scorch\n",
        "gardening",
    );
    assert_eq!(
        fronts_of(&drafts, CardKind::Acronym),
        [
            "In SOW (garden guide), what does S stand for?",
            "In SOW (garden guide), what does O stand for?",
            "In SOW (garden guide), what does W stand for?",
        ],
        "{drafts:#?}"
    );
    assert_eq!(
        fronts_of(&drafts, CardKind::Basic),
        ["In gardening, why should you not water in full sun?"]
    );
}

#[test]
fn round_five_patterns_give_no_card_or_a_whole_question() {
    let drafts = sheet(
        "# Garden\n\n## Tools\n\n| Tool | What it does | Examples of use |\n|---|---|---|\n| Dibber | Makes holes for seedlings | Leeks, onions |\n| Rake | Levels | Lawns |\n\n## Terms\n\n- **The law**: rules on garden waste\n- **Always wear gloves** – thorns carry germs\n- **RHS** – Royal Horticultural Society\n\nThe RHS (Royal Horticultural Society) is a charity for gardeners.\n\nComposting is voluntary, but councils encourage it.\n\n## Quiz answers\n\nQ1. Which tool makes holes for seedlings?\nA1. A dibber.\n",
        "gardening",
    );
    let all: Vec<(CardKind, &str, &str)> = fronts(&drafts);
    assert!(
        all.contains(&(
            CardKind::Basic,
            "In gardening, what does dibber do?",
            "Makes holes for seedlings"
        )),
        "{all:#?}"
    );
    // No example column, no one-word cell, no heading or instruction as a
    // term, no property as a meaning, no definition repeating the acronym.
    for (_, front, back) in &all {
        assert!(!front.contains("Rake"), "{front}");
        assert!(!front.contains("xample"), "{front}");
        assert!(!front.contains("law?"), "{front}");
        assert!(!front.contains("always"), "{front}");
        assert!(!front.contains("composting"), "{front}");
        assert!(!back.starts_with("A1"), "{back}");
    }
    assert_eq!(
        all.iter()
            .filter(|(_, _, b)| b.starts_with("Royal Horticultural Society"))
            .count(),
        1,
        "{all:#?}"
    );
}

#[test]
fn steps_in_title_case_read_in_sentence_case() {
    let drafts = sheet(
        "# Garden\n\n## Planting a Tree\n\n### 1. Dig the Hole\n\nWide and shallow.\n\n### 2. Loosen the Roots\n\nTease them out.\n\n### 3. Backfill With Soil\n\nFirm it down.\n",
        "gardening",
    );
    assert_eq!(
        fronts_of(&drafts, CardKind::OrderedItem),
        ["In gardening, what is the first step in planting a tree?",],
        "{drafts:#?}"
    );
}

#[test]
fn tables_of_laws_and_of_myths() {
    let drafts = sheet(
        "# Garden\n\n## Law\n\n| Law | Key points |\n|---|---|\n| Wildlife Act 1981 | Protects nesting birds and their eggs |\n\n## Myths\n\n| Myth | Reality |\n|---|---|\n| \"Weeds are always bad\" | Some feed bees and butterflies |\n| \"Slugs eat only dead leaves\" | No. They eat seedlings too |\n",
        "gardening",
    );
    assert_eq!(
        fronts(&drafts),
        [
            (
                CardKind::Legislation,
                "In gardening, what does the Wildlife Act 1981 do?",
                "Protects nesting birds and their eggs"
            ),
            (
                CardKind::Misconception,
                "In gardening, is it true that weeds are always bad?",
                "No – some feed bees and butterflies."
            ),
            (
                CardKind::Misconception,
                "In gardening, is it true that slugs eat only dead leaves?",
                "No – they eat seedlings too."
            ),
        ],
        "{drafts:#?}"
    );
}

#[test]
fn a_what_to_do_procedure_is_asked_in_order_even_in_whole_sentences() {
    let drafts = guide(
        "Garden Guide\n\n4.2 Bee sting: what to do\n\n   1.  Move away calmly from the hive so that more bees do not follow you.\n   2.  Scrape the sting out sideways with a fingernail or the edge of a card: do not squeeze it, as that pushes in more venom.\n   3.  Wash the area and hold a cold pack on it for ten minutes.\n",
        "gardening",
    );
    assert_eq!(
        fronts(&drafts)
            .into_iter()
            .filter(|(k, _, _)| *k == CardKind::OrderedItem)
            .collect::<Vec<_>>(),
        [(
            CardKind::OrderedItem,
            "In gardening, what should you do first for bee sting?",
            "Move away calmly from the hive so that more bees do not follow you"
        ),],
        "{drafts:#?}"
    );
}

#[test]
fn round_six_patterns() {
    let drafts = sheet(
        "# Garden\n\n## Composting\n\nThe process usually follows these steps:\n\n1. Collect green and brown waste\n2. Layer it in the bin\n3. Turn the heap every month\n\n## Help\n\n- **Responses**: councils, charities and clubs\n\nMany gardeners do not compost their weeds, because seeds survive.\n\nExamples include the Garden Club's phone line, open for 12 hours a day.\n\nAt Elm Lane, Priya and Sam agreed three jobs: weeding, sowing and mowing.\n",
        "gardening",
    );
    let all = fronts(&drafts);
    assert_eq!(
        all.iter()
            .filter(|(k, _, _)| *k == CardKind::OrderedItem)
            .map(|(_, f, _)| *f)
            .collect::<Vec<_>>(),
        ["In gardening, what is the first step in composting?"],
        "{all:#?}"
    );
    assert_eq!(all.len(), 1, "{all:#?}");
}

#[test]
fn steps_under_a_what_to_do_heading_and_advice_under_a_condition() {
    let drafts = sheet(
        "# Garden\n\n## What to do after a storm\n\n### If a tree is down:\n\n1. **Keep clear** - branches may still fall\n2. **Call the council** - they clear public paths\n3. **Photograph the damage** - for the insurer\n\n### If you are hurt:\n\n- Call for help - shout or phone\n- Keep warm - use a coat\n",
        "gardening",
    );
    assert_eq!(
        fronts(&drafts),
        [
            (
                CardKind::OrderedItem,
                "In gardening, what should you do first after a storm?",
                "Keep clear – branches may still fall"
            ),
            // A named last stage is asked ("Photograph – …").
            (
                CardKind::OrderedItem,
                "In gardening, what should you do last after a storm?",
                "Photograph the damage – for the insurer"
            ),
        ],
        "{drafts:#?}"
    );
}

#[test]
fn round_seven_patterns() {
    let drafts = sheet(
        "# Garden\n\n## Law\n\n- **WILDLIFE ACT 1981** – protects nesting birds and their eggs\n- **Version 2.3** – reviewed by the team\n- **Others** – lilies and tulips\n\n## Scale\n\n1 = none lost, 2 = some lost, 3 = all lost\n\n## Care\n\nNever stretch it over the frame.\n\n## Leaf damage grades\n\n| Grade | Name |\n|---|---|\n| Grade 1 | Spotting |\n| Grade 2 | Wilting leaves |\n",
        "gardening",
    );
    assert_eq!(
        fronts(&drafts),
        [
            (
                CardKind::Legislation,
                "In gardening, what does the Wildlife Act 1981 do?",
                "Protects nesting birds and their eggs"
            ),
            (
                CardKind::Basic,
                "In leaf damage grades, what is grade 2?",
                "Wilting leaves"
            ),
        ],
        "{drafts:#?}"
    );
}

#[test]
fn no_law_card_from_a_relative_clause_no_setting_as_a_term_no_gap_in_a_long_form() {
    let drafts = guide(
        "Garden Guide\n\n1. Rules\n\nThis guide explains the duties that the Wildlife Act 1981 places on gardeners and councils.\n\nAny hedge work must be checked with the Royal Society for Birds (RSB) before nesting season starts in spring.\n\n2. Case Study: Oak Lane Allotments\n\nOak Lane Allotments is a small site of forty plots run by volunteers.\n",
        "gardening",
    );
    let all = fronts(&drafts);
    assert!(
        all.iter().all(|(k, _, _)| *k != CardKind::Legislation),
        "{all:#?}"
    );
    assert!(
        all.iter().all(|(_, f, _)| !f.contains("Oak Lane")),
        "{all:#?}"
    );
    assert!(
        all.iter()
            .all(|(k, _, b)| *k != CardKind::Cloze || !b.contains("Birds")),
        "{all:#?}"
    );
}

#[test]
fn rules_take_their_situation_and_exercises_lose_their_instructions() {
    let drafts = sheet(
        "# Garden\n\n## What to do if you are stung\n\nNever squeeze the sting with your fingers, because that pushes in more venom.\n\n## If a hose bursts:\n\n- Do not touch the tap with wet hands - water conducts electricity\n\n## Pruning roses – put the steps in order\n\n1. Clean the blades\n2. Cut dead wood\n3. Shape the bush\n\n## Feeding\n\nA mulch feeds the soil but does not replace compost.\n",
        "gardening",
    );
    let all = fronts(&drafts);
    let fronts: Vec<&str> = all.iter().map(|(_, f, _)| *f).collect();
    assert!(
        fronts.contains(
            &"In gardening, if you are stung, why should you not squeeze the sting with your fingers?"
        ),
        "{all:#?}"
    );
    assert!(
        fronts.contains(
            &"In gardening, if a hose bursts, why should you not touch the tap with wet hands?"
        ),
        "{all:#?}"
    );
    assert!(
        fronts.contains(&"In gardening, what is the first step in pruning roses?"),
        "{all:#?}"
    );
    assert!(fronts.iter().all(|f| !f.contains("mulch")), "{all:#?}");
}

#[test]
fn a_principle_is_asked_for_what_it_means() {
    let drafts = sheet(
        "# Garden\n\n## Principles of Organic Growing\n\n### Healthy Soil\n- Feed the soil, not the plant\n- Add compost every year\n\n### Diversity\n- Diverse planting\n- Many kinds of plants\n- Room for wildlife and birds\n- Rotate the crops\n",
        "gardening",
    );
    assert_eq!(
        fronts(&drafts),
        [
            (
                CardKind::ListMember,
                "In organic growing, what does the principle of “Healthy soil” mean?",
                "Feed the soil, not the plant; add compost every year"
            ),
            (
                CardKind::ListMember,
                "In organic growing, what does the principle of “Diversity” mean?",
                "Many kinds of plants, room for wildlife and birds, and rotate the crops"
            ),
        ],
        "{drafts:#?}"
    );
}

#[test]
fn ways_and_signs_are_no_terms() {
    let drafts = sheet(
        "# Garden\n\n## Natural pest control approaches\n\n- **Companion planting** – marigolds near tomatoes\n- **Netting** – over brassicas all summer\n\n## Key terms\n\n- **Mulch** – a layer spread on soil to keep it moist\n",
        "gardening",
    );
    assert_eq!(
        fronts_of(&drafts, CardKind::Definition),
        ["In gardening, what is meant by mulch?"],
        "{drafts:#?}"
    );
}

#[test]
fn inline_answers_and_denials_that_say_what_is_so() {
    let drafts = guide(
        "Garden Guide\n\n3. Check Your Knowledge\n\n1) When should roses be pruned?   Answer: in late winter.\n2) What is a perennial?   Answer: a plant that lives for more than two years.\n\n4. Soil\n\nClay soil is not poor soil.\n\nSandy soil is not rich in nutrients, but it warms up quickly in spring.\n",
        "gardening",
    );
    let all = fronts(&drafts);
    assert!(
        all.contains(&(
            CardKind::Basic,
            "In gardening, when should roses be pruned?",
            "In late winter."
        )),
        "{all:#?}"
    );
    let denials: Vec<&str> = all
        .iter()
        .filter(|(_, f, _)| f.contains("soil"))
        .map(|(_, f, _)| *f)
        .collect();
    assert_eq!(
        denials,
        ["In gardening, is sandy soil rich in nutrients?"],
        "{all:#?}"
    );
}

#[test]
fn round_ten_patterns() {
    let drafts = sheet(
        "# Garden\n\n## Fertilisers\n\n| Type | How it works | Notes |\n|---|---|---|\n| Slow-release | Feeds the soil for months | Costs more |\n\n## Soil scale\n\n| Type | What it looks like |\n|---|---|\n| 1 | Hard grey clay lumps |\n\n## How to report damage\n\n1. Photograph the plant\n2. Tell the head gardener\n3. Record it in the log\n\n## Story\n\nMarcus Obi, a gardener, visited in May. Janet was given a plot for six months.\n",
        "gardening",
    );
    let fronts: Vec<&str> = drafts.iter().map(|d| d.front.as_str()).collect();
    assert_eq!(
        fronts,
        [
            "In gardening, how does slow-release fertiliser work?",
            "In soil scale, what does type 1 look like?",
            "In gardening, what is the first step to report damage?",
        ],
        "{drafts:#?}"
    );
}

#[test]
fn a_gloss_may_end_on_a_preposition_but_not_on_an_article_or_a_wh_word() {
    let drafts = sheet(
        "# Garden\n\n## Terms\n\n- **Permission**: agreement given freely by a gardener who understands what they agree to.\n- **Allotment**: the plot which.\n",
        "gardening",
    );
    assert_eq!(
        fronts_of(&drafts, CardKind::Definition),
        ["In gardening, what is meant by permission?"],
        "{drafts:#?}"
    );
}

#[test]
fn a_name_or_a_code_keeps_its_capitals_and_its_article() {
    let drafts = guide(
        "Bodies\n\nThe Royal Horticultural Society is a UK gardening charity that runs flower shows.\n\nBS 4428 is the British Standard for general landscape operations.\n\nRHS GL12 is the guideline on pruning fruit trees in small gardens.\n",
        "gardening",
    );
    let defs = fronts_of(&drafts, CardKind::Definition);
    assert!(
        defs.contains(&"In gardening, what is the Royal Horticultural Society?"),
        "{defs:?}"
    );
    assert!(defs.contains(&"In gardening, what is BS 4428?"), "{defs:?}");
    // A guideline's code is no term, in capitals or not.
    assert!(
        defs.iter().all(|d| !d.to_lowercase().contains("gl12")),
        "{defs:?}"
    );
}

#[test]
fn what_a_check_looks_at_is_no_definition_of_its_labels() {
    let drafts = guide(
        "Checking a new garden\n\nWhat should a garden survey look at?\n  * The soil  -  any history of flooding, clay or chalk, buried rubble.\n  * The site  -  access, light, slopes, trees, ponds or wells found in the ground.\n  * The job  -  whether it can safely be done by one gardener.\n  * The season  -  frost, drought, late or early growth.\n",
        "gardening",
    );
    let defs = fronts_of(&drafts, CardKind::Definition);
    assert!(defs.is_empty(), "{defs:?}");
    assert!(!is_term("Annuals vs perennials"));
    assert!(!is_term("Clay v. sand"));
}

#[test]
fn what_a_law_requires_of_whom() {
    let drafts = guide(
        "Garden law\n\n4.1 Wildlife and Countryside Act 1981 (WCA)\n  - Landowners must protect the nests of wild birds while they are in use (for example by delaying hedge cutting).\n  - Gardeners must not uproot any wild plant without the landowner's permission.\n  - A protected nest must be left alone until the young have flown.\n4.2 Plant Health Regulations 2018\n  - These require importers to notify the inspectors before plants arrive.\n\nUnder the Weeds Act 1959, occupiers must stop five named weeds from spreading, for example ragwort.\n",
        "gardening",
    );
    let laws: Vec<(&str, &str)> = drafts
        .iter()
        .filter(|d| d.kind == CardKind::Legislation)
        .map(|d| (d.front.as_str(), d.back.as_str()))
        .collect();
    for want in [
        (
            "Under the Wildlife and Countryside Act 1981, what must landowners do?",
            "Protect the nests of wild birds while they are in use.",
        ),
        (
            "Under the Wildlife and Countryside Act 1981, what must gardeners not do?",
            "Uproot any wild plant without the landowner's permission.",
        ),
        (
            "Under the Plant Health Regulations 2018, what must importers do?",
            "Notify the inspectors before plants arrive.",
        ),
        (
            "Under the Weeds Act 1959, what must occupiers do?",
            "Stop five named weeds from spreading.",
        ),
    ] {
        assert!(
            laws.contains(&want),
            "{want:?} not in {:#?}",
            fronts(&drafts)
        );
    }
    // A passive binds no one.
    assert!(
        !laws.iter().any(|(f, _)| f.contains("nest do")),
        "{laws:#?}"
    );
}

#[test]
fn an_acronym_a_heading_spells_out_is_carded_at_the_heading() {
    for drafts in [
        guide(
            "Garden law\n\n4.2 Control of Pesticides Regulations 1986 (COPR)\n  - These require sellers to keep pesticides locked away from the public.\n",
            "gardening",
        ),
        sheet(
            "# Garden law\n\n## Control of Pesticides Regulations 1986 (COPR)\n\n- These require sellers to keep pesticides locked away from the public.\n",
            "gardening",
        ),
    ] {
        let card = drafts
            .iter()
            .find(|d| d.kind == CardKind::Acronym)
            .expect("an acronym card");
        assert_eq!(card.front, "In gardening, what does COPR stand for?");
        assert_eq!(card.back, "Control of Pesticides Regulations");
        assert_eq!(card.line, 3);
    }
}

#[test]
fn page_furniture_labels_are_no_terms() {
    let drafts = sheet(
        "# Garden\n\n## Roses\n\n- **Key idea**: roses need six hours of sun a day\n- **Well done**: you have finished the roses page\n- **Answers**: 1 B, 2 A, 3 C for the quiz above\n- **Correct?**: B. Prune in late winter when the plant is dormant\n",
        "gardening",
    );
    let defs = fronts_of(&drafts, CardKind::Definition);
    assert!(defs.is_empty(), "{defs:?}");
}

#[test]
fn the_first_sentence_under_a_kind_says_what_the_kind_is() {
    let drafts = sheet(
        "# Garden\n\n## Types of compost heap\n\n### 1. Hot heap\nThe heap is turned every week and reaches 60 degrees.\n- kills weed seeds\n\n### 2. Cold heap\nIt is left alone for a year.\n\n## Watering\n\n### Morning watering\nThe soil stays damp through the heat of the day.\n",
        "gardening",
    );
    let defs: Vec<(&str, &str)> = drafts
        .iter()
        .filter(|d| d.kind == CardKind::Definition)
        .map(|d| (d.front.as_str(), d.back.as_str()))
        .collect();
    assert_eq!(
        defs,
        [(
            "In gardening, what is meant by hot heap?",
            "The heap is turned every week and reaches 60 degrees."
        )]
    );
}

#[test]
fn a_procedure_is_named_without_its_page_trail() {
    assert_eq!(
        sequence::what_to_do("What to do: frost damage").as_deref(),
        Some("for frost damage")
    );
    assert_eq!(
        sequence::what_to_do("What to do if a hose bursts").as_deref(),
        Some("if a hose bursts")
    );
    let drafts = sheet(
        "# Garden\n\n## Planting a tree – step by step\n\n1. Dig a wide hole\n2. Loosen the roots\n3. Firm the soil and water well\n",
        "gardening",
    );
    assert_eq!(
        fronts_of(&drafts, CardKind::OrderedItem),
        ["In gardening, what is the first step in planting a tree?",]
    );
}

#[test]
fn a_table_of_problems_asks_what_to_do_not_an_open_set_of_causes() {
    let drafts = sheet(
        "# Garden\n\n## Lawn problems\n\n| Problem | Possible causes | What to do |\n|---|---|---|\n| **Yellow patches** | Dog urine, drought, fungus, old grass | Water well and reseed in spring |\n| **Moss** | Shade and poor drainage | Rake it out and spike the soil |\n",
        "gardening",
    );
    assert_eq!(
        fronts(&drafts),
        [
            (
                CardKind::Basic,
                "In gardening, what should you do about yellow patches?",
                "Water well and reseed in spring"
            ),
            (
                CardKind::Basic,
                "In lawn problems, what are the possible causes of moss?",
                "Shade and poor drainage"
            ),
            (
                CardKind::Basic,
                "In gardening, what should you do about moss?",
                "Rake it out and spike the soil"
            ),
        ]
    );
}

#[test]
fn no_gap_inside_a_bracket() {
    let drafts = guide(
        "Garden Guide\n\n1. Watering\n\nA large pot needs about two cans of water in hot weather (roughly every 3 days) to stay moist.\n",
        "gardening",
    );
    assert!(
        drafts.iter().all(|d| d.kind != CardKind::Cloze),
        "{drafts:#?}"
    );
}

#[test]
fn advice_myths_and_procedures_are_asked_what_to_do() {
    let drafts = sheet(
        "# Garden\n\n## Frost\n\n### Special cases\n\n- **Potted bay tree**: move it into the shed overnight\n- **Tender bulbs**: lift them and store them dry\n\n## Myths\n\n- ❌ \"Water the frozen plants at once\" → **No** – wait until they thaw in the shade\n- ❌ \"Frost and snow are the same\" → **No** – see above\n\n## Wasp stings\n\n### What to do:\n1. Move away from the nest\n2. Wash the sting with soap\n3. Cool it with a cold pack\n4. If the face swells – call 999\n",
        "gardening",
    );
    let all = fronts(&drafts);
    for want in [
        (
            CardKind::Misconception,
            "In gardening, instead of “Water the frozen plants at once”, what should you do?",
            "Wait until they thaw in the shade.",
        ),
        (
            CardKind::OrderedItem,
            "In gardening, what should you do first for wasp stings?",
            "Move away from the nest",
        ),
    ] {
        assert!(all.contains(&want), "{want:?} not in {all:#?}");
    }
    assert!(
        all.iter().all(|(_, f, _)| !f.contains("the same")),
        "{all:#?}"
    );
}

#[test]
fn an_acronym_of_two_words_in_a_capitals_heading_is_spelled_by_its_list() {
    let drafts = sheet(
        "# Garden\n\n## 🌱 SOWING SEEDS – SO WN\n\nSowing seeds well needs four steps. Remember:\n\n- **S**oak – soak the seeds overnight\n- **O**pen – open the soil with a dibber\n- **W**ater – water gently after sowing\n- **N**ame – label the row with its name and date\n",
        "gardening",
    );
    let acronyms = fronts_of(&drafts, CardKind::Acronym);
    assert!(
        acronyms.contains(&"In SO WN (sowing seeds), what does W stand for?"),
        "{acronyms:#?}"
    );
}

#[test]
fn laws_named_after_a_common_word_make_no_setting() {
    let mut text = String::from(
        "Garden law\n\nA garden plan is a drawing of the beds and paths a garden needs.",
    );
    for (n, law) in ["Waste", "Tools", "Hedges", "Ponds", "Sheds"]
        .iter()
        .enumerate()
    {
        text.push_str(&format!(
            " The Garden {law} Act {} sets rules for every allotment holder in the town.",
            1990 + n
        ));
    }
    text.push('\n');
    let drafts = guide(&text, "gardening");
    assert!(
        fronts_of(&drafts, CardKind::Definition).contains(&"In gardening, what is a garden plan?"),
        "{drafts:#?}"
    );
}

#[test]
fn a_counted_set_is_named_by_its_lead() {
    assert_eq!(
        counted_set("There are four types of weed:", 4).as_deref(),
        Some("the four types of weed")
    );
    assert_eq!(
        counted_set("The three main pests of roses are:", 3).as_deref(),
        Some("the three main pests of roses")
    );
    assert_eq!(
        counted_set("The Soil Society has five sowing rules", 5).as_deref(),
        Some("the five sowing rules of the Soil Society")
    );
    assert_eq!(
        counted_set("Gertrude Jekyll described three kinds of border:", 3).as_deref(),
        Some("the three kinds of border that Gertrude Jekyll described")
    );
    // A pronoun, a count of something else, or a set named mid-clause.
    assert_eq!(counted_set("Its five rules are:", 5), None);
    assert_eq!(counted_set("It sets out five steps:", 5), None);
    assert_eq!(counted_set("There are four types of weed:", 3), None);
    assert_eq!(counted_set("Soil is judged in four areas:", 4), None);
}

#[test]
fn a_counted_set_is_answered_with_each_item_head() {
    assert_eq!(
        set_member("a white powder on the leaves, called mildew").as_deref(),
        Some("Mildew")
    );
    assert_eq!(
        set_member("Greenfly – small sap-suckers on new shoots").as_deref(),
        Some("Greenfly")
    );
    assert_eq!(set_member("leaf curl").as_deref(), Some("Leaf curl"));
    assert_eq!(
        set_member("a long run of words that says nothing short at all here"),
        None
    );
}

#[test]
fn an_unbulleted_list_in_lower_case_is_asked_as_its_counted_set() {
    let page = "Skip to main content\nGrowing roses\nThe three main pests of roses are:\ngreenfly, which suck sap from new shoots in spring\nblackspot\nsawfly larvae, which eat the leaves from the edges inwards\nPests are worst in a warm, wet spring and should be checked for weekly.\n";
    let drafts = elearning(page, "roses");
    let sets: Vec<(&str, &str)> = drafts
        .iter()
        .filter(|d| d.kind == CardKind::ListMember)
        .map(|d| (d.front.as_str(), d.back.as_str()))
        .collect();
    assert_eq!(
        sets,
        [(
            "What are the three main pests of roses?",
            "Greenfly; Blackspot; Sawfly larvae"
        )]
    );
}

#[test]
fn a_labelled_misconception_paragraph_is_a_myth_with_its_truth() {
    let drafts = guide(
        "Watering\n\nMisconception: “Plants need water every day.” In fact most pot plants die from too much water, not too little.\n",
        "houseplants",
    );
    assert_eq!(
        fronts(&drafts),
        [(
            CardKind::Misconception,
            "In houseplants, is it true that plants need water every day?",
            "No – in fact most pot plants die from too much water, not too little."
        )]
    );
}

#[test]
fn a_myth_answered_by_a_fact_label_drops_the_label() {
    assert_eq!(
        quoted_myth("“Roses need full sun all day.” Fact: most roses do well with six hours."),
        Some((
            "Roses need full sun all day.",
            "most roses do well with six hours.".to_string()
        ))
    );
}

#[test]
fn a_checklist_item_is_no_definition() {
    let page = "Skip to main content\nUsing the mower\nBefore each use check:\nthe blade guard is in place and not cracked\nthe grass box is the right size for this mower, as stated in the maker's handbook, and is clean and empty\nthe cable is whole\n";
    let drafts = elearning(page, "mowing");
    assert!(
        !drafts.iter().any(|d| d.kind == CardKind::Definition),
        "{:?}",
        fronts(&drafts)
    );
}

#[test]
fn learning_outcomes_after_you_will_be_able_to_give_no_card() {
    let page = "Skip to main content\nPruning\nBy the end of this module you will be able to:\nexplain why pruning is a job for winter\ndescribe what a pruning saw is for\n";
    assert_eq!(fronts(&elearning(page, "pruning")), []);
}

#[test]
fn a_rule_with_its_reason_is_asked_why() {
    let drafts = guide(
        "Watering\n\nPots should be watered in the morning because wet leaves at night invite mildew.\nNever water in full sun because the drops scorch the leaves.\nIn a heatwave, seedlings must be shaded at noon, so that they do not wilt.\nIt is important to know which type of soil you have, because clay and sand drain differently.\nMulching is important because it keeps the moisture in.\n",
        "watering",
    );
    let why: Vec<(&str, &str)> = drafts
        .iter()
        .filter(|d| d.kind == CardKind::Basic)
        .map(|d| (d.front.as_str(), d.back.as_str()))
        .collect();
    assert_eq!(
        why,
        [
            (
                "In watering, why should pots be watered in the morning?",
                "Wet leaves at night invite mildew."
            ),
            (
                "In watering, why should you never water in full sun?",
                "The drops scorch the leaves."
            ),
            (
                "In a heatwave, why must seedlings be shaded at noon?",
                "So that they do not wilt."
            ),
            (
                "In watering, why is it important to know which type of soil you have?",
                "Clay and sand drain differently."
            ),
            (
                "In watering, why is mulching important?",
                "It keeps the moisture in."
            ),
        ]
    );
}

#[test]
fn a_reason_denied_or_a_rule_about_a_pronoun_is_not_asked_why() {
    let drafts = guide(
        "Watering\n\nA plant must not be judged dry just because its top soil is pale.\nYou should respect this, offer water, and record it so that the team can spot a pattern.\nBeds should be watered and passed on to, because they dry fast.\nIn most gardens the beds should be dug in spring because frost breaks the clods.\n",
        "watering",
    );
    assert!(
        !drafts.iter().any(|d| d.front.contains("why")),
        "{:?}",
        fronts(&drafts)
    );
}

#[test]
fn a_state_with_its_cause_is_asked_why_but_a_definition_stays_one() {
    let drafts = guide(
        "Soil\n\nClay soils are slow to warm in spring because they hold so much water.\nA dry stone wall is a wall built without mortar, so that water drains through it.\nFrost pockets are places where cold air collects because it cannot drain away.\nA rose cannot be moved in summer, because its roots are too active.\n",
        "soil",
    );
    let all = fronts(&drafts);
    assert!(
        all.contains(&(
            CardKind::Basic,
            "Why are clay soils slow to warm in spring?",
            "They hold so much water."
        )),
        "{all:?}"
    );
    assert!(
        all.contains(&(
            CardKind::Basic,
            "In soil, why can a rose not be moved in summer?",
            "Its roots are too active."
        )),
        "{all:?}"
    );
    // The definitions are asked as definitions, not as reasons.
    assert!(
        !all.iter()
            .any(|(_, f, _)| f.contains("why is a dry stone wall") || f.contains("why are frost")),
        "{all:?}"
    );
}

#[test]
fn a_term_defined_in_a_paragraph_on_a_law_is_the_law_s() {
    let drafts = guide(
        "The law\n\nThe Garden Safety Act 2019 covers every allotment in England. It names the duties of each plot holder.\n\nThe Act describes two kinds of hazard. A trip hazard is a thing left on a path that can make someone fall. Plot holders must report each one.\n\nCompost\n\nA hot heap is a compost heap that reaches 60°C in its first week.\n",
        "allotments",
    );
    let defs = fronts_of(&drafts, CardKind::Definition);
    assert!(
        defs.contains(&"Under the Garden Safety Act 2019, what is a trip hazard?"),
        "{defs:?}"
    );
    assert!(
        defs.contains(&"In allotments, what is a hot heap?"),
        "{defs:?}"
    );
}

#[test]
fn a_place_in_the_course_is_no_term() {
    let drafts = guide(
        "GREENWAY SKILLS  |  GARDEN STUDY GUIDES\nStudy Guide 12: Pruning Roses\n\nSECTION 7 - What to do in winter when the roses are dormant and bare.\nPruning\n\nDeadheading - removing the spent flowers so that the plant makes new buds.\nCard 2 back - cut just above an outward-facing bud with a clean blade.\n",
        "pruning",
    );
    let defs = fronts_of(&drafts, CardKind::Definition);
    assert_eq!(defs, ["In pruning, what is meant by deadheading?"]);
}

#[test]
fn each_answered_question_of_a_list_cites_its_own_line() {
    let drafts = guide(
        "CHECK YOUR UNDERSTANDING\n\n1. How deep should tulip bulbs be planted?\n   Answer: Three times their own height.\n2. When should roses be pruned?\n   Answer: In late winter.\n",
        "bulbs",
    );
    let lines: Vec<(u32, &str)> = drafts
        .iter()
        .filter(|d| d.kind == CardKind::Basic)
        .map(|d| (d.line, d.front.as_str()))
        .collect();
    assert_eq!(
        lines,
        [
            (3, "How deep should tulip bulbs be planted?"),
            (5, "In bulbs, when should roses be pruned?")
        ]
    );
}

#[test]
fn why_cards_name_their_subject_plainly_and_skip_quiz_options() {
    let drafts = guide(
        "Watering\n\nA 10 litre can is usually best for beds because it holds a day's water.\nDry shade means the soil must be watered weekly, usually because trees take the rain.\n\nQuestion 2 of 3\n1. Water at noon\n2. Water at dusk, because the soil stays damp all night\n",
        "watering",
    );
    let why: Vec<&str> = drafts
        .iter()
        .filter(|d| d.front.contains("why"))
        .map(|d| d.front.as_str())
        .collect();
    assert_eq!(
        why,
        ["In watering, why is a 10 litre can usually best for beds?"]
    );
}

#[test]
fn related_posts_after_an_essay_give_no_card() {
    let text = "Roses have been grown in English gardens for centuries, and most of them need only a little care to flower well every single summer.\nGrowing Roses In Small Gardens - Essay\n\nHome And Garden\n\nRoses need six hours of sun a day to flower well. Feed them in spring with a balanced feed and mulch them well.\n\nShare:  Facebook   X   LinkedIn\n\nRelated posts\n  - Understanding the Garden Safety Act 2019: A Guide for Beginners\n  - Pruning Fruit Trees in Winter: What Every Gardener Should Know\n";
    let drafts = plain(text, crate::compile::document::DocKind::Essay, "roses");
    assert!(drafts.iter().all(|d| d.line < 11), "{:?}", fronts(&drafts));
}

#[test]
fn a_table_row_keyed_by_a_value_names_what_is_measured() {
    let drafts = sheet(
        "# Soil\n\n## Soil moisture\n\n| Reading | What it means |\n|---|---|\n| Below 20% | Dry – water today |\n| 20–60% | Moist enough |\n\n## Frost risk\n\n| Frost score | Action |\n|---|---|\n| 0–2 | Leave plants out |\n| 3 or more | Bring tender plants in |\n",
        "gardening",
    );
    let basic = fronts_of(&drafts, CardKind::Basic);
    assert_eq!(
        basic,
        [
            "In gardening, what does a soil moisture reading of below 20% mean?",
            "In gardening, what does a soil moisture reading of 20–60% mean?",
            "In gardening, what should you do about a frost score of 0–2?",
            "In gardening, what should you do about a frost score of 3 or more?",
        ]
    );
}

#[test]
fn a_quiz_asking_an_acronym_already_asked_gives_no_card() {
    let drafts = sheet(
        "# Garden\n\n## Watering\n\nUse a drip irrigation system (DIS) in dry beds.\n\n## Quick quiz\n\n**Q: What does DIS stand for?**\nA: Drip irrigation system.\n\n**Q: How often should pots be watered in summer?**\nA: Every day.\n",
        "gardening",
    );
    let all = fronts(&drafts);
    assert_eq!(
        all.iter()
            .filter(|(_, f, _)| f.contains("DIS stand for"))
            .count(),
        1,
        "{all:?}"
    );
    assert!(
        all.iter()
            .any(|(_, f, _)| *f == "In gardening, how often should pots be watered in summer?"),
        "{all:?}"
    );
}

#[test]
fn a_clause_or_a_passing_remark_is_no_definition() {
    let drafts = guide(
        "Compost\n\nAsk ten gardeners what compost means and you will probably get ten different answers.\nIn 2006 a charity launched the Compost Week campaign. The campaign is now led by the Soil Council, which supports a network of compost champions across the country.\n",
        "compost",
    );
    let defs = fronts_of(&drafts, CardKind::Definition);
    assert!(
        !defs
            .iter()
            .any(|f| f.contains("ask ten") || f.contains("Ask ten") || f.contains("campaign")),
        "{defs:?}"
    );
}

#[test]
fn a_word_named_before_and_then_described_is_no_definition() {
    let drafts = guide(
        "Models\n\nThe three-bin model splits compost into fresh, working and ready bins. The model is popular with allotment societies because it fits the way most plots are laid out, and it reminds new plot holders that a heap which looks idle in winter is still working slowly underneath the cover all season.\n",
        "compost",
    );
    let defs = fronts_of(&drafts, CardKind::Definition);
    assert!(
        !defs.iter().any(|f| f.contains("what is model")),
        "{defs:?}"
    );
}

#[test]
fn a_cross_line_and_the_tick_line_under_it_are_a_myth_and_its_truth() {
    let drafts = sheet(
        "# Garden\n\n## Common misconceptions\n\n❌ \"I watered yesterday so the pots are fine\"  \n✅ Pots dry out daily in summer – check them every morning.\n\n❌ Rain is enough for pots  \n✅ Leaves shed rain off the pot – water them anyway.\n",
        "gardening",
    );
    assert_eq!(
        fronts_of(&drafts, CardKind::Misconception),
        [
            "In gardening, why is “I watered yesterday so the pots are fine” a myth?",
            "In gardening, is it true that rain is enough for pots?",
        ]
    );
}

#[test]
fn one_capital_word_after_an_outline_number_is_a_section_title() {
    let drafts = guide(
        "14. COMMON MISCONCEPTIONS\n-------------------------\n x \"Roses need full sun all day.\"  - Most roses do well with six hours.\n\n15. SUMMARY\n-----------\n * Roses need feeding in spring; mulch keeps the roots cool.\n * Pruning is done in late winter; deadheading is done in summer.\n",
        "roses",
    );
    let mistakes = fronts_of(&drafts, CardKind::Misconception);
    assert_eq!(mistakes, ["Is it true that roses need full sun all day?"]);
}

#[test]
fn a_label_over_an_instruction_or_a_clause_is_no_term() {
    let drafts = sheet(
        "# Garden\n\n## Key terms\n\n- **Mulch** – a layer spread on soil to keep it moist\n- **Right tool** – compare the blade with the stem before you cut\n- **Frost pockets** – tender plants can die in one night\n- **Hedges** – always check for nests before cutting\n- **Photosynthesis** – how a plant makes sugar from light\n- **Roses** – a keen grower may want to prune them in March\n",
        "gardening",
    );
    assert_eq!(
        fronts_of(&drafts, CardKind::Definition),
        [
            "In gardening, what is meant by mulch?",
            "In gardening, what is meant by photosynthesis?"
        ],
        "{drafts:#?}"
    );
}

#[test]
fn a_table_of_acronyms_gives_one_acronym_card_per_row_in_its_own_words() {
    let drafts = sheet(
        "# Garden\n\n## Key terms\n\n| Term | Meaning |\n|---|---|\n| RHS | Royal Horticultural Society |\n| GYO | Grow Your Own |\n\n## Testing soil\n\nGardeners judge soil by FSL – Feel Smell and Look.\n",
        "gardening",
    );
    assert_eq!(
        fronts(&drafts),
        [
            (
                CardKind::Acronym,
                "In gardening, what does RHS stand for?",
                "Royal Horticultural Society"
            ),
            (
                CardKind::Acronym,
                "In gardening, what does GYO stand for?",
                "Grow Your Own"
            ),
            (
                CardKind::Acronym,
                "In gardening, what does FSL stand for?",
                "Feel Smell and Look"
            ),
        ],
        "{drafts:#?}"
    );
}

#[test]
fn numbered_misconceptions_are_myths_not_terms() {
    let drafts = guide(
        "Watering\n\n  8. Common misconceptions\n\nMisconception 1: \"Plants need water every day.\"  In fact most pot plants die from too much water, not too little.\n\nMisconception 2: \"Cacti never need water.\"  They need a good soak in spring and summer.\n",
        "houseplants",
    );
    let all = fronts(&drafts);
    assert_eq!(all.len(), 2, "{all:#?}");
    assert!(
        all.iter()
            .all(|(kind, front, _)| *kind == CardKind::Misconception
                && !front.contains("misconception")),
        "{all:#?}"
    );
}

#[test]
fn a_numbered_rule_keeps_its_name_on_the_back_and_drops_laws_it_mentions() {
    let drafts = sheet(
        "# Garden\n\n## The allotment rules\n\n- Regulation 9 – Crop rotation: move each crop to a new bed every year, in line with the Plant Health Act 2005\n- Regulation 10 – Water use: no hosepipes between June and August\n",
        "allotments",
    );
    assert_eq!(
        fronts(&drafts),
        [
            (
                CardKind::Legislation,
                "In allotments, what does Regulation 9 do?",
                "Crop rotation: move each crop to a new bed every year, in line with the Plant Health Act 2005"
            ),
            (
                CardKind::Legislation,
                "In allotments, what does Regulation 10 do?",
                "Water use: no hosepipes between June and August"
            ),
        ],
        "{drafts:#?}"
    );
}

#[test]
fn one_gap_is_blanked_once_in_a_document() {
    let text = "# Kitchen\n\n## Rice\n\nCooked rice must go in the fridge within one hour of cooking.\n\n## Pasta\n\nCooked pasta must also go in the fridge within one hour of cooking.\n";
    let drafts = sheet(text, "kitchen hygiene");
    let clozes: Vec<&str> = drafts
        .iter()
        .filter(|d| d.kind == CardKind::Cloze)
        .map(|d| d.back.as_str())
        .collect();
    assert_eq!(clozes, ["one hour"], "{drafts:#?}");
}

#[test]
fn a_label_is_asked_in_the_terms_of_its_list() {
    let drafts = sheet(
        "# Garden\n\n## Types of Pruning\n\n- **Formative** – shapes a young tree in its first three years\n- **Renewal** – cuts out the oldest stems at the base each winter\n\n## The Three Rs\n\n- **Recycle** – compost all soft green waste from the beds\n\n## The 4WD Test\n\n- **Wetness** – how long the soil stays wet after rain\n",
        "gardening",
    );
    assert_eq!(
        fronts_of(&drafts, CardKind::Definition),
        [
            "In gardening, what is formative pruning?",
            "In gardening, what is renewal pruning?",
            "In the three Rs, what is meant by recycle?",
            "In the 4WD test, what is meant by wetness?",
        ],
        "{drafts:#?}"
    );
}

#[test]
fn a_comparison_asks_how_its_sides_differ_row_by_row() {
    let drafts = sheet(
        "# Garden\n\n## Blight and mildew\n\n| | Blight | Mildew |\n|---|---|---|\n| What happens | Leaves turn brown and rot within days | A white powder spreads over the leaves |\n| Smell | No – it has no smell | A musty smell on damp days |\n| What is it? | A mould | A fungus |\n| Spreads until | Frost | Frost |\n",
        "gardening",
    );
    assert_eq!(
        fronts(&drafts),
        [
            (
                CardKind::Basic,
                "In gardening, what happens in blight and in mildew?",
                "Blight: Leaves turn brown and rot within days; Mildew: A white powder spreads over the leaves"
            ),
            (
                CardKind::Basic,
                "In gardening, how do blight and mildew differ in smell?",
                "Blight: No – it has no smell; Mildew: A musty smell on damp days"
            ),
        ],
        "{drafts:#?}"
    );
}

#[test]
fn flip_cards_of_myths_and_facts_are_myths_with_their_truths() {
    let page = "Watering plants\nMyths and facts\nClick each card to turn it over.\nMyth: “Rain is enough for pots.”\nFact: Pots under leaves stay dry even after heavy rain, so water them anyway.\nMYTH: Cacti never need any water at all.\nFACT: Cacti need a good soak in spring and summer.\n“You should water at midday in summer.”\nMyth. Water in the evening, when less is lost to the sun.\n“Mulch keeps the soil moist.”\nFact. A layer of bark holds water in the soil for days.\n";
    let drafts = elearning(page, "watering");
    let myths: Vec<(&str, &str)> = drafts
        .iter()
        .filter(|d| d.kind == CardKind::Misconception)
        .map(|d| (d.front.as_str(), d.back.as_str()))
        .collect();
    assert_eq!(
        myths,
        [
            (
                "In watering, is it true that rain is enough for pots?",
                "No – pots under leaves stay dry even after heavy rain, so water them anyway."
            ),
            (
                "In watering, is it true that cacti never need any water at all?",
                "No – cacti need a good soak in spring and summer."
            ),
            (
                "In watering, is it true that you should water at midday in summer?",
                "No – water in the evening, when less is lost to the sun."
            ),
        ],
        "{drafts:#?}"
    );
}

#[test]
fn a_capital_after_a_colon_or_an_opening_quote_is_no_name() {
    let s = "Myth: “Hand tools last for ever.” Fact: Blades need sharpening at Kew Gardens.";
    let names: Vec<&str> = crate::compile::analyse::proper_nouns(s)
        .into_iter()
        .map(|(a, b)| &s[a..b])
        .collect();
    assert_eq!(names, ["Kew Gardens"]);
}

#[test]
fn a_sentence_after_the_topic_loses_the_capital_of_its_first_small_word() {
    assert_eq!(
        after_topic("The shears need oil every week."),
        "the shears need oil every week."
    );
    assert_eq!(
        after_topic("For roses, prune in March."),
        "for roses, prune in March."
    );
    assert_eq!(
        after_topic("Mr Hale prunes in March."),
        "Mr Hale prunes in March."
    );
}

#[test]
fn a_quiz_option_is_no_cloze() {
    let drafts = guide(
        "Pruning\n\nApple canker is a disease of the bark of fruit trees.\n\nPruning quiz\n\nA. The old tree by the wall has apple canker on three of its branches.\n",
        "pruning",
    );
    assert!(
        drafts.iter().all(|d| d.kind != CardKind::Cloze),
        "{drafts:#?}"
    );
}

#[test]
fn a_sequence_named_in_a_long_intro_or_by_generic_steps() {
    let page = "Composting\n\nCompost forms in stages. A well known model is the heap cycle (Smith, 1990), which describes four phases:\n1. Warming phase – microbes start to feed and the heap heats up.\n2. Hot phase – the centre reaches 60 degrees.\n3. Cooling phase – fungi and worms move in.\n4. Maturing phase – the compost turns dark and crumbly.\n\nPractical steps (follow in order where safe)\n1. Check the heap for wasps.\n2. Turn the heap with a fork.\n3. Water it if it is dry.\n4. Cover it again with a sheet.\n";
    let drafts = guide(page, "composting");
    assert_eq!(
        fronts_of(&drafts, CardKind::OrderedItem),
        [
            "In composting, what is the first phase of the heap cycle?",
            "In composting, what is the first practical step?",
        ],
        "{drafts:#?}"
    );
}

#[test]
fn an_acronym_spelled_under_a_heading_in_capitals_names_it_in_sentence_case() {
    let page = "Garden pests\n\n------------\n4. SPOTTING PESTS EARLY\n------------\nThe acronym SLUG is used by some gardeners to remember the signs:\n   S  –  Slime trails\n   L  –  Leaves with holes\n   U  –  Undersides of pots\n   G  –  Gaps in rows\n";
    let drafts = guide(page, "gardening");
    let fronts = fronts_of(&drafts, CardKind::Acronym);
    assert!(
        fronts.contains(&"In SLUG (spotting pests early), what does S stand for?"),
        "{fronts:#?}"
    );
}

#[test]
fn an_acronym_heading_loses_its_section_counter_and_dangling_word() {
    let page = "Garden pests\n\nSECTION 4 SPOTTING PESTS WITH SLUG\n   S  –  Slime trails\n   L  –  Leaves with holes\n   U  –  Undersides of pots\n   G  –  Gaps in rows\n";
    let drafts = guide(page, "gardening");
    let fronts = fronts_of(&drafts, CardKind::Acronym);
    assert!(
        fronts.contains(&"In SLUG (spotting pests), what does S stand for?"),
        "{fronts:#?}"
    );
}

#[test]
fn a_gloss_that_says_the_name_again_or_points_back_is_no_definition() {
    let drafts = sheet(
        "# Garden\n\n## Key terms\n\n- **Leaf blower** – blows leaves off paths\n- **Hedge trimmer** – works in the same way for hedges\n- **Soil probe** – a metal rod pushed into the ground to test its moisture\n",
        "gardening",
    );
    assert_eq!(
        fronts_of(&drafts, CardKind::Definition),
        ["In gardening, what is meant by soil probe?"],
        "{drafts:#?}"
    );
}

#[test]
fn two_lists_side_by_side_in_a_table_are_not_rows_keyed_by_their_first_cell() {
    let drafts = sheet(
        "# Garden\n\n## Why seedlings fail\n\n| Plant | Place |\n|---|---|\n| Weak stems, pale leaves | Cold frame left open |\n| Damping off or mould | Windowsill in full sun |\n| Slugs | Soil left too wet, no drainage |\n| Old seed, stored badly | Pots not cleaned |\n",
        "gardening",
    );
    assert!(
        drafts.iter().all(|d| d.kind != CardKind::Basic),
        "{drafts:#?}"
    );
}

#[test]
fn a_cause_denied_by_never_is_no_reason() {
    let page = "Stable care\n\nUrgent vet care must never be delayed because of the storm. When a horse is moved, tell the driver and the vet about the storm.\n";
    let drafts = guide(page, "horses");
    assert!(
        drafts.iter().all(|d| !d.front.contains("why must")),
        "{drafts:#?}"
    );
}

#[test]
fn table_rows_under_a_question_heading_and_plural_keys_read_as_english() {
    let drafts = sheet(
        "# Garden\n\n### Types you might hear about:\n\n| Type | What it means |\n|---|---|\n| NPK feed | A feed with nitrogen, phosphorus and potassium in it |\n\n### Feeds\n\n| Feed group | What it does |\n|---|---|\n| Seaweed extracts | Strengthen roots and help plants resist frost |\n",
        "gardening",
    );
    let all = fronts(&drafts);
    let fronts: Vec<&str> = all.iter().map(|(_, f, _)| *f).collect();
    assert!(
        fronts.contains(&"In gardening, what does NPK feed mean?"),
        "{all:#?}"
    );
    assert!(
        fronts.contains(&"In gardening, what do seaweed extracts do?"),
        "{all:#?}"
    );
}

#[test]
fn a_rule_for_a_situation_asks_what_to_do_in_it() {
    let drafts = guide(
        "GARDEN CARE\n\nWatering\n\nIf the hose splits at the tap, turn off the water at the stop valve.\n\nCall the supplier if the new plants arrive with yellow leaves.\n\nIf the soil in a raised bed is waterlogged, the drainage holes must be cleared.\n\nIf it leaks, fix it.\n\nIf there is none, it buys more.\n\nIf the leaves stay limp after an hour, repeat step 2.\n\nIf you are unsure, ask the head gardener.\n\nLook under the pot to see if the roots have come through.\n\nIf the frost is forecast tonight, cover the tender plants with fleece; if it is very hard, bring them inside.\n\nNever:\n\n- cut the lawn if the grass is wet\n",
        "gardening",
    );
    let basics = fronts_of(&drafts, CardKind::Basic);
    assert!(
        basics.contains(&"In gardening, what should you do if the hose splits at the tap?"),
        "{basics:?}"
    );
    assert!(
        basics.contains(
            &"In gardening, what should you do if the new plants arrive with yellow leaves?"
        ),
        "{basics:?}"
    );
    assert!(
        basics.contains(
            &"In gardening, what must happen if the soil in a raised bed is waterlogged?"
        ),
        "{basics:?}"
    );
    let back = |front: &str| {
        drafts
            .iter()
            .find(|d| d.front == front)
            .map(|d| d.back.as_str())
    };
    assert_eq!(
        back("In gardening, what should you do if the hose splits at the tap?"),
        Some("Turn off the water at the stop valve.")
    );
    assert_eq!(
        back("In gardening, what should you do if the new plants arrive with yellow leaves?"),
        Some("Call the supplier.")
    );
    assert_eq!(
        back("In gardening, what should you do if the frost is forecast tonight?"),
        Some("Cover the tender plants with fleece.")
    );
    // A condition that points back, or an answer that points at the page,
    // gives no card.
    assert!(
        !drafts.iter().any(|d| d.front.contains("if it leaks")
            || d.front.contains("there is none")
            || d.back.contains("step 2")
            || d.front.contains("unsure")
            || d.front.contains("roots have come")
            || d.front.contains("grass is wet")),
        "{basics:?}"
    );
}

#[test]
fn a_cloze_blanks_a_whole_range_and_never_a_word() {
    let drafts = guide(
        "GARDEN CARE\n\nSeeds\n\nA cloche is a small glass cover that protects young plants from frost.\n\nMost tomato seeds germinate between 6 and 10 days after sowing in a warm room.\n\nThe shed roof should be treated with wood stain at least every 24 months (two years) to stop the felt rotting.\n\nGardeners on the allotment often put a cloche over their lettuces in early spring.\n",
        "gardening",
    );
    let clozes: Vec<(&str, &str)> = drafts
        .iter()
        .filter(|d| d.kind == CardKind::Cloze)
        .map(|d| (d.front.as_str(), d.back.as_str()))
        .collect();
    assert!(
        clozes.contains(&(
            "In gardening, most tomato seeds germinate between [...] after sowing in a warm room.",
            "6 and 10 days"
        )),
        "{clozes:?}"
    );
    assert!(
        clozes
            .iter()
            .any(|(front, back)| *back == "24 months" && front.contains("every [...] to stop")),
        "{clozes:?}"
    );
    // "cloche" is a term the sheet defines, but a word gap is guessed
    // from its sentence.
    assert!(
        !clozes.iter().any(|(_, back)| back.contains("cloche")),
        "{clozes:?}"
    );
}

#[test]
fn a_procedure_is_named_without_an_order_tail_a_counter_or_for_after() {
    let drafts = sheet(
        "# Garden\n\n## Repotting - the usual order\n\n1. Water the plant an hour before\n2. Ease it out of the old pot\n3. Set it in fresh compost\n\n## SECTION 5 HOW A HEDGE IS LAID\n\n1. Cut the stems near the base\n2. Bend them along the line\n3. Weave in the stakes\n\n## After a storm – what to do\n\n1. Keep clear of loose branches\n2. Check the fence posts\n3. Record the damage for the insurer\n",
        "gardening",
    );
    assert_eq!(
        fronts_of(&drafts, CardKind::OrderedItem),
        [
            "In gardening, what is the first step in repotting?",
            "In gardening, what is the first step when a hedge is laid?",
            "In gardening, what should you do first after a storm?",
        ]
    );
    assert_eq!(
        crate::compile::text::plain_heading("SECTION 4 PRUNING ROSES"),
        "Pruning roses"
    );
    assert_eq!(
        crate::compile::text::plain_heading("SECTION 3 : PRUNING ROSES"),
        "Pruning roses"
    );
}

#[test]
fn a_law_is_asked_what_its_predicate_answers() {
    let q = |back: &str| legislation::law_question(back);
    assert_eq!(
        q("Places a duty on councils to keep parks open."),
        Some((
            "What duty {does} {law} place on councils?".to_string(),
            "To keep parks open.".to_string()
        ))
    );
    assert_eq!(
        q("Protects hedgehogs from being trapped or poisoned."),
        Some((
            "What {does} {law} protect hedgehogs from?".to_string(),
            "Being trapped or poisoned.".to_string()
        ))
    );
    assert_eq!(
        q("Makes it an offence to sell invasive plants."),
        Some((
            "What {does} {law} make an offence?".to_string(),
            "To sell invasive plants.".to_string()
        ))
    );
    assert_eq!(
        q("Gives tenants the right to grow food on their plot."),
        Some((
            "What right {does} {law} give tenants?".to_string(),
            "The right to grow food on their plot.".to_string()
        ))
    );
    // Two duties on two parties, or a predicate that only reports, are
    // asked as what the law does.
    assert_eq!(
        q("Places a duty on owners to fence ponds, and a duty on visitors to keep out."),
        None
    );
    assert_eq!(q("Says an apology is no admission of blame."), None);
    assert_eq!(
        q("Protects workers who speak up from being sacked for doing so."),
        None
    );
    let drafts = guide(
        "Garden law\n\nThe Garden Safety Act 1990 places a duty on owners to fence deep ponds.\n",
        "gardening",
    );
    assert!(
        fronts(&drafts).contains(&(
            CardKind::Legislation,
            "What duty does the Garden Safety Act 1990 place on owners?",
            "To fence deep ponds."
        )),
        "{drafts:#?}"
    );
}

#[test]
fn a_law_that_says_who_must_do_what_is_asked_so() {
    let q = |back: &str| legislation::law_question(back);
    let pair = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
    assert_eq!(
        q("Owners must provide safe paths and handrails, for example near ponds."),
        pair(
            "Under {law}, what must owners provide?",
            "Safe paths and handrails."
        )
    );
    assert_eq!(
        q("Says you must assume a plot is shared unless shown otherwise."),
        pair(
            "Under {law}, what must you assume?",
            "A plot is shared unless shown otherwise."
        )
    );
    assert_eq!(
        q("Means you must have the owner's consent before pruning a tree."),
        pair(
            "Under {law}, what must you have before pruning a tree?",
            "The owner's consent."
        )
    );
    assert_eq!(
        q("Councils must keep parks open; wardens should lock the gates."),
        pair("Under {law}, what must councils keep?", "Parks open.")
    );
    assert_eq!(
        q("Greenhouses must be clean, dry and well lit."),
        pair(
            "Under {law}, what must greenhouses be?",
            "Clean, dry and well lit."
        )
    );
    assert_eq!(
        q("Wardens must not sell plants and must report thefts."),
        pair("Under {law}, what must wardens not do?", "Sell plants.")
    );
    // A passive, or a thing done, names no one the law binds.
    assert_eq!(q("Compost must be turned every week by the keeper."), None);
    assert_eq!(q("Planting must reflect the season and the soil."), None);
    let drafts = guide(
        "Garden law\n\nThe Garden Safety Act 1990 says gardeners must wear gloves when handling roses.\n",
        "gardening",
    );
    assert!(
        fronts(&drafts).contains(&(
            CardKind::Legislation,
            "Under the Garden Safety Act 1990, what must gardeners do?",
            "Wear gloves when handling roses."
        )),
        "{drafts:#?}"
    );
}

#[test]
fn a_law_whose_back_names_its_articles_asks_one_card_each() {
    let parts = |back: &str| {
        legislation::law_parts(back)
            .into_iter()
            .map(|(part, ask, answer)| format!("{part} | {ask} | {answer}"))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        parts("Article 2 (right to shade), Article 5 (no trampling), Article 8 (quiet and calm)"),
        [
            "Article 2 | what right does Article 2 protect? | The right to shade.",
            "Article 5 | what does Article 5 protect against? | Trampling.",
            "Article 8 | what right does Article 8 protect? | The right to quiet and calm.",
        ]
    );
    assert_eq!(
        parts(
            "Protects the right to quiet and calm (Article 8) and the right to shade (Article 2)."
        ),
        [
            "Article 8 | what right does Article 8 protect? | The right to quiet and calm.",
            "Article 2 | what right does Article 2 protect? | The right to shade.",
        ]
    );
    assert_eq!(
        parts("Section 4 for pruning (up to 2 days) or Section 5 for felling."),
        [
            "Section 4 | what is section 4 for? | Pruning (up to 2 days).",
            "Section 5 | what is section 5 for? | Felling.",
        ]
    );
    assert_eq!(
        parts("Regulation 12 safe paths; Regulation 18: notify the council of floods"),
        [
            "Regulation 12 | what is Regulation 12 about? | Safe paths.",
            "Regulation 18 | what does Regulation 18 require? | Notify the council of floods.",
        ]
    );
    // A right capitalised after its law's dash.
    assert_eq!(
        parts("Right to shade (Article 2) and quiet and calm (Article 8)"),
        [
            "Article 2 | what right does Article 2 protect? | The right to shade.",
            "Article 8 | what right does Article 8 protect? | The right to quiet and calm.",
        ]
    );
    // A part named in passing is no list of parts.
    assert!(parts("Councils share the section 117 duty to water verges.").is_empty());
    assert!(parts("Sets out the rules on hedges (see section 8).").is_empty());
    let drafts = guide(
        "Garden law\n\nThe Garden Rights Act 1998 protects the right to quiet and calm (Article 8).\n",
        "gardening",
    );
    assert!(
        fronts(&drafts).contains(&(
            CardKind::Legislation,
            "Under the Garden Rights Act 1998, what right does Article 8 protect?",
            "The right to quiet and calm."
        )),
        "{drafts:#?}"
    );
}

#[test]
fn a_mnemonics_letters_take_no_prompt_or_question_as_their_context() {
    for heading in [
        "Remember it: SOW",
        "Pests or diseases? SOW",
        "Mnemonic: SOW",
    ] {
        let drafts = sheet(
            &format!(
                "# Garden\n\n## {heading}\n\n- **S**oak the soil first\n- **O**nly water in the morning\n- **W**ater the roots deeply\n"
            ),
            "gardening",
        );
        let acronyms = fronts_of(&drafts, CardKind::Acronym);
        assert!(
            acronyms.contains(&"In SOW, what does S stand for?"),
            "{heading}: {acronyms:?}"
        );
    }
}

#[test]
fn myth_and_fact_lines_reading_lists_keys_and_bylines_in_markdown() {
    let md = "# Garden\n\n\"Dig less\": what the soil asks of every gardener\n\
              By Sam Green, head gardener and allotment tutor\nPublished 3 May 2025 | 5 min read\n\n\
              ## Soil\n\nCompost is decayed plant matter that feeds the soil.\n\n\
              ## Myths and facts\n\nMYTH: Worms harm young roots.\nFACT: Worms open the soil so roots can spread.\n\n\
              ## Quiz\n\nAnswer key: 1) Compost 2) Worms 3) Spring\n\n\
              ## About the author\n\nSam Green is a head gardener and allotment tutor.\n\n\
              Further reading:\n\n- RHS: How to make compost in small gardens today\n- Soil Association: Worms and soil life in allotments\n";
    let drafts = sheet(md, "gardening");
    let got = fronts(&drafts);
    assert!(
        got.iter().any(|(k, f, b)| *k == CardKind::Misconception
            && f.contains("worms harm young roots")
            && b.contains("worms open the soil")),
        "{got:#?}"
    );
    assert!(
        got.iter().all(|(_, f, _)| !f.contains("FACT")
            && !f.contains("answer key")
            && !f.contains("Sam Green")
            && !f.contains("RHS")
            && !f.contains("Soil Association")),
        "{got:#?}"
    );
    let drafts = guide(
        "Garden tools\n\nSecateurs are short-bladed shears used to cut stems.\n\n\
         Further reading\n\
         - RHS: How to make compost in small gardens today\n\
         - HSE L99: Safe use of garden machinery at work\n",
        "gardening",
    );
    let got = fronts(&drafts);
    assert!(
        got.iter()
            .all(|(_, f, _)| !f.contains("RHS") && !f.contains("HSE")),
        "{got:#?}"
    );
}

#[test]
fn a_tabs_label_on_its_own_line_heads_what_the_tab_holds() {
    let md = "# Garden\n\n## Who looks after the garden\n\nChoose a tab to read about each role.\n\n\
              Head gardener\nThe head gardener orders new plants within 24 hours of a loss.\n\n\
              Volunteer\nVolunteers do not prune the roses, but they water the pots.\n";
    let drafts = sheet(md, "gardening");
    assert!(!drafts.is_empty());
    for d in &drafts {
        assert!(
            !d.front.contains("Head gardener The") && !d.front.contains("Volunteer Volunteers"),
            "{drafts:#?}"
        );
    }
    // Each card cites its sentence's line, not the label's.
    let lines: Vec<u32> = drafts.iter().map(|d| d.line).collect();
    assert!(lines.iter().all(|l| [8, 11].contains(l)), "{lines:?}");
}

#[test]
fn key_terms_typed_a_line_each_are_read_term_by_term() {
    let drafts = sheet(
        "# Garden\n\n## Key terms\n\n\
         Mulch – a layer of material spread over the soil surface\n\
         Dibber – a pointed stick that makes holes for seeds\n\
         Loppers – long-handled cutters for thick branches\n\n\
         ## Watering\n\n\
         New staff learn the SOW mnemonic:\n\n\
         S – Soak the soil first (not the leaves)\n\
         O – Only water in the morning\n\
         W – Water the roots deeply\n",
        "gardening",
    );
    let got = fronts(&drafts);
    for (front, back) in [
        (
            "In gardening, what is meant by mulch?",
            "A layer of material spread over the soil surface",
        ),
        (
            "In gardening, what is meant by dibber?",
            "A pointed stick that makes holes for seeds",
        ),
        (
            "In SOW (watering), what does S stand for?",
            "Soak the soil first (not the leaves)",
        ),
        (
            "In SOW (watering), what does W stand for?",
            "Water the roots deeply",
        ),
    ] {
        assert!(
            got.iter().any(|(_, f, b)| *f == front && *b == back),
            "{front}: {got:#?}"
        );
    }
    // A letter of the memory aid is no term.
    assert!(
        got.iter()
            .all(|(_, f, _)| !f.contains("meant by s?") && !f.contains("meant by o?")),
        "{got:#?}"
    );
}

#[test]
fn a_table_row_key_reads_in_lower_case_inside_a_question() {
    let drafts = guide(
        "Garden pests\n\nKey terms:\n\n- Vine weevil larvae: grubs of a beetle\n- Rose aphid B12 strain: a greenfly of roses in early summer\n- RHS Tip Beetle: a leaf beetle\n\n\
         | Pest | Main damage | How it works |\n\
         |---|---|---|\n\
         | Vine weevil larvae | Roots eaten in pots | Grubs feed below the soil surface |\n\
         | Rose aphid B12 strain | Curled young shoots | Sucks sap from the stems |\n\
         | RHS Tip Beetle | Holes in the leaves | Chews the leaf edges at night |\n",
        "gardening",
    );
    let got = fronts(&drafts);
    for front in [
        "In garden pests, what is the main damage of vine weevil larvae?",
        "In gardening, how does rose aphid B12 strain work?",
        "In garden pests, what is the main damage of rose aphid B12 strain?",
        "In garden pests, what is the main damage of RHS tip beetle?",
    ] {
        assert!(got.iter().any(|(_, f, _)| *f == front), "{front}: {got:#?}");
    }
    assert_eq!(
        lower_title("Hepatitis B Vitamin B12 Deficiency"),
        "hepatitis B vitamin B12 deficiency"
    );
}

#[test]
fn two_lists_side_by_side_are_not_paired_row_by_row() {
    for (lead, left, right) in [
        (
            "Know the signs.",
            "Signs of slug damage (act this week)",
            "Signs of frost damage (act the same day)",
        ),
        (
            "Slug damage vs frost damage – know the difference!",
            "Slug damage",
            "Frost damage",
        ),
    ] {
        let drafts = guide(
            &format!(
                "Garden pests\n\n{lead}\n\n{left:<42}{right}\n{:<42}{}\n\
                 Holes in the leaves                       Blackened leaf tips, limp stems\n\
                 Slime trails on paths                     Split bark on young trees\n\
                 Seedlings eaten to the stem               Brown, mushy flowers\n",
                "-".repeat(39),
                "-".repeat(40)
            ),
            "gardening",
        );
        let got = fronts(&drafts);
        assert!(
            got.iter()
                .all(|(_, f, _)| !f.to_lowercase().contains("holes in the leaves")),
            "{got:#?}"
        );
    }
}

#[test]
fn a_subject_of_people_is_led_for_them_not_in_them() {
    assert_eq!(topic_lead("people with a shed"), "For people with a shed");
    assert_eq!(
        topic_lead("people who grow roses"),
        "For people who grow roses"
    );
    assert_eq!(topic_lead("people at allotments"), "At allotments");
    assert_eq!(topic_lead("pruning"), "In pruning");
    // A time or a place leads as it is.
    assert_eq!(topic_lead("after a frost"), "After a frost");
    assert_eq!(topic_lead("during a drought"), "During a drought");
    assert_eq!(
        topic_lead("the Wildlife Act 1981"),
        "Under the Wildlife Act 1981"
    );
}

#[test]
fn a_callout_that_says_why_something_matters_is_asked_why() {
    let drafts = guide(
        "Watering\n\nFrost matters: cold nights split young stems and kill seedlings quickly.\n\n\
         Tools matter: blunt blades crush stems and spread disease between plants.\n\n\
         Mulch matters: avoid piling it against the stems of young trees.\n",
        "gardening",
    );
    let got = fronts(&drafts);
    assert!(
        got.contains(&(
            CardKind::Basic,
            "In gardening, why does frost matter?",
            "Cold nights split young stems and kill seedlings quickly."
        )),
        "{got:#?}"
    );
    assert!(
        got.contains(&(
            CardKind::Basic,
            "In gardening, why do tools matter?",
            "Blunt blades crush stems and spread disease between plants."
        )),
        "{got:#?}"
    );
    // Advice is no reason; and no card asks what "frost matters" means.
    assert!(
        got.iter()
            .all(|(_, f, _)| !f.contains("mulch") && !f.contains("meant by")),
        "{got:#?}"
    );
}

#[test]
fn a_page_control_or_a_case_lesson_is_no_term() {
    let drafts = elearning(
        "Pruning roses\n\nProgress: ▓▓▓░░░░ Topic 3 of 7\n\nText size: A A A | Listen | Print\n\n\
         Secateurs: sharp hand tools for cutting stems up to 2 cm thick.\n\n\
         Learning point: Mr Bell's roses recovered once he pruned in late winter.\n\n\
         Unless there: a frost is forecast, prune in late winter.\n\n\
         Northern Ireland: the Garden Order 2006 covers allotment sheds.\n\n\
         Learner study guide: Level 3 Diploma in Garden Care.\n",
        "gardening",
    );
    let got = fronts(&drafts);
    assert!(
        got.iter().any(|(_, f, _)| f.contains("secateurs")),
        "{got:#?}"
    );
    assert!(
        got.iter().all(|(_, f, _)| !f.contains("progress")
            && !f.contains("text size")
            && !f.contains("learning point")
            && !f.contains("unless")
            && !f.contains("northern ireland")
            && !f.contains("study guide")),
        "{got:#?}"
    );
}

#[test]
fn a_gloss_that_says_what_its_term_does_is_asked_so() {
    let drafts = elearning(
        "Garden services\n\nWho is who\n\nSurveyor – measures the plot and marks the boundaries.\nAn arborist – inspects old trees for safety.\nParks team – runs the seed library and the tool loans.\nTree officers – inspect protected trees before any work.\nMulch – a layer of material spread over the soil to keep in moisture.\n",
        "gardening",
    );
    let defs = fronts_of(&drafts, CardKind::Definition);
    assert!(
        defs.contains(&"In gardening, what does a surveyor do?"),
        "{defs:?}"
    );
    assert!(
        defs.contains(&"In gardening, what does the parks team do?"),
        "{defs:?}"
    );
    assert!(
        defs.contains(&"In gardening, what does an arborist do?"),
        "{defs:?}"
    );
    assert!(
        defs.contains(&"In gardening, what is meant by mulch?"),
        "{defs:?}"
    );
    assert!(
        !defs.iter().any(|f| f.contains("meant by surveyor")),
        "{defs:?}"
    );
}

#[test]
fn a_quiz_question_that_repeats_a_card_is_left_out() {
    let drafts = sheet(
        "# Garden\n\n## Basics\n\nA perennial is a plant that lives for more than two years.\n\nBay trees should be moved into shelter because frost damages the young leaves.\n\n## Quick quiz\n\n**Q1. How long does a perennial live?**  \nA: More than two years.\n\n**Q2. Why do bay trees need shelter?**  \nA: Frost damages the young leaves.\n\n**Q3. Which tool cuts thick stems?**  \nA: Loppers.\n",
        "gardening",
    );
    let all = fronts(&drafts);
    assert!(
        !all.iter()
            .any(|(_, f, _)| f.contains("How long does a perennial")),
        "{all:#?}"
    );
    assert!(
        !all.iter().any(|(_, f, _)| f.contains("why do bay trees")),
        "{all:#?}"
    );
    assert!(
        all.iter()
            .any(|(_, f, _)| f.contains("which tool cuts thick stems")),
        "{all:#?}"
    );
}

#[test]
fn a_table_row_gives_its_meaning_with_its_value() {
    let drafts = sheet(
        "# Lawns\n\n## Moss stages\n\n| Stage | Cover (%) | Meaning |\n|---|---|---|\n| M1 | under 10 | Healthy lawn – rake in spring |\n| M2 | 10–40 | Patchy moss – scarify and feed |\n| M3 | over 40 | Moss lawn – reseed |\n",
        "lawn care",
    );
    let all = fronts(&drafts);
    assert!(
        all.iter()
            .any(|(_, f, b)| f.ends_with("what is meant by M2 stage?")
                && *b == "Patchy moss – scarify and feed (Cover 10–40)"),
        "{all:#?}"
    );
    assert!(!all.iter().any(|(_, f, _)| f.contains("cover")), "{all:#?}");
}

#[test]
fn a_value_row_gives_its_meaning_and_action_on_one_card() {
    let drafts = sheet(
        "# Ponds\n\n## Pond checks\n\n| Nitrate levels | What it means | What to do |\n|---|---|---|\n| below 20 ppm | Safe | Carry on testing weekly |\n| 20 – 40 ppm | Rising | Change a third of the water |\n\n## Two pests\n\n| | Aphids | Slugs |\n|---|---|---|\n| Who | Young shoots | Seedlings |\n| Season | Spring | Wet autumn |\n",
        "gardening",
    );
    let all = fronts(&drafts);
    assert!(
        all.contains(&(
            CardKind::Basic,
            "In gardening, what do nitrate levels of 20 – 40 ppm mean?",
            "Rising – change a third of the water"
        )),
        "{all:#?}"
    );
    assert!(
        !all.iter()
            .any(|(_, f, _)| f.contains("should you do about")),
        "{all:#?}"
    );
    assert!(
        !all.iter().any(|(_, f, _)| f.contains("the who of")),
        "{all:#?}"
    );
}

#[test]
fn a_numbered_regulation_names_its_regulations() {
    let drafts = guide(
        "Garden law\n\n2.4 Allotment Management Regulations 2015\nThese regulations set out the rules that councils inspect against:\n  - Regulation 4 (water use) – plot holders must not use hosepipes in August.\n  - Regulation 7 (bonfires) – fires are allowed only after 6pm.\n",
        "allotments",
    );
    let laws = fronts_of(&drafts, CardKind::Legislation);
    assert!(
        laws.iter()
            .any(|f| f.contains("Regulation 4 (water use) of the 2015 Regulations")),
        "{laws:?}"
    );
    assert!(
        !laws.iter().any(|f| f.contains("what do Regulation")),
        "{laws:?}"
    );
}

#[test]
fn a_listed_regulation_is_asked_what_it_is_about() {
    let drafts = guide(
        "Garden law\n\nThe main framework is the Allotment Management Regulations 2015, which contain the standards every site must meet.\n\nThe standards include:\n- Regulation 4: safe use of water\n- Regulation 7: bonfires and smoke from burning\n",
        "allotments",
    );
    let laws = fronts(&drafts);
    assert!(
        laws.contains(&(
            CardKind::Legislation,
            "What is Regulation 4 of the 2015 Regulations about?",
            "Safe use of water"
        )),
        "{laws:#?}"
    );
}

#[test]
fn advice_labels_plural_keys_and_question_headings_in_tables() {
    let drafts = sheet(
        "# Lawns\n\n- Healthy category: a lawn with little moss\n\n## What the scores mean\n\n| Category | Moss cover |\n|---|---|\n| Healthy | under 10 per cent of the lawn |\n\n## Feeds\n\n| Feed | How it works |\n|---|---|\n| Slow-release pellets | Break down over three months |\n\n## Lawn advice\n\n1. **Keep mowing high** - no lower than 4 cm in summer\n2. **Stop feeding in autumn** - frost damages soft growth\n",
        "lawn care",
    );
    let all = fronts(&drafts);
    assert!(
        all.iter()
            .any(|(_, f, _)| *f == "In lawn care, what is the moss cover of healthy category?"),
        "{all:#?}"
    );
    assert!(
        all.iter()
            .any(|(_, f, _)| *f == "In lawn care, how do slow-release pellets work?"),
        "{all:#?}"
    );
    assert!(
        !all.iter()
            .any(|(_, f, _)| f.contains("meant by keep") || f.contains("meant by stop")),
        "{all:#?}"
    );
}

#[test]
fn value_rows_with_or_more_are_rows_and_a_kind_key_names_its_kind() {
    let drafts = sheet(
        "# Ponds\n\n## Snail counts\n\n| Snail count | What it means |\n|---|---|\n| 5 or fewer | Healthy pond |\n| 6–20 | Watch the algae |\n| 21 or more | Too many – thin them out |\n\n## What each stage looks like\n\n- Early stage: the first weeks of growth\n\n| Stage | Typical look |\n|---|---|\n| Early | Small pale leaves on thin stems |\n| Late | Tall plants with seed heads |\n",
        "ponds",
    );
    let all = fronts(&drafts);
    assert!(
        all.iter()
            .any(|(_, f, _)| *f == "In ponds, what do snail counts of 21 or more mean?")
            || all
                .iter()
                .any(|(_, f, _)| f.contains("snail count of 21 or more")),
        "{all:#?}"
    );
    assert!(
        all.iter()
            .any(|(_, f, _)| *f == "In ponds, what is the typical look of early stage?"),
        "{all:#?}"
    );
}

#[test]
fn a_pictures_caption_is_no_term() {
    let drafts = elearning(
        "Bulbs\n\nImage: diagram of a tulip bulb with its roots and shoot\n\nA bulb is an underground store of food for the plant.\n",
        "bulbs",
    );
    let defs = fronts_of(&drafts, CardKind::Definition);
    assert!(!defs.iter().any(|f| f.contains("image")), "{defs:?}");
    assert!(
        defs.iter()
            .any(|f| f.to_lowercase().contains("what is a bulb")),
        "{defs:?}"
    );
}

#[test]
fn a_gloss_that_is_a_statement_of_its_own_is_no_meaning() {
    let drafts = sheet(
        "# Garden\n\n## Key terms\n\n- **Frost** – some plants die in one night\n- **Watering** – in most gardens, the pots dry out first\n- **Slug pellets** – heavy use can harm birds\n- **Hoe** – can cut roots when used too deep\n- **Memory aid** – \"red at night, gardener's delight\"\n- **Compost check** – is the heap warm inside?\n- **Dibber** – a pointed tool that makes holes for seedlings\n- **Sowing depth** – 2–3 cm (deeper in sandy soil)\n- **Blight** – a disease that is spread by rain\n- **Earthing up** – the soil is drawn up around the stems\n",
        "gardening",
    );
    assert_eq!(
        fronts_of(&drafts, CardKind::Definition),
        [
            "In gardening, what is meant by dibber?",
            "In gardening, what is the sowing depth?",
            "In gardening, what is meant by blight?",
            "In gardening, what is meant by earthing up?"
        ],
        "{drafts:#?}"
    );
}

#[test]
fn a_gloss_that_names_its_term_again_gives_the_meaning_only() {
    let drafts = sheet(
        "# Garden\n\n## Key terms\n\n- **Cold frame** – a cold frame is a low box with a glass lid that protects young plants\n",
        "gardening",
    );
    let backs: Vec<&str> = drafts
        .iter()
        .filter(|d| d.kind == CardKind::Definition)
        .map(|d| d.back.as_str())
        .collect();
    assert_eq!(
        backs,
        ["A low box with a glass lid that protects young plants"],
        "{drafts:#?}"
    );
}

#[test]
fn a_term_the_topic_names_is_asked_without_the_topic() {
    let drafts = sheet(
        "# Roses\n\n## What they are\n\nA rose is a woody flowering shrub with thorny stems.\n\nDeadheading is the removal of faded flowers.\n",
        "roses",
    );
    assert_eq!(
        fronts_of(&drafts, CardKind::Definition),
        ["What is a rose?", "In roses, what is deadheading?"],
        "{drafts:#?}"
    );
}

#[test]
fn plural_looking_terms_that_name_one_thing() {
    for one in ["chasing losses", "loss of leaves", "NPK", "RHS", "mulch"] {
        assert!(!is_plural(one), "{one}");
    }
    for many in [
        "roses",
        "slug pellets",
        "NSAIDs",
        "Tree Preservation Regulations",
    ] {
        assert!(is_plural(many), "{many}");
    }
}

#[test]
fn a_procedure_named_only_by_its_steps_asks_nothing() {
    let drafts = sheet(
        "# Garden\n\n## Frost\n\n### Steps to follow\n1. Cover the tender plants\n2. Move pots to shelter\n3. Water in the morning\n\n### Rash – 3 stages\n1. Spots appear\n2. Blisters form\n3. Blisters crust\n\n### Stages of a seed's growth\n1. The seed swells\n2. A root appears\n3. The shoot appears\n",
        "gardening",
    );
    assert_eq!(
        fronts_of(&drafts, CardKind::OrderedItem),
        ["In gardening, what is the first stage of a seed's growth?"],
        "{drafts:#?}"
    );
}

#[test]
fn a_quiz_question_that_a_card_says_in_other_words_is_left_out() {
    let drafts = sheet(
        "# Garden\n\n## Lawns\n\nSown grass takes 6 weeks to establish before it can be mown.\n\n\
         Topsoil is a layer of soil that lies over the clay.\n\n## Quick quiz\n\n\
         **Q1. How long does sown grass take to establish before mowing?**  \nA: Six weeks.\n\n\
         **Q2. Which tool cuts thick stems?**  \nA: Loppers.\n\n\
         **Q3. What is topsoil?**  \nA: A layer of soil that lies over the clay.\n",
        "gardening",
    );
    let all = fronts(&drafts);
    // Said again by a definition, the question goes; said again by a gap
    // in a sentence, the gap goes: the document's question asks it better.
    assert!(
        all.iter()
            .any(|(_, f, _)| f.contains("how long does sown grass")),
        "{all:#?}"
    );
    assert!(
        !all.iter()
            .any(|(k, f, _)| *k == CardKind::Cloze && f.contains("Sown grass")),
        "{all:#?}"
    );
    assert!(
        all.iter()
            .filter(|(_, f, _)| f.contains("what is topsoil"))
            .count()
            == 1,
        "{all:#?}"
    );
    assert!(
        all.iter()
            .any(|(_, f, _)| f.contains("which tool cuts thick stems")),
        "{all:#?}"
    );
}

#[test]
fn a_table_of_contents_is_no_procedure() {
    let drafts = sheet(
        "# Pruning\n\n## Learning Provider Study Guide\n\n1. Introduction\n2. Tools you need\n3. Pruning roses\n4. Pruning fruit trees\n5. Summary\n\n## Planting a tree\n\n1. Dig a wide hole\n2. Set the tree in the hole\n3. Fill and firm the soil\n4. Water well\n",
        "pruning",
    );
    let steps = fronts_of(&drafts, CardKind::OrderedItem);
    assert!(!steps.iter().any(|f| f.contains("guide")), "{steps:?}");
    assert!(
        steps
            .iter()
            .any(|f| f.contains("first step in planting a tree")),
        "{steps:?}"
    );
}

#[test]
fn a_gloss_that_says_when_how_often_or_what_to_report_is_no_meaning() {
    let drafts = sheet(
        "# Garden\n\n## Key terms\n\n- **Seed trays** – usually three, kept on the windowsill\n- **Leaf scorch** – report brown edges to the head gardener\n- **Fungicides** – sprays that treat them\n- **Worm casts** – physically, they improve the soil structure\n- **Leaf mould** – a compost made from fallen leaves\n\n## Pests\n\nMulch is a layer of material spread over the soil.\n\nA rust outbreak means the gardener will need to burn the leaves.\n",
        "gardening",
    );
    assert_eq!(
        fronts_of(&drafts, CardKind::Definition),
        [
            "In gardening, what is meant by leaf mould?",
            "In gardening, what is mulch?"
        ],
        "{drafts:#?}"
    );
}

#[test]
fn a_duty_in_a_situation_asks_what_the_one_named_must_do() {
    let drafts = sheet(
        "# Allotments\n\n## Duties\n\nWhere it appears to a council that a plot is neglected, it must send the tenant a written warning.\n\nIf the tenant moves away, the council must offer the plot to the next person on the list.\n\nIf a hose splits, it must be replaced.\n",
        "allotments",
    );
    let all = fronts(&drafts);
    assert!(
        all.iter().any(|(_, f, b)| *f
            == "In allotments, what must the council do if a plot is neglected?"
            && *b == "Send the tenant a written warning."),
        "{all:#?}"
    );
    assert!(
        all.iter()
            .any(|(_, f, _)| *f
                == "In allotments, what must the council do if the tenant moves away?"),
        "{all:#?}"
    );
    assert!(!all.iter().any(|(_, f, _)| f.contains("hose")), "{all:#?}");
}

#[test]
fn a_procedure_step_by_step_is_named_without_its_tail() {
    let drafts = sheet(
        "# Hedges\n\n## Hedge cutting step by step\n\n1. Check the hedge for nests\n2. Cut the sides first\n3. Cut the top last\n4. Rake up the clippings\n",
        "hedges",
    );
    assert_eq!(
        fronts_of(&drafts, CardKind::OrderedItem)[0],
        "In hedges, what is the first step of hedge cutting?",
        "{drafts:#?}"
    );
}

#[test]
fn crossed_myths_in_a_plain_guide_are_misconceptions() {
    let drafts = guide(
        "ROSE CARE STUDY GUIDE\n\nSECTION 1: INTRODUCTION\n----------------\nRoses are woody shrubs grown for their flowers.\n\nSECTION 2: COMMON MISCONCEPTIONS\n----------------\n✗ \"Roses need full sun all day.\" – Most roses do well with six hours of sun.\n❌ \"Pruning kills roses.\" – Pruning in late winter keeps them healthy.\n",
        "roses",
    );
    assert_eq!(
        fronts_of(&drafts, CardKind::Misconception),
        [
            "Is it true that roses need full sun all day?",
            "Is it true that pruning kills roses?"
        ],
        "{drafts:#?}"
    );
}

#[test]
fn a_table_whose_columns_are_ticked_and_crossed_groups_asks_no_row() {
    let drafts = sheet(
        "# Compost\n\n## What goes in\n\n| Safe to compost ✅ | Never compost ❌ | Check first ⚠️ |\n|---|---|---|\n| Vegetable peel | Meat | Bread |\n| Eggshells | Dairy | Cooked rice |\n| Grass clippings | Dog waste | Coloured paper |\n",
        "compost",
    );
    assert!(
        !drafts.iter().any(|d| d.kind == CardKind::Basic),
        "{drafts:#?}"
    );
}

#[test]
fn an_answer_is_not_cut_inside_a_bracket() {
    let cut = crate::compile::text::trim_answer(
        "A legal duty on registered growers (rule 20 of the Garden Act 2008 (Allotment Rules) 2014) to be open and honest with plot holders when something goes wrong with their plots or their crops this year.",
        20,
    );
    assert!(
        cut.as_deref()
            .is_none_or(|c| c.matches('(').count() == c.matches(')').count()),
        "{cut:?}"
    );
}

#[test]
fn a_procedure_with_one_long_step_is_still_asked_for_its_first_step() {
    let drafts = sheet(
        "# Garden\n\n## Repotting a fern step by step\n\n1. Water the fern the day before\n2. Tip the pot and ease the root ball out, holding the fern at its base so the fronds are not bent or torn on the rim.\n3. Set it in the new pot and firm the compost\n\n## How to use it\n\n1. Fill the can\n2. Walk to the bed\n3. Water the roots\n",
        "gardening",
    );
    let all = fronts(&drafts);
    assert!(
        all.iter().any(|(k, f, b)| *k == CardKind::OrderedItem
            && *f == "In gardening, what is the first step in repotting a fern?"
            && *b == "Water the fern the day before"),
        "{all:#?}"
    );
    // No last step: reviewers kept almost none.
    assert!(
        all.iter().all(|(_, f, _)| !f.contains("last step")),
        "{all:#?}"
    );
    // "How to use it" names nothing a learner could be asked about.
    assert!(
        all.iter().all(|(_, f, _)| !f.contains("use it")),
        "{all:#?}"
    );
}

#[test]
fn a_term_known_as_its_meaning_is_asked_for_the_meaning() {
    let drafts = sheet(
        "# Garden\n\n## Soil\n\nMulching is known as covering the soil with a layer of bark or compost, and it keeps moisture in over summer.\n\nThe water table is known as the level below which the ground is full of water.\n\nRain that falls in May is known as the growing rain of the year.\n\nWeeding a bed by hand is known as hand weeding, while hoeing is quicker.\n",
        "gardening",
    );
    let all = fronts(&drafts);
    assert!(
        all.iter().any(|(k, f, b)| *k == CardKind::Definition
            && f.ends_with("what is mulching?")
            && *b == "Covering the soil with a layer of bark or compost."),
        "{all:#?}"
    );
    assert!(
        all.iter()
            .any(|(_, f, b)| f.contains("water table") && b.starts_with("The level below")),
        "{all:#?}"
    );
    // A clause is no term; a term after "known as" is asked the other way.
    assert!(
        all.iter().all(|(_, f, _)| !f.contains("rain that falls")),
        "{all:#?}"
    );
    assert!(
        all.iter()
            .all(|(_, _, b)| !b.starts_with("Hand weeding, while")),
        "{all:#?}"
    );
}

#[test]
fn a_judgement_of_a_term_is_no_definition() {
    let drafts = sheet(
        "# Garden\n\n## Problems\n\nOver-watering is a common cause of root rot in pots.\n\nYellow leaves are a sign of too little nitrogen.\n\nNot every weed is a problem for the vegetables.\n\nLate frost is the main cause of lost blossom in May.\n\nA cloche is a cover that keeps frost off young plants.\n",
        "gardening",
    );
    let all = fronts(&drafts);
    for word in ["over-watering", "yellow leaves", "not every weed"] {
        assert!(
            all.iter().all(|(_, f, _)| !f.to_lowercase().contains(word)),
            "{word}: {all:#?}"
        );
    }
    // A superlative still asks what it names; a real definition stays.
    assert!(
        all.iter()
            .any(|(_, f, b)| f.contains("main cause of lost blossom") && *b == "Late frost"),
        "{all:#?}"
    );
    assert!(all.iter().any(|(_, f, _)| f.contains("cloche")), "{all:#?}");
}

#[test]
fn a_meaning_that_names_its_term_again_is_asked_without_the_name() {
    let drafts = guide(
        "Leaf problems\n\nMildew – powdery white patches on the upper leaves are known as mildew. It spreads in dry weather.\n\nRust - Orange spots under the leaves that spread in wet summers are known as rust. Burn the leaves.\n",
        "gardening",
    );
    let all = fronts(&drafts);
    assert!(
        all.iter()
            .any(|(_, f, b)| f.contains("mildew")
                && *b == "Powdery white patches on the upper leaves."),
        "{all:#?}"
    );
    assert!(
        all.iter()
            .all(|(_, _, b)| !b.contains("known as mildew") && !b.contains("known as rust")),
        "{all:#?}"
    );
}

#[test]
fn a_role_in_a_list_is_asked_what_it_does() {
    let drafts = sheet(
        "# Garden\n\n## The team\n\n- **Head gardener**: follows the planting plan every day and keeps the records.\n- **Garden adviser**: soil tests, planting plans.\n- **Volunteer gardener**: someone who gives time to the garden unpaid.\n- **Tree surgeon**: explains the work to the owner and takes out dead wood.\n- **Soil test**: shows the acidity and the nutrients the bed lacks.\n",
        "gardening",
    );
    let all = fronts(&drafts);
    for front in [
        "In gardening, what does a head gardener do?",
        "In gardening, what does a tree surgeon do?",
        "In gardening, what does a soil test do?",
        "In gardening, what does a garden adviser do?",
    ] {
        assert!(all.iter().any(|(_, f, _)| *f == front), "{front}: {all:#?}");
    }
    // A role defined as a person is still defined.
    assert!(
        !all.iter()
            .any(|(_, f, _)| f.contains("volunteer gardener do")),
        "{all:#?}"
    );
}

#[test]
fn a_table_row_keyed_by_a_negative_value_is_asked_what_it_means() {
    let drafts = sheet(
        "# Garden\n\n## Frost\n\n| Air temperature | What it means |\n|---|---|\n| 0 or above | No frost damage expected |\n| -1 to -4 | Light frost: tender shoots blacken |\n| -5 or below | Hard frost: fleece every tender plant |\n",
        "gardening",
    );
    let all = fronts(&drafts);
    assert!(
        all.iter()
            .any(|(_, f, b)| f.contains("an air temperature of -5 or below")
                && b.starts_with("Hard frost")),
        "{all:#?}"
    );
}

#[test]
fn a_table_of_letters_named_on_the_line_over_it_spells_its_acronym() {
    let drafts = sheet(
        "# Garden\n\n## Pests\n\n**Mnemonic – SLUGS** (a memory aid for pest control)\n\n| Letter | Step |\n|---|---|\n| S | Search at night with a torch |\n| L | Lay copper tape round pots |\n| U | Use wool pellets on beds |\n| G | Grow sacrificial lettuce |\n| S | Set beer traps |\n",
        "gardening",
    );
    let all = fronts(&drafts);
    assert!(
        all.iter().any(|(k, f, b)| *k == CardKind::Acronym
            && *f == "In SLUGS (pest control), what does the second S stand for?"
            && *b == "Set beer traps"),
        "{all:#?}"
    );
    assert!(
        all.iter().all(|(_, f, _)| !f.contains("mnemonic")),
        "{all:#?}"
    );
}

#[test]
fn the_acronym_of_the_decks_own_subject_and_figures_under_a_label_ask_nothing() {
    let drafts = sheet(
        "# Powdery Mildew in Roses\n\nPowdery mildew in roses (PMR) spreads in dry summers. Powdery mildew in roses needs airflow. The Royal Horticultural Society (RHS) has advice.\n\n## Spread\n\nIf one leaf in a bed is infected, the chance that a neighbour catches it is:\n\n- **Climbers** – up to 1 in 3\n- **Shrub roses** – about 1 in 30\n\n## Splash of fungicide\n\n- Eyes: rinse with plenty of water\n- Skin: wash with soap\n",
        "powdery mildew in roses",
    );
    let all = fronts(&drafts);
    assert!(all.iter().all(|(_, f, _)| !f.contains("PMR")), "{all:#?}");
    assert!(all.iter().any(|(_, f, _)| f.contains("RHS")), "{all:#?}");
    for word in ["climbers", "shrub roses", "eyes"] {
        assert!(
            all.iter().all(|(_, f, _)| !f.to_lowercase().contains(word)),
            "{word}: {all:#?}"
        );
    }
}

#[test]
fn a_myth_in_someones_own_words_is_quoted() {
    let drafts = sheet(
        "# Garden\n\n## Myths\n\n| Myth | Reality |\n|---|---|\n| \"I'm wearing gloves so I don't need to wash my hands\" | Gloves leak – wash after removing them |\n| \"Rain is enough for pots\" | Leaves shed rain away from the compost |\n",
        "gardening",
    );
    let all = fronts(&drafts);
    assert!(
        all.iter()
            .any(|(_, f, _)| f.contains("“I'm wearing gloves so I don't need to wash my hands”")),
        "{all:#?}"
    );
    assert!(
        all.iter()
            .any(|(_, f, _)| *f == "In gardening, is it true that rain is enough for pots?"),
        "{all:#?}"
    );
}

#[test]
fn a_numbered_quiz_is_asked_with_the_answers_under_it() {
    let md = "# Pruning roses\n\nRoses are pruned to keep them healthy.\n\n## Quick quiz\n\n1. When are bush roses pruned in the UK?\n2. Name the 3 Ds to remove first.\n3. When do you stop?\n\n**Answers:** 1) Late winter 2) Dead, damaged, diseased 3) At an outward bud\n";
    let drafts = sheet(md, "pruning roses");
    let all = fronts(&drafts);
    assert!(
        all.contains(&(
            CardKind::Basic,
            "In pruning roses, when are bush roses pruned in the UK?",
            "Late winter"
        )),
        "{all:#?}"
    );
    assert!(
        all.contains(&(
            CardKind::Basic,
            "In pruning roses, name the 3 Ds to remove first.",
            "Dead, damaged, diseased"
        )),
        "{all:#?}"
    );
    // A question too short to stand alone asks nothing; neither does the
    // answer line.
    assert!(
        !all.iter()
            .any(|(_, f, b)| f.contains("stop") || b.contains("outward")),
        "{all:#?}"
    );
    // The same quiz in a plain-text guide, its answers' numbers out of
    // order: no pairing is guessed.
    let guide_text = "Pruning Roses\n\nQUICK QUIZ\n\n1. When are bush roses pruned in the UK?\n2. Name the 3 Ds to remove first.\n\nAnswers: 2) Dead, damaged, diseased 1) Late winter\n";
    let drafts = guide(guide_text, "pruning roses");
    assert!(
        !fronts(&drafts)
            .iter()
            .any(|(_, _, b)| b.contains("Late winter")),
        "{:#?}",
        fronts(&drafts)
    );
}

#[test]
fn a_quiz_key_numbered_by_bare_numbers_or_full_stops_is_read_too() {
    let md = "# Pruning roses\n\nRoses are pruned to keep them healthy.\n\n## Quick quiz\n\n1. When are bush roses pruned in the UK?\n2. Which tool cuts stems thicker than a pencil?\n3. True or false: roses must be pruned every summer.\n\n**Answer key:** 1 Late winter · 2 Loppers · 3 False\n";
    let all = fronts(&sheet(md, "pruning roses"))
        .iter()
        .map(|(_, f, b)| (f.to_string(), b.to_string()))
        .collect::<Vec<_>>();
    let has = |f: &str, b: &str| all.iter().any(|(x, y)| x == f && y == b);
    assert!(
        has(
            "In pruning roses, when are bush roses pruned in the UK?",
            "Late winter"
        ),
        "{all:#?}"
    );
    assert!(
        has(
            "In pruning roses, which tool cuts stems thicker than a pencil?",
            "Loppers"
        ),
        "{all:#?}"
    );
    assert!(
        has(
            "In pruning roses, is it true that roses must be pruned every summer?",
            "No."
        ),
        "{all:#?}"
    );
    assert!(
        !all.iter().any(|(f, _)| f.contains("answer key")),
        "{all:#?}"
    );
    let md = "# Pruning roses\n\nRoses are pruned to keep them healthy.\n\n## Quick quiz\n\n1. When are bush roses pruned in the UK?\n2. Which tool cuts stems thicker than a pencil?\n\n**Answers:** 1. Late winter 2. Loppers, kept sharp\n";
    let all = fronts(&sheet(md, "pruning roses"))
        .iter()
        .map(|(_, f, b)| (f.to_string(), b.to_string()))
        .collect::<Vec<_>>();
    assert!(
        all.iter().any(|(f, b)| f
            == "In pruning roses, which tool cuts stems thicker than a pencil?"
            && b == "Loppers, kept sharp"),
        "{all:#?}"
    );
    // A plain guide's key, its runs of spaces read as one.
    let g = "PRUNING ROSES\n=============\n\nRoses are pruned to keep them healthy. Roses need sun.\n\n\
        14. SELF-TEST (answers at the bottom)\n=====================================\n \
        1. When are bush roses pruned in the UK?\n 2. Which tool cuts stems thicker than a pencil?\n\n\
        Answers: 1 Late winter  2 Loppers\n";
    let drafts = guide(g, "pruning roses");
    let all = fronts(&drafts);
    assert!(
        all.iter().any(
            |(_, f, b)| *f == "In pruning roses, when are bush roses pruned in the UK?"
                && *b == "Late winter"
        ),
        "{all:#?}"
    );
}

#[test]
fn true_or_false_is_asked_with_its_verdict_and_a_scene_gives_no_gap() {
    let page = "Pruning roses\nRoses are pruned in late winter.\nTrue or false? Roses should be pruned in high summer.\nTrue\nFalse\nSubmit\n✔ Correct – False. Pruning in summer brings soft growth that frost kills.\nNext\nClick to reveal\nThe soil meter is showing 84%, but the roses look well. What should you do first?\n";
    let drafts = elearning(page, "pruning roses");
    let all = fronts(&drafts);
    assert!(
        all.contains(&(
            CardKind::Basic,
            "In pruning roses, is it true that roses should be pruned in high summer?",
            "No – pruning in summer brings soft growth that frost kills."
        )),
        "{all:#?}"
    );
    assert!(
        !all.iter().any(|(_, f, _)| f.contains("84%")
            || f.contains("[...], but")
            || f.contains("meant by true")),
        "{all:#?}"
    );
}

#[test]
fn a_numbered_question_over_its_labelled_answer_is_asked() {
    let md = "# Pruning roses\n\nRoses are pruned in late winter.\n\n## Quick quiz\n\n**1. Which month suits pruning bush roses?**\nAnswer: late February\n\n2. Name the 3 Ds to remove first.\n   **Answer:** dead, damaged and diseased wood\n";
    let drafts = sheet(md, "pruning roses");
    let all = fronts(&drafts);
    assert!(
        all.contains(&(
            CardKind::Basic,
            "Which month suits pruning bush roses?",
            "Late February"
        )),
        "{all:#?}"
    );
    assert!(
        all.contains(&(
            CardKind::Basic,
            "In pruning roses, name the 3 Ds to remove first.",
            "Dead, damaged and diseased wood"
        )),
        "{all:#?}"
    );
}

#[test]
fn shouted_words_read_as_words_and_acronyms_stay() {
    let text = "Pruning Guide\n\n1. PRUNING\n\nPruning is NOT cutting at random. The RHS (Royal Horticultural Society) says pruning must be planned. CROWN LIFTING is the removal of the lowest branches of a tree. UK GDPR does not cover trees.\n\nCROWN LIFTING (CL)\n\nCrown lifting is done in winter.\n";
    let drafts = guide(text, "pruning");
    let all = fronts(&drafts);
    let joined: String = all.iter().map(|(_, f, b)| format!("{f} → {b}\n")).collect();
    assert!(
        !joined.contains("CROWN LIFTING") && !joined.contains("NOT "),
        "{joined}"
    );
    assert!(
        joined.contains("crown lifting") || joined.contains("Crown lifting"),
        "{joined}"
    );
    assert!(
        !joined.contains("uk GDPR") && !joined.contains("rhs"),
        "{joined}"
    );
}

#[test]
fn crossed_myths_under_their_heading_and_a_quiz_after_its_title_item() {
    let text = "Pruning Guide\n\nCOMMON MISCONCEPTIONS\n\nX \"Pruning in summer is best.\" -> Summer pruning brings soft growth that frost kills.\n\n13. QUICK QUIZ (answers below - no peeking!)\n  1. When are bush roses pruned in the UK?\n  2. Name the 3 Ds to remove first.\n\n  Answers: 1) late winter 2) dead, damaged and diseased wood\n\nWATERING\n\nCheck the roots. If any are present, call the nursery.\n";
    let drafts = guide(text, "pruning");
    let all = fronts(&drafts);
    assert!(
        all.contains(&(
            CardKind::Misconception,
            "Is it true that pruning in summer is best?",
            "No – summer pruning brings soft growth that frost kills."
        )),
        "{all:#?}"
    );
    assert!(
        all.iter()
            .any(|(_, f, b)| f.contains("bush roses pruned") && *b == "Late winter"),
        "{all:#?}"
    );
    assert!(
        !all.iter().any(|(_, f, _)| f.contains("if any are present")),
        "{all:#?}"
    );
}

#[test]
fn a_meaning_column_after_a_column_of_names_means_the_name() {
    let md = "# Lawn repair\n\n## Repairs\n\n| Damage | Usual repair | What it means |\n|---|---|---|\n| Bare patch | **Overseeding** | Sowing new seed over the old lawn |\n| Hollow | **Top dressing** | Spreading sieved soil to level the ground |\n";
    let drafts = sheet(md, "lawn repair");
    let all = fronts(&drafts);
    assert!(
        all.contains(&(
            CardKind::Definition,
            "In lawn repair, what is overseeding?",
            "Sowing new seed over the old lawn"
        )),
        "{all:#?}"
    );
    assert!(
        !all.iter()
            .any(|(_, f, b)| f.contains("Bare patch") && b.starts_with("Sowing")),
        "{all:#?}"
    );
}

#[test]
fn a_label_over_a_list_of_examples_has_no_meaning() {
    let text = "Lawn Care Guide\n\n7. TOOLS\n---------\nThe lawn is cut weekly by the gardener in summer.\n\nSELF HELP - regular raking, cutting high in dry weather, a weekly feed, peer support groups.\n\nEDGING - cutting a clean line along the lawn's border with a half-moon iron.\n";
    let drafts = guide(text, "lawn care");
    let all = fronts(&drafts);
    assert!(
        !all.iter()
            .any(|(_, f, _)| f.to_lowercase().contains("self help")),
        "{all:#?}"
    );
    assert!(
        all.iter()
            .any(|(_, f, _)| f.to_lowercase().contains("edging")),
        "{all:#?}"
    );
}

#[test]
fn side_by_side_lists_times_under_verbs_and_asides_ask_nothing() {
    let md = "# Lawn feeds\n\n## Feeds\n\n| Feed | Contains | Starts | Lasts | Key points |\n|---|---|---|---|---|\n| Spring feed | High nitrogen for green growth | 3–5 days | up to 8 weeks | Water in; keep pets off |\n| Autumn feed | Potash for strong roots | 1–2 weeks | about 12 weeks | Never use in spring |\n\n## Drought\n\n| Early signs | Later signs |\n|---|---|\n| Dull blue-grey grass | Brown patches |\n| Footprints stay | Bare soil |\n";
    let drafts = sheet(md, "lawn feeds");
    let all = fronts(&drafts);
    assert!(
        all.iter()
            .any(|(_, f, b)| f.ends_with("what does spring feed contain?")
                && b.starts_with("High nitrogen")),
        "{all:#?}"
    );
    assert!(
        !all.iter().any(|(_, f, _)| f.contains("starts of")
            || f.contains("lasts of")
            || f.contains("key points of")
            || f.contains("later signs of")),
        "{all:#?}"
    );
}

#[test]
fn a_means_column_asks_what_the_key_means() {
    let drafts = sheet(
        "# Garden\n\n## Soil tests\n\n| Result | Means | Example |\n|---|---|---|\n| **Acid soil** | Lime is needed before sowing | pH 5 |\n",
        "gardening",
    );
    assert_eq!(
        fronts(&drafts),
        [(
            CardKind::Basic,
            "In gardening, what does acid soil mean?",
            "Lime is needed before sowing"
        )]
    );
}

#[test]
fn a_name_in_a_graded_table_is_asked_in_its_heading() {
    let drafts = sheet(
        "# Garden\n\n## Grades of compost\n\n| Grade | Name | Description |\n|---|---|---|\n| 1 | **Fine** | Sieved through a small mesh, for seed trays |\n",
        "gardening",
    );
    let definitions = fronts_of(&drafts, CardKind::Definition);
    assert_eq!(definitions, ["In grades of compost, what is fine?"]);
}

#[test]
fn a_rule_of_manner_asks_how_when_or_where() {
    let drafts = sheet(
        "# Garden\n\n## Watering\n\nSeedlings should be watered gently from below.\n\n\
         Greenhouse vents must be opened before 9am on sunny days.\n\n\
         Seed packets should be stored in a cool, dry tin, and opened packets should be sealed.\n\n\
         A water butt should be cleaned at least once a year.\n\n\
         Pruned stems must be kept in a potting and record store.\n\n\
         It should be done soon.\n\nThe hose must be taken out of use if it splits.\n",
        "gardening",
    );
    assert_eq!(
        fronts(&drafts),
        [
            (
                CardKind::Basic,
                "In gardening, how should seedlings be watered?",
                "Gently from below."
            ),
            (
                CardKind::Basic,
                "In gardening, when should greenhouse vents be opened?",
                "Before 9am on sunny days."
            ),
            (
                CardKind::Basic,
                "In gardening, where should seed packets be stored?",
                "In a cool, dry tin."
            ),
            (
                CardKind::Basic,
                "In gardening, how often should a water butt be cleaned?",
                "At least once a year."
            ),
            (
                CardKind::Basic,
                "In gardening, where should pruned stems be kept?",
                "In a potting and record store."
            ),
        ]
    );
}

#[test]
fn a_table_aligned_with_spaces_in_a_guide_is_read_as_a_table() {
    let text = "Garden tools\n\nThe table shows what each tool is for.\n\n\
        TOOL             WHAT IT DOES\n\
        ---------------  ------------------------------\n\
        Hoe              cuts weeds off at the root\n\
        Dibber           makes holes for seeds and\n\
        \x20                small plants\n\n\
        Code\tMeaning\nW\tWater daily in dry spells\nF\tFeed every two weeks\n";
    let drafts = guide(text, "gardening");
    assert_eq!(
        fronts(&drafts),
        [
            (
                CardKind::Basic,
                "In gardening, what does hoe do?",
                "cuts weeds off at the root"
            ),
            (
                CardKind::Basic,
                "In gardening, what does dibber do?",
                "makes holes for seeds and small plants"
            ),
            (
                CardKind::Basic,
                "In gardening, what does code W mean?",
                "Water daily in dry spells"
            ),
            (
                CardKind::Basic,
                "In gardening, what does code F mean?",
                "Feed every two weeks"
            ),
        ]
    );
}

#[test]
fn sides_set_side_by_side_are_compared_not_read_as_attributes() {
    let drafts = sheet(
        "# Garden\n\n## Diaries\n\n| Feature | Paper diary | Online diary |\n|---|---|---|\n| Backup | None, one copy only | Saved every night |\n\n## Tools\n\n| Tool | Use on | Never use on |\n|---|---|---|\n| Hoe | Open beds of weeds | Wet clay soil |\n",
        "gardening",
    );
    assert_eq!(
        fronts(&drafts),
        [(
            CardKind::Basic,
            "In gardening, how do paper and online diaries differ in backup?",
            "Paper diary: None, one copy only; Online diary: Saved every night"
        )]
    );
}

#[test]
fn an_instruction_is_asked_when_how_often_or_where() {
    let drafts = sheet(
        "# Garden\n\n## Care\n\nPut the lid on the bin before you carry it to the heap.\n\n\
         Never tip used oil into a drain or a gully.\n\n\
         Check the pond pump at least once a week.\n\n\
         Record each spray on the spray chart.\n\n\
         Check the label on the bottle matches the plan.\n\n\
         Water the seedlings every tray in the shed.\n\n\
         Keep the ladder at least 3 metres from the wires.\n\n\
         Record their heights in the garden diary.\n\n\
         Tell them before you start the mower.\n\n\
         Clean the shears after every use.\n\n\
         Wear gloves every time.\n\n\
         Never stand on the top step.\n",
        "gardening",
    );
    assert_eq!(
        fronts(&drafts),
        [
            (
                CardKind::Basic,
                "In gardening, when should you put the lid on the bin?",
                "Before you carry it to the heap."
            ),
            (
                CardKind::Basic,
                "In gardening, where should you never tip used oil?",
                "Into a drain or a gully."
            ),
            (
                CardKind::Basic,
                "In gardening, how often should you check the pond pump?",
                "At least once a week."
            ),
            (
                CardKind::Basic,
                "In gardening, where should you record each spray?",
                "On the spray chart."
            ),
        ]
    );
}

#[test]
fn a_reveal_box_question_is_asked_with_its_answer() {
    let page = "Lesson 2 of 5: Sowing seeds\n\n\
        Click to reveal: Do seeds need light to sprout?\n\
        No. Most seeds sprout in the dark, under a thin layer of compost.\n\n\
        Click to reveal +\nWhich one counts?\nThe weakest seedling in the tray decides it.\n\n\
        Click to reveal: Did you know?\nSeed packets keep for two years in a cool tin.\n";
    let drafts = plain(
        page,
        crate::compile::document::DocKind::ELearning,
        "gardening",
    );
    let basics: Vec<(&str, &str)> = drafts
        .iter()
        .filter(|d| d.kind == CardKind::Basic)
        .map(|d| (d.front.as_str(), d.back.as_str()))
        .collect();
    assert_eq!(
        basics,
        [(
            "In gardening, do seeds need light to sprout?",
            "No – most seeds sprout in the dark, under a thin layer of compost."
        )],
        "{drafts:#?}"
    );
}

#[test]
fn a_courses_record_of_study_time_is_no_definition() {
    let drafts = guide(
        "GROWING HERBS\nStudy Guide 4\nGuided study time: approx. 6 hours        Version 2.1 (reviewed for current practice)\n\n\
         HERBS\n\nBasil is a tender herb that needs warmth. Mint is a herb that spreads by runners.\n",
        "herbs",
    );
    assert!(
        drafts
            .iter()
            .all(|d| !d.front.to_lowercase().contains("study time")
                && !d.front.to_lowercase().contains("version")),
        "{drafts:#?}"
    );
}

#[test]
fn layout_labels_verb_columns_and_local_figures_give_no_card() {
    let drafts = sheet(
        "# Garden\n\n## Q&A: Common questions from learners\n\nSome text here.\n\n\
         ## Feeds\n\n| Feed | Starts | Approx dose |\n|---|---|---|\n| Seaweed | Within a week of feeding | 20 ml a can |\n\n\
         ## Diaries\n\n| | Paper diary | Online diary |\n|---|---|---|\n| Typical example | A notebook | An app |\n| Recorded | In pen | Typed |\n\n\
         ## Last words\n\n- Tutor note: seed names change from one catalogue to the next\n- Final thoughts: grow what you like to eat\n",
        "gardening",
    );
    assert!(
        drafts
            .iter()
            .all(|d| !d.front.to_lowercase().contains("tutor note")
                && !d.front.to_lowercase().contains("final thoughts")),
        "{drafts:#?}"
    );
    assert!(
        drafts.iter().all(|d| !d.front.contains("Q&A")
            && !d.front.contains("starts")
            && !d.front.contains("dose")
            && !d.front.contains("example")
            && !d.front.contains("recorded")),
        "{drafts:#?}"
    );
}

#[test]
fn letters_that_change_length_in_lower_case_break_no_rule() {
    // "İ" and the Kelvin sign "K" are longer or shorter in lower case
    // than in upper: offsets found in a lower-cased copy must not cut the
    // original text.
    let page = "İİİ İİ seedlings should be watered from below.\n\n\
        Seed İİİİİİİİİİİİİİİİ should be kept dry.\n\n\
        Rust – İİİİİİİİİİİİ red spots on the leaves, known as rust.\n\n\
        İİİİİİİİİİİİ: what to do\n\n- Cut off the leaf\n- Burn it\n\n\
        \u{212A}\u{212A} Put the lid on before you carry it to the heap.\n\n\
        \u{212A}lick to reveal: Do \u{212A}ale seeds need light to sprout?\n\
        No. Most seeds sprout in the dark.\n\n\
        Safe use \u{212A}\u{212A}\u{212A} of ladders, steps, trestles and planks in orchards\n";
    for kind in [
        crate::compile::document::DocKind::StudyGuide,
        crate::compile::document::DocKind::ELearning,
        crate::compile::document::DocKind::Essay,
    ] {
        let _ = plain(page, kind, "gardening");
    }
    let _ = crate::compile::topic::topic(&crate::compile::document::read(page), page);
}

#[test]
fn a_course_pages_pipe_table_quiz_key_and_forum_are_read_as_such() {
    let page = "Lesson 2 of 5: Watering\n\nLearning outcomes\nBy the end of this lesson you will be able to:\n\
        1. Water seedlings safely.\n\nKey terms\n\n\
        | Term | Meaning |\n|---|---|\n| Capping | A hard crust that forms on bare soil after heavy rain |\n\n\
        Question 1: What went wrong in the greenhouse?\n[Click to reveal]\n- The vents were shut.\n\n\
        Quiz\nQ1. How often should a fern be misted?\n   a) Daily    b) Weekly    c) Monthly\n\
        Q2. Which tool waters seedlings gently?\n   a) A hose    b) A rose can    c) A bucket\n\n\
        Answer key\nQ1 - a) Daily, in summer.\nQ2 - b) A rose can.\n\n\
        Learner discussion (2)\nSam_G - 2 days ago\nReally useful, my ferns are much happier now thanks to this.\n";
    let drafts = plain(
        page,
        crate::compile::document::DocKind::ELearning,
        "gardening",
    );
    let all = fronts(&drafts);
    assert!(
        all.contains(&(
            CardKind::Basic,
            "In gardening, what is meant by Capping?",
            "A hard crust that forms on bare soil after heavy rain"
        )),
        "{all:#?}"
    );
    let mcq: Vec<(&str, &str)> = drafts
        .iter()
        .filter(|d| d.kind == CardKind::Mcq)
        .map(|d| (d.front.as_str(), d.back.as_str()))
        .collect();
    assert_eq!(
        mcq,
        [
            ("How often should a fern be misted?", "Daily"),
            ("Which tool waters seedlings gently?", "A rose can")
        ],
        "{drafts:#?}"
    );
    assert!(
        drafts.iter().all(|d| !d.back.contains("[Click")
            && !d.front.contains("Sam_G")
            && !d.back.contains("happier")
            && !d.front.contains("Q1 -")),
        "{drafts:#?}"
    );
}

#[test]
fn what_it_is_and_a_barriers_strategy_read_as_english() {
    let drafts = sheet(
        "# Garden\n\n## Covers\n\n| Cover | What it is | Reusable? |\n|---|---|---|\n| Cloche | A glass or plastic dome set over one plant | Yes |\n\n\
         ## Barriers\n\n| Barrier | Strategy |\n|---|---|\n| Slugs at night | Set beer traps at dusk and pick them off by torchlight |\n\n\
         Related: the seed swap runs every spring in the village hall.\n",
        "gardening",
    );
    let all = fronts(&drafts);
    let fronts: Vec<&str> = all.iter().map(|(_, f, _)| *f).collect();
    assert!(
        fronts.contains(&"In gardening, what is a cloche?"),
        "{all:#?}"
    );
    assert!(
        fronts.contains(&"In gardening, how can the barrier “Slugs at night” be overcome?"),
        "{all:#?}"
    );
    assert!(fronts.iter().all(|f| !f.contains("related")), "{all:#?}");
}

#[test]
fn a_reason_inside_an_example_in_brackets_is_no_rules_reason() {
    let drafts = guide(
        "Garden law\n\nNuisance\n\nA neighbour can also cause a nuisance by proxy (e.g. letting a tenant burn rubbish because the bins are full) or by neglect of a boundary hedge.\n",
        "gardening",
    );
    assert!(
        !fronts(&drafts)
            .iter()
            .any(|(_, f, _)| f.starts_with("Why") || f.contains(", why")),
        "{:?}",
        fronts(&drafts)
    );
}

#[test]
fn a_column_headed_by_a_question_asks_it_of_each_row() {
    let drafts = sheet(
        "# Garden tools\n\n## Cutting tools\n\n| Tool | What it is | Sharp? | Who can use it |\n|---|---|---|---|\n| Pruning saw | A saw with a curved blade for branches | Yes, keep it in its sheath | Adults after training |\n| Garden fork | A tool with four tines for lifting soil | No, but the tines can hurt feet | Anyone, with boots on |\n",
        "gardening",
    );
    let fronts: Vec<&str> = fronts(&drafts).into_iter().map(|(_, f, _)| f).collect();
    for expected in [
        "In gardening, what is a pruning saw?",
        "In gardening, is a pruning saw sharp?",
        "In gardening, who can use a garden fork?",
    ] {
        assert!(fronts.contains(&expected), "{expected} not in {fronts:?}");
    }
}

#[test]
fn a_step_named_by_one_word_is_answered_with_what_it_means() {
    let drafts = sheet(
        "# Garden\n\n## Planting bulbs\n\nFollow these steps:\n\n1. Prepare: dig the bed and take out every stone and root you find in it. Rake it level.\n2. Plant: set each bulb twice its height deep.\n3. Water: soak the bed once.\n",
        "gardening",
    );
    let ordered: Vec<&str> = drafts
        .iter()
        .filter(|d| d.kind == CardKind::OrderedItem)
        .map(|d| d.back.as_str())
        .collect();
    assert_eq!(
        ordered.first().copied(),
        Some("Prepare – dig the bed and take out every stone and root you find in it"),
        "{:#?}",
        fronts(&drafts)
    );
}

#[test]
fn a_key_term_opening_a_sentence_is_asked_what_it_does() {
    let drafts = sheet(
        "# Garden\n\n## Terms\n\n- Cold frame: a low glass box for young plants\n- Cloche: a dome set over one plant\n\n## Frost\n\nA cold frame protects young seedlings from frost and wind, and lets them harden off.\n\n## Slug pellets\n\nSlug pellets kill hedgehogs as well as slugs.\n\nThe Garden Boundaries Act 2001 protects hedges on every boundary of a town garden.\n",
        "gardening",
    );
    let all = fronts(&drafts);
    assert!(
        all.contains(&(
            CardKind::Basic,
            "In gardening, what does a cold frame protect?",
            "Young seedlings from frost and wind."
        )) || all.contains(&(
            CardKind::Basic,
            "In gardening, what does cold frame protect?",
            "Young seedlings from frost and wind."
        )),
        "{all:#?}"
    );
    // Under its own heading too.
    assert!(
        all.iter()
            .any(|(_, f, b)| f.ends_with("what do slug pellets kill?")
                && *b == "Hedgehogs as well as slugs."),
        "{all:#?}"
    );
    // A law is asked what it does by its own rule.
    assert!(
        all.iter()
            .all(|(k, f, _)| !f.contains("Act 2001 protect") || *k == CardKind::Legislation),
        "{all:#?}"
    );
}

#[test]
fn a_number_column_asks_the_figure_and_a_feature_table_compares() {
    let drafts = sheet(
        "# Garden\n\n## Figures\n\n| What | Number |\n|---|---|\n| Fill a watering can | No more than two-thirds full |\n| Garden Boundaries Act 2001 | section 4 |\n\n## Feeds\n\n| Feature | Liquid feed | Slow-release feed |\n|---|---|---|\n| Prescribed? | No, sold in shops | No, sold in shops too |\n| How often | Every week in summer | Once each spring |\n",
        "gardening",
    );
    let all = fronts(&drafts);
    let fronts: Vec<&str> = all.iter().map(|(_, f, _)| *f).collect();
    assert!(
        fronts.contains(&"In gardening, what is the figure to know for “Fill a watering can”?"),
        "{all:#?}"
    );
    assert!(fronts.iter().all(|f| !f.contains("Act 2001”")), "{all:#?}");
    // ("Guide figure" is such a column too.)
    let guide = sheet(
        "# Garden\n\n## Figures\n\n| What | Guide figure |\n|---|---|\n| Mowing height in summer | 25 mm |\n| Mowing height in winter | 40 mm |\n",
        "gardening",
    );
    assert!(
        guide
            .iter()
            .map(|d| d.front.clone())
            .collect::<Vec<_>>()
            .contains(
                &"In gardening, what is the figure to know for “Mowing height in summer”?"
                    .to_string()
            ),
        "{:#?}",
        guide.iter().map(|d| d.front.clone()).collect::<Vec<_>>()
    );
    assert!(
        fronts.iter().all(|f| !f.contains("the liquid feed of")),
        "{all:#?}"
    );
    assert!(
        fronts
            .iter()
            .any(|f| f.contains("liquid and slow-release feeds")),
        "{all:#?}"
    );
}

#[test]
fn a_law_in_a_what_it_means_column_takes_its_article() {
    let drafts = sheet(
        "# Garden\n\n## Law\n\n| Law | What it means for hedges |\n|---|---|\n| Garden Boundaries Act 2001 | Hedges must stay under two metres on a shared boundary |\n",
        "gardening",
    );
    let all = fronts(&drafts);
    assert!(
        all.iter()
            .any(|(_, f, _)| *f == "What does the Garden Boundaries Act 2001 mean for hedges?"),
        "{all:#?}"
    );
}

#[test]
fn a_when_column_asks_what_to_do_then_and_a_group_column_asks_the_group() {
    let drafts = sheet(
        "# Garden\n\n## Tool care\n\n| When | What to do |\n|---|---|\n| After every use | Wipe the blades with an oily rag |\n| As needed | Sharpen the blades |\n\n## Feeds\n\n| Feed | Group |\n|---|---|\n| Bonemeal | Slow-release organic feed |\n",
        "gardening",
    );
    let all = fronts(&drafts);
    let fronts: Vec<&str> = all.iter().map(|(_, f, _)| *f).collect();
    assert!(
        fronts.contains(&"In gardening, what should you do after every use?"),
        "{all:#?}"
    );
    assert!(fronts.iter().all(|f| !f.contains("as needed")), "{all:#?}");
    assert!(
        fronts.contains(&"In gardening, which group does Bonemeal belong to?"),
        "{all:#?}"
    );
}

#[test]
fn a_table_of_a_laws_sections_names_the_law_on_each_card() {
    let drafts = sheet(
        "# Garden\n\n## Garden Boundaries Act sections you need to know\n\n| Section | Purpose |\n|---|---|\n| Section 2 | Sets the highest a boundary hedge may grow |\n| Section 5(1) | Lets a council serve a hedge notice |\n",
        "gardening",
    );
    let all = fronts(&drafts);
    assert!(
        all.iter()
            .any(|(_, f, _)| f.contains("Section 2 of the Garden Boundaries Act")),
        "{all:#?}"
    );
    assert!(
        all.iter().all(|(_, f, _)| !f.contains("the Section")),
        "{all:#?}"
    );
}

#[test]
fn a_case_studys_own_questions_give_no_card_and_a_reveal_button_is_no_answer() {
    let md = "# Roses\n\nRoses need sun.\n\n## Case study: Priya's plot\n\nPriya's roses have black spots.\n\n\
        **Q1. What went wrong with the watering?**\n> Click to reveal ▼\n> Water splashed the leaves every evening.\n\n\
        **Q2. Which law protects old hedges on the plot?**\n> Click to reveal ▼\n> The Hedgerows Act 1997.\n\n\
        ## Questions\n\n**Q3. Which disease causes black spots on rose leaves?**\n> Click to reveal ▼\n> Black spot, a fungus.\n";
    let drafts = sheet(md, "roses");
    let all = fronts(&drafts);
    assert!(
        !all.iter().any(|(_, f, _)| f.contains("went wrong")),
        "{all:#?}"
    );
    assert!(
        all.iter()
            .any(|(_, f, b)| f.contains("which law protects old hedges")
                && b.contains("Hedgerows Act 1997")),
        "{all:#?}"
    );
    assert!(
        all.iter()
            .any(|(_, f, b)| f.contains("which disease causes black spots")
                && *b == "Black spot, a fungus."),
        "{all:#?}"
    );
    assert!(
        !all.iter().any(|(_, _, b)| b.contains("reveal")),
        "{all:#?}"
    );
}

#[test]
fn a_table_of_stages_whose_rows_are_clauses_gives_no_cell_cards() {
    let md = "# Lawns\n\nLawns need care.\n\n## Signs of drought\n\n| Healthy | Early signs | Severe |\n|---|---|---|\n\
        | Springs back when walked on | Footprints stay | Grass turns straw coloured |\n\
        | Grows evenly | Growth slows | Growth stops |\n| Looks green | Dull blue tint | Brown patches |\n";
    let drafts = sheet(md, "lawns");
    let all = fronts(&drafts);
    assert!(
        !all.iter().any(|(_, f, _)| f.contains("Springs back")
            || f.contains("Looks green")
            || f.contains("grows evenly")),
        "{all:#?}"
    );
    // A table whose rows are names is asked as before.
    let md = "# Lawns\n\nLawns need care. Ryegrass is a tough grass for family lawns.\n\n## Grasses\n\n| Grass | Use | Mowing height |\n|---|---|---|\n\
        | Ryegrass | Hard-wearing lawns | 25 mm |\n| Fescue | Fine lawns | 10 mm |\n| Bent | Bowling greens | 5 mm |\n";
    let drafts = sheet(md, "lawns");
    assert!(
        fronts(&drafts)
            .iter()
            .any(|(_, f, _)| f.contains("ryegrass") || f.contains("Ryegrass")),
        "{:#?}",
        fronts(&drafts)
    );
}

#[test]
fn a_column_asking_what_it_might_look_like_asks_with_the_modal() {
    let md = "# Slugs\n\nSlugs eat seedlings.\n\n## Why slugs come\n\n| Reason | What it might look like | What could help |\n|---|---|---|\n\
        | Damp weather | Silver trails on paths | Water in the morning |\n| Rotting leaves | Slugs under the leaves | Clear the beds |\n";
    let drafts = sheet(md, "slugs");
    let all = fronts(&drafts);
    assert!(
        all.iter().any(
            |(_, f, b)| *f == "In slugs, what might damp weather look like?"
                && *b == "Silver trails on paths"
        ),
        "{all:#?}"
    );
    assert!(
        !all.iter()
            .any(|(_, f, _)| f.contains("does damp weather might")),
        "{all:#?}"
    );
}

#[test]
fn an_essays_author_is_no_term() {
    let text = "Growing Herbs on a Windowsill\n\nBy Sam Reedman, head gardener at a community garden | 6 min read\n\n\
        1. Introduction\n\nBasil is a tender herb that needs warmth and light.\n\n\
        Sam Reedman is a head gardener and a former nursery manager. He writes every month.\n";
    let drafts = plain(text, crate::compile::document::DocKind::Essay, "herbs");
    let all = fronts(&drafts);
    assert!(
        !all.iter().any(|(_, f, _)| f.contains("Sam Reedman")),
        "{all:#?}"
    );
    assert!(all.iter().any(|(_, f, _)| f.contains("basil")), "{all:#?}");
    // A byline with no date or reading time is read as a paragraph: its
    // author is no term either.
    let text = text.replace(" | 6 min read", "");
    let drafts = plain(&text, crate::compile::document::DocKind::Essay, "herbs");
    assert!(
        !fronts(&drafts)
            .iter()
            .any(|(_, f, _)| f.contains("Sam Reedman")),
        "{:#?}",
        fronts(&drafts)
    );
}

#[test]
fn a_mnemonic_is_named_by_what_it_is_for_not_by_being_a_memory_aid() {
    for (heading, context) in [
        ("Mnemonic – spotting pests: SOW", " (spotting pests)"),
        ("Watering: remember SOW", " (watering)"),
        (
            "Pruning checks: what you do every time (SOW)",
            " (pruning checks)",
        ),
        ("A mnemonic to remember: SOW", ""),
    ] {
        let drafts = sheet(
            &format!(
                "# Garden\n\n## {heading}\n\n- **S**oak the soil first\n- **O**nly water in the morning\n- **W**ater the roots deeply\n"
            ),
            "gardening",
        );
        let acronyms = fronts_of(&drafts, CardKind::Acronym);
        let wanted = format!("In SOW{context}, what does S stand for?");
        assert!(
            acronyms.contains(&wanted.as_str()),
            "{heading}: {acronyms:?}"
        );
    }
}

#[test]
fn a_label_over_an_attribute_a_formula_or_a_list_of_actions_is_no_term() {
    let drafts = sheet(
        "# Garden\n\n## Pots\n\nTypical pot: clay or plastic with a drainage hole.\n\nRatio = compost (litres) ÷ grit (litres) for cuttings.\n\nCare: water daily in summer; stake the stem; feed in spring.\n\nAction: ask the neighbour to water the pots while away.\n\nDoes not count: rain on a windy day, dew and mist on the leaves.\n\nMulch: a layer of material spread over the soil surface.\n",
        "gardening",
    );
    let defs = fronts_of(&drafts, CardKind::Definition);
    assert!(defs.iter().any(|f| f.contains("mulch")), "{defs:?}");
    assert!(
        defs.iter()
            .all(|f| ["pot", "ratio", "care", "action", "count"]
                .iter()
                .all(|w| !f.contains(w))),
        "{defs:?}"
    );
}

#[test]
fn a_looks_like_column_asks_what_the_row_looks_like_and_rows_that_lean_on_the_one_above_ask_nothing()
 {
    let drafts = sheet(
        "# Garden\n\n## Leaf spots\n\n| Spot | Looks like |\n|---|---|\n| Type 1 | Small brown rings on old leaves |\n| Type 2 | Black patches with yellow edges |\n\n## Feeding\n\n- Roses in pots: roses grown in containers, hungry plants\n\n| Plant | Interval |\n|---|---|\n| Roses in pots | Every 2 weeks in summer |\n| Any shrub | Or as the label on the feed says |\n| After that | Every 4 weeks until autumn |\n",
        "gardening",
    );
    let all = fronts(&drafts);
    assert!(
        all.iter()
            .any(|(_, f, b)| f.ends_with("what does type 1 look like?")
                && *b == "Small brown rings on old leaves"),
        "{all:#?}"
    );
    assert!(
        all.iter().any(|(_, f, _)| f.contains("roses in pots")),
        "{all:#?}"
    );
    assert!(
        all.iter().all(|(_, f, b)| !b.starts_with("Or ")
            && !f.contains("after that")
            && !f.contains("looks like")),
        "{all:#?}"
    );
}

#[test]
fn a_kind_table_at_a_glance_asks_its_yes_no_columns_as_questions_of_each_kind() {
    let drafts = sheet(
        "# Garden\n\n## Blights\n\n### Leaf blights at a glance\n\n| Type | How it spreads | Cure? | Becomes chronic? |\n|---|---|---|---|\n| Blight A | Rain splash from wet soil onto low leaves | Yes, copper spray in spring | No |\n| Blight B | Wind-blown spores from nearby potato crops | No | Yes, in about 3 in 4 beds |\n",
        "gardening",
    );
    let all = fronts(&drafts);
    for wanted in [
        "how does blight A spread?",
        "is there a cure for Blight A?",
        "does Blight B become chronic?",
    ] {
        assert!(
            all.iter().any(|(_, f, _)| f.ends_with(wanted)),
            "{wanted}: {all:#?}"
        );
    }
    assert!(
        all.iter().all(|(_, f, _)| !f.contains("glance")),
        "{all:#?}"
    );
}

#[test]
fn a_quiz_question_over_its_keys_label_has_no_answer_card() {
    let drafts = sheet(
        "# Garden\n\n## Soil\n\nLoam holds water well in a dry summer.\n\n## Quiz\n\nQ1. Which soil holds water well?\nQ2. How long does garden compost take to rot down?\n\n**Answer key** (click to reveal)\nLoam, and about a year for compost.\n",
        "gardening",
    );
    let all = fronts(&drafts);
    assert!(
        all.iter().all(|(_, _, b)| !b.contains("Answer key")),
        "{all:#?}"
    );
}

#[test]
fn a_law_asked_what_it_means_for_someone_named_needs_no_topic_before_it() {
    let drafts = sheet(
        "# Garden\n\n## The law\n\n| Law | What it means for allotment holders |\n|---|---|\n| Allotments Act 1950 | Councils must give a year's notice to end a tenancy |\n| Plant Health Regulations 2019 | Some imported plants need a health certificate |\n| Allotment Charter (agreed by the council in 2015) | Plots must be kept in cultivation all year |\n\n| Law | What it means for staff |\n|---|---|\n| Pesticides Act 1998 | Only trained staff may spray weedkiller in public parks |\n",
        "gardening",
    );
    let all = fronts(&drafts);
    for wanted in [
        "What does the Allotments Act 1950 mean for allotment holders?",
        "What do the Plant Health Regulations 2019 mean for allotment holders?",
        "In gardening, what does the Pesticides Act 1998 mean for staff?",
    ] {
        assert!(
            all.iter().any(|(_, f, _)| *f == wanted),
            "{wanted}: {all:#?}"
        );
    }
}

#[test]
fn a_class_table_names_its_caption_a_contrast_asks_how_things_are_worn_and_a_task_is_no_term() {
    let drafts = guide(
        "Garden netting\n\nNets keep birds off fruit and brassicas all summer.\n\nUK netting grades (Garden Standard)\n| Grade   | Mesh size     | Typical use            |\n|---------|---------------|------------------------|\n| Grade 1 | 7 to 10 mm    | fruit cages            |\n| Grade 2 | 18 to 24 mm   | brassica tunnels       |\n\n|              | Fleece            | Mesh net             |\n|--------------|-------------------|----------------------|\n| Main purpose | keeps off frost   | keeps off birds      |\n| Worn         | overnight only    | all season           |\n\nMeasuring for nets\n\nMeasuring points for fruit cages (always follow the maker's chart).\n",
        "gardening",
    );
    let all = fronts(&drafts);
    for wanted in [
        "In UK netting grades (Garden Standard), what is the mesh size of grade 1?",
        "In gardening, how are fleece and mesh net worn?",
    ] {
        assert!(
            all.iter().any(|(_, f, _)| *f == wanted),
            "{wanted}: {all:#?}"
        );
    }
    assert!(
        all.iter().all(|(_, f, _)| !f.contains("measuring for")),
        "{all:#?}"
    );
}

#[test]
fn an_attribute_in_a_fact_box_is_no_term() {
    let drafts = sheet(
        "# Garden\n\n## The seed packet\n\n- Colour: green and gold with a white stripe\n- Diagnosis: a soil test from the garden centre\n- Mulch: a layer of material spread over the soil surface\n",
        "gardening",
    );
    let defs = fronts_of(&drafts, CardKind::Definition);
    assert!(defs.iter().any(|f| f.contains("mulch")), "{defs:?}");
    assert!(
        defs.iter()
            .all(|f| !f.contains("colour") && !f.contains("diagnosis")),
        "{defs:?}"
    );
}

#[test]
fn terms_in_a_list_take_the_set_the_line_over_them_counts() {
    let drafts = sheet(
        "# Garden\n\n## Compost\n\nThe four layers of a compost heap that every bin needs:\n\n- Browns: dry material such as cardboard, straw and dead leaves\n- Greens: fresh material such as grass clippings and peelings\n- Soil: a thin layer that brings in worms and microbes\n- Water: enough to keep the heap as damp as a wrung-out sponge\n\n## Pots\n\nThe two types:\n\n- Clay pots: heavy pots that breathe and dry out fast\n- Plastic pots: light pots that hold water for longer\n",
        "gardening",
    );
    let defs = fronts_of(&drafts, CardKind::Definition);
    assert!(
        defs.contains(&"In the four layers of a compost heap, what is meant by browns?"),
        "{defs:?}"
    );
    assert!(defs.iter().all(|f| !f.contains("two types")), "{defs:?}");
}

#[test]
fn a_set_named_by_its_members_initial_is_asked_as_a_set() {
    let drafts = sheet(
        "# Garden\n\n## Emergency: frost damage\n\nFrost can kill a tender plant overnight.\n\n**Mnemonic – the 4 Ws:**\n1. **W**ilting – leaves hang down\n2. **W**hitening – leaves turn pale\n3. **W**eeping – sap runs from the stem\n4. **W**ithering – shoots shrivel\n",
        "gardening",
    );
    let sets = fronts_of(&drafts, CardKind::ListMember);
    assert_eq!(sets, ["In frost damage, what are the 4 Ws?"], "{drafts:#?}");
    let set = drafts
        .iter()
        .find(|d| d.kind == CardKind::ListMember)
        .expect("the set");
    assert_eq!(set.back, "Wilting; Whitening; Weeping; Withering");
    // Each member's gloss only restates its word: no definitions.
    assert!(
        fronts_of(&drafts, CardKind::Definition).is_empty(),
        "{drafts:#?}"
    );
}

#[test]
fn a_stage_table_keyed_in_roman_numerals_names_its_classification() {
    let drafts = sheet(
        "# Garden\n\n## Blight\n\n### Hartley scale (stages of blight)\n\n| Stage | Description |\n|---|---|\n| I | Spots on the lower leaves |\n| II | Spots on the stems |\n| III | Whole plant brown |\n",
        "gardening",
    );
    let fronts: Vec<&str> = drafts.iter().map(|d| d.front.as_str()).collect();
    assert!(
        fronts.contains(&"In hartley scale (stages of blight), what is stage III?"),
        "{fronts:#?}"
    );
    assert!(
        fronts.iter().all(|f| !f.contains("III stage")),
        "{fronts:#?}"
    );
}

#[test]
fn a_mnemonics_colon_heading_names_it_by_the_noun_after_the_colon() {
    let drafts = guide(
        "SOWING SEEDS\n\nOpening the packet: a quick sowing routine\n\nSeeds need warmth and water to sprout in spring.\n\nRemember the SOW mnemonic:\n  S - Soak the compost first\n  O - Open a shallow drill\n  W - Water with a fine rose\n",
        "gardening",
    );
    let letters = fronts_of(&drafts, CardKind::Acronym);
    assert!(
        letters.contains(&"In SOW (quick sowing routine), what does O stand for?"),
        "{letters:#?}"
    );
}

#[test]
fn a_label_of_what_helps_is_no_term() {
    let drafts = sheet(
        "# Garden\n\n## Greenfly\n\nGreenfly suck sap from young shoots.\n\nHelps: soapy water, ladybirds, a strong jet from the hose.\n\nMulch: a layer of material spread over the soil surface.\n",
        "gardening",
    );
    let defs = fronts_of(&drafts, CardKind::Definition);
    assert!(defs.iter().any(|f| f.contains("mulch")), "{defs:?}");
    assert!(defs.iter().all(|f| !f.contains("helps")), "{defs:?}");
}

#[test]
fn a_comparisons_rows_ask_in_english_or_not_at_all() {
    let drafts = sheet(
        "# Garden\n\n## Two kinds of bed\n\n| | Raised bed | Sunken bed |\n|---|---|---|\n| Where the water is kept | Above the path, in a frame | Below the path, in a trench |\n| How often | Water daily | Water weekly |\n| How the soil warms | Fast in spring | Slowly |\n| Look | Neat wooden sides | A dip edged with turf |\n| Cost | High | Low |\n",
        "gardening",
    );
    let all: Vec<&str> = drafts.iter().map(|d| d.front.as_str()).collect();
    assert_eq!(
        all,
        [
            "In gardening, where is the water kept in raised bed and in sunken bed?",
            "In gardening, what do raised and sunken beds look like?",
            "In gardening, how do raised and sunken beds differ in cost?",
        ],
        "{drafts:#?}"
    );
}

#[test]
fn an_instruction_pointing_at_the_headings_thing_is_led_by_the_heading() {
    let drafts = sheet(
        "# Roses\n\n## Pruning roses\n\nRoses flower on new wood.\n\n### Care of the climbing rose\n\nThe same pests attack the climber.\n- Check the stems every day, including under the leaves and at the base\n- Never prune in frost; wait for a mild day\n- No feeding after August\n\n### Before you start\n\n- Check the blades every week, including the spring and the hinge\n- Never cut wet wood; wait for a dry day\n- No blunt tools\n",
        "roses",
    );
    let all: Vec<&str> = drafts.iter().map(|d| d.front.as_str()).collect();
    assert!(
        all.contains(&"In care of the climbing rose, how often should you check the stems?"),
        "{all:#?}"
    );
    // A time is no heading to lead with.
    assert!(
        all.contains(&"In roses, how often should you check the blades?"),
        "{all:#?}"
    );
}

#[test]
fn a_scores_letters_are_asked_as_the_scores_with_their_points() {
    let drafts = sheet(
        "# Lawns\n\n## Judging a lawn: the MOS₂S-Wt score\n\n| Letter | Sign | Points |\n|---|---|---|\n| M | Moss in the turf | 1 |\n| O | Old thatch | 1 |\n| S₂ | Standing water after rain | 2 |\n| S | Shade for most of the day | 1 |\n| Wt | Worm casts | 1 |\n",
        "lawns",
    );
    let letters: Vec<(&str, &str)> = drafts
        .iter()
        .filter(|d| d.kind == CardKind::Acronym)
        .map(|d| (d.front.as_str(), d.back.as_str()))
        .collect();
    assert!(
        letters.contains(&(
            "In the MOS₂S-Wt score, what does S₂ stand for?",
            "Standing water after rain (2 points)"
        )),
        "{letters:#?}"
    );
    assert_eq!(letters.len(), 5, "{letters:#?}");
    assert!(
        drafts.iter().all(|d| !d.front.contains("sign of")),
        "{drafts:#?}"
    );
}

#[test]
fn a_column_that_begins_a_sentence_and_a_caption_that_names_the_column() {
    let drafts = guide(
        "Garden design\n\nContrast helps.\n\n| Area | Contrast with... |\n|---|---|\n| Paths | Lawn and borders |\n| Garden shed | None (match the fence) |\n\nNoise at the allotment. Plots at dawn are the quietest plots of the day.\n\nGuideline noise levels (Allotment Society, 2001)\n\n| Setting | Guideline level |\n|---|---|\n| Plots at dawn | 40 dB |\n| Car park by day | 55 dB |\n",
        "gardening",
    );
    let all: Vec<&str> = drafts.iter().map(|d| d.front.as_str()).collect();
    assert!(
        all.contains(&"In gardening, what should the paths contrast with?"),
        "{all:#?}"
    );
    assert!(all.iter().all(|f| !f.contains("shed")), "{all:#?}");
    assert!(
        all.contains(&"In gardening, what is the guideline noise level for plots at dawn?"),
        "{all:#?}"
    );
}

#[test]
fn a_glossary_with_dot_leaders_times_and_roles() {
    let page = "Garden guide\n\nKEY TERMS\nMulch ............ a layer of material spread over the soil surface\nTopsoil .......... the upper layer of soil where most roots grow\nLeaf mould ....... compost made from fallen leaves over two years\n                   in a wire cage\n\nTIMESCALES AT A GLANCE\nOrdering seed ........ no later than the end of January\nSowing peas .......... within 2 weeks of the last frost\n\nWHO DOES WHAT\n\nAllotment society .... plot letting, rents and the waiting list\nPlot warden .......... assesses the plots for weeds every month\n";
    let drafts = plain(
        page,
        crate::compile::document::DocKind::StudyGuide,
        "gardening",
    );
    let all: Vec<(&str, &str)> = drafts
        .iter()
        .map(|d| (d.front.as_str(), d.back.as_str()))
        .collect();
    assert!(
        all.contains(&(
            "In gardening, what is meant by leaf mould?",
            "Compost made from fallen leaves over two years in a wire cage"
        )),
        "{all:#?}"
    );
    assert!(
        all.contains(&(
            "In gardening, what is the time limit for sowing peas?",
            "Within 2 weeks of the last frost"
        )),
        "{all:#?}"
    );
    assert!(
        all.iter()
            .any(|(f, _)| f.contains("what does a plot warden do?")),
        "{all:#?}"
    );
    // A role said without its verb is no term.
    assert!(
        all.iter().all(|(f, _)| !f.contains("allotment society")),
        "{all:#?}"
    );
}

#[test]
fn a_tabs_question_its_aim_and_a_person_are_no_terms() {
    let drafts = sheet(
        "# Garden\n\n## Watering\n\n**Timing:** Is the soil dry at a finger's depth? Water only then.\n\nAim: keep the roots moist, not wet.\n\nThe person is a volunteer for the whole season.\n\nWater is then given to the pots first.\n\nMulch: a layer of material spread over the soil surface.\n",
        "gardening",
    );
    let defs = fronts_of(&drafts, CardKind::Definition);
    assert!(defs.iter().any(|f| f.contains("mulch")), "{defs:?}");
    for wrong in ["timing", "aim", "person", "water?"] {
        assert!(
            defs.iter().all(|f| !f.to_lowercase().contains(wrong)),
            "{wrong}: {defs:?}"
        );
    }
}

#[test]
fn a_quiz_question_takes_the_subject_and_one_leaning_on_another_goes() {
    let drafts = guide(
        "Garden guide\n\nQuick check\n\n1) How deep should tulips be planted?   Answer: three times their height.\n2) What else keeps slugs away?   Answer: copper tape.\n",
        "bulbs",
    );
    let all = fronts(&drafts);
    assert!(
        all.contains(&(
            CardKind::Basic,
            "In bulbs, how deep should tulips be planted?",
            "Three times their height."
        )),
        "{all:#?}"
    );
    assert!(all.iter().all(|(_, f, _)| !f.contains("else")), "{all:#?}");
}

#[test]
fn a_letter_set_written_with_an_apostrophe_is_still_a_set() {
    let drafts = sheet(
        "# Garden\n\n## Saving energy on the plot\n\nDigging all day tires the back.\n\n**Remember the 3 P's:**\n1. **P**lan – decide which beds come first\n2. **P**ace – dig for twenty minutes, then rest\n3. **P**rioritise – leave the paths for another day\n",
        "gardening",
    );
    let sets = fronts_of(&drafts, CardKind::ListMember);
    assert_eq!(sets, ["In gardening, what are the 3 P's?"], "{drafts:#?}");
}

#[test]
fn an_instruction_under_a_heading_that_names_an_action_is_asked_of_that_action() {
    let doc = crate::compile::read::markdown::read(
        "# Roses\n\nRoses need care all year round in the garden.\n\n### Method: pruning a climbing rose\n\n- Do not use blunt blades, because they crush the stems\n\n### Chitting the tubers\n\n- Keep the trays in a cool, light room, well away from frost\n\n### Growing media\n\n- Keep the compost in a dry shed, away from frost and rain\n",
    );
    let drafts = extract(&doc, "roses");
    let all: Vec<&str> = drafts.iter().map(|d| d.front.as_str()).collect();
    assert!(
        all.iter()
            .any(|f| f.contains("when chitting the tubers, where should you keep the trays?")),
        "{all:#?}"
    );
    assert!(
        all.iter()
            .any(|f| f
                .contains("when pruning a climbing rose, why should you not use blunt blades?")),
        "{all:#?}"
    );
    // "Growing media" names no action.
    assert!(!all.iter().any(|f| f.contains("when growing")), "{all:#?}");
}

#[test]
fn a_class_table_in_roman_numerals_is_asked_in_its_heading_named_as_the_document_names_it() {
    let doc = crate::compile::read::markdown::read(
        "# Lawn moss\n\nMoss spreads in shaded, wet lawns.\n\n### Fenn scale (how bad is it?)\n\n| Class | Description | Usual remedy |\n|---|---|---|\n| I | A few patches in the shade | Rake it out by hand |\n| II | Moss over a quarter of the lawn | Feed and scarify in spring |\n| III | Moss over half of the lawn | Returf the worst areas |\n\n**Q: What should the gardener do now?**\n\nThe lawn is now Fenn class III, so scarify it before the rain.\n",
    );
    let drafts = extract(&doc, "lawn moss");
    let all: Vec<&str> = drafts.iter().map(|d| d.front.as_str()).collect();
    for front in [
        "In the Fenn scale, what is class II?",
        "In the Fenn scale, what is the usual remedy of class II?",
    ] {
        assert!(all.contains(&front), "{front} not in {all:#?}");
    }
}

#[test]
fn a_comparison_of_settings_asks_how_the_row_differs_in_them() {
    let doc = crate::compile::read::markdown::read(
        "# Composting\n\nCompost can be made at home or on an allotment.\n\n| Feature | In a garden | On an allotment |\n|---|---|---|\n| Bin size | Any size | No more than one cubic metre |\n| Selection criteria | Your own choice | The committee's list |\n",
    );
    let drafts = extract(&doc, "composting");
    let all: Vec<&str> = drafts.iter().map(|d| d.front.as_str()).collect();
    assert!(
        all.iter()
            .any(|f| f.ends_with("how does bin size differ in a garden and on an allotment?")),
        "{all:#?}"
    );
    assert!(
        all.iter()
            .any(|f| f
                .ends_with("how do selection criteria differ in a garden and on an allotment?")),
        "{all:#?}"
    );
}

#[test]
fn a_row_keyed_by_a_situation_asks_for_it_with_the_choice_and_its_dose_in_one_card() {
    let doc = crate::compile::read::markdown::read(
        "# Greenfly\n\nGreenfly suck sap from young shoots.\n\n## Sprays for greenfly on roses\n\n| Situation | First choice | Dose |\n|---|---|---|\n| Light attack | Soap spray | 5 ml in a litre of water, every 3 days |\n| Heavy attack | Pyrethrum | 10 ml in a litre of water, once a week |\n",
    );
    let drafts = extract(&doc, "greenfly");
    let cards = front_backs(&drafts);
    assert!(
        cards.contains(&(
            "In sprays for greenfly on roses, what is the first choice for heavy attack?",
            "Pyrethrum – 10 ml in a litre of water, once a week"
        )),
        "{cards:#?}"
    );
    // The dose is asked with its spray, never of the situation.
    assert!(!cards.iter().any(|(f, _)| f.contains("dose")), "{cards:#?}");
}

#[test]
fn a_table_under_a_heading_that_names_its_subject_is_asked_in_it() {
    let doc = crate::compile::read::markdown::read(
        "# Roses\n\nRoses suffer from several diseases.\n\n## Fungal diseases of roses\n\n| Disease | Usual treatment |\n|---|---|\n| Black spot | Remove fallen leaves and spray with a fungicide |\n| Powdery mildew | Water at the roots and thin the shoots |\n\n## Common problems\n\n| Problem | Usual cause |\n|---|---|\n| Yellow leaves | Too little iron in chalky soil |\n",
    );
    let drafts = extract(&doc, "roses");
    let all: Vec<&str> = drafts.iter().map(|d| d.front.as_str()).collect();
    assert!(
        all.contains(&"In fungal diseases of roses, what is the usual treatment of black spot?"),
        "{all:#?}"
    );
    // "Common problems" is a kind of content, not a subject.
    assert!(
        all.iter()
            .any(|f| f.starts_with("In roses, what is the usual cause of yellow leaves")),
        "{all:#?}"
    );
}

#[test]
fn a_yes_or_no_answer_keeps_its_reason_and_not_every_sentence_after_it() {
    let doc = crate::compile::read::markdown::read(
        "# Garden\n\n## Watering\n\nWater roses at the roots.\n\n## Questions\n\n**Q: Can roses be watered at noon?**\nA: No. The leaves scorch in the sun. Water them in the evening. Use rainwater if you can.\n\n**Q: Should pots be fed in winter?**\nA: Usually not. The roots are resting until spring. Start again in March.\n\n**Q: Which tool cuts thick stems?**\nA: Answers A1. Loppers. A2. Secateurs.\n",
    );
    let drafts = extract(&doc, "garden");
    let cards = front_backs(&drafts);
    assert!(
        cards.contains(&(
            "In garden, can roses be watered at noon?",
            "No – the leaves scorch in the sun."
        )),
        "{cards:#?}"
    );
    assert!(
        cards.contains(&(
            "In garden, should pots be fed in winter?",
            "Usually not – the roots are resting until spring."
        )),
        "{cards:#?}"
    );
    // A quiz's key is no answer of the question before it.
    assert!(
        !cards.iter().any(|(_, b)| b.starts_with("Answers")),
        "{cards:#?}"
    );
}

#[test]
fn an_acronyms_definition_keeps_what_it_adds_to_the_long_form() {
    let doc = crate::compile::read::markdown::read(
        "# Garden clubs\n\nMany gardeners join a club to learn from others. The Royal Horticultural Society (RHS) and the National Gardens Scheme (NGS) both welcome new members.\n\n## Key terms\n\n- **RHS**: Royal Horticultural Society; the charity that runs the big flower shows and gives advice\n- **NGS**: National Gardens Scheme, taken from the yellow book\n",
    );
    let drafts = extract(&doc, "garden clubs");
    let cards: Vec<(CardKind, &str)> = drafts.iter().map(|d| (d.kind, d.back.as_str())).collect();
    assert!(
        cards.contains(&(
            CardKind::Definition,
            "The charity that runs the big flower shows and gives advice"
        )),
        "{cards:#?}"
    );
    // A fragment after the long form ("taken from …") is no definition of
    // its own: the back stays whole.
    assert!(
        !cards.iter().any(|(_, b)| b.starts_with("Taken")),
        "{cards:#?}"
    );
}

#[test]
fn letters_keyed_under_a_hyphenated_name_are_asked_as_that_name() {
    let doc = crate::compile::read::markdown::read(
        "# Digging\n\nDig beds in autumn.\n\n## The dig-me checks\n\n| Letter | Stands for | Question |\n|---|---|---|\n| D | Drainage | Does water pool after rain? |\n| I | Insects | Are there grubs in the soil? |\n| G | Grit | Is the soil stony? |\n| M | Moss | Is moss growing on the surface? |\n| E | Earthworms | Can you see worms? |\n",
    );
    let drafts = extract(&doc, "digging");
    let all: Vec<&str> = drafts.iter().map(|d| d.front.as_str()).collect();
    assert!(
        all.contains(&"In DIG-ME, what does G stand for?"),
        "{all:#?}"
    );
    assert!(!all.iter().any(|f| f.contains("the the")), "{all:#?}");
}

#[test]
fn a_column_saying_what_a_row_usually_means_asks_it_in_english() {
    let doc = crate::compile::read::markdown::read(
        "# Lawn care\n\nA lawn shows what it needs.\n\n| Sign | What it usually means |\n|---|---|\n| Curled leaf | The grass is short of water |\n| Pale patch | The soil lacks nitrogen |\n\n## After a dry summer\n\n| Physical | Chemical |\n|---|---|\n| Cracked soil | Low nitrogen |\n| Bare patches | Acid soil |\n| Hard surface | Salt build-up |\n",
    );
    let drafts = extract(&doc, "lawn care");
    let all: Vec<&str> = drafts.iter().map(|d| d.front.as_str()).collect();
    assert!(
        all.iter()
            .any(|f| f.ends_with("what does curled leaf usually mean?")),
        "{all:#?}"
    );
    // Two lists side by side: no row pairs one with the other.
    assert!(!all.iter().any(|f| f.contains("chemical")), "{all:#?}");
}

#[test]
fn table_rows_the_document_names_nowhere_else_are_not_asked_in_its_shorthand() {
    // A recipe's rows, a diary's days: "what is the amount of bone meal?",
    // "what is the weather of mon 3rd?".
    let md = "# Potting mix\n\nMix your own compost for pots.\n\n## Recipe\n\n| Ingredient | Amount | Adds about |\n|---|---|---|\n| Bone meal | 2 handfuls | Phosphate |\n| Grit | 1 bucket | Drainage |\n| Leaf mould | 3 buckets | Body |\n\n## Diary\n\n| Day | Weather | Job done |\n|---|---|---|\n| Mon 3rd | Rain | Sowed peas |\n| Thu 6th | Frost | Covered seedlings |\n";
    let drafts = sheet(md, "potting mix");
    let all = fronts(&drafts);
    assert!(
        !all.iter().any(|(_, f, _)| f.contains("amount of")
            || f.contains("adds about")
            || f.contains("mon 3rd")
            || f.contains("weather of")),
        "{all:#?}"
    );
    // A row the document names as a term is asked; so is a property any
    // row has (its treatment), and a verb column reads as a verb.
    let md = "# Roses\n\nRoses need care.\n\n- Black spot: a fungus that spots the leaves\n\n## Problems\n\n| Problem | Amount of damage | Usual treatment | Contains |\n|---|---|---|---|\n| Black spot | Leaves fall early | Remove fallen leaves | Spores that overwinter |\n| Leaf curl | Shoots twist | Cut off the curled shoots | Aphids under the leaves |\n";
    let drafts = sheet(md, "roses");
    let all = front_backs(&drafts);
    for (front, back) in [
        ("amount of damage of black spot?", "Leaves fall early"),
        ("usual treatment of leaf curl?", "Cut off the curled shoots"),
        ("what does leaf curl contain?", "Aphids under the leaves"),
    ] {
        assert!(
            all.iter().any(|(f, b)| f.ends_with(front) && *b == back),
            "{front}: {all:#?}"
        );
    }
    assert!(
        !all.iter()
            .any(|(f, _)| f.contains("amount of damage of leaf curl")),
        "{all:#?}"
    );
}

#[test]
fn a_box_of_the_page_is_no_term_to_define() {
    let drafts = guide(
        "Clay soils\n\nClay holds water and food.\n\nNote for clay soils: dig in grit before winter.\n\nQuestion for you: Sam's beds flood every spring.\n\nWorked answer: Sam raises the beds and adds grit.\n\nGood to know: worms open clay soil in time.\n\nRoses: extra facts: they like clay.\n\nOutcome at the spring check: the beds drained.\n\nExam favourite: name two roses that suit clay.\n\nLeaf mould: compost made only from fallen leaves.\n\nNo-dig method: a way of growing that adds compost on top and never turns the soil.\n",
        "clay soils",
    );
    let all: Vec<&str> = drafts.iter().map(|d| d.front.as_str()).collect();
    for label in [
        "note for",
        "question for",
        "worked answer",
        "good to know",
        "extra facts",
        "outcome at",
        "exam favourite",
    ] {
        assert!(
            !all.iter().any(|f| f.to_lowercase().contains(label)),
            "{label}: {all:#?}"
        );
    }
    // Terms are still defined, a hyphenated one whole.
    assert!(all.iter().any(|f| f.contains("leaf mould")), "{all:#?}");
    assert!(all.iter().any(|f| f.contains("no-dig method")), "{all:#?}");
}

#[test]
fn acronym_letters_take_the_purpose_their_line_gives_and_no_linking_phrase() {
    let drafts = sheet(
        "# Roses\n\nRoses need care.\n\n## The link with blight\n\nBlight spreads in wet weather.\n\n**Memory aid – the \"BLIGHT\" signs on roses:**\n\n- **B** – Brown spots on leaves\n- **L** – Leaves drop early\n- **I** – Inner stems darken\n- **G** – Grey mould on buds\n- **H** – Hips fail to form\n- **T** – Tips wilt\n\n## Feeding roses with SOIL\n\nFeed in spring.\n\n**Memory aid – \"SOIL\":**\n\n- **S** – Spread compost\n- **O** – Organic feed\n- **I** – In the morning\n- **L** – Little and often\n",
        "roses",
    );
    let acronyms = fronts_of(&drafts, CardKind::Acronym);
    assert!(
        acronyms.contains(&"In BLIGHT, what does B stand for?"),
        "{acronyms:#?}"
    );
    assert!(
        acronyms.contains(&"In SOIL (feeding roses), what does S stand for?"),
        "{acronyms:#?}"
    );
    // What follows the acronym in its line says what it is for.
    let drafts = guide(
        "Roses\n\nRoses need care.\n\nMemory aid: MULCH for healthy roots\n  M - Moist soil first\n  U - Use bark or compost\n  L - Leave a gap at the stem\n  C - Cover 5 cm deep\n  H - Hoe weeds out before\n",
        "roses",
    );
    let acronyms = fronts_of(&drafts, CardKind::Acronym);
    assert!(
        acronyms.contains(&"In MULCH (healthy roots), what does M stand for?"),
        "{acronyms:#?}"
    );
}

#[test]
fn codes_in_a_kind_column_hedges_and_three_sides_ask_nothing() {
    // "| Level | … |" over "| H1–H3 | … |": codes, not kinds; "What the
    // gardener may grow" hedges; three things side by side read a table
    // line aloud.
    let md = "# Hardiness\n\nPlants differ in hardiness.\n\n## Zones\n\n| Level | Lowest winter temperature | What the gardener may grow |\n|---|---|---|\n| H1–H3 | Above 1 °C | Tender plants under glass |\n| H4 | −10 °C | Most border plants |\n| H5–H7 | Below −15 °C | Alpines and hardy shrubs |\n\n## Covers\n\n| | Fleece | Cloche | Cold frame |\n|---|---|---|---|\n| Frost protection | 2 °C | 3 °C | 5 °C |\n| Cost | Low | Medium | High |\n\n## Feeds\n\n| | Pellets | Liquid feed |\n|---|---|---|\n| Speed | Slow | Fast |\n| Strength | Mild | Strong |\n| Best season | Spring | Summer |\n";
    let drafts = sheet(md, "hardiness");
    let all = fronts(&drafts);
    assert!(
        !all.iter().any(|(_, f, _)| f.contains("h4")
            || f.contains("H4")
            || f.contains("may grow")
            || f.contains("cold frame")),
        "{all:#?}"
    );
    // Two sides still make one contrast.
    assert!(
        all.iter()
            .any(|(_, f, _)| f.ends_with("how do pellets and liquid feed differ in strength?")),
        "{all:#?}"
    );
}

#[test]
fn a_comments_age_is_no_gap() {
    // (A comment's header run into its text.)
    let drafts = sheet(
        "# Roses\n\nRoses need pruning in February.\n\nRose Hub Tutor · 2 days ago @Sam_T That advice was common in the past, but current RHS guidance says there is no need to avoid them.\n",
        "roses",
    );
    assert!(
        drafts.iter().all(|d| !d.back.contains("days")),
        "{drafts:#?}"
    );
}
