//! What every `keyward` command assumes when it is not told: where the data directory is,
//! whether logs are coloured, and how durations are written on the command line. One place, so
//! `serve`, `configure` and `oidc` cannot drift apart.

use std::ffi::OsStr;
use std::path::PathBuf;

/// The default data directory by the XDG base-directory rule: `$XDG_DATA_HOME/keyward` when
/// that is an absolute path, else `$HOME/.local/share/keyward`. Fixed per user, so starting
/// `keyward serve` from another folder does not silently create a new, empty account.
pub fn default_data_dir() -> Option<PathBuf> {
    data_dir_from(
        std::env::var_os("XDG_DATA_HOME").as_deref(),
        std::env::var_os("HOME").as_deref(),
    )
}

/// [`default_data_dir`] from the two variables (the spec ignores a relative `XDG_DATA_HOME`).
fn data_dir_from(xdg_data_home: Option<&OsStr>, home: Option<&OsStr>) -> Option<PathBuf> {
    let xdg = xdg_data_home.map(PathBuf::from).filter(|p| p.is_absolute());
    let base = match xdg {
        Some(base) => base,
        None => PathBuf::from(home.filter(|h| !h.is_empty())?)
            .join(".local")
            .join("share"),
    };
    Some(base.join("keyward"))
}

/// Whether log lines carry ANSI colour: only on a terminal, and never when `NO_COLOR` is set
/// to anything but the empty string (<https://no-color.org>).
pub fn log_colour(stderr_is_terminal: bool, no_color: Option<&OsStr>) -> bool {
    stderr_is_terminal && no_color.is_none_or(OsStr::is_empty)
}

/// A duration as `3600`, `3600s`, `15m` or `1h`, in seconds.
pub fn parse_duration(text: &str) -> Result<i64, String> {
    let invalid = || format!("`{text}` is not a duration such as 3600, 900s, 15m or 1h");
    let (number, unit) = match text.char_indices().last() {
        Some((at, 's')) => (text.get(..at), 1),
        Some((at, 'm')) => (text.get(..at), 60),
        Some((at, 'h')) => (text.get(..at), 3600),
        Some(_) => (Some(text), 1),
        None => return Err(invalid()),
    };
    number
        .and_then(|n| n.parse::<i64>().ok())
        .filter(|n| *n > 0)
        .and_then(|n| n.checked_mul(unit))
        .ok_or_else(invalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_dir_follows_the_xdg_rule() {
        let home = Some(OsStr::new("/home/ada"));
        assert_eq!(
            data_dir_from(None, home),
            Some(PathBuf::from("/home/ada/.local/share/keyward"))
        );
        assert_eq!(
            data_dir_from(Some(OsStr::new("/data")), home),
            Some(PathBuf::from("/data/keyward"))
        );
        // A relative or empty XDG_DATA_HOME is invalid and ignored, as the spec says.
        assert_eq!(
            data_dir_from(Some(OsStr::new("rel")), home),
            Some(PathBuf::from("/home/ada/.local/share/keyward"))
        );
        assert_eq!(
            data_dir_from(Some(OsStr::new("")), home),
            Some(PathBuf::from("/home/ada/.local/share/keyward"))
        );
        assert_eq!(data_dir_from(None, None), None);
        assert_eq!(data_dir_from(None, Some(OsStr::new(""))), None);
    }

    #[test]
    fn colour_only_on_a_terminal_without_no_color() {
        assert!(log_colour(true, None));
        assert!(log_colour(true, Some(OsStr::new(""))));
        assert!(!log_colour(true, Some(OsStr::new("1"))));
        assert!(!log_colour(false, None));
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("3600"), Ok(3600));
        assert_eq!(parse_duration("900s"), Ok(900));
        assert_eq!(parse_duration("15m"), Ok(900));
        assert_eq!(parse_duration("12h"), Ok(43_200));
        for bad in ["", "h", "0", "-5m", "1d", "1.5h", "99999999999999999h"] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
    }
}
