//! Profiles from the config and credentials files, named and merged as botocore names and merges
//! them, with every value's file and line.

use std::collections::BTreeMap;

use crate::ini::{self, Section};
use crate::input::{Environment, FileSystem};
use crate::model::{Code, Finding, Location, Sourced};

/// A profile property with its location.
pub type Value = Sourced<String>;

/// One profile's properties by lower-case key.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Profile {
    /// Properties; for a merged profile the credentials file's values win key by key.
    pub values: BTreeMap<String, Value>,
}

impl Profile {
    /// A property's value.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.values.get(key).map(|v| v.value.as_str())
    }

    /// A property with its location.
    pub fn value(&self, key: &str) -> Option<&Value> {
        self.values.get(key)
    }

    /// Whether the key is present (even with an empty value, as botocore checks `in`).
    pub fn has(&self, key: &str) -> bool {
        self.values.contains_key(key)
    }
}

/// Which file a path is, and how its path was chosen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileChoice {
    /// Path as opened.
    pub path: String,
    /// `AWS_CONFIG_FILE` / `AWS_SHARED_CREDENTIALS_FILE`, or the default.
    pub chosen_by: Location,
    /// Whether the file could be read.
    pub found: bool,
}

/// The two files, loaded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConfigFiles {
    /// The config file, if a path could be determined.
    pub config: Option<FileChoice>,
    /// The credentials file, if a path could be determined.
    pub credentials: Option<FileChoice>,
    /// Profiles of the config file alone (`[default]`, `[profile x]`).
    pub config_profiles: BTreeMap<String, Profile>,
    /// Profiles of the credentials file alone (`[x]`).
    pub credentials_profiles: BTreeMap<String, Profile>,
    /// Both merged, credentials file winning key by key: what most providers read.
    pub merged: BTreeMap<String, Profile>,
    /// `[sso-session x]` sections.
    pub sso_sessions: BTreeMap<String, Profile>,
    /// `[services x]` sections: service id → `endpoint_url`.
    pub services: BTreeMap<String, BTreeMap<String, Value>>,
    /// Problems found while reading (sections no SDK reads, parse errors, …).
    pub findings: Vec<Finding>,
    /// Whether the config file has both `[default]` and `[profile default]`.
    pub default_declared_twice: bool,
}

/// Expands a leading `~` with `HOME`, as the SDKs do for both file variables.
pub fn expand_home(path: &str, env: &Environment) -> Option<String> {
    match path.strip_prefix('~') {
        Some(rest) if rest.is_empty() || rest.starts_with('/') => {
            env.get("HOME").map(|home| format!("{home}{rest}"))
        }
        _ => Some(path.to_owned()),
    }
}

fn choose(env: &Environment, var: &str, default_rel: &str) -> Option<(String, Location)> {
    match env.get(var) {
        Some(p) => expand_home(p, env).map(|p| (p, Location::Variable(var.to_owned()))),
        None => env.get("HOME").map(|home| {
            (
                format!("{home}/{default_rel}"),
                Location::Default(format!("~/{default_rel}")),
            )
        }),
    }
}

impl ConfigFiles {
    /// Reads both files the way botocore does.
    pub fn load(env: &Environment, files: &dyn FileSystem) -> Self {
        let mut out = ConfigFiles::default();
        if let Some((path, by)) = choose(env, "AWS_CONFIG_FILE", ".aws/config") {
            let text = files.read(&path);
            if let Some(text) = &text {
                if let Some(sections) = out.parse_file(&path, text) {
                    out.load_config_sections(&path, sections);
                }
            }
            out.config = Some(FileChoice {
                path,
                chosen_by: by,
                found: text.is_some(),
            });
        }
        if let Some((path, by)) = choose(env, "AWS_SHARED_CREDENTIALS_FILE", ".aws/credentials") {
            let text = files.read(&path);
            if let Some(text) = &text {
                if let Some(sections) = out.parse_file(&path, text) {
                    out.load_credentials_sections(&path, sections);
                }
            }
            out.credentials = Some(FileChoice {
                path,
                chosen_by: by,
                found: text.is_some(),
            });
        }
        out.merged = out.config_profiles.clone();
        for (name, creds) in &out.credentials_profiles {
            let merged = out.merged.entry(name.clone()).or_default();
            merged
                .values
                .extend(creds.values.iter().map(|(k, v)| (k.clone(), v.clone())));
        }
        out
    }

