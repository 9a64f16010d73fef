//! The review's key-press path on a 100,000-card collection: record the
//! answer in the store (one transaction), update the session, take the next
//! card, preview its grades for the key labels and lay out its screen.
//! Also the store's own `next_card` (what `srs next` does) after an answer.
//!
//! The collection is a temporary file in WAL mode, as a learner's would be,
//! studied day after day under the default limits (20 new cards and 200
//! reviews a day): when a day's queue is done, the next day's is loaded
//! (untimed), so the review log grows as it would with daily use.
//!
//! Run with `cargo bench --bench review`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use scheduler::{Day, Quality};
use srs::deck::{Card, CardKind, Deck};
use srs::review::render::{self, Scale};
use srs::review::screen::{self, CardView, Progress};
use srs::review::{Session, SessionOptions};
use srs::store::{CardFilter, Limits, Store};

const CARDS: usize = 100_000;

/// The default daily limits.
const LIMITS: Limits = Limits {
    new_per_day: 20,
    reviews_per_day: 200,
};

fn collection(dir: &std::path::Path) -> Store {
    let mut store = Store::open(&dir.join("bench.db")).expect("open");
    let deck = Deck {
        name: "Bench".into(),
        description: String::new(),
        cards: (0..CARDS)
            .map(|i| {
                let mut card = Card::new(
                    format!("card-{i:06}"),
                    CardKind::Basic,
                    format!("What does term number {i} mean in partnership working?"),
                    format!("It means the shared practice number {i}, agreed by every partner."),
                );
                card.tags = vec![format!("topic::{}", i % 50)];
                card
            })
            .collect(),
        extra: Default::default(),
    };
    store.import_deck(&deck, 0).expect("import");
    store
}

/// Mostly good, one answer in seven a failure (which brings a re-drill).
fn grade(n: i64) -> Quality {
    if n % 7000 == 0 {
        Quality::AGAIN
    } else {
        Quality::GOOD
    }
}

/// Today's session, as `srs review` loads it.
fn session(store: &Store, today: Day) -> Session {
    let cards = store
        .upcoming(today, LIMITS, &CardFilter::default(), 10_000)
        .expect("queue");
    Session::new(cards, today, SessionOptions::default(), 0)
}

fn answer_and_next(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = collection(dir.path());
    let mut today = Day::new(20_454);
    let mut session = session(&store, today);
    let mut now_ms = 0i64;
    let mut group = c.benchmark_group("review");
    group.measurement_time(Duration::from_secs(8));

    group.bench_function("answer_and_show_next_100k", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                while session.current().is_none() {
                    // The day's queue is done: on to the next day. Not timed.
                    today = today.plus(1);
                    session = self::session(&store, today);
                }
                let id = session.current().expect("a card").card.id.clone();
                now_ms += 1000;
                let quality = grade(now_ms);
                let start = Instant::now();
                let recorded = store
                    .answer(&id, quality, today, now_ms, LIMITS, 8)
                    .expect("answer");
                session.record(&recorded, quality);
                if let Some(card) = session.current() {
                    let preview = scheduler::preview(&card.state, today);
                    let labels = render::grade_labels(Scale::Four, &preview, today);
                    let view = CardView {
                        card,
                        revealed: false,
                        picked: &[],
                        labels: &labels,
                        progress: Progress {
                            done: session.answered(),
                            expected_left: session.expected_left(),
                            left: session.remaining(),
                        },
                        notice: None,
                    };
                    black_box(screen::compose(&view, 100, 30));
                }
                total += start.elapsed();
            }
            total
        });
    });

    group.bench_function("answer_and_store_next_card_100k", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let next = store
                    .next_card(today, LIMITS, &CardFilter::default())
                    .expect("next");
                let card = match next {
                    Some(card) => card,
                    None => {
                        today = today.plus(1);
                        store
                            .next_card(today, LIMITS, &CardFilter::default())
                            .expect("next")
                            .expect("a card on the next day")
                    }
                };
                now_ms += 1000;
                let start = Instant::now();
                store
                    .answer(&card.card.id, grade(now_ms), today, now_ms, LIMITS, 8)
                    .expect("answer");
                black_box(
                    store
                        .next_card(today, LIMITS, &CardFilter::default())
                        .expect("next"),
                );
                total += start.elapsed();
            }
            total
        });
    });
    group.finish();
}

criterion_group!(benches, answer_and_next);
criterion_main!(benches);
