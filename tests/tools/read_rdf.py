#!/usr/bin/env python3
"""Reads an RDF file with rdflib and with pyoxigraph and prints, per library,
the number of distinct triples (graph names dropped). Exits 1 on any parse
error or warning. Used by tests/interop.rs."""
import logging
import sys
import warnings

# a parser warning is a failure (rdflib's own deprecation notices are not)
warnings.simplefilter("error")
warnings.simplefilter("ignore", DeprecationWarning)
warnings.simplefilter("ignore", ResourceWarning)


class FailOnWarning(logging.Handler):
    def emit(self, record):
        if record.levelno >= logging.WARNING:
            sys.exit(f"{record.name}: {record.getMessage()}")


logging.getLogger().addHandler(FailOnWarning())

path = sys.argv[1]
ext = path.rsplit(".", 1)[-1]

import rdflib

rdflib_format = {"ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig", "rdf": "xml", "jsonld": "json-ld"}[ext]
if ext in ("nq", "trig"):
    ds = rdflib.Dataset()
    ds.parse(path, format=rdflib_format)
    triples = {(s, p, o) for s, p, o, _ in ds.quads((None, None, None, None))}
else:
    g = rdflib.Graph()
    g.parse(path, format=rdflib_format)
    triples = set(g)
for s, p, o in triples:
    if isinstance(o, rdflib.Literal) and o.datatype is not None and o.ill_typed:
        sys.exit(f"ill-typed literal {o!r}")
print("rdflib", len(triples))

import pyoxigraph

ox_format = {"ttl": pyoxigraph.RdfFormat.TURTLE, "nt": pyoxigraph.RdfFormat.N_TRIPLES, "nq": pyoxigraph.RdfFormat.N_QUADS,
             "trig": pyoxigraph.RdfFormat.TRIG, "rdf": pyoxigraph.RdfFormat.RDF_XML, "jsonld": pyoxigraph.RdfFormat.JSON_LD}[ext]
with open(path, "rb") as f:
    quads = list(pyoxigraph.parse(f, format=ox_format))
print("pyoxigraph", len({(q.subject, q.predicate, q.object) for q in quads}))
