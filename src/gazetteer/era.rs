//! When a name stands for a country: "Moscow" is the Soviet Union in 1987 and Russia in 2023;
//! "Reagan" is the United States only while he was in office.

/// The first year read as "now" for an article without a date: the Cold War's states and
/// leaders are history in an undated article.
pub const UNDATED_FROM: i32 = 1992;

/// The years a gazetteer entry holds, both ends inclusive; `to: None` is still true today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Years {
    /// First year.
    pub from: i32,
    /// Last year, if it has ended.
    pub to: Option<i32>,
}

impl Years {
    /// Parses the optional `from` and `to` columns of a data row ("1922", "1991"); `None` when
    /// both are empty, an error message when a year is not a number or the range is reversed.
    pub fn parse(from: Option<&str>, to: Option<&str>) -> Result<Option<Self>, String> {
        let year = |s: Option<&str>| -> Result<Option<i32>, String> {
            match s.map(str::trim).filter(|s| !s.is_empty()) {
                None => Ok(None),
                Some(s) => s
                    .parse()
                    .map(Some)
                    .map_err(|_| format!("{s:?} is not a year")),
            }
        };
        match (year(from)?, year(to)?) {
            (None, None) => Ok(None),
            (None, Some(_)) => Err("a last year needs a first year".into()),
            (Some(from), to) if to.is_some_and(|t| t < from) => {
                Err(format!("the years {from}-{to:?} run backwards"))
            }
            (Some(from), to) => Ok(Some(Self { from, to })),
        }
    }

    /// True when the entry holds in an article of `era`.
    pub fn holds_in(self, era: Era) -> bool {
        match era {
            Era::Year(y) => y >= self.from && self.to.is_none_or(|t| y <= t),
            Era::Undated => self.to.is_none_or(|t| t >= UNDATED_FROM),
            Era::Any => true,
        }
    }
}

/// Which years an article's names are read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Era {
    /// The article's year of publication.
    Year(i32),
    /// No date known: read as written after the Cold War ([`UNDATED_FROM`] on).
    Undated,
    /// Every meaning a name ever had (for highlighting a name in a report's sentence).
    Any,
}

impl Era {
    /// The era of an article published on `date` (`YYYY-MM-DD`, or any text starting with a year).
    pub fn of_date(date: Option<&str>) -> Self {
        date.and_then(|d| d.get(..4))
            .and_then(|y| y.parse().ok())
            .map_or(Self::Undated, Self::Year)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_parse_and_hold() {
        let cold_war = Years::parse(Some("1922"), Some("1991"))
            .expect("valid")
            .expect("dated");
        assert!(cold_war.holds_in(Era::Year(1987)));
        assert!(!cold_war.holds_in(Era::Year(2023)));
        assert!(!cold_war.holds_in(Era::Undated));
        assert!(cold_war.holds_in(Era::Any));
        let open = Years::parse(Some("2019"), Some(""))
            .expect("valid")
            .expect("dated");
        assert!(open.holds_in(Era::Undated) && open.holds_in(Era::Year(2030)));
        assert!(!open.holds_in(Era::Year(2018)));
        assert_eq!(Years::parse(None, Some("")), Ok(None));
        assert!(Years::parse(Some("1991"), Some("1922")).is_err());
        assert!(Years::parse(Some("soon"), None).is_err());
        assert!(Years::parse(None, Some("1991")).is_err());
    }

    #[test]
    fn era_of_a_date() {
        assert_eq!(Era::of_date(Some("1987-03-26")), Era::Year(1987));
        assert_eq!(Era::of_date(Some("2023")), Era::Year(2023));
        assert_eq!(Era::of_date(None), Era::Undated);
        assert_eq!(Era::of_date(Some("n/a")), Era::Undated);
    }
}
