-- wrk script: cycles through plain, typo and faceted searches of one region and counts, per answer, whether it
-- was a full result page, a degraded one (database fallback), the "busy" page, or a status of 500 or more.
-- PATHS (env) overrides the three paths, separated by spaces.
local paths = {}
local configured = os.getenv("PATHS")
if configured then
	for p in configured:gmatch("%S+") do table.insert(paths, p) end
else
	paths = { "/us/search?q=hoodie", "/us/search?q=hoddie", "/us/search?q=t-shirt&category=t-shirts&size=M" }
end
local threads = {}
local counter = 0

function setup(thread)
	thread:set("full", 0)
	thread:set("degraded", 0)
	thread:set("busy", 0)
	thread:set("errors5xx", 0)
	thread:set("other", 0)
	table.insert(threads, thread)
end

function request()
	counter = counter + 1
	return wrk.format("GET", paths[(counter % #paths) + 1])
end

function response(status, headers, body)
	if status >= 500 then
		errors5xx = errors5xx + 1
	elseif status ~= 200 then
		other = other + 1
	elseif body:find('search-page__busy', 1, true) then
		busy = busy + 1
	elseif body:find('search-page__degraded', 1, true) then
		degraded = degraded + 1
	elseif body:find('class="search-page"', 1, true) then
		full = full + 1
	else
		other = other + 1
	end
end

function done(summary, latency, requests)
	local f, d, b, e, o = 0, 0, 0, 0, 0
	for _, t in ipairs(threads) do
		f = f + t:get("full"); d = d + t:get("degraded"); b = b + t:get("busy")
		e = e + t:get("errors5xx"); o = o + t:get("other")
	end
	local total = f + d + b + e + o
	io.write(string.format("MIX %.0f req/s, p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, %d answers: %d full (%.1f%%), %d degraded, %d busy, %d >= 500, %d other, %d socket errors\n",
		summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(95) / 1000,
		latency:percentile(99) / 1000, total, f, 100 * f / math.max(total, 1), d, b, e, o,
		summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
