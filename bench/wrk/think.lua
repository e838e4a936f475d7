-- pages.lua with a pause: each connection waits think_ms between an answer and its next request,
-- as a person reads a page before turning to the next (P4's auditors paging their queues). A
-- separate script because wrk routes every request through a timer once `delay` is defined.
--
--   wrk -t2 -c50 -d60s --timeout 30s -s bench/wrk/think.lua http://127.0.0.1:5202 -- targets.tsv 1000

dofile("bench/wrk/pages.lua")

local pages_init = init

function init(args)
  pages_init(args)
  think = tonumber(args[2] or "") or error("think.lua needs the pause in milliseconds after the targets file")
end

function delay()
  return think
end
