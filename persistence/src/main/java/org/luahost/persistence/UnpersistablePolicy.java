package org.luahost.persistence;

/** What {@link Persister#capture} does with a value it cannot save. */
public enum UnpersistablePolicy {
    /** Fail the capture with an {@link UnpersistableValueException} (the default): the previous snapshot stays. */
    FAIL,
    /** Save nil in its place (a table entry with such a key is left out) and report it in {@link Snapshot#warnings()}. */
    SKIP_WITH_WARNING
}
