//! SIPRI trade-register exports in both layouts SIPRI writes, read from fixtures written for
//! these tests in SIPRI's format (every deal invented), and a folder checked against one.

mod common;

use armsflow::gazetteer::Gazetteer;
use armsflow::model::{Category, ProblemKind, RegisterMark};
use armsflow::register::{Layout, RegisterError, parse_register, read_register};
use common::{fixture, run_armsflow};

fn gazetteer() -> Gazetteer {
    Gazetteer::builtin().expect("built-in gazetteer")
}

#[test]
fn a_deal_level_export_reads_with_its_flags_years_and_split_records() {
    let g = gazetteer();
    let r = read_register(&fixture("registers/deal-level.csv"), &g).expect("reads");
    assert_eq!(r.layout, Layout::DealLevel);
    assert_eq!(r.generated.as_deref(), Some("3 Feb 2026 9:15:00 AM"));
    assert_eq!(r.coverage, Default::default(), "all countries, all years");
    // 9 records, 3 of them with a party that has no code.
    assert_eq!(r.deals.len(), 6, "{:#?}", r.deals);

    let boats = &r.deals[0];
    assert_eq!(
        (boats.supplier_code.as_str(), boats.recipient_code.as_str()),
        ("NO", "CL")
    );
    assert_eq!(boats.order_year, Some(2021));
    assert!(boats.order_year_uncertain);
    assert_eq!(boats.delivery_years, vec![2022, 2023]);
    assert_eq!(boats.category, Some(Category::Ships));
    assert!(
        boats.comments.contains("Kärnä"),
        "Latin-1 decoded: {}",
        boats.comments
    );

    let drones = &r.deals[1];
    assert_eq!(
        (drones.ordered, drones.ordered_uncertain),
        (Some(500), true)
    );
    assert_eq!(
        (drones.delivered, drones.delivered_uncertain),
        (Some(450), true)
    );
    assert_eq!(drones.category, Some(Category::Drones));

    let rockets = &r.deals[2];
    assert_eq!(rockets.ordered, None, "not yet known");
    assert!(rockets.delivery_years.is_empty());

    // Records split by a stray CRLF and by a bare LF are joined again, nothing lost.
    let frigate = &r.deals[3];
    assert_eq!(frigate.designation, "Harbourmaster");
    assert_eq!(frigate.comments, "EUR1 b deal");
    assert_eq!(frigate.line, 16);
    let helicopters = &r.deals[4];
    assert_eq!(helicopters.supplier_code, "DD", "East Germany (GDR)");
    assert_eq!(helicopters.recipient_code, "SU");
    assert_eq!(helicopters.delivery_years, vec![1986, 1988]);
    assert_eq!(r.deals[5].recipient_code, "PE");
    assert!(
        !r.problems.iter().any(|p| p.kind == ProblemKind::Malformed),
        "{:?}",
        r.problems
    );

    // Rebels, organisations and unknown parties are listed, never guessed.
    let unmapped: Vec<&str> = r
        .problems
        .iter()
        .filter(|p| p.kind == ProblemKind::Unmapped)
        .map(|p| p.reason.as_str())
        .collect();
    assert_eq!(unmapped.len(), 3, "{unmapped:#?}");
    assert!(unmapped[0].contains("\"Houthi rebels (Yemen)*\" is a non-state actor"));
    assert!(unmapped[1].contains("\"United Nations**\" is an organisation"));
    assert!(unmapped[2].contains("\"unknown supplier(s)\" is an unknown party"));
}

#[test]
fn a_delivery_level_export_gathers_each_deals_years_and_knows_its_coverage() {
    let g = gazetteer();
    let r = read_register(&fixture("registers/delivery-level.csv"), &g).expect("reads");
    assert_eq!(r.layout, Layout::DeliveryLevel);
    assert_eq!(r.deals.len(), 3, "four rows, three deals");
    let air_defence = &r.deals[0];
    assert_eq!(air_defence.sipri_id, Some(91001));
    assert_eq!(air_defence.delivery_years, vec![2023, 2024]);
    assert_eq!(
        (air_defence.delivered, air_defence.delivered_uncertain),
        (Some(3), true)
    );
    assert_eq!(air_defence.category, Some(Category::AirDefence));
    assert!(r.deals[1].order_year_uncertain);
    let (recipients, name) = r.coverage.recipients.clone().expect("only Ukraine");
    assert_eq!(
        (recipients.into_iter().collect::<Vec<_>>(), name.as_str()),
        (vec!["UA".to_owned()], "Ukraine")
    );
    assert_eq!(r.coverage.years, Some((2000, 2024)));
}

