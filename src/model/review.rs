//! An analyst's review of the reports: what they accepted, rejected, corrected, added, split
//! and merged, and how a decision finds its report again in a later load.

use super::{
    Category, Evidence, Party, Quantity, Report, ReportDate, ReportDateBasis, Status, When,
};
use serde::{Deserialize, Serialize};

/// Where a report stands in review.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum ReviewState {
    /// As the extractor read it; nobody has decided.
    #[default]
    Machine,
    /// An analyst checked it against its sentence and kept it.
    Accepted,
    /// An analyst found it wrong.
    Rejected,
    /// An analyst corrected some of its fields.
    Edited,
    /// An analyst added it: the extractor missed it.
    Added,
}

impl ReviewState {
    /// Every state, in display order.
    pub const ALL: [ReviewState; 5] = [
        Self::Machine,
        Self::Accepted,
        Self::Edited,
        Self::Added,
        Self::Rejected,
    ];

    /// The kebab-case name used in JSON and CSV.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Machine => "machine",
            Self::Accepted => "accepted",
            Self::Rejected => "rejected",
            Self::Edited => "edited",
            Self::Added => "added",
        }
    }

    /// Whether an analyst has decided it (anything but [`ReviewState::Machine`]).
    pub fn is_reviewed(self) -> bool {
        self != Self::Machine
    }

    /// Whether an analyst vouches for it: accepted, edited or added.
    pub fn is_confirmed(self) -> bool {
        matches!(self, Self::Accepted | Self::Edited | Self::Added)
    }
}

/// What finds a report again in another load, whatever its id and order: the article's path,
/// a hash of its first sentence, and the extractor's reading of the pair and category. An
/// unchanged sentence read the same way matches; an edited article's decision is orphaned.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ReportKey {
    /// The article's path, relative to the folder.
    pub path: String,
    /// [`sentence_hash`] of the report's first sentence; for a report an analyst added, its
    /// id (`add-1`), with supplier and recipient left empty.
    pub sentence: String,
    /// The extractor's supplier code.
    pub supplier: String,
    /// The extractor's recipient code.
    pub recipient: String,
    /// The extractor's category.
    pub category: Category,
}

impl ReportKey {
    /// The key of `report`, an article's report at `path`, from the extractor's values even
    /// when an analyst edited them; `None` for a report without evidence (which extraction
    /// never makes).
    pub fn of(report: &Report, path: &str) -> Option<Self> {
        // An added report is named by its id (supplier and recipient left empty), so a
        // decision about it holds whatever the analyst corrects in it later.
        if let Some(id) = &report.review.added {
            return Some(Self {
                path: path.to_owned(),
                sentence: id.clone(),
                supplier: String::new(),
                recipient: String::new(),
                category: Category::Other,
            });
        }
        let first = report.evidence.first()?;
        let (supplier, recipient, category) = machine_reading(report);
        Some(Self {
            path: path.to_owned(),
            sentence: sentence_hash(&first.sentence),
            supplier: supplier.code.clone(),
            recipient: recipient.code.clone(),
            category,
        })
    }
}

impl ReportKey {
    /// A fingerprint of the key without its sentence: the same as
    /// [`ReportKey::coarse_fingerprint_of`] gives for the report the key names. Cheap to
    /// compute for every report, so that only the few reports it matches have their
    /// sentence hashed when a review is laid over a big folder.
    pub fn coarse_fingerprint(&self) -> u64 {
        fingerprint(&self.path, &self.supplier, &self.recipient, self.category)
    }

    /// [`ReportKey::coarse_fingerprint`] of the key of `report` at `path`.
    pub fn coarse_fingerprint_of(report: &Report, path: &str) -> u64 {
        if report.review.added.is_some() {
            return fingerprint(path, "", "", Category::Other);
        }
        let (supplier, recipient, category) = machine_reading(report);
        fingerprint(path, &supplier.code, &recipient.code, category)
    }

    /// Whether this is the key of `report` at `path`, given the [`sentence_number`] of its
    /// first sentence.
    pub fn names(&self, report: &Report, path: &str, sentence: u64) -> bool {
        if let Some(id) = &report.review.added {
            return self.path == path && self.supplier.is_empty() && self.sentence == *id;
        }
        let (supplier, recipient, category) = machine_reading(report);
        self.path == path
            && self.supplier == supplier.code
            && self.recipient == recipient.code
            && self.category == category
            && u64::from_str_radix(&self.sentence, 16) == Ok(sentence)
    }
}

