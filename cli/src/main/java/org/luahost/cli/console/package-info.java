/**
 * The web console of {@code luahost serve} ({@link org.luahost.cli.console.Console}):
 * pages served from the jar, their JSON routes ({@code /console/api/}, the
 * store's operations among them), the host sampler behind the charts, and
 * the globals-as-JSON view shared with {@code luahost sessions show --json}.
 */
package org.luahost.cli.console;
