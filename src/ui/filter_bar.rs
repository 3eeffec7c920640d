use super::ViewCaches;
use crate::app::{AppState, Command};
use crate::dataset::{Category, Status};
use crate::model::{RegisterMark, ReviewState};
use crate::view::parse_date_bound;
use std::collections::{BTreeMap, BTreeSet};

/// Filters that apply to every view: countries, category, status, dates, free text.
pub fn filter_bar_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    caches: &mut ViewCaches,
    out: &mut Vec<Command>,
) {
    let current = &state.filters;
    let mut edited = current.clone();
    // Countries seen in the data, by name, with their number of transfers (indexed once
    // per load: counting them every frame took most of a frame with 100,000 transfers).
    let countries = &state.data.index.countries;
    // Two rows, what is filtered and then how: a label never parts from its box, and each
    // row fits a 1024-pixel window.
    ui.horizontal(|ui| {
        country_combo(ui, "Country", countries, &mut edited.countries);
        country_combo(ui, "Supplier", countries, &mut edited.suppliers);
        country_combo(ui, "Recipient", countries, &mut edited.recipients);
        set_combo(
            ui,
            "Category",
            &Category::ALL,
            |c| c.as_str(),
            &mut edited.categories,
        );
        set_combo(
            ui,
            "Status",
            &Status::ALL,
            |s| s.as_str(),
            &mut edited.statuses,
        );
        review_combo(ui, &mut edited);
    });
    ui.horizontal(|ui| {
        date_field(ui, caches, "From", false, current.from, &mut edited.from);
        date_field(ui, caches, "To", true, current.to, &mut edited.to);
        let label = ui.label("Source");
        ui.add(
            egui::TextEdit::singleline(&mut edited.source)
                .hint_text("outlet or original source")
                .desired_width(120.0),
        )
        .labelled_by(label.id)
        .on_hover_text(
            "Matches the original source and the outlet relaying it: \"Wall Street Journal\" \
             also finds what Al Jazeera relays from it",
        );
        let label = ui.label("Search");
        let search = ui
            .add(
                egui::TextEdit::singleline(&mut edited.search)
                    .id(egui::Id::unique("filter_search"))
                    .hint_text("items, sentences, names (Ctrl+F)")
                    .desired_width(130.0),
            )
            .labelled_by(label.id);
        if ui.input_mut(|i| i.consume_shortcut(&SEARCH_SHORTCUT)) {
            search.request_focus();
        }
        // Only once a register is compared (File > Compare with SIPRI register…).
        if state.data.dataset.register_summary.is_some() || !current.register.is_empty() {
            set_combo(
                ui,
                "SIPRI",
                &RegisterMark::ALL,
                RegisterMark::label,
                &mut edited.register,
            );
        }
        if ui
            .add_enabled(!current.is_empty(), egui::Button::new("Clear filters"))
            .clicked()
        {
            out.push(Command::ClearFilters);
            return;
        }
        if edited != *current {
            out.push(Command::SetFilters(edited.clone()));
        }
    });
}

fn combo_text<T>(set: &BTreeSet<T>, name: impl Fn(&T) -> String) -> String {
    match set.len() {
        0 => "any".to_owned(),
        1 => set.iter().next().map(name).unwrap_or_default(),
        n => format!("{n} selected"),
    }
}

fn country_combo(
    ui: &mut egui::Ui,
    label: &str,
    countries: &BTreeMap<String, (String, usize)>,
    set: &mut BTreeSet<String>,
) {
    let names: BTreeMap<&String, &String> = countries.iter().map(|(n, (c, _))| (c, n)).collect();
    let selected = combo_text(set, |c| {
        names.get(c).map_or_else(|| c.clone(), |n| (*n).clone())
    });
    let l = ui.label(label);
    egui::ComboBox::from_id_salt(label)
        .selected_text(selected)
        .width(COMBO_WIDTH)
        .height(400.0)
        // Several can be ticked: the list stays open until a click outside it.
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
        .show_ui(ui, |ui| {
            for (name, (code, count)) in countries {
                let mut on = set.contains(code);
                if ui.checkbox(&mut on, format!("{name} ({count})")).changed() {
                    toggle(set, code.clone(), on);
                }
            }
        })
        .response
        .labelled_by(l.id);
}

