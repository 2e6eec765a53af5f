/**
 * A minimal application embedding luahost: {@link org.example.embedding.Main}
 * runs a Lua session from a plain {@code main}, {@link org.example.embedding.GreeterVerticle}
 * owns a {@code LuaHost} for as long as it is deployed.
 */
package org.example.embedding;
