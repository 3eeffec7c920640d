use super::figures::{Money, QuantityHit, Sum, find_money, find_quantities, find_sums};
use super::lexicon::{Frame, Lexicon, Tense};
use super::word_classes::{Classes, WordClass};
use crate::gazetteer::{Compound, Mention, MentionKind};
use crate::model::{Category, Status};
use crate::text::{Span, Token, TokenKind, tokenize};

/// How a country group stands in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupRole {
    /// Acts on its own: a name, capital, leader, firm, or "Egyptian officials".
    Actor,
    /// An adjective on goods or a noun ("German tanks", "US aid").
    Modifier,
    /// An origin compound ("Iranian-made").
    Origin,
    /// A supplier compound ("US-supplied").
    Supplied,
    /// Not a party: a place or relation compound ("US-based", "Russia-Ukraine").
    Ignored,
}

/// One country mention, or a list of them ("Egypt, Belarus and Brazil"), as token indices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// First token.
    pub first: usize,
    /// Last token (inclusive).
    pub last: usize,
    /// Each member's first token and codes (a group code such as the Baltic states has several).
    pub members: Vec<(usize, Vec<String>)>,
    /// The group's role.
    pub role: GroupRole,
    /// True for "Germany's".
    pub possessive: bool,
    /// True when the group is the source of a statement ("US officials said").
    pub speaker: bool,
    /// The preposition that governs the group, if any ("to", "from", "in").
    pub prep: Option<String>,
    /// The word before the group (after determiners), lower case.
    pub prev: Option<String>,
    /// The index of [`Group::prev`].
    pub prev_at: Option<usize>,
    /// True when the group is made of demonyms ("Pakistani, Belarusian").
    pub demonym: bool,
}

impl Group {
    /// Every code of the group, in order, without repeats.
    pub fn codes(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (_, codes) in &self.members {
            for c in codes {
                if !out.contains(c) {
                    out.push(c.clone());
                }
            }
        }
        out
    }
}

/// Goods named in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemHit {
    /// First token.
    pub first: usize,
    /// Last token (inclusive).
    pub last: usize,
    /// Category of the goods.
    pub category: Category,
    /// Index of the group that modifies it ("Iranian-made drones"), if any.
    pub origin: Option<usize>,
}

/// A transfer word in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TriggerHit {
    /// First token.
    pub first: usize,
    /// Last token (inclusive).
    pub last: usize,
    /// Which way it points.
    pub frame: Frame,
    /// Its form.
    pub tense: Tense,
    /// For a noun: true when its owner receives ("India's purchase of radars", "Germany's gas
    /// imports"), false when its owner gives ("Germany's aid").
    pub owner_receives: bool,
}

/// Everything the role rules need to know about one sentence.
#[derive(Debug, Clone)]
pub struct SentenceAnalysis {
    /// The sentence's span in the article text.
    pub span: Span,
    /// Its tokens.
    pub tokens: Vec<Token>,
    /// Country groups in order.
    pub groups: Vec<Group>,
    /// Goods in order.
    pub items: Vec<ItemHit>,
    /// Transfer words in order.
    pub triggers: Vec<TriggerHit>,
    /// Status cues: token index, status, may-stand-anywhere flag.
    pub cues: Vec<(usize, Status, bool)>,
    /// Counts.
    pub quantities: Vec<QuantityHit>,
    /// Dollar amounts, with the token index where each starts.
    pub money: Vec<(usize, Money)>,
    /// Sums named by a currency word, in any currency.
    pub sums: Vec<Sum>,
    /// The word classes of each token.
    pub classes: Vec<Classes>,
}

/// Articles and possessive determiners (closed class).
pub(crate) const ARTICLES: &[&str] = &["the", "a", "an", "its", "their", "his", "her", "our"];

/// Prepositions that put a group in a phrase of place, purpose or relation.
pub(crate) const PREPOSITIONS: &[&str] = &[
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "with",
    "by",
    "against",
    "into",
    "over",
    "about",
    "across",
    "than",
    "like",
    "between",
    "among",
    "via",
    "under",
    "near",
    "toward",
    "towards",
    "within",
    "without",
    "through",
    "throughout",
    "per",
    "despite",
    "amid",
    "behind",
    "beyond",
    "inside",
    "outside",
    "around",
    "upon",
    "onto",
    "including",
    "after",
    "before",
    "during",
];

