//! Anki packages, CSV and deck files.