#[test]
fn a_file_that_is_no_register_says_so() {
    let g = gazetteer();
    let err = parse_register(b"name,value\nA,1\n", "notes.csv", &g).expect_err("no header");
    assert!(matches!(err, RegisterError::NotARegister(_)));
    assert!(
        err.to_string()
            .contains("notes.csv is not a SIPRI trade-register export")
    );
    // A record with a field too many is left out with its line, the rest still read.
    let mut bytes = std::fs::read(fixture("registers/deal-level.csv")).expect("fixture");
    bytes.extend_from_slice(b"Peru,Spain,2012,,1,,X-1,tank,1,,2013,New,a,b,1,1,1\n");
    let r = parse_register(&bytes, "extra.csv", &g).expect("reads");
    assert_eq!(r.deals.len(), 6);
    assert!(
        r.problems
            .iter()
            .any(|p| p.kind == ProblemKind::Malformed
                && p.reason.starts_with("line 24 has 17 fields")),
        "{:?}",
        r.problems
    );
}

#[test]
fn extract_with_a_register_marks_every_transfer_and_lists_what_the_register_has_more() {
    let folder = fixture("register-check");
    let register = fixture("registers/deal-level.csv");
    let out = run_armsflow(&[
        "extract",
        folder.to_str().expect("path"),
        "--sipri",
        register.to_str().expect("path"),
    ]);
    let json: serde_json::Value = serde_json::from_slice(&out).expect("JSON");
    let marks: Vec<(String, String, String)> = json["transfers"]
        .as_array()
        .expect("transfers")
        .iter()
        .map(|t| {
            (
                format!(
                    "{}>{}",
                    t["supplier"]["code"].as_str().unwrap_or(""),
                    t["recipient"]["code"].as_str().unwrap_or("")
                ),
                t["register"]["mark"].as_str().unwrap_or("").to_owned(),
                t["register"]["deals"][0]["designation"]
                    .as_str()
                    .unwrap_or("")
                    .to_owned(),
            )
        })
        .collect();
    let mark = |pair: &str| {
        marks
            .iter()
            .find(|m| m.0 == pair)
            .unwrap_or_else(|| panic!("{pair} in {marks:?}"))
    };
    // The designation in the sentence finds the deal though the item is only "drones".
    assert_eq!(mark("IR>RU").1, RegisterMark::InRegister.as_str());
    assert_eq!(mark("IR>RU").2, "Gazelle-9");
    assert_eq!(mark("NO>CL").2, "Fjordhawk-2");
    // Shells are not recorded by SIPRI: not covered, not a "new finding".
    assert_eq!(mark("KP>RU").1, RegisterMark::NotCovered.as_str());
    // Tanks where the register has only a frigate: a candidate new finding, and the
    // frigate listed as what the register has more.
    assert_eq!(mark("DE>EG").1, RegisterMark::NotInRegister.as_str());
    let more = &json["register_summary"]["unreported"];
    assert_eq!(more[0]["supplier"], "DE");
    assert_eq!(more[0]["deals"][0]["designation"], "Harbourmaster");

    // The CSV ends with the register's columns.
    let csv = run_armsflow(&[
        "extract",
        folder.to_str().expect("path"),
        "--sipri",
        register.to_str().expect("path"),
        "--csv",
        "-",
    ]);
    let mut reader = csv::Reader::from_reader(csv.as_slice());
    let header = common::csv_header(&mut reader);
    let at = |name: &str| header.iter().position(|h| h == name).expect(name);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let drone_row = rows
        .iter()
        .find(|r| &r[at("supplier_code")] == "IR")
        .expect("drone row");
    assert_eq!(&drone_row[at("register")], "in-register");
    assert_eq!(&drone_row[at("register_designation")], "Gazelle-9");
    assert_eq!(&drone_row[at("register_ordered")], "500?");
    assert_eq!(
        &drone_row[at("register_delivery_years")],
        "2022; 2023; 2024"
    );
}

