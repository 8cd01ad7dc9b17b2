//! The embedded store's connections: one writer whose concurrent writes share one transaction
//! and one fsync (group commit), and a pool of read-only connections that WAL lets run beside
//! the writer, so that a read never waits for a commit's fsync.
//!
//! Group commit: a write enqueues its closure, then a blocking-pool thread takes the writer
//! connection and runs every write queued by then, each inside its own savepoint of one
//! `BEGIN IMMEDIATE` transaction, and commits once. A write whose closure fails is rolled back
//! to its savepoint alone; the others commit. Each write's result is delivered only after the
//! `COMMIT` returned (with `synchronous=FULL`, after the WAL is fsynced), so nothing is
//! acknowledged before it is durable; a failed commit fails every write of the batch. While
//! one batch commits, the next writes queue up and go together in the next batch: under
//! concurrency, one fsync serves many writes; alone, a write commits at once as before.

use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex, MutexGuard};

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use crate::sqlite::backend;
use crate::StoreError;

/// Read connections open at most. More reads than this at once wait for one to be free:
/// SQLite reads are CPU work, so more connections than a few per core would only add
/// contention, and a connection closed after use would be opened again (reparsing the schema)
/// on the next burst.
const MAX_READERS: usize = 8;

/// Delivers one write's outcome once the batch it ran in has committed (`Ok`) or failed.
type Completion = Box<dyn FnOnce(Result<(), String>) + Send>;

/// One queued write.
trait QueuedWrite: Send {
    /// Runs inside the batch's transaction; says whether it succeeded (a failure is rolled
    /// back to its savepoint) and how to deliver its result after the commit.
    fn run(self: Box<Self>, tx: &Transaction<'_>) -> (bool, Completion);
    /// Fails without running: the batch could not start or was lost before its turn.
    fn fail(self: Box<Self>, reason: String);
}

struct Pending<T, F> {
    write: F,
    reply: tokio::sync::oneshot::Sender<Result<T, StoreError>>,
}

impl<T, F> QueuedWrite for Pending<T, F>
where
    T: Send + 'static,
    F: FnOnce(&Transaction<'_>) -> Result<T, StoreError> + Send + 'static,
{
    fn run(self: Box<Self>, tx: &Transaction<'_>) -> (bool, Completion) {
        let Pending { write, reply } = *self;
        let outcome = write(tx);
        let succeeded = outcome.is_ok();
        let deliver: Completion = Box::new(move |committed| {
            let _ = reply.send(committed.map_err(StoreError::Backend).and(outcome));
        });
        (succeeded, deliver)
    }

    fn fail(self: Box<Self>, reason: String) {
        let _ = self.reply.send(Err(StoreError::Backend(reason)));
    }
}

fn lock<T>(mutex: &Mutex<T>) -> Result<MutexGuard<'_, T>, StoreError> {
    mutex
        .lock()
        .map_err(|_| StoreError::Backend("store lock poisoned".into()))
}

/// The writer connection and the writes waiting for it.
pub(crate) struct Writer {
    conn: Mutex<Connection>,
    queue: Mutex<Vec<Box<dyn QueuedWrite>>>,
}

impl Writer {
    pub(crate) fn new(conn: Connection) -> Self {
        Writer {
            conn: Mutex::new(conn),
            queue: Mutex::new(Vec::new()),
        }
    }

    /// The writer connection itself, for reads of a store that has no read pool (in memory).
    pub(crate) fn connection(&self) -> Result<MutexGuard<'_, Connection>, StoreError> {
        lock(&self.conn)
    }

