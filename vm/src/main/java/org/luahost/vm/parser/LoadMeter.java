package org.luahost.vm.parser;

/**
 * A load's work meter that also hears how many characters of the source the
 * lexer has read, every few hundred tokens: {@code load} charges the memory
 * of the parse with it as the parse gets there, so that a syntax error or
 * "C stack overflow" near the start of a huge source comes before its memory
 * runs out, as in lua5.4 (before, the whole parse was charged up front, and a
 * 1 MB source nested 10^5 deep said "not enough memory" in a 64 MB session).
 */
public interface LoadMeter extends java.util.function.IntConsumer {
    /** n more characters of the source were read. */
    void read(int n);
}
