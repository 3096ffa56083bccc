-- wrk script: request the paths in PATHS (newline-separated, from the environment) in turn.
local paths = {}
for path in string.gmatch(os.getenv("PATHS") or "/", "[^\n]+") do
  paths[#paths + 1] = path
end
local index = 0

request = function()
  index = index % #paths + 1
  return wrk.format("GET", paths[index])
end
