#!/usr/bin/env python3
"""Derives a JSON Schema (draft 2020-12) for the Stripe objects the emulator produces from stripe-node's
generated TypeScript types (src/resources/*.ts of a stripe-node checkout, which Stripe generates from its
OpenAPI spec for one API version).

    python3 generate_schema.py /path/to/stripe-node > stripe-objects.schema.json

How a type becomes a schema:
  - a field without `?` is one Stripe always sends (required); one with `?` is sent only when expanded or
    in some cases (allowed, not required); no other field is allowed (additionalProperties: false);
  - `| null` makes it nullable; string literal unions are enums (the open `OtherString` member is ignored,
    so only the values the version documents pass);
  - `string | Resource` (expandable) is a string id or, when expanded, the object (checked against its own
    schema when it is one of ours, else any object);
  - `Metadata` is an object of strings; `ApiList<T>` is Stripe's list object of T.
"""
import json
import os
import re
import sys

# The objects under contract: the file, its root interface, and the schema name (Stripe's `object` value).
ROOTS = [
    ("Checkout/Sessions.ts", "Session", "checkout.session"),
    ("PaymentIntents.ts", "PaymentIntent", "payment_intent"),
    ("Charges.ts", "Charge", "charge"),
    ("Refunds.ts", "Refund", "refund"),
    ("BalanceTransactions.ts", "BalanceTransaction", "balance_transaction"),
    ("Payouts.ts", "Payout", "payout"),
    ("Events.ts", "EventBase", "event"),
    ("Disputes.ts", "Dispute", "dispute"),
    ("Accounts.ts", "Account", "account"),
    ("AccountLinks.ts", "AccountLink", "account_link"),
    ("Transfers.ts", "Transfer", "transfer"),
    ("TransferReversals.ts", "TransferReversal", "transfer_reversal"),
    ("Balance.ts", "Balance", "balance"),
]

# A cross-file reference to one of these top-level names is checked against that object's schema.
TOP_LEVEL = {interface: name for _, interface, name in ROOTS}
TOP_LEVEL["Event"] = "event"


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return re.sub(r"(?m)^\s*//.*$", "", text)


class FileTypes:
    """Interfaces and type aliases of one file, by their dotted path (`Charge.Outcome.Rule`)."""

    def __init__(self, text):
        self.interfaces = {}
        self.aliases = {}
        self._parse(strip_comments(text))

    def _parse(self, text):
        pos = 0
        stack = []  # (kind, name) of open blocks; kind: ns, iface, other
        header = re.compile(r"\s*(export\s+)?(declare\s+)?(namespace|interface|class|type|function|import|const|abstract)\b")
        while pos < len(text):
            ch = text[pos]
            if ch.isspace():
                pos += 1
                continue
            if ch == "}":
                stack.pop()
                pos += 1
                continue
            m = header.match(text, pos)
            if not m:
                # a statement we do not read: skip to its end at depth 0
                pos = self._skip_statement(text, pos)
                continue
            kind = m.group(3)
            if kind == "namespace":
                nm = re.compile(r"\s*(export\s+)?namespace\s+([\w.]+)\s*\{").match(text, pos)
                stack.append(("ns", nm.group(2)))
                pos = nm.end()
            elif kind == "interface":
                im = re.compile(r"\s*(export\s+)?interface\s+(\w+)(<[^>]*>)?(\s+extends\s+[^{]+)?\s*\{").match(text, pos)
                name = im.group(2)
                body_start = im.end()
                body_end = self._match_brace(text, body_start - 1)
                path = ".".join([n for k, n in stack if k == "ns"] + [name])
                self.interfaces[path] = self._fields(text[body_start:body_end])
                pos = body_end + 1
            elif kind == "type":
                tm = re.compile(r"\s*(export\s+)?type\s+(\w+)(<[^>]*>)?\s*=").match(text, pos)
                end = self._skip_statement(text, tm.end())
                path = ".".join([n for k, n in stack if k == "ns"] + [tm.group(2)])
                self.aliases[path] = text[tm.end():end].strip().rstrip(";")
                pos = end
            elif kind in ("class", "function", "abstract"):
                brace = text.index("{", pos)
                pos = self._match_brace(text, brace) + 1
            else:
                pos = self._skip_statement(text, pos)

    @staticmethod
    def _match_brace(text, open_pos):
        depth = 0
        for i in range(open_pos, len(text)):
            if text[i] == "{":
                depth += 1
            elif text[i] == "}":
                depth -= 1
                if depth == 0:
                    return i
        raise ValueError("unbalanced braces")

    @staticmethod
    def _skip_statement(text, pos):
        depth = 0
        i = pos
        while i < len(text):
            c = text[i]
            if c in "{(<[":
                depth += 1
            elif c in "})>]":
                depth -= 1
            elif c == ";" and depth == 0:
                return i + 1
            elif c == "'":
                i = text.index("'", i + 1)
            i += 1
        return i

    def _fields(self, body):
        fields = []
        pos = 0
        field = re.compile(r"\s*(readonly\s+)?(\w+)(\?)?\s*:")
        while pos < len(body):
            if body[pos].isspace():
                pos += 1
                continue
            m = field.match(body, pos)
            if not m:
                pos = self._skip_statement(body, pos)
                continue
            end = self._skip_statement(body, m.end())
            fields.append((m.group(2), m.group(3) is None, body[m.end():end].strip().rstrip(";").strip()))
            pos = end
        return fields


