#!/usr/bin/env python3
"""Writes the curated demo catalog (catalog-seed/*.csv and catalog-seed/images/*.svg).

Usage: python3 catalog-seed/tools/generate_catalog.py

The output is deterministic (fixed random seed, stable iteration order), so running it twice gives
byte-identical files. Columns follow the seed format in the team contract exactly.
"""
import csv
import datetime
import random
import sys
import unicodedata
from pathlib import Path

sys.dont_write_bytecode = True  # keep the seed folder free of build droppings
sys.path.insert(0, str(Path(__file__).resolve().parent))
import catalog_text as T  # noqa: E402
import catalog_images  # noqa: E402

SEED_DIR = Path(__file__).resolve().parent.parent
SEED = 20261121

HEADERS = {
	"regions": "code,name,currency,default_locale,supported_locales,tax_mode,tax_rate,tax_label,tax_label_local,theme,position,time_zone",
	"shipping-rates": "region,code,amount,free_over,min_days,max_days",
	"editions": "slug,year,season,position,name_en,name_fr,name_ja,name_ko,name_zh-CN",
	"categories": "slug,sized,position,name_en,name_fr,name_ja,name_ko,name_zh-CN",
	"sports": "slug,position,name_en,name_fr,name_ja,name_ko,name_zh-CN",
	"licensees": "code,name,kind,status",
	"licences": "reference,licensee,valid_from,valid_to,suspended,royalty_rate,minimum_guarantee,"
		"minimum_guarantee_currency,territories,categories,editions",
	"products": "slug,licensee,sku_stem,category,edition,sports,status,image,popularity,created_at,"
		"name_en,description_en,name_fr,description_fr,name_ja,description_ja,name_ko,description_ko,"
		"name_zh-CN,description_zh-CN",
	"variants": "product,sku,size,colour,position",
	"offers": "product,region,price,active",
	"stock": "sku,region,quantity",
	"users": "email,password,display_name,roles,licensee",
}

ALL_REGIONS = [r[0] for r in T.REGIONS]
CURRENCY = {r[0]: r[2] for r in T.REGIONS}
SUMMER = ["paris-2024", "los-angeles-2028", "brisbane-2032"]
APPAREL = ["t-shirts", "jerseys", "hoodies", "jackets", "kids"]

