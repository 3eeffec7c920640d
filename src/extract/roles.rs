use super::analysis::{
    ARTICLES, GroupRole, PREPOSITIONS, SentenceAnalysis, TriggerHit, is_be_word as is_be,
};
use super::lexicon::{Frame, Tense};
use super::word_classes::WordClass;
use crate::model::{Category, Quantity, Status};
use crate::text::TokenKind;

/// One side of a candidate transfer: a code and the token of the mention that names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartyRef {
    /// Country or bloc code.
    pub code: String,
    /// Token where the mention starts (for per-party quantities).
    pub token: usize,
    /// A count that belongs to this party only ("six from Belarus").
    pub quantity: Option<Quantity>,
}

/// What one transfer word of a sentence says, before the article context fills gaps.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Suppliers found in the sentence.
    pub suppliers: Vec<PartyRef>,
    /// Recipients found in the sentence.
    pub recipients: Vec<PartyRef>,
    /// Tokens of the goods phrase, when the sentence names goods.
    pub item: Option<(usize, usize)>,
    /// Category of the goods.
    pub category: Category,
    /// Count of the goods.
    pub quantity: Option<Quantity>,
    /// Dollar value.
    pub value_usd: Option<u64>,
    /// Status said by the sentence.
    pub status: Status,
    /// Rule name, for the evidence's `rule`.
    pub rule: &'static str,
    /// True when a missing side may be filled from the article context.
    pub fillable: bool,
    /// True when the goods go to a side inside a country the sentence does not name ("to the
    /// rebels"): the article's headline country may be it.
    pub local_destination: bool,
    /// The frame of the transfer word.
    pub frame: Frame,
    /// How much the sentence supports it, before the article context (see [`confidence`]).
    pub confidence: f64,
    /// Sellers to a buyer who buys for another ("buys shells from Korea for Peru"): they
    /// supply the buyer, a transfer of its own.
    pub sellers: Vec<PartyRef>,
}

/// Words that end a clause on the right of a transfer word.
const CLAUSE_END: &[&str] = &[
    ";", "but", "while", "whereas", "because", "although", "though", "which", "who", "when",
    "where", "unless", "—", "–", "-", "”", "\"", "said", "says", "amid", "after", "since", "as",
    "despite",
];

/// "Chile's request", "the Chilean request": the group right before a request noun, which
/// asks when it is a possessive or a demonym and is never an origin of the goods asked for.
fn before_request(a: &SentenceAnalysis, tr: TriggerHit, gi: usize) -> bool {
    tr.frame == Frame::Request && a.groups[gi].last + 1 == tr.first
}

/// The group that owns a request noun: a possessive or demonym right before it.
fn request_owner(a: &SentenceAnalysis, tr: TriggerHit) -> Option<usize> {
    (0..a.groups.len()).find(|&gi| {
        let g = &a.groups[gi];
        before_request(a, tr, gi) && (g.possessive || g.demonym)
    })
}

/// "turned to North Korea": the party turned to is asked to supply.
fn is_turn(a: &SentenceAnalysis, i: usize) -> bool {
    a.is(i, WordClass::TurnVerb)
}

/// Which triggers are background to another in the same sentence: "asked for engines it sold
/// to Pakistan" -- the sale is old news; Pakistan holds the engines.
pub fn background_triggers(a: &SentenceAnalysis) -> Vec<bool> {
    a.triggers
        .iter()
        .map(|t| {
            t.frame == Frame::Give
                && matches!(t.tense, Tense::Past | Tense::Participle)
                && t.first > 0
                && (t.first.saturating_sub(5)..t.first).any(|i| {
                    matches!(
                        a.word(i),
                        "it" | "they"
                            | "previously"
                            | "had"
                            | "originally"
                            | "once"
                            | "earlier"
                            | "were"
                            | "was"
                            | "been"
                            | "them"
                            | "that"
                            | "which"
                    )
                })
                // "buys back the engines it sold": the getting word is in the same clause, not
                // in one before ", but" or ";".
                && a.triggers.iter().any(|o| {
                    o.first < t.first
                        && matches!(o.frame, Frame::Get | Frame::Request | Frame::Return)
                        && !(o.last..t.first).any(|i| matches!(a.word(i), ";" | "but"))
                })
        })
        .collect()
}

fn subject_ok(a: &SentenceAnalysis, gi: usize, trigger_first: usize) -> bool {
    let g = &a.groups[gi];
    if g.speaker
        || matches!(
            g.role,
            GroupRole::Ignored | GroupRole::Origin | GroupRole::Supplied
        )
        || g.role == GroupRole::Modifier && !g.possessive
    {
        return false;
    }
    let prev = g.prev.as_deref().unwrap_or("");
    let infinitive = is_infinitive(a, trigger_first);
    match g.prep.as_deref() {
        None => {}
        // "for Ukrainian forces to use Western weapons", "permission to Poland to export"
        Some("for") if a.word(g.last + 1) == "to" => {}
        Some("to") if a.word(g.last + 1) == "to" && g.last + 2 == trigger_first => {}
        // "appeals to the West to send tanks", "called on Germany to supply"
        Some("to" | "on")
            if infinitive && g.first >= 2 && a.is(g.first - 2, WordClass::AppealVerb) =>
        {
            return true;
        }
        // Examples share the role of what they exemplify: "including a Czech-led initiative that".
        Some("including" | "like") => {}
        Some(_) => return false,
    }
    // "approved Peru's request to send": the owner of the noun before an infinitive does it
    // (a plan, a request; also "Germany's reluctance to send", whose status the cues set).
    if g.possessive && infinitive && g.last + 3 == trigger_first {
        return true;
    }
    if a.prev_is(g, WordClass::ControlVerb) {
        return infinitive;
    }
    if a.prev_is(g, WordClass::ObjectVerb)
        || (prev.ends_with("ed") && !a.prev_is(g, WordClass::ReportingVerb))
    {
        return false;
    }
    true
}

/// True when the verb at `first` is an infinitive: "to send", "to “jointly procure"
/// (an adverb or an opening quote may stand between).
fn is_infinitive(a: &SentenceAnalysis, first: usize) -> bool {
    let filler = |i: usize| {
        let w = a.word(i);
        (w.ends_with("ly") && !a.tokens[i].capitalized) || matches!(w, "\"" | "“")
    };
    (1..=3).any(|k| first >= k && a.word(first - k) == "to" && (first - k + 1..first).all(filler))
}

/// Reads the roles of trigger `ti` of the analysed sentence. `None` when the words do not make
/// a transfer (no goods, no party).
///
/// `background` is [`background_triggers`] of the sentence, computed once by the caller.
pub fn assign_roles(a: &SentenceAnalysis, ti: usize, background: &[bool]) -> Option<Candidate> {
    let tr = a.triggers[ti];
    if is_ban_or_condition(a, tr) {
        return None;
    }
    let mut d = Draft::new(a, tr);
    if d.is_not_a_transfer() {
        return None;
    }
    d.find_subject();
    d.right_side_parties();
    d.arrival_sources();
    d.giver_after_noun();
    d.holders_of_old_sales(background);
    d.goods_window();
    d.origin_suppliers();
    // "ordered trucks from Canada"; but "ordered the suspension of aid" names no source.
    let unsourced = a.is(tr.first, WordClass::SourcedVerb) && !d.explicit_supplier;
    if unsourced || !d.names_goods_or_money() {
        return None;
    }
    d.subject_roles();
    d.answering_party();
    if !d.tidy_parties() {
        return None;
    }
    d.per_party_counts();
    Some(d.into_candidate())
}

