use super::word_classes::{WordClass, WordClasses};
use crate::model::{Category, Evidence, Report, Status};

/// What earlier sentences of an article say, for filling a sentence's missing side and for
/// updating the status of a transfer stated before.
#[derive(Debug, Clone, Default)]
pub struct ArticleContext {
    /// Transfers found so far, in the order they were last touched.
    pub transfers: Vec<Report>,
    /// Touch order: `touched[i]` is when `transfers[i]` last got evidence.
    touched: Vec<usize>,
    /// The evidence of each transfer, by start: so that adding a sentence costs the same
    /// however much evidence the transfer has gathered.
    evidence_starts: Vec<std::collections::HashSet<usize>>,
    /// Whether `transfers[i]` has evidence after the headline.
    beyond_headline: Vec<bool>,
    clock: usize,
    /// The most recent recipient named by any transfer word (the article's focus).
    pub focus_recipient: Option<String>,
    /// The most recent named source ("The Wall Street Journal"), for "the paper reported".
    pub named_source: Option<String>,
    /// When each code was last mentioned (sentence clock).
    last_seen: std::collections::BTreeMap<String, usize>,
    /// What the article is about: the countries of its headline and those it names at least
    /// half as often as its most named one.
    /// Only these fill a side a sentence leaves open ("Some 300 rockets will be bought from
    /// Brazil" in an article about Peru), never a country merely named nearby.
    pub topic: std::collections::BTreeSet<String>,
    /// Where the article's first line (its headline) ends.
    pub headline_end: usize,
    /// The one country or bloc code the headline names, when it names exactly one.
    pub headline_country: Option<String>,
}

/// How far a status has gone, for deciding whether a later report answers an open one
/// (see [`answered`]).
fn rank(status: Status) -> u8 {
    match status {
        Status::Unknown => 0,
        Status::Requested => 1,
        Status::Negotiating => 2,
        Status::Planned => 3,
        Status::Agreed => 4,
        Status::Delivered => 5,
        Status::Refused | Status::Cancelled | Status::Denied => 6,
    }
}

/// The status after a later report: the article's first statement stands, except that an open
/// request (or an unknown status) can be answered: agreed, refused, denied, cancelled.
pub(crate) fn answered(old: Status, new: Status) -> Status {
    let open = matches!(
        old,
        Status::Unknown | Status::Requested | Status::Negotiating
    );
    let answer = matches!(
        new,
        Status::Agreed | Status::Refused | Status::Denied | Status::Cancelled
    );
    if old == Status::Unknown || (open && answer && rank(new) > rank(old)) {
        new
    } else {
        old
    }
}

fn compatible(a: Category, b: Category) -> bool {
    a == b
        || matches!(a, Category::WeaponsUnspecified | Category::Money)
        || matches!(b, Category::WeaponsUnspecified | Category::Money)
}

