//! What the analyst's review commands do: each decision becomes an undoable [`Change`] to
//! the review, saved and applied like a date correction (see `corrections.rs`).

use super::history::{Change, DecisionChange};
use super::review_form::{FormTarget, FormValues, ReportForm};
use super::{ArmsFlowApp, ReviewCommand};
use crate::dataset::Review;
use crate::model::ReportDateBasis;
use crate::model::{
    AddedReport, Decision, MachineReading, Report, ReportEdit, ReportKey, ReviewState,
};
use std::sync::Arc;

/// A decision about a report, as the Review view, Evidence and the keyboard make it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReviewAction {
    /// Right as read.
    Accept,
    /// Wrong, with an optional reason.
    Reject(Option<String>),
    /// Set (or with `None` clear) the note.
    Note(Option<String>),
    /// Back to the machine's reading (the note stays).
    Undecide,
    /// Out of its transfer, a transfer of its own.
    Split,
}

impl ReviewAction {
    /// The action in words, for Undo's label: "accept".
    fn verb(&self) -> &'static str {
        match self {
            Self::Accept => "accept",
            Self::Reject(_) => "reject",
            Self::Note(_) => "note on",
            Self::Undecide => "undo the decision on",
            Self::Split => "split off",
        }
    }
}

/// "1 report", "3 reports".
fn reports_in_words(n: usize) -> String {
    if n == 1 {
        "1 report".into()
    } else {
        format!("{n} reports")
    }
}

impl ArmsFlowApp {
    /// What a review command does.
    pub(super) fn on_review_command(&mut self, command: ReviewCommand) {
        let state = &mut self.state;
        match command {
            ReviewCommand::Decide { reports, action } => {
                self.remember_next_in_queue(&reports);
                self.review(&reports, &action);
            }
            ReviewCommand::Merge(transfers) => self.merge_transfers(&transfers),
            ReviewCommand::OpenForm(target) => self.state.report_form = self.report_form(target),
            ReviewCommand::EditForm(form) => {
                if state.report_form.is_some() {
                    state.report_form = Some(form);
                }
            }
            ReviewCommand::SaveForm => self.save_report_form(),
            ReviewCommand::CloseForm => state.report_form = None,
            ReviewCommand::EditNote(draft) => state.note_draft = Some(draft),
            ReviewCommand::SaveNote => self.save_note(),
            ReviewCommand::CloseNote => state.note_draft = None,
            ReviewCommand::SetQueueOrder(order) => {
                state.queue.order = order;
                state.requeue();
            }
            ReviewCommand::SetQueueShowsReviewed(show) => {
                state.queue.show_reviewed = show;
                state.requeue();
            }
            ReviewCommand::SetQueueCursor(row) => {
                let row = row.min(state.views.queue.items.len().saturating_sub(1));
                state.queue.cursor = row;
                state.queue.cursor_report = state
                    .queue_item(row)
                    .and_then(|(t, r)| state.report_ref(t, r));
            }
        }
    }

    /// When the report at the queue's cursor is decided, the cursor moves on to the next
    /// one, which it then finds again in the regrouped queue.
    fn remember_next_in_queue(&mut self, decided: &[(usize, usize)]) {
        let state = &mut self.state;
        let at_cursor = state.queue_item(state.queue.cursor);
        if at_cursor.is_none_or(|item| !decided.contains(&item)) || state.queue.show_reviewed {
            return;
        }
        let next = state.queue.cursor + 1;
        state.queue.cursor_report = state
            .queue_item(next)
            .and_then(|(t, r)| state.report_ref(t, r));
    }

    /// The report at (`transfer`, `report`) of the dataset shown, with its key.
    fn keyed_report(&self, transfer: usize, report: usize) -> Option<(&Report, ReportKey)> {
        let data = &self.state.data;
        let r = data.dataset.transfers.get(transfer)?.reports.get(report)?;
        let article = data.dataset.articles.get(data.index.report_article(r)?)?;
        Some((r, ReportKey::of(r, &article.path)?))
    }

    /// Decides `action` about each report in `reports`, as one undoable change.
    pub(super) fn review(&mut self, reports: &[(usize, usize)], action: &ReviewAction) {
        let (_, review) = self.corrections();
        let changes: Vec<Change> = reports
            .iter()
            .filter_map(|&(t, r)| self.review_change(&review, t, r, action))
            .collect();
        let what = format!("{} {}", action.verb(), reports_in_words(changes.len()));
        self.make_batch(changes, what);
    }