#[test]
fn a_cut_off_row_never_swallows_the_good_row_after_it() {
    let g = gazetteer();
    let mut bytes = std::fs::read(fixture("registers/deal-level.csv")).expect("fixture");
    bytes.extend_from_slice(b"Peru,Spain,2012,,1\n");
    bytes.extend_from_slice(b"Peru,Spain,2014,,2,,Toro-4,FGA aircraft,2,,2015,New,,1,1,1\n");
    let r = parse_register(&bytes, "cut.csv", &g).expect("reads");
    assert!(
        r.deals.iter().any(|d| d.designation == "Toro-4"),
        "the good row is read"
    );
    assert!(
        r.problems
            .iter()
            .any(|p| p.kind == ProblemKind::Malformed
                && p.reason.starts_with("line 24 has 5 fields")),
        "{:?}",
        r.problems
    );
}

#[test]
fn delivery_rows_keep_unknown_numbers_unknown_and_count_a_left_out_deal_once() {
    let g = gazetteer();
    let header = "SIPRI AT Database ID,Supplier,Recipient,Designation,Description,Armament category,Order date,Order date is estimate,Numbers delivered,Numbers delivered is estimate,Delivery year,Delivery year is estimate,Status,SIPRI estimate,TIV deal unit,TIV delivery values,Local production";
    let text = format!(
        "Transfers of major conventional arms from All countries  to All countries . Deals with deliveries made for the year range '2000' to '2024' \nData generated: 1 Jan 2026\n{header}\n\
         5,Poland,Ukraine,Wisla-2,light helicopter,Aircraft,2022,No,,No,2022,No,New,1,1,1,No\n\
         5,Poland,Ukraine,Wisla-2,light helicopter,Aircraft,2022,No,,No,2023,No,New,1,1,1,No\n\
         6,Poland,Ukraine Rebels*,Wisla-3,light helicopter,Aircraft,2022,No,3,No,2022,No,New,1,1,1,No\n\
         6,Poland,Ukraine Rebels*,Wisla-3,light helicopter,Aircraft,2022,No,3,No,2023,No,New,1,1,1,No\n"
    );
    let r = parse_register(text.as_bytes(), "d.csv", &g).expect("reads");
    assert_eq!(r.deals.len(), 1);
    assert_eq!(r.deals[0].delivered, None, "two blank numbers are not 0");
    assert_eq!(r.deals[0].delivery_years, vec![2022, 2023]);
    let note = &r.problems[0].reason;
    assert!(note.contains("its 1 deal is left out"), "{note}");
}

#[test]
fn blocs_years_and_names_in_sentences_are_judged_strictly() {
    use armsflow::model::Category;
    use armsflow::register::Query;
    let g = gazetteer();
    let r = read_register(&fixture("registers/delivery-level.csv"), &g).expect("reads");
    let query = |supplier: &'static str, category, items, sentences, years| Query {
        supplier,
        recipient: "UA",
        category,
        items,
        sentences,
        years: Some(years),
    };
    // The EU is no party of this register: its member states' deals are.
    let eu = r.check(&query(
        "EU",
        Category::Missiles,
        vec!["missiles"],
        vec![],
        (2023, 2023),
    ));
    assert_eq!(eu.mark, RegisterMark::NotCovered, "{}", eu.why);
    // The export was made for 2000-2024: a 2025 report is outside it, slack or not.
    let late = r.check(&query(
        "US",
        Category::AirDefence,
        vec!["air defence"],
        vec![],
        (2025, 2025),
    ));
    assert_eq!(late.mark, RegisterMark::NotCovered, "{}", late.why);
    // A tank deal named in passing does not confirm a report of patrol boats.
    let passing = r.check(&query(
        "DE",
        Category::Ships,
        vec!["patrol boats"],
        vec!["Germany, which sent Keiler-7 tanks, will deliver patrol boats."],
        (2023, 2023),
    ));
    assert_eq!(passing.mark, RegisterMark::NotInRegister, "{}", passing.why);
    // The same name in the goods is the deal.
    let named = r.check(&query(
        "DE",
        Category::ArmouredVehicles,
        vec!["Keiler-7 tanks"],
        vec![],
        (2023, 2023),
    ));
    assert_eq!(named.mark, RegisterMark::InRegister);
    assert_eq!(named.deals[0].designation, "Keiler-7");
}
