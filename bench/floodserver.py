#!/usr/bin/env python3
"""Loopback flood source for bench/flood.sh and bench/scrollback-memory.sh.

Every accepted connection gets LINES numbered lines of WIDTH characters plus CRLF
("line 0000001 xxxx...\\r\\n"), written as fast as the socket takes them, then the marker
line "FLOOD-DONE <LINES>\\r\\n"; the connection then stays open until the client closes it
(so the client stays up and on screen). Each event is appended to the --events file as
"<name> <unix time> <detail>" (accept, sent), which the shell scripts read.

Usage: floodserver.py --port P --lines N --width W [--delay S] [--events FILE]
  --delay S   wait S seconds after accept before flooding (to sample the idle client's RSS)
"""
import argparse
import socket
import threading
import time


def build(lines: int, width: int) -> bytes:
    filler = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789" * 300
    parts = []
    for n in range(1, lines + 1):
        head = f"line {n:07d} "
        parts.append((head + filler[: width - len(head)] + "\r\n").encode("ascii"))
    return b"".join(parts)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--lines", type=int, required=True)
    ap.add_argument("--width", type=int, default=78)
    ap.add_argument("--delay", type=float, default=0.0)
    ap.add_argument("--events", default="/dev/null")
    args = ap.parse_args()

    payload = build(args.lines, args.width) + f"FLOOD-DONE {args.lines}\r\n".encode("ascii")

    def event(name: str, detail: str = "") -> None:
        with open(args.events, "a", encoding="ascii") as f:
            f.write(f"{name} {time.time():.6f} {detail}\n")

    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", args.port))
    srv.listen(4)
    event("ready", str(len(payload)))

    def serve(conn: socket.socket) -> None:
        event("accept")
        try:
            if args.delay:
                time.sleep(args.delay)
            event("start")
            view = memoryview(payload)
            chunk = 1 << 20
            for off in range(0, len(view), chunk):
                conn.sendall(view[off : off + chunk])
            event("sent", str(len(payload)))
            # Keep the connection open; discard whatever the client sends until it closes.
            while conn.recv(65536):
                pass
        except OSError:
            pass
        finally:
            conn.close()
            event("closed")

    while True:
        conn, _ = srv.accept()
        threading.Thread(target=serve, args=(conn,), daemon=True).start()


if __name__ == "__main__":
    main()
