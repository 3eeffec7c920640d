//! The review file (issue 17's foundation): a decision survives a reload and a restart,
//! finds its report again when ids and order change, follows a sentence re-wrapped over
//! other lines, and is listed as orphaned, with its content, when its sentence is gone.

mod common;

use armsflow::corpus::ProblemKind;
use armsflow::dataset::{Dataset, REVIEW_FILE, Review};
use armsflow::model::{Decision, ReportKey, ReviewState, Verdict};

/// A decision about report `r` of transfer `t` of `d`.
fn decision(d: &Dataset, t: usize, r: usize, verdict: Verdict) -> Decision {
    let report = &d.transfers[t].reports[r];
    let path = &d.article(&report.article).expect("article").path;
    Decision {
        key: ReportKey::of(report, path).expect("key"),
        verdict,
        note: Some("checked against the sentence".into()),
        sentence: report.evidence[0].sentence.clone(),
    }
}

fn states(d: &Dataset, review: &Review) -> Vec<(String, ReviewState)> {
    let matched = review.matched(d);
    let mut out = Vec::new();
    for (t, transfer) in d.transfers.iter().enumerate() {
        for (r, report) in transfer.reports.iter().enumerate() {
            let label = format!(
                "{} → {} {}",
                report.supplier.code, report.recipient.code, report.evidence[0].sentence
            );
            out.push((label, matched.state(t, r)));
        }
    }
    out.sort();
    out
}

#[test]
fn decisions_survive_a_reload_a_restart_and_a_new_order() {
    let dir = common::fixture_copy("same-deal");
    let d = common::build(dir.path());
    let mut review = Review::default();
    review.decide(decision(&d, 0, 0, Verdict::Accept));
    review.decide(decision(
        &d,
        1,
        0,
        Verdict::Reject {
            reason: Some("a complaint, not a delivery".into()),
        },
    ));
    assert_eq!(review.save(dir.path()).expect("saved"), None);
    let before = states(&d, &review);
    assert_eq!(
        before
            .iter()
            .filter(|(_, s)| *s != ReviewState::Machine)
            .count(),
        2
    );

    // Reload and restart: a fresh load, the file read back.
    let again = common::build(dir.path());
    let read = Review::load(dir.path()).expect("read back");
    assert_eq!(read, review);
    assert_eq!(states(&again, &read), before);

    // Another extractor run that orders transfers and reports differently still finds them.
    let mut shuffled = again.clone();
    shuffled.transfers.reverse();
    for t in &mut shuffled.transfers {
        t.reports.reverse();
    }
    assert_eq!(states(&shuffled, &read), before);
    assert!(read.matched(&shuffled).orphans.is_empty());
}

#[test]
fn an_edited_sentence_orphans_its_decision_and_a_rewrapped_one_does_not() {
    let dir = common::fixture_copy("same-deal");
    let d = common::build(dir.path());
    let mut review = Review::default();
    let accepted = decision(&d, 0, 0, Verdict::Accept);
    let article = d
        .article(&d.transfers[0].reports[0].article)
        .expect("article")
        .path
        .clone();
    let sentence = accepted.sentence.clone();
    review.decide(accepted);
    review.save(dir.path()).expect("saved");
    let file = dir.path().join(&article);
    let text = std::fs::read_to_string(&file).expect("read");

    // Re-wrapped over two lines: the same sentence, the same decision.
    let (head, tail) = sentence.split_at(sentence.find(' ').expect("a space"));
    let rewrapped = text.replace(&sentence, &format!("{head}\n{}", tail.trim_start()));
    std::fs::write(&file, rewrapped).expect("write");
    let d = common::build(dir.path());
    let matched = review.matched(&d);
    assert!(matched.orphans.is_empty(), "{:?}", matched.orphans);

    // The sentence edited: the decision is orphaned and listed with its content.
    let edited = text.replace(&sentence, &sentence.replacen(' ', " reportedly ", 1));
    std::fs::write(&file, edited).expect("write");
    let d = common::build(dir.path());
    let matched = review.matched(&d);
    assert_eq!(matched.orphans.len(), 1);
    let problems = matched.orphan_problems();
    assert_eq!(problems[0].path, REVIEW_FILE);
    assert_eq!(problems[0].kind, ProblemKind::Unreadable);
    assert!(
        problems[0].reason.contains(&sentence),
        "{}",
        problems[0].reason
    );
    assert!(problems[0].reason.contains("orphaned decision"));
    // Kept in the file, never dropped.
    assert_eq!(Review::load(dir.path()).expect("read").decisions.len(), 1);
}

#[test]
fn a_later_decision_replaces_an_earlier_one_and_can_be_taken_back() {
    let dir = common::fixture_copy("same-deal");
    let d = common::build(dir.path());
    let mut review = Review::default();
    review.decide(decision(&d, 0, 0, Verdict::Accept));
    let rejected = decision(&d, 0, 0, Verdict::Reject { reason: None });
    let key = rejected.key.clone();
    review.decide(rejected);
    assert_eq!(review.decisions.len(), 1);
    assert_eq!(review.matched(&d).state(0, 0), ReviewState::Rejected);
    assert!(review.undecide(&key).is_some());
    assert_eq!(review.matched(&d).state(0, 0), ReviewState::Machine);
}
