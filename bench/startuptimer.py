#!/usr/bin/env python3
"""Start-up timer for bench/startup.sh.

banner: time from spawning a client (stdout on a pipe, stdin held open) to the first "220" reply line on its stdout.
tui:    a command in a 120x40 tmux pane (respawn-pane); time to the first frame (the menu bar, " File " on screen)
        and to the banner ("220 " on screen), polling capture-pane. A baseline command that prints both markers at
        once measures what tmux and the polling add.
Runs are interleaved round-robin (every client once per round), so a load spike hits all clients alike.
Prints one table row per client: runs, min, median, max, in milliseconds.
"""
import json, os, re, select, shlex, signal, statistics, subprocess, sys, time

BANNER = re.compile(rb'(^|\n)(<[-~]\s+)?220[ -]')


def banner_once(cmd, timeout=15.0):
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    fd, buf, elapsed = p.stdout.fileno(), b'', None
    try:
        while elapsed is None:
            left = timeout - (time.perf_counter() - t0)
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise RuntimeError(f'no banner within {timeout}s: {cmd}')
            chunk = os.read(fd, 65536)
            if not chunk:
                raise RuntimeError(f'exited before the banner: {cmd}: {buf[-200:]!r}')
            buf += chunk
            if BANNER.search(buf):
                elapsed = time.perf_counter() - t0
    finally:
        p.send_signal(signal.SIGTERM)
        try:
            p.wait(5)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
    return elapsed * 1000


def tmux(*args):
    return subprocess.run(['tmux', '-L', SOCKET, *args], capture_output=True, text=True).stdout


def tui_once(cmd, timeout=15.0):
    # A new session per run (on a server kept alive by another session): a reused pane would still show the last
    # run's screen.
    t0 = time.perf_counter()
    tmux('new-session', '-d', '-s', 'b', '-x', '120', '-y', '40', 'exec ' + cmd)
    frame = banner = None
    try:
        while banner is None:
            if time.perf_counter() - t0 > timeout:
                raise RuntimeError(f'no screen within {timeout}s: {cmd}\n' + tmux('capture-pane', '-p', '-t', 'b'))
            screen = tmux('capture-pane', '-p', '-t', 'b')
            now = time.perf_counter() - t0
            if frame is None and ' File ' in screen:
                frame = now
            if re.search(r'(^|\n)220 ', screen):
                banner = now
            time.sleep(0.002)
    finally:
        pid = tmux('display-message', '-p', '-t', 'b', '#{pane_pid}').strip()
        tmux('kill-session', '-t', 'b')
        if pid:
            try:
                os.kill(int(pid), signal.SIGTERM)
            except (ProcessLookupError, ValueError):
                pass
    return frame * 1000, banner * 1000


def row(name, values):
    return f'| {name} | {len(values)} | {min(values):.0f} | {statistics.median(values):.0f} | {max(values):.0f} |'


def main():
    spec = json.load(sys.stdin)
    runs = int(spec['runs'])
    banner_results = {name: [] for name, _ in spec['banner']}
    frame_results = {name: [] for name, _ in spec['tui']}
    tui_banner_results = {name: [] for name, _ in spec['tui']}
    if spec['tui']:
        tmux('new-session', '-d', '-s', 'keep', 'sleep 3600')
    try:
        for name, cmd in spec['banner']:   # one warm-up each: page cache, Postfix's first connection
            banner_once(cmd)
        for name, cmd in spec['tui']:
            tui_once(cmd)
        for _ in range(runs):
            for name, cmd in spec['banner']:
                banner_results[name].append(banner_once(cmd))
            for name, cmd in spec['tui']:
                f, b = tui_once(cmd)
                frame_results[name].append(f)
                tui_banner_results[name].append(b)
    finally:
        if spec['tui']:
            tmux('kill-server')
    print('### Time to banner, no TUI (ms: spawn -> "220" line on stdout)\n')
    print('| client | runs | min | median | max |\n|---|---|---|---|---|')
    for name, _ in spec['banner']:
        print(row(name, banner_results[name]))
    if spec['tui']:
        print('\n### Full-screen client in tmux 120x40 (ms: respawn-pane -> marker in capture-pane)\n')
        print('| client | what | runs | min | median | max |\n|---|---|---|---|---|---|')
        for name, _ in spec['tui']:
            for what, res in (('first frame', frame_results), ('banner on screen', tui_banner_results)):
                print(row(name, res[name]).replace(f'| {name} |', f'| {name} | {what} |', 1))


SOCKET = f'netterm-startup-{os.getpid()}'
if __name__ == '__main__':
    main()