    /// Queues `write`; returns the receiver of its result, delivered after its batch commits.
    /// [`Writer::commit_queued`] must run afterwards for it to be delivered.
    pub(crate) fn enqueue<T, F>(
        &self,
        write: F,
    ) -> Result<tokio::sync::oneshot::Receiver<Result<T, StoreError>>, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(&Transaction<'_>) -> Result<T, StoreError> + Send + 'static,
    {
        let (reply, receiver) = tokio::sync::oneshot::channel();
        lock(&self.queue)?.push(Box::new(Pending { write, reply }));
        Ok(receiver)
    }

    /// Takes the writer connection and commits everything queued, in batches, until the queue
    /// is empty. Blocks: call it on the blocking pool. A caller whose write another caller's
    /// batch already committed finds the queue empty and returns at once.
    pub(crate) fn commit_queued(&self) {
        let mut conn = match lock(&self.conn) {
            Ok(conn) => conn,
            Err(e) => {
                if let Ok(mut queue) = lock(&self.queue) {
                    for write in queue.drain(..) {
                        write.fail(e.to_string());
                    }
                }
                return;
            }
        };
        loop {
            let batch = match lock(&self.queue) {
                Ok(mut queue) => std::mem::take(&mut *queue),
                Err(_) => return,
            };
            if batch.is_empty() {
                return;
            }
            commit_batch(&mut conn, batch);
        }
    }
}

/// Runs `batch` in one immediate transaction, each write in its own savepoint, commits once,
/// then delivers every write's result.
fn commit_batch(conn: &mut Connection, batch: Vec<Box<dyn QueuedWrite>>) {
    let tx = match conn.transaction_with_behavior(TransactionBehavior::Immediate) {
        Ok(tx) => tx,
        Err(e) => {
            let reason = backend(e).to_string();
            for write in batch {
                write.fail(reason.clone());
            }
            return;
        }
    };
    let mut completions: Vec<Completion> = Vec::with_capacity(batch.len());
    let mut broken: Option<String> = None;
    for write in batch {
        if let Some(reason) = &broken {
            write.fail(reason.clone());
            continue;
        }
        if let Err(e) = tx.execute_batch("SAVEPOINT keyward_write") {
            let reason = backend(e).to_string();
            write.fail(reason.clone());
            broken = Some(reason);
            continue;
        }
        let (succeeded, completion) = write.run(&tx);
        completions.push(completion);
        let closed = if succeeded {
            tx.execute_batch("RELEASE keyward_write")
        } else {
            tx.execute_batch("ROLLBACK TO keyward_write; RELEASE keyward_write")
        };
        if let Err(e) = closed {
            broken = Some(backend(e).to_string());
        } else if tx.is_autocommit() {
            // SQLite rolled the whole transaction back on its own (a full disk, an I/O
            // error): the batch's earlier writes are gone too.
            broken = Some("the write transaction was rolled back by the database".into());
        }
    }
    let committed = match broken {
        Some(reason) => {
            let _ = tx.rollback();
            Err(reason)
        }
        None => tx.commit().map_err(|e| backend(e).to_string()),
    };
    for completion in completions {
        completion(committed.clone());
    }
}

/// Read-only connections to the database file, taken by one read at a time, opened on
/// demand up to [`MAX_READERS`] and kept.
pub(crate) struct Readers {
    path: PathBuf,
    pool: Mutex<ReaderPool>,
    returned: Condvar,
}

#[derive(Default)]
struct ReaderPool {
    idle: Vec<Connection>,
    open: usize,
}

impl Readers {
    pub(crate) fn new(path: &Path) -> Self {
        Readers {
            path: path.to_path_buf(),
            pool: Mutex::new(ReaderPool::default()),
            returned: Condvar::new(),
        }
    }

    fn open(&self) -> Result<Connection, StoreError> {
        let conn = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(backend)?;
        conn.busy_timeout(crate::sqlite::BUSY_TIMEOUT)
            .map_err(backend)?;
        Ok(conn)
    }

    /// An idle connection, a new one while fewer than [`MAX_READERS`] are open, or the next
    /// one returned. Blocks.
    fn take(&self) -> Result<Connection, StoreError> {
        let mut pool = lock(&self.pool)?;
        loop {
            if let Some(conn) = pool.idle.pop() {
                return Ok(conn);
            }
            if pool.open < MAX_READERS {
                pool.open += 1;
                drop(pool);
                let opened = self.open();
                if opened.is_err() {
                    lock(&self.pool)?.open -= 1;
                }
                return opened;
            }
            pool = self
                .returned
                .wait(pool)
                .map_err(|_| StoreError::Backend("store lock poisoned".into()))?;
        }
    }

