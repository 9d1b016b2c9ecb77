"""HTTP downloads into a landing folder: timeouts, retries with back-off, a progress bar, a size
limit, sha256 recorded (and checked when expected), written to a `.part` file and moved into place
only when complete."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

import requests

DEFAULT_MAX_BYTES = 2 * 1024**3
RETRY_STATUS = {429, 500, 502, 503, 504}
FETCH_LOG = "fetch_log.csv"


class FetchError(Exception):
    """A download that failed; nothing was written to the destination."""


@dataclass
class Fetched:
    path: Path
    size: int
    sha256: str
    url: str


def _filename(url: str, response: requests.Response) -> str:
    disposition = response.headers.get("Content-Disposition", "")
    if "filename=" in disposition:
        return disposition.split("filename=")[-1].strip().strip('"').split("/")[-1]
    name = Path(unquote(urlparse(url).path)).name
    return name or "download"


def fetch(
    url: str,
    dest_dir: Path,
    *,
    filename: str | None = None,
    expected_sha256: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: tuple[float, float] = (10, 60),
    retries: int = 3,
    backoff: float = 1.0,
    progress: bool = True,
    session: requests.Session | None = None,
) -> Fetched:
    dest_dir = Path(dest_dir)
    dest_dir.mkdir(parents=True, exist_ok=True)
    http = session or requests.Session()
    last_error = "no attempt made"
    for attempt in range(retries + 1):
        if attempt:
            wait = backoff * 2 ** (attempt - 1)
            print(f"  retrying in {wait:.1f} s (attempt {attempt + 1} of {retries + 1}): {last_error}", file=sys.stderr)
            time.sleep(wait)
        try:
            return _download(http, url, dest_dir, filename, expected_sha256, max_bytes, timeout, progress)
        except _Retryable as exc:
            last_error = str(exc)
    raise FetchError(f"{url}: failed after {retries + 1} attempts: {last_error}")


class _Retryable(Exception):
    pass


def _download(http, url, dest_dir, filename, expected_sha256, max_bytes, timeout, progress) -> Fetched:
    try:
        response = http.get(url, stream=True, timeout=timeout)
    except (requests.ConnectionError, requests.Timeout) as exc:
        raise _Retryable(f"{type(exc).__name__}: {exc}") from exc
    with response:
        if response.status_code in RETRY_STATUS:
            raise _Retryable(f"HTTP {response.status_code}")
        if response.status_code >= 400:
            raise FetchError(f"{url}: HTTP {response.status_code} {response.reason}")
        length = response.headers.get("Content-Length")
        expected = int(length) if length and length.isdigit() else None
        if expected is not None and expected > max_bytes:
            raise FetchError(f"{url}: {expected:,} bytes is over the size limit of {max_bytes:,}")
        name = filename or _filename(url, response)
        target = dest_dir / name
        part = dest_dir / f".{name}.part"
        digest = hashlib.sha256()
        received = 0
        bar = _progress(name, expected, progress)
        try:
            with open(part, "wb") as fh:
                for chunk in response.iter_content(1 << 16):
                    received += len(chunk)
                    if received > max_bytes:
                        raise FetchError(f"{url}: more than the size limit of {max_bytes:,} bytes")
                    digest.update(chunk)
                    fh.write(chunk)
                    bar.update(len(chunk))
        except (requests.ConnectionError, requests.Timeout, requests.exceptions.ChunkedEncodingError) as exc:
            part.unlink(missing_ok=True)
            raise _Retryable(f"download interrupted after {received:,} bytes ({type(exc).__name__})") from exc
        except BaseException:
            part.unlink(missing_ok=True)
            raise
        finally:
            bar.close()
        if expected is not None and received != expected:
            part.unlink(missing_ok=True)
            raise _Retryable(f"truncated download: {received:,} of {expected:,} bytes")
        sha = digest.hexdigest()
        if expected_sha256 and sha != expected_sha256.lower():
            part.unlink(missing_ok=True)
            raise FetchError(f"{url}: sha256 mismatch: expected {expected_sha256}, got {sha}")
        os.replace(part, target)
    _log(dest_dir, url, target, received, sha)
    return Fetched(target, received, sha, url)


def _progress(name: str, total: int | None, enabled: bool):
    from tqdm import tqdm

    return tqdm(
        total=total, unit="B", unit_scale=True, desc=f"  {name}", disable=not enabled, file=sys.stderr, leave=False
    )


def _log(dest_dir: Path, url: str, target: Path, size: int, sha: str) -> None:
    """Append to fetch_log.csv at the landing root (the folder above the topic folder)."""
    log = dest_dir.parent / FETCH_LOG
    new = not log.exists()
    with open(log, "a", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        if new:
            writer.writerow(["url", "path", "size_bytes", "sha256", "fetched_at"])
        stamp = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
        writer.writerow([url, target.relative_to(dest_dir.parent).as_posix(), size, sha, stamp])
