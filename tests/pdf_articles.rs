//! PDFs in a folder (issue 18): the text layer in reading order with exact evidence spans;
//! scanned, encrypted, damaged and hostile PDFs listed with their reason.

use armsflow::corpus::{ProblemKind, article_from_bytes};

mod common;

use common::pdf::{encrypted, text_pdf};

/// Three pages of an invented report: a running header and page numbers on each, a word
/// hyphenated across two lines, paragraphs apart by an empty line.
fn report() -> Vec<u8> {
    text_pdf(
        &[
            vec![
                "Harbour Security Review",
                "Norway sent twelve howitzers to Chile in May, the",
                "defence ministry said in a statement on Tuesday.",
                "",
                "The guns were shipped from the northern port under an agree-",
                "ment signed last year.",
                "1",
            ],
            vec![
                "Harbour Security Review",
                "Officials said a second batch could follow next year if",
                "parliament approves the money.",
                "2",
            ],
            vec![
                "Harbour Security Review",
                "Neither side gave the price of the guns.",
                "3",
            ],
        ],
        Some("Norway ships howitzers to Chile"),
        Some("D:20230516093000+02'00'"),
    )
}

#[test]
fn a_pdf_reads_as_paragraphs_without_running_headers_or_page_numbers() {
    let article = article_from_bytes("report.pdf", &report()).expect("the PDF reads");
    assert_eq!(article.title, "Norway ships howitzers to Chile");
    assert_eq!(article.published.as_deref(), Some("2023-05-16"));
    let text = &*article.text;
    assert!(
        text.starts_with("Norway ships howitzers to Chile\n\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "Norway sent twelve howitzers to Chile in May, the defence ministry said in a \
             statement on Tuesday."
        ),
        "{text}"
    );
    assert!(
        text.contains("under an agreement signed last year."),
        "{text}"
    );
    assert!(!text.contains("Harbour Security Review"), "{text}");
    assert!(!text.lines().any(|l| l.trim() == "2"), "{text}");
}

#[test]
fn a_pdfs_evidence_spans_quote_its_text_exactly() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("report.pdf"), report()).expect("written");
    let dataset = common::build(dir.path());
    let article = &dataset.articles[0];
    let transfer = dataset
        .transfers
        .iter()
        .find(|t| t.supplier.code == "NO" && t.recipient.code == "CL")
        .unwrap_or_else(|| panic!("Norway -> Chile found: {:?}", dataset.transfers));
    let sentence = "Norway sent twelve howitzers to Chile in May, the defence ministry said in a \
                    statement on Tuesday.";
    let quoted: Vec<&str> = transfer
        .reports
        .iter()
        .flat_map(|r| &r.evidence)
        .map(|span| &article.text[span.start..span.end])
        .collect();
    assert!(quoted.contains(&sentence), "{quoted:?}");
}

#[test]
fn a_scanned_an_encrypted_and_a_damaged_pdf_are_problems_with_their_reason() {
    let scanned = text_pdf(&[vec![], vec![]], Some("Scan"), None);
    let cases: [(&str, Vec<u8>, &str); 3] = [
        ("scan.pdf", scanned, "no text layer (scanned?)"),
        ("locked.pdf", encrypted(&report()), "encrypted PDF"),
        ("cut.pdf", report()[..200].to_vec(), "PDF"),
    ];
    for (name, bytes, reason) in cases {
        let problem = article_from_bytes(name, &bytes).expect_err(name);
        assert_eq!(problem.kind, ProblemKind::Malformed, "{name}: {problem}");
        assert!(
            problem.reason.contains(reason),
            "{name}: {}",
            problem.reason
        );
    }
}

#[test]
fn a_pdf_nested_without_end_is_refused_before_parsing() {
    let mut bytes = b"%PDF-1.5\n1 0 obj\n".to_vec();
    bytes.extend(std::iter::repeat_n(b'[', 100_000));
    bytes.extend(std::iter::repeat_n(b']', 100_000));
    bytes.extend(b"\nendobj\n%%EOF\n");
    let problem = article_from_bytes("deep.pdf", &bytes).expect_err("refused");
    assert!(problem.reason.contains("nested"), "{}", problem.reason);
}