# --- licensees and licences -------------------------------------------------------------------
# code, name, kind, status, sku prefix, product quota, {category: weight}, {edition: weight}, favourite sports
LICENSEES = [
	("northpeak-apparel", "Northpeak Apparel Co.", "MANUFACTURER", "ACTIVE", "NPA", 70,
		{"t-shirts": 5, "jerseys": 3, "hoodies": 3, "jackets": 3, "caps-hats": 2, "kids": 2},
		{"paris-2024": 3, "milano-cortina-2026": 3, "los-angeles-2028": 2}, []),
	("atelier-lumiere", "Atelier Lumière SAS", "MANUFACTURER", "ACTIVE", "ALU", 34,
		{"posters-prints": 4, "home": 3, "drinkware": 3},
		{"paris-2024": 4, "milano-cortina-2026": 2, "heritage": 3}, []),
	("kazeori-textiles", "Kazeori Textiles K.K.", "MANUFACTURER", "ACTIVE", "KZT", 45,
		{"t-shirts": 4, "hoodies": 3, "jackets": 2, "caps-hats": 2, "bags": 2, "accessories": 2},
		{"milano-cortina-2026": 3, "paris-2024": 2, "los-angeles-2028": 2}, ["judo", "skateboarding", "figure-skating", "swimming"]),
	("hanbit-goods", "Hanbit Goods Co., Ltd.", "MANUFACTURER", "ACTIVE", "HBG", 35,
		{"pins-badges": 3, "mascots-plush": 4, "accessories": 3, "drinkware": 2},
		{"milano-cortina-2026": 3, "paris-2024": 2, "los-angeles-2028": 2}, []),
	("southern-cross-outfitters", "Southern Cross Outfitters Pty Ltd", "MANUFACTURER", "ACTIVE", "SCO", 40,
		{"t-shirts": 4, "jerseys": 2, "hoodies": 2, "caps-hats": 2, "bags": 2, "drinkware": 2, "kids": 2},
		{"brisbane-2032": 3, "los-angeles-2028": 2}, ["surfing", "swimming", "rowing", "cycling"]),
	("cnsf", "Comité National Sportif de France", "NOC", "ACTIVE", "CNS", 30,
		{"t-shirts": 3, "jerseys": 3, "hoodies": 2, "jackets": 2, "caps-hats": 1, "pins-badges": 2, "accessories": 2},
		{"paris-2024": 4, "milano-cortina-2026": 2, "los-angeles-2028": 2}, ["fencing", "judo", "cycling", "athletics", "alpine-skiing"]),
	("ngc-australia", "Australian National Games Committee", "NOC", "ACTIVE", "NGA", 20,
		{"t-shirts": 3, "jerseys": 3, "hoodies": 2, "caps-hats": 2, "pins-badges": 2},
		{"paris-2024": 2, "milano-cortina-2026": 1, "los-angeles-2028": 2, "brisbane-2032": 3}, ["swimming", "surfing", "cycling", "rowing"]),
	("ngc-korea", "Korean National Games Committee", "NOC", "ACTIVE", "NGK", 20,
		{"t-shirts": 3, "jerseys": 3, "hoodies": 2, "jackets": 2, "pins-badges": 2, "caps-hats": 1},
		{"paris-2024": 2, "milano-cortina-2026": 3, "los-angeles-2028": 2}, ["fencing", "judo", "figure-skating", "ice-hockey"]),
	("harbourline-retail", "Harbourline Retail Ltd", "RETAILER", "ACTIVE", "HBL", 30,
		{"bags": 3, "drinkware": 3, "home": 2, "accessories": 3, "pins-badges": 2, "mascots-plush": 2, "t-shirts": 2},
		{"paris-2024": 4, "milano-cortina-2026": 3}, []),
	("stadia-emporium", "Stadia Emporium Inc.", "RETAILER", "ACTIVE", "STE", 35,
		{"mascots-plush": 3, "pins-badges": 2, "drinkware": 3, "posters-prints": 2, "home": 2, "accessories": 2, "kids": 2, "bags": 2},
		{"los-angeles-2028": 4, "paris-2024": 2, "milano-cortina-2026": 2, "heritage": 1}, ["basketball", "skateboarding", "surfing"]),
	("lotus-gate-trading", "Lotus Gate Trading Co., Ltd.", "RETAILER", "ACTIVE", "LGT", 30,
		{"mascots-plush": 4, "pins-badges": 2, "drinkware": 2, "home": 2, "accessories": 2, "t-shirts": 2, "bags": 1, "posters-prints": 1},
		{"milano-cortina-2026": 4, "paris-2024": 2, "los-angeles-2028": 2, "heritage": 1}, []),
	("meridian-souvenirs", "Meridian Souvenirs Ltd", "MANUFACTURER", "ACTIVE", "MER", 14,
		{"pins-badges": 3, "drinkware": 3, "home": 2}, {"paris-2024": 1}, []),
	("bluewave-sportswear", "Bluewave Sportswear GmbH", "MANUFACTURER", "ACTIVE", "BWS", 14,
		{"t-shirts": 3, "hoodies": 2, "bags": 2, "accessories": 2},
		{"paris-2024": 2, "los-angeles-2028": 2}, ["swimming", "surfing", "rowing"]),
	("goldcoast-collective", "Goldcoast Collective Pty Ltd", "MANUFACTURER", "ACTIVE", "GCC", 12,
		{"t-shirts": 3, "caps-hats": 2, "drinkware": 2, "posters-prints": 2, "mascots-plush": 2},
		{"brisbane-2032": 1}, ["surfing", "swimming"]),
	("alpina-heritage-works", "Alpina Heritage Works S.r.l.", "MANUFACTURER", "ACTIVE", "AHW", 25,
		{"posters-prints": 4, "home": 2, "jackets": 2, "accessories": 2, "caps-hats": 2},
		{"heritage": 3, "milano-cortina-2026": 2}, ["alpine-skiing", "figure-skating", "ice-hockey"]),
	("vantage-pin-traders", "Vantage Pin Traders LLC", "RETAILER", "TERMINATED", "VPT", 6,
		{"pins-badges": 1}, {"heritage": 1, "paris-2024": 1}, []),
]