/// Export bans, sanctions and curbs ("China restricted drone exports"), and requests that may
/// come ("training pilots if asked"), are not transfers.
fn is_ban_or_condition(a: &SentenceAnalysis, tr: TriggerHit) -> bool {
    let ban = (tr.first.saturating_sub(4)..tr.first).any(|i| a.is(i, WordClass::BanWord))
        || a.is(tr.last + 1, WordClass::BanNoun);
    let conditional = tr.frame == Frame::Request
        && tr.first > 0
        && matches!(a.word(tr.first - 1), "if" | "unless" | "when");
    ban || conditional
}

/// The clause a transfer word stands in.
struct Clause {
    /// First token.
    left: usize,
    /// End (exclusive), before a purpose infinitive ("to push it to ...").
    right: usize,
    /// End (exclusive) with the purpose infinitive: "sent jets to Peru to join exercises" is
    /// still a deployment.
    outer_right: usize,
    /// The group a relative pronoun at its start stands for.
    antecedent: Option<usize>,
}

/// The clause a transfer word stands in (see [`Clause`]).
fn clause_of(a: &SentenceAnalysis, tr: TriggerHit) -> Clause {
    let left_bound = (0..tr.first)
        .rev()
        // A relative clause starts anew ("the bulk of which would go to"), unless it is a
        // closed aside ("Germany, which had been wary, finally relents to send").
        .find(|&i| {
            matches!(a.word(i), ";" | ":")
                || (matches!(a.word(i), "which" | "who" | "whom")
                    && !(i + 1..tr.first).any(|k| a.word(k) == ","))
        })
        .map_or(0, |i| i + 1);
    // "Russia, which is using Chinese machine tools": the relative pronoun stands for the group
    // before the comma.
    let antecedent = (left_bound >= 3
        && matches!(a.word(left_bound - 1), "which" | "who")
        && a.word(left_bound - 2) == ",")
        .then(|| {
            a.groups
                .iter()
                .position(|g| g.last + 3 == left_bound && g.role == GroupRole::Actor)
        })
        .flatten();
    let mut right_bound = clause_end_after(a, tr.last + 1);
    // A comma before a new subject and verb also ends the clause (", the paper reported").
    if let Some(c) =
        (tr.last + 1..right_bound).find(|&i| a.word(i) == "," && a.is(i + 2, WordClass::SpeechVerb))
    {
        right_bound = c;
    }
    // "cut aid to Peru to push it to stop ...": a purpose infinitive after the recipient starts
    // a clause of its own.
    let purpose = (tr.last + 1..right_bound).find(|&i| {
        a.word(i) == "to"
            && opens_infinitive(a, i + 1)
            && a.groups.iter().any(|g| {
                g.first > tr.last && g.last < i && matches!(g.prep.as_deref(), Some("to" | "for"))
            })
    });
    Clause {
        left: left_bound,
        right: right_bound.min(purpose.unwrap_or(usize::MAX)),
        outer_right: right_bound,
        antecedent,
    }
}

/// True when token `i`, after "to", reads as a verb: a lower-case word that is no determiner,
/// quantifier, number, party or goods, and no plural or participle ("to rebels", "to armed
/// groups").
fn opens_infinitive(a: &SentenceAnalysis, i: usize) -> bool {
    let Some(t) = a.tokens.get(i) else {
        return false;
    };
    let w = t.lower.as_str();
    let plural = w.ends_with('s') && !w.ends_with("ss");
    t.kind == TokenKind::Word
        && !t.capitalized
        && !ARTICLES.contains(&w)
        && !plural
        && !w.ends_with("ed")
        && !a.groups.iter().any(|g| g.first == i)
        && !a.items.iter().any(|it| it.first <= i + 1 && i <= it.last)
        && !a.quantities.iter().any(|q| q.first == i)
}

/// True when the transfer word is a passive ("jets supplied by Poland", "will be sent").
fn is_passive(a: &SentenceAnalysis, tr: TriggerHit) -> bool {
    matches!(tr.tense, Tense::Past | Tense::Participle | Tense::Base)
        && ((tr.first >= 1 && is_be(a.word(tr.first - 1)))
            || (tr.first >= 2 && is_be(a.word(tr.first - 2)))
            || a.word(tr.last + 1) == "by"
            // "jets supplied by Poland"; but "a jet request" is a noun.
            || (tr.first >= 1
                && tr.tense != Tense::Base
                && a.items.iter().any(|it| it.last + 1 == tr.first)))
}

/// Every code of group `gi`, once each, with the token of its member.
pub(super) fn party_refs(a: &SentenceAnalysis, gi: usize) -> Vec<PartyRef> {
    let mut out = Vec::new();
    push_party(a, &mut out, gi);
    out
}

/// Rounds a confidence to two decimals, as reports carry it.
pub(super) fn round_confidence(c: f64) -> f64 {
    (c * 100.0).round() / 100.0
}

/// Adds every code of group `gi` to `list`, once.
fn push_party(a: &SentenceAnalysis, list: &mut Vec<PartyRef>, gi: usize) {
    for (token, codes) in &a.groups[gi].members {
        for code in codes {
            if !list.iter().any(|p| &p.code == code) {
                list.push(PartyRef {
                    code: code.clone(),
                    token: *token,
                    quantity: None,
                });
            }
        }
    }
}

/// What one transfer word of a sentence says so far: the passes below fill it in turn.
struct Draft<'a> {
    a: &'a SentenceAnalysis,
    tr: TriggerHit,
    left_bound: usize,
    right_bound: usize,
    /// The clause's end with a purpose infinitive ([`Clause::outer_right`]).
    outer_right: usize,
    antecedent: Option<usize>,
    passive: bool,
    subject: Option<usize>,
    controller: Option<usize>,
    suppliers: Vec<PartyRef>,
    recipients: Vec<PartyRef>,
    /// A supplier named by the sentence's grammar ("from X", an origin), not its subject.
    explicit_supplier: bool,
    /// "Biden requested aid to Kyiv": the request is made for another party.
    requested_for_other: bool,
    /// "buys shells from Seoul for Kyiv": the buyer passes the goods on to the "for" party.
    bought_for_other: bool,
    /// The sellers of such a purchase, who supply the buyer.
    sellers: Vec<PartyRef>,
    /// The status of an answered request: approved or refused ("Peru rejects Chile's
    /// request"); weighing it leaves it a request.
    answer: Option<Status>,
    /// Groups right of the transfer word, within the clause.
    right: Vec<usize>,
    /// Where goods may start.
    window_start: usize,
    /// Goods of the transfer (indices into the sentence's goods).
    items: Vec<usize>,
    /// Dollar amounts in the clause.
    money: Vec<u64>,
    /// A sum in any currency stands in the clause ("eight mln stg").
    sum_named: bool,
}

impl<'a> Draft<'a> {
    fn new(a: &'a SentenceAnalysis, tr: TriggerHit) -> Self {
        let clause = clause_of(a, tr);
        let (left_bound, right_bound) = (clause.left, clause.right);
        let right = (0..a.groups.len())
            .filter(|&g| a.groups[g].first > tr.last && a.groups[g].last < right_bound)
            .collect();
        Self {
            a,
            tr,
            left_bound,
            right_bound,
            outer_right: clause.outer_right,
            antecedent: clause.antecedent,
            passive: is_passive(a, tr),
            subject: None,
            controller: None,
            suppliers: Vec::new(),
            recipients: Vec::new(),
            explicit_supplier: false,
            requested_for_other: false,
            bought_for_other: false,
            sellers: Vec::new(),
            answer: None,
            right,
            window_start: tr.last + 1,
            items: Vec::new(),
            money: Vec::new(),
            sum_named: false,
        }
    }

    fn supplier(&mut self, gi: usize) {
        push_party(self.a, &mut self.suppliers, gi);
    }

