//! The general patterns behind the extractor's errors on unseen text (see the README's
//! Extraction section), each as a table of sentences written for these tests. Countries are
//! placeholders; no sentence comes from a development text.

use armsflow::corpus::Article;
use armsflow::dataset::{Category, Report, Status};
use armsflow::extract::Extractor;
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<Extractor> =
    LazyLock::new(|| Extractor::builtin().expect("built-in data loads"));

fn extract_dated(text: &str, published: Option<&str>) -> Vec<Report> {
    let article = Article {
        id: "a1".into(),
        path: "test.txt".into(),
        title: String::new(),
        outlet: None,
        published: published.map(str::to_owned),
        published_source: None,
        title_source: None,
        outlet_source: None,
        author: None,
        date: None,
        encoding: "utf-8".into(),
        text: text.into(),
        stamp: None,
    };
    EXTRACTOR.extract(&article)
}

fn pairs_dated(text: &str, published: Option<&str>) -> Vec<String> {
    let mut out: Vec<String> = extract_dated(text, published)
        .iter()
        .map(|t| format!("{}->{}", t.supplier.code, t.recipient.code))
        .collect();
    out.sort();
    out
}

fn pairs(text: &str) -> Vec<String> {
    pairs_dated(text, Some("2023-05-01"))
}

/// The status of the first report in `text`, dated 2023.
fn status_of(text: &str) -> Option<Status> {
    extract_dated(text, Some("2023-05-01"))
        .first()
        .map(|r| r.status)
}

fn check(cases: &[(&str, &str, &[&str])]) {
    for (name, text, want) in cases {
        assert_eq!(&pairs(text), want, "{name}: {text:?}");
    }
}

#[test]
fn inflected_forms_of_listed_base_forms() {
    check(&[
        (
            "third person of a listed verb",
            "Chile donates 12 patrol boats to Peru.",
            &["CL->PE"],
        ),
        (
            "past of a listed verb",
            "Peru airlifted medical supplies to Bolivia on Monday.",
            &["PE->BO"],
        ),
        (
            "singular of a listed item",
            "Canada sold a helicopter to Peru.",
            &["CA->PE"],
        ),
        (
            "plural of a listed commodity",
            "Argentina shipped 40,000 tonnes of soybeans to Egypt.",
            &["AR->EG"],
        ),
    ]);
}

#[test]
fn words_that_look_like_transfer_words() {
    check(&[
        (
            "an adjective participle",
            "Chile's armed forces held drills near Peru with rifles.",
            &[],
        ),
        (
            "goods in a list, not a verb",
            "Peru has massed tanks, artillery, ships and aircraft near Chile's border.",
            &[],
        ),
        (
            "a plural noun with no object",
            "Chile struggles to turn aid to Peru into diplomatic returns.",
            &[],
        ),
        (
            "a gerund after a possessive",
            "Canada is unsure how to meet Peru's financing need with loans.",
            &[],
        ),
    ]);
}

#[test]
fn headline_grammar() {
    check(&[
        (
            "indirect object before the goods",
            "Canada will give Peru rocket systems with a long range",
            &["CA->PE"],
        ),
        (
            "quoted words inside the clause",
            "Chile to provide \"urgent air defence\" to Peru",
            &["CL->PE"],
        ),
        (
            "recipient named by a purpose clause",
            "Canada will send $40 million in military aid to support Peru",
            &["CA->PE"],
        ),
        (
            "recipient as the package's modifier",
            "Canada provides more rifles in $50 million Peru aid package",
            &["CA->PE"],
        ),
        (
            "arrive frame",
            "Rifles from Canada arrive in Peru",
            &["CA->PE"],
        ),
        (
            "a speaker's own pronoun is the supplier",
            "Canada says it will give seized Chilean aircraft to Peru",
            &["CA->PE"],
        ),
        (
            "a permission's holder is the supplier",
            "Chile grants permission to Argentina to export old jets to Peru",
            &["AR->PE"],
        ),
    ]);
}

