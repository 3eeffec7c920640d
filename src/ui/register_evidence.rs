//! The SIPRI register beside a transfer's quotes in Evidence: its mark and why, the deals that
//! match it as the register gives them, and the register's other deals between the same
//! countries in those years.

use crate::app::AppState;
use crate::dataset::Transfer;
use crate::model::RegisterDeal;

/// How many of the register's other deals are listed before "and N more".
const MORE_LISTED: usize = 30;

/// The register's side of transfer `t` (nothing when no register is compared).
pub fn register_section(ui: &mut egui::Ui, state: &AppState, t: &Transfer) {
    let (Some(m), Some(summary)) = (&t.register, &state.data.dataset.register_summary) else {
        return;
    };
    let color = super::paint::to_color32(crate::chart::register_color(Some(m.mark)));
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new("SIPRI register:").weak());
        ui.label(egui::RichText::new(m.mark.label()).color(color).strong());
        ui.label(egui::RichText::new(format!("— {}", m.why)).weak());
    });
    for deal in &m.deals {
        deal_card(ui, deal, &summary.file);
    }
    let Some(more) = summary.unreported(&t.supplier.code, &t.recipient.code) else {
        return;
    };
    let (from, to) = more.years;
    let n = more.deals.len();
    // A short header: a collapsing header does not wrap, and a long one would widen the panel
    // past a small window.
    egui::CollapsingHeader::new(format!(
        "Register has {n} more deal{}, {from}–{to}",
        if n == 1 { "" } else { "s" }
    ))
    .id_salt(("register_more", &t.id))
    .show(ui, |ui| {
        ui.label(format!(
            "Deals from {} to {} in the register that no report matched:",
            t.supplier.name, t.recipient.name
        ));
        for deal in more.deals.iter().take(MORE_LISTED) {
            ui.label(format!("• {}", deal.summary()));
        }
        if n > MORE_LISTED {
            ui.label(format!("… and {} more", n - MORE_LISTED));
        }
    });
}

/// One register deal as SIPRI gives it.
fn deal_card(ui: &mut egui::Ui, deal: &RegisterDeal, file: &str) {
    egui::Frame::new()
        .inner_margin(egui::Margin::symmetric(6, 3))
        .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
        .corner_radius(3.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                egui::RichText::new(format!(
                    "{} — {} ({} → {})",
                    deal.designation, deal.description, deal.supplier, deal.recipient
                ))
                .strong(),
            );
            let numbers = deal.numbers_label();
            let mut facts = vec![deal.years_label()];
            if !numbers.is_empty() {
                facts.push(numbers);
            }
            if !deal.status.is_empty() {
                facts.push(deal.status.clone());
            }
            ui.label(facts.join(" · "));
            if !deal.comments.is_empty() {
                ui.label(egui::RichText::new(&deal.comments).italics());
            }
            let place = match deal.sipri_id {
                Some(id) => format!("SIPRI deal {id}, line {} of {file}", deal.line),
                None => format!("line {} of {file}", deal.line),
            };
            ui.label(egui::RichText::new(place).weak().small());
        });
}