    fn explicit(&mut self, gi: usize) {
        self.supplier(gi);
        self.explicit_supplier = true;
    }

    fn recipient(&mut self, gi: usize) {
        push_party(self.a, &mut self.recipients, gi);
    }

    /// Exercises and deployments, aggregate trade figures, and "can be used to target".
    fn is_not_a_transfer(&self) -> bool {
        let (a, tr) = (self.a, self.tr);
        let deployment = matches!(tr.frame, Frame::Give | Frame::Noun)
            && (self.left_bound..self.outer_right).any(|i| a.is(i, WordClass::DeploymentWord));
        let be_before =
            is_be(a.word(tr.first.saturating_sub(1))) || is_be(a.word(tr.first.saturating_sub(2)));
        // "cocaine flown from Peru": goods of crime move between gangs, not countries.
        let contraband =
            (self.left_bound..self.right_bound).any(|i| a.is(i, WordClass::Contraband));
        deployment
            || contraband
            || is_statistic(a, tr, self.left_bound, self.right_bound)
            || (tr.frame == Frame::Use && be_before)
    }

    /// The subject: the nearest acceptable group on the left, and the party a control verb
    /// names ("asked Egypt to return").
    fn find_subject(&mut self) {
        let (a, tr) = (self.a, self.tr);
        // "the potential use of US-supplied Himars" names no user.
        let nominal_use = tr.frame == Frame::Use && a.word(tr.last + 1) == "of";
        // "won't block them from exporting jets": the pronoun, not a named party, does it.
        let pronoun_subject = tr.first >= 2
            && matches!(a.word(tr.first - 1), "from" | "to")
            && matches!(a.word(tr.first - 2), "them" | "it" | "him" | "her");
        if nominal_use
            || self.passive && tr.frame == Frame::Give
            || tr.frame == Frame::Arrive
            || pronoun_subject
        {
            return;
        }
        let left: Vec<usize> = (0..a.groups.len())
            .rev()
            .filter(|&g| a.groups[g].last < tr.first && a.groups[g].first >= self.left_bound)
            .collect();
        for gi in left {
            if self.subject.is_none() {
                if self.is_owner(gi) || self.can_be_subject(gi) {
                    self.subject = Some(gi);
                }
            } else if self.controller.is_none()
                && let Some(s) = self.subject
                && a.prev_is(&a.groups[s], WordClass::ControlVerb)
                && subject_ok(a, gi, a.groups[s].first)
            {
                self.controller = Some(gi);
            }
        }
        if self
            .subject
            .is_some_and(|s| !a.prev_is(&a.groups[s], WordClass::ControlVerb))
        {
            self.controller = None;
        }
        // A noun's supplier needs a giving word, which the relative clause need not have.
        if self.subject.is_none() && tr.frame != Frame::Noun {
            self.subject = self
                .antecedent
                .or_else(|| speaker_of_pronoun(a, self.left_bound, tr.first));
        }
    }

    /// A noun's owner stands right before it: "Germany's delivery", "US aid".
    fn is_owner(&self, gi: usize) -> bool {
        let (a, tr, g) = (self.a, self.tr, &self.a.groups[gi]);
        // A sum of money may stand between: "the EU's $18.9 billion support package".
        let money_between = a.money.iter().any(|(t, _)| *t > g.last && *t < tr.first);
        let reach = if money_between { 7 } else { 4 };
        // "Chile's request for tanks", "the Chilean request": the owner asks.
        request_owner(a, tr) == Some(gi)
            || tr.frame == Frame::Noun
                && g.last + reach >= tr.first
                && (g.possessive || matches!(g.role, GroupRole::Modifier | GroupRole::Supplied))
                && a.tokens[g.last + 1..tr.first].iter().all(|t| {
                    t.kind != TokenKind::Punct || matches!(t.lower.as_str(), "$" | "€" | "£")
                })
    }

    /// A group left of the transfer word that can be its subject.
    fn can_be_subject(&self, gi: usize) -> bool {
        let (a, tr, g) = (self.a, self.tr, &self.a.groups[gi]);
        // A clause subject gives a noun's goods only through a giving or announcing word:
        // "Washington pledged more aid", not "Moscow criticised supplies".
        let linked = tr.frame != Frame::Noun
            || a.cues.iter().any(|(i, s, _)| {
                *i > g.last && *i < tr.first && !matches!(s, Status::Refused | Status::Denied)
            })
            || a.triggers
                .iter()
                .any(|o| o.frame == Frame::Give && o.first > g.last && o.first < tr.first)
            // "India defends its oil imports from Russia": a purchase with its source named
            // is the clause subject's.
            || (tr.owner_receives && a.word(tr.last + 1) == "from")
            // "Russia cuts its gas supply to Finland": "its" and the goods are the subject's.
            || (g.last..tr.first).any(|i| {
                matches!(a.word(i), "its" | "their")
                    && a.items.iter().any(|it| it.first == i + 1 && it.last + 1 == tr.first)
            });
        // "X urged Y to provide": X is not the giver.
        let infinitive = is_infinitive(a, tr.first);
        let urged_other = infinitive
            && !a.prev_is(g, WordClass::ControlVerb)
            && (g.last + 1..tr.first).any(|i| {
                a.is(i, WordClass::ControlVerb)
                    && !a.groups.iter().any(|o| o.first > i && o.first < tr.first)
            });
        linked && !urged_other && subject_ok(a, gi, tr.first)
    }

    /// Right of the transfer word: indirect objects and prepositional parties.
    fn right_side_parties(&mut self) {
        let (a, tr) = (self.a, self.tr);
        let nominal_request = tr.frame == Frame::Request
            && tr.first > 0
            && (a.items.iter().any(|it| it.last + 1 == tr.first)
                || matches!(
                    a.word(tr.first - 1),
                    "a" | "the" | "its" | "their" | "his" | "her"
                ));
        for gi in self.right.clone() {
            let g = &a.groups[gi];
            if g.speaker || g.role == GroupRole::Ignored {
                continue;
            }
            let adjacent = g.first == tr.last + 1
                || (g.first == tr.last + 2
                    && matches!(a.word(tr.last + 1), "the" | "its" | "their"));
            let party = g.role == GroupRole::Actor || g.possessive;
            match (g.prep.as_deref(), tr.frame) {
                (Some("from"), _) if party => self.explicit(gi),
                // "purchases by Iran": the buyer receives.
                (Some("by"), Frame::Noun) if party && tr.owner_receives => self.recipient(gi),
                (Some("by"), Frame::Give | Frame::Noun) if party => self.explicit(gi),
                // "drones bought by Moscow": the buyer is the recipient.
                (Some("by"), Frame::Get) if party => self.recipient(gi),
                (
                    Some("to" | "into" | "towards" | "toward"),
                    Frame::Give | Frame::Noun | Frame::Return,
                ) => self.recipient(gi),
                (Some("for"), Frame::Give | Frame::Noun) => self.recipient(gi),
                // "for Kyiv" ends the phrase; "for U.S. troops", "for its Asia service" do not.
                (Some("for"), Frame::Get)
                    if g.role == GroupRole::Actor
                        && !g.demonym
                        && !(tr.last + 1..g.first).any(|i| a.word(i) == ",")
                        && a.tokens.get(g.last + 1).is_none_or(|t| {
                            t.kind == TokenKind::Punct || PREPOSITIONS.contains(&t.lower.as_str())
                        }) =>
                {
                    self.recipient(gi);
                    self.bought_for_other = true;
                }
                (Some("in" | "at" | "to" | "into"), Frame::Arrive) if party => self.recipient(gi),
                // "repeats its fighter jet request to Washington": a request noun's "to" is asked.
                (Some("to"), Frame::Request) if nominal_request && party => self.explicit(gi),
                // "Biden requested $8.5bn in aid to Kyiv": asked on behalf of another.
                (Some("to" | "for"), Frame::Request)
                    if !is_turn(a, tr.first)
                        && g.role == GroupRole::Actor
                        && !a
                            .triggers
                            .iter()
                            .any(|o| o.first > tr.last && o.first < g.first) =>
                {
                    self.recipient(gi);
                    self.requested_for_other = true;
                }
                (Some("to"), Frame::Request) if is_turn(a, tr.first) => self.explicit(gi),
                (None, Frame::Give) if adjacent && party => self.recipient(gi),
                // "sends $25m in aid to support Ukraine": the party helped receives.
                (None, Frame::Give | Frame::Noun)
                    if party
                        && g.first >= 2
                        && a.prev_is(g, WordClass::HelpVerb)
                        && a.word(g.first - 2) == "to" =>
                {
                    self.recipient(gi)
                }
                // "provides ammunition in a $1bn Ukraine aid package": a name on the package of
                // a giving verb is its recipient.
                (None, Frame::Give)
                    if g.role == GroupRole::Modifier
                        && !g.demonym
                        && a.triggers.iter().any(|o| {
                            o.frame == Frame::Noun && o.first > g.last && o.first <= g.last + 2
                        }) =>
                {
                    self.recipient(gi)
                }
                (None, Frame::Request | Frame::Return) if adjacent && party => self.explicit(gi),
                _ => {}
            }
        }
    }

