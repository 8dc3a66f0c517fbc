-- wrk script for bench/load.sh: each request is a path picked at random from
-- the file named by the URLS environment variable, one path per line.
local paths = {}
for line in io.lines(os.getenv("URLS")) do
  if line ~= "" then paths[#paths + 1] = line end
end

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end
