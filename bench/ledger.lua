-- wrk script: each request asks for a different filtered, sorted page of the ledger
-- (unit, category, light and a due-date quarter), so no single plan or cache line is measured.
-- BASE (env): "/api/work" (JSON API) or "/work" (HTML page).
local base = os.getenv("BASE") or "/api/work"
local units = {}
for u = tonumber(os.getenv("UNIT_FROM") or "2"), tonumber(os.getenv("UNIT_TO") or "24") do units[#units + 1] = u end
local categories = { "routine", "central", "special", "emergency" }
local lights = { "GREEN", "YELLOW", "RED" }
local quarters = {
  { "2025-01-01", "2025-03-31" }, { "2025-04-01", "2025-06-30" }, { "2025-07-01", "2025-09-30" },
  { "2025-10-01", "2025-12-31" }, { "2026-01-01", "2026-03-31" }, { "2026-04-01", "2026-06-30" },
  { "2026-07-01", "2026-09-30" }, { "2026-10-01", "2026-12-31" } }
local sorts = { "DEADLINE_ASC", "DEADLINE_DESC" }
local n = 0
request = function()
  n = n + 1
  local q = quarters[math.random(#quarters)]
  local path = string.format("%s?unit=%d&category=%s&light=%s&dueFrom=%s&dueTo=%s&sort=%s", base,
    units[math.random(#units)], categories[math.random(#categories)], lights[math.random(#lights)],
    q[1], q[2], sorts[math.random(#sorts)])
  return wrk.format("GET", path)
end
-- wrk counts answers with status >= 400 as errors.status; a fast error page is never a fast ledger
done = function(summary, latency, requests)
  io.write(string.format("non-200 responses: %d (socket errors: connect %d, read %d, timeout %d)\n",
    summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.timeout))
  io.write(string.format("p50 %.1f ms  p90 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms  %.1f req/s\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, summary.requests / (summary.duration / 1e6)))
end