    /// "Rifles from Canada arrive in Peru": the goods' source stands with them, before the verb.
    /// So it does before a giving verb with no subject, right after goods: "a grain from Canada
    /// ship delivers wheat to Peru".
    fn arrival_sources(&mut self) {
        let (a, tr) = (self.a, self.tr);
        let subjectless_give = tr.frame == Frame::Give && self.subject.is_none() && !self.passive;
        if tr.frame != Frame::Arrive && !subjectless_give {
            return;
        }
        for gi in 0..a.groups.len() {
            let g = &a.groups[gi];
            // "a grain from Peru ship delivers": right before the verb, no comma between.
            let after_goods = g.first >= 2
                && a.items.iter().any(|it| it.last + 2 == g.first)
                && g.last + 4 >= tr.first
                && !(g.last + 1..tr.first).any(|i| a.word(i) == ",");
            if g.last < tr.first
                && g.first >= self.left_bound
                && g.prep.as_deref() == Some("from")
                && (tr.frame == Frame::Arrive || after_goods)
            {
                self.explicit(gi);
            }
        }
    }

    /// "the package President Joe Biden signed": the giver follows the noun, then its verb.
    fn giver_after_noun(&mut self) {
        let (a, tr) = (self.a, self.tr);
        if tr.frame != Frame::Noun || tr.owner_receives || !self.suppliers.is_empty() {
            return;
        }
        let giver = self.right.iter().copied().find(|&gi| {
            let g = &a.groups[gi];
            g.role == GroupRole::Actor
                && g.prep.is_none()
                && g.first <= tr.last + 3
                && a.cues.iter().any(|(i, s, _)| {
                    *i == g.last + 1 && matches!(s, Status::Agreed | Status::Planned)
                })
        });
        if let Some(gi) = giver {
            self.explicit(gi);
        }
    }

    /// Holders of goods sold long ago: "engines it sold to Pakistan" (Pakistan supplies now).
    fn holders_of_old_sales(&mut self, background: &[bool]) {
        let (a, tr) = (self.a, self.tr);
        if !matches!(tr.frame, Frame::Get | Frame::Request | Frame::Return) {
            return;
        }
        for (bi, b) in a.triggers.iter().enumerate() {
            if !(background[bi] && b.first > tr.last && b.first < self.right_bound) {
                continue;
            }
            for gi in self.right.clone() {
                let g = &a.groups[gi];
                if g.first > b.last
                    && g.first <= b.last + 4
                    && matches!(g.prep.as_deref(), Some("to"))
                {
                    self.explicit(gi);
                }
            }
        }
    }

    /// Goods: in the object window (and just before a passive or noun trigger), else the
    /// sentence's subject ("BMP-1 vehicles will head to Ukraine from Greece"); and money.
    fn goods_window(&mut self) {
        let (a, tr) = (self.a, self.tr);
        self.window_start = if self.passive || matches!(tr.frame, Frame::Noun | Frame::Arrive) {
            tr.first.saturating_sub(6).max(self.left_bound)
        } else {
            tr.last + 1
        };
        self.items = (0..a.items.len())
            .filter(|&i| {
                let it = &a.items[i];
                it.first >= self.window_start
                    && it.first < self.right_bound
                    && (it.last < tr.first
                        || it.first > tr.last
                        // "financial pledges": goods that end in the noun are its goods.
                        || (tr.frame == Frame::Noun && it.first < tr.first && it.last == tr.last))
                    && !goods_not_moved(a, it.first, tr)
                    && !(it.last < tr.first
                        && tr.frame != Frame::Noun
                        && governed_by_preposition(a, it.first))
            })
            .collect();
        // An asker or buyer is the subject, never the goods ("Peru, short of rifles, asks").
        // But goods right before the word name it: "a fighter jet request".
        let goods_may_lead = self.passive
            || !matches!(tr.frame, Frame::Request | Frame::Get)
            || a.items.iter().any(|it| it.last + 1 == tr.first);
        if self.items.is_empty() && goods_may_lead {
            self.items = (0..a.items.len())
                .filter(|&i| {
                    let it = &a.items[i];
                    it.last < tr.first
                        && it.first >= self.left_bound
                        && it.last + 8 >= tr.first
                        && !governed_by_preposition(a, it.first)
                })
                .collect();
        }
        self.items = past_vessel(a, &self.items).to_vec();
        let from = self.window_start.min(tr.first.saturating_sub(4));
        self.money = a
            .money
            .iter()
            .filter(|(t, _)| *t >= from && *t < self.right_bound)
            .map(|(_, m)| m.usd)
            .collect();
        self.sum_named = a
            .sums
            .iter()
            .any(|m| m.first >= from && m.first < self.right_bound);
    }

    /// Origin adjectives of the goods phrase that name its supplier ("Iranian-made drones").
    fn origin_suppliers(&mut self) {
        let (a, tr) = (self.a, self.tr);
        for ii in goods_phrase(a, &self.items) {
            let Some(gi) = a.items[ii].origin else {
                continue;
            };
            let origin = &a.groups[gi];
            // "the Chilean request for tanks": the request's owner asks; it is no origin.
            if before_request(a, tr, gi) {
                continue;
            }
            let usable = match tr.frame {
                Frame::Get | Frame::Request | Frame::Arrive => true,
                // Only the used goods, not the target: "uses drones to target Ukrainian artillery".
                Frame::Use => {
                    a.items[ii].first <= tr.last + 5
                        && !(tr.last + 1..a.items[ii].first).any(|i| a.word(i) == "to")
                }
                // "Germany's imports of Russian gas": the origin supplies the buyer.
                Frame::Noun if tr.owner_receives => true,
                // "supplies of Western weapons": the goods' origin is the noun's supplier.
                Frame::Noun => {
                    !self.explicit_supplier
                        && !self.subject.is_some_and(|s| {
                            a.groups[s].possessive || a.groups[s].last + 4 >= tr.first
                        })
                }
                Frame::Give | Frame::Return => {
                    self.subject.is_none() && !self.explicit_supplier
                        || origin.role == GroupRole::Supplied
                }
            };
            if usable && !origin.speaker && !captured(a, a.items[ii].first) {
                self.explicit(gi);
            }
        }
    }

