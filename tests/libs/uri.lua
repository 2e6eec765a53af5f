-- debian: lua-uri
-- lua-uri (Debian lua-uri, Lua 5.1 folder): parsing and normalising URIs of
-- several schemes, components get/set, resolution of relative references,
-- relativize, equality, file URIs, URNs (ISBN, ISSN, OID), errors.
local S = dofile((arg[0]:match("^(.*)/") or ".") .. "/support/show.lua")
S.use51()
S.where("uri")
local URI = require("uri")
local check = S.check
print(URI._NAME, URI.VERSION)
local function parts(u)
  return table.concat({ tostring(u:scheme()), tostring(u:userinfo()), tostring(u:host()), tostring(u:port()),
                        tostring(u:path()), tostring(u:query()), tostring(u:fragment()) }, " | ")
end
local inputs = {
  "http://example.com/", "HTTP://EXAMPLE.COM:80/a/./b/../c?q=1#frag", "https://user:pw@host.org:8443/p%7e%41?x=%2f",
  "ftp://ftp.example.org/pub/file.txt;type=i", "mailto:someone@example.com", "news:comp.lang.lua",
  "telnet://host:23/", "http://[::1]:8080/ipv6", "http://host/%e2%82%ac", "foo://bar/baz?#",
  "urn:isbn:0-395-36341-1", "urn:ISSN:0167-6423", "urn:oid:1.3.6.1.4.1", "urn:example:Foo%2fbar",
  "file:///etc/passwd", "file://localhost/tmp/x%20y", "data:,Hello%2C%20World!", "data:text/plain;charset=utf-8,abc",
  "pop://rg;AUTH=+APOP@mail.example.com:8110", "rtsp://media.example.com:554/twister/audiotrack",
  "http://a/b/c/d;p?q", "x-custom:opaque/path",
}
for _, s in ipairs(inputs) do
  local u, err = URI:new(s)
  if u then print(s, "=>", tostring(u), "|", u._NAME, "|", parts(u)) else print(s, "=> error", err) end
end
for _, bad in ipairs { "http://exa mple.com/", "http://host:port/", "%zz", "http://host/%", "1http://x", "urn:isbn:123",
                       "urn:oid:1..2", "http://[::1/" } do
  -- some are returned as nil, message; others raised with a level that names this line
  local ok, u, err = pcall(URI.new, URI, bad)
  if ok then print("bad", bad, u and tostring(u), err) else print("bad", bad, "raised", u) end
end
-- relative resolution (RFC 3986 section 5.4 examples)
local base = "http://a/b/c/d;p?q"
for _, r in ipairs { "g:h", "g", "./g", "g/", "/g", "//g", "?y", "g?y", "#s", "g#s", "g?y#s", ";x", "g;x", "g;x?y#s",
                     "", ".", "./", "..", "../", "../g", "../..", "../../", "../../g", "../../../g", "../../../../g",
                     "/./g", "/../g", "g.", ".g", "g..", "..g", "./../g", "./g/.", "g/./h", "g/../h", "g;x=1/./y",
                     "g;x=1/../y", "g?y/./x", "g?y/../x", "g#s/./x", "g#s/../x" } do
  local u = assert(URI:new(r, base))
  io.write(r, " -> ", tostring(u), "\n")
end
-- setters
local u = URI:new("http://example.com/path?q#f")
print(u:scheme("https"), tostring(u), u._NAME)
print(u:host("Other.Example.ORG"), tostring(u))
print(u:port(8443), tostring(u))
print(u:port(443), tostring(u))
print(u:path("/new path/ä"), tostring(u))
print(u:query("a=1&b=2"), tostring(u))
print(u:fragment("sec 2"), tostring(u))
check("userinfo on http", function() return u:userinfo("me:secret") end)
local f = URI:new("ftp://ftp.example.org/pub")
print(f:userinfo("me:secret"), tostring(f), f:username(), f:password())
print(f:username("you"), f:password("pw2"), tostring(f))
check("bad port", function() return u:port("x") end)
check("bad scheme", function() return u:scheme("1x") end)
local r = URI:new("http://a/b/c/g?x#y")
print(tostring(r), URI.eq(r, "http://a/b/c/g?x#y"), URI.eq(r, "http://A:80/b/c/g?x#y"), URI.eq(r, "http://a/b/c/g?x"))
print(r:uri("ftp://changed.example/x"), tostring(r), r._NAME)
check("uri nil", function() return r:uri(nil) end)
local rel = URI:new("http://a/b/c/g?x#y")
rel:relativize("http://a/b/d/e")
print("relativize", tostring(rel), rel:is_relative())
local rel2 = URI:new("../x/y", "http://host/a/b/c")
print("resolved", tostring(rel2))
local r3 = URI:new("../x")
print("relative", tostring(r3), r3:is_relative(), r3._NAME)
r3:resolve("http://h/a/b/")
print("after resolve", tostring(r3))
-- file URIs
local FileURI = require("uri.file")
print(tostring(FileURI.make_file_uri("/home/user/my file.txt", "unix")), tostring(FileURI.make_file_uri("C:\\Dir\\f.txt", "win32")))
print(URI:new("file:///home/user/my%20file.txt"):filesystem_path("unix"), URI:new("file:///C:/Dir/f.txt"):filesystem_path("win32"))
-- urns
local isbn = URI:new("urn:isbn:0-395-36341-1")
print(isbn._NAME, isbn:nid(), isbn:nss(), isbn.isbn_digits and isbn:isbn_digits())
print(tostring(URI:new("URN:ISBN:0395363411")), tostring(URI:new("urn:issn:0167-642x")))
local oid = URI:new("urn:oid:1.3.6.1")
print(oid:nid(), oid:nss(), oid.oid_numbers and S.show(oid:oid_numbers()))
-- data URIs (base64 needs a C module, so only the percent-encoded form)
local d = URI:new("data:text/plain;charset=us-ascii,A%20brief%20note")
print(d:data_media_type(), d:data_bytes())
d:data_bytes("new bytes, with %")
print(tostring(d))
-- utilities
local Util = require("uri._util")
print(Util.uri_encode("a b/c?d=é"), Util.uri_decode("a%20b%2Fc"), Util.uri_encode("abc", "^a"))
print(Util.remove_dot_segments("/a/b/c/./../../g"), Util.remove_dot_segments("mid/content=5/../6"))
print(S.show(Util.split(",", "a,b,,c")), S.show(Util.split(",", "a,b,c", 2)))
