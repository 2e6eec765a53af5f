/** The luahost command line: lua, run, serve. */
package org.luahost.cli;
