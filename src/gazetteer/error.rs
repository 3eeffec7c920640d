/// A gazetteer data file that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    /// A row does not have the expected columns or values.
    #[error("{file}, line {line}: {message}")]
    BadRow {
        /// The data file.
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The file could not be read.
    #[error("cannot read {file}: {source}")]
    Io {
        /// The data file.
        file: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The matcher could not be built.
    #[error("cannot build the country matcher: {0}")]
    Build(#[from] aho_corasick::BuildError),
}
