"""HTTP downloads into a landing folder: timeouts per read and an overall deadline, retries with
back-off, a progress bar, a size limit, sha256 recorded (and checked when expected), written to a
`.part` file and moved into place only when complete, never over an existing file. A file name
offered by the server is reduced to a plain name inside the landing folder."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import os
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

import requests
import urllib3

DEFAULT_MAX_BYTES = 2 * 1024**3
DEFAULT_DEADLINE_SECONDS = 30 * 60
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


def safe_name(name: str | None) -> str | None:
    """A file name as a plain name inside the landing folder, or None when nothing safe is left:
    only the last part of a path (either slash), no control characters, never '', '.' or '..' and
    never hidden (a leading dot)."""
    if not name:
        return None
    name = re.split(r"[/\\]", name)[-1].strip()
    if re.search(r"[\x00-\x1f\x7f]", name) or name.startswith(".") or len(name) > 255:
        return None
    return name or None


def _filename(url: str, response: requests.Response) -> str:
    """The server's Content-Disposition name (filename*= or filename=), else the URL's last path
    part, each only if safe_name keeps it; else 'download'."""
    disposition = response.headers.get("Content-Disposition", "")
    offered = re.search(r"filename\*\s*=\s*[^']*'[^']*'([^;]+)", disposition, re.IGNORECASE)
    if offered:
        name = unquote(offered.group(1).strip().strip('"'))
    else:
        offered = re.search(r'filename\s*=\s*("[^"]*"|[^;]*)', disposition, re.IGNORECASE)
        name = offered.group(1).strip().strip('"') if offered else None
    return safe_name(name) or safe_name(unquote(urlparse(url).path).rsplit("/", 1)[-1]) or "download"


def fetch(
    url: str,
    dest_dir: Path,
    *,
    filename: str | None = None,
    expected_sha256: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: tuple[float, float] = (10, 60),
    deadline: float = DEFAULT_DEADLINE_SECONDS,
    retries: int = 3,
    backoff: float = 1.0,
    progress: bool = True,
    session: requests.Session | None = None,
) -> Fetched:
    """Download url into dest_dir. `deadline` bounds the whole call (every attempt and wait); a read
    that stalls is cut by the read timeout, so the call ends by deadline + timeout[1] at the latest."""
    dest_dir = Path(dest_dir)
    if filename is not None and safe_name(filename) != filename:
        raise FetchError(f"{filename!r} is not a plain file name (no folders, not hidden)")
    dest_dir.mkdir(parents=True, exist_ok=True)
    http = session or requests.Session()
    ends_at = time.monotonic() + deadline
    last_error = "no attempt made"
    for attempt in range(retries + 1):
        if attempt:
            wait = backoff * 2 ** (attempt - 1)
            if time.monotonic() + wait >= ends_at:
                break
            print(f"  retrying in {wait:.1f} s (attempt {attempt + 1} of {retries + 1}): {last_error}", file=sys.stderr)
            time.sleep(wait)
        try:
            return _download(http, url, dest_dir, filename, expected_sha256, max_bytes, timeout, ends_at, progress)
        except _Retryable as exc:
            last_error = str(exc)
        if time.monotonic() >= ends_at:
            break
    else:
        raise FetchError(f"{url}: failed after {retries + 1} attempts: {last_error}")
    raise FetchError(f"{url}: gave up at the overall deadline of {deadline:g} s: {last_error}")


class _Retryable(Exception):
    pass


def _download(http, url, dest_dir, filename, expected_sha256, max_bytes, timeout, ends_at, progress) -> Fetched:
    remaining = ends_at - time.monotonic()
    if remaining <= 0:
        raise _Retryable("overall deadline reached")
    connect, read = timeout
    try:
        response = http.get(url, stream=True, timeout=(min(connect, remaining), min(read, remaining)))
    except (requests.ConnectionError, requests.Timeout) as exc:
        raise _Retryable(f"{type(exc).__name__}: {exc}") from exc
    with response:
        if response.status_code in RETRY_STATUS:
            raise _Retryable(f"HTTP {response.status_code}")
        if response.status_code >= 400:
            raise FetchError(f"{url}: HTTP {response.status_code} {response.reason}")
        # Content-Length counts the bytes on the wire: with Content-Encoding gzip that is the
        # compressed length, compared with the raw bytes read; the size limit is on decoded bytes
        length = response.headers.get("Content-Length")
        expected = int(length) if length and length.isdigit() else None
        if expected is not None and expected > max_bytes:
            raise FetchError(f"{url}: {expected:,} bytes is over the size limit of {max_bytes:,}")
        name = filename or _filename(url, response)
        target = dest_dir / name
        if target.exists():
            raise FetchError(f"{url}: {target} already exists (never overwritten: remove it or pass a new --filename)")
        part = dest_dir / f".{name}.part"
        digest = hashlib.sha256()
        received = 0
        bar = _progress(name, expected, progress)
        try:
            with open(part, "wb") as fh:
                for chunk in _chunks(response):
                    if time.monotonic() > ends_at:
                        raise _Retryable(f"overall deadline reached after {received:,} bytes")
                    received += len(chunk)
                    if received > max_bytes:
                        raise FetchError(f"{url}: more than the size limit of {max_bytes:,} bytes")
                    digest.update(chunk)
                    fh.write(chunk)
                    bar.update(len(chunk))
        except (requests.ConnectionError, requests.Timeout, urllib3.exceptions.HTTPError) as exc:
            part.unlink(missing_ok=True)
            raise _Retryable(f"download interrupted after {received:,} bytes ({type(exc).__name__})") from exc
        except BaseException:
            part.unlink(missing_ok=True)
            raise
        finally:
            bar.close()
        on_wire = response.raw.tell()
        if expected is not None and on_wire != expected:
            part.unlink(missing_ok=True)
            raise _Retryable(f"truncated download: {on_wire:,} of {expected:,} bytes")
        sha = digest.hexdigest()
        if expected_sha256 and sha != expected_sha256.lower():
            part.unlink(missing_ok=True)
            raise FetchError(f"{url}: sha256 mismatch: expected {expected_sha256}, got {sha}")
        _move_no_clobber(part, target, url)
    _log(dest_dir, url, target, received, sha)
    return Fetched(target, received, sha, url)


def _chunks(response: requests.Response):
    """The decoded body as it arrives: read1 returns what the socket has (a body sent a byte at a
    time still comes back often enough for the deadline to be checked between pieces)."""
    while chunk := response.raw.read1(1 << 16, decode_content=True):
        yield chunk


def _move_no_clobber(part: Path, target: Path, url: str) -> None:
    """Move the finished .part file to target, failing (atomically) when target appeared meanwhile."""
    try:
        os.link(part, target)
    except FileExistsError:
        part.unlink()
        raise FetchError(f"{url}: {target} already exists (never overwritten)") from None
    except OSError:  # a file system without hard links: checked above, moved now
        os.replace(part, target)
    else:
        part.unlink()


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