    /// Makes `changes` one undoable change (nothing when there are none).
    fn make_batch(&mut self, mut changes: Vec<Change>, what: String) {
        match changes.len() {
            0 => self.state.notice = Some("Nothing to change".into()),
            1 => self.make_change(changes.remove(0), what),
            _ => self.make_change(Change::Batch(changes), what),
        }
    }

    /// The change `action` makes to the review about report (`t`, `r`); `None` when it
    /// changes nothing.
    fn review_change(
        &self,
        review: &Review,
        t: usize,
        r: usize,
        action: &ReviewAction,
    ) -> Option<Change> {
        let (report, key) = self.keyed_report(t, r)?;
        // An added report is the analyst's own entry: rejecting removes it, a note is kept
        // in it; splitting works on it like on any report.
        if let Some(id) = &report.review.added
            && *action != ReviewAction::Split
        {
            let before = review.added(id).cloned();
            let after = match action {
                ReviewAction::Reject(_) => None,
                ReviewAction::Note(note) => before.clone().map(|a| AddedReport {
                    note: note.clone(),
                    ..a
                }),
                _ => before.clone(),
            };
            return (before != after).then(|| Change::Added {
                id: id.clone(),
                before,
                after,
            });
        }
        let before = review.decision(&key).cloned();
        let mut d = before
            .clone()
            .unwrap_or_else(|| Decision::new(key.clone(), &first_sentence(report)));
        match action {
            // A corrected report is accepted as corrected.
            ReviewAction::Accept if d.state == ReviewState::Edited => {}
            ReviewAction::Accept => set_state(&mut d, ReviewState::Accepted, None),
            ReviewAction::Reject(reason) => {
                set_state(&mut d, ReviewState::Rejected, reason.clone())
            }
            ReviewAction::Undecide => set_state(&mut d, ReviewState::Machine, None),
            ReviewAction::Note(note) => d.note = note.clone(),
            ReviewAction::Split => d.apart = true,
        }
        decision_change(key, before, d)
    }

    /// Merges the transfers `transfers` into the first: every other one's first report is
    /// joined with the first one's. Only transfers between the same two parties merge.
    pub(super) fn merge_transfers(&mut self, transfers: &[usize]) {
        let dataset = Arc::clone(&self.state.data.dataset);
        // Rejected transfers are grouped apart: they merge only with rejected ones.
        let lane = |i: usize| {
            dataset.transfers.get(i).map(|t| {
                let rejected = t.review_state() == ReviewState::Rejected;
                (t.supplier.code.clone(), t.recipient.code.clone(), rejected)
            })
        };
        let Some((&first, rest)) = transfers.split_first() else {
            return;
        };
        if rest.is_empty() || rest.iter().any(|&i| lane(i) != lane(first)) {
            self.state.notice = Some(
                "Only two or more transfers between the same two countries merge (and a \
                 rejected one only with rejected ones)"
                    .into(),
            );
            return;
        }
        let Some((_, target)) = self.keyed_report(first, 0) else {
            return;
        };
        let (_, review) = self.corrections();
        let changes: Vec<Change> = rest
            .iter()
            .filter_map(|&i| self.merge_change(&review, i, &target))
            .collect();
        self.make_batch(changes, format!("merge {} transfers", transfers.len()));
    }

    /// The change that merges transfer `t` with the report `target`'s: a report of `t` not
    /// merged yet is joined with it (an earlier merge is never overwritten; merges chain).
    fn merge_change(&self, review: &Review, t: usize, target: &ReportKey) -> Option<Change> {
        let reports = self.state.data.dataset.transfers.get(t)?.reports.len();
        (0..reports).find_map(|r| {
            let (report, key) = self.keyed_report(t, r)?;
            let before = review.decision(&key).cloned();
            if before.as_ref().is_some_and(|d| d.merge_with.is_some()) {
                return None;
            }
            let mut d = before
                .clone()
                .unwrap_or_else(|| Decision::new(key.clone(), &first_sentence(report)));
            d.merge_with = Some(target.clone());
            decision_change(key, before, d)
        })
    }

