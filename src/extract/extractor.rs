use super::analysis::{GroupRole, SentenceAnalysis};
use super::attribution::find_attribution;
use super::context::{ArticleContext, answered};
use super::lexicon::{Frame, Lexicon, LexiconError};
use super::roles::{
    Candidate, PartyRef, assign_roles, background_triggers, party_refs, round_confidence,
};
use super::word_classes::WordClass;
use crate::dates::ReportDate;
use crate::dates::find_date_phrase;
use crate::gazetteer::{Era, Gazetteer, GazetteerError};
use crate::model::Article;
use crate::model::{Evidence, Party, Report, Status};
use crate::text::{Span, split_sentences};

/// The extractor's data could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    /// The gazetteer data is invalid.
    #[error(transparent)]
    Gazetteer(#[from] GazetteerError),
    /// A word list is invalid.
    #[error(transparent)]
    Lexicon(#[from] LexiconError),
}

/// Finds reported transfers in articles. Cheap to share across threads.
#[derive(Debug, Clone)]
pub struct Extractor {
    gazetteer: Gazetteer,
    lexicon: Lexicon,
}

/// Reports with a side filled from context and less confidence than this are left out.
const MIN_CONTEXT_CONFIDENCE: f64 = 0.4;

/// Status words that, in a later sentence, update a transfer stated before
/// ("Pakistan denied being approached", "Sisi gave the green light").
const UPDATE_STATUSES: &[Status] = &[Status::Agreed, Status::Refused, Status::Denied];

impl Extractor {
    /// An extractor over the given gazetteer and the built-in word lists.
    pub fn new(gazetteer: Gazetteer) -> Result<Self, ExtractError> {
        Ok(Self {
            gazetteer,
            lexicon: Lexicon::builtin()?,
        })
    }

    /// An extractor over the built-in gazetteer and word lists.
    pub fn builtin() -> Result<Self, ExtractError> {
        Self::new(Gazetteer::builtin()?)
    }

    /// The gazetteer in use.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Every transfer reported in `article`, in text order of first evidence (ids left empty).
    pub fn extract(&self, article: &Article) -> Vec<Report> {
        let text = &article.text;
        let mentions = self
            .gazetteer
            .find_in(text, Era::of_date(article.published.as_deref()));
        let first_line_end = text.find(['\n', '\r']).unwrap_or(text.len());
        // Only a first line that reads as a headline (no final full stop) is one.
        let headline_end = if crate::text::is_headline_like(text[..first_line_end].trim()) {
            first_line_end
        } else {
            0
        };
        let mut ctx = ArticleContext::new(
            headline_end,
            mentions
                .iter()
                .filter(|m| m.span.end <= first_line_end)
                .flat_map(|m| m.codes.iter().map(String::as_str)),
            mentions
                .iter()
                .flat_map(|m| m.codes.iter().map(String::as_str)),
        );
        for span in split_sentences(text) {
            ctx.tick();
            // Lone short lines after the headline are captions or related-article links.
            if span.start > first_line_end && is_lone_line(text, span) {
                continue;
            }
            // Mentions are in text order: the sentence's own are a slice, found by bisection,
            // so a long article costs time in proportion to its length.
            let from = mentions.partition_point(|m| m.span.start < span.start);
            let to = from + mentions[from..].partition_point(|m| m.span.end <= span.end);
            let here = &mentions[from..to];
            if !here.iter().any(|m| span.contains(m.span)) {
                continue;
            }
            let a = SentenceAnalysis::new(text, span, here, &self.lexicon);
            self.sentence(article, &a, &mut ctx);
        }
        let mut out = ctx.transfers;
        out.sort_by_key(|t| t.evidence.first().map_or(usize::MAX, |e| e.start));
        for (i, r) in out.iter_mut().enumerate() {
            r.order = u32::try_from(i).unwrap_or(u32::MAX);
        }
        out
    }

    fn sentence(&self, article: &Article, a: &SentenceAnalysis, ctx: &mut ArticleContext) {
        let text = &article.text;
        let background = background_triggers(a);
        let mut candidates: Vec<Candidate> = (0..a.triggers.len())
            .filter(|&i| !background[i])
            .filter_map(|i| assign_roles(a, i, &background))
            .collect();
        candidates.extend(supplied_compounds(a, &candidates));
        candidates.extend(resales(&candidates));
        for g in &a.groups {
            for code in g.codes() {
                ctx.seen(&code);
            }
        }
        let attribution = self.attribution(text, a, ctx);
        // Most sentences read yield no report: only those that do look for a date phrase.
        let date_text = if candidates.is_empty() {
            None
        } else {
            find_date_phrase(text, a.span)
        };
        let mut parties_here: Vec<String> = Vec::new();
        for c in candidates {
            let (suppliers, recipients, rule) = sides_with_context(&c, ctx);
            if is_roster(suppliers.len(), recipients.len()) {
                continue;
            }
            if let Some(r) = c.recipients.last() {
                ctx.focus_recipient = Some(r.code.clone());
            }
            let item = c
                .item
                .map(|(f, l)| a.text_of(text, f, l).to_owned())
                .unwrap_or_else(|| "unspecified goods".to_owned());
            for s in &suppliers {
                for r in &recipients {
                    // A side taken from context never turns round a pair the article already has.
                    let reversed = ctx
                        .transfers
                        .iter()
                        .any(|t| t.supplier.code == r.code && t.recipient.code == s.code);
                    let supplier_from_context = !c.suppliers.iter().any(|x| x.code == s.code);
                    if s.code == r.code
                        || (reversed
                            && rule.ends_with("+context")
                            && (supplier_from_context || c.frame == Frame::Noun))
                    {
                        continue;
                    }
                    let confidence = report_confidence(&c, s, r);
                    // A side guessed from context for a weak sentence is more often wrong
                    // than right: leave it out.
                    if confidence < MIN_CONTEXT_CONFIDENCE && rule.ends_with("+context") {
                        continue;
                    }
                    parties_here.push(s.code.clone());
                    parties_here.push(r.code.clone());
                    let transfer = Report {
                        article: article.id.clone(),
                        supplier: self.party(&s.code),
                        recipient: self.party(&r.code),
                        item: item.clone(),
                        category: c.category,
                        quantity: s.quantity.or(r.quantity).or(c.quantity),
                        value_usd: c.value_usd,
                        status: c.status,
                        date: ReportDate::unresolved(date_text.clone()),
                        attribution: attribution.clone(),
                        source: None,
                        via: None,
                        rule: rule.clone(),
                        confidence,
                        evidence: vec![self.evidence(article, a.span, &rule)],
                        order: 0,
                        review: Default::default(),
                    };
                    ctx.upsert(transfer, &self.lexicon.word_classes);
                }
            }
        }
        self.status_updates(article, a, ctx, &parties_here);
    }

    /// "Pakistan denied being approached": a status word whose subject supplies an earlier
    /// transfer updates it, with this sentence as evidence.
    fn status_updates(
        &self,
        article: &Article,
        a: &SentenceAnalysis,
        ctx: &mut ArticleContext,
        parties_here: &[String],
    ) {
        for &(cue, status, _) in &a.cues {
            // "declined to comment" refuses nothing.
            if !UPDATE_STATUSES.contains(&status)
                || (cue + 1..cue + 4).any(|i| a.word(i) == "comment")
            {
                continue;
            }
            let actor = a.groups.iter().rev().find(|g| {
                g.last < cue
                    && g.role != GroupRole::Ignored
                    && !matches!(g.prep.as_deref(), Some(p) if p != "by")
            });
            let Some(actor) = actor else { continue };
            for code in actor.codes() {
                if parties_here.contains(&code) {
                    continue;
                }
                if let Some(i) = ctx.latest_supplied_by(&code) {
                    let evidence = self.evidence(article, a.span, "status-update");
                    let t = &mut ctx.transfers[i];
                    t.status = answered(t.status, status);
                    ctx.add_evidence(i, evidence);
                    ctx.touch(i);
                }
            }
        }
    }

    fn attribution(
        &self,
        text: &str,
        a: &SentenceAnalysis,
        ctx: &mut ArticleContext,
    ) -> Option<String> {
        let words = &self.lexicon.word_classes;
        let found = find_attribution(text, &a.tokens, &a.classes, words)?;
        // "the paper", "the US-based newspaper": a source named earlier in the article.
        // The generic word is lower case: "The Wall Street Journal" is a name.
        let last_word = found
            .split(", citing")
            .next()
            .unwrap_or(&found)
            .split_whitespace()
            .last()
            .unwrap_or("")
            .to_owned();
        let generic = found.to_lowercase().starts_with("the ")
            && words.whole_is(&last_word, WordClass::OutletNoun);
        if generic {
            if let Some(named) = &ctx.named_source {
                return Some(format!("{named} ({found})"));
            }
        } else if found
            .split_whitespace()
            .skip(1)
            .any(|w| w.chars().next().is_some_and(char::is_uppercase))
            || (found.split_whitespace().count() == 1
                && found.chars().next().is_some_and(char::is_uppercase))
        {
            ctx.named_source = Some(found.split(", citing").next().unwrap_or(&found).to_owned());
        }
        Some(found)
    }

    fn party(&self, code: &str) -> Party {
        Party {
            code: code.to_owned(),
            name: self.gazetteer.name(code).to_owned(),
        }
    }

    fn evidence(&self, article: &Article, span: Span, rule: &str) -> Evidence {
        Evidence {
            article: article.id.clone(),
            start: span.start,
            end: span.end,
            sentence: span.slice(&article.text).to_owned(),
            rule: rule.to_owned(),
        }
    }
}

/// "buys shells from Korea for Peru": besides the buyer supplying Peru, Korea sells to the
/// buyer.
fn resales(candidates: &[Candidate]) -> Vec<Candidate> {
    candidates
        .iter()
        .filter(|c| !c.sellers.is_empty())
        .map(|c| Candidate {
            suppliers: c.sellers.clone(),
            recipients: c.suppliers.clone(),
            fillable: false,
            local_destination: false,
            sellers: Vec::new(),
            ..c.clone()
        })
        .collect()
}

/// "US-supplied Himars": a supplier compound that no transfer word of the sentence used
/// reports a transfer of its own.
fn supplied_compounds(a: &SentenceAnalysis, candidates: &[Candidate]) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (gi, g) in a.groups.iter().enumerate() {
        let used = candidates.iter().any(|c| {
            c.suppliers
                .iter()
                .any(|s| g.members.iter().any(|(t, _)| *t == s.token))
        });
        if g.role != GroupRole::Supplied || used {
            continue;
        }
        let Some(item) = a.items.iter().find(|it| it.origin == Some(gi)) else {
            continue;
        };
        // "a UK-donated tank in Ukraine": where the goods are is who holds them.
        let holder = a.groups.iter().position(|h| {
            h.first > item.last
                && h.first <= item.last + 2
                && matches!(h.prep.as_deref(), Some("in" | "to"))
                && h.role == GroupRole::Actor
        });
        let recipients = holder.map_or_else(Vec::new, |h| party_refs(a, h));
        let suppliers = party_refs(a, gi);
        out.push(Candidate {
            suppliers,
            recipients,
            item: Some((item.first, item.last)),
            category: item.category,
            quantity: None,
            value_usd: None,
            status: Status::Delivered,
            sellers: Vec::new(),
            rule: "supplied-compound",
            fillable: true,
            local_destination: false,
            frame: Frame::Give,
            confidence: 0.6,
        });
    }
    out
}