    /// Runs `f` on a read connection of its own. Blocks.
    pub(crate) fn with<T>(
        &self,
        f: impl FnOnce(&mut Connection) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let mut conn = self.take()?;
        let out = f(&mut conn);
        lock(&self.pool)?.idle.push(conn);
        self.returned.notify_one();
        out
    }
}

/// Where reads go: the pool, or the writer connection when the database has no file.
pub(crate) enum ReadPath {
    /// Read-only connections beside the writer.
    Pool(Readers),
    /// The writer's own connection (an in-memory database is private to its connection).
    Writer,
}

/// Both halves, shared by every clone of the store.
pub(crate) struct Connections {
    pub(crate) writer: Writer,
    pub(crate) reads: ReadPath,
}

impl Connections {
    /// Runs a read. Blocks.
    pub(crate) fn read<T>(
        &self,
        f: impl FnOnce(&mut Connection) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        match &self.reads {
            ReadPath::Pool(readers) => readers.with(f),
            ReadPath::Writer => f(&mut *self.writer.connection()?),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn writer_on(path: &Path) -> Writer {
        let conn = Connection::open(path).unwrap();
        conn.pragma_update(None, "journal_mode", "WAL").unwrap();
        conn.pragma_update(None, "synchronous", "FULL").unwrap();
        conn.execute_batch("CREATE TABLE t (name TEXT PRIMARY KEY)")
            .unwrap();
        Writer::new(conn)
    }

    fn insert(name: &'static str) -> impl FnOnce(&Transaction<'_>) -> Result<(), StoreError> {
        move |tx| {
            let inserted = tx
                .execute(
                    "INSERT INTO t (name) VALUES (?1) ON CONFLICT DO NOTHING",
                    [name],
                )
                .map_err(backend)?;
            if inserted == 0 {
                return Err(StoreError::AlreadyExists);
            }
            Ok(())
        }
    }

    fn names(path: &Path) -> Vec<String> {
        let conn = Connection::open(path).unwrap();
        let mut stmt = conn.prepare("SELECT name FROM t ORDER BY name").unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    #[test]
    fn a_write_is_acknowledged_only_after_its_batch_commits() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db");
        let writer = writer_on(&path);
        let mut reply = writer.enqueue(insert("a")).unwrap();
        assert!(reply.try_recv().is_err(), "queued, not yet committed");
        assert!(names(&path).is_empty());
        writer.commit_queued();
        assert_eq!(reply.try_recv().unwrap(), Ok(()));
        assert_eq!(
            names(&path),
            ["a"],
            "visible to another connection: committed"
        );
    }

    #[test]
    fn writes_queued_together_commit_in_one_batch_and_a_failing_one_alone_is_rolled_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db");
        let writer = writer_on(&path);
        // A failing write that changed the table before failing: its savepoint must undo it.
        let half_done = |tx: &Transaction<'_>| -> Result<(), StoreError> {
            tx.execute("INSERT INTO t (name) VALUES ('half')", [])
                .map_err(backend)?;
            Err(StoreError::LimitExceeded)
        };
        let mut first = writer.enqueue(insert("a")).unwrap();
        let mut failing = writer.enqueue(half_done).unwrap();
        let mut duplicate = writer.enqueue(insert("a")).unwrap();
        let mut last = writer.enqueue(insert("b")).unwrap();
        writer.commit_queued();
        assert_eq!(first.try_recv().unwrap(), Ok(()));
        assert_eq!(failing.try_recv().unwrap(), Err(StoreError::LimitExceeded));
        // Later writes of the batch see the earlier ones: uniqueness still holds.
        assert_eq!(
            duplicate.try_recv().unwrap(),
            Err(StoreError::AlreadyExists)
        );
        assert_eq!(last.try_recv().unwrap(), Ok(()));
        assert_eq!(names(&path), ["a", "b"]);
    }