#[test]
fn status_from_modality() {
    assert_eq!(
        status_of("Canada is considering sending howitzers to Peru."),
        Some(Status::Unknown)
    );
    assert_eq!(
        status_of("Canada may send howitzers to Peru."),
        Some(Status::Unknown)
    );
    assert_eq!(
        status_of("Chile halts gas supplies to Peru."),
        Some(Status::Cancelled)
    );
    assert_eq!(
        status_of("Canada signs deal to sell radars to Peru"),
        Some(Status::Agreed)
    );
    // Headline infinitives are plans.
    assert_eq!(
        status_of("Canada to supply Peru with six howitzers"),
        Some(Status::Planned)
    );
    assert_eq!(
        status_of("Chile is leaning toward sending rifles to Peru."),
        Some(Status::Unknown)
    );
    assert_eq!(
        status_of("Chile rejects a request to export tanks to Peru"),
        Some(Status::Refused)
    );
    // A credit line given is agreed; the money moves later.
    assert_eq!(
        status_of("Spain gave Peru a 20 million dollar credit line."),
        Some(Status::Agreed)
    );
}

#[test]
fn names_read_in_the_article_era() {
    let text = "Moscow sold 30,000 tonnes of wheat to Cuba.";
    assert_eq!(pairs_dated(text, Some("1985-02-01")), ["SU->CU"]);
    assert_eq!(pairs_dated(text, Some("2021-02-01")), ["RU->CU"]);
    let text = "The Soviet Union shipped tanks to Syria.";
    assert_eq!(pairs_dated(text, Some("1979-01-01")), ["SU->SY"]);
    // A state that no longer exists is history in a recent article.
    assert!(pairs_dated(text, Some("2022-01-01")).is_empty());
    assert!(pairs_dated(text, None).is_empty());
    // A leader stands for a country only while in office.
    let text = "Reagan agreed to sell radars to Egypt.";
    assert_eq!(pairs_dated(text, Some("1986-06-01")), ["US->EG"]);
    assert!(pairs_dated(text, Some("2006-06-01")).is_empty());
}

#[test]
fn context_fills_a_side_only_with_the_topic() {
    // The headline names Peru: the recipient left open is Peru.
    let text = "Peru turns to Brazil for rockets\n\nSome 300 rockets will be bought from Brazil, Lima says.";
    assert!(pairs(text).contains(&"BR->PE".to_owned()));
    // A country named in passing is not the topic and fills nothing.
    let text = "Markets calm\n\nChile welcomed the talks. Officials said the pledge to buy more Argentine wheat was vague.";
    assert!(pairs(text).is_empty(), "{:?}", pairs(text));
}

#[test]
fn what_is_not_a_transfer_or_not_this_pair() {
    check(&[
        (
            "a request that may come",
            "Chile will consider training Peruvian pilots on jets if asked.",
            &[],
        ),
        (
            "captured goods have no supplier of theirs",
            "Peru has been capturing some Chilean-made rifles and sending them to Bolivia.",
            &["PE->BO"],
        ),
        (
            "the asker's own goods",
            "Peru asks Chile to help with repairs of Peruvian tanks.",
            &[],
        ),
        (
            "a request noun's addressee supplies",
            "Peru repeats its fighter jet request to Brazil.",
            &["BR->PE"],
        ),
        (
            "the pronoun, not the named party, exports",
            "Canada signals it won't block them from exporting jets to Peru.",
            &[],
        ),
        (
            "the 'to' party receives, not the 'for' one",
            "Chile transfers funds once meant for Bolivia to Peru.",
            &["CL->PE"],
        ),
        (
            "a second verb starts a new clause",
            "Peru asks for more rifles and urges talks in Chile.",
            &[],
        ),
        (
            "goods that are a topic",
            "Chile will give Peru advance notice about missile tests.",
            &[],
        ),
        (
            "a deployment for exercises",
            "Chile sent two jets to Peru to join military exercises.",
            &[],
        ),
        (
            "a list of goods",
            "Peruvian officials delivered to Chile a list of military equipment they need.",
            &[],
        ),
        (
            "market share is a statistic",
            "Chile is taking more Peruvian market share with copper exports to China.",
            &[],
        ),
        (
            "a participle in a list of goods does not end the clause",
            "Canada, seeking to sell jets and supporting services to Peru, hired a firm.",
            &["CA->PE"],
        ),
    ]);
}

