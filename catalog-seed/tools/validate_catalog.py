#!/usr/bin/env python3
"""Checks the seed files against the contract: exact columns, formats, references, uniqueness, counts.

Usage: python3 catalog-seed/tools/validate_catalog.py [catalog-seed directory]

Prints the counts and, per region, how many products the catalog rule lets through today; exits 1
and names file and row for every problem found.
"""
import csv
import datetime
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

TODAY = datetime.date(2026, 11, 21)
LOCALES = ("en", "fr", "ja", "ko", "zh-CN")
THEMES = {"default", "paris-2024", "milano-cortina-2026"}
ZERO_DECIMAL = {"JPY", "KRW"}
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
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
DECIMAL2 = re.compile(r"^\d+\.\d{2}$")
INTEGER = re.compile(r"^\d+$")
RATE = re.compile(r"^0\.\d{4}$")
BOOL = {"true", "false"}

errors = []


def err(file, row, message):
	errors.append(f"{file}.csv row {row}: {message}")


def load(directory, name):
	with open(directory / f"{name}.csv", encoding="utf-8", newline="") as f:
		reader = csv.reader(f, strict=True)
		header = next(reader)
		if ",".join(header) != HEADERS[name]:
			err(name, 1, f"header is {','.join(header)!r}, expected {HEADERS[name]!r}")
		rows = []
		for number, values in enumerate(reader, start=2):
			if len(values) != len(header):
				err(name, number, f"{len(values)} cells, expected {len(header)}")
				continue
			rows.append((number, dict(zip(header, values))))
		return rows


def amount_ok(value, currency):
	return bool(INTEGER.match(value) if currency in ZERO_DECIMAL else DECIMAL2.match(value))


def iso_date(file, row, value):
	try:
		if re.match(r"^\d{4}-\d{2}-\d{2}$", value):
			return datetime.date.fromisoformat(value)
	except ValueError:
		pass
	err(file, row, f"{value!r} is not an ISO date")
	return None


def unique(file, rows, key, max_len=None):
	seen = {}
	for number, r in rows:
		value = r[key]
		if value in seen:
			err(file, number, f"duplicate {key} {value!r} (first at row {seen[value]})")
		seen[value] = number
		if max_len and len(value) > max_len:
			err(file, number, f"{key} longer than {max_len}")
	return seen


def check_names(file, number, r, required=True):
	for locale in LOCALES:
		if required and not r[f"name_{locale}"]:
			err(file, number, f"name_{locale} is empty")


