"""Publishing: a static linked-data site (HTML, Turtle, JSON-LD, N-Triples per resource,
class indexes, search, timeline, VoID/DCAT, dumps, sitemap) and a server for it."""
