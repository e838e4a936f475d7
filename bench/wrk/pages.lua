-- wrk script of bench/run (bench/README.md): GETs the lines of a targets file
-- ("path<TAB>Cookie header", the cookie may be empty) round-robin, each thread from its own
-- offset, with the headers the reverse proxy of deploy/nginx.conf.example adds; counts every
-- answer other than 200 (a redirect to the login page is a failure, not a success) and prints
-- one "RESULT key=value ..." line, with the 95th percentile that wrk --latency does not print.
--
--   wrk -t2 -c64 -d10s --timeout 30s -s bench/wrk/pages.lua http://127.0.0.1:5202 -- targets.tsv

local threads = {}

function setup(thread)
  thread:set("thread_number", #threads)
  table.insert(threads, thread)
end

function init(args)
  targets = {}
  for line in io.lines(args[1]) do
    local path, cookie = line:match("^([^\t]+)\t?(.*)$")
    if path then
      local headers = { ["X-Forwarded-Proto"] = "https", ["X-Forwarded-For"] = "127.0.0.1" }
      if cookie ~= "" then
        headers["Cookie"] = cookie
      end
      table.insert(targets, wrk.format("GET", path, headers))
    end
  end
  if #targets == 0 then
    error("no targets in " .. args[1])
  end
  position = (thread_number * 7919) % #targets
  unexpected = 0
end

function request()
  position = position % #targets + 1
  return targets[position]
end

function response(status, headers, body)
  if status ~= 200 then
    unexpected = unexpected + 1
  end
end

function done(summary, latency, requests)
  local unexpected = 0
  for _, thread in ipairs(threads) do
    unexpected = unexpected + thread:get("unexpected")
  end
  local errors = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d seconds=%.3f rps=%.1f p50_ms=%.2f p90_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f non200=%d socket_errors=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000,
    unexpected, errors.connect + errors.read + errors.write + errors.timeout))
end