#[test]
fn qualifiers_are_not_topics() {
    check(&[
        (
            "about before a number",
            "Chile agreed to sell about 30 howitzers to Peru.",
            &["CL->PE"],
        ),
        (
            "over before a number",
            "Canada sent over 100 rifles to Peru.",
            &["CA->PE"],
        ),
    ]);
}

#[test]
fn names_and_nouns_that_contain_transfer_words() {
    check(&[
        (
            "a title in running text",
            "Peru is seeking credit from Chile, Deputy Finance Minister Ana Ruiz said.",
            &["CL->PE"],
        ),
        (
            "a verb form after an article is a noun",
            "Peru wants a loan of 600 million soles for roads, its minister said.",
            &[],
        ),
        (
            "a capital after an abbreviation starts a phrase",
            "U.S. Sales of rifles to Peru are rising.",
            &["US->PE"],
        ),
    ]);
}

#[test]
fn a_country_named_often_is_part_of_the_topic() {
    // The headline names only Peru, but Chile is named as often: it may fill a side.
    let text = "Peru seeks engines\n\nPeru asked Chile for engines. Chile refused at first. \
                Chile and Peru met again. A deal to send Peru 40 engines was later signed.";
    assert!(
        pairs(text).contains(&"CL->PE".to_owned()),
        "{:?}",
        pairs(text)
    );
}

#[test]
fn origins_of_the_goods_phrase() {
    check(&[
        (
            "a control verb's list object buys a named origin's goods",
            "The envoy urged Chile and Peru to buy more Canadian military equipment.",
            &["CA->CL", "CA->PE"],
        ),
        (
            "goods after 'with' are not the first noun's (Canada supports Bolivia, not Peru)",
            "Chile's minister likened the possible supply of rifles to Peru with Canadian military support for Bolivia.",
            &["CA->BO"],
        ),
        (
            "model numbers do not end a list of goods",
            "Peru is receiving Chilean Leopard 2 tanks, Canadian Challenger 2 tanks and Brazilian rifles.",
            &["BR->PE", "CA->PE", "CL->PE"],
        ),
    ]);
}

#[test]
fn purchase_nouns_make_their_owner_the_buyer() {
    check(&[
        (
            "a possessive buyer",
            "Peru's purchase of Brazilian rifles was approved.",
            &["BR->PE"],
        ),
        (
            "imports with their source",
            "Chile defends its oil imports from Argentina",
            &["AR->CL"],
        ),
        (
            "a demonym on imports is the origin",
            "Peru will extend its ban on Chilean copper imports",
            &[],
        ),
        (
            "an origin adjective with a buyer",
            "Germany's imports of Norwegian gas resumed.",
            &["NO->DE"],
        ),
    ]);
}

#[test]
fn headline_shapes_found_on_unseen_headlines() {
    check(&[
        (
            "a verb between a name and an aid noun",
            "Peru requests food assistance and other aid from Chile",
            &["CL->PE"],
        ),
        (
            "a sum between the owner and its package",
            "Bolivia blocks Chile's $2.5 billion support package for Peru",
            &["CL->PE"],
        ),
        (
            "a supplier compound's goods where they are",
            "Footage shows destroyed Canadian-donated tank in Peru",
            &["CA->PE"],
        ),
        (
            "get as a verb of receiving",
            "Peru will get six radars from Chile",
            &["CL->PE"],
        ),
    ]);
}

#[test]
fn sums_named_by_a_currency_word() {
    check(&[
        (
            "pounds offered",
            "Britain offered eight mln stg to Peru.",
            &["GB->PE"],
        ),
        (
            "dollars given",
            "Since 1980 the U.S. has given Peru 25 billion dlrs in aid.",
            &["US->PE"],
        ),
    ]);
    let value = |text: &str| {
        extract_dated(text, Some("1987-05-01"))
            .first()
            .and_then(|r| r.value_usd)
    };
    assert_eq!(value("The U.S. lent Peru 40 mln dlrs."), Some(40_000_000));
    // Other dollars are not US dollars.
    assert_eq!(value("Canada lent Peru 40 mln Canadian dlrs."), None);
}

