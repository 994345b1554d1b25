"""URL handling: where a configured source lives, and one canonical spelling per article.

Canonical URLs are how "the same article from two feeds" becomes one document: tracking
parameters, fragments, default ports and letter case in scheme/host are noise.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from urllib.parse import parse_qsl, quote, unquote, urlencode, urljoin, urlsplit, urlunsplit

_TRACKING_PARAMS = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "mc_cid", "mc_eid", "igshid", "yclid",
        "_hsenc", "_hsmi", "mkt_tok", "ref", "ref_src", "ref_url", "cmpid", "ncid", "sr_share", "spm",
        "guccounter", "guce_referrer", "guce_referrer_sig", "ito", "at_medium", "at_campaign", "s_cid",
        "__twitter_impression",
    }
)  # fmt: skip
_TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hmb_", "vero_", "oly_")
_WS = re.compile(r"\s+")


def resolve_source_url(url: str, base_dir: Path) -> str:
    """A config URL as something fetchable: relative paths and `file://relative` resolve
    against the config file's folder, so the bundled demo works from any working directory."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme in ("http", "https"):
        return url
    if parts.scheme == "file":
        if parts.netloc and parts.netloc != "localhost":  # file://demo/feed.xml: relative
            path = Path(unquote(parts.netloc + parts.path))
        else:
            path = Path(unquote(parts.path))
    elif parts.scheme == "" or (len(parts.scheme) == 1 and url[1:3] in (":\\", ":/")):  # bare path
        path = Path(url)
    else:
        return url  # an unsupported scheme is reported by the fetcher, with the source's name
    if not path.is_absolute():
        path = base_dir / path
    return path.resolve().as_uri()


def absolute_link(base: str, link: str) -> str:
    """Resolve a link found in a listing. urljoin keeps `file:///` intact (feedparser does not)."""
    return urljoin(base, link.strip())


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no default port, no fragment, no tracking parameters,
    remaining parameters sorted."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme == "file":
        return urlunsplit(("file", "", quote(unquote(parts.path)), "", ""))
    host = (parts.hostname or "").lower().rstrip(".")
    port = parts.port if parts.port and (scheme, parts.port) not in (("http", 80), ("https", 443)) else None
    netloc = f"{host}:{port}" if port else host
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    path = quote(unquote(parts.path), safe="/%:@!$&'()*+,;=-._~") or "/"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if k.lower() not in _TRACKING_PARAMS and not k.lower().startswith(_TRACKING_PREFIXES)
    ]
    return urlunsplit((scheme, netloc, path, urlencode(sorted(query)), ""))


def normalise_text(text: str) -> str:
    """Whitespace collapsed, NUL removed (PostgreSQL text cannot hold it)."""
    return _WS.sub(" ", text.replace("\x00", " ")).strip()


def content_hash(text: str) -> str:
    """Hash of the normalised text: an unchanged article re-fetched hashes the same."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()