    /// A transfer needs goods or money, except nouns, words that say what they give ("fund",
    /// "arm") and "turned to X" requests.
    fn names_goods_or_money(&self) -> bool {
        let (a, tr) = (self.a, self.tr);
        let self_describing = a.is(tr.first, WordClass::SelfDescribingVerb);
        let needs_goods = match tr.frame {
            Frame::Noun => false,
            // "turned to North Korea" is a request for supplies; "asks Japan to end controls"
            // is not.
            Frame::Request => {
                !(self.explicit_supplier
                    && (is_turn(a, tr.first) || a.is(tr.first, WordClass::ApproachVerb)))
            }
            _ => !self_describing,
        };
        !(self.items.is_empty() && self.money.is_empty() && !self.sum_named && needs_goods)
    }

    /// The subject and controller take the side their frame gives them.
    fn subject_roles(&mut self) {
        let (a, tr) = (self.a, self.tr);
        if let Some(s) = self.subject {
            match tr.frame {
                Frame::Give | Frame::Return => {
                    if !self.explicit_supplier || tr.frame == Frame::Return {
                        self.supplier(s);
                    }
                    if let Some(c) = self.controller {
                        self.recipient(c);
                    }
                }
                // "India's purchase of radars": the buyer receives; but "Russian gas imports"
                // names the goods' origin with an adjective.
                Frame::Noun if tr.owner_receives => {
                    let g = &a.groups[s];
                    if g.demonym
                        && !g.possessive
                        && g.role == GroupRole::Modifier
                        && !self.explicit_supplier
                    {
                        self.supplier(s);
                    } else {
                        self.recipient(s);
                    }
                }
                Frame::Noun => {
                    if !self.explicit_supplier && self.suppliers.is_empty() {
                        self.supplier(s);
                    }
                }
                // "Pakistan denied being approached": the asked party is the subject.
                Frame::Request if self.passive || self.requested_for_other => self.supplier(s),
                // The buyer for another supplies it; the seller's sale is another transfer.
                Frame::Get if self.bought_for_other => {
                    self.sellers = std::mem::take(&mut self.suppliers);
                    self.supplier(s);
                }
                Frame::Get | Frame::Request | Frame::Use => self.recipient(s),
                Frame::Arrive => {}
            }
        }
        if let (Frame::Give, Some(c), None) = (tr.frame, self.controller, self.subject) {
            self.recipient(c);
        }
    }

    /// "Peru rejects Chile's request for tanks", "Peru weighs Chilean requests": the party
    /// that answers a request, the subject of a status word before its owner, is asked to
    /// supply.
    fn answering_party(&mut self) {
        let (a, tr) = (self.a, self.tr);
        // "approved Chile's request to send tanks": a request to act is leave, not goods asked.
        let to_act =
            a.word(tr.last + 1) == "to" && !a.groups.iter().any(|g| g.first == tr.last + 2);
        if tr.frame != Frame::Request || !self.suppliers.is_empty() || to_act {
            return;
        }
        // The word before the owner, past its determiners.
        let Some(verb) = request_owner(a, tr).and_then(|g| a.groups[g].prev_at) else {
            return;
        };
        // A cue of up to three words ends right before the owner ("turned down").
        let answer = a
            .cues
            .iter()
            .find(|&&(i, status, _)| {
                i <= verb
                    && i + 2 >= verb
                    && status != Status::Requested
                    && a.is(i, WordClass::AnswerVerb)
            })
            .map(|&(_, status, _)| status);
        // The answer's subject, with at most an auxiliary between ("Peru has rejected").
        let answerer = a.groups.iter().rposition(|g| {
            g.last < verb
                && g.last + 3 >= verb
                && g.first >= self.left_bound
                && g.role == GroupRole::Actor
                && g.prep.is_none()
                && (g.last + 1..verb)
                    .all(|i| a.word(i) != "to" && a.tokens[i].kind == TokenKind::Word)
        });
        if let (Some(status), Some(gi)) = (answer, answerer) {
            self.explicit(gi);
            self.answer = Some(match status {
                Status::Unknown => Status::Requested,
                answered => answered,
            });
        }
    }

    /// Drops what cannot stand; `false` when no party is left or the goods are the asker's own.
    fn tidy_parties(&mut self) -> bool {
        let (a, tr) = (self.a, self.tr);
        let recipients = &self.recipients;
        self.suppliers
            .retain(|s| !recipients.iter().any(|r| r.code == s.code) || tr.frame == Frame::Return);
        // "sends funds meant for Chile to Peru": the "to" party receives, not the "for" one.
        if tr.frame == Frame::Give && self.recipients.iter().any(|r| to_recipient(a, r)) {
            self.recipients
                .retain(|r| to_recipient(a, r) || r.token == usize::MAX);
        }
        // "asks Chile to help repair Peruvian rifles": the asker's own goods are not moved.
        let own_goods = tr.frame == Frame::Request
            && self.items.iter().any(|&ii| {
                a.items[ii].origin.is_some_and(|gi| {
                    // The owner of "the Chilean request for tanks" is no origin of the tanks.
                    !before_request(a, tr, gi)
                        && a.groups[gi]
                            .codes()
                            .iter()
                            .any(|c| self.recipients.iter().any(|r| &r.code == c))
                })
            });
        let no_party = self.suppliers.is_empty() && self.recipients.is_empty();
        !(own_goods || no_party)
    }

    /// Per-party counts: the count in the party's own comma segment ("six from Belarus").
    fn per_party_counts(&mut self) {
        let (a, tr) = (self.a, self.tr);
        if self.suppliers.len() < 2 {
            return;
        }
        for s in &mut self.suppliers {
            let seg_start = (0..s.token)
                .rev()
                .find(|&i| a.word(i) == ",")
                .map_or(0, |i| i + 1);
            s.quantity = a
                .quantities
                .iter()
                .rev()
                .find(|q| q.first >= seg_start && q.last < s.token && q.first > tr.last)
                .map(|q| q.quantity);
        }
        if self
            .suppliers
            .iter()
            .filter(|s| s.quantity.is_some())
            .count()
            < 2
        {
            for s in &mut self.suppliers {
                s.quantity = None;
            }
        }
    }

    /// "divert funding to the conflict": the goods go somewhere the sentence names that is no
    /// country, so no side is left for the article's context to guess.
    fn names_other_destination(&self) -> bool {
        let a = self.a;
        (self.tr.last + 1..self.right_bound).any(|i| {
            // "amounting to a third", "up to a": not a destination.
            let governed =
                i > self.tr.last + 1 && (a.word(i - 1).ends_with("ing") || a.word(i - 1) == "up");
            matches!(a.word(i), "to" | "into")
                && !governed
                && !self.local_party_at(i)
                && ARTICLES.contains(&a.word(i + 1))
                && !a
                    .groups
                    .iter()
                    .any(|g| g.first == i + 1 || g.first == i + 2)
        })
    }

    /// "to the rebels", "to the country's opposition": a side inside a country, after the "to"
    /// at token `i`.
    fn local_party_at(&self, i: usize) -> bool {
        let a = self.a;
        ARTICLES.contains(&a.word(i + 1))
            && (i + 2..(i + 4).min(a.tokens.len())).any(|k| a.is(k, WordClass::LocalParty))
    }

