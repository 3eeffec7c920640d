use std::path::Path;

/// Countries the templates name, as they are written in news text.
const COUNTRIES: &[&str] = &[
    "Russia",
    "Ukraine",
    "North Korea",
    "Iran",
    "Egypt",
    "the United States",
    "Germany",
    "France",
    "Poland",
    "India",
    "China",
    "Turkey",
    "Israel",
    "Japan",
    "South Korea",
    "Brazil",
    "Pakistan",
    "Belarus",
    "Sweden",
    "Norway",
    "Saudi Arabia",
    "Qatar",
    "Algeria",
    "Nigeria",
    "Indonesia",
    "Vietnam",
    "Greece",
    "Spain",
    "Italy",
    "the United Kingdom",
    "Canada",
    "Australia",
    "Serbia",
    "Hungary",
    "Kazakhstan",
    "Armenia",
    "Azerbaijan",
    "Myanmar",
];

const GOODS: &[&str] = &[
    "tanks",
    "howitzers",
    "artillery shells",
    "drones",
    "fighter jets",
    "helicopter engines",
    "air defence systems",
    "rockets",
    "armoured vehicles",
    "rifles",
    "ammunition",
    "cruise missiles",
    "transport helicopters",
    "patrol boats",
    "radar systems",
];

const OUTLETS: &[&str] = &[
    "Northern Ledger",
    "Harbour Times",
    "Evening Wire",
    "Baltic Courier",
    "Daily Meridian",
    "Coastal Post",
    "Capital Review",
];

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Filler sentences with no transfer, as most of an article is.
const FILLER: &[&str] = &[
    "The ministry did not respond to a request for comment.",
    "Analysts said the move reflected a wider shift in the region's security policy.",
    "Officials declined to give further details, citing the sensitivity of the talks.",
    "The announcement came a day after a meeting of defence ministers in the capital.",
    "Critics in parliament questioned the cost of the programme and its timetable.",
    "Markets reacted calmly to the news, and the currency held steady against the dollar.",
    "A spokesperson said the government remained committed to its international obligations.",
    "Observers noted that similar deals had been announced and later quietly shelved.",
    "The report could not be independently verified.",
    "Talks are expected to continue next month, according to people familiar with them.",
];

/// A deterministic stream of articles. Each article has a date line, an outlet, a headline,
/// one to three transfer sentences and filler paragraphs (about 4 KB of text in all).
#[derive(Debug, Clone)]
pub struct ArticleGenerator {
    state: u64,
}

impl ArticleGenerator {
    /// A generator whose output depends only on `seed`.
    pub fn new(seed: u64) -> Self {
        Self {
            state: seed ^ 0x9E37_79B9_7F4A_7C15,
        }
    }

    /// The next pseudo-random number (xorshift64*).
    fn next(&mut self) -> u64 {
        self.state ^= self.state >> 12;
        self.state ^= self.state << 25;
        self.state ^= self.state >> 27;
        self.state.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len())]
    }

    /// Two different countries.
    fn pair(&mut self) -> (&'static str, &'static str) {
        let a = self.pick(COUNTRIES);
        loop {
            let b = self.pick(COUNTRIES);
            if b != a {
                return (a, b);
            }
        }
    }

    fn capitalized(s: &str) -> String {
        let mut c = s.chars();
        c.next()
            .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
    }

    /// One sentence reporting a transfer, in one of several phrasings.
    fn transfer_sentence(&mut self) -> String {
        let (supplier, recipient) = self.pair();
        let goods = self.pick(GOODS);
        let n = 2 + self.below(400);
        let month = self.pick(MONTHS);
        let outlet = self.pick(OUTLETS);
        let s = Self::capitalized(supplier);
        let r = Self::capitalized(recipient);
        match self.below(8) {
            0 => format!("{s} delivered {n} {goods} to {recipient} in {month}, officials said."),
            1 => format!("{r} is buying {goods} from {supplier}, according to the {outlet}."),
            2 => {
                format!("{s} agreed to sell {n} {goods} to {recipient}, the defence ministry said.")
            }
            3 => format!("{r} asked {supplier} to return more than {n} {goods} earlier this year."),
            4 => format!("{s} denied sending {goods} to {recipient} on Monday."),
            5 => {
                format!("{s} pledged {n} {goods} to {recipient} last month, the {outlet} reported.")
            }
            6 => format!("{s} refused to supply {goods} to {recipient}."),
            _ => format!("{s} will send about {n} {goods} to {recipient} within a month."),
        }
    }

    /// The `index`-th article: its file name and text.
    pub fn article(&mut self, index: usize) -> (String, String) {
        let year = 2019 + self.below(6);
        let month = 1 + self.below(12);
        let day = 1 + self.below(28);
        let outlet = self.pick(OUTLETS);
        let transfers: Vec<String> = (0..1 + self.below(3))
            .map(|_| self.transfer_sentence())
            .collect();
        let headline = transfers[0]
            .trim_end_matches('.')
            .replace(", officials said", "");
        let mut text =
            format!("Date: {year}-{month:02}-{day:02}\nOutlet: {outlet}\n\n{headline}\n\n");
        for t in &transfers {
            text.push_str(t);
            text.push(' ');
            for _ in 0..2 + self.below(3) {
                text.push_str(self.pick(FILLER));
                text.push(' ');
            }
            text.push_str("\n\n");
        }
        for _ in 0..8 + self.below(8) {
            for _ in 0..3 + self.below(2) {
                text.push_str(self.pick(FILLER));
                text.push(' ');
            }
            text.push_str("\n\n");
        }
        let name = format!("{year}-{month:02}-{day:02}-article-{index:06}.txt");
        (name, text)
    }
}

/// Writes `count` generated articles into `folder` (created if needed), 1,000 per
/// subfolder. Returns the number of bytes written.
pub fn write_folder(folder: &Path, count: usize, seed: u64) -> std::io::Result<u64> {
    let mut generator = ArticleGenerator::new(seed);
    let mut bytes = 0;
    for i in 0..count {
        let (name, text) = generator.article(i);
        let dir = folder.join(format!("batch-{:03}", i / 1000));
        if i % 1000 == 0 {
            std::fs::create_dir_all(&dir)?;
        }
        std::fs::write(dir.join(name), &text)?;
        bytes += text.len() as u64;
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_articles() {
        let a: Vec<_> = (0..5)
            .map({
                let mut g = ArticleGenerator::new(7);
                move |i| g.article(i)
            })
            .collect();
        let b: Vec<_> = (0..5)
            .map({
                let mut g = ArticleGenerator::new(7);
                move |i| g.article(i)
            })
            .collect();
        assert_eq!(a, b);
        assert!(a[0].1.starts_with("Date: "));
        assert!(a.iter().all(|(_, t)| t.len() > 500));
    }
}
