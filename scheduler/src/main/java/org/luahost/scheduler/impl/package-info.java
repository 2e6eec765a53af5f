/**
 * How sessions work: {@code HostImpl} (registry, verticles, event bus, idle
 * sweep), {@code SessionImpl} (mailbox, drainer, turns, waits, work meter),
 * {@code Envelope} (one message), {@code HostLibrary} (the Lua {@code host}
 * table), {@code ValueCopy} (deep copies between sessions),
 * {@code Footprint} (the memory estimate), {@code TimerHandle}.
 */
package org.luahost.scheduler.impl;
