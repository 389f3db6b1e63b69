"""The package's data files (provenance in ``PROVENANCE.md``) and the readers shared by several modules."""

from __future__ import annotations

import gzip
import re
from functools import lru_cache
from importlib import resources

_PROVINCE_SUFFIX = re.compile(r"(?:壮族|回族|维吾尔)?(?:自治区|特别行政区|省|市)$")


@lru_cache(maxsize=1)
def admin_divisions() -> tuple[str, ...]:
    """The lines of ``admin_divisions.txt.gz``: China's divisions (2022), depth first,
    ``<level><name>[<TAB>-][<TAB>~<short form>]`` (level 0 province … 3 township; see the file's header).

    >>> admin_divisions()[4]
    '0北京市\\t~北京'
    """
    raw = resources.files("reportnlp.data").joinpath("admin_divisions.txt.gz").read_bytes()
    return tuple(gzip.decompress(raw).decode("utf-8").splitlines())


def province_stem(name: str) -> str:
    """A province's name without its kind (``广西壮族自治区`` → ``广西``, ``山西省`` → ``山西``).

    >>> province_stem("广西壮族自治区"), province_stem("新疆维吾尔自治区"), province_stem("上海市")
    ('广西', '新疆', '上海')
    """
    return _PROVINCE_SUFFIX.sub("", name)
