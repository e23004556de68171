"""Small SVG product pictures: a category pictogram in the product's colour on its edition's colours.

Each file stays well under 2 KB, has a <title> and no scripts, links or external references.
"""
import math
from xml.sax.saxutils import escape

import catalog_text as T

# background, foreground, accent (the fill of products without a colour) per edition
PALETTES = {
	"paris-2024": ("#1f2f6b", "#f3e3a8", "#e4405f"),
	"milano-cortina-2026": ("#4f4fc4", "#ffffff", "#7fd0f0"),
	"los-angeles-2028": ("#f7a1b5", "#2b1437", "#ffd23f"),
	"brisbane-2032": ("#0f6e6a", "#ffe9b0", "#f28c28"),
	"heritage": ("#efe2c4", "#4a3420", "#b5542f"),
}
COLOUR_HEX = {
	"Navy": "#1c2a55", "White": "#fafafa", "Black": "#1a1a1a", "Heather Grey": "#a7a9ac", "Red": "#d62e3c",
	"Royal Blue": "#2852c8", "Forest Green": "#2f6b3a", "Sand": "#d8c49a", "Sky Blue": "#7cc3ea", "Gold": "#d4a72c",
	"Burgundy": "#7a1f35", "Ivory": "#f4eedc", "Charcoal": "#3b3d40", "Coral": "#f27b63",
}

TEE = "M72 50L88 42Q100 52 112 42L128 50L142 70L128 78L124 72V124H76V72L72 78L58 70Z"
LONG_SLEEVE = "M64 52L82 44H118L136 52L148 118L134 120L128 80V126H72V80L66 120L52 118Z"


def _star(cx, cy, outer, inner):
	points = []
	for k in range(10):
		r = outer if k % 2 == 0 else inner
		a = math.pi / 2 + k * math.pi / 5
		points.append(f"{cx + r * math.cos(a):.0f} {cy - r * math.sin(a):.0f}")
	return "M" + "L".join(points) + "Z"


PICTOGRAMS = {
	"t-shirts": f'<path d="{TEE}"/>',
	"jerseys": f'<path d="{TEE}"/><path d="M76 86H124V98H76Z" fill="{{fg}}"/>',
	"hoodies": '<path d="M80 48Q100 28 120 48L136 54L148 118L134 120L128 80V126H72V80L66 120L52 118L64 54Z"/>'
		'<path d="M86 104H114L110 118H90Z" fill="none"/>',
	"jackets": f'<path d="{LONG_SLEEVE}"/><path d="M100 44V126" fill="none"/>',
	"kids": f'<path d="{TEE}" transform="translate(25 22) scale(.75)"/>'
		f'<path d="{_star(100, 88, 10, 4)}" fill="{{fg}}"/>',
	"caps-hats": '<path d="M56 100Q56 50 100 50Q144 50 144 100Z"/><path d="M100 100H158Q158 112 140 112H100Z"/>',
	"bags": '<path d="M62 70H138L132 128H68Z"/><path d="M84 70Q84 44 100 44Q116 44 116 70" fill="none"/>',
	"accessories": '<path d="M60 46H140V64H114V124H94V64H60Z"/><path d="M96 124V134M104 124V134M112 124V134" fill="none"/>',
	"pins-badges": f'<circle cx="100" cy="84" r="38"/><path d="{_star(100, 84, 24, 10)}" fill="{{fg}}"/>',
	"mascots-plush": '<circle cx="74" cy="60" r="13"/><circle cx="126" cy="60" r="13"/><circle cx="100" cy="90" r="36"/>'
		'<circle cx="88" cy="84" r="4" fill="{fg}"/><circle cx="112" cy="84" r="4" fill="{fg}"/>',
	"posters-prints": '<path d="M64 40H136V128H64Z"/><path d="M72 120L92 86L104 102L116 90L128 120Z" fill="{fg}"/>'
		'<circle cx="118" cy="62" r="7" fill="{fg}"/>',
	"drinkware": '<path d="M122 70Q144 70 144 88Q144 106 122 106" fill="none" stroke-width="9"/>'
		'<path d="M66 56H122V118Q122 126 114 126H74Q66 126 66 118Z"/>',
	"home": '<path d="M56 88L100 50L144 88V128H56Z"/><path d="M92 104H108V128H92Z" fill="{fg}"/>',
}

CATEGORY_EN = {c[0]: c[2][0] for c in T.CATEGORIES}
SPORT_EN = {s[0]: s[2][0] for s in T.SPORTS}
EDITION_EN = {e[0]: e[3][0] for e in T.EDITIONS}


def svg(product):
	bg, fg, accent = PALETTES[product["edition"]]
	fill = COLOUR_HEX.get(product.get("colour") or "", accent)
	if product.get("heritage"):
		year, _, cities, *_ = product["heritage"]
		line1 = f"{cities[0]} {year}"
	else:
		line1 = EDITION_EN[product["edition"]]
	line2 = SPORT_EN[product["sports"]] if product["sports"] else CATEGORY_EN[product["category"]]
	shape = PICTOGRAMS[product["category"]].replace("{fg}", fg)
	return (
		f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200" width="200" height="200" role="img">'
		f'<title>{escape(product["names"][0])}</title>'
		f'<rect width="200" height="200" fill="{bg}"/>'
		f'<circle cx="100" cy="84" r="66" fill="{fg}" fill-opacity=".14"/>'
		f'<g fill="{fill}" stroke="{fg}" stroke-width="3" stroke-linejoin="round">{shape}</g>'
		f'<g fill="{fg}" font-family="Helvetica,Arial,sans-serif" font-weight="700" text-anchor="middle">'
		f'<text x="100" y="170" font-size="13">{escape(line1.upper())}</text>'
		f'<text x="100" y="188" font-size="10" letter-spacing="1">{escape(line2.upper())}</text></g>'
		f'</svg>\n'
	)


def write_all(directory, products):
	directory.mkdir(parents=True, exist_ok=True)
	wanted = {p["image"] for p in products}
	for stale in directory.glob("*.svg"):
		if stale.name not in wanted:
			stale.unlink()
	for product in products:
		(directory / product["image"]).write_text(svg(product), encoding="utf-8")