# reference, licensee, from, to, suspended, royalty, minimum guarantee, currency, territories, categories, editions
LICENCES = [
	("NPA-2023-001", "northpeak-apparel", "2023-03-01", "2028-12-31", False, "0.1200", "250000.00", "USD",
		"us|eu|gb|au|jp", "t-shirts|jerseys|hoodies|jackets|caps-hats|kids", "paris-2024|milano-cortina-2026|los-angeles-2028"),
	("ALU-2023-001", "atelier-lumiere", "2023-06-01", "2027-12-31", False, "0.1000", "80000.00", "EUR",
		"eu|gb|us|jp", "posters-prints|home|drinkware", "paris-2024|milano-cortina-2026|heritage"),
	("KZT-2024-001", "kazeori-textiles", "2024-01-01", "2028-06-30", False, "0.1100", "30000000", "JPY",
		"jp|kr|cn", "t-shirts|hoodies|jackets|caps-hats|bags|accessories", "paris-2024|milano-cortina-2026|los-angeles-2028"),
	("HBG-2024-001", "hanbit-goods", "2024-04-01", "2028-12-31", False, "0.0900", "60000.00", "USD",
		"kr|jp|cn|us", "pins-badges|mascots-plush|accessories|drinkware", "paris-2024|milano-cortina-2026|los-angeles-2028"),
	("SCO-2025-001", "southern-cross-outfitters", "2025-01-01", "2032-12-31", False, "0.1300", "120000.00", "USD",
		"au|us|gb", "t-shirts|jerseys|hoodies|caps-hats|bags|drinkware|kids", "los-angeles-2028|brisbane-2032"),
	("CNSF-2023-001", "cnsf", "2023-01-01", "2028-12-31", False, "0.0800", "50000.00", "EUR",
		"eu|gb|us", "t-shirts|jerseys|hoodies|jackets|caps-hats|pins-badges|accessories",
		"paris-2024|milano-cortina-2026|los-angeles-2028"),
	("NGCA-2024-001", "ngc-australia", "2024-01-01", "2032-12-31", False, "0.0800", "40000.00", "USD",
		"au|us|gb", "t-shirts|jerseys|hoodies|caps-hats|pins-badges",
		"paris-2024|milano-cortina-2026|los-angeles-2028|brisbane-2032"),
	("NGCK-2024-001", "ngc-korea", "2024-01-01", "2028-12-31", False, "0.0800", "40000.00", "USD",
		"kr|us|jp", "t-shirts|jerseys|hoodies|jackets|caps-hats|pins-badges", "paris-2024|milano-cortina-2026|los-angeles-2028"),
	# Harbourline's first licence (heritage goods) ran out; its current one covers the modern editions only.
	("HBL-2022-001", "harbourline-retail", "2022-01-01", "2024-06-30", False, "0.1400", "25000.00", "EUR",
		"gb|eu", "posters-prints|home|drinkware", "heritage"),
	("HBL-2024-002", "harbourline-retail", "2024-07-01", "2027-06-30", False, "0.1400", "25000.00", "EUR",
		"gb|eu", "bags|drinkware|home|accessories|pins-badges|mascots-plush|t-shirts", "paris-2024|milano-cortina-2026"),
	("STE-2024-001", "stadia-emporium", "2024-01-01", "2029-12-31", False, "0.1500", "100000.00", "USD",
		"us|au", "mascots-plush|pins-badges|drinkware|posters-prints|home|accessories|kids|bags",
		"paris-2024|milano-cortina-2026|los-angeles-2028|heritage"),
	("LGT-2024-001", "lotus-gate-trading", "2024-03-01", "2028-12-31", False, "0.1200", "90000.00", "USD",
		"cn|kr|jp", "mascots-plush|pins-badges|drinkware|home|accessories|t-shirts|bags|posters-prints",
		"paris-2024|milano-cortina-2026|los-angeles-2028|heritage"),
	# Expired: valid_to is before today (2026-11-21).
	("MER-2023-001", "meridian-souvenirs", "2023-01-01", "2025-12-31", False, "0.1000", "20000.00", "EUR",
		"eu|gb|us", "pins-badges|drinkware|home", "paris-2024"),
	# Suspended by the rights holder while in its validity window.
	("BWS-2024-001", "bluewave-sportswear", "2024-02-01", "2028-12-31", True, "0.1100", "40000.00", "EUR",
		"us|eu|gb|jp|kr|au|cn", "t-shirts|hoodies|bags|accessories", "paris-2024|los-angeles-2028"),
	# Not yet valid: starts in 2027.
	("GCC-2027-001", "goldcoast-collective", "2027-06-01", "2032-12-31", False, "0.1200", "30000.00", "USD",
		"au|us|gb|jp", "t-shirts|caps-hats|drinkware|posters-prints|mascots-plush", "brisbane-2032"),
	("AHW-2024-001", "alpina-heritage-works", "2024-05-01", "2029-04-30", False, "0.1000", "45000.00", "EUR",
		"eu|gb|us|jp|cn", "posters-prints|home|jackets|accessories|caps-hats", "milano-cortina-2026|heritage"),
	("VPT-2022-001", "vantage-pin-traders", "2022-01-01", "2024-12-31", False, "0.0900", "10000.00", "USD",
		"us", "pins-badges", "paris-2024|heritage"),
]

