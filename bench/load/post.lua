-- wrk script for bench/load/run.sh: POSTs pre-generated JSON bodies, one a line of a file, in turn.
--   wrk ... -s post.lua URL -- BODY_FILE [BEARER_TOKEN]
-- Each thread formats every request once in init() and starts at its own offset in the list, so that the
-- connections do not ask the same questions in step. Nothing is built per request.

local requests = {}
local next_index = 1

function init(args)
  local file = assert(io.open(args[1], "r"), "cannot open " .. tostring(args[1]))
  local headers = { ["Content-Type"] = "application/json" }
  if args[2] and args[2] ~= "" then
    headers["Authorization"] = "Bearer " .. args[2]
  end
  for line in file:lines() do
    if line ~= "" then
      requests[#requests + 1] = wrk.format("POST", nil, headers, line)
    end
  end
  file:close()
  assert(#requests > 0, args[1] .. " has no bodies")
  math.randomseed(os.time() + tonumber(tostring(requests):match("0x(%x+)") or "0", 16))
  next_index = math.random(#requests)
end

function request()
  local r = requests[next_index]
  next_index = next_index % #requests + 1
  return r
end
