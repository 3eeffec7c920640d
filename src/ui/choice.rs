/// A row of radio buttons, one per `(value, label)`, with `current` checked. Returns the
/// value clicked, if any, for the caller to turn into a command.
pub fn radio_choice<T: PartialEq + Copy>(
    ui: &mut egui::Ui,
    current: T,
    options: &[(T, &str)],
) -> Option<T> {
    let mut picked = None;
    for &(value, label) in options {
        if ui.radio(current == value, label).clicked() {
            picked = Some(value);
        }
    }
    picked
}