    #[test]
    fn a_failed_commit_fails_every_write_of_the_batch() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db");
        let writer = writer_on(&path);
        // Another connection holds the write lock past the busy timeout (none is set here, so
        // BEGIN IMMEDIATE fails at once).
        let other = Connection::open(&path).unwrap();
        other.execute_batch("BEGIN IMMEDIATE").unwrap();
        let mut a = writer.enqueue(insert("a")).unwrap();
        let mut b = writer.enqueue(insert("b")).unwrap();
        writer.commit_queued();
        assert!(matches!(a.try_recv().unwrap(), Err(StoreError::Backend(_))));
        assert!(matches!(b.try_recv().unwrap(), Err(StoreError::Backend(_))));
        other.execute_batch("ROLLBACK").unwrap();
        assert!(names(&path).is_empty());
    }

    #[test]
    fn concurrent_writes_share_commits_and_all_are_durable() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db");
        let writer = Arc::new(writer_on(&path));
        let threads: Vec<_> = (0..16)
            .map(|i| {
                let writer = Arc::clone(&writer);
                std::thread::spawn(move || {
                    let name = format!("n{i:02}");
                    let mut reply = writer
                        .enqueue(move |tx| {
                            tx.execute("INSERT INTO t (name) VALUES (?1)", [name])
                                .map(|_| ())
                                .map_err(backend)
                        })
                        .unwrap();
                    writer.commit_queued();
                    // Delivered by this thread's batch or by the one that took it.
                    reply.try_recv().unwrap()
                })
            })
            .collect();
        for thread in threads {
            assert_eq!(thread.join().unwrap(), Ok(()));
        }
        assert_eq!(names(&path).len(), 16);
    }

    #[test]
    fn reads_beyond_the_pool_wait_for_a_connection() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db");
        let _writer = writer_on(&path);
        let readers = Arc::new(Readers::new(&path));
        let threads: Vec<_> = (0..3 * MAX_READERS)
            .map(|_| {
                let readers = Arc::clone(&readers);
                std::thread::spawn(move || {
                    readers.with(|c| {
                        std::thread::sleep(std::time::Duration::from_millis(5));
                        c.query_row("SELECT count(*) FROM t", [], |r| r.get::<_, i64>(0))
                            .map_err(backend)
                    })
                })
            })
            .collect();
        for thread in threads {
            assert_eq!(thread.join().unwrap(), Ok(0));
        }
        let pool = readers.pool.lock().unwrap();
        assert!(pool.open <= MAX_READERS, "{} open", pool.open);
        assert_eq!(pool.idle.len(), pool.open, "all returned");
    }

    #[test]
    fn readers_see_committed_writes_and_are_reused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db");
        let connections = Connections {
            writer: writer_on(&path),
            reads: ReadPath::Pool(Readers::new(&path)),
        };
        let count = |c: &mut Connection| {
            c.query_row("SELECT count(*) FROM t", [], |r| r.get::<_, i64>(0))
                .map_err(backend)
        };
        assert_eq!(connections.read(count), Ok(0));
        let mut reply = connections.writer.enqueue(insert("a")).unwrap();
        connections.writer.commit_queued();
        assert_eq!(reply.try_recv().unwrap(), Ok(()));
        assert_eq!(connections.read(count), Ok(1));
        let ReadPath::Pool(readers) = &connections.reads else {
            unreachable!("built with a pool")
        };
        assert_eq!(
            readers.pool.lock().unwrap().open,
            1,
            "one connection, reused"
        );
        // Read connections cannot write.
        let wrote = connections.read(|c| {
            c.execute("INSERT INTO t (name) VALUES ('x')", [])
                .map_err(backend)
        });
        assert!(matches!(wrote, Err(StoreError::Backend(_))));
    }
}
