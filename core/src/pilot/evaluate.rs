//! How a pilot is going: its day, the seed's three success criteria, and
//! the recommendation at the end.