impl SentenceAnalysis {
    /// Analyses the sentence at `span` of `text`; `mentions` are the article's mentions
    /// (only those inside the span are used).
    pub fn new(text: &str, span: Span, mentions: &[Mention], lexicon: &Lexicon) -> Self {
        let tokens = tokenize(text, span);
        let mut groups = build_groups(&tokens, mentions.iter().filter(|m| span.contains(m.span)));
        let classes = lexicon.word_classes.classify(&tokens);
        let mut items = find_items(text, &tokens, &classes, lexicon);
        let mut triggers = find_triggers(&tokens, &classes, &groups, &items, lexicon);
        refine_groups(&tokens, &classes, &mut groups, &items, &triggers);
        for item in &mut items {
            item.origin = groups.iter().rposition(|g| {
                g.last < item.first
                    && item.first - g.last <= 4
                    && matches!(
                        g.role,
                        GroupRole::Modifier | GroupRole::Origin | GroupRole::Supplied
                    )
                    && tokens[g.last + 1..item.first]
                        .iter()
                        .all(|t| t.kind != TokenKind::Punct || t.lower == "-")
            });
        }
        // "use" reports a transfer only for goods of a foreign origin ("uses British weapons").
        triggers.retain(|tr| {
            tr.frame != Frame::Use
                || items.iter().any(|it| {
                    it.first > tr.last
                        && it.first <= tr.last + 6
                        && it.origin.is_some_and(|g| {
                            matches!(
                                groups[g].role,
                                GroupRole::Modifier | GroupRole::Origin | GroupRole::Supplied
                            )
                        })
                })
        });
        let mut cues = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            if let Some((e, n)) =
                lexicon
                    .cue_index
                    .longest_at(&lexicon.status_cues, &tokens, i, |_, _| true)
            {
                let (status, anywhere) = lexicon.status_cues[e].value;
                cues.push((i, status, anywhere));
                i += n;
            } else {
                i += 1;
            }
        }
        // "eight mln stg", "25 billion dlrs": sums named by a currency word; dollars are US
        // dollars unless a nationality stands before them ("Canadian dlrs").
        let currency = |i: usize| {
            classes
                .get(i)
                .is_some_and(|c| c.has(WordClass::CurrencyWord))
        };
        let foreign = |i: usize| {
            i > 0
                && mentions
                    .iter()
                    .any(|m| m.kind == MentionKind::Demonym && tokens[i - 1].span.end == m.span.end)
        };
        let dollars =
            |i: usize| classes.get(i).is_some_and(|c| c.has(WordClass::DollarWord)) && !foreign(i);
        let sums = find_sums(&tokens, currency, dollars);
        let mut quantities = find_quantities(&tokens);
        quantities.retain(|q| !sums.iter().any(|m| m.first <= q.first && q.first <= m.last));
        // "Leopard 2", "Challenger 2": a number right after a model name is part of the name.
        quantities.retain(|q| {
            !items
                .iter()
                .any(|it| it.last + 1 == q.first && tokens[it.last].capitalized)
        });
        let money = find_money(text, span)
            .into_iter()
            .map(|m| {
                (
                    tokens
                        .iter()
                        .position(|t| t.span.end > m.span.start)
                        .unwrap_or(0),
                    m,
                )
            })
            .chain(sums.iter().filter_map(|m| {
                let usd = m.usd?;
                let span = Span::new(tokens[m.first].span.start, tokens[m.last].span.end);
                Some((m.first, Money { span, usd }))
            }))
            .collect();
        Self {
            span,
            tokens,
            groups,
            items,
            triggers,
            cues,
            quantities,
            money,
            sums,
            classes,
        }
    }

    /// True when token `i` is in `class`.
    pub fn is(&self, i: usize, class: WordClass) -> bool {
        self.classes.get(i).is_some_and(|c| c.has(class))
    }

    /// True when the word before group `g` (after determiners) is in `class`.
    pub fn prev_is(&self, g: &Group, class: WordClass) -> bool {
        g.prev_at.is_some_and(|i| self.is(i, class))
    }

    /// The token's lower-case text, or "" past the end.
    pub fn word(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.lower.as_str())
    }

    /// Text covered by tokens `first..=last`.
    pub fn text_of<'a>(&self, text: &'a str, first: usize, last: usize) -> &'a str {
        match (self.tokens.get(first), self.tokens.get(last)) {
            (Some(a), Some(b)) if a.span.start <= b.span.end => &text[a.span.start..b.span.end],
            _ => "",
        }
    }
}

fn is_connector(t: &Token) -> bool {
    matches!(t.lower.as_str(), "," | "and" | "or" | "the" | "&" | "plus")
}