#[test]
fn a_named_destination_that_is_no_country_leaves_nothing_to_guess() {
    // The article is about Chile and Peru, but the funds go "to the war effort".
    let text = "Chile and Peru sign arms deal\n\nChile will sell rifles to Peru. \
                Peru has been forced to divert funding to the war effort.";
    assert_eq!(pairs(text), ["CL->PE"]);
    // "amounting to a third" is no destination: the recipient may still come from the topic.
    let text = "Peru appeals for grain\n\nPeru asked Chile for grain. \
                Chile offered grain amounting to a third of the need.";
    assert!(
        pairs(text).contains(&"CL->PE".to_owned()),
        "{:?}",
        pairs(text)
    );
}

#[test]
fn clause_words_used_inside_a_phrase() {
    check(&[
        (
            "a hyphen inside a word is no dash",
            "Canada has approved the sale of a Canadian-built radar to Peru.",
            &["CA->PE"],
        ),
        (
            "\"as much as\" is a comparison, not a clause",
            "Peru could buy as much as 30 tonnes of wheat from Chile.",
            &["CL->PE"],
        ),
        (
            "\"but\" between two adjectives",
            "Chile buys a modest but regular flow of crude oil from Bolivia.",
            &["BO->CL"],
        ),
        (
            "a purpose infinitive after the recipient is a clause of its own",
            "Canada cut aid to Peru and Chile to press them to curb smuggling into Canada.",
            &["CA->CL", "CA->PE"],
        ),
        (
            "the purpose still shows a deployment",
            "Canada sent four jets to Peru to take part in air exercises.",
            &[],
        ),
        (
            "a base form after a determiner and a name is a noun",
            "Peruvian fast boats shadowed a Chilean Navy ship near the coast.",
            &[],
        ),
    ]);
}

#[test]
fn more_ways_to_move_and_to_speak() {
    check(&[
        (
            "an irregular verb the morphology crate gets wrong",
            "Canada has flown tents and generators to Peru.",
            &["CA->PE"],
        ),
        (
            "taking delivery is receiving",
            "Peru took delivery of Canadian-made trainer aircraft.",
            &["CA->PE"],
        ),
        (
            "a leader speaking of himself",
            "Chile's president says he will not send tanks to Peru.",
            &["CL->PE"],
        ),
        (
            "a count word opens the object of a present verb",
            "Lima receives six generators from Chile.",
            &["CL->PE"],
        ),
        (
            "testing foreign goods is holding them",
            "Peru says it has tested a Chilean-made missile.",
            &["CL->PE"],
        ),
        (
            "an origin adjective and a firm noun make a party",
            "Chilean energy giant Andino will stop buying Peruvian gas.",
            &["PE->CL"],
        ),
    ]);
    // "financial pledges from Chile": the noun ends the goods phrase, so the goods are money.
    let text = "Peru seeks help\n\nChile will send rifles to Peru. \
                Peru also welcomed new financial pledges from Chile and Bolivia.";
    let reports = extract_dated(text, Some("2023-05-01"));
    let bolivia = reports.iter().find(|r| r.supplier.code == "BO");
    assert_eq!(
        bolivia.map(|r| (r.recipient.code.as_str(), r.category)),
        Some(("PE", armsflow::dataset::Category::Money)),
        "{reports:?}"
    );
    // A possibility before an agreement word leaves it open.
    assert_eq!(
        status_of("Peru could agree to buy rifles from Chile."),
        Some(Status::Unknown)
    );
    assert_eq!(
        status_of("Andino, a Chilean firm, will stop buying Peruvian gas."),
        Some(Status::Cancelled)
    );
}

