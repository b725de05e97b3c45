#!/usr/bin/python3
"""Render `tmux capture-pane -e -p` output (text with SGR colours) to a PNG, so the docs' screenshots are real
captures of the real TUI. Needs Debian's python3-pil and fonts-dejavu-core (make.sh installs them).

usage: ansi2png.py CAPTURE.txt OUT.png
"""
import re
import sys
import unicodedata

from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf"
SIZE = 15
DEFAULT_FG = (204, 204, 204)
DEFAULT_BG = (24, 24, 24)
ANSI16 = [
    (0, 0, 0), (205, 49, 49), (13, 188, 121), (229, 229, 16), (36, 114, 200), (188, 63, 188), (17, 168, 205), (229, 229, 229),
    (102, 102, 102), (241, 76, 76), (35, 209, 139), (245, 245, 67), (59, 142, 234), (214, 112, 214), (41, 184, 219), (255, 255, 255),
]
SGR = re.compile(r"\x1b\[([0-9;:]*)m")
OTHER = re.compile(r"\x1b(\[[0-9;?]*[A-Za-z]|\][^\x07]*\x07|.)")


def palette256(n):
    if n < 16:
        return ANSI16[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return steps[n // 36], steps[(n // 6) % 6], steps[n % 6]
    level = 8 + (n - 232) * 10
    return level, level, level


def apply(params, state):
    codes = [int(p) if p else 0 for p in re.split("[;:]", params)] if params else [0]
    i = 0
    while i < len(codes):
        c = codes[i]
        if c == 0:
            state.update(fg=None, bg=None, bold=False, inverse=False)
        elif c == 1:
            state["bold"] = True
        elif c == 22:
            state["bold"] = False
        elif c == 7:
            state["inverse"] = True
        elif c == 27:
            state["inverse"] = False
        elif 30 <= c <= 37:
            state["fg"] = ANSI16[c - 30]
        elif 90 <= c <= 97:
            state["fg"] = ANSI16[c - 90 + 8]
        elif 40 <= c <= 47:
            state["bg"] = ANSI16[c - 40]
        elif 100 <= c <= 107:
            state["bg"] = ANSI16[c - 100 + 8]
        elif c == 39:
            state["fg"] = None
        elif c == 49:
            state["bg"] = None
        elif c in (38, 48) and i + 1 < len(codes):
            key = "fg" if c == 38 else "bg"
            if codes[i + 1] == 5 and i + 2 < len(codes):
                state[key] = palette256(codes[i + 2])
                i += 2
            elif codes[i + 1] == 2 and i + 4 < len(codes):
                state[key] = tuple(codes[i + 2:i + 5])
                i += 4
        i += 1


def main(src, out):
    lines = open(src, encoding="utf-8", errors="replace").read().rstrip("\n").split("\n")
    font = ImageFont.truetype(FONT, SIZE)
    bold = ImageFont.truetype(BOLD, SIZE)
    cw = int(font.getlength("M"))
    ch = SIZE + 4
    cols = 0
    cells = []
    state = dict(fg=None, bg=None, bold=False, inverse=False)
    for line in lines:
        row = []
        pos = 0
        for m in SGR.finditer(line + "\x1b[m"):
            text = OTHER.sub("", line[pos:m.start()])
            for chr_ in text:
                row.append((chr_, dict(state)))
                if unicodedata.east_asian_width(chr_) in ("W", "F"):
                    row.append(("", dict(state)))
            apply(m.group(1), state)
            pos = m.end()
        cols = max(cols, len(row))
        cells.append(row)
    img = Image.new("RGB", (cols * cw + 16, len(cells) * ch + 16), DEFAULT_BG)
    draw = ImageDraw.Draw(img)
    for y, row in enumerate(cells):
        for x, (c, st) in enumerate(row):
            fg = st["fg"] or DEFAULT_FG
            bg = st["bg"] or DEFAULT_BG
            if st["inverse"]:
                fg, bg = bg, fg
            left, top = 8 + x * cw, 8 + y * ch
            if bg != DEFAULT_BG:
                draw.rectangle([left, top, left + cw - 1, top + ch - 1], fill=bg)
            if c.strip():
                draw.text((left, top + 1), c, font=bold if st["bold"] else font, fill=fg)
    img.save(out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