/// The extractor's supplier, recipient and category of `report`, even when edited.
fn machine_reading(report: &Report) -> (&Party, &Party, Category) {
    match &report.review.machine {
        Some(m) => (&m.supplier, &m.recipient, m.category),
        None => (&report.supplier, &report.recipient, report.category),
    }
}

/// FNV-1a of a key's parts but its sentence, each ended by a zero byte.
fn fingerprint(path: &str, supplier: &str, recipient: &str, category: Category) -> u64 {
    let mut h = Fnv::default();
    for part in [path, supplier, recipient, category.as_str()] {
        h.write(part.as_bytes());
        h.write(&[0]);
    }
    h.0
}

/// 64-bit FNV-1a, fed in pieces (the same as [`super::article::fnv1a`] of their bytes in a
/// row), as plain loops: hashing every report's sentence is most of laying a review over a
/// big folder.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// A sentence's hash, as 16 hex digits (64-bit FNV-1a of its words joined by single spaces,
/// so a sentence re-wrapped over other lines is the same sentence).
pub fn sentence_hash(sentence: &str) -> String {
    format!("{:016x}", sentence_number(sentence))
}

/// [`sentence_hash`] as a number: the words as [`str::split_whitespace`] finds them, one
/// space between each two.
pub fn sentence_number(sentence: &str) -> u64 {
    let mut h = Fnv::default();
    for (i, word) in sentence.split_whitespace().enumerate() {
        if i > 0 {
            h.write(b" ");
        }
        h.write(word.as_bytes());
    }
    h.0
}

/// An analyst's corrections to a report's fields; what is `None` keeps the extractor's value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportEdit {
    /// Supplier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supplier: Option<Party>,
    /// Recipient.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<Party>,
    /// The goods, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// The goods' category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<Category>,
    /// How many; `Some(None)` (`null` in the file) when the analyst removed the figure.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "present_or_null"
    )]
    pub quantity: Option<Option<Quantity>>,
    /// Value in US dollars; `Some(None)` when removed.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "present_or_null"
    )]
    pub value_usd: Option<Option<u64>>,
    /// Status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// Event date as typed ("2023-11-08", "2023-11" or "2023").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// A field that is absent (not corrected), `null` (removed) or a value: serde reads both
/// `null` and a missing field as `None` unless told apart like this.
mod present_or_null {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<T: Serialize, S: Serializer>(
        value: &Option<Option<T>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(inner) => inner.serialize(s),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Option<T>>, D::Error> {
        Option::<T>::deserialize(d).map(Some)
    }
}

impl ReportEdit {
    /// Whether it corrects nothing.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// The corrections that make `machine` read as `wanted`: only the fields that differ.
    pub fn between(machine: &Report, wanted: &Report) -> Self {
        Self {
            supplier: (wanted.supplier != machine.supplier).then(|| wanted.supplier.clone()),
            recipient: (wanted.recipient != machine.recipient).then(|| wanted.recipient.clone()),
            item: (wanted.item != machine.item).then(|| wanted.item.clone()),
            category: (wanted.category != machine.category).then_some(wanted.category),
            quantity: (wanted.quantity != machine.quantity).then_some(wanted.quantity),
            value_usd: (wanted.value_usd != machine.value_usd).then_some(wanted.value_usd),
            status: (wanted.status != machine.status).then_some(wanted.status),
            date: (wanted.date.when() != machine.date.when())
                .then(|| wanted.date.when().map(|w| w.to_string()))
                .flatten(),
        }
    }

