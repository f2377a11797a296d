#!/usr/bin/python3
"""Regenerates the bundled fonts (src/main/resources/org/tokenspace/fonts/*.ttf): one face for the window's text
and one for tensors and token labels, each in regular and bold, each drawing Latin, Greek and the symbols with
DejaVu (DejaVu fonts licence) and kana, Hangul and kanji with Noto Sans CJK JP (OFL-1.1), merged into one font,
because JavaFX does not fall back from one bundled font to another (only to the machine's fonts). Each keeps ASCII,
Latin-1, Latin Extended-A (Turkish), Greek, punctuation, arrows and symbols; kana, all Hangul syllables and the JIS
level-1 kanji (both sans faces, since a bold caption may show any character of the user's text, and the regular mono
face; the bold mono face, which draws only token labels, shapes and ids, keeps kana and CJK punctuation); the media
symbols (play, pause, stop); and every character of every message bundle, of the Java sources, of the sample texts
(the embedded one, ../shared/data and the test samples) and of any GPT-2 token's label.

The few characters neither has come from Noto Sans Symbols 2 (the media symbols), Noto Sans Devanagari (OFL-1.1) and
Symbola (an emoji; free for any use).

Run from the repository root after a build (it reads GPT-2's vocabulary from jtokkit's jar in ~/.m2); needs
python3-fonttools, fonts-dejavu-core, fonts-noto-cjk, fonts-noto-core and fonts-symbola; takes about two minutes;
not part of the build:
    /usr/bin/python3 src/main/fonts/subset.py
"""
import base64, glob, os, sys, zipfile
from fontTools import subset
from fontTools.merge import Merger
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable
from fontTools.ttLib.scaleUpem import scale_upem

DEJAVU = "/usr/share/fonts/truetype/dejavu/"
NOTO = "/usr/share/fonts/opentype/noto/"
# the few characters of GPT-2's token labels that neither covers, in this order (Devanagari signs, an emoji)
FILLERS = ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",  # Hebrew and others the mono face lacks
           "/usr/share/fonts/truetype/noto/NotoSansSymbols2-Regular.ttf",  # the media symbols
           "/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf",
           "/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf"]
OUT = "src/main/resources/org/tokenspace/fonts/"
# (DejaVu face, Noto collection, index, output, every Hangul syllable and level-1 kanji)
FACES = [("DejaVuSans.ttf", "NotoSansCJK-Regular.ttc", 0, "TokenSpaceSans-Regular.ttf", True),
         ("DejaVuSans-Bold.ttf", "NotoSansCJK-Bold.ttc", 0, "TokenSpaceSans-Bold.ttf", True),
         ("DejaVuSansMono.ttf", "NotoSansCJK-Regular.ttc", 5, "TokenSpaceMono-Regular.ttf", True),
         ("DejaVuSansMono-Bold.ttf", "NotoSansCJK-Bold.ttc", 5, "TokenSpaceMono-Bold.ttf", False)]
FAMILIES = {"TokenSpaceSans-Regular.ttf": ("TokenSpace Sans", "Regular"),
            "TokenSpaceSans-Bold.ttf": ("TokenSpace Sans", "Bold"),
            "TokenSpaceMono-Regular.ttf": ("TokenSpace Mono", "Regular"),
            "TokenSpaceMono-Bold.ttf": ("TokenSpace Mono", "Bold")}
# symbols the window may draw though no text names them yet: the media controls (⏵ ⏸ ⏹ and their kin)
SYMBOLS = set(range(0x23F4, 0x23FB)) | {0x25B6, 0x25C0, 0x2715, 0x2713, 0x2714, 0x2717}

def cjk(large):
    cps = set(range(0x3000, 0x3100)) | set(range(0x3130, 0x3190)) | set(range(0xFF00, 0xFFF0))
    if large:
        cps |= set(range(0xAC00, 0xD7A4))
        for lead in range(0x88, 0x99):  # JIS X 0208 level-1 kanji: Shift_JIS 0x889F to 0x9872
            for trail in list(range(0x40, 0x7F)) + list(range(0x80, 0xFD)):
                try:
                    cps |= {ord(c) for c in bytes([lead, trail]).decode("shift_jis")}
                except UnicodeDecodeError:
                    pass
    return cps

def western():
    cps = set(range(0x20, 0x7F)) | set(range(0xA0, 0x180)) | set(range(0x370, 0x400))
    return cps | set(range(0x2000, 0x2070)) | set(range(0x2190, 0x2400)) | set(range(0x2460, 0x2700))