impl ArticleContext {
    /// A context for an article whose headline ends at byte `headline_end` and names
    /// `headline` codes, and whose text names `mentioned` codes (one entry per mention).
    pub fn new<'a>(
        headline_end: usize,
        headline: impl IntoIterator<Item = &'a str>,
        mentioned: impl IntoIterator<Item = &'a str>,
    ) -> Self {
        let mut topic: std::collections::BTreeSet<String> =
            headline.into_iter().map(str::to_owned).collect();
        let headline_country = (topic.len() == 1)
            .then(|| topic.iter().next().cloned())
            .flatten();
        let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
        for code in mentioned {
            *counts.entry(code).or_default() += 1;
        }
        let most = counts.values().copied().max().unwrap_or(0);
        topic.extend(
            counts
                .into_iter()
                .filter(|&(_, n)| n * 2 >= most && n >= 2)
                .map(|(c, _)| c.to_owned()),
        );
        Self {
            topic,
            headline_end,
            headline_country,
            ..Self::default()
        }
    }

    /// True when `code` is what the article is about (see [`ArticleContext::topic`]).
    pub fn is_topic(&self, code: &str) -> bool {
        self.topic.contains(code)
    }

    /// Marks a new sentence.
    pub fn tick(&mut self) {
        self.clock += 1;
    }

    /// The transfer of this pair with a compatible category, if one was found before.
    pub fn find(&self, supplier: &str, recipient: &str, category: Category) -> Option<usize> {
        self.transfers.iter().position(|t| {
            t.supplier.code == supplier
                && t.recipient.code == recipient
                && compatible(t.category, category)
        })
    }

    /// Adds a transfer (or returns the index of the one it merges into) and marks it touched.
    pub fn upsert(&mut self, mut transfer: Report, words: &WordClasses) -> usize {
        if let Some(i) = self.find(
            &transfer.supplier.code,
            &transfer.recipient.code,
            transfer.category,
        ) {
            // Whether all it had before was the headline's plan, before this evidence joins.
            let headline_plan =
                self.transfers[i].status == Status::Planned && !self.beyond_headline[i];
            for e in transfer.evidence {
                self.add_evidence(i, e);
            }
            let t = &mut self.transfers[i];
            // The article's first statement sets the status; explicit updates come through
            // `status-update`, so a later "purchased" does not overwrite "requested". A
            // headline's plan ("Egypt to return engines") gives way to the body's answer.
            t.status =
                if headline_plan && !matches!(transfer.status, Status::Planned | Status::Unknown) {
                    transfer.status
                } else {
                    answered(t.status, transfer.status)
                };

            // A bare "weapons" in a headline gives way to the goods the body names.
            let item = t.item.to_lowercase();
            let bare = words.whole_is(&item, WordClass::BareGoods);
            let bare_aid = words.whole_is(&item, WordClass::BareAid);
            if (bare
                && !matches!(
                    transfer.category,
                    Category::WeaponsUnspecified | Category::Money
                ))
                || (bare_aid && transfer.category == Category::Money)
            {
                t.category = transfer.category;
                t.item = transfer.item.clone();
            }
            // Another sentence saying the same adds support.
            t.confidence = t.confidence.max(transfer.confidence);
            t.quantity = t.quantity.or(transfer.quantity);
            t.value_usd = t.value_usd.or(transfer.value_usd);
            t.date.text = t.date.text.take().or(transfer.date.text);
            t.attribution = t.attribution.take().or(transfer.attribution);
            self.touched[i] = self.clock;
            i
        } else {
            let i = self.transfers.len();
            let evidence = std::mem::take(&mut transfer.evidence);
            self.transfers.push(transfer);
            self.touched.push(self.clock);
            self.evidence_starts.push(Default::default());
            self.beyond_headline.push(false);
            for e in evidence {
                self.add_evidence(i, e);
            }
            i
        }
    }

    /// Records that `code` is mentioned in the current sentence.
    pub fn seen(&mut self, code: &str) {
        self.last_seen.insert(code.to_owned(), self.clock);
    }

    /// The party that earlier transfers pair with `code`, preferring the one the text mentioned
    /// most recently ("a deal to send Russia rockets" after two sentences about Egypt).
    pub fn counterpart(&self, code: &str) -> Option<String> {
        (0..self.transfers.len())
            .filter(|&i| {
                self.transfers[i].supplier.code == code || self.transfers[i].recipient.code == code
            })
            .map(|i| {
                let t = &self.transfers[i];
                let other = if t.supplier.code == code {
                    &t.recipient.code
                } else {
                    &t.supplier.code
                };
                (
                    self.last_seen.get(other).copied().unwrap_or(0),
                    self.touched[i],
                    other.clone(),
                )
            })
            .max()
            .map(|(_, _, other)| other)
    }

    /// The most recently touched transfer supplied by `code`.
    pub fn latest_supplied_by(&self, code: &str) -> Option<usize> {
        (0..self.transfers.len())
            .filter(|&i| self.transfers[i].supplier.code == code)
            .max_by_key(|&i| self.touched[i])
    }

    /// Adds `evidence` to transfer `i` unless a sentence starting at the same byte is there.
    pub fn add_evidence(&mut self, i: usize, evidence: Evidence) {
        let (Some(t), Some(starts)) = (self.transfers.get_mut(i), self.evidence_starts.get_mut(i))
        else {
            return;
        };
        if starts.insert(evidence.start) {
            self.beyond_headline[i] |= evidence.start >= self.headline_end;
            t.evidence.push(evidence);
        }
    }

    /// Marks transfer `i` touched now.
    pub fn touch(&mut self, i: usize) {
        if let Some(t) = self.touched.get_mut(i) {
            *t = self.clock;
        }
    }
}