    /// Saves the open report form: an edit of its report, or a new report from its span.
    /// A form that does not check out stays open with the reason.
    pub(super) fn save_report_form(&mut self) {
        let Some(form) = self.state.report_form.clone() else {
            return;
        };
        let gazetteer = self.extractor.gazetteer();
        let name = |code: &str| {
            let n = gazetteer.name(code);
            (n != code || code.len() > 3).then(|| n.to_owned())
        };
        let values = match form.values(&name) {
            Ok(v) => v,
            Err(e) => {
                if let Some(f) = &mut self.state.report_form {
                    f.error = Some(e);
                }
                return;
            }
        };
        let (_, review) = self.corrections();
        let change = match form.target {
            FormTarget::Report { transfer, report } => {
                self.edit_change(&review, transfer, report, values)
            }
            FormTarget::Transfer { transfer } => self
                .report_form(form.target)
                .and_then(|f| f.values(&name).ok())
                .and_then(|baseline| {
                    self.transfer_edit_change(&review, transfer, &baseline, &values)
                }),
            FormTarget::Span {
                article,
                start,
                end,
            } => self.added_change(&review, article, start, end, values),
        };
        self.state.report_form = None;
        match change {
            Some((change, what)) => self.make_change(change, what),
            None => self.state.notice = Some("Nothing changed".into()),
        }
    }

    /// The change that makes report (`t`, `r`) read as `values`.
    fn edit_change(
        &self,
        review: &Review,
        t: usize,
        r: usize,
        values: FormValues,
    ) -> Option<(Change, String)> {
        let note = Some(values.note.clone());
        let set = |_: &Report, machine: &Report| {
            let mut wanted = machine.clone();
            values.assign(&mut wanted);
            wanted
        };
        let change = self.edit_to(review, t, r, &set, note)?;
        Some((change, "edit 1 report".into()))
    }

    /// The change that corrects every report of transfer `t` where `values` differ from the
    /// transfer's summary (`baseline`): a field left as it was keeps each report's own value.
    fn transfer_edit_change(
        &self,
        review: &Review,
        t: usize,
        baseline: &FormValues,
        values: &FormValues,
    ) -> Option<(Change, String)> {
        let reports = self.state.data.dataset.transfers.get(t)?.reports.len();
        let set = |current: &Report, _: &Report| {
            let mut wanted = current.clone();
            values.assign_changed(baseline, &mut wanted);
            wanted
        };
        let changes: Vec<Change> = (0..reports)
            .filter_map(|r| self.edit_to(review, t, r, &set, None))
            .collect();
        let what = format!("edit {}", reports_in_words(changes.len()));
        (!changes.is_empty()).then_some((Change::Batch(changes), what))
    }

    /// The change that makes report (`t`, `r`) read as `wanted` gives of its current and
    /// its machine values, with the note `note` (`None` keeps the note).
    fn edit_to(
        &self,
        review: &Review,
        t: usize,
        r: usize,
        wanted: &dyn Fn(&Report, &Report) -> Report,
        note: Option<Option<String>>,
    ) -> Option<Change> {
        let (report, key) = self.keyed_report(t, r)?;
        if let Some(id) = &report.review.added {
            // The analyst's own report is corrected in place.
            let before = review.added(id).cloned();
            let after = before.clone().map(|a| {
                let w = wanted(report, report);
                AddedReport {
                    supplier: w.supplier,
                    recipient: w.recipient,
                    item: w.item,
                    category: w.category,
                    quantity: w.quantity,
                    value_usd: w.value_usd,
                    status: w.status,
                    date: w
                        .date
                        .when()
                        .filter(|_| w.date.basis == Some(ReportDateBasis::Analyst))
                        .map(|d| d.to_string()),
                    note: note.clone().unwrap_or(a.note.clone()),
                    ..a
                }
            });
            return (before != after).then(|| Change::Added {
                id: id.clone(),
                before,
                after,
            });
        }
        // The edit is what differs from the machine's values, not from earlier edits.
        let mut machine = report.clone();
        if let Some(m) = &report.review.machine {
            MachineReading::clone(m).restore(&mut machine);
        }
        let edit = ReportEdit::between(&machine, &wanted(report, &machine));
        let before = review.decision(&key).cloned();
        let mut d = before
            .clone()
            .unwrap_or_else(|| Decision::new(key.clone(), &first_sentence(report)));
        let state = if edit.is_empty() {
            ReviewState::Accepted
        } else {
            ReviewState::Edited
        };
        set_state(&mut d, state, None);
        d.edit = edit;
        if let Some(note) = note {
            d.note = note;
        }
        decision_change(key, before, d)
    }