/// The candidate's suppliers and recipients, a side the sentence leaves open filled from the
/// article's topic, and its rule name (with `+context` when a side was filled).
fn sides_with_context(
    c: &Candidate,
    ctx: &ArticleContext,
) -> (Vec<PartyRef>, Vec<PartyRef>, String) {
    let from_context = |code| PartyRef {
        code,
        token: usize::MAX,
        quantity: None,
    };
    let mut recipients = c.recipients.clone();
    let mut rule = c.rule.to_owned();
    // Each guess is tried in turn, and only a topic of the article that is not the supplier.
    let fits = |r: &String| !c.suppliers.iter().any(|s| &s.code == r) && ctx.is_topic(r);
    if recipients.is_empty() && c.fillable {
        let filled = c
            .suppliers
            .iter()
            .find_map(|s| ctx.counterpart(&s.code).filter(fits))
            .or_else(|| ctx.focus_recipient.clone().filter(fits))
            // "sent tanks to the rebels" in an article headed by one country: its rebels.
            .or_else(|| {
                c.local_destination
                    .then(|| ctx.headline_country.clone().filter(fits))
                    .flatten()
            });
        if let Some(code) = filled {
            recipients.push(from_context(code));
            rule.push_str("+context");
        }
    }
    let mut suppliers = c.suppliers.clone();
    if suppliers.is_empty()
        && c.fillable
        && matches!(c.frame, Frame::Give | Frame::Return | Frame::Noun)
    {
        // "a plan to send Russia 30,000 rockets": the supplier is the party the article last
        // paired with this recipient.
        if let Some(code) = recipients
            .iter()
            .find_map(|r| ctx.counterpart(&r.code).filter(|s| s != &r.code))
            .filter(|code| ctx.is_topic(code))
        {
            suppliers.push(from_context(code));
            rule.push_str("+context");
        }
    }
    (suppliers, recipients, rule)
}

