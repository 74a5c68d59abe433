//! IRIs of the vocabularies newsgraph writes. Every IRI the exporters use
//! is a constant here, so a test can check each against the ontology.

pub const SCHEMA: &str = "http://schema.org/";
pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
pub const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
pub const OWL: &str = "http://www.w3.org/2002/07/owl#";
pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
pub const PROV: &str = "http://www.w3.org/ns/prov#";
pub const NIF: &str = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
pub const ITSRDF: &str = "http://www.w3.org/2005/11/its/rdf#";
pub const WD: &str = "http://www.wikidata.org/entity/";
/// newsgraph's own terms (see `ontology/newsgraph.ttl`).
pub const NG: &str = "https://w3id.org/newsgraph/ns#";
/// Where minted IRIs live unless `--base` says otherwise.
pub const DEFAULT_BASE: &str = "https://w3id.org/newsgraph/id/";

/// The prefixes written into Turtle, TriG and RDF/XML.
pub const PREFIXES: &[(&str, &str)] = &[
    ("schema", SCHEMA),
    ("rdf", RDF),
    ("rdfs", RDFS),
    ("owl", OWL),
    ("xsd", XSD),
    ("prov", PROV),
    ("nif", NIF),
    ("itsrdf", ITSRDF),
    ("wd", WD),
    ("ng", NG),
];

pub mod rdf {
    pub const TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
    pub const STATEMENT: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement";
    pub const SUBJECT: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#subject";
    pub const PREDICATE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate";
    pub const OBJECT: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#object";
    pub const LABEL: &str = "http://www.w3.org/2000/01/rdf-schema#label";
    pub const SAME_AS: &str = "http://www.w3.org/2002/07/owl#sameAs";
}

pub mod xsd {
    pub const INTEGER: &str = "http://www.w3.org/2001/XMLSchema#integer";
    pub const DECIMAL: &str = "http://www.w3.org/2001/XMLSchema#decimal";
    pub const NON_NEGATIVE_INTEGER: &str = "http://www.w3.org/2001/XMLSchema#nonNegativeInteger";
    pub const DATE: &str = "http://www.w3.org/2001/XMLSchema#date";
    pub const G_YEAR: &str = "http://www.w3.org/2001/XMLSchema#gYear";
    pub const G_YEAR_MONTH: &str = "http://www.w3.org/2001/XMLSchema#gYearMonth";
}

pub mod schema {
    pub const NEWS_ARTICLE: &str = "http://schema.org/NewsArticle";
    pub const QUOTATION: &str = "http://schema.org/Quotation";
    pub const OBSERVATION: &str = "http://schema.org/Observation";
    pub const TRAVEL_ACTION: &str = "http://schema.org/TravelAction";
    pub const NAME: &str = "http://schema.org/name";
    pub const ALTERNATE_NAME: &str = "http://schema.org/alternateName";
    pub const HEADLINE: &str = "http://schema.org/headline";
    pub const DATE_PUBLISHED: &str = "http://schema.org/datePublished";
    pub const URL: &str = "http://schema.org/url";
    pub const AUTHOR: &str = "http://schema.org/author";
    pub const MENTIONS: &str = "http://schema.org/mentions";
    pub const MEMBER_OF: &str = "http://schema.org/memberOf";
    pub const JOB_TITLE: &str = "http://schema.org/jobTitle";
    pub const AFFILIATION: &str = "http://schema.org/affiliation";
    pub const CONTAINED_IN_PLACE: &str = "http://schema.org/containedInPlace";
    pub const ATTENDEE: &str = "http://schema.org/attendee";
    pub const LOCATION: &str = "http://schema.org/location";
    pub const START_DATE: &str = "http://schema.org/startDate";
    pub const AGENT: &str = "http://schema.org/agent";
    pub const TO_LOCATION: &str = "http://schema.org/toLocation";
    pub const CREATOR: &str = "http://schema.org/creator";
    pub const ABOUT: &str = "http://schema.org/about";
    pub const TEXT: &str = "http://schema.org/text";
    pub const VALUE: &str = "http://schema.org/value";
    pub const UNIT_TEXT: &str = "http://schema.org/unitText";
    pub const DESCRIPTION: &str = "http://schema.org/description";
    pub const OBSERVATION_DATE: &str = "http://schema.org/observationDate";
    pub const TEMPORAL_COVERAGE: &str = "http://schema.org/temporalCoverage";
    pub const IS_PART_OF: &str = "http://schema.org/isPartOf";
}

pub mod prov {
    pub const WAS_DERIVED_FROM: &str = "http://www.w3.org/ns/prov#wasDerivedFrom";
}

pub mod nif {
    pub const CONTEXT: &str = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#Context";
    pub const SENTENCE: &str = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#Sentence";
    pub const PHRASE: &str = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#Phrase";
    pub const IS_STRING: &str = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString";
    pub const BEGIN_INDEX: &str = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex";
    pub const END_INDEX: &str = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#endIndex";
    pub const ANCHOR_OF: &str = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf";
    pub const REFERENCE_CONTEXT: &str = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#referenceContext";
    pub const SENTENCE_OF: &str = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#sentence";
}

pub mod itsrdf {
    pub const TA_IDENT_REF: &str = "http://www.w3.org/2005/11/its/rdf#taIdentRef";
}

pub mod ng {
    /// A statistic's qualifier ("more than", "about").
    pub const QUALIFIER: &str = "https://w3id.org/newsgraph/ns#qualifier";
}
