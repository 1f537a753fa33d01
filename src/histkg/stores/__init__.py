"""Where graphs go: the embedded Oxigraph store and SPARQL Graph Store Protocol endpoints."""
