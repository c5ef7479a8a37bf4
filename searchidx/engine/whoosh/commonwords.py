"""Words (stemmed, folded) in at least 3% of the paragraphs of the prosecutor and BBC corpora:
a phrase of two of them is indexed as one term (schema.py, ``pairs``). Made by bench/common_words.py.
"""

COMMON_WORDS = frozenset("""
    00 000 1 10 15 2 3 30 5 8 9 about account accus act after against all also ana ani anoth approxim arraign
    arrest assault assist attempt attornei back be beach been befor between brooklyn but california call car
    case caus center charg child citi commun continu convict count counti court crime crimin dai death defend
    degre depart deputi district doe drive dure enforc enhanc face famili feloni first follow forc found four
    guilti ha had he held her hi him home human i includ inform injuri into investig investigat it jane juri
    justic law life m make man maximum member month more murder new no ocda offic old on orang order other our
    out over p park peopl person polic prison prosecut provid public receiv releas report s said san santa
    scene second senior sentenc servic sever sex sexual she state street take than thei their them then there
    these three through time todai traffick trial two under unit up us victim wa were what where which while
    who without work would year
""".split())