#[test]
fn objects_particles_and_compounds() {
    check(&[
        (
            "a particle of the verb is no topic preposition",
            "Chile handed over patrol boats to Peru.",
            &["CL->PE"],
        ),
        (
            "a multi-word verb in the present takes an object after its noun",
            "Peru takes delivery of Chilean trainer jets",
            &["CL->PE"],
        ),
        (
            "an ordinal opens the object",
            "Peru receives first batch of Chilean howitzers",
            &["CL->PE"],
        ),
        (
            "a sum opens the object",
            "Chile earmarks $40 million for Peru",
            &["CL->PE"],
        ),
        (
            "a base form after a sum is a noun",
            "Chile grants Peru $20 million loan",
            &["CL->PE"],
        ),
        (
            "an -s form after goods is a noun",
            "Peru is looking for new energy supplies - mostly liquefied gas - as demand grows.",
            &[],
        ),
        (
            "some giving verbs need their object",
            "Chilean missiles were fired from bombers flying over Peru.",
            &[],
        ),
        (
            "coming to a country's aid is no goods",
            "Chile pledged it would come to Peru's aid if attacked.",
            &[],
        ),
        (
            "leave to act is not goods",
            "Chile gave Bolivia permission to send old tanks to Peru.",
            &["BO->PE"],
        ),
        (
            "the owner of a request does its infinitive",
            "Chile approved Bolivia's request to send old tanks to Peru.",
            &["BO->PE"],
        ),
        (
            "an asker is never its goods",
            "Peru, short of wheat, called for an end to Chile's trade curbs.",
            &[],
        ),
        (
            "a share of aggregate trade is a statistic",
            "Peru gets 70 pct of its wheat from Chile.",
            &[],
        ),
        (
            "a statistic does not reach past a comma",
            "Chile pledged grain worth a fifth of annual consumption, Bolivia offered six mln dlrs to Peru.",
            &["BO->PE", "CL->PE"],
        ),
        (
            "a share of aid is aid",
            "Peru received 10% of the military assistance requested from Chile.",
            &["CL->PE"],
        ),
    ]);
    assert_eq!(
        status_of("Chile freezes arms exports to Peru"),
        Some(Status::Cancelled)
    );
    assert_eq!(
        status_of("Chile clears sale of jets to Peru"),
        Some(Status::Agreed)
    );
    assert_eq!(
        status_of("Chile rules out sending jets to Peru"),
        Some(Status::Refused)
    );
    // "frozen" after the transfer word describes the goods.
    assert_eq!(
        status_of("Chile will send Peru $5 million taken from frozen Bolivian assets"),
        Some(Status::Planned)
    );
}

#[test]
fn trade_that_changes_and_goods_of_crime() {
    check(&[
        (
            "trade that rises is a statistic",
            "Chilean copper exports to Peru rose to 40,000 tonnes last year.",
            &[],
        ),
        (
            "a pact to raise imports is trade policy",
            "The pact calls on Peru to raise its imports of Chilean wine.",
            &[],
        ),
        (
            "a change word in another clause does not count",
            "Peru signs deal to buy natural gas from Chile and reduce reliance on Bolivia",
            &["CL->PE"],
        ),
        (
            "goods of crime move between gangs, not countries",
            "The gang flew cocaine shipments from Peru to Chile.",
            &[],
        ),
        (
            "own personnel and equipment sent to allies is a deployment",
            "Chile is sending military personnel and equipment to Peru's borders.",
            &[],
        ),
        (
            "support for a country's aim is no aid",
            "Chile reiterated its support for Peru's bid to join the bloc.",
            &[],
        ),
        (
            "a title in a title-case headline is no verb",
            "Peru Finance Minister To Visit Chile In May",
            &[],
        ),
        (
            "its goods are the subject's",
            "Chile cuts its gas supply to Peru, operator says",
            &["CL->PE"],
        ),
    ]);
}