fn build_groups<'a>(tokens: &[Token], mentions: impl Iterator<Item = &'a Mention>) -> Vec<Group> {
    // Map each mention to its token range.
    let mut placed: Vec<(usize, usize, &Mention)> = Vec::new();
    for m in mentions {
        let first = tokens.iter().position(|t| t.span.end > m.span.start);
        let last = tokens.iter().rposition(|t| t.span.start < m.span.end);
        if let (Some(f), Some(l)) = (first, last)
            && f <= l
            && placed.last().is_none_or(|p| p.1 < f)
        {
            placed.push((f, l, m));
        }
    }
    let mut groups: Vec<Group> = Vec::new();
    // Whether each group's list is closed by "and"/"or"; a comma alone does not make a list
    // ("from North Korea, US officials said").
    let mut closed: Vec<bool> = Vec::new();
    let mut singles: Vec<Vec<Group>> = Vec::new();
    let mut previous: Option<&Mention> = None;
    for (first, last, m) in placed {
        let joinable = groups.last().is_some_and(|g| {
            let between = &tokens[g.last + 1..first];
            !between.is_empty()
                && between.len() <= 4
                && between.iter().all(is_connector)
                && between
                    .iter()
                    .any(|t| matches!(t.lower.as_str(), "," | "and" | "or" | "&" | "plus"))
                && previous.is_some_and(|p| {
                    (p.kind == MentionKind::Demonym) == (m.kind == MentionKind::Demonym)
                        && p.compound == m.compound
                        && !p.possessive
                })
        });
        let role_of = |m: &Mention| match m.compound {
            Some(Compound::Made) => GroupRole::Origin,
            Some(Compound::Supplied) => GroupRole::Supplied,
            Some(Compound::Other) => GroupRole::Ignored,
            Some(Compound::Led) | None => GroupRole::Actor,
        };
        let single = Group {
            first,
            last,
            members: vec![(first, m.codes.clone())],
            role: role_of(m),
            possessive: m.possessive,
            speaker: false,
            prep: None,
            prev: None,
            prev_at: None,
            demonym: m.kind == MentionKind::Demonym,
        };
        if joinable && let Some(g) = groups.last_mut() {
            let and = tokens[g.last + 1..first]
                .iter()
                .any(|t| matches!(t.lower.as_str(), "and" | "or" | "&" | "plus"));
            g.last = last;
            g.members.push((first, m.codes.clone()));
            g.possessive = m.possessive;
            if let (Some(c), Some(s)) = (closed.last_mut(), singles.last_mut()) {
                *c |= and;
                s.push(single);
            }
        } else {
            closed.push(false);
            singles.push(vec![single.clone()]);
            let role = match m.compound {
                Some(Compound::Made) => GroupRole::Origin,
                Some(Compound::Supplied) => GroupRole::Supplied,
                Some(Compound::Other) => GroupRole::Ignored,
                Some(Compound::Led) => GroupRole::Actor,
                None => GroupRole::Actor,
            };
            groups.push(Group {
                first,
                last,
                members: vec![(first, m.codes.clone())],
                role,
                possessive: m.possessive,
                speaker: false,
                prep: None,
                prev: None,
                prev_at: None,
                demonym: m.kind == MentionKind::Demonym,
            });
        }
        previous = Some(m);
    }
    groups
        .into_iter()
        .zip(closed.into_iter().zip(singles))
        .flat_map(|(g, (is_list, parts))| {
            if is_list || parts.len() == 1 {
                vec![g]
            } else {
                parts
            }
        })
        .collect()
}