    /// The goods' words and count, the status, the rule and the confidence.
    fn into_candidate(self) -> Candidate {
        let (a, tr) = (self.a, self.tr);
        let has_money = !self.money.is_empty() || self.sum_named;
        let (item, category) = goods(a, &self.items, tr.frame, tr.first, tr.last, has_money);
        // Of the contents a sum of money is said to include, after the word or its goods.
        let end = item.map_or(tr.last, |(_, last)| last.max(tr.last));
        let category = contents_category(a, end, category).unwrap_or(category);
        let quantity = item.and_then(|goods| quantity_of(a, goods, tr));
        let status = status_of(
            a,
            tr.first,
            tr.last,
            self.left_bound,
            self.right_bound,
            tr.frame,
            tr.tense,
            self.passive,
        );
        let status = self.answer.unwrap_or(status);
        // A credit line or guarantee given is a facility agreed, not goods delivered.
        let status = match item {
            Some((_, last))
                if status == Status::Delivered && a.is(last, WordClass::FacilityNoun) =>
            {
                Status::Agreed
            }
            _ => status,
        };
        let fillable = match tr.frame {
            Frame::Noun => {
                a.is(tr.last, WordClass::FillableNoun)
                    && !self.suppliers.is_empty()
                    && !self.names_other_destination()
            }
            _ => !self.names_other_destination(),
        };
        let confidence = confidence(
            a,
            tr,
            &self.suppliers,
            &self.recipients,
            item.is_some(),
            status,
        );
        let local_destination = self.recipients.is_empty()
            && (tr.last + 1..self.right_bound).any(|i| a.word(i) == "to" && self.local_party_at(i));
        Candidate {
            suppliers: self.suppliers,
            recipients: self.recipients,
            item,
            category,
            quantity,
            value_usd: self.money.first().copied(),
            frame: tr.frame,
            status,
            rule: rule_name(tr),
            fillable,
            local_destination,
            confidence,
            sellers: self.sellers,
        }
    }
}

/// The count of the goods at tokens `goods` (first, last): a number just before them, or one
/// system ("a third US-made Patriot battery").
fn quantity_of(a: &SentenceAnalysis, (f, l): (usize, usize), tr: TriggerHit) -> Option<Quantity> {
    let before = a
        .quantities
        .iter()
        .find(|q| {
            q.last < f
                && f - q.last <= 3
                && a.tokens[q.last + 1..f]
                    .iter()
                    .all(|t| t.kind != TokenKind::Punct)
        })
        .map(|q| Quantity {
            // "handed over 4 tanks": the particle is the verb's, not "over" a number.
            qualifier: if (tr.first..=tr.last).contains(&q.first) {
                crate::model::Qualifier::Exact
            } else {
                q.quantity.qualifier
            },
            ..q.quantity
        });
    before.or_else(|| {
        let unit = a.is(l + 1, WordClass::UnitNoun) || a.is(l, WordClass::UnitNoun);
        let article = (f.saturating_sub(4)..f)
            .rev()
            .take_while(|&i| a.tokens[i].kind != TokenKind::Punct)
            .any(|i| matches!(a.word(i), "a" | "an" | "one"));
        (unit && article).then_some(Quantity {
            value: 1,
            qualifier: crate::model::Qualifier::Exact,
        })
    })
}

/// The rule's name for the evidence: the frame of the transfer word.
fn rule_name(tr: TriggerHit) -> &'static str {
    match tr.frame {
        Frame::Give => "give-frame",
        Frame::Get => "get-frame",
        Frame::Request => "request-frame",
        Frame::Return => "return-frame",
        Frame::Use => "use-frame",
        Frame::Noun if tr.owner_receives => "purchase-noun-frame",
        Frame::Noun => "noun-frame",
        Frame::Arrive => "arrive-frame",
    }
}

/// How much a sentence supports a candidate, from 0 to 1. Verbs that move goods between two
/// named parties start highest; nouns, requests and uses lower. Each missing side, party far
/// from the transfer word, missing goods word and open status takes some away.
pub fn confidence(
    a: &SentenceAnalysis,
    tr: TriggerHit,
    suppliers: &[PartyRef],
    recipients: &[PartyRef],
    has_item: bool,
    status: Status,
) -> f64 {
    let mut c: f64 = match tr.frame {
        Frame::Give | Frame::Get | Frame::Return | Frame::Arrive => 0.9,
        Frame::Request => 0.8,
        Frame::Noun => 0.75,
        Frame::Use => 0.65,
    };
    let far = |p: &PartyRef| p.token.abs_diff(tr.first) > 12;
    if suppliers.iter().chain(recipients).any(far) {
        c -= 0.15;
    }
    if suppliers.is_empty() || recipients.is_empty() {
        // The other side must come from the article's context.
        c -= 0.1;
    }
    if !has_item {
        c -= 0.1;
    }
    if status == Status::Unknown {
        c -= 0.1;
    }
    // Lists of more than one party on a side are often only partly right.
    if suppliers.len() > 2 || recipients.len() > 2 {
        c -= 0.1;
    }
    // Long sentences hold more than one clause to misread.
    if a.tokens.len() > 45 {
        c -= 0.1;
    }
    round_confidence(c.clamp(0.05, 0.99))
}

/// "Canada says it will give aircraft": the pronoun right after a speech verb is the speaker.
fn speaker_of_pronoun(a: &SentenceAnalysis, left: usize, trigger_first: usize) -> Option<usize> {
    let pronoun = (left..trigger_first)
        .rev()
        .find(|&i| matches!(a.word(i), "it" | "they" | "he" | "she" | "we"))?;
    let mut verb = pronoun.checked_sub(1)?;
    if a.word(verb) == "that" {
        verb = verb.checked_sub(1)?;
    }
    if !a.is(verb, WordClass::SpeechVerb) {
        return None;
    }
    a.groups.iter().position(|g| {
        g.last < verb
            && g.last + 3 >= verb
            && g.role == GroupRole::Actor
            && g.prep.is_none()
            && g.first >= left
    })
}

/// True when party `p` stands after "to" (not "for") in the sentence.
fn to_recipient(a: &SentenceAnalysis, p: &PartyRef) -> bool {
    a.groups
        .iter()
        .find(|g| g.members.iter().any(|(t, _)| *t == p.token))
        .is_some_and(|g| matches!(g.prep.as_deref(), Some("to" | "into")))
}

/// "captured Russian tanks": goods taken in war came from no supplier of theirs.
fn captured(a: &SentenceAnalysis, item_first: usize) -> bool {
    (item_first.saturating_sub(3)..item_first).any(|i| a.is(i, WordClass::CaptureWord))
}

/// "contact with the Peruvian ship was not returned": goods after a preposition (other than
/// "of") are not the subject that a passive moves.
fn governed_by_preposition(a: &SentenceAnalysis, item_first: usize) -> bool {
    let mut k = item_first;
    while k > 0 {
        k -= 1;
        let in_group = a.groups.iter().any(|g| g.first <= k && k <= g.last);
        if !(in_group || ARTICLES.contains(&a.word(k))) {
            // "loaded with oil": the cargo of a vessel is not governed away from it.
            return a.word(k) != "of"
                && PREPOSITIONS.contains(&a.word(k))
                && !(k > 0 && a.is(k - 1, WordClass::CargoVerb));
        }
    }
    false
}

/// Prepositions whose object is a topic, not the goods moved ("notice about missile tests",
/// "a look at its warplanes").
const TOPIC_PREPOSITIONS: &[&str] = &["about", "on", "over", "regarding", "concerning", "at"];

/// True when the goods at `item_first` are not what the verb moves: the topic of a preposition
/// or the content of a list ("a list of military equipment").
fn goods_not_moved(a: &SentenceAnalysis, item_first: usize, tr: TriggerHit) -> bool {
    // A particle of the transfer word ("handed over") is no preposition, and one before the
    // transfer word governs that word, not its goods ("on giving jets").
    let before = |k: usize| {
        item_first
            .checked_sub(k)
            .filter(|&i| !(i..item_first).any(|j| (tr.first..=tr.last).contains(&j)))
            .map_or("", |i| a.word(i))
    };
    // "about 30 howitzers", "over 100 tanks": before a number these are qualifiers.
    let topic = (1..=2).any(|k| {
        TOPIC_PREPOSITIONS.contains(&before(k))
            && a.tokens
                .get(item_first + 1 - k)
                .is_some_and(|t| t.kind != TokenKind::Number)
    }) && !matches!(before(1), "more" | "new");
    let listed = before(1) == "of"
        && item_first >= 2
        && (a.is(item_first - 2, WordClass::ListNoun)
            || (item_first >= 3 && a.is(item_first - 3, WordClass::ListNoun)));
    topic || listed
}

