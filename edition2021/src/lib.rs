//! Nothing but a home for `tests/edition2021.rs`: a crate of edition 2021, where `gen` is an identifier and a
//! block's tail temporaries drop after its locals, for the tests of the macro's output in such a crate.
