//! Table-driven tests of the extraction rules, over sentences written for these tests.

use armsflow::corpus::Article;
use armsflow::dataset::{Qualifier, Quantity, Report, Status};
use armsflow::extract::Extractor;

fn extract(text: &str) -> Vec<Report> {
    let extractor = Extractor::builtin().expect("built-in data loads");
    let article = Article {
        id: "a1".into(),
        path: "test.txt".into(),
        title: String::new(),
        outlet: None,
        published: None,
        published_source: None,
        title_source: None,
        outlet_source: None,
        author: None,
        date: None,
        encoding: "utf-8".into(),
        text: text.into(),
        stamp: None,
    };
    extractor.extract(&article)
}

fn pairs(text: &str) -> Vec<String> {
    let mut out: Vec<String> = extract(text)
        .iter()
        .map(|t| format!("{}->{}", t.supplier.code, t.recipient.code))
        .collect();
    out.sort();
    out
}

#[test]
fn direction_rules() {
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "give frame",
            "Norway will send 20 howitzers to Ukraine.",
            &["NO->UA"],
        ),
        (
            "give with indirect object",
            "Spain agreed to supply Morocco with patrol boats.",
            &["ES->MA"],
        ),
        (
            "get frame with from",
            "Venezuela bought fighter jets from Belarus last year.",
            &["BY->VE"],
        ),
        (
            "capital as party",
            "Caracas is buying drones from Tehran.",
            &["IR->VE"],
        ),
        (
            "buyback: asked X to return",
            "Russian officials asked the Peruvian government to return 12 helicopter engines.",
            &["PE->RU"],
        ),
        (
            "origin compound in a purchase",
            "Sudan recently purchased Turkish-made drones.",
            &["TR->SD"],
        ),
        (
            "passive purchase by the buyer",
            "Iranian-made drones bought by Moscow were used in the attack.",
            &["IR->RU"],
        ),
        (
            "passive supply by the supplier",
            "Jets supplied by Poland to Ukraine arrived on Friday.",
            &["PL->UA"],
        ),
        (
            "list of demonyms",
            "Moscow contacted Serbian, Kazakh and Armenian officials to buy back tanks.",
            &["AM->RU", "KZ->RU", "RS->RU"],
        ),
        (
            "list of names",
            "Washington and London pledged more ammunition to Ukraine.",
            &["GB->UA", "US->UA"],
        ),
        (
            "holder of goods sold long ago supplies now",
            "Russia asked for engines it sold to Peru.",
            &["PE->RU"],
        ),
        (
            "supply from a third country",
            "Soviet-made BMP-1 vehicles will head to Ukraine from Greece.",
            &["GR->UA"],
        ),
        (
            "firm counts as its country",
            "Uralvagonzavod imported tank sights from the Myanmar army.",
            &["MM->RU"],
        ),
        (
            "ministry counts as its country",
            "A Russian missile maker purchased night-vision components from the Indian defence ministry.",
            &["IN->RU"],
        ),
        (
            "place phrase is not a party",
            "The Kremlin is purchasing rockets from Pyongyang for use in Ukraine.",
            &["KP->RU"],
        ),
        (
            "speaker is not a party",
            "Russia is buying shells from North Korea, US officials said.",
            &["KP->RU"],
        ),
        (
            "a person named Jordan is not Jordan",
            "Michael Jordan said Egypt sent rifles to Libya.",
            &["EG->LY"],
        ),
        (
            "money package",
            "Japan pledged $500 million in military aid to Ukraine.",
            &["JP->UA"],
        ),
        (
            "noun frame with possessive",
            "Germany's delivery of Patriot systems to Ukraine was announced.",
            &["DE->UA"],
        ),
        (
            "use of foreign weapons",
            "Kyiv may use British missiles against targets in Crimea.",
            &["GB->UA"],
        ),
    ];
    for (name, text, want) in cases {
        assert_eq!(&pairs(text), want, "{name}: {text}");
    }
}

