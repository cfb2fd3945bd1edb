-- wrk script for bench/search.sh: each request takes the next path of the file given after
-- "--", so that the server answers many different searches rather than one.
local paths = {}
local next_path = 1

function init(args)
  for line in io.lines(args[1]) do
    paths[#paths + 1] = line
  end
  -- Each wrk thread starts at another place in the list.
  next_path = math.random(#paths)
end

function request()
  local path = paths[next_path]
  next_path = next_path % #paths + 1
  return wrk.format("GET", path)
end