    /// Applies the corrections to `report` (its evidence, article and rule unchanged). A
    /// date that is no date is left out (the file is checked when read).
    pub fn apply_to(&self, report: &mut Report) {
        if let Some(p) = &self.supplier {
            report.supplier.clone_from(p);
        }
        if let Some(p) = &self.recipient {
            report.recipient.clone_from(p);
        }
        if let Some(item) = &self.item {
            report.item.clone_from(item);
        }
        report.category = self.category.unwrap_or(report.category);
        report.quantity = self.quantity.unwrap_or(report.quantity);
        report.value_usd = self.value_usd.unwrap_or(report.value_usd);
        report.status = self.status.unwrap_or(report.status);
        if let Some(when) = self.date.as_deref().and_then(When::parse) {
            report.date = analyst_date(when);
        }
    }
}

/// A date an analyst typed, as a report's date.
pub fn analyst_date(when: When) -> ReportDate {
    ReportDate {
        from: Some(when.from),
        to: Some(when.to),
        precision: Some(when.precision),
        text: Some(when.to_string()),
        basis: Some(ReportDateBasis::Analyst),
    }
}

/// The extractor's values of an edited report, kept so that the window and exports show
/// them beside the analyst's and a new review starts from them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MachineReading {
    /// Supplier.
    pub supplier: Party,
    /// Recipient.
    pub recipient: Party,
    /// The goods.
    pub item: String,
    /// Category.
    pub category: Category,
    /// How many.
    pub quantity: Option<Quantity>,
    /// Value in US dollars.
    pub value_usd: Option<u64>,
    /// Status.
    pub status: Status,
    /// When.
    pub date: ReportDate,
}

impl MachineReading {
    /// The values `report` has now.
    pub fn of(report: &Report) -> Self {
        Self {
            supplier: report.supplier.clone(),
            recipient: report.recipient.clone(),
            item: report.item.clone(),
            category: report.category,
            quantity: report.quantity,
            value_usd: report.value_usd,
            status: report.status,
            date: report.date.clone(),
        }
    }

    /// Puts these values back into `report`.
    pub fn restore(self, report: &mut Report) {
        report.supplier = self.supplier;
        report.recipient = self.recipient;
        report.item = self.item;
        report.category = self.category;
        report.quantity = self.quantity;
        report.value_usd = self.value_usd;
        report.status = self.status;
        report.date = self.date;
    }
}

/// Where a report stands in review, as laid on it when a review is applied.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ReportReview {
    /// Machine, accepted, rejected, edited or added.
    #[serde(default)]
    pub state: ReviewState,
    /// Why it was rejected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The analyst's note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The extractor's values, when an analyst edited them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub machine: Option<Box<MachineReading>>,
    /// Kept out of any transfer with other reports (split by an analyst).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub apart: bool,
    /// Reports with the same number are one transfer (merged by an analyst).
    #[serde(skip)]
    pub merged: Option<u32>,
    /// The id of the analyst's entry, for a report an analyst added.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub added: Option<String>,
}

impl ReportReview {
    /// Whether no analyst touched it: nothing to write in the JSON.
    pub fn is_untouched(&self) -> bool {
        self.state == ReviewState::Machine
            && self.note.is_none()
            && !self.apart
            && self.merged.is_none()
    }
}

/// One decision about one report, as kept in the review file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    /// The report it is about.
    pub key: ReportKey,
    /// Accepted, rejected or edited; machine when it only keeps a note, a split or a merge.
    #[serde(default)]
    pub state: ReviewState,
    /// Why it was rejected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The corrections of an edited report.
    #[serde(default, skip_serializing_if = "ReportEdit::is_empty")]
    pub edit: ReportEdit,
    /// The analyst's note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Kept out of any transfer with other reports.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub apart: bool,
    /// A report whose transfer this one's transfer is merged with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merge_with: Option<ReportKey>,
    /// The sentence as it read when decided, so that an orphaned decision (its article edited
    /// or removed) can be shown with its content.
    pub sentence: String,
}

impl Decision {
    /// A decision about the report `key` (first sentence `sentence`) that decides nothing yet.
    pub fn new(key: ReportKey, sentence: &str) -> Self {
        Self {
            key,
            state: ReviewState::Machine,
            reason: None,
            edit: ReportEdit::default(),
            note: None,
            apart: false,
            merge_with: None,
            sentence: sentence.to_owned(),
        }
    }

    /// Whether it keeps nothing (every field back to the machine's): no need to store it.
    pub fn is_empty(&self) -> bool {
        self.state == ReviewState::Machine
            && self.note.is_none()
            && !self.apart
            && self.merge_with.is_none()
    }

