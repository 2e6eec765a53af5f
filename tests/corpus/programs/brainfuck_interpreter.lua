local function bf(code, input)
  local tape, ptr, pc, out, inp = {}, 1, 1, {}, 1
  local jump, stack = {}, {}
  for i = 1, #code do
    local c = code:sub(i, i)
    if c == "[" then stack[#stack + 1] = i
    elseif c == "]" then
      local j = table.remove(stack)
      if not j then error("unmatched ] at " .. i, 0) end
      jump[i], jump[j] = j, i
    end
  end
  if #stack > 0 then error("unmatched [ at " .. stack[#stack], 0) end
  local steps = 0
  while pc <= #code do
    local c = code:sub(pc, pc)
    if c == ">" then ptr = ptr + 1
    elseif c == "<" then ptr = ptr - 1
    elseif c == "+" then tape[ptr] = ((tape[ptr] or 0) + 1) % 256
    elseif c == "-" then tape[ptr] = ((tape[ptr] or 0) - 1) % 256
    elseif c == "." then out[#out + 1] = string.char(tape[ptr] or 0)
    elseif c == "," then tape[ptr] = input:byte(inp) or 0 inp = inp + 1
    elseif c == "[" and (tape[ptr] or 0) == 0 then pc = jump[pc]
    elseif c == "]" and (tape[ptr] or 0) ~= 0 then pc = jump[pc]
    end
    pc = pc + 1
    steps = steps + 1
  end
  return table.concat(out), steps
end
local hello = "++++++++[>++++[>++>+++>+++>+<<<<-]>+>+>->>+[<]<-]>>.>---.+++++++..+++.>>.<-.<.+++.------.--------.>>+.>++."
print(bf(hello, ""))
print(bf(",[.,]", "echo me"))
print(bf(",>,<[->+<]>.", "\20\30"):byte())
print(pcall(bf, "[[]", ""))
print(pcall(bf, "]", ""))
