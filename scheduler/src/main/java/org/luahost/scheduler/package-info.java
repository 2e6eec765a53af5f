/** luahost scheduler module (see DESIGN.md). */
package org.luahost.scheduler;
