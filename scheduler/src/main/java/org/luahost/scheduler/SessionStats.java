package org.luahost.scheduler;

/**
 * Counters of one session at one moment: messages handled (calls, sends,
 * timer callbacks), how many of them ended in an error, CPU time used by
 * turns (time holding a carrier thread), the estimated memory of its Lua
 * values at the last check, and the messages waiting in its mailbox.
 */
public record SessionStats(String id, long handled, long errors, long cpuNanos, long memoryEstimate, long mailbox,
                           long idleMillis) {}