fn set_combo<T: Ord + Copy>(
    ui: &mut egui::Ui,
    label: &str,
    all: &[T],
    name: impl Fn(T) -> &'static str,
    set: &mut BTreeSet<T>,
) {
    let selected = combo_text(set, |v| name(*v).to_owned());
    let l = ui.label(label);
    egui::ComboBox::from_id_salt(label)
        .selected_text(selected)
        .width(COMBO_WIDTH)
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
        .show_ui(ui, |ui| {
            for &v in all {
                let mut on = set.contains(&v);
                if ui.checkbox(&mut on, name(v)).changed() {
                    toggle(set, v, on);
                }
            }
        })
        .response
        .labelled_by(l.id);
}

/// The width of the filter boxes: enough for "3 selected" or a country's name.
const COMBO_WIDTH: f32 = 92.0;

/// Ctrl+F: to the search field.
const SEARCH_SHORTCUT: egui::KeyboardShortcut =
    egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::F);

/// The review filters in one box: the states to show, Only reviewed, Show rejected.
fn review_combo(ui: &mut egui::Ui, edited: &mut crate::view::Filters) {
    let mut parts: Vec<String> = edited
        .review_states
        .iter()
        .map(|s| s.as_str().to_owned())
        .collect();
    if edited.only_reviewed {
        parts.push("only reviewed".into());
    }
    if edited.show_rejected {
        parts.push("+ rejected".into());
    }
    let selected = match parts.len() {
        0 => "any".to_owned(),
        1 => parts.remove(0),
        n => format!("{n} choices"),
    };
    let l = ui.label("Review");
    egui::ComboBox::from_id_salt("Review")
        .selected_text(selected)
        .width(COMBO_WIDTH)
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
        .show_ui(ui, |ui| {
            for v in ReviewState::ALL {
                let mut on = edited.review_states.contains(&v);
                if ui.checkbox(&mut on, v.as_str()).changed() {
                    toggle(&mut edited.review_states, v, on);
                }
            }
            ui.separator();
            ui.checkbox(&mut edited.only_reviewed, "Only reviewed")
                .on_hover_text("Only transfers whose every report you accepted, edited or added");
            ui.checkbox(&mut edited.show_rejected, "Show rejected")
                .on_hover_text("Also the transfers you rejected (hidden otherwise)");
        })
        .response
        .labelled_by(l.id);
}

fn toggle<T: Ord>(set: &mut BTreeSet<T>, value: T, on: bool) {
    if on {
        set.insert(value);
    } else {
        set.remove(&value);
    }
}

/// A date bound typed as "2023", "2023-04" or "2023-04-05". While the field has focus its
/// text is kept in egui's memory, so a half-typed date is not lost; it applies once valid.
fn date_field(
    ui: &mut egui::Ui,
    caches: &mut ViewCaches,
    label: &'static str,
    end: bool,
    value: Option<jiff::civil::Date>,
    edited: &mut Option<jiff::civil::Date>,
) {
    let id = ui.scope_id().with(("date_field", label));
    let shown = value.map(|d| d.to_string()).unwrap_or_default();
    let has_focus = ui.memory(|m| m.has_focus(id));
    let mut text = if has_focus {
        caches.date_text.get(label).cloned().unwrap_or(shown)
    } else {
        shown
    };
    let l = ui.label(label);
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut text)
                .id(id)
                .hint_text("YYYY-MM-DD")
                .desired_width(86.0),
        )
        .labelled_by(l.id);
    let parsed = parse_date_bound(&text, end);
    if response.changed() {
        caches.date_text.insert(label, text.clone());
        if text.trim().is_empty() {
            *edited = None;
        } else if parsed.is_some() {
            *edited = parsed;
        }
    }
    if !text.trim().is_empty() && parsed.is_none() {
        response.on_hover_text("Type a year (2023), a month (2023-04) or a day (2023-04-05)");
    }
}