/// Fills in role details that need the whole token list: adjective or party, preposition, speaker.
fn refine_groups(
    tokens: &[Token],
    classes: &[Classes],
    groups: &mut [Group],
    items: &[ItemHit],
    triggers: &[TriggerHit],
) {
    let is = |i: usize, c: WordClass| classes.get(i).is_some_and(|k| k.has(c));
    for g in groups.iter_mut() {
        // Preposition and previous word, skipping determiners.
        let mut p = g.first;
        while p > 0
            && (ARTICLES.contains(&tokens[p - 1].lower.as_str())
                || is(p - 1, WordClass::NameAdjective))
        {
            p -= 1;
        }
        let prev = p.checked_sub(1).map(|i| tokens[i].lower.to_string());
        g.prev = prev.clone();
        g.prev_at = p.checked_sub(1);
        g.prep = prev
            .as_deref()
            .filter(|w| PREPOSITIONS.contains(w))
            .map(str::to_owned);
        // "before China can agree to buy": a subject and its auxiliary after a conjunction.
        if matches!(
            g.prep.as_deref(),
            Some("before" | "after" | "until" | "since")
        ) && tokens
            .get(g.last + 1)
            .is_some_and(|t| AUXILIARIES.contains(&t.lower.as_str()))
        {
            g.prep = None;
        }
        if matches!(g.prep.as_deref(), Some("including" | "like")) {
            let from_before = (p.saturating_sub(7)..p)
                .rev()
                .any(|i| tokens[i].lower == "from");
            if from_before {
                g.prep = Some("from".into());
            }
        }
        if matches!(prev.as_deref(), Some("to")) && p >= 2 && tokens[p - 2].lower == "according" {
            g.speaker = true;
        }
        let next = g.last + 1;
        let item_after = |within: usize| {
            items.iter().any(|it| {
                it.first >= next
                    && it.first <= g.last + within
                    && tokens[next..it.first]
                        .iter()
                        .all(|t| t.kind != TokenKind::Punct || t.lower == "-")
            })
        };
        // "US aid", "Germany's military aid": but not "Russia requests food aid", where a verb
        // stands between the name and the noun.
        let verb_at = |i: usize| {
            triggers
                .iter()
                .any(|t| t.first == i && t.frame != Frame::Noun)
        };
        let noun_trigger_after = triggers.iter().any(|t| {
            t.frame == Frame::Noun
                && t.first >= next
                && t.first <= g.last + 3
                && (next..t.first).all(|i| tokens[i].kind != TokenKind::Punct && !verb_at(i))
        });
        // "give Ukraine rocket systems": a name right after a giving verb is its indirect
        // object, not an adjective on the goods that follow.
        let indirect_object = p > 0
            && triggers
                .iter()
                .any(|t| t.last + 1 == p && t.frame == Frame::Give && t.tense != Tense::Noun);
        // Party nouns within three words: "Egyptian officials", "Indian defense ministry".
        // Not past goods that end before it: in "American farm products that President X",
        // the adjective is on the products.
        let org_at = (next..(next + 4).min(tokens.len()))
            .take_while(|&i| {
                tokens[i].kind != TokenKind::Punct
                    // "Iranian Oil Minister": goods right before a party noun are its title.
                    && !items.iter().any(|it| {
                        it.last < i && it.first >= next && !is(it.last + 1, WordClass::OrgNoun)
                    })
            })
            .find(|&i| is(i, WordClass::OrgNoun));
        if g.role == GroupRole::Actor && !g.possessive {
            if g.demonym {
                g.role = if org_at
                    .is_some_and(|i| !items.iter().any(|it| it.first <= i && i <= it.last))
                {
                    GroupRole::Actor
                } else {
                    GroupRole::Modifier
                };
                if org_at.is_none()
                    && !item_after(4)
                    && !noun_trigger_after
                    && !matches!(g.prep.as_deref(), Some("to" | "for" | "from"))
                {
                    g.role = GroupRole::Modifier;
                }
            } else if (item_after(1) || noun_trigger_after)
                // "US military equipment": a party noun inside goods right after is the goods.
                && org_at.is_none_or(|i| items.iter().any(|it| it.first == next && i <= it.last))
                && !indirect_object
            {
                g.role = GroupRole::Modifier;
            }
        }
        g.speaker |= is_speaker(tokens, classes, triggers, g);
    }
}

/// Whether group `g` is the source of a statement: "US officials said", "..., says the
/// German defence minister".
fn is_speaker(tokens: &[Token], classes: &[Classes], triggers: &[TriggerHit], g: &Group) -> bool {
    let is = |i: usize, c: WordClass| classes.get(i).is_some_and(|k| k.has(c));
    let next = g.last + 1;
    let mut k = next;
    while k < tokens.len()
        && k <= next + 7
        && tokens[k].kind != TokenKind::Punct
        && !is(k, WordClass::SpeechVerb)
        && (is(k, WordClass::OrgNoun)
            || tokens[k].capitalized
            || matches!(
                tokens[k].lower.as_str(),
                "'s" | "has" | "have" | "had" | "also" | "officials"
            ))
    {
        k += 1;
    }
    // "Iran acknowledges providing drones": a speaker of its own act is its subject.
    let own_act = triggers
        .iter()
        .any(|t| t.first == k + 1 && t.tense == Tense::Ing);
    (is(k, WordClass::SpeechVerb) && !own_act)
        || (matches!(g.prev.as_deref(), Some("said" | "says" | "told"))
            && tokens.get(next).is_none_or(|t| t.kind == TokenKind::Punct))
}

