use crate::dataset::Quantity;
use serde::Deserialize;
use std::collections::BTreeMap;

/// How much a key entry counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Tier {
    /// Stated in one sentence (or with the headline): must be found.
    Core,
    /// Needs an earlier sentence: counted in core+stretch.
    Stretch,
    /// Arguable: neither rewarded nor punished.
    Optional,
}

/// One transfer of an answer key.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldTransfer {
    /// Article file name.
    pub article: String,
    /// Tier.
    pub tier: Tier,
    /// Supplier code.
    pub supplier: String,
    /// Recipient code.
    pub recipient: String,
    /// Goods, in words.
    #[serde(default)]
    pub item: String,
    /// Category name.
    #[serde(default)]
    pub category: String,
    /// Count, if any.
    #[serde(default)]
    pub quantity: Option<Quantity>,
    /// Status name.
    #[serde(default)]
    pub status: String,
    /// Fragments of the sentences that state it.
    #[serde(default)]
    pub evidence: Vec<String>,
}

/// An answer key file.
#[derive(Debug, Clone, Deserialize)]
pub struct AnswerKey {
    /// Articles by file name (metadata is not scored).
    #[serde(default)]
    pub articles: BTreeMap<String, serde_json::Value>,
    /// The transfers.
    pub transfers: Vec<GoldTransfer>,
}