#[test]
fn totals_over_a_period_people_and_bans() {
    check(&[
        (
            "a commodity total over a year is a statistic",
            "Chile exported 9 mln tonnes of copper last year, a third of it to Peru.",
            &[],
        ),
        (
            "a yearly figure of trade in a year named",
            "Peru exported 300 mln dlrs worth of goods to Chile in 1986.",
            &[],
        ),
        (
            "arms trade over a year is what registers record",
            "Chile buys about 200 mln dlrs a year in Peruvian-made armoured vehicles.",
            &["PE->CL"],
        ),
        (
            "people sent are not goods",
            "Peru will be sending a senior official to Chile next week for talks on copper.",
            &[],
        ),
        (
            "people sent with goods are",
            "Peru sent military advisers and rifles to Bolivia.",
            &["PE->BO"],
        ),
        (
            "barring imports is a ban",
            "Chile moved to bar beef imports from Peru.",
            &[],
        ),
        (
            "a name part that is a country",
            "Albert Jordan Jr. kept sending money to Chilean lottery scammers.",
            &[],
        ),
        (
            "goods moved by criminal groups",
            "Police say a criminal network shipped rifles from Peru to Chile.",
            &[],
        ),
    ]);
}

#[test]
fn subjects_after_conjunctions_and_implied_sides() {
    check(&[
        (
            "a subject with its auxiliary after a conjunction",
            "Talks must end before Peru can agree to buy Chilean wheat.",
            &["CL->PE"],
        ),
        (
            "an origin adjective on goods that a title follows",
            "Peru may buy up to 9 mln dlrs of Chilean farm products that President Boric praised.",
            &["CL->PE"],
        ),
        (
            "a title after goods words keeps the party",
            "Chilean Oil Minister arrives in Peru",
            &[],
        ),
    ]);
    // "to the rebels" in an article headed by one country: that country's rebels.
    let text =
        "Report on the war in Peru\n\nOfficials said Chile sent rifles and trucks to the rebels.";
    assert_eq!(pairs(text), ["CL->PE"]);
    // Without a one-country headline nothing is guessed.
    let text = "Report on the wars\n\nOfficials said Chile sent rifles and trucks to the rebels.";
    assert!(pairs(text).is_empty());
}

#[test]
fn firms_orders_and_nouns_after_prepositions() {
    check(&[
        (
            "a verb that names its source reports a transfer",
            "Peru ordered 40 trucks and spare parts from a Chilean firm.",
            &["CL->PE"],
        ),
        (
            "without a source it is a command",
            "Chile's president ordered the suspension of aid to Peru.",
            &["CL->PE"],
        ),
        (
            "'in order to' is no ordering",
            "Chile wants to cut off fuel in order to stop the rebels from Peru.",
            &[],
        ),
        (
            "an order after an origin adjective is a noun",
            "A Chilean firm has won a Peruvian order for equipment.",
            &[],
        ),
        (
            "a firm's name goes on after a hyphen",
            "Rheinmetall-Borsig has suspended deliveries of its howitzers to Peru.",
            &["DE->PE"],
        ),
        (
            "a firm noun after a demonym",
            "Chilean Aerospace Plc has won a contract to supply Peru with trainer jets.",
            &["CL->PE"],
        ),
        (
            "a capitalised name next to 'Western' is a name",
            "Pacific Western acquired a regional airline from Peru for 300 mln dlrs.",
            &[],
        ),
    ]);
}

#[test]
fn buying_for_another_and_words_between() {
    check(&[
        (
            "a buyer for another supplies it, and buys from the seller",
            "Chile intends to buy 50,000 shells from Bolivia for Peru",
            &["BO->CL", "CL->PE"],
        ),
        (
            "'for' with a noun after the name is no recipient",
            "Chile plans to buy rifles from Bolivia for Peruvian-style border units.",
            &["BO->CL"],
        ),
        (
            "a compass adjective between a preposition and a name",
            "A ship carrying Chilean wheat arrives at a port in northern Peru",
            &["CL->PE"],
        ),
        (
            "an adverb between 'to' and the verb",
            "Peru calls on Chile to \u{201c}urgently send rifles to Bolivia\u{201d}",
            &["CL->BO"],
        ),
        (
            "goods after a preposition are not what a passive moves",
            "Calls to the Chilean ship were not returned, Peru said.",
            &[],
        ),
    ]);
}