/// The goods words of a sentence, longest first; adjacent ones joined into compounds, and
/// those naming a firm's trade dropped ("a computer maker").
fn find_items(
    text: &str,
    tokens: &[Token],
    classes: &[Classes],
    lexicon: &Lexicon,
) -> Vec<ItemHit> {
    let mut out: Vec<(ItemHit, bool)> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let hit = lexicon
            .item_index
            .longest_at(&lexicon.items, tokens, i, |e, window| {
                let (_, sensitive, surface) = &e.value;
                !sensitive
                    || window
                        .iter()
                        .map(|t| t.span.slice(text))
                        .collect::<Vec<_>>()
                        .join(" ")
                        == *surface
            });
        if let Some((e, n)) = hit {
            let item = ItemHit {
                first: i,
                last: i + n - 1,
                category: lexicon.items[e].value.0,
                origin: None,
            };
            out.push((item, lexicon.items[e].value.1));
            i += n;
        } else {
            i += 1;
        }
    }
    let is = |k: usize, c: WordClass| classes.get(k).is_some_and(|x| x.has(c));
    // "will ship chips", "Taiwan ships chips": a goods word that may be a transfer verb is no
    // modifier of the next.
    let may_be_verb = |k: usize| lexicon.trigger_index.starts_with(&tokens[k].lower);
    let items = join_compounds(out, |k| is(k, WordClass::BareGoods), may_be_verb);
    // "a computer and chip maker": the goods words name what a firm makes.
    let firm_after = |it: &ItemHit| {
        let mut k = it.last + 1;
        while let Some(next) = items
            .iter()
            .find(|x| x.first == k + 1 && tokens[k].lower == "and")
        {
            k = next.last + 1;
        }
        is(k, WordClass::FirmNoun)
    };
    let firms: Vec<bool> = items.iter().map(firm_after).collect();
    items
        .into_iter()
        .zip(firms)
        .filter_map(|(item, firm)| (!firm).then_some(item))
        .collect()
}

/// Joins goods words that stand side by side into one compound, named by its head, the last
/// word ("computer chips" are chips, "radar planes" planes), unless the head is a general word
/// (`general`: "oil products") or the first a model name matched as written ("Patriot
/// missiles" are air defence), unless the head is a part of it ("F-16 engines" are engines);
/// a ship of grain carries grain. A first word that may be a transfer verb (`may_be_verb`:
/// "Taiwan ships chips") is joined to nothing.
fn join_compounds(
    hits: Vec<(ItemHit, bool)>,
    general: impl Fn(usize) -> bool,
    may_be_verb: impl Fn(usize) -> bool,
) -> Vec<ItemHit> {
    let mut out: Vec<(ItemHit, bool)> = Vec::new();
    for (hit, model) in hits {
        match out.last_mut() {
            Some((prev, prev_model)) if prev.last + 1 == hit.first && !may_be_verb(prev.first) => {
                // A part of a model is a part ("F-16 engines"); a ship of grain carries grain.
                let part = matches!(
                    hit.category,
                    Category::Engines | Category::Components | Category::Ammunition
                );
                let carrier = hit.category == Category::Ships
                    && matches!(prev.category, Category::Commodities | Category::Other);
                if (part || !*prev_model) && !general(hit.last) && !carrier {
                    prev.category = hit.category;
                    *prev_model = model;
                }
                prev.last = hit.last;
            }
            _ => out.push((hit, model)),
        }
    }
    out.into_iter().map(|(hit, _)| hit).collect()
}

