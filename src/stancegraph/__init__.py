"""stancegraph: a knowledge graph of who said what about negotiating an end to the war in Ukraine.

Articles go in; statements (speaker, date, stance, conditions, evidence) come out as
RDF in an embedded Oxigraph store, served over SPARQL 1.1 and a small FastAPI app.

The public surface is deliberately small:

- :class:`stancegraph.settings.Settings`: every knob, with its default and help.
- :mod:`stancegraph.errors`: the one exception hierarchy.
- :mod:`stancegraph.graph.pipeline`: the stages (read → extract → to RDF → store).
- :func:`stancegraph.api.app.create_app`: the web application factory.
"""

from __future__ import annotations

__version__ = "0.1.0"

#: Every IRI the project mints starts here; it never depends on where the graph is served,
#: so two installations that ingest the same article mint the same IRIs.
BASE = "https://w3id.org/stancegraph/"

__all__ = ["BASE", "__version__"]
