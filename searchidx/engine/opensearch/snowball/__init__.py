"""The Snowball stemmers of the languages the Whoosh engine stems (Spanish, French, German, Italian,
Portuguese), copied unchanged from whoosh3 3.54 (``whoosh/lang/snowball/``): the OpenSearch engine stems
paragraphs and queries with the very code the Whoosh engine does, so both find the same words (OpenSearch's
own Snowball filters are other versions of the algorithms). tests/test_opensearch_analysis.py compares them
with the installed Whoosh's.

Copyright (C) 2001-2012 NLTK Project; algorithms by Dr Martin Porter. Licensed under the Apache License,
Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0); each file keeps its own notice.
"""

from searchidx.engine.opensearch.snowball.french import FrenchStemmer
from searchidx.engine.opensearch.snowball.german import GermanStemmer
from searchidx.engine.opensearch.snowball.italian import ItalianStemmer
from searchidx.engine.opensearch.snowball.portugese import PortugueseStemmer
from searchidx.engine.opensearch.snowball.spanish import SpanishStemmer

classes = {"es": SpanishStemmer, "fr": FrenchStemmer, "de": GermanStemmer, "it": ItalianStemmer,
           "pt": PortugueseStemmer}