#[test]
fn tariffs_limits_and_particles() {
    check(&[
        (
            "tariffs on imports are trade policy",
            "Peru raised tariffs on copper wire imported from Chile.",
            &[],
        ),
        (
            "limits on shipments are trade policy",
            "Chile rejects any limits on Chilean wine shipments to Peru.",
            &[],
        ),
        (
            "'over' opens an object only before a count",
            "Chilean missiles were launched from jets flying over Peru.",
            &[],
        ),
        (
            "'over' before a count is a qualifier",
            "Chile flew over 40 tonnes of medical supplies to Peru.",
            &["CL->PE"],
        ),
    ]);
}

#[test]
fn narrower_rules_after_review() {
    check(&[
        (
            "a purpose after the recipient sets no status",
            "Chile sent air defence systems to Peru to stop Bolivian drones.",
            &["CL->PE"],
        ),
        (
            "'right' as an adjective on goods",
            "Chile sent the right rifles to Peru.",
            &["CL->PE"],
        ),
        (
            "a comma before 'for' ends the purchase",
            "Peru bought 18 tanks from Chile, a record for Bolivia.",
            &["CL->PE"],
        ),
    ]);
    let text = "Chile sold the engines but Peru later passed them to Bolivia.";
    assert!(
        !pairs(text).contains(&"CL->BO".to_owned()),
        "{:?}",
        pairs(text)
    );
    assert_eq!(
        status_of("Chile sent air defence systems to Peru to stop Bolivian drones."),
        Some(Status::Delivered)
    );
    let qualifier = extract_dated("About 30 tanks were delivered to Peru by Chile.", None)
        .first()
        .and_then(|r| r.quantity)
        .map(|q| q.qualifier);
    assert_eq!(qualifier, Some(armsflow::dataset::Qualifier::About));
}

/// The category and goods of the first report in `text`, dated 2023.
fn goods_of(text: &str) -> Option<(String, Category)> {
    extract_dated(text, Some("2023-05-01"))
        .first()
        .map(|r| (r.item.clone(), r.category))
}

#[test]
fn what_goods_are_and_their_category() {
    use Category::*;
    let cases: &[(&str, &str, Category)] = &[
        // A compound is named by its head, its last goods word.
        ("head", "Peru sold Chile radar planes.", Aircraft),
        (
            "head",
            "Peru will ship computer chips to Chile.",
            Components,
        ),
        ("head", "Peru delivered a gas turbine to Chile.", Components),
        // ... unless the head is a general word or the first a model name.
        (
            "general head",
            "Peru exported oil products to Chile.",
            Commodities,
        ),
        ("model", "Peru sent Stinger missiles to Chile.", AirDefence),
        // A vessel carrying goods: the cargo is what moves.
        (
            "cargo",
            "A ship carrying Peruvian wheat arrived in Chile.",
            Commodities,
        ),
        (
            "cargo",
            "Vessels laden with Peruvian oil arrived in Chile.",
            Commodities,
        ),
        // A sum said to include goods is those goods, or arms in general when mixed.
        (
            "contents",
            "Peru announced a $40 million package for Chile that includes rifles.",
            SmallArms,
        ),
        (
            "contents mixed",
            "Peru announced a $40 million aid package for Chile, which includes drones and boats.",
            WeaponsUnspecified,
        ),
        // Aid valued in money is still aid; payments and funds are money.
        (
            "worth of",
            "Peru has sent $40 million worth of military aid to Chile.",
            WeaponsUnspecified,
        ),
        ("payments", "Peru resumed aid payments to Chile.", Money),
        ("funds", "Peru gave Chile funds for a joint project.", Money),
        // Food is a commodity; a computer or a truck is other goods.
        (
            "food",
            "Peru shipped 30 tons of food to Chile.",
            Commodities,
        ),
        ("computer", "Peru sold a computer to Chile.", Other),
        ("truck", "Peru sold 40 military trucks to Chile.", Other),
        (
            "rocket system",
            "Peru will give Chile rocket systems.",
            Artillery,
        ),
        // A part of a model is a part; a warship's own arms are no cargo; a verb joins nothing.
        ("model part", "Peru sent F-16 engines to Chile.", Engines),
        (
            "warship",
            "Peru delivered a frigate carrying missiles to Chile.",
            Ships,
        ),
        ("verb first", "Peru ships chips to Chile.", Components),
        // Funding with no goods named is money.
        ("fund", "Peru will fund Chile's new port.", Money),
        // Contents of mixed civil goods stay civil.
        (
            "civil contents",
            "Peru announced a $4 million aid package for Chile, which includes food and vaccines.",
            Commodities,
        ),
    ];
    for (name, text, want) in cases {
        let got = goods_of(text);
        assert_eq!(
            got.as_ref().map(|g| g.1),
            Some(*want),
            "{name}: {text:?} {got:?}"
        );
    }
}