/// Aggregate trade, not a deal (generalisation notes, phenomenon 4): a statistic word near the
/// transfer word ("market share", "trade surplus", "70 pct of its wheat") unless arms are named,
/// trade that rises or falls ("exports to Peru rose"), or a trade word with a period ("exported
/// 9 mln tonnes last year", "in 1986") unless arms are named. A share of aid is still aid.
fn is_statistic(a: &SentenceAnalysis, tr: TriggerHit, left: usize, right: usize) -> bool {
    // Near the word, not past a comma: "..., Britain offered eight mln stg" is a pledge even
    // after "a third of annual consumption".
    let near = |class: WordClass, reach: usize| {
        let before = (tr.first.saturating_sub(reach).max(left)..tr.first)
            .rev()
            .take_while(|&i| a.word(i) != ",")
            .any(|i| a.is(i, class));
        let after = (tr.last + 1..(tr.last + 1 + reach).min(right))
            .take_while(|&i| a.word(i) != ",")
            .any(|i| a.is(i, class));
        before || after
    };
    // "10% of the aid requested": a share of aid is still aid.
    let aid = (left..right).any(|i| a.is(i, WordClass::AidNoun));
    // "exports to Peru rose", "raise its imports of Chilean wheat": trade that changes.
    let trade = a.is(tr.first, WordClass::TradeWord) || trade_goods(a, tr, right);
    let change = trade && near(WordClass::TradeChange, 8);
    // "exported 9 mln tonnes of potash last year", "imports in 1986": a total over a period.
    // Arms trade between two states over a year is what arms registers record: it stays.
    let arms = a.items.iter().any(|it| {
        it.first >= left
            && it.first < right
            && !matches!(
                it.category,
                Category::Commodities | Category::Other | Category::Money
            )
    });
    let period = a.is(tr.first, WordClass::TradeWord)
        && !arms
        && (left..right).any(|i| {
            a.is(i, WordClass::Period)
                || (a.word(i) == "in" && a.word(i + 1).len() == 4 && is_year(a.word(i + 1)))
        });
    // "weekly shipments of shells": a statistic word does not make arms trade a statistic.
    ((near(WordClass::StatisticWord, 5) && !arms) || change || period) && !aid
}

/// True for a four-digit year of the 20th or 21st century ("1986").
fn is_year(w: &str) -> bool {
    w.parse::<u32>().is_ok_and(|y| (1900..2100).contains(&y))
}

/// True when commodities stand within six words of the transfer word ("sales of wheat",
/// "wheat exports").
fn trade_goods(a: &SentenceAnalysis, tr: TriggerHit, right: usize) -> bool {
    a.items.iter().any(|it| {
        it.category == Category::Commodities && it.first.abs_diff(tr.first) <= 6 && it.first < right
    })
}

/// The first token from `from` on that ends the clause, or the sentence's length.
fn clause_end_after(a: &SentenceAnalysis, from: usize) -> usize {
    let mut i = from;
    while i < a.tokens.len() {
        if let Some(close) = short_quote_at(a, i) {
            i = close + 1;
            continue;
        }
        if CLAUSE_END.contains(&a.word(i)) && !joins_within_clause(a, i) {
            return i;
        }
        // "asks for weapons and urges port closures": a second finite verb starts a new clause
        // ("aircraft and supporting services" does not).
        if a.word(i) == "and" && !a.word(i + 1).ends_with("ing") && starts_verb(a, i + 1) {
            return i;
        }
        i += 1;
    }
    a.tokens.len()
}

/// True when the clause-ending word at `i` is used inside a phrase instead: a hyphen inside a
/// word ("US-made"), "as" in a comparison ("as much as", "such as"), "but" between two
/// adjectives ("a small but steady stream").
fn joins_within_clause(a: &SentenceAnalysis, i: usize) -> bool {
    let (prev, next) = (i.checked_sub(1).map_or("", |p| a.word(p)), a.word(i + 1));
    match a.word(i) {
        "-" => {
            let t = &a.tokens;
            i > 0
                && t.get(i + 1).is_some_and(|n| n.span.start == t[i].span.end)
                && t[i - 1].span.end == t[i].span.start
        }
        "as" => {
            matches!(next, "well" | "many" | "much" | "long" | "far")
                || matches!(prev, "much" | "many" | "well" | "such" | "far" | "long")
        }
        "but" => {
            i >= 2
                && ARTICLES.contains(&a.word(i - 2))
                && a.tokens.get(i + 1).is_some_and(|t| !t.capitalized)
        }
        _ => false,
    }
}

/// True when token `i` is a verb the rules know: a transfer word (not a noun), a status cue,
/// or a speech, object, appeal or control verb.
fn starts_verb(a: &SentenceAnalysis, i: usize) -> bool {
    a.triggers
        .iter()
        .any(|t| t.first == i && t.frame != Frame::Noun)
        || a.cues
            .iter()
            .any(|(c, _, _)| *c == i && !matches!(a.word(i), "will" | "would"))
        || [
            WordClass::SpeechVerb,
            WordClass::ObjectVerb,
            WordClass::AppealVerb,
            WordClass::ControlVerb,
        ]
        .into_iter()
        .any(|c| a.is(i, c))
}

/// When token `i` opens a short quotation inside the clause (`will send "urgent" radars`), the
/// index of its closing mark: within six words, with no clause end between.
fn short_quote_at(a: &SentenceAnalysis, i: usize) -> Option<usize> {
    let is_quote = |w: &str| matches!(w, "\"" | "“" | "”");
    if !is_quote(a.word(i)) {
        return None;
    }
    let close = (i + 2..(i + 8).min(a.tokens.len())).find(|&k| is_quote(a.word(k)))?;
    (i + 1..close)
        .all(|k| !matches!(a.word(k), "," | ";" | "." | "said" | "says"))
        .then_some(close)
}

/// The goods phrase among `items` (indices into the sentence's goods, in order): the first and
/// those listed with it ("rockets and artillery shells", "drones, navigation equipment"), up to
/// a preposition, a number or another party.
fn goods_phrase(a: &SentenceAnalysis, items: &[usize]) -> Vec<usize> {
    let Some(&first) = items.first() else {
        return Vec::new();
    };
    let mut last = a.items[first].last;
    let mut phrase = vec![first];
    for &ii in &items[1..] {
        let it = &a.items[ii];
        let gap = last + 1..it.first;
        // A count starts another phrase; a model number ("Leopard 2") does not.
        let count_at = |i: usize| a.quantities.iter().any(|q| q.first <= i && i <= q.last);
        let blocked = gap.len() > 4
            || gap.clone().any(|i| {
                matches!(
                    a.word(i),
                    "." | ";" | "from" | "to" | "for" | "by" | "with" | "against"
                ) || count_at(i)
            })
            || a.groups
                .iter()
                .any(|g| g.first > last && g.first < it.first && g.role == GroupRole::Actor);
        if blocked {
            break;
        }
        last = it.last;
        phrase.push(ii);
    }
    phrase
}