#[test]
fn non_transfers() {
    let cases: &[(&str, &str)] = &[
        (
            "capture",
            "Ukrainian troops captured Russian tanks near Kharkiv.",
        ),
        (
            "production",
            "Russia ramped up domestic production of artillery shells.",
        ),
        (
            "export ban",
            "China restricted exports of drones to Russia.",
        ),
        ("ties", "Egypt has maintained arms trade ties with Russia."),
        ("deployment", "Russia deployed nuclear weapons in Belarus."),
        ("attack", "Russia fired cruise missiles at Kyiv overnight."),
        (
            "sanctions",
            "The EU imposed sanctions on Iranian drone makers.",
        ),
        (
            "lower-case words",
            "The china clay and the turkey were sent to us.",
        ),
        (
            "trade rules",
            "The United States asked Japan to end farm import controls.",
        ),
        (
            "a request for no goods",
            "Washington asked Tokyo to reconsider its position.",
        ),
    ];
    for (name, text) in cases {
        assert_eq!(pairs(text), Vec::<String>::new(), "{name}: {text}");
    }
}

#[test]
fn quantities_values_and_statuses() {
    let q = |value, qualifier| Some(Quantity { value, qualifier });
    let cases: &[(&str, Option<Quantity>, Option<u64>, Status)] = &[
        (
            "Egypt agreed to return 150 helicopter engines to Russia.",
            q(150, Qualifier::Exact),
            None,
            Status::Agreed,
        ),
        (
            "Russia asked Egypt to return more than 100 engines.",
            q(100, Qualifier::MoreThan),
            None,
            Status::Requested,
        ),
        (
            "Uralvagonzavod imported $24 million worth of products from the Myanmar army.",
            None,
            Some(24_000_000),
            Status::Delivered,
        ),
        (
            "The Czech initiative will begin supplying Ukraine with some 300,000 rounds.",
            q(300_000, Qualifier::About),
            None,
            Status::Planned,
        ),
        (
            "Germany will not provide battle tanks to Ukraine.",
            None,
            None,
            Status::Refused,
        ),
        (
            "A secret deal to send Russia 40,000 rockets from Egypt was scuppered.",
            q(40_000, Qualifier::Exact),
            None,
            Status::Cancelled,
        ),
    ];
    for (text, quantity, value, status) in cases {
        let found = extract(text);
        let t = found
            .first()
            .unwrap_or_else(|| panic!("no transfer in {text:?}"));
        assert_eq!(
            (t.quantity, t.value_usd, t.status),
            (*quantity, *value, *status),
            "{text}"
        );
    }
}

#[test]
fn distributive_quantities() {
    let found = extract(
        "Russia asked for three engines it sold to Peru, seven from Angola and 9 from Algeria.",
    );
    let mut got: Vec<(String, u64)> = found
        .iter()
        .map(|t| (t.supplier.code.clone(), t.quantity.map_or(0, |q| q.value)))
        .collect();
    got.sort();
    assert_eq!(
        got,
        vec![("AO".into(), 7), ("DZ".into(), 9), ("PE".into(), 3)]
    );
}

#[test]
fn later_sentences_fill_and_update() {
    let text = "Moscow wants its engines back\n\nRussia asked Angola, Algeria and Peru to return helicopter engines.\n\nPeru denied being approached. Algeria refused.\n\nAngola agreed to return 40 engines.";
    let found = extract(text);
    let status_of = |code: &str| {
        found
            .iter()
            .find(|t| t.supplier.code == code)
            .map(|t| t.status)
    };
    assert_eq!(status_of("PE"), Some(Status::Denied));
    assert_eq!(status_of("DZ"), Some(Status::Refused));
    assert_eq!(
        status_of("AO"),
        Some(Status::Agreed),
        "a later agreement moves the status on"
    );
    let angola = found
        .iter()
        .find(|t| t.supplier.code == "AO")
        .expect("Angola transfer");
    assert_eq!(angola.recipient.code, "RU");
    assert_eq!(
        angola.evidence.len(),
        2,
        "the agreement sentence is evidence too"
    );
    for t in &found {
        for e in &t.evidence {
            assert_eq!(&text[e.start..e.end], e.sentence);
        }
    }
}

#[test]
fn attribution_is_kept() {
    let found = extract("Russia is buying shells from North Korea, US officials said.");
    assert_eq!(found[0].attribution.as_deref(), Some("US officials"));
    let found = extract("According to the Daily Planet, Iran sold drones to Russia.");
    assert_eq!(found[0].attribution.as_deref(), Some("the Daily Planet"));
}