    fn parse_file(&mut self, path: &str, text: &str) -> Option<Vec<Section>> {
        match ini::parse(text) {
            Ok(s) => Some(s),
            Err(e) => {
                self.findings.push(Finding::error(
                    Code::InvalidConfig,
                    format!("{path} cannot be parsed ({e}); every SDK rejects the whole file"),
                ));
                None
            }
        }
    }

    fn load_config_sections(&mut self, path: &str, sections: Vec<Section>) {
        let mut plain_default = false;
        let mut prefixed_default = false;
        for section in sections {
            let parts: Vec<&str> = section.header.split_whitespace().collect();
            if section.header.starts_with("profile") {
                if let [_, name] = parts[..] {
                    prefixed_default |= name == "default";
                    self.config_profiles
                        .insert(name.to_owned(), to_profile(path, &section));
                } else {
                    self.findings.push(Finding::warning(
                        Code::SectionIgnored,
                        format!(
                            "[{}] at {path}:{} is not a valid profile header; write [profile NAME]",
                            section.header, section.line
                        ),
                    ));
                }
            } else if section.header.starts_with("sso-session") {
                if let [_, name] = parts[..] {
                    self.sso_sessions
                        .insert(name.to_owned(), to_profile(path, &section));
                }
            } else if section.header.starts_with("services") {
                if let [_, name] = parts[..] {
                    let mut by_service = BTreeMap::new();
                    for p in &section.properties {
                        if let Some(ep) = p.children.iter().find(|c| c.key == "endpoint_url") {
                            by_service.insert(
                                p.key.clone(),
                                Sourced {
                                    value: ep.value.clone(),
                                    location: Location::File {
                                        path: path.to_owned(),
                                        line: ep.line,
                                    },
                                },
                            );
                        }
                    }
                    self.services.insert(name.to_owned(), by_service);
                }
            } else if section.header == "default" {
                plain_default = true;
                self.config_profiles
                    .insert("default".to_owned(), to_profile(path, &section));
            } else {
                self.findings.push(Finding::warning(
                    Code::SectionIgnored,
                    format!(
                        "[{h}] at {path}:{l} is not a profile: in the config file profiles are \
                         [profile {h}] (only the credentials file uses [{h}])",
                        h = section.header,
                        l = section.line
                    ),
                ));
            }
        }
        self.default_declared_twice = plain_default && prefixed_default;
    }

    fn load_credentials_sections(&mut self, path: &str, sections: Vec<Section>) {
        for section in sections {
            if let Some(rest) = section.header.strip_prefix("profile ") {
                self.findings.push(Finding::warning(
                    Code::SectionIgnored,
                    format!(
                        "[{}] at {path}:{}: the credentials file takes [{}] without the `profile` \
                         prefix; botocore reads a profile literally named \"{}\", Go and Rust drop it",
                        section.header,
                        section.line,
                        rest.trim(),
                        section.header
                    ),
                ));
            }
            self.credentials_profiles
                .insert(section.header.clone(), to_profile(path, &section));
        }
    }
}

fn to_profile(path: &str, section: &Section) -> Profile {
    Profile {
        values: section
            .properties
            .iter()
            .map(|p| {
                (
                    p.key.clone(),
                    Sourced {
                        value: p.value.clone(),
                        location: Location::File {
                            path: path.to_owned(),
                            line: p.line,
                        },
                    },
                )
            })
            .collect(),
    }
}
