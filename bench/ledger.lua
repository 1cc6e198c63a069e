-- wrk script: each request asks for a different filtered, sorted page of the ledger
-- (unit, category, light and a due-date quarter), so no single plan or cache line is measured.
-- BASE (env): "/api/work" (JSON API) or "/work" (HTML page).
-- SESSIONS (env, optional): a file of "SESSION=..." cookies, one a line, one per signed-in user; each
-- thread takes its share and sends them in turn, so that concurrent requests are different users'
-- (one session shared by every connection makes them queue on that session's row).
-- THINK (env, optional): milliseconds each user waits between pages (wrk's delay); unset, every
-- connection asks again as soon as it has its answer (the saturating case).
local base = os.getenv("BASE") or "/api/work"
local think = tonumber(os.getenv("THINK") or "0")
if think > 0 then
  delay = function() return math.random(math.floor(think / 2), think + math.floor(think / 2)) end
end
local sessions = {}
local sessionFile = os.getenv("SESSIONS")
if sessionFile then
  for line in io.lines(sessionFile) do sessions[#sessions + 1] = line end
end
local threads = 0
setup = function(thread)
  thread:set("first", threads)
  threads = threads + 1
end
local mine = nil
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
  if mine == nil then
    mine = {}
    -- first is set by setup(): thread k takes sessions k+1, k+1+THREADS, ...
    local count = tonumber(os.getenv("THREADS") or "1")
    for i = 1, #sessions do
      if (i - 1) % count == (first or 0) then mine[#mine + 1] = sessions[i] end
    end
  end
  local q = quarters[math.random(#quarters)]
  local path = string.format("%s?unit=%d&category=%s&light=%s&dueFrom=%s&dueTo=%s&sort=%s", base,
    units[math.random(#units)], categories[math.random(#categories)], lights[math.random(#lights)],
    q[1], q[2], sorts[math.random(#sorts)])
  if #mine > 0 then
    return wrk.format("GET", path, { Cookie = mine[(n % #mine) + 1] })
  end
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
