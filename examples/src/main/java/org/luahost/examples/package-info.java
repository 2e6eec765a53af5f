/** luahost examples module (see DESIGN.md). */
package org.luahost.examples;
