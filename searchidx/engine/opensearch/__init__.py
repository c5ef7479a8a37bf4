"""The OpenSearch engine: an index on an OpenSearch cluster, named ``opensearch://HOST:PORT/NAME``
(see docs/opensearch.md). Only this package imports ``opensearchpy``."""
