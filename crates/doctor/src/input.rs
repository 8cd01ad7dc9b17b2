//! What the resolver may look at, injected so that every resolution is a pure function of it and
//! fixtures can replay any machine's set-up.

use std::collections::BTreeMap;

use time::OffsetDateTime;

/// Reads files by path. The resolver only ever reads; a missing or unreadable file is `None`,
/// as the SDKs treat both alike.
pub trait FileSystem {
    /// The file's text, or `None`.
    fn read(&self, path: &str) -> Option<String>;
}

/// The real file system.
#[derive(Clone, Copy, Debug, Default)]
pub struct RealFileSystem;

impl FileSystem for RealFileSystem {
    fn read(&self, path: &str) -> Option<String> {
        std::fs::read_to_string(path).ok()
    }
}

/// Files held in memory, keyed by absolute path: the fixture harness's file system.
#[derive(Clone, Debug, Default)]
pub struct MemoryFileSystem {
    files: BTreeMap<String, String>,
}

impl MemoryFileSystem {
    /// An empty file system.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds (or replaces) a file.
    pub fn insert(&mut self, path: impl Into<String>, text: impl Into<String>) {
        self.files.insert(path.into(), text.into());
    }
}

impl FileSystem for MemoryFileSystem {
    fn read(&self, path: &str) -> Option<String> {
        self.files.get(path).cloned()
    }
}

/// The process environment as a map, so tests need not mutate the real one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Environment {
    vars: BTreeMap<String, String>,
}

impl Environment {
    /// From explicit pairs.
    pub fn from_pairs<I, K, V>(pairs: I) -> Self
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<String>,
        V: Into<String>,
    {
        Environment {
            vars: pairs
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        }
    }

    /// The current process's environment (variables that are not UTF-8 are left out).
    pub fn from_process() -> Self {
        Environment {
            vars: std::env::vars_os()
                .filter_map(|(k, v)| Some((k.into_string().ok()?, v.into_string().ok()?)))
                .collect(),
        }
    }

    /// The raw value, set even when empty.
    pub fn raw(&self, name: &str) -> Option<&str> {
        self.vars.get(name).map(String::as_str)
    }

    /// The value when set and not blank: the SDKs treat a blank variable as unset.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.raw(name).filter(|v| !v.trim().is_empty())
    }

    /// Whether a boolean variable is `true` (case-insensitive), as botocore reads them.
    pub fn is_true(&self, name: &str) -> bool {
        self.get(name)
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
    }
}

/// Options given on `keyward doctor`'s command line, which outrank the environment.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Overrides {
    /// `--profile`: like `aws --profile`, it also disables the environment's keys.
    pub profile: Option<String>,
    /// `--region`.
    pub region: Option<String>,
    /// `--endpoint-url`.
    pub endpoint_url: Option<String>,
}

/// Everything a resolution depends on.
pub struct Input<'a> {
    /// Environment variables.
    pub env: &'a Environment,
    /// Where config, credentials and token files are read from.
    pub files: &'a dyn FileSystem,
    /// Command-line overrides.
    pub overrides: &'a Overrides,
    /// The current time, for expiry.
    pub now: OffsetDateTime,
}