def texts(extra):
    cps = set()
    files = glob.glob("src/main/resources/org/tokenspace/i18n/messages*.properties")
    files += ["src/main/resources/org/tokenspace/app/sample-text.txt"] + glob.glob("../shared/data/*.txt")
    files += glob.glob("src/test/resources/org/tokenspace/view/sample-*.txt")
    files += glob.glob("src/main/java/**/*.java", recursive=True) + extra
    for f in files:
        cps |= {ord(c) for c in open(f, encoding="utf-8").read()}
    return cps

def gpt2_label_chars():
    """Every character a GPT-2 token's label can show: its whole UTF-8 characters (the rest become <0x..>)."""
    jar = sorted(glob.glob(os.path.expanduser("~/.m2/repository/com/knuddels/jtokkit/*/jtokkit-*.jar")))[-1]
    cps = set()
    for line in zipfile.ZipFile(jar).read("com/knuddels/jtokkit/r50k_base.tiktoken").splitlines():
        cps |= {ord(c) for c in base64.b64decode(line.split()[0]).decode("utf-8", errors="ignore")}
    return cps

def cut(font, unicodes):
    opts = subset.Options()
    opts.layout_features = []  # no GSUB/GPOS: the merge needs none, the window needs no shaping
    opts.notdef_outline = True
    opts.name_IDs = ["*"]
    opts.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "VORG", "vhea", "vmtx", "DSIG", "MATH", "kern", "hdmx",
                         "LTSH", "VDMX", "FFTM"]
    opts.hinting = False
    s = subset.Subsetter(opts)
    s.populate(unicodes=sorted(unicodes & set(font.getBestCmap())))
    s.subset(font)
    return font

def to_truetype(font):
    """CFF outlines to quadratic glyf outlines (as fontTools' otf2ttf snippet does)."""
    glyphs = font.getGlyphOrder()
    gs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = glyphs
    glyf.glyphs = {}
    for name in glyphs:
        pen = TTGlyphPen(gs)
        gs[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    del font["CFF "]
    font["maxp"].tableVersion = 0x00010000
    for k in ["maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
              "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"]:
        setattr(font["maxp"], k, 0)
    font["maxp"].maxZones = 1
    font["post"].formatType = 3.0
    font.sfntVersion = "\0\1\0\0"
    font["head"].glyphDataFormat = 0
    return font

def rename(font, family, style):
    name = font["name"]
    full = family + ("" if style == "Regular" else " " + style)
    for rec in list(name.names):
        if rec.nameID in (1, 2, 3, 4, 6, 16, 17):
            name.removeNames(nameID=rec.nameID)
    for nid, text in [(1, family), (2, style), (3, full), (4, full), (6, full.replace(" ", ""))]:
        name.setName(text, nid, 3, 1, 0x409)
        name.setName(text, nid, 1, 0, 0)

def main():
    # a fixed modification date in each font's head table (fontTools reads it from here), so that a run on the same
    # sources writes the same bytes: the date of the Noto Sans CJK release used, 2022-01-27
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1643241600")
    os.makedirs(OUT, exist_ok=True)
    extra = texts(sys.argv[1:]) | gpt2_label_chars() | SYMBOLS
    for dejavu, noto, index, out, large in FACES:
        west = cut(TTFont(DEJAVU + dejavu), western() | extra)
        have = set(west.getBestCmap())
        east = TTCollection(NOTO + noto).fonts[index]
        east = cut(east, (cjk(large) | extra) - have)
        east = to_truetype(east)
        scale_upem(east, west["head"].unitsPerEm)
        parts = [west, east]
        covered = have | set(east.getBestCmap())
        for filler in FILLERS:
            wanted = extra - covered - {c for c in extra if c < 0x20}
            f = TTFont(filler)
            if not wanted & set(f.getBestCmap()):
                continue
            f = cut(f, wanted)
            if f["head"].unitsPerEm != west["head"].unitsPerEm:
                scale_upem(f, west["head"].unitsPerEm)
            covered |= set(f.getBestCmap())
            parts.append(f)
        files = []
        for i, f in enumerate(parts):
            files.append("/tmp/part%d-%s" % (i, out))
            f.save(files[-1])
        merged = Merger().merge(files)
        rename(merged, *FAMILIES[out])
        merged.save(OUT + out)
        print(out, os.path.getsize(OUT + out), "bytes,", len(merged.getBestCmap()), "characters")

main()