# Northpeak also makes bags although its licence does not cover them: those listings stay invisible.
OUT_OF_LICENCE_EXTRA = {"northpeak-apparel": ("bags", 8)}
# Harbourline still lists heritage goods from its expired first licence.
HARBOURLINE_HERITAGE = 4

USERS = [
	("fan@podium.test", "Demo Fan", "FAN", ""),
	("admin@podium.test", "Demo Admin", "ADMIN", ""),
	("finance@podium.test", "Demo Finance", "FINANCE", ""),
	("staff@northpeak-apparel.test", "Northpeak Apparel Staff", "LICENSEE", "northpeak-apparel"),
	("staff@kazeori-textiles.test", "Kazeori Textiles Staff", "LICENSEE", "kazeori-textiles"),
	("staff@cnsf.test", "CNSF Boutique Staff", "LICENSEE", "cnsf"),
	("staff@stadia-emporium.test", "Stadia Emporium Staff", "LICENSEE", "stadia-emporium"),
	("staff@meridian-souvenirs.test", "Meridian Souvenirs Staff", "LICENSEE", "meridian-souvenirs"),
	("staff@bluewave-sportswear.test", "Bluewave Sportswear Staff", "LICENSEE", "bluewave-sportswear"),
]
DEMO_PASSWORD = "podium-demo-2026"

COLOURS = [
	("Navy", "NVY"), ("White", "WHT"), ("Black", "BLK"), ("Heather Grey", "GRY"), ("Red", "RED"),
	("Royal Blue", "RBL"), ("Forest Green", "GRN"), ("Sand", "SND"), ("Sky Blue", "SKY"), ("Gold", "GLD"),
	("Burgundy", "BRG"), ("Ivory", "IVR"), ("Charcoal", "CHR"), ("Coral", "CRL"),
]
ADULT_SIZES = ["XS", "S", "M", "L", "XL", "XXL"]
KIDS_SIZES = ["4Y", "6Y", "8Y", "10Y", "12Y", "14Y"]
EDITION_CODES = {"paris-2024": "P24", "milano-cortina-2026": "M26", "los-angeles-2028": "L28",
	"brisbane-2032": "B32", "heritage": "HER"}
CATEGORY_CODES = {"t-shirts": "TSH", "jerseys": "JSY", "hoodies": "HOD", "jackets": "JKT", "kids": "KID",
	"caps-hats": "CAP", "bags": "BAG", "accessories": "ACC", "pins-badges": "PIN", "mascots-plush": "MAS",
	"posters-prints": "PST", "drinkware": "DRK", "home": "HOM"}
# Approximate exchange rates from USD, used only to derive realistic local prices
FX = {"us": 1.0, "eu": 0.92, "gb": 0.80, "jp": 137.0, "kr": 1290.0, "au": 1.57, "cn": 7.10}
CREATED_WINDOWS = {"paris-2024": ("2023-02-01", "2024-09-30"), "milano-cortina-2026": ("2024-05-01", "2026-10-31"),
	"los-angeles-2028": ("2025-03-01", "2026-11-15"), "brisbane-2032": ("2025-08-01", "2026-11-15"),
	"heritage": ("2023-01-10", "2026-11-15")}
TODAY = datetime.date(2026, 11, 21)


def slugify(text):
	ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
	out, dash = [], False
	for ch in ascii_text:
		if ch.isalnum():
			out.append(ch)
			dash = False
		elif not dash and out:
			out.append("-")
			dash = True
	return "".join(out).strip("-")


def weighted(rng, weights):
	keys = list(weights)
	return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def local_price(usd, region):
	"""Converts a USD list price into a realistic local price point (major units, as a string)."""
	value = usd * FX[region]
	if region == "jp":
		return str(max(100, int(round(value / 100.0)) * 100))
	if region == "kr":
		return str(max(1000, int(round(value / 1000.0)) * 1000))
	if region == "cn":
		return "%.2f" % max(9, int(round(value / 10.0)) * 10 - 1)
	if value < 20:
		return "%.2f" % (round(value * 2) / 2.0)
	return "%.2f" % round(value)


def random_date(rng, window):
	start, end = (datetime.date.fromisoformat(d) for d in window)
	return (start + datetime.timedelta(days=rng.randint(0, (end - start).days))).isoformat()