/// Whether a transfer word found at `i` (`n` tokens, base form `base`) is used as one: not
/// "supply chain", "first aid" or "aid workers", and "support" or "package" only as aid.
fn is_transfer_use(
    tokens: &[Token],
    classes: &[Classes],
    groups: &[Group],
    i: usize,
    n: usize,
    frame: Frame,
    base: &str,
) -> bool {
    let word = |k: usize| tokens.get(k).map_or("", |t| t.lower.as_str());
    let is = |k: usize, c: WordClass| classes.get(k).is_some_and(|x| x.has(c));
    let prev = i.checked_sub(1).map_or("", word);
    let (next, next2) = (word(i + n), word(i + n + 1));
    let noun = frame == Frame::Noun;
    if matches!(frame, Frame::Give | Frame::Noun)
        && object_is(tokens, classes, groups, i + n, WordClass::PermissionNoun)
    {
        return false;
    }
    // "the sale of a chip maker", "bought a steel company": a firm changing hands is no goods.
    // A firm after "to" receives ("deliveries to the Austrian firm OMV").
    let object_at = i + n + usize::from(noun && next == "of");
    if matches!(frame, Frame::Give | Frame::Get | Frame::Noun)
        && word(object_at) != "to"
        && object_is(tokens, classes, groups, object_at, WordClass::FirmNoun)
        && !(object_at..(object_at + 6).min(tokens.len()))
            .any(|k| word(k) == "with" || word(k).ends_with("'s"))
    {
        return false;
    }
    if base == "supply" && (is(i + n, WordClass::SupplyCompound) || prev == "short") {
        return false;
    }
    if noun && base == "support" {
        let at = i + n + usize::from(next2 == "the") + 1;
        let group_after = groups.iter().any(|g| g.first <= at && at <= g.last);
        // "support for Peru's bid to join": backing a country's aim is no aid.
        let owned_aim = groups
            .iter()
            .any(|g| g.first <= at && at <= g.last && g.possessive);
        return i
            .checked_sub(1)
            .is_some_and(|p| is(p, WordClass::AidAdjective))
            || (matches!(next, "for" | "to") && group_after && !owned_aim);
    }
    if noun && base == "package" {
        return (i.saturating_sub(4)..i).any(|k| is(k, WordClass::PackageWord))
            || (next == "of" && (is(i + n + 1, WordClass::PackageWord) || next2 == "new"));
    }
    if noun && (base == "aid" || base == "military aid") {
        // "came to Peru's aid": help in a fight, not goods.
        let owner_after_to = groups.iter().any(|g| {
            g.possessive && g.last + 1 == i && g.first > 0 && tokens[g.first - 1].lower == "to"
        });
        return !is(i + n, WordClass::AidWorkerNoun) && prev != "first" && !owner_after_to;
    }
    if base == "return" {
        return prev != "in" && next != "to";
    }
    true
}

/// Whether the object from token `at` on (past an indirect object, determiners and up to two
/// modifiers) is a word of `class`: "gave Peru permission to send" (leave to act), "sent a
/// senior official" (people).
fn object_is(
    tokens: &[Token],
    classes: &[Classes],
    groups: &[Group],
    at: usize,
    class: WordClass,
) -> bool {
    let mut k = at;
    while k < tokens.len() && k <= at + 5 {
        if let Some(g) = groups.iter().find(|g| g.first == k) {
            k = g.last + 1;
        } else if ARTICLES.contains(&tokens[k].lower.as_str()) || tokens[k].lower == "to" {
            k += 1;
        } else {
            break;
        }
    }
    (k..(k + 3).min(tokens.len()))
        .take_while(|&j| {
            tokens[j].kind == TokenKind::Word && !PREPOSITIONS.contains(&tokens[j].lower.as_str())
        })
        .any(|j| classes.get(j).is_some_and(|c| c.has(class)))
}

/// Words besides [`ARTICLES`] that open a verb's object: "exports more", "sends up to"
/// (quantifiers and qualifiers, closed class).
const OBJECT_OPENERS: &[&str] = &[
    "more",
    "some",
    "any",
    "further",
    "new",
    "additional",
    "another",
    "up",
    "about",
    "around",
    "over",
    "nearly",
    "almost",
    "$",
    "€",
    "£",
];

/// Qualifiers among [`OBJECT_OPENERS`] that are also prepositions or particles ("over 100",
/// "flying over"; closed class).
const QUALIFIERS: &[&str] = &["up", "about", "around", "over"];

/// True when token `at` can open a verb's object: a determiner, a count, an opener word
/// ("first"), a qualifier before a count, a party, or goods within three words ("sends modern
/// tanks").
fn object_opens_at(
    tokens: &[Token],
    classes: &[Classes],
    groups: &[Group],
    items: &[ItemHit],
    at: usize,
) -> bool {
    let goods_soon = items.iter().any(|it| {
        it.first >= at
            && it.first <= at + 3
            && tokens[at..it.first].iter().all(|t| {
                (t.kind != TokenKind::Punct || t.lower == "-")
                    && !PREPOSITIONS.contains(&t.lower.as_str())
            })
    });
    goods_soon
        || tokens.get(at).is_some_and(|t| {
            ARTICLES.contains(&t.lower.as_str())
                || (OBJECT_OPENERS.contains(&t.lower.as_str())
                    // "flying over Belarus": a qualifier opens an object only before a count.
                    && (!QUALIFIERS.contains(&t.lower.as_str())
                        || tokens.get(at + 1).is_some_and(|n| {
                            n.kind == TokenKind::Number || super::figures::is_count(n)
                        })))
                || t.kind == TokenKind::Number
                || super::figures::is_count(t)
                // "receives first batch", "delivers its latest tranche".
                || classes.get(at).is_some_and(|c| c.has(WordClass::ObjectOpener))
                || t.capitalized
                || groups.iter().any(|g| g.first == at)
        })
}

