//! Reading and editing the AWS shared config and credentials files the way `aws configure`
//! leaves them: one section per profile, every other line kept byte for byte.

use std::io::Write as _;
use std::os::unix::fs::{DirBuilderExt as _, OpenOptionsExt as _};
use std::path::{Path, PathBuf};

/// Which of the two shared files: they name the same profile differently.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// `~/.aws/config`: `[default]` and `[profile NAME]`.
    Config,
    /// `~/.aws/credentials`: `[NAME]`.
    Credentials,
}

impl FileKind {
    /// The file's path: `AWS_CONFIG_FILE` / `AWS_SHARED_CREDENTIALS_FILE`, else under `~/.aws`.
    pub fn path(self) -> Option<PathBuf> {
        let (variable, name) = match self {
            FileKind::Config => ("AWS_CONFIG_FILE", "config"),
            FileKind::Credentials => ("AWS_SHARED_CREDENTIALS_FILE", "credentials"),
        };
        if let Some(path) = std::env::var_os(variable).filter(|p| !p.is_empty()) {
            return Some(PathBuf::from(path));
        }
        let home = std::env::var_os("HOME").filter(|h| !h.is_empty())?;
        Some(PathBuf::from(home).join(".aws").join(name))
    }

    /// The header that opens `profile`'s section in this file.
    pub fn header(self, profile: &str) -> String {
        match self {
            FileKind::Config if profile != "default" => format!("[profile {profile}]"),
            _ => format!("[{profile}]"),
        }
    }

    /// Whether a section named `name` (the text between the brackets) is `profile`'s.
    /// botocore reads `[profile default]` in the config file as the default profile too.
    fn names(self, name: &str, profile: &str) -> bool {
        let words: Vec<&str> = name.split_whitespace().collect();
        match (self, words.as_slice()) {
            (FileKind::Config, ["profile", p]) => *p == profile,
            (_, [p]) => *p == profile && (self == FileKind::Credentials || profile == "default"),
            _ => false,
        }
    }
}

/// The name between the brackets, if `line` is a section header.
fn section_name(line: &str) -> Option<&str> {
    line.trim()
        .strip_prefix('[')?
        .strip_suffix(']')
        .map(str::trim)
}

/// Whether `text` has a section for `profile`.
pub fn has_profile(text: &str, kind: FileKind, profile: &str) -> bool {
    text.lines()
        .filter_map(section_name)
        .any(|name| kind.names(name, profile))
}

/// `text` with `profile`'s sections replaced by one holding `properties` (at the first old
/// section's place, or appended), and every other line unchanged.
pub fn with_profile(
    text: &str,
    kind: FileKind,
    profile: &str,
    properties: &[(&str, &str)],
) -> String {
    let mut block = kind.header(profile);
    block.push('\n');
    for (key, value) in properties {
        block.push_str(&format!("{key} = {value}\n"));
    }
    let mut out = String::with_capacity(text.len() + block.len());
    let mut skipping = false;
    let mut placed = false;
    for line in text.split_inclusive('\n') {
        if let Some(name) = section_name(line) {
            let was_skipping = skipping;
            skipping = kind.names(name, profile);
            if was_skipping && !skipping && !out.ends_with("\n\n") {
                out.push('\n');
            }
            if skipping && !placed {
                out.push_str(&block);
                placed = true;
            }
        }
        if !skipping {
            out.push_str(line);
        }
    }
    if !placed {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        if !out.is_empty() && !out.ends_with("\n\n") {
            out.push('\n');
        }
        out.push_str(&block);
    }
    out
}

/// The file's text, or empty when it does not exist.
pub fn read(path: &Path) -> std::io::Result<String> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(String::new()),
        Err(e) => Err(e),
    }
}

/// Replaces the file's contents. A new file (and a new `~/.aws`) is readable by its owner
/// only, since the credentials file holds secrets; an existing file keeps its mode.
pub fn write(path: &Path, text: &str) -> std::io::Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(parent)?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(text.as_bytes())?;
    file.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    const CONFIG: &str = "[default]\nregion = eu-west-1\n\n[profile braket-profile]\nregion = us-east-1\noutput = json\n\n[profile keyward]\nregion = us-west-2\n# a comment\n\n[sso-session corp]\nsso_region = us-east-1\n";

    #[test]
    fn profiles_are_found_by_their_file_s_header() {
        assert!(has_profile(CONFIG, FileKind::Config, "default"));
        assert!(has_profile(CONFIG, FileKind::Config, "braket-profile"));
        assert!(!has_profile(CONFIG, FileKind::Config, "corp"));
        assert!(!has_profile(CONFIG, FileKind::Config, "sso-session"));
        assert!(has_profile(
            "[profile default]\n",
            FileKind::Config,
            "default"
        ));
        // In the config file a bare `[name]` other than default is not a profile.
        assert!(!has_profile("[dev]\n", FileKind::Config, "dev"));
        assert!(has_profile("[dev]\n", FileKind::Credentials, "dev"));
        assert!(!has_profile(
            "[profile dev]\n",
            FileKind::Credentials,
            "dev"
        ));
    }

    #[test]
    fn replacing_a_profile_keeps_every_other_line() {
        let out = with_profile(
            CONFIG,
            FileKind::Config,
            "keyward",
            &[
                ("region", "us-east-1"),
                ("endpoint_url", "http://127.0.0.1:4577"),
            ],
        );
        assert_eq!(
            out,
            "[default]\nregion = eu-west-1\n\n[profile braket-profile]\nregion = us-east-1\noutput = json\n\n[profile keyward]\nregion = us-east-1\nendpoint_url = http://127.0.0.1:4577\n\n[sso-session corp]\nsso_region = us-east-1\n"
        );
    }

    #[test]
    fn a_new_profile_is_appended_after_a_blank_line() {
        let out = with_profile("[a]\nx = 1", FileKind::Credentials, "b", &[("y", "2")]);
        assert_eq!(out, "[a]\nx = 1\n\n[b]\ny = 2\n");
        let out = with_profile("", FileKind::Config, "default", &[("region", "r")]);
        assert_eq!(out, "[default]\nregion = r\n");
        let out = with_profile("", FileKind::Config, "dev", &[("region", "r")]);
        assert_eq!(out, "[profile dev]\nregion = r\n");
    }
}
