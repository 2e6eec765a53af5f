/** luahost coroutines module (see DESIGN.md). */
package org.luahost.coroutines;