    /// Lays the decision on `report` (whose key it is). An added report stays the analyst's
    /// own: only a split applies to it.
    pub fn apply_to(&self, report: &mut Report) {
        if report.review.state == ReviewState::Added {
            report.review.apart = self.apart;
            return;
        }
        if self.state == ReviewState::Edited && !self.edit.is_empty() {
            report.review.machine = Some(Box::new(MachineReading::of(report)));
            self.edit.apply_to(report);
        }
        report.review.state = match self.state {
            ReviewState::Edited if self.edit.is_empty() => ReviewState::Accepted,
            ReviewState::Added => ReviewState::Accepted,
            s => s,
        };
        report.review.reason.clone_from(&self.reason);
        report.review.note.clone_from(&self.note);
        report.review.apart = self.apart;
    }

    /// What it decided, in words: "rejected (wrong pair)", "edited", "note only".
    pub fn describe(&self) -> String {
        match (self.state, &self.reason) {
            (ReviewState::Rejected, Some(r)) => format!("rejected ({r})"),
            (ReviewState::Machine, _) if self.apart => "split".to_owned(),
            (ReviewState::Machine, _) if self.merge_with.is_some() => "merged".to_owned(),
            (ReviewState::Machine, _) => "note only".to_owned(),
            (s, _) => s.as_str().to_owned(),
        }
    }
}

/// A transfer report the extractor missed, added by an analyst from a span of an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddedReport {
    /// Its id within the review file (`add-1`, `add-2`, ...).
    pub id: String,
    /// The article's path, relative to the folder.
    pub path: String,
    /// First byte of the evidence span in the article's text.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// The span's text when added: the span must still read so (by [`sentence_hash`]).
    pub sentence: String,
    /// Supplier.
    pub supplier: Party,
    /// Recipient.
    pub recipient: Party,
    /// The goods, in words.
    pub item: String,
    /// The goods' category.
    pub category: Category,
    /// How many.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<Quantity>,
    /// Value in US dollars.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_usd: Option<u64>,
    /// Status.
    pub status: Status,
    /// Event date as typed; the article's date when there is none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The analyst's note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The rule name of reports an analyst added.
pub const ANALYST_RULE: &str = "analyst";

impl AddedReport {
    /// The report it makes in the article with id `article` whose text is `text`; `None`
    /// when the span no longer holds the sentence it was added from (the article changed).
    pub fn report(&self, article: &str, text: &str) -> Option<Report> {
        let span = text.get(self.start..self.end)?;
        if sentence_hash(span) != sentence_hash(&self.sentence) {
            return None;
        }
        let date = self
            .date
            .as_deref()
            .and_then(When::parse)
            .map_or_else(ReportDate::default, analyst_date);
        Some(Report {
            article: article.to_owned(),
            supplier: self.supplier.clone(),
            recipient: self.recipient.clone(),
            item: self.item.clone(),
            category: self.category,
            quantity: self.quantity,
            value_usd: self.value_usd,
            status: self.status,
            date,
            attribution: None,
            source: None,
            via: None,
            rule: ANALYST_RULE.to_owned(),
            confidence: 1.0,
            evidence: vec![Evidence {
                article: article.to_owned(),
                start: self.start,
                end: self.end,
                sentence: span.to_owned(),
                rule: ANALYST_RULE.to_owned(),
            }],
            order: u32::MAX,
            review: ReportReview {
                state: ReviewState::Added,
                note: self.note.clone(),
                added: Some(self.id.clone()),
                ..ReportReview::default()
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_removed_figure_is_kept_apart_from_an_unchanged_one() {
        let removed = ReportEdit {
            quantity: Some(None),
            ..ReportEdit::default()
        };
        let json = serde_json::to_string(&removed).expect("json");
        assert_eq!(json, r#"{"quantity":null}"#);
        assert_eq!(
            serde_json::from_str::<ReportEdit>(&json).expect("read"),
            removed
        );
        let unchanged: ReportEdit = serde_json::from_str("{}").expect("read");
        assert_eq!(unchanged.quantity, None);
        assert!(unchanged.is_empty());
    }

    #[test]
    fn a_sentence_hash_is_fixed_and_ignores_how_the_sentence_is_wrapped() {
        // Kept in review files: the value must never change between versions.
        assert_eq!(
            sentence_hash("Germany delivered 10 tanks"),
            "0bdd093c4bf618ba"
        );
        assert_eq!(
            sentence_hash(" Germany delivered\n10  tanks "),
            sentence_hash("Germany delivered 10 tanks")
        );
    }
}
