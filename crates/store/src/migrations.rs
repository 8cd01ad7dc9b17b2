//! The schema migrations of each backend: `migrations/<backend>/NNNN_name.sql`, embedded at
//! build time so that a binary never depends on files beside it. Version N is the N-th entry
//! of a backend's table; adding a migration is adding its file and one line here.

use crate::StoreError;

/// One schema migration.
pub(crate) struct Migration {
    /// The file name without `.sql`; its `NNNN` prefix is the version it brings.
    pub(crate) name: &'static str,
    /// The statements, run as one batch in the transaction that records the version.
    pub(crate) sql: &'static str,
}

/// `migration!("sqlite", "0003_name")` embeds `migrations/sqlite/0003_name.sql`.
macro_rules! migration {
    ($backend:literal, $name:literal) => {
        Migration {
            name: $name,
            sql: include_str!(concat!("../migrations/", $backend, "/", $name, ".sql")),
        }
    };
}

/// The embedded store's migrations; the version in force is kept in `PRAGMA user_version`.
pub(crate) const SQLITE: &[Migration] = &[
    migration!("sqlite", "0001_initial"),
    migration!("sqlite", "0002_entities"),
    migration!("sqlite", "0003_events"),
];

/// The PostgreSQL store's migrations; each applied version is a row of `schema_version`.
pub(crate) const POSTGRES: &[Migration] = &[
    migration!("postgres", "0001_initial"),
    migration!("postgres", "0002_events"),
];

/// The version a database is at once every migration of `migrations` is applied.
pub(crate) fn latest(migrations: &[Migration]) -> u32 {
    u32::try_from(migrations.len()).unwrap_or(u32::MAX)
}

/// The migrations still to apply to a database at version `current`, each with the version it
/// brings. A database migrated by a newer Keyward is refused rather than misread.
pub(crate) fn pending(
    migrations: &'static [Migration],
    current: i64,
) -> Result<impl Iterator<Item = (u32, &'static Migration)>, StoreError> {
    let known = latest(migrations);
    let applied = usize::try_from(current)
        .ok()
        .filter(|applied| *applied <= migrations.len())
        .ok_or_else(|| {
            StoreError::Config(format!(
                "the database schema is at version {current}, newer than this Keyward's \
                 {known}; upgrade Keyward"
            ))
        })?;
    Ok(migrations
        .iter()
        .enumerate()
        .skip(applied)
        .map(|(i, m)| (u32::try_from(i + 1).unwrap_or(u32::MAX), m)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every file of a backend's folder is in its table, in version order, and only once.
    fn listed_in_order(backend: &str, table: &[Migration]) {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("migrations")
            .join(backend);
        let mut files: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        files.sort();
        let listed: Vec<String> = table.iter().map(|m| format!("{}.sql", m.name)).collect();
        assert_eq!(
            listed, files,
            "{backend}: every migration file is listed, in order"
        );
        for (i, m) in table.iter().enumerate() {
            assert_eq!(
                m.name.get(..5),
                Some(format!("{:04}_", i + 1).as_str()),
                "{backend}: {} is version {}",
                m.name,
                i + 1
            );
            assert!(!m.sql.trim().is_empty(), "{} has statements", m.name);
        }
    }

    #[test]
    fn tables_list_every_file_in_version_order() {
        listed_in_order("sqlite", SQLITE);
        listed_in_order("postgres", POSTGRES);
    }

    #[test]
    fn pending_skips_applied_versions_and_refuses_newer_ones() {
        let versions = |current| {
            pending(SQLITE, current)
                .map(|p| p.map(|(v, _)| v).collect::<Vec<_>>())
                .map_err(|e| matches!(e, StoreError::Config(_)))
        };
        assert_eq!(versions(0), Ok(vec![1, 2, 3]));
        assert_eq!(versions(1), Ok(vec![2, 3]));
        assert_eq!(versions(3), Ok(vec![]));
        assert_eq!(versions(4), Err(true));
        assert_eq!(versions(-1), Err(true));
    }
}
