//! Dates: one calendar date type with one parser, and the relative times of
//! news ("last year", "on Friday") normalised against an article's date.
//!
//! Every date the program holds is a [`Date`], and every `Date` is a real
//! day: the command line, JSON Lines and HTML metadata, date lines and the
//! arithmetic of relative times all make theirs through [`Date::new`] (or
//! the ISO parser built on it), which refuses 2023-02-30 or 2023-13-45.
//! Plain civil-calendar arithmetic, proleptic Gregorian. Imports nothing of
//! the crate.

use std::fmt;
use std::str::FromStr;

/// A day of the proleptic Gregorian calendar between 0001-01-01 and
/// 9999-12-31. Written (`Display`) as ISO 8601: `2023-03-10`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    // field order is the order of dates
    year: u16,
    month: u8,
    day: u8,
}

/// Text that is no ISO 8601 date (YYYY-MM-DD) of a real day.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a date (expected YYYY-MM-DD)")]
pub struct DateError(pub String);

impl Date {
    /// The date, if it is a real day in years 1 to 9999.
    pub fn new(year: i64, month: u32, day: u32) -> Option<Date> {
        let ok = (1..=9999).contains(&year) && (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        ok.then_some(Date { year: year as u16, month: month as u8, day: day as u8 })
    }

    pub fn year(self) -> i64 {
        i64::from(self.year)
    }

    pub fn month(self) -> u32 {
        u32::from(self.month)
    }

    pub fn day(self) -> u32 {
        u32::from(self.day)
    }

    /// The date at the start of an ISO 8601 date or date-time
    /// ("2023-03-10T09:00:00Z" → 2023-03-10), as metadata gives it.
    pub fn parse_prefix(text: &str) -> Result<Date, DateError> {
        text.get(..10).ok_or_else(|| DateError(text.to_string()))?.parse().map_err(|_| DateError(text.to_string()))
    }

    /// Days since 1970-01-01 (H. Hinnant's algorithm).
    fn days(self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = if m <= 2 { self.year() - 1 } else { self.year() };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01, if it is within years 1 to 9999.
    fn from_days(days: i64) -> Option<Date> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        Date::new(yoe + era * 400 + i64::from(m <= 2), m, d)
    }

    /// The date `n` days later (earlier when `n` is negative), if within years 1 to 9999.
    pub fn add_days(self, n: i64) -> Option<Date> {
        Date::from_days(self.days() + n)
    }

    /// Day of the week, 0 for Monday to 6 for Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (index 3)
        (self.days() + 3).rem_euclid(7) as u32
    }
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The one parser: exactly `YYYY-MM-DD`, a real day.
impl FromStr for Date {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Date, DateError> {
        let bad = || DateError(text.to_string());
        let b = text.as_bytes();
        let shape = b.len() == 10 && b[4] == b'-' && b[7] == b'-' && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !shape {
            return Err(bad());
        }
        let number = |range: std::ops::Range<usize>| text[range].parse::<u32>().map_err(|_| bad());
        Date::new(i64::from(number(0..4)?), number(5..7)?, number(8..10)?).ok_or_else(bad)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A time known to the year ("last year" → 2022), the month ("last month" →
/// 2023-02) or the day ("on Friday" → 2023-03-10). Written as ISO 8601 at
/// that precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PartialDate {
    Year(i64),
    Month(i64, u32),
    Day(Date),
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PartialDate::Year(y) => write!(f, "{y:04}"),
            PartialDate::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            PartialDate::Day(d) => d.fmt(f),
        }
    }
}

const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// A time expression's value, given the article's date: "in 2018" → 2018
/// (no article date needed), "last year" → 2022, "this year" → 2023, "last
/// month" → 2023-02, "yesterday" → a date, "Friday" → the last Friday on or
/// before the article's date.
pub fn normalise(expression: &str, article_date: Option<Date>) -> Option<PartialDate> {
    let lower = expression.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    if let Some(year) = words.iter().find(|w| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit())) {
        return year.parse().ok().map(PartialDate::Year);
    }
    let today = article_date?;
    let (y, m) = (today.year(), today.month());
    let has = |w: &str| words.contains(&w);
    if has("year") {
        return Some(PartialDate::Year(if has("last") || has("previous") { y - 1 } else if has("next") { y + 1 } else { y }));
    }
    if has("month") {
        let (yy, mm) = if has("last") { if m == 1 { (y - 1, 12) } else { (y, m - 1) } } else { (y, m) };
        return Some(PartialDate::Month(yy, mm));
    }
    if has("yesterday") {
        return today.add_days(-1).map(PartialDate::Day);
    }
    if has("today") || has("currently") || has("now") {
        return Some(PartialDate::Day(today));
    }
    let weekday = WEEKDAYS.iter().position(|w| has(w))? as i64;
    let back = (i64::from(today.weekday()) - weekday).rem_euclid(7);
    today.add_days(-back).map(PartialDate::Day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        text.parse().unwrap()
    }