def main():
	directory = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent
	data = {name: load(directory, name) for name in HEADERS}

	regions = {}
	for number, r in data["regions"]:
		regions[r["code"]] = r
		if r["tax_mode"] not in ("INCLUSIVE", "EXCLUSIVE") or not RATE.match(r["tax_rate"]):
			err("regions", number, "bad tax mode or rate")
		supported = r["supported_locales"].split("|")
		if r["default_locale"] not in supported or any(l not in LOCALES for l in supported):
			err("regions", number, "default locale not among supported locales, or unknown locale")
		if r["theme"] not in THEMES:
			err("regions", number, f"unknown theme {r['theme']}")
		if not r["tax_label"] or len(r["tax_label"]) > 40 or len(r["tax_label_local"]) > 40:
			err("regions", number, "tax label empty or too long")
	unique("regions", data["regions"], "code", 8)
	if {r["theme"] for r in regions.values()} != THEMES:
		err("regions", 0, "not every theme is used")
	currency = {code: r["currency"] for code, r in regions.items()}

	rates = set()
	for number, r in data["shipping-rates"]:
		if r["region"] not in regions:
			err("shipping-rates", number, f"unknown region {r['region']}")
			continue
		cur = currency[r["region"]]
		if not amount_ok(r["amount"], cur) or (r["free_over"] and not amount_ok(r["free_over"], cur)):
			err("shipping-rates", number, f"amount format wrong for {cur}")
		if int(r["min_days"]) > int(r["max_days"]):
			err("shipping-rates", number, "min_days > max_days")
		if (r["region"], r["code"]) in rates:
			err("shipping-rates", number, "duplicate region/code")
		rates.add((r["region"], r["code"]))

	editions = unique("editions", data["editions"], "slug", 80)
	for number, r in data["editions"]:
		if r["season"] not in ("SUMMER", "WINTER", "HERITAGE"):
			err("editions", number, "bad season")
		check_names("editions", number, r)
	categories = {r["slug"]: r["sized"] == "true" for _, r in data["categories"]}
	unique("categories", data["categories"], "slug", 80)
	for number, r in data["categories"]:
		if r["sized"] not in BOOL:
			err("categories", number, "sized must be true or false")
		check_names("categories", number, r)
	sports = unique("sports", data["sports"], "slug", 80)
	for number, r in data["sports"]:
		check_names("sports", number, r)
	for file in ("editions", "categories", "sports"):
		for number, r in data[file]:
			if not SLUG.match(r["slug"]):
				err(file, number, "slug is not lower-case-with-dashes")

	licensees = {r["code"]: r for _, r in data["licensees"]}
	unique("licensees", data["licensees"], "code", 60)
	for number, r in data["licensees"]:
		if r["kind"] not in ("MANUFACTURER", "NOC", "RETAILER") or r["status"] not in ("ACTIVE", "TERMINATED"):
			err("licensees", number, "bad kind or status")

	licences = []
	unique("licences", data["licences"], "reference", 60)
	for number, r in data["licences"]:
		if r["licensee"] not in licensees:
			err("licences", number, f"unknown licensee {r['licensee']}")
		start, end = iso_date("licences", number, r["valid_from"]), iso_date("licences", number, r["valid_to"])
		if start and end and start > end:
			err("licences", number, "valid_from after valid_to")
		if r["suspended"] not in BOOL:
			err("licences", number, "suspended must be true or false")
		if not RATE.match(r["royalty_rate"]) or not 0.08 <= float(r["royalty_rate"]) <= 0.15:
			err("licences", number, "royalty rate outside 0.0800..0.1500")
		if r["minimum_guarantee_currency"] not in ("USD", "EUR", "JPY") or not amount_ok(
				r["minimum_guarantee"], r["minimum_guarantee_currency"]):
			err("licences", number, "bad minimum guarantee")
		terr, cats, eds = (set(r[k].split("|")) for k in ("territories", "categories", "editions"))
		for value, known, what in ((terr, regions, "region"), (cats, categories, "category"), (eds, editions, "edition")):
			for v in value - set(known):
				err("licences", number, f"unknown {what} {v}")
		active = start and end and start <= TODAY <= end and r["suspended"] == "false"
		licences.append(dict(r, start=start, end=end, active=active, terr=terr, cats=cats, eds=eds))

	products = {}
	unique("products", data["products"], "slug", 120)
	unique("products", data["products"], "sku_stem", 40)
	images = {p.name for p in (directory / "images").glob("*.svg")}
	for number, r in data["products"]:
		products[r["slug"]] = r
		if not SLUG.match(r["slug"]):
			err("products", number, "slug is not lower-case-with-dashes")
		for key, known in (("licensee", licensees), ("category", categories), ("edition", editions)):
			if r[key] not in known:
				err("products", number, f"unknown {key} {r[key]}")
		for sport in filter(None, r["sports"].split("|")):
			if sport not in sports:
				err("products", number, f"unknown sport {sport}")
		if r["status"] not in ("DRAFT", "SUBMITTED", "APPROVED", "REJECTED"):
			err("products", number, "bad status")
		if r["image"] not in images:
			err("products", number, f"image {r['image']} missing")
		if not INTEGER.match(r["popularity"]) or int(r["popularity"]) > 1000:
			err("products", number, "popularity outside 0..1000")
		created = iso_date("products", number, r["created_at"])
		if created and not datetime.date(2023, 1, 1) <= created <= TODAY:
			err("products", number, "created_at outside 2023..today")
		if not r["name_en"] or not r["description_en"]:
			err("products", number, "English name or description empty")
		for locale in LOCALES:
			name, desc = r[f"name_{locale}"], r[f"description_{locale}"]
			if bool(name) != bool(desc):
				err("products", number, f"{locale} has a name without a description or the reverse")
			if len(name) > 200 or len(desc) > 4000:
				err("products", number, f"{locale} text too long")
	for image in images - {r["image"] for r in products.values()}:
		err("images", 0, f"{image} is not referenced by any product")
	for image in images:
		text = (directory / "images" / image).read_text(encoding="utf-8")
		if len(text.encode("utf-8")) > 2048 or "<title>" not in text or "<script" in text.lower() or "href" in text:
			err("images", 0, f"{image}: over 2 KB, no <title>, or a script/link")

	variants = {}
	skus_of = defaultdict(list)
	unique("variants", data["variants"], "sku", 60)
	positions = set()
	for number, r in data["variants"]:
		p = products.get(r["product"])
		if not p:
			err("variants", number, f"unknown product {r['product']}")
			continue
		variants[r["sku"]] = r
		skus_of[r["product"]].append(r["sku"])
		sized = categories.get(p["category"], False)
		if sized != bool(r["size"]):
			err("variants", number, "size must be set exactly for sized categories")
		if len(r["size"]) > 16 or len(r["colour"]) > 40:
			err("variants", number, "size or colour too long")
		if (r["product"], r["position"]) in positions:
			err("variants", number, "duplicate position within product")
		positions.add((r["product"], r["position"]))
	for slug in products:
		if not skus_of[slug]:
			err("variants", 0, f"product {slug} has no variant")

	offers = {}
	for number, r in data["offers"]:
		if r["product"] not in products or r["region"] not in regions:
			err("offers", number, "unknown product or region")
			continue
		if (r["product"], r["region"]) in offers:
			err("offers", number, "duplicate product/region")
		if not amount_ok(r["price"], currency[r["region"]]) or float(r["price"]) <= 0:
			err("offers", number, f"price {r['price']} not a positive {currency[r['region']]} amount")
		if r["active"] not in BOOL:
			err("offers", number, "active must be true or false")
		offers[(r["product"], r["region"])] = r

	stock = {}
	for number, r in data["stock"]:
		v = variants.get(r["sku"])
		if not v or r["region"] not in regions:
			err("stock", number, "unknown sku or region")
			continue
		if not INTEGER.match(r["quantity"]):
			err("stock", number, "quantity must be a whole number >= 0")
			continue
		if (r["sku"], r["region"]) in stock:
			err("stock", number, "duplicate sku/region")
		if (v["product"], r["region"]) not in offers:
			err("stock", number, "stock in a region without an offer for the product")
		stock[(r["sku"], r["region"])] = int(r["quantity"])

	users = unique("users", data["users"], "email", 254)
	for number, r in data["users"]:
		roles = set(r["roles"].split("|"))
		if r["email"] != r["email"].lower() or len(r["password"]) < 12 or not roles <= {"FAN", "LICENSEE", "ADMIN", "FINANCE"}:
			err("users", number, "email not lower-case, password under 12 characters or unknown role")
		if ("LICENSEE" in roles) != bool(r["licensee"]) or (r["licensee"] and r["licensee"] not in licensees):
			err("users", number, "licensee must be set (and exist) exactly for LICENSEE users")

	# --- the catalog rule, as the storefront will apply it ---------------------------------------
	def licensed(p, region):
		return any(l["active"] and l["licensee"] == p["licensee"] and region in l["terr"] and p["category"] in l["cats"]
			and p["edition"] in l["eds"] for l in licences)

	visible, purchasable = Counter(), Counter()
	outside_offers = 0
	for (slug, region), offer in offers.items():
		p = products[slug]
		covered = any(region in l["terr"] for l in licences if l["licensee"] == p["licensee"])
		outside_offers += not covered
		if p["status"] == "APPROVED" and licensed(p, region) and offer["active"] == "true":
			visible[region] += 1
			if any(stock.get((sku, region), 0) > 0 for sku in skus_of[slug]):
				purchasable[region] += 1
	out_of_category = [s for s, p in products.items() if not any(
		l["licensee"] == p["licensee"] and p["category"] in l["cats"] for l in licences)]

	translated = sum(1 for p in products.values() if all(p[f"name_{l}"] for l in LOCALES))
	statuses = Counter(p["status"] for p in products.values())
	size = sum(f.stat().st_size for f in directory.rglob("*") if f.is_file() and "__pycache__" not in f.parts)
	expired = [l["reference"] for l in licences if l["end"] and l["end"] < TODAY]
	suspended = [l["reference"] for l in licences if l["suspended"] == "true"]
	future = [l["reference"] for l in licences if l["start"] and l["start"] > TODAY]
	quoted = [p["name_en"] for p in products.values() if "," in p["name_en"] and '"' in p["name_en"]]
	zero_stock = sum(1 for q in stock.values() if q == 0)

	requirements = [
		(len(regions) == 7, "7 regions"), (len(editions) == 5, "5 editions"), (len(categories) >= 9, ">= 9 categories"),
		(len(sports) >= 15, ">= 15 sports"), (len(licensees) >= 10, ">= 10 licensees"), (len(products) >= 400, ">= 400 products"),
		(translated >= 0.6 * len(products), ">= 60% products translated"), (expired, "an expired licence"),
		(suspended, "a suspended licence"), (future, "a not-yet-valid licence"),
		(out_of_category, "a product outside its licensee's categories"), (outside_offers, "offers outside licence territory"),
		(quoted, "a name with a comma and a quote"), (size < 2 * 1024 * 1024, "catalog-seed under 2 MB"),
	]
	for ok, what in requirements:
		if not ok:
			err("catalog", 0, f"requirement not met: {what}")

	print(f"regions {len(regions)}, shipping rates {len(data['shipping-rates'])}, editions {len(editions)}, "
		f"categories {len(categories)}, sports {len(sports)}")
	print(f"licensees {len(licensees)}, licences {len(licences)} (expired {', '.join(expired)}; suspended "
		f"{', '.join(suspended)}; not yet valid {', '.join(future)})")
	print(f"products {len(products)} ({', '.join(f'{k} {v}' for k, v in sorted(statuses.items()))}), "
		f"translated into all five languages {translated} ({100 * translated // len(products)}%)")
	print(f"variants {len(variants)}, offers {len(offers)} ({outside_offers} outside licence territory), "
		f"stock rows {len(stock)} ({zero_stock} at zero), users {len(users)}, images {len(images)}")
	print(f"products outside their licence's categories: {len(out_of_category)}")
	print("sellable today per region (visible / with stock): " + ", ".join(
		f"{r} {visible[r]}/{purchasable[r]}" for r in regions))
	print(f"catalog-seed size {size / 1024:.0f} KB")
	print_rule_cases(products, licences, licensees, offers, stock, skus_of, licensed)
	if errors:
		print(f"\n{len(errors)} problem(s):", *errors[:200], sep="\n")
		sys.exit(1)
	print("OK")