/// A report's confidence: its candidate's, less when a side came from the article's context
/// (right less often).
fn report_confidence(c: &Candidate, s: &PartyRef, r: &PartyRef) -> f64 {
    if s.token == usize::MAX || r.token == usize::MAX {
        round_confidence((c.confidence - 0.2).max(0.05))
    } else {
        c.confidence
    }
}

/// The most supplier-recipient pairs one sentence may report, and the most when several
/// countries stand on both sides.
const MAX_PAIRS: usize = 40;
const MAX_CROSSED_PAIRS: usize = 9;

/// Whether a sentence naming `suppliers` and `recipients` parties is a roster, not a report:
/// "A, B, C and D sent arms to E, F, G and H" does not say that each sent to each, and a
/// list of fifty on each side would make 2,500 reports out of one line.
fn is_roster(suppliers: usize, recipients: usize) -> bool {
    let pairs = suppliers.saturating_mul(recipients);
    pairs > MAX_PAIRS || (suppliers > 1 && recipients > 1 && pairs > MAX_CROSSED_PAIRS)
}

/// True when the sentence is a whole short line without final punctuation. Only the white
/// space around the sentence is looked at, so a long line costs nothing extra.
fn is_lone_line(text: &str, span: Span) -> bool {
    let blank = |c: char| c == ' ' || c == '\t';
    let before = text[..span.start].trim_end_matches(blank);
    let after = text[span.end..].trim_start_matches(blank);
    (before.is_empty() || before.ends_with(['\n', '\r']))
        && (after.is_empty() || after.starts_with(['\n', '\r']))
        && crate::text::is_headline_like(span.slice(text))
}
