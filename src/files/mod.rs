//! Files the safe way: reading only regular files (a FIFO or device is refused, never waited
//! on) and writing atomically (a temporary file renamed into place; devices and pipes written
//! through; temporaries removed when the process is interrupted). Every file ArmsFlow reads
//! or writes on a user's behalf goes through here.

mod read;
mod write;

pub use read::{ReadError, describe_file_type, read_regular_file, read_regular_text};
pub use write::{
    WriteError, check_writable, folder_of, remove_unfinished, write_atomic, write_atomic_with,
};
