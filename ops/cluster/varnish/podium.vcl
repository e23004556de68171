# The shared HTTP cache in front of the shop's instances: Varnish -> HAProxy -> instances.
#
# It keeps only what the shop marks as the same for every guest (Cache-Control: public, s-maxage=...): the
# storefront pages of guests without a session, and the static files. Everything with a session, an
# Authorization header, every non-GET, sign-in, account, cart, checkout and back office goes straight through.
# The shop names what each page shows in an `xkey` header and purges by those keys (PURGE with an
# `xkey-purge` or `xkey-softpurge` header) on every change, from the addresses of `acl purgers` only.
#
# Where the backend is and who may purge differ between the local cluster and docker-compose: they live in
# podium-site.vcl, found on vcl_path (ops/cluster/varnish/local/ or compose/).
# src/test/java/shop/podium/ClusterConfigurationTests.java compiles this file with `varnishd -C`.
vcl 4.1;

import std;
import xkey;

include "podium-site.vcl";

sub vcl_recv {
	if (req.method == "PURGE") {
		if (client.ip !~ purgers) {
			return (synth(403, "Not allowed to purge"));
		}
		if (req.http.xkey-purge) {
			set req.http.x-purged = xkey.purge(req.http.xkey-purge);
		} elsif (req.http.xkey-softpurge) {
			# kept as stale: served within grace while a fresh copy is fetched
			set req.http.x-purged = xkey.softpurge(req.http.xkey-softpurge);
		} else {
			return (synth(400, "Name the keys in an xkey-purge or xkey-softpurge header"));
		}
		return (synth(200, "Purged " + req.http.x-purged));
	}

	# Varnish is the front door here: what the shop reads of how it was reached is what Varnish saw (it has
	# appended the client to X-Forwarded-For itself). HAProxy behind keeps these.
	set req.http.X-Forwarded-Proto = "http";
	set req.http.X-Forwarded-Host = req.http.host;
	set req.http.X-Forwarded-Port = std.port(server.ip);
	unset req.http.x-podium-shared;
	unset req.http.x-podium-lang;
	unset req.http.x-podium-region;

	# marketing parameters change nothing on a page: one copy for every campaign
	if (req.url ~ "[?&](utm_[a-z]+|gclid|fbclid|msclkid|mc_cid|mc_eid|_ga|_gl)=") {
		set req.url = regsuball(req.url, "([?&])(utm_[a-z]+|gclid|fbclid|msclkid|mc_cid|mc_eid|_ga|_gl)=[^&]*&?", "\1");
		set req.url = regsub(req.url, "[?&]+$", "");
	}

	if (std.healthy(req.backend_hint)) {
		# a page past its s-maxage is served at most 10 s longer while a fresh one is fetched
		set req.grace = 10s;
	}

	if (req.method != "GET" && req.method != "HEAD") {
		return (pass);
	}
	if (req.http.Authorization || req.http.HX-Request) {
		return (pass);
	}
	# a fan with a session (a cart, signed in) gets pages of their own
	if (req.http.Cookie ~ "(^|;\s*)(SESSION|JSESSIONID)=") {
		return (pass);
	}

	# static files are the same for everyone and read no cookie
	if (req.url ~ "^/(css|js|themes|media|webjars)/" || req.url ~ "^/favicon\.ico$") {
		unset req.http.Cookie;
		return (hash);
	}

	# the storefront's browsing pages: a region's home, its categories, editions and sports, a product;
	# a language switch (?lang=) sets a cookie and is passed
	if (req.url !~ "^/[a-z]{2}(/(categories|editions|sports|products)/[^/?]+)?(\?.*)?$" || req.url ~ "[?&]lang=") {
		return (pass);
	}

	# The page depends on the language cookie only: hash on it, send the shop nothing else (tracking cookies,
	# the CSRF token cookie, the remembered region, which vcl_deliver sets from the address itself).
	set req.http.x-podium-shared = "1";
	if (req.http.Cookie ~ "(^|;\s*)podium_lang=[A-Za-z-]+") {
		set req.http.x-podium-lang = regsub(req.http.Cookie, "^(.*;\s*)?podium_lang=([A-Za-z-]+).*$", "\2");
	}
	if (req.http.Cookie ~ "(^|;\s*)podium_region=[a-z]+") {
		set req.http.x-podium-region = regsub(req.http.Cookie, "^(.*;\s*)?podium_region=([a-z]+).*$", "\2");
	}
	if (req.http.x-podium-lang) {
		set req.http.Cookie = "podium_lang=" + req.http.x-podium-lang;
	} else {
		unset req.http.Cookie;
	}

	# the shop answers with Vary: Accept-Language; only its five languages make a difference
	if (req.http.Accept-Language) {
		set req.http.Accept-Language = regsub(std.tolower(req.http.Accept-Language), "^.*?\b(en|fr|ja|ko|zh)\b.*$", "\1");
		if (req.http.Accept-Language !~ "^(en|fr|ja|ko|zh)$") {
			unset req.http.Accept-Language;
		}
	}
	return (hash);
}

sub vcl_hash {
	hash_data(req.url);
	if (req.http.host) {
		# pages carry absolute links
		hash_data(req.http.host);
	}
	if (req.http.x-podium-lang) {
		hash_data(req.http.x-podium-lang);
	}
	return (lookup);
}

sub vcl_backend_response {
	# the shop's answer for a shared page may remember the region the guest browses: that cookie is set per
	# visitor in vcl_deliver, never kept in the shared copy
	if (bereq.http.x-podium-shared && beresp.http.Cache-Control ~ "public") {
		unset beresp.http.Set-Cookie;
	}
	# while no instance answers, the last good copy is served for up to 6 h (req.grace is 10 s when healthy)
	set beresp.grace = 6h;
	# kept a while longer still, for conditional requests
	set beresp.keep = 1h;
	if (beresp.status >= 500 && bereq.is_bgfetch) {
		# a failed background refresh must not replace the stale copy
		return (abandon);
	}
}

sub vcl_deliver {
	if (req.http.x-podium-shared && resp.status == 200 && !resp.http.Set-Cookie) {
		set req.http.x-podium-here = regsub(req.url, "^/([a-z]{2}).*$", "\1");
		if (req.http.x-podium-region != req.http.x-podium-here) {
			set resp.http.Set-Cookie = "podium_region=" + req.http.x-podium-here
					+ "; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax";
		}
	}
	if (obj.hits > 0) {
		set resp.http.X-Cache = "HIT";
	} else {
		set resp.http.X-Cache = "MISS";
	}
	# the keys are for this cache only
	unset resp.http.xkey;
}

sub vcl_synth {
	set resp.http.Content-Type = "text/plain; charset=utf-8";
	set resp.body = resp.reason;
	return (deliver);
}