/// Auxiliary and modal verbs (closed class): after a name they make it a clause's subject.
const AUXILIARIES: &[&str] = &[
    "can", "could", "will", "would", "may", "might", "must", "should", "shall", "is", "are", "was",
    "were", "has", "have", "had", "does", "did", "do",
];

/// Demonstratives, which like [`ARTICLES`] make a following -ing form a noun (closed class).
const DEMONSTRATIVES: &[&str] = &["this", "that", "these", "those"];

/// Forms of "be" (closed class).
pub(super) fn is_be_word(w: &str) -> bool {
    matches!(w, "is" | "are" | "was" | "were" | "be" | "been" | "being")
}

/// "a US Navy ship": a base form after a determiner and one or two name words is the noun
/// they name, not a verb ("the Netherlands send" has a plural before it).
fn named_noun(tokens: &[Token], i: usize) -> bool {
    (2..=3).any(|k| {
        i >= k
            && (ARTICLES.contains(&tokens[i - k].lower.as_str())
                || DEMONSTRATIVES.contains(&tokens[i - k].lower.as_str()))
            && tokens[i - k + 1..i]
                .iter()
                .all(|t| t.kind == TokenKind::Word && t.capitalized)
            && !tokens[i - 1].lower.ends_with('s')
    })
}

fn find_triggers(
    tokens: &[Token],
    classes: &[Classes],
    groups: &[Group],
    items: &[ItemHit],
    lexicon: &Lexicon,
) -> Vec<TriggerHit> {
    // In running text a capitalised transfer word is part of a name or title ("Deputy Finance
    // Minister", "Supply Ministry"); in a headline in title case it is a word like any other.
    let lower_words = tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word && !t.capitalized && t.lower.len() > 3)
        .count();
    let scan = TriggerScan {
        tokens,
        classes,
        groups,
        items,
        lexicon,
        title_case: lower_words <= 1,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let Some((e, n)) =
            lexicon
                .trigger_index
                .longest_at(&lexicon.triggers, tokens, i, |_, _| true)
        else {
            i += 1;
            continue;
        };
        if !scan.in_name(i) {
            out.extend(scan.read(i, e, n));
        }
        i += n;
    }
    out
}

/// One sentence's words, for deciding which transfer words found in it are used as one.
struct TriggerScan<'a> {
    tokens: &'a [Token],
    classes: &'a [Classes],
    groups: &'a [Group],
    items: &'a [ItemHit],
    lexicon: &'a Lexicon,
    /// The sentence is a headline in title case.
    title_case: bool,
}

