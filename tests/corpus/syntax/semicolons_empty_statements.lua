;
local a = 1;
;;
local b = 2;;;
print(a + b);
do ; end;
if true then ; end
for i = 1, 1 do ; end
print("ok");