class Text:
	"""The five-locale texts of one product: the Games it celebrates, the sport, the team."""

	def __init__(self, edition, heritage=None, sport=None, team=None, mascot=None):
		self.edition, self.heritage, self.sport, self.team, self.mascot = edition, heritage, sport, team, mascot

	def games(self, i):
		if self.heritage:
			year, _, cities, *_ = self.heritage
			return (f"{cities[0]} {year}", f"{cities[1]} {year}", f"{year}年{cities[2]}大会",
				f"{year} {cities[3]} 대회", f"{year}年{cities[4]}运动会")[i]
		return EDITION_NAMES[self.edition][i]

	def games_fr_de(self):
		return self.heritage[3] + " " + str(self.heritage[0]) if self.heritage else T.EDITION_FR_DE[self.edition]

	def name(self, ptype, i):
		tname = ptype["names"][i]
		if self.mascot:
			m = self.mascot[i]
			if ptype["key"] == "animal-plush":
				return (f"{self.games(0)} {m} Plush", f"Peluche {m} {self.games(1)}", f"{self.games(2)} {m}ぬいぐるみ",
					f"{self.games(3)} {m} 인형", f"{self.games(4)} {m}毛绒玩具")[i]
			return (f"{self.games(0)} {tname} — {m}", f"{tname} {m} {self.games(1)}", f"{self.games(2)} {tname}「{m}」",
				f"{self.games(3)} {tname} {m}", f"{self.games(4)} {tname} {m}")[i]
		sport = self.sport[2][i] if self.sport else ""
		team = ""
		if self.team:
			team = (self.team[0], self.team[1], self.team[3], self.team[4], self.team[5])[i]
		if self.heritage:
			year, _, cities, *_ = self.heritage
			parts = {0: ["Heritage", str(year), cities[0], sport, tname],
				1: [tname, sport, "Patrimoine", cities[1], str(year)],
				2: ["ヘリテージ", str(year), cities[2], sport, tname],
				3: ["헤리티지", str(year), cities[3], sport, tname],
				4: ["经典传承", str(year), cities[4], sport, tname]}[i]
		elif i == 1:
			parts = [tname, sport, team, self.games(1)]
		else:
			parts = [team, self.games(i), sport, tname]
		return " ".join(p for p in parts if p)

	def description(self, ptype, i, closing):
		g = self.games(i)
		values = dict(g=g, gde=self.games_fr_de(), ga="à " + self.games(1), ga_en="at " + self.games(0),
			m=self.mascot[i] if self.mascot else "")
		parts = [ptype["descs"][i].format(**values)]
		if self.sport:
			s = self.sport[2]
			parts.append(T.SPORT_SENTENCE[i].format(s=s[i].lower() if i == 0 else s[i], sde=self.sport[3], szh=self.sport[4]))
		if closing == "team" and self.team:
			team = (self.team[0], None, self.team[3], self.team[4], self.team[5])[i]
			parts.append(T.TEAM_SENTENCE[i].format(t=team, tde=self.team[2]))
		elif closing == "licensed":
			parts.append(T.LICENSED_SENTENCE[i])
		# Japanese and Chinese run sentences together; the others separate them with a space
		return ("" if T.LOCALES[i] in ("ja", "zh-CN") else " ").join(parts)


EDITION_NAMES = {e[0]: e[3] for e in T.EDITIONS}
SPORTS_BY_SLUG = {s[0]: s for s in T.SPORTS}
SEASON_OF = {e[0]: e[2] for e in T.EDITIONS}


def licence_scope(code):
	"""Union of territories, categories and editions over all of a licensee's licences."""
	terr, cats, eds = [], set(), set()
	for lic in LICENCES:
		if lic[1] == code:
			terr += [r for r in lic[8].split("|") if r not in terr]
			cats |= set(lic[9].split("|"))
			eds |= set(lic[10].split("|"))
	return terr, cats, eds


