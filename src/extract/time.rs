//! Dates: relative times ("last year", "on Friday") normalised against the
//! article's publication date. Plain civil-calendar arithmetic.

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// "2023-03-10" → (2023, 3, 10).
pub fn parse_iso(date: &str) -> Option<(i64, u32, u32)> {
    let mut parts = date.split('-');
    let y = parts.next()?.parse().ok()?;
    let m = parts.next()?.parse().ok()?;
    let d = parts.next()?.parse().ok()?;
    Some((y, m, d))
}

pub fn iso(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// A time expression's normalised value, given the article's date:
/// "last year" → "2022", "this year" → "2023", "yesterday" → a date,
/// "Friday" → the last Friday on or before the article's date.
pub fn normalise(expression: &str, article_date: Option<&str>) -> Option<String> {
    let lower = expression.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    if let Some(year) = words.iter().find(|w| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit())) {
        return Some(year.to_string());
    }
    let (y, m, d) = parse_iso(article_date?)?;
    let today = days_from_civil(y, m, d);
    let has = |w: &str| words.contains(&w);
    if has("year") {
        return Some(if has("last") || has("previous") { y - 1 } else if has("next") { y + 1 } else { y }.to_string());
    }
    if has("month") {
        let (yy, mm) = if has("last") { if m == 1 { (y - 1, 12) } else { (y, m - 1) } } else { (y, m) };
        return Some(format!("{yy:04}-{mm:02}"));
    }
    if has("yesterday") {
        return Some(iso(today - 1));
    }
    if has("today") || has("currently") || has("now") {
        return Some(iso(today));
    }
    let weekday = WEEKDAYS.iter().position(|w| has(w))? as i64;
    // 1970-01-01 was a Thursday (index 3)
    let today_index = (today + 3).rem_euclid(7);
    let back = (today_index - weekday).rem_euclid(7);
    Some(iso(today - back))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_round_trips() {
        for days in [-1000, 0, 19_426, 20_000, 40_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(iso(days_from_civil(2024, 2, 28) + 1), "2024-02-29");
    }

    #[test]
    fn relative_times_table() {
        let date = Some("2023-03-10"); // a Friday
        for (expression, want) in [
            ("last year", Some("2022")),
            ("this year", Some("2023")),
            ("in 2018", Some("2018")),
            ("last month", Some("2023-02")),
            ("yesterday", Some("2023-03-09")),
            ("on Tuesday", Some("2023-03-07")),
            ("Friday", Some("2023-03-10")),
            ("recently", None),
        ] {
            assert_eq!(normalise(expression, date).as_deref(), want, "{expression}");
        }
        assert_eq!(normalise("last year", None), None);
    }
}
