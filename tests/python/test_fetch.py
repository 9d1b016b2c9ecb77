"""Downloads against a local HTTP server on 127.0.0.1 (no network): success, 404, 500 with
retries, timeout, truncated body, checksum mismatch, size limit; gzip with Content-Length, file
names offered by the server that escape or overwrite, and the overall deadline."""

from __future__ import annotations

import gzip
import hashlib
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import quote, unquote

import pytest

from mhw.fetch import FetchError, fetch

BODY = b"CCG21CD,CCG21CDH,CCG21NM\nE38000006,02P,NHS Barnsley CCG\n" * 50


class Handler(BaseHTTPRequestHandler):
    hits: dict[str, int] = {}

    def log_message(self, *args):  # keep pytest output clean
        pass

    def do_GET(self):
        Handler.hits[self.path] = Handler.hits.get(self.path, 0) + 1
        if self.path == "/ok.csv":
            self._send(200, BODY)
        elif self.path == "/missing.csv":
            self._send(404, b"not found")
        elif self.path == "/always500.csv":
            self._send(500, b"boom")
        elif self.path == "/flaky.csv":
            self._send(503, b"busy") if Handler.hits[self.path] < 3 else self._send(200, BODY)
        elif self.path == "/slow.csv":
            time.sleep(1.5)
            self._send(200, BODY)
        elif self.path == "/truncated.csv":
            self.send_response(200)
            self.send_header("Content-Length", str(len(BODY)))
            self.end_headers()
            self.wfile.write(BODY[:100])
            self.wfile.flush()
            self.close_connection = True
        elif self.path == "/gzip.csv":
            self._send(200, gzip.compress(BODY), {"Content-Encoding": "gzip"})
        elif self.path.startswith("/named.csv?"):
            # /named.csv?<disposition>: the server offers a file name
            self._send(200, BODY, {"Content-Disposition": unquote(self.path.split("?", 1)[1])})
        elif self.path == "/drip.csv":
            # a byte every 0.05 s: no single read ever times out, the whole body takes 10 s
            self.send_response(200)
            self.send_header("Content-Length", "200")
            self.end_headers()
            try:
                for _ in range(200):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.05)
            except OSError:
                pass

    def _send(self, status, body, headers=None):
        self.send_response(status)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def quick(url, dest, **kw):
    return fetch(url, dest, backoff=0.01, progress=False, **kw)


def test_download_records_sha256_and_moves_into_place(server, tmp_path):
    dest = tmp_path / "landing" / "reference"
    result = quick(f"{server}/ok.csv", dest)
    assert result.path == dest / "ok.csv" and result.path.read_bytes() == BODY
    assert result.sha256 == hashlib.sha256(BODY).hexdigest()
    log = (tmp_path / "landing" / "fetch_log.csv").read_text()
    assert result.sha256 in log and "reference/ok.csv" in log
    assert not list(dest.glob(".*.part"))


def test_404_fails_at_once_without_retry(server, tmp_path):
    with pytest.raises(FetchError, match="HTTP 404"):
        quick(f"{server}/missing.csv", tmp_path)
    assert Handler.hits["/missing.csv"] == 1
    assert list(tmp_path.iterdir()) == []


def test_500_is_retried_then_fails(server, tmp_path):
    with pytest.raises(FetchError, match="after 3 attempts: HTTP 500"):
        quick(f"{server}/always500.csv", tmp_path, retries=2)
    assert Handler.hits["/always500.csv"] == 3
    assert list(tmp_path.iterdir()) == []


def test_transient_errors_recover_with_backoff(server, tmp_path):
    result = quick(f"{server}/flaky.csv", tmp_path, retries=3)
    assert result.path.read_bytes() == BODY
    assert Handler.hits["/flaky.csv"] == 3


def test_timeout_is_retried_then_fails(server, tmp_path):
    with pytest.raises(FetchError, match="Timeout"):
        quick(f"{server}/slow.csv", tmp_path, retries=1, timeout=(1, 0.3))
    assert not (tmp_path / "slow.csv").exists()


def test_truncated_download_leaves_nothing(server, tmp_path):
    with pytest.raises(FetchError, match="truncated|interrupted"):
        quick(f"{server}/truncated.csv", tmp_path, retries=1)
    assert [p.name for p in tmp_path.iterdir()] == []


def test_checksum_mismatch_leaves_nothing(server, tmp_path):
    with pytest.raises(FetchError, match="sha256 mismatch"):
        quick(f"{server}/ok.csv", tmp_path, expected_sha256="0" * 64)
    assert list(tmp_path.iterdir()) == []


def test_size_limit(server, tmp_path):
    with pytest.raises(FetchError, match="size limit"):
        quick(f"{server}/ok.csv", tmp_path, max_bytes=100)
    assert list(tmp_path.iterdir()) == []


def test_gzip_response_compared_with_its_compressed_content_length(server, tmp_path):
    result = quick(f"{server}/gzip.csv", tmp_path, retries=0)
    assert result.path.read_bytes() == BODY  # decoded; Content-Length was the compressed size
    assert result.size == len(BODY) and result.sha256 == hashlib.sha256(BODY).hexdigest()


@pytest.mark.parametrize(
    "disposition",
    [
        'attachment; filename="../../escaped.csv"',
        "attachment; filename=..\\..\\escaped.csv",
        "attachment; filename*=UTF-8''..%2F..%2Fescaped.csv",
        "attachment; filename=/tmp/escaped.csv",
    ],
)
def test_server_file_name_never_leaves_the_landing_folder(server, tmp_path, disposition):
    dest = tmp_path / "landing" / "reference"
    result = quick(f"{server}/named.csv?{quote(disposition)}", dest, retries=0)
    assert result.path == dest / "escaped.csv"
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == ["escaped.csv", "fetch_log.csv"]


@pytest.mark.parametrize("offered", [".bashrc", "..", "a/..", ""])
def test_hidden_or_empty_server_file_name_falls_back_to_the_url(server, tmp_path, offered):
    result = quick(f"{server}/named.csv?{quote(f'attachment; filename={offered}')}", tmp_path, retries=0)
    assert result.path == tmp_path / "named.csv"


def test_existing_file_is_never_overwritten(server, tmp_path):
    (tmp_path / "escaped.csv").write_text("mine")
    with pytest.raises(FetchError, match="already exists"):
        quick(f"{server}/named.csv?{quote('attachment; filename=escaped.csv')}", tmp_path, retries=0)
    assert (tmp_path / "escaped.csv").read_text() == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["escaped.csv"]


def test_file_name_given_by_the_user_must_be_plain(tmp_path):
    with pytest.raises(FetchError, match="not a plain file name"):
        quick("http://127.0.0.1:9/x.csv", tmp_path / "reference", filename="../x.csv")
    assert not (tmp_path / "reference").exists()


def test_overall_deadline_stops_a_slow_drip(server, tmp_path):
    started = time.monotonic()
    with pytest.raises(FetchError, match="overall deadline"):
        quick(f"{server}/drip.csv", tmp_path, retries=3, deadline=1.0, timeout=(1, 1))
    assert time.monotonic() - started < 4  # the whole body would take 10 s
    assert list(tmp_path.iterdir()) == []
