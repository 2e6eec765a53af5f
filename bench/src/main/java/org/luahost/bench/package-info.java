/** luahost bench module (see DESIGN.md). */
package org.luahost.bench;