def split_top(expr, sep):
    parts, depth, current, i = [], 0, "", 0
    while i < len(expr):
        c = expr[i]
        if c == "'":
            j = expr.index("'", i + 1)
            current += expr[i:j + 1]
            i = j + 1
            continue
        if c in "{(<[":
            depth += 1
        elif c in "})>]":
            depth -= 1
        if c == sep and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += c
        i += 1
    if current.strip():
        parts.append(current.strip())
    return parts


class Generator:

    def __init__(self, root):
        self.root = root
        self.defs = {}
        self.files = {}

    def file(self, name):
        if name not in self.files:
            with open(os.path.join(self.root, "src", "resources", name), encoding="utf-8") as f:
                self.files[name] = FileTypes(f.read())
        return self.files[name]

    def run(self):
        for file, interface, name in ROOTS:
            self.define(file, interface, name)
        return {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$comment": "Generated by generate_schema.py from stripe-node's types; see README.md",
            "$defs": dict(sorted(self.defs.items())),
        }

    def define(self, file, path, name):
        if name in self.defs:
            return
        self.defs[name] = {}  # reserves the name against recursion
        types = self.file(file)
        fields = types.interfaces[path]
        scope = path if path != "EventBase" else "Event"
        properties, required = {}, []
        for field, always, expr in fields:
            properties[field] = self.type(file, scope, expr)
            if always:
                required.append(field)
        self.defs[name] = {
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }

    def resolve(self, file, scope, ref):
        """The dotted path of a name used in `scope` (TypeScript's namespace lookup), or None."""
        types = self.file(file)
        parts = scope.split(".")
        for i in range(len(parts), -1, -1):
            candidate = ".".join(parts[:i] + [ref])
            if candidate in types.interfaces or candidate in types.aliases:
                return candidate
        return None

    def type(self, file, scope, expr):
        options = split_top(expr, "|")
        nullable = "null" in options
        options = [o for o in options if o not in ("null", "OtherString", "")]
        literals = [o[1:-1] for o in options if o.startswith("'")]
        others = [o for o in options if not o.startswith("'")]
        schemas = []
        if literals:
            schemas.append({"type": "string", "enum": literals})
        for o in others:
            schemas.append(self.single(file, scope, o))
        if nullable:
            schemas.append({"type": "null"})
        # an open enum (`'a' | 'b' | OtherString`) keeps only the documented values; a bare `string` beside
        # literals widens it back
        if any(s == {"type": "string"} for s in schemas) and literals:
            schemas = [s for s in schemas if "enum" not in s]
        unique = []
        for s in schemas:
            if s not in unique:
                unique.append(s)
        return unique[0] if len(unique) == 1 else {"anyOf": unique}

    def single(self, file, scope, o):
        o = o.strip()
        if o.startswith("(") and o.endswith(")"):
            return self.type(file, scope, o[1:-1])
        if o == "string":
            return {"type": "string"}
        if o == "number":
            return {"type": "number"}
        if o == "boolean":
            return {"type": "boolean"}
        if o in ("true", "false"):
            return {"const": o == "true"}
        if o in ("Metadata", "Stripe.Metadata"):
            return {"type": "object", "additionalProperties": {"type": "string"}}
        if o.endswith("[]"):
            return {"type": "array", "items": self.type(file, scope, o[:-2])}
        m = re.fullmatch(r"Array<(.*)>", o, re.S)
        if m:
            return {"type": "array", "items": self.type(file, scope, m.group(1))}
        m = re.fullmatch(r"ApiList<(.*)>", o, re.S)
        if m:
            return {
                "type": "object",
                "properties": {
                    "object": {"const": "list"},
                    "data": {"type": "array", "items": self.type(file, scope, m.group(1))},
                    "has_more": {"type": "boolean"},
                    "url": {"type": "string"},
                },
                "required": ["object", "data", "has_more", "url"],
                "additionalProperties": False,
            }
        if o.startswith("{"):
            inner = o[1:-1].strip()
            m = re.fullmatch(r"\[\s*\w+\s*:\s*string\s*\]\s*:\s*(.*?);?", inner, re.S)
            if m:
                return {"type": "object", "additionalProperties": self.type(file, scope, m.group(1))}
            return {"type": "object"}
        name = o.removeprefix("Stripe.")
        path = self.resolve(file, scope, name)
        if path is not None:
            types = self.file(file)
            if path in types.aliases:
                return self.type(file, path.rsplit(".", 1)[0] if "." in path else "", types.aliases[path])
            if path in TOP_LEVEL and any(f == file and i == path for f, i, _ in ROOTS):
                return {"$ref": "#/$defs/" + TOP_LEVEL[path]}
            if not types.interfaces[path]:
                # an empty interface (an event's `data.object`): any object, checked by what it is
                return {"type": "object"}
            key = self.key(file, path)
            if key not in self.defs:
                self.defs[key] = {}
                properties, required = {}, []
                for field, always, expr in types.interfaces[path]:
                    properties[field] = self.type(file, path, expr)
                    if always:
                        required.append(field)
                self.defs[key] = {
                    "type": "object",
                    "properties": properties,
                    "required": required,
                    "additionalProperties": False,
                }
            return {"$ref": "#/$defs/" + key}
        if name in TOP_LEVEL:
            return {"$ref": "#/$defs/" + TOP_LEVEL[name]}
        # another resource of Stripe's, outside this contract (Customer, Application…): any object
        return {"type": "object"}

    def key(self, file, path):
        for f, interface, name in ROOTS:
            if f == file:
                root = "Event" if interface == "EventBase" else interface
                suffix = path[len(root) + 1:] if path.startswith(root + ".") else path
                return name + "." + suffix
        raise KeyError(file)


if __name__ == "__main__":
    json.dump(Generator(sys.argv[1]).run(), sys.stdout, indent=1, sort_keys=False)
    sys.stdout.write("\n")
