#!/usr/bin/python3
"""Builds shared/adapters/pdf/NotoSansSC-Regular.woff, the one typeface of the notices (文书).
The output is deterministic; shared/adapters/pdf/font.ts records its SHA-256.

Source: Noto Sans CJK SC Regular (SIL OFL 1.1) from Debian's fonts-noto-cjk 1:20220127+repack1-1,
face 2 of NotoSansCJK-Regular.ttc. Run once when the character set changes:

    apt-get install -y fonts-noto-cjk python3-fonttools
    npx tsx scripts/notice-font-charset.ts && /usr/bin/python3 scripts/notice-font.py

Steps: subset to shared/adapters/pdf/charset.txt, then convert the CFF outlines to TrueType (cubic to
quadratic, within 1 unit of 1000), because pdf-lib embeds TrueType subsets correctly and writes
CID-keyed CFF subsets that PDF readers reject ("Embedded font file may be invalid", poppler 22).
"""
import sys
from fontTools.cu2qu.ufo import DEFAULT_MAX_ERR
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.subset import Options, Subsetter
from fontTools.ttLib import TTFont, newTable

SOURCE = sys.argv[1] if len(sys.argv) > 1 else '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
CHARSET = 'shared/adapters/pdf/charset.txt'
OUT = 'shared/adapters/pdf/NotoSansSC-Regular.woff'

# recalcTimestamp=False: the same input gives the same bytes (head.modified is kept from the source)
font = TTFont(SOURCE, fontNumber=2, lazy=False, recalcTimestamp=False)
text = open(CHARSET, encoding='utf-8').read().replace('\n', '')
options = Options()
options.layout_features = []  # notices are set horizontally, one glyph per character
options.hinting = False
options.desubroutinize = True
options.name_IDs = [0, 1, 2, 3, 4, 5, 6]
options.notdef_outline = True
subsetter = Subsetter(options)
subsetter.populate(text=text)
subsetter.subset(font)

# CFF → glyf (after fontTools' otf2ttf snippet)
order = font.getGlyphOrder()
glyph_set = font.getGlyphSet()
glyphs = {}
for name in order:
    pen = TTGlyphPen(glyph_set)
    glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
    glyphs[name] = pen.glyph()
font['loca'] = newTable('loca')
glyf = font['glyf'] = newTable('glyf')
glyf.glyphOrder = order
glyf.glyphs = glyphs
del font['CFF ']
if 'VORG' in font:
    del font['VORG']
glyf.compile(font)
font['maxp'] = newTable('maxp')
maxp = font['maxp']
maxp.tableVersion = 0x00010000
for field in ('maxZones', 'maxTwilightPoints', 'maxStorage', 'maxFunctionDefs', 'maxInstructionDefs', 'maxStackElements', 'maxSizeOfInstructions', 'maxComponentElements'):
    setattr(maxp, field, 0)
maxp.maxZones = 1
font['head'].glyphDataFormat = 0
font['head'].indexToLocFormat = 0
post = font['post']
post.formatType = 2.0
post.extraNames = []
post.mapping = {}
post.glyphOrder = order
font.sfntVersion = '\x00\x01\x00\x00'
font.flavor = 'woff'
font.save(OUT, reorderTables=True)
print(f'{OUT}: {len(order)} glyphs from {len(text)} characters', file=sys.stderr)