class Generator:

	def __init__(self):
		self.rng = random.Random(SEED)
		self.products, self.variants, self.offers, self.stock = [], [], [], []
		self.names, self.stems = set(), {}

	def pick_type(self, category, season):
		options = [p for p in T.TYPES[category] if p["season"] in (None, season)]
		return self.rng.choice(options)

	def pick_sport(self, ptype, season, favourites, heritage):
		if ptype["sport"] == "no" or (ptype["sport"] == "opt" and self.rng.random() < 0.45):
			return None
		pool = [s for s in T.SPORTS if s[1] == season and (not heritage or s[0] in heritage[4])]
		fav = [s for s in pool if s[0] in favourites]
		if fav and self.rng.random() < 0.6:
			return self.rng.choice(fav)
		return self.rng.choice(pool)

	def compose(self, lic, category, edition):
		"""Draws one product of a category and edition for a licensee; None when nothing new fits."""
		code, favourites = lic[0], lic[8]
		heritage = None
		season = SEASON_OF[edition]
		if edition == "heritage":
			heritage = self.rng.choice(T.HERITAGE_GAMES)
			season = heritage[1]
			if category in ("mascots-plush", "kids", "jerseys"):
				return None
		ptype = self.pick_type(category, season)
		mascot = None
		if ptype["key"] == "animal-plush":
			if edition not in T.PLUSH_ANIMALS:
				return None
			mascot = self.rng.choice(T.PLUSH_ANIMALS[edition])
		elif category == "mascots-plush":
			if edition not in T.MASCOTS:
				return None
			mascot = self.rng.choice(T.MASCOTS[edition])
		sport = None if mascot else self.pick_sport(ptype, season, favourites, heritage)
		if ptype["sport"] == "req" and sport is None:
			return None
		team = T.TEAMS.get(code)
		text = Text(edition, heritage, sport, team, mascot)
		name_en = text.name(ptype, 0)
		if name_en in self.names:
			return None
		return text, ptype, sport, name_en

	def add_product(self, lic, category, edition, text, ptype, sport, name_en, status="APPROVED", translated=None):
		rng = self.rng
		code, prefix = lic[0], lic[4]
		self.names.add(name_en)
		slug = slugify(name_en)
		key = f"{prefix}-{EDITION_CODES[edition]}-{CATEGORY_CODES[category]}"
		self.stems[key] = self.stems.get(key, 0) + 1
		stem = f"{key}-{self.stems[key]:03d}"
		if translated is None:
			translated = rng.random() < 0.8 or code in ("atelier-lumiere", "cnsf") or category == "mascots-plush"
		closing = "team" if code in T.TEAMS else ("licensed" if rng.random() < 0.5 else None)
		names = [text.name(ptype, i) for i in range(5)]
		descs = [text.description(ptype, i, closing) for i in range(5)]
		if not translated:
			# a French-speaking partner at least writes French; others leave the translations empty
			keep = {1} if code in ("harbourline-retail", "alpina-heritage-works") and rng.random() < 0.5 else set()
			for i in range(1, 5):
				if i not in keep:
					names[i] = descs[i] = ""
		popularity = int(1000 * rng.random() ** 1.8)
		if category == "mascots-plush":
			popularity = min(1000, popularity + 250)
		created = random_date(rng, CREATED_WINDOWS[edition])
		product = dict(slug=slug, licensee=code, sku_stem=stem, category=category, edition=edition,
			sports=sport[0] if sport else "", status=status, image=slug + ".svg", popularity=popularity,
			created_at=created, names=names, descs=descs, ptype=ptype, heritage=text.heritage)
		self.products.append(product)
		self.add_variants(product, ptype, category)
		return product

	def add_variants(self, product, ptype, category):
		rng = self.rng
		sized = category in APPAREL
		colours = []
		if sized or ptype["colour"]:
			count = 2 if rng.random() < (0.2 if sized else 0.35) else 1
			colours = rng.sample(COLOURS, count)
		product["colour"] = colours[0][0] if colours else ""
		rows = []
		if sized:
			sizes = KIDS_SIZES if category == "kids" else ADULT_SIZES
			if category != "kids" and rng.random() < 0.3:
				sizes = sizes[1:]  # some cuts start at S
			for colour, ccode in colours:
				for size in sizes:
					sku = f"{product['sku_stem']}-{size}" if len(colours) == 1 else f"{product['sku_stem']}-{ccode}-{size}"
					rows.append((sku, size, colour))
		elif colours:
			for colour, ccode in colours:
				rows.append((f"{product['sku_stem']}-{ccode}", "", colour))
		else:
			rows.append((f"{product['sku_stem']}-STD", "", ""))
		product["skus"] = []
		for position, (sku, size, colour) in enumerate(rows, start=1):
			self.variants.append((product["slug"], sku, size, colour, position))
			product["skus"].append((sku, size))

	def add_offers(self, product, territories, extra_outside):
		rng = self.rng
		usd = product["ptype"]["usd"] * rng.choice([0.9, 1.0, 1.0, 1.0, 1.1, 1.2])
		regions = [r for r in territories if rng.random() < 0.85] or [territories[0]]
		outside = [r for r in ALL_REGIONS if r not in territories]
		if extra_outside and outside:
			regions.append(rng.choice(outside))
		regions.sort(key=ALL_REGIONS.index)
		for region in regions:
			active = rng.random() > 0.02
			self.offers.append((product["slug"], region, local_price(usd, region), "true" if active else "false"))
			sold_out = rng.random() < 0.03
			for sku, size in product["skus"]:
				if sold_out or rng.random() < 0.07 or (size in ("XS", "XXL", "14Y") and rng.random() < 0.25):
					qty = 0
				else:
					qty = int(rng.triangular(1, 200, 35))
				self.stock.append((sku, region, qty))

	def run(self):
		rng = self.rng
		specials = self.special_products()
		for lic in LICENSEES:
			code, quota = lic[0], lic[5]
			territories, _, _ = licence_scope(code)
			plan = []
			extra = OUT_OF_LICENCE_EXTRA.get(code)
			if extra:
				plan += [(extra[0], None)] * extra[1]
			if code == "harbourline-retail":
				plan += [(None, "heritage")] * HARBOURLINE_HERITAGE
			quota -= sum(1 for s in specials if s[0] == code)
			plan += [(None, None)] * (quota - len(plan))
			for category, edition in plan:
				for _ in range(200):
					cat = category or weighted(rng, lic[6])
					ed = edition or weighted(rng, lic[7])
					if ed == "heritage" and code == "harbourline-retail":
						cat = rng.choice(["posters-prints", "home", "drinkware"])
					drawn = self.compose(lic, cat, ed)
					if drawn:
						product = self.add_product(lic, cat, ed, *drawn)
						self.add_offers(product, territories, rng.random() < 0.04)
						break
				else:
					raise SystemExit(f"could not draw a new product for {code}")
			for special in specials:
				if special[0] == code:
					self.add_special(lic, special, territories)
		self.assign_statuses()
		self.products.sort(key=lambda p: p["slug"])

	def assign_statuses(self):
		"""About 5% of listings are not approved, drawn from otherwise sellable products."""
		sellable = ("northpeak-apparel", "kazeori-textiles", "stadia-emporium", "hanbit-goods", "southern-cross-outfitters",
			"lotus-gate-trading", "cnsf")
		pool = [p for p in self.products if p["licensee"] in sellable and p["category"] != "bags"]
		chosen = self.rng.sample(pool, 24)
		for i, product in enumerate(chosen):
			product["status"] = ("DRAFT", "SUBMITTED", "REJECTED")[i % 3]

	def special_products(self):
		# licensee, category, edition, names, descriptions, USD price, colourable
		return [
			("harbourline-retail", "bags", "paris-2024",
				('Paris 2024 "Liberté" Tote Bag, Large', "Tote bag « Liberté » Paris 2024, grand format",
					"パリ2024 「Liberté」トートバッグ（ラージ）", '파리 2024 "Liberté" 토트백, 라지',
					"巴黎2024 “Liberté”托特包（大号）"),
				('Oversized canvas tote printed with the word "Liberté" in the Paris 2024 typeface. Fits a laptop, a picnic, or both.',
					"Grand tote bag en toile imprimé du mot « Liberté » dans la typographie de Paris 2024. "
					"Assez grand pour un ordinateur, un pique-nique, ou les deux.",
					"パリ2024の書体で「Liberté」の文字をプリントした大きなキャンバストート。ノートPCもピクニック用品もたっぷり入ります。",
					'파리 2024 서체로 "Liberté"라는 단어를 프린트한 대형 캔버스 토트백입니다. 노트북과 피크닉 용품을 넉넉히 담을 수 있습니다.',
					"大号帆布托特包，以巴黎2024字体印有“Liberté”字样。可装下笔记本电脑和野餐用品。"), 32, True),
			("atelier-lumiere", "drinkware", "paris-2024",
				("Paris 2024 Café Mug — Édition Montmartre", "Mug Café Paris 2024 — Édition Montmartre",
					"パリ2024 カフェマグ — モンマルトル・エディション", "파리 2024 카페 머그 — 몽마르트르 에디션", "巴黎2024 咖啡马克杯 — 蒙马特版"),
				("A café-style stoneware mug glazed in the colours of Montmartre at dawn, with a gold Paris 2024 emblem. Made in France.",
					"Mug en grès façon café parisien, émaillé aux couleurs de Montmartre à l'aube, avec l'emblème Paris 2024 doré. "
					"Fabriqué en France.",
					"夜明けのモンマルトルを思わせる色の釉薬をかけた、カフェスタイルの炻器マグ。金色のパリ2024エンブレム入り。フランス製です。",
					"새벽 몽마르트르의 색으로 유약을 입힌 카페 스타일 석기 머그로, 금색 파리 2024 엠블럼이 들어가 있습니다. 프랑스에서 제작했습니다.",
					"咖啡馆风格炻瓷马克杯，釉色灵感来自黎明时分的蒙马特，饰有金色巴黎2024会徽。法国制造。"), 24, False),
			("alpina-heritage-works", "posters-prints", "heritage",
				("Heritage 1956 Cortina d'Ampezzo Après-Ski Poster", "Affiche Après-ski Patrimoine Cortina d'Ampezzo 1956",
					"ヘリテージ 1956 コルティナ・ダンペッツォ アフタースキー ポスター", "헤리티지 1956 코르티나담페초 애프터 스키 포스터",
					"经典传承 1956 科尔蒂纳丹佩佐 滑雪后时光 海报"),
				("A sunny après-ski scene from Cortina d'Ampezzo 1956, reproduced from the original lithograph on 200 g/m² paper, 50 × 70 cm.",
					"Une scène d'après-ski ensoleillée de Cortina d'Ampezzo 1956, reproduite d'après la lithographie originale "
					"sur papier 200 g/m², 50 × 70 cm.",
					"1956年コルティナ・ダンペッツォ大会の陽光あふれるアフタースキーの情景を、オリジナルのリトグラフから200g/m²の用紙に再現（50×70cm）。",
					"1956 코르티나담페초 대회의 햇살 가득한 애프터 스키 풍경을 오리지널 석판화에서 200g/m² 용지에 재현했습니다(50 × 70cm).",
					"再现1956年科尔蒂纳丹佩佐运动会阳光明媚的滑雪后时光，依据原版石版画印制于200克纸张，50×70厘米。"), 28, False),
		]

	def add_special(self, lic, special, territories):
		code, category, edition, names, descs, usd, colourable = special
		rng = self.rng
		prefix = lic[4]
		slug = slugify(names[0])
		self.names.add(names[0])
		key = f"{prefix}-{EDITION_CODES[edition]}-{CATEGORY_CODES[category]}"
		self.stems[key] = self.stems.get(key, 0) + 1
		stem = f"{key}-{self.stems[key]:03d}"
		ptype = dict(key="special", usd=usd, colour=colourable)
		heritage = next((h for h in T.HERITAGE_GAMES if h[0] == 1956 and h[1] == "WINTER"), None) if edition == "heritage" else None
		product = dict(slug=slug, licensee=code, sku_stem=stem, category=category, edition=edition, sports="",
			status="APPROVED", image=slug + ".svg", popularity=rng.randint(400, 900),
			created_at=random_date(rng, CREATED_WINDOWS[edition]), names=list(names), descs=list(descs),
			ptype=ptype, heritage=heritage)
		self.products.append(product)
		self.add_variants(product, ptype, category)
		self.add_offers(product, territories, False)


