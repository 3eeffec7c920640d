use super::analysis::{GroupRole, SentenceAnalysis, TriggerHit};
use super::lexicon::{Frame, Tense};
use super::word_classes::WordClass;
use crate::dataset::{Category, Quantity, Status};
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
    /// The frame of the transfer word.
    pub frame: Frame,
    /// How much the sentence supports it, before the article context (see [`confidence`]).
    pub confidence: f64,
}

/// Words that end a clause on the right of a transfer word.
const CLAUSE_END: &[&str] = &[
    ";", "but", "while", "whereas", "because", "although", "though", "which", "who", "when",
    "where", "unless", "—", "–", "-", "”", "\"", "said", "says", "amid", "after", "since", "as",
    "despite",
];

/// "turned to North Korea": the party turned to is asked to supply.
fn is_turn(w: &str) -> bool {
    matches!(w, "turned" | "turning" | "turns" | "turn")
}

fn is_be(w: &str) -> bool {
    matches!(w, "is" | "are" | "was" | "were" | "be" | "been" | "being")
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
                && a.triggers.iter().any(|o| {
                    o.first < t.first
                        && matches!(o.frame, Frame::Get | Frame::Request | Frame::Return)
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
    let infinitive = trigger_first > 0 && a.word(trigger_first - 1) == "to";
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

/// Reads the roles of trigger `ti` of the analysed sentence. `None` when the words do not make
/// a transfer (no goods, no party).
///
/// `background` is [`background_triggers`] of the sentence, computed once by the caller.
pub fn assign_roles(a: &SentenceAnalysis, ti: usize, background: &[bool]) -> Option<Candidate> {
    let tr = a.triggers[ti];
    // Export bans, sanctions and curbs are not transfers ("China restricted drone exports").
    if (tr.first.saturating_sub(4)..tr.first).any(|i| a.is(i, WordClass::BanWord))
        || a.is(tr.last + 1, WordClass::BanNoun)
    {
        return None;
    }
    // "training pilots if asked": a request that may come is no request.
    if tr.frame == Frame::Request
        && tr.first > 0
        && matches!(a.word(tr.first - 1), "if" | "unless" | "when")
    {
        return None;
    }
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
    // Exercises, deployments and aggregate trade figures are not transfers.
    if matches!(tr.frame, Frame::Give | Frame::Noun)
        && (left_bound..right_bound).any(|i| a.is(i, WordClass::DeploymentWord))
    {
        return None;
    }
    if is_statistic(a, tr, left_bound, right_bound) {
        return None;
    }
    // "can be used to target", "the use of": no user named.
    let be_before =
        is_be(a.word(tr.first.saturating_sub(1))) || is_be(a.word(tr.first.saturating_sub(2)));
    if tr.frame == Frame::Use && be_before {
        return None;
    }
    let passive = matches!(tr.tense, Tense::Past | Tense::Participle | Tense::Base)
        && ((tr.first >= 1 && is_be(a.word(tr.first - 1)))
            || (tr.first >= 2 && is_be(a.word(tr.first - 2)))
            || a.word(tr.last + 1) == "by"
            // "jets supplied by Poland"; but "a jet request" is a noun.
            || (tr.first >= 1
                && tr.tense != Tense::Base
                && a.items.iter().any(|it| it.last + 1 == tr.first)));
    let mut suppliers: Vec<PartyRef> = Vec::new();
    let mut recipients: Vec<PartyRef> = Vec::new();
    let push = |list: &mut Vec<PartyRef>, gi: usize| {
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
    };

    // Subject: the nearest acceptable group on the left.
    let mut subject = None;
    let mut controller = None;
    // "the potential use of US-supplied Himars" names no user.
    let nominal_use = tr.frame == Frame::Use && a.word(tr.last + 1) == "of";
    // "won't block them from exporting jets": the pronoun, not a named party, does it.
    let pronoun_subject = tr.first >= 2
        && matches!(a.word(tr.first - 1), "from" | "to")
        && matches!(a.word(tr.first - 2), "them" | "it" | "him" | "her");
    if !(nominal_use
        || passive && tr.frame == Frame::Give
        || tr.frame == Frame::Arrive
        || pronoun_subject)
    {
        let mut left: Vec<usize> = (0..a.groups.len())
            .filter(|&g| a.groups[g].last < tr.first && a.groups[g].first >= left_bound)
            .collect();
        left.reverse();
        for &gi in &left {
            if subject.is_none() {
                // A noun's owner stands right before it: "Germany's delivery", "US aid".
                let owner = tr.frame == Frame::Noun
                    && a.groups[gi].last + 4 >= tr.first
                    && (a.groups[gi].possessive
                        || matches!(a.groups[gi].role, GroupRole::Modifier | GroupRole::Supplied))
                    && a.tokens[a.groups[gi].last + 1..tr.first]
                        .iter()
                        .all(|t| t.kind != TokenKind::Punct);
                // A clause subject gives a noun's goods only through a giving or announcing
                // word: "Washington pledged more aid", not "Moscow criticised supplies".
                let linked = tr.frame != Frame::Noun
                    || a.cues.iter().any(|(i, s, _)| {
                        *i > a.groups[gi].last
                            && *i < tr.first
                            && !matches!(s, Status::Refused | Status::Denied)
                    })
                    || a.triggers.iter().any(|o| {
                        o.frame == Frame::Give && o.first > a.groups[gi].last && o.first < tr.first
                    })
                    // "India defends its oil imports from Russia": a purchase with its source
                    // named is the clause subject's.
                    || (tr.owner_receives && a.word(tr.last + 1) == "from");
                // "X urged Y to provide": X is not the giver.
                let infinitive = tr.first > 0 && a.word(tr.first - 1) == "to";
                let urged_other = infinitive
                    && !a.prev_is(&a.groups[gi], WordClass::ControlVerb)
                    && (a.groups[gi].last + 1..tr.first).any(|i| {
                        a.is(i, WordClass::ControlVerb)
                            && !a.groups.iter().any(|g| g.first > i && g.first < tr.first)
                    });
                if owner || (linked && !urged_other && subject_ok(a, gi, tr.first)) {
                    subject = Some(gi);
                }
            } else if controller.is_none()
                && a.prev_is(&a.groups[subject.unwrap_or(gi)], WordClass::ControlVerb)
                && subject_ok(a, gi, a.groups[subject.unwrap_or(gi)].first)
            {
                controller = Some(gi);
            }
        }
        if subject.is_some_and(|s| !a.prev_is(&a.groups[s], WordClass::ControlVerb)) {
            controller = None;
        }
        // A noun's supplier needs a giving word, which the relative clause need not have.
        if subject.is_none() && tr.frame != Frame::Noun {
            subject = antecedent.or_else(|| speaker_of_pronoun(a, left_bound, tr.first));
        }
    }

    // Right side: indirect object, prepositional parties, origins of goods.
    let right: Vec<usize> = (0..a.groups.len())
        .filter(|&g| a.groups[g].first > tr.last && a.groups[g].last < right_bound)
        .collect();
    let mut explicit_supplier = false;
    let mut requested_for_other = false;
    let nominal_request = tr.frame == Frame::Request
        && tr.first > 0
        && (a.items.iter().any(|it| it.last + 1 == tr.first)
            || matches!(
                a.word(tr.first - 1),
                "a" | "the" | "its" | "their" | "his" | "her"
            ));
    for &gi in &right {
        let g = &a.groups[gi];
        if g.speaker || g.role == GroupRole::Ignored {
            continue;
        }
        let adjacent = g.first == tr.last + 1
            || (g.first == tr.last + 2 && matches!(a.word(tr.last + 1), "the" | "its" | "their"));
        let party = g.role == GroupRole::Actor || g.possessive;
        match (g.prep.as_deref(), tr.frame) {
            (Some("from"), _) if party => {
                push(&mut suppliers, gi);
                explicit_supplier = true;
            }
            // "purchases by Iran": the buyer receives.
            (Some("by"), Frame::Noun) if party && tr.owner_receives => push(&mut recipients, gi),
            (Some("by"), Frame::Give | Frame::Noun) if party => {
                push(&mut suppliers, gi);
                explicit_supplier = true;
            }
            // "drones bought by Moscow": the buyer is the recipient.
            (Some("by"), Frame::Get) if party => push(&mut recipients, gi),
            (
                Some("to" | "into" | "towards" | "toward"),
                Frame::Give | Frame::Noun | Frame::Return,
            ) => push(&mut recipients, gi),
            (Some("for"), Frame::Give | Frame::Noun) => push(&mut recipients, gi),
            (Some("in" | "at" | "to" | "into"), Frame::Arrive) if party => {
                push(&mut recipients, gi)
            }
            // "repeats its fighter jet request to Washington": a request noun's "to" is asked.
            (Some("to"), Frame::Request) if nominal_request && party => {
                push(&mut suppliers, gi);
                explicit_supplier = true;
            }
            // "Biden requested $8.5bn in aid to Kyiv": asked on behalf of another.
            (Some("to" | "for"), Frame::Request)
                if !is_turn(a.word(tr.first))
                    && g.role == GroupRole::Actor
                    && !a
                        .triggers
                        .iter()
                        .any(|o| o.first > tr.last && o.first < g.first) =>
            {
                push(&mut recipients, gi);
                requested_for_other = true;
            }
            (Some("to"), Frame::Request) if is_turn(a.word(tr.first)) => {
                push(&mut suppliers, gi);
                explicit_supplier = true;
            }
            (None, Frame::Give) if adjacent && party => push(&mut recipients, gi),
            // "sends $25m in aid to support Ukraine": the party helped receives.
            (None, Frame::Give | Frame::Noun)
                if party
                    && g.first >= 2
                    && a.prev_is(g, WordClass::HelpVerb)
                    && a.word(g.first - 2) == "to" =>
            {
                push(&mut recipients, gi)
            }
            // "provides ammunition in a $1bn Ukraine aid package": a name on the package of a
            // giving verb is its recipient.
            (None, Frame::Give)
                if g.role == GroupRole::Modifier
                    && !g.demonym
                    && a.triggers.iter().any(|o| {
                        o.frame == Frame::Noun && o.first > g.last && o.first <= g.last + 2
                    }) =>
            {
                push(&mut recipients, gi)
            }
            (None, Frame::Request | Frame::Return) if adjacent && party => {
                push(&mut suppliers, gi);
                explicit_supplier = true;
            }
            _ => {}
        }
    }
    // "Rifles from Canada arrive in Peru": the goods' source stands with them, before the verb.
    if tr.frame == Frame::Arrive {
        for gi in (0..a.groups.len()).filter(|&g| {
            a.groups[g].last < tr.first
                && a.groups[g].first >= left_bound
                && a.groups[g].prep.as_deref() == Some("from")
        }) {
            push(&mut suppliers, gi);
            explicit_supplier = true;
        }
    }
    // "the package President Joe Biden signed": the giver follows the noun, then its verb.
    if tr.frame == Frame::Noun && !tr.owner_receives && suppliers.is_empty() {
        let giver = right.iter().copied().find(|&gi| {
            let g = &a.groups[gi];
            g.role == GroupRole::Actor
                && g.prep.is_none()
                && g.first <= tr.last + 3
                && a.cues.iter().any(|(i, s, _)| {
                    *i == g.last + 1 && matches!(s, Status::Agreed | Status::Planned)
                })
        });
        if let Some(gi) = giver {
            push(&mut suppliers, gi);
            explicit_supplier = true;
        }
    }
    // Holders of goods sold long ago: "engines it sold to Pakistan" (Pakistan supplies now).

    if matches!(tr.frame, Frame::Get | Frame::Request | Frame::Return) {
        for (bi, b) in a.triggers.iter().enumerate() {
            if background[bi] && b.first > tr.last && b.first < right_bound {
                for &gi in &right {
                    let g = &a.groups[gi];
                    if g.first > b.last
                        && g.first <= b.last + 4
                        && matches!(g.prep.as_deref(), Some("to"))
                    {
                        push(&mut suppliers, gi);
                        explicit_supplier = true;
                    }
                }
            }
        }
    }

    // Goods: in the object window (and just before a passive or noun trigger).
    let window_start = if passive || matches!(tr.frame, Frame::Noun | Frame::Arrive) {
        tr.first.saturating_sub(6).max(left_bound)
    } else {
        tr.last + 1
    };
    let mut items: Vec<usize> = (0..a.items.len())
        .filter(|&i| {
            a.items[i].first >= window_start
                && a.items[i].first < right_bound
                && (a.items[i].last < tr.first || a.items[i].first > tr.last)
                && !goods_not_moved(a, a.items[i].first)
        })
        .collect();
    if items.is_empty() {
        // Goods as the subject: "BMP-1 vehicles will head to Ukraine from Greece".
        items = (0..a.items.len())
            .filter(|&i| {
                a.items[i].last < tr.first
                    && a.items[i].first >= left_bound
                    && a.items[i].last + 8 >= tr.first
            })
            .collect();
    }
    for ii in goods_phrase(a, &items) {
        if let Some(gi) = a.items[ii].origin {
            let origin = &a.groups[gi];
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
                    !explicit_supplier
                        && !subject.is_some_and(|s| {
                            a.groups[s].possessive || a.groups[s].last + 4 >= tr.first
                        })
                }
                Frame::Give | Frame::Return => {
                    subject.is_none() && !explicit_supplier || origin.role == GroupRole::Supplied
                }
            };
            if usable && !origin.speaker && !captured(a, a.items[ii].first) {
                push(&mut suppliers, gi);
                explicit_supplier = true;
            }
        }
    }
    let money: Vec<u64> = a
        .money
        .iter()
        .filter(|(t, _)| *t >= window_start.min(tr.first.saturating_sub(4)) && *t < right_bound)
        .map(|(_, m)| m.usd)
        .collect();
    let self_describing = matches!(
        a.word(tr.first),
        "funding" | "fund" | "finance" | "arm" | "arming" | "equip" | "equipping"
    );
    let needs_goods = match tr.frame {
        Frame::Noun => false,
        // "turned to North Korea" is a request for supplies; "asks Japan to end controls" is not.
        Frame::Request => {
            !(explicit_supplier
                && (is_turn(a.word(tr.first))
                    || matches!(a.word(tr.first), "approached" | "contacted")))
        }
        _ => !self_describing,
    };
    if items.is_empty() && money.is_empty() && needs_goods {
        return None;
    }

    // Subject and controller by frame.
    if let Some(s) = subject {
        match tr.frame {
            Frame::Give | Frame::Return => {
                if !explicit_supplier || tr.frame == Frame::Return {
                    push(&mut suppliers, s);
                }
                if let Some(c) = controller {
                    push(&mut recipients, c);
                }
            }
            // "India's purchase of radars": the buyer receives; but "Russian gas imports" names
            // the goods' origin with an adjective.
            Frame::Noun if tr.owner_receives => {
                let g = &a.groups[s];
                if g.demonym && !g.possessive && g.role == GroupRole::Modifier && !explicit_supplier
                {
                    push(&mut suppliers, s);
                } else {
                    push(&mut recipients, s);
                }
            }
            Frame::Noun => {
                if !explicit_supplier && suppliers.is_empty() {
                    push(&mut suppliers, s);
                }
            }
            // "Pakistan denied being approached": the asked party is the subject.
            Frame::Request if passive || requested_for_other => push(&mut suppliers, s),
            Frame::Get | Frame::Request | Frame::Use => push(&mut recipients, s),
            Frame::Arrive => {}
        }
    }
    if let (Frame::Give, Some(c), true) = (tr.frame, controller, subject.is_none()) {
        push(&mut recipients, c);
    }
    suppliers.retain(|s| !recipients.iter().any(|r| r.code == s.code) || tr.frame == Frame::Return);
    // "sends funds meant for Chile to Peru": the "to" party receives, not the "for" one.
    if tr.frame == Frame::Give && recipients.iter().any(|r| to_recipient(a, r)) {
        recipients.retain(|r| to_recipient(a, r) || r.token == usize::MAX);
    }
    // "asks Chile to help repair Peruvian rifles": the asker's own goods are not moved.
    if tr.frame == Frame::Request
        && items.iter().any(|&ii| {
            a.items[ii].origin.is_some_and(|gi| {
                a.groups[gi]
                    .codes()
                    .iter()
                    .any(|c| recipients.iter().any(|r| &r.code == c))
            })
        })
    {
        return None;
    }
    if suppliers.is_empty() && recipients.is_empty() {
        return None;
    }

    // Per-party counts: the count in the party's own comma segment ("six from Belarus").
    if suppliers.len() > 1 {
        for s in &mut suppliers {
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
        if suppliers.iter().filter(|s| s.quantity.is_some()).count() < 2 {
            for s in &mut suppliers {
                s.quantity = None;
            }
        }
    }

    let (item, category) = goods(a, &items, tr.frame, tr.first, tr.last, !money.is_empty());
    let quantity = item.and_then(|(f, _)| {
        a.quantities
            .iter()
            .find(|q| {
                q.last < f
                    && f - q.last <= 3
                    && a.tokens[q.last + 1..f]
                        .iter()
                        .all(|t| t.kind != TokenKind::Punct)
            })
            .map(|q| q.quantity)
    });
    // "a third US-made Patriot battery": one system.
    let quantity = quantity.or_else(|| {
        let (f, l) = item?;
        let unit = matches!(a.word(l + 1), "battery" | "system" | "squadron")
            || matches!(a.word(l), "battery" | "system");
        let article = (f.saturating_sub(4)..f)
            .rev()
            .take_while(|&i| a.tokens[i].kind != TokenKind::Punct)
            .any(|i| matches!(a.word(i), "a" | "an" | "one"));
        (unit && article).then_some(Quantity {
            value: 1,
            qualifier: crate::dataset::Qualifier::Exact,
        })
    });
    let status = status_of(
        a,
        tr.first,
        tr.last,
        left_bound,
        right_bound,
        tr.frame,
        tr.tense,
        passive,
    );
    // A credit line or guarantee given is a facility agreed, not goods delivered.
    let status = match item {
        Some((_, last)) if status == Status::Delivered && a.is(last, WordClass::FacilityNoun) => {
            Status::Agreed
        }
        _ => status,
    };
    let fillable = match tr.frame {
        Frame::Noun => {
            matches!(
                a.word(tr.last),
                "aid"
                    | "assistance"
                    | "package"
                    | "deliveries"
                    | "delivery"
                    | "shipments"
                    | "funding"
            ) && !suppliers.is_empty()
        }
        _ => true,
    };
    let rule = match tr.frame {
        Frame::Give => "give-frame",
        Frame::Get => "get-frame",
        Frame::Request => "request-frame",
        Frame::Return => "return-frame",
        Frame::Use => "use-frame",
        Frame::Noun if tr.owner_receives => "purchase-noun-frame",
        Frame::Noun => "noun-frame",
        Frame::Arrive => "arrive-frame",
    };
    let confidence = confidence(a, tr, &suppliers, &recipients, item.is_some(), status);
    Some(Candidate {
        suppliers,
        recipients,
        item,
        category,
        quantity,
        value_usd: money.first().copied(),
        frame: tr.frame,
        status,
        rule,
        fillable,
        confidence,
    })
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
    (c.clamp(0.05, 0.99) * 100.0).round() / 100.0
}

/// "Canada says it will give aircraft": the pronoun right after a speech verb is the speaker.
fn speaker_of_pronoun(a: &SentenceAnalysis, left: usize, trigger_first: usize) -> Option<usize> {
    let pronoun = (left..trigger_first)
        .rev()
        .find(|&i| matches!(a.word(i), "it" | "they"))?;
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

/// Prepositions whose object is a topic, not the goods moved ("notice about missile tests",
/// "a look at its warplanes").
const TOPIC_PREPOSITIONS: &[&str] = &["about", "on", "over", "regarding", "concerning", "at"];

/// True when the goods at `item_first` are not what the verb moves: the topic of a preposition
/// or the content of a list ("a list of military equipment").
fn goods_not_moved(a: &SentenceAnalysis, item_first: usize) -> bool {
    let before = |k: usize| item_first.checked_sub(k).map_or("", |i| a.word(i));
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

/// Aggregate trade, not a deal: a statistic word near the transfer word ("market share",
/// "trade surplus"). Trade between two countries that rises or falls is still reported trade.
fn is_statistic(a: &SentenceAnalysis, tr: TriggerHit, left: usize, right: usize) -> bool {
    let near = tr.first.saturating_sub(5).max(left)..(tr.last + 6).min(right);
    if near.into_iter().any(|i| a.is(i, WordClass::StatisticWord)) {
        return true;
    }
    false
}

/// The first token from `from` on that ends the clause, or the sentence's length.
fn clause_end_after(a: &SentenceAnalysis, from: usize) -> usize {
    let mut i = from;
    while i < a.tokens.len() {
        if let Some(close) = short_quote_at(a, i) {
            i = close + 1;
            continue;
        }
        if CLAUSE_END.contains(&a.word(i))
            && !(a.word(i) == "as" && matches!(a.word(i + 1), "well" | "many" | "much"))
        {
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
            || noun_words
                .iter()
                .any(|w| matches!(*w, "financial" | "economic"))
            || a.word(tl) == "funding"
        {
            Category::Money
        } else {
            Category::WeaponsUnspecified
        };
        let start = (tf.saturating_sub(2)..tf)
            .find(|&i| {
                matches!(
                    a.word(i),
                    "military"
                        | "financial"
                        | "economic"
                        | "security"
                        | "humanitarian"
                        | "defence"
                        | "defense"
                )
            })
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
    let specified =
        (a.items[first].last + 1..(a.items[first].last + 4).min(a.tokens.len())).any(|i| {
            matches!(
                a.word(i),
                "such" | "including" | "like" | "notably" | "namely"
            )
        });
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
    if category == Category::WeaponsUnspecified
        && (has_money || dollars)
        && (a.items[first].first.saturating_sub(4)..a.items[first].first)
            .any(|i| matches!(a.word(i), "in" | "of" | "$" | "dollars"))
        && matches!(
            a.word(a.items[first].last),
            "aid" | "assistance" | "support" | "package" | "funding"
        )
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
    if let Some(&(_, s, _)) = before {
        return s;
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
