-- wrk script: GET /stock/{sku} over SKUs named <prefix>-0 .. <prefix>-(count-1), chosen at random.
-- Set them with environment variables: SKU_PREFIX (default BENCH) and SKU_COUNT (default 1000).
local prefix = os.getenv("SKU_PREFIX") or "BENCH"
local count = tonumber(os.getenv("SKU_COUNT") or "1000")

request = function()
  return wrk.format("GET", "/stock/" .. prefix .. "-" .. math.random(0, count - 1))
end

done = function(summary, latency, requests)
  io.write(string.format("requests/s: %.0f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency p50: %.3f ms, p99: %.3f ms, max: %.3f ms\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("errors: %d (non-2xx responses counted by wrk: %d)\n",
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