    /// The change that adds a report with `values` and the span as its evidence.
    fn added_change(
        &self,
        review: &Review,
        article: usize,
        start: usize,
        end: usize,
        values: FormValues,
    ) -> Option<(Change, String)> {
        let a = self.state.data.dataset.articles.get(article)?;
        let sentence = a.text.get(start..end)?.to_owned();
        let id = review.next_added_id();
        let added = AddedReport {
            id: id.clone(),
            path: a.path.clone(),
            start,
            end,
            sentence,
            supplier: values.supplier,
            recipient: values.recipient,
            item: values.item,
            category: values.category,
            quantity: values.quantity,
            value_usd: values.value_usd,
            status: values.status,
            date: values.date.map(|w| w.to_string()),
            note: values.note,
        };
        let change = Change::Added {
            id,
            before: None,
            after: Some(added),
        };
        Some((change, "add a transfer".into()))
    }

    /// The form for `target`: a report's values, or for a span the extractor's reading of
    /// it (a report whose evidence overlaps the span, else the countries it names).
    pub(super) fn report_form(&self, target: FormTarget) -> Option<ReportForm> {
        let dataset = &self.state.data.dataset;
        match target {
            FormTarget::Report { transfer, report } => {
                let r = dataset.transfers.get(transfer)?.reports.get(report)?;
                Some(ReportForm::of_report(target, r))
            }
            FormTarget::Transfer { transfer } => {
                let t = dataset.transfers.get(transfer)?;
                Some(ReportForm::of_transfer(target, t))
            }
            FormTarget::Span {
                article,
                start,
                end,
            } => {
                let a = dataset.articles.get(article)?;
                a.text.get(start..end)?;
                let read = self
                    .extractor
                    .extract(a)
                    .into_iter()
                    .find(|r| r.evidence.iter().any(|e| e.start < end && start < e.end));
                Some(match read {
                    Some(r) => ReportForm {
                        note: String::new(),
                        ..ReportForm::of_report(target, &r)
                    },
                    None => self.blank_form(target, &a.text[start..end]),
                })
            }
        }
    }

    /// A form for a span the extractor reads nothing in: the first two countries it names.
    fn blank_form(&self, target: FormTarget, span: &str) -> ReportForm {
        let mut codes = Vec::new();
        for code in self
            .extractor
            .gazetteer()
            .find(span)
            .into_iter()
            .flat_map(|m| m.codes)
        {
            if !codes.contains(&code) {
                codes.push(code);
            }
        }
        let mut codes = codes.into_iter();
        ReportForm {
            target,
            supplier: codes.next().unwrap_or_default(),
            recipient: codes.next().unwrap_or_default(),
            item: String::new(),
            category: crate::model::Category::WeaponsUnspecified,
            quantity: String::new(),
            value: String::new(),
            status: crate::model::Status::Unknown,
            date: String::new(),
            note: String::new(),
            error: None,
        }
    }

    /// Saves the open note (or rejection reason) editor.
    pub(super) fn save_note(&mut self) {
        let Some(draft) = self.state.note_draft.take() else {
            return;
        };
        let text = Some(draft.text.trim().to_owned()).filter(|t| !t.is_empty());
        let action = if draft.reason {
            ReviewAction::Reject(text)
        } else {
            ReviewAction::Note(text)
        };
        self.review(&draft.reports, &action);
    }
}

/// Sets a decision's state (and reason), dropping an edit when it is no longer one.
fn set_state(d: &mut Decision, state: ReviewState, reason: Option<String>) {
    d.state = state;
    d.reason = reason;
    if state != ReviewState::Edited {
        d.edit = ReportEdit::default();
    }
}

/// The change from `before` to `after` about the report `key`; `None` when they are the
/// same.
fn decision_change(key: ReportKey, before: Option<Decision>, after: Decision) -> Option<Change> {
    let after = Some(after).filter(|d| !d.is_empty());
    (before != after).then_some(Change::Decision(DecisionChange { key, before, after }))
}

/// A report's first sentence, kept with its decision.
fn first_sentence(report: &Report) -> String {
    report
        .evidence
        .first()
        .map(|e| e.sentence.clone())
        .unwrap_or_default()
}