impl TriggerScan<'_> {
    /// A capitalised word inside a name or title ("Supply Ministry", "Finance Minister").
    fn in_name(&self, i: usize) -> bool {
        let tokens = self.tokens;
        // After an abbreviation, a quote or a colon a capital may start a phrase ("U.S. Sales").
        let opens_phrase = |t: &Token| {
            t.lower.ends_with('.') || matches!(t.lower.as_str(), ":" | "\"" | "“" | "-" | "–" | "—")
        };
        // "Finance Minister" is a title in a title-case headline too.
        let before_title = tokens[i].capitalized
            && tokens.get(i + 1).is_some_and(|t| t.capitalized)
            && self.is(i + 1, WordClass::OrgNoun);
        (i > 0 && tokens[i].capitalized && !self.title_case && !opens_phrase(&tokens[i - 1]))
            || before_title
    }

    fn is(&self, i: usize, class: WordClass) -> bool {
        self.classes.get(i).is_some_and(|c| c.has(class))
    }

    /// The transfer word found at `i` (list entry `e`, `n` tokens), when it is used as one.
    fn read(&self, i: usize, e: usize, n: usize) -> Option<TriggerHit> {
        let (frame, tense) = self.form(i, e, n)?;
        let (tokens, classes, groups, items) = (self.tokens, self.classes, self.groups, self.items);
        // "sending a senior official to Lima": people sent, unless goods go with them.
        let people_only = frame == Frame::Give
            && object_is(tokens, classes, groups, i + n, WordClass::PersonNoun)
            && !items
                .iter()
                .any(|it| it.first >= i + n && it.first <= i + n + 6);
        let base = self.lexicon.trigger_base(e);
        let keep = !people_only && is_transfer_use(tokens, classes, groups, i, n, frame, base);
        keep.then(|| TriggerHit {
            first: i,
            last: i + n - 1,
            frame,
            tense,
            owner_receives: frame == Frame::Noun && self.lexicon.noun_owner_receives(e),
        })
    }

    /// The frame and form the word at `i` takes here: a verb form read as a noun where its
    /// neighbours make it one, `None` where it names a thing and no transfer.
    fn form(&self, i: usize, e: usize, n: usize) -> Option<(Frame, Tense)> {
        let (tokens, groups, items) = (self.tokens, self.groups, self.items);
        let (mut frame, mut tense) = self.lexicon.triggers[e].value;
        let prev = i.checked_sub(1).map_or("", |p| tokens[p].lower.as_str());
        let next = tokens.get(i + n).map_or("", |t| t.lower.as_str());
        let nominal = i
            .checked_sub(1)
            .is_some_and(|p| self.is(p, WordClass::NounMarker))
            || prev.ends_with("'s");
        let has_noun = self.lexicon.trigger_is_also_noun[e];
        let object_after = object_opens_at(tokens, self.classes, groups, items, i + n);
        // A word that is both verb and noun ("supply", "transfer") is a noun after a determiner,
        // and a one-word -s form is a noun unless an object follows ("exports policies", not
        // "exports oil").
        let bare_plural = n == 1
            && tense == Tense::Present
            && !object_after
            && !matches!(next, "from" | "to" | "into" | "for");
        // "the possible supply of weapons": a verb form is never followed by "of".
        // "financial pledges": the last word of a goods phrase is a noun, and so is an -s form
        // right after goods ("gas supplies", "arms exports").
        let ends_goods = items.iter().any(|it| {
            (it.first < i && i <= it.last)
                || (matches!(tense, Tense::Present | Tense::Base) && it.last + 1 == i)
        });
        if frame != Frame::Noun
            && has_noun
            && (nominal || bare_plural || next == "of" || ends_goods)
        {
            frame = Frame::Noun;
            tense = Tense::Noun;
        }
        if frame == Frame::Noun {
            return Some((frame, tense));
        }
        let skip = self.names_a_thing(i, prev, frame, tense, has_noun)
            // "jets flying over Peru": some giving verbs move goods only with an object after
            // them; "was flown to Peru", a passive, has its object before it.
            || (self.is(i, WordClass::TransitiveOnly)
                && !object_after
                && !(matches!(tense, Tense::Past | Tense::Participle)
                    && is_be_word(prev)))
            // "convert aid into diplomatic returns": an -s form with no object is no transfer verb.
            || (frame != Frame::Arrive && bare_plural)
            // "tanks, artillery, ships and aircraft": an -s form that names goods, in a list or
            // after a determiner, is the goods, not a verb.
            || (tense == Tense::Present
                && items.iter().any(|it| it.first <= i && i <= it.last)
                && (nominal
                    || matches!(prev, "," | "and" | "or")
                    || prev.chars().all(|c| c.is_ascii_digit())));
        (!skip).then_some((frame, tense))
    }

    /// Whether a verb form at `i` (not read as a noun) names a thing or an activity instead.
    fn names_a_thing(
        &self,
        i: usize,
        prev: &str,
        frame: Frame,
        tense: Tense,
        has_noun: bool,
    ) -> bool {
        let tokens = self.tokens;
        // "in order to", "a set of orders", "an East German order": after a preposition or an
        // adjective of origin a base or -s form is a noun.
        let after_preposition = PREPOSITIONS.contains(&prev) && prev != "to";
        let after_demonym = self.groups.iter().any(|g| g.last + 1 == i && g.demonym);
        // "the Chilean request for tanks" is still a request.
        if !has_noun
            && matches!(tense, Tense::Base | Tense::Present)
            && (after_preposition || (after_demonym && frame != Frame::Request))
        {
            return true;
        }
        // "its financing need", "a loan of": a verb form after a determiner or possessive
        // names a thing or an activity, not an act of giving. A request keeps its frame:
        // "Peru's request for tanks" is Peru asking.
        let owned =
            ARTICLES.contains(&prev) || DEMONSTRATIVES.contains(&prev) || prev.ends_with("'s");
        frame != Frame::Request
            && matches!(tense, Tense::Ing | Tense::Base | Tense::Present)
            && (owned
                || (tense == Tense::Base
                    && (named_noun(tokens, i)
                        // "a $20 million loan": a base form after a sum is a noun.
                        || (i > 0 && super::figures::is_count_or_scale(&tokens[i - 1])))))
    }
}