    #[test]
    fn real_dates_parse_and_print_as_iso() {
        for text in ["2023-03-10", "2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31"] {
            assert_eq!(date(text).to_string(), text);
        }
        assert_eq!(Date::new(2023, 3, 10), Some(date("2023-03-10")));
        assert!(date("2023-03-10") < date("2023-12-01"));
    }

    #[test]
    fn impossible_or_misshapen_dates_are_refused() {
        for text in [
            "2023-02-30", "0000-00-00", "2023-13-45", "2023-00-10", "2023-04-31", "2023-02-29", "1900-02-29", "0000-01-01",
            "2023-3-10", "23-03-10", "2023/03/10", "10/03/2023", "2023-03-10T09:00", "+2023-03-10", "2023-03-1x", "", "２０２３-03-10",
        ] {
            assert_eq!(text.parse::<Date>(), Err(DateError(text.to_string())), "{text:?}");
        }
        assert_eq!(Date::new(2023, 2, 30), None);
        assert_eq!(Date::new(10_000, 1, 1), None);
    }

    #[test]
    fn metadata_dates_are_read_from_their_first_ten_characters() {
        assert_eq!(Date::parse_prefix("2024-01-02T10:00:00Z"), Ok(date("2024-01-02")));
        assert_eq!(Date::parse_prefix("2024-01-02"), Ok(date("2024-01-02")));
        assert!(Date::parse_prefix("2023-02-30T10:00:00Z").is_err());
        assert!(Date::parse_prefix("2024-1-2").is_err());
        assert!(Date::parse_prefix("March 3, 2024").is_err());
    }

    #[test]
    fn calendar_arithmetic() {
        for days in [-1000, 0, 19_426, 20_000, 40_000] {
            assert_eq!(Date::from_days(days).unwrap().days(), days);
        }
        assert_eq!(date("2024-02-28").add_days(1), Some(date("2024-02-29")));
        assert_eq!(date("2023-02-28").add_days(1), Some(date("2023-03-01")));
        assert_eq!(date("2024-01-01").add_days(-1), Some(date("2023-12-31")));
        assert_eq!(date("0001-01-01").add_days(-1), None);
        assert_eq!(date("2023-03-10").weekday(), 4); // a Friday
    }

    #[test]
    fn relative_times_table() {
        let friday = Some(date("2023-03-10"));
        for (expression, want) in [
            ("last year", Some("2022")),
            ("this year", Some("2023")),
            ("in 2018", Some("2018")),
            ("last month", Some("2023-02")),
            ("this month", Some("2023-03")),
            ("yesterday", Some("2023-03-09")),
            ("on Tuesday", Some("2023-03-07")),
            ("Friday", Some("2023-03-10")),
            ("recently", None),
        ] {
            assert_eq!(normalise(expression, friday).map(|d| d.to_string()).as_deref(), want, "{expression}");
        }
        assert_eq!(normalise("last year", None), None);
        assert_eq!(normalise("in 2018", None), Some(PartialDate::Year(2018)));
        // January's last month is December of the year before, never month 0
        assert_eq!(normalise("last month", Some(date("2024-01-15"))), Some(PartialDate::Month(2023, 12)));
        assert_eq!(normalise("yesterday", Some(date("2024-03-01"))).map(|d| d.to_string()).as_deref(), Some("2024-02-29"));
    }
}