/// "a ship carrying corn", "tankers loaded with oil": the goods are the cargo, not the vessel
/// (a warship's own arms are no cargo: "a frigate carrying missiles").
fn past_vessel<'i>(a: &SentenceAnalysis, items: &'i [usize]) -> &'i [usize] {
    match items {
        [vessel, cargo, ..]
            if a.is(a.items[*vessel].last, WordClass::CargoVessel)
                && a.is(a.items[*vessel].last + 1, WordClass::CargoVerb)
                && a.items[*cargo].first <= a.items[*vessel].last + 5 =>
        {
            &items[1..]
        }
        _ => items,
    }
}

/// "a $100m package, which includes drones and boats": a sum whose contents are named is
/// goods of their category, or arms in general when they are of several kinds. `end` is the
/// last token of the transfer word or its goods.
fn contents_category(a: &SentenceAnalysis, end: usize, category: Category) -> Option<Category> {
    if category != Category::Money {
        return None;
    }
    // Right after the sum or its package, or opening a relative clause on it: not "a loan
    // for Chile, whose exports include copper".
    let opener = (end + 1..(end + 12).min(a.tokens.len()))
        .take_while(|&i| !matches!(a.word(i), "." | ";"))
        .find(|&i| a.is(i, WordClass::ContentsOpener))
        .filter(|&i| i <= end + 3 || matches!(a.word(i - 1), "which" | "that"))?;
    let first = a
        .items
        .iter()
        .position(|it| it.first > opener && it.first <= opener + 3)?;
    let listed: Vec<usize> = (first..a.items.len()).collect();
    let mut cats: Vec<Category> = goods_phrase(a, &listed)
        .iter()
        .map(|&i| a.items[i].category)
        .collect();
    cats.dedup();
    let civil = |c: &Category| matches!(c, Category::Commodities | Category::Other);
    match cats.as_slice() {
        [one] => Some(*one),
        // "food and vaccines" stay civil goods; a mix with arms is arms.
        [first, ..] if cats.iter().all(civil) => Some(*first),
        _ => Some(Category::WeaponsUnspecified),
    }
}

/// The goods the clause names and their category, or the category a transfer word with no
/// goods implies ("financial aid" is money, "exports" commodities).
fn goods(
    a: &SentenceAnalysis,
    items: &[usize],
    frame: Frame,
    tf: usize,
    tl: usize,
    has_money: bool,
) -> (Option<(usize, usize)>, Category) {
    let Some(&first) = items.first() else {
        let noun_words = (tf.saturating_sub(2)..tf)
            .map(|i| a.word(i))
            .collect::<Vec<_>>();
        let category = if noun_words.contains(&"humanitarian") {
            Category::Other
        } else if has_money
            || (tf.saturating_sub(2)..tf).any(|i| a.is(i, WordClass::MoneyAdjective))
            || a.is(tl, WordClass::MoneyVerb)
        {
            Category::Money
        } else if a.is(tf, WordClass::TradeWord) {
            // "Israel's exports to the US": trade with no goods named is goods, not arms.
            Category::Commodities
        } else {
            Category::WeaponsUnspecified
        };
        let start = (tf.saturating_sub(2)..tf)
            .find(|&i| a.is(i, WordClass::AidKindAdjective))
            .unwrap_or(tf);
        return (
            if frame == Frame::Noun {
                Some((start, tl))
            } else {
                None
            },
            category,
        );
    };
    let phrase_items = goods_phrase(a, items);
    let last = phrase_items
        .last()
        .map_or(a.items[first].last, |&i| a.items[i].last);
    let cats: Vec<Category> = phrase_items.iter().map(|&i| a.items[i].category).collect();
    let mut category = cats[0];
    // A general word made specific: "weapons, such as RPGs and anti-tank missiles".
    let specified = (a.items[first].last + 1..(a.items[first].last + 4).min(a.tokens.len()))
        .any(|i| a.is(i, WordClass::ContentsOpener));
    if category == Category::WeaponsUnspecified
        && specified
        && let Some(specific) = items
            .iter()
            .map(|&i| a.items[i].category)
            .find(|c| *c != Category::WeaponsUnspecified && *c != Category::Money)
    {
        category = specific;
    }
    // "$33bn in military aid", "billions of dollars in aid": the package is money.
    let dollars =
        (tf.saturating_sub(6)..a.tokens.len().min(tl + 6)).any(|i| a.word(i) == "dollars");
    // "$8bn worth of military aid" is aid valued, not money.
    let valued = (a.items[first].first.saturating_sub(2)..a.items[first].first)
        .any(|i| a.is(i, WordClass::ValueWord));
    if category == Category::WeaponsUnspecified
        && (has_money || dollars)
        && !valued
        && (a.items[first].first.saturating_sub(4)..a.items[first].first)
            .any(|i| matches!(a.word(i), "in" | "of" | "$" | "dollars"))
        && a.is(a.items[first].last, WordClass::AidNoun)
    {
        category = Category::Money;
    }
    if category == Category::Missiles && cats.contains(&Category::Ammunition) {
        category = Category::Ammunition;
    }
    if category == Category::Money
        && !has_money
        && a.items[first].first > 0
        && a.word(a.items[first].first - 1) == "military"
    {
        category = Category::WeaponsUnspecified;
    }
    (Some((a.items[first].first, last)), category)
}

#[allow(clippy::too_many_arguments)]
fn status_of(
    a: &SentenceAnalysis,
    tf: usize,
    tl: usize,
    left: usize,
    right: usize,
    frame: Frame,
    tense: Tense,
    passive: bool,
) -> Status {
    // Clause-wide cues (refusals, denials, blocks) first, then the nearest cue before the word.
    let in_clause = |i: usize| i >= left && i < right;
    if let Some(&(_, s, _)) = a.cues.iter().find(|(i, s, any)| {
        *any && in_clause(*i)
            && !(*i >= tf && *i <= tl)
            && matches!(s, Status::Refused | Status::Denied | Status::Cancelled)
    }) {
        return s;
    }
    let negated =
        (tf.saturating_sub(3)..tf).any(|i| matches!(a.word(i), "not" | "n't" | "never" | "no"));
    // The transfer word itself may be the cue ("pledged", "requested").
    let before = a
        .cues
        .iter()
        .filter(|(i, _, _)| *i <= tl && *i + 8 >= tf && *i >= left)
        .max_by_key(|(i, _, _)| *i);
    if let Some(&(at, s, _)) = before {
        // "could agree to buy", "may approve the sale": a possibility, not an agreement.
        let hedged = a
            .cues
            .iter()
            .any(|(i, h, _)| *h == Status::Unknown && *i < at && *i + 3 >= at && *i >= left);
        return if hedged { Status::Unknown } else { s };
    }
    // "the package Biden signed Wednesday": a noun's status may follow it.
    if frame == Frame::Noun
        && let Some(&(_, s, _)) = a.cues.iter().find(|(i, _, _)| {
            *i > tl
                && *i <= tl + 5
                && *i < right
                && !matches!(a.word(*i), "will" | "would" | "shall" | "'ll")
        })
    {
        return s;
    }
    if negated {
        return Status::Refused;
    }
    match (frame, tense) {
        (Frame::Request, _) => Status::Requested,
        // Goods in use, or arriving, are goods delivered.
        (Frame::Use | Frame::Arrive, _) => Status::Delivered,
        (_, Tense::Past | Tense::Present | Tense::Ing | Tense::Participle | Tense::Noun) => {
            Status::Delivered
        }
        (_, Tense::Base) if passive => Status::Delivered,
        // "Germany to supply tanks": a party and an infinitive is a plan (headline grammar).
        (_, Tense::Base)
            if tf >= 2 && a.word(tf - 1) == "to" && a.groups.iter().any(|g| g.last + 2 == tf) =>
        {
            Status::Planned
        }
        (_, Tense::Base) => Status::Unknown,
    }
}
