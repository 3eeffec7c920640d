use serde::{Deserialize, Serialize};
use std::fmt;

/// Why a file could not become an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProblemKind {
    /// The file could not be opened or read (permissions, vanished, I/O error).
    Unreadable,
    /// The bytes are not text (NUL bytes or a known binary signature).
    Binary,
    /// The file is over the configured size limit.
    TooLarge,
    /// The file is not what its extension says, or is damaged, encrypted or beyond the
    /// reader's limits (a web archive with no page, a PDF without a text layer).
    Malformed,
    /// The file holds no text once markup and boilerplate are removed.
    Empty,
    /// A folder entry could not be walked (symlink loop, permissions), or a symbolic link
    /// was not followed (it leaves the folder or leads into a virtual file system).
    Walk,
    /// The path is a FIFO, socket or device, not a file: never read, never waited on.
    NotRegular,
    /// A decision of the analyst's review whose report the folder no longer has (its
    /// article edited, moved or removed): kept in the review file, listed with its content.
    Orphaned,
    /// A party of a SIPRI register that maps to no country code (a rebel group, an
    /// organisation, "unknown supplier(s)"): its deals are left out of the cross-check.
    Unmapped,
}

/// A file that was skipped, with a reason a user can act on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// Path relative to the opened folder (or as given when outside it).
    pub path: String,
    /// What went wrong, in words.
    pub reason: String,
    /// Machine-readable class of the problem.
    pub kind: ProblemKind,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}
