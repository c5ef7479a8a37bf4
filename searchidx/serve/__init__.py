"""`searchidx serve`: a local, read-only web page and JSON API over an index (see docs/serve.md)."""

from __future__ import annotations

import ipaddress
import signal
import socket
import threading
from collections.abc import Callable
from typing import Any

from searchidx.errors import SearchidxError
from searchidx.index.core import Index

__all__ = ["ServeError", "create_app", "serve"]


class ServeError(SearchidxError):
    """The server cannot start (the address is taken or cannot be bound)."""


def create_app(index: Index, *, allowed_hosts: list[str] | None = None) -> Any:
    """The ASGI application over ``index`` (Starlette)."""
    # Starlette, Jinja2 and uvicorn load with `serve` only, not with every import of searchidx.serve.
    from searchidx.serve.app import create_app as make

    return make(index, allowed_hosts=allowed_hosts)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _listen(host: str, port: int) -> socket.socket:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise ServeError(f"cannot listen on {host}:{port}: {exc.strerror}") from None
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
        sock.listen(128)
    except OSError as exc:
        sock.close()
        raise ServeError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    sock.set_inheritable(True)
    return sock


def serve(index: Index, *, host: str = "127.0.0.1", port: int = 8000,
          ready: Callable[[str], None] | None = None) -> None:
    """Serve ``index`` on ``host``:``port`` until interrupted (Ctrl-C, SIGTERM). ``ready`` is called
    with the address to open (port 0: a free port, named there) once the server answers there."""
    import uvicorn  # as create_app's imports: loaded by `serve` only

    sock = _listen(host, port)
    bound_port = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    # A page on the loopback interface answers to loopback names only: another name that points here
    # (DNS rebinding) cannot read it from a web page elsewhere. (Starlette's check reads no IPv6 Host.)
    allowed = ["127.0.0.1", "localhost"] if _is_loopback(host) and ":" not in host else None
    app = create_app(index, allowed_hosts=allowed)
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on", server_header=False)
    url = f"http://{shown}:{bound_port}/"

    class Server(uvicorn.Server):
        # Announced once uvicorn has started and holds SIGINT and SIGTERM: a signal sent on reading the
        # address stops the server cleanly, never the event loop while asyncio is still building it.
        async def startup(self, sockets: list[socket.socket] | None = None) -> None:
            await super().startup(sockets=sockets)
            if ready and self.started:
                ready(url)

    server = Server(config)
    # uvicorn shuts down on SIGINT or SIGTERM, then raises the signal again with the handler found before
    # it started: SIGTERM then ends as Ctrl-C does (KeyboardInterrupt, for the caller), not as a kill.
    main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, signal.default_int_handler) if main_thread else None
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
        if main_thread:
            signal.signal(signal.SIGTERM, previous)