#[test]
fn firms_and_their_trade_are_not_goods() {
    check(&[
        // Goods words before a firm noun name what the firm makes.
        (
            "sale of a firm",
            "Peru blocked the sale of a Chilean chip maker to Bolivia.",
            &[],
        ),
        ("firm bought", "Peru bought a Chilean steel company.", &[]),
        (
            "firm's goods",
            "Peru bought a Chilean company's tanks.",
            &["CL->PE"],
        ),
        (
            "supplied a firm with",
            "Peru supplied the Chilean company with engines.",
            &["PE->CL"],
        ),
        // A firm after "to" receives.
        (
            "to a firm",
            "Peru cut gas deliveries to the Chilean company Enap.",
            &["PE->CL"],
        ),
    ]);
}

#[test]
fn context_and_background_across_clauses() {
    // A clause before ", but" with a getting word does not make a later sale history.
    check(&[(
        "but",
        "Attempts to contact the Peruvian embassy failed, but a report says that Peru sent tanks to Chile.",
        &["PE->CL"],
    )]);
    // A preposition before the transfer word governs it, not its goods.
    check(&[(
        "on giving",
        "Peru is undecided on giving F-16 fighter jets to Chile.",
        &["PE->CL"],
    )]);
    // The headline's one country fills "the rebels" even when the counterpart guess fails.
    let text = "Title: Rebels in Bolivia gain ground\n\nA Peruvian official met envoys in Chile. \
                Peru sent tanks and missiles to the rebels.";
    assert!(
        pairs(text).contains(&"PE->BO".to_owned()),
        "{:?}",
        pairs(text)
    );
}

#[test]
fn answered_requests_and_purchases_for_another() {
    check(&[
        // The subject of an answer to a request is the party asked to supply.
        (
            "rejects",
            "Peru rejects Chile's request for tanks.",
            &["PE->CL"],
        ),
        (
            "turned down",
            "Peru has turned down Chile's request for tanks.",
            &["PE->CL"],
        ),
        (
            "demonym owner",
            "Peru approved the Chilean request for 20 tanks.",
            &["PE->CL"],
        ),
        // Blocking a request is no answer to it: the blocker is not asked to supply.
        (
            "blocked",
            "Peru blocked Chile's request for tanks from Bolivia.",
            &["BO->CL"],
        ),
        // A party on its way somewhere is no answerer.
        (
            "to discuss",
            "A minister left for Bolivia to discuss Chile's request for a loan.",
            &[],
        ),
        // Goods "from" a country before a giving verb with no subject: it supplies them.
        (
            "goods from X before the verb",
            "First \"Rice from Peru\" vessel delivers 9,000 tons of rice to Chile",
            &["PE->CL"],
        ),
        (
            "a source after a subject is no supplier",
            "Chile, free from Bolivia's pressure, sent tanks to Peru.",
            &["CL->PE"],
        ),
        // A buyer for another supplies it, and the seller supplies the buyer.
        (
            "for another",
            "Peru plans to buy 5,000 shells from Bolivia for Chile.",
            &["BO->PE", "PE->CL"],
        ),
    ]);
    assert_eq!(
        status_of("Peru rejects Chile's request for tanks."),
        Some(Status::Refused)
    );
    assert_eq!(
        status_of("Peru approved the Chilean request for 20 tanks."),
        Some(Status::Agreed)
    );
    // Weighing a request commits to nothing: it stays a request.
    assert_eq!(
        status_of("Peru weighs Chilean requests for tanks."),
        Some(Status::Requested)
    );
}
