"""Corpus-level work: structure features and clustering by outline, eras of the State Council reports.

* :class:`StructureFeatures` — documents → structure features (scikit-learn transformer);
  :func:`structure_features` the same for one document as a dict; :func:`outline` its headings by depth.
* :func:`make_pipeline`, :func:`cluster_documents` → :class:`Clustering` — k-means, Ward or average linkage
  on the block-weighted features (:class:`BlockScaler`, :class:`Reduce`), k by silhouette, each cluster
  described by its prototype outline and the features that set it apart; :func:`nearest_documents` — each
  document's nearest by structure, with what they share; :func:`agreement` scores clusters against
  reference classes (ARI, NMI, purity).
* :func:`find_periods` → :class:`Periods` — the documents in year order cut into contiguous periods of
  similar structure (exact optimal segmentation of the same features); breaks as years.
* :data:`ERAS`, :func:`era_of`, :func:`record_year`, :func:`is_resolution` — the State Council corpus.
* :func:`find_families` → :class:`Family` — near-duplicates and documents filled in from one template
  (character 5-gram MinHash/LSH, exact Jaccard check), aligned into a skeleton and :class:`Slot` values.
* ``cluster_cmd``, ``similar_cmd``, ``periods_cmd``, ``templates_cmd`` — the ``reportnlp cluster``,
  ``similar``, ``periods`` and ``templates`` commands; :mod:`reportnlp.corpus.plots` draws their plots.

Nothing runs at import: numpy, scikit-learn and click load with the first name used.
"""

from typing import Any

__all__ = [
    "ERAS",
    "FEATURES",
    "BlockScaler",
    "BlockWeights",
    "Clustering",
    "Family",
    "MinHasher",
    "Periods",
    "Reduce",
    "Slot",
    "StructureFeatures",
    "agreement",
    "align_family",
    "cluster_cmd",
    "cluster_documents",
    "era_of",
    "find_families",
    "find_periods",
    "is_resolution",
    "make_pipeline",
    "nearest_documents",
    "outline",
    "outline_texts",
    "periods_cmd",
    "record_year",
    "shingle_key",
    "shingles",
    "similar_cmd",
    "structure_features",
    "templates_cmd",
]

_LAZY = {
    "Family": "reportnlp.corpus.templates",
    "Slot": "reportnlp.corpus.templates",
    "MinHasher": "reportnlp.corpus.templates",
    "find_families": "reportnlp.corpus.templates",
    "align_family": "reportnlp.corpus.templates",
    "shingles": "reportnlp.corpus.templates",
    "shingle_key": "reportnlp.corpus.templates",
    "templates_cmd": "reportnlp.corpus.templates",
    "Periods": "reportnlp.corpus.periods",
    "find_periods": "reportnlp.corpus.periods",
    "FEATURES": "reportnlp.corpus.structure",
    "BlockWeights": "reportnlp.corpus.structure",
    "BlockScaler": "reportnlp.corpus.structure",
    "Reduce": "reportnlp.corpus.structure",
    "nearest_documents": "reportnlp.corpus.structure",
    "outline_texts": "reportnlp.corpus.structure",
    "similar_cmd": "reportnlp.corpus.cli",
    "periods_cmd": "reportnlp.corpus.cli",
    "Clustering": "reportnlp.corpus.structure",
    "StructureFeatures": "reportnlp.corpus.structure",
    "agreement": "reportnlp.corpus.structure",
    "cluster_documents": "reportnlp.corpus.structure",
    "make_pipeline": "reportnlp.corpus.structure",
    "outline": "reportnlp.corpus.structure",
    "structure_features": "reportnlp.corpus.structure",
    "cluster_cmd": "reportnlp.corpus.cli",
    "ERAS": "reportnlp.corpus.eras",
    "era_of": "reportnlp.corpus.eras",
    "is_resolution": "reportnlp.corpus.eras",
    "record_year": "reportnlp.corpus.eras",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'reportnlp.corpus' has no attribute {name!r}")


def __dir__() -> list:
    return sorted(set(globals()) | set(__all__))