def print_rule_cases(products, licences, licensees, offers, stock, skus_of, licensed):
	"""One example per catalog rule, for tests that want a known product (first in slug order)."""
	def licence_of(p, predicate):
		return any(predicate(l) for l in licences if l["licensee"] == p["licensee"])

	def first(predicate):
		found = sorted((slug, region) for (slug, region), offer in offers.items() if predicate(products[slug], region, offer))
		return f"{found[0][0]} in {found[0][1]}" if found else "none"

	def in_stock(slug, region):
		return any(stock.get((sku, region), 0) > 0 for sku in skus_of[slug])

	def sellable(p, region, offer):
		return p["status"] == "APPROVED" and licensed(p, region) and offer["active"] == "true"

	cases = [
		("sellable with stock", lambda p, r, o: sellable(p, r, o) and in_stock(p["slug"], r)),
		("sold out (every variant at 0)", lambda p, r, o: sellable(p, r, o) and not in_stock(p["slug"], r)),
		("DRAFT listing", lambda p, r, o: p["status"] == "DRAFT" and licensed(p, r) and o["active"] == "true"),
		("SUBMITTED listing", lambda p, r, o: p["status"] == "SUBMITTED" and licensed(p, r) and o["active"] == "true"),
		("REJECTED listing", lambda p, r, o: p["status"] == "REJECTED" and licensed(p, r) and o["active"] == "true"),
		("inactive offer", lambda p, r, o: o["active"] == "false" and p["status"] == "APPROVED" and licensed(p, r)),
		("licence expired", lambda p, r, o: p["status"] == "APPROVED" and licence_of(
			p, lambda l: l["end"] < TODAY and r in l["terr"] and p["category"] in l["cats"] and p["edition"] in l["eds"])
			and not licensed(p, r) and licensees[p["licensee"]]["status"] == "ACTIVE"),
		("licence suspended", lambda p, r, o: p["status"] == "APPROVED" and licence_of(p, lambda l: l["suspended"] == "true")),
		("licence not yet valid", lambda p, r, o: p["status"] == "APPROVED" and licence_of(p, lambda l: l["start"] > TODAY)),
		("category outside licence", lambda p, r, o: p["status"] == "APPROVED" and not licence_of(
			p, lambda l: p["category"] in l["cats"])),
		("region outside licence territory", lambda p, r, o: p["status"] == "APPROVED" and not licence_of(
			p, lambda l: r in l["terr"]) and licence_of(p, lambda l: l["active"] and p["category"] in l["cats"])),
		("licensee terminated", lambda p, r, o: licensees[p["licensee"]]["status"] == "TERMINATED"),
	]
	print("rule cases (product in region):")
	for label, predicate in cases:
		print(f"  {label}: {first(predicate)}")


if __name__ == "__main__":
	main()