def write_csv(name, rows):
	path = SEED_DIR / f"{name}.csv"
	with open(path, "w", encoding="utf-8", newline="") as f:
		writer = csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
		writer.writerow(HEADERS[name].split(","))
		for row in rows:
			writer.writerow(["" if v is None else v for v in row])


def main():
	gen = Generator()
	gen.run()
	write_csv("regions", [(*r[:10], i, r[10]) for i, r in enumerate(T.REGIONS, start=1)])
	write_csv("shipping-rates", T.SHIPPING)
	write_csv("editions", [(e[0], e[1], e[2], i, *e[3]) for i, e in enumerate(T.EDITIONS, start=1)])
	write_csv("categories", [(c[0], "true" if c[1] else "false", i, *c[2]) for i, c in enumerate(T.CATEGORIES, start=1)])
	write_csv("sports", [(s[0], i, *s[2]) for i, s in enumerate(T.SPORTS, start=1)])
	write_csv("licensees", [(l[0], l[1], l[2], l[3]) for l in LICENSEES])
	write_csv("licences", [(*l[:4], "true" if l[4] else "false", *l[5:]) for l in LICENCES])
	rows = []
	for p in gen.products:
		texts = []
		for i in range(5):
			texts += [p["names"][i], p["descs"][i]]
		rows.append((p["slug"], p["licensee"], p["sku_stem"], p["category"], p["edition"], p["sports"], p["status"],
			p["image"], p["popularity"], p["created_at"], *texts))
	write_csv("products", rows)
	order = {p["slug"]: i for i, p in enumerate(gen.products)}
	write_csv("variants", sorted(gen.variants, key=lambda v: (order[v[0]], v[4])))
	write_csv("offers", sorted(gen.offers, key=lambda o: (order[o[0]], ALL_REGIONS.index(o[1]))))
	sku_order = {v[1]: (order[v[0]], v[4]) for v in gen.variants}
	write_csv("stock", sorted(gen.stock, key=lambda s: (sku_order[s[0]], ALL_REGIONS.index(s[1]))))
	write_csv("users", [(u[0], DEMO_PASSWORD, u[1], u[2], u[3]) for u in USERS])
	catalog_images.write_all(SEED_DIR / "images", gen.products)
	print(f"wrote {len(gen.products)} products, {len(gen.variants)} variants, {len(gen.offers)} offers, "
		f"{len(gen.stock)} stock rows to {SEED_DIR}")


if __name__ == "__main__":
	main()
