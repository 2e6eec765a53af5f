/** luahost persistence module (see DESIGN.md). */
package org.luahost.persistence;
