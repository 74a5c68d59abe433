//! Recognition: which stretches of text name an entity, and of what class.

pub mod corpora;

/// The classes the learned tagger knows: the CoNLL-2003 four plus events.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NerClass {
    Per,
    Org,
    Loc,
    Event,
    Misc,
}

impl NerClass {
    pub const ALL: [NerClass; 5] = [NerClass::Per, NerClass::Org, NerClass::Loc, NerClass::Event, NerClass::Misc];

    pub fn as_str(self) -> &'static str {
        match self {
            NerClass::Per => "PER",
            NerClass::Org => "ORG",
            NerClass::Loc => "LOC",
            NerClass::Event => "EVENT",
            NerClass::Misc => "MISC",
        }
    }
}
